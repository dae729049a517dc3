//! SQL of the statistics, in the caller's network under row-level security: the rollup kept
//! by the writes (`rdv_stats_monthly`) grouped four ways in one scan, and the subject's
//! centres with their agencies. `$agency` and `$centre` (NULL: any) narrow each query.

use chrono::NaiveDate;
use sqlx::PgConnection;
use uuid::Uuid;

use super::views::Counts;
use crate::admin::scope::Subject;

/// How a [`GroupRow`] is grouped (PostgreSQL's `GROUPING()` bits of month, control type,
/// vehicle category, centre: 1 where the column is not grouped).
pub mod set {
    /// By month.
    pub const MONTH: i32 = 0b0111;
    /// By control type.
    pub const CONTROL_TYPE: i32 = 0b1011;
    /// By vehicle category.
    pub const VEHICLE_CATEGORY: i32 = 0b1101;
    /// By centre.
    pub const CENTRE: i32 = 0b1110;
}

/// The counts of one group: a month, a control type, a vehicle category or a centre.
pub struct GroupRow {
    /// Which grouping, see [`set`].
    pub set: i32,
    /// The month (its first day), when grouped by month.
    pub month: Option<NaiveDate>,
    /// The control type, when grouped by it.
    pub control_type: Option<String>,
    /// The vehicle category, when grouped by it.
    pub vehicle_category: Option<String>,
    /// The centre, when grouped by centre.
    pub centre_id: Option<Uuid>,
    /// Inspections holding their place.
    pub booked: i64,
    /// Done.
    pub completed: i64,
    /// Missed.
    pub no_show: i64,
    /// Cancelled.
    pub cancelled: i64,
    /// With money given back.
    pub refunds: i64,
    /// Money taken, cents.
    pub collected_cents: i64,
    /// Money given back, cents.
    pub refunded_cents: i64,
}

impl GroupRow {
    /// Its counts.
    pub fn counts(&self) -> Counts {
        Counts {
            booked: self.booked,
            completed: self.completed,
            no_show: self.no_show,
            cancelled: self.cancelled,
            refunds: self.refunds,
            collected_cents: self.collected_cents,
            refunded_cents: self.refunded_cents,
        }
    }
}

/// The subject's counts of the months from `from` to `to` (first days, `to` excluded), by
/// month, by control type, by vehicle category and by centre.
pub async fn groups(
    conn: &mut PgConnection,
    s: &Subject,
    from: NaiveDate,
    to: NaiveDate,
) -> sqlx::Result<Vec<GroupRow>> {
    sqlx::query_as!(
        GroupRow,
        r#"SELECT GROUPING(s.month, s.control_type, s.vehicle_category, s.centre_id) AS "set!",
                  s.month AS "month?", s.control_type AS "control_type?",
                  s.vehicle_category AS "vehicle_category?", s.centre_id AS "centre_id?",
                  sum(s.booked)::bigint AS "booked!", sum(s.completed)::bigint AS "completed!",
                  sum(s.no_show)::bigint AS "no_show!", sum(s.cancelled)::bigint AS "cancelled!",
                  sum(s.refunds)::bigint AS "refunds!",
                  sum(s.collected_cents)::bigint AS "collected_cents!",
                  sum(s.refunded_cents)::bigint AS "refunded_cents!"
           FROM rdv_stats_monthly s
           WHERE s.tenant_id = $1 AND s.month >= $2 AND s.month < $3
             AND ($4::uuid IS NULL OR s.centre_id IN (SELECT id FROM cts WHERE agency_id = $4))
             AND ($5::uuid IS NULL OR s.centre_id = $5)
           GROUP BY GROUPING SETS ((s.month), (s.control_type), (s.vehicle_category),
                                   (s.centre_id))"#,
        s.tenant,
        from,
        to,
        s.agency,
        s.centre
    )
    .fetch_all(conn)
    .await
}

/// A centre of the subject with its agency.
pub struct CentreRow {
    /// The centre.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// Its agency.
    pub agency_id: Uuid,
    /// The agency's name.
    pub agency_name: String,
}

/// The subject's centres, by agency then centre name.
pub async fn centres(conn: &mut PgConnection, s: &Subject) -> sqlx::Result<Vec<CentreRow>> {
    sqlx::query_as!(
        CentreRow,
        r#"SELECT c.id, c.name, a.id AS agency_id, a.name AS agency_name
           FROM cts c JOIN agences a ON a.id = c.agency_id
           WHERE c.tenant_id = $1 AND ($2::uuid IS NULL OR c.agency_id = $2)
             AND ($3::uuid IS NULL OR c.id = $3)
           ORDER BY a.name, c.name"#,
        s.tenant,
        s.agency,
        s.centre
    )
    .fetch_all(conn)
    .await
}

/// The names of the network and, when the subject is one, of its agency and centre.
pub struct Names {
    /// The network's.
    pub network: String,
    /// The agency's.
    pub agency: Option<String>,
    /// The centre's.
    pub centre: Option<String>,
}

/// The names of the subject's network, agency and centre.
pub async fn names(conn: &mut PgConnection, s: &Subject) -> sqlx::Result<Names> {
    sqlx::query_as!(
        Names,
        r#"SELECT t.name AS network,
                  (SELECT a.name FROM agences a WHERE a.id = $2) AS agency,
                  (SELECT c.name FROM cts c WHERE c.id = $3) AS centre
           FROM tenants t WHERE t.id = $1"#,
        s.tenant,
        s.agency,
        s.centre
    )
    .fetch_one(conn)
    .await
}
