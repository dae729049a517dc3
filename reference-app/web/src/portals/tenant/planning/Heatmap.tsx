// The planning's two heatmaps, centres in rows: by day (each cell opens the centre's day) and by
// local hour over the period. Every cell writes its fill rate and says it in full to assistive
// technology and in its title; the colour only repeats it.
import type { CentrePlanning } from '@/api/types';
import { HEAT_CLASSES, fillRate, formatPercent, heatLegend, heatLevel } from '@/features/planning/heat';
import { cx } from '@/ui';
import { formatLong, type IsoDate } from '@/ui/dates';

const dayHead = new Intl.DateTimeFormat('fr-FR', { weekday: 'short', day: 'numeric', timeZone: 'UTC' });
const dayOf = (date: IsoDate) => new Date(`${date}T00:00:00Z`);
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

/** What a cell says: "Centre Lyon 3, lundi 7 décembre 2026 : 12 réservations sur 30 (40 %)". */
export function cellLabel(centre: string, when: string, booked: number, capacity: number): string {
  if (capacity === 0 && booked === 0) return `${centre}, ${when} : fermé`;
  return `${centre}, ${when} : ${plural(booked, 'réservation')} sur ${capacity} (${formatPercent(fillRate(booked, capacity))})`;
}

/** The colours' meaning under the network's warning. */
export function HeatLegend({ warning }: { warning: number }) {
  return (
    <ul aria-label="Légende des couleurs" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink dark:text-gray-300">
      {heatLegend(warning).map((item) => (
        <li key={item.level} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={cx('inline-block h-3.5 w-5 rounded-sm border border-gray-300 dark:border-gray-600', HEAT_CLASSES[item.level])} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

const cellBase = 'h-9 min-w-11 px-1 text-center text-xs font-semibold tabular-nums';

function CentreHead({ centre }: { centre: CentrePlanning }) {
  return (
    <th
      scope="row"
      className={cx(
        'sticky left-0 z-10 max-w-44 truncate border-r border-gray-200 bg-white px-2 text-left text-sm font-medium text-ink-strong dark:border-gray-700 dark:bg-gray-800 dark:text-gray-100',
        centre.warning && 'border-l-4 border-l-red-600',
      )}
      title={centre.name}
    >
      {centre.name}
      {centre.warning && <span className="sr-only"> (alerte de remplissage)</span>}
      <span className="block text-xs font-normal text-ink dark:text-gray-300">{formatPercent(centre.fill_rate_percent)}</span>
    </th>
  );
}

/** Centres × days: a cell per day, a button opening the centre's day. */
export function DayHeatmap({
  days,
  centres,
  warning,
  onOpen,
}: {
  days: readonly IsoDate[];
  centres: readonly CentrePlanning[];
  warning: number;
  onOpen: (centreId: string, date: IsoDate) => void;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="border-separate border-spacing-0.5" data-testid="heatmap-days">
        <caption className="sr-only">Taux de remplissage par centre et par jour</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 z-10 bg-white px-2 text-left text-xs font-semibold dark:bg-gray-800">
              Centre
            </th>
            {days.map((d) => (
              <th key={d} scope="col" className="px-1 text-xs font-semibold whitespace-nowrap text-ink dark:text-gray-300">
                <abbr title={formatLong(d)} className="no-underline">
                  {dayHead.format(dayOf(d))}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {centres.map((c) => (
            <tr key={c.id} data-testid="heatmap-row" data-warning={c.warning || undefined}>
              <CentreHead centre={c} />
              {days.map((d, i) => {
                const [booked, capacity] = [c.booked_by_day[i] ?? 0, c.capacity_by_day[i] ?? 0];
                const label = cellLabel(c.name, formatLong(d), booked, capacity);
                const level = heatLevel(c.fill_rate_by_day[i], warning);
                return (
                  <td key={d} className="p-0">
                    <button
                      type="button"
                      aria-label={label}
                      title={label}
                      onClick={() => onOpen(c.id, d)}
                      className={cx(cellBase, 'w-full rounded-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500', HEAT_CLASSES[level])}
                    >
                      {level === 'closed' ? '—' : Math.round(c.fill_rate_by_day[i] ?? 0)}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Centres × local hours, summed over the period. */
export function HourHeatmap({ hours, centres, warning }: { hours: readonly number[]; centres: readonly CentrePlanning[]; warning: number }) {
  return (
    <div className="overflow-x-auto">
      <table className="border-separate border-spacing-0.5" data-testid="heatmap-hours">
        <caption className="sr-only">Taux de remplissage par centre et par heure (heure locale du centre, sur la période)</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 z-10 bg-white px-2 text-left text-xs font-semibold dark:bg-gray-800">
              Centre
            </th>
            {hours.map((h) => (
              <th key={h} scope="col" className="px-1 text-xs font-semibold text-ink dark:text-gray-300">
                {h} h
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {centres.map((c) => (
            <tr key={c.id} data-testid="heatmap-row" data-warning={c.warning || undefined}>
              <CentreHead centre={c} />
              {hours.map((h) => {
                const [booked, capacity] = [c.booked_by_hour[h] ?? 0, c.capacity_by_hour[h] ?? 0];
                const rate = fillRate(booked, capacity);
                const label = cellLabel(c.name, `de ${h} h à ${h + 1} h`, booked, capacity);
                const level = capacity === 0 && booked > 0 ? 'warning' : heatLevel(rate, warning);
                return (
                  <td key={h} title={label} className={cx(cellBase, 'rounded-sm', HEAT_CLASSES[level])}>
                    <span aria-hidden="true">{rate === null ? (booked > 0 ? booked : '—') : Math.round(rate)}</span>
                    <span className="sr-only">{label}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
