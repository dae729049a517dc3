import { describe, expect, it } from 'vitest';
import { brandStyle } from './brandStyle';

describe('brandStyle', () => {
  it('sets the brand tokens from the primary colour, with white text on it', () => {
    const style = brandStyle({ primary_color: '#1d4ed8' }) as Record<string, string>;
    expect(style['--color-brand-500']).toBe('#1d4ed8');
    expect(style['--color-brand-700']).toContain('#1d4ed8');
    expect(style['--color-on-brand']).toBe('#ffffff');
  });

  it('keeps the design system’s colours without a valid colour', () => {
    expect(brandStyle(undefined)).toBeUndefined();
    expect(brandStyle({ portal_title: 'Réseau' })).toBeUndefined();
    expect(brandStyle({ primary_color: 'red;}' })).toBeUndefined();
  });
});
