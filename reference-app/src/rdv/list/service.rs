//! The staff bookings list's use cases: a page, and every page for an export, each read in
//! one transaction of the caller's network, its scope resolved by `pti_core::policy`.

use std::future::Future;

use pti_core::policy::{Action, Resource};
use sqlx::PgPool;

use super::query::{ListRequest, Sort, encode};
use super::repo::{self, ListedRow};
use super::views::{BookingPage, StaffBooking};
use crate::admin::scope::{self, Subject};
use crate::auth::Principal;
use crate::db::tenant_tx;
use crate::error::Result;

/// The key of `row` in `sort`.
fn key(sort: Sort, row: &ListedRow) -> (chrono::DateTime<chrono::Utc>, uuid::Uuid) {
    match sort {
        Sort::Start => (row.start_at, row.id),
        Sort::CreatedAt => (row.created_at, row.id),
    }
}

async fn subject(
    conn: &mut sqlx::PgConnection,
    principal: &Principal,
    action: Action,
    request: &ListRequest,
) -> Result<Subject> {
    scope::resolve_for(
        conn,
        principal,
        (Resource::Booking, action),
        request.agency_id,
        request.centre_id,
    )
    .await
}

/// One page of the bookings `request` asks for, as `principal` may read them.
pub async fn list(db: &PgPool, principal: &Principal, request: ListRequest) -> Result<BookingPage> {
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let s = subject(&mut tx, principal, Action::Read, &request).await?;
    let mut rows = repo::page(&mut tx, &s, &request, request.after, request.limit + 1).await?;
    tx.commit().await?;
    let limit = usize::try_from(request.limit).unwrap_or(usize::MAX);
    let more = rows.len() > limit;
    rows.truncate(limit);
    let next_cursor = rows.last().filter(|_| more).map(|last| {
        let (at, id) = key(request.sort, last);
        encode(request.sort, request.order, at, id)
    });
    Ok(BookingPage {
        items: rows.into_iter().map(StaffBooking::from).collect(),
        next_cursor,
    })
}

/// Bookings an export reads at a time.
const EXPORT_PAGE: i64 = 2000;

/// Checks that `principal` may export the bookings `request` names (before the first byte).
pub async fn may_export(db: &PgPool, principal: &Principal, request: &ListRequest) -> Result<()> {
    let mut tx = tenant_tx(db, &principal.context()).await?;
    subject(&mut tx, principal, Action::Export, request).await?;
    tx.commit().await?;
    Ok(())
}

/// Every booking [`list`] would show for `request` (ignoring its page), in its order, handed
/// to `each` a page at a time from one transaction; stops when `each` answers false (the
/// client went away). Needs the `rdv:export` permission.
pub async fn export_pages<F, Next>(
    db: &PgPool,
    principal: &Principal,
    request: ListRequest,
    mut each: F,
) -> Result<()>
where
    F: FnMut(Vec<StaffBooking>) -> Next,
    Next: Future<Output = bool>,
{
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let s = subject(&mut tx, principal, Action::Export, &request).await?;
    let mut after = None;
    loop {
        let rows = repo::page(&mut tx, &s, &request, after, EXPORT_PAGE).await?;
        let Some(last) = rows.last() else { break };
        after = Some(key(request.sort, last));
        let full = i64::try_from(rows.len()).unwrap_or(0) == EXPORT_PAGE;
        if !each(rows.into_iter().map(StaffBooking::from).collect()).await || !full {
            break;
        }
    }
    tx.commit().await?;
    Ok(())
}
