//! Documents of a booking: the iCalendar event (RFC 5545) and the PDF confirmation.

use chrono::{DateTime, Utc};
use pti_core::model::{BookingStatus, ControlType};

use super::repo::RdvRow;

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

/// The lines of the confirmation document.
pub fn summary_lines(row: &RdvRow) -> Vec<String> {
    let tz = row.tz();
    let start = row.start_at.with_timezone(&tz);
    vec![
        format!("Référence : {}", row.reference),
        format!("Statut : {}", status_label(row.status.0)),
        format!("Prestation : {}", control_label(row.control_type.0)),
        format!(
            "Date : {} à {}",
            start.format("%d/%m/%Y"),
            start.format("%H:%M")
        ),
        format!("Centre : {}", row.centre_name),
        format!(
            "Adresse : {}, {} {}",
            row.centre_address, row.centre_postcode, row.centre_city
        ),
        format!("Client : {} {}", row.first_name, row.last_name),
        format!(
            "Véhicule : {} ({}{})",
            row.plate,
            row.vehicle_category.0.code(),
            row.make
                .as_deref()
                .map(|m| format!(", {m} {}", row.model.as_deref().unwrap_or("")))
                .unwrap_or_default()
        ),
        format!(
            "Prix : {} TTC dont TVA {}",
            euros(i64::from(row.price_cents)),
            euros(i64::from(row.vat_cents))
        ),
    ]
}

/// The PDF confirmation: one A4 page of text in Helvetica (WinAnsi, so French accents show).
pub fn pdf_of(row: &RdvRow) -> Vec<u8> {
    let mut lines = vec![(18, "Confirmation de rendez-vous".to_owned())];
    lines.push((11, String::new()));
    lines.extend(summary_lines(row).into_iter().map(|l| (11, l)));
    lines.push((11, String::new()));
    lines.push((
        9,
        "Présentez-vous 10 minutes avant l'heure avec la carte grise du véhicule.".to_owned(),
    ));
    lines.push((9, "Document généré par PTI Calendar.".to_owned()));
    simple_pdf(&lines)
}

/// Encodes text in WinAnsiEncoding (Latin-1 for French; other characters become '?').
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '€' => 0x80,
            '–' => 0x96,
            '’' => 0x92,
            c if (c as u32) < 0x100 => c as u8,
            _ => b'?',
        })
        .flat_map(|b| match b {
            b'(' | b')' | b'\\' => vec![b'\\', b],
            b => vec![b],
        })
        .collect()
}

/// A one-page PDF of text lines `(font size, text)`, top to bottom.
pub fn simple_pdf(lines: &[(u32, String)]) -> Vec<u8> {
    let mut content = Vec::new();
    let mut y = 800;
    for (size, text) in lines {
        content.extend_from_slice(format!("BT /F1 {size} Tf 56 {y} Td (").as_bytes());
        content.extend(win_ansi(text));
        content.extend_from_slice(b") Tj ET\n");
        y -= size + 8;
    }
    let objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        [
            format!("<< /Length {} >>\nstream\n", content.len()).into_bytes(),
            content,
            b"\nendstream".to_vec(),
        ]
        .concat(),
    ];
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn the_pdf_has_a_valid_cross_reference_table() {
        let pdf = simple_pdf(&[(12, "Contrôle (été) – 79,00 €".to_owned())]);
        assert!(pdf.starts_with(b"%PDF-1.4"));
        assert!(pdf.ends_with(b"%%EOF\n"));
        // The text after the binary comment line is ASCII apart from the string bytes.
        let tail_at = pdf.windows(10).rposition(|w| w == b"startxref\n").unwrap();
        let tail = std::str::from_utf8(&pdf[tail_at..]).unwrap();
        let startxref: usize = tail.lines().nth(1).unwrap().parse().unwrap();
        assert!(pdf[startxref..].starts_with(b"xref"));
        // Each object's offset in the table points at "N 0 obj".
        let table = std::str::from_utf8(&pdf[startxref..tail_at]).unwrap();
        for (i, line) in table.lines().skip(3).take(5).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            assert!(pdf[offset..].starts_with(format!("{} 0 obj", i + 1).as_bytes()));
        }
        // Accents are WinAnsi bytes, parentheses escaped.
        assert!(pdf.windows(3).any(|w| w == b"r\xF4l"));
        assert!(pdf.windows(2).any(|w| w == b"\\("));
    }
}
