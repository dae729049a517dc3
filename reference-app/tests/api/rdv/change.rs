//! Moving and cancelling a booking, within the network's policy.

use axum::http::{Method, StatusCode};
use sqlx::PgPool;
use uuid::Uuid;

use crate::support::TestApp;

#[sqlx::test(migrations = "./migrations")]
async fn moving_and_cancelling_follow_the_policy(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let free = app.slots("Marseille", 5).await;
    // Two slots of the same centre an hour apart.
    let (first, second) = (
        free[0]["disponibilite_id"].as_str().unwrap(),
        free[4]["disponibilite_id"].as_str().unwrap(),
    );
    assert_eq!(first.split('.').next(), second.split('.').next());
    let rdv = app
        .hold(first, "CD-456-EF", "move@test.fr")
        .send()
        .await
        .json;
    let paid = app.pay(&rdv, "4242424242424242", "m-1").await;
    assert_eq!(paid.status, StatusCode::OK, "{}", paid.json);
    assert_eq!(
        paid.json["rdv"]["refund_if_cancelled_cents"],
        paid.json["rdv"]["price_cents"]
    );
    let id = rdv["id"].as_str().unwrap();
    let token = rdv["guest_token"].as_str().unwrap();
    // Take every place of `second` but one, however many inspectors work that day.
    let mut fills = Vec::new();
    while app.offered("Marseille", 5, second).await {
        assert!(fills.len() < 10, "holds never filled the slot");
        let fill = app
            .hold(
                second,
                &format!("FG-{:03}-HJ", 100 + fills.len()),
                "fill@test.fr",
            )
            .send()
            .await;
        assert_eq!(fill.status, StatusCode::CREATED, "{}", fill.json);
        fills.push(fill.json);
    }
    let last = fills.pop().unwrap();
    let freed = app
        .rdv(Method::DELETE, last["id"].as_str().unwrap())
        .guest(last["guest_token"].as_str().unwrap())
        .send()
        .await;
    assert_eq!(freed.status, StatusCode::OK, "{}", freed.json);
    let moved = app.move_to(id, token, second).send().await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.json);
    assert_ne!(moved.json["start"], rdv["start"]);
    assert!(
        app.offered("Marseille", 5, first).await,
        "the old slot is free again"
    );
    assert!(
        !app.offered("Marseille", 5, second).await,
        "the move took the last place"
    );

    let cancelled = app.rdv(Method::DELETE, id).guest(token).send().await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.json);
    let cancelled = cancelled.json;
    assert_eq!(cancelled["refund_cents"], rdv["price_cents"]);
    assert_eq!(
        (
            cancelled["rdv"]["status"].as_str(),
            cancelled["rdv"]["payment_status"].as_str()
        ),
        (Some("cancelled"), Some("refunded"))
    );
    let refunded: i32 = sqlx::query_scalar(
        "SELECT refunded_cents FROM payments WHERE booking_id = $1 AND status = 'refunded'",
    )
    .bind(Uuid::parse_str(id).unwrap())
    .fetch_one(&owner)
    .await
    .unwrap();
    assert_eq!(i64::from(refunded), rdv["price_cents"].as_i64().unwrap());
    assert!(
        app.offered("Marseille", 5, second).await,
        "a cancelled slot is offered again"
    );
    let again = app.rdv(Method::DELETE, id).guest(token).send().await;
    assert_eq!(
        (again.status, again.json["code"].as_str()),
        (StatusCode::CONFLICT, Some("INVALID_STATUS"))
    );

    // Within 24 hours of the start, a booking can no longer be moved. The booking is moved
    // there in the database, to an hour its inspector has free, whatever the time of the run.
    let slot = app.slots("Marseille", 3).await[0]["disponibilite_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let late = app.hold(&slot, "GH-789-JK", "late@test.fr").send().await;
    assert_eq!(late.status, StatusCode::CREATED, "{}", late.json);
    let rdv = late.json;
    let (id, token) = (
        rdv["id"].as_str().unwrap(),
        rdv["guest_token"].as_str().unwrap(),
    );
    let mut moved = false;
    for hours in 2..22 {
        moved = sqlx::query(
            "UPDATE rdv SET start_at = date_trunc('hour', now()) + make_interval(hours => $2), \
             end_at = date_trunc('hour', now()) + make_interval(hours => $2, mins => 35) \
             WHERE id = $1",
        )
        .bind(Uuid::parse_str(id).unwrap())
        .bind(hours)
        .execute(&owner)
        .await
        .is_ok();
        if moved {
            break;
        }
    }
    assert!(moved, "no free hour for the inspector in the next day");
    let read = app.rdv(Method::GET, id).guest(token).send().await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.json);
    assert_eq!(
        (
            read.json["can_modify"].as_bool(),
            read.json["modify_refusal"].as_str()
        ),
        (Some(false), Some("DEADLINE_PASSED")),
        "{}",
        read.json
    );
    let refused = app.move_to(id, token, second).send().await;
    assert_eq!(
        (refused.status, refused.json["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("DEADLINE_PASSED"))
    );
}
