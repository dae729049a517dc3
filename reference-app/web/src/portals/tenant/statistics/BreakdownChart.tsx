// The bookings of the period by control type or by vehicle category, as horizontal bars drawn
// by Recharts: this module is its own chunk, loaded by the staff portals only. The chart is
// hidden from assistive technologies, which read the same figures in the table beside it.
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { StatisticsFigures } from '@/api/types';
import { euros } from '@/domain/format';
import { formatCount } from '@/features/dashboard/figures';

/** A bar: a code's French name and its figures. */
export interface BreakdownRow {
  code: string;
  label: string;
  figures: StatisticsFigures;
}

/** A bar as the chart plots it. */
interface Point {
  code: string;
  label: string;
  bookings: number;
  completed: number;
  revenueCents: number;
}

const TICK = { fill: 'currentColor', fontSize: 12 };
const BAR_HEIGHT = 44;

/** The figures of the bar under the pointer. */
function BarTip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as Point | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-gray-200 bg-white px-3 py-2 text-sm shadow-overlay dark:border-gray-600 dark:bg-gray-800">
      <p className="font-semibold text-ink-strong dark:text-gray-100">{point.label}</p>
      <p>Réservations : {formatCount(point.bookings)}</p>
      <p>Réalisés : {formatCount(point.completed)}</p>
      <p>CA net TTC : {euros(point.revenueCents)}</p>
    </div>
  );
}

/** The names' axis: as wide as the longest name (about 7 px a character at 12 px), within bounds. */
const axisWidth = (labels: readonly string[]) => Math.min(180, Math.max(60, 8 + 7 * Math.max(...labels.map((l) => l.length))));

/** Props of {@link BreakdownChart}. */
export interface BreakdownChartProps {
  /** The bars, the most bookings first. */
  rows: readonly BreakdownRow[];
  /** Names the table read aloud ("Réservations par type de contrôle"). */
  caption: string;
  /** Heads the names' column of that table ("Type de contrôle"). */
  heading: string;
  testId: string;
}

/** The bookings of each of `rows`, with their figures in a table for assistive technologies. */
export default function BreakdownChart({ rows, caption, heading, testId }: BreakdownChartProps) {
  const points: Point[] = rows.map((r) => ({ code: r.code, label: r.label, bookings: r.figures.bookings, completed: r.figures.completed, revenueCents: r.figures.revenue_cents }));
  return (
    <figure className="m-0" data-testid={testId}>
      <div className="w-full text-ink dark:text-gray-300" style={{ height: 16 + points.length * BAR_HEIGHT }} aria-hidden="true">
        <BarChart responsive layout="vertical" data={points} style={{ width: '100%', height: '100%' }} margin={{ top: 0, right: 48, bottom: 0, left: 0 }}>
          <CartesianGrid horizontal={false} className="stroke-gray-200 dark:stroke-gray-700" />
          <XAxis type="number" hide allowDecimals={false} />
          <YAxis type="category" dataKey="label" tick={TICK} tickLine={false} axisLine={false} width={axisWidth(points.map((p) => p.label))} />
          <Tooltip content={BarTip} cursor={{ className: 'fill-brand-50 dark:fill-gray-700' }} />
          <Bar dataKey="bookings" fill="var(--color-brand-500)" radius={[0, 4, 4, 0]} barSize={24} isAnimationActive={false}>
            <LabelList dataKey="bookings" position="right" formatter={(v) => formatCount(Number(v))} fill="currentColor" fontSize={12} />
          </Bar>
        </BarChart>
      </div>
      {/* Hidden by its box: a table's own box would not shrink and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{heading}</th>
              <th scope="col">Réservations</th>
              <th scope="col">Réalisés</th>
              <th scope="col">CA net TTC</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.code}>
                <th scope="row">{p.label}</th>
                <td>{formatCount(p.bookings)}</td>
                <td>{formatCount(p.completed)}</td>
                <td>{euros(p.revenueCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
