//! E-mail through SMTP (lettre): the platform's relay (`PTI_SMTP_URL`) or a network's own
//! server; the message in French plain text, the ICS as an attachment.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message as Email, Tokio1Executor};

use super::mailer::{Mailer, Sender};
use super::messages::Message;
use crate::channels::SmtpTls;
use crate::outbound::BoxFuture;

/// How long an SMTP exchange may take.
const TIMEOUT: Duration = Duration::from_secs(15);

/// An SMTP relay.
pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// A network's SMTP server as its settings name it.
pub struct Server<'a> {
    /// Host name or address.
    pub host: &'a str,
    /// Port.
    pub port: u16,
    /// How the connection is secured.
    pub tls: SmtpTls,
    /// User name and password, when it asks for them.
    pub credentials: Option<(String, String)>,
}

impl Smtp {
    /// A relay from a URL (`smtp://user:pass@host:587?tls=required`, `smtps://host`, or
    /// `smtp://localhost:2525` without TLS) sending as `from`.
    pub fn new(url: &str, from: &str) -> anyhow::Result<Self> {
        Ok(Self {
            transport: AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?
                .timeout(Some(TIMEOUT))
                .build(),
            from: from.parse()?,
        })
    }

    /// A relay to `server`, sending as `from`.
    pub fn server(server: &Server<'_>, from: Mailbox) -> anyhow::Result<Self> {
        let builder = match server.tls {
            SmtpTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(server.host)?,
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(server.host)?,
            SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(server.host),
        };
        let builder = builder.port(server.port).timeout(Some(TIMEOUT));
        let builder = match &server.credentials {
            Some((user, password)) => {
                builder.credentials(Credentials::new(user.clone(), password.clone()))
            }
            None => builder,
        };
        Ok(Self {
            transport: builder.build(),
            from,
        })
    }

    /// Sends one e-mail from `from`; answers the server's reply as the provider reference.
    async fn deliver(&self, from: Mailbox, message: &Message) -> anyhow::Result<String> {
        let builder = Email::builder()
            .from(from)
            .to(message.recipient.parse()?)
            .subject(message.subject.clone().unwrap_or_default());
        let text = SinglePart::plain(message.body.clone());
        let email = match &message.ics {
            Some((name, content)) => {
                builder.multipart(MultiPart::mixed().singlepart(text).singlepart(
                    Attachment::new(name.clone()).body(
                        content.clone(),
                        ContentType::parse("text/calendar; method=PUBLISH; charset=utf-8")?,
                    ),
                ))?
            }
            None => builder.singlepart(text)?,
        };
        let response = self.transport.send(email).await?;
        Ok(response.message().collect::<Vec<_>>().join(" "))
    }
}

impl Mailer for Smtp {
    fn name(&self) -> &'static str {
        "smtp"
    }

    fn send<'a>(
        &'a self,
        sender: &'a Sender,
        message: &'a Message,
    ) -> BoxFuture<'a, anyhow::Result<String>> {
        Box::pin(async move { self.deliver(sender.mailbox(&self.from)?, message).await })
    }
}
