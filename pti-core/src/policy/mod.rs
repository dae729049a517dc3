//! Tenancy and role-based access control.
//!
//! A [`Principal`] (who acts) asks to perform an [`Action`] on a [`ResourceRef`] (what row it
//! touches). [`authorize`] looks up the widest [`Scope`] the principal's role grants for that
//! resource and action, then checks the row against it. Nothing else takes part: the function
//! is pure, and the whole role × resource × action table is [`grants`].
//!
//! Scopes, narrowest first: `own` (rows the principal owns), `centre`, `agency`, `tenant`,
//! `platform`. Only the super admin holds platform scope; every other principal is bound to its
//! tenant, so a row of another tenant is refused with `CROSS_TENANT` whatever the role, even
//! when the principal would own it.
//!
//! The role table, in short (see [`grants`] for every line):
//! - SUPER_ADMIN runs the platform: everything, everywhere.
//! - ADMIN_TENANT runs one network: its settings, agencies, centres, inspectors, planning,
//!   bookings, payments and refunds, users, reports and API keys; it cannot create tenants.
//! - ADMIN_AGENCE runs the centres of its agency and reads the network's agencies and clients.
//! - ADMIN_CT runs one centre: its planning, inspectors and bookings.
//! - CONTROLEUR reads its centre's planning and bookings, moves bookings through inspection
//!   (check-in, done, no-show), and edits its own inspector record.
//! - CALL_CENTER books, changes and cancels on callers' behalf across the network, creates and
//!   reads clients, takes payments and logs calls.
//! - CLIENT acts on its own bookings, payments, vehicles, profile and notifications.
//! - API_KEY holds only the grants written on the key, never wider than its tenant.

mod table;

use crate::error::Coded;
use crate::model::{AgencyId, CentreId, TenantId, UserId};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

pub use table::grants;

/// The eight roles of the platform.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Role {
    /// Runs the platform.
    SuperAdmin,
    /// Runs one network (tenant).
    AdminTenant,
    /// Runs the centres of one agency.
    AdminAgence,
    /// Runs one centre.
    AdminCt,
    /// An inspector.
    Controleur,
    /// A call-centre operator.
    CallCenter,
    /// A driver.
    Client,
    /// A machine client with explicit grants.
    ApiKey,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 8] = [
        Role::SuperAdmin,
        Role::AdminTenant,
        Role::AdminAgence,
        Role::AdminCt,
        Role::Controleur,
        Role::CallCenter,
        Role::Client,
        Role::ApiKey,
    ];
}

crate::error::impl_code!(Role, "role" {
    SuperAdmin = "SUPER_ADMIN",
    AdminTenant = "ADMIN_TENANT",
    AdminAgence = "ADMIN_AGENCE",
    AdminCt = "ADMIN_CT",
    Controleur = "CONTROLEUR",
    CallCenter = "CALL_CENTER",
    Client = "CLIENT",
    ApiKey = "API_KEY",
});

/// Declares a code enum whose serde names are its codes, with its `ALL` array and
/// [`Code`](crate::error::Code).
macro_rules! coded_enum {
    ($(#[$doc:meta])* $name:ident, $kind:literal { $($(#[$vdoc:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $code)] $variant),+
        }

        impl $name {
            /// Every value, in table order.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];
        }

        crate::error::impl_code!($name, $kind { $($variant = $code),+ });
    };
}

coded_enum!(
    /// What a permission is about; codes follow the spec's API names.
    Resource, "resource" {
        /// A network (tenant) itself.
        Tenant = "tenant",
        /// A tenant's settings (branding, payment, notifications, booking policy).
        Settings = "settings",
        /// An agency.
        Agency = "agence",
        /// A centre (CT).
        Centre = "ct",
        /// An inspector record.
        Inspector = "controleur",
        /// Shifts, leave and blocked ranges.
        Planning = "planning",
        /// A booking (rendez-vous).
        Booking = "rdv",
        /// A payment.
        Payment = "payment",
        /// A refund.
        Refund = "refund",
        /// A staff or client user account.
        User = "user",
        /// A client (driver) record.
        Client = "client",
        /// A client's vehicle.
        Vehicle = "vehicle",
        /// A notification (email, SMS) and its preferences.
        Notification = "notification",
        /// A call-centre call log entry.
        Call = "call",
        /// An invoice.
        Invoice = "invoice",
        /// Statistics and reports.
        Report = "report",
        /// The audit log.
        AuditLog = "audit_log",
        /// An API key.
        ApiKey = "api_key",
    }
);

coded_enum!(
    /// What is done to a resource.
    Action, "action" {
        /// Create.
        Create = "create",
        /// Read or list.
        Read = "read",
        /// Update.
        Update = "update",
        /// Delete (or erase, for personal data).
        Delete = "delete",
        /// Cancel (bookings, payments).
        Cancel = "cancel",
        /// Move a booking through inspection: check-in, done, no-show, refused.
        Status = "status",
        /// Export (CSV, accounting).
        Export = "export",
    }
);

/// How far a permission reaches, narrowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Rows the principal owns.
    Own,
    /// Rows of the principal's centre.
    Centre,
    /// Rows of the principal's agency.
    Agency,
    /// Rows of the principal's tenant.
    Tenant,
    /// Every row of the platform.
    Platform,
}

impl Scope {
    /// Every scope, narrowest first.
    pub const ALL: [Scope; 5] = [
        Scope::Own,
        Scope::Centre,
        Scope::Agency,
        Scope::Tenant,
        Scope::Platform,
    ];
}

crate::error::impl_code!(Scope, "scope" {
    Own = "own",
    Centre = "centre",
    Agency = "agency",
    Tenant = "tenant",
    Platform = "platform",
});

/// A permission `resource:action:scope`, e.g. `rdv:cancel:own`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Permission {
    /// The resource.
    pub resource: Resource,
    /// The action.
    pub action: Action,
    /// How far it reaches.
    pub scope: Scope,
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}",
            self.resource.code(),
            self.action.code(),
            self.scope.code()
        )
    }
}

impl FromStr for Permission {
    type Err = PolicyError;
    /// Parses `resource:action:scope`; without a scope, `tenant` is meant (the spec's
    /// `rdv:create` for staff).
    fn from_str(s: &str) -> Result<Self, PolicyError> {
        let bad = || PolicyError::InvalidPermission(s.to_string());
        let mut parts = s.split(':');
        let resource = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let action = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let scope = match parts.next() {
            None => Scope::Tenant,
            Some(code) => code.parse().map_err(|_| bad())?,
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(Permission {
            resource,
            action,
            scope,
        })
    }
}

impl TryFrom<String> for Permission {
    type Error = PolicyError;
    fn try_from(s: String) -> Result<Self, PolicyError> {
        s.parse()
    }
}

impl From<Permission> for String {
    fn from(p: Permission) -> String {
        p.to_string()
    }
}

/// A principal that cannot exist, or text that is not a role or permission.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// Not one of the eight role codes.
    #[error("unknown role '{0}'")]
    UnknownRole(String),
    /// Not `resource:action[:scope]` with known parts.
    #[error("invalid permission '{0}'")]
    InvalidPermission(String),
    /// The role needs a link the principal lacks (a tenant, an agency, a centre, a user).
    #[error("a {role:?} principal needs {missing}")]
    MissingLink {
        /// The role.
        role: Role,
        /// What is missing.
        missing: &'static str,
    },
    /// A super admin belongs to no tenant.
    #[error("a super admin belongs to no tenant")]
    SuperAdminWithTenant,
    /// An API key grant wider than its tenant.
    #[error("an API key cannot hold platform scope: {0}")]
    GrantTooWide(Permission),
}

impl Coded for PolicyError {
    fn code(&self) -> &'static str {
        match self {
            PolicyError::UnknownRole(_) => "UNKNOWN_ROLE",
            PolicyError::InvalidPermission(_) => "INVALID_PERMISSION",
            PolicyError::MissingLink { .. } | PolicyError::SuperAdminWithTenant => {
                "INVALID_PRINCIPAL"
            }
            PolicyError::GrantTooWide(_) => "GRANT_TOO_WIDE",
        }
    }
}

/// Who acts: a user with a role and the places it is attached to, or an API key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PrincipalFields")]
pub struct Principal {
    role: Role,
    user_id: Option<UserId>,
    tenant_id: Option<TenantId>,
    agency_id: Option<AgencyId>,
    centre_id: Option<CentreId>,
    grants: Vec<Permission>,
}

/// The fields of a principal, before their coherence is checked.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct PrincipalFields {
    /// The role.
    pub role: Option<Role>,
    /// The user (none for an API key).
    #[serde(default)]
    pub user_id: Option<UserId>,
    /// The tenant (none only for a super admin).
    #[serde(default)]
    pub tenant_id: Option<TenantId>,
    /// The agency (ADMIN_AGENCE).
    #[serde(default)]
    pub agency_id: Option<AgencyId>,
    /// The centre (ADMIN_CT, CONTROLEUR).
    #[serde(default)]
    pub centre_id: Option<CentreId>,
    /// The grants of an API key.
    #[serde(default)]
    pub grants: Vec<Permission>,
}

impl TryFrom<PrincipalFields> for Principal {
    type Error = PolicyError;
    fn try_from(f: PrincipalFields) -> Result<Self, PolicyError> {
        let role = f.role.ok_or(PolicyError::UnknownRole(String::new()))?;
        let missing = |missing| PolicyError::MissingLink { role, missing };
        match role {
            Role::SuperAdmin if f.tenant_id.is_some() => {
                return Err(PolicyError::SuperAdminWithTenant);
            }
            Role::SuperAdmin => {}
            _ if f.tenant_id.is_none() => return Err(missing("a tenant")),
            Role::AdminAgence if f.agency_id.is_none() => return Err(missing("an agency")),
            Role::AdminCt | Role::Controleur if f.centre_id.is_none() => {
                return Err(missing("a centre"));
            }
            _ => {}
        }
        if matches!(role, Role::Client | Role::Controleur) && f.user_id.is_none() {
            return Err(missing("a user"));
        }
        if let Some(g) = f.grants.iter().find(|g| g.scope == Scope::Platform) {
            return Err(PolicyError::GrantTooWide(*g));
        }
        let grants = if role == Role::ApiKey {
            f.grants
        } else {
            Vec::new()
        };
        Ok(Principal {
            role,
            user_id: f.user_id,
            tenant_id: f.tenant_id,
            agency_id: f.agency_id,
            centre_id: f.centre_id,
            grants,
        })
    }
}

impl Principal {
    /// A principal, checked for coherence (see [`PrincipalFields`]).
    pub fn new(fields: PrincipalFields) -> Result<Self, PolicyError> {
        Principal::try_from(fields)
    }

    /// The role.
    pub fn role(&self) -> Role {
        self.role
    }

    /// The user, if any.
    pub fn user_id(&self) -> Option<UserId> {
        self.user_id
    }

    /// The tenant (none for a super admin).
    pub fn tenant_id(&self) -> Option<TenantId> {
        self.tenant_id
    }

    /// The widest scope this principal holds for `resource` and `action`.
    pub fn scope_for(&self, resource: Resource, action: Action) -> Option<Scope> {
        if self.role == Role::ApiKey {
            let explicit = self
                .grants
                .iter()
                .filter(|p| p.resource == resource && p.action == action);
            return explicit.map(|p| p.scope).max();
        }
        table::scope(self.role, resource, action)
    }
}

/// The row an action touches, described by where it belongs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceRef {
    /// What kind of row.
    pub kind: Resource,
    /// Its tenant (none for platform rows such as the list of tenants).
    #[serde(default)]
    pub tenant_id: Option<TenantId>,
    /// Its agency, if it belongs to one.
    #[serde(default)]
    pub agency_id: Option<AgencyId>,
    /// Its centre, if it belongs to one.
    #[serde(default)]
    pub centre_id: Option<CentreId>,
    /// The user who owns it (the client of a booking, the user of a profile).
    #[serde(default)]
    pub owner_id: Option<UserId>,
}

/// Why an action was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    /// The role holds no permission for this resource and action.
    #[error("{role:?} may not {action:?} {resource:?}")]
    Forbidden {
        /// The role.
        role: Role,
        /// The resource kind.
        resource: Resource,
        /// The action.
        action: Action,
    },
    /// The row belongs to another tenant.
    #[error("the {0:?} belongs to another tenant")]
    CrossTenant(Resource),
    /// The row is in the tenant but outside the principal's agency, centre or own rows.
    #[error("the {resource:?} lies outside the principal's {scope:?} scope")]
    OutOfScope {
        /// The resource kind.
        resource: Resource,
        /// The scope the principal holds.
        scope: Scope,
    },
}

impl Coded for Denied {
    fn code(&self) -> &'static str {
        match self {
            Denied::Forbidden { .. } => "FORBIDDEN",
            Denied::CrossTenant(_) => "CROSS_TENANT",
            Denied::OutOfScope { .. } => "OUT_OF_SCOPE",
        }
    }
}

/// Whether `principal` may perform `action` on the row `resource`.
pub fn authorize(
    principal: &Principal,
    action: Action,
    resource: &ResourceRef,
) -> Result<(), Denied> {
    let forbidden = || Denied::Forbidden {
        role: principal.role,
        resource: resource.kind,
        action,
    };
    let scope = principal
        .scope_for(resource.kind, action)
        .ok_or_else(forbidden)?;
    if scope == Scope::Platform {
        return Ok(());
    }
    if resource.tenant_id.is_none() || resource.tenant_id != principal.tenant_id {
        return Err(Denied::CrossTenant(resource.kind));
    }
    fn same<I: PartialEq>(a: Option<I>, b: Option<I>) -> bool {
        a.is_some() && a == b
    }
    let inside = match scope {
        Scope::Platform | Scope::Tenant => true,
        Scope::Agency => same(resource.agency_id, principal.agency_id),
        Scope::Centre => same(resource.centre_id, principal.centre_id),
        Scope::Own => same(resource.owner_id, principal.user_id),
    };
    if inside {
        Ok(())
    } else {
        Err(Denied::OutOfScope {
            resource: resource.kind,
            scope,
        })
    }
}

/// Which rows a list query may return, for the data layer's WHERE clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "scope")]
pub enum ScopeFilter {
    /// Every row.
    Platform,
    /// Rows of the tenant.
    Tenant {
        /// The tenant.
        tenant_id: TenantId,
    },
    /// Rows of the agency.
    Agency {
        /// The tenant.
        tenant_id: TenantId,
        /// The agency.
        agency_id: AgencyId,
    },
    /// Rows of the centre.
    Centre {
        /// The tenant.
        tenant_id: TenantId,
        /// The centre.
        centre_id: CentreId,
    },
    /// Rows owned by the user.
    Own {
        /// The tenant.
        tenant_id: TenantId,
        /// The owner.
        user_id: UserId,
    },
}

/// The rows of `resource` that `principal` may see with `action`, or `None` when it may see none.
pub fn list_scope(
    principal: &Principal,
    resource: Resource,
    action: Action,
) -> Option<ScopeFilter> {
    let scope = principal.scope_for(resource, action)?;
    if scope == Scope::Platform {
        return Some(ScopeFilter::Platform);
    }
    let tenant_id = principal.tenant_id?;
    match scope {
        Scope::Platform | Scope::Tenant => Some(ScopeFilter::Tenant { tenant_id }),
        Scope::Agency => principal.agency_id.map(|agency_id| ScopeFilter::Agency {
            tenant_id,
            agency_id,
        }),
        Scope::Centre => principal.centre_id.map(|centre_id| ScopeFilter::Centre {
            tenant_id,
            centre_id,
        }),
        Scope::Own => principal
            .user_id
            .map(|user_id| ScopeFilter::Own { tenant_id, user_id }),
    }
}

#[cfg(test)]
mod tests;
