// The table of centres, of the whole network or of one agency: search, filters by agency and
// status, order by name or code.
import { Link } from 'react-router-dom';
import type { Agency, NetworkCentre } from '@/api/types';
import { listPage } from '@/features/network/listPage';
import { Badge } from '@/ui';
import { DataTable, useTableQuery, type DataColumn, type TableFilter } from '@/ui/staff';
import { PLACE_STATUS, STATUS_FILTER } from './status';

const RULES = {
  text: (c: NetworkCentre) => `${c.name} ${c.code} ${c.city} ${c.postcode}`,
  field: (c: NetworkCentre, key: string) => (key === 'status' ? c.status : key === 'agency_id' ? c.agency_id : ''),
  sortBy: { name: (c: NetworkCentre) => c.name, code: (c: NetworkCentre) => c.code, inspectors: (c: NetworkCentre) => c.inspector_count },
};

/** Props of {@link CentreTable}. */
export interface CentreTableProps {
  /** Names the table on this device. */
  id: string;
  centres: readonly NetworkCentre[] | undefined;
  error: string | null;
  onRetry: () => void;
  /** The agencies, for the agency column and filter; none for one agency's centres. */
  agencies?: readonly Agency[];
  actions?: React.ReactNode;
}

/** A table of centres. */
export function CentreTable({ id, centres, error, onRetry, agencies, actions }: CentreTableProps) {
  const table = useTableQuery({ sort: { key: 'name', dir: 'asc' } });
  const agencyName = (agencyId: string) => agencies?.find((a) => a.id === agencyId)?.name ?? '…';
  const columns: ReadonlyArray<DataColumn<NetworkCentre>> = [
    {
      key: 'name',
      header: 'Nom',
      sort: 'name',
      fixed: true,
      cell: (c) => (
        <Link to={`/tenant/centres/${c.id}`} className="font-medium text-ink-strong underline dark:text-gray-100">
          {c.name}
        </Link>
      ),
    },
    { key: 'code', header: 'Code', sort: 'code', cell: (c) => c.code },
    ...(agencies ? [{ key: 'agency', header: 'Agence', cell: (c: NetworkCentre) => agencyName(c.agency_id) }] : []),
    { key: 'city', header: 'Commune', cell: (c) => `${c.postcode} ${c.city}` },
    { key: 'inspectors', header: 'Contrôleurs', sort: 'inspectors', align: 'right', cell: (c) => c.inspector_count },
    { key: 'status', header: 'Statut', cell: (c) => <Badge tone={PLACE_STATUS[c.status]?.tone}>{PLACE_STATUS[c.status]?.label ?? c.status}</Badge> },
  ];
  const filters: TableFilter[] = [
    ...(agencies ? [{ key: 'agency_id', label: 'Agence', all: 'Toutes les agences', options: agencies.map((a) => ({ value: a.id, label: a.name })) }] : []),
    STATUS_FILTER,
  ];
  return (
    <DataTable
      id={id}
      caption="Centres"
      columns={columns}
      rowKey={(c) => c.id}
      rowLabel={(c) => c.name}
      controller={table}
      page={centres && listPage(centres, table.query, RULES)}
      error={error}
      onRetry={onRetry}
      searchLabel="Rechercher"
      searchPlaceholder="Nom, code ou commune"
      filters={filters}
      empty={{ title: 'Aucun centre ne correspond.', hint: 'Modifiez la recherche ou les filtres.' }}
      actions={actions}
    />
  );
}
