import { describe, expect, it } from 'vitest';
import { MIN_CONTRAST, contrastWithWhite, parseHex } from './contrast';

describe('contrastWithWhite', () => {
  it('is 21:1 on black and 1:1 on white', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#FFFFFF')).toBeCloseTo(1, 5);
  });

  it('draws the line where the server does: #767676 passes, #777777 does not', () => {
    expect(contrastWithWhite('#767676')!).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrastWithWhite('#777777')!).toBeLessThan(MIN_CONTRAST);
  });

  it('is null for what is not #RRGGBB', () => {
    expect(contrastWithWhite('#fff')).toBeNull();
    expect(contrastWithWhite('bleu')).toBeNull();
  });
});

describe('parseHex', () => {
  it('reads the bytes of any case, spaces around', () => {
    expect(parseHex(' #1D4ed8 ')).toEqual([0x1d, 0x4e, 0xd8]);
  });
});
