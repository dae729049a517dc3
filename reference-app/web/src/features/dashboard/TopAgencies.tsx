// The five agencies with the most bookings of the month, with their revenue.
import { Link } from 'react-router-dom';
import type { AgencyFigures } from '@/api/types';
import { euros } from '@/domain/format';
import { Empty } from '@/ui';
import { formatCount } from './figures';

/** The leading agencies; `agencyHref` gives the page of each, when the portal has one. */
export function TopAgencies({ agencies, agencyHref }: { agencies: readonly AgencyFigures[]; agencyHref?: (id: string) => string }) {
  if (agencies.length === 0) return <Empty title="Aucun rendez-vous ce mois-ci." />;
  return (
    <table className="w-full text-sm" data-testid="top-agencies">
      <thead>
        <tr className="border-b border-gray-200 text-left text-xs tracking-wide uppercase dark:border-gray-700">
          <th scope="col" className="w-8 py-2 pr-2 font-semibold">
            <span aria-hidden="true">#</span>
            <span className="sr-only">Rang</span>
          </th>
          <th scope="col" className="py-2 pr-2 font-semibold">
            Agence
          </th>
          <th scope="col" className="py-2 pr-2 text-right font-semibold">
            RDV
          </th>
          <th scope="col" className="py-2 text-right font-semibold">
            CA TTC
          </th>
        </tr>
      </thead>
      <tbody>
        {agencies.map((a, i) => (
          <tr key={a.agency_id} className="border-b border-gray-100 last:border-0 dark:border-gray-700" data-testid="top-agency">
            <td className="py-2 pr-2 tabular-nums">{i + 1}</td>
            <th scope="row" className="py-2 pr-2 text-left font-medium break-words text-ink-strong dark:text-gray-100">
              {agencyHref ? (
                <Link to={agencyHref(a.agency_id)} className="underline-offset-2 hover:underline">
                  {a.name}
                </Link>
              ) : (
                a.name
              )}
            </th>
            <td className="py-2 pr-2 text-right tabular-nums">{formatCount(a.bookings)}</td>
            <td className="py-2 text-right whitespace-nowrap tabular-nums">{euros(a.revenue_cents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
