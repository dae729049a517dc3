//! Half-open spans of UTC seconds and the set operations schedules are made of.

use crate::model::TimeRange;
use chrono::DateTime;

/// A half-open span `[start, end)` of UTC seconds since the Unix epoch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First second.
    pub start: i64,
    /// First second after the span.
    pub end: i64,
}

impl Span {
    /// `[start, end)`.
    pub const fn new(start: i64, end: i64) -> Self {
        Span { start, end }
    }

    /// Whether the span holds no instant.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<TimeRange> for Span {
    fn from(r: TimeRange) -> Self {
        Span::new(r.start.timestamp(), r.end.timestamp())
    }
}

impl TryFrom<Span> for TimeRange {
    type Error = crate::model::RangeError;
    fn try_from(s: Span) -> Result<Self, Self::Error> {
        let at = |t| DateTime::from_timestamp(t, 0).ok_or(crate::model::RangeError::Inverted);
        TimeRange::new(at(s.start)?, at(s.end)?)
    }
}

/// Sorts spans and merges those that overlap or touch; drops empty ones.
pub fn normalize(mut spans: Vec<Span>) -> Vec<Span> {
    spans.retain(|s| !s.is_empty());
    if !spans.is_sorted() {
        spans.sort_unstable();
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// `a − b` for normalized inputs; the result is normalized.
pub fn subtract(a: &[Span], b: &[Span]) -> Vec<Span> {
    let mut out = Vec::with_capacity(a.len());
    let mut j = 0;
    for &span in a {
        let mut cur = span;
        while j < b.len() && b[j].end <= cur.start {
            j += 1;
        }
        let mut k = j;
        while k < b.len() && b[k].start < cur.end {
            if b[k].start > cur.start {
                out.push(Span::new(cur.start, b[k].start));
            }
            cur.start = cur.start.max(b[k].end);
            if cur.is_empty() {
                break;
            }
            k += 1;
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

/// `a ∩ b` for normalized inputs; the result is normalized.
pub fn intersect(a: &[Span], b: &[Span]) -> Vec<Span> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        let start = a[i].start.max(b[j].start);
        let end = a[i].end.min(b[j].end);
        if start < end {
            out.push(Span::new(start, end));
        }
        if a[i].end < b[j].end { i += 1 } else { j += 1 }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans(v: &[(i64, i64)]) -> Vec<Span> {
        v.iter().map(|&(a, b)| Span::new(a, b)).collect()
    }

    #[test]
    fn normalize_merges_touching_and_overlapping() {
        assert_eq!(
            normalize(spans(&[(5, 8), (0, 2), (2, 3), (7, 9), (4, 4)])),
            spans(&[(0, 3), (5, 9)])
        );
    }

    #[test]
    fn subtract_cuts_holes() {
        assert_eq!(
            subtract(
                &spans(&[(0, 10), (20, 30)]),
                &spans(&[(2, 3), (8, 22), (29, 40)])
            ),
            spans(&[(0, 2), (3, 8), (22, 29)])
        );
    }

    #[test]
    fn intersect_keeps_common_parts() {
        assert_eq!(
            intersect(&spans(&[(0, 10), (20, 30)]), &spans(&[(5, 25)])),
            spans(&[(5, 10), (20, 25)])
        );
    }

    fn covered(v: &[Span], t: i64) -> bool {
        v.iter().any(|s| s.start <= t && t < s.end)
    }

    proptest! {
        #[test]
        fn set_operations_agree_with_pointwise_membership(
            a in prop::collection::vec((0i64..100, 0i64..20), 0..8),
            b in prop::collection::vec((0i64..100, 0i64..20), 0..8),
        ) {
            let a = normalize(a.into_iter().map(|(s, l)| Span::new(s, s + l)).collect());
            let b = normalize(b.into_iter().map(|(s, l)| Span::new(s, s + l)).collect());
            let diff = subtract(&a, &b);
            let both = intersect(&a, &b);
            prop_assert_eq!(normalize(diff.clone()), diff.clone());
            prop_assert_eq!(normalize(both.clone()), both.clone());
            for t in 0..130 {
                prop_assert_eq!(covered(&diff, t), covered(&a, t) && !covered(&b, t));
                prop_assert_eq!(covered(&both, t), covered(&a, t) && covered(&b, t));
            }
        }
    }
}
