//! A fixed-size bit set over time cells, with the word-parallel run search that makes
//! availability queries cost nanoseconds.

/// A bit set of `len` cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    /// `len` cleared bits.
    pub(crate) fn new(len: usize) -> Self {
        Bits {
            words: vec![0; len.div_ceil(64) + 1],
            len,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn get(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] >> (i % 64) & 1 == 1
    }

    /// Sets (or clears) the bits `[from, to)`, clipped to the set.
    pub(crate) fn set_range(&mut self, from: usize, to: usize, value: bool) {
        let to = to.min(self.len);
        let mut i = from;
        while i < to {
            let (w, b) = (i / 64, i % 64);
            let n = (64 - b).min(to - i);
            let mask = if n == 64 {
                u64::MAX
            } else {
                ((1u64 << n) - 1) << b
            };
            if value {
                self.words[w] |= mask
            } else {
                self.words[w] &= !mask
            }
            i += n;
        }
    }

    /// Whether every bit of `[from, to)` is set; false when the range leaves the set.
    pub(crate) fn all(&self, from: usize, to: usize) -> bool {
        to <= self.len && (from..to).all(|i| self.get(i))
    }

    /// Whether any bit of `[from, to)` is set (bits beyond the set count as clear).
    pub(crate) fn any(&self, from: usize, to: usize) -> bool {
        (from..to.min(self.len)).any(|i| self.get(i))
    }

    /// The word of bits `[64w, 64w + 64)` with the next word, for runs that cross the boundary.
    #[inline]
    fn pair(&self, w: usize) -> u128 {
        let next = self.words.get(w + 1).copied().unwrap_or(0);
        u128::from(self.words[w]) | u128::from(next) << 64
    }

    /// Bit `j` of the result is set when bits `64w + j .. 64w + j + k` are all set (k ≤ 64).
    #[inline]
    pub(crate) fn runs(&self, w: usize, k: usize) -> u64 {
        runs_of(self.pair(w), k)
    }

    /// Like [`Bits::runs`] on the complement: bits `64w + j .. + k` all clear.
    #[inline]
    pub(crate) fn clear_runs(&self, w: usize, k: usize) -> u64 {
        runs_of(!self.pair(w), k)
    }
}

#[inline]
fn runs_of(v: u128, k: usize) -> u64 {
    let mut r = v;
    let mut have = 1;
    // Doubling: after each step `r` marks runs of length `have`.
    while have < k {
        let step = have.min(k - have);
        r &= r >> step;
        have += step;
    }
    r as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn runs_match_a_naive_scan(
            ones in prop::collection::vec(any::<bool>(), 1..300),
            k in 1usize..=64,
        ) {
            let mut bits = Bits::new(ones.len());
            for (i, one) in ones.iter().enumerate() {
                bits.set_range(i, i + 1, *one);
            }
            for w in 0..ones.len().div_ceil(64) {
                let fast = bits.runs(w, k);
                let clear = bits.clear_runs(w, k);
                for j in 0..64 {
                    let start = w * 64 + j;
                    if start >= ones.len() { break; }
                    let all_set = start + k <= ones.len() && (start..start + k).all(|i| ones[i]);
                    prop_assert_eq!(fast >> j & 1 == 1, all_set, "set w{} j{} k{}", w, j, k);
                    let all_clear = (start..start + k).all(|i| i >= ones.len() || !ones[i]);
                    prop_assert_eq!(clear >> j & 1 == 1, all_clear, "clear w{} j{} k{}", w, j, k);
                }
            }
        }
    }

    #[test]
    fn set_range_crosses_words() {
        let mut b = Bits::new(200);
        b.set_range(60, 130, true);
        assert!(b.all(60, 130));
        assert!(!b.get(59) && !b.get(130));
        b.set_range(64, 128, false);
        assert!(b.all(60, 64) && !b.any(64, 128) && b.all(128, 130));
    }
}
