//! The French e-mails and SMS sent for booking events (reminders included), and the invitation
//! e-mail of a new staff account.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Paris;
use pti_core::model::BookingStatus;
use pti_core::policy::Role;

use super::reminders::{H2_EVENT as REMINDER_H2, J1_EVENT as REMINDER_J1};
use crate::rdv::RdvRow;
use crate::rdv::documents::{control_label, euros, ics_of};
use crate::user::staff::invitation::{INVITED_EVENT, Issued};

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
        REMINDER_J1 | REMINDER_H2 if row.status.0 != BookingStatus::Confirmed => return Vec::new(),
        REMINDER_J1 | REMINDER_H2 => {
            let soon = if event_type == REMINDER_J1 {
                "demain"
            } else {
                "dans deux heures"
            };
            (
                format!("Rappel : votre rendez-vous {soon} – {}", row.reference),
                format!(
                    "Bonjour {},\n\nNous vous rappelons votre rendez-vous : {} {} pour le véhicule {}.\nCentre : {}\nRéférence : {}\n\nMunissez-vous du certificat d'immatriculation (carte grise) du véhicule. Pour déplacer ou annuler le rendez-vous, ouvrez « Mes RDV » sur PTI Calendar.\n",
                    row.first_name,
                    control_label(row.control_type.0),
                    when,
                    row.plate,
                    place,
                    row.reference
                ),
                format!(
                    "PTI Calendar : rappel, RDV {when} au centre {}. Réf. {}",
                    row.centre_name, row.reference
                ),
                false,
            )
        }
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

/// The path of the portals' page where an invited person chooses a password.
pub const SET_PASSWORD_PAGE: &str = "/definir-mot-de-passe";

/// The French name of a staff role, as the invitation says it.
fn role_label(role: Role) -> &'static str {
    match role {
        Role::SuperAdmin => "administrateur de la plateforme",
        Role::AdminTenant => "administrateur du réseau",
        Role::AdminAgence => "responsable d'agence",
        Role::AdminCt => "chef de centre",
        Role::Controleur => "contrôleur",
        Role::CallCenter => "conseiller du centre d'appels",
        Role::Client => "client",
        Role::ApiKey => "accès machine",
    }
}

/// The e-mail inviting the holder of a new staff account to choose a password, with the link
/// `<portal_url>/definir-mot-de-passe?token=<token>`.
pub fn invitation(invitation: &Issued, portal_url: &str) -> Message {
    let link = format!(
        "{}{SET_PASSWORD_PAGE}?token={}",
        portal_url.trim_end_matches('/'),
        invitation.token
    );
    let until = invitation.expires_at.with_timezone(&Paris);
    Message {
        channel: "email",
        template: INVITED_EVENT.to_owned(),
        recipient: invitation.email.clone(),
        subject: Some(format!(
            "Votre accès à PTI Calendar – {}",
            invitation.network
        )),
        body: format!(
            "Bonjour {},\n\nUn compte PTI Calendar a été créé pour vous sur le réseau {}, avec le rôle de {}.\nPour l'activer, choisissez votre mot de passe en suivant ce lien :\n{}\n\nCe lien ne sert qu'une fois et reste valable jusqu'au {} à {} (heure de Paris).\nSi vous n'attendiez pas ce message, ignorez-le.\n",
            invitation.first_name,
            invitation.network,
            role_label(invitation.role),
            link,
            until.format("%d/%m/%Y"),
            until.format("%H:%M"),
        ),
        ics: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_invitation_links_to_the_set_password_page_in_french() {
        let issued = Issued {
            email: "lea@exemple.fr".into(),
            first_name: "Léa".into(),
            role: Role::Controleur,
            network: "Contrôle Auto France".into(),
            expires_at: "2027-03-01T09:30:00Z".parse().unwrap(),
            token: "abc123".into(),
        };
        let m = invitation(&issued, "https://rdv.exemple.fr/");
        assert_eq!(
            (m.channel, m.recipient.as_str()),
            ("email", "lea@exemple.fr")
        );
        assert!(
            m.body
                .contains("https://rdv.exemple.fr/definir-mot-de-passe?token=abc123")
        );
        assert!(m.body.contains("Bonjour Léa"));
        assert!(m.body.contains("rôle de contrôleur"));
        assert!(m.body.contains("jusqu'au 01/03/2027 à 10:30"), "{}", m.body);
        assert_eq!(
            m.subject.as_deref(),
            Some("Votre accès à PTI Calendar – Contrôle Auto France")
        );
    }
}
