// The dashboard's filters: the month (a list and a step either way), and the part of the network
// the admin may read (ScopeFields).
import { useId } from 'react';
import type { Agency, NetworkCentre } from '@/api/types';
import { addMonths, isMonth, monthChoices, monthName } from '@/features/dashboard/months';
import { Select } from '@/ui';
import { Icon } from '@/ui/staff';
import { ScopeFields } from '@/portals/tenant/ScopeFields';
import type { DashboardFilters } from './filters';

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const STEP =
  'inline-flex h-10 w-10 shrink-0 items-center justify-center rounded-md border border-ink/30 bg-white text-ink-strong hover:bg-brand-50 ' +
  'disabled:cursor-not-allowed disabled:opacity-50 dark:border-gray-600 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-700';

/** A step of the month, back or forward. */
function Step({ label, icon, disabled, onClick }: { label: string; icon: 'collapse' | 'expand'; disabled: boolean; onClick: () => void }) {
  return (
    <button type="button" className={STEP} aria-label={label} disabled={disabled} onClick={onClick}>
      <Icon name={icon} />
    </button>
  );
}

/** A month list between a step back and a step forward. */
function MonthPicker({ month, current, onChange }: { month: string; current: string; onChange: (month: string) => void }) {
  const id = useId();
  const valid = isMonth(month);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-ink-strong dark:text-gray-100">
        Mois
      </label>
      <div className="flex gap-1">
        <Step label="Mois précédent" icon="collapse" disabled={!valid} onClick={() => onChange(addMonths(month, -1))} />
        <Select
          id={id}
          value={valid ? month : ''}
          placeholder={valid ? undefined : 'Mois invalide'}
          options={monthChoices(current, month).map((m) => ({ value: m, label: capitalized(monthName(m)) }))}
          onChange={(e) => onChange(e.target.value)}
          className="min-w-40"
        />
        <Step label="Mois suivant" icon="expand" disabled={!valid} onClick={() => onChange(addMonths(month, 1))} />
      </div>
    </div>
  );
}

/** Props of {@link Filters}. */
export interface FiltersProps {
  filters: DashboardFilters;
  /** The month shown. */
  month: string;
  /** This month. */
  current: string;
  /** The network's agencies, for a network admin's choice; null when the agency is fixed. */
  agencies: readonly Agency[] | null;
  /** The agency the figures are fixed to, by its name (an agency admin's). */
  fixedAgency?: string;
  /** The centres offered: the chosen agency's, or all the admin may read. */
  centres: readonly NetworkCentre[];
  onChange: (filters: DashboardFilters) => void;
}

/** The filter bar above the figures. */
export function Filters({ filters, month, current, agencies, fixedAgency, centres, onChange }: FiltersProps) {
  return (
    <div className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-card dark:bg-gray-800" data-testid="dashboard-filters">
      <MonthPicker month={month} current={current} onChange={(m) => onChange({ ...filters, month: m })} />
      <ScopeFields
        scope={filters}
        agencies={agencies}
        fixedAgency={fixedAgency}
        centres={centres}
        onChange={(scope) => onChange({ ...filters, ...scope })}
      />
    </div>
  );
}
