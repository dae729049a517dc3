//! The PDF confirmation of a booking, read back as text: on its network's letterhead (logo,
//! legal mentions), with the booking's facts under French labels.

use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;

use crate::support::{Tenant, TestApp, booking_body, pdf_images, pdf_text};

/// A 48×16 PNG logo.
const LOGO: &[u8] = include_bytes!("../../fixtures/logo.png");

#[sqlx::test(migrations = "./migrations")]
async fn the_confirmation_is_on_the_networks_letterhead(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let settings = app
        .put("/api/v1/admin/tenant/settings")
        .bearer(&admin)
        .json(json!({
            "general": {
                "legal_name": "Contrôle Lyonnais SAS",
                "siret": "732 829 320 00074",
                "address": "12 rue de la Part-Dieu",
                "postcode": "69003",
                "city": "Lyon",
                "phone": "04 78 00 00 00",
            },
            "branding": { "primary_color": "#0f766e" },
        }))
        .send()
        .await;
    assert_eq!(settings.status, StatusCode::OK, "{}", settings.json);
    let logo = app
        .put("/api/v1/admin/tenant/settings/logo")
        .bearer(&admin)
        .header("content-type", "image/png")
        .raw(LOGO.to_vec())
        .send()
        .await;
    assert_eq!(logo.status, StatusCode::OK, "{}", logo.json);

    // A client of the network finds its slots; a guest books one of them.
    let client = app.user(Tenant::A, "CLIENT").await.token;
    let slots = app.search("Paris", 3).bearer(&client).slots().await;
    let slot = slots[0]["disponibilite_id"].as_str().unwrap();
    let held = app
        .hold(slot, "AB-123-CD", "jean.dupont@test.com")
        .send()
        .await;
    assert_eq!(held.status, StatusCode::CREATED, "{}", held.json);
    let rdv = held.json;
    let pdf = app
        .get(&format!("/api/v1/rdv/{}/pdf", rdv["id"].as_str().unwrap()))
        .guest(rdv["guest_token"].as_str().unwrap())
        .send()
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers["content-type"], "application/pdf");

    let text = pdf_text(&pdf.bytes);
    let local = chrono::DateTime::parse_from_rfc3339(rdv["start"].as_str().unwrap()).unwrap();
    for expected in [
        "Confirmation de rendez-vous",
        rdv["reference"].as_str().unwrap(),
        rdv["centre"]["name"].as_str().unwrap(),
        &local.format("%d/%m/%Y à %H:%M").to_string(),
        "Prestation",
        "Contrôle technique",
        "En attente de paiement",
        "Immatriculation",
        "AB-123-CD",
        "Prix TTC",
        "Dont TVA",
        "Non payé",
        "Contrôle Lyonnais SAS",
        "SIRET 732 829 320 00074",
        "12 rue de la Part-Dieu, 69003 Lyon",
        "Tél. 04 78 00 00 00",
        "Page 1 / 1",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} is missing from:\n{text}"
        );
    }
    assert_eq!(
        pdf_images(&pdf.bytes),
        1,
        "the logo, and a QR code drawn in vectors"
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn a_network_without_legal_mentions_signs_with_its_name(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let client = app.user(Tenant::A, "CLIENT").await.token;
    let slots = app.search("Paris", 3).bearer(&client).slots().await;
    let body = booking_body(
        slots[0]["disponibilite_id"].as_str().unwrap(),
        "EF-456-GH",
        "client@test.fr",
    );
    let rdv = app
        .post("/api/v1/rdv")
        .bearer(&client)
        .json(body)
        .send()
        .await;
    assert_eq!(rdv.status, StatusCode::CREATED, "{}", rdv.json);
    let name: String = sqlx::query_scalar("SELECT name FROM tenants WHERE id = $1")
        .bind(app.tenant_id(Tenant::A))
        .fetch_one(&owner)
        .await
        .unwrap();
    let pdf = app
        .get(&format!(
            "/api/v1/rdv/{}/pdf",
            rdv.json["id"].as_str().unwrap()
        ))
        .bearer(&client)
        .send()
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    let text = pdf_text(&pdf.bytes);
    assert_eq!(
        text.matches(name.as_str()).count(),
        2,
        "{name:?} under the title and in the footer:\n{text}"
    );
    assert!(!text.contains("SIRET"), "{text}");
    assert_eq!(pdf_images(&pdf.bytes), 0, "no logo");
}
