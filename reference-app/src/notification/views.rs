//! Answers of the notification routes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::repo::MailboxRow;

/// A message kept by the local mailbox instead of being sent.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = MailboxMessage)]
pub struct MailboxEntry {
    /// Id.
    pub id: Uuid,
    /// `email` or `sms`.
    pub channel: String,
    /// E-mail address or phone number.
    pub recipient: String,
    /// E-mail subject (none for an SMS).
    pub subject: Option<String>,
    /// Plain text.
    pub body: String,
    /// When it was "sent".
    pub created_at: DateTime<Utc>,
    /// Attached files (the booking's `.ics`), without their content.
    pub attachments: Vec<Attachment>,
}

impl From<MailboxRow> for MailboxEntry {
    fn from(m: MailboxRow) -> Self {
        Self {
            id: m.id,
            channel: m.channel,
            recipient: m.recipient,
            subject: m.subject,
            body: m.body,
            created_at: m.created_at,
            attachments: m.attachments.0,
        }
    }
}

/// An attachment's name and type.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Attachment {
    /// File name.
    pub filename: String,
    /// MIME type.
    pub content_type: String,
}

/// A test e-mail sent.
#[derive(Debug, Serialize, ToSchema)]
pub struct TestSent {
    /// The channel it went through: `smtp`, `brevo` or `mailbox` (the local mailbox).
    #[schema(example = "smtp")]
    pub channel: String,
    /// Where it went: the signed-in admin's address.
    #[schema(example = "admin@reseau.fr")]
    pub recipient: String,
}
