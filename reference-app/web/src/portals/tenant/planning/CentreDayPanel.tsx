// The drill down of the planning: one centre's day in a side panel, its fill and every booking
// by start, whatever its status.
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '@/api/messages';
import type { DayBooking } from '@/api/types';
import { CONTROL_TYPE, VEHICLE_CATEGORY, type ControlType, type VehicleCategory } from '@/domain/vocabulary';
import { centreDayQuery } from '@/features/planning/api';
import { formatPercent } from '@/features/planning/heat';
import { Drawer, Empty, Failure, Loading, StatusBadge } from '@/ui';
import { formatLong, type IsoDate } from '@/ui/dates';

/** "08:30" of an RFC 3339 time written in the centre's offset. */
const clock = (at: string) => at.slice(11, 16);

function Booking({ booking }: { booking: DayBooking }) {
  const control = CONTROL_TYPE[booking.control_type as ControlType]?.label ?? booking.control_type;
  const category = VEHICLE_CATEGORY[booking.vehicle_category as VehicleCategory]?.label ?? booking.vehicle_category;
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="day-booking">
      <div>
        <p className="font-semibold text-ink-strong tabular-nums dark:text-gray-100">
          {booking.drop_off ? 'Dépôt (journée)' : `${clock(booking.start)} – ${clock(booking.end)}`} · {booking.reference}
        </p>
        <p className="text-sm text-ink dark:text-gray-300">
          {control} · {category} · {booking.plate}
          {booking.inspector ? ` · ${booking.inspector}` : ''}
        </p>
      </div>
      <StatusBadge status={booking.status} />
    </li>
  );
}

/** The centre's day `date`, opened over the planning; `onClose` closes it. */
export function CentreDayPanel({ centreId, date, centreName, onClose }: { centreId: string; date: IsoDate; centreName: string; onClose: () => void }) {
  const day = useQuery(centreDayQuery(centreId, date));
  return (
    <Drawer open onClose={onClose} title={`${centreName} — ${formatLong(date)}`}>
      {day.isPending ? (
        <Loading />
      ) : day.isError ? (
        <Failure message={errorMessage(day.error)} retry={() => day.refetch()} />
      ) : (
        <div>
          <p className="text-sm text-ink dark:text-gray-300" data-testid="day-fill">
            {day.data.capacity > 0
              ? `${day.data.booked} réservation${day.data.booked > 1 ? 's' : ''} sur ${day.data.capacity} (${formatPercent(day.data.fill_rate_percent)})`
              : 'Centre fermé ce jour-là.'}
          </p>
          {day.data.bookings.length === 0 ? (
            <Empty title="Aucun rendez-vous ce jour-là." />
          ) : (
            <ul aria-label="Rendez-vous du jour" className="mt-3 divide-y divide-gray-200 dark:divide-gray-700">
              {day.data.bookings.map((b) => (
                <Booking key={b.id} booking={b} />
              ))}
            </ul>
          )}
        </div>
      )}
    </Drawer>
  );
}
