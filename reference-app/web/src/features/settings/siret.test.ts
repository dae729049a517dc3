import { describe, expect, it } from 'vitest';
import { isSiret, luhn } from './siret';

describe('isSiret', () => {
  it('accepts 14 digits passing the Luhn check, spaces allowed', () => {
    expect(isSiret('732 829 320 00074')).toBe(true);
    expect(isSiret('73282932000074')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length and letters', () => {
    expect(isSiret('73282932000075')).toBe(false);
    expect(isSiret('7328293200007')).toBe(false);
    expect(isSiret('7328293200007A')).toBe(false);
  });
});

describe('luhn', () => {
  it('doubles every second digit from the right', () => {
    expect(luhn('79927398713')).toBe(true);
    expect(luhn('79927398710')).toBe(false);
  });
});
