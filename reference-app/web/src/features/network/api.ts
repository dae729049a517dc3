// The network's structure as its staff see it: agencies and centres in the signed-in user's
// scope (an agency admin reads its own agency and its centres only).
import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';
import { keys } from '@/api/keys';
import type { Agency, NetworkCentre } from '@/api/types';

// The network's structure changes seldom: an answer stays fresh for five minutes.
const FRESH_MS = 5 * 60_000;

/** The agencies the signed-in user may read. */
export const listAgencies = () => api<Agency[]>('/agences');

/** The query of the agencies the signed-in user may read. */
export const agenciesQuery = () => queryOptions({ queryKey: keys.agencies(), queryFn: listAgencies, staleTime: FRESH_MS });

/** The centres the signed-in user may read, of one agency when given. */
export const listCentres = (agencyId: string | null) => api<NetworkCentre[]>(agencyId ? `/cts?agency_id=${encodeURIComponent(agencyId)}` : '/cts');

/** The query of the centres the signed-in user may read, of one agency or all of them. */
export const centresQuery = (agencyId: string | null) =>
  queryOptions({ queryKey: keys.centres(agencyId), queryFn: () => listCentres(agencyId), staleTime: FRESH_MS });
