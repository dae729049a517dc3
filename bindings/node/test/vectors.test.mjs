// Every case of tests/vectors/{plates,slots,search}.json, as the Rust runner reads them.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const pti = require('../index.js')
const load = (name) =>
  JSON.parse(readFileSync(new URL(`../../../tests/vectors/${name}`, import.meta.url), 'utf8'))

const plates = load('plates.json').cases
const slots = load('slots.json').cases
const search = load('search.json')

test('every vector file is here', () => {
  assert.ok(plates.length >= 30 && slots.length >= 25 && search.cases.length >= 20)
})

for (const c of plates) {
  test(`plates: ${c.name}`, () => {
    if (c.expected.error) {
      assert.throws(() => pti.parsePlate(c.input), (e) => e instanceof Error && e.code === c.expected.error)
    } else {
      const plate = pti.parsePlate(c.input)
      assert.equal(plate.canonical, c.expected.ok)
      assert.equal(plate.format, c.expected.format)
    }
  })
}

for (const c of slots) {
  test(`slots: ${c.name}`, () => {
    const { centre, first_day, days, duration_minutes } = c.input
    const e = c.expected
    if (e.error) {
      assert.throws(() => pti.generateSlots(centre, first_day, days, duration_minutes), (err) => err.code === e.error)
      return
    }
    const got = pti.generateSlots(centre, first_day, days, duration_minutes)
    const starts = got.map((s) => s.start)
    for (const s of got) assert.equal(Date.parse(s.end) - Date.parse(s.start), duration_minutes * 60000)
    if (e.count !== undefined) assert.equal(starts.length, e.count)
    if (e.slots) assert.deepEqual(starts, e.slots)
    if (e.first) assert.equal(starts[0], e.first)
    if (e.last) assert.equal(starts.at(-1), e.last)
    if (e.last_end) assert.equal(got.at(-1).end, e.last_end)
    for (const s of e.includes ?? []) assert.ok(starts.includes(s), `missing ${s}`)
    for (const s of e.excludes ?? []) assert.ok(!starts.includes(s), `unexpected ${s}`)
    if (e.per_day) {
      const counts = {}
      for (const s of starts) counts[s.slice(0, 10)] = (counts[s.slice(0, 10)] ?? 0) + 1
      for (const [day, want] of Object.entries(e.per_day)) assert.equal(counts[day] ?? 0, want, day)
    }
  })
}

const { setup } = search
const network = new pti.Network(setup.centres, setup.first_day, setup.days)
for (const b of setup.bookings) {
  network.book(b.centre_id, b.booking_id, b.start, b.duration_minutes, b.agreements)
}

for (const c of search.cases) {
  test(`search: ${c.name}`, () => {
    if (c.expected.error) {
      assert.throws(() => network.search(c.query), (e) => e.code === c.expected.error)
      return
    }
    const hits = network.search(c.query)
    assert.deepEqual(hits.map((h) => h.centreId), c.expected.hits.map((h) => h.centre_id))
    hits.forEach((hit, i) => {
      const want = c.expected.hits[i]
      assert.ok(Math.abs(hit.distanceKm - want.distance_km) < 1e-3)
      assert.equal(hit.priceCents, want.price_cents)
      assert.equal(hit.durationMinutes, want.duration_minutes)
      assert.deepEqual(hit.slots.map((s) => s.start), want.slots)
    })
  })
}
