//! Access tokens: the test key pair, reading and signing claims, and sessions revoked in Redis.

use serde_json::Value;
use uuid::Uuid;

use super::app::TestApp;
use super::server::{Claims, Jwt, JwtKeys, sessions};

/// The public half of the test key pair (tests/fixtures, for tests only), in PEM.
pub const TEST_PUBLIC_KEY: &str = include_str!("../../fixtures/test_jwt_public.pem");

/// The test key pair the application signs with.
pub(super) fn test_keys() -> JwtKeys {
    JwtKeys {
        private_pem: include_str!("../../fixtures/test_jwt_private.pem").to_owned(),
        public_pem: TEST_PUBLIC_KEY.to_owned(),
    }
}

/// The claims of `token`, read without checking its signature.
pub fn claims(token: &str) -> Value {
    jsonwebtoken::dangerous::insecure_decode::<Value>(token)
        .unwrap()
        .claims
}

/// `claims` (as read by [`claims`]) signed with a freshly generated key pair the application
/// does not know.
pub fn sign_with_a_foreign_key(claims: &Value) -> String {
    let keys = JwtKeys::generate(1024).unwrap();
    Jwt::new(&keys).unwrap().sign(&as_claims(claims)).unwrap()
}

fn as_claims(claims: &Value) -> Claims {
    serde_json::from_value(claims.clone()).expect("access-token claims")
}

/// The session of `token`.
fn session(token: &str) -> Uuid {
    claims(token)["sid"].as_str().unwrap().parse().unwrap()
}

impl TestApp {
    /// `claims` (as read by [`claims`]) signed with the application's key.
    pub fn sign(&self, claims: &Value) -> String {
        self.state.jwt.sign(&as_claims(claims)).unwrap()
    }

    /// Whether Redis marks the session of `token` revoked (needs
    /// [`TestAppBuilder::redis`](super::app::TestAppBuilder::redis)).
    pub async fn revoked_in_redis(&self, token: &str) -> bool {
        redis::cmd("EXISTS")
            .arg(sessions::key(session(token)))
            .query_async::<bool>(&mut self.redis_sessions())
            .await
            .unwrap()
    }

    /// Marks the session of `token` revoked in Redis only, for a minute, as another instance
    /// would (needs [`TestAppBuilder::redis`](super::app::TestAppBuilder::redis)).
    pub async fn revoke_in_redis(&self, token: &str) {
        redis::cmd("SET")
            .arg(sessions::key(session(token)))
            .arg(1)
            .arg("EX")
            .arg(60)
            .query_async::<()>(&mut self.redis_sessions())
            .await
            .unwrap();
    }

    fn redis_sessions(&self) -> redis::aio::ConnectionManager {
        self.redis
            .clone()
            .expect("built with TestAppBuilder::redis")
    }
}
