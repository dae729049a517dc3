// A centre's month of free slots: days with their free counts, then the starts of the picked day.
import { useMemo, useState, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { errorMessage } from '@/api/messages';
import type { CentreCalendar, Slot } from '@/api/types';
import { time, today } from '@/domain/format';
import { Calendar, Empty, Failure, Loading, cx, formatLong } from '@/ui';
import { centreCalendarQuery } from './api';

/** Which centre's slots to offer, for which vehicle and control, and what a pick does. */
export interface SlotPickerProps {
  centreId: string;
  vehicleType: string;
  controlType: string;
  initialDate?: string;
  selected?: string | null;
  /** The start of the booking being moved: shown, but not offered again. */
  currentStart?: string;
  /** Rendered above the calendar once it is loaded (the centre's name, its price...). */
  header?: (calendar: CentreCalendar) => ReactNode;
  onPick: (slot: Slot, calendar: CentreCalendar) => void;
}

/** Picks a free slot of a centre: a month calendar with free counts, then the day's starts. */
export function SlotPicker({ centreId, vehicleType, controlType, initialDate, selected, currentStart, header, onPick }: SlotPickerProps) {
  const start = initialDate && initialDate >= today() ? initialDate : today();
  const [month, setMonth] = useState(start.slice(0, 7));
  const [date, setDate] = useState<string | null>(start);
  const query = useQuery({
    ...centreCalendarQuery(centreId, {
      month,
      date: date && date.startsWith(month) ? date : undefined,
      vehicle_type: vehicleType,
      control_type: controlType,
    }),
    placeholderData: keepPreviousData,
  });
  const counts = useMemo(() => Object.fromEntries((query.data?.days ?? []).map((d) => [d.date, d.free])), [query.data]);
  if (query.isPending) return <Loading label="Chargement du calendrier…" />;
  if (query.isError) return <Failure message={errorMessage(query.error)} retry={() => query.refetch()} />;
  const data = query.data;
  const slots = data.date && data.date === date ? data.slots : [];
  return (
    <div className="@container" data-testid="slot-picker">
    {header?.(data)}
    <div className="grid gap-4 @2xl:grid-cols-[auto_minmax(0,1fr)]">
      <Calendar
        value={date ?? undefined}
        month={`${month}-01`}
        min={today()}
        counts={counts}
        onMonthChange={(m) => setMonth(m.slice(0, 7))}
        onChange={(d) => {
          setDate(d);
          setMonth(d.slice(0, 7));
        }}
      />
      <div>
        {date ? (
          <>
            <h3 className="mb-2 text-sm font-semibold text-ink-strong first-letter:uppercase">{formatLong(date)}</h3>
            {query.isFetching ? (
              <Loading label="Chargement des créneaux…" />
            ) : slots.length === 0 ? (
              <Empty title="Aucun créneau libre ce jour-là">Choisissez un jour avec un nombre de places sous la date.</Empty>
            ) : (
              <div className="grid grid-cols-3 gap-2 sm:grid-cols-4" role="radiogroup" aria-label="Créneaux du jour">
                {slots.map((s) => {
                  const current = !!currentStart && new Date(s.start).getTime() === new Date(currentStart).getTime();
                  return (
                    <button
                      key={s.disponibilite_id}
                      type="button"
                      role="radio"
                      aria-checked={s.disponibilite_id === selected}
                      disabled={current}
                      data-testid="day-slot"
                      onClick={() => onPick(s, data)}
                      className={cx(
                        'rounded-md border px-2 py-2 text-sm disabled:cursor-not-allowed disabled:opacity-50',
                        s.disponibilite_id === selected ? 'border-brand-600 bg-brand-100 font-semibold text-ink-strong' : 'border-ink/30 hover:bg-brand-50',
                      )}
                    >
                      {time(s.start)}
                      {current && <span className="block text-[10px]">actuel</span>}
                    </button>
                  );
                })}
              </div>
            )}
          </>
        ) : (
          <p className="text-sm">Choisissez un jour.</p>
        )}
      </div>
    </div>
    </div>
  );
}
