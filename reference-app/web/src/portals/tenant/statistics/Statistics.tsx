// /tenant/statistiques: a period's statistics (journey 13). A network admin reads the network or
// narrows to an agency or a centre; an agency admin reads its agency or one of its centres. The
// period (a preset or two months, 24 at most) and the filters live in the address; the figures
// shown stay while the next ones load. Key figures and the funnel, revenue and bookings by
// month, bookings by control type and vehicle category (the charts' chunks loaded on demand),
// tables by agency and by centre, and the same figures exported as Excel or PDF.
import { lazy, Suspense, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import type { TenantStatistics } from '@/api/types';
import { useMe } from '@/features/auth/session';
import { Funnel } from '@/features/dashboard/Funnel';
import { hasActivity } from '@/features/dashboard/figures';
import { currentMonth, monthName } from '@/features/dashboard/months';
import { Panel } from '@/features/dashboard/Panel';
import { agenciesQuery, centresQuery } from '@/features/network/api';
import { statisticsQuery } from '@/features/statistics/api';
import { statisticsRefusal } from '@/features/statistics/refusal';
import { Alert, Empty, Failure, PageTitle, Spinner, cx } from '@/ui';
import { Exports } from './Exports';
import { FiguresTable } from './FiguresTable';
import { controlTypeName, hasFigures, vehicleCategoryName } from './figures';
import { StatisticsKpis } from './Kpis';
import { PeriodFilters } from './PeriodFilters';
import { periodProblem, readFilters, statisticsQueryOf, writeFilters, type StatisticsFilters } from './period';
import { StatisticsSkeleton } from './Skeleton';

const RevenueChart = lazy(() => import('@/features/dashboard/RevenueChart'));
const BreakdownChart = lazy(() => import('./BreakdownChart'));

/** A chart's place while its chunk loads. */
function ChartLoading() {
  return (
    <div className="flex h-48 items-center justify-center">
      <Spinner label="Chargement du graphique…" />
    </div>
  );
}

/** A chart, drawn once its chunk is loaded. */
const Chart = ({ children }: { children: ReactNode }) => <Suspense fallback={<ChartLoading />}>{children}</Suspense>;

/** "janvier 2026 – décembre 2026". */
const periodName = (from: string, to: string) => (from === to ? monthName(from) : `${monthName(from)} – ${monthName(to)}`);

/** The panels of a period's figures; the tables by agency and by centre when the scope has several. */
function StatisticsView({ stats, filters, network }: { stats: TenantStatistics; filters: StatisticsFilters; network: boolean }) {
  const months = stats.months.map((m) => ({ month: m.month, bookings: m.figures.bookings, revenue_cents: m.figures.revenue_cents, cancelled: m.figures.cancelled }));
  const byAgency = network && !filters.agency && !filters.centre && stats.by_agency.length > 0;
  const byCentre = !filters.centre && stats.by_centre.length > 0;
  return (
    <div className="flex flex-col gap-4">
      <StatisticsKpis stats={stats} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Panel title="Chiffre d’affaires TTC et réservations par mois" className="lg:col-span-2">
          {hasActivity(months) ? (
            <Chart>
              <RevenueChart months={months} />
            </Chart>
          ) : (
            <Empty title="Aucun rendez-vous sur la période." />
          )}
        </Panel>
        <Panel title="Entonnoir de conversion">
          <Funnel funnel={stats.funnel} empty="Aucune recherche ni réservation sur la période." />
        </Panel>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="Réservations par type de contrôle">
          {stats.by_control_type.length > 0 ? (
            <Chart>
              <BreakdownChart
                rows={stats.by_control_type.map((r) => ({ ...r, label: controlTypeName(r.code) }))}
                caption="Réservations par type de contrôle"
                heading="Type de contrôle"
                testId="control-type-chart"
              />
            </Chart>
          ) : (
            <Empty title="Aucun rendez-vous sur la période." />
          )}
        </Panel>
        <Panel title="Réservations par catégorie de véhicule">
          {stats.by_vehicle_category.length > 0 ? (
            <Chart>
              <BreakdownChart
                rows={stats.by_vehicle_category.map((r) => ({ ...r, label: vehicleCategoryName(r.code) }))}
                caption="Réservations par catégorie de véhicule"
                heading="Catégorie de véhicule"
                testId="vehicle-category-chart"
              />
            </Chart>
          ) : (
            <Empty title="Aucun rendez-vous sur la période." />
          )}
        </Panel>
      </div>
      {byAgency && (
        <Panel title="Chiffres par agence">
          <FiguresTable
            caption="Chiffres par agence"
            noun="Agence"
            plural="agences"
            searchLabel="Rechercher une agence"
            none="Aucune agence ne porte ce nom."
            rows={stats.by_agency}
            href={(id) => `/tenant/agences/${id}`}
            testId="agency-table"
          />
        </Panel>
      )}
      {byCentre && (
        <Panel title="Chiffres par centre">
          <FiguresTable
            caption="Chiffres par centre"
            noun="Centre"
            plural="centres"
            searchLabel="Rechercher un centre"
            none="Aucun centre ne porte ce nom."
            rows={stats.by_centre}
            withAgency={network && !filters.agency}
            href={(id) => `/tenant/centres/${id}`}
            testId="centre-table"
          />
        </Panel>
      )}
    </div>
  );
}

/** The statistics page. */
export default function Statistics() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const current = currentMonth();
  const filters = readFilters(params, current);
  const problem = periodProblem(filters.from, filters.to);
  const query = statisticsQueryOf(filters);
  const stats = useQuery({ ...statisticsQuery(query), enabled: problem === null });
  const network = me.data?.role === 'ADMIN_TENANT';
  const ownAgency = me.data?.role === 'ADMIN_AGENCE' ? (me.data.agency_id ?? null) : null;
  const agencies = useQuery(agenciesQuery());
  const centres = useQuery({ ...centresQuery(network ? filters.agency : ownAgency), enabled: network || ownAgency !== null });
  const refusal = stats.isError ? statisticsRefusal(stats.error) : null;
  const agency = agencies.data?.find((a) => a.id === (filters.agency ?? ownAgency));
  const centre = centres.data?.find((c) => c.id === filters.centre);
  const scope = centre?.name ?? agency?.name ?? (network ? 'Tout le réseau' : undefined);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-x-4">
        <PageTitle sub={[!problem && periodName(filters.from, filters.to), scope].filter(Boolean).join(' · ')}>Statistiques</PageTitle>
        <Exports query={query} disabled={problem !== null || refusal?.field != null} />
      </div>
      {me.data && (
        <PeriodFilters
          filters={filters}
          current={current}
          refusal={refusal}
          agencies={network ? (agencies.data ?? []) : null}
          fixedAgency={network ? undefined : agencies.data?.find((a) => a.id === ownAgency)?.name}
          centres={centres.data ?? []}
          onChange={(next) => setParams(writeFilters(next))}
        />
      )}
      {problem ? (
        <Alert tone="warning" title="Période invalide">
          {problem.message}
        </Alert>
      ) : stats.isPending ? (
        <StatisticsSkeleton />
      ) : stats.isError ? (
        refusal?.field ? (
          <Alert tone="warning" title="Période refusée">
            {refusal.message}
          </Alert>
        ) : (
          <Failure message={statisticsRefusal(stats.error).message} retry={() => stats.refetch()} />
        )
      ) : (
        <div aria-busy={stats.isPlaceholderData} className={cx('transition-opacity', stats.isPlaceholderData && 'opacity-60')} data-testid="statistics">
          {hasFigures(stats.data) ? (
            <StatisticsView stats={stats.data} filters={filters} network={network} />
          ) : (
            <Empty title="Aucun chiffre sur cette période.">Aucune réservation, aucun paiement ni aucune recherche : choisissez une autre période ou un autre périmètre.</Empty>
          )}
        </div>
      )}
    </div>
  );
}
