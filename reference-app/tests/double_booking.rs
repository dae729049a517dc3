//! Double booking is impossible in the database: one inspector, one active booking at a time,
//! even from two concurrent transactions.

mod common;

use std::time::Duration;

use axum::response::IntoResponse;
use common::{TENANT_A, app_pool, ctx, load_two_tenants, sqlstate};
use reference_app::db::tenant_tx;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// The centre and inspector of tenant A in the fixture.
async fn centre_and_inspector(owner: &PgPool) -> (Uuid, Uuid) {
    sqlx::query_as("SELECT centre_id, id FROM controleurs WHERE tenant_id = $1")
        .bind(TENANT_A.0)
        .fetch_one(owner)
        .await
        .unwrap()
}

/// Books the inspector from `start` to `end` (RFC 3339) with `status`.
async fn book(
    conn: &mut PgConnection,
    (centre, inspector): (Uuid, Uuid),
    start: &str,
    end: &str,
    status: &str,
) -> Result<Uuid, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO rdv (tenant_id, reference, centre_id, inspector_id, guest_email, plate, plate_normalized,
                          vehicle_category, control_type, status, price_cents, vat_cents, start_at, end_at)
         VALUES ($1, $2, $3, $4, 'guest@example.fr', 'AA-123-BB', 'AA123BB', 'VP', 'CT', $5, 7000, 1167,
                 $6::timestamptz, $7::timestamptz)
         RETURNING id",
    )
    .bind(TENANT_A.0)
    .bind(format!("R-{}", Uuid::new_v4()))
    .bind(centre)
    .bind(inspector)
    .bind(status)
    .bind(start)
    .bind(end)
    .fetch_one(conn)
    .await
}

const NINE: &str = "2027-03-01T09:00:00+01:00";
const NINE_40: &str = "2027-03-01T09:40:00+01:00";
const NINE_20: &str = "2027-03-01T09:20:00+01:00";
const TEN: &str = "2027-03-01T10:00:00+01:00";

#[sqlx::test(migrations = "./migrations")]
async fn two_overlapping_active_bookings_of_one_inspector_are_refused(owner: PgPool) {
    load_two_tenants(&owner).await;
    let ids = centre_and_inspector(&owner).await;
    let app = app_pool(&owner).await;
    let mut tx = tenant_tx(&app, &ctx(TENANT_A, "CLIENT")).await.unwrap();
    book(&mut tx, ids, NINE, NINE_40, "pending_payment")
        .await
        .unwrap();
    let error = book(&mut tx, ids, NINE_20, TEN, "confirmed")
        .await
        .unwrap_err();
    assert_eq!(sqlstate(&error).as_deref(), Some("23P01"));

    let response = reference_app::Error::from(error).into_response();
    assert_eq!(response.status(), 409);
    let body = axum::body::to_bytes(response.into_body(), 4096)
        .await
        .unwrap();
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["code"], "SLOT_TAKEN");
}

#[sqlx::test(migrations = "./migrations")]
async fn adjacent_and_inactive_bookings_do_not_conflict(owner: PgPool) {
    load_two_tenants(&owner).await;
    let ids = centre_and_inspector(&owner).await;
    let app = app_pool(&owner).await;
    let mut tx = tenant_tx(&app, &ctx(TENANT_A, "CLIENT")).await.unwrap();
    book(&mut tx, ids, NINE, NINE_40, "confirmed")
        .await
        .unwrap();
    // Touching ranges: [09:00, 09:40) and [09:40, 10:00).
    book(&mut tx, ids, NINE_40, TEN, "confirmed").await.unwrap();
    // Cancelled, no-show, completed and refused bookings free the inspector.
    for status in ["cancelled", "no_show", "completed", "refused"] {
        book(&mut tx, ids, NINE_20, TEN, status).await.unwrap();
    }
}

#[sqlx::test(migrations = "./migrations")]
async fn two_concurrent_transactions_cannot_both_book_the_slot(owner: PgPool) {
    load_two_tenants(&owner).await;
    let ids = centre_and_inspector(&owner).await;
    let app = app_pool(&owner).await;

    let mut first = tenant_tx(&app, &ctx(TENANT_A, "CLIENT")).await.unwrap();
    book(&mut first, ids, NINE, NINE_40, "pending_payment")
        .await
        .unwrap();

    // The second transaction waits on the first's uncommitted row...
    let second = tokio::spawn({
        let app = app.clone();
        async move {
            let mut tx = tenant_tx(&app, &ctx(TENANT_A, "CALL_CENTER"))
                .await
                .unwrap();
            let result = book(&mut tx, ids, NINE_20, TEN, "pending_payment").await;
            if result.is_ok() {
                tx.commit().await.unwrap();
            }
            result
        }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !second.is_finished(),
        "the second insert must wait for the first transaction"
    );

    // ...and fails once the first commits.
    first.commit().await.unwrap();
    let error = second.await.unwrap().unwrap_err();
    assert_eq!(sqlstate(&error).as_deref(), Some("23P01"));
    assert_eq!(reference_app::Error::from(error).code(), "SLOT_TAKEN");

    let active: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM rdv WHERE inspector_id = $1 AND start_at >= $2::timestamptz",
    )
    .bind(ids.1)
    .bind(NINE)
    .fetch_one(&owner)
    .await
    .unwrap();
    assert_eq!(active, 1);
}

#[sqlx::test(migrations = "./migrations")]
async fn many_concurrent_bookings_of_one_slot_leave_exactly_one(owner: PgPool) {
    load_two_tenants(&owner).await;
    let ids = centre_and_inspector(&owner).await;
    let app = app_pool(&owner).await;
    let attempts = (0..12).map(|_| {
        let app = app.clone();
        tokio::spawn(async move {
            let mut tx = tenant_tx(&app, &ctx(TENANT_A, "CLIENT")).await?;
            book(&mut tx, ids, NINE, NINE_40, "pending_payment").await?;
            tx.commit().await
        })
    });
    let mut ok = 0;
    for attempt in attempts.collect::<Vec<_>>() {
        match attempt.await.unwrap() {
            Ok(()) => ok += 1,
            Err(e) => assert_eq!(reference_app::Error::from(e).code(), "SLOT_TAKEN"),
        }
    }
    assert_eq!(ok, 1);
}
