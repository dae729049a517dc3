//! The channels a network's messages go out through: its own SMTP server or Brevo account and
//! its smsmode account when its settings name them (secrets opened with the server's key),
//! the platform's relay and gateway otherwise; and its sender.

use std::sync::Arc;

use lettre::message::Mailbox;
use uuid::Uuid;

use super::brevo::Brevo;
use super::mailer::{Mailer, Sender};
use super::service::Outlets;
use super::sms::{SmsGateway, SmsMode};
use super::smtp::{Server, Smtp};
use crate::channels::{self, EmailProvider, NotificationChannel, SmsProvider};
use crate::secrets::Sealed;

/// The SMS sender when a network names none.
const SMS_SENDER: &str = "PTICalendar";
/// The address e-mails of a network's own server come from when it names none.
const NO_REPLY: &str = "no-reply@pti-calendar.fr";

/// Where SMS go.
#[derive(Clone)]
pub enum Sms {
    /// Through a gateway.
    Gateway(Arc<dyn SmsGateway>),
    /// To the local mailbox (no gateway configured).
    Mailbox,
    /// Nowhere: the network sends no SMS.
    Off,
}

/// A network's channels.
#[derive(Clone)]
pub struct Channels {
    /// The mailer; `None`: the local mailbox.
    pub email: Option<Arc<dyn Mailer>>,
    /// Where SMS go.
    pub sms: Sms,
    /// Who e-mails come from.
    pub sender: Sender,
}

/// The channels of `tenant` whose settings say `channel`, over the platform's `outlets`.
pub fn channels(
    outlets: &Outlets,
    tenant: Uuid,
    channel: &NotificationChannel,
) -> anyhow::Result<Channels> {
    let open = |field: &str, sealed: &Option<Sealed>| -> anyhow::Result<String> {
        let (Some(sealed), Some(key)) = (sealed, outlets.secrets.key()) else {
            anyhow::bail!("{field} of network {tenant} is unset or cannot be opened");
        };
        Ok(channels::open(key, tenant, field, sealed)?)
    };
    let sender = Sender {
        name: channel.sender_name.clone(),
        email: channel.sender_email.clone(),
    };
    let email: Option<Arc<dyn Mailer>> = match channel.email_provider {
        EmailProvider::Platform => outlets.smtp.clone().map(|s| s as Arc<dyn Mailer>),
        EmailProvider::Smtp => {
            let host = channel
                .smtp_host
                .as_deref()
                .ok_or_else(|| anyhow::anyhow!("network {tenant} has no SMTP host"))?;
            let credentials = match (&channel.smtp_user, &channel.smtp_password) {
                (Some(user), Some(_)) => Some((
                    user.clone(),
                    open("notification.smtp_password", &channel.smtp_password)?,
                )),
                _ => None,
            };
            let server = Server {
                host,
                port: channel.smtp_port.unwrap_or(587),
                tls: channel.smtp_tls,
                credentials,
            };
            let from = Mailbox::new(channel.sender_name.clone(), NO_REPLY.parse()?);
            Some(Arc::new(Smtp::server(&server, from)?))
        }
        EmailProvider::Brevo => Some(Arc::new(Brevo::new(
            &outlets.brevo_api_base,
            &open("notification.brevo_api_key", &channel.brevo_api_key)?,
        ))),
    };
    let sms = match channel.sms_provider {
        SmsProvider::None => Sms::Off,
        SmsProvider::Platform => outlets.sms.clone().map_or(Sms::Mailbox, Sms::Gateway),
        SmsProvider::Smsmode => Sms::Gateway(Arc::new(SmsMode::new(
            &outlets.smsmode_api_base,
            &open("notification.smsmode_api_key", &channel.smsmode_api_key)?,
            &sms_sender(channel.sender_name.as_deref()),
        ))),
    };
    Ok(Channels { email, sms, sender })
}

/// The SMS sender of a network named `name`: its letters and digits, 11 at most.
fn sms_sender(name: Option<&str>) -> String {
    let letters: String = name
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(11)
        .collect();
    if letters.is_empty() {
        SMS_SENDER.to_owned()
    } else {
        letters
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_sms_sender_keeps_eleven_letters_and_digits() {
        assert_eq!(sms_sender(Some("Contrôle Auto France")), "ContrleAuto");
        assert_eq!(sms_sender(Some("—")), SMS_SENDER);
        assert_eq!(sms_sender(None), SMS_SENDER);
    }
}
