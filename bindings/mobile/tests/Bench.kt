// Overhead of the uniffi binding from Kotlin on the JVM (JNA, as on Android): one national-scale
// search (the benches crate's `national(6000)` data rebuilt from the same SplitMix64 seed, as
// bindings/bench_data.py does), Paris, 50 km, 20 centres x 3 slots; compare with criterion's
// `search/national_6000_paris_50km_20x3`. Needs the release library (see bindings/mobile/bench.py).
// Usage: java -Xmx6g -Djna.library.path=<dir of the release libpti_calendar_mobile.so> -cp ... BenchKt [centres]

import fr.pticalendar.core.*
import java.time.LocalDate

class Rng(private var state: Long) {
    fun unit(): Double {
        state += -0x61c8864680b583ebL // 0x9E3779B97F4A7C15
        var z = state
        z = (z xor (z ushr 30)) * -0x40a7b892e31b1a47L // 0xBF58476D1CE4E5B9
        z = (z xor (z ushr 27)) * -0x6b2fb644ecceee15L // 0x94D049BB133111EB
        return ((z xor (z ushr 31)) ushr 11).toDouble() / (1L shl 53).toDouble()
    }
}

fun uid(n: Long): String {
    val h = n.toString(16).padStart(32, '0')
    return "${h.substring(0, 8)}-${h.substring(8, 12)}-${h.substring(12, 16)}-${h.substring(16, 20)}-${h.substring(20)}"
}

val slotTimes = listOf(8, 9, 10, 11, 14, 15, 16, 17).flatMap { h -> listOf(h to 0, h to 30) }

/**
 * national(n): centres as JSON text, the same draws in the same order; the slots taken by the
 * 3.7 million existing bookings are written as the inspectors' blocks, where the same search
 * finds the same slots taken: as one `List<String>`, the bookings would need a RustBuffer over
 * 2 GiB (uniffi's Kotlin sizes a string at 3 bytes a character), which a Java ByteBuffer
 * cannot hold.
 */
fun national(n: Int): Pair<List<String>, Int> {
    // The whole horizon (2026-11-30 to 2027-02-27) is winter time in Paris: UTC+1.
    val weekdays = (0 until 90).map { LocalDate.of(2026, 11, 30).plusDays(it.toLong()) }
        .filter { it.dayOfWeek.value <= 5 }
        .map { day -> slotTimes.map { (h, m) -> "${day}T%02d:%02d:00Z".format(h - 1, m) to "${day}T%02d:%02d:00Z".format(if (m == 30) h else h - 1, (m + 30) % 60) } }
    val rng = Rng(42)
    val centres = ArrayList<String>(n)
    var taken = 0
    for (i in 1..n) {
        val lat = 42.5 + rng.unit() * 8.5
        val lng = -4.5 + rng.unit() * 12.5
        val cents = 6500 + Math.round(rng.unit() * 3000)
        val id = uid(i.toLong())
        val inspectors = (0..1).map { uid(i * 2L + it) }
        val blocks = inspectors.map { StringBuilder() }
        for (slots in weekdays) for ((k, ins) in inspectors.withIndex()) for ((start, end) in slots) {
            val isTaken = rng.unit() < 0.30
            val blocked = rng.unit() < 0.01
            if (isTaken) taken++
            if (isTaken || blocked) {
                if (blocks[k].isNotEmpty()) blocks[k].append(',')
                blocks[k].append("""{"start":"$start","end":"$end"}""")
            }
        }
        val window = { h: Int -> """{"rrule":"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR","dtstart":"2026-11-30T%02d:00:00","duration_minutes":240}""".format(h) }
        val tenant = uid(1L + i % 600)
        val inspectorsJson = inspectors.withIndex().joinToString(",") { (k, ins) ->
            """{"id":"$ins","name":"Controleur $i-$k","agreements":["VL"],"blocks":[${blocks[k]}]}"""
        }
        centres.add("""{"id":"$id","tenant_id":"$tenant","agency_id":"$tenant","name":"Centre CT $i",""" +
            """"location":{"lat":$lat,"lng":$lng},"rating":4.0,"opening_hours":[${window(8)},${window(14)}],""" +
            """"holidays":{"closed_on_public_holidays":false,"alsace_moselle":false},"grid_minutes":30,""" +
            """"durations":{"overrides":[{"control_type":"CT","category":"VP","fuel":null,"minutes":30}]},""" +
            """"offers":[{"control_type":"CT","category":"VP","price":{"gross":$cents,"vat_rate":2000}}],""" +
            """"inspectors":[$inspectorsJson]}""")
    }
    return centres to taken
}

fun timeit(f: () -> Unit, minMs: Long = 3000): Pair<Double, Int> {
    repeat(2000) { f() } // JIT
    var calls = 0
    val t0 = System.nanoTime()
    var ns: Long
    do {
        repeat(100) { f() }
        calls += 100
        ns = System.nanoTime() - t0
    } while (ns < minMs * 1_000_000)
    return ns / 1e3 / calls to calls
}

fun main(args: Array<String>) {
    val n = args.firstOrNull()?.toInt() ?: 6000
    var t = System.nanoTime()
    var (centres, taken) = national(n)
    val tData = (System.nanoTime() - t) / 1e9
    t = System.nanoTime()
    val network = Network(centres, "2026-11-30", 90u)
    println("national($n): data %.1f s in Kotlin, Network() %.2f s, %d taken slots as blocks"
        .format(tData, (System.nanoTime() - t) / 1e9, taken))
    centres = listOf()
    System.gc()
    val query = """{"origin":{"lat":48.8566,"lng":2.3522},"area":{"radius":50},"dates":{"from":"2026-12-03","to":"2026-12-10"},""" +
        """"category":"VP","fuel":"PETROL","control_type":"CT","sort":"distance","limit":20,"slots_per_centre":3}"""
    for ((name, q) in listOf("20x3" to query, "best" to query.replace("distance", "best"))) {
        val hits = network.search(q)
        val (per, calls) = timeit({ network.search(q) })
        println("search/national_${n}_paris_50km_$name through uniffi (Kotlin, JVM): %.1f µs per call (%d calls, %d hits, %d slots; first %s %s)"
            .format(per, calls, hits.size, hits.sumOf { it.slots.size }, hits.first().centreId, hits.first().slots.first().start))
    }
    val (per, calls) = timeit({ network.size() })
    println("Network.size() through uniffi (Kotlin, JVM), the floor of a call: %.2f µs (%d calls)".format(per, calls))
    // Where the floor goes (this file is compiled with the generated bindings, so their
    // internals are visible): a JNA call with no argument, and the call-status structure that
    // uniffi's Kotlin makes for each of the two FFI calls of a method (clone the handle, call).
    val (bare, _) = timeit({ IntegrityCheckingUniffiLib.ffi_pti_calendar_mobile_uniffi_contract_version() })
    println("  a JNA direct call with no argument: %.2f µs".format(bare))
    val (status, _) = timeit({ UniffiRustCallStatus() })
    println("  a new UniffiRustCallStatus (JNA Structure): %.2f µs".format(status))
}
