// The statistics' filter bar: the period (a preset, or its first and last months picked in French
// lists), and the part of the network the admin may read (ScopeFields). A period is sent once
// the server would take it; until then its field says what is wrong, as it says the server's
// refusal of one.
import { useState, type SelectHTMLAttributes } from 'react';
import type { Agency, NetworkCentre } from '@/api/types';
import { isMonth } from '@/features/dashboard/months';
import type { StatisticsRefusal } from '@/features/statistics/refusal';
import { FormField, Select } from '@/ui';
import { PresetButtons } from '@/portals/tenant/PresetButtons';
import { ScopeFields } from '@/portals/tenant/ScopeFields';
import { MAX_MONTHS, PRESETS, isPreset, monthOptions, periodProblem, presetPeriod, type Period, type StatisticsFilters } from './period';

/** Props of {@link PeriodFilters}. */
export interface PeriodFiltersProps {
  filters: StatisticsFilters;
  /** This month, `YYYY-MM`. */
  current: string;
  /** The server's refusal of the period shown, if it refused one of its fields. */
  refusal: StatisticsRefusal | null;
  /** The network's agencies, for a network admin's choice; null when the agency is fixed. */
  agencies: readonly Agency[] | null;
  /** The agency the figures are fixed to, by its name (an agency admin's). */
  fixedAgency?: string;
  centres: readonly NetworkCentre[];
  onChange: (filters: StatisticsFilters) => void;
}

/** Props of {@link MonthSelect}: its month, this month, and what {@link FormField} gives its control. */
type MonthSelectProps = { value: string; current: string; onChange: (month: string) => void } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>;

/** A bound of the period: a list of months, "Mois invalide" for a wrong one from the address. */
function MonthSelect({ value, current, onChange, ...field }: MonthSelectProps) {
  const valid = isMonth(value);
  return (
    <Select
      {...field}
      value={valid ? value : ''}
      placeholder={valid ? undefined : 'Mois invalide'}
      options={monthOptions(current, value)}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** The filter bar above the figures. */
export function PeriodFilters({ filters, current, refusal, agencies, fixedAgency, centres, onChange }: PeriodFiltersProps) {
  const [draft, setDraft] = useState<Period>({ from: filters.from, to: filters.to });
  // A period changed elsewhere (a preset, the browser's history) replaces the one picked.
  const [shown, setShown] = useState<Period>({ from: filters.from, to: filters.to });
  if (shown.from !== filters.from || shown.to !== filters.to) {
    setShown({ from: filters.from, to: filters.to });
    setDraft({ from: filters.from, to: filters.to });
  }
  const picked = draft.from !== filters.from || draft.to !== filters.to;
  // What is wrong with the months picked; else, for the period sent, what the server said.
  const problem = periodProblem(draft.from, draft.to) ?? (!picked && refusal?.field ? { field: refusal.field, message: refusal.message } : null);
  const change = (next: Period) => {
    setDraft(next);
    if (!periodProblem(next.from, next.to)) onChange({ ...filters, ...next });
  };
  return (
    <form aria-label="Filtres des statistiques" className="flex flex-col gap-3 rounded-lg bg-white p-3 shadow-card dark:bg-gray-800" onSubmit={(e) => e.preventDefault()} data-testid="statistics-filters">
      <PresetButtons presets={PRESETS} active={(id) => isPreset(id, filters, current)} onPick={(id) => onChange({ ...filters, ...presetPeriod(id, current) })} />
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-full min-w-0 sm:w-48">
          <FormField label="Du" error={problem?.field === 'from' ? problem.message : undefined}>
            <MonthSelect value={draft.from} current={current} onChange={(from) => change({ ...draft, from })} />
          </FormField>
        </div>
        <div className="w-full min-w-0 sm:w-48">
          <FormField label="Au" hint={`${MAX_MONTHS} mois au plus`} error={problem?.field === 'to' ? problem.message : undefined}>
            <MonthSelect value={draft.to} current={current} onChange={(to) => change({ ...draft, to })} />
          </FormField>
        </div>
        <ScopeFields scope={filters} agencies={agencies} fixedAgency={fixedAgency} centres={centres} onChange={(scope) => onChange({ ...filters, ...scope })} />
      </div>
    </form>
  );
}

