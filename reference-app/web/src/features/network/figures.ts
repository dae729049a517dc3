// An agency's figures, from its centres.
import type { NetworkCentre } from '@/api/types';

/** How many centres, how many of them active, and their inspectors in all. */
export function agencyFigures(centres: readonly NetworkCentre[]) {
  return {
    centres: centres.length,
    active: centres.filter((c) => c.status === 'active').length,
    inspectors: centres.reduce((sum, c) => sum + c.inspector_count, 0),
  };
}
