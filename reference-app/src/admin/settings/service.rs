//! Use cases of a network's settings: its admin reads and changes the identity, the booking
//! rules (checked by pti-core, applied by every server's engine on commit) and the client
//! portal's look, including its logo, and its payment and notification channels (secrets
//! sealed, never answered). Each change writes one audit row with what changed, secrets only
//! as whether and that they changed.

use pti_core::policy::{Action, Resource};
use pti_core::rules::BookingPolicy;
use serde_json::{Map, Value, json};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::channels::{self, NotificationChange, PaymentChange};
use super::input::{self, BrandingChange, GeneralChange, PolicyChange};
use super::logo::Logo;
use super::repo::{self, PublicLogo, SettingsRow};
use super::views::{Branding, General, Policy, TenantSettings};
use crate::admin::editor::{Change, Editor, editor};
use crate::audit::Origin;
use crate::auth::Principal;
use crate::channels::{NOTIFICATION, NotificationChannel, PAYMENT, PaymentChannel, section};
use crate::db::tenant_tx;
use crate::error::{Error, Result};
use crate::pdf::letterhead::DEFAULT_COLOUR;
use crate::secrets::Secrets;

/// A change of some sections of the settings.
#[derive(Debug, Default)]
pub struct SettingsChange {
    /// Identity.
    pub general: Option<GeneralChange>,
    /// Booking rules.
    pub booking_policy: Option<PolicyChange>,
    /// Look.
    pub branding: Option<BrandingChange>,
    /// Payment channel.
    pub payment: Option<PaymentChange>,
    /// Notification channels.
    pub notification: Option<NotificationChange>,
}

/// The settings as stored, read into their parts.
struct Stored {
    name: String,
    document: Map<String, Value>,
    logo: Option<String>,
}

impl Stored {
    fn of(row: SettingsRow) -> Self {
        Stored {
            name: row.name,
            document: row.settings.as_object().cloned().unwrap_or_default(),
            logo: row.logo,
        }
    }

    fn section(&self, key: &str) -> Value {
        self.document.get(key).cloned().unwrap_or(Value::Null)
    }

    fn general(&self) -> General {
        let mut general: General =
            serde_json::from_value(self.section("general")).unwrap_or_default();
        general.name = self.name.clone();
        general
    }

    fn policy(&self) -> BookingPolicy {
        serde_json::from_value(self.section("booking_policy")).unwrap_or_default()
    }

    fn payment(&self) -> PaymentChannel {
        section(&Value::Object(self.document.clone()), PAYMENT)
    }

    fn notification(&self) -> NotificationChannel {
        section(&Value::Object(self.document.clone()), NOTIFICATION)
    }

    fn branding_text(&self, key: &str) -> Option<String> {
        self.section("branding")
            .get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
    }

    fn view(&self, tenant: Uuid) -> TenantSettings {
        TenantSettings {
            general: self.general(),
            booking_policy: Policy::from(self.policy()),
            branding: Branding {
                primary_color: self
                    .branding_text("primary_color")
                    .unwrap_or_else(|| DEFAULT_COLOUR.to_owned()),
                portal_title: self.branding_text("portal_title"),
                logo_url: self.logo.as_deref().map(|sha| logo_url(tenant, sha)),
            },
            payment: (&self.payment()).into(),
            notification: (&self.notification()).into(),
        }
    }
}

/// Where a portal reads the logo of `tenant` whose bytes hash to `sha256` (the query changes
/// with the logo, so a cached copy never outlives it).
pub fn logo_url(tenant: Uuid, sha256: &str) -> String {
    format!(
        "/api/v1/tenants/{tenant}/logo?v={}",
        &sha256[..8.min(sha256.len())]
    )
}

async fn stored(conn: &mut PgConnection, tenant: Uuid) -> Result<Stored> {
    Ok(Stored::of(
        repo::read(conn, tenant).await?.ok_or(Error::NotFound)?,
    ))
}

/// The caller's network's settings.
pub async fn get(db: &PgPool, principal: &Principal) -> Result<TenantSettings> {
    let e = editor(principal, Resource::Settings, Action::Read)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let settings = stored(&mut tx, e.tenant.0).await?;
    tx.commit().await?;
    Ok(settings.view(e.tenant.0))
}

/// The settings as the audit trail records them: one key per field, `<section>.<field>`, so
/// that the trail keeps only the fields that changed; a secret only as whether it is set and a
/// fingerprint of its sealed bytes.
fn audited(stored: &Stored, tenant: Uuid) -> Value {
    let mut flat = Map::new();
    if let Value::Object(sections) = serde_json::to_value(stored.view(tenant)).unwrap_or_default() {
        for (section, fields) in sections {
            for (field, value) in fields.as_object().cloned().unwrap_or_default() {
                flat.insert(format!("{section}.{field}"), value);
            }
        }
    }
    flat.extend(channels::audited_secrets(
        &stored.payment(),
        &stored.notification(),
    ));
    Value::Object(flat)
}

/// Writes `next` (name, document) over `before` and the audit row of `action`.
async fn save(
    conn: &mut PgConnection,
    e: &Editor<'_>,
    origin: &Origin,
    action: &str,
    before: &Stored,
    next: &Stored,
) -> Result<TenantSettings> {
    let tenant = e.tenant.0;
    repo::write(
        conn,
        tenant,
        &next.name,
        &Value::Object(next.document.clone()),
    )
    .await?;
    let is = next.view(tenant);
    let change = Change {
        action,
        resource: Resource::Settings,
        id: tenant,
        before: Some(&audited(before, tenant)),
        after: &audited(next, tenant),
    };
    e.record(conn, origin, change).await?;
    Ok(is)
}

/// Changes the sections `change` names; the others stay as they are.
pub async fn update(
    db: &PgPool,
    secrets: &Secrets,
    principal: &Principal,
    origin: &Origin,
    change: SettingsChange,
) -> Result<TenantSettings> {
    let e = editor(principal, Resource::Settings, Action::Update)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let before = stored(&mut tx, e.tenant.0).await?;
    let mut next = Stored {
        name: before.name.clone(),
        document: before.document.clone(),
        logo: before.logo.clone(),
    };
    if let Some(general) = &change.general {
        let mut general = input::general(before.general(), general)?;
        next.name = std::mem::take(&mut general.name);
        let mut section = serde_json::to_value(&general).unwrap_or_default();
        if let Some(map) = section.as_object_mut() {
            map.remove("name");
        }
        next.document.insert("general".into(), section);
    }
    if let Some(policy) = &change.booking_policy {
        let policy = input::policy(before.policy(), policy)?;
        next.document.insert(
            "booking_policy".into(),
            serde_json::to_value(policy).unwrap_or_default(),
        );
    }
    if let Some(branding) = &change.branding {
        let colour = before
            .branding_text("primary_color")
            .unwrap_or_else(|| DEFAULT_COLOUR.to_owned());
        let (colour, title) =
            input::branding(colour, before.branding_text("portal_title"), branding)?;
        let mut section = before
            .section("branding")
            .as_object()
            .cloned()
            .unwrap_or_default();
        section.insert("primary_color".into(), json!(colour));
        section.insert("portal_title".into(), json!(title));
        next.document
            .insert("branding".into(), Value::Object(section));
    }
    if let Some(payment) = &change.payment {
        let payment = channels::payment(secrets, e.tenant.0, before.payment(), payment)?;
        next.document
            .insert(PAYMENT.into(), channels::stored(&payment));
    }
    if let Some(notification) = &change.notification {
        let notification =
            channels::notification(secrets, e.tenant.0, before.notification(), notification)?;
        next.document
            .insert(NOTIFICATION.into(), channels::stored(&notification));
    }
    let settings = save(
        &mut tx,
        &e,
        origin,
        "tenant.settings.update",
        &before,
        &next,
    )
    .await?;
    tx.commit().await?;
    Ok(settings)
}

/// Sets (`Some`) or removes (`None`) the network's logo; the portal's branding names where it
/// is read.
pub async fn set_logo(
    db: &PgPool,
    principal: &Principal,
    origin: &Origin,
    logo: Option<Logo>,
) -> Result<TenantSettings> {
    let e = editor(principal, Resource::Settings, Action::Update)?;
    let tenant = e.tenant.0;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let before = stored(&mut tx, tenant).await?;
    let sha = match &logo {
        Some(logo) => {
            repo::put_logo(&mut tx, tenant, logo).await?;
            Some(logo.sha256.clone())
        }
        None => {
            repo::delete_logo(&mut tx, tenant).await?;
            None
        }
    };
    let mut section = before
        .section("branding")
        .as_object()
        .cloned()
        .unwrap_or_default();
    section.insert(
        "logo_url".into(),
        json!(sha.as_deref().map(|s| logo_url(tenant, s))),
    );
    let mut next = Stored {
        name: before.name.clone(),
        document: before.document.clone(),
        logo: sha,
    };
    next.document
        .insert("branding".into(), Value::Object(section));
    let settings = save(&mut tx, &e, origin, "tenant.logo.update", &before, &next).await?;
    tx.commit().await?;
    Ok(settings)
}

/// The logo of active network `tenant`, for its portal.
pub async fn public_logo(db: &PgPool, tenant: Uuid) -> Result<PublicLogo> {
    repo::public_logo(db, tenant).await?.ok_or(Error::NotFound)
}
