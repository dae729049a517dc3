// /tenant/agences/:id: an agency's details, its figures (centres, active centres, inspectors)
// and its centres; edit it, deactivate or reactivate it, add a centre to it.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { keys } from '@/api/keys';
import { errorMessage } from '@/api/messages';
import type { Agency } from '@/api/types';
import { useMe } from '@/features/auth/session';
import { agencyQuery, centresQuery, updateAgency } from '@/features/network/api';
import { agencyFigures } from '@/features/network/figures';
import { Badge, Button, Card, ConfirmDialog, Failure, Loading, PageTitle, useToast } from '@/ui';
import { CentreTable } from './CentreTable';
import { PLACE_STATUS } from './status';

const LINK = 'inline-flex h-10 items-center rounded-md border border-ink/30 bg-white px-4 text-sm font-semibold text-ink-strong hover:bg-brand-50 dark:bg-gray-800 dark:text-gray-100';

function Figure({ label, value, testId }: { label: string; value: number | string; testId: string }) {
  return (
    <Card>
      <p className="text-sm">{label}</p>
      <p className="text-2xl font-bold text-ink-strong dark:text-gray-100" data-testid={testId}>
        {value}
      </p>
    </Card>
  );
}

/** The agency page. */
export default function AgencyPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const toast = useToast();
  const client = useQueryClient();
  const agency = useQuery(agencyQuery(id));
  const centres = useQuery(centresQuery(id));
  const [confirming, setConfirming] = useState(false);
  const toggle = useMutation({
    mutationFn: (a: Agency) => updateAgency(a.id, { status: a.status === 'active' ? 'inactive' : 'active' }),
    onSuccess: (saved) => {
      client.setQueryData(keys.agency(saved.id), saved);
      client.invalidateQueries({ queryKey: keys.agencies() });
      toast('success', saved.status === 'active' ? `${saved.name} est réactivée.` : `${saved.name} est désactivée.`);
    },
    onError: (e) => toast('error', errorMessage(e)),
    onSettled: () => setConfirming(false),
  });
  if (agency.isPending) return <Loading />;
  if (agency.isError) return <Failure message={errorMessage(agency.error)} retry={() => agency.refetch()} />;
  const a = agency.data;
  const role = me.data?.role;
  const manages = role === 'ADMIN_TENANT' || (role === 'ADMIN_AGENCE' && me.data?.agency_id === a.id);
  const figures = centres.data && agencyFigures(centres.data);
  const active = a.status === 'active';
  return (
    <div className="flex flex-col gap-4">
      <PageTitle sub={`${a.code} · ${a.postcode} ${a.city}`}>{a.name}</PageTitle>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={PLACE_STATUS[a.status]?.tone}>{PLACE_STATUS[a.status]?.label ?? a.status}</Badge>
        {manages && (
          <>
            <Link to={`/tenant/agences/${a.id}/modifier`} className={LINK}>
              Modifier
            </Link>
            <Button variant={active ? 'danger' : 'secondary'} onClick={() => setConfirming(true)} data-testid="agency-toggle">
              {active ? 'Désactiver' : 'Réactiver'}
            </Button>
          </>
        )}
      </div>
      <Card title="Coordonnées">
        <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium">Adresse</dt>
          <dd>{[a.address, `${a.postcode} ${a.city}`].filter(Boolean).join(', ')}</dd>
          <dt className="font-medium">Téléphone</dt>
          <dd>{a.phone ?? '—'}</dd>
          <dt className="font-medium">E-mail</dt>
          <dd>{a.email ?? '—'}</dd>
          <dt className="font-medium">Position</dt>
          <dd>{a.lat != null && a.lng != null ? `${a.lat.toFixed(5)}, ${a.lng.toFixed(5)}` : 'Inconnue'}</dd>
        </dl>
      </Card>
      <div className="grid gap-3 sm:grid-cols-3">
        <Figure label="Centres" value={figures?.centres ?? '…'} testId="figure-centres" />
        <Figure label="Centres actifs" value={figures?.active ?? '…'} testId="figure-active" />
        <Figure label="Contrôleurs" value={figures?.inspectors ?? '…'} testId="figure-inspectors" />
      </div>
      <h2 className="text-lg font-semibold text-ink-strong dark:text-gray-100">Centres de l’agence</h2>
      <CentreTable
        id="tenant-agency-centres"
        centres={centres.data}
        error={centres.isError ? errorMessage(centres.error) : null}
        onRetry={() => centres.refetch()}
        actions={
          manages && (
            <Link to={`/tenant/centres/nouveau?agence=${a.id}`} className={LINK}>
              Nouveau centre
            </Link>
          )
        }
      />
      <ConfirmDialog
        open={confirming}
        onClose={() => !toggle.isPending && setConfirming(false)}
        onConfirm={() => toggle.mutate(a)}
        pending={toggle.isPending}
        danger={active}
        title={active ? `Désactiver ${a.name} ?` : `Réactiver ${a.name} ?`}
        confirmLabel={active ? 'Désactiver' : 'Réactiver'}
      >
        <p>{active ? 'L’agence n’apparaît plus comme active ; ses centres gardent leur propre statut.' : 'L’agence redevient active.'}</p>
      </ConfirmDialog>
    </div>
  );
}
