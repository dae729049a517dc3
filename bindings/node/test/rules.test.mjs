// Every case of tests/vectors/{rules,policy}.json, as the Rust runner reads them; bad input.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const pti = require('../index.js')
const load = (name) =>
  JSON.parse(readFileSync(new URL(`../../../tests/vectors/${name}`, import.meta.url), 'utf8'))
const rules = load('rules.json').cases
const policy = load('policy.json').cases
const camel = (o) => Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k.replace(/_(.)/g, (_, c) => c.toUpperCase()), v]))
const code = (c) => (e) => e instanceof Error && e.code === c

function run(check, i) {
  const p = camel(i.policy)
  switch (check) {
    case 'timing': return pti.checkTiming(p, i.now, i.start) ?? true
    case 'new_booking':
      return pti.checkNewBooking(p, i.now, i.centre, i.vehicle, i.control_type, i.start, i.last_periodic, i.bookings) ?? true
    case 'modification': return pti.checkModification(p, i.now, i.booking, i.new_start) ?? true
    case 'cancellation': {
      const r = pti.cancellationQuote(p, i.now, i.booking, i.paid_cents)
      return { amount_cents: r.amountCents, percent: r.percent, before_deadline: r.beforeDeadline, deadline: r.deadline }
    }
    case 'drop_off': return pti.checkDropOff(p, i.daily_capacity, i.bookings) ?? true
    case 'fill': return pti.fillLevel(p, i.daily_capacity, i.bookings)
    case 'policy': return pti.validateBookingPolicy(p) ?? true
    default: throw new Error(`unknown check ${check}`)
  }
}

test('every vector file is here', () => {
  assert.ok(rules.length >= 40 && policy.length >= 40)
})

for (const c of rules) {
  test(`rules: ${c.name}`, () => {
    const e = c.expected
    if (e.error) {
      assert.throws(() => run(c.check, c.input), (err) => {
        assert.equal(err.code, e.error)
        assert.ok(err instanceof Error)
        for (const key of ['earliest', 'latest', 'deadline']) {
          if (e[key]) assert.equal(Date.parse(err[key]), Date.parse(e[key]), key)
        }
        if (e.closed_on) assert.equal(err.closedOn, e.closed_on)
        if (e.limit !== undefined) assert.equal(err.limit, e.limit)
        return true
      })
      return
    }
    const got = run(c.check, c.input)
    if (c.check === 'cancellation') {
      assert.equal(Date.parse(got.deadline), Date.parse(c.expected.ok.deadline))
      got.deadline = c.expected.ok.deadline
    }
    assert.deepEqual(got, c.expected.ok)
  })
}

const principal = (p) => ({
  role: p.role, userId: p.user_id, tenantId: p.tenant_id, agencyId: p.agency_id, centreId: p.centre_id, grants: p.grants,
})
const resource = (r) => ({ kind: r.kind, tenantId: r.tenant_id, agencyId: r.agency_id, centreId: r.centre_id, ownerId: r.owner_id })

for (const c of policy) {
  test(`policy: ${c.name}`, () => {
    const call = () => pti.authorize(principal(c.input.principal), c.input.action, resource(c.input.resource))
    if (c.expected.error) assert.throws(call, code(c.expected.error))
    else if (c.expected.allow) assert.equal(call(), undefined)
    else assert.throws(call, code(c.expected.code))
  })
}

test('defaults, windows and facts on the error', () => {
  const d = pti.defaultBookingPolicy()
  assert.equal(d.minNoticeMinutes, 120)
  assert.equal(d.horizonDays, 90)
  const w = pti.bookingWindow({}, new Date('2026-12-01T10:00:00Z'))
  assert.equal(w.earliest, '2026-12-01T12:00:00+00:00')
  assert.throws(() => pti.checkTiming({}, '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'),
    (e) => e.code === 'NOTICE_TOO_SHORT' && e.earliest === '2026-12-01T12:00:00+00:00' && e.message.includes('2026-12-01 12:00:00'))
  assert.throws(() => pti.checkDropOff({}, 10, 11), (e) => e.code === 'OVERBOOKING_LIMIT_REACHED' && e.limit === 11)
})

test('bad input throws, nothing crashes', () => {
  const now = '2026-12-01T10:00:00Z'
  for (const call of [
    () => pti.checkTiming(undefined, now, now),
    () => pti.checkTiming({}, undefined, now),
    () => pti.checkTiming({}, 42, now),
    () => pti.checkTiming({ horizonDays: 'x' }, now, now),
    () => pti.authorize(undefined, 'read', { kind: 'rdv' }),
    () => pti.authorize({ role: 'SUPER_ADMIN' }, 'read', null),
    () => pti.fillLevel({}, undefined, 1),
    () => pti.Gazetteer.fromCsv(undefined),
  ]) assert.throws(call, Error)
  for (const call of [
    () => pti.checkTiming({}, '2026-12-01T10:00:00', now),
    () => pti.checkTiming({}, new Date(NaN), now),
    () => pti.checkTiming({ horizonDays: NaN }, now, now),
    () => pti.checkTiming({ horizonDays: -1 }, now, now),
    () => pti.checkTiming({ minNoticeMinutes: 1.5 }, now, now),
    () => pti.checkDropOff({}, 70000, 1),
    () => pti.fillLevel({}, NaN, 1),
    () => pti.cancellationQuote({}, now, { id: 1 }, 100),
    () => pti.cancellationQuote({}, now, rules.find((c) => c.check === 'cancellation').input.booking, NaN),
    () => pti.checkOffer({ id: 'x' }, 'CT', {}),
    () => pti.authorize({ role: 'SUPER_ADMIN' }, 'fly', { kind: 'rdv' }),
    () => pti.authorize({ role: 'SUPER_ADMIN' }, 'read', { kind: 'boat' }),
    () => pti.authorize({ role: 'ADMIN_TENANT', tenantId: 'nope' }, 'read', { kind: 'rdv' }),
  ]) assert.throws(call, code('ERR_INVALID_ARG_VALUE'))
  assert.throws(() => pti.checkTiming({ overbookingPercent: 50 }, now, now), code('INVALID_POLICY'))
  assert.throws(() => pti.authorize({ role: 'KING' }, 'read', { kind: 'rdv' }), code('UNKNOWN_ROLE'))
})

const CSV = `insee;name;postcodes;departement;population;lat;lng;precision
13055;Marseille;13001 13002;13;870000;43.2965;5.3698;city
51354;Mars;51800;51;120;49.1;4.9;postcode
`

test('gazetteer', () => {
  const g = pti.Gazetteer.fromCsv(CSV)
  assert.equal(g.size, 2)
  assert.deepEqual(g.suggest('mars').map((p) => p.name), ['Marseille', 'Mars'])
  const place = g.resolve('13002')
  assert.equal(place.insee, '13055')
  assert.equal(place.precision, 'city')
  assert.equal(g.byInsee('00000'), null)
  assert.throws(() => g.resolve('Atlantis'), code('PLACE_NOT_FOUND'))
  assert.throws(() => pti.Gazetteer.fromCsv('header\nnot;a;row'), code('INVALID_PLACES_TABLE'))
})
