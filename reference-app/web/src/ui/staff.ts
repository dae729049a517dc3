// The back-office parts of the design system: the staff portals' frame and their data table.
// They are kept out of `@/ui` so that a module reached from the client portal's first load
// never carries them (scripts/initial-js.mjs holds that load to its budget).
export {
  DataTable,
  useTableController,
  useTableQuery,
  type BulkAction,
  type DataColumn,
  type DataTableProps,
  type TableController,
  type TableFilter,
  type TableListing,
  type TablePage,
  type TableQuery,
  type TableSort,
} from './DataTable';
export { StaffShell, type NavItem, type ShellPerson, type StaffShellProps } from './StaffShell';
export { Icon, type IconName } from './icons';
