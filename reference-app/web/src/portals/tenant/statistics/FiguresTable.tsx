// A table of figures by agency or by centre, every row of the period at once: searched by name,
// sorted by any column (aria-sort), paged 25, 50 or 100 rows at a time, in the browser.
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { euros } from '@/domain/format';
import { formatCount, formatPercent } from '@/features/dashboard/figures';
import { Empty, Pagination, cx } from '@/ui';
import { DEFAULT_SORT, PAGE_SIZES, pageOf, searchFigures, sortFigures, toggleSort, type FiguresRow, type RowSort, type SortKey } from './table';

interface Column {
  key: SortKey;
  header: string;
  cell: (row: FiguresRow) => string;
  numeric?: boolean;
}

const FIGURES: readonly Column[] = [
  { key: 'bookings', header: 'Réservations', cell: (r) => formatCount(r.figures.bookings), numeric: true },
  { key: 'completed', header: 'Réalisés', cell: (r) => formatCount(r.figures.completed), numeric: true },
  { key: 'no_show_percent', header: 'Non-présentation', cell: (r) => formatPercent(r.figures.no_show_percent), numeric: true },
  { key: 'cancellation_percent', header: 'Annulation', cell: (r) => formatPercent(r.figures.cancellation_percent), numeric: true },
  { key: 'revenue', header: 'CA net TTC', cell: (r) => euros(r.figures.revenue_cents), numeric: true },
  { key: 'collected', header: 'Encaissé', cell: (r) => euros(r.figures.collected_cents), numeric: true },
  { key: 'refunded', header: 'Remboursé', cell: (r) => euros(r.figures.refunded_cents), numeric: true },
];

/** Props of {@link FiguresTable}. */
export interface FiguresTableProps {
  /** Names the table ("Chiffres par centre") for assistive technologies. */
  caption: string;
  /** What a row is, heading its name's column ("Centre"). */
  noun: string;
  /** The same in the plural, lower case, for the count of rows ("centres"). */
  plural: string;
  /** The search box's label ("Rechercher un centre"). */
  searchLabel: string;
  /** What a search that finds no row says ("Aucun centre ne porte ce nom."). */
  none: string;
  rows: readonly FiguresRow[];
  /** Shows each row's agency (a table of centres). */
  withAgency?: boolean;
  /** The page of a row, when the portal has one. */
  href?: (id: string) => string;
  testId: string;
}

/** Figures by agency or by centre, as a searchable, sortable, paged table. */
export function FiguresTable({ caption, noun, plural, searchLabel, none, rows, withAgency, href, testId }: FiguresTableProps) {
  const [text, setText] = useState('');
  const [sort, setSort] = useState<RowSort>(DEFAULT_SORT);
  const [size, setSize] = useState<number>(PAGE_SIZES[0]);
  const [page, setPage] = useState(1);
  const sizeId = useId();
  const ordered = useMemo(() => sortFigures(searchFigures(rows, text), sort), [rows, text, sort]);
  const shown = pageOf(ordered, page, size);
  const columns: readonly Column[] = [
    { key: 'name', header: noun, cell: (r) => r.name },
    ...(withAgency ? [{ key: 'agency' as const, header: 'Agence', cell: (r: FiguresRow) => r.agency_name ?? '' }] : []),
    ...FIGURES,
  ];
  return (
    <div className="flex flex-col gap-3" data-testid={testId}>
      <label className="flex flex-col gap-1 text-sm font-medium text-ink-strong sm:max-w-xs dark:text-gray-100">
        {searchLabel}
        <input
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPage(1);
          }}
          placeholder="Nom…"
          className="h-10 rounded-md border border-ink/30 bg-white px-3 text-sm font-normal text-ink-strong dark:border-gray-600 dark:bg-gray-900 dark:text-gray-100"
        />
      </label>
      {ordered.length === 0 ? (
        <Empty title={none} />
      ) : (
        // `relative`: the scrolling box also holds the visually hidden caption.
        <div className="relative overflow-x-auto rounded-md border border-gray-200 bg-white dark:border-gray-700 dark:bg-gray-800">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead className="bg-gray-50 text-left text-xs font-semibold text-ink-strong uppercase dark:bg-gray-900 dark:text-gray-100">
              <tr>
                {columns.map((c) => {
                  const dir = sort.key === c.key ? sort.dir : undefined;
                  return (
                    <th
                      key={c.key}
                      scope="col"
                      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                      className={cx('px-3 py-2 whitespace-nowrap', c.numeric && 'text-right')}
                    >
                      <button
                        type="button"
                        onClick={() => {
                          setSort(toggleSort(sort, c.key));
                          setPage(1);
                        }}
                        className="inline-flex items-center gap-1 uppercase"
                      >
                        {c.header}
                        <span aria-hidden="true">{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}</span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-200 dark:divide-gray-700">
              {shown.rows.map((row) => (
                <tr key={row.id} className="hover:bg-brand-50/40 dark:hover:bg-gray-700/40" data-testid="figures-row">
                  {columns.map((c, i) =>
                    i === 0 ? (
                      <th key={c.key} scope="row" className="min-w-36 px-3 py-2 text-left font-medium text-ink-strong dark:text-gray-100">
                        {href ? (
                          <Link to={href(row.id)} className="underline-offset-2 hover:underline">
                            {row.name}
                          </Link>
                        ) : (
                          row.name
                        )}
                      </th>
                    ) : (
                      <td key={c.key} className={cx('px-3 py-2', c.numeric ? 'text-right whitespace-nowrap tabular-nums' : 'min-w-32')}>
                        {c.cell(row)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <p className="mr-auto" data-testid="figures-total">
          {formatCount(shown.total)} {shown.total > 1 ? plural : noun.toLowerCase()}
        </p>
        <label htmlFor={sizeId} className="flex items-center gap-2">
          Lignes par page
          <select
            id={sizeId}
            value={size}
            onChange={(e) => {
              setSize(Number(e.target.value));
              setPage(1);
            }}
            className="h-8 rounded-md border border-ink/30 bg-white px-2 dark:border-gray-600 dark:bg-gray-900"
          >
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <Pagination page={shown.page} pages={shown.pages} onPage={setPage} />
      </div>
    </div>
  );
}
