//! RS256 access tokens: signing and strict verification (RS256 only, issuer, expiry).

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use pti_core::policy::Role;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::keys::JwtKeys;

/// Issuer of every token.
pub const ISSUER: &str = "pti-calendar";
/// Lifetime of an access token, in seconds (1 h).
pub const ACCESS_TTL_SECS: i64 = 3600;

/// The claims of an access token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The user.
    pub sub: Uuid,
    /// The user's tenant (None for the super admin).
    pub tid: Option<Uuid>,
    /// The user's role code.
    pub role: String,
    /// The session: the refresh-token family this token was issued with.
    pub sid: Uuid,
    /// Issuer.
    pub iss: String,
    /// Issued at (Unix seconds).
    pub iat: i64,
    /// Expires at (Unix seconds).
    pub exp: i64,
    /// Token id.
    pub jti: Uuid,
    /// The user's agency, if attached to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aid: Option<Uuid>,
    /// The user's centre, if attached to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cid: Option<Uuid>,
}

impl Claims {
    /// These claims naming the user's agency and centre.
    pub fn attached(self, agency: Option<Uuid>, centre: Option<Uuid>) -> Self {
        Self {
            aid: agency,
            cid: centre,
            ..self
        }
    }
}

/// Signs and verifies access tokens.
pub struct Jwt {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl Jwt {
    /// From a PEM key pair.
    pub fn new(keys: &JwtKeys) -> anyhow::Result<Self> {
        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iss", "sub"]);
        validation.leeway = 5;
        Ok(Self {
            encoding: EncodingKey::from_rsa_pem(keys.private_pem.as_bytes())?,
            decoding: DecodingKey::from_rsa_pem(keys.public_pem.as_bytes())?,
            validation,
        })
    }

    /// Claims of a fresh access token for `sub` valid from `now` (Unix seconds).
    pub fn claims(sub: Uuid, tid: Option<Uuid>, role: Role, sid: Uuid, now: i64) -> Claims {
        Claims {
            sub,
            tid,
            role: role.code().to_owned(),
            sid,
            iss: ISSUER.to_owned(),
            iat: now,
            exp: now + ACCESS_TTL_SECS,
            jti: Uuid::new_v4(),
            aid: None,
            cid: None,
        }
    }

    /// Signs `claims` with RS256.
    pub fn sign(&self, claims: &Claims) -> anyhow::Result<String> {
        Ok(encode(
            &Header::new(Algorithm::RS256),
            claims,
            &self.encoding,
        )?)
    }

    /// Verifies a token: RS256 signature by our key, issuer, not expired.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .ok()
    }
}

/// Now, in Unix seconds.
pub fn now_unix() -> i64 {
    chrono::Utc::now().timestamp()
}
