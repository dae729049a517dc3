// The period's key figures: bookings and inspections done, the money (net revenue, collected,
// refunded), the cancellation, no-show and search → payment rates.
import type { TenantStatistics } from '@/api/types';
import { euros } from '@/domain/format';
import { formatCount, formatPercent } from '@/features/dashboard/figures';
import { Hint, Kpi } from '@/features/dashboard/KpiGrid';

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n > 1 ? many : one}`;

/** The key figures of `stats`' period. */
export function StatisticsKpis({ stats }: { stats: TenantStatistics }) {
  const t = stats.totals;
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-4" data-testid="kpis">
      <Kpi id="bookings" label="Réservations" value={formatCount(t.bookings)}>
        <Hint>Rendez-vous tenus, à venir ou manqués</Hint>
      </Kpi>
      <Kpi id="completed" label="Contrôles réalisés" value={formatCount(t.completed)}>
        <Hint>{plural(t.no_show, 'absence', 'absences')}</Hint>
      </Kpi>
      <Kpi id="revenue" label="Chiffre d’affaires net TTC" value={euros(t.revenue_cents)}>
        <Hint>Encaissé moins remboursé</Hint>
      </Kpi>
      <Kpi id="collected" label="Encaissé" value={euros(t.collected_cents)}>
        <Hint>En ligne et sur place</Hint>
      </Kpi>
      <Kpi id="refunded" label="Remboursé" value={euros(t.refunded_cents)}>
        <Hint>{plural(t.refunds, 'remboursement', 'remboursements')}</Hint>
      </Kpi>
      <Kpi id="cancellation" label="Taux d’annulation" value={formatPercent(t.cancellation_percent)}>
        <Hint>{t.cancellation_percent == null ? 'Aucune réservation sur la période' : plural(t.cancelled, 'annulation', 'annulations')}</Hint>
      </Kpi>
      <Kpi id="no-show" label="Taux de non-présentation" value={formatPercent(t.no_show_percent)}>
        <Hint>{t.no_show_percent == null ? 'Aucun contrôle échu sur la période' : 'Clients absents par contrôle échu'}</Hint>
      </Kpi>
      <Kpi id="conversion" label="Taux de conversion" value={formatPercent(stats.conversion_percent)}>
        <Hint>{stats.conversion_percent == null ? 'Aucune recherche sur la période' : 'Réservations payées par recherche'}</Hint>
      </Kpi>
    </dl>
  );
}
