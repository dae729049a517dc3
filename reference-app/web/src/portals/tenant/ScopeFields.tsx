// The part of the network a page of figures reads: a network admin picks any agency and any
// centre (a centre picked network-wide brings its agency along), an agency admin one of its
// centres (its agency is fixed and named). The dashboard and the statistics share it.
import type { Agency, NetworkCentre } from '@/api/types';
import { FormField, Select } from '@/ui';

/** An agency and a centre, each maybe none. */
export interface Scope {
  agency: string | null;
  centre: string | null;
}

/** Props of {@link ScopeFields}. */
export interface ScopeFieldsProps {
  scope: Scope;
  /** The network's agencies, for a network admin's choice; null when the agency is fixed. */
  agencies: readonly Agency[] | null;
  /** The agency the figures are fixed to, by its name (an agency admin's). */
  fixedAgency?: string;
  /** The centres offered: the chosen agency's, or all the admin may read. */
  centres: readonly NetworkCentre[];
  onChange: (scope: Scope) => void;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');

/** The agency (or its fixed name) and the centre fields of a filter bar. */
export function ScopeFields({ scope, agencies, fixedAgency, centres, onChange }: ScopeFieldsProps) {
  const agencyOf = (id: string) => centres.find((c) => c.id === id)?.agency_id;
  return (
    <>
      {agencies ? (
        <div className="w-full min-w-0 sm:w-60">
          <FormField label="Agence">
            <Select
              value={scope.agency ?? ''}
              placeholder="Tout le réseau"
              options={[...agencies].sort(byName).map((a) => ({ value: a.id, label: a.name }))}
              onChange={(e) => onChange({ agency: e.target.value || null, centre: null })}
            />
          </FormField>
        </div>
      ) : (
        fixedAgency && (
          <p className="flex h-10 items-center text-sm" data-testid="fixed-agency">
            <span className="mr-1 font-medium text-ink-strong dark:text-gray-100">Agence :</span> {fixedAgency}
          </p>
        )
      )}
      <div className="w-full min-w-0 sm:w-60">
        <FormField label="Centre">
          <Select
            value={scope.centre ?? ''}
            placeholder={agencies && !scope.agency ? 'Tous les centres' : 'Toute l’agence'}
            options={[...centres].sort(byName).map((c) => ({ value: c.id, label: c.name }))}
            onChange={(e) => {
              const picked = e.target.value || null;
              onChange({ centre: picked, agency: agencies && picked ? (agencyOf(picked) ?? scope.agency) : scope.agency });
            }}
          />
        </FormField>
      </div>
    </>
  );
}
