//! Who a transaction acts for, as the row-level-security policies read it
//! (`app.tenant_id`, `app.role`).

use pti_core::model::TenantId;
use pti_core::policy::Role;

/// The role a transaction acts as: a user's role, or one of the server's own parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContextRole {
    /// A signed-in user's role (`SUPER_ADMIN` reads across tenants: policy `platform_read`).
    User(Role),
    /// Nobody is signed in (a guest booking, public reads).
    Anonymous,
    /// A guest proving ownership of one booking with its token.
    Guest,
    /// Signing in or refreshing, before the user is known.
    Auth,
    /// The server's own background work (engine loading, worker).
    System,
}

impl ContextRole {
    /// The code written to `app.role`.
    pub fn code(self) -> &'static str {
        match self {
            ContextRole::User(role) => role.code(),
            ContextRole::Anonymous => "ANONYMOUS",
            ContextRole::Guest => "GUEST",
            ContextRole::Auth => "AUTH",
            ContextRole::System => "SYSTEM",
        }
    }
}

/// Who a transaction acts for: the tenant (None for the platform) and the role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TenantContext {
    /// The tenant whose rows are visible and writable.
    pub tenant_id: Option<TenantId>,
    /// The role acted as.
    pub role: ContextRole,
}

impl TenantContext {
    /// A context acting inside `tenant_id` as `role`.
    pub fn tenant(tenant_id: TenantId, role: ContextRole) -> Self {
        Self {
            tenant_id: Some(tenant_id),
            role,
        }
    }

    /// A user of `tenant_id` (None: the platform) acting with their `role`.
    pub fn of(tenant_id: Option<TenantId>, role: Role) -> Self {
        Self {
            tenant_id,
            role: ContextRole::User(role),
        }
    }

    /// The server's background work inside `tenant_id`.
    pub fn system(tenant_id: TenantId) -> Self {
        Self::tenant(tenant_id, ContextRole::System)
    }

    /// The platform's super admin, reading across tenants (policy `platform_read`).
    pub fn super_admin() -> Self {
        Self::of(None, Role::SuperAdmin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policies_read_the_role_codes_of_the_schema() {
        assert_eq!(ContextRole::User(Role::SuperAdmin).code(), "SUPER_ADMIN");
        assert_eq!(ContextRole::User(Role::CallCenter).code(), "CALL_CENTER");
        assert_eq!(ContextRole::System.code(), "SYSTEM");
        assert_eq!(TenantContext::super_admin().tenant_id, None);
    }
}
