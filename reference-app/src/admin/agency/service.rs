//! Use cases of the agencies: staff read those of their scope; a network's admin opens and
//! changes them, an agency's admin changes its own. Each change runs in the caller's tenant
//! under row-level security, is checked by `pti_core::policy` and writes one audit row.

use pti_core::model::TenantId;
use pti_core::policy::{Action, Resource};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::repo::{self, AgencyFields, CODE_KEY};
use super::views::Agency;
use crate::admin::editor::{Change, KeyedBody, agency_ref, editor, readable};
use crate::admin::fields::{Address, AddressInput, Point, contact_change, email, phone};
use crate::audit::Origin;
use crate::auth::Principal;
use crate::db::replay;
use crate::db::{OnConstraint, tenant_tx};
use crate::error::{Error, Result};
use crate::http::Created;

/// A new agency, parsed.
pub struct NewAgency {
    /// Code (upper case).
    pub code: String,
    /// Name.
    pub name: String,
    /// Address and point.
    pub address: Address,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
}

/// A change of an agency; `None` keeps a value.
#[derive(Default)]
pub struct AgencyChange<'a> {
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
    /// `active` or `inactive`.
    pub status: Option<&'static str>,
}

/// 409 `CODE_TAKEN`.
pub fn code_taken() -> Error {
    Error::conflict("CODE_TAKEN", "another site of this network has this code")
}

/// The agencies `principal` may read.
pub async fn list(db: &PgPool, principal: &Principal) -> Result<Vec<Agency>> {
    let tenant = readable(principal, Resource::Agency)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let agencies = repo::list(&mut tx, tenant, None).await?;
    tx.commit().await?;
    Ok(agencies
        .into_iter()
        .filter(|a| {
            principal
                .authorize(Action::Read, &agency_ref(TenantId(a.tenant_id), a.id))
                .is_ok()
        })
        .collect())
}

/// Agency `id`, if `principal` may read it.
pub async fn get(db: &PgPool, principal: &Principal, id: Uuid) -> Result<Agency> {
    let tenant = readable(principal, Resource::Agency)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let agency = one(&mut tx, tenant, id).await?;
    tx.commit().await?;
    principal.authorize(Action::Read, &agency_ref(TenantId(agency.tenant_id), id))?;
    Ok(agency)
}

/// Agency `id` (of `tenant` when given), 404 when there is none.
async fn one(conn: &mut PgConnection, tenant: Option<Uuid>, id: Uuid) -> Result<Agency> {
    repo::list(conn, tenant, Some(id))
        .await?
        .pop()
        .ok_or(Error::NotFound)
}

/// Opens an agency in the caller's network; replaying `key` with the same body answers the
/// first agency.
pub async fn create(
    db: &PgPool,
    principal: &Principal,
    origin: &Origin,
    key: Option<KeyedBody<'_>>,
    new: NewAgency,
) -> Result<Created<Agency>> {
    let e = editor(principal, Resource::Agency, Action::Create)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let keyed = key.map(|k| k.request(&e, "agency.create"));
    if let Some(request) = &keyed
        && let Some(id) = replay::replayed(&mut tx, request).await?
    {
        let agency = one(&mut tx, Some(e.tenant.0), id).await?;
        tx.commit().await?;
        return Ok(Created::Replayed(agency));
    }
    let fields = AgencyFields {
        code: &new.code,
        name: &new.name,
        address: &new.address.street,
        postcode: &new.address.postcode,
        city: &new.address.city,
        lat: new.address.point.map(|p| p.lat),
        lng: new.address.point.map(|p| p.lng),
        phone: new.phone.as_deref(),
        email: new.email.as_deref(),
        status: "active",
    };
    let id = repo::insert(&mut tx, e.tenant.0, &fields)
        .await
        .on_constraint(CODE_KEY, code_taken)?;
    e.authorize(Action::Create, &agency_ref(e.tenant, id))?;
    if let Some(request) = &keyed {
        replay::remember(&mut tx, request, id).await?;
    }
    let agency = one(&mut tx, Some(e.tenant.0), id).await?;
    let change = Change {
        action: "agency.create",
        resource: Resource::Agency,
        id,
        before: None,
        after: &agency.audited(),
    };
    e.record(&mut tx, origin, change).await?;
    tx.commit().await?;
    Ok(Created::New(agency))
}

/// Changes agency `id` of the caller's network.
pub async fn update(
    db: &PgPool,
    principal: &Principal,
    origin: &Origin,
    id: Uuid,
    change: AgencyChange<'_>,
) -> Result<Agency> {
    let e = editor(principal, Resource::Agency, Action::Update)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    if !repo::lock(&mut tx, e.tenant.0, id).await? {
        return Err(Error::NotFound);
    }
    e.authorize(Action::Update, &agency_ref(e.tenant, id))?;
    let before = one(&mut tx, Some(e.tenant.0), id).await?;
    let pin = before
        .lat
        .zip(before.lng)
        .map(|(lat, lng)| Point { lat, lng });
    let current = (
        before.address.as_str(),
        before.postcode.as_str(),
        before.city.as_str(),
        pin,
    );
    let address = Address::changed(current, change.address)?;
    let phone = contact_change(before.phone.as_deref(), change.phone, phone)?;
    let email = contact_change(before.email.as_deref(), change.email, email)?;
    let fields = AgencyFields {
        code: change.code.as_deref().unwrap_or(&before.code),
        name: change.name.as_deref().unwrap_or(&before.name),
        address: &address.street,
        postcode: &address.postcode,
        city: &address.city,
        lat: address.point.map(|p| p.lat),
        lng: address.point.map(|p| p.lng),
        phone: phone.as_deref(),
        email: email.as_deref(),
        status: change.status.unwrap_or(&before.status),
    };
    repo::update(&mut tx, e.tenant.0, id, &fields)
        .await
        .on_constraint(CODE_KEY, code_taken)?;
    let after = one(&mut tx, Some(e.tenant.0), id).await?;
    let change = Change {
        action: "agency.update",
        resource: Resource::Agency,
        id,
        before: Some(&before.audited()),
        after: &after.audited(),
    };
    e.record(&mut tx, origin, change).await?;
    tx.commit().await?;
    Ok(after)
}

/// Whether agency `id` exists in the network of the caller's transaction.
pub async fn exists(conn: &mut PgConnection, id: Uuid) -> Result<bool> {
    Ok(repo::exists(conn, id).await?)
}
