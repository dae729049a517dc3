// Every file of tests/vectors/ through the generated Kotlin bindings, on the JVM (JNA).
// Usage: java -Djna.library.path=<dir of libpti_calendar_mobile.so> -cp ... VectorsTestKt <vectors dir>
// Prints one line per failure and closes with "N passed, N failed"; exits 1 on any failure.

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import fr.pticalendar.core.*
import java.io.File
import java.time.OffsetDateTime
import kotlin.system.exitProcess

var passed = 0
var failed = 0

fun check(name: String, body: () -> Unit) {
    try {
        body()
        passed++
    } catch (e: Throwable) {
        failed++
        println("FAIL $name: $e")
    }
}

fun expect(ok: Boolean, what: () -> String) {
    if (!ok) throw AssertionError(what())
}

fun <T> eq(got: T, want: T, what: String = "") = expect(got == want) { "$what: got $got, want $want" }

/** The stable code of any engine error. */
val PtiException.code: String
    get() = when (this) {
        is PtiException.InvalidInput -> code
        is PtiException.Booking -> code
        is PtiException.AccessDenied -> code
        is PtiException.NotFound -> code
    }

/** Runs [body], expecting a [PtiException] with [code]; returns it. */
fun throws(code: String, body: () -> Unit): PtiException {
    try {
        body()
    } catch (e: PtiException) {
        eq(e.code, code, "error code")
        return e
    }
    throw AssertionError("expected $code, got no error")
}

fun JsonObject.str(key: String): String? = get(key)?.takeUnless { it.isJsonNull }?.asString
fun JsonObject.uint(key: String): UInt = get(key).asLong.toUInt()
fun instant(text: String): OffsetDateTime = OffsetDateTime.parse(text)

fun plates(dir: File) {
    val cases = JsonParser.parseString(File(dir, "plates.json").readText()).asJsonObject["cases"].asJsonArray
    expect(cases.size() >= 30) { "plates.json has ${cases.size()} cases" }
    for (c in cases.map { it.asJsonObject }) check("plates: ${c.str("name")}") {
        val e = c["expected"].asJsonObject
        val err = e.str("error")
        if (err != null) throws(err) { parsePlate(c.str("input")!!) }
        else {
            val plate = parsePlate(c.str("input")!!)
            eq(plate.canonical, e.str("ok"))
            eq(plate.format.name.lowercase(), e.str("format"))
        }
    }
}

fun slots(dir: File) {
    val cases = JsonParser.parseString(File(dir, "slots.json").readText()).asJsonObject["cases"].asJsonArray
    expect(cases.size() >= 25) { "slots.json has ${cases.size()} cases" }
    for (c in cases.map { it.asJsonObject }) check("slots: ${c.str("name")}") {
        val i = c["input"].asJsonObject
        val e = c["expected"].asJsonObject
        val call = { generateSlots(i["centre"].toString(), i.str("first_day")!!, i.uint("days"), i.uint("duration_minutes")) }
        val err = e.str("error")
        if (err != null) {
            throws(err) { call() }
            return@check
        }
        val got = call()
        val starts = got.map { it.start }
        e["count"]?.let { eq(starts.size, it.asInt, "count") }
        e["slots"]?.let { list -> eq(starts, list.asJsonArray.map { it.asString }, "slots") }
        e.str("first")?.let { eq(starts.first(), it, "first") }
        e.str("last")?.let { eq(starts.last(), it, "last") }
        e.str("last_end")?.let { eq(got.last().end, it, "last_end") }
        e["includes"]?.asJsonArray?.forEach { s -> expect(s.asString in starts) { "missing ${s.asString}" } }
        e["excludes"]?.asJsonArray?.forEach { s -> expect(s.asString !in starts) { "unexpected ${s.asString}" } }
        e["per_day"]?.asJsonObject?.entrySet()?.forEach { (day, n) ->
            eq(starts.count { it.startsWith(day) }, n.asInt, day)
        }
    }
}

fun search(dir: File) {
    val file = JsonParser.parseString(File(dir, "search.json").readText()).asJsonObject
    val setup = file["setup"].asJsonObject
    val network = Network(setup["centres"].asJsonArray.map { it.toString() }, setup.str("first_day")!!, setup.uint("days"))
    for (b in setup["bookings"].asJsonArray.map { it.asJsonObject }) {
        network.book(b.str("centre_id")!!, b.str("booking_id")!!, b.str("start")!!, b.uint("duration_minutes"),
            b["agreements"].asJsonArray.map { it.asString })
    }
    val cases = file["cases"].asJsonArray
    expect(cases.size() >= 20) { "search.json has ${cases.size()} cases" }
    for (c in cases.map { it.asJsonObject }) check("search: ${c.str("name")}") {
        val e = c["expected"].asJsonObject
        val err = e.str("error")
        if (err != null) {
            throws(err) { network.search(c["query"].toString()) }
            return@check
        }
        val hits = network.search(c["query"].toString())
        val want = e["hits"].asJsonArray.map { it.asJsonObject }
        eq(hits.map { it.centreId }, want.map { it.str("centre_id") }, "centres")
        for ((hit, w) in hits.zip(want)) {
            expect(Math.abs(hit.distanceKm - w["distance_km"].asDouble) < 1e-3) { "distance ${hit.distanceKm}" }
            eq(hit.priceCents, w["price_cents"].asLong, "price")
            eq(hit.durationMinutes, w.uint("duration_minutes"), "duration")
            eq(hit.slots.map { it.start }, w["slots"].asJsonArray.map { it.asString }, "slots")
        }
    }
    check("search: book, refuse, release") {
        val c1 = "00000000-0000-0000-0000-00000000c001"
        val b1 = "00000000-0000-0000-0000-0000000000b1"
        val net = Network(setup["centres"].asJsonArray.map { it.toString() }, "2026-11-30", 30u)
        eq(net.book(c1, b1, "2026-12-03T08:00:00+01:00", 35u, listOf("VL")).start, "2026-12-03T07:00:00+00:00")
        throws("SLOT_TAKEN") { net.book(c1, "00000000-0000-0000-0000-0000000000b2", "2026-12-03T08:00:00+01:00", 35u, listOf("VL")) }
        eq(net.release(c1, b1).bookingId, b1)
        throws("UNKNOWN_BOOKING") { net.release(c1, b1) }
        throws("INVALID_ARGUMENT") { net.book(c1, b1, "2026-12-03T08:00:00", 35u, listOf("VL")) }
        net.close()
    }
}

/** A policy: the defaults, with the fields the case overrides. */
fun policyOf(p: JsonObject?): BookingPolicy {
    var policy = BookingPolicy()
    p?.entrySet()?.forEach { (k, v) ->
        policy = when (k) {
            "min_notice_minutes" -> policy.copy(minNoticeMinutes = v.asLong.toUInt())
            "horizon_days" -> policy.copy(horizonDays = v.asLong.toUInt())
            "modification_deadline_hours" -> policy.copy(modificationDeadlineHours = v.asLong.toUInt())
            "cancellation_deadline_hours" -> policy.copy(cancellationDeadlineHours = v.asLong.toUInt())
            "refund_before_deadline_percent" -> policy.copy(refundBeforeDeadlinePercent = v.asLong.toUInt())
            "refund_after_deadline_percent" -> policy.copy(refundAfterDeadlinePercent = v.asLong.toUInt())
            "late_cancellation_allowed" -> policy.copy(lateCancellationAllowed = v.asBoolean)
            "recheck_window_months" -> policy.copy(recheckWindowMonths = v.asLong.toUInt())
            "overbooking_percent" -> policy.copy(overbookingPercent = v.asLong.toUInt())
            "fill_warning_percent" -> policy.copy(fillWarningPercent = v.asLong.toUInt())
            "hold_minutes" -> policy.copy(holdMinutes = v.asLong.toUInt())
            else -> throw AssertionError("unknown policy field $k")
        }
    }
    return policy
}

/** One case of rules.json, as the Rust runner reads it: `true` or the computed values. */
fun runRule(check: String, i: JsonObject): Any {
    val policy = policyOf(i["policy"]?.asJsonObject)
    when (check) {
        "timing" -> checkTiming(policy, i.str("now")!!, i.str("start")!!)
        "new_booking" -> checkNewBooking(policy, i.str("now")!!, i["centre"].toString(), i["vehicle"].toString(),
            i.str("control_type")!!, i.str("start")!!, i["last_periodic"].toString(), i["bookings"].asJsonArray.map { it.toString() })
        "modification" -> checkModification(policy, i.str("now")!!, i["booking"].toString(), i.str("new_start")!!)
        "cancellation" -> {
            val r = cancellationQuote(policy, i.str("now")!!, i["booking"].toString(), i["paid_cents"].asLong)
            return mapOf("amount_cents" to r.amountCents, "percent" to r.percent.toLong(),
                "before_deadline" to r.beforeDeadline, "deadline" to instant(r.deadline).toInstant())
        }
        "drop_off" -> checkDropOff(policy, i.uint("daily_capacity"), i.uint("bookings"))
        "fill" -> {
            val f = fillLevel(policy, i.uint("daily_capacity"), i.uint("bookings"))
            return mapOf("percent" to f.percent.toLong(), "warn" to f.warn, "full" to f.full)
        }
        "policy" -> validateBookingPolicy(policy)
        else -> throw AssertionError("unknown check $check")
    }
    return true
}

fun expectedOk(check: String, ok: JsonElement): Any = when {
    ok.isJsonPrimitive -> ok.asBoolean
    check == "cancellation" -> ok.asJsonObject.let {
        mapOf("amount_cents" to it["amount_cents"].asLong, "percent" to it["percent"].asLong,
            "before_deadline" to it["before_deadline"].asBoolean, "deadline" to instant(it.str("deadline")!!).toInstant())
    }
    else -> ok.asJsonObject.let {
        mapOf("percent" to it["percent"].asLong, "warn" to it["warn"].asBoolean, "full" to it["full"].asBoolean)
    }
}

/** The facts of a booking refusal, as the Python and Node bindings give them. */
fun checkFacts(refusal: PtiException, i: JsonObject, e: JsonObject) {
    val f = (refusal as? PtiException.Booking)?.facts ?: throw AssertionError("not a Booking refusal: $refusal")
    for ((key, got) in listOf("earliest" to f.earliest, "latest" to f.latest, "deadline" to f.deadline)) {
        e.str(key)?.let { want -> eq(got?.let { instant(it).toInstant() }, instant(want).toInstant(), key) }
    }
    e.str("closed_on")?.let { eq(f.closedOn, it, "closed_on") }
    e["limit"]?.let { eq(f.limit, it.asInt.toUInt(), "limit") }
    when (e.str("error")) {
        "VEHICLE_ALREADY_BOOKED" -> expect(i["bookings"].asJsonArray.any { it.asJsonObject.str("id") == f.bookingId }) {
            "booking_id: ${f.bookingId}"
        }
        "BOOKING_NOT_MODIFIABLE" -> eq(f.status, i["booking"].asJsonObject.str("status"), "status")
    }
    val set = mapOf("earliest" to f.earliest, "latest" to f.latest, "deadline" to f.deadline, "closed_on" to f.closedOn,
        "limit" to f.limit, "booking_id" to f.bookingId, "status" to f.status).filterValues { it != null }.keys
    val want = mapOf("NOTICE_TOO_SHORT" to "earliest", "BEYOND_HORIZON" to "latest", "DEADLINE_PASSED" to "deadline",
        "RECHECK_WINDOW_EXPIRED" to "closed_on", "OVERBOOKING_LIMIT_REACHED" to "limit",
        "VEHICLE_ALREADY_BOOKED" to "booking_id", "BOOKING_NOT_MODIFIABLE" to "status")[e.str("error")]
    eq(set, setOfNotNull(want), "facts set")
}

fun rules(dir: File) {
    val cases = JsonParser.parseString(File(dir, "rules.json").readText()).asJsonObject["cases"].asJsonArray
    expect(cases.size() >= 40) { "rules.json has ${cases.size()} cases" }
    for (c in cases.map { it.asJsonObject }) check("rules: ${c.str("name")}") {
        val check = c.str("check")!!
        val e = c["expected"].asJsonObject
        val err = e.str("error")
        if (err != null) {
            val refusal = throws(err) { runRule(check, c["input"].asJsonObject) }
            if (err != "INVALID_POLICY") checkFacts(refusal, c["input"].asJsonObject, e)
        } else eq(runRule(check, c["input"].asJsonObject), expectedOk(check, e["ok"]))
    }
}

fun policy(dir: File) {
    val cases = JsonParser.parseString(File(dir, "policy.json").readText()).asJsonObject["cases"].asJsonArray
    expect(cases.size() >= 40) { "policy.json has ${cases.size()} cases" }
    for (c in cases.map { it.asJsonObject }) check("policy: ${c.str("name")}") {
        val i = c["input"].asJsonObject
        val e = c["expected"].asJsonObject
        val p = i["principal"].asJsonObject
        val who = Principal(role = p.str("role") ?: "", userId = p.str("user_id"), tenantId = p.str("tenant_id"),
            agencyId = p.str("agency_id"), centreId = p.str("centre_id"),
            grants = p["grants"]?.asJsonArray?.map { it.asString } ?: listOf())
        val r = i["resource"].asJsonObject
        val row = ResourceRef(kind = r.str("kind")!!, tenantId = r.str("tenant_id"), agencyId = r.str("agency_id"),
            centreId = r.str("centre_id"), ownerId = r.str("owner_id"))
        val action = i.str("action")!!
        val err = e.str("error")
        when {
            err != null -> throws(err) { authorize(who, action, row) }
            e["allow"].asBoolean -> authorize(who, action, row)
            else -> try {
                authorize(who, action, row)
                throw AssertionError("allowed, expected ${e.str("code")}")
            } catch (denied: PtiException.AccessDenied) {
                eq(denied.code, e.str("code"), "code")
            }
        }
    }
}

fun places() = check("places: gazetteer") {
    val g = Gazetteer.fromCsv("insee;name;postcodes;departement;population;lat;lng;precision\n" +
        "13055;Marseille;13001 13002;13;870000;43.2965;5.3698;city\n51354;Mars;51800;51;120;49.1;4.9;postcode\n")
    eq(g.size(), 2u)
    eq(g.suggest("mars").map { it.name }, listOf("Marseille", "Mars"))
    eq(g.resolve("13002").precision, Precision.CITY)
    eq(g.byInsee("00000"), null)
    throws("PLACE_NOT_FOUND") { g.resolve("Atlantis") }
}

fun main(args: Array<String>) {
    val dir = File(args.getOrElse(0) { "tests/vectors" })
    plates(dir)
    slots(dir)
    search(dir)
    rules(dir)
    policy(dir)
    places()
    println("kotlin: $passed passed, $failed failed")
    if (failed > 0 || passed == 0) exitProcess(1)
}
