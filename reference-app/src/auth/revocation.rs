//! Revoked sessions in Redis (when `REDIS_URL` is set): logout and refresh-token reuse write
//! `pti:revoked:<session>` for as long as an access token of that session can live, and each
//! authenticated request checks it with one key lookup instead of a database query. PostgreSQL
//! stays the record (refresh tokens are revoked there too) and the fallback when Redis is not
//! configured or does not answer.

use uuid::Uuid;

use super::jwt::ACCESS_TTL_SECS;
use crate::http::AppState;

/// The Redis key marking a session as revoked.
pub fn key(session: Uuid) -> String {
    format!("pti:revoked:{session}")
}

/// Marks `session` revoked in Redis, when configured (failures are logged: PostgreSQL holds
/// the revocation anyway).
pub async fn revoke(state: &AppState, session: Uuid) {
    let Some(mut conn) = state.redis_sessions.clone() else {
        return;
    };
    let result = async {
        redis::cmd("SET")
            .arg(key(session))
            .arg(1)
            .arg("EX")
            .arg(ACCESS_TTL_SECS + 60)
            .query_async::<()>(&mut conn)
            .await
    }
    .await;
    if let Err(e) = result {
        tracing::warn!(error = %e, "could not record the revocation in Redis");
    }
}

/// Whether Redis holds `session` as revoked; `None` without Redis or when it fails.
pub async fn is_revoked(state: &AppState, session: Uuid) -> Option<bool> {
    let mut conn = state.redis_sessions.clone()?;
    let result = async {
        redis::cmd("EXISTS")
            .arg(key(session))
            .query_async::<bool>(&mut conn)
            .await
    }
    .await;
    match result {
        Ok(revoked) => Some(revoked),
        Err(e) => {
            tracing::warn!(error = %e, "Redis did not answer; checking the session in PostgreSQL");
            None
        }
    }
}
