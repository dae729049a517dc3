// The conversion funnel of a month or a period: searches that showed the scope, lists of free
// slots, slots held, bookings paid; each step's bar against the largest, and its rate from the
// step before.
import type { FunnelFigures } from '@/api/types';
import { Empty } from '@/ui';
import { formatCount, formatPercent, funnelIsEmpty, funnelSteps } from './figures';

/** The funnel of a month, or of the period `empty` names when it counted nothing. */
export function Funnel({ funnel, empty = 'Aucune recherche ni réservation ce mois-ci.' }: { funnel: FunnelFigures; empty?: string }) {
  if (funnelIsEmpty(funnel)) {
    return <Empty title={empty}>Les recherches du portail client et les réservations s’afficheront ici.</Empty>;
  }
  return (
    <ol className="flex flex-col gap-4" data-testid="funnel">
      {funnelSteps(funnel).map((step) => (
        <li key={step.key} data-testid={`funnel-${step.key}`}>
          <div className="flex items-baseline justify-between gap-2 text-sm">
            <span className="font-medium text-ink-strong dark:text-gray-100">{step.label}</span>
            <span className="font-semibold text-ink-strong tabular-nums dark:text-gray-100" data-testid="funnel-count">
              {formatCount(step.count)}
            </span>
          </div>
          <div className="mt-1 h-3 overflow-hidden rounded-full bg-gray-100 dark:bg-gray-700" aria-hidden="true">
            <div className="h-full rounded-full bg-brand-500" style={{ width: `${step.share}%` }} />
          </div>
          {step.fromPrevious !== null && <p className="mt-1 text-xs">{formatPercent(step.fromPrevious)} de l’étape précédente</p>}
        </li>
      ))}
    </ol>
  );
}
