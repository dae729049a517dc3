//! Use cases of staff user management: an admin lists the accounts of its network, invites a
//! new one, edits, disables, re-enables and erases one. Each runs in the admin's tenant under
//! row-level security, is checked by `pti_core::policy` (which accounts the admin may read,
//! create, change or delete) and by [`grants`](super::grants) (which roles it may give, and
//! where each role sits), and each mutation writes one audit row in its transaction.

use pti_core::model::{AgencyId, CentreId, TenantId};
use pti_core::policy::{self, Action, Resource, ResourceRef, Role, ScopeFilter, list_scope};
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::grants::{self, Place, Wanted};
use super::invitation::{INVITATION_TTL_HOURS, INVITED_EVENT};
use super::list::{Cursor, ListRequest};
use super::repo::{self, Filter, NewInvitation, NewStaff, StaffFields, StaffRow};
use super::views::{StaffPage, StaffUser};
use crate::admin;
use crate::audit::{self, Actor, Entry, Origin};
use crate::auth::Principal;
use crate::db::{self, OnConstraint, tenant_tx};
use crate::domain::{AccountStatus, Email, PersonName, Phone};
use crate::error::{Error, Result};
use crate::events::{self, Topic};
use crate::http::Created;
use crate::user::repo::{EMAIL_KEY, revoke_user};
use crate::user::sessions::Sessions;

/// An admin managing the accounts of its network.
struct Manager<'a> {
    principal: &'a Principal,
    tenant: TenantId,
    policy: policy::Principal,
}

/// The caller as an admin allowed to `action` accounts: 403 `FORBIDDEN` for a role that does
/// not manage accounts (it holds no `user:create`) or may not `action` them. The super admin
/// belongs to no network; its user management comes with the platform admin.
fn manager(principal: &Principal, action: Action) -> Result<Manager<'_>> {
    let forbidden = || Error::Denied {
        code: "FORBIDDEN",
        message: format!(
            "a {} may not {} the accounts of a network",
            principal.role.code(),
            action.code()
        ),
    };
    let tenant = principal.tenant_id.ok_or_else(forbidden)?;
    let policy = principal.policy()?;
    let manages = policy.scope_for(Resource::User, Action::Create).is_some();
    if !manages || policy.scope_for(Resource::User, action).is_none() {
        return Err(forbidden());
    }
    Ok(Manager {
        principal,
        tenant,
        policy,
    })
}

impl Manager<'_> {
    /// The accounts this admin sees: staff accounts within its scope of `user:read`, client
    /// accounts when it may read the network's clients.
    fn visible(&self) -> Filter<'static> {
        let mut filter = Filter {
            tenant_id: self.tenant.0,
            ..Filter::default()
        };
        match list_scope(&self.policy, Resource::User, Action::Read) {
            Some(ScopeFilter::Platform | ScopeFilter::Tenant { .. }) => filter.staff_all = true,
            Some(ScopeFilter::Agency { agency_id, .. }) => filter.staff_agency = Some(agency_id.0),
            Some(ScopeFilter::Centre { centre_id, .. }) => filter.staff_centre = Some(centre_id.0),
            Some(ScopeFilter::Own { user_id, .. }) => filter.staff_own = Some(user_id.0),
            None => {}
        }
        filter.clients = matches!(
            list_scope(&self.policy, Resource::Client, Action::Read),
            Some(ScopeFilter::Platform | ScopeFilter::Tenant { .. })
        );
        filter
    }

    /// The admin, for the audit trail.
    fn actor(&self) -> Actor {
        Actor {
            id: self.principal.user_id,
            role: self.principal.role,
        }
    }

    /// The policy's view of a staff account at `place`.
    fn account(&self, place: Place) -> ResourceRef {
        ResourceRef {
            kind: Resource::User,
            tenant_id: Some(self.tenant),
            agency_id: place.agency_id.map(AgencyId),
            centre_id: place.centre_id.map(CentreId),
            owner_id: None,
        }
    }

    /// 403 `ROLE_NOT_GRANTABLE` unless this admin may give `role`.
    fn may_give(&self, role: Role) -> Result<()> {
        grants::require_grantable(self.principal.role, role)
    }

    /// The place `wanted` names, checked to exist in the network and to be one where the
    /// policy lets this admin `action` an account; 422 naming the field otherwise (an id of
    /// another network is unknown here, never a 404).
    async fn place(
        &self,
        conn: &mut PgConnection,
        action: Action,
        wanted: Wanted,
    ) -> Result<Place> {
        let (place, field) = match wanted {
            Wanted::Network => (Place::default(), None),
            Wanted::Agency(agency) => {
                if !admin::agency::service::exists(conn, agency).await? {
                    return Err(Error::validation(
                        "agency_id",
                        "no such agency in this network",
                    ));
                }
                let place = Place {
                    agency_id: Some(agency),
                    centre_id: None,
                };
                (place, Some("agency_id"))
            }
            Wanted::Centre {
                centre_id,
                agency_id,
            } => {
                let agency = admin::centre::service::agency_of(conn, centre_id)
                    .await?
                    .ok_or_else(|| {
                        Error::validation("centre_id", "no such centre in this network")
                    })?;
                if agency_id.is_some_and(|a| a != agency) {
                    return Err(Error::validation(
                        "agency_id",
                        "not the agency of the centre",
                    ));
                }
                let place = Place {
                    agency_id: Some(agency),
                    centre_id: Some(centre_id),
                };
                (place, Some("centre_id"))
            }
        };
        match (
            self.principal.authorize(action, &self.account(place)),
            field,
        ) {
            (Ok(()), _) => Ok(place),
            (Err(_), Some(field)) => Err(Error::validation(field, "outside what you manage")),
            (Err(e), None) => Err(e),
        }
    }

    /// Account `id` as this admin sees it (404 otherwise), locked, with the checks every
    /// change of it needs: the admin may give its role, and the policy lets it `action` it.
    async fn target(&self, conn: &mut PgConnection, action: Action, id: Uuid) -> Result<StaffRow> {
        let row = repo::get_for_update(conn, &self.visible(), id)
            .await?
            .ok_or(Error::NotFound)?;
        self.may_give(row.role.0)?;
        self.principal
            .authorize(action, &self.account(place_of(&row)))?;
        Ok(row)
    }

    /// Writes the audit row of `action` on account `id` (`before` None: created).
    async fn record(
        &self,
        conn: &mut PgConnection,
        origin: &Origin,
        action: &str,
        before: Option<&StaffUser>,
        after: &StaffUser,
    ) -> Result<()> {
        let before = before.map(StaffUser::audited);
        let entry = Entry {
            tenant_id: self.tenant.0,
            action,
            resource: Resource::User,
            resource_id: after.id,
            before: before.as_ref(),
            after: &after.audited(),
        };
        Ok(audit::record(conn, self.actor(), origin, &entry).await?)
    }
}

/// Where account `row` sits.
fn place_of(row: &StaffRow) -> Place {
    Place {
        agency_id: row.agency_id,
        centre_id: row.centre_id,
    }
}

/// 409 `CANNOT_CHANGE_OWN_ACCESS`: an admin changes neither its own role, place or status, nor
/// erases itself.
fn own_access() -> Error {
    Error::conflict(
        "CANNOT_CHANGE_OWN_ACCESS",
        "you cannot change your own role, agency, centre or status, nor delete your account",
    )
}

/// The accounts this admin sees that `request`'s filters let through.
fn filtered(m: &Manager<'_>, request: &ListRequest) -> Filter<'static> {
    Filter {
        pattern: request.search.clone(),
        role: request.role.map(Role::code),
        agency_id: request.agency_id,
        centre_id: request.centre_id,
        status: request.status.map(AccountStatus::code),
        ..m.visible()
    }
}

/// The accounts of the caller's network it may see, filtered, sorted and paged by `request`.
pub async fn list(db: &PgPool, principal: &Principal, request: ListRequest) -> Result<StaffPage> {
    let m = manager(principal, Action::Read)?;
    let filter = filtered(&m, &request);
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let total = repo::count(&mut tx, &filter).await?;
    let mut rows = repo::page(
        &mut tx,
        &filter,
        request.sort,
        request.order,
        &request.after,
        request.limit + 1,
    )
    .await?;
    tx.commit().await?;
    let limit = usize::try_from(request.limit).unwrap_or(usize::MAX);
    let more = rows.len() > limit;
    rows.truncate(limit);
    let next_cursor = rows
        .last()
        .filter(|_| more)
        .map(|last| Cursor::after(request.sort, request.order, last).encode());
    Ok(StaffPage {
        items: rows.iter().map(StaffUser::from).collect(),
        next_cursor,
        total,
    })
}

/// 403 unless the caller may export the accounts of its network (checked before an export's
/// first byte is sent).
pub fn may_export(principal: &Principal) -> Result<()> {
    manager(principal, Action::Export).map(drop)
}

/// Accounts an export reads at a time.
const EXPORT_PAGE: i64 = 1000;

/// Every account [`list`] would show for `request` (ignoring its page), in its order, handed
/// to `each` a page at a time from one transaction; stops when `each` answers false (the
/// client went away). Needs the `user:export` permission.
pub async fn export_pages<F, Next>(
    db: &PgPool,
    principal: &Principal,
    mut request: ListRequest,
    mut each: F,
) -> Result<()>
where
    F: FnMut(Vec<StaffUser>) -> Next,
    Next: Future<Output = bool>,
{
    let m = manager(principal, Action::Export)?;
    let filter = filtered(&m, &request);
    let mut tx = tenant_tx(db, &principal.context()).await?;
    loop {
        let rows = repo::page(
            &mut tx,
            &filter,
            request.sort,
            request.order,
            &request.after,
            EXPORT_PAGE,
        )
        .await?;
        let Some(last) = rows.last() else { break };
        request.after = Cursor::after(request.sort, request.order, last).after;
        let full = i64::try_from(rows.len()).unwrap_or(0) == EXPORT_PAGE;
        if !each(rows.iter().map(StaffUser::from).collect()).await || !full {
            break;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// An account to create.
pub struct NewAccount {
    /// E-mail.
    pub email: Email,
    /// First name.
    pub first_name: PersonName,
    /// Last name.
    pub last_name: PersonName,
    /// Phone.
    pub phone: Option<Phone>,
    /// Role.
    pub role: Role,
    /// The agency and centre the request names.
    pub place: Place,
}

/// Invites a new account into the caller's network: created `invited` without a password,
/// with an invitation whose e-mail (sent by the worker, with a link to `portal_url`) lets its
/// holder choose one; replaying `idempotency_key` answers the first account.
pub async fn create(
    db: &PgPool,
    principal: &Principal,
    origin: &Origin,
    portal_url: &str,
    idempotency_key: Option<&str>,
    input: NewAccount,
) -> Result<Created<StaffUser>> {
    let m = manager(principal, Action::Create)?;
    m.may_give(input.role)?;
    let wanted = grants::wanted(input.role, input.place, Place::default())?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    if let Some(key) = idempotency_key {
        let name = format!("user:{}:{}:{key}", m.tenant.0, principal.user_id);
        db::lock_idempotency_key(&mut tx, &name).await?;
        if let Some(id) = repo::created_with_key(&mut tx, principal.user_id, key).await? {
            let row = repo::get_for_update(&mut tx, &m.visible(), id)
                .await?
                .ok_or_else(|| {
                    Error::conflict(
                        "IDEMPOTENCY_CONFLICT",
                        "the account this Idempotency-Key created is gone",
                    )
                })?;
            tx.commit().await?;
            return Ok(Created::Replayed(StaffUser::from(&row)));
        }
    }
    let place = m.place(&mut tx, Action::Create, wanted).await?;
    let new = NewStaff {
        tenant_id: m.tenant.0,
        email: input.email.as_str(),
        first_name: input.first_name.as_str(),
        last_name: input.last_name.as_str(),
        phone: input.phone.as_ref().map(Phone::as_str),
        role: input.role,
        agency_id: place.agency_id,
        centre_id: place.centre_id,
    };
    let row = repo::insert(&mut tx, &new)
        .await
        .on_constraint(EMAIL_KEY, || {
            Error::conflict(
                "EMAIL_TAKEN",
                "an account of this network already uses this e-mail",
            )
        })?;
    let invitation = NewInvitation {
        tenant_id: m.tenant.0,
        user_id: row.id,
        created_by: principal.user_id,
        idempotency_key,
        ttl_hours: INVITATION_TTL_HOURS,
    };
    let invitation = repo::insert_invitation(&mut tx, &invitation).await?;
    let payload = json!({ "portal_url": portal_url });
    events::append(
        &mut tx,
        m.tenant.0,
        Topic::Notification,
        INVITED_EVENT,
        invitation,
        payload,
    )
    .await?;
    let user = StaffUser::from(&row);
    m.record(&mut tx, origin, "user.create", None, &user)
        .await?;
    tx.commit().await?;
    Ok(Created::New(user))
}

/// Sends account `id` a new invitation e-mail (with a link to `portal_url`), ending the
/// earlier ones: the account must still be `invited` (409 `NOT_INVITED` otherwise).
pub async fn resend_invitation(
    db: &PgPool,
    principal: &Principal,
    origin: &Origin,
    portal_url: &str,
    id: Uuid,
) -> Result<StaffUser> {
    let m = manager(principal, Action::Update)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let row = m.target(&mut tx, Action::Update, id).await?;
    if row.status.0 != AccountStatus::Invited {
        return Err(Error::conflict(
            "NOT_INVITED",
            "this account has chosen its password or is disabled: it needs no invitation",
        ));
    }
    repo::expire_invitations(&mut tx, id).await?;
    let invitation = NewInvitation {
        tenant_id: m.tenant.0,
        user_id: id,
        created_by: principal.user_id,
        idempotency_key: None,
        ttl_hours: INVITATION_TTL_HOURS,
    };
    let invitation = repo::insert_invitation(&mut tx, &invitation).await?;
    let payload = json!({ "portal_url": portal_url });
    events::append(
        &mut tx,
        m.tenant.0,
        Topic::Notification,
        INVITED_EVENT,
        invitation,
        payload,
    )
    .await?;
    let user = StaffUser::from(&row);
    let trail = json!({ "invitation": invitation });
    let entry = Entry {
        tenant_id: m.tenant.0,
        action: "user.invite.resend",
        resource: Resource::User,
        resource_id: id,
        before: Some(&json!({})),
        after: &trail,
    };
    audit::record(&mut tx, m.actor(), origin, &entry).await?;
    tx.commit().await?;
    Ok(user)
}

/// Changes to an account; `None` keeps the value.
#[derive(Default)]
pub struct AccountChange {
    /// First name.
    pub first_name: Option<PersonName>,
    /// Last name.
    pub last_name: Option<PersonName>,
    /// Phone; `Some(None)` removes it.
    pub phone: Option<Option<Phone>>,
    /// Role.
    pub role: Option<Role>,
    /// The agency and centre the request names.
    pub place: Place,
    /// `active` or `disabled`.
    pub status: Option<AccountStatus>,
}

/// The audit action of a change from status `before` to `after`.
fn change_action(before: AccountStatus, after: AccountStatus) -> &'static str {
    match (
        before == AccountStatus::Disabled,
        after == AccountStatus::Disabled,
    ) {
        (false, true) => "user.disable",
        (true, false) => "user.enable",
        _ => "user.update",
    }
}

/// Changes account `id` of the caller's network. A change of role or place, or disabling,
/// ends the account's sessions at once (its access tokens carry its role).
pub async fn update(
    db: &PgPool,
    sessions: &Sessions,
    principal: &Principal,
    origin: &Origin,
    id: Uuid,
    change: AccountChange,
) -> Result<StaffUser> {
    let m = manager(principal, Action::Update)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let current = m.target(&mut tx, Action::Update, id).await?;
    let role = change.role.unwrap_or(current.role.0);
    m.may_give(role)?;
    let here = place_of(&current);
    let wanted = grants::wanted(role, change.place, here)?;
    let place = m.place(&mut tx, Action::Update, wanted).await?;
    let status = grants::status_after(current.status.0, current.has_password, change.status);
    let access_changes = role != current.role.0 || place != here;
    if id == principal.user_id && (access_changes || status != current.status.0) {
        return Err(own_access());
    }
    let fields = StaffFields {
        first_name: change
            .first_name
            .as_ref()
            .map_or(current.first_name.as_str(), PersonName::as_str),
        last_name: change
            .last_name
            .as_ref()
            .map_or(current.last_name.as_str(), PersonName::as_str),
        phone: match &change.phone {
            Some(phone) => phone.as_ref().map(Phone::as_str),
            None => current.phone.as_deref(),
        },
        role,
        agency_id: place.agency_id,
        centre_id: place.centre_id,
        status,
    };
    let row = repo::update(&mut tx, id, &fields).await?;
    let ends = access_changes || status == AccountStatus::Disabled;
    let ended = if ends {
        revoke_user(&mut tx, id).await?
    } else {
        Vec::new()
    };
    let (before, after) = (StaffUser::from(&current), StaffUser::from(&row));
    let action = change_action(before.status, after.status);
    m.record(&mut tx, origin, action, Some(&before), &after)
        .await?;
    tx.commit().await?;
    for session in ended {
        sessions.revoke(session).await;
    }
    Ok(after)
}

/// Erases account `id` of the caller's network (status `erased`, no longer listed nor signed
/// in, its e-mail free again) and ends its sessions.
pub async fn delete(
    db: &PgPool,
    sessions: &Sessions,
    principal: &Principal,
    origin: &Origin,
    id: Uuid,
) -> Result<()> {
    let m = manager(principal, Action::Delete)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let current = m.target(&mut tx, Action::Delete, id).await?;
    if id == principal.user_id {
        return Err(own_access());
    }
    let row = repo::erase(&mut tx, id).await?;
    let ended = revoke_user(&mut tx, id).await?;
    let (before, after) = (StaffUser::from(&current), StaffUser::from(&row));
    m.record(&mut tx, origin, "user.delete", Some(&before), &after)
        .await?;
    tx.commit().await?;
    for session in ended {
        sessions.revoke(session).await;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use AccountStatus::*;

    #[test]
    fn a_change_is_audited_as_disable_enable_or_update() {
        assert_eq!(change_action(Active, Disabled), "user.disable");
        assert_eq!(change_action(Invited, Disabled), "user.disable");
        assert_eq!(change_action(Disabled, Active), "user.enable");
        assert_eq!(change_action(Disabled, Invited), "user.enable");
        assert_eq!(change_action(Active, Active), "user.update");
        assert_eq!(change_action(Disabled, Disabled), "user.update");
    }

    #[test]
    fn only_user_administrators_manage_accounts() {
        let principal = |role, agency: Option<Uuid>, centre: Option<Uuid>| Principal {
            user_id: Uuid::new_v4(),
            tenant_id: (role != Role::SuperAdmin).then(|| TenantId(Uuid::new_v4())),
            role,
            session_id: Uuid::new_v4(),
            agency_id: agency,
            centre_id: centre,
        };
        let (a, c) = (Some(Uuid::new_v4()), Some(Uuid::new_v4()));
        for (role, agency, centre, read, delete) in [
            (Role::AdminTenant, None, None, true, true),
            (Role::AdminAgence, a, None, true, false),
            (Role::AdminCt, a, c, false, false),
            (Role::Controleur, a, c, false, false),
            (Role::CallCenter, None, None, false, false),
            (Role::Client, None, None, false, false),
            (Role::SuperAdmin, None, None, false, false),
        ] {
            let p = principal(role, agency, centre);
            assert_eq!(manager(&p, Action::Read).is_ok(), read, "{role:?} reads");
            assert_eq!(
                manager(&p, Action::Delete).is_ok(),
                delete,
                "{role:?} deletes"
            );
        }
    }

    #[test]
    fn a_tenant_admin_sees_every_account_an_agency_admin_its_agencys_staff_and_the_clients() {
        let tenant = TenantId(Uuid::new_v4());
        let agency = Uuid::new_v4();
        let of = |role, agency_id| Principal {
            user_id: Uuid::new_v4(),
            tenant_id: Some(tenant),
            role,
            session_id: Uuid::new_v4(),
            agency_id,
            centre_id: None,
        };
        let admin = of(Role::AdminTenant, None);
        let seen = manager(&admin, Action::Read).unwrap().visible();
        assert!(seen.staff_all && seen.clients);
        let agency_admin = of(Role::AdminAgence, Some(agency));
        let seen = manager(&agency_admin, Action::Read).unwrap().visible();
        assert_eq!(
            (seen.staff_all, seen.staff_agency, seen.clients),
            (false, Some(agency), true)
        );
        assert_eq!(seen.tenant_id, tenant.0);
    }
}
