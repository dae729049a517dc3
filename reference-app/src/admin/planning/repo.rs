//! SQL of the global planning, in the caller's network under row-level security: the
//! subject's active centres, their `rdv_daily` rollup and the bookings of one centre's day.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::admin::scope::Subject;

/// An active centre of the subject.
pub struct CentreRow {
    /// The centre.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// Its agency.
    pub agency_id: Uuid,
    /// Its IANA time zone.
    pub time_zone: String,
}

/// The subject's active centres, by name.
pub async fn centres(conn: &mut PgConnection, s: &Subject) -> sqlx::Result<Vec<CentreRow>> {
    sqlx::query_as!(
        CentreRow,
        r#"SELECT id, name, agency_id, time_zone FROM cts
           WHERE tenant_id = $1 AND status = 'active'
             AND ($2::uuid IS NULL OR agency_id = $2) AND ($3::uuid IS NULL OR id = $3)
           ORDER BY name, id"#,
        s.tenant,
        s.agency,
        s.centre
    )
    .fetch_all(conn)
    .await
}

/// A centre's bookings of one local day.
pub struct DayRow {
    /// The centre.
    pub centre_id: Uuid,
    /// The local day.
    pub day: NaiveDate,
    /// Bookings holding their place.
    pub booked: i32,
    /// The same by local starting hour, 24 counts.
    pub by_hour: Vec<i32>,
}

/// The subject's centres' days from `from` to `to` (both included) that have figures.
pub async fn days(
    conn: &mut PgConnection,
    s: &Subject,
    from: NaiveDate,
    to: NaiveDate,
) -> sqlx::Result<Vec<DayRow>> {
    sqlx::query_as!(
        DayRow,
        r#"SELECT d.centre_id, d.day, d.booked, d.by_hour
           FROM rdv_daily d
           WHERE d.tenant_id = $1 AND d.day >= $2 AND d.day <= $3
             AND ($4::uuid IS NULL OR d.centre_id IN (SELECT id FROM cts WHERE agency_id = $4))
             AND ($5::uuid IS NULL OR d.centre_id = $5)"#,
        s.tenant,
        from,
        to,
        s.agency,
        s.centre
    )
    .fetch_all(conn)
    .await
}

/// A booking of a centre's day.
pub struct BookingRow {
    /// The booking.
    pub id: Uuid,
    /// Its reference.
    pub reference: String,
    /// Start.
    pub start_at: DateTime<Utc>,
    /// End.
    pub end_at: DateTime<Utc>,
    /// Status code.
    pub status: String,
    /// Control type code.
    pub control_type: String,
    /// Vehicle category code.
    pub vehicle_category: String,
    /// The vehicle's plate.
    pub plate: String,
    /// Left for the day, no fixed time.
    pub drop_off: bool,
    /// The inspector's name, if one is assigned.
    pub inspector: Option<String>,
}

/// The bookings of the subject's centre starting from `from` to `to` (excluded), by start.
pub async fn bookings(
    conn: &mut PgConnection,
    s: &Subject,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<BookingRow>> {
    sqlx::query_as!(
        BookingRow,
        r#"SELECT r.id, r.reference, r.start_at, r.end_at, r.status, r.control_type,
                  r.vehicle_category, r.plate, r.drop_off,
                  CASE WHEN i.id IS NULL THEN NULL ELSE i.first_name || ' ' || i.last_name END
                    AS inspector
           FROM rdv r LEFT JOIN controleurs i ON i.id = r.inspector_id
           WHERE r.tenant_id = $1 AND r.centre_id = $2
             AND r.start_at >= $3 AND r.start_at < $4
           ORDER BY r.start_at, r.reference"#,
        s.tenant,
        s.centre,
        from,
        to
    )
    .fetch_all(conn)
    .await
}
