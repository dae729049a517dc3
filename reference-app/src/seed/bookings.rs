//! The demo bookings: 200 past (completed with a verdict, no-show, cancelled and refunded), 300
//! confirmed and paid in the next 30 days, placed through the engine so none overlaps.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use pti_core::availability::TimeFilter;
use pti_core::model::{
    Agreements, BookingId, BookingStatus, Centre, CentreId, ControlType, Fuel, Offer, Plate,
    VehicleCategory,
};
use pti_core::rules::InspectionResult;
use rand::Rng;
use rand::rngs::StdRng;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::data::{FIRST_NAMES, LAST_NAMES, MAKES};
use super::network::Client;
use super::progress;
use crate::engine::{Engine, load, today};
use crate::payment::{ChargeStatus, PaymentStatus};
use crate::planning::Wanted;

/// How many bookings, and how many of them in the past.
const BOOKINGS: usize = 500;
const PAST: usize = 200;

/// Writes the bookings; answers how many, and the free starts of a car's periodic inspection
/// left over the next 90 days.
pub async fn seed(
    owner: &PgPool,
    rng: &mut StdRng,
    clients: &[Client],
) -> anyhow::Result<(usize, usize)> {
    let mut engine = load::load(owner, today()).await?;
    let centres: Vec<(CentreId, Uuid)> = engine
        .index
        .centres()
        .map(|c| (c.id, c.tenant_id.0))
        .collect();
    let mut tx = owner.begin().await?;
    let (mut count, mut attempts) = (0, 0);
    while count < BOOKINGS && attempts < 10 * BOOKINGS {
        attempts += 1;
        let (centre_id, tenant) = centres[rng.gen_range(0..centres.len())];
        let wanted = wanted(rng);
        let Some(centre) = engine.index.centre(centre_id).cloned() else {
            continue;
        };
        let Some(offer) = centre.offer(wanted.control_type, wanted.category).copied() else {
            continue;
        };
        let past = count < PAST;
        let placed = if past {
            past_slot(rng, &centre, &wanted)
        } else {
            future_slot(rng, &mut engine, &centre, &wanted)
        };
        let Some((start, inspector)) = placed else {
            continue;
        };
        let client = clients
            .iter()
            .filter(|c| c.tenant == tenant)
            .nth(rng.gen_range(0..16));
        let booking = DemoBooking {
            tenant,
            centre: centre_id.0,
            inspector,
            start,
            minutes: wanted.need(&centre).duration_minutes,
            wanted,
            offer,
        };
        insert(&mut tx, rng, count, &booking, client, past).await?;
        count += 1;
        progress("bookings", count, BOOKINGS);
    }
    tx.commit().await?;
    Ok((count, bookable(&engine)))
}

/// The inspection of a demo booking: mostly periodic, mostly cars.
pub(super) fn wanted(rng: &mut StdRng) -> Wanted {
    Wanted {
        control_type: if rng.gen_bool(0.85) {
            ControlType::Periodic
        } else {
            ControlType::Recheck
        },
        category: if rng.gen_bool(0.8) {
            VehicleCategory::Vp
        } else {
            VehicleCategory::Vu
        },
        fuel: [
            Fuel::Petrol,
            Fuel::Diesel,
            Fuel::Diesel,
            Fuel::Hybrid,
            Fuel::Electric,
        ][rng.gen_range(0..5)],
    }
}

/// A past inspection: past ones hold no capacity, so any opening time of a past day, with the
/// first qualified inspector.
fn past_slot(rng: &mut StdRng, centre: &Centre, wanted: &Wanted) -> Option<(DateTime<Utc>, Uuid)> {
    let day = today() - Duration::days(rng.gen_range(1..30));
    let local = day.and_hms_opt(
        rng.gen_range(8..11),
        [0, 15, 30, 45][rng.gen_range(0..4)],
        0,
    )?;
    let start = local.and_local_timezone(centre.time_zone).single()?;
    let inspector = centre.inspectors.iter().find(|i| {
        i.agreements
            .covers(Agreements::required_for(wanted.category, wanted.fuel))
    })?;
    Some((start.with_timezone(&Utc), inspector.id.0))
}

/// A future inspection, booked in the engine: the first free start after a day and an hour
/// (not the clock: the same day seeds the same week).
fn future_slot(
    rng: &mut StdRng,
    engine: &mut Engine,
    centre: &Centre,
    wanted: &Wanted,
) -> Option<(DateTime<Utc>, Uuid)> {
    let from = (today() + Duration::days(rng.gen_range(1..30)))
        .and_time(NaiveTime::MIN)
        .and_utc()
        + Duration::hours(rng.gen_range(6..16));
    let need = wanted.need(centre);
    let a = engine.index.availability_mut(centre.id)?;
    let slot = a
        .first_free(
            from,
            from + Duration::days(3),
            &need,
            TimeFilter::default(),
            1,
        )
        .pop()?;
    let placed = a
        .book(
            BookingId(Uuid::new_v4()),
            slot.start.with_timezone(&Utc),
            &need,
        )
        .ok()?;
    Some((placed.start, placed.inspector_id.0))
}

/// Where and when a demo booking takes place, and what it is.
struct DemoBooking {
    tenant: Uuid,
    centre: Uuid,
    inspector: Uuid,
    start: DateTime<Utc>,
    minutes: u32,
    wanted: Wanted,
    offer: Offer,
}

/// Writes booking number `n` with its payment: a past one completed (with a verdict for a
/// periodic inspection), a no-show or cancelled and refunded; a future one confirmed and paid.
async fn insert(
    conn: &mut PgConnection,
    rng: &mut StdRng,
    n: usize,
    b: &DemoBooking,
    client: Option<&Client>,
    past: bool,
) -> anyhow::Result<()> {
    let (first, last) = (
        FIRST_NAMES[rng.gen_range(0..16)],
        LAST_NAMES[rng.gen_range(0..16)],
    );
    let (user_id, first, last, email) = match client {
        Some(c) => (Some(c.id), c.first_name.clone(), c.last_name.clone(), None),
        None => (
            None,
            first.to_owned(),
            last.to_owned(),
            Some(
                format!(
                    "{}.{}@exemple.fr",
                    first.to_lowercase(),
                    last.to_lowercase()
                )
                .replace(['é', 'è'], "e"),
            ),
        ),
    };
    let status = if past {
        use BookingStatus::*;
        [
            Completed, Completed, Completed, Completed, NoShow, Cancelled,
        ][rng.gen_range(0..6)]
    } else {
        BookingStatus::Confirmed
    };
    let cancelled = status == BookingStatus::Cancelled;
    let verdict = (status == BookingStatus::Completed
        && b.wanted.control_type == ControlType::Periodic)
        .then(|| {
            use InspectionResult::*;
            [Favourable, Favourable, Favourable, Major, Critical][rng.gen_range(0..5)].verdict()
        });
    let plate = plate(rng);
    let (make, model) = MAKES[rng.gen_range(0..MAKES.len())];
    let (price, vat) = (
        b.offer.price.gross.cents() as i32,
        b.offer.price.vat().cents() as i32,
    );
    let id = Uuid::new_v4();
    sqlx::query(
        "INSERT INTO rdv (id, tenant_id, reference, centre_id, inspector_id, user_id, guest_email, \
         guest_phone, first_name, last_name, plate, plate_normalized, vehicle_category, fuel, make, \
         model, year, control_type, status, payment_status, price_cents, vat_cents, start_at, \
         end_at, source, inspection_result, cancelled_at) VALUES ($1, $2, $3, $4, $5, $6, $7, \
         '06 98 76 54 32', $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, \
         $22, $23, 'seed', $24, $25)",
    )
    .bind(id)
    .bind(b.tenant)
    .bind(format!("PTI-S{n:07}"))
    .bind(b.centre)
    .bind(b.inspector)
    .bind(user_id)
    .bind(email)
    .bind(&first)
    .bind(&last)
    .bind(plate.as_str())
    .bind(plate.compact())
    .bind(b.wanted.category.code())
    .bind(b.wanted.fuel.code())
    .bind(make)
    .bind(model)
    .bind(rng.gen_range(2005_i16..2024))
    .bind(b.wanted.control_type.code())
    .bind(status.code())
    .bind(if cancelled { PaymentStatus::Refunded } else { PaymentStatus::Paid }.code())
    .bind(price)
    .bind(vat)
    .bind(b.start)
    .bind(b.start + Duration::minutes(i64::from(b.minutes)))
    .bind(verdict)
    .bind(cancelled.then(|| b.start - Duration::days(2)))
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO payments (tenant_id, booking_id, provider, provider_ref, amount_cents, \
         refunded_cents, status, card_brand, card_last4, idempotency_key) \
         VALUES ($1, $2, 'sandbox', $3, $4, $5, $6, 'visa', '4242', $7)",
    )
    .bind(b.tenant)
    .bind(id)
    .bind(format!("pi_seed_{}", id.simple()))
    .bind(price)
    .bind(if cancelled { price } else { 0 })
    .bind(
        if cancelled {
            ChargeStatus::Refunded
        } else {
            ChargeStatus::Succeeded
        }
        .code(),
    )
    .bind(format!("seed-{id}"))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A valid SIV plate.
pub(super) fn plate(rng: &mut StdRng) -> Plate {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTVXYZ";
    loop {
        let mut letters = [' '; 4];
        for l in &mut letters {
            *l = LETTERS[rng.gen_range(0..LETTERS.len())] as char;
        }
        let [a, b, c, d] = letters;
        let text = format!("{a}{b}-{:03}-{c}{d}", rng.gen_range(1..1000));
        if let Ok(p) = Plate::parse(&text) {
            return p;
        }
    }
}

/// What remains bookable: free starts of a periodic inspection of a petrol car, next 90 days.
fn bookable(engine: &Engine) -> usize {
    let car = Wanted {
        control_type: ControlType::Periodic,
        category: VehicleCategory::Vp,
        fuel: Fuel::Petrol,
    };
    let (from, to) = (Utc::now(), Utc::now() + Duration::days(90));
    engine
        .index
        .centres()
        .filter_map(|c| {
            let a = engine.index.availability(c.id)?;
            Some(
                a.first_free(from, to, &car.need(c), TimeFilter::default(), usize::MAX)
                    .len(),
            )
        })
        .sum()
}
