//! The payment and notification sections of the settings: their changes as a request gives
//! them, checked field by field (`payment.stripe_secret_key`, `notification.smtp_port`, ...),
//! and their answers. Secrets go through [`secret`].

use std::net::IpAddr;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use utoipa::ToSchema;
use uuid::Uuid;

use super::secret::{self, SecretView};
use crate::channels::{
    EmailProvider, NotificationChannel, PaymentChannel, PaymentProvider, SmsProvider, SmtpTls,
};
use crate::domain::{Email, optional_text};
use crate::error::{Error, Result};
use crate::extract::nullable;
use crate::secrets::Secrets;

/// Changes of the payment section; absent fields are kept, null clears one.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = PaymentSettingsChange)]
pub struct PaymentChange {
    /// `sandbox` (the platform's provider) or `stripe` (the network's own account, which needs
    /// both Stripe keys).
    pub provider: Option<PaymentProvider>,
    /// `pk_test_…` or `pk_live_…`.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, example = "pk_test_51H…")]
    pub stripe_publishable_key: Option<Option<String>>,
    /// `sk_test_…` or `sk_live_…`; write-only.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, example = "sk_test_51H…")]
    pub stripe_secret_key: Option<Option<String>>,
    /// `whsec_…`; write-only.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, example = "whsec_…")]
    pub stripe_webhook_secret: Option<Option<String>>,
}

/// Changes of the notification section; absent fields are kept, null clears one.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NotificationSettingsChange)]
pub struct NotificationChange {
    /// `platform`, `smtp` (needs host and port) or `brevo` (needs its API key).
    pub email_provider: Option<EmailProvider>,
    /// Host name or IP address of the SMTP server.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, example = "smtp.reseau.fr")]
    pub smtp_host: Option<Option<String>>,
    /// 1 to 65535.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<i64>, example = 587)]
    pub smtp_port: Option<Option<i64>>,
    /// SMTP user name, at most 200 characters.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub smtp_user: Option<Option<String>>,
    /// SMTP password; write-only.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub smtp_password: Option<Option<String>>,
    /// `starttls`, `tls` or `none`.
    pub smtp_tls: Option<SmtpTls>,
    /// Brevo API key (`xkeysib-…`); write-only.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub brevo_api_key: Option<Option<String>>,
    /// `platform`, `smsmode` (needs its API key) or `none`.
    pub sms_provider: Option<SmsProvider>,
    /// smsmode API key; write-only.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub smsmode_api_key: Option<Option<String>>,
    /// The name messages come from, at most 60 characters.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, example = "Contrôle Auto France")]
    pub sender_name: Option<Option<String>>,
    /// The address e-mails come from.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, example = "rdv@controle-auto-france.fr")]
    pub sender_email: Option<Option<String>>,
    /// Reminder the day before.
    pub reminder_j1: Option<bool>,
    /// Reminder two hours before.
    pub reminder_h2: Option<bool>,
}

/// How customers pay, as the settings answer it.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
#[schema(as = PaymentSettings)]
pub struct Payment {
    /// Who charges.
    pub provider: PaymentProvider,
    /// Stripe publishable key.
    pub stripe_publishable_key: Option<String>,
    /// Stripe secret key: only whether it is set.
    pub stripe_secret_key: SecretView,
    /// Stripe webhook signing secret: only whether it is set.
    pub stripe_webhook_secret: SecretView,
}

impl From<&PaymentChannel> for Payment {
    fn from(c: &PaymentChannel) -> Self {
        Self {
            provider: c.provider,
            stripe_publishable_key: c.stripe_publishable_key.clone(),
            stripe_secret_key: (&c.stripe_secret_key).into(),
            stripe_webhook_secret: (&c.stripe_webhook_secret).into(),
        }
    }
}

/// How messages go out, as the settings answer it.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
#[schema(as = NotificationSettings)]
pub struct Notification {
    /// How e-mails go out.
    pub email_provider: EmailProvider,
    /// SMTP host.
    pub smtp_host: Option<String>,
    /// SMTP port.
    pub smtp_port: Option<u16>,
    /// SMTP user name.
    pub smtp_user: Option<String>,
    /// SMTP password: only whether it is set.
    pub smtp_password: SecretView,
    /// How the SMTP connection is secured.
    pub smtp_tls: SmtpTls,
    /// Brevo API key: only whether it is set.
    pub brevo_api_key: SecretView,
    /// How SMS go out.
    pub sms_provider: SmsProvider,
    /// smsmode API key: only whether it is set.
    pub smsmode_api_key: SecretView,
    /// The name messages come from; null: the platform's.
    pub sender_name: Option<String>,
    /// The address e-mails come from; null: the platform's.
    pub sender_email: Option<String>,
    /// Reminder the day before.
    pub reminder_j1: bool,
    /// Reminder two hours before.
    pub reminder_h2: bool,
}

impl From<&NotificationChannel> for Notification {
    fn from(c: &NotificationChannel) -> Self {
        Self {
            email_provider: c.email_provider,
            smtp_host: c.smtp_host.clone(),
            smtp_port: c.smtp_port,
            smtp_user: c.smtp_user.clone(),
            smtp_password: (&c.smtp_password).into(),
            smtp_tls: c.smtp_tls,
            brevo_api_key: (&c.brevo_api_key).into(),
            sms_provider: c.sms_provider,
            smsmode_api_key: (&c.smsmode_api_key).into(),
            sender_name: c.sender_name.clone(),
            sender_email: c.sender_email.clone(),
            reminder_j1: c.reminder_j1,
            reminder_h2: c.reminder_h2,
        }
    }
}

/// The secrets of both sections as the audit trail records them (see [`secret::audited`]),
/// keyed `<section>.<field>` like the other audited fields.
pub fn audited_secrets(
    payment: &PaymentChannel,
    notification: &NotificationChannel,
) -> Map<String, Value> {
    [
        ("payment.stripe_secret_key", &payment.stripe_secret_key),
        (
            "payment.stripe_webhook_secret",
            &payment.stripe_webhook_secret,
        ),
        ("notification.smtp_password", &notification.smtp_password),
        ("notification.brevo_api_key", &notification.brevo_api_key),
        (
            "notification.smsmode_api_key",
            &notification.smsmode_api_key,
        ),
    ]
    .into_iter()
    .map(|(field, sealed)| (field.to_owned(), secret::audited(sealed)))
    .collect()
}

fn prefixed(
    value: &str,
    prefixes: &[&str],
    why: &'static str,
) -> std::result::Result<(), &'static str> {
    let ok = prefixes
        .iter()
        .any(|p| value.len() > p.len() && value.starts_with(p))
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if ok { Ok(()) } else { Err(why) }
}

/// `payment` changed by `change`; Stripe needs both its keys.
pub fn payment(
    secrets: &Secrets,
    tenant: Uuid,
    now: PaymentChannel,
    change: &PaymentChange,
) -> Result<PaymentChannel> {
    let publishable = match &change.stripe_publishable_key {
        None => now.stripe_publishable_key,
        Some(v) => match v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            None => None,
            Some(key) => {
                prefixed(
                    key,
                    &["pk_test_", "pk_live_"],
                    "starts with pk_test_ or pk_live_",
                )
                .map_err(|why| Error::validation("payment.stripe_publishable_key", why))?;
                Some(key.to_owned())
            }
        },
    };
    let next = PaymentChannel {
        provider: change.provider.unwrap_or(now.provider),
        stripe_publishable_key: publishable,
        stripe_secret_key: secret::apply(
            secrets,
            tenant,
            "payment.stripe_secret_key",
            now.stripe_secret_key,
            &change.stripe_secret_key,
            |v| {
                prefixed(
                    v,
                    &["sk_test_", "sk_live_", "rk_test_", "rk_live_"],
                    "starts with sk_test_ or sk_live_",
                )
            },
        )?,
        stripe_webhook_secret: secret::apply(
            secrets,
            tenant,
            "payment.stripe_webhook_secret",
            now.stripe_webhook_secret,
            &change.stripe_webhook_secret,
            |v| prefixed(v, &["whsec_"], "starts with whsec_"),
        )?,
    };
    if next.provider == PaymentProvider::Stripe {
        if next.stripe_secret_key.is_none() {
            return Err(Error::validation(
                "payment.stripe_secret_key",
                "required with Stripe",
            ));
        }
        if next.stripe_publishable_key.is_none() {
            return Err(Error::validation(
                "payment.stripe_publishable_key",
                "required with Stripe",
            ));
        }
    }
    Ok(next)
}

/// A host name (letters, digits, hyphens, dot-separated labels) or an IP address.
fn host(raw: &str) -> Result<String> {
    let host = raw.trim().trim_end_matches('.').to_ascii_lowercase();
    let label_ok = |l: &str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if host.parse::<IpAddr>().is_ok() || (host.len() <= 253 && host.split('.').all(label_ok)) {
        Ok(host)
    } else {
        Err(Error::validation(
            "notification.smtp_host",
            "not a host name",
        ))
    }
}

/// `notification` changed by `change`; a provider needs what it connects with.
pub fn notification(
    secrets: &Secrets,
    tenant: Uuid,
    now: NotificationChannel,
    change: &NotificationChange,
) -> Result<NotificationChannel> {
    fn text(
        field: &str,
        change: &Option<Option<String>>,
        now: Option<String>,
        max: usize,
    ) -> Result<Option<String>> {
        match change {
            None => Ok(now),
            Some(v) => optional_text(&format!("notification.{field}"), v.as_deref(), max),
        }
    }
    let c = change;
    let smtp_host = match &c.smtp_host {
        None => now.smtp_host,
        Some(v) => match v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            None => None,
            Some(h) => Some(host(h)?),
        },
    };
    let smtp_port = match c.smtp_port {
        None => now.smtp_port,
        Some(None) => None,
        Some(Some(p)) => Some(
            u16::try_from(p)
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| Error::validation("notification.smtp_port", "1 to 65535"))?,
        ),
    };
    let sender_email = match &c.sender_email {
        None => now.sender_email,
        Some(v) => match v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            None => None,
            Some(e) => Some(
                Email::parse(e)
                    .map_err(|_| {
                        Error::validation("notification.sender_email", "not a valid e-mail address")
                    })?
                    .as_str()
                    .to_owned(),
            ),
        },
    };
    let any = |_: &str| Ok(());
    let next = NotificationChannel {
        email_provider: c.email_provider.unwrap_or(now.email_provider),
        smtp_host,
        smtp_port,
        smtp_user: text("smtp_user", &c.smtp_user, now.smtp_user, 200)?,
        smtp_password: secret::apply(
            secrets,
            tenant,
            "notification.smtp_password",
            now.smtp_password,
            &c.smtp_password,
            any,
        )?,
        smtp_tls: c.smtp_tls.unwrap_or(now.smtp_tls),
        brevo_api_key: secret::apply(
            secrets,
            tenant,
            "notification.brevo_api_key",
            now.brevo_api_key,
            &c.brevo_api_key,
            |v| {
                if v.starts_with("xkeysib-") && v.len() > 8 {
                    Ok(())
                } else {
                    Err("starts with xkeysib-")
                }
            },
        )?,
        sms_provider: c.sms_provider.unwrap_or(now.sms_provider),
        smsmode_api_key: secret::apply(
            secrets,
            tenant,
            "notification.smsmode_api_key",
            now.smsmode_api_key,
            &c.smsmode_api_key,
            any,
        )?,
        sender_name: text("sender_name", &c.sender_name, now.sender_name, 60)?,
        sender_email,
        reminder_j1: c.reminder_j1.unwrap_or(now.reminder_j1),
        reminder_h2: c.reminder_h2.unwrap_or(now.reminder_h2),
    };
    let required = |field: &str, missing: bool, with: &str| {
        if missing {
            Err(Error::validation(
                &format!("notification.{field}"),
                format!("required with {with}"),
            ))
        } else {
            Ok(())
        }
    };
    if next.email_provider == EmailProvider::Smtp {
        required("smtp_host", next.smtp_host.is_none(), "SMTP")?;
        required("smtp_port", next.smtp_port.is_none(), "SMTP")?;
    }
    if next.email_provider == EmailProvider::Brevo {
        required("brevo_api_key", next.brevo_api_key.is_none(), "Brevo")?;
    }
    if next.sms_provider == SmsProvider::Smsmode {
        required("smsmode_api_key", next.smsmode_api_key.is_none(), "smsmode")?;
    }
    Ok(next)
}

/// The JSON a channel section is stored as.
pub fn stored<T: Serialize>(section: &T) -> Value {
    serde_json::to_value(section).unwrap_or_else(|_| json!({}))
}

#[cfg(test)]
mod tests {
    use base64::Engine as _;

    use super::*;
    use crate::secrets::SecretsKey;

    fn field(e: Error) -> String {
        match e {
            Error::Unprocessable { details, .. } => details["field"].as_str().unwrap().to_owned(),
            other => panic!("{other:?}"),
        }
    }

    fn secrets() -> Secrets {
        let key = base64::engine::general_purpose::STANDARD.encode([3u8; 32]);
        Secrets::new(Some(SecretsKey::parse(&key).unwrap()))
    }

    #[test]
    fn stripe_keys_are_known_by_their_prefixes_and_stripe_needs_both() {
        let change = |pk: &str, sk: &str| PaymentChange {
            provider: Some(PaymentProvider::Stripe),
            stripe_publishable_key: Some(Some(pk.into())),
            stripe_secret_key: Some(Some(sk.into())),
            ..PaymentChange::default()
        };
        let ok = payment(
            &secrets(),
            Uuid::nil(),
            PaymentChannel::default(),
            &change("pk_test_abc", "sk_test_abcdefgh4242"),
        )
        .unwrap();
        assert_eq!(ok.stripe_secret_key.unwrap().last4, "4242");
        for (pk, sk, at) in [
            ("pk_abc", "sk_test_abc", "payment.stripe_publishable_key"),
            ("pk_test_abc", "pk_test_abc", "payment.stripe_secret_key"),
            ("pk_test_abc", "", "payment.stripe_secret_key"),
        ] {
            let refused = payment(
                &secrets(),
                Uuid::nil(),
                PaymentChannel::default(),
                &change(pk, sk),
            );
            assert_eq!(field(refused.unwrap_err()), at, "{pk} {sk}");
        }
        let webhook = PaymentChange {
            stripe_webhook_secret: Some(Some("wh_123".into())),
            ..PaymentChange::default()
        };
        assert_eq!(
            field(
                payment(&secrets(), Uuid::nil(), PaymentChannel::default(), &webhook).unwrap_err()
            ),
            "payment.stripe_webhook_secret"
        );
    }

    #[test]
    fn a_secret_is_refused_without_a_key_and_cleared_without_one() {
        let change = PaymentChange {
            stripe_secret_key: Some(Some("sk_test_123456789".into())),
            ..PaymentChange::default()
        };
        match payment(
            &Secrets::default(),
            Uuid::nil(),
            PaymentChannel::default(),
            &change,
        ) {
            Err(Error::Unprocessable { code, details, .. }) => {
                assert_eq!(
                    (code, details["field"].as_str()),
                    ("SECRETS_KEY_MISSING", Some("payment.stripe_secret_key"))
                );
            }
            other => panic!("{other:?}"),
        }
        let set = payment(&secrets(), Uuid::nil(), PaymentChannel::default(), &change).unwrap();
        let clear = PaymentChange {
            stripe_secret_key: Some(None),
            ..PaymentChange::default()
        };
        assert!(
            payment(&Secrets::default(), Uuid::nil(), set, &clear)
                .unwrap()
                .stripe_secret_key
                .is_none()
        );
    }

    #[test]
    fn smtp_needs_a_host_and_a_port_and_both_are_checked() {
        let smtp = |host: &str, port: i64| NotificationChange {
            email_provider: Some(EmailProvider::Smtp),
            smtp_host: Some(Some(host.into())),
            smtp_port: Some(Some(port)),
            ..NotificationChange::default()
        };
        let ok = notification(
            &secrets(),
            Uuid::nil(),
            NotificationChannel::default(),
            &smtp("Mail.Reseau.fr", 587),
        )
        .unwrap();
        assert_eq!(
            (ok.smtp_host.as_deref(), ok.smtp_port),
            (Some("mail.reseau.fr"), Some(587))
        );
        for (host, port, at) in [
            ("mail reseau", 587, "notification.smtp_host"),
            ("-bad.fr", 587, "notification.smtp_host"),
            ("127.0.0.1", 0, "notification.smtp_port"),
            ("127.0.0.1", 70000, "notification.smtp_port"),
            ("", 25, "notification.smtp_host"),
        ] {
            let refused = notification(
                &secrets(),
                Uuid::nil(),
                NotificationChannel::default(),
                &smtp(host, port),
            );
            assert_eq!(field(refused.unwrap_err()), at, "{host}:{port}");
        }
        let sender = NotificationChange {
            sender_email: Some(Some("pas une adresse".into())),
            ..NotificationChange::default()
        };
        assert_eq!(
            field(
                notification(
                    &secrets(),
                    Uuid::nil(),
                    NotificationChannel::default(),
                    &sender
                )
                .unwrap_err()
            ),
            "notification.sender_email"
        );
    }

    #[test]
    fn audited_secrets_say_only_whether_and_when_they_changed() {
        let change = PaymentChange {
            stripe_secret_key: Some(Some("sk_test_123456789".into())),
            ..PaymentChange::default()
        };
        let set = payment(&secrets(), Uuid::nil(), PaymentChannel::default(), &change).unwrap();
        let audited =
            Value::Object(audited_secrets(&set, &NotificationChannel::default())).to_string();
        assert!(
            !audited.contains("6789") && !audited.contains("sk_test"),
            "{audited}"
        );
    }
}
