// The API types against the served document (reference-app/openapi.json): each type names
// exactly the properties of its documented schema. The key lists are checked against the types
// by the compiler (`satisfies Keys<T>`: no key missing, none extra).
import { describe, expect, it } from 'vitest';
import openapi from '../../../openapi.json';
import type {
  Agency,
  AgencyFigures,
  DashboardKpis,
  DashboardQuery,
  DashboardStats,
  FunnelFigures,
  MonthFigures,
  RecentBooking,
  CentreDay,
  CentrePlanning,
  DayBooking,
  GlobalPlanning,
  StaffBooking,
  StaffBookingQuery,
  StatisticsByAgency,
  StatisticsByCentre,
  StatisticsByCode,
  StatisticsFigures,
  StatisticsMonth,
  StatisticsQuery,
  TenantStatistics,
  UncountedPage,
  PlanningQuery,
  BookingPolicy,
  BrandingChange,
  BrandingSettings,
  GeneralSettings,
  PortalBranding,
  SettingsUpdate,
  TenantSettings,
  NotificationChange,
  NotificationSettings,
  PaymentChange,
  PaymentSettings,
  SecretSetting,
  TestEmailSent,
  AgencyInput,
  AgencyUpdate,
  CentreInput,
  CentreOffer,
  CentreUpdate,
  Closure,
  ClosureInput,
  OfferInput,
  ReplaceOffers,
  CardToken,
  Centre,
  CursorPage,
  CentreCalendar,
  NetworkCentre,
  NotificationPrefs,
  OpeningWindow,
  PaymentResult,
  Place,
  Rdv,
  RdvCentre,
  RdvInput,
  SearchRequest,
  SearchResponse,
  SearchResult,
  SetPasswordInput,
  Slot,
  StaffUser,
  StaffUserInput,
  StaffUserQuery,
  StaffUserUpdate,
  Tenant,
  Tokens,
  User,
  Vehicle,
  VehicleInput,
} from './types';

type Keys<T> = { [K in keyof T]-?: true };
const schemas = openapi.components.schemas as unknown as Record<string, { properties?: Record<string, unknown> }>;

const TYPES: Array<[string, Record<string, true>]> = [
  ['TenantInfo', { id: true, slug: true, name: true, branding: true } satisfies Keys<Tenant>],
  ['Place', { label: true, name: true, postcode: true, lat: true, lng: true } satisfies Keys<Place>],
  ['PublicCentre', { id: true, tenant_id: true, name: true, address: true, postcode: true, city: true, lat: true, lng: true, rating: true } satisfies Keys<Centre>],
  ['RdvCentre', { id: true, name: true, address: true, postcode: true, city: true, lat: true, lng: true, phone: true } satisfies Keys<RdvCentre>],
  ['Slot', { disponibilite_id: true, start: true, end: true } satisfies Keys<Slot>],
  [
    'SearchRequest',
    {
      place: true,
      lat: true,
      lng: true,
      radius_km: true,
      date_from: true,
      date_to: true,
      vehicle_type: true,
      fuel: true,
      control_type: true,
      max_price_cents: true,
      min_rating: true,
      day_part: true,
      saturday_only: true,
      sort: true,
      limit: true,
      slots_per_centre: true,
    } satisfies Keys<SearchRequest>,
  ],
  ['SearchResult', { centre: true, distance_km: true, price_cents: true, vat_cents: true, duration_minutes: true, slots: true } satisfies Keys<SearchResult>],
  ['SearchResponse', { origin: true, results: true } satisfies Keys<SearchResponse>],
  ['Origin', { lat: true, lng: true, label: true } satisfies Keys<SearchResponse['origin']>],
  ['CentreCalendar', { centre: true, price_cents: true, vat_cents: true, duration_minutes: true, days: true, date: true, slots: true } satisfies Keys<CentreCalendar>],
  ['CalendarDay', { date: true, free: true } satisfies Keys<CentreCalendar['days'][number]>],
  [
    'CreateRdv',
    {
      disponibilite_id: true,
      first_name: true,
      last_name: true,
      email: true,
      phone: true,
      immatriculation: true,
      vehicle_type: true,
      fuel: true,
      marque: true,
      modele: true,
      annee: true,
      control_type: true,
      notes: true,
      vehicle_id: true,
      failed_inspection_date: true,
    } satisfies Keys<RdvInput>,
  ],
  [
    'Rdv',
    {
      id: true,
      reference: true,
      status: true,
      payment_status: true,
      hold_expires_at: true,
      start: true,
      end: true,
      centre: true,
      first_name: true,
      last_name: true,
      email: true,
      phone: true,
      immatriculation: true,
      vehicle_type: true,
      fuel: true,
      marque: true,
      modele: true,
      annee: true,
      control_type: true,
      notes: true,
      price_cents: true,
      vat_cents: true,
      can_modify: true,
      can_cancel: true,
      deadline: true,
      modify_refusal: true,
      refund_if_cancelled_cents: true,
      guest_token: true,
    } satisfies Keys<Rdv>,
  ],
  ['CardToken', { token: true, brand: true, last4: true } satisfies Keys<CardToken>],
  ['PaymentResult', { payment: true, rdv: true } satisfies Keys<PaymentResult>],
  ['Payment', { id: true, status: true, amount_cents: true, card_brand: true, card_last4: true } satisfies Keys<PaymentResult['payment']>],
  [
    'User',
    {
      id: true,
      tenant_id: true,
      email: true,
      phone: true,
      first_name: true,
      last_name: true,
      role: true,
      agency_id: true,
      centre_id: true,
      notification_prefs: true,
      status: true,
      created_at: true,
    } satisfies Keys<User>,
  ],
  ['Tokens', { access_token: true, refresh_token: true, token_type: true, expires_in: true, user: true } satisfies Keys<Tokens>],
  ['Vehicle', { id: true, immatriculation: true, vehicle_type: true, fuel: true, marque: true, modele: true, annee: true } satisfies Keys<Vehicle>],
  ['VehicleInput', { immatriculation: true, vehicle_type: true, fuel: true, marque: true, modele: true, annee: true } satisfies Keys<VehicleInput>],
  ['OpeningWindow', { rrule: true, start: true, end: true } satisfies Keys<OpeningWindow>],
  ['NotificationPrefs', { email: true, sms: true, reminder_j1: true, reminder_h2: true } satisfies Keys<NotificationPrefs>],
  ['Agency', { id: true, tenant_id: true, code: true, name: true, address: true, postcode: true, city: true, lat: true, lng: true, phone: true, email: true, status: true, centre_count: true } satisfies Keys<Agency>],
  [
    'Centre',
    {
      id: true,
      tenant_id: true,
      agency_id: true,
      code: true,
      name: true,
      address: true,
      postcode: true,
      city: true,
      lat: true,
      lng: true,
      time_zone: true,
      phone: true,
      email: true,
      rating: true,
      rating_count: true,
      lanes: true,
      daily_capacity: true,
      grid_minutes: true,
      buffer_minutes: true,
      overbooking_percent: true,
      holiday_policy: true,
      opening_hours: true,
      vehicle_categories: true,
      status: true,
      inspector_count: true,
    } satisfies Keys<NetworkCentre>,
  ],
  [
    'StaffUser',
    {
      id: true,
      email: true,
      first_name: true,
      last_name: true,
      phone: true,
      role: true,
      agency_id: true,
      centre_id: true,
      status: true,
      last_login_at: true,
      created_at: true,
    } satisfies Keys<StaffUser>,
  ],
  ['StaffUserPage', { items: true, next_cursor: true, total: true } satisfies Keys<CursorPage<StaffUser>>],
  ['CreateUser', { email: true, first_name: true, last_name: true, phone: true, role: true, agency_id: true, centre_id: true } satisfies Keys<StaffUserInput>],
  ['UpdateUser', { first_name: true, last_name: true, phone: true, role: true, agency_id: true, centre_id: true, status: true } satisfies Keys<StaffUserUpdate>],
  ['SetPassword', { token: true, password: true } satisfies Keys<SetPasswordInput>],
  ['TenantSettings', { general: true, booking_policy: true, branding: true, payment: true, notification: true } satisfies Keys<TenantSettings>],
  ['SecretView', { set: true, last4: true } satisfies Keys<SecretSetting>],
  ['PaymentSettings', { provider: true, stripe_publishable_key: true, stripe_secret_key: true, stripe_webhook_secret: true } satisfies Keys<PaymentSettings>],
  ['PaymentSettingsChange', { provider: true, stripe_publishable_key: true, stripe_secret_key: true, stripe_webhook_secret: true } satisfies Keys<PaymentChange>],
  [
    'NotificationSettings',
    {
      email_provider: true, smtp_host: true, smtp_port: true, smtp_user: true, smtp_password: true, smtp_tls: true, brevo_api_key: true,
      sms_provider: true, smsmode_api_key: true, sender_name: true, sender_email: true, reminder_j1: true, reminder_h2: true,
    } satisfies Keys<NotificationSettings>,
  ],
  [
    'NotificationSettingsChange',
    {
      email_provider: true, smtp_host: true, smtp_port: true, smtp_user: true, smtp_password: true, smtp_tls: true, brevo_api_key: true,
      sms_provider: true, smsmode_api_key: true, sender_name: true, sender_email: true, reminder_j1: true, reminder_h2: true,
    } satisfies Keys<NotificationChange>,
  ],
  ['TestSent', { channel: true, recipient: true } satisfies Keys<TestEmailSent>],
  ['General', { name: true, legal_name: true, siret: true, address: true, postcode: true, city: true, phone: true, email: true } satisfies Keys<GeneralSettings>],
  ['GeneralChange', { name: true, legal_name: true, siret: true, address: true, postcode: true, city: true, phone: true, email: true } satisfies Keys<NonNullable<SettingsUpdate['general']>>],
  [
    'Policy',
    {
      min_notice_minutes: true,
      horizon_days: true,
      modification_deadline_hours: true,
      cancellation_deadline_hours: true,
      refund_before_deadline_percent: true,
      refund_after_deadline_percent: true,
      late_cancellation_allowed: true,
      recheck_window_months: true,
      overbooking_percent: true,
      fill_warning_percent: true,
      hold_minutes: true,
    } satisfies Keys<BookingPolicy>,
  ],
  [
    'PolicyChange',
    {
      min_notice_minutes: true,
      horizon_days: true,
      modification_deadline_hours: true,
      cancellation_deadline_hours: true,
      refund_before_deadline_percent: true,
      refund_after_deadline_percent: true,
      late_cancellation_allowed: true,
      recheck_window_months: true,
      overbooking_percent: true,
      fill_warning_percent: true,
      hold_minutes: true,
    } satisfies Keys<NonNullable<SettingsUpdate['booking_policy']>>,
  ],
  ['Branding', { primary_color: true, portal_title: true, logo_url: true } satisfies Keys<BrandingSettings>],
  ['BrandingChange', { primary_color: true, portal_title: true } satisfies Keys<BrandingChange>],
  ['UpdateSettings', { general: true, booking_policy: true, branding: true, payment: true, notification: true } satisfies Keys<SettingsUpdate>],
  ['CreateAgency', { code: true, name: true, address: true, postcode: true, city: true, lat: true, lng: true, phone: true, email: true } satisfies Keys<AgencyInput>],
  ['UpdateAgency', { code: true, name: true, address: true, postcode: true, city: true, lat: true, lng: true, phone: true, email: true, status: true } satisfies Keys<AgencyUpdate>],
  [
    'CreateCentre',
    {
      agency_id: true, code: true, name: true, address: true, postcode: true, city: true, lat: true, lng: true, phone: true, email: true, time_zone: true, lanes: true,
      daily_capacity: true, grid_minutes: true, buffer_minutes: true, overbooking_percent: true, holiday_policy: true, opening_hours: true, vehicle_categories: true,
    } satisfies Keys<CentreInput>,
  ],
  [
    'UpdateCentre',
    {
      agency_id: true, code: true, name: true, address: true, postcode: true, city: true, lat: true, lng: true, phone: true, email: true, time_zone: true, lanes: true,
      daily_capacity: true, grid_minutes: true, buffer_minutes: true, overbooking_percent: true, holiday_policy: true, opening_hours: true, vehicle_categories: true, status: true,
    } satisfies Keys<CentreUpdate>,
  ],
  ['Closure', { id: true, start: true, end: true, reason: true, bookings: true } satisfies Keys<Closure>],
  ['CreateClosure', { start: true, end: true, reason: true } satisfies Keys<ClosureInput>],
  ['CentreOffer', { control_type: true, vehicle_category: true, price_cents: true, vat_rate_bp: true, duration_minutes: true, source: true, active: true } satisfies Keys<CentreOffer>],
  ['OfferInput', { control_type: true, vehicle_category: true, price_cents: true, duration_minutes: true, active: true } satisfies Keys<OfferInput>],
  ['ReplaceOffers', { offers: true } satisfies Keys<ReplaceOffers>],
  ['DashboardStats', { month: true, agency_id: true, centre_id: true, kpis: true, months: true, funnel: true, top_agencies: true, recent: true } satisfies Keys<DashboardStats>],
  [
    'Kpis',
    {
      active_users: true,
      bookings: true,
      bookings_previous: true,
      revenue_cents: true,
      revenue_previous_cents: true,
      conversion_percent: true,
      fill_rate_percent: true,
      no_show_percent: true,
    } satisfies Keys<DashboardKpis>,
  ],
  ['MonthFigures', { month: true, bookings: true, revenue_cents: true, cancelled: true } satisfies Keys<MonthFigures>],
  ['FunnelFigures', { searches: true, slot_views: true, holds: true, paid: true } satisfies Keys<FunnelFigures>],
  ['AgencyFigures', { agency_id: true, name: true, bookings: true, revenue_cents: true } satisfies Keys<AgencyFigures>],
  ['RecentBooking', { id: true, reference: true, centre_name: true, start: true, status: true, price_cents: true, created_at: true } satisfies Keys<RecentBooking>],
  [
    'GlobalPlanning',
    {
      from: true, to: true, agency_id: true, centre_id: true, fill_warning_percent: true, days: true, booked: true, capacity: true, fill_rate_percent: true, warning_centres: true,
      centres: true,
    } satisfies Keys<GlobalPlanning>,
  ],
  [
    'CentrePlanning',
    {
      id: true, name: true, agency_id: true, time_zone: true, booked: true, capacity: true, fill_rate_percent: true, warning: true, booked_by_day: true, capacity_by_day: true,
      fill_rate_by_day: true, booked_by_hour: true, capacity_by_hour: true,
    } satisfies Keys<CentrePlanning>,
  ],
  ['CentreDay', { centre_id: true, centre_name: true, date: true, booked: true, capacity: true, fill_rate_percent: true, bookings: true } satisfies Keys<CentreDay>],
  [
    'DayBooking',
    { id: true, reference: true, start: true, end: true, status: true, control_type: true, vehicle_category: true, plate: true, drop_off: true, inspector: true } satisfies Keys<DayBooking>,
  ],
  [
    'TenantStatistics',
    {
      from: true, to: true, agency_id: true, centre_id: true, totals: true, funnel: true, conversion_percent: true, months: true, by_control_type: true,
      by_vehicle_category: true, by_agency: true, by_centre: true,
    } satisfies Keys<TenantStatistics>,
  ],
  [
    'Figures',
    {
      bookings: true, completed: true, no_show: true, cancelled: true, refunds: true, collected_cents: true, refunded_cents: true, revenue_cents: true,
      no_show_percent: true, cancellation_percent: true,
    } satisfies Keys<StatisticsFigures>,
  ],
  ['MonthStatistics', { month: true, figures: true } satisfies Keys<StatisticsMonth>],
  ['CodeStatistics', { code: true, figures: true } satisfies Keys<StatisticsByCode>],
  ['AgencyStatistics', { id: true, name: true, figures: true } satisfies Keys<StatisticsByAgency>],
  ['CentreStatistics', { id: true, name: true, agency_id: true, agency_name: true, figures: true } satisfies Keys<StatisticsByCentre>],
  [
    'StaffBooking',
    {
      id: true, reference: true, centre_id: true, centre_name: true, agency_id: true, agency_name: true, start: true, end: true, status: true, payment_status: true,
      control_type: true, vehicle_category: true, plate: true, customer_name: true, customer_email: true, customer_phone: true, price_cents: true, source: true,
      created_at: true,
    } satisfies Keys<StaffBooking>,
  ],
  ['BookingPage', { items: true, next_cursor: true } satisfies Keys<UncountedPage<StaffBooking>>],
];

/** The query parameters an operation documents. */
const parametersOf = (path: string, method: string) =>
  ((openapi.paths as unknown as Record<string, Record<string, { parameters?: Array<{ name: string; in: string; schema: { enum?: string[]; $ref?: string } }> }>>)[path]?.[method]?.parameters ?? []).filter(
    (p) => p.in === 'query',
  );

describe('the API types and the OpenAPI document', () => {
  it('TenantInfo.branding: the fields of the settings’ Branding a portal reads', () => {
    const read = { primary_color: true, portal_title: true, logo_url: true } satisfies Keys<PortalBranding>;
    expect(Object.keys(read).sort()).toEqual(Object.keys(schemas.Branding?.properties ?? {}).sort());
  });

  it.each(TYPES)('%s: the same properties', (schema, keys) => {
    expect(Object.keys(keys).sort()).toEqual(Object.keys(schemas[schema]?.properties ?? {}).sort());
  });

  it.each([
    ['sort', ['distance', 'price', 'rating', 'earliest', 'best'] satisfies SearchRequest['sort'][]],
    ['day_part', ['any', 'morning', 'afternoon'] satisfies SearchRequest['day_part'][]],
  ] as const)('SearchRequest.%s: the documented codes', (field, codes) => {
    const property = (schemas.SearchRequest!.properties![field] ?? {}) as { enum?: string[] };
    expect([...codes].sort()).toEqual([...(property.enum ?? [])].sort());
  });

  it('GET /users: the documented query parameters and their codes', () => {
    const params = parametersOf('/api/v1/users', 'get');
    const names = { q: true, role: true, agency_id: true, centre_id: true, status: true, sort: true, order: true, cursor: true, limit: true } satisfies Keys<StaffUserQuery>;
    expect(params.map((p) => p.name).sort()).toEqual(Object.keys(names).sort());
    const codes = (name: string) => params.find((p) => p.name === name)!.schema.enum;
    expect(codes('sort')!.sort()).toEqual((['name', 'email', 'role', 'created_at', 'last_login_at'] satisfies NonNullable<StaffUserQuery['sort']>[]).sort());
    expect(codes('order')!.sort()).toEqual((['asc', 'desc'] satisfies NonNullable<StaffUserQuery['order']>[]).sort());
    const status = (schemas.AccountStatus as { enum?: string[] }).enum!;
    expect([...status].sort()).toEqual((['active', 'invited', 'disabled'] satisfies StaffUser['status'][]).sort());
  });

  it('GET /admin/dashboard/stats: the documented query parameters', () => {
    const names = { month: true, agency_id: true, centre_id: true } satisfies Keys<DashboardQuery>;
    expect(parametersOf('/api/v1/admin/dashboard/stats', 'get').map((p) => p.name).sort()).toEqual(Object.keys(names).sort());
  });

  it('GET /planning/global: the documented query parameters', () => {
    const names = { from: true, to: true, agency_id: true, centre_id: true } satisfies Keys<PlanningQuery>;
    expect(parametersOf('/api/v1/planning/global', 'get').map((p) => p.name).sort()).toEqual(Object.keys(names).sort());
    expect(parametersOf('/api/v1/planning/global/centre-day', 'get').map((p) => p.name).sort()).toEqual(['centre_id', 'date']);
  });

  it('GET /rdv (staff) and its export: the documented query parameters', () => {
    const names = {
      from: true, to: true, agency_id: true, centre_id: true, status: true, payment_status: true, control_type: true, q: true, sort: true, order: true, cursor: true, limit: true,
    } satisfies Keys<StaffBookingQuery>;
    const documented = parametersOf('/api/v1/rdv', 'get').map((p) => p.name);
    expect(documented.sort()).toEqual([...Object.keys(names), 'format'].sort());
    expect(parametersOf('/api/v1/rdv/export', 'get').map((p) => p.name).sort()).toEqual(documented.sort());
  });

  it('GET /statistics/tenant and its export: the documented query parameters', () => {
    const names = { from: true, to: true, agency_id: true, centre_id: true } satisfies Keys<StatisticsQuery>;
    expect(parametersOf('/api/v1/statistics/tenant', 'get').map((p) => p.name).sort()).toEqual(Object.keys(names).sort());
    const exported = parametersOf('/api/v1/statistics/tenant/export', 'get').map((p) => p.name);
    expect(exported.sort()).toEqual([...Object.keys(names), 'format'].sort());
  });
});
