// Minutes shown as hours and minutes, as the booking rules' minimum notice is entered.

/** Hours and minutes of a duration. */
export interface HoursMinutes {
  hours: number;
  minutes: number;
}

/** `total` minutes as whole hours and the minutes left. */
export function toHoursMinutes(total: number): HoursMinutes {
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/** The minutes of `hours` and `minutes`. */
export function toMinutes({ hours, minutes }: HoursMinutes): number {
  return hours * 60 + minutes;
}

/** A duration in French words: « 2 h 30 », « 45 min », « 24 h ». */
export function durationLabel(total: number): string {
  const { hours, minutes } = toHoursMinutes(total);
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${String(minutes).padStart(2, '0')}`;
}
