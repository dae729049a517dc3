//! A network's own channels as its settings document stores them: how its customers pay
//! (the `payment` section: the sandbox, or its own Stripe account) and how its messages go out
//! (the `notification` section: the platform's relay, its own SMTP server or Brevo account, an
//! SMS gateway, its sender, its reminders). Secrets are [`Sealed`]; the admin settings write
//! these sections, the payment and notification services read them.

mod repo;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sqlx::PgConnection;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::secrets::{Place, Sealed, SecretsError, SecretsKey};

/// The settings section of the payment channel.
pub const PAYMENT: &str = "payment";
/// The settings section of the notification channels.
pub const NOTIFICATION: &str = "notification";

/// Who charges a network's customers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PaymentProvider {
    /// The platform's provider (the sandbox, or the platform's Stripe account when the server
    /// has one).
    #[default]
    Sandbox,
    /// The network's own Stripe account.
    Stripe,
}

/// A network's payment channel.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct PaymentChannel {
    /// Who charges.
    pub provider: PaymentProvider,
    /// Stripe publishable key (`pk_test_…`, `pk_live_…`), for the card form.
    pub stripe_publishable_key: Option<String>,
    /// Stripe secret key (`sk_test_…`, `sk_live_…`).
    pub stripe_secret_key: Option<Sealed>,
    /// Stripe webhook signing secret (`whsec_…`).
    pub stripe_webhook_secret: Option<Sealed>,
}

/// How a network's e-mails go out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum EmailProvider {
    /// The platform's relay (the local mailbox in development).
    #[default]
    Platform,
    /// The network's SMTP server.
    Smtp,
    /// The network's Brevo account (transactional e-mail API).
    Brevo,
}

/// How an SMTP connection is secured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// STARTTLS, required (usually port 587).
    #[default]
    Starttls,
    /// TLS from the first byte (SMTPS, usually port 465).
    Tls,
    /// None (a local relay only).
    None,
}

/// How a network's SMS go out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SmsProvider {
    /// The platform's gateway (the local mailbox in development).
    #[default]
    Platform,
    /// The network's smsmode account.
    Smsmode,
    /// No SMS at all.
    None,
}

/// A network's notification channels.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct NotificationChannel {
    /// How e-mails go out.
    pub email_provider: EmailProvider,
    /// SMTP server's host name.
    pub smtp_host: Option<String>,
    /// SMTP server's port.
    pub smtp_port: Option<u16>,
    /// SMTP user name.
    pub smtp_user: Option<String>,
    /// SMTP password.
    pub smtp_password: Option<Sealed>,
    /// How the SMTP connection is secured.
    pub smtp_tls: SmtpTls,
    /// Brevo API key.
    pub brevo_api_key: Option<Sealed>,
    /// How SMS go out.
    pub sms_provider: SmsProvider,
    /// smsmode API key.
    pub smsmode_api_key: Option<Sealed>,
    /// The name messages come from (and the SMS sender, up to 11 letters and digits).
    pub sender_name: Option<String>,
    /// The address e-mails come from.
    pub sender_email: Option<String>,
    /// Whether customers get a reminder the day before.
    pub reminder_j1: bool,
    /// Whether customers get a reminder two hours before.
    pub reminder_h2: bool,
}

impl Default for NotificationChannel {
    fn default() -> Self {
        Self {
            email_provider: EmailProvider::default(),
            smtp_host: None,
            smtp_port: None,
            smtp_user: None,
            smtp_password: None,
            smtp_tls: SmtpTls::default(),
            brevo_api_key: None,
            sms_provider: SmsProvider::default(),
            smsmode_api_key: None,
            sender_name: None,
            sender_email: None,
            reminder_j1: true,
            reminder_h2: true,
        }
    }
}

/// The section `key` of a settings document, or its default when absent or unreadable.
pub fn section<T: Default + for<'de> Deserialize<'de>>(settings: &Value, key: &str) -> T {
    settings
        .get(key)
        .cloned()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

/// The settings document of `tenant` (the transaction's own network), `null` when unseen.
pub async fn settings(conn: &mut PgConnection, tenant: Uuid) -> sqlx::Result<Value> {
    Ok(repo::settings(conn, tenant).await?.unwrap_or(Value::Null))
}

/// The secret `sealed` of `tenant`'s `field` (`payment.stripe_secret_key`), opened with `key`.
pub fn open(
    key: &SecretsKey,
    tenant: Uuid,
    field: &str,
    sealed: &Sealed,
) -> Result<String, SecretsError> {
    key.open(&Place { tenant, field }, &sealed.sealed)
}
