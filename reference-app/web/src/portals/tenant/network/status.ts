// The status of an agency or a centre, in French.
import type { BadgeTone } from '@/ui';

/** Each status's word, its plural (a filter's choice) and its badge colour. */
export const PLACE_STATUS: Readonly<Record<string, { label: string; plural: string; tone: BadgeTone }>> = {
  active: { label: 'Active', plural: 'Actives', tone: 'success' },
  inactive: { label: 'Inactive', plural: 'Inactives', tone: 'neutral' },
};

/** The status filter of a list. */
export const STATUS_FILTER = { key: 'status', label: 'Statut', all: 'Tous les statuts', options: Object.entries(PLACE_STATUS).map(([value, s]) => ({ value, label: s.plural })) };
