//! The French words and numbers of the statistics' exports.

use pti_core::model::{ControlType, VehicleCategory};

use crate::rdv::documents::{category_label, control_label};

/// A control type's French name (its code when unknown).
pub fn control_type(code: &str) -> String {
    code.parse::<ControlType>()
        .map_or_else(|_| code.to_owned(), |c| control_label(c).to_owned())
}

/// A vehicle category's French name (its code when unknown).
pub fn vehicle_category(code: &str) -> String {
    code.parse::<VehicleCategory>()
        .map_or_else(|_| code.to_owned(), |c| category_label(c).to_owned())
}

/// `YYYY-MM` as the French month and year ("mars 2026").
pub fn month(text: &str) -> String {
    const NAMES: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let (year, number) = text.split_once('-').unwrap_or((text, ""));
    match number
        .parse::<usize>()
        .ok()
        .and_then(|n| NAMES.get(n.wrapping_sub(1)))
    {
        Some(name) => format!("{name} {year}"),
        None => text.to_owned(),
    }
}

/// A count the French way, thousands apart by narrow no-break spaces ("1 234 567").
pub fn count(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + 8);
    if n < 0 {
        out.push('-');
    }
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(d);
    }
    out
}

/// Cents as euros the French way ("1 234,50 €").
pub fn amount(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    format!(
        "{sign}{},{:02}\u{a0}€",
        count(i64::try_from(cents / 100).unwrap_or(i64::MAX)),
        cents % 100
    )
}

/// A rate in percent with one decimal and a comma ("12,5 %"); "—" when there is none.
pub fn rate(percent: Option<f64>) -> String {
    percent.map_or_else(
        || "—".to_owned(),
        |p| format!("{:.1}\u{a0}%", p).replace('.', ","),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_in_french() {
        assert_eq!(control_type("CT_CONTRE_VISITE"), "Contre-visite");
        assert_eq!(vehicle_category("VP"), "Voiture (VP)");
        assert_eq!(vehicle_category("XX"), "XX");
        assert_eq!(month("2026-03"), "mars 2026");
        assert_eq!(month("2026-12"), "décembre 2026");
        assert_eq!(month("2026-13"), "2026-13");
    }

    #[test]
    fn numbers_read_the_french_way() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1234567), "1\u{202f}234\u{202f}567");
        assert_eq!(count(-1000), "-1\u{202f}000");
        assert_eq!(amount(123450), "1\u{202f}234,50\u{a0}€");
        assert_eq!(amount(-5), "-0,05\u{a0}€");
        assert_eq!(rate(Some(12.5)), "12,5\u{a0}%");
        assert_eq!(rate(None), "—");
    }
}
