//! The French e-mails and SMS sent for booking events.

use chrono::{DateTime, Utc};

use crate::rdv::RdvRow;
use crate::rdv::documents::{control_label, euros, ics_of};

/// A message to send on one channel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// `email` or `sms`.
    pub channel: &'static str,
    /// Template name (`rdv.confirmed`, ...).
    pub template: String,
    /// Address or phone.
    pub recipient: String,
    /// E-mail subject.
    pub subject: Option<String>,
    /// Text.
    pub body: String,
    /// ICS attachment `(filename, content)`.
    pub ics: Option<(String, String)>,
}

/// The messages an event of `row` sends; none for events customers are not told about.
pub fn for_event(
    event_type: &str,
    row: &RdvRow,
    now: DateTime<Utc>,
    refund_cents: Option<i64>,
) -> Vec<Message> {
    let tz = row.tz();
    let start = row.start_at.with_timezone(&tz);
    let when = format!(
        "le {} à {}",
        start.format("%d/%m/%Y"),
        start.format("%H:%M")
    );
    let place = format!(
        "{}, {} {} {}",
        row.centre_name, row.centre_address, row.centre_postcode, row.centre_city
    );
    let (subject, text, sms, attach) = match event_type {
        "rdv.confirmed" => (
            format!("Votre rendez-vous est confirmé – {}", row.reference),
            format!(
                "Bonjour {},\n\nVotre rendez-vous est confirmé : {} {} pour le véhicule {}.\nCentre : {}\nMontant réglé : {} TTC.\nRéférence : {}\n\nL'invitation de calendrier est jointe.\n",
                row.first_name,
                control_label(row.control_type.0),
                when,
                row.plate,
                place,
                euros(i64::from(row.price_cents)),
                row.reference
            ),
            format!(
                "PTI Calendar : RDV confirmé {when} au centre {}. Réf. {}",
                row.centre_name, row.reference
            ),
            true,
        ),
        "rdv.moved" => (
            format!("Votre rendez-vous a été déplacé – {}", row.reference),
            format!(
                "Bonjour {},\n\nVotre rendez-vous est désormais {} au centre {}.\nRéférence : {}\n\nL'invitation de calendrier mise à jour est jointe.\n",
                row.first_name, when, place, row.reference
            ),
            format!(
                "PTI Calendar : RDV déplacé {when} au centre {}. Réf. {}",
                row.centre_name, row.reference
            ),
            true,
        ),
        "rdv.cancelled" => (
            format!("Votre rendez-vous est annulé – {}", row.reference),
            format!(
                "Bonjour {},\n\nVotre rendez-vous du {} est annulé.{}\nRéférence : {}\n",
                row.first_name,
                start.format("%d/%m/%Y à %H:%M"),
                refund_cents
                    .filter(|c| *c > 0)
                    .map(|c| format!(" Un remboursement de {} est en cours.", euros(c)))
                    .unwrap_or_default(),
                row.reference
            ),
            format!(
                "PTI Calendar : RDV du {} annulé. Réf. {}",
                start.format("%d/%m %H:%M"),
                row.reference
            ),
            true,
        ),
        "rdv.expired" => (
            format!("Réservation non finalisée – {}", row.reference),
            format!(
                "Bonjour {},\n\nLe paiement n'ayant pas été effectué, le créneau {} a été libéré. Vous pouvez réserver à nouveau sur PTI Calendar.\n",
                row.first_name, when
            ),
            String::new(),
            false,
        ),
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    if let Some(email) = row.email.clone() {
        out.push(Message {
            channel: "email",
            template: event_type.to_owned(),
            recipient: email,
            subject: Some(subject),
            body: text,
            ics: attach.then(|| (format!("{}.ics", row.reference), ics_of(row, now))),
        });
    }
    if let Some(phone) = row.phone.clone().filter(|_| !sms.is_empty()) {
        out.push(Message {
            channel: "sms",
            template: event_type.to_owned(),
            recipient: phone,
            subject: None,
            body: sms,
            ics: None,
        });
    }
    out
}
