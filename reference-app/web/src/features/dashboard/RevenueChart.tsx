// Twelve months of revenue (bars) and bookings (a line), drawn by Recharts: this module is its
// own chunk, loaded by the staff portals only. The chart is hidden from assistive technologies,
// which read the same figures in the table beside it.
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { MonthFigures } from '@/api/types';
import { euros } from '@/domain/format';
import { compactEuros, formatCount } from './figures';
import { monthName, monthShortName } from './months';

/** A month as the chart plots it. */
interface Point {
  month: string;
  label: string;
  /** Euros. */
  revenue: number;
  bookings: number;
  revenueCents: number;
}

const TICK = { fill: 'currentColor', fontSize: 12 };

/** The figures of the month under the pointer. */
function MonthTip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as Point | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-gray-200 bg-white px-3 py-2 text-sm shadow-overlay dark:border-gray-600 dark:bg-gray-800">
      <p className="font-semibold text-ink-strong capitalize dark:text-gray-100">{monthName(point.month)}</p>
      <p>CA TTC : {euros(point.revenueCents)}</p>
      <p>Rendez-vous : {formatCount(point.bookings)}</p>
    </div>
  );
}

/** The revenue and bookings of `months`, oldest first. */
export default function RevenueChart({ months }: { months: readonly MonthFigures[] }) {
  const points: Point[] = months.map((m) => ({
    month: m.month,
    label: monthShortName(m.month),
    revenue: m.revenue_cents / 100,
    bookings: m.bookings,
    revenueCents: m.revenue_cents,
  }));
  return (
    <figure className="m-0" data-testid="revenue-chart">
      <div className="h-64 w-full text-ink dark:text-gray-300" aria-hidden="true">
        <ComposedChart responsive data={points} style={{ width: '100%', height: '100%' }} margin={{ top: 8, right: 4, bottom: 0, left: 4 }}>
          <CartesianGrid vertical={false} className="stroke-gray-200 dark:stroke-gray-700" />
          <XAxis dataKey="label" tick={TICK} tickLine={false} interval="preserveStartEnd" />
          <YAxis yAxisId="revenue" tick={TICK} tickLine={false} axisLine={false} tickFormatter={compactEuros} width={60} />
          <YAxis yAxisId="bookings" orientation="right" tick={TICK} tickLine={false} axisLine={false} allowDecimals={false} width={36} />
          <Tooltip content={MonthTip} cursor={{ className: 'fill-brand-50 dark:fill-gray-700' }} />
          <Bar yAxisId="revenue" dataKey="revenue" fill="var(--color-brand-500)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
          <Line yAxisId="bookings" dataKey="bookings" stroke="var(--color-info)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </ComposedChart>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm bg-brand-500" />
          Chiffre d’affaires TTC (barres, à gauche)
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-0.5 w-4 bg-info" />
          Rendez-vous (courbe, à droite)
        </span>
      </figcaption>
      <table className="sr-only" data-testid="revenue-table">
        <caption>Chiffre d’affaires TTC et rendez-vous par mois</caption>
        <thead>
          <tr>
            <th scope="col">Mois</th>
            <th scope="col">CA TTC</th>
            <th scope="col">Rendez-vous</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.month}>
              <th scope="row">{monthName(p.month)}</th>
              <td>{euros(p.revenueCents)}</td>
              <td>{formatCount(p.bookings)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
