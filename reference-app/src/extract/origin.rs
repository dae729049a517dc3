//! Where a request came from, for the audit trail: [`Origin`] (the request id the middleware
//! set, the client's address as the rate limiter reads it, the user agent).

use axum::extract::FromRequestParts;
use axum::http::header::USER_AGENT;
use axum::http::request::Parts;

use crate::audit::Origin;
use crate::error::Error;
use crate::http::{REQUEST_ID, rate_limit};

/// The longest user agent kept.
const MAX_USER_AGENT: usize = 500;

impl<S: Send + Sync> FromRequestParts<S> for Origin {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Error> {
        let header = |name| {
            parts
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        Ok(Self {
            request_id: header(REQUEST_ID),
            ip: rate_limit::client_address(&parts.extensions),
            user_agent: header(USER_AGENT).map(|ua| ua.chars().take(MAX_USER_AGENT).collect()),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::net::SocketAddr;

    use axum::extract::ConnectInfo;
    use axum::http::Request;

    use super::*;

    #[tokio::test]
    async fn the_origin_is_the_request_id_the_peer_and_the_user_agent() {
        let peer: SocketAddr = "192.0.2.7:4711".parse().unwrap();
        let (mut parts, ()) = Request::builder()
            .header("x-request-id", "req-1")
            .header("user-agent", "x".repeat(600))
            .extension(ConnectInfo(peer))
            .body(())
            .unwrap()
            .into_parts();
        let origin = Origin::from_request_parts(&mut parts, &()).await.unwrap();
        assert_eq!(origin.request_id.as_deref(), Some("req-1"));
        assert_eq!(origin.ip, Some(peer.ip()));
        assert_eq!(origin.user_agent.map(|ua| ua.len()), Some(MAX_USER_AGENT));
    }

    #[tokio::test]
    async fn an_in_process_request_has_no_address() {
        let (mut parts, ()) = Request::new(()).into_parts();
        assert_eq!(
            Origin::from_request_parts(&mut parts, &()).await.unwrap(),
            Origin::default()
        );
    }
}
