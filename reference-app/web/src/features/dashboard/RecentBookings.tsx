// The bookings made last in the scope: reference, status, centre, when (the centre's time) and price.
import type { RecentBooking } from '@/api/types';
import { euros } from '@/domain/format';
import { Empty, StatusBadge } from '@/ui';
import { wallClock } from './figures';

/** The latest bookings, the newest first. */
export function RecentBookings({ bookings }: { bookings: readonly RecentBooking[] }) {
  if (bookings.length === 0) return <Empty title="Aucune réservation pour l’instant." />;
  return (
    <ul className="divide-y divide-gray-100 dark:divide-gray-700" data-testid="recent-bookings">
      {bookings.map((b) => (
        <li key={b.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2 text-sm" data-testid="recent-booking">
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-mono font-semibold text-ink-strong dark:text-gray-100">{b.reference}</span>
              <StatusBadge status={b.status} />
            </p>
            <p className="mt-0.5 break-words">
              {b.centre_name} · {wallClock(b.start)}
            </p>
          </div>
          <span className="font-semibold whitespace-nowrap text-ink-strong tabular-nums dark:text-gray-100">{euros(b.price_cents)}</span>
        </li>
      ))}
    </ul>
  );
}
