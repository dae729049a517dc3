// The shapes of the booking API (reference-app/API.md). Money is integer cents of EUR, tax
// included; times are RFC 3339 with the centre's offset.

// The codes of the trade (categories, control types, fuels, statuses) are the domain's.
import type { BookingSource, PaymentStatus } from '@/domain/staffVocabulary';
import type { BookingStatus, ControlType, Fuel, Role, VehicleCategory } from '@/domain/vocabulary';

/** Orders of search results. */
export type SortKey = 'distance' | 'price' | 'rating' | 'earliest' | 'best';
/** Parts of the day a search may keep. */
export type DayPart = 'any' | 'morning' | 'afternoon';

/** The network (tenant) the portal serves (`TenantInfo`). */
export interface Tenant {
  id: string;
  slug: string;
  name: string;
  branding?: PortalBranding;
}

/** The look a network gave its client portal, as `GET /tenant` answers it (what is not set is absent). */
export interface PortalBranding {
  primary_color?: string;
  portal_title?: string | null;
  logo_url?: string | null;
}

/** A commune suggested for a place search. */
export interface Place {
  label: string;
  name: string;
  postcode: string;
  lat: number;
  lng: number;
}

/** A centre as the search and its calendar show it (`PublicCentre`). */
export interface Centre {
  id: string;
  tenant_id: string;
  name: string;
  address: string;
  postcode: string;
  city: string;
  lat: number;
  lng: number;
  rating: number | null;
}

/** The centre of a booking, with its phone number (`RdvCentre`). */
export interface RdvCentre {
  id: string;
  name: string;
  address: string;
  postcode: string;
  city: string;
  lat: number;
  lng: number;
  phone: string | null;
}

/** A free slot; `disponibilite_id` books it. */
export interface Slot {
  disponibilite_id: string;
  start: string;
  end: string;
}

/** An availability search (`POST /disponibilites/search`). */
export interface SearchRequest {
  place?: string | null;
  lat?: number | null;
  lng?: number | null;
  radius_km?: number;
  date_from?: string;
  date_to?: string;
  vehicle_type?: VehicleCategory;
  fuel?: Fuel;
  control_type?: ControlType;
  max_price_cents?: number | null;
  min_rating?: number | null;
  day_part?: DayPart;
  saturday_only?: boolean;
  sort?: SortKey;
  limit?: number;
  slots_per_centre?: number;
}

/** A centre found, with its price and first free slots. */
export interface SearchResult {
  centre: Centre;
  distance_km: number;
  price_cents: number;
  vat_cents: number;
  duration_minutes: number;
  slots: Slot[];
}

/** The centres found around the searched place. */
export interface SearchResponse {
  origin: { lat: number; lng: number; label: string };
  results: SearchResult[];
}

/** What a centre's calendar is asked for: a month (YYYY-MM) and maybe one of its days. */
export interface CalendarQuery {
  month: string;
  date?: string;
  vehicle_type?: string;
  control_type?: string;
  fuel?: string;
}

/** A centre's month of free counts, and the free slots of one day. */
export interface CentreCalendar {
  centre: Centre;
  price_cents: number;
  vat_cents: number;
  duration_minutes: number;
  days: Array<{ date: string; free: number }>;
  date: string | null;
  slots: Slot[];
}

/** What booking a slot takes (`CreateRdv`). */
export interface RdvInput {
  disponibilite_id: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  immatriculation: string;
  vehicle_type: VehicleCategory;
  fuel?: Fuel;
  marque: string;
  modele: string;
  annee?: number | null;
  control_type: ControlType;
  notes?: string;
  vehicle_id?: string | null;
  /** Date of the failed inspection, for a re-inspection (CT_CONTRE_VISITE) with no history. */
  failed_inspection_date?: string;
}

/** Which of a user's bookings to list. */
export type RdvScope = 'upcoming' | 'past' | 'all';

/** A booking. */
export interface Rdv {
  id: string;
  reference: string;
  status: BookingStatus;
  payment_status: string;
  hold_expires_at: string | null;
  start: string;
  end: string;
  centre: RdvCentre;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  immatriculation: string;
  vehicle_type: VehicleCategory;
  fuel: Fuel;
  marque: string | null;
  modele: string | null;
  annee: number | null;
  control_type: ControlType;
  notes: string | null;
  price_cents: number;
  vat_cents: number;
  can_modify: boolean;
  can_cancel: boolean;
  deadline: string;
  /** Why `can_modify` is false, as a stable code (e.g. DEADLINE_PASSED), when the server says. */
  modify_refusal?: string | null;
  refund_if_cancelled_cents: number;
  guest_token?: string;
}

/** A card, tokenized by the payment provider. */
export interface CardToken {
  token: string;
  brand: string;
  last4: string;
}

/** A payment and the booking it confirmed. */
export interface PaymentResult {
  payment: { id: string; status: string; amount_cents: number; card_brand: string; card_last4: string };
  rdv: Rdv;
}

/** A user account. */
export interface User {
  id: string;
  tenant_id: string | null;
  email: string;
  phone: string | null;
  first_name: string;
  last_name: string;
  role: string;
  agency_id?: string | null;
  centre_id?: string | null;
  notification_prefs: Record<string, unknown>;
  status: string;
  created_at: string;
}

/** The tokens of a session. */
export interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
  user?: User;
}

/** A vehicle saved to a client's account. */
export interface Vehicle {
  id: string;
  immatriculation: string;
  vehicle_type: VehicleCategory;
  fuel: Fuel;
  marque: string;
  modele: string;
  annee: number | null;
}

/** A vehicle to save. */
export type VehicleInput = Omit<Vehicle, 'id'>;

/** Which notifications a client receives. */
export interface NotificationPrefs {
  email: boolean;
  sms: boolean;
  reminder_j1: boolean;
  reminder_h2: boolean;
}

/** An agency (agence) of the network, as `GET /agences` lists it (`Agency`). */
export interface Agency {
  id: string;
  tenant_id: string;
  code: string;
  name: string;
  address: string;
  postcode: string;
  city: string;
  lat?: number | null;
  lng?: number | null;
  phone?: string | null;
  email?: string | null;
  /** `active` or `inactive`. */
  status: string;
  /** Its centres, whatever their status. */
  centre_count: number;
}

/** A centre (CT) of the network as its staff see it, with its settings (`Centre`; the public
 * view is {@link Centre}). */
export interface NetworkCentre {
  id: string;
  tenant_id: string;
  agency_id: string;
  code: string;
  name: string;
  address: string;
  postcode: string;
  city: string;
  lat: number;
  lng: number;
  time_zone: string;
  phone?: string | null;
  email?: string | null;
  rating?: number | null;
  rating_count: number;
  lanes: number;
  daily_capacity: number;
  grid_minutes: number;
  buffer_minutes: number;
  overbooking_percent: number;
  /** `national`, `alsace_moselle` or `open`. */
  holiday_policy: string;
  /** Weekly opening windows in local time. */
  opening_hours: OpeningWindow[];
  vehicle_categories: string[];
  /** `active` or `inactive`. */
  status: string;
  /** Its active inspectors. */
  inspector_count: number;
}

/** A weekly opening window of a centre, local wall-clock time (`OpeningWindow`). */
export interface OpeningWindow {
  /** RFC 5545 weekly rule naming the days (`FREQ=WEEKLY;BYDAY=MO,TU`). */
  rrule: string;
  /** `HH:MM`. */
  start: string;
  /** `HH:MM`, after `start`. */
  end: string;
}

/** One page of a list the server pages by cursor: `next_cursor` asks for the next one. */
export interface CursorPage<Item> {
  items: Item[];
  next_cursor: string | null;
  /** How many items the whole filtered list holds. */
  total: number;
}

/** One page of a list too long to count (a national network's bookings): no `total`. */
export type UncountedPage<Item> = Omit<CursorPage<Item>, 'total'>;

/** The state of a staff account: invited until the password is set, disabled by an admin. */
export type StaffUserStatus = 'active' | 'invited' | 'disabled';

/** A staff account of the network, as `GET /users` lists it. */
export interface StaffUser {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  role: Role;
  agency_id: string | null;
  centre_id: string | null;
  status: StaffUserStatus;
  last_login_at: string | null;
  created_at: string;
}

/** The orders `GET /users` sorts by. */
export type StaffUserSort = 'name' | 'email' | 'role' | 'created_at' | 'last_login_at';

/** What `GET /users` is asked for: search, filters, order and the page (cursor, limit ≤ 100). */
export interface StaffUserQuery {
  q?: string;
  role?: Role;
  agency_id?: string;
  centre_id?: string;
  status?: StaffUserStatus;
  sort?: StaffUserSort;
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

/** A staff account to create (`POST /users`): it is invited by e-mail to set its password. */
export interface StaffUserInput {
  email: string;
  first_name: string;
  last_name: string;
  phone?: string;
  role: Role;
  agency_id?: string;
  centre_id?: string;
}

/** Changes to a staff account (`PUT /users/{id}`); a field left out is kept. */
export interface StaffUserUpdate {
  first_name?: string;
  last_name?: string;
  phone?: string | null;
  role?: Role;
  agency_id?: string | null;
  centre_id?: string | null;
  status?: 'active' | 'disabled';
}

/** The password an invited person chooses with the token of the invitation's link. */
export interface SetPasswordInput {
  token: string;
  password: string;
}

/** A network's identity and contacts (`GET /admin/tenant/settings`'s `general`). */
export interface GeneralSettings {
  name: string;
  legal_name: string;
  siret: string;
  address: string;
  postcode: string;
  city: string;
  phone: string;
  email: string;
}

/** A network's booking rules. */
export interface BookingPolicy {
  min_notice_minutes: number;
  horizon_days: number;
  modification_deadline_hours: number;
  cancellation_deadline_hours: number;
  refund_before_deadline_percent: number;
  refund_after_deadline_percent: number;
  late_cancellation_allowed: boolean;
  recheck_window_months: number;
  overbooking_percent: number;
  fill_warning_percent: number;
  hold_minutes: number;
}

/** The look of a network's client portal, as its admin edits it. */
export interface BrandingSettings {
  primary_color: string;
  portal_title: string | null;
  logo_url: string | null;
}

/** A secret of the settings as the server answers it: never its value, only whether one is set and its last four characters. */
export interface SecretSetting {
  set: boolean;
  last4: string | null;
}

/** Who charges a network's customers: the platform's provider, or its own Stripe account. */
export type PaymentProviderCode = 'sandbox' | 'stripe';

/** How a network's customers pay (`GET /admin/tenant/settings`'s `payment`). */
export interface PaymentSettings {
  provider: PaymentProviderCode;
  stripe_publishable_key: string | null;
  stripe_secret_key: SecretSetting;
  stripe_webhook_secret: SecretSetting;
}

/** How a network's e-mails go out. */
export type EmailProviderCode = 'platform' | 'smtp' | 'brevo';
/** How an SMTP connection is secured. */
export type SmtpTlsCode = 'starttls' | 'tls' | 'none';
/** How a network's SMS go out. */
export type SmsProviderCode = 'platform' | 'smsmode' | 'none';

/** How a network's messages go out (`GET /admin/tenant/settings`'s `notification`). */
export interface NotificationSettings {
  email_provider: EmailProviderCode;
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_user: string | null;
  smtp_password: SecretSetting;
  smtp_tls: SmtpTlsCode;
  brevo_api_key: SecretSetting;
  sms_provider: SmsProviderCode;
  smsmode_api_key: SecretSetting;
  sender_name: string | null;
  sender_email: string | null;
  reminder_j1: boolean;
  reminder_h2: boolean;
}

/** A network's settings (`GET /admin/tenant/settings`). */
export interface TenantSettings {
  general: GeneralSettings;
  booking_policy: BookingPolicy;
  branding: BrandingSettings;
  payment: PaymentSettings;
  notification: NotificationSettings;
}

/** A secret in a change: absent keeps it, null clears it, a string replaces it. */
export type SecretChange = string | null;

/** The changed fields of the payment section. */
export interface PaymentChange {
  provider?: PaymentProviderCode;
  stripe_publishable_key?: string | null;
  stripe_secret_key?: SecretChange;
  stripe_webhook_secret?: SecretChange;
}

/** The changed fields of the notification section. */
export interface NotificationChange {
  email_provider?: EmailProviderCode;
  smtp_host?: string | null;
  smtp_port?: number | null;
  smtp_user?: string | null;
  smtp_password?: SecretChange;
  smtp_tls?: SmtpTlsCode;
  brevo_api_key?: SecretChange;
  sms_provider?: SmsProviderCode;
  smsmode_api_key?: SecretChange;
  sender_name?: string | null;
  sender_email?: string | null;
  reminder_j1?: boolean;
  reminder_h2?: boolean;
}

/** The answer of `POST /admin/tenant/settings/notification/test`: the channel the test e-mail went through, and to whom. */
export interface TestEmailSent {
  channel: 'smtp' | 'brevo' | 'mailbox';
  recipient: string;
}

/** The changed fields of the branding (the logo has its own path). */
export type BrandingChange = Partial<Pick<BrandingSettings, 'primary_color' | 'portal_title'>>;

/** The body of `PUT /admin/tenant/settings`: the sections to change, each with its changed fields. */
export interface SettingsUpdate {
  general?: Partial<GeneralSettings>;
  booking_policy?: Partial<BookingPolicy>;
  branding?: BrandingChange;
  payment?: PaymentChange;
  notification?: NotificationChange;
}

/** An agency to create (`POST /agences`); without `lat`/`lng` it is placed at its commune. */
export interface AgencyInput {
  code: string;
  name: string;
  address?: string | null;
  postcode: string;
  city: string;
  lat?: number | null;
  lng?: number | null;
  phone?: string | null;
  email?: string | null;
}

/** Changes to an agency (`PUT /agences/{id}`); a field left out is kept. */
export interface AgencyUpdate extends Partial<AgencyInput> {
  status?: 'active' | 'inactive';
}

/** A centre to create (`POST /cts`); a setting left out takes the server's default. */
export interface CentreInput extends AgencyInput {
  agency_id: string;
  time_zone?: string | null;
  lanes?: number | null;
  daily_capacity?: number | null;
  grid_minutes?: number | null;
  buffer_minutes?: number | null;
  overbooking_percent?: number | null;
  holiday_policy?: string | null;
  opening_hours?: OpeningWindow[] | null;
  vehicle_categories?: string[] | null;
}

/** Changes to a centre (`PUT /cts/{id}`); a field left out is kept. */
export interface CentreUpdate extends Partial<CentreInput> {
  status?: 'active' | 'inactive';
}

/** An exceptional closure of a centre, local time, with the bookings it covers (`Closure`). */
export interface Closure {
  id: string;
  /** `YYYY-MM-DDTHH:MM`, local. */
  start: string;
  /** `YYYY-MM-DDTHH:MM`, local, exclusive. */
  end: string;
  reason: string;
  /** Active bookings inside it: a closure cancels none. */
  bookings: number;
}

/** A closure to add (`POST /cts/{id}/closures`). */
export interface ClosureInput {
  start: string;
  end: string;
  reason?: string | null;
}

/** A centre's offer of a control type for a category, its own or the network's (`CentreOffer`). */
export interface CentreOffer {
  control_type: string;
  vehicle_category: string;
  price_cents: number;
  vat_rate_bp: number;
  duration_minutes?: number | null;
  /** `centre` (its own) or `network` (the network's default). */
  source: string;
  active: boolean;
}

/** One of the centre's own offers (`OfferInput`). */
export interface OfferInput {
  control_type: string;
  vehicle_category: string;
  price_cents: number;
  duration_minutes?: number | null;
  active?: boolean | null;
}

/** The centre's own offers, replacing them all (`PUT /cts/{id}/offers`). */
export interface ReplaceOffers {
  offers: OfferInput[];
}

/** What the dashboard is asked for (`GET /admin/dashboard/stats`): a month and maybe a part of the network. */
export interface DashboardQuery {
  /** `YYYY-MM`; the server's current month when left out. */
  month?: string;
  agency_id?: string;
  centre_id?: string;
}

/** The key figures of a month (`Kpis`); a rate is null when its divisor is 0. */
export interface DashboardKpis {
  /** Staff accounts in use in the scope. */
  active_users: number;
  /** The month's inspections holding their place. */
  bookings: number;
  bookings_previous: number;
  /** Revenue tax included, cents. */
  revenue_cents: number;
  revenue_previous_cents: number;
  /** Paid bookings per search that showed the scope, percent. */
  conversion_percent?: number | null;
  /** Bookings per planned capacity, percent. */
  fill_rate_percent?: number | null;
  /** No-shows per inspection due, percent. */
  no_show_percent?: number | null;
}

/** One month's bookings and revenue (`MonthFigures`). */
export interface MonthFigures {
  /** `YYYY-MM`. */
  month: string;
  bookings: number;
  revenue_cents: number;
  cancelled: number;
}

/** From a search to a paid booking, counted over the month (`FunnelFigures`). */
export interface FunnelFigures {
  searches: number;
  slot_views: number;
  holds: number;
  paid: number;
}

/** An agency's month (`AgencyFigures`). */
export interface AgencyFigures {
  agency_id: string;
  name: string;
  bookings: number;
  revenue_cents: number;
}

/** A booking lately made (`RecentBooking`); `start` carries its centre's offset. */
export interface RecentBooking {
  id: string;
  reference: string;
  centre_name: string;
  start: string;
  status: BookingStatus;
  price_cents: number;
  created_at: string;
}

/** A month of the network, an agency or a centre at a glance (`DashboardStats`). */
export interface DashboardStats {
  /** The month shown, `YYYY-MM`. */
  month: string;
  /** The agency the figures are limited to (an agency admin's own when it asked for none). */
  agency_id?: string | null;
  /** The centre the figures are limited to. */
  centre_id?: string | null;
  kpis: DashboardKpis;
  /** The twelve months ending with `month`, oldest first. */
  months: MonthFigures[];
  funnel: FunnelFigures;
  /** At most five, the most bookings first. */
  top_agencies: AgencyFigures[];
  /** The ten bookings made last. */
  recent: RecentBooking[];
}

/** What `GET /planning/global` is asked for: a period of at most 31 days, both ends included. */
export interface PlanningQuery {
  from: string;
  to: string;
  agency_id?: string | null;
  centre_id?: string | null;
}

/** Every centre of the scope × each day of a period (`GlobalPlanning`). */
export interface GlobalPlanning {
  from: string;
  to: string;
  agency_id?: string | null;
  centre_id?: string | null;
  /** A centre filled to this percent or more over the period is flagged. */
  fill_warning_percent: number;
  /** The period's days, `YYYY-MM-DD`: the order of every `*_by_day` list. */
  days: string[];
  booked: number;
  capacity: number;
  fill_rate_percent?: number | null;
  warning_centres: number;
  centres: CentrePlanning[];
}

/** One centre over the period (`CentrePlanning`). */
export interface CentrePlanning {
  id: string;
  name: string;
  agency_id: string;
  time_zone: string;
  booked: number;
  capacity: number;
  fill_rate_percent?: number | null;
  warning: boolean;
  booked_by_day: number[];
  /** 0: closed that day. */
  capacity_by_day: number[];
  /** `null`: closed that day. */
  fill_rate_by_day: Array<number | null>;
  /** 24 counts, local hours 0–23 of the centre, summed over the period. */
  booked_by_hour: number[];
  capacity_by_hour: number[];
}

/** One centre's day with its bookings (`CentreDay`). */
export interface CentreDay {
  centre_id: string;
  centre_name: string;
  date: string;
  booked: number;
  capacity: number;
  fill_rate_percent?: number | null;
  bookings: DayBooking[];
}

/** A booking of a centre's day (`DayBooking`). */
export interface DayBooking {
  id: string;
  reference: string;
  /** RFC 3339 in the centre's offset. */
  start: string;
  end: string;
  status: BookingStatus;
  control_type: string;
  vehicle_category: string;
  plate: string;
  drop_off: boolean;
  inspector?: string | null;
}

/** What `GET /statistics/tenant` (and its export) is asked for: a period of months, both included, and maybe a part of the network. */
export interface StatisticsQuery {
  /** `YYYY-MM`; with `to`, the 12 months ending with this one when both are left out. */
  from?: string;
  /** `YYYY-MM`, `from` or after, 24 months at most from it. */
  to?: string;
  agency_id?: string;
  centre_id?: string;
}

/** The formats of the statistics' export. */
export type StatisticsFormat = 'xlsx' | 'pdf';

/** The figures of a period, or of one of its months or parts; a rate is null when its divisor is 0. */
export interface StatisticsFigures {
  /** Inspections holding their place: confirmed, in progress, done, no-show. */
  bookings: number;
  /** Inspections done. */
  completed: number;
  no_show: number;
  cancelled: number;
  /** Bookings with money given back. */
  refunds: number;
  /** Money taken, cents tax included: paid online (even if later refunded) and paid on site once done. */
  collected_cents: number;
  /** Money given back, cents. */
  refunded_cents: number;
  /** Collected less refunded, cents. */
  revenue_cents: number;
  /** No-shows per inspection due (completed + no-show), percent with one decimal. */
  no_show_percent?: number | null;
  /** Cancellations per booking made (bookings + cancelled), percent with one decimal. */
  cancellation_percent?: number | null;
}

/** One month of the period. */
export interface StatisticsMonth {
  /** `YYYY-MM`. */
  month: string;
  figures: StatisticsFigures;
}

/** The figures of a control type or a vehicle category. */
export interface StatisticsByCode {
  /** A control type (`CT`, `CT_CONTRE_VISITE`, `CTC`) or a vehicle category (`VP`, `VU`, …). */
  code: string;
  figures: StatisticsFigures;
}

/** An agency's figures over the period. */
export interface StatisticsByAgency {
  id: string;
  name: string;
  figures: StatisticsFigures;
}

/** A centre's figures over the period. */
export interface StatisticsByCentre {
  id: string;
  name: string;
  agency_id: string;
  agency_name: string;
  figures: StatisticsFigures;
}

/** A period of the network, an agency or a centre, by the month of each inspection. */
export interface TenantStatistics {
  /** The period, `YYYY-MM`, both included. */
  from: string;
  to: string;
  agency_id?: string | null;
  centre_id?: string | null;
  totals: StatisticsFigures;
  funnel: FunnelFigures;
  /** Paid bookings per search, percent; null without searches. */
  conversion_percent?: number | null;
  /** Every month of the period, oldest first, months without figures included. */
  months: StatisticsMonth[];
  /** The control types with figures, the most bookings first. */
  by_control_type: StatisticsByCode[];
  /** The vehicle categories with figures, the most bookings first. */
  by_vehicle_category: StatisticsByCode[];
  /** The most bookings first. */
  by_agency: StatisticsByAgency[];
  /** The most bookings first; up to a few thousand. */
  by_centre: StatisticsByCentre[];
}

/** A booking as the staff list shows it (`GET /rdv`): where, when, its state, the vehicle, the customer, the price. */
export interface StaffBooking {
  id: string;
  reference: string;
  centre_id: string;
  centre_name: string;
  agency_id: string;
  agency_name: string;
  /** The inspection's start, in its centre's offset (`2027-01-04T08:00:00+01:00`). */
  start: string;
  /** The inspection's end, in its centre's offset. */
  end: string;
  status: BookingStatus;
  payment_status: PaymentStatus;
  control_type: ControlType;
  vehicle_category: VehicleCategory;
  plate: string;
  customer_name: string;
  customer_email: string | null;
  customer_phone: string | null;
  /** Cents, tax included. */
  price_cents: number;
  source: BookingSource;
  created_at: string;
}

/** The orders `GET /rdv` sorts by: the inspection's start, or when the booking was made. */
export type StaffBookingSort = 'start' | 'created_at';

/** The formats of the bookings' export (`GET /rdv/export`). */
export type BookingExportFormat = 'csv' | 'xlsx';

/** What `GET /rdv` is asked for: filters, search, order and the page (cursor, limit ≤ 100); its export takes the same but the page. */
export interface StaffBookingQuery {
  /** `YYYY-MM-DD`: the first local day of the inspections' start. */
  from?: string;
  /** `YYYY-MM-DD`, `from` or after: the last local day, included. */
  to?: string;
  agency_id?: string;
  centre_id?: string;
  status?: BookingStatus;
  payment_status?: PaymentStatus;
  control_type?: ControlType;
  /** A reference, a plate, an e-mail or a phone; 100 characters at most. */
  q?: string;
  sort?: StaffBookingSort;
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}
