// The two ways a query crosses (index.js): the common query as numbers and one string
// (`searchFast`), any other as JSON (`searchRaw`). Both must give the same hits and the same
// refusals: every query is run both ways, the fast way being switched off for the second.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const native = require('../native.js')
const searchFast = native.Network.prototype.searchFast
let fastOff = false
let fastRuns = 0
native.Network.prototype.searchFast = function (...args) {
  if (fastOff) return null
  const text = searchFast.apply(this, args)
  if (text !== null) fastRuns++
  return text
}
const pti = require('../index.js')
const search = JSON.parse(readFileSync(new URL('../../../tests/vectors/search.json', import.meta.url), 'utf8'))

const BASE = {
  origin: { lat: 48.8566, lng: 2.3522 }, area: { radius: 50 },
  dates: { from: '2026-12-03', to: '2026-12-10' },
  category: 'VP', fuel: 'PETROL', control_type: 'CT', limit: 20, slots_per_centre: 3,
}
const variants = [
  {}, { sort: 'best' }, { sort: 'price' }, { not_before: '2026-12-05T09:00:00+01:00' }, { not_before: null },
  { category: 'VL' }, { control_type: 'CTP' }, { fuel: 'DIESEL' }, { limit: 1 }, { slots_per_centre: 50 },
  { origin: { lat: -0, lng: 2.3522 } }, { area: { radius: 1e-9 } }, { extra: 'ignored' },
  // refused, or not the common query
  { sort: 'colour' }, { sort: null }, { category: 'vp' }, { fuel: '' }, { limit: 0 }, { limit: 2.5 }, { limit: -1 },
  { limit: 100000 }, { area: { radius: -1 } }, { area: { radius: 50, x: 1 } }, { area: 'nearest' }, { area: {} },
  { origin: { lat: 95, lng: 2 } }, { origin: { lat: NaN, lng: 2 } }, { origin: [48.8, 2.3] },
  { dates: { from: '2026-12-10', to: '2026-12-03' } }, { dates: { from: '2026-13-01', to: '2026-12-03' } },
  { dates: { from: '2026-12-3', to: '2026-12-10' } }, { dates: { from: new Date(0), to: '2026-12-10' } },
  { not_before: 'yesterday' }, { not_before: new Date('2026-12-05T08:00:00Z') }, { min_rating: 4 },
  { tenant: null }, { time: undefined }, { limit: '20' },
]
const queries = [...search.cases.map((c) => c.query), ...variants.map((v) => ({ ...BASE, ...v })), undefined, null, 'x']

const run = (net, q) => {
  try {
    return { hits: net.search(q) }
  } catch (e) {
    return { code: e.code, message: e.message }
  }
}

test('the common query and JSON give the same hits and refusals', () => {
  const net = new pti.Network(search.setup.centres, search.setup.first_day, search.setup.days)
  for (const q of queries) {
    fastOff = false
    const fast = run(net, q)
    fastOff = true
    const json = run(net, q)
    assert.deepStrictEqual(fast, json, String(JSON.stringify(q)))
    assert.equal(JSON.stringify(fast), JSON.stringify(json))
  }
  assert.ok(fastRuns >= 20, `${fastRuns} queries went the fast way`)
})

test('a search with more numbers than the buffer holds grows it', () => {
  // 40 copies of the first centre: 40 hits of 50 slots, 3 numbers each.
  const centre = search.setup.centres[0]
  const centres = Array.from({ length: 40 }, (_, k) => ({ ...centre, id: `00000000-0000-0000-0000-0000000d${String(k).padStart(4, '0')}` }))
  const net = new pti.Network(centres, search.setup.first_day, search.setup.days)
  const q = { ...BASE, limit: 200, slots_per_centre: 50, dates: { from: '2026-12-01', to: '2026-12-29' } }
  const first = net.search(q)
  assert.ok(first.reduce((n, h) => n + h.slots.length, 0) * 3 > 1024, 'enough slots to grow the buffer')
  assert.deepStrictEqual(net.search(q), first)
  fastOff = true
  assert.deepStrictEqual(net.search(q), first)
  fastOff = false
})
