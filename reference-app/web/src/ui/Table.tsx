import { useMemo, useState, type ReactNode } from 'react';
import { cx } from './cx';
import { Pagination } from './Layout';

/** A column of a {@link Table}. */
export interface Column<Row> {
  key: string;
  header: string;
  /** The cell's content. */
  cell: (row: Row) => ReactNode;
  /** The value sorted and filtered on; a column without one is neither sortable nor searched. */
  value?: (row: Row) => string | number;
  align?: 'left' | 'right';
}

/** Props of {@link Table}. */
export interface TableProps<Row> {
  caption: string;
  columns: Array<Column<Row>>;
  rows: Row[];
  rowKey: (row: Row) => string;
  pageSize?: number;
  /** Shows a search box that filters on every column with a value. */
  filterable?: boolean;
  empty?: ReactNode;
}

type Sort = { key: string; dir: 'asc' | 'desc' } | null;

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/** Sorts rows by a column's value, ascending or descending, stably. */
export function sortRows<Row>(rows: Row[], value: (row: Row) => string | number, dir: 'asc' | 'desc'): Row[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      const [x, y] = [value(a.row), value(b.row)];
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return c * sign || a.i - b.i;
    })
    .map(({ row }) => row);
}

/** A data table with sortable headers (aria-sort), a filter box and pagination. */
export function Table<Row>({ caption, columns, rows, rowKey, pageSize = 10, filterable, empty }: TableProps<Row>) {
  const [sort, setSort] = useState<Sort>(null);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase('fr');
    const filtered = q
      ? rows.filter((r) => columns.some((c) => c.value && String(c.value(r)).toLocaleLowerCase('fr').includes(q)))
      : rows;
    const column = sort && columns.find((c) => c.key === sort.key);
    return column?.value ? sortRows(filtered, column.value, sort!.dir) : filtered;
  }, [rows, columns, sort, query]);
  const pages = Math.max(1, Math.ceil(shown.length / pageSize));
  const current = Math.min(page, pages);
  const visible = shown.slice((current - 1) * pageSize, current * pageSize);
  const toggle = (key: string) =>
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  return (
    <div className="space-y-3">
      {filterable && (
        <input
          type="search"
          aria-label={`Filtrer : ${caption}`}
          placeholder="Filtrer…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(1);
          }}
          className="h-9 w-full max-w-xs rounded-md border border-ink/30 px-3 text-sm"
        />
      )}
      <div className="overflow-x-auto rounded-md border border-gray-200">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-gray-50 text-left text-xs font-semibold text-ink-strong uppercase dark:bg-gray-800">
            <tr>
              {columns.map((c) => {
                const dir = sort?.key === c.key ? sort.dir : undefined;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                    className={cx('px-3 py-2', c.align === 'right' && 'text-right')}
                  >
                    {c.value ? (
                      <button type="button" onClick={() => toggle(c.key)} className="inline-flex items-center gap-1 uppercase">
                        {c.header}
                        <span aria-hidden="true">{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}</span>
                      </button>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-200">
            {visible.map((row) => (
              <tr key={rowKey(row)} className="hover:bg-brand-50/40">
                {columns.map((c) => (
                  <td key={c.key} className={cx('px-3 py-2', c.align === 'right' && 'text-right tabular-nums')}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
            {visible.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="px-3 py-6 text-center text-ink">
                  {empty ?? 'Aucun résultat'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={current} pages={pages} onPage={setPage} />
    </div>
  );
}
