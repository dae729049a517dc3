import { describe, expect, it } from 'vitest';
import { compactEuros, formatCount, formatPercent, formatTrend, funnelIsEmpty, funnelSteps, hasActivity, trend, wallClock } from './figures';

// French numbers put a narrow no-break space before "%" and between thousands.
const spaced = (text: string) => text.replace(/\s/g, ' ');

describe('the dashboard’s figures', () => {
  it.each([
    [106, 64, { direction: 'up', percent: 65.6 }],
    [64, 106, { direction: 'down', percent: -39.6 }],
    [5, 5, { direction: 'flat', percent: 0 }],
    [0, 0, { direction: 'flat', percent: 0 }],
    [12, 0, { direction: 'up', percent: null }],
  ] as const)('%i against %i the month before', (current, previous, expected) => {
    expect(trend(current, previous)).toEqual(expected);
  });

  it('writes a trend as a signed percent, and "Nouveau" after a month without any', () => {
    expect(spaced(formatTrend(trend(106, 64)))).toBe('+65,6 %');
    expect(spaced(formatTrend(trend(88, 100)))).toBe('-12 %');
    expect(spaced(formatTrend(trend(3, 3)))).toBe('0 %');
    expect(formatTrend(trend(3, 0))).toBe('Nouveau');
  });

  it('writes rates with one decimal, and a dash without a divisor', () => {
    expect(spaced(formatPercent(33.3))).toBe('33,3 %');
    expect(spaced(formatPercent(0))).toBe('0 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
  });

  it('writes counts and axis amounts the French way', () => {
    expect(spaced(formatCount(1234567))).toBe('1 234 567');
    expect(spaced(compactEuros(7874))).toBe('7,9 k €');
    expect(spaced(compactEuros(0))).toBe('0 €');
  });

  it('lays the funnel out from the searches to the payments, each step against the one before', () => {
    const steps = funnelSteps({ searches: 200, slot_views: 80, holds: 20, paid: 15 });
    expect(steps.map((s) => [s.key, s.label, s.count, s.share, s.fromPrevious])).toEqual([
      ['searches', 'Recherches', 200, 100, null],
      ['slot_views', 'Créneaux consultés', 80, 40, 40],
      ['holds', 'Créneaux bloqués', 20, 10, 25],
      ['paid', 'Réservations payées', 15, 7.5, 75],
    ]);
  });

  it('measures the bars against the largest step, which need not be the first', () => {
    // Holds made by the call centre follow no search.
    const steps = funnelSteps({ searches: 0, slot_views: 10, holds: 40, paid: 0 });
    expect(steps.map((s) => [s.share, s.fromPrevious])).toEqual([
      [0, null],
      [25, null],
      [100, 400],
      [0, 0],
    ]);
  });

  it('knows an empty funnel and months without activity', () => {
    expect(funnelIsEmpty({ searches: 0, slot_views: 0, holds: 0, paid: 0 })).toBe(true);
    expect(funnelIsEmpty({ searches: 0, slot_views: 0, holds: 0, paid: 1 })).toBe(false);
    expect(hasActivity([{ month: '2026-11', bookings: 0, revenue_cents: 0, cancelled: 4 }])).toBe(false);
    expect(hasActivity([{ month: '2026-11', bookings: 0, revenue_cents: 0, cancelled: 0 }, { month: '2026-12', bookings: 0, revenue_cents: 7900, cancelled: 0 }])).toBe(true);
  });

  it('reads a booking’s start in its centre’s own time, whatever the offset', () => {
    expect(wallClock('2026-12-05T08:15:00+01:00')).toBe('sam. 5 déc. 2026 à 08:15');
    expect(wallClock('2026-07-14T09:30:00-04:00')).toBe('mar. 14 juil. 2026 à 09:30');
  });
});
