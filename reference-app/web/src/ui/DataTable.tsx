// The table of every back-office list, over pages the server answers by cursor. The table owns
// none of the data: `useTableQuery` holds what to ask the server for (the search, debounced;
// the filters; the order; the page, as a stack of cursors so that "Précédent" goes back), or
// `useTableController` over a listing kept elsewhere (the page's address); the caller asks and
// hands the answer to <DataTable>, which draws it with its states (loading skeleton, empty,
// error with retry), the column choice (kept on this device per table) and the row selection
// for bulk actions. A page may count the whole list (`total`: "Page 2 sur 5") or not, when the
// list is too long to count (a national network's bookings): then the table names the rows
// shown ("25 premiers résultats") and only steps to the next page.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from './Button';
import { cx } from './cx';
import { Select, type SelectOption } from './Input';
import { Empty, Failure } from './states';

/** A column of a {@link DataTable}. */
export interface DataColumn<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** The server's name of this order; the header sorts by it when given. */
  sort?: string;
  align?: 'left' | 'right';
  /** Hidden until the person chooses it in "Colonnes". */
  optional?: boolean;
  /** Always shown: the column that names the row. */
  fixed?: boolean;
}

/** An order: a sort key of the server and its direction. */
export interface TableSort {
  key: string;
  dir: 'asc' | 'desc';
}

/** A filter of a {@link DataTable}: a select over the server's codes ('' for no filter). */
export interface TableFilter {
  key: string;
  label: string;
  options: readonly SelectOption[];
  /** The words of "no filter" ("Tous les rôles"). */
  all: string;
  /** Greyed out (e.g. the centres until an agency is chosen). */
  disabled?: boolean;
}

/** An action on the selected rows. */
export interface BulkAction<Row> {
  label: string;
  danger?: boolean;
  /** Runs on the selected rows; `clearSelection` empties the selection once done. */
  onRun: (rows: Row[], clearSelection: () => void) => void;
}

/** One page as the server answers it. */
export interface TablePage<Row> {
  items: Row[];
  next_cursor: string | null;
  /** How many rows the whole list holds, when the server counts them. */
  total?: number;
}

/** What to ask the server for. */
export interface TableQuery {
  /** The search box, once the person paused typing. */
  search: string;
  filters: Readonly<Record<string, string>>;
  sort: TableSort | null;
  /** The cursor of the page shown; null for the first. */
  cursor: string | null;
  limit: number;
}

/** What a table lists, whichever its page: its query but the cursor. */
export type TableListing = Omit<TableQuery, 'cursor'>;

/** The state of a table's query and the ways to change it (from {@link useTableQuery}). */
export interface TableController {
  query: TableQuery;
  /** The search box as typed. */
  searchText: string;
  setSearchText: (text: string) => void;
  setFilter: (key: string, value: string) => void;
  /** Sorts by `key`, ascending first, the other way on a second click. */
  toggleSort: (key: string) => void;
  setLimit: (limit: number) => void;
  /** The page shown, from 1. */
  page: number;
  /** Shows the page after the current one, which `cursor` names. */
  next: (cursor: string) => void;
  /** Shows the page before. */
  previous: () => void;
}

/** Options of {@link useTableQuery}. */
export interface TableQueryOptions {
  sort?: TableSort | null;
  filters?: Record<string, string>;
  limit?: number;
  /** How long the search waits after the last key, in ms. */
  debounceMs?: number;
}

/** What a {@link DataTable} asks the server for, as the person changes it. */
export function useTableQuery({ sort = null, filters = {}, limit = 25, debounceMs = 300 }: TableQueryOptions = {}): TableController {
  const [listing, setListing] = useState<TableListing>({ search: '', filters, sort, limit });
  return useTableController(listing, setListing, debounceMs);
}

/**
 * The controller of a table whose listing is kept elsewhere (the page's address, say):
 * `update` receives each change as a function of the listing it changes. The pages seen belong
 * to their listing: any other listing, however it came (a filter, the browser's history),
 * starts again from the first page. The search box follows a search changed elsewhere.
 */
export function useTableController(listing: TableListing, update: (change: (listing: TableListing) => TableListing) => void, debounceMs = 300): TableController {
  const of = JSON.stringify(listing);
  const [seen, setSeen] = useState({ of, cursors: [null] as Array<string | null> });
  let cursors = seen.cursors;
  if (seen.of !== of) {
    cursors = [null];
    setSeen({ of, cursors });
  }
  // The text typed, and the search it was typed over; once that search changed, the text stays
  // if it is the new search (the pause after typing), else the new search replaces it.
  const [typed, setTyped] = useState({ text: listing.search, over: listing.search });
  let searchText = typed.text;
  if (typed.over !== listing.search) {
    searchText = typed.text.trim() === listing.search ? typed.text : listing.search;
    setTyped({ text: searchText, over: listing.search });
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return {
    query: { ...listing, cursor: cursors[cursors.length - 1] ?? null },
    searchText,
    setSearchText: (text) => {
      setTyped({ text, over: listing.search });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => update((l) => ({ ...l, search: text.trim() })), debounceMs);
    },
    setFilter: (key, value) => update((l) => ({ ...l, filters: { ...l.filters, [key]: value } })),
    toggleSort: (key) => update((l) => ({ ...l, sort: { key, dir: l.sort?.key === key && l.sort.dir === 'asc' ? 'desc' : 'asc' } })),
    setLimit: (limit) => update((l) => ({ ...l, limit })),
    page: cursors.length,
    next: (cursor) => setSeen({ of, cursors: [...cursors, cursor] }),
    previous: () => setSeen({ of, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
  };
}

/** Props of {@link DataTable}. */
export interface DataTableProps<Row> {
  /** Names the table on this device: the column choice is kept under it. */
  id: string;
  caption: string;
  columns: ReadonlyArray<DataColumn<Row>>;
  rowKey: (row: Row) => string;
  /** Names a row for assistive technologies ("Jean Dupont"), in its selection box. */
  rowLabel: (row: Row) => string;
  controller: TableController;
  /** The page the server answered; undefined while the first one loads. */
  page: TablePage<Row> | undefined;
  /** A newer answer is on its way; the rows shown are the previous ones. */
  refreshing?: boolean;
  /** Why the page could not be loaded, in French. */
  error?: string | null;
  onRetry?: () => void;
  /** The search box's label ("Rechercher un utilisateur"); no search box without it. */
  searchLabel?: string;
  searchPlaceholder?: string;
  /** The longest search the server takes, in characters. */
  searchMaxLength?: number;
  filters?: readonly TableFilter[];
  /** Actions on the selected rows; rows can be selected when there are some. */
  bulkActions?: ReadonlyArray<BulkAction<Row>>;
  /** The last column: the actions on one row. */
  rowActions?: (row: Row) => ReactNode;
  /** What an empty answer says, and what to do. */
  empty: { title: string; hint?: ReactNode };
  /** Buttons of the toolbar ("Nouvel utilisateur"). */
  actions?: ReactNode;
  /** The page sizes offered; the query's limit should be one of them. */
  pageSizes?: readonly number[];
}

const PAGE_SIZES = [10, 25, 50, 100];
const count = (n: number) => n.toLocaleString('fr-FR');

/**
 * What the rows of a page are among the whole list, in French: "33 résultats" when the server
 * counted them; else "25 premiers résultats" on the first page of several, "Résultats 26 à 50"
 * further on (the pages before are full: the page size belongs to the listing), or "7 résultats"
 * when the first page is the whole list.
 */
function rowsText(page: TablePage<unknown>, pageNumber: number, limit: number): string {
  if (page.total !== undefined) return page.total === 1 ? '1 résultat' : `${count(page.total)} résultats`;
  const shown = page.items.length;
  if (pageNumber > 1) {
    const first = (pageNumber - 1) * limit + 1;
    return shown === 1 ? `Résultat ${count(first)}` : `Résultats ${count(first)} à ${count(first + shown - 1)}`;
  }
  if (page.next_cursor) return `${count(shown)} premiers résultats`;
  return shown === 1 ? '1 résultat' : `${count(shown)} résultats`;
}
const SKELETON_ROWS = 5;

function readShown(id: string): Record<string, boolean> {
  try {
    const raw = localStorage.getItem(`pti.table.${id}.columns`);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

/** The "Colonnes" button and its list of the columns that may be hidden. */
function ColumnChoice<Row>({ columns, isShown, onToggle }: { columns: ReadonlyArray<DataColumn<Row>>; isShown: (c: DataColumn<Row>) => boolean; onToggle: (c: DataColumn<Row>) => void }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  const choosable = columns.filter((c) => !c.fixed);
  if (choosable.length === 0) return null;
  return (
    <div ref={box} className="relative" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <Button variant="secondary" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)} data-testid="table-columns">
        Colonnes
      </Button>
      {open && (
        <fieldset id={id} className="absolute left-0 z-20 sm:left-auto sm:right-0 mt-1 flex min-w-52 flex-col gap-2 rounded-md bg-white p-3 shadow-overlay dark:bg-gray-800">
          <legend className="sr-only">Colonnes affichées</legend>
          {choosable.map((c) => (
            <label key={c.key} className="flex items-center gap-2 text-sm text-ink-strong dark:text-gray-100">
              <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={isShown(c)} onChange={() => onToggle(c)} />
              {c.header}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}

/** A header checkbox that can show "some of them" (indeterminate). */
function PageCheckbox({ checked, some, onChange }: { checked: boolean; some: boolean; onChange: () => void }) {
  return (
    <input
      type="checkbox"
      aria-label="Sélectionner toutes les lignes de la page"
      className="h-4 w-4 accent-brand-600"
      checked={checked}
      ref={(el) => {
        if (el) el.indeterminate = some && !checked;
      }}
      onChange={onChange}
    />
  );
}

/** A back-office list: toolbar (search, filters, columns), table, bulk actions and pages. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { id, caption, columns, rowKey, rowLabel, controller, page, refreshing, error, onRetry, searchLabel, searchPlaceholder, searchMaxLength, filters = [], bulkActions = [], rowActions, empty, actions, pageSizes = PAGE_SIZES } = props;
  const { query } = controller;
  const [shown, setShown] = useState(() => readShown(id));
  const isShown = (c: DataColumn<Row>) => c.fixed || (shown[c.key] ?? !c.optional);
  const toggleColumn = (c: DataColumn<Row>) => {
    const next = { ...shown, [c.key]: !isShown(c) };
    localStorage.setItem(`pti.table.${id}.columns`, JSON.stringify(next));
    setShown(next);
  };
  const visible = columns.filter(isShown);

  // The selection belongs to one listing (search, filters, order); it survives paging.
  const listing = JSON.stringify([query.search, query.filters, query.sort, query.limit]);
  const [selection, setSelection] = useState<{ of: string; rows: Map<string, Row> }>({ of: listing, rows: new Map() });
  const selected = selection.of === listing ? selection.rows : new Map<string, Row>();
  const selectable = bulkActions.length > 0;
  const rows = page?.items ?? [];
  const onPage = rows.filter((r) => selected.has(rowKey(r))).length;
  const select = (change: (rows: Map<string, Row>) => void) => {
    const next = new Map(selected);
    change(next);
    setSelection({ of: listing, rows: next });
  };
  const clearSelection = () => setSelection({ of: listing, rows: new Map() });
  const toggleRow = (row: Row) => select((m) => (m.has(rowKey(row)) ? m.delete(rowKey(row)) : m.set(rowKey(row), row)));
  const togglePage = () => select((m) => rows.forEach((r) => (onPage === rows.length ? m.delete(rowKey(r)) : m.set(rowKey(r), r))));

  const span = visible.length + (selectable ? 1 : 0) + (rowActions ? 1 : 0);
  const loading = page === undefined && !error;
  // Without a count of the whole list, the pages are stepped through, not numbered out of a total.
  const pages = page?.total !== undefined ? Math.max(1, Math.ceil(page.total / query.limit)) : null;
  const counted = pages !== null;

  return (
    <div className="flex flex-col gap-3" data-testid={`table-${id}`}>
      <div className="flex flex-wrap items-end gap-2">
        {searchLabel && (
          <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm font-medium text-ink-strong sm:max-w-xs dark:text-gray-100">
            {searchLabel}
            <input
              type="search"
              value={controller.searchText}
              onChange={(e) => controller.setSearchText(e.target.value)}
              placeholder={searchPlaceholder}
              maxLength={searchMaxLength}
              className="h-10 rounded-md border border-ink/30 bg-white px-3 text-sm font-normal text-ink-strong dark:border-gray-600 dark:bg-gray-900 dark:text-gray-100"
              data-testid="table-search"
            />
          </label>
        )}
        {filters.map((f) => (
          <label key={f.key} className="flex min-w-40 flex-col gap-1 text-sm font-medium text-ink-strong dark:text-gray-100">
            {f.label}
            <Select
              options={f.options}
              placeholder={f.all}
              value={query.filters[f.key] ?? ''}
              disabled={f.disabled}
              onChange={(e) => controller.setFilter(f.key, e.target.value)}
              className="font-normal"
              data-testid={`filter-${f.key}`}
            />
          </label>
        ))}
        <div className="ml-auto flex flex-wrap items-end gap-2">
          <ColumnChoice columns={columns} isShown={isShown} onToggle={toggleColumn} />
          {actions}
        </div>
      </div>

      {selectable && selected.size > 0 && (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-brand-500 bg-brand-50 px-3 py-2 dark:bg-gray-800" role="region" aria-label="Actions sur la sélection" data-testid="bulk-bar">
          <p className="mr-auto text-sm font-semibold text-ink-strong dark:text-gray-100" aria-live="polite">
            {selected.size === 1 ? '1 ligne sélectionnée' : `${selected.size} lignes sélectionnées`}
          </p>
          {bulkActions.map((a) => (
            <Button key={a.label} size="sm" variant={a.danger ? 'danger' : 'secondary'} onClick={() => a.onRun([...selected.values()], clearSelection)}>
              {a.label}
            </Button>
          ))}
          <Button size="sm" variant="ghost" onClick={clearSelection}>
            Tout désélectionner
          </Button>
        </div>
      )}

      {error ? (
        <Failure message={error} retry={onRetry} />
      ) : page && rows.length === 0 ? (
        <Empty title={empty.title}>{empty.hint}</Empty>
      ) : (
        // `relative`: the scrolling box also holds the visually hidden texts (absolutely placed).
        <div className="relative overflow-x-auto rounded-md border border-gray-200 bg-white dark:border-gray-700 dark:bg-gray-800">
          <table className="min-w-full text-sm" aria-busy={loading || refreshing || undefined}>
            <caption className="sr-only">{caption}</caption>
            <thead className="bg-gray-50 text-left text-xs font-semibold text-ink-strong uppercase dark:bg-gray-900 dark:text-gray-100">
              <tr>
                {selectable && (
                  <th scope="col" className="w-10 px-3 py-2">
                    <PageCheckbox checked={rows.length > 0 && onPage === rows.length} some={onPage > 0} onChange={togglePage} />
                  </th>
                )}
                {visible.map((c) => {
                  const dir = c.sort && query.sort?.key === c.sort ? query.sort.dir : undefined;
                  return (
                    <th
                      key={c.key}
                      scope="col"
                      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                      className={cx('px-3 py-2 whitespace-nowrap', c.align === 'right' && 'text-right')}
                    >
                      {c.sort ? (
                        <button type="button" onClick={() => controller.toggleSort(c.sort!)} className="inline-flex items-center gap-1 uppercase">
                          {c.header}
                          <span aria-hidden="true">{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}</span>
                        </button>
                      ) : (
                        c.header
                      )}
                    </th>
                  );
                })}
                {rowActions && (
                  <th scope="col" className="px-3 py-2 text-right">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className={cx('divide-y divide-gray-200 dark:divide-gray-700', refreshing && 'opacity-60')}>
              {loading
                ? Array.from({ length: SKELETON_ROWS }, (_, i) => (
                    <tr key={i} data-testid="table-skeleton">
                      <td colSpan={span} className="px-3 py-3">
                        {i === 0 && <span className="sr-only">Chargement…</span>}
                        <div className="h-4 animate-pulse rounded bg-gray-200 dark:bg-gray-700" style={{ width: `${90 - i * 9}%` }} />
                      </td>
                    </tr>
                  ))
                : rows.map((row) => {
                    const key = rowKey(row);
                    return (
                      <tr key={key} className={cx('hover:bg-brand-50/40 dark:hover:bg-gray-700/40', selected.has(key) && 'bg-brand-50 dark:bg-gray-700')} data-testid="table-row">
                        {selectable && (
                          <td className="px-3 py-2">
                            <input type="checkbox" aria-label={`Sélectionner ${rowLabel(row)}`} className="h-4 w-4 accent-brand-600" checked={selected.has(key)} onChange={() => toggleRow(row)} />
                          </td>
                        )}
                        {visible.map((c) => (
                          <td key={c.key} className={cx('px-3 py-2', c.align === 'right' && 'text-right tabular-nums')}>
                            {c.cell(row)}
                          </td>
                        ))}
                        {rowActions && <td className="px-3 py-2 text-right whitespace-nowrap">{rowActions(row)}</td>}
                      </tr>
                    );
                  })}
            </tbody>
          </table>
        </div>
      )}

      {page && rows.length > 0 && !error && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <p className="mr-auto" data-testid={counted ? 'table-total' : 'table-range'}>
            {rowsText(page, controller.page, query.limit)}
          </p>
          <label className="flex items-center gap-2">
            Lignes par page
            <select
              value={query.limit}
              onChange={(e) => controller.setLimit(Number(e.target.value))}
              className="h-8 rounded-md border border-ink/30 bg-white px-2 dark:border-gray-600 dark:bg-gray-900"
            >
              {pageSizes.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <nav aria-label={`Pages : ${caption}`} className="flex items-center gap-2">
            <Button size="sm" variant="secondary" disabled={controller.page <= 1} onClick={controller.previous} data-testid="table-previous">
              {counted ? 'Précédent' : 'Page précédente'}
            </Button>
            <span data-testid="table-page">{pages === null ? `Page ${controller.page}` : `Page ${controller.page} sur ${pages}`}</span>
            <Button size="sm" variant="secondary" disabled={!page.next_cursor} onClick={() => page.next_cursor && controller.next(page.next_cursor)} data-testid="table-next">
              {counted ? 'Suivant' : 'Page suivante'}
            </Button>
          </nav>
        </div>
      )}
    </div>
  );
}
