//! One request builder, [`Call`], and what it answers, [`Answer`]: every answer is checked
//! against the OpenAPI document.

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::response::Response;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use super::app::TestApp;
use super::documented;

/// A request to the application being built: headers and body, then [`Call::send`].
#[must_use = "a call does nothing until sent"]
pub struct Call<'a> {
    app: &'a TestApp,
    method: Method,
    path: String,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
}

impl<'a> Call<'a> {
    /// A request `method path` to `app`, without headers or body.
    pub(super) fn new(app: &'a TestApp, method: Method, path: &str) -> Self {
        Self {
            app,
            method,
            path: path.to_owned(),
            headers: Vec::new(),
            body: None,
        }
    }

    /// Adds the header `name: value`.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Signs the request in with an access token (`authorization: Bearer …`).
    pub fn bearer(self, token: &str) -> Self {
        self.header("authorization", &format!("Bearer {token}"))
    }

    /// Names the network served (`x-tenant-id`: a slug, a domain or an id).
    pub fn tenant(self, key: &str) -> Self {
        self.header("x-tenant-id", key)
    }

    /// Acts as the guest holding a booking's token (`x-rdv-token`).
    pub fn guest(self, token: &str) -> Self {
        self.header("x-rdv-token", token)
    }

    /// Makes a retry safe (`idempotency-key`).
    pub fn idempotency_key(self, key: &str) -> Self {
        self.header("idempotency-key", key)
    }

    /// Sends `body` as JSON.
    pub fn json(self, body: Value) -> Self {
        self.raw(body.to_string())
    }

    /// Sends `body` as it is, labelled `application/json` unless a `content-type` header was
    /// set (for malformed or oversized bodies, and images).
    pub fn raw(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = Some(body.into());
        self
    }

    /// Sends the request; panics unless the answer is documented (status and JSON body) for
    /// the operation in the OpenAPI document (paths it does not know are not checked).
    pub async fn send(self) -> Answer {
        let (answer, verdict) = self.send_with_verdict().await;
        if let Err(e) = verdict {
            panic!("{e}");
        }
        answer
    }

    /// Sends the request and answers, beside the answer, whether the OpenAPI document
    /// documents it (the error says how it strays), instead of panicking.
    pub async fn send_with_verdict(self) -> (Answer, Result<(), String>) {
        let mut request = Request::builder()
            .method(self.method.clone())
            .uri(&self.path);
        for (name, value) in &self.headers {
            request = request.header(name, value);
        }
        let labelled = self
            .headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("content-type"));
        let body = match self.body {
            Some(bytes) => {
                if !labelled {
                    request = request.header("content-type", "application/json");
                }
                Body::from(bytes)
            }
            None => Body::empty(),
        };
        let response = self
            .app
            .router
            .clone()
            .oneshot(request.body(body).unwrap())
            .await
            .unwrap();
        let answer = Answer::read(response).await;
        let verdict = documented::verify(&self.method, &self.path, answer.status, &answer.json);
        (answer, verdict)
    }
}

/// What the application answered.
#[derive(Debug)]
pub struct Answer {
    /// The status.
    pub status: StatusCode,
    /// The headers.
    pub headers: HeaderMap,
    /// The raw body.
    pub bytes: Vec<u8>,
    /// The body as JSON; `Null` when it is empty or not JSON.
    pub json: Value,
}

impl Answer {
    /// Reads `response`; panics if a body labelled JSON does not parse.
    pub(super) async fn read(response: Response) -> Self {
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        let labelled_json = headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        let json = match serde_json::from_slice(&bytes) {
            Ok(json) => json,
            Err(e) if labelled_json && !bytes.is_empty() => {
                panic!("{status}: the JSON body does not parse: {e}")
            }
            Err(_) => Value::Null,
        };
        Self {
            status,
            headers,
            bytes,
            json,
        }
    }

    /// The status and the field a refusal names (`details.field`).
    pub fn refusal(&self) -> (StatusCode, Option<&str>) {
        (self.status, self.json["details"]["field"].as_str())
    }

    /// The body as text; panics unless it is UTF-8.
    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.bytes).expect("a UTF-8 body")
    }
}
