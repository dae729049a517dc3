import { useRef, useState, type KeyboardEvent } from 'react';
import { cx } from './cx';
import { addDays, addMonths, formatLong, formatMonth, monthGrid, monthStart, type IsoDate } from './dates';

/** Props of {@link Calendar}. */
export interface CalendarProps {
  value?: IsoDate;
  onChange: (date: IsoDate) => void;
  /** Dates before it cannot be picked. */
  min?: IsoDate;
  /** Dates after it cannot be picked. */
  max?: IsoDate;
  /** Free slots per day, shown under each date; a day with 0 is disabled. */
  counts?: Record<IsoDate, number>;
  /** The month shown first (defaults to the value's, or `min`'s). */
  month?: IsoDate;
  /** Called with the first day of the month shown, when it changes. */
  onMonthChange?: (month: IsoDate) => void;
}

const WEEKDAYS = ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'];

/** A month grid (ARIA grid): arrows move by day and week, Page Up/Down by month, Enter picks. */
export function Calendar({ value, onChange, min, max, counts, month, onMonthChange }: CalendarProps) {
  const [shown, setShownState] = useState(monthStart(month ?? value ?? min ?? new Date().toISOString().slice(0, 10)));
  const setShown = (m: IsoDate) => {
    setShownState(m);
    onMonthChange?.(m);
  };
  const [focused, setFocused] = useState<IsoDate>(value ?? shown);
  const grid = useRef<HTMLDivElement>(null);
  const disabled = (d: IsoDate) =>
    (min !== undefined && d < min) || (max !== undefined && d > max) || (counts !== undefined && !counts[d]);
  const focusDay = (d: IsoDate) => {
    setFocused(d);
    if (monthStart(d) !== shown) setShown(monthStart(d));
    requestAnimationFrame(() => grid.current?.querySelector<HTMLElement>(`[data-date="${d}"]`)?.focus());
  };
  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, () => IsoDate> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      PageUp: () => addMonths(focused, -1),
      PageDown: () => addMonths(focused, 1),
    };
    if (e.key === 'Enter' || e.key === ' ') {
      // The focused day is picked even if the browser has not moved focus to it yet.
      e.preventDefault();
      if (!disabled(focused)) onChange(focused);
      return;
    }
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      focusDay(move());
    }
  };
  const days = monthGrid(shown);
  return (
    <div className="w-full max-w-sm select-none" data-testid="calendar">
      <div className="mb-2 flex items-center justify-between">
        <button type="button" aria-label="Mois précédent" onClick={() => setShown(addMonths(shown, -1))} className="rounded px-2 py-1 hover:bg-brand-50">
          ‹
        </button>
        <p aria-live="polite" className="text-sm font-semibold capitalize text-ink-strong dark:text-gray-100">
          {formatMonth(shown)}
        </p>
        <button type="button" aria-label="Mois suivant" onClick={() => setShown(addMonths(shown, 1))} className="rounded px-2 py-1 hover:bg-brand-50">
          ›
        </button>
      </div>
      <div role="grid" aria-label={formatMonth(shown)} ref={grid} onKeyDown={onKey} className="grid grid-cols-7 gap-1 text-center">
        <div role="row" className="contents">
          {WEEKDAYS.map((w) => (
            <span key={w} role="columnheader" className="text-xs font-medium text-ink">
              {w}
            </span>
          ))}
        </div>
        {Array.from({ length: 6 }, (_, week) => (
          <div role="row" key={week} className="contents">
            {days.slice(week * 7, week * 7 + 7).map((d) => {
              const outside = monthStart(d) !== shown;
              const off = disabled(d);
              const count = counts?.[d];
              return (
                <button
                  key={d}
                  type="button"
                  role="gridcell"
                  data-date={d}
                  aria-label={formatLong(d) + (count ? `, ${count} créneaux` : '')}
                  aria-selected={d === value}
                  aria-disabled={off || undefined}
                  tabIndex={d === focused ? 0 : -1}
                  onClick={() => !off && onChange(d)}
                  onFocus={() => setFocused(d)}
                  className={cx(
                    'flex h-11 flex-col items-center justify-center rounded-md text-sm',
                    outside && 'text-ink/50',
                    off ? 'cursor-not-allowed opacity-40' : 'hover:bg-brand-50',
                    d === value && 'bg-brand-500 font-semibold text-on-brand hover:bg-brand-500',
                  )}
                >
                  {Number(d.slice(8))}
                  {count !== undefined && count > 0 && <span className="text-[10px] leading-none text-status-confirmed">{count}</span>}
                </button>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
