//! An admin changing the network's structure: who may act on agencies and centres (by
//! `pti_core::policy`), and the audit row each change writes in its transaction.

use pti_core::model::{AgencyId, CentreId, TenantId};
use pti_core::policy::{Action, Resource, ResourceRef};
use serde_json::Value;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::audit::{self, Actor, Entry, Origin};
use crate::auth::Principal;
use crate::db::replay::KeyedRequest;
use crate::error::{Error, Result};

/// The caller, allowed to `action` some `kind` of its network.
pub struct Editor<'a> {
    /// The caller.
    pub principal: &'a Principal,
    /// Its network.
    pub tenant: TenantId,
}

/// The caller as one whose role may `action` some `kind` somewhere in its network; 403
/// `FORBIDDEN` otherwise (clients, and the super admin, who belongs to no network).
pub fn editor(principal: &Principal, kind: Resource, action: Action) -> Result<Editor<'_>> {
    let forbidden = || Error::Denied {
        code: "FORBIDDEN",
        message: format!(
            "a {} may not {} the {}s of a network",
            principal.role.code(),
            action.code(),
            kind.code()
        ),
    };
    let tenant = principal.tenant_id.ok_or_else(forbidden)?;
    if principal.policy()?.scope_for(kind, action).is_none() {
        return Err(forbidden());
    }
    Ok(Editor { principal, tenant })
}

/// The network whose `kind` the caller may read: its own, or `None` for the platform's
/// operator, who reads every network; 403 `FORBIDDEN` for a role that reads no `kind`.
pub fn readable(principal: &Principal, kind: Resource) -> Result<Option<Uuid>> {
    if principal.policy()?.scope_for(kind, Action::Read).is_none() {
        return Err(Error::Denied {
            code: "FORBIDDEN",
            message: format!(
                "a {} may not read the {}s of a network",
                principal.role.code(),
                kind.code()
            ),
        });
    }
    Ok(principal.tenant_id.map(|t| t.0))
}

/// The policy's view of agency `id`.
pub fn agency_ref(tenant: TenantId, id: Uuid) -> ResourceRef {
    ResourceRef {
        kind: Resource::Agency,
        tenant_id: Some(tenant),
        agency_id: Some(AgencyId(id)),
        centre_id: None,
        owner_id: None,
    }
}

/// The policy's view of centre `id` of agency `agency`.
pub fn centre_ref(tenant: TenantId, agency: Uuid, id: Option<Uuid>) -> ResourceRef {
    ResourceRef {
        kind: Resource::Centre,
        tenant_id: Some(tenant),
        agency_id: Some(AgencyId(agency)),
        centre_id: id.map(CentreId),
        owner_id: None,
    }
}

/// One change of one resource, for the trail.
pub struct Change<'a> {
    /// `<resource>.<verb>` (`agency.create`, ...).
    pub action: &'a str,
    /// The kind of resource.
    pub resource: Resource,
    /// The resource.
    pub id: Uuid,
    /// Its fields before (`None`: created).
    pub before: Option<&'a Value>,
    /// Its fields after.
    pub after: &'a Value,
}

impl Editor<'_> {
    /// 403 unless the policy lets the caller `action` `resource`.
    pub fn authorize(&self, action: Action, resource: &ResourceRef) -> Result<()> {
        self.principal.authorize(action, resource)
    }

    /// Writes the audit row of `change` in the caller's transaction.
    pub async fn record(
        &self,
        conn: &mut PgConnection,
        origin: &Origin,
        change: Change<'_>,
    ) -> Result<()> {
        let actor = Actor {
            id: self.principal.user_id,
            role: self.principal.role,
        };
        let entry = Entry {
            tenant_id: self.tenant.0,
            action: change.action,
            resource: change.resource,
            resource_id: change.id,
            before: change.before,
            after: change.after,
        };
        Ok(audit::record(conn, actor, origin, &entry).await?)
    }
}

/// A creating request's idempotency key and body, for [`replay`](crate::db::replay).
pub struct KeyedBody<'a> {
    /// The `Idempotency-Key`.
    pub key: &'a str,
    /// The request's body, as sent.
    pub body: &'a serde_json::Value,
}

impl<'a> KeyedBody<'a> {
    /// The keyed request of `e` doing `action`.
    pub fn request(&self, e: &Editor<'_>, action: &'a str) -> KeyedRequest<'a> {
        KeyedRequest::new(e.tenant.0, e.principal.user_id, self.key, action, self.body)
    }
}
