//! Who may touch a booking: its guest (the token given at booking), or a signed-in caller the
//! policy allows. Either way the booking is read in its own tenant's transaction, under
//! row-level security; unknown ids, wrong tokens and other tenants' bookings all answer 404.

use pti_core::model::{AgencyId, CentreId, TenantId, UserId};
use pti_core::policy::{Action, Resource, ResourceRef};
use sqlx::{PgPool, Postgres, Transaction};
use uuid::Uuid;

use super::repo::{self, RdvRow};
use crate::auth::tokens;
use crate::db::{ContextRole, booking_tx, tenant_tx};
use crate::error::{Error, Result};
use crate::extract::Caller;

/// A booking opened for a caller, in a transaction of its tenant.
pub struct Access {
    /// The transaction (the caller commits it).
    pub tx: Transaction<'static, Postgres>,
    /// The booking.
    pub row: RdvRow,
}

/// Whether the booking is read to change it (row locked until the transaction ends).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lock {
    /// Read only.
    No,
    /// `FOR UPDATE`.
    ForUpdate,
}

/// The policy's view of a booking row.
pub fn resource(row: &RdvRow) -> ResourceRef {
    ResourceRef {
        kind: Resource::Booking,
        tenant_id: Some(TenantId(row.tenant_id)),
        agency_id: Some(AgencyId(row.agency_id)),
        centre_id: Some(CentreId(row.centre_id)),
        owner_id: row.user_id.map(UserId),
    }
}

async fn fetch(tx: &mut Transaction<'static, Postgres>, id: Uuid, lock: Lock) -> Result<RdvRow> {
    let row = match lock {
        Lock::No => repo::get(tx, id).await?,
        Lock::ForUpdate => repo::get_for_update(tx, id).await?,
    };
    row.ok_or(Error::NotFound)
}

/// Opens booking `id` for `action` by `caller`.
pub async fn open(
    db: &PgPool,
    id: Uuid,
    caller: &Caller,
    action: Action,
    lock: Lock,
) -> Result<Access> {
    if let Some(token) = &caller.token {
        let (mut tx, _) = booking_tx(db, id, ContextRole::Guest)
            .await?
            .ok_or(Error::NotFound)?;
        let row = fetch(&mut tx, id, lock).await?;
        let expected = row.guest_token_hash.as_deref().unwrap_or_default();
        if !tokens::matches(token, expected) {
            return Err(Error::NotFound);
        }
        return Ok(Access { tx, row });
    }
    let principal = caller.principal.as_ref().ok_or(Error::Unauthorized)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let row = fetch(&mut tx, id, lock).await?;
    principal.authorize(action, &resource(&row))?;
    Ok(Access { tx, row })
}

/// Reads booking `id` for `caller` (who may read it) and ends the transaction.
pub async fn read(db: &PgPool, id: Uuid, caller: &Caller) -> Result<RdvRow> {
    let Access { tx, row } = open(db, id, caller, Action::Read, Lock::No).await?;
    tx.commit().await?;
    Ok(row)
}
