//! The list of a network's accounts as a request asks for it ([`ListRequest`]): filters,
//! order, page size, and the [`Cursor`] where the page starts. A cursor is opaque to clients:
//! base64url of the last row's keys in the list's order and of the order it belongs to. A page
//! is then the rows strictly after those keys, the id breaking ties, so paging never repeats
//! nor skips a row and costs one index range scan at any depth.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use pti_core::policy::Role;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::repo::{After, StaffRow};
use crate::domain::{self, AccountStatus, SortOrder};
use crate::error::{Error, Result};

/// The orders of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Last name, then first name, accents and case aside (the default).
    #[default]
    Name,
    /// E-mail.
    Email,
    /// Role code, then name.
    Role,
    /// Creation.
    CreatedAt,
    /// Last sign-in; accounts that never signed in come first ascending, last descending.
    LastLoginAt,
}

impl Sort {
    /// Every order.
    pub const ALL: [Sort; 5] = [
        Sort::Name,
        Sort::Email,
        Sort::Role,
        Sort::CreatedAt,
        Sort::LastLoginAt,
    ];

    /// The code a query spells.
    pub fn code(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Email => "email",
            Sort::Role => "role",
            Sort::CreatedAt => "created_at",
            Sort::LastLoginAt => "last_login_at",
        }
    }

    /// The order `raw` (`name` when absent), or 422 naming `sort`.
    pub fn parse(raw: Option<&str>) -> Result<Self> {
        match raw.map(str::trim) {
            None => Ok(Self::Name),
            Some(code) => Self::ALL
                .into_iter()
                .find(|s| s.code() == code)
                .ok_or_else(|| {
                    Error::validation(
                        "sort",
                        "one of name, email, role, created_at, last_login_at",
                    )
                }),
        }
    }
}

/// Where the next page starts: just after the row with these keys, in this sort and order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// The list's order.
    pub sort: Sort,
    /// Its direction.
    pub order: SortOrder,
    /// The last row's keys.
    pub after: After,
}

/// A cursor as encoded.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    s: String,
    o: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    t: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    n: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at: Option<DateTime<Utc>>,
    i: Uuid,
}

impl Cursor {
    /// The cursor after `row` in `sort` and `order`.
    pub fn after(sort: Sort, order: SortOrder, row: &StaffRow) -> Self {
        let text = |t: &str| Some(t.to_owned());
        let after = match sort {
            Sort::Name => After {
                text: text(&row.sort_name),
                ..After::default()
            },
            Sort::Email => After {
                text: text(&row.email),
                ..After::default()
            },
            Sort::Role => After {
                text: text(row.role.0.code()),
                name: text(&row.sort_name),
                ..After::default()
            },
            Sort::CreatedAt => After {
                time: Some(row.created_at),
                ..After::default()
            },
            Sort::LastLoginAt => After {
                time: Some(row.sort_login),
                ..After::default()
            },
        };
        Self {
            sort,
            order,
            after: After {
                id: Some(row.id),
                ..after
            },
        }
    }

    /// The opaque text of this cursor.
    pub fn encode(&self) -> String {
        let wire = Wire {
            s: self.sort.code().to_owned(),
            o: self.order.code().to_owned(),
            t: self.after.text.clone(),
            n: self.after.name.clone(),
            at: self.after.time,
            i: self.after.id.unwrap_or_default(),
        };
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(&wire).unwrap_or_default())
    }

    /// The cursor `raw` of a list in `sort` and `order`, or 422 naming `cursor` when it is not
    /// one this list answered.
    pub fn decode(raw: &str, sort: Sort, order: SortOrder) -> Result<Self> {
        let bad = || Error::validation("cursor", "not a cursor of this list's sort and order");
        let wire: Wire = URL_SAFE_NO_PAD
            .decode(raw.trim())
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .ok_or_else(bad)?;
        let keys = (wire.t.is_some(), wire.n.is_some(), wire.at.is_some());
        let fits = match sort {
            Sort::Name | Sort::Email => keys == (true, false, false),
            Sort::Role => keys == (true, true, false),
            Sort::CreatedAt | Sort::LastLoginAt => keys == (false, false, true),
        };
        if wire.s != sort.code() || wire.o != order.code() || !fits {
            return Err(bad());
        }
        Ok(Self {
            sort,
            order,
            after: After {
                text: wire.t,
                name: wire.n,
                time: wire.at,
                id: Some(wire.i),
            },
        })
    }
}

/// The longest search accepted.
pub const MAX_SEARCH: usize = 100;

/// A list request, parsed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListRequest {
    /// Words to find in the names and e-mail, as a `LIKE` pattern's middle (wildcards
    /// escaped).
    pub search: Option<String>,
    /// Only this role.
    pub role: Option<Role>,
    /// Only this agency's accounts.
    pub agency_id: Option<Uuid>,
    /// Only this centre's accounts.
    pub centre_id: Option<Uuid>,
    /// Only this status.
    pub status: Option<AccountStatus>,
    /// The order.
    pub sort: Sort,
    /// Its direction.
    pub order: SortOrder,
    /// Rows per page.
    pub limit: i64,
    /// Where the page starts (the first page: no keys).
    pub after: After,
}

/// The raw parameters of a list request.
#[derive(Clone, Copy, Debug, Default)]
pub struct ListParams<'a> {
    /// `q`.
    pub q: Option<&'a str>,
    /// `role`.
    pub role: Option<&'a str>,
    /// `agency_id`.
    pub agency_id: Option<&'a str>,
    /// `centre_id`.
    pub centre_id: Option<&'a str>,
    /// `status`.
    pub status: Option<&'a str>,
    /// `sort`.
    pub sort: Option<&'a str>,
    /// `order`.
    pub order: Option<&'a str>,
    /// `limit`.
    pub limit: Option<&'a str>,
    /// `cursor`.
    pub cursor: Option<&'a str>,
}

impl ListRequest {
    /// Parses `p`; a bad parameter is 422 naming it.
    pub fn parse(p: ListParams<'_>) -> Result<Self> {
        let (sort, order) = (Sort::parse(p.sort)?, SortOrder::parse(p.order)?);
        let search = match p.q.map(str::trim).filter(|q| !q.is_empty()) {
            Some(q) if q.chars().count() > MAX_SEARCH => {
                return Err(Error::validation(
                    "q",
                    format!("at most {MAX_SEARCH} characters"),
                ));
            }
            q => q.map(like_escaped),
        };
        let after = match p.cursor.filter(|c| !c.trim().is_empty()) {
            Some(raw) => Cursor::decode(raw, sort, order)?.after,
            None => After::default(),
        };
        Ok(Self {
            search,
            role: p
                .role
                .map(|r| domain::account_role("role", r))
                .transpose()?,
            agency_id: domain::optional_id("agency_id", p.agency_id)?,
            centre_id: domain::optional_id("centre_id", p.centre_id)?,
            status: p
                .status
                .map(|s| domain::listed_status("status", s))
                .transpose()?,
            sort,
            order,
            limit: domain::limit(p.limit)?,
            after,
        })
    }
}

/// `text` with `LIKE`'s wildcards and escape character escaped.
fn like_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Code;

    fn row() -> StaffRow {
        let now = Utc::now();
        StaffRow {
            id: Uuid::new_v4(),
            email: "lea.martin@exemple.fr".into(),
            first_name: "Léa".into(),
            last_name: "Martin".into(),
            phone: None,
            role: Code(Role::Controleur),
            agency_id: None,
            centre_id: None,
            status: Code(AccountStatus::Active),
            has_password: true,
            last_login_at: None,
            created_at: now,
            sort_name: "martin lea".into(),
            sort_login: DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn a_cursor_decodes_to_the_keys_it_was_made_of_in_every_order() {
        let row = row();
        for sort in Sort::ALL {
            for order in SortOrder::ALL {
                let cursor = Cursor::after(sort, order, &row);
                let text = cursor.encode();
                assert!(
                    text.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_".contains(c))
                );
                assert_eq!(Cursor::decode(&text, sort, order).unwrap(), cursor);
                assert_eq!(cursor.after.id, Some(row.id));
            }
        }
    }

    #[test]
    fn a_cursor_serves_only_its_own_sort_and_order() {
        let text = Cursor::after(Sort::Email, SortOrder::Asc, &row()).encode();
        for (sort, order) in [
            (Sort::Email, SortOrder::Desc),
            (Sort::Name, SortOrder::Asc),
            (Sort::CreatedAt, SortOrder::Asc),
        ] {
            let e = Cursor::decode(&text, sort, order).unwrap_err();
            assert_eq!(e.code(), "VALIDATION");
        }
    }

    #[test]
    fn garbage_is_not_a_cursor() {
        for bad in [
            "x",
            "!!!",
            "eyJzIjoibmFtZSJ9",
            &URL_SAFE_NO_PAD.encode("{}"),
        ] {
            let e = Cursor::decode(bad, Sort::Name, SortOrder::Asc).unwrap_err();
            assert_eq!(
                e.to_string(),
                "cursor: not a cursor of this list's sort and order"
            );
        }
    }

    #[test]
    fn a_request_parses_with_defaults() {
        let r = ListRequest::parse(ListParams::default()).unwrap();
        assert_eq!(
            (r.sort, r.order, r.limit, r.search, r.after),
            (Sort::Name, SortOrder::Asc, 25, None, After::default())
        );
    }

    #[test]
    fn each_bad_parameter_is_named() {
        let cases: [(ListParams, &str); 8] = [
            (
                ListParams {
                    limit: Some("0"),
                    ..Default::default()
                },
                "limit",
            ),
            (
                ListParams {
                    limit: Some("101"),
                    ..Default::default()
                },
                "limit",
            ),
            (
                ListParams {
                    sort: Some("phone"),
                    ..Default::default()
                },
                "sort",
            ),
            (
                ListParams {
                    order: Some("up"),
                    ..Default::default()
                },
                "order",
            ),
            (
                ListParams {
                    role: Some("BOSS"),
                    ..Default::default()
                },
                "role",
            ),
            (
                ListParams {
                    status: Some("erased"),
                    ..Default::default()
                },
                "status",
            ),
            (
                ListParams {
                    agency_id: Some("A1"),
                    ..Default::default()
                },
                "agency_id",
            ),
            (
                ListParams {
                    cursor: Some("nope"),
                    ..Default::default()
                },
                "cursor",
            ),
        ];
        for (params, field) in cases {
            match ListRequest::parse(params) {
                Err(Error::Unprocessable { details, .. }) => {
                    assert_eq!(details["field"], field, "{params:?}");
                }
                other => panic!("{params:?}: {other:?}"),
            }
        }
        let long = "x".repeat(MAX_SEARCH + 1);
        let q = ListParams {
            q: Some(&long),
            ..Default::default()
        };
        assert!(ListRequest::parse(q).is_err());
    }

    #[test]
    fn a_search_escapes_like_wildcards() {
        let q = ListParams {
            q: Some("  50%_off\\ "),
            ..Default::default()
        };
        let r = ListRequest::parse(q).unwrap();
        assert_eq!(r.search.as_deref(), Some("50\\%\\_off\\\\"));
        let blank = ListParams {
            q: Some("  "),
            ..Default::default()
        };
        assert_eq!(ListRequest::parse(blank).unwrap().search, None);
    }
}
