// A month at a glance, for whichever part of the network `stats` covers: the key figures, the
// revenue over twelve months (the chart's chunk loaded on demand), the conversion funnel, the
// leading agencies (network-wide only) and the latest bookings.
import { lazy, Suspense } from 'react';
import type { DashboardStats } from '@/api/types';
import { Empty, Spinner } from '@/ui';
import { hasActivity } from './figures';
import { Funnel } from './Funnel';
import { KpiGrid } from './KpiGrid';
import { Panel } from './Panel';
import { RecentBookings } from './RecentBookings';
import { TopAgencies } from './TopAgencies';

const RevenueChart = lazy(() => import('./RevenueChart'));

/** The chart's place while its chunk loads. */
function ChartLoading() {
  return (
    <div className="flex h-64 items-center justify-center">
      <Spinner label="Chargement du graphique…" />
    </div>
  );
}

/** Props of {@link DashboardView}. */
export interface DashboardViewProps {
  stats: DashboardStats;
  /** The page of an agency, when the portal has one. */
  agencyHref?: (id: string) => string;
}

/** The panels of a dashboard. */
export function DashboardView({ stats, agencyHref }: DashboardViewProps) {
  const network = !stats.agency_id;
  return (
    <div className="flex flex-col gap-4">
      <KpiGrid stats={stats} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Panel title="Chiffre d’affaires TTC sur 12 mois" className="lg:col-span-2">
          {hasActivity(stats.months) ? (
            <Suspense fallback={<ChartLoading />}>
              <RevenueChart months={stats.months} />
            </Suspense>
          ) : (
            <Empty title="Aucun rendez-vous sur ces 12 mois." />
          )}
        </Panel>
        <Panel title="Entonnoir de conversion">
          <Funnel funnel={stats.funnel} />
        </Panel>
      </div>
      <div className={network ? 'grid gap-4 lg:grid-cols-2' : 'grid gap-4'}>
        {network && (
          <Panel title="Top 5 des agences">
            <TopAgencies agencies={stats.top_agencies} agencyHref={agencyHref} />
          </Panel>
        )}
        <Panel title="Dernières réservations">
          <RecentBookings bookings={stats.recent} />
        </Panel>
      </div>
    </div>
  );
}
