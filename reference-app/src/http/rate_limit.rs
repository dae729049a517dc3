//! Rate limits per route class and client address: a fixed window per (class, address), kept
//! in the instance's memory (each instance limits on its own). Over the limit: 429 with
//! `Retry-After`.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::Extensions;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::config::Limits;
use crate::error::Error;
use crate::state::AppState;

/// A class of routes sharing one limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RouteClass {
    /// Login, sign-up, refresh: strict (password guessing).
    Auth,
    /// Availability search and places: stricter than the rest (scraping).
    Search,
    /// Everything else.
    Default,
}

impl RouteClass {
    /// The class of a matched route path.
    pub fn of(path: &str) -> Self {
        if path.starts_with("/api/v1/auth/") {
            Self::Auth
        } else if path.starts_with("/api/v1/disponibilites/") || path.starts_with("/api/v1/places/")
        {
            Self::Search
        } else {
            Self::Default
        }
    }
}

/// A window is counted per route class and client address.
type WindowKey = (RouteClass, Option<IpAddr>);
/// Start of the current window and requests counted in it.
type Window = (Instant, u32);

/// The limiter shared by an instance's requests.
#[derive(Clone, Debug, Default)]
pub struct RateLimiter {
    limits: Limits,
    windows: Arc<Mutex<HashMap<WindowKey, Window>>>,
}

impl RateLimiter {
    /// A limiter with `limits`.
    pub fn new(limits: Limits) -> Self {
        Self {
            limits,
            windows: Arc::default(),
        }
    }

    /// Counts one request at `now`; `Err(seconds)` to wait when over the limit.
    pub fn check(
        &self,
        class: RouteClass,
        client: Option<IpAddr>,
        now: Instant,
    ) -> Result<(), u64> {
        let limit = match class {
            RouteClass::Auth => self.limits.auth,
            RouteClass::Search => self.limits.search,
            RouteClass::Default => self.limits.default,
        };
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() > 100_000 {
            let window = self.limits.window;
            windows.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let entry = windows.entry((class, client)).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.limits.window {
            *entry = (now, 0);
        }
        if entry.1 >= limit {
            let left = self
                .limits
                .window
                .saturating_sub(now.duration_since(entry.0));
            return Err(left.as_secs().max(1));
        }
        entry.1 += 1;
        Ok(())
    }
}

/// The client's address: the peer of the connection (`ConnectInfo`, set when the server
/// serves with connect info); `None` when unknown (a request driven in-process).
pub fn client_address(extensions: &Extensions) -> Option<IpAddr> {
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
}

/// Middleware applying the limiter of the state.
pub async fn enforce(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let class = request
        .extensions()
        .get::<MatchedPath>()
        .map_or(RouteClass::Default, |p| RouteClass::of(p.as_str()));
    let client = client_address(request.extensions());
    match state.rate_limiter.check(class, client, Instant::now()) {
        Ok(()) => next.run(request).await,
        Err(retry_after_secs) => Error::TooManyRequests { retry_after_secs }.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn the_limit_resets_after_the_window() {
        let limiter = RateLimiter::new(Limits {
            window: Duration::from_secs(60),
            auth: 2,
            search: 50,
            default: 100,
        });
        let t0 = Instant::now();
        let ip = Some("10.0.0.1".parse().unwrap());
        assert!(limiter.check(RouteClass::Auth, ip, t0).is_ok());
        assert!(limiter.check(RouteClass::Auth, ip, t0).is_ok());
        assert_eq!(
            limiter.check(RouteClass::Auth, ip, t0 + Duration::from_secs(15)),
            Err(45)
        );
        // Another address and another class have their own windows.
        assert!(
            limiter
                .check(RouteClass::Auth, Some("10.0.0.2".parse().unwrap()), t0)
                .is_ok()
        );
        assert!(limiter.check(RouteClass::Default, ip, t0).is_ok());
        assert!(
            limiter
                .check(RouteClass::Auth, ip, t0 + Duration::from_secs(60))
                .is_ok()
        );
    }

    #[test]
    fn auth_routes_are_their_own_class() {
        assert_eq!(RouteClass::of("/api/v1/auth/login"), RouteClass::Auth);
        assert_eq!(RouteClass::of("/api/v1/users/me"), RouteClass::Default);
        assert_eq!(
            RouteClass::of("/api/v1/disponibilites/search"),
            RouteClass::Search
        );
    }
}
