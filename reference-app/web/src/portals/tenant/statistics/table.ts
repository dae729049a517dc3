// The tables of figures by agency and by centre are sorted, searched and paged in the browser:
// the server answers every row of the period at once (a few thousand centres at most).
import type { StatisticsFigures } from '@/api/types';

/** A row of a table of figures: an agency or a centre. */
export interface FiguresRow {
  id: string;
  name: string;
  /** A centre's agency. */
  agency_name?: string;
  figures: StatisticsFigures;
}

/** The columns a table sorts by. */
export type SortKey = 'name' | 'agency' | 'bookings' | 'completed' | 'no_show_percent' | 'cancellation_percent' | 'revenue' | 'collected' | 'refunded';

/** An order: a column and its direction. */
export interface RowSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** The rows per page offered. */
export const PAGE_SIZES = [25, 50, 100] as const;

/** The order the server answers in, and the table opens in: the most bookings first. */
export const DEFAULT_SORT: RowSort = { key: 'bookings', dir: 'desc' };

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/** The value of `row` a column sorts by; null for a rate without divisor. */
function sortValue(row: FiguresRow, key: SortKey): string | number | null {
  const f = row.figures;
  switch (key) {
    case 'name':
      return row.name;
    case 'agency':
      return row.agency_name ?? '';
    case 'bookings':
      return f.bookings;
    case 'completed':
      return f.completed;
    case 'no_show_percent':
      return f.no_show_percent ?? null;
    case 'cancellation_percent':
      return f.cancellation_percent ?? null;
    case 'revenue':
      return f.revenue_cents;
    case 'collected':
      return f.collected_cents;
    case 'refunded':
      return f.refunded_cents;
  }
}

/** `rows` in `sort`'s order, stably; a rate without divisor ("—") comes last either way. */
export function sortFigures<Row extends FiguresRow>(rows: readonly Row[], sort: RowSort): Row[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, value: sortValue(row, sort.key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || a.i - b.i;
      const c = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return c * sign || a.i - b.i;
    })
    .map(({ row }) => row);
}

const folded = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase('fr');

/** The rows whose name (or agency's name) holds `text`, accents and case aside; all of them for blank text. */
export function searchFigures<Row extends FiguresRow>(rows: readonly Row[], text: string): Row[] {
  const wanted = folded(text.trim());
  if (!wanted) return [...rows];
  return rows.filter((row) => folded(row.name).includes(wanted) || (row.agency_name !== undefined && folded(row.agency_name).includes(wanted)));
}

/** The next order after a click on column `key`: the other way on the same column; a new column starts with the most (figures) or A to Z (names). */
export function toggleSort(sort: RowSort, key: SortKey): RowSort {
  if (sort.key === key) return { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'name' || key === 'agency' ? 'asc' : 'desc' };
}

/** One page of rows. */
export interface RowsPage<Row> {
  rows: Row[];
  /** The page shown, from 1, within the pages there are. */
  page: number;
  pages: number;
  /** The rows of every page. */
  total: number;
}

/** Page `page` (from 1, brought within the pages there are) of `rows`, `size` a page. */
export function pageOf<Row>(rows: readonly Row[], page: number, size: number): RowsPage<Row> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pages, total: rows.length };
}
