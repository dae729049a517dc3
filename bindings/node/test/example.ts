// A typed example, checked by `tsc --noEmit` against the generated declarations.
import { Network, parsePlate, generateSlots, type ExistingBooking, type SearchHit, type Placement, type Plate, type Slot } from '../index.js'

const plate: Plate = parsePlate('ab123cd')
const format: 'siv' | 'fni' = plate.format
const centre: Record<string, unknown> = {
  id: '00000000-0000-0000-0000-00000000c001',
  tenant_id: '00000000-0000-0000-0000-000000000001',
  agency_id: '00000000-0000-0000-0000-0000000000a1',
  name: 'CT 1',
  location: { lat: 48.8566, lng: 2.3522 },
  opening_hours: [{ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', dtstart: '2024-01-01T08:00:00', duration_minutes: 240 }],
  inspectors: [{ id: '00000000-0000-0000-0000-000000001001', name: 'Marie', agreements: ['VL'] }],
}
const slots: Slot[] = generateSlots(centre, '2026-11-30', 1, 35)
const network = new Network([centre], '2026-11-30', 30)
const booked: ExistingBooking = {
  centre_id: '00000000-0000-0000-0000-00000000c001', booking_id: '00000000-0000-0000-0000-0000000000b9',
  inspector_id: '00000000-0000-0000-0000-000000001001', start: new Date('2026-12-01T08:00:00+01:00'), duration_minutes: 35,
}
const busy = new Network([centre], '2026-11-30', 30, [booked])
console.log(busy.displaced.length)
const hits: SearchHit[] = network.search({
  origin: { lat: 48.8566, lng: 2.3522 }, area: { radius: 20 },
  dates: { from: '2026-11-30', to: '2026-12-04' },
  category: 'VP', fuel: 'DIESEL', control_type: 'CT', limit: 20, slots_per_centre: 3,
})
const first = hits[0]
if (first !== undefined && first.slots[0] !== undefined) {
  const placed: Placement = network.book(first.centreId, '00000000-0000-0000-0000-0000000000b1', first.slots[0].start, first.durationMinutes, ['VL'])
  const end: string = placed.end
  network.release(first.centreId, placed.bookingId)
  console.log(format, slots.length, end, network.size, network.displaced.length, first.distanceKm.toFixed(1))
}

// Rules, access control and places.
import { checkTiming, cancellationQuote, defaultBookingPolicy, authorize, fillLevel, Gazetteer, type BookingPolicy, type Refund, type FillLevel, type Place } from '../index.js'

const policy: BookingPolicy = { ...defaultBookingPolicy(), minNoticeMinutes: 60 }
try {
  checkTiming(policy, new Date(), '2026-12-03T08:00:00+01:00')
} catch (e) {
  if (e instanceof Error && 'code' in e && e.code === 'NOTICE_TOO_SHORT') console.log('too soon')
}
const fill: FillLevel = fillLevel(policy, 30, 27)
authorize({ role: 'SUPER_ADMIN' }, 'read', { kind: 'rdv' })
const quote = (booking: Record<string, unknown>): Refund => cancellationQuote(policy, new Date(), booking, 7500)
const places = Gazetteer.fromCsv('insee;name;postcodes;departement;population;lat;lng;precision\n')
const found: Place[] = places.suggest('mars', 5)
console.log(fill.warn, typeof quote, found.length, places.size)
