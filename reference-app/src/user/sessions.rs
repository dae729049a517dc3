//! Whether a session still lives. Logout and refresh-token reuse revoke a session in
//! PostgreSQL (the record) and, when `REDIS_URL` is set, write `pti:revoked:<session>` for as
//! long as an access token of that session can live, so each authenticated request checks it
//! with one key lookup instead of a database query. PostgreSQL is the fallback when Redis is
//! not configured or does not answer.

use sqlx::PgPool;
use uuid::Uuid;

use super::repo;
use crate::auth::Principal;
use crate::auth::jwt::ACCESS_TTL_SECS;
use crate::db::tenant_tx;
use crate::error::{Error, Result};

/// The revocation store: Redis when configured.
#[derive(Clone, Default)]
pub struct Sessions {
    redis: Option<redis::aio::ConnectionManager>,
}

/// The Redis key marking a session as revoked.
pub fn key(session: Uuid) -> String {
    format!("pti:revoked:{session}")
}

impl Sessions {
    /// Revocations kept in Redis through `conn`.
    pub fn redis(conn: redis::aio::ConnectionManager) -> Self {
        Self { redis: Some(conn) }
    }

    /// Marks `session` revoked in Redis, when configured (failures are logged: PostgreSQL
    /// holds the revocation anyway).
    pub async fn revoke(&self, session: Uuid) {
        let Some(mut conn) = self.redis.clone() else {
            return;
        };
        let result = redis::cmd("SET")
            .arg(key(session))
            .arg(1)
            .arg("EX")
            .arg(ACCESS_TTL_SECS + 60)
            .query_async::<()>(&mut conn)
            .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "could not record the revocation in Redis");
        }
    }

    /// Whether Redis holds `session` as revoked; `None` without Redis or when it fails.
    async fn is_revoked(&self, session: Uuid) -> Option<bool> {
        let mut conn = self.redis.clone()?;
        match redis::cmd("EXISTS")
            .arg(key(session))
            .query_async::<bool>(&mut conn)
            .await
        {
            Ok(revoked) => Some(revoked),
            Err(e) => {
                tracing::warn!(error = %e, "Redis did not answer; checking the session in PostgreSQL");
                None
            }
        }
    }

    /// The principal of a verified token if its session still lives (401 otherwise). From
    /// PostgreSQL it also takes the user's current agency and centre.
    pub async fn live(&self, db: &PgPool, principal: Principal) -> Result<Principal> {
        match self.is_revoked(principal.session_id).await {
            Some(true) => return Err(Error::Unauthorized),
            Some(false) => return Ok(principal),
            None => {}
        }
        let mut tx = tenant_tx(db, &principal.context()).await?;
        let session = repo::session_state(&mut tx, principal.session_id, principal.user_id).await?;
        tx.commit().await?;
        match session {
            Some(s) if !s.revoked => Ok(Principal {
                agency_id: s.agency_id,
                centre_id: s.centre_id,
                ..principal
            }),
            _ => Err(Error::Unauthorized),
        }
    }
}
