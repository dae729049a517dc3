//! Calls to third-party HTTP APIs (Stripe, the SMS gateway): one HTTPS client (rustls with the
//! webpki roots; plain HTTP for local mocks) and a POST that answers status and JSON body
//! within a time limit.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use axum::http::{HeaderName, Method, Request, StatusCode, header};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::Value;

/// A boxed future, so third-party adapters (payment providers, SMS gateways) can live
/// behind `dyn`.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// An HTTPS (or, for local mocks, HTTP) client for one API root.
pub struct Api {
    base: String,
    name: &'static str,
    timeout: Duration,
    client: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
}

impl Api {
    /// A client of the API `name` (for messages) rooted at `base`, waiting `timeout` at most.
    pub fn new(name: &'static str, base: &str, timeout: Duration) -> Self {
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_webpki_roots()
            .https_or_http()
            .enable_http1()
            .build();
        Self {
            base: base.trim_end_matches('/').to_owned(),
            name,
            timeout,
            client: Client::builder(TokioExecutor::new()).build(https),
        }
    }

    /// POSTs `body` of `content_type` to `path` with `headers`; answers the status and the JSON
    /// body (`Null` when the body is not JSON). Transport failures and time-outs are errors.
    pub async fn post(
        &self,
        path: &str,
        content_type: &str,
        headers: &[(HeaderName, String)],
        body: String,
    ) -> anyhow::Result<(StatusCode, Value)> {
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(format!("{}{path}", self.base))
            .header(header::CONTENT_TYPE, content_type)
            .header(header::ACCEPT, "application/json");
        for (name, value) in headers {
            request = request.header(name, value);
        }
        let request = request.body(Full::new(Bytes::from(body)))?;
        let response = tokio::time::timeout(self.timeout, self.client.request(request))
            .await
            .map_err(|_| anyhow::anyhow!("{} did not answer in time", self.name))??;
        let status = response.status();
        let bytes = response.into_body().collect().await?.to_bytes();
        Ok((
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        ))
    }
}
