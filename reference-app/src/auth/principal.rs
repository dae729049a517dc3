//! The authenticated caller of a request and what the access policy makes of it.

use pti_core::Coded;
use pti_core::model::{AgencyId, CentreId, TenantId, UserId};
use pti_core::policy::{self, Action, ResourceRef, Role};
use uuid::Uuid;

use super::jwt::Claims;
use crate::db::TenantContext;
use crate::error::Error;

/// The authenticated caller of a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    /// The user.
    pub user_id: Uuid,
    /// The user's tenant (None for the super admin).
    pub tenant_id: Option<TenantId>,
    /// The user's role.
    pub role: Role,
    /// Session (refresh-token family).
    pub session_id: Uuid,
    /// The agency the user is attached to (ADMIN_AGENCE).
    pub agency_id: Option<Uuid>,
    /// The centre the user is attached to (ADMIN_CT, CONTROLEUR).
    pub centre_id: Option<Uuid>,
}

impl Principal {
    /// The caller named by verified claims; `None` when the role is not one of ours.
    pub fn from_claims(claims: Claims) -> Option<Self> {
        Some(Self {
            user_id: claims.sub,
            tenant_id: claims.tid.map(TenantId),
            role: claims.role.parse().ok()?,
            session_id: claims.sid,
            agency_id: claims.aid,
            centre_id: claims.cid,
        })
    }

    /// This caller as `pti_core::policy` sees it.
    pub fn policy(&self) -> Result<policy::Principal, Error> {
        policy::Principal::new(policy::PrincipalFields {
            role: Some(self.role),
            user_id: Some(UserId(self.user_id)),
            tenant_id: self.tenant_id,
            agency_id: self.agency_id.map(AgencyId),
            centre_id: self.centre_id.map(CentreId),
            grants: Vec::new(),
        })
        .map_err(|_| Error::Forbidden)
    }

    /// Whether this caller may perform `action` on `resource` (`pti_core::policy::authorize`);
    /// a refusal answers 403 with the policy's code.
    pub fn authorize(&self, action: Action, resource: &ResourceRef) -> Result<(), Error> {
        policy::authorize(&self.policy()?, action, resource).map_err(|e| Error::Denied {
            code: e.code(),
            message: e.to_string(),
        })
    }

    /// The database context of this caller.
    pub fn context(&self) -> TenantContext {
        TenantContext::of(self.tenant_id, self.role)
    }
}
