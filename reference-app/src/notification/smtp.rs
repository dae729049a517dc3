//! E-mail through SMTP (lettre), when `PTI_SMTP_URL` is set: the message in French plain text,
//! the ICS as an attachment.

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message as Email, Tokio1Executor};

use super::messages::Message;

/// An SMTP relay.
pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Smtp {
    /// A relay from a URL (`smtp://user:pass@host:587?tls=required`, `smtps://host`, or
    /// `smtp://localhost:2525` without TLS) sending as `from`.
    pub fn new(url: &str, from: &str) -> anyhow::Result<Self> {
        Ok(Self {
            transport: AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.build(),
            from: from.parse()?,
        })
    }

    /// Sends one e-mail; answers the server's reply as the provider reference.
    pub async fn send(&self, message: &Message) -> anyhow::Result<String> {
        let builder = Email::builder()
            .from(self.from.clone())
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
