//! Documents of a booking: the iCalendar event (RFC 5545) and the PDF confirmation.

use chrono::{DateTime, Utc};
use pti_core::model::{BookingStatus, ControlType, VehicleCategory};

use super::repo::RdvRow;
use crate::payment::PaymentStatus;
use crate::pdf::{Figure, Letterhead, PdfError, Report};

fn utc_stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a character (RFC 5545 §3.1).
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// "Contrôle technique" or its kind, in French.
pub fn control_label(control: ControlType) -> &'static str {
    match control {
        ControlType::Recheck => "Contre-visite",
        ControlType::Pollution => "Contrôle complémentaire pollution",
        ControlType::Periodic => "Contrôle technique",
    }
}

/// The booking as an iCalendar object with one event.
pub fn ics_of(row: &RdvRow, now: DateTime<Utc>) -> String {
    let status = if row.status.0 == BookingStatus::Cancelled {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    let location = format!(
        "{}, {}, {} {}",
        row.centre_name, row.centre_address, row.centre_postcode, row.centre_city
    );
    let description = format!(
        "Référence {}\nVéhicule {}\nPrix {} TTC",
        row.reference,
        row.plate,
        euros(i64::from(row.price_cents))
    );
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//PTI Calendar//Reservation//FR".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}@pti-calendar", row.id),
        format!("DTSTAMP:{}", utc_stamp(now)),
        format!("DTSTART:{}", utc_stamp(row.start_at)),
        format!("DTEND:{}", utc_stamp(row.end_at)),
        format!(
            "SUMMARY:{}",
            escape(&format!(
                "{} – {}",
                control_label(row.control_type.0),
                row.centre_name
            ))
        ),
        format!("LOCATION:{}", escape(&location)),
        format!("GEO:{:.6};{:.6}", row.centre_lat, row.centre_lng),
        format!("DESCRIPTION:{}", escape(&description)),
        format!("STATUS:{status}"),
        "BEGIN:VALARM".to_owned(),
        "TRIGGER:-PT2H".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        format!(
            "DESCRIPTION:{}",
            escape("Rappel : contrôle technique dans 2 heures")
        ),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    lines.iter().map(|l| fold(l)).collect()
}

/// "79,00 €".
pub fn euros(cents: i64) -> String {
    format!("{},{:02} €", cents / 100, (cents % 100).abs())
}

/// The French status label.
pub fn status_label(status: BookingStatus) -> &'static str {
    match status {
        BookingStatus::PendingPayment => "En attente de paiement",
        BookingStatus::Confirmed => "Confirmé",
        BookingStatus::InProgress => "En cours",
        BookingStatus::Completed => "Terminé",
        BookingStatus::NoShow => "Absent",
        BookingStatus::Cancelled => "Annulé",
        BookingStatus::Refused => "Refusé",
    }
}

/// The French label of a vehicle category, as the portals name it.
pub fn category_label(category: VehicleCategory) -> &'static str {
    match category {
        VehicleCategory::Vp => "Voiture (VP)",
        VehicleCategory::Vu => "Utilitaire (VU)",
        VehicleCategory::L => "Deux-roues (L)",
        VehicleCategory::CampingCar => "Camping-car",
        VehicleCategory::Trailer => "Remorque",
        VehicleCategory::Pl => "Poids lourd (PL)",
    }
}

/// The French label of where a booking's payment stands.
pub fn payment_label(status: PaymentStatus) -> &'static str {
    match status {
        PaymentStatus::Unpaid => "Non payé",
        PaymentStatus::Pending => "Paiement en cours",
        PaymentStatus::Paid => "Payé",
        PaymentStatus::Failed => "Paiement refusé",
        PaymentStatus::Refunded => "Remboursé",
        PaymentStatus::PartiallyRefunded => "Remboursé en partie",
        PaymentStatus::OnSite => "À régler au centre",
    }
}

/// An amount as the PDF prints it: "79,00 €", the euro sign held to its number.
fn amount(cents: i32) -> String {
    euros(i64::from(cents)).replace(' ', "\u{a0}")
}

/// The PDF confirmation of a booking, on its network's letterhead: the key facts (reference,
/// date and time in the centre's time zone), the appointment, the vehicle, the payment, and a
/// QR code of the reference for the centre's desk.
pub fn confirmation_pdf(row: &RdvRow, letterhead: &Letterhead) -> Result<Vec<u8>, PdfError> {
    let start = row.start_at.with_timezone(&row.tz());
    let price = amount(row.price_cents);
    let vehicle = [row.make.as_deref(), row.model.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let mut report = Report::new(letterhead.header("Confirmation de rendez-vous"));
    report
        .footer(letterhead.legal_mentions())
        .figures([
            Figure::new("Référence", row.reference.as_str()),
            Figure::new("Date", start.format("%d/%m/%Y").to_string()),
            Figure::new("Heure", start.format("%H:%M").to_string()),
        ])
        .heading("Votre rendez-vous")
        .key_values([
            ("Prestation", control_label(row.control_type.0).to_owned()),
            ("Statut", status_label(row.status.0).to_owned()),
            (
                "Date et heure",
                format!(
                    "{} à {} (heure locale du centre)",
                    start.format("%d/%m/%Y"),
                    start.format("%H:%M")
                ),
            ),
            ("Centre", row.centre_name.clone()),
            (
                "Adresse",
                format!(
                    "{}, {} {}",
                    row.centre_address, row.centre_postcode, row.centre_city
                ),
            ),
            ("Client", format!("{} {}", row.first_name, row.last_name)),
        ])
        .heading("Votre véhicule")
        .key_values(
            [
                ("Immatriculation", row.plate.clone()),
                (
                    "Catégorie",
                    category_label(row.vehicle_category.0).to_owned(),
                ),
                ("Véhicule", vehicle),
            ]
            .into_iter()
            .filter(|(_, value)| !value.is_empty()),
        )
        .heading("Paiement")
        .key_values([
            ("Prix TTC", price),
            ("Dont TVA", amount(row.vat_cents)),
            ("Paiement", payment_label(row.payment_status.0).to_owned()),
        ])
        .heading("À l’accueil du centre")
        .qr_code(
            row.reference.as_str(),
            format!(
                "Présentez ce code ou la référence {} à l’accueil du centre. Arrivez 10 minutes \
                 avant l’heure avec la carte grise du véhicule.",
                row.reference
            ),
        );
    report.to_pdf()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use pti_core::model::Fuel;
    use uuid::Uuid;

    use super::*;
    use crate::db::Code;
    use crate::pdf::Rgb;

    /// A paid booking at 9:30 local time in a centre of La Réunion (UTC+4).
    fn booking() -> RdvRow {
        let start = Utc.with_ymd_and_hms(2027, 1, 12, 5, 30, 0).unwrap();
        RdvRow {
            id: Uuid::nil(),
            tenant_id: Uuid::nil(),
            reference: "PTI-7K3Q9XW2".into(),
            centre_id: Uuid::nil(),
            agency_id: Uuid::nil(),
            inspector_id: None,
            user_id: None,
            email: Some("jean.dupont@test.com".into()),
            phone: None,
            first_name: "Jean".into(),
            last_name: "Dupont".into(),
            plate: "AB-123-CD".into(),
            vehicle_category: Code(VehicleCategory::Vp),
            fuel: Code(Fuel::Diesel),
            make: Some("Renault".into()),
            model: Some("Clio".into()),
            year: None,
            control_type: Code(ControlType::Periodic),
            status: Code(BookingStatus::Confirmed),
            payment_status: Code(PaymentStatus::Paid),
            price_cents: 7_900,
            vat_cents: 1_317,
            hold_expires_at: None,
            start_at: start,
            end_at: start + chrono::Duration::minutes(45),
            notes: None,
            guest_token_hash: None,
            centre_name: "Saint-Denis Centre".into(),
            centre_address: "12 rue de Paris".into(),
            centre_postcode: "97400".into(),
            centre_city: "Saint-Denis".into(),
            centre_lat: -20.88,
            centre_lng: 55.45,
            centre_phone: None,
            centre_time_zone: "Indian/Reunion".into(),
            cancelled_at: None,
            created_at: start,
        }
    }

    fn letterhead() -> Letterhead {
        Letterhead {
            name: "Contrôle Réunion".into(),
            legal_name: "Contrôle Réunion SARL".into(),
            siret: "73282932000074".into(),
            address: "1 boulevard Lancastel".into(),
            postcode: "97400".into(),
            city: "Saint-Denis".into(),
            phone: "02 62 00 00 00".into(),
            email: "contact@reunion.re".into(),
            colour: Rgb(0x0f, 0x76, 0x6e),
            logo: None,
        }
    }

    #[test]
    fn the_confirmation_is_one_a4_page() {
        let pdf = confirmation_pdf(&booking(), &letterhead()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.windows(8).any(|w| w == b"/Count 1"), "one page");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let line = format!("DESCRIPTION:{}", "é".repeat(80));
        let folded = fold(&line);
        for part in folded.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{}", part.len());
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
