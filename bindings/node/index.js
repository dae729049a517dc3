// @pti-calendar/core: the package's entry point, written by hand.
//
// Everything is the native addon's (`native.js`, the loader napi generates) except
// `Network.prototype.search`, whose result objects are built here: the native `searchFast`
// (the common query, as numbers and one string) or `searchRaw` (any query, as JSON) writes the
// hits' numbers into a Float64Array reused by every call and returns their ids and instants in
// one string, and object literals build the plain `SearchHit`s (~3 µs for 20 hits of 3 slots,
// where `JSON.parse` of the same hits takes ~35 µs and napi pays 50-100 ns a property). The
// objects, their key order and `JSON.stringify(hit)` are those documented in index.d.ts.
'use strict'

const native = require('./native.js')

const { Network } = native
const searchRaw = Network.prototype.searchRaw
const searchFast = Network.prototype.searchFast

// The hits from `encode_hits`'s layout (src/lib.rs). Numbers: `n[0]` hits, `n[1]` distinct
// instants, `n[2]` the count of numbers for the hits, then per hit distanceKm, priceCents,
// rating, durationMinutes, slot count and per slot capacity, start, end (instants by index),
// then the length of each instant's text. Text: per hit centreId and tenantId (36 characters
// each), then the distinct instants.
function hitsFrom (n, text) {
  const count = n[0]
  const instantCount = n[1]
  // Arrays made at their length and filled (`push` grows them, a copy each time).
  const instants = new Array(instantCount)
  let p = 72 * count
  let i = 3 + n[2]
  for (let k = 0; k < instantCount; k++) {
    const end = p + n[i++]
    instants[k] = text.slice(p, end)
    p = end
  }
  const hits = new Array(count)
  p = 0
  i = 3
  for (let h = 0; h < count; h++) {
    const slotCount = n[i + 4]
    const slots = new Array(slotCount)
    let s = i + 5
    for (let k = 0; k < slotCount; k++, s += 3) {
      slots[k] = { start: instants[n[s + 1]], end: instants[n[s + 2]], capacity: n[s] }
    }
    hits[h] = {
      centreId: text.slice(p, p + 36),
      tenantId: text.slice(p + 36, p + 72),
      distanceKm: n[i],
      priceCents: n[i + 1],
      rating: n[i + 2],
      durationMinutes: n[i + 3],
      slots,
    }
    p += 72
    i = s
  }
  return hits
}

// The query crosses as the text of `JSON.stringify(query)` (so a `Date` in it counts as its
// ISO string), or as the object itself, read property by property, when there is no text or
// it holds a `null` (where a NaN or an infinity would hide: they must still be refused).
function queryText (query) {
  let text
  try {
    text = JSON.stringify(query)
  } catch {
    return null
  }
  return typeof text === 'string' && !text.includes('null') ? text : null
}

// The numbers of a search's hits, written by the native calls into one buffer reused by every
// call (grown when a search needs more: 3 + 200 hits × (5 + 50 slots × 5) numbers at most); it
// also carries the numbers of `searchFast`'s query.
let buffer = Buffer.alloc(8 * 1024)
let numbers = new Float64Array(buffer.buffer, buffer.byteOffset, 1024)

const finite = Number.isFinite
const whole = Number.isSafeInteger
const plain = (o) => typeof o === 'object' && o !== null && o.toJSON === undefined

// The common query (radius area, `not_before` or not, no other filter, plain numbers and
// strings) as `searchFast` reads it: its numbers into `numbers`, its texts returned one after
// the other; `undefined` for any other query, which goes as JSON. What it accepts,
// `JSON.stringify` and serde would read the same: the engine's serde reads each text, and a
// text it refuses (an unknown code) sends the query the JSON way, whose error says why.
function fastQuery (q) {
  if (!plain(q) || q.tenant !== undefined || q.max_price !== undefined ||
      q.min_rating !== undefined || q.time !== undefined) return
  const { origin, area, dates, category, fuel, sort, limit } = q
  let notBefore = q.not_before
  if (notBefore === null) notBefore = undefined // null is None to serde too
  if (notBefore !== undefined && typeof notBefore !== 'string') return
  const control = q.control_type
  const slots = q.slots_per_centre
  if (!plain(origin) || !plain(area) || !plain(dates)) return
  const { lat, lng } = origin
  const { radius } = area
  const { from, to } = dates
  if (!finite(lat) || !finite(lng) || !finite(radius) || !whole(limit) || !whole(slots) ||
      limit < 0 || slots < 0 || typeof category !== 'string' || typeof fuel !== 'string' ||
      typeof control !== 'string' || typeof from !== 'string' || typeof to !== 'string' ||
      (sort !== undefined && typeof sort !== 'string')) return
  // An enum in JSON is an object of exactly one key.
  let keys = 0
  for (const key in area) if (Object.hasOwn(area, key)) keys++
  if (keys !== 1) return
  const n = numbers
  n[0] = lat + 0 // -0 is written 0 in JSON
  n[1] = lng + 0
  n[2] = radius + 0
  n[3] = limit
  n[4] = slots
  n[5] = category.length
  n[6] = fuel.length
  n[7] = control.length
  n[8] = sort === undefined ? -1 : sort.length
  n[9] = from.length
  n[10] = to.length
  n[11] = notBefore === undefined ? -1 : notBefore.length
  let text = category + fuel + control
  if (sort !== undefined) text += sort
  text += from + to
  return notBefore === undefined ? text : text + notBefore
}

function run (network, query) {
  let fast
  try {
    fast = fastQuery(query)
  } catch {
    fast = undefined // a getter that throws: JSON's way says so
  }
  if (fast !== undefined) {
    const text = searchFast.call(network, buffer, fast)
    if (text !== null) return text
  }
  return searchRaw.call(network, buffer, queryText(query), query)
}

Object.defineProperty(Network.prototype, 'search', {
  configurable: true,
  enumerable: false,
  writable: true,
  value: function search (query) {
    let text = run(this, query)
    if (numbers[0] < 0) {
      const length = -numbers[0]
      buffer = Buffer.alloc(8 * length)
      numbers = new Float64Array(buffer.buffer, buffer.byteOffset, length)
      text = run(this, query)
    }
    return hitsFrom(numbers, text)
  },
})

// The addon's exports, `search` now included. Written as a re-export so that Node's CommonJS
// named-export detection (cjs-module-lexer) follows it to native.js: `import { Network } from
// '@pti-calendar/core'` works from ES modules.
module.exports = require('./native.js')
