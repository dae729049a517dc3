//! SMS through a gateway, when one is configured: the [`SmsGateway`] trait and its smsmode
//! adapter (smsmode's REST API: `POST /sms/v1/messages` with an `X-Api-Key` header). Without a
//! gateway, SMS go to the local mailbox.

use std::time::Duration;

use axum::http::HeaderName;
use serde_json::json;

use crate::outbound::Api;
use crate::outbound::BoxFuture;

/// A service that delivers text messages.
pub trait SmsGateway: Send + Sync {
    /// The provider's name as logged in `notification_deliveries.provider`.
    fn name(&self) -> &'static str;

    /// Sends `text` to the phone number `to` (French or international); answers the gateway's
    /// message id.
    fn send<'a>(&'a self, to: &'a str, text: &'a str) -> BoxFuture<'a, anyhow::Result<String>>;
}

/// A phone number in the international form without `+` (`0612345678` → `33612345678`).
pub fn international(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let number = if phone.trim_start().starts_with('+') {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_owned()
    } else if digits.len() == 10 && digits.starts_with('0') {
        format!("33{}", &digits[1..])
    } else {
        return None;
    };
    (9..=15).contains(&number.len()).then_some(number)
}

/// The smsmode gateway.
pub struct SmsMode {
    api: Api,
    api_key: String,
    sender: String,
}

impl SmsMode {
    /// A gateway for `api_key` at `base`, sending as `sender` (11 characters at most).
    pub fn new(base: &str, api_key: &str, sender: &str) -> Self {
        Self {
            api: Api::new("smsmode", base, Duration::from_secs(15)),
            api_key: api_key.to_owned(),
            sender: sender.chars().take(11).collect(),
        }
    }
}

impl SmsGateway for SmsMode {
    fn name(&self) -> &'static str {
        "smsmode"
    }

    fn send<'a>(&'a self, to: &'a str, text: &'a str) -> BoxFuture<'a, anyhow::Result<String>> {
        Box::pin(async move {
            let to = international(to)
                .ok_or_else(|| anyhow::anyhow!("'{to}' is not a phone number an SMS can reach"))?;
            let body =
                json!({ "recipient": { "to": to }, "body": { "text": text }, "from": self.sender });
            let headers = [(HeaderName::from_static("x-api-key"), self.api_key.clone())];
            let (status, answer) = self
                .api
                .post(
                    "/sms/v1/messages",
                    "application/json",
                    &headers,
                    body.to_string(),
                )
                .await?;
            if !status.is_success() {
                anyhow::bail!("smsmode answered {status}: {answer}");
            }
            Ok(answer["messageId"].as_str().unwrap_or_default().to_owned())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_become_international() {
        assert_eq!(
            international("06 12 34 56 78").as_deref(),
            Some("33612345678")
        );
        assert_eq!(
            international("+33 6 12 34 56 78").as_deref(),
            Some("33612345678")
        );
        assert_eq!(
            international("0032 470 12 34 56").as_deref(),
            Some("32470123456")
        );
        assert_eq!(international("12 34"), None);
    }
}
