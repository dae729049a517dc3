import type { ReactNode } from 'react';
import { BOOKING_STATUS, type BookingStatus } from '@/domain/vocabulary';
import { cx } from './cx';

/** Colour of a {@link Badge}. */
export type BadgeTone = 'neutral' | 'brand' | 'success' | 'warning' | 'danger' | 'info';

const tones: Record<BadgeTone, string> = {
  neutral: 'bg-gray-100 text-gray-800',
  brand: 'bg-brand-100 text-brand-700',
  success: 'bg-green-100 text-green-900',
  warning: 'bg-amber-100 text-amber-900',
  danger: 'bg-red-100 text-red-900',
  info: 'bg-blue-100 text-blue-900',
};

/** A short label. */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span className={cx('inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold', tones[tone])}>
      {children}
    </span>
  );
}

const statusColours: Record<BookingStatus, string> = {
  pending_payment: 'bg-amber-100 text-status-pending',
  confirmed: 'bg-green-100 text-status-confirmed',
  in_progress: 'bg-violet-100 text-status-progress',
  completed: 'bg-blue-100 text-status-done',
  no_show: 'bg-red-100 text-status-absent',
  cancelled: 'bg-gray-100 text-status-cancelled',
  refused: 'bg-red-100 text-status-absent',
};

/** A booking's status in the design system's status colours, labelled in French. */
export function StatusBadge({ status }: { status: BookingStatus }) {
  return (
    <span
      data-testid="status-badge"
      className={cx('inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold', statusColours[status])}
    >
      {BOOKING_STATUS[status].label}
    </span>
  );
}

/** Initials of a name, for avatars: "Marie Curie" → "MC". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => w![0]!.toUpperCase()).join('');
}

/** A round picture of a person, or their initials. */
export function Avatar({ name, src, size = 40 }: { name: string; src?: string; size?: number }) {
  const style = { width: size, height: size };
  return src ? (
    <img src={src} alt={name} style={style} className="rounded-full object-cover" />
  ) : (
    <span
      role="img"
      aria-label={name}
      style={style}
      className="inline-flex items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700"
    >
      {initials(name)}
    </span>
  );
}
