// The month's key figures: active staff, bookings and revenue against the month before, the
// search → paid conversion, the fill rate and the no-show rate.
import type { ReactNode } from 'react';
import type { DashboardStats } from '@/api/types';
import { euros } from '@/domain/format';
import { cx } from '@/ui';
import { formatCount, formatPercent, formatTrend, trend, type Trend } from './figures';
import { addMonths, monthName } from './months';

const TREND_STYLE: Record<Trend['direction'], { arrow: string; words: string; className: string }> = {
  up: { arrow: '↑', words: 'en hausse', className: 'bg-green-100 text-green-900 dark:bg-green-900/40 dark:text-green-200' },
  down: { arrow: '↓', words: 'en baisse', className: 'bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200' },
  flat: { arrow: '→', words: 'stable', className: 'bg-gray-100 text-gray-800 dark:bg-gray-700 dark:text-gray-100' },
};

/** A figure's change against the month before, and that month's figure. */
function TrendLine({ current, previous, show, before }: { current: number; previous: number; show: (n: number) => string; before: string }) {
  const t = trend(current, previous);
  const style = TREND_STYLE[t.direction];
  return (
    <p className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs" data-testid="kpi-trend">
      <span className={cx('inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-semibold', style.className)}>
        <span aria-hidden="true">{style.arrow}</span>
        <span className="sr-only">{style.words} :</span>
        {formatTrend(t)}
      </span>
      <span>
        {before} : {show(previous)}
      </span>
    </p>
  );
}

/** One key figure, its label and value, and what `children` say below it. */
export function Kpi({ id, label, value, children }: { id: string; label: string; value: string; children?: ReactNode }) {
  return (
    <div className="min-w-0 rounded-lg bg-white p-4 shadow-card dark:bg-gray-800" data-testid={`kpi-${id}`}>
      <dt className="text-sm">{label}</dt>
      <dd className="mt-1 text-xl font-bold break-words sm:text-2xl text-ink-strong tabular-nums dark:text-gray-100" data-testid="kpi-value">
        {value}
      </dd>
      {children && <dd>{children}</dd>}
    </div>
  );
}

/** A hint below a figure. */
export const Hint = ({ children }: { children: ReactNode }) => <p className="mt-2 text-xs">{children}</p>;

/** The key figures of `stats`' month. */
export function KpiGrid({ stats }: { stats: DashboardStats }) {
  const k = stats.kpis;
  const before = monthName(addMonths(stats.month, -1));
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3" data-testid="kpis">
      <Kpi id="users" label="Utilisateurs actifs" value={formatCount(k.active_users)}>
        <Hint>Comptes du personnel en service</Hint>
      </Kpi>
      <Kpi id="bookings" label="Rendez-vous du mois" value={formatCount(k.bookings)}>
        <TrendLine current={k.bookings} previous={k.bookings_previous} show={formatCount} before={before} />
      </Kpi>
      <Kpi id="revenue" label="Chiffre d’affaires TTC" value={euros(k.revenue_cents)}>
        <TrendLine current={k.revenue_cents} previous={k.revenue_previous_cents} show={euros} before={before} />
      </Kpi>
      <Kpi id="conversion" label="Conversion recherche → paiement" value={formatPercent(k.conversion_percent)}>
        <Hint>{k.conversion_percent == null ? 'Aucune recherche ce mois-ci' : 'Réservations payées par recherche'}</Hint>
      </Kpi>
      <Kpi id="fill" label="Taux de remplissage" value={formatPercent(k.fill_rate_percent)}>
        <Hint>{k.fill_rate_percent == null ? 'Aucune capacité prévue ce mois-ci' : 'Rendez-vous par capacité prévue'}</Hint>
      </Kpi>
      <Kpi id="no-show" label="Taux d’absence" value={formatPercent(k.no_show_percent)}>
        <Hint>{k.no_show_percent == null ? 'Aucun contrôle passé ce mois-ci' : 'Clients absents par contrôle échu'}</Hint>
      </Kpi>
    </dl>
  );
}
