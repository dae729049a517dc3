// The network's structure as its staff see it: agencies and centres in the signed-in user's
// scope (an agency admin reads its own agency and its centres only), and their administration:
// create and change agencies and centres, a centre's closures and offers.
import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';
import { keys } from '@/api/keys';
import type { Agency, AgencyInput, AgencyUpdate, CentreInput, CentreOffer, CentreUpdate, Closure, ClosureInput, NetworkCentre, OfferInput } from '@/api/types';
import { addStaffMessages } from '@/api/staffMessages';

addStaffMessages();

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

const id = (value: string) => encodeURIComponent(value);

/** One agency. */
export const getAgency = (agencyId: string) => api<Agency>(`/agences/${id(agencyId)}`);

/** The query of one agency. */
export const agencyQuery = (agencyId: string) => queryOptions({ queryKey: keys.agency(agencyId), queryFn: () => getAgency(agencyId) });

/** Creates an agency; `idempotencyKey` names the form's submission. */
export const createAgency = (body: AgencyInput, idempotencyKey: string) => api<Agency>('/agences', { method: 'POST', body, idempotencyKey });

/** Changes an agency (`status: "inactive"` deactivates it). */
export const updateAgency = (agencyId: string, body: AgencyUpdate) => api<Agency>(`/agences/${id(agencyId)}`, { method: 'PUT', body });

/** One centre with its settings. */
export const getCentre = (centreId: string) => api<NetworkCentre>(`/cts/${id(centreId)}`);

/** The query of one centre. */
export const centreQuery = (centreId: string) => queryOptions({ queryKey: keys.centre(centreId), queryFn: () => getCentre(centreId) });

/** Creates a centre; `idempotencyKey` names the form's submission. */
export const createCentre = (body: CentreInput, idempotencyKey: string) => api<NetworkCentre>('/cts', { method: 'POST', body, idempotencyKey });

/** Changes a centre's settings, opening hours or status. */
export const updateCentre = (centreId: string, body: CentreUpdate) => api<NetworkCentre>(`/cts/${id(centreId)}`, { method: 'PUT', body });

/** A centre's exceptional closures, recent and to come. */
export const listClosures = (centreId: string) => api<Closure[]>(`/cts/${id(centreId)}/closures`);

/** The query of a centre's closures. */
export const closuresQuery = (centreId: string) => queryOptions({ queryKey: keys.closures(centreId), queryFn: () => listClosures(centreId) });

/** Adds a closure to a centre. */
export const createClosure = (centreId: string, body: ClosureInput) => api<Closure>(`/cts/${id(centreId)}/closures`, { method: 'POST', body });

/** Removes a closure of a centre. */
export const deleteClosure = (centreId: string, closureId: string) => api<void>(`/cts/${id(centreId)}/closures/${id(closureId)}`, { method: 'DELETE' });

/** A centre's effective offers: its own, else the network's. */
export const listOffers = (centreId: string) => api<CentreOffer[]>(`/cts/${id(centreId)}/offers`);

/** The query of a centre's offers. */
export const offersQuery = (centreId: string) => queryOptions({ queryKey: keys.offers(centreId), queryFn: () => listOffers(centreId) });

/** Replaces a centre's own offers; answers the new effective list. */
export const replaceOffers = (centreId: string, offers: OfferInput[]) => api<CentreOffer[]>(`/cts/${id(centreId)}/offers`, { method: 'PUT', body: { offers } });
