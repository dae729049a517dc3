// What the statistics page reads in the server's figures: the French names of the codes it
// breaks them down by, and whether a period has anything to show.
import type { StatisticsFigures, TenantStatistics } from '@/api/types';
import { CONTROL_TYPE, VEHICLE_CATEGORY, VEHICLE_CATEGORY_ALIASES, type ControlType, type VehicleCategory } from '@/domain/vocabulary';
import { funnelIsEmpty } from '@/features/dashboard/figures';

/** The French name of a control type code; the code itself for one the vocabulary does not know. */
export const controlTypeName = (code: string): string => CONTROL_TYPE[code as ControlType]?.label ?? code;

/** The French name of a vehicle category code (an alias such as VT included); the code itself for one the vocabulary does not know. */
export function vehicleCategoryName(code: string): string {
  const category = VEHICLE_CATEGORY_ALIASES[code] ?? (code as VehicleCategory);
  return VEHICLE_CATEGORY[category]?.option ?? code;
}

/** Whether `figures` counted anything: a booking, a cancellation or money. */
export const counted = (figures: StatisticsFigures): boolean =>
  figures.bookings > 0 || figures.cancelled > 0 || figures.collected_cents > 0 || figures.refunded_cents > 0;

/** Whether the period has anything to show: figures or a step of the funnel. */
export const hasFigures = (stats: TenantStatistics): boolean => counted(stats.totals) || !funnelIsEmpty(stats.funnel);
