// A centre's offers as the tariffs table edits them: prices typed in euros, durations in
// minutes, and which rows are the centre's own (those alone are sent, replacing its own rows).
import type { CentreOffer, OfferInput } from '@/api/types';
import { MAX_PRICE_CENTS, centsToEuros, eurosToCents } from './money';

/** A row as edited: the price and duration as typed, and whether it is the centre's own. */
export interface OfferRow {
  control_type: string;
  vehicle_category: string;
  price: string;
  duration: string;
  active: boolean;
  own: boolean;
  vat_rate_bp: number;
}

/** An offer of the server as a row to edit. */
export const toRow = (o: CentreOffer): OfferRow => ({
  control_type: o.control_type,
  vehicle_category: o.vehicle_category,
  price: centsToEuros(o.price_cents),
  duration: o.duration_minutes == null ? '' : String(o.duration_minutes),
  active: o.active,
  own: o.source === 'centre',
  vat_rate_bp: o.vat_rate_bp,
});

/** Why a row cannot be sent, in French; null when it can. */
export function rowProblem(row: Pick<OfferRow, 'price' | 'duration'>): string | null {
  const cents = eurosToCents(row.price);
  if (cents === null || cents > MAX_PRICE_CENTS) return 'Prix de 0 à 1 000 €, deux décimales au plus.';
  if (row.duration.trim() && !/^\d+$/.test(row.duration.trim())) return 'Durée en minutes entières.';
  const minutes = Number(row.duration.trim());
  if (row.duration.trim() && (minutes < 5 || minutes > 240)) return 'Durée de 5 à 240 minutes.';
  return null;
}

/** The centre's own rows as `PUT /cts/{id}/offers` takes them. */
export function toOfferInputs(rows: readonly OfferRow[]): OfferInput[] {
  return rows
    .filter((r) => r.own)
    .map((r) => ({
      control_type: r.control_type,
      vehicle_category: r.vehicle_category,
      price_cents: eurosToCents(r.price)!,
      ...(r.duration.trim() ? { duration_minutes: Number(r.duration.trim()) } : {}),
      active: r.active,
    }));
}
