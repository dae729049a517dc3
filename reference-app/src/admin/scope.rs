//! Whose figures a report (the dashboard, the global planning) shows: the network, an agency or
//! a centre, as asked and as `pti_core::policy` lets the caller read reports.

use pti_core::model::{AgencyId, CentreId, TenantId};
use pti_core::policy::{Action, Resource, ResourceRef, Scope};
use sqlx::PgConnection;
use uuid::Uuid;

use super::repo;
use crate::auth::Principal;
use crate::error::{Error, Result};

/// The figures' subject inside one network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Subject {
    /// The network.
    pub tenant: Uuid,
    /// The agency, when limited to one.
    pub agency: Option<Uuid>,
    /// The centre, when limited to one.
    pub centre: Option<Uuid>,
}

impl Subject {
    /// The id its searches are counted under in `funnel_daily` and `funnel_monthly`.
    pub fn funnel_id(&self) -> Uuid {
        self.centre.or(self.agency).unwrap_or(self.tenant)
    }
}

/// The subject `principal` asked for (`agency`, `centre`), or its own scope when it asked for
/// neither: 403 for a role that reads no reports or a subject outside its scope, 422 naming the
/// field for an agency or centre its network does not have.
pub async fn resolve(
    conn: &mut PgConnection,
    principal: &Principal,
    agency: Option<Uuid>,
    centre: Option<Uuid>,
) -> Result<Subject> {
    resolve_for(
        conn,
        principal,
        (Resource::Report, Action::Read),
        agency,
        centre,
    )
    .await
}

/// As [`resolve`], for what `principal` may do (`resource`, `action`) rather than read reports:
/// 403 as well for a scope of its own records only (a client's bookings).
pub async fn resolve_for(
    conn: &mut PgConnection,
    principal: &Principal,
    (resource, action): (Resource, Action),
    agency: Option<Uuid>,
    centre: Option<Uuid>,
) -> Result<Subject> {
    let forbidden = || Error::Denied {
        code: "FORBIDDEN",
        message: format!(
            "a {} may not {} a network's {}",
            principal.role.code(),
            action.code(),
            resource.code()
        ),
    };
    let tenant = principal.tenant_id.ok_or_else(forbidden)?;
    let scope = principal
        .policy()?
        .scope_for(resource, action)
        .filter(|s| *s != Scope::Own)
        .ok_or_else(forbidden)?;
    let mut subject = Subject {
        tenant: tenant.0,
        agency,
        centre,
    };
    if let Some(id) = centre {
        let of = repo::agency_of_centre(conn, id)
            .await?
            .ok_or_else(|| Error::validation("centre_id", "no such centre in this network"))?;
        if agency.is_some_and(|a| a != of) {
            return Err(Error::validation(
                "centre_id",
                "not a centre of this agency",
            ));
        }
        subject.agency = Some(of);
    } else if let Some(id) = agency
        && !repo::agency_exists(conn, id).await?
    {
        return Err(Error::validation(
            "agency_id",
            "no such agency in this network",
        ));
    }
    // Asked for nothing: the caller's own scope, its agency or its centre.
    if agency.is_none() && centre.is_none() {
        match scope {
            Scope::Agency => subject.agency = principal.agency_id,
            Scope::Centre => {
                subject.centre = principal.centre_id;
                subject.agency = principal.agency_id;
            }
            _ => {}
        }
    }
    principal.authorize(
        action,
        &ResourceRef {
            kind: resource,
            tenant_id: Some(TenantId(subject.tenant)),
            agency_id: subject.agency.map(AgencyId),
            centre_id: subject.centre.map(CentreId),
            owner_id: None,
        },
    )?;
    Ok(subject)
}
