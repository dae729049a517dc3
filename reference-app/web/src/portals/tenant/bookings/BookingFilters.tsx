// The bookings' filter bar above the table: the period (a preset, or its first and last days,
// each optional) and the part of the network the admin may read (ScopeFields: an agency admin
// is held to its agency). A period is sent once the server would take it; until then its field
// says what is wrong, as it says the server's refusal of one.
import { useState } from 'react';
import type { Agency, NetworkCentre } from '@/api/types';
import type { BookingsRefusal } from '@/features/bookings/refusal';
import { FormField, Input } from '@/ui';
import type { IsoDate } from '@/ui/dates';
import { PresetButtons } from '@/portals/tenant/PresetButtons';
import { ScopeFields, type Scope } from '@/portals/tenant/ScopeFields';
import { PRESETS, periodProblem, presetPeriod, type Period } from './filters';

/** Props of {@link BookingFilters}. */
export interface BookingFiltersProps {
  period: Period;
  /** Today, `YYYY-MM-DD`, for the presets. */
  today: IsoDate;
  /** The server's refusal of the list shown, if it refused a field of its period. */
  refusal: BookingsRefusal | null;
  scope: Scope;
  /** The network's agencies, for a network admin's choice; null when the agency is fixed. */
  agencies: readonly Agency[] | null;
  /** The agency the list is held to, by its name (an agency admin's). */
  fixedAgency?: string;
  /** The centres offered: the chosen agency's, or all the admin may read. */
  centres: readonly NetworkCentre[];
  onPeriod: (period: Period) => void;
  onScope: (scope: Scope) => void;
}

const samePeriod = (a: Period, b: Period) => a.from === b.from && a.to === b.to;

/** The filter bar of the period and the scope. */
export function BookingFilters({ period, today, refusal, scope, agencies, fixedAgency, centres, onPeriod, onScope }: BookingFiltersProps) {
  const [draft, setDraft] = useState<Period>(period);
  // A period changed elsewhere (a preset, the browser's history) replaces the one typed.
  const [shown, setShown] = useState<Period>(period);
  if (!samePeriod(shown, period)) {
    setShown(period);
    setDraft(period);
  }
  const typed = !samePeriod(draft, period);
  // What is wrong with the days typed; else, for the period sent, what the server said.
  const problem = periodProblem(draft) ?? (!typed && refusal?.field ? { field: refusal.field, message: refusal.message } : null);
  const change = (next: Period) => {
    setDraft(next);
    if (!periodProblem(next)) onPeriod(next);
  };
  return (
    <form aria-label="Filtres des réservations" className="flex flex-col gap-3 rounded-lg bg-white p-3 shadow-card dark:bg-gray-800" onSubmit={(e) => e.preventDefault()} data-testid="bookings-filters">
      <PresetButtons presets={PRESETS} active={(id) => samePeriod(presetPeriod(id, today), period)} onPick={(id) => onPeriod(presetPeriod(id, today))} />
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-full min-w-0 sm:w-44">
          <FormField label="Du" error={problem?.field === 'from' ? problem.message : undefined}>
            <Input type="date" value={draft.from} onChange={(e) => change({ ...draft, from: e.target.value })} />
          </FormField>
        </div>
        <div className="w-full min-w-0 sm:w-44">
          <FormField label="Au" error={problem?.field === 'to' ? problem.message : undefined}>
            <Input type="date" value={draft.to} onChange={(e) => change({ ...draft, to: e.target.value })} />
          </FormField>
        </div>
        <ScopeFields scope={scope} agencies={agencies} fixedAgency={fixedAgency} centres={centres} onChange={onScope} />
      </div>
    </form>
  );
}
