//! SQL of the dashboard, in the caller's network under row-level security: the rollups kept
//! by the writes (`rdv_monthly`, `funnel_monthly`, `user_counts`) and the latest bookings.
//! `$agency` and `$centre` (NULL: any) narrow each query to the subject.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::views::FunnelFigures;
use crate::admin::scope::Subject;

/// One month's totals of the subject's centres.
pub struct MonthRow {
    /// Its first day.
    pub month: NaiveDate,
    /// Bookings holding their place.
    pub booked: i64,
    /// Inspections done.
    pub completed: i64,
    /// No-shows.
    pub no_show: i64,
    /// Cancellations.
    pub cancelled: i64,
    /// Revenue, cents.
    pub revenue_cents: i64,
}

/// The months from `from` to `to` (first days, `to` excluded) that have figures.
pub async fn months(
    conn: &mut PgConnection,
    s: &Subject,
    from: NaiveDate,
    to: NaiveDate,
) -> sqlx::Result<Vec<MonthRow>> {
    sqlx::query_as!(
        MonthRow,
        r#"SELECT m.month AS "month!", sum(m.booked)::bigint AS "booked!",
                  sum(m.completed)::bigint AS "completed!", sum(m.no_show)::bigint AS "no_show!",
                  sum(m.cancelled)::bigint AS "cancelled!",
                  sum(m.revenue_cents)::bigint AS "revenue_cents!"
           FROM rdv_monthly m
           WHERE m.tenant_id = $1 AND m.month >= $2 AND m.month < $3
             AND ($4::uuid IS NULL OR m.centre_id IN (SELECT id FROM cts WHERE agency_id = $4))
             AND ($5::uuid IS NULL OR m.centre_id = $5)
           GROUP BY m.month ORDER BY m.month"#,
        s.tenant,
        from,
        to,
        s.agency,
        s.centre
    )
    .fetch_all(conn)
    .await
}

/// The funnel of the months from `from` to `to` (first days, `to` excluded): the subject's
/// searches, and the views, holds and payments of its centres, from the monthly totals.
pub async fn funnel(
    conn: &mut PgConnection,
    s: &Subject,
    from: NaiveDate,
    to: NaiveDate,
) -> sqlx::Result<FunnelFigures> {
    sqlx::query_as!(
        FunnelFigures,
        r#"SELECT coalesce(sum(searches), 0)::bigint AS "searches!",
                  coalesce(sum(slot_views), 0)::bigint AS "slot_views!",
                  coalesce(sum(holds), 0)::bigint AS "holds!",
                  coalesce(sum(paid), 0)::bigint AS "paid!"
           FROM funnel_monthly
           WHERE tenant_id = $1 AND subject_id = $2 AND month >= $3 AND month < $4"#,
        s.tenant,
        s.funnel_id(),
        from,
        to
    )
    .fetch_one(conn)
    .await
}

/// An agency's totals of one month.
pub struct AgencyRow {
    /// The agency.
    pub agency_id: Uuid,
    /// Its name.
    pub name: String,
    /// Bookings holding their place.
    pub booked: i64,
    /// Revenue, cents.
    pub revenue_cents: i64,
}

/// The five agencies with the most bookings in `month` (its first day).
pub async fn top_agencies(
    conn: &mut PgConnection,
    s: &Subject,
    month: NaiveDate,
) -> sqlx::Result<Vec<AgencyRow>> {
    sqlx::query_as!(
        AgencyRow,
        r#"SELECT a.id AS agency_id, a.name, sum(m.booked)::bigint AS "booked!",
                  sum(m.revenue_cents)::bigint AS "revenue_cents!"
           FROM rdv_monthly m JOIN cts c ON c.id = m.centre_id JOIN agences a ON a.id = c.agency_id
           WHERE m.tenant_id = $1 AND m.month = $2
             AND ($3::uuid IS NULL OR a.id = $3) AND ($4::uuid IS NULL OR c.id = $4)
           GROUP BY a.id, a.name
           HAVING sum(m.booked) > 0 OR sum(m.revenue_cents) > 0
           ORDER BY 3 DESC, 4 DESC, a.name LIMIT 5"#,
        s.tenant,
        month,
        s.agency,
        s.centre
    )
    .fetch_all(conn)
    .await
}

/// The subject's staff accounts in use, from the counts the writes keep (`user_counts`).
pub async fn active_users(conn: &mut PgConnection, s: &Subject) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        r#"SELECT coalesce(sum(accounts), 0)::bigint AS "count!" FROM user_counts
           WHERE tenant_id = $1 AND status = 'active' AND role <> 'CLIENT'
             AND ($2::uuid IS NULL OR agency_id = $2) AND ($3::uuid IS NULL OR centre_id = $3)"#,
        s.tenant,
        s.agency,
        s.centre
    )
    .fetch_one(conn)
    .await
}

/// A booking lately made, with its centre's name and time zone.
pub struct RecentRow {
    /// The booking.
    pub id: Uuid,
    /// Its reference.
    pub reference: String,
    /// Its centre's name.
    pub centre_name: String,
    /// Its centre's IANA time zone.
    pub time_zone: String,
    /// Start.
    pub start_at: DateTime<Utc>,
    /// Status code.
    pub status: String,
    /// Price, cents.
    pub price_cents: i32,
    /// When it was made.
    pub created_at: DateTime<Utc>,
}

/// The ten bookings of the subject made last.
pub async fn recent(conn: &mut PgConnection, s: &Subject) -> sqlx::Result<Vec<RecentRow>> {
    sqlx::query_as!(
        RecentRow,
        r#"SELECT r.id, r.reference, c.name AS centre_name, c.time_zone, r.start_at, r.status,
                  r.price_cents, r.created_at
           FROM rdv r JOIN cts c ON c.id = r.centre_id
           WHERE r.tenant_id = $1 AND ($2::uuid IS NULL OR c.agency_id = $2)
             AND ($3::uuid IS NULL OR r.centre_id = $3)
           ORDER BY r.created_at DESC LIMIT 10"#,
        s.tenant,
        s.agency,
        s.centre
    )
    .fetch_all(conn)
    .await
}
