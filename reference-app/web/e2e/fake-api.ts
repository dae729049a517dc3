// An in-memory stand-in for the booking API (reference-app/API.md), so the client screens can be
// driven in the browser without pti-server. The real server is exercised by journeys.spec.ts.
import type { Page, Route } from '@playwright/test';

const centre = (n: number, lat: number, lng: number) => ({
  id: `c${n}`,
  tenant_id: 't1',
  name: `Centre Contrôle Paris ${n}`,
  address: `${n} rue de Rivoli`,
  postcode: '75001',
  city: 'Paris',
  lat,
  lng,
  rating: 4 + n / 10,
  phone: '01 23 45 67 89',
});

function isoAt(day: string, hm: string): string {
  return `${day}T${hm}:00+01:00`;
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface FakeApi {
  rdvs: Map<string, Record<string, unknown>>;
  calls: Array<{ method: string; path: string; headers: Record<string, string>; body: unknown }>;
}

export async function installFakeApi(page: Page): Promise<FakeApi> {
  const tomorrow = addDays(new Date().toISOString().slice(0, 10), 1);
  const centres = [centre(1, 48.86, 2.34), centre(2, 48.87, 2.36), centre(3, 48.84, 2.3)];
  const slotsOf = (c: string, day: string) =>
    ['08:00', '08:45', '09:30', '14:00'].map((hm) => ({ disponibilite_id: `${c}|${day}|${hm}`, start: isoAt(day, hm), end: isoAt(day, hm) }));
  const api: FakeApi = { rdvs: new Map(), calls: [] };
  let n = 0;
  const reply = (route: Route, status: number, body: unknown) =>
    route.fulfill({ status, contentType: 'application/json', body: body === undefined ? '' : JSON.stringify(body) });
  await page.route('**/api/v1/**', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    const path = url.pathname.replace('/api/v1', '');
    const body = req.postData() ? JSON.parse(req.postData()!) : undefined;
    api.calls.push({ method: req.method(), path, headers: req.headers(), body });
    const m = req.method();
    if (path === '/tenant') return reply(route, 200, { id: 't1', slug: 'demo', name: 'Démo' });
    if (path === '/places/suggest') return reply(route, 200, [{ label: 'Paris (75001)', name: 'Paris', postcode: '75001', lat: 48.86, lng: 2.34 }]);
    if (path === '/disponibilites/search') {
      return reply(route, 200, {
        origin: { lat: 48.86, lng: 2.34, label: 'Paris (75001)' },
        results: centres.map((c, i) => ({ centre: c, distance_km: 1.2 + i, price_cents: 7900 + i * 500, vat_cents: 1317, duration_minutes: 45, slots: slotsOf(c.id, tomorrow).slice(0, 3) })),
      });
    }
    const cal = path.match(/^\/disponibilites\/centres\/(\w+)$/);
    if (cal) {
      const c = centres.find((x) => x.id === cal[1])!;
      const month = url.searchParams.get('month')!;
      const date = url.searchParams.get('date');
      const days = Array.from({ length: 28 }, (_, i) => ({ date: `${month}-${String(i + 1).padStart(2, '0')}`, free: i % 7 === 6 ? 0 : 4 }));
      return reply(route, 200, { centre: c, price_cents: 7900, vat_cents: 1317, duration_minutes: 45, days, date, slots: date ? slotsOf(c.id, date) : [] });
    }
    if (path === '/rdv' && m === 'POST') {
      const [cid, day, hm] = String(body.disponibilite_id).split('|') as [string, string, string];
      const id = `r${++n}`;
      const rdv = {
        id,
        reference: `PTI-${id.toUpperCase()}`,
        status: 'pending_payment',
        payment_status: 'unpaid',
        hold_expires_at: new Date(Date.now() + 600_000).toISOString(),
        start: isoAt(day, hm),
        end: isoAt(day, hm),
        centre: centres.find((x) => x.id === cid),
        ...body,
        immatriculation: 'AA-123-BB',
        price_cents: 7900,
        vat_cents: 1317,
        can_modify: true,
        can_cancel: true,
        deadline: isoAt(addDays(day, -1), hm),
        refund_if_cancelled_cents: 0,
      };
      api.rdvs.set(id, rdv);
      return reply(route, 201, { ...rdv, guest_token: `guest-${id}` });
    }
    const one = path.match(/^\/rdv\/(\w+)$/);
    if (one) {
      const rdv = api.rdvs.get(one[1]!);
      if (!rdv || req.headers()['x-rdv-token'] !== `guest-${one[1]}`) return reply(route, 404, { code: 'NOT_FOUND', message: 'no', details: {} });
      if (m === 'DELETE') {
        const refund = rdv.refund_if_cancelled_cents as number;
        Object.assign(rdv, { status: 'cancelled', can_modify: false, can_cancel: false, refund_if_cancelled_cents: 0 });
        return reply(route, 200, { rdv, refund_cents: refund });
      }
      if (m === 'PUT') {
        const [, day, hm] = String(body.disponibilite_id).split('|') as [string, string, string];
        Object.assign(rdv, { start: isoAt(day, hm), end: isoAt(day, hm) });
      }
      return reply(route, 200, rdv);
    }
    if (path === '/payment/tokenize') {
      const digits = String(body.card_number).replace(/\s/g, '');
      return reply(route, 200, { token: `tok_${digits}`, brand: 'visa', last4: digits.slice(-4) });
    }
    if (path === '/payment/process') {
      if (!req.headers()['idempotency-key']) return reply(route, 400, { code: 'IDEMPOTENCY_KEY_REQUIRED', message: '', details: {} });
      if (body.card_token === 'tok_4000000000000002') return reply(route, 402, { code: 'CARD_DECLINED', message: 'declined', details: {} });
      if (body.card_token === 'tok_4000000000009995') return reply(route, 402, { code: 'INSUFFICIENT_FUNDS', message: 'funds', details: {} });
      const rdv = api.rdvs.get(body.rdv_id)!;
      Object.assign(rdv, { status: 'confirmed', payment_status: 'paid', hold_expires_at: null, refund_if_cancelled_cents: 7900 });
      return reply(route, 200, { payment: { id: 'p1', status: 'succeeded', amount_cents: 7900, card_brand: 'visa', card_last4: '4242' }, rdv });
    }
    return reply(route, 404, { code: 'NOT_FOUND', message: `fake API: ${m} ${path}`, details: {} });
  });
  return api;
}
