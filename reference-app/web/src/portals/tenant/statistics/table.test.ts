import { describe, expect, it } from 'vitest';
import type { StatisticsFigures } from '@/api/types';
import { DEFAULT_SORT, pageOf, searchFigures, sortFigures, toggleSort, type FiguresRow } from './table';

const figures = (bookings: number, extra: Partial<StatisticsFigures> = {}): StatisticsFigures => ({
  bookings,
  completed: bookings,
  no_show: 0,
  cancelled: 0,
  refunds: 0,
  collected_cents: bookings * 7900,
  refunded_cents: 0,
  revenue_cents: bookings * 7900,
  no_show_percent: 0,
  cancellation_percent: 0,
  ...extra,
});

const row = (name: string, bookings: number, agency_name = 'Agence Paris', extra: Partial<StatisticsFigures> = {}): FiguresRow => ({ id: name, name, agency_name, figures: figures(bookings, extra) });
const names = (rows: readonly FiguresRow[]) => rows.map((r) => r.name);

describe('the tables of figures', () => {
  const rows = [row('CT Évry', 12, 'Agence Essonne'), row('CT Paris 12', 40), row('CT Paris 2', 40), row('CT Ajaccio', 3, 'Agence Corse')];

  it('open in the server’s order, the most bookings first, ties kept as answered', () => {
    expect(names(sortFigures(rows, DEFAULT_SORT))).toEqual(['CT Paris 12', 'CT Paris 2', 'CT Évry', 'CT Ajaccio']);
  });

  it('sort names the French way: accents aside, numbers as numbers', () => {
    expect(names(sortFigures(rows, { key: 'name', dir: 'asc' }))).toEqual(['CT Ajaccio', 'CT Évry', 'CT Paris 2', 'CT Paris 12']);
    expect(names(sortFigures(rows, { key: 'agency', dir: 'desc' }))).toEqual(['CT Paris 12', 'CT Paris 2', 'CT Évry', 'CT Ajaccio']);
  });

  it('sort a rate without divisor last, whichever the direction', () => {
    const rates = [row('A', 1, '', { no_show_percent: 5 }), row('B', 1, '', { no_show_percent: null }), row('C', 1, '', { no_show_percent: 12.5 })];
    expect(names(sortFigures(rates, { key: 'no_show_percent', dir: 'asc' }))).toEqual(['A', 'C', 'B']);
    expect(names(sortFigures(rates, { key: 'no_show_percent', dir: 'desc' }))).toEqual(['C', 'A', 'B']);
  });

  it('sort by money', () => {
    const money = [row('A', 1, '', { refunded_cents: 500 }), row('B', 1, '', { refunded_cents: 2500 })];
    expect(names(sortFigures(money, { key: 'refunded', dir: 'desc' }))).toEqual(['B', 'A']);
  });

  it('turn a column the other way on a second click; a new column starts with the most, or A to Z', () => {
    expect(toggleSort(DEFAULT_SORT, 'bookings')).toEqual({ key: 'bookings', dir: 'asc' });
    expect(toggleSort(DEFAULT_SORT, 'revenue')).toEqual({ key: 'revenue', dir: 'desc' });
    expect(toggleSort(DEFAULT_SORT, 'name')).toEqual({ key: 'name', dir: 'asc' });
  });

  it('search a centre’s name or its agency’s, accents and case aside', () => {
    expect(names(searchFigures(rows, 'evry'))).toEqual(['CT Évry']);
    expect(names(searchFigures(rows, '  PARIS '))).toEqual(['CT Paris 12', 'CT Paris 2']);
    expect(names(searchFigures(rows, 'corse'))).toEqual(['CT Ajaccio']);
    expect(searchFigures(rows, ' ')).toHaveLength(4);
    expect(searchFigures(rows, 'Lyon')).toEqual([]);
  });

  it('page 2,000 centres by 25, 50 or 100, the page asked brought within the pages there are', () => {
    const many = Array.from({ length: 2000 }, (_, i) => row(`CT ${i + 1}`, 2000 - i));
    const first = pageOf(many, 1, 25);
    expect([first.rows.length, first.page, first.pages, first.total]).toEqual([25, 1, 80, 2000]);
    expect(first.rows[0]!.name).toBe('CT 1');
    const third = pageOf(many, 3, 100);
    expect([third.rows[0]!.name, third.rows.at(-1)!.name, third.pages]).toEqual(['CT 201', 'CT 300', 20]);
    expect(pageOf(many, 99, 50)).toMatchObject({ page: 40, pages: 40 });
    expect(pageOf(many, 0, 50).page).toBe(1);
    expect(pageOf([], 1, 25)).toEqual({ rows: [], page: 1, pages: 1, total: 0 });
  });
});
