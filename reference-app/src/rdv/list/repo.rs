//! SQL of the staff bookings list, in the caller's network under row-level security: one page
//! of bookings after a key, in one of four orders, each a range of an index
//! (`rdv_tenant_start_id_idx`, `rdv_tenant_created_idx`) at any depth. The filter, `$1` to
//! `$12`, is the same in every order.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::query::{ListRequest, Sort};
use crate::admin::scope::Subject;
use crate::domain::SortOrder;

/// A booking as the list reads it.
pub struct ListedRow {
    /// The booking.
    pub id: Uuid,
    /// Its reference.
    pub reference: String,
    /// Its centre.
    pub centre_id: Uuid,
    /// The centre's name.
    pub centre_name: String,
    /// The centre's agency.
    pub agency_id: Uuid,
    /// The agency's name.
    pub agency_name: String,
    /// The centre's IANA time zone.
    pub time_zone: String,
    /// Start.
    pub start_at: DateTime<Utc>,
    /// End.
    pub end_at: DateTime<Utc>,
    /// Status code.
    pub status: String,
    /// Payment status code.
    pub payment_status: String,
    /// Control type code.
    pub control_type: String,
    /// Vehicle category code.
    pub vehicle_category: String,
    /// Plate as written.
    pub plate: String,
    /// First and last name.
    pub customer_name: String,
    /// The guest's or the client account's e-mail.
    pub customer_email: Option<String>,
    /// The guest's or the client account's phone.
    pub customer_phone: Option<String>,
    /// Price tax included, cents.
    pub price_cents: i32,
    /// Where it was made.
    pub source: String,
    /// When it was made.
    pub created_at: DateTime<Utc>,
}

/// `query_as!` of [`ListedRow`]s that `$s` (a [`Subject`]) and `$r` (a [`ListRequest`]) let
/// through, then `$tail` (the key and the order) with `$13` the key's time, `$14` its id and
/// `$15` the limit. The key is always given (a first page starts from a bound, see
/// [`page`]), so that it is the index range's bound in every plan.
macro_rules! listed {
    ($tail:tt, $s:expr, $r:expr, $after:expr, $limit:expr) => {{
        let search = $r.search.as_ref();
        sqlx::query_as!(
            ListedRow,
            r#"SELECT r.id, r.reference, r.centre_id, c.name AS centre_name, c.agency_id,
                      a.name AS agency_name, c.time_zone, r.start_at, r.end_at, r.status,
                      r.payment_status, r.control_type, r.vehicle_category, r.plate,
                      trim(r.first_name || ' ' || r.last_name) AS "customer_name!",
                      coalesce(r.guest_email, u.email) AS customer_email,
                      coalesce(r.guest_phone, u.phone) AS customer_phone,
                      r.price_cents, r.source, r.created_at
               FROM rdv r
               JOIN cts c ON c.id = r.centre_id
               JOIN agences a ON a.id = c.agency_id
               LEFT JOIN users u ON u.id = r.user_id
               WHERE r.tenant_id = $1
                 AND ($2::uuid IS NULL OR c.agency_id = $2)
                 AND ($3::uuid IS NULL OR r.centre_id = $3)
                 AND ($4::date IS NULL OR (r.start_at >= $4::date - 1
                      AND (r.start_at AT TIME ZONE c.time_zone)::date >= $4))
                 AND ($5::date IS NULL OR (r.start_at < $5::date + 2
                      AND (r.start_at AT TIME ZONE c.time_zone)::date <= $5))
                 AND ($6::text IS NULL OR r.status = $6)
                 AND ($7::text IS NULL OR r.payment_status = $7)
                 AND ($8::text IS NULL OR r.control_type = $8)
                 AND ($9::text IS NULL OR r.reference = $9 OR r.plate_normalized = $10
                      OR r.guest_email = $11 OR r.guest_phone = $12
                      OR r.user_id IN (SELECT x.id FROM users x WHERE x.tenant_id = $1
                                       AND (x.email = $11 OR x.phone = $12))) "#
                + $tail,
            $s.tenant,
            $s.agency,
            $s.centre,
            $r.from,
            $r.to,
            $r.status.as_deref(),
            $r.payment_status.as_deref(),
            $r.control_type.as_deref(),
            search.map(|q| q.reference.as_str()),
            search.map(|q| q.plate.as_str()),
            search.map(|q| q.email.as_str()),
            search.map(|q| q.phone.as_str()),
            $after.0,
            $after.1,
            $limit
        )
    }};
}

/// Up to `limit` bookings of `s` that `r` lets through, in its order, after the key `after`
/// (from the start of the order when none: the period's edge in start order).
pub async fn page(
    conn: &mut PgConnection,
    s: &Subject,
    r: &ListRequest,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> sqlx::Result<Vec<ListedRow>> {
    let after = after.unwrap_or_else(|| first_key(r));
    match (r.sort, r.order) {
        (Sort::Start, SortOrder::Desc) => {
            listed!(
                "AND (r.start_at, r.id) < ($13::timestamptz, $14::uuid)
                 ORDER BY r.start_at DESC, r.id DESC LIMIT $15",
                s,
                r,
                after,
                limit
            )
            .fetch_all(conn)
            .await
        }
        (Sort::Start, SortOrder::Asc) => {
            listed!(
                "AND (r.start_at, r.id) > ($13::timestamptz, $14::uuid)
                 ORDER BY r.start_at, r.id LIMIT $15",
                s,
                r,
                after,
                limit
            )
            .fetch_all(conn)
            .await
        }
        (Sort::CreatedAt, SortOrder::Desc) => {
            listed!(
                "AND (r.created_at, r.id) < ($13::timestamptz, $14::uuid)
                 ORDER BY r.created_at DESC, r.id DESC LIMIT $15",
                s,
                r,
                after,
                limit
            )
            .fetch_all(conn)
            .await
        }
        (Sort::CreatedAt, SortOrder::Asc) => {
            listed!(
                "AND (r.created_at, r.id) > ($13::timestamptz, $14::uuid)
                 ORDER BY r.created_at, r.id LIMIT $15",
                s,
                r,
                after,
                limit
            )
            .fetch_all(conn)
            .await
        }
    }
}

/// The key before a list's first row: a day before the period's first day (or 1900) going up,
/// two days after its last (or 3000) going down, so that a first page reads from the period's
/// edge of the index (local days are never more than a day off UTC's).
fn first_key(r: &ListRequest) -> (DateTime<Utc>, Uuid) {
    let at = |day: NaiveDate| Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN));
    let year = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default();
    let by_start = r.sort == Sort::Start;
    match r.order {
        SortOrder::Asc => {
            let from = r
                .from
                .filter(|_| by_start)
                .and_then(|d| d.checked_sub_days(Days::new(1)));
            (at(from.unwrap_or_else(|| year(1900))), Uuid::nil())
        }
        SortOrder::Desc => {
            let to =
                r.to.filter(|_| by_start)
                    .and_then(|d| d.checked_add_days(Days::new(2)));
            (at(to.unwrap_or_else(|| year(3000))), Uuid::max())
        }
    }
}
