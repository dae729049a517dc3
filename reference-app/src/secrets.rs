//! Secrets a network gives the platform (its Stripe keys, its SMTP password, ...), sealed at
//! rest: AES-256-GCM under the server's key (`PTI_SECRETS_KEY`), a random nonce per value, and
//! the network and field as associated data, so a sealed value only opens where it was sealed.
//! Only the last four characters of a long secret are kept in clear, for people to recognise it.

use std::fmt;
use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// A secret shorter than this shows no last characters.
const SHOWN_FROM: usize = 12;

/// The 32-byte key that seals secrets. Never printed.
#[derive(Clone)]
pub struct SecretsKey([u8; 32]);

impl fmt::Debug for SecretsKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretsKey(<redacted>)")
    }
}

/// Why a sealed value did not open.
#[derive(Debug, thiserror::Error)]
pub enum SecretsError {
    /// The key is not 32 bytes of standard base64.
    #[error("the secrets key must be 32 bytes, base64")]
    BadKey,
    /// The value was sealed under another key, for another place, or was altered.
    #[error("a sealed secret does not open with this key")]
    Tampered,
    /// The system's random source failed.
    #[error("no randomness for a nonce")]
    Random,
}

impl SecretsKey {
    /// The key of `encoded`, 32 bytes in standard base64.
    pub fn parse(encoded: &str) -> Result<Self, SecretsError> {
        let bytes = STANDARD
            .decode(encoded.trim())
            .map_err(|_| SecretsError::BadKey)?;
        Ok(Self(bytes.try_into().map_err(|_| SecretsError::BadKey)?))
    }

    fn aead(&self) -> LessSafeKey {
        LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &self.0).expect("32 bytes"))
    }

    /// Seals `secret` for `place` (who it belongs to and what it is): base64 of nonce,
    /// ciphertext and tag.
    pub fn seal(&self, place: &Place<'_>, secret: &str) -> Result<String, SecretsError> {
        let mut nonce = [0u8; NONCE_LEN];
        SystemRandom::new()
            .fill(&mut nonce)
            .map_err(|_| SecretsError::Random)?;
        let mut sealed = secret.as_bytes().to_vec();
        self.aead()
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(place.aad()),
                &mut sealed,
            )
            .map_err(|_| SecretsError::Random)?;
        let mut out = nonce.to_vec();
        out.extend(sealed);
        Ok(STANDARD.encode(out))
    }

    /// The secret `sealed` holds for `place`.
    pub fn open(&self, place: &Place<'_>, sealed: &str) -> Result<String, SecretsError> {
        let bytes = STANDARD
            .decode(sealed)
            .map_err(|_| SecretsError::Tampered)?;
        if bytes.len() < NONCE_LEN {
            return Err(SecretsError::Tampered);
        }
        let (nonce, body) = bytes.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| SecretsError::Tampered)?;
        let mut body = body.to_vec();
        let plain = self
            .aead()
            .open_in_place(nonce, Aad::from(place.aad()), &mut body)
            .map_err(|_| SecretsError::Tampered)?;
        String::from_utf8(plain.to_vec()).map_err(|_| SecretsError::Tampered)
    }
}

/// Where a secret belongs: its network and its field (`payment.stripe_secret_key`).
pub struct Place<'a> {
    /// The network.
    pub tenant: Uuid,
    /// The settings field.
    pub field: &'a str,
}

impl Place<'_> {
    fn aad(&self) -> Vec<u8> {
        format!("{}/{}", self.tenant, self.field).into_bytes()
    }
}

/// The server's secrets key, when configured: a part of the shared state.
#[derive(Clone, Debug, Default)]
pub struct Secrets(Option<Arc<SecretsKey>>);

impl Secrets {
    /// Secrets sealed under `key`; `None`: secrets can be neither saved nor used.
    pub fn new(key: Option<SecretsKey>) -> Self {
        Self(key.map(Arc::new))
    }

    /// The key, if the server has one.
    pub fn key(&self) -> Option<&SecretsKey> {
        self.0.as_deref()
    }
}

/// A secret as the settings document stores it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct Sealed {
    /// What [`SecretsKey::seal`] made of it.
    pub sealed: String,
    /// Its last four characters (empty for a short secret).
    pub last4: String,
}

impl Sealed {
    /// `secret` sealed for `place`.
    pub fn new(key: &SecretsKey, place: &Place<'_>, secret: &str) -> Result<Self, SecretsError> {
        let chars: Vec<char> = secret.chars().collect();
        let last4 = if chars.len() >= SHOWN_FROM {
            chars[chars.len() - 4..].iter().collect()
        } else {
            String::new()
        };
        Ok(Self {
            sealed: key.seal(place, secret)?,
            last4,
        })
    }

    /// A short fingerprint of the sealed bytes (not of the secret): tells the audit trail that
    /// a secret changed without saying anything of it.
    pub fn version(&self) -> String {
        let digest = Sha256::digest(self.sealed.as_bytes());
        digest[..4].iter().map(|b| format!("{b:02x}")).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SecretsKey {
        SecretsKey::parse(&STANDARD.encode([7u8; 32])).unwrap()
    }

    fn place(field: &str) -> Place<'_> {
        Place {
            tenant: Uuid::nil(),
            field,
        }
    }

    #[test]
    fn a_sealed_secret_opens_to_itself_and_hides_it() {
        let sealed = key().seal(&place("a"), "sk_test_51Habc").unwrap();
        assert!(!sealed.contains("sk_test"));
        assert_eq!(key().open(&place("a"), &sealed).unwrap(), "sk_test_51Habc");
    }

    #[test]
    fn each_seal_draws_its_own_nonce() {
        let (a, b) = (
            key().seal(&place("a"), "same").unwrap(),
            key().seal(&place("a"), "same").unwrap(),
        );
        assert_ne!(a, b);
    }

    #[test]
    fn a_sealed_secret_opens_only_where_and_with_what_it_was_sealed() {
        let sealed = key().seal(&place("a"), "secret").unwrap();
        assert!(key().open(&place("b"), &sealed).is_err(), "another field");
        let other = SecretsKey::parse(&STANDARD.encode([8u8; 32])).unwrap();
        assert!(other.open(&place("a"), &sealed).is_err(), "another key");
        let mut bytes = STANDARD.decode(&sealed).unwrap();
        *bytes.last_mut().unwrap() ^= 1;
        assert!(
            key().open(&place("a"), &STANDARD.encode(bytes)).is_err(),
            "altered"
        );
        assert!(key().open(&place("a"), "AAAA").is_err(), "truncated");
    }

    #[test]
    fn a_key_is_32_bytes_of_base64() {
        assert!(SecretsKey::parse(&STANDARD.encode([1u8; 16])).is_err());
        assert!(SecretsKey::parse("not base64!").is_err());
        assert_eq!(format!("{:?}", key()), "SecretsKey(<redacted>)");
    }

    #[test]
    fn only_a_long_secrets_last_four_characters_show() {
        let long = Sealed::new(&key(), &place("a"), "sk_test_4242abcd").unwrap();
        assert_eq!(long.last4, "abcd");
        let short = Sealed::new(&key(), &place("a"), "hunter2").unwrap();
        assert_eq!(short.last4, "");
        assert_eq!(long.version().len(), 8);
    }
}
