// /tenant/agences: the network's agencies as a table (search, status, order by name, code or
// centres) and on a map, clustered. A network admin creates agencies; an agency admin reads them.
import { lazy, Suspense, useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '@/api/messages';
import type { Agency } from '@/api/types';
import { useMe } from '@/features/auth/session';
import { agenciesQuery } from '@/features/network/api';
import { listPage } from '@/features/network/listPage';
import { Badge, ErrorBoundary, Loading, PageTitle } from '@/ui';
import { DataTable, useTableQuery, type DataColumn } from '@/ui/staff';
import { PLACE_STATUS, STATUS_FILTER } from './status';

const AgencyMap = lazy(() => import('./AgencyMap'));

const RULES = {
  text: (a: Agency) => `${a.name} ${a.code} ${a.city} ${a.postcode}`,
  field: (a: Agency, key: string) => (key === 'status' ? a.status : ''),
  sortBy: { name: (a: Agency) => a.name, code: (a: Agency) => a.code, centres: (a: Agency) => a.centre_count },
};

/** The agencies page. */
export default function Agencies() {
  const me = useMe();
  const navigate = useNavigate();
  const table = useTableQuery({ sort: { key: 'name', dir: 'asc' } });
  const agencies = useQuery(agenciesQuery());
  const open = useCallback((id: string) => navigate(`/tenant/agences/${id}`), [navigate]);
  const columns: ReadonlyArray<DataColumn<Agency>> = [
    {
      key: 'name',
      header: 'Nom',
      sort: 'name',
      fixed: true,
      cell: (a) => (
        <Link to={`/tenant/agences/${a.id}`} className="font-medium text-ink-strong underline dark:text-gray-100">
          {a.name}
        </Link>
      ),
    },
    { key: 'code', header: 'Code', sort: 'code', cell: (a) => a.code },
    { key: 'city', header: 'Commune', cell: (a) => `${a.postcode} ${a.city}` },
    { key: 'centres', header: 'Centres', sort: 'centres', align: 'right', cell: (a) => a.centre_count },
    { key: 'status', header: 'Statut', cell: (a) => <Badge tone={PLACE_STATUS[a.status]?.tone}>{PLACE_STATUS[a.status]?.label ?? a.status}</Badge> },
    { key: 'phone', header: 'Téléphone', optional: true, cell: (a) => a.phone ?? '—' },
  ];
  return (
    <div>
      <PageTitle sub="Les agences du réseau et leurs centres.">Agences</PageTitle>
      <div className="flex flex-col gap-4">
        <DataTable
          id="tenant-agencies"
          caption="Agences"
          columns={columns}
          rowKey={(a) => a.id}
          rowLabel={(a) => a.name}
          controller={table}
          page={agencies.data && listPage(agencies.data, table.query, RULES)}
          error={agencies.isError ? errorMessage(agencies.error) : null}
          onRetry={() => agencies.refetch()}
          searchLabel="Rechercher"
          searchPlaceholder="Nom, code ou commune"
          filters={[STATUS_FILTER]}
          empty={{ title: 'Aucune agence ne correspond.', hint: 'Modifiez la recherche ou le filtre.' }}
          actions={
            me.data?.role === 'ADMIN_TENANT' && (
              <Link to="/tenant/agences/nouvelle" className="inline-flex h-10 items-center rounded-md bg-brand-500 px-4 text-sm font-semibold text-ink-strong hover:bg-brand-600">
                Nouvelle agence
              </Link>
            )
          }
        />
        {agencies.data && (
          <ErrorBoundary message="La carte n’a pas pu s’afficher ; la liste ci-dessus reste complète.">
            <Suspense fallback={<Loading label="Chargement de la carte…" />}>
              <AgencyMap agencies={agencies.data} onOpen={open} />
            </Suspense>
          </ErrorBoundary>
        )}
      </div>
    </div>
  );
}
