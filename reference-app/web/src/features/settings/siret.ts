// The SIRET of a French establishment: 14 digits passing the Luhn check, as the server checks it
// (reference-app/src/admin/settings/input.rs); spaces are allowed between digit groups.

/** The digits of `raw` without its spaces. */
export const siretDigits = (raw: string) => raw.replace(/\s+/g, '');

/** Whether `digits` pass the Luhn check (every second digit from the right doubled). */
export function luhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Whether `raw` is a valid SIRET: 14 digits (spaces allowed) passing the Luhn check. */
export function isSiret(raw: string): boolean {
  const digits = siretDigits(raw);
  return digits.length === 14 && luhn(digits);
}
