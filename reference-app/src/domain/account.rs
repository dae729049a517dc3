//! A user account as an admin edits it: its role and its status.

use std::str::FromStr;

use pti_core::UnknownCode;
use pti_core::policy::Role;
use serde::Serialize;

use crate::error::{Error, Result};

/// Where an account stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    /// Signs in.
    Active,
    /// Created by an admin; waits for its holder to choose a password.
    Invited,
    /// Turned off by an admin: cannot sign in, its sessions ended.
    Disabled,
    /// Deleted: kept for the records, never listed nor signed in.
    Erased,
}

impl AccountStatus {
    /// Every status.
    pub const ALL: [AccountStatus; 4] = [
        AccountStatus::Active,
        AccountStatus::Invited,
        AccountStatus::Disabled,
        AccountStatus::Erased,
    ];

    /// The statuses a listed account may have.
    pub const LISTED: [AccountStatus; 3] = [
        AccountStatus::Active,
        AccountStatus::Invited,
        AccountStatus::Disabled,
    ];

    /// The stable code, as stored and answered.
    pub fn code(self) -> &'static str {
        match self {
            AccountStatus::Active => "active",
            AccountStatus::Invited => "invited",
            AccountStatus::Disabled => "disabled",
            AccountStatus::Erased => "erased",
        }
    }
}

impl FromStr for AccountStatus {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, UnknownCode> {
        Self::ALL
            .into_iter()
            .find(|v| v.code() == s)
            .ok_or_else(|| UnknownCode {
                kind: "account status",
                text: s.to_owned(),
            })
    }
}

impl pti_core::Code for AccountStatus {
    const ALL: &'static [Self] = &Self::ALL;

    fn code(self) -> &'static str {
        AccountStatus::code(self)
    }
}

/// A status of a listed account (`active`, `invited`, `disabled`), or 422 naming `field`.
pub fn listed_status(field: &str, raw: &str) -> Result<AccountStatus> {
    raw.trim()
        .parse()
        .ok()
        .filter(|s| AccountStatus::LISTED.contains(s))
        .ok_or_else(|| Error::validation(field, "one of active, invited, disabled"))
}

/// The status an admin sets (`active` or `disabled`), or 422 naming `field`.
pub fn settable_status(field: &str, raw: &str) -> Result<AccountStatus> {
    match raw.trim().parse() {
        Ok(s @ (AccountStatus::Active | AccountStatus::Disabled)) => Ok(s),
        _ => Err(Error::validation(field, "one of active, disabled")),
    }
}

/// The roles an account may hold (every role but API_KEY, which is a key, not an account).
pub const ACCOUNT_ROLES: [Role; 7] = [
    Role::SuperAdmin,
    Role::AdminTenant,
    Role::AdminAgence,
    Role::AdminCt,
    Role::Controleur,
    Role::CallCenter,
    Role::Client,
];

/// A role an account may hold, or 422 naming `field`.
pub fn account_role(field: &str, raw: &str) -> Result<Role> {
    raw.trim()
        .parse()
        .ok()
        .filter(|r| ACCOUNT_ROLES.contains(r))
        .ok_or_else(|| Error::validation(field, format!("unknown role '{}'", raw.trim())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_parse_back_from_their_codes() {
        for status in AccountStatus::ALL {
            assert_eq!(status.code().parse::<AccountStatus>(), Ok(status));
        }
        assert!("enabled".parse::<AccountStatus>().is_err());
    }

    #[test]
    fn a_list_filters_on_listed_statuses_only() {
        assert_eq!(
            listed_status("status", " invited ").unwrap(),
            AccountStatus::Invited
        );
        let e = listed_status("status", "erased").unwrap_err();
        assert_eq!(e.code(), "VALIDATION");
    }

    #[test]
    fn an_admin_sets_active_or_disabled_only() {
        assert_eq!(
            settable_status("status", "disabled").unwrap(),
            AccountStatus::Disabled
        );
        for bad in ["invited", "erased", "off"] {
            assert!(settable_status("status", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn account_roles_exclude_api_keys() {
        assert_eq!(
            account_role("role", "CONTROLEUR").unwrap(),
            Role::Controleur
        );
        assert!(account_role("role", "API_KEY").is_err());
        assert!(account_role("role", "controleur").is_err());
    }
}
