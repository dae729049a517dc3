//! Exceptional closures of a centre (a whole day or a few hours), given and shown in the
//! centre's local wall-clock time. A closure does not cancel the bookings it covers: their
//! count is shown so that staff move or cancel them.

use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use pti_core::policy::{Action, Resource};
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

use super::repo::{self, ClosureRow};
use super::service::{locked, one, readable_one};
use super::views::Closure;
use crate::admin::editor::{Change, editor};
use crate::audit::Origin;
use crate::auth::Principal;
use crate::db::tenant_tx;
use crate::domain::optional_text;
use crate::error::{Error, Result};

/// The longest closure, in days.
pub const MAX_DAYS: i64 = 366;

/// A closure to add, as typed: local `YYYY-MM-DDTHH:MM` bounds and a reason.
pub struct NewClosure<'a> {
    /// First closed minute.
    pub start: &'a str,
    /// End, exclusive.
    pub end: &'a str,
    /// Why (at most 200 characters).
    pub reason: Option<&'a str>,
}

const LOCAL: &str = "%Y-%m-%dT%H:%M";

/// A local wall-clock time of `zone` as an instant; 422 naming `field` when it is malformed or
/// does not exist that day (the hour skipped when clocks go forward).
fn instant(field: &str, text: &str, zone: Tz) -> Result<DateTime<Utc>> {
    let local = NaiveDateTime::parse_from_str(text.trim(), LOCAL)
        .map_err(|_| Error::validation(field, "YYYY-MM-DDTHH:MM"))?;
    zone.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            Error::validation(field, "this time does not exist in the centre's time zone")
        })
}

fn view(row: ClosureRow, zone: Tz) -> Closure {
    let local = |t: DateTime<Utc>| t.with_timezone(&zone).format(LOCAL).to_string();
    Closure {
        id: row.id,
        start: local(row.starts_at),
        end: local(row.ends_at),
        reason: row.reason,
        bookings: row.bookings,
    }
}

/// The centre's time zone.
fn zone(name: &str) -> Result<Tz> {
    name.parse()
        .map_err(|_| Error::Internal(anyhow::anyhow!("bad time zone {name}")))
}

/// The closures of centre `id` ending in the last 30 days or later, by start.
pub async fn list(db: &PgPool, principal: &Principal, id: Uuid) -> Result<Vec<Closure>> {
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let centre = readable_one(&mut tx, principal, id).await?;
    let since = Utc::now() - Duration::days(30);
    let rows = repo::closures(&mut tx, centre.tenant_id, id, since, None).await?;
    tx.commit().await?;
    let zone = zone(&centre.time_zone)?;
    Ok(rows.into_iter().map(|r| view(r, zone)).collect())
}

/// Closes centre `id` from `new.start` to `new.end` (same permission as changing the centre).
pub async fn add(
    db: &PgPool,
    principal: &Principal,
    origin: &Origin,
    id: Uuid,
    new: NewClosure<'_>,
) -> Result<Closure> {
    let e = editor(principal, Resource::Centre, Action::Update)?;
    let reason = optional_text("reason", new.reason, 200)?.unwrap_or_default();
    let mut tx = tenant_tx(db, &principal.context()).await?;
    locked(&mut tx, &e, Action::Update, id).await?;
    let centre = one(&mut tx, Some(e.tenant.0), id).await?;
    let zone = zone(&centre.time_zone)?;
    let start = instant("start", new.start, zone)?;
    let end = instant("end", new.end, zone)?;
    if end <= start {
        return Err(Error::validation("end", "after the start"));
    }
    if end - start > Duration::days(MAX_DAYS) {
        return Err(Error::validation(
            "end",
            format!("at most {MAX_DAYS} days after the start"),
        ));
    }
    let closure = repo::insert_closure(&mut tx, e.tenant.0, id, (start, end), &reason).await?;
    let row = repo::closures(
        &mut tx,
        e.tenant.0,
        id,
        start - Duration::seconds(1),
        Some(closure),
    )
    .await?
    .pop()
    .ok_or(Error::NotFound)?;
    let added = view(row, zone);
    let after = json!({ "closure_id": added.id, "start": added.start, "end": added.end, "reason": added.reason });
    let change = Change {
        action: "centre.closure.create",
        resource: Resource::Centre,
        id,
        before: None,
        after: &after,
    };
    e.record(&mut tx, origin, change).await?;
    tx.commit().await?;
    Ok(added)
}

/// Removes closure `closure` of centre `id`.
pub async fn remove(
    db: &PgPool,
    principal: &Principal,
    origin: &Origin,
    id: Uuid,
    closure: Uuid,
) -> Result<()> {
    let e = editor(principal, Resource::Centre, Action::Update)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    locked(&mut tx, &e, Action::Update, id).await?;
    if !repo::delete_closure(&mut tx, e.tenant.0, id, closure).await? {
        return Err(Error::NotFound);
    }
    let before = json!({ "closure_id": closure });
    let change = Change {
        action: "centre.closure.delete",
        resource: Resource::Centre,
        id,
        before: Some(&before),
        after: &json!({}),
    };
    e.record(&mut tx, origin, change).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_become_instants_and_a_skipped_hour_is_refused() {
        let paris = chrono_tz::Europe::Paris;
        let t = instant("start", "2027-05-01T00:00", paris).unwrap();
        assert_eq!(t.to_rfc3339(), "2027-04-30T22:00:00+00:00");
        assert!(instant("start", "2027-03-28T02:30", paris).is_err());
        assert!(instant("start", "01/05/2027", paris).is_err());
    }
}
