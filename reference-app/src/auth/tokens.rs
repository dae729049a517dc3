//! Opaque random tokens (refresh tokens, guest booking tokens): 256 random bits in hex, stored
//! as their SHA-256 and compared in constant time.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// A fresh opaque token (256 random bits, hex).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex(&bytes)
}

/// SHA-256 of a token, hex: what the database stores.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Whether `token` hashes to `expected_hash`, in time independent of where they differ.
pub fn matches(token: &str, expected_hash: &str) -> bool {
    let (a, b) = (token_hash(token), expected_hash);
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }

    #[test]
    fn a_token_matches_only_its_own_hash() {
        let (a, b) = (new_token(), new_token());
        assert!(matches(&a, &token_hash(&a)));
        assert!(!matches(&a, &token_hash(&b)));
        assert!(!matches(&a, ""));
    }
}
