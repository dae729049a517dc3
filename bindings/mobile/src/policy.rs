//! Access control (`pti_core::policy`): `authorize`.

use crate::convert::{code_of, opt_id};
use crate::error::{PtiError, coded};
use pti_core::UnknownCode;
use pti_core::policy::{self, Permission, PolicyError, PrincipalFields, Role};

/// Who acts: a role code (`SUPER_ADMIN`, `ADMIN_TENANT`, `ADMIN_AGENCE`, `ADMIN_CT`,
/// `CONTROLEUR`, `CALL_CENTER`, `CLIENT`, `API_KEY`) and the places it is attached to.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Principal {
    /// The role code.
    pub role: String,
    /// The user (none for an API key).
    #[uniffi(default = None)]
    pub user_id: Option<String>,
    /// The tenant (none only for a super admin).
    #[uniffi(default = None)]
    pub tenant_id: Option<String>,
    /// The agency (ADMIN_AGENCE).
    #[uniffi(default = None)]
    pub agency_id: Option<String>,
    /// The centre (ADMIN_CT, CONTROLEUR).
    #[uniffi(default = None)]
    pub centre_id: Option<String>,
    /// An API key's grants, `resource:action[:scope]`.
    #[uniffi(default = [])]
    pub grants: Vec<String>,
}

/// The row an action touches: its kind (`rdv`, `ct`, `payment`, ...) and where it belongs.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ResourceRef {
    /// What kind of row.
    pub kind: String,
    /// Its tenant.
    #[uniffi(default = None)]
    pub tenant_id: Option<String>,
    /// Its agency.
    #[uniffi(default = None)]
    pub agency_id: Option<String>,
    /// Its centre.
    #[uniffi(default = None)]
    pub centre_id: Option<String>,
    /// The user who owns it.
    #[uniffi(default = None)]
    pub owner_id: Option<String>,
}

/// Whether `principal` may `action` (`create`, `read`, `update`, `delete`, `cancel`, `status`,
/// `export`) the row `resource`: `FORBIDDEN`, `CROSS_TENANT`, `OUT_OF_SCOPE` when not;
/// `UNKNOWN_ROLE`, `INVALID_PERMISSION`, `INVALID_PRINCIPAL`, `GRANT_TOO_WIDE` for a principal
/// that cannot exist.
#[uniffi::export]
pub fn authorize(
    principal: Principal,
    action: String,
    resource: ResourceRef,
) -> Result<(), PtiError> {
    let role: Role = principal
        .role
        .parse()
        .map_err(|e: UnknownCode| coded(PolicyError::UnknownRole(e.text)))?;
    let grants = principal
        .grants
        .iter()
        .map(|g| g.parse::<Permission>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(coded)?;
    let fields = PrincipalFields {
        role: Some(role),
        user_id: opt_id("user_id", &principal.user_id)?,
        tenant_id: opt_id("tenant_id", &principal.tenant_id)?,
        agency_id: opt_id("agency_id", &principal.agency_id)?,
        centre_id: opt_id("centre_id", &principal.centre_id)?,
        grants,
    };
    let who = policy::Principal::new(fields).map_err(coded)?;
    let row = policy::ResourceRef {
        kind: code_of("resource kind", &resource.kind)?,
        tenant_id: opt_id("tenant_id", &resource.tenant_id)?,
        agency_id: opt_id("agency_id", &resource.agency_id)?,
        centre_id: opt_id("centre_id", &resource.centre_id)?,
        owner_id: opt_id("owner_id", &resource.owner_id)?,
    };
    policy::authorize(&who, code_of("action", &action)?, &row).map_err(coded)
}
