import { useState } from 'react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DataTable, useTableController, useTableQuery, type BulkAction, type DataColumn, type TableListing, type TablePage, type TableQuery } from './DataTable';

interface Person {
  id: string;
  name: string;
  city: string;
  phone: string;
}

const PEOPLE: Person[] = Array.from({ length: 7 }, (_, i) => ({ id: `p${i + 1}`, name: `Personne ${i + 1}`, city: i % 2 ? 'Lyon' : 'Paris', phone: `06 00 00 00 0${i}` }));

/** An in-memory server: filters, sorts and pages `PEOPLE` by cursor (the index of the next row). */
function serve(q: TableQuery): TablePage<Person> {
  const found = PEOPLE.filter((p) => p.name.toLowerCase().includes(q.search.toLowerCase()) && (!q.filters.city || p.city === q.filters.city));
  if (q.sort) found.sort((a, b) => a.name.localeCompare(b.name, 'fr', { numeric: true }) * (q.sort!.dir === 'asc' ? 1 : -1));
  const from = Number(q.cursor ?? 0);
  const to = from + q.limit;
  return { items: found.slice(from, to), next_cursor: to < found.length ? String(to) : null, total: found.length };
}

const COLUMNS: ReadonlyArray<DataColumn<Person>> = [
  { key: 'name', header: 'Nom', sort: 'name', fixed: true, cell: (p) => p.name },
  { key: 'city', header: 'Ville', cell: (p) => p.city },
  { key: 'phone', header: 'Téléphone', optional: true, cell: (p) => p.phone },
];

interface HarnessProps {
  answer?: (q: TableQuery) => TablePage<Person> | undefined;
  error?: string;
  onRetry?: () => void;
  bulk?: BulkAction<Person>['onRun'];
  debounceMs?: number;
}

/** A table over the in-memory server, with what it asks for shown as JSON. */
function Harness({ answer = serve, error, onRetry, bulk, debounceMs = 300 }: HarnessProps) {
  const table = useTableQuery({ sort: { key: 'name', dir: 'asc' }, limit: 3, debounceMs });
  return (
    <>
      <pre data-testid="query">{JSON.stringify(table.query)}</pre>
      <DataTable
        id="people"
        caption="Personnes"
        columns={COLUMNS}
        rowKey={(p) => p.id}
        rowLabel={(p) => p.name}
        controller={table}
        page={error ? undefined : answer(table.query)}
        error={error}
        onRetry={onRetry}
        searchLabel="Rechercher"
        filters={[{ key: 'city', label: 'Ville', all: 'Toutes les villes', options: [{ value: 'Paris', label: 'Paris' }, { value: 'Lyon', label: 'Lyon' }] }]}
        bulkActions={bulk ? [{ label: 'Désactiver', danger: true, onRun: bulk }] : []}
        empty={{ title: 'Personne ne correspond.', hint: 'Modifiez la recherche.' }}
      />
    </>
  );
}

const asked = (): TableQuery => JSON.parse(screen.getByTestId('query').textContent!) as TableQuery;
const names = () => screen.queryAllByTestId('table-row').map((row) => within(row).getAllByRole('cell').find((c) => c.textContent?.startsWith('Personne'))?.textContent);

beforeEach(() => localStorage.clear());

describe('DataTable', () => {
  it('shows a skeleton while the first page loads, then the rows', () => {
    const { rerender } = render(<Harness answer={() => undefined} />);
    expect(screen.getAllByTestId('table-skeleton')).toHaveLength(5);
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Chargement…')).toBeInTheDocument();
    rerender(<Harness />);
    expect(names()).toEqual(['Personne 1', 'Personne 2', 'Personne 3']);
    expect(screen.getByRole('table')).not.toHaveAttribute('aria-busy');
  });

  it('pages forward by the server’s cursor and back through the cursors already seen', async () => {
    render(<Harness />);
    expect(screen.getByTestId('table-previous')).toBeDisabled();
    expect(screen.getByTestId('table-page')).toHaveTextContent('Page 1 sur 3');
    await userEvent.click(screen.getByTestId('table-next'));
    expect(asked().cursor).toBe('3');
    expect(names()).toEqual(['Personne 4', 'Personne 5', 'Personne 6']);
    await userEvent.click(screen.getByTestId('table-next'));
    expect(names()).toEqual(['Personne 7']);
    expect(screen.getByTestId('table-next')).toBeDisabled();
    await userEvent.click(screen.getByTestId('table-previous'));
    expect(asked().cursor).toBe('3');
    await userEvent.click(screen.getByTestId('table-previous'));
    expect(asked().cursor).toBeNull();
    expect(screen.getByTestId('table-total')).toHaveTextContent('7 résultats');
  });

  it('sorts by a header on the server, and says so with aria-sort', async () => {
    render(<Harness />);
    const header = () => screen.getByRole('columnheader', { name: /Nom/ });
    expect(header()).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: 'Ville' })).not.toHaveAttribute('aria-sort');
    await userEvent.click(screen.getByTestId('table-next'));
    await userEvent.click(within(header()).getByRole('button'));
    expect(asked()).toMatchObject({ sort: { key: 'name', dir: 'desc' }, cursor: null });
    expect(header()).toHaveAttribute('aria-sort', 'descending');
    expect(names()).toEqual(['Personne 7', 'Personne 6', 'Personne 5']);
  });

  it('asks for the search once the typing pauses, from the first page', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      render(<Harness />);
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      await user.click(screen.getByTestId('table-next'));
      await user.type(screen.getByRole('searchbox', { name: 'Rechercher' }), 'nne 7');
      expect(asked().search).toBe('');
      act(() => vi.advanceTimersByTime(300));
      expect(asked()).toMatchObject({ search: 'nne 7', cursor: null });
      expect(names()).toEqual(['Personne 7']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('filters on the server from the first page', async () => {
    render(<Harness />);
    await userEvent.click(screen.getByTestId('table-next'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Ville' }), 'Lyon');
    expect(asked()).toMatchObject({ filters: { city: 'Lyon' }, cursor: null });
    expect(names()).toEqual(['Personne 2', 'Personne 4', 'Personne 6']);
  });

  it('lets the person choose the columns, and remembers the choice of each table on this device', async () => {
    const { unmount } = render(<Harness />);
    expect(screen.queryByRole('columnheader', { name: 'Téléphone' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Colonnes' }));
    const choice = screen.getByRole('group', { name: 'Colonnes affichées' });
    expect(within(choice).queryByLabelText('Nom')).not.toBeInTheDocument();
    await userEvent.click(within(choice).getByLabelText('Téléphone'));
    await userEvent.click(within(choice).getByLabelText('Ville'));
    expect(screen.getByRole('columnheader', { name: 'Téléphone' })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Ville' })).not.toBeInTheDocument();
    unmount();
    render(<Harness />);
    expect(screen.getByRole('columnheader', { name: 'Téléphone' })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Ville' })).not.toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem('pti.table.people.columns')!)).toEqual({ phone: true, city: false });
  });

  it('selects rows across pages for a bulk action, and forgets them when the listing changes', async () => {
    const run = vi.fn();
    render(<Harness bulk={run} />);
    expect(screen.queryByTestId('bulk-bar')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Sélectionner Personne 2' }));
    await userEvent.click(screen.getByTestId('table-next'));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Sélectionner toutes les lignes de la page' }));
    const bar = screen.getByRole('region', { name: 'Actions sur la sélection' });
    expect(bar).toHaveTextContent('4 lignes sélectionnées');
    await userEvent.click(within(bar).getByRole('button', { name: 'Désactiver' }));
    expect(run.mock.calls[0]![0].map((p: Person) => p.id)).toEqual(['p2', 'p4', 'p5', 'p6']);
    act(() => run.mock.calls[0]![1]());
    expect(screen.queryByTestId('bulk-bar')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Sélectionner Personne 4' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Ville' }), 'Lyon');
    expect(screen.queryByTestId('bulk-bar')).not.toBeInTheDocument();
  });

  it('marks the page checkbox as partly checked when some rows of the page are', async () => {
    render(<Harness bulk={vi.fn()} />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Sélectionner Personne 1' }));
    const all = screen.getByRole('checkbox', { name: 'Sélectionner toutes les lignes de la page' }) as HTMLInputElement;
    expect(all.indeterminate).toBe(true);
    expect(all.checked).toBe(false);
  });

  it('says so when nothing matches', () => {
    render(<Harness answer={() => ({ items: [], next_cursor: null, total: 0 })} />);
    expect(screen.getByTestId('empty-state')).toHaveTextContent('Personne ne correspond.Modifiez la recherche.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a failed load in French with a retry', async () => {
    const retry = vi.fn();
    render(<Harness error="Le service est momentanément indisponible." onRetry={retry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Le service est momentanément indisponible.');
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('changes the page size from the first page', async () => {
    render(<Harness />);
    await userEvent.click(screen.getByTestId('table-next'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Lignes par page' }), '10');
    expect(asked()).toMatchObject({ limit: 10, cursor: null });
    expect(names()).toHaveLength(7);
  });
});

/** The in-memory server of a list too long to count: the same pages, no `total`. */
function serveUncounted(q: TableQuery): TablePage<Person> {
  const { items, next_cursor } = serve(q);
  return { items, next_cursor };
}

/**
 * A table over a listing kept outside it, as a page's address keeps it: `history` holds every
 * listing asked for, and "Retour" goes back to the one before, as the browser's back button would.
 */
function OutsideHarness({ twice = false }: { twice?: boolean }) {
  const [history, setHistory] = useState<TableListing[]>([{ search: '', filters: {}, sort: { key: 'name', dir: 'asc' }, limit: 3 }]);
  const listing = history[history.length - 1]!;
  const table = useTableController(listing, (change) => setHistory((h) => [...h, change(h[h.length - 1]!)]));
  return (
    <>
      <pre data-testid="query">{JSON.stringify(table.query)}</pre>
      <button type="button" onClick={() => setHistory((h) => h.slice(0, -1))}>
        Retour
      </button>
      <DataTable
        id="people"
        caption="Personnes"
        columns={COLUMNS}
        rowKey={(p) => p.id}
        rowLabel={(p) => p.name}
        controller={
          twice
            ? {
                ...table,
                // Two changes in one event: both reach the listing.
                setFilter: (key, value) => {
                  table.setFilter(key, value);
                  table.setFilter('seen', 'yes');
                },
              }
            : table
        }
        page={serveUncounted(table.query)}
        searchLabel="Rechercher"
        searchMaxLength={20}
        filters={[{ key: 'city', label: 'Ville', all: 'Toutes les villes', options: [{ value: 'Paris', label: 'Paris' }, { value: 'Lyon', label: 'Lyon' }] }]}
        empty={{ title: 'Personne ne correspond.' }}
        pageSizes={[3, 25]}
      />
    </>
  );
}

describe('DataTable without a count of the whole list', () => {
  it('names the rows shown and steps to the next page, never out of a total', async () => {
    render(<Harness answer={serveUncounted} />);
    expect(screen.getByTestId('table-range')).toHaveTextContent('3 premiers résultats');
    expect(screen.queryByTestId('table-total')).not.toBeInTheDocument();
    expect(screen.getByTestId('table-page')).toHaveTextContent(/^Page 1$/);
    expect(screen.getByTestId('table-previous')).toHaveTextContent('Page précédente');
    await userEvent.click(screen.getByRole('button', { name: 'Page suivante' }));
    expect(asked().cursor).toBe('3');
    expect(screen.getByTestId('table-range')).toHaveTextContent('Résultats 4 à 6');
    expect(screen.getByTestId('table-page')).toHaveTextContent(/^Page 2$/);
    await userEvent.click(screen.getByRole('button', { name: 'Page suivante' }));
    expect(screen.getByTestId('table-range')).toHaveTextContent(/^Résultat 7$/);
    expect(screen.getByRole('button', { name: 'Page suivante' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Page précédente' }));
    expect(names()).toEqual(['Personne 4', 'Personne 5', 'Personne 6']);
  });

  it('counts the rows when the first page is the whole list', async () => {
    render(<Harness answer={serveUncounted} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Ville' }), 'Lyon');
    expect(screen.getByTestId('table-range')).toHaveTextContent(/^3 résultats$/);
    expect(screen.getByRole('button', { name: 'Page suivante' })).toBeDisabled();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Rechercher' }), 'Personne 4');
    await act(() => new Promise((done) => setTimeout(done, 350)));
    expect(screen.getByTestId('table-range')).toHaveTextContent(/^1 résultat$/);
  });
});

describe('useTableController over a listing kept outside the table', () => {
  it('sends every change to the listing, two in one event included, from the first page', async () => {
    render(<OutsideHarness twice />);
    await userEvent.click(screen.getByTestId('table-next'));
    expect(asked().cursor).toBe('3');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Ville' }), 'Lyon');
    expect(asked()).toMatchObject({ filters: { city: 'Lyon', seen: 'yes' }, cursor: null });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Lignes par page' }), '25');
    expect(asked()).toMatchObject({ limit: 25, cursor: null });
    expect(screen.getByRole('combobox', { name: 'Lignes par page' }).querySelectorAll('option')).toHaveLength(2);
  });

  it('starts again from the first page when the listing changes, or comes back from the history', async () => {
    render(<OutsideHarness />);
    await userEvent.click(screen.getByTestId('table-next'));
    expect(asked()).toEqual({ search: '', filters: {}, sort: { key: 'name', dir: 'asc' }, limit: 3, cursor: '3' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Ville' }), 'Paris');
    expect(asked()).toMatchObject({ filters: { city: 'Paris' }, cursor: null });
    await userEvent.click(screen.getByRole('button', { name: 'Retour' }));
    expect(asked()).toEqual({ search: '', filters: {}, sort: { key: 'name', dir: 'asc' }, limit: 3, cursor: null });
    expect(screen.getByTestId('table-page')).toHaveTextContent(/^Page 1$/);
  });

  it('keeps the text typed once its search is asked for, and shows a search the history brings back', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      render(<OutsideHarness />);
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      const box = screen.getByRole('searchbox', { name: 'Rechercher' });
      expect(box).toHaveAttribute('maxLength', '20');
      await user.type(box, 'Personne 2 ');
      act(() => vi.advanceTimersByTime(300));
      expect(asked().search).toBe('Personne 2');
      expect(box).toHaveValue('Personne 2 ');
      expect(names()).toEqual(['Personne 2']);
      await user.click(screen.getByRole('button', { name: 'Retour' }));
      expect(asked().search).toBe('');
      expect(box).toHaveValue('');
    } finally {
      vi.useRealTimers();
    }
  });
});
