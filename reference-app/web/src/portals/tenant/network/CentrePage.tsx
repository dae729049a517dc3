// /tenant/centres/:id: a centre in four tabs (Général, Horaires, Fermetures, Tarifs), with its
// status: an inactive centre is out of the public search, activating it brings it in.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { keys } from '@/api/keys';
import { errorMessage } from '@/api/messages';
import type { NetworkCentre } from '@/api/types';
import { agenciesQuery, centreQuery, updateCentre } from '@/features/network/api';
import { Badge, Button, ConfirmDialog, Failure, Loading, PageTitle, Tabs, useToast } from '@/ui';
import { CentreSettings } from './CentreSettings';
import { Closures } from './Closures';
import { HoursEditor } from './HoursEditor';
import { Offers } from './Offers';
import { PLACE_STATUS } from './status';

/** The centre page. */
export default function CentrePage() {
  const { id = '' } = useParams();
  const toast = useToast();
  const client = useQueryClient();
  const centre = useQuery(centreQuery(id));
  const agencies = useQuery(agenciesQuery());
  const [confirming, setConfirming] = useState(false);
  const toggle = useMutation({
    mutationFn: (c: NetworkCentre) => updateCentre(c.id, { status: c.status === 'active' ? 'inactive' : 'active' }),
    onSuccess: (saved) => {
      client.setQueryData(keys.centre(saved.id), saved);
      client.invalidateQueries({ queryKey: keys.allCentres() });
      toast('success', saved.status === 'active' ? `${saved.name} est activé : il apparaît dans la recherche.` : `${saved.name} est désactivé : il sort de la recherche.`);
    },
    onError: (e) => toast('error', errorMessage(e)),
    onSettled: () => setConfirming(false),
  });
  if (centre.isPending) return <Loading />;
  if (centre.isError) return <Failure message={errorMessage(centre.error)} retry={() => centre.refetch()} />;
  const c = centre.data;
  const agency = agencies.data?.find((a) => a.id === c.agency_id);
  const active = c.status === 'active';
  return (
    <div className="flex flex-col gap-4">
      <PageTitle
        sub={
          <>
            {c.code} · {c.postcode} {c.city}
            {agency && (
              <>
                {' · '}
                <Link to={`/tenant/agences/${agency.id}`} className="underline">
                  {agency.name}
                </Link>
              </>
            )}
          </>
        }
      >
        {c.name}
      </PageTitle>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={PLACE_STATUS[c.status]?.tone}>{PLACE_STATUS[c.status]?.label ?? c.status}</Badge>
        <span className="text-sm">{c.inspector_count} contrôleur(s) actif(s)</span>
        <Button variant={active ? 'danger' : 'primary'} onClick={() => setConfirming(true)} data-testid="centre-toggle">
          {active ? 'Désactiver' : 'Activer'}
        </Button>
      </div>
      <Tabs
        tabs={[
          { id: 'general', label: 'Général', content: <CentreSettings key={c.id} centre={c} agencies={agencies.data ?? []} /> },
          { id: 'hours', label: 'Horaires', content: <HoursEditor key={c.id} centre={c} /> },
          { id: 'closures', label: 'Fermetures', content: <Closures centre={c} /> },
          { id: 'offers', label: 'Tarifs', content: <Offers centre={c} /> },
        ]}
      />
      <ConfirmDialog
        open={confirming}
        onClose={() => !toggle.isPending && setConfirming(false)}
        onConfirm={() => toggle.mutate(c)}
        pending={toggle.isPending}
        danger={active}
        title={active ? `Désactiver ${c.name} ?` : `Activer ${c.name} ?`}
        confirmLabel={active ? 'Désactiver' : 'Activer'}
      >
        <p>
          {active
            ? 'Le centre sort de la recherche publique : plus aucun rendez-vous ne peut y être pris en ligne. Les rendez-vous déjà pris sont conservés.'
            : c.opening_hours.length === 0
              ? 'Le centre n’a pas encore d’horaires : il entrera dans la recherche, mais sans créneau tant que ses horaires ne sont pas définis.'
              : 'Le centre entre dans la recherche publique : ses créneaux deviennent réservables.'}
        </p>
      </ConfirmDialog>
    </div>
  );
}
