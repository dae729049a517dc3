// Binding overhead from Node: one national-scale search (6000 centres, the benches crate's
// `national(6000)` data rebuilt with the public API from the same SplitMix64 seed), Paris,
// 50 km, 20 centres x 3 slots, sorted by distance and by "best", against the same searches in
// Rust. The Rust side is the benches crate's `search_loop --stdin` (same data, same queries),
// run in rounds alternating with this file's: the machines measured here drift by up to 1.7x
// within minutes, so only times taken seconds apart are compared.
// Usage, after a release build of the addon (`npm run build` in bindings/node) and of the
// example (`cargo build --release -p pti-benches --example search_loop`):
//   node --expose-gc bindings/node/bench.mjs [centres]
// The example is looked for in $PTI_SEARCH_LOOP, else $CARGO_TARGET_DIR/release/examples,
// else target/release/examples; without it only Node's times are printed.
// The data (3.7 million bookings as JS objects, ~6 GB of heap) is garbage once the network is
// built: with --expose-gc it is collected and V8's background sweeping given 5 s to finish before
// the timed calls, which it would otherwise slow down 2-3x on 2 cores (the engine's own search
// included).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { Network } = require('./index.js')
const n = Number(process.argv[2] ?? 6000)
const MASK = (1n << 64n) - 1n

class Rng {
  constructor (seed) { this.state = BigInt(seed) }
  unit () {
    this.state = (this.state + 0x9E3779B97F4A7C15n) & MASK
    let z = this.state
    z = ((z ^ (z >> 30n)) * 0xBF58476D1CE4E5B9n) & MASK
    z = ((z ^ (z >> 27n)) * 0x94D049BB133111EBn) & MASK
    return Number((z ^ (z >> 31n)) >> 11n) / 2 ** 53
  }
}

const uid = (i) => {
  const h = i.toString(16).padStart(32, '0')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
const SLOT_TIMES = [8, 9, 10, 11, 14, 15, 16, 17].flatMap((h) => [[h, 0], [h, 30]])

function national (count) {
  const rng = new Rng(42)
  const centres = []
  const bookings = []
  let next = 0
  for (let i = 1; i <= count; i++) {
    const lat = 42.5 + rng.unit() * 8.5
    const lng = -4.5 + rng.unit() * 12.5
    const window = (h) => ({ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', dtstart: `2026-11-30T${String(h).padStart(2, '0')}:00:00`, duration_minutes: 240 })
    const cents = 6500 + Math.round(rng.unit() * 3000)
    const c = {
      id: uid(i), tenant_id: uid(1 + i % 600), agency_id: uid(1 + i % 600), name: `Centre CT ${i}`,
      location: { lat, lng }, rating: 4.0, opening_hours: [window(8), window(14)],
      holidays: { closed_on_public_holidays: false, alsace_moselle: false }, grid_minutes: 30,
      durations: { overrides: [{ control_type: 'CT', category: 'VP', fuel: null, minutes: 30 }] },
      offers: [{ control_type: 'CT', category: 'VP', price: { gross: cents, vat_rate: 2000 } }],
      inspectors: [0, 1].map((k) => ({ id: uid(i * 2 + k), name: `Controleur ${i}-${k}`, agreements: ['VL'], blocks: [] })),
    }
    for (let d = 0; d < 90; d++) {
      const day = new Date(Date.UTC(2026, 10, 30 + d))
      if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue
      for (const ins of c.inspectors) {
        for (const [h, m] of SLOT_TIMES) {
          // The whole horizon (2026-11-30 to 2027-02-27) is winter time in Paris: UTC+1.
          const start = new Date(day.getTime() + ((h - 1) * 60 + m) * 60000)
          const taken = rng.unit() < 0.30
          const blocked = rng.unit() < 0.01
          if (taken) {
            bookings.push({ centre_id: c.id, booking_id: uid(++next), inspector_id: ins.id, start: start.toISOString(), duration_minutes: 30 })
          } else if (blocked) {
            ins.blocks.push({ start: start.toISOString(), end: new Date(start.getTime() + 1800000).toISOString() })
          }
        }
      }
    }
    centres.push(c)
  }
  return { centres, bookings }
}

function timeit (f, minMs = 2000) {
  for (let i = 0; i < 100; i++) f()
  let calls = 0
  let ns = 0
  const t0 = process.hrtime.bigint()
  do {
    for (let i = 0; i < 100; i++) f()
    calls += 100
    ns = Number(process.hrtime.bigint() - t0)
  } while (ns / 1e6 < minMs)
  return { per: ns / 1e3 / calls, calls }
}

function build () {
  let t = performance.now()
  const { centres, bookings } = national(n)
  const tData = performance.now() - t
  t = performance.now()
  const net = new Network(centres, '2026-11-30', 90, bookings)
  console.log(`national(${n}): data ${(tData / 1000).toFixed(1)} s in JS, new Network() ${((performance.now() - t) / 1000).toFixed(2)} s, ${bookings.length} existing bookings, ${net.displaced.length} displaced`)
  return net
}

// The Rust side, started first: it builds its own copy of the data (a second or two).
const loopPath = process.env.PTI_SEARCH_LOOP ??
  `${process.env.CARGO_TARGET_DIR ?? new URL('../../target', import.meta.url).pathname}/release/examples/search_loop`
const rust = existsSync(loopPath) ? spawn(loopPath, ['--stdin'], { stdio: ['pipe', 'pipe', 'inherit'] }) : null
const answers = rust && createInterface({ input: rust.stdout })[Symbol.asyncIterator]()
const rustTime = async (calls, sort) => {
  rust.stdin.write(`${calls} ${sort}\n`)
  return Number((await answers.next()).value)
}
if (rust) await rustTime(1, 'distance')
else console.log(`(no ${loopPath}: Node's times only)`)

const net = build()
if (globalThis.gc) {
  globalThis.gc()
  await new Promise((resolve) => setTimeout(resolve, 5000))
} else {
  console.log('(no --expose-gc: the data built is still being collected while timing)')
}
const query = {
  origin: { lat: 48.8566, lng: 2.3522 }, area: { radius: 50 }, dates: { from: '2026-12-03', to: '2026-12-10' },
  category: 'VP', fuel: 'PETROL', control_type: 'CT', sort: 'distance', limit: 20, slots_per_centre: 3,
}
const best = { ...query, sort: 'best' }
// Forty rounds of ~150 ms a side, alternating Node and Rust and the two queries; the
// medians of Node's times, of Rust's and of each round's ratio, and the range of the ratios.
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
const rounds = { distance: [], best: [] }
for (let round = 0; round < 40; round++) {
  for (const [name, q] of [['distance', query], ['best', best]]) {
    const node = timeit(() => net.search(q), 150).per
    const native = rust ? await rustTime(Math.ceil(150_000 / node), name) : NaN
    rounds[name].push({ node, native, ratio: node / native })
  }
}
rust?.stdin.end()
for (const [name, q] of [['distance', query], ['best', best]]) {
  const hits = net.search(q)
  const r = rounds[name]
  const ratios = r.map((x) => x.ratio)
  console.log(`search/national_${n}_paris_50km_${name === 'distance' ? '20x3' : name} (${hits.length} hits): ` +
    `Node ${median(r.map((x) => x.node)).toFixed(1)} µs, Rust ${median(r.map((x) => x.native)).toFixed(1)} µs, ` +
    `Node/Rust ${median(ratios).toFixed(2)}x (rounds: ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}x)`)
}
// Where the time goes: the query's text, the native call alone (search, encoding, crossing) and
// a napi call that does nothing (a getter).
// (`searchRaw`: this branch's native call; a bench of an older branch skips that line.)
const text = JSON.stringify(query)
const buffer = Buffer.alloc(8 * 4096)
let r = timeit(() => JSON.stringify(query), 500)
console.log(`  JSON.stringify(query): ${r.per.toFixed(2)} µs`)
if (net.searchRaw) {
  r = timeit(() => net.searchRaw(buffer, text, query), 1000)
  console.log(`  native searchRaw (20x3, JSON query, no JS objects built) alone: ${r.per.toFixed(1)} µs`)
}
r = timeit(() => net.size, 500)
console.log(`  napi call floor (Network.size): ${r.per.toFixed(2)} µs`)
