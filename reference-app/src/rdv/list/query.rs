//! A list request as a query spells it, parsed: filters, order, page size and the cursor
//! where the page starts (opaque to clients: base64url of the last row's key in the list's
//! order, and of the order itself).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, NaiveDate, Utc};
use pti_core::model::{BookingStatus, ControlType};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::{self, SortOrder};
use crate::error::{Error, Result};
use crate::payment::PaymentStatus;

/// The orders of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// The inspection's start (the default).
    #[default]
    Start,
    /// When the booking was made.
    CreatedAt,
}

impl Sort {
    /// The code a query spells.
    pub fn code(self) -> &'static str {
        match self {
            Sort::Start => "start",
            Sort::CreatedAt => "created_at",
        }
    }

    fn parse(raw: Option<&str>) -> Result<Self> {
        match raw.map(str::trim) {
            None | Some("start") => Ok(Sort::Start),
            Some("created_at") => Ok(Sort::CreatedAt),
            Some(_) => Err(Error::validation("sort", "start or created_at")),
        }
    }
}

/// The longest search accepted.
pub const MAX_SEARCH: usize = 100;

/// What a search looks for: a reference, a plate, an e-mail or a phone, each as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    /// Upper case, as references are written.
    pub reference: String,
    /// Letters and digits in upper case, as plates are indexed.
    pub plate: String,
    /// Lower case, as e-mails are stored.
    pub email: String,
    /// As typed, trimmed.
    pub phone: String,
}

impl Search {
    fn of(text: &str) -> Self {
        let text = text.trim();
        Self {
            reference: text.to_uppercase(),
            plate: text
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_uppercase())
                .collect(),
            email: text.to_lowercase(),
            phone: text.to_owned(),
        }
    }
}

/// The raw parameters of a list or an export.
#[derive(Debug, Default)]
pub struct Params<'a> {
    /// First local day.
    pub from: Option<&'a str>,
    /// Last local day.
    pub to: Option<&'a str>,
    /// Agency.
    pub agency_id: Option<Uuid>,
    /// Centre.
    pub centre_id: Option<Uuid>,
    /// Status code.
    pub status: Option<&'a str>,
    /// Payment status code.
    pub payment_status: Option<&'a str>,
    /// Control type code.
    pub control_type: Option<&'a str>,
    /// Search.
    pub q: Option<&'a str>,
    /// Order.
    pub sort: Option<&'a str>,
    /// Direction.
    pub order: Option<&'a str>,
    /// Page size.
    pub limit: Option<&'a str>,
    /// Cursor.
    pub cursor: Option<&'a str>,
}

/// A list request, parsed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListRequest {
    /// First local day of the start, included.
    pub from: Option<NaiveDate>,
    /// Last local day of the start, included.
    pub to: Option<NaiveDate>,
    /// Only this agency.
    pub agency_id: Option<Uuid>,
    /// Only this centre.
    pub centre_id: Option<Uuid>,
    /// Only this status (its code).
    pub status: Option<String>,
    /// Only this payment status.
    pub payment_status: Option<String>,
    /// Only this control type (its code).
    pub control_type: Option<String>,
    /// What to find.
    pub search: Option<Search>,
    /// The order.
    pub sort: Sort,
    /// Its direction.
    pub order: SortOrder,
    /// Rows per page.
    pub limit: i64,
    /// The last row's key of the previous page, and its id.
    pub after: Option<(DateTime<Utc>, Uuid)>,
}

fn day(field: &str, raw: Option<&str>) -> Result<Option<NaiveDate>> {
    raw.map(|text| {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| Error::validation(field, "a day, YYYY-MM-DD"))
    })
    .transpose()
}

impl ListRequest {
    /// The request of `p`; 422 naming the first malformed parameter.
    pub fn parse(p: Params<'_>) -> Result<Self> {
        let (from, to) = (day("from", p.from)?, day("to", p.to)?);
        if let (Some(from), Some(to)) = (from, to)
            && to < from
        {
            return Err(Error::validation("to", "a day from `from` on"));
        }
        let status = p
            .status
            .map(|s| {
                s.trim()
                    .parse::<BookingStatus>()
                    .map(|s| s.code().to_owned())
                    .map_err(|_| Error::validation("status", "a booking status code"))
            })
            .transpose()?;
        let payment_status = p
            .payment_status
            .map(|s| {
                s.trim()
                    .parse::<PaymentStatus>()
                    .map(|s| s.code().to_owned())
                    .map_err(|_| Error::validation("payment_status", "a payment status code"))
            })
            .transpose()?;
        let control_type = p
            .control_type
            .map(|s| {
                s.trim()
                    .parse::<ControlType>()
                    .map(|c| c.code().to_owned())
                    .map_err(|_| Error::validation("control_type", "CT, CT_CONTRE_VISITE or CTC"))
            })
            .transpose()?;
        let search = match p.q.map(str::trim).filter(|q| !q.is_empty()) {
            Some(q) if q.chars().count() > MAX_SEARCH => {
                return Err(Error::validation("q", "at most 100 characters"));
            }
            q => q.map(Search::of),
        };
        let sort = Sort::parse(p.sort)?;
        let order = match p.order {
            None => SortOrder::Desc,
            raw => SortOrder::parse(raw)?,
        };
        let after = p.cursor.map(|raw| decode(raw, sort, order)).transpose()?;
        Ok(Self {
            from,
            to,
            agency_id: p.agency_id,
            centre_id: p.centre_id,
            status,
            payment_status,
            control_type,
            search,
            sort,
            order,
            limit: domain::limit(p.limit)?,
            after,
        })
    }
}

/// A cursor as encoded.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    s: String,
    o: String,
    at: DateTime<Utc>,
    i: Uuid,
}

/// The opaque cursor after the row keyed `(at, id)` in `sort` and `order`.
pub fn encode(sort: Sort, order: SortOrder, at: DateTime<Utc>, id: Uuid) -> String {
    let wire = Wire {
        s: sort.code().to_owned(),
        o: order.code().to_owned(),
        at,
        i: id,
    };
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(&wire).unwrap_or_default())
}

/// The key a cursor `raw` holds; 422 naming `cursor` when it is not one of this order.
fn decode(raw: &str, sort: Sort, order: SortOrder) -> Result<(DateTime<Utc>, Uuid)> {
    let bad = || Error::validation("cursor", "not a cursor of this list's sort and order");
    let wire: Wire = URL_SAFE_NO_PAD
        .decode(raw.trim())
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(bad)?;
    if wire.s != sort.code() || wire.o != order.code() {
        return Err(bad());
    }
    Ok((wire.at, wire.i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(p: Params<'_>) -> String {
        match ListRequest::parse(p) {
            Err(Error::Unprocessable { details, .. }) => details["field"].as_str().unwrap().into(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_request_defaults_to_the_latest_starts_first() {
        let r = ListRequest::parse(Params::default()).unwrap();
        assert_eq!(
            (r.sort, r.order, r.limit, r.after),
            (Sort::Start, SortOrder::Desc, 25, None)
        );
    }

    #[test]
    fn a_search_is_read_as_each_kind_of_key() {
        let r = ListRequest::parse(Params {
            q: Some(" ab-123-Cd "),
            ..Params::default()
        })
        .unwrap();
        let s = r.search.unwrap();
        assert_eq!(
            (s.reference.as_str(), s.plate.as_str()),
            ("AB-123-CD", "AB123CD")
        );
        assert_eq!(s.email, "ab-123-cd");
        assert_eq!(
            ListRequest::parse(Params {
                q: Some("  "),
                ..Params::default()
            })
            .unwrap()
            .search,
            None
        );
    }

    #[test]
    fn cursors_go_back_to_their_own_order_only() {
        let at = "2027-01-04T07:00:00Z".parse().unwrap();
        let id = Uuid::from_u128(7);
        let raw = encode(Sort::Start, SortOrder::Desc, at, id);
        let r = ListRequest::parse(Params {
            cursor: Some(&raw),
            ..Params::default()
        })
        .unwrap();
        assert_eq!(r.after, Some((at, id)));
        let other = Params {
            cursor: Some(&raw),
            order: Some("asc"),
            ..Params::default()
        };
        assert_eq!(field(other), "cursor");
    }

    #[test]
    fn malformed_parameters_are_named() {
        assert_eq!(
            field(Params {
                from: Some("2027-13-01"),
                ..Params::default()
            }),
            "from"
        );
        assert_eq!(
            field(Params {
                from: Some("2027-01-05"),
                to: Some("2027-01-04"),
                ..Params::default()
            }),
            "to"
        );
        assert_eq!(
            field(Params {
                status: Some("lost"),
                ..Params::default()
            }),
            "status"
        );
        assert_eq!(
            field(Params {
                payment_status: Some("free"),
                ..Params::default()
            }),
            "payment_status"
        );
        assert_eq!(
            field(Params {
                control_type: Some("XX"),
                ..Params::default()
            }),
            "control_type"
        );
        assert_eq!(
            field(Params {
                sort: Some("price"),
                ..Params::default()
            }),
            "sort"
        );
        assert_eq!(
            field(Params {
                limit: Some("101"),
                ..Params::default()
            }),
            "limit"
        );
        let long = "x".repeat(101);
        assert_eq!(
            field(Params {
                q: Some(&long),
                ..Params::default()
            }),
            "q"
        );
    }
}
