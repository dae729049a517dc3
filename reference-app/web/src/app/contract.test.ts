// The API calls of every feature and portal against the server's OpenAPI document
// (reference-app/openapi.json): every call is a documented operation, and every JSON body it
// sends uses only the fields of the documented request schema (the server refuses unknown fields).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import openapi from '../../../openapi.json';
import { session } from '@/api/client';
import type { VehicleInput } from '@/api/types';
import * as auth from '@/features/auth/api';
import * as booking from '@/features/booking/api';
import * as network from '@/features/network/api';
import * as users from '@/features/users/api';
import * as bookings from '@/features/bookings/api';
import * as search from '@/features/search/api';
import * as settings from '@/features/settings/api';
import * as client from '@/portals/client/api';

type Schema = { $ref?: string; properties?: Record<string, unknown> };
type Operation = { requestBody?: { content: { 'application/json': { schema: Schema } } } };
const paths = openapi.paths as unknown as Record<string, Record<string, Operation>>;
const schemas = openapi.components.schemas as unknown as Record<string, Schema>;

const ID = '00000000-0000-4000-8000-000000000001';

/** The documented operation a request hits, matching `{id}` segments. */
function operation(method: string, url: string): Operation | undefined {
  const path = new URL(url, 'http://portal').pathname;
  for (const [template, ops] of Object.entries(paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(path)) return ops[method.toLowerCase()];
  }
  return undefined;
}

function resolve(schema: Schema): Schema {
  return schema.$ref ? resolve(schemas[schema.$ref.split('/').pop()!]!) : schema;
}

const calls: { method: string; url: string; body?: string }[] = [];

beforeEach(() => {
  localStorage.clear();
  calls.length = 0;
  session.set({ access_token: 'A', refresh_token: 'R' });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ method: init.method ?? 'GET', url, body: init.body as string | undefined });
      const body = url.includes('/tenant') ? { id: ID, slug: 's', name: 'n' } : url.includes('/auth/') ? { access_token: 'A', refresh_token: 'R' } : { id: ID, items: [] };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('the API client and the OpenAPI document', () => {
  it('calls only documented operations, with documented body fields', async () => {
    const vehicle: VehicleInput = { immatriculation: 'AB-123-CD', vehicle_type: 'VP', fuel: 'DIESEL', marque: 'Renault', modele: 'Clio', annee: 2018 };
    await auth.getTenant();
    await search.suggestPlaces('par');
    await search.searchDisponibilites({ place: 'Paris', date_from: '2026-12-01', vehicle_type: 'VP', control_type: 'CT', sort: 'distance' });
    await search.getCentreCalendar(ID, { month: '2026-12', date: '2026-12-03', vehicle_type: 'VP', control_type: 'CT' });
    await booking.createRdv(
      { disponibilite_id: 'x', first_name: 'Jean', last_name: 'Dupont', email: 'j@d.fr', phone: '0612345678', immatriculation: 'AB-123-CD', vehicle_type: 'VP', marque: 'Renault', modele: 'Clio', control_type: 'CT', notes: '' },
      'key',
    );
    await booking.getRdv(ID);
    await booking.myRdvs('upcoming', 'confirmed');
    await booking.moveRdv(ID, 'y');
    await booking.cancelRdv(ID);
    await booking.tokenizeCard({ card_number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' });
    await booking.processPayment(ID, 'tok', 'key');
    await auth.register({ email: 'j@d.fr', password: 'Client123!', first_name: 'Jean', last_name: 'Dupont', phone: '0612345678' });
    await auth.login({ email: 'j@d.fr', password: 'Client123!' });
    await auth.getMe();
    await auth.updateMe({ first_name: 'Jean', last_name: 'Dupont', phone: '0612345678' });
    await client.listVehicles();
    await client.addVehicle(vehicle);
    await client.updateVehicle(ID, vehicle);
    await client.deleteVehicle(ID);
    await client.getNotificationPrefs();
    await client.putNotificationPrefs({ email: true, sms: false, reminder_j1: true, reminder_h2: false });
    await network.listAgencies();
    await network.listCentres(null);
    await network.listCentres(ID);
    const place = { code: 'PAR-1', name: 'Paris', address: '1 rue', postcode: '75001', city: 'Paris', lat: 48.8, lng: 2.3, phone: '0102030405', email: 'a@b.fr' };
    await network.getAgency(ID);
    await network.createAgency(place, 'key');
    await network.updateAgency(ID, { ...place, status: 'inactive' });
    await network.getCentre(ID);
    const centreSettings = { time_zone: 'Europe/Paris', lanes: 2, daily_capacity: 30, grid_minutes: 15, buffer_minutes: 0, overbooking_percent: 110, holiday_policy: 'national', vehicle_categories: ['VP'] };
    await network.createCentre({ agency_id: ID, ...place, ...centreSettings, opening_hours: [{ rrule: 'FREQ=WEEKLY;BYDAY=MO', start: '08:00', end: '12:00' }] }, 'key');
    await network.updateCentre(ID, { agency_id: ID, ...place, ...centreSettings, status: 'active' });
    await network.listClosures(ID);
    await network.createClosure(ID, { start: '2027-05-01T00:00', end: '2027-05-02T00:00', reason: 'Travaux' });
    await network.deleteClosure(ID, ID);
    await network.listOffers(ID);
    await network.replaceOffers(ID, [{ control_type: 'CT', vehicle_category: 'VP', price_cents: 7900, duration_minutes: 30, active: true }]);
    await users.listUsers({ q: 'dup', role: 'CONTROLEUR', agency_id: ID, centre_id: ID, status: 'active', sort: 'email', order: 'desc', cursor: 'c', limit: 25 });
    await users.createUser({ email: 'p@d.fr', first_name: 'Paul', last_name: 'Durand', phone: '0612345678', role: 'CONTROLEUR', centre_id: ID }, 'key');
    await users.createUser({ email: 'a@d.fr', first_name: 'Anne', last_name: 'Durand', role: 'ADMIN_AGENCE', agency_id: ID }, 'key');
    await users.updateUser(ID, { first_name: 'Paul', last_name: 'Durand', phone: null, role: 'ADMIN_CT', agency_id: ID, centre_id: ID, status: 'disabled' });
    await users.deleteUser(ID);
    await users.resendInvitation(ID);
    await users.exportUsers({ q: 'dup', role: 'CONTROLEUR', status: 'active', sort: 'email', order: 'desc', cursor: 'c', limit: 25 }, 'xlsx');
    await bookings.listBookings({ from: '2027-01-01', to: '2027-01-31', agency_id: ID, centre_id: ID, status: 'confirmed', payment_status: 'paid', control_type: 'CT', q: 'R-1', sort: 'start', order: 'desc', cursor: 'c', limit: 25 });
    await bookings.exportBookings({ from: '2027-01-01', status: 'confirmed', sort: 'created_at', order: 'asc', cursor: 'c', limit: 25 }, 'xlsx');
    await settings.getSettings();
    await settings.updateSettings({
      general: { name: 'Réseau', legal_name: 'Réseau SAS', siret: '73282932000074', address: '1 rue', postcode: '75001', city: 'Paris', phone: '0102030405', email: 'c@r.fr' },
      booking_policy: { min_notice_minutes: 60, horizon_days: 90, late_cancellation_allowed: false, hold_minutes: 10 },
      branding: { primary_color: '#1d4ed8', portal_title: null },
    });
    await settings.putLogo(new Blob([new Uint8Array([0x89, 0x50])]), 'image/png');
    await settings.deleteLogo();
    await auth.setPassword({ token: 'tok', password: 'Agence2026' });
    await auth.logout();

    expect(calls.length).toBeGreaterThan(20);
    for (const call of calls) {
      const op = operation(call.method, call.url);
      expect(op, `${call.method} ${call.url} is documented`).toBeDefined();
      // No body, or a raw one (an image), documented by its media type.
      if (typeof call.body !== 'string') continue;
      const documented = op!.requestBody?.content['application/json'].schema;
      expect(documented, `${call.method} ${call.url} documents its body`).toBeDefined();
      const fields = Object.keys(resolve(documented!).properties ?? {});
      for (const key of Object.keys(JSON.parse(call.body) as object)) {
        expect(fields, `${call.method} ${call.url}: field ${key}`).toContain(key);
      }
    }
  });
});
