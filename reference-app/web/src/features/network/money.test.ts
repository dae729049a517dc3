import { describe, expect, it } from 'vitest';
import { centsToEuros, eurosToCents } from './money';

describe('euros and cents', () => {
  it('reads euros with a comma or a point', () => {
    expect(eurosToCents('79')).toBe(7900);
    expect(eurosToCents('79,5')).toBe(7950);
    expect(eurosToCents(' 79.99 ')).toBe(7999);
    expect(eurosToCents('0')).toBe(0);
  });

  it('keeps exact cents where floating point would not (0,29 € is 29 cents)', () => {
    expect(eurosToCents('0.29')).toBe(29);
    expect(eurosToCents('1,15')).toBe(115);
  });

  it('refuses what is not an amount of at most two decimals', () => {
    for (const text of ['', 'abc', '-5', '7,999', '1e3', '7,']) expect(eurosToCents(text)).toBeNull();
  });

  it('round-trips every cent amount', () => {
    for (const cents of [0, 1, 29, 115, 7900, 7999, 100_000]) expect(eurosToCents(centsToEuros(cents))).toBe(cents);
    expect(centsToEuros(7950)).toBe('79.50');
  });
});
