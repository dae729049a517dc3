//! Who may touch a booking: its guest (the token given at booking, header `X-Rdv-Token` or
//! `?token=`), or a signed-in caller the policy allows. Either way the booking is read in its
//! own tenant's transaction, under row-level security.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use pti_core::model::{AgencyId, CentreId, TenantId, UserId};
use pti_core::policy::{Action, Resource, ResourceRef};
use sqlx::{Postgres, Transaction};
use uuid::Uuid;

use super::repo::{self, RdvRow};
use crate::auth::{self, MaybePrincipal, Principal};
use crate::db::{booking_tx, tenant_tx};
use crate::error::{Error, Result};
use crate::http::AppState;

/// Header carrying a guest's booking token.
pub const TOKEN_HEADER: &str = "x-rdv-token";

/// The caller of a booking route.
#[derive(Clone, Debug)]
pub struct Caller {
    /// The guest token sent, if any.
    pub token: Option<String>,
    /// The signed-in caller, if any.
    pub principal: Option<Principal>,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        let header = parts
            .headers
            .get(TOKEN_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let query = parts.uri.query().and_then(|q| {
            q.split('&')
                .filter_map(|kv| kv.split_once('='))
                .find(|(k, _)| *k == "token")
                .map(|(_, v)| v.to_owned())
        });
        let token = header.or(query).filter(|t| !t.is_empty());
        let MaybePrincipal(principal) = MaybePrincipal::from_request_parts(parts, state).await?;
        if token.is_none() && principal.is_none() {
            return Err(Error::Unauthorized);
        }
        Ok(Self { token, principal })
    }
}

/// A booking opened for a caller, in a transaction of its tenant.
pub struct Access {
    /// The transaction (the caller commits it).
    pub tx: Transaction<'static, Postgres>,
    /// The booking.
    pub row: RdvRow,
}

/// The role code of a request that proves itself with a booking's guest token.
pub const GUEST_ROLE: &str = "GUEST";

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

/// Opens booking `id` for `action` by `caller` (locked for update when `lock`). Unknown ids,
/// wrong tokens and other tenants' bookings all answer 404.
pub async fn open(
    state: &AppState,
    id: &str,
    caller: &Caller,
    action: Action,
    lock: bool,
) -> Result<Access> {
    let id = Uuid::parse_str(id).map_err(|_| Error::NotFound)?;
    if let Some(token) = &caller.token {
        let (mut tx, _) = booking_tx(&state.db, id, GUEST_ROLE)
            .await?
            .ok_or(Error::NotFound)?;
        let row = repo::get(&mut tx, id, lock).await?.ok_or(Error::NotFound)?;
        let expected = row.guest_token_hash.as_deref().unwrap_or_default();
        if !constant_time_eq(expected.as_bytes(), auth::token_hash(token).as_bytes()) {
            return Err(Error::NotFound);
        }
        return Ok(Access { tx, row });
    }
    let principal = caller.principal.as_ref().ok_or(Error::Unauthorized)?;
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let row = repo::get(&mut tx, id, lock).await?.ok_or(Error::NotFound)?;
    principal.authorize(action, &resource(&row))?;
    Ok(Access { tx, row })
}

/// Reads booking `id` for `caller` (who may read it) and ends the transaction.
pub async fn read(state: &AppState, id: &str, caller: &Caller) -> Result<RdvRow> {
    let Access { tx, row } = open(state, id, caller, Action::Read, false).await?;
    tx.commit().await?;
    Ok(row)
}

/// Byte equality in time independent of where the inputs differ.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
