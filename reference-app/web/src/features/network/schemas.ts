// The agency and centre forms, with the server's limits: a code of 1 to 20 letters, digits, `-`
// or `_`; a name of at most 120 characters; an address of at most 200; a five-digit postcode; a
// commune of at most 100; a French phone number and an e-mail, both optional; the centre's
// settings within their bounds. A change sends only what changed.
import { z } from 'zod';
import type { Agency, AgencyInput, AgencyUpdate, CentreInput, CentreUpdate, NetworkCentre } from '@/api/types';
import { emailSchema, phoneSchema } from '@/domain/fields';

const text = (what: string, max: number) => z.string().trim().min(1, `${what} requis.`).max(max, `${max} caractères au plus.`);
const whole = (min: number, max: number, unit = '') =>
  z.number({ error: 'Nombre requis.' }).int('Nombre entier requis.').min(min, `Entre ${min} et ${max}${unit}.`).max(max, `Entre ${min} et ${max}${unit}.`);

/** The fields an agency and a centre share: code, name, address and contacts, and their point. */
export const placeSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'Code requis.')
    .max(20, '20 caractères au plus.')
    .regex(/^[A-Za-z0-9_-]+$/, 'Lettres, chiffres, « - » et « _ » seulement.'),
  name: text('Nom', 120),
  address: z.string().trim().max(200, '200 caractères au plus.'),
  postcode: z.string().trim().regex(/^\d{5}$/, 'Code postal à 5 chiffres.'),
  city: text('Commune', 100),
  phone: z.union([z.literal(''), phoneSchema]),
  email: z.union([z.literal(''), emailSchema]),
  /** The point set on the map; null: the commune's, found by the server. */
  lat: z.number().min(-90).max(90).nullable(),
  lng: z.number().min(-180).max(180).nullable(),
});

/** The agency form's values. */
export type PlaceForm = z.input<typeof placeSchema>;

/** The fields of the agency form a server refusal may name. */
export const PLACE_FIELDS = ['code', 'name', 'address', 'postcode', 'city', 'phone', 'email', 'lat', 'lng'] as const;

/** The form's values for a new agency or centre, or for editing `place`. */
export function placeFormValues(place?: Agency | NetworkCentre): PlaceForm {
  return {
    code: place?.code ?? '',
    name: place?.name ?? '',
    address: place?.address ?? '',
    postcode: place?.postcode ?? '',
    city: place?.city ?? '',
    phone: place?.phone ?? '',
    email: place?.email ?? '',
    lat: place?.lat ?? null,
    lng: place?.lng ?? null,
  };
}

/** The body of a creation: the point only when one was set, else the server finds the commune's. */
export function toPlaceInput(v: PlaceForm): AgencyInput {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    ...(v.address.trim() ? { address: v.address.trim() } : {}),
    postcode: v.postcode.trim(),
    city: v.city.trim(),
    ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
    ...(v.email.trim() ? { email: v.email.trim() } : {}),
    ...(v.lat !== null && v.lng !== null ? { lat: v.lat, lng: v.lng } : {}),
  };
}

/**
 * The body of a change: only what differs from `place`. A point moved on the map is sent; a new
 * postcode or commune with the point left where it was lets the server move it to the commune.
 */
export function toPlaceUpdate(v: PlaceForm, place: Agency | NetworkCentre): AgencyUpdate {
  const body: AgencyUpdate = {};
  const next = toPlaceInput(v);
  if (next.code !== place.code) body.code = next.code;
  if (next.name !== place.name) body.name = next.name;
  if ((next.address ?? '') !== place.address) body.address = next.address ?? '';
  if (next.postcode !== place.postcode) body.postcode = next.postcode;
  if (next.city !== place.city) body.city = next.city;
  if ((next.phone ?? null) !== (place.phone ?? null)) body.phone = next.phone ?? null;
  if ((next.email ?? null) !== (place.email ?? null)) body.email = next.email ?? null;
  if (v.lat !== null && v.lng !== null && (v.lat !== place.lat || v.lng !== place.lng)) {
    body.lat = v.lat;
    body.lng = v.lng;
  }
  return body;
}

/** The new centre form: its agency and its place. */
export const newCentreSchema = placeSchema.extend({ agency_id: z.string().min(1, 'Choisissez l’agence.') });

/** The new centre form's values. */
export type NewCentreForm = z.input<typeof newCentreSchema>;

/** The fields of the new centre form a server refusal may name. */
export const NEW_CENTRE_FIELDS = [...PLACE_FIELDS, 'agency_id'] as const;

/** The body of `POST /cts`: the settings left to the server's defaults. */
export const toCentreInput = (v: NewCentreForm): CentreInput => ({ agency_id: v.agency_id, ...toPlaceInput(v) });

/** Public holidays: closed on the national ones, also on Alsace-Moselle's, or open. */
export const HOLIDAY_POLICIES = [
  { value: 'national', label: 'Fermé les jours fériés nationaux' },
  { value: 'alsace_moselle', label: 'Alsace-Moselle : aussi le Vendredi saint et le 26 décembre' },
  { value: 'open', label: 'Ouvert les jours fériés' },
] as const;

/** The time zones a centre of the French network may keep its hours in. */
export const TIME_ZONES = ['Europe/Paris', 'America/Cayenne', 'America/Guadeloupe', 'America/Martinique', 'Indian/Reunion', 'Indian/Mayotte', 'Pacific/Noumea', 'Pacific/Tahiti'] as const;

/** The centre's general settings form: its place and agency, and how it takes bookings. */
export const centreSchema = newCentreSchema.extend({
  time_zone: z.string().min(1, 'Choisissez le fuseau horaire.'),
  lanes: whole(1, 20),
  daily_capacity: whole(1, 1000),
  grid_minutes: whole(5, 120, ' minutes'),
  buffer_minutes: whole(0, 120, ' minutes'),
  overbooking_percent: whole(100, 200, ' %'),
  holiday_policy: z.enum(['national', 'alsace_moselle', 'open'], 'Choisissez la règle des jours fériés.'),
  vehicle_categories: z.array(z.string()).min(1, 'Au moins une catégorie de véhicules.'),
});

/** The centre settings form's values. */
export type CentreForm = z.input<typeof centreSchema>;

/** The fields of the centre settings form a server refusal may name. */
export const CENTRE_FIELDS = [...NEW_CENTRE_FIELDS, 'time_zone', 'lanes', 'daily_capacity', 'grid_minutes', 'buffer_minutes', 'overbooking_percent', 'holiday_policy', 'vehicle_categories'] as const;

/** The settings form's values for `centre`. */
export function centreFormValues(centre: NetworkCentre): CentreForm {
  return {
    ...placeFormValues(centre),
    agency_id: centre.agency_id,
    time_zone: centre.time_zone,
    lanes: centre.lanes,
    daily_capacity: centre.daily_capacity,
    grid_minutes: centre.grid_minutes,
    buffer_minutes: centre.buffer_minutes,
    overbooking_percent: centre.overbooking_percent,
    holiday_policy: centre.holiday_policy as CentreForm['holiday_policy'],
    vehicle_categories: centre.vehicle_categories,
  };
}

/** The body of `PUT /cts/{id}` for the settings form: only what changed. */
export function toCentreUpdate(v: CentreForm, centre: NetworkCentre): CentreUpdate {
  const body: CentreUpdate = toPlaceUpdate(v, centre);
  if (v.agency_id !== centre.agency_id) body.agency_id = v.agency_id;
  const numbers = ['lanes', 'daily_capacity', 'grid_minutes', 'buffer_minutes', 'overbooking_percent'] as const;
  for (const key of numbers) if (v[key] !== centre[key]) body[key] = v[key];
  if (v.time_zone !== centre.time_zone) body.time_zone = v.time_zone;
  if (v.holiday_policy !== centre.holiday_policy) body.holiday_policy = v.holiday_policy;
  if ([...v.vehicle_categories].sort().join() !== [...centre.vehicle_categories].sort().join()) body.vehicle_categories = v.vehicle_categories;
  return body;
}
