//! The e-mail seam: a [`Mailer`] (an SMTP relay, Brevo's API) sends one message as a network's
//! [`Sender`].

use lettre::Address;
use lettre::message::Mailbox;

use super::messages::Message;
use crate::outbound::BoxFuture;

/// Who a network's e-mails come from; what it leaves unset is the mailer's own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sender {
    /// The name shown.
    pub name: Option<String>,
    /// The address.
    pub email: Option<String>,
}

impl Sender {
    /// This sender over `default`'s name and address.
    pub fn mailbox(&self, default: &Mailbox) -> anyhow::Result<Mailbox> {
        let email = match &self.email {
            Some(e) => e.parse::<Address>()?,
            None => default.email.clone(),
        };
        Ok(Mailbox::new(
            self.name.clone().or_else(|| default.name.clone()),
            email,
        ))
    }
}

/// A service that delivers e-mail.
pub trait Mailer: Send + Sync {
    /// The provider's name as logged in `notification_deliveries.provider`.
    fn name(&self) -> &'static str;

    /// Sends `message` as `sender`; answers the provider's reference of it.
    fn send<'a>(
        &'a self,
        sender: &'a Sender,
        message: &'a Message,
    ) -> BoxFuture<'a, anyhow::Result<String>>;
}

/// Why an e-mail did not go out, as the portal names it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Failure {
    /// The server could not be reached (refused connection, unknown host, time-out, TLS).
    #[error("the e-mail server could not be reached: {0}")]
    Unreachable(String),
    /// The server refused the credentials.
    #[error("the e-mail server refused the credentials: {0}")]
    AuthFailed(String),
    /// The server refused the message.
    #[error("the e-mail server refused the message: {0}")]
    Refused(String),
}

impl Failure {
    /// The failure `e` (of a [`Mailer::send`]) stands for.
    pub fn of(e: &anyhow::Error) -> Self {
        if let Some(failure) = e.downcast_ref::<Failure>() {
            return failure.clone();
        }
        let text = e.to_string();
        let Some(smtp) = e.downcast_ref::<lettre::transport::smtp::Error>() else {
            return Failure::Refused(text);
        };
        let auth = smtp
            .status()
            .is_some_and(|c| matches!(c.to_string().as_str(), "530" | "534" | "535" | "538"));
        if auth {
            Failure::AuthFailed(text)
        } else if smtp.is_response() {
            Failure::Refused(text)
        } else {
            Failure::Unreachable(text)
        }
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Failure::Unreachable(_) => "NOTIFICATION_UNREACHABLE",
            Failure::AuthFailed(_) => "NOTIFICATION_AUTH_FAILED",
            Failure::Refused(_) => "NOTIFICATION_REFUSED",
        }
    }
}
