// The query keys of every cached API answer, in one place: a query names its key here, and an
// invalidation names the same key (or a prefix of it: `keys.myRdvs.all` covers every list).
import type { CalendarQuery, DashboardQuery, PlanningQuery, RdvScope, SearchRequest, StaffBookingQuery, StaffUserQuery, StatisticsQuery } from './types';

/** The query-key factory. */
export const keys = {
  /** The signed-in user. */
  me: () => ['me'] as const,
  /** The network the portal serves. */
  tenant: () => ['tenant'] as const,
  /** The signed-in client's saved vehicles. */
  vehicles: () => ['vehicles'] as const,
  /** The signed-in client's notification preferences. */
  notificationPrefs: () => ['notification-prefs'] as const,
  /** Communes suggested for a typed place. */
  places: (q: string) => ['places', q] as const,
  /** An availability search. */
  search: (request: SearchRequest) => ['search', request] as const,
  /** A centre's month of free slots. */
  centreCalendar: (centreId: string, query: CalendarQuery) => ['centre-calendar', centreId, query] as const,
  /** One booking. */
  rdv: (id: string) => ['rdv', id] as const,
  /** The signed-in user's bookings. */
  myRdvs: {
    all: () => ['my-rdvs'] as const,
    list: (scope: RdvScope, status: string) => ['my-rdvs', scope, status] as const,
  },
  /** The network's staff accounts: `all` covers every page of every filter. */
  users: {
    all: () => ['users'] as const,
    list: (query: StaffUserQuery) => ['users', 'list', query] as const,
  },
  /** The bookings of the staff's list: `all` covers every page of every filter. */
  bookings: {
    all: () => ['bookings'] as const,
    list: (query: StaffBookingQuery) => ['bookings', 'list', query] as const,
  },
  /** The agencies the signed-in user may read. */
  agencies: () => ['agencies'] as const,
  /** The centres the signed-in user may read, of one agency or all. */
  centres: (agencyId: string | null) => ['centres', agencyId] as const,
  /** The network's settings, as its admin edits them. */
  settings: () => ['tenant-settings'] as const,
  /** The centres of every agency and of each: a prefix of {@link keys.centres}. */
  allCentres: () => ['centres'] as const,
  /** One agency. */
  agency: (id: string) => ['agency', id] as const,
  /** One centre with its settings. */
  centre: (id: string) => ['centre', id] as const,
  /** A centre's exceptional closures. */
  closures: (centreId: string) => ['closures', centreId] as const,
  /** A centre's effective offers. */
  offers: (centreId: string) => ['offers', centreId] as const,
  /** A month's dashboard of the network, an agency or a centre. */
  dashboard: (query: DashboardQuery) => ['dashboard', query] as const,
  /** A period's statistics of the network, an agency or a centre. */
  statistics: (query: StatisticsQuery) => ['statistics', query] as const,
  /** The global planning: `all` covers every period and filter, and every centre's day. */
  planning: {
    all: () => ['planning'] as const,
    global: (query: PlanningQuery) => ['planning', 'global', query] as const,
    centreDay: (centreId: string, date: string) => ['planning', 'centre-day', centreId, date] as const,
  },
};
