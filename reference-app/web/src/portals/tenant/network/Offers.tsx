// The centre's "Tarifs" tab: one row per control type and vehicle category it inspects, the
// price tax included (typed in euros, kept in cents), an optional duration, whether it is
// offered, and whether the row is the centre's own or the network's default. A row changed here
// becomes the centre's own; saving replaces the centre's own rows.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { keys } from '@/api/keys';
import { errorMessage } from '@/api/messages';
import type { CentreOffer, NetworkCentre } from '@/api/types';
import { CONTROL_TYPE, VEHICLE_CATEGORY, type ControlType, type VehicleCategory } from '@/domain/vocabulary';
import { offersQuery, replaceOffers } from '@/features/network/api';
import { rowProblem, toOfferInputs, toRow, type OfferRow as Row } from '@/features/network/offers';
import { Alert, Badge, Button, Checkbox, Failure, Input, Loading, useToast } from '@/ui';

const controlLabel = (code: string) => CONTROL_TYPE[code as ControlType]?.option ?? code;
const categoryLabel = (code: string) => VEHICLE_CATEGORY[code as VehicleCategory]?.option ?? code;

/** The offers editor of `centre`, once its offers are loaded. */
function OffersTable({ centre, offers }: { centre: NetworkCentre; offers: CentreOffer[] }) {
  const client = useQueryClient();
  const toast = useToast();
  const [rows, setRows] = useState(() => offers.map(toRow));
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: () => replaceOffers(centre.id, toOfferInputs(rows)),
    onSuccess: (saved) => {
      client.setQueryData(keys.offers(centre.id), saved);
      setRows(saved.map(toRow));
      setChecked(false);
      toast('success', 'Tarifs enregistrés.');
    },
    onError: (e) => toast('error', errorMessage(e)),
  });
  const edit = (index: number, patch: Partial<Row>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...patch, own: patch.own ?? true } : r)));
  const invalid = rows.some((r) => rowProblem(r) !== null);
  return (
    <div className="flex flex-col gap-3" data-testid="offers">
      <div className="overflow-x-auto">
        <table className="w-full min-w-[44rem] text-sm">
          <caption className="sr-only">Tarifs du centre</caption>
          <thead>
            <tr className="border-b border-gray-200 text-left">
              <th scope="col" className="py-2 pr-2">Contrôle</th>
              <th scope="col" className="py-2 pr-2">Catégorie</th>
              <th scope="col" className="py-2 pr-2">Prix TTC (€)</th>
              <th scope="col" className="py-2 pr-2">Durée (min)</th>
              <th scope="col" className="py-2 pr-2">Proposé</th>
              <th scope="col" className="py-2">Origine</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const name = `${controlLabel(r.control_type)}, ${categoryLabel(r.vehicle_category)}`;
              const problem = checked ? rowProblem(r) : null;
              return (
                <tr key={`${r.control_type}-${r.vehicle_category}`} className="border-b border-gray-100 align-top" data-testid="offer-row">
                  <td className="py-2 pr-2">{controlLabel(r.control_type)}</td>
                  <td className="py-2 pr-2">{categoryLabel(r.vehicle_category)}</td>
                  <td className="py-2 pr-2">
                    <Input inputMode="decimal" className="w-28" aria-label={`Prix TTC en euros : ${name}`} value={r.price} aria-invalid={problem ? true : undefined} onChange={(e) => edit(i, { price: e.target.value })} />
                    {problem && (
                      <p role="alert" className="mt-1 text-xs font-medium text-status-absent">
                        {problem}
                      </p>
                    )}
                  </td>
                  <td className="py-2 pr-2">
                    <Input type="number" min={5} max={240} className="w-24" aria-label={`Durée en minutes : ${name}`} placeholder="Par défaut" value={r.duration} onChange={(e) => edit(i, { duration: e.target.value })} />
                  </td>
                  <td className="py-2 pr-2">
                    <Checkbox label="Proposé" aria-label={`Proposé : ${name}`} checked={r.active} onChange={(e) => edit(i, { active: e.target.checked })} />
                  </td>
                  <td className="py-2">
                    {r.own ? (
                      <div className="flex flex-col items-start gap-1">
                        <Badge tone="brand">Tarif du centre</Badge>
                        <Button variant="ghost" size="sm" onClick={() => edit(i, { own: false })} aria-label={`Revenir au tarif du réseau : ${name}`}>
                          Revenir au réseau
                        </Button>
                      </div>
                    ) : (
                      <Badge>Tarif du réseau</Badge>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="text-xs">
        TVA {(offers[0]?.vat_rate_bp ?? 2000) / 100} % incluse. Une durée vide reprend la durée standard du contrôle. Une ligne « Revenir au réseau » reprend, une fois enregistrée, le tarif du
        réseau.
      </p>
      {checked && invalid && <Alert tone="error">Corrigez les tarifs signalés avant d’enregistrer.</Alert>}
      <div className="flex justify-end">
        <Button
          loading={save.isPending}
          data-testid="offers-save"
          onClick={() => {
            setChecked(true);
            if (!invalid) save.mutate();
          }}
        >
          Enregistrer les tarifs
        </Button>
      </div>
    </div>
  );
}

/** The offers tab of `centre`. */
export function Offers({ centre }: { centre: NetworkCentre }) {
  const offers = useQuery(offersQuery(centre.id));
  if (offers.isPending) return <Loading />;
  if (offers.isError) return <Failure message={errorMessage(offers.error)} retry={() => offers.refetch()} />;
  if (offers.data.length === 0) return <Alert tone="info">Ce centre ne contrôle encore aucune catégorie : choisissez-en dans l’onglet Général.</Alert>;
  return <OffersTable key={offers.dataUpdatedAt} centre={centre} offers={offers.data} />;
}
