// /tenant: the portal's home, the dashboard of a month (journey 8). A network admin reads the
// network or filters to an agency or a centre; an agency admin reads its agency or one of its
// centres. The filters live in the address (filters.ts); the figures shown stay while the next
// ones load.
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '@/features/auth/session';
import { dashboardQuery } from '@/features/dashboard/api';
import { DashboardView } from '@/features/dashboard/DashboardView';
import { currentMonth, isMonth, monthName } from '@/features/dashboard/months';
import { dashboardRefusal } from '@/features/dashboard/refusal';
import { agenciesQuery, centresQuery } from '@/features/network/api';
import { Failure, Loading, PageTitle, cx } from '@/ui';
import { Filters } from './Filters';
import { readFilters, statsQuery, writeFilters } from './filters';

/** The dashboard page. */
export default function Dashboard() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const current = currentMonth();
  const query = statsQuery(filters, current);
  const { month } = query;
  const stats = useQuery(dashboardQuery(query));
  const network = me.data?.role === 'ADMIN_TENANT';
  const ownAgency = me.data?.role === 'ADMIN_AGENCE' ? (me.data.agency_id ?? null) : null;
  const agencies = useQuery(agenciesQuery());
  const centres = useQuery({ ...centresQuery(network ? filters.agency : ownAgency), enabled: network || ownAgency !== null });
  const shown = stats.data;
  const agency = agencies.data?.find((a) => a.id === (shown?.agency_id ?? ownAgency));
  const centre = centres.data?.find((c) => c.id === shown?.centre_id);
  const scope = centre?.name ?? agency?.name ?? (network ? 'Tout le réseau' : undefined);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle sub={[isMonth(month) && monthName(month), scope].filter(Boolean).join(' · ')}>Tableau de bord</PageTitle>
      {me.data && (
        <Filters
          filters={filters}
          month={month}
          current={current}
          agencies={network ? (agencies.data ?? []) : null}
          fixedAgency={network ? undefined : agencies.data?.find((a) => a.id === ownAgency)?.name}
          centres={centres.data ?? []}
          onChange={(next) => setParams(writeFilters(next))}
        />
      )}
      {stats.isPending ? (
        <Loading label="Chargement des chiffres…" />
      ) : stats.isError ? (
        <Failure message={dashboardRefusal(stats.error)} retry={() => stats.refetch()} />
      ) : (
        <div aria-busy={stats.isPlaceholderData} className={cx('transition-opacity', stats.isPlaceholderData && 'opacity-60')} data-testid="dashboard">
          <DashboardView stats={stats.data} agencyHref={(id) => `/tenant/agences/${id}`} />
        </div>
      )}
    </div>
  );
}
