//! Planning: what search and calendars offer follows the planning committed in the database.

use chrono::{Duration, Utc};
use sqlx::PgPool;
use uuid::Uuid;

use crate::support::TestApp;

#[sqlx::test(migrations = "./migrations")]
async fn committed_planning_changes_reach_the_engine(owner: PgPool) {
    let app = TestApp::builder(&owner)
        .seeded()
        .engine_sync()
        .spawn()
        .await;
    let slot = app.slots("Rennes", 3).await[0].clone();
    let id = slot["disponibilite_id"].as_str().unwrap().to_owned();
    let centre = Uuid::parse_str(id.split('.').next().unwrap()).unwrap();
    let start = chrono::DateTime::parse_from_rfc3339(slot["start"].as_str().unwrap()).unwrap();
    sqlx::query(
        "INSERT INTO cts_closures (tenant_id, centre_id, starts_at, ends_at, reason) \
         SELECT tenant_id, id, $2, $2 + interval '1 day', 'Travaux' FROM cts WHERE id = $1",
    )
    .bind(centre)
    .bind(start.with_timezone(&Utc) - Duration::hours(1))
    .execute(&owner)
    .await
    .unwrap();
    assert!(
        app.withdrawn("Rennes", 3, &id).await,
        "the closure committed elsewhere closed the slot"
    );

    // A booking committed by another server instance (here: straight into the database) takes
    // the slot in this one too.
    let slot = app.slots("Brest", 3).await[0].clone();
    let id = slot["disponibilite_id"].as_str().unwrap().to_owned();
    let centre = Uuid::parse_str(id.split('.').next().unwrap()).unwrap();
    let start = chrono::DateTime::parse_from_rfc3339(slot["start"].as_str().unwrap()).unwrap();
    sqlx::query(
        "INSERT INTO rdv (tenant_id, reference, centre_id, inspector_id, guest_email, plate, \
         plate_normalized, vehicle_category, control_type, status, price_cents, vat_cents, start_at, end_at) \
         SELECT tenant_id, 'OTHER-' || id, centre_id, id, 'other@instance.fr', 'AA-001-AA', 'AA001AA', \
         'VP', 'CT', 'confirmed', 7900, 1317, $2, $2 + interval '35 minutes' \
         FROM controleurs c WHERE centre_id = $1 AND NOT EXISTS (SELECT 1 FROM rdv r \
         WHERE r.inspector_id = c.id AND r.status IN ('pending_payment', 'confirmed', 'in_progress') \
         AND tstzrange(r.start_at, r.end_at) && tstzrange($2, $2 + interval '35 minutes'))",
    )
    .bind(centre)
    .bind(start.with_timezone(&Utc))
    .execute(&owner)
    .await
    .unwrap();
    assert!(
        app.withdrawn("Brest", 3, &id).await,
        "a booking committed elsewhere is never offered here"
    );
}
