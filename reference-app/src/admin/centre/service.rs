//! Use cases of the centres: staff read those of their scope; a network's admin opens and
//! changes any, an agency's admin those of its agency, a centre's admin its own. Each change
//! runs in the caller's tenant under row-level security, is checked by `pti_core::policy`,
//! writes one audit row, and reaches public search on commit (the engine reloads the centre
//! from the database's notification).

use pti_core::model::TenantId;
use pti_core::policy::{Action, Resource};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::repo::{self, CODE_KEY, CentreFields};
use super::settings::{Settings, SettingsInput};
use super::views::Centre;
use crate::admin::agency;
use crate::admin::editor::{Change, Editor, KeyedBody, centre_ref, editor, readable};
use crate::admin::fields::{Address, AddressInput, Point, contact_change, email, phone};
use crate::audit::Origin;
use crate::auth::Principal;
use crate::db::replay;
use crate::db::{OnConstraint, tenant_tx};
use crate::error::{Error, Result};
use crate::http::Created;

/// A new centre, parsed.
pub struct NewCentre {
    /// Its agency.
    pub agency_id: Uuid,
    /// Code (upper case).
    pub code: String,
    /// Name.
    pub name: String,
    /// Address.
    pub address: Address,
    /// Where it is.
    pub point: Point,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Settings.
    pub settings: Settings,
}

/// A change of a centre; `None` keeps a value.
#[derive(Default)]
pub struct CentreChange<'a> {
    /// Another agency.
    pub agency_id: Option<Uuid>,
    /// Code.
    pub code: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Address parts.
    pub address: AddressInput<'a>,
    /// Phone; `Some(None)` removes it.
    pub phone: Option<Option<&'a str>>,
    /// E-mail; `Some(None)` removes it.
    pub email: Option<Option<&'a str>>,
    /// Settings.
    pub settings: SettingsInput<'a>,
    /// `active` or `inactive`.
    pub status: Option<&'static str>,
}

/// The centres `principal` may read, of one agency when given.
pub async fn list(db: &PgPool, principal: &Principal, agency: Option<Uuid>) -> Result<Vec<Centre>> {
    let tenant = readable(principal, Resource::Centre)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let centres = repo::list(&mut tx, tenant, agency, None).await?;
    tx.commit().await?;
    Ok(centres
        .into_iter()
        .filter(|c| may_read(principal, c).is_ok())
        .collect())
}

/// 403 unless `principal` may read `centre`.
fn may_read(principal: &Principal, centre: &Centre) -> Result<()> {
    let place = centre_ref(
        TenantId(centre.tenant_id),
        centre.agency_id,
        Some(centre.id),
    );
    principal.authorize(Action::Read, &place)
}

/// Centre `id`, if `principal` may read it.
pub async fn get(db: &PgPool, principal: &Principal, id: Uuid) -> Result<Centre> {
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let centre = readable_one(&mut tx, principal, id).await?;
    tx.commit().await?;
    Ok(centre)
}

/// Centre `id`, if `principal` may read it, in the caller's transaction.
pub(super) async fn readable_one(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
) -> Result<Centre> {
    let tenant = readable(principal, Resource::Centre)?;
    let centre = one(conn, tenant, id).await?;
    may_read(principal, &centre)?;
    Ok(centre)
}

/// Centre `id` (of `tenant` when given), 404 when there is none.
pub(super) async fn one(conn: &mut PgConnection, tenant: Option<Uuid>, id: Uuid) -> Result<Centre> {
    repo::list(conn, tenant, None, Some(id))
        .await?
        .pop()
        .ok_or(Error::NotFound)
}

/// Locks centre `id` for a change by `e` (404 when not of its network, 403 when the policy
/// refuses it `action` there); its agency.
pub(super) async fn locked(
    conn: &mut PgConnection,
    e: &Editor<'_>,
    action: Action,
    id: Uuid,
) -> Result<Uuid> {
    let agency = repo::lock(conn, e.tenant.0, id)
        .await?
        .ok_or(Error::NotFound)?;
    e.authorize(action, &centre_ref(e.tenant, agency, Some(id)))?;
    Ok(agency)
}

/// 422 naming `agency_id` unless agency `id` is of the network and the editor may `action` a
/// centre there.
async fn agency_for(
    conn: &mut PgConnection,
    e: &Editor<'_>,
    action: Action,
    id: Uuid,
) -> Result<()> {
    if !agency::service::exists(conn, id).await? {
        return Err(Error::validation(
            "agency_id",
            "no such agency in this network",
        ));
    }
    e.authorize(action, &centre_ref(e.tenant, id, None))
        .map_err(|_| Error::validation("agency_id", "outside what you manage"))
}

/// Opens a centre in the caller's network; replaying `key` with the same body answers the
/// first centre.
pub async fn create(
    db: &PgPool,
    principal: &Principal,
    origin: &Origin,
    key: Option<KeyedBody<'_>>,
    new: NewCentre,
) -> Result<Created<Centre>> {
    let e = editor(principal, Resource::Centre, Action::Create)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let keyed = key.map(|k| k.request(&e, "centre.create"));
    if let Some(request) = &keyed
        && let Some(id) = replay::replayed(&mut tx, request).await?
    {
        let centre = one(&mut tx, Some(e.tenant.0), id).await?;
        tx.commit().await?;
        return Ok(Created::Replayed(centre));
    }
    agency_for(&mut tx, &e, Action::Create, new.agency_id).await?;
    let fields = CentreFields {
        agency_id: new.agency_id,
        code: &new.code,
        name: &new.name,
        address: &new.address.street,
        postcode: &new.address.postcode,
        city: &new.address.city,
        lat: new.point.lat,
        lng: new.point.lng,
        phone: new.phone.as_deref(),
        email: new.email.as_deref(),
        settings: &new.settings,
        status: "active",
    };
    let id = repo::insert(&mut tx, e.tenant.0, &fields)
        .await
        .on_constraint(CODE_KEY, agency::service::code_taken)?;
    if let Some(request) = &keyed {
        replay::remember(&mut tx, request, id).await?;
    }
    let centre = one(&mut tx, Some(e.tenant.0), id).await?;
    let change = Change {
        action: "centre.create",
        resource: Resource::Centre,
        id,
        before: None,
        after: &centre.audited(),
    };
    e.record(&mut tx, origin, change).await?;
    tx.commit().await?;
    Ok(Created::New(centre))
}

/// Changes centre `id` of the caller's network.
pub async fn update(
    db: &PgPool,
    principal: &Principal,
    origin: &Origin,
    id: Uuid,
    change: CentreChange<'_>,
) -> Result<Centre> {
    let e = editor(principal, Resource::Centre, Action::Update)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let agency_now = locked(&mut tx, &e, Action::Update, id).await?;
    let before = one(&mut tx, Some(e.tenant.0), id).await?;
    let agency_id = change.agency_id.unwrap_or(agency_now);
    if agency_id != agency_now {
        agency_for(&mut tx, &e, Action::Update, agency_id).await?;
    }
    let here = Point {
        lat: before.lat,
        lng: before.lng,
    };
    let current = (
        before.address.as_str(),
        before.postcode.as_str(),
        before.city.as_str(),
        Some(here),
    );
    let address = Address::changed(current, change.address)?;
    let point = address.point.unwrap_or(here);
    let settings = Settings::of(&before)?.changed(change.settings)?;
    let phone = contact_change(before.phone.as_deref(), change.phone, phone)?;
    let email = contact_change(before.email.as_deref(), change.email, email)?;
    let fields = CentreFields {
        agency_id,
        code: change.code.as_deref().unwrap_or(&before.code),
        name: change.name.as_deref().unwrap_or(&before.name),
        address: &address.street,
        postcode: &address.postcode,
        city: &address.city,
        lat: point.lat,
        lng: point.lng,
        phone: phone.as_deref(),
        email: email.as_deref(),
        settings: &settings,
        status: change.status.unwrap_or(&before.status),
    };
    repo::update(&mut tx, e.tenant.0, id, &fields)
        .await
        .on_constraint(CODE_KEY, agency::service::code_taken)?;
    let after = one(&mut tx, Some(e.tenant.0), id).await?;
    let change = Change {
        action: "centre.update",
        resource: Resource::Centre,
        id,
        before: Some(&before.audited()),
        after: &after.audited(),
    };
    e.record(&mut tx, origin, change).await?;
    tx.commit().await?;
    Ok(after)
}

/// The agency of centre `id`, if the centre exists in the network of the caller's transaction.
pub async fn agency_of(conn: &mut PgConnection, id: Uuid) -> Result<Option<Uuid>> {
    Ok(repo::agency_of(conn, id).await?)
}
