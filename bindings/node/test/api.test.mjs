// Booking, release, the error model and bad input from JavaScript.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const pti = require('../index.js')
const { setup } = JSON.parse(readFileSync(new URL('../../../tests/vectors/search.json', import.meta.url), 'utf8'))
const C1 = '00000000-0000-0000-0000-00000000c001'
const B1 = '00000000-0000-0000-0000-0000000000b1'
const QUERY = {
  origin: { lat: 48.8566, lng: 2.3522 }, area: { radius: 50 },
  dates: { from: '2026-12-03', to: '2026-12-10' },
  category: 'VP', fuel: 'PETROL', control_type: 'CT', limit: 20, slots_per_centre: 3,
}
const network = () => new pti.Network(setup.centres, '2026-11-30', 30)
const code = (c) => (e) => e instanceof Error && e.code === c

test('book with a Date, refuse the same slot, release', () => {
  const net = network()
  assert.equal(net.size, setup.centres.length)
  const placed = net.book(C1, B1, new Date('2026-12-03T07:00:00Z'), 35, ['VL'])
  assert.equal(placed.start, '2026-12-03T07:00:00+00:00')
  // The engine reserves whole grid cells: 35 minutes on a 15-minute grid end at +45.
  assert.equal(placed.end, '2026-12-03T07:45:00+00:00')
  assert.equal(placed.inspectorId, '00000000-0000-0000-0000-000000001001')
  assert.throws(() => net.book(C1, '00000000-0000-0000-0000-0000000000b2', '2026-12-03T08:00:00+01:00', 35, ['VL']), code('SLOT_TAKEN'))
  assert.throws(() => net.book(C1, B1, '2026-12-04T08:00:00+01:00', 35, ['VL']), code('DUPLICATE_BOOKING'))
  assert.equal(net.release(C1, B1).bookingId, B1)
  assert.throws(() => net.release(C1, B1), code('UNKNOWN_BOOKING'))
})

test('booking errors carry their code', () => {
  const net = network()
  assert.throws(() => net.book(C1, B1, '2026-12-06T10:00:00+01:00', 35, ['VL']), code('OUTSIDE_OPENING_HOURS'))
  assert.throws(() => net.book(C1, B1, '2026-12-07T10:00:00+01:00', 35, ['GAS']), code('NO_QUALIFIED_INSPECTOR'))
  assert.throws(() => net.book('00000000-0000-0000-0000-00000000ffff', B1, '2026-12-07T10:00:00+01:00', 35, ['VL']), code('UNKNOWN_CENTRE'))
})

test('existing bookings take capacity', () => {
  const first = network().search(QUERY).find((h) => h.centreId === C1).slots[0]
  // `start` as an ISO string with its offset, or as a Date.
  for (const start of [first.start, new Date(first.start)]) {
    const net = new pti.Network(setup.centres, '2026-11-30', 30, [{
      centre_id: C1, booking_id: B1, inspector_id: '00000000-0000-0000-0000-000000001001',
      start, duration_minutes: 35,
    }])
    assert.notEqual(net.search(QUERY).find((h) => h.centreId === C1).slots[0].start, first.start)
    assert.deepEqual(net.displaced, [])
  }
})

test('an instant without offset is refused', () => {
  assert.throws(() => network().book(C1, B1, '2026-12-03T08:00:00', 35, ['VL']), code('ERR_INVALID_ARG_VALUE'))
})

test('wrong types and bad values throw, nothing crashes', () => {
  assert.throws(() => pti.parsePlate(undefined), code('StringExpected'))
  assert.throws(() => pti.parsePlate(null), code('StringExpected'))
  assert.throws(() => pti.parsePlate(42), code('StringExpected'))
  assert.throws(() => pti.generateSlots(setup.centres[0], 'not a day', 1, 35), code('ERR_INVALID_ARG_VALUE'))
  assert.throws(() => pti.generateSlots({ id: 'nope' }, '2026-11-30', 1, 35), code('ERR_INVALID_ARG_VALUE'))
  assert.throws(() => pti.generateSlots(setup.centres[0], '2026-11-30', -1, 35), code('ERR_INVALID_ARG_VALUE'))
  assert.throws(() => pti.generateSlots(setup.centres[0], '2026-11-30', NaN, 35), code('ERR_INVALID_ARG_VALUE'))
  assert.throws(() => pti.generateSlots(setup.centres[0], '2026-11-30', 1, 35.5), code('ERR_INVALID_ARG_VALUE'))
  assert.throws(() => network().search({ ...QUERY, sort: 'colour' }), code('ERR_INVALID_ARG_VALUE'))
  assert.throws(() => network().search({ ...QUERY, min_rating: NaN }), Error)
  assert.throws(() => network().search(undefined), Error)
  assert.throws(() => network().book(C1, B1, new Date(NaN), 35, ['VL']), code('ERR_INVALID_ARG_VALUE'))
  assert.throws(() => network().book(C1, B1, undefined, 35, ['VL']), Error)
  assert.throws(() => network().book(C1, B1, '2026-12-03T08:00:00+01:00', 35, ['XX']), code('ERR_INVALID_ARG_VALUE'))
  assert.throws(() => new pti.Network(null, '2026-11-30', 30), Error)
})

test('engine refusals have the stable code', () => {
  assert.throws(() => network().search({ ...QUERY, area: { radius: -1 } }), code('INVALID_RADIUS'))
  assert.throws(() => pti.parsePlate('AI-123-CD'), code('INVALID_PLATE'))
})

test('a network of thousands of centres and bookings is read whole, and a bad element is named', () => {
  // The constructor reads its arrays a chunk of 1024 elements at a time: 2,500 centres and
  // 2,500 bookings cross two chunk boundaries.
  const id = (n, tag) => `00000000-0000-0000-${tag}-${n.toString(16).padStart(12, '0')}`
  const start = '2026-12-03T07:00:00+00:00'
  const centres = Array.from({ length: 2500 }, (_, n) => ({ ...setup.centres[0], id: id(n, 'cccc') }))
  const bookings = centres.map((c, n) => ({
    centre_id: c.id, booking_id: id(n, 'bbbb'), inspector_id: setup.centres[0].inspectors[0].id,
    start, duration_minutes: 35,
  }))
  const net = new pti.Network(centres, '2026-11-30', 30, bookings)
  assert.equal(net.size, 2500)
  for (const n of [0, 1023, 1024, 2047, 2048, 2499]) {
    assert.throws(() => net.book(centres[n].id, B1, start, 35, ['VL']), code('SLOT_TAKEN'))
  }
  // A bad booking is named by its index and field, whatever is wrong with it.
  for (const [bad, message] of [
    [{ ...bookings[0], start: 'tomorrow' }, /#2100: start must be a Date or an ISO 8601 string/],
    [{ ...bookings[0], start: 42 }, /#2100: start must be a Date or an ISO 8601 string/],
    [{ ...bookings[0], start: new Date(NaN) }, /#2100: start is an invalid Date/],
    [{ ...bookings[0], inspector_id: undefined }, /#2100: inspector_id must be a UUID string/],
    [{ ...bookings[0], booking_id: 'b-1' }, /#2100: booking_id must be a UUID string/],
    [{ ...bookings[0], duration_minutes: NaN }, /#2100: duration_minutes must be a whole number/],
    [{ ...bookings[0], duration_minutes: '35' }, /#2100: duration_minutes must be a number/],
    [null, /#2100: the element must be an object/],
    ['booking', /#2100: the element must be an object/],
  ]) {
    const badBooking = bookings.map((b, n) => (n === 2100 ? bad : b))
    assert.throws(() => new pti.Network(centres, '2026-11-30', 30, badBooking),
      (e) => code('ERR_INVALID_ARG_VALUE')(e) && /^invalid existing booking/.test(e.message) && message.test(e.message))
  }
  const badCentre = centres.map((c, n) => (n === 1500 ? { ...c, grid_minutes: 'half an hour' } : c))
  assert.throws(() => new pti.Network(badCentre, '2026-11-30', 30, bookings),
    (e) => code('ERR_INVALID_ARG_VALUE')(e) && /invalid centre/.test(e.message))
  const stray = [...bookings, { ...bookings[0], centre_id: id(9999, 'cccc'), booking_id: id(9999, 'bbbb') }]
  assert.throws(() => new pti.Network(centres, '2026-11-30', 30, stray), code('UNKNOWN_CENTRE'))
})
