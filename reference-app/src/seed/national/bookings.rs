//! The national network's bookings, centre by centre: a year of history (completed, about 5 %
//! no-shows, 8 % cancelled and refunded) and the days ahead booked to a share of the daily
//! capacity (confirmed and paid). Each booking is placed in pti-core's availability index of
//! its centre, built over the past year or over the days ahead from the centre's hours and its
//! inspectors' shifts, so none overlaps another of its inspector and each falls in a shift;
//! the rows stream to `rdv` with `COPY`.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use pti_core::availability::{CentreAvailability, Need, Placement, TimeFilter};
use pti_core::model::{
    BookingId, BookingStatus, Centre, ControlType, Fuel, TenantId, VehicleCategory,
};
use pti_core::rules::InspectionResult;
use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::super::bookings::{plate, wanted};
use super::super::copy::Copy;
use super::super::data::{FIRST_NAMES, LAST_NAMES, MAKES};
use super::super::progress;
use super::Size;
use super::network::Client;
use crate::engine::load::load_centres;
use crate::engine::today;
use crate::payment::PaymentStatus;
use crate::planning::Wanted;

/// Share of the bookings made with a client account (the others are guests').
const WITH_ACCOUNT: f64 = 0.4;
/// Share of past bookings whose client did not come.
const NO_SHOW: f64 = 0.05;
/// Share of past bookings cancelled (and refunded).
const CANCELLED: f64 = 0.08;

/// The network's centres as the engine reads them, with their availability over the days
/// ahead; read before the bookings' load locks `rdv`.
pub async fn centres(
    owner: &PgPool,
    tenant: Uuid,
    size: &Size,
) -> anyhow::Result<Vec<(Centre, CentreAvailability)>> {
    load_centres(
        owner,
        TenantId(tenant),
        None,
        today() + Duration::days(1),
        size.future_days,
    )
    .await
}

/// Writes the bookings of `centres` in `tx`; answers how many before today and from tomorrow.
pub async fn seed(
    tx: &mut PgConnection,
    rng: &mut StdRng,
    size: &Size,
    tenant: Uuid,
    clients: &[Client],
    centres: Vec<(Centre, CentreAvailability)>,
) -> anyhow::Result<(u64, u64)> {
    let mut copy = Copy::start(
        tx,
        "rdv (id, tenant_id, reference, centre_id, inspector_id, user_id, guest_email, \
         guest_phone, first_name, last_name, plate, plate_normalized, vehicle_category, fuel, \
         make, model, year, control_type, status, payment_status, price_cents, vat_cents, \
         start_at, end_at, source, inspection_result, cancelled_at, cancel_reason, created_at, \
         updated_at)",
    )
    .await?;
    let salt: [u8; 16] = rng.r#gen();
    let mut writer = Writer {
        copy: &mut copy,
        rng,
        tenant,
        clients,
        salt,
        count: 0,
        now: Utc::now(),
    };
    let history = size.bookings_per_year as f64 * f64::from(size.history_days)
        / 365.0
        / centres.len().max(1) as f64;
    let (mut past, mut future) = (0, 0);
    let total = centres.len();
    for (i, (centre, ahead)) in centres.into_iter().enumerate() {
        let first = today() - Duration::days(i64::from(size.history_days));
        let (behind, _) = CentreAvailability::build(&centre, first, size.history_days, &[])?;
        past += writer
            .fill(&centre, behind, Target::Total(history), Era::Past)
            .await?;
        let daily = f64::from(centre.daily_capacity) * size.future_fill;
        future += writer
            .fill(&centre, ahead, Target::Daily(daily), Era::Future)
            .await?;
        progress("bookings", i + 1, total);
    }
    copy.finish().await?;
    Ok((past, future))
}

/// How many bookings a centre gets over a horizon.
#[derive(Clone, Copy)]
enum Target {
    /// This many over the horizon, spread over its days by their free starts (a Saturday
    /// morning gets fewer than a weekday).
    Total(f64),
    /// This many on each open day.
    Daily(f64),
}

/// Before today (done, missed or cancelled) or from tomorrow (confirmed).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Era {
    Past,
    Future,
}

/// Streams bookings to the `COPY` of `rdv`.
struct Writer<'a, 'c> {
    copy: &'a mut Copy<'c>,
    rng: &'a mut StdRng,
    tenant: Uuid,
    clients: &'a [Client],
    salt: [u8; 16],
    count: u64,
    now: DateTime<Utc>,
}

impl Writer<'_, '_> {
    /// Books `target` in `index`, day by day at random free starts; answers how many.
    async fn fill(
        &mut self,
        centre: &Centre,
        mut index: CentreAvailability,
        target: Target,
        era: Era,
    ) -> anyhow::Result<u64> {
        let car = car(centre);
        let (from, to) = index.horizon().bounds();
        let (from, to) = (
            DateTime::from_timestamp(from, 0).unwrap_or_default(),
            DateTime::from_timestamp(to, 0).unwrap_or_default(),
        );
        let free = index.first_free(from, to, &car, TimeFilter::default(), usize::MAX);
        let mut days: Vec<(NaiveDate, Vec<DateTime<Utc>>)> = Vec::new();
        for slot in free {
            let day = slot.start.date_naive();
            match days.last_mut() {
                Some((d, starts)) if *d == day => starts.push(slot.start.to_utc()),
                _ => days.push((day, vec![slot.start.to_utc()])),
            }
        }
        let starts_total: usize = days.iter().map(|(_, s)| s.len()).sum();
        let mut written = 0;
        for (_, mut starts) in days {
            let per_day = match target {
                Target::Total(n) => n * starts.len() as f64 / starts_total.max(1) as f64,
                Target::Daily(n) => n,
            };
            let mut wanted_today = per_day.floor() as usize
                + usize::from(self.rng.gen_bool(per_day.fract().clamp(0.0, 1.0)));
            starts.shuffle(self.rng);
            for start in starts {
                if wanted_today == 0 {
                    break;
                }
                let w = wanted(self.rng);
                let Some(offer) = centre.offer(w.control_type, w.category).copied() else {
                    continue;
                };
                let need = w.need(centre);
                let id = self.next_id();
                let Ok(placed) = index.book(BookingId(id), start, &need) else {
                    continue;
                };
                let booking = Placed {
                    centre: centre.id.0,
                    placed,
                    wanted: w,
                    price: offer.price.gross.cents() as i32,
                    vat: offer.price.vat().cents() as i32,
                };
                self.write(&booking, era).await?;
                wanted_today -= 1;
                written += 1;
            }
        }
        Ok(written)
    }

    /// The id of the next booking written.
    fn next_id(&self) -> Uuid {
        uuid_of(self.salt, self.count)
    }

    async fn write(&mut self, b: &Placed, era: Era) -> anyhow::Result<()> {
        let rng = &mut *self.rng;
        let n = self.count;
        self.count += 1;
        let status = match (era, rng.r#gen::<f64>()) {
            (Era::Future, _) => BookingStatus::Confirmed,
            (Era::Past, x) if x < NO_SHOW => BookingStatus::NoShow,
            (Era::Past, x) if x < NO_SHOW + CANCELLED => BookingStatus::Cancelled,
            (Era::Past, _) => BookingStatus::Completed,
        };
        let cancelled = status == BookingStatus::Cancelled;
        let start = b.placed.start;
        let lead = Duration::minutes(rng.gen_range(60 * 24..60 * 24 * 40));
        let created = (start - lead).min(self.now - Duration::minutes(rng.gen_range(1..60 * 72)));
        let cancelled_at = cancelled.then(|| created + (start - created) / 2);
        let updated = match (status, cancelled_at) {
            (_, Some(at)) => at,
            (BookingStatus::Confirmed, _) => created,
            _ => b.placed.end,
        };
        let verdict = (status == BookingStatus::Completed
            && b.wanted.control_type == ControlType::Periodic)
            .then(|| {
                use InspectionResult::*;
                [Favourable, Favourable, Favourable, Major, Critical][rng.gen_range(0..5)].verdict()
            });
        let (user, first, last, email) = if rng.gen_bool(WITH_ACCOUNT) && !self.clients.is_empty() {
            let c = &self.clients[rng.gen_range(0..self.clients.len())];
            (Some(c.id), c.first_name, c.last_name, None)
        } else {
            let (first, last) = (
                FIRST_NAMES[rng.gen_range(0..FIRST_NAMES.len())],
                LAST_NAMES[rng.gen_range(0..LAST_NAMES.len())],
            );
            let email = format!("{first}.{last}.{}@exemple.fr", n % 9973)
                .to_lowercase()
                .replace(['é', 'è'], "e")
                .replace('ë', "e");
            (None, first, last, Some(email))
        };
        let plate = plate(rng);
        let (make, model) = MAKES[rng.gen_range(0..MAKES.len())];
        let payment = if cancelled {
            PaymentStatus::Refunded
        } else {
            PaymentStatus::Paid
        };
        self.copy
            .row(&[
                &uuid_of(self.salt, n),
                &self.tenant,
                &format!("PTI-N{n:08}"),
                &b.centre,
                &b.placed.inspector_id.0,
                &user,
                &email,
                &format!("07 {:02} {:02} {:02} {:02}", n % 97, n % 89, n % 83, n % 79),
                &first,
                &last,
                &plate.as_str(),
                &plate.compact(),
                &b.wanted.category.code(),
                &b.wanted.fuel.code(),
                &make,
                &model,
                &rng.gen_range(2005_i16..2025),
                &b.wanted.control_type.code(),
                &status.code(),
                &payment.code(),
                &b.price,
                &b.vat,
                &start,
                &b.placed.end,
                &"seed",
                &verdict,
                &cancelled_at,
                &cancelled.then_some("Annulé par le client"),
                &created,
                &updated,
            ])
            .await?;
        Ok(())
    }
}

/// Booking `n`'s id: a version 4 id whose first six bytes count the bookings, so that the
/// rows arrive in the primary key's order.
fn uuid_of(salt: [u8; 16], n: u64) -> Uuid {
    let mut bytes = salt;
    bytes[..6].copy_from_slice(&n.to_be_bytes()[2..]);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// A booking placed by the engine, with what it is and its price.
struct Placed {
    centre: Uuid,
    placed: Placement,
    wanted: Wanted,
    price: i32,
    vat: i32,
}

/// What a car's periodic inspection needs at `centre` (the starts offered to fill a day).
fn car(centre: &Centre) -> Need {
    Wanted {
        control_type: ControlType::Periodic,
        category: VehicleCategory::Vp,
        fuel: Fuel::Petrol,
    }
    .need(centre)
}
