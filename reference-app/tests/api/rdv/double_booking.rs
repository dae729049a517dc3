//! Double booking is impossible: the engine gives a last place once however many ask at once,
//! and the database keeps one inspector to one active booking at a time, even from two
//! concurrent transactions.

use std::time::Duration;

use axum::http::{Method, StatusCode};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::support::{Tenant, TestApp, error_answer, error_code, sqlstate, today};

#[sqlx::test(migrations = "./migrations")]
async fn fifty_concurrent_bookings_of_a_last_place_give_exactly_one(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let slot = app.slots("Paris", 4).await[0]["disponibilite_id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Fill the slot's capacity (inspectors and lanes), then free one place.
    let mut held = Vec::new();
    while app.offered("Paris", 4, &slot).await {
        let rdv = app
            .hold(&slot, &format!("AA-{:03}-AB", 100 + held.len()), "x@y.fr")
            .send()
            .await;
        assert_eq!(rdv.status, StatusCode::CREATED, "{}", rdv.json);
        held.push(rdv.json);
    }
    let last = held.pop().unwrap();
    let freed = app
        .rdv(Method::DELETE, last["id"].as_str().unwrap())
        .guest(last["guest_token"].as_str().unwrap())
        .send()
        .await;
    assert_eq!(freed.status, StatusCode::OK);
    assert!(app.offered("Paris", 4, &slot).await);

    let tasks: Vec<_> = (0..50)
        .map(|i| {
            let (app, slot) = (app.clone(), slot.clone());
            tokio::spawn(async move {
                app.hold(&slot, &format!("AB-{:03}-CD", 100 + i), "x@y.fr")
                    .send()
                    .await
            })
        })
        .collect();
    let mut created = 0;
    for t in tasks {
        let answer = t.await.unwrap();
        match answer.status {
            StatusCode::CREATED => created += 1,
            StatusCode::CONFLICT => assert_eq!(answer.json["code"], "SLOT_TAKEN"),
            other => panic!("{other}: {}", answer.json),
        }
    }
    assert_eq!(created, 1, "exactly one of 50 gets the last place");
    let start: i64 = slot.split('.').nth(1).unwrap().parse().unwrap();
    let centre = Uuid::parse_str(slot.split('.').next().unwrap()).unwrap();
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM rdv WHERE centre_id = $1 AND start_at = to_timestamp($2) AND status = 'pending_payment'")
        .bind(centre).bind(start as f64).fetch_one(&owner).await.unwrap();
    assert_eq!(
        rows as usize,
        held.len() + 1,
        "the database holds what the engine allowed"
    );
    // The same plate cannot hold two overlapping bookings: book it, then try 15 minutes later
    // at the same centre.
    let day = today() + chrono::Duration::days(6);
    let calendar = app
        .get(&format!(
            "/api/v1/disponibilites/centres/{centre}?month={}&date={day}",
            day.format("%Y-%m")
        ))
        .send()
        .await
        .json;
    let day_slots = calendar["slots"].as_array().unwrap();
    let at = |i: usize| {
        day_slots[i]["disponibilite_id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let first = app.hold(&at(0), "ZZ-111-YY", "p@q.fr").send().await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.json);
    let second = app.hold(&at(1), "zz111yy", "p@q.fr").send().await;
    assert_eq!(
        (second.status, second.json["code"].as_str()),
        (StatusCode::CONFLICT, Some("PLATE_ALREADY_BOOKED")),
        "{}",
        second.json
    );
}

/// The centre and inspector of tenant A in the two-tenant fixture.
#[derive(Clone, Copy)]
struct Inspector {
    tenant: Uuid,
    centre: Uuid,
    id: Uuid,
}

async fn inspector_of_a(app: &TestApp, owner: &PgPool) -> Inspector {
    let tenant = app.tenant_id(Tenant::A);
    let (centre, id) = sqlx::query_as("SELECT centre_id, id FROM controleurs WHERE tenant_id = $1")
        .bind(tenant)
        .fetch_one(owner)
        .await
        .unwrap();
    Inspector { tenant, centre, id }
}

/// Books the inspector from `start` to `end` (RFC 3339) with `status`.
async fn book(
    conn: &mut PgConnection,
    inspector: Inspector,
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
    .bind(inspector.tenant)
    .bind(format!("R-{}", Uuid::new_v4()))
    .bind(inspector.centre)
    .bind(inspector.id)
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
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let inspector = inspector_of_a(&app, &owner).await;
    let mut tx = app.tenant_tx(Tenant::A, "CLIENT").await.unwrap();
    book(&mut tx, inspector, NINE, NINE_40, "pending_payment")
        .await
        .unwrap();
    let error = book(&mut tx, inspector, NINE_20, TEN, "confirmed")
        .await
        .unwrap_err();
    assert_eq!(sqlstate(&error).as_deref(), Some("23P01"));

    let answer = error_answer(error).await;
    assert_eq!(answer.status, 409);
    assert_eq!(answer.json["code"], "SLOT_TAKEN");
}

#[sqlx::test(migrations = "./migrations")]
async fn adjacent_and_inactive_bookings_do_not_conflict(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let inspector = inspector_of_a(&app, &owner).await;
    let mut tx = app.tenant_tx(Tenant::A, "CLIENT").await.unwrap();
    book(&mut tx, inspector, NINE, NINE_40, "confirmed")
        .await
        .unwrap();
    // Touching ranges: [09:00, 09:40) and [09:40, 10:00).
    book(&mut tx, inspector, NINE_40, TEN, "confirmed")
        .await
        .unwrap();
    // Cancelled, no-show, completed and refused bookings free the inspector.
    for status in ["cancelled", "no_show", "completed", "refused"] {
        book(&mut tx, inspector, NINE_20, TEN, status)
            .await
            .unwrap();
    }
}

#[sqlx::test(migrations = "./migrations")]
async fn two_concurrent_transactions_cannot_both_book_the_slot(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let inspector = inspector_of_a(&app, &owner).await;

    let mut first = app.tenant_tx(Tenant::A, "CLIENT").await.unwrap();
    book(&mut first, inspector, NINE, NINE_40, "pending_payment")
        .await
        .unwrap();

    // The second transaction waits on the first's uncommitted row...
    let second = tokio::spawn({
        let app = app.clone();
        async move {
            let mut tx = app.tenant_tx(Tenant::A, "CALL_CENTER").await.unwrap();
            let result = book(&mut tx, inspector, NINE_20, TEN, "pending_payment").await;
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
    assert_eq!(error_code(error), "SLOT_TAKEN");

    let active: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM rdv WHERE inspector_id = $1 AND start_at >= $2::timestamptz",
    )
    .bind(inspector.id)
    .bind(NINE)
    .fetch_one(&owner)
    .await
    .unwrap();
    assert_eq!(active, 1);
}

#[sqlx::test(migrations = "./migrations")]
async fn many_concurrent_bookings_of_one_slot_leave_exactly_one(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let inspector = inspector_of_a(&app, &owner).await;
    let attempts = (0..12).map(|_| {
        let app = app.clone();
        tokio::spawn(async move {
            let mut tx = app.tenant_tx(Tenant::A, "CLIENT").await?;
            book(&mut tx, inspector, NINE, NINE_40, "pending_payment").await?;
            tx.commit().await
        })
    });
    let mut ok = 0;
    for attempt in attempts.collect::<Vec<_>>() {
        match attempt.await.unwrap() {
            Ok(()) => ok += 1,
            Err(e) => assert_eq!(error_code(e), "SLOT_TAKEN"),
        }
    }
    assert_eq!(ok, 1);
}
