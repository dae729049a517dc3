//! The accounts list as a spreadsheet: the rows of the current filters and order, with the
//! agency's and centre's names and French labels, for `GET /users/export`.

use std::collections::HashMap;

use axum::response::Response;
use chrono::{DateTime, Utc};
use chrono_tz::Europe::Paris;
use pti_core::policy::Role;
use sqlx::PgPool;
use uuid::Uuid;

use super::list::ListRequest;
use super::service;
use super::views::StaffUser;
use crate::admin;
use crate::auth::Principal;
use crate::domain::AccountStatus;
use crate::error::Result;
use crate::export::{Cell, Export, Format};

/// The columns, in French.
const HEADERS: &[&str] = &[
    "Nom",
    "Prénom",
    "E-mail",
    "Téléphone",
    "Rôle",
    "Agence",
    "Centre",
    "Statut",
    "Créé le",
    "Dernière connexion",
];

/// The French name of a role (the portals' own words).
fn role(role: Role) -> &'static str {
    match role {
        Role::SuperAdmin => "Administrateur de la plateforme",
        Role::AdminTenant => "Administrateur du réseau",
        Role::AdminAgence => "Responsable d’agence",
        Role::AdminCt => "Chef de centre",
        Role::Controleur => "Contrôleur",
        Role::CallCenter => "Conseiller du centre d’appels",
        Role::Client => "Client",
        Role::ApiKey => "Clé d'API",
    }
}

/// The French name of a status.
fn status(status: AccountStatus) -> &'static str {
    match status {
        AccountStatus::Active => "Actif",
        AccountStatus::Invited => "Invité",
        AccountStatus::Disabled => "Désactivé",
        AccountStatus::Erased => "Supprimé",
    }
}

/// A time as Paris reads it, `JJ/MM/AAAA HH:MM`.
fn local(time: DateTime<Utc>) -> String {
    time.with_timezone(&Paris)
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

/// Names of the network's agencies and centres by id.
struct Names(HashMap<Uuid, String>);

impl Names {
    async fn load(db: &PgPool, principal: &Principal) -> Result<Self> {
        let mut names = HashMap::new();
        for a in admin::agency::service::list(db, principal).await? {
            names.insert(a.id, a.name);
        }
        for c in admin::centre::service::list(db, principal, None).await? {
            names.insert(c.id, c.name);
        }
        Ok(Self(names))
    }

    fn of(&self, id: Option<Uuid>) -> Cell {
        id.and_then(|id| self.0.get(&id)).map(String::as_str).into()
    }
}

fn row(user: &StaffUser, names: &Names) -> Vec<Cell> {
    vec![
        user.last_name.as_str().into(),
        user.first_name.as_str().into(),
        user.email.as_str().into(),
        user.phone.as_deref().into(),
        role(user.role).into(),
        names.of(user.agency_id),
        names.of(user.centre_id),
        status(user.status).into(),
        local(user.created_at).into(),
        user.last_login_at.map(local).into(),
    ]
}

/// The accounts `request` lists, every page of them, as a `format` file.
pub async fn export(
    db: &PgPool,
    principal: &Principal,
    request: ListRequest,
    format: Format,
) -> Result<Response> {
    service::may_export(principal)?;
    let names = Names::load(db, principal).await?;
    let name = format!(
        "utilisateurs-{}",
        Utc::now().with_timezone(&Paris).format("%Y-%m-%d")
    );
    let export = Export::start(format, &name, HEADERS);
    let rows = export.rows();
    let (db, principal) = (db.clone(), principal.clone());
    tokio::spawn(async move {
        let each = |page: Vec<StaffUser>| {
            let batch = page.iter().map(|u| row(u, &names)).collect();
            let rows = rows.clone();
            async move { rows.send(Ok(batch)).await.is_ok() }
        };
        let sent = service::export_pages(&db, &principal, request, each).await;
        if let Err(e) = sent {
            tracing::error!(error = ?e, "users export failed");
            let _ = rows.send(Err(())).await;
        }
    });
    Ok(export.response())
}
