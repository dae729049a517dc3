//! A change of a network's settings as a request gives it, checked field by field at the
//! boundary; each refusal names its field as `<section>.<field>` (`booking_policy.hold_minutes`).

use pti_core::rules::BookingPolicy;
use serde::Deserialize;
use utoipa::ToSchema;

use super::colour;
use super::views::General;
use crate::domain::{Email, Phone, optional_text};
use crate::error::{Error, Result};
use crate::extract::nullable;

/// Changes of the identity section; absent fields are kept, `""` clears an optional one.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GeneralChange {
    /// Display name, 1 to 120 characters.
    #[schema(min_length = 1, max_length = 120)]
    pub name: Option<String>,
    /// Legal name, at most 160 characters.
    #[schema(max_length = 160)]
    pub legal_name: Option<String>,
    /// SIRET: 14 digits (spaces allowed) passing the Luhn check, or empty.
    #[schema(example = "732 829 320 00074")]
    pub siret: Option<String>,
    /// Street address, at most 200 characters.
    #[schema(max_length = 200)]
    pub address: Option<String>,
    /// Postcode: five digits, or empty.
    pub postcode: Option<String>,
    /// City, at most 100 characters.
    #[schema(max_length = 100)]
    pub city: Option<String>,
    /// Contact phone, or empty.
    pub phone: Option<String>,
    /// Contact e-mail, or empty.
    pub email: Option<String>,
}

/// Changes of the booking rules; absent fields are kept. The whole policy must then pass
/// pti-core's checks.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyChange {
    /// Minutes, 0 to 43200.
    pub min_notice_minutes: Option<i64>,
    /// Days, 1 to 730.
    pub horizon_days: Option<i64>,
    /// Hours, 0 to 720.
    pub modification_deadline_hours: Option<i64>,
    /// Hours, 0 to 720.
    pub cancellation_deadline_hours: Option<i64>,
    /// Percent, 0 to 100.
    pub refund_before_deadline_percent: Option<i64>,
    /// Percent, 0 to 100, at most the early refund.
    pub refund_after_deadline_percent: Option<i64>,
    /// Whether a late cancellation is accepted.
    pub late_cancellation_allowed: Option<bool>,
    /// Months, 1 to 24.
    pub recheck_window_months: Option<i64>,
    /// Percent, 100 to 200.
    pub overbooking_percent: Option<i64>,
    /// Percent, 1 to 200.
    pub fill_warning_percent: Option<i64>,
    /// Minutes, 1 to 120.
    pub hold_minutes: Option<i64>,
}

/// Changes of the portal's look; absent fields are kept.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BrandingChange {
    /// `#RRGGBB` with a contrast of at least 4.5:1 under white text.
    #[schema(example = "#1d4ed8")]
    pub primary_color: Option<String>,
    /// The portal's title (at most 60 characters); null or empty: the network's name.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, max_length = 60)]
    pub portal_title: Option<Option<String>>,
}

/// `general` changed by `change`.
pub fn general(current: General, change: &GeneralChange) -> Result<General> {
    let text = |field: &str, value: &Option<String>, now: String, max: usize| -> Result<String> {
        match value {
            None => Ok(now),
            Some(v) => {
                Ok(optional_text(&format!("general.{field}"), Some(v), max)?.unwrap_or_default())
            }
        }
    };
    let name = match &change.name {
        None => current.name,
        Some(n) => optional_text("general.name", Some(n), 120)?
            .ok_or_else(|| Error::validation("general.name", "1 to 120 characters"))?,
    };
    Ok(General {
        name,
        legal_name: text("legal_name", &change.legal_name, current.legal_name, 160)?,
        siret: match &change.siret {
            None => current.siret,
            Some(s) => siret(s)?,
        },
        address: text("address", &change.address, current.address, 200)?,
        postcode: match &change.postcode {
            None => current.postcode,
            Some(p) => postcode(p)?,
        },
        city: text("city", &change.city, current.city, 100)?,
        phone: match change.phone.as_deref().map(str::trim) {
            None => current.phone,
            Some("") => String::new(),
            Some(p) => Phone::parse(p)
                .map_err(|_| Error::validation("general.phone", "not a phone number"))?
                .as_str()
                .to_owned(),
        },
        email: match change.email.as_deref().map(str::trim) {
            None => current.email,
            Some("") => String::new(),
            Some(e) => Email::parse(e)
                .map_err(|_| Error::validation("general.email", "not a valid e-mail address"))?
                .as_str()
                .to_owned(),
        },
    })
}

/// A SIRET: 14 digits passing the Luhn check (spaces dropped), or empty.
fn siret(raw: &str) -> Result<String> {
    let digits: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() {
        return Ok(digits);
    }
    let luhn = digits.len() == 14
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .rev()
            .enumerate()
            .map(|(i, b)| {
                let d = u32::from(b - b'0');
                if i % 2 == 1 {
                    let twice = d * 2;
                    if twice > 9 { twice - 9 } else { twice }
                } else {
                    d
                }
            })
            .sum::<u32>()
            % 10
            == 0;
    if luhn {
        Ok(digits)
    } else {
        Err(Error::validation(
            "general.siret",
            "14 digits of a valid SIRET",
        ))
    }
}

fn postcode(raw: &str) -> Result<String> {
    let code = raw.trim();
    if code.is_empty() || (code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit())) {
        Ok(code.to_owned())
    } else {
        Err(Error::validation("general.postcode", "five digits"))
    }
}

/// `policy` changed by `change`, checked by pti-core.
pub fn policy(policy: BookingPolicy, change: &PolicyChange) -> Result<BookingPolicy> {
    fn set<T: TryFrom<i64>>(field: &str, value: Option<i64>, now: T) -> Result<T> {
        match value {
            None => Ok(now),
            Some(v) => T::try_from(v)
                .map_err(|_| Error::validation(&format!("booking_policy.{field}"), "out of range")),
        }
    }
    let c = change;
    let next = BookingPolicy {
        min_notice_minutes: set(
            "min_notice_minutes",
            c.min_notice_minutes,
            policy.min_notice_minutes,
        )?,
        horizon_days: set("horizon_days", c.horizon_days, policy.horizon_days)?,
        modification_deadline_hours: set(
            "modification_deadline_hours",
            c.modification_deadline_hours,
            policy.modification_deadline_hours,
        )?,
        cancellation_deadline_hours: set(
            "cancellation_deadline_hours",
            c.cancellation_deadline_hours,
            policy.cancellation_deadline_hours,
        )?,
        refund_before_deadline_percent: set(
            "refund_before_deadline_percent",
            c.refund_before_deadline_percent,
            policy.refund_before_deadline_percent,
        )?,
        refund_after_deadline_percent: set(
            "refund_after_deadline_percent",
            c.refund_after_deadline_percent,
            policy.refund_after_deadline_percent,
        )?,
        late_cancellation_allowed: c
            .late_cancellation_allowed
            .unwrap_or(policy.late_cancellation_allowed),
        recheck_window_months: set(
            "recheck_window_months",
            c.recheck_window_months,
            policy.recheck_window_months,
        )?,
        overbooking_percent: set(
            "overbooking_percent",
            c.overbooking_percent,
            policy.overbooking_percent,
        )?,
        fill_warning_percent: set(
            "fill_warning_percent",
            c.fill_warning_percent,
            policy.fill_warning_percent,
        )?,
        hold_minutes: set("hold_minutes", c.hold_minutes, policy.hold_minutes)?,
    };
    next.check().map_err(|problem| {
        Error::validation(&format!("booking_policy.{}", problem.field), problem.why)
    })?;
    Ok(next)
}

/// The branding's colour and title changed by `change`.
pub fn branding(
    colour_now: String,
    title_now: Option<String>,
    change: &BrandingChange,
) -> Result<(String, Option<String>)> {
    let colour = match &change.primary_color {
        None => colour_now,
        Some(c) => colour::primary("branding.primary_color", c)?,
    };
    let title = match &change.portal_title {
        None => title_now,
        Some(t) => optional_text("branding.portal_title", t.as_deref(), 60)?,
    };
    Ok((colour, title))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(e: Error) -> String {
        match e {
            Error::Unprocessable { details, .. } => details["field"].as_str().unwrap().to_owned(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_siret_passes_the_luhn_check() {
        assert_eq!(siret("732 829 320 00074").unwrap(), "73282932000074");
        assert_eq!(siret("").unwrap(), "");
        assert_eq!(field(siret("73282932000075").unwrap_err()), "general.siret");
        assert_eq!(field(siret("7328293200007").unwrap_err()), "general.siret");
    }

    #[test]
    fn a_policy_change_is_checked_whole_and_names_its_field() {
        let hold = PolicyChange {
            hold_minutes: Some(15),
            ..PolicyChange::default()
        };
        assert_eq!(
            policy(BookingPolicy::default(), &hold)
                .unwrap()
                .hold_minutes,
            15
        );
        let late = PolicyChange {
            refund_after_deadline_percent: Some(100),
            refund_before_deadline_percent: Some(50),
            ..PolicyChange::default()
        };
        let refused = policy(BookingPolicy::default(), &late).unwrap_err();
        assert_eq!(
            field(refused),
            "booking_policy.refund_after_deadline_percent"
        );
        let negative = PolicyChange {
            horizon_days: Some(-1),
            ..PolicyChange::default()
        };
        assert_eq!(
            field(policy(BookingPolicy::default(), &negative).unwrap_err()),
            "booking_policy.horizon_days"
        );
    }

    #[test]
    fn general_fields_are_kept_cleared_or_checked() {
        let current = General {
            name: "Réseau".into(),
            phone: "01 02 03 04 05".into(),
            ..General::default()
        };
        let change = GeneralChange {
            phone: Some(String::new()),
            email: Some("Contact@Reseau.FR".into()),
            ..GeneralChange::default()
        };
        let next = general(current.clone(), &change).unwrap();
        assert_eq!(
            (next.name.as_str(), next.phone.as_str(), next.email.as_str()),
            ("Réseau", "", "contact@reseau.fr")
        );
        let empty_name = GeneralChange {
            name: Some(" ".into()),
            ..GeneralChange::default()
        };
        assert_eq!(
            field(general(current, &empty_name).unwrap_err()),
            "general.name"
        );
    }
}
