// Prices as the API keeps them (integer cents, tax included) and as the admin types them (euros,
// a comma or a point before the cents).

/** The most a price may be, in cents (1 000 €). */
export const MAX_PRICE_CENTS = 100_000;

/** Typed euros ("79", "79,5", "79.50") as cents; null when it is not an amount of at most two decimals. */
export function eurosToCents(text: string): number | null {
  const clean = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

/** Cents as the euros a number field shows ("79.50"). */
export const centsToEuros = (cents: number): string => (cents / 100).toFixed(2);
