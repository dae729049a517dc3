//! Access control (`pti_core::policy`): `authorize`.

use crate::convert::{code_arg, opt_id};
use crate::error::{Code, coded};
use napi::Result;
use napi_derive::napi;
use pti_core::UnknownCode;
use pti_core::policy::{
    self, Permission, PolicyError, PrincipalFields, ResourceRef as CoreRef, Role,
};

/// Who acts: a role and the places it is attached to, or an API key with its grants.
#[napi(object)]
pub struct Principal {
    /// The role code.
    #[napi(
        ts_type = "'SUPER_ADMIN' | 'ADMIN_TENANT' | 'ADMIN_AGENCE' | 'ADMIN_CT' | 'CONTROLEUR' | 'CALL_CENTER' | 'CLIENT' | 'API_KEY'"
    )]
    pub role: String,
    /// The user (none for an API key).
    pub user_id: Option<String>,
    /// The tenant (none only for a super admin).
    pub tenant_id: Option<String>,
    /// The agency (ADMIN_AGENCE).
    pub agency_id: Option<String>,
    /// The centre (ADMIN_CT, CONTROLEUR).
    pub centre_id: Option<String>,
    /// An API key's grants, `resource:action[:scope]`.
    pub grants: Option<Vec<String>>,
}

/// The row an action touches, described by where it belongs.
#[napi(object)]
pub struct ResourceRef {
    /// What kind of row: `'rdv'`, `'ct'`, `'payment'`, ...
    pub kind: String,
    /// Its tenant.
    pub tenant_id: Option<String>,
    /// Its agency.
    pub agency_id: Option<String>,
    /// Its centre.
    pub centre_id: Option<String>,
    /// The user who owns it.
    pub owner_id: Option<String>,
}

/// Whether `principal` may `action` the row `resource`: returns, or throws `FORBIDDEN`,
/// `CROSS_TENANT` or `OUT_OF_SCOPE`; an incoherent principal throws `INVALID_PRINCIPAL`,
/// `UNKNOWN_ROLE`, `INVALID_PERMISSION` or `GRANT_TOO_WIDE`.
#[napi]
pub fn authorize(
    principal: Principal,
    #[napi(
        ts_arg_type = "'create' | 'read' | 'update' | 'delete' | 'cancel' | 'status' | 'export'"
    )]
    action: String,
    resource: ResourceRef,
) -> Result<(), Code> {
    let role: Role = principal
        .role
        .parse()
        .map_err(|e: UnknownCode| coded(PolicyError::UnknownRole(e.text)))?;
    let grants = principal
        .grants
        .iter()
        .flatten()
        .map(|g| g.parse::<Permission>())
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(coded)?;
    let fields = PrincipalFields {
        role: Some(role),
        user_id: opt_id("userId", principal.user_id.as_ref())?,
        tenant_id: opt_id("tenantId", principal.tenant_id.as_ref())?,
        agency_id: opt_id("agencyId", principal.agency_id.as_ref())?,
        centre_id: opt_id("centreId", principal.centre_id.as_ref())?,
        grants,
    };
    let who = policy::Principal::new(fields).map_err(coded)?;
    let action = code_arg("action", &action)?;
    let row = CoreRef {
        kind: code_arg("resource kind", &resource.kind)?,
        tenant_id: opt_id("tenantId", resource.tenant_id.as_ref())?,
        agency_id: opt_id("agencyId", resource.agency_id.as_ref())?,
        centre_id: opt_id("centreId", resource.centre_id.as_ref())?,
        owner_id: opt_id("ownerId", resource.owner_id.as_ref())?,
    };
    policy::authorize(&who, action, &row).map_err(coded)
}
