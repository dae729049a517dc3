//! E-mail through Brevo's transactional API (`POST /v3/smtp/email` with an `api-key` header),
//! for a network with a Brevo account. The base URL is configurable so tests run it against a
//! local stand-in.

use std::time::Duration;

use axum::http::HeaderName;
use base64::Engine as _;
use serde_json::json;

use super::mailer::{Failure, Mailer, Sender};
use super::messages::Message;
use crate::outbound::{Api, BoxFuture};

/// A Brevo account.
pub struct Brevo {
    api: Api,
    api_key: String,
}

impl Brevo {
    /// The account of `api_key` at `base` (Brevo's, or a stand-in's).
    pub fn new(base: &str, api_key: &str) -> Self {
        Self {
            api: Api::new("Brevo", base, Duration::from_secs(15)),
            api_key: api_key.to_owned(),
        }
    }
}

impl Mailer for Brevo {
    fn name(&self) -> &'static str {
        "brevo"
    }

    fn send<'a>(
        &'a self,
        sender: &'a Sender,
        message: &'a Message,
    ) -> BoxFuture<'a, anyhow::Result<String>> {
        Box::pin(async move {
            let from = sender
                .email
                .as_deref()
                .ok_or_else(|| anyhow::anyhow!("Brevo needs a sender address"))?;
            let mut body = json!({
                "sender": { "name": sender.name, "email": from },
                "to": [{ "email": message.recipient }],
                "subject": message.subject.clone().unwrap_or_default(),
                "textContent": message.body,
            });
            if let Some((name, content)) = &message.ics {
                body["attachment"] = json!([{
                    "name": name,
                    "content": base64::engine::general_purpose::STANDARD.encode(content),
                }]);
            }
            let headers = [(HeaderName::from_static("api-key"), self.api_key.clone())];
            let (status, answer) = self
                .api
                .post(
                    "/v3/smtp/email",
                    "application/json",
                    &headers,
                    body.to_string(),
                )
                .await
                .map_err(|e| Failure::Unreachable(e.to_string()))?;
            if status.as_u16() == 401 {
                return Err(Failure::AuthFailed("Brevo refused the API key".to_owned()).into());
            }
            if !status.is_success() {
                return Err(Failure::Refused(format!("Brevo answered {status}: {answer}")).into());
            }
            Ok(answer["messageId"].as_str().unwrap_or_default().to_owned())
        })
    }
}
