//! The bookings list as a spreadsheet, for `GET /rdv/export`: every booking of the filters in
//! the list's order, with French headers and labels, streamed a page at a time (flat memory
//! however many rows).

use axum::response::Response;
use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Europe::Paris;
use pti_core::model::{BookingStatus, ControlType, VehicleCategory};
use sqlx::PgPool;

use super::query::ListRequest;
use super::service;
use super::views::StaffBooking;
use crate::auth::Principal;
use crate::error::Result;
use crate::export::{Cell, Export, Format};
use crate::payment::PaymentStatus;
use crate::rdv::documents::{category_label, control_label, payment_label, status_label};

/// The columns, in French.
const HEADERS: &[&str] = &[
    "Référence",
    "Centre",
    "Agence",
    "Début",
    "Fin",
    "Statut",
    "Paiement",
    "Type de contrôle",
    "Catégorie",
    "Immatriculation",
    "Client",
    "E-mail",
    "Téléphone",
    "Prix TTC (€)",
    "Origine",
    "Créée le",
];

/// A local time as a French spreadsheet reads it, `JJ/MM/AAAA HH:MM`.
fn local(time: DateTime<FixedOffset>) -> String {
    time.format("%d/%m/%Y %H:%M").to_string()
}

/// The French label of code `code` by `label` once parsed, the code itself otherwise.
fn label<T: std::str::FromStr>(code: &str, label: fn(T) -> &'static str) -> Cell {
    code.parse::<T>()
        .map_or_else(|_| code.to_owned(), |v| label(v).to_owned())
        .into()
}

/// Where a booking was made, in French.
fn source(code: &str) -> &str {
    match code {
        "web" => "Site",
        "call_center" => "Centre d'appels",
        "pro" => "Centre",
        "api" => "API",
        "seed" => "Import",
        other => other,
    }
}

fn row(b: &StaffBooking) -> Vec<Cell> {
    vec![
        b.reference.as_str().into(),
        b.centre_name.as_str().into(),
        b.agency_name.as_str().into(),
        local(b.start).into(),
        local(b.end).into(),
        label::<BookingStatus>(&b.status, status_label),
        label::<PaymentStatus>(&b.payment_status, payment_label),
        label::<ControlType>(&b.control_type, control_label),
        label::<VehicleCategory>(&b.vehicle_category, category_label),
        b.plate.as_str().into(),
        b.customer_name.as_str().into(),
        b.customer_email.as_deref().into(),
        b.customer_phone.as_deref().into(),
        Cell::Number(f64::from(b.price_cents) / 100.0),
        source(&b.source).into(),
        b.created_at
            .with_timezone(&Paris)
            .format("%d/%m/%Y %H:%M")
            .to_string()
            .into(),
    ]
}

/// The bookings `request` lists, every page of them, as a `format` file.
pub async fn export(
    db: &PgPool,
    principal: &Principal,
    request: ListRequest,
    format: Format,
) -> Result<Response> {
    service::may_export(db, principal, &request).await?;
    let name = format!(
        "reservations-{}",
        Utc::now().with_timezone(&Paris).format("%Y-%m-%d")
    );
    let export = Export::start(format, &name, HEADERS);
    let rows = export.rows();
    let (db, principal) = (db.clone(), principal.clone());
    tokio::spawn(async move {
        let each = |page: Vec<StaffBooking>| {
            let batch = page.iter().map(row).collect();
            let rows = rows.clone();
            async move { rows.send(Ok(batch)).await.is_ok() }
        };
        if let Err(e) = service::export_pages(&db, &principal, request, each).await {
            tracing::error!(error = ?e, "bookings export failed");
            let _ = rows.send(Err(())).await;
        }
    });
    Ok(export.response())
}
