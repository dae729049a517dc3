//! How a list is paged: the page size and the direction of its order.

use crate::error::{Error, Result};

/// Rows per page when the request names none.
pub const DEFAULT_LIMIT: i64 = 25;
/// The most rows a page holds.
pub const MAX_LIMIT: i64 = 100;

/// The page size `limit` (1 to [`MAX_LIMIT`], [`DEFAULT_LIMIT`] when absent), or 422 naming
/// `limit`.
pub fn limit(raw: Option<&str>) -> Result<i64> {
    let Some(raw) = raw else {
        return Ok(DEFAULT_LIMIT);
    };
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=MAX_LIMIT).contains(n))
        .ok_or_else(|| Error::validation("limit", format!("an integer from 1 to {MAX_LIMIT}")))
}

/// The direction of a list's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Smallest first (the default).
    #[default]
    Asc,
    /// Largest first.
    Desc,
}

impl SortOrder {
    /// Every direction.
    pub const ALL: [SortOrder; 2] = [SortOrder::Asc, SortOrder::Desc];

    /// The code a query spells.
    pub fn code(self) -> &'static str {
        match self {
            SortOrder::Asc => "asc",
            SortOrder::Desc => "desc",
        }
    }

    /// The direction `order` (`asc` when absent), or 422 naming `order`.
    pub fn parse(raw: Option<&str>) -> Result<Self> {
        match raw.map(str::trim) {
            None => Ok(Self::Asc),
            Some(code) => Self::ALL
                .into_iter()
                .find(|o| o.code() == code)
                .ok_or_else(|| Error::validation("order", "asc or desc")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_run_from_1_to_100_with_25_by_default() {
        assert_eq!(limit(None).unwrap(), 25);
        assert_eq!(limit(Some("1")).unwrap(), 1);
        assert_eq!(limit(Some("100")).unwrap(), 100);
        for bad in ["0", "101", "-3", "ten", ""] {
            let e = limit(Some(bad)).unwrap_err();
            assert_eq!(e.code(), "VALIDATION", "{bad}");
        }
    }

    #[test]
    fn orders_are_asc_or_desc() {
        assert_eq!(SortOrder::parse(None).unwrap(), SortOrder::Asc);
        assert_eq!(SortOrder::parse(Some("desc")).unwrap(), SortOrder::Desc);
        assert!(SortOrder::parse(Some("DESC")).is_err());
    }
}
