// The shapes of the booking API (reference-app/API.md). Money is integer cents of EUR, tax
// included; times are RFC 3339 with the centre's offset.

export type VehicleType = 'VP' | 'VU' | 'L' | 'CAMPING_CAR' | 'TRAILER' | 'PL';
export type ControlType = 'CT' | 'CT_CONTRE_VISITE' | 'CTC';
export type Fuel = 'PETROL' | 'DIESEL' | 'GAS' | 'HYBRID' | 'ELECTRIC' | 'HYDROGEN';
export type SortKey = 'distance' | 'price' | 'rating' | 'earliest' | 'best';
export type DayPart = 'any' | 'morning' | 'afternoon';
export type RdvStatus = 'pending_payment' | 'confirmed' | 'in_progress' | 'completed' | 'no_show' | 'cancelled' | 'refused';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  branding?: Record<string, unknown>;
}

export interface Place {
  label: string;
  name: string;
  postcode: string;
  lat: number;
  lng: number;
}

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
  phone: string | null;
}

export interface Slot {
  disponibilite_id: string;
  start: string;
  end: string;
}

export interface SearchRequest {
  place?: string | null;
  lat?: number | null;
  lng?: number | null;
  radius_km?: number;
  date_from?: string;
  date_to?: string;
  vehicle_type?: VehicleType;
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

export interface SearchResult {
  centre: Centre;
  distance_km: number;
  price_cents: number;
  vat_cents: number;
  duration_minutes: number;
  slots: Slot[];
}

export interface SearchResponse {
  origin: { lat: number; lng: number; label: string };
  results: SearchResult[];
}

export interface CentreCalendar {
  centre: Centre;
  price_cents: number;
  vat_cents: number;
  duration_minutes: number;
  days: Array<{ date: string; free: number }>;
  date: string | null;
  slots: Slot[];
}

export interface RdvInput {
  disponibilite_id: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  immatriculation: string;
  vehicle_type: VehicleType;
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

export interface Rdv {
  id: string;
  reference: string;
  status: RdvStatus;
  payment_status: string;
  hold_expires_at: string | null;
  start: string;
  end: string;
  centre: Centre;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  immatriculation: string;
  vehicle_type: VehicleType;
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

export interface CardToken {
  token: string;
  brand: string;
  last4: string;
}

export interface PaymentResult {
  payment: { id: string; status: string; amount_cents: number; card_brand: string; card_last4: string };
  rdv: Rdv;
}

export interface User {
  id: string;
  tenant_id: string | null;
  email: string;
  phone: string | null;
  first_name: string;
  last_name: string;
  role: string;
  notification_prefs: Record<string, unknown>;
  status: string;
  created_at: string;
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
  user?: User;
}

export interface Vehicle {
  id: string;
  immatriculation: string;
  vehicle_type: VehicleType;
  fuel: Fuel;
  marque: string;
  modele: string;
  annee: number | null;
}

export type VehicleInput = Omit<Vehicle, 'id'>;

export interface NotificationPrefs {
  email: boolean;
  sms: boolean;
  reminder_j1: boolean;
  reminder_h2: boolean;
}
