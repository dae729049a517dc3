//! A secret field of the settings: written, never read back. A change keeps it (absent),
//! clears it (null or empty) or replaces it (sealed under the server's key, refused with
//! `SECRETS_KEY_MISSING` when the server has none).

use serde::Serialize;
use serde_json::{Value, json};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::secrets::{Place, Sealed, Secrets};

/// A secret as the settings answer it: whether one is set, and its last four characters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct SecretView {
    /// Whether a value is set.
    pub set: bool,
    /// Its last four characters (null: unset, or too short to show any).
    #[schema(example = "4242")]
    pub last4: Option<String>,
}

impl From<&Option<Sealed>> for SecretView {
    fn from(sealed: &Option<Sealed>) -> Self {
        Self {
            set: sealed.is_some(),
            last4: sealed
                .as_ref()
                .map(|s| s.last4.clone())
                .filter(|l| !l.is_empty()),
        }
    }
}

/// How the audit trail records a secret: whether it is set, and a fingerprint of its sealed
/// bytes that changes with it.
pub fn audited(sealed: &Option<Sealed>) -> Value {
    json!({ "set": sealed.is_some(), "version": sealed.as_ref().map(Sealed::version) })
}

/// The secret `field` of `tenant` after `change` (see the module); `check` vets a new value
/// (its message names what is wrong).
pub fn apply(
    secrets: &Secrets,
    tenant: Uuid,
    field: &str,
    now: Option<Sealed>,
    change: &Option<Option<String>>,
    check: impl Fn(&str) -> std::result::Result<(), &'static str>,
) -> Result<Option<Sealed>> {
    let given = match change {
        None => return Ok(now),
        Some(v) => v.as_deref().map(str::trim).filter(|v| !v.is_empty()),
    };
    let Some(value) = given else {
        return Ok(None);
    };
    if value.len() > 500 || value.chars().any(char::is_control) {
        return Err(Error::validation(field, "at most 500 printable characters"));
    }
    check(value).map_err(|why| Error::validation(field, why))?;
    let key = secrets.key().ok_or_else(|| Error::Unprocessable {
        code: "SECRETS_KEY_MISSING",
        message: format!("{field}: this server has no PTI_SECRETS_KEY to keep secrets with"),
        details: json!({ "field": field, "reason": "no secrets key configured" }),
    })?;
    Sealed::new(key, &Place { tenant, field }, value)
        .map(Some)
        .map_err(|e| Error::Internal(e.into()))
}
