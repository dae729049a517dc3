//! Staff creations made safe to retry (`staff_requests`): a creating request with an
//! `Idempotency-Key` first asks [`replayed`] whether that admin's key already created something
//! — the same resource with the same body, a 409 with another — and, after creating, records
//! the key with [`remember`] in the same transaction.

use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::PgConnection;
use uuid::Uuid;

use super::lock_idempotency_key;
use crate::error::{Error, Result};

/// One creating request under an idempotency key.
pub struct KeyedRequest<'a> {
    /// The admin's network.
    pub tenant_id: Uuid,
    /// The admin.
    pub actor_id: Uuid,
    /// The client's `Idempotency-Key`.
    pub key: &'a str,
    /// What the request does (`agency.create`, ...).
    pub action: &'a str,
    /// SHA-256 of the action and the request's body.
    hash: Vec<u8>,
}

impl<'a> KeyedRequest<'a> {
    /// The request of `actor_id` in `tenant_id` doing `action` with `body` under `key`.
    pub fn new(
        tenant_id: Uuid,
        actor_id: Uuid,
        key: &'a str,
        action: &'a str,
        body: &impl Serialize,
    ) -> Self {
        let mut digest = Sha256::new();
        digest.update(action.as_bytes());
        digest.update([0]);
        digest.update(serde_json::to_vec(body).unwrap_or_default());
        Self {
            tenant_id,
            actor_id,
            key,
            action,
            hash: digest.finalize().to_vec(),
        }
    }
}

/// The resource an earlier request with this key created, holding the key's lock until the
/// transaction ends (so concurrent retries run one after the other); `None` the first time.
/// 409 `IDEMPOTENCY_CONFLICT` when the key was used for another request.
pub async fn replayed(conn: &mut PgConnection, request: &KeyedRequest<'_>) -> Result<Option<Uuid>> {
    let name = format!(
        "staff:{}:{}:{}",
        request.tenant_id, request.actor_id, request.key
    );
    lock_idempotency_key(conn, &name).await?;
    let earlier = sqlx::query!(
        "SELECT action, request_hash, resource_id FROM staff_requests \
         WHERE tenant_id = $1 AND actor_id = $2 AND idempotency_key = $3",
        request.tenant_id,
        request.actor_id,
        request.key
    )
    .fetch_optional(conn)
    .await?;
    match earlier {
        None => Ok(None),
        Some(e) if e.action == request.action && e.request_hash == request.hash => {
            Ok(Some(e.resource_id))
        }
        Some(_) => Err(Error::conflict(
            "IDEMPOTENCY_CONFLICT",
            "this Idempotency-Key was used for another request",
        )),
    }
}

/// Records that `request` created `resource_id`.
pub async fn remember(
    conn: &mut PgConnection,
    request: &KeyedRequest<'_>,
    resource_id: Uuid,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO staff_requests \
         (tenant_id, actor_id, idempotency_key, action, request_hash, resource_id) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        request.tenant_id,
        request.actor_id,
        request.key,
        request.action,
        request.hash,
        resource_id
    )
    .execute(conn)
    .await
    .map(drop)
}
