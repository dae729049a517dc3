// A whole list the server answers at once (agencies, centres) shown as a DataTable's pages: the
// search, filters, order and page of the table's query applied in the browser.
import type { TablePage, TableQuery } from '@/ui/staff';

/** How a list is searched, filtered and sorted. */
export interface ListRules<Row> {
  /** The text the search box looks in. */
  text: (row: Row) => string;
  /** The value a filter key compares to its choice. */
  field: (row: Row, key: string) => string;
  /** The value each sort key orders by. */
  sortBy: Readonly<Record<string, (row: Row) => string | number>>;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The page of `rows` that `query` asks for; its cursor is the offset of the page. */
export function listPage<Row>(rows: readonly Row[], query: TableQuery, rules: ListRules<Row>): TablePage<Row> {
  const needle = fold(query.search);
  let found = rows.filter(
    (row) => (!needle || fold(rules.text(row)).includes(needle)) && Object.entries(query.filters).every(([key, value]) => !value || rules.field(row, key) === value),
  );
  const key = query.sort && rules.sortBy[query.sort.key];
  if (key && query.sort) {
    const dir = query.sort.dir === 'desc' ? -1 : 1;
    found = [...found].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return dir * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
    });
  }
  const from = Number(query.cursor ?? 0) || 0;
  const to = from + query.limit;
  return { items: found.slice(from, to), next_cursor: to < found.length ? String(to) : null, total: found.length };
}
