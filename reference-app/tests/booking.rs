//! The booking spine through the HTTP API, on the seeded demo data: search, hold, pay (sandbox
//! test cards), documents, notifications, move, cancel with refund, expiry, concurrency, and
//! attempts to cross tenants.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use chrono::{Duration, Utc};
use http_body_util::BodyExt;
use reference_app::engine::{self, load, today};
use reference_app::http::{AppState, app};
use serde_json::{Value, json};
use sqlx::PgPool;
use tower::ServiceExt;
use uuid::Uuid;

/// State on the seeded per-test database with the engine loaded.
async fn seeded(owner: &PgPool) -> AppState {
    reference_app::seed::run(owner, false)
        .await
        .unwrap()
        .unwrap();
    let state = common::state(owner).await;
    state
        .engine
        .replace(load::load(&state.db, today()).await.unwrap());
    state
}

/// Sends a request; answers the status, the raw body and its JSON (Null when not JSON).
async fn send(
    state: &AppState,
    method: Method,
    uri: &str,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> (StatusCode, Vec<u8>, Value) {
    let mut request = Request::builder().method(method.clone()).uri(uri);
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let body = match body {
        Some(b) => {
            request = request.header("content-type", "application/json");
            Body::from(b.to_string())
        }
        None => Body::empty(),
    };
    let response = app(state.clone())
        .oneshot(request.body(body).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    common::documented::check(&method, uri, status, &json);
    (status, bytes, json)
}

async fn post(
    state: &AppState,
    uri: &str,
    headers: &[(&str, &str)],
    body: Value,
) -> (StatusCode, Value) {
    let (s, _, j) = send(state, Method::POST, uri, headers, Some(body)).await;
    (s, j)
}

/// The first free slots near `place` from `days` days ahead.
async fn slots(state: &AppState, place: &str, days: i64, headers: &[(&str, &str)]) -> Vec<Value> {
    let (status, body) = post(
        state,
        "/api/v1/disponibilites/search",
        headers,
        json!({ "place": place, "date_from": today() + Duration::days(days), "slots_per_centre": 5, "limit": 5 }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["results"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["slots"].as_array().unwrap().clone())
        .collect()
}

fn booking_body(slot: &str, plate: &str, email: &str) -> Value {
    json!({
        "disponibilite_id": slot, "first_name": "Jean", "last_name": "Dupont", "email": email,
        "phone": "06 12 34 56 78", "immatriculation": plate, "vehicle_type": "VP",
        "marque": "Renault", "modele": "Clio", "annee": 2018, "control_type": "CT",
    })
}

/// Holds `slot` for a vehicle and a contact (`POST /rdv`).
async fn hold(
    state: &AppState,
    headers: &[(&str, &str)],
    slot: &str,
    plate: &str,
    email: &str,
) -> (StatusCode, Value) {
    post(
        state,
        "/api/v1/rdv",
        headers,
        booking_body(slot, plate, email),
    )
    .await
}

/// Whether the slot `id` stops being offered near `place` within 5 seconds.
async fn withdrawn(state: &AppState, place: &str, days: i64, id: &str) -> bool {
    for _ in 0..100 {
        if !offered(state, place, days, id).await {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    false
}

async fn card(state: &AppState, number: &str) -> String {
    let (status, body) = post(
        state,
        "/api/v1/payment/tokenize",
        &[],
        json!({ "card_number": number, "exp_month": 12, "exp_year": 2030, "cvc": "123" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["token"].as_str().unwrap().to_owned()
}

async fn pay(state: &AppState, rdv: &Value, number: &str, key: &str) -> (StatusCode, Value) {
    let token = card(state, number).await;
    post(
        state,
        "/api/v1/payment/process",
        &[
            ("idempotency-key", key),
            ("x-rdv-token", rdv["guest_token"].as_str().unwrap()),
        ],
        json!({ "rdv_id": rdv["id"], "card_token": token }),
    )
    .await
}

/// Whether a search near `place` still offers the slot `id`.
async fn offered(state: &AppState, place: &str, days: i64, id: &str) -> bool {
    slots(state, place, days, &[])
        .await
        .iter()
        .any(|s| s["disponibilite_id"] == id)
}

/// A request on booking `id` with its guest token (`/api/v1/rdv/{id}`): status and JSON body.
async fn as_guest(
    state: &AppState,
    method: Method,
    id: &str,
    token: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let uri = format!("/api/v1/rdv/{id}");
    let (status, _, json) = send(state, method, &uri, &[("x-rdv-token", token)], body).await;
    (status, json)
}

/// Moves booking `id` to `slot` with its guest token (`PUT /api/v1/rdv/{id}`).
async fn move_to(state: &AppState, id: &str, token: &str, slot: &str) -> (StatusCode, Value) {
    let body = json!({ "disponibilite_id": slot });
    as_guest(state, Method::PUT, id, token, Some(body)).await
}

#[sqlx::test(migrations = "./migrations")]
async fn a_guest_books_pays_and_is_notified(owner: PgPool) {
    let state = seeded(&owner).await;
    let (status, places) = send(
        &state,
        Method::GET,
        "/api/v1/places/suggest?q=lyo",
        &[],
        None,
    )
    .await
    .2
    .as_array()
    .map(|a| (StatusCode::OK, a.clone()))
    .unwrap();
    assert_eq!(status, StatusCode::OK);
    assert!(places.iter().any(|p| p["name"] == "Lyon"), "{places:?}");

    let slot = slots(&state, "Paris", 3, &[]).await[0]["disponibilite_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, rdv) = hold(
        &state,
        &[("idempotency-key", "book-1")],
        &slot,
        "ab 123 cd",
        "jean.dupont@test.com",
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{rdv}");
    assert_eq!(
        (rdv["status"].as_str(), rdv["immatriculation"].as_str()),
        (Some("pending_payment"), Some("AB-123-CD"))
    );
    assert!(rdv["hold_expires_at"].is_string());
    // Each hold takes one inspector: the start stays offered while another one is free there.
    let mut fills = 0;
    while offered(&state, "Paris", 3, &slot).await {
        fills += 1;
        assert!(fills < 10, "holds never filled the slot");
        let (status, body) = hold(
            &state,
            &[("idempotency-key", &format!("fill-{fills}"))],
            &slot,
            &format!("EF-{fills:03}-GH"),
            "autre@test.com",
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (status, body) = hold(&state, &[], &slot, "EF-100-GH", "autre@test.com").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("SLOT_TAKEN")),
        "a slot no longer offered cannot be held"
    );
    // Retrying with the same key answers the same booking.
    let (status, again) = hold(
        &state,
        &[("idempotency-key", "book-1")],
        &slot,
        "ab 123 cd",
        "jean.dupont@test.com",
    )
    .await;
    assert_eq!((status, &again["id"]), (StatusCode::OK, &rdv["id"]));

    let (status, body) = pay(&state, &rdv, "4000 0000 0000 0002", "pay-1").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::PAYMENT_REQUIRED, Some("CARD_DECLINED"))
    );
    let (status, body) = pay(&state, &rdv, "4000000000009995", "pay-2").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::PAYMENT_REQUIRED, Some("INSUFFICIENT_FUNDS"))
    );
    let (status, paid) = pay(&state, &rdv, "4242 4242 4242 4242", "pay-3").await;
    assert_eq!(status, StatusCode::OK, "{paid}");
    assert_eq!(
        (
            paid["rdv"]["status"].as_str(),
            paid["payment"]["card_last4"].as_str()
        ),
        (Some("confirmed"), Some("4242"))
    );
    let (status, replay) = pay(&state, &rdv, "4242 4242 4242 4242", "pay-3").await;
    assert_eq!(
        (status, &replay["payment"]["id"]),
        (StatusCode::OK, &paid["payment"]["id"]),
        "replay"
    );
    let (status, body) = pay(&state, &rdv, "4242 4242 4242 4242", "pay-4").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("ALREADY_PAID"))
    );
    let charged: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM payments WHERE booking_id = $1 AND status = 'succeeded'",
    )
    .bind(Uuid::parse_str(rdv["id"].as_str().unwrap()).unwrap())
    .fetch_one(&owner)
    .await
    .unwrap();
    assert_eq!(charged, 1);

    let token = rdv["guest_token"].as_str().unwrap();
    let id = rdv["id"].as_str().unwrap();
    let (status, bytes, _) = send(
        &state,
        Method::GET,
        &format!("/api/v1/rdv/{id}/ics?token={token}"),
        &[],
        None,
    )
    .await;
    let ics = String::from_utf8(bytes).unwrap();
    assert_eq!(status, StatusCode::OK);
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.contains("STATUS:CONFIRMED"),
        "{ics}"
    );
    let (status, pdf, _) = send(
        &state,
        Method::GET,
        &format!("/api/v1/rdv/{id}/pdf"),
        &[("x-rdv-token", token)],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(pdf.starts_with(b"%PDF-1.4") && pdf.ends_with(b"%%EOF\n"));
    let (status, _, _) = send(
        &state,
        Method::GET,
        &format!("/api/v1/rdv/{id}"),
        &[("x-rdv-token", "forged")],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a wrong token finds nothing");

    tick(&state).await;
    let mail = mailbox(&state, "jean.dupont@test.com").await;
    let mail = mail.as_array().unwrap();
    assert_eq!(mail.len(), 1, "{mail:?}");
    assert!(
        mail[0]["subject"]
            .as_str()
            .unwrap()
            .starts_with("Votre rendez-vous est confirmé")
    );
    assert_eq!(mail[0]["attachments"][0]["content_type"], "text/calendar");
    let sms = mailbox(&state, "06%2012%2034%2056%2078").await;
    assert_eq!(sms.as_array().map(Vec::len), Some(1), "{sms}");
    // A second tick sends nothing twice.
    tick(&state).await;
    let mail = mailbox(&state, "jean.dupont@test.com").await;
    assert_eq!(mail.as_array().map(Vec::len), Some(1));
}

/// One pass of the worker with the local outlets, on the application pool as in production.
async fn tick(state: &AppState) -> (usize, usize) {
    reference_app::notify::worker::tick(&state.db, &state.engine, &Default::default())
        .await
        .unwrap()
}

/// The messages of the dev mailbox to `recipient` (URL-encoded).
async fn mailbox(state: &AppState, recipient: &str) -> Value {
    let uri = format!("/api/v1/dev/mailbox?recipient={recipient}");
    send(state, Method::GET, &uri, &[], None).await.2
}

#[sqlx::test(migrations = "./migrations")]
async fn bad_input_is_refused_with_the_field_named(owner: PgPool) {
    let state = seeded(&owner).await;
    let slot = slots(&state, "Lyon", 3, &[]).await[0]["disponibilite_id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (field, value, code) in [
        ("email", json!("not-an-email"), "VALIDATION"),
        ("phone", json!("call me"), "VALIDATION"),
        ("immatriculation", json!("AA-123-SS"), "INVALID_PLATE"),
        ("immatriculation", json!("OO-123-AA"), "INVALID_PLATE"),
        ("annee", json!(1850), "VALIDATION"),
        ("disponibilite_id", json!("nope"), "VALIDATION"),
        ("vehicle_type", json!("TANK"), "VALIDATION"),
    ] {
        let mut body = booking_body(&slot, "AB-123-CD", "a@b.fr");
        body[field] = value;
        let (status, answer) = post(&state, "/api/v1/rdv", &[], body).await;
        assert_eq!(
            (
                status,
                answer["code"].as_str(),
                answer["details"]["field"].as_str()
            ),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(code), Some(field)),
            "{answer}"
        );
    }
    let (status, answer) = post(
        &state,
        "/api/v1/disponibilites/search",
        &[],
        json!({ "place": "Xyzzyville" }),
    )
    .await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("PLACE_NOT_FOUND"))
    );
    let (status, answer) = post(
        &state,
        "/api/v1/disponibilites/search",
        &[],
        json!({ "place": "Paris", "radius_km": 0 }),
    )
    .await;
    assert_eq!(
        (status, answer["details"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("radius_km"))
    );
    let (status, answer) = post(&state, "/api/v1/payment/tokenize", &[], json!({ "card_number": "4242424242424241", "exp_month": 12, "exp_year": 2030, "cvc": "123" })).await;
    assert_eq!(
        (status, answer["details"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("card_number"))
    );
    // Nothing was written.
    let held: i64 = sqlx::query_scalar("SELECT count(*) FROM rdv WHERE source = 'web'")
        .fetch_one(&owner)
        .await
        .unwrap();
    assert_eq!(held, 0);
}

#[sqlx::test(migrations = "./migrations")]
async fn fifty_concurrent_bookings_of_a_last_place_give_exactly_one(owner: PgPool) {
    let state = seeded(&owner).await;
    let slot = slots(&state, "Paris", 4, &[]).await[0]["disponibilite_id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Fill the slot's capacity (inspectors and lanes), then free one place.
    let mut held = Vec::new();
    while offered(&state, "Paris", 4, &slot).await {
        let (status, rdv) = hold(
            &state,
            &[],
            &slot,
            &format!("AA-{:03}-AB", 100 + held.len()),
            "x@y.fr",
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{rdv}");
        held.push(rdv);
    }
    let last = held.pop().unwrap();
    let (status, _, _) = send(
        &state,
        Method::DELETE,
        &format!("/api/v1/rdv/{}", last["id"].as_str().unwrap()),
        &[("x-rdv-token", last["guest_token"].as_str().unwrap())],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(offered(&state, "Paris", 4, &slot).await);

    let tasks: Vec<_> = (0..50)
        .map(|i| {
            let (state, slot) = (state.clone(), slot.clone());
            tokio::spawn(async move {
                hold(
                    &state,
                    &[],
                    &slot,
                    &format!("AB-{:03}-CD", 100 + i),
                    "x@y.fr",
                )
                .await
            })
        })
        .collect();
    let mut created = 0;
    for t in tasks {
        let (status, body) = t.await.unwrap();
        match status {
            StatusCode::CREATED => created += 1,
            StatusCode::CONFLICT => assert_eq!(body["code"], "SLOT_TAKEN"),
            other => panic!("{other}: {body}"),
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
    let centre = slot.split('.').next().unwrap();
    let day = today() + Duration::days(6);
    let (_, _, calendar) = send(
        &state,
        Method::GET,
        &format!(
            "/api/v1/disponibilites/centres/{}?month={}&date={day}",
            Uuid::parse_str(centre).unwrap(),
            day.format("%Y-%m")
        ),
        &[],
        None,
    )
    .await;
    let day_slots = calendar["slots"].as_array().unwrap();
    let at = |i: usize| {
        day_slots[i]["disponibilite_id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (status, body) = hold(&state, &[], &at(0), "ZZ-111-YY", "p@q.fr").await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, body) = hold(&state, &[], &at(1), "zz111yy", "p@q.fr").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("PLATE_ALREADY_BOOKED")),
        "{body}"
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn moving_and_cancelling_follow_the_policy(owner: PgPool) {
    let state = seeded(&owner).await;
    let free = slots(&state, "Marseille", 5, &[]).await;
    // Two slots of the same centre an hour apart.
    let (first, second) = (
        free[0]["disponibilite_id"].as_str().unwrap(),
        free[4]["disponibilite_id"].as_str().unwrap(),
    );
    assert_eq!(first.split('.').next(), second.split('.').next());
    let (_, rdv) = hold(&state, &[], first, "CD-456-EF", "move@test.fr").await;
    let (status, paid) = pay(&state, &rdv, "4242424242424242", "m-1").await;
    assert_eq!(status, StatusCode::OK, "{paid}");
    assert_eq!(
        paid["rdv"]["refund_if_cancelled_cents"],
        paid["rdv"]["price_cents"]
    );
    let id = rdv["id"].as_str().unwrap();
    let token = rdv["guest_token"].as_str().unwrap();
    let (status, moved) = move_to(&state, id, token, second).await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_ne!(moved["start"], rdv["start"]);
    assert!(
        offered(&state, "Marseille", 5, first).await,
        "the old slot is free again"
    );
    assert!(!offered(&state, "Marseille", 5, second).await);

    let (status, cancelled) = as_guest(&state, Method::DELETE, id, token, None).await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
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
        offered(&state, "Marseille", 5, second).await,
        "a cancelled slot is offered again"
    );
    let (status, again) = as_guest(&state, Method::DELETE, id, token, None).await;
    assert_eq!(
        (status, again["code"].as_str()),
        (StatusCode::CONFLICT, Some("INVALID_STATUS"))
    );

    // Within 24 hours of the start, a booking can no longer be moved. The booking is moved
    // there in the database, to an hour its inspector has free, whatever the time of the run.
    let slot = slots(&state, "Marseille", 3, &[]).await[0]["disponibilite_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, rdv) = hold(&state, &[], &slot, "GH-789-JK", "late@test.fr").await;
    assert_eq!(status, StatusCode::CREATED, "{rdv}");
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
    let (status, rdv) = as_guest(&state, Method::GET, id, token, None).await;
    assert_eq!(status, StatusCode::OK, "{rdv}");
    assert_eq!(
        (rdv["can_modify"].as_bool(), rdv["modify_refusal"].as_str()),
        (Some(false), Some("DEADLINE_PASSED")),
        "{rdv}"
    );
    let (status, body) = move_to(&state, id, token, second).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("DEADLINE_PASSED"))
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn expired_holds_are_released(owner: PgPool) {
    let state = seeded(&owner).await;
    let slot = slots(&state, "Nantes", 3, &[]).await[0]["disponibilite_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, rdv) = hold(&state, &[], &slot, "LM-321-NP", "late.payer@test.fr").await;
    sqlx::query("UPDATE rdv SET hold_expires_at = now() - interval '1 second' WHERE id = $1")
        .bind(Uuid::parse_str(rdv["id"].as_str().unwrap()).unwrap())
        .execute(&owner)
        .await
        .unwrap();
    let (released, _) = tick(&state).await;
    assert_eq!(released, 1);
    assert!(offered(&state, "Nantes", 3, &slot).await);
    let (status, body) = pay(&state, &rdv, "4242424242424242", "late").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("HOLD_EXPIRED"))
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn clients_see_their_own_bookings_and_never_another_tenants(owner: PgPool) {
    let state = seeded(&owner).await;
    let tenants: Vec<Uuid> = sqlx::query_scalar("SELECT id FROM tenants ORDER BY slug")
        .fetch_all(&owner)
        .await
        .unwrap();
    let (a, b) = (tenants[0], tenants[1]);
    let (client_a, _) = common::user_token(&owner, Some(a), "CLIENT").await;
    let (client_b, _) = common::user_token(&owner, Some(b), "CLIENT").await;
    let (staff_b, _) = common::user_token(&owner, Some(b), "ADMIN_TENANT").await;
    let bearer = |t: &str| format!("Bearer {t}");
    let auth_a = bearer(&client_a);

    // A signed-in client's search covers its own network only.
    let found = slots(&state, "Paris", 3, &[("authorization", &auth_a)]).await;
    let (status, vehicle) = post(&state, "/api/v1/users/me/vehicles", &[("authorization", &auth_a)], json!({ "immatriculation": "QR-654-ST", "vehicle_type": "VP", "fuel": "DIESEL", "marque": "Peugeot" })).await;
    assert_eq!(status, StatusCode::CREATED, "{vehicle}");
    let (status, dup) = post(
        &state,
        "/api/v1/users/me/vehicles",
        &[("authorization", &auth_a)],
        json!({ "immatriculation": "qr654st" }),
    )
    .await;
    assert_eq!(
        (status, dup["code"].as_str()),
        (StatusCode::CONFLICT, Some("VEHICLE_EXISTS"))
    );
    let mut body = booking_body(
        found[0]["disponibilite_id"].as_str().unwrap(),
        "QR-654-ST",
        "client.a@test.fr",
    );
    body["vehicle_id"] = vehicle["id"].clone();
    let (status, rdv) = post(&state, "/api/v1/rdv", &[("authorization", &auth_a)], body).await;
    assert_eq!(status, StatusCode::CREATED, "{rdv}");
    let centre: Uuid = sqlx::query_scalar("SELECT tenant_id FROM rdv WHERE id = $1")
        .bind(Uuid::parse_str(rdv["id"].as_str().unwrap()).unwrap())
        .fetch_one(&owner)
        .await
        .unwrap();
    assert_eq!(centre, a, "booked in the client's network");
    let (_, _, mine) = send(
        &state,
        Method::GET,
        "/api/v1/rdv/me",
        &[("authorization", &auth_a)],
        None,
    )
    .await;
    assert!(
        mine["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == rdv["id"]),
        "{mine}"
    );

    let id = rdv["id"].as_str().unwrap();
    for who in [&client_b, &staff_b] {
        for method in [Method::GET, Method::DELETE] {
            let (status, _, body) = send(
                &state,
                method.clone(),
                &format!("/api/v1/rdv/{id}"),
                &[("authorization", &bearer(who))],
                None,
            )
            .await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{method} {body}");
        }
    }
    let (_, _, mine_b) = send(
        &state,
        Method::GET,
        "/api/v1/rdv/me",
        &[("authorization", &bearer(&client_b))],
        None,
    )
    .await;
    assert!(
        !mine_b["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == rdv["id"])
    );
    let (status, _, _) = send(
        &state,
        Method::DELETE,
        &format!(
            "/api/v1/users/me/vehicles/{}",
            vehicle["id"].as_str().unwrap()
        ),
        &[("authorization", &bearer(&client_b))],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A path that is not a vehicle id is the same JSON 404, not the extractor's plain text.
    for (method, body) in [
        (Method::DELETE, None),
        (
            Method::PUT,
            Some(json!({ "immatriculation": "QR-654-ST", "vehicle_type": "VP", "fuel": "DIESEL" })),
        ),
    ] {
        let (status, _, answer) = send(
            &state,
            method,
            "/api/v1/users/me/vehicles/not-a-uuid",
            &[("authorization", &bearer(&client_b))],
            body,
        )
        .await;
        assert_eq!(
            (status, answer["code"].as_str()),
            (StatusCode::NOT_FOUND, Some("NOT_FOUND"))
        );
    }
    // Another client of the same network cannot read it either.
    let (client_a2, _) = common::user_token(&owner, Some(a), "CLIENT").await;
    let (status, _, body) = send(
        &state,
        Method::GET,
        &format!("/api/v1/rdv/{id}"),
        &[("authorization", &bearer(&client_a2))],
        None,
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("OUT_OF_SCOPE"))
    );
    // Nor can another booking's token open it.
    let fresh = slots(&state, "Lille", 3, &[]).await;
    let (_, other) = hold(
        &state,
        &[],
        fresh[0]["disponibilite_id"].as_str().unwrap(),
        "VA-987-WB",
        "o@test.fr",
    )
    .await;
    let (status, _, _) = send(
        &state,
        Method::GET,
        &format!("/api/v1/rdv/{id}"),
        &[("x-rdv-token", other["guest_token"].as_str().unwrap())],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, _, prefs) = send(
        &state,
        Method::PUT,
        "/api/v1/users/me/notifications",
        &[("authorization", &auth_a)],
        Some(json!({ "email": true, "sms": false, "reminder_j1": true, "reminder_h2": false })),
    )
    .await;
    assert_eq!(
        (status, prefs["sms"].as_bool()),
        (StatusCode::OK, Some(false))
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn committed_planning_changes_reach_the_engine(owner: PgPool) {
    let state = seeded(&owner).await;
    tokio::spawn(engine::sync::run(state.db.clone(), state.engine.clone()));
    let slot = slots(&state, "Rennes", 3, &[]).await[0].clone();
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
        withdrawn(&state, "Rennes", 3, &id).await,
        "the closure committed elsewhere closed the slot"
    );

    // A booking committed by another server instance (here: straight into the database) takes
    // the slot in this one too.
    let slot = slots(&state, "Brest", 3, &[]).await[0].clone();
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
        withdrawn(&state, "Brest", 3, &id).await,
        "a booking committed elsewhere is never offered here"
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn call_centre_operators_book_for_callers_in_their_network_only(owner: PgPool) {
    let state = seeded(&owner).await;
    let tenants: Vec<(Uuid, String)> = sqlx::query_as("SELECT id, slug FROM tenants ORDER BY slug")
        .fetch_all(&owner)
        .await
        .unwrap();
    let (own, _) = &tenants[0];
    let (operator, operator_id) = common::user_token(&owner, Some(*own), "CALL_CENTER").await;
    let auth = format!("Bearer {operator}");
    // The network a portal serves: by header (slug), else the configured default.
    let (status, _, tenant) = send(
        &state,
        Method::GET,
        "/api/v1/tenant",
        &[("x-tenant-id", &tenants[1].1)],
        None,
    )
    .await;
    assert_eq!(
        (status, tenant["slug"].as_str()),
        (StatusCode::OK, Some(tenants[1].1.as_str()))
    );
    let (status, _, _) = send(
        &state,
        Method::GET,
        "/api/v1/tenant",
        &[("x-tenant-id", "nope")],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let mine = slots(&state, "Paris", 3, &[("x-tenant-id", &own.to_string())]).await;
    let (status, rdv) = hold(
        &state,
        &[("authorization", &auth)],
        mine[0]["disponibilite_id"].as_str().unwrap(),
        "BC-234-DE",
        "caller@test.fr",
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{rdv}");
    let (source, created_by): (String, Option<Uuid>) =
        sqlx::query_as("SELECT source, created_by FROM rdv WHERE id = $1")
            .bind(Uuid::parse_str(rdv["id"].as_str().unwrap()).unwrap())
            .fetch_one(&owner)
            .await
            .unwrap();
    assert_eq!(
        (source.as_str(), created_by),
        ("call_center", Some(operator_id))
    );
    // The operator reads and moves it (network scope) without the guest token.
    let (status, _, _) = send(
        &state,
        Method::GET,
        &format!("/api/v1/rdv/{}", rdv["id"].as_str().unwrap()),
        &[("authorization", &auth)],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    let theirs = slots(
        &state,
        "Paris",
        3,
        &[("x-tenant-id", &tenants[1].0.to_string())],
    )
    .await;
    let (status, body) = hold(
        &state,
        &[("authorization", &auth)],
        theirs[0]["disponibilite_id"].as_str().unwrap(),
        "BC-235-DE",
        "caller@test.fr",
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("CROSS_TENANT"))
    );
}

/// A minimal SMTP server: accepts one session per connection, records each message's DATA,
/// and refuses recipients at `refuse.example`.
async fn fake_smtp() -> (u16, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let store = received.clone();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 fake ESMTP\r\n").await.unwrap();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(body) = data.as_mut() {
                        if line == "." {
                            store.lock().unwrap().push(std::mem::take(body));
                            data = None;
                            write
                                .write_all(b"250 2.0.0 queued as FAKE1\r\n")
                                .await
                                .unwrap();
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 fake\r\n",
                        "RCPT" if line.contains("refuse.example") => b"550 5.1.1 no such user\r\n",
                        "MAIL" | "RCPT" | "RSET" | "NOOP" => b"250 OK\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            return;
                        }
                        _ => b"500 unknown\r\n",
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (port, received)
}

/// A mock of smsmode's REST API recording the messages and their API key.
async fn fake_smsmode() -> (
    String,
    std::sync::Arc<std::sync::Mutex<Vec<(String, Value)>>>,
) {
    use axum::extract::State;
    use axum::http::HeaderMap;
    type Store = std::sync::Arc<std::sync::Mutex<Vec<(String, Value)>>>;
    async fn messages(
        State(store): State<Store>,
        headers: HeaderMap,
        axum::Json(body): axum::Json<Value>,
    ) -> (StatusCode, axum::Json<Value>) {
        let key = headers
            .get("x-api-key")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let id = format!("sms-{}", store.lock().unwrap().len() + 1);
        store.lock().unwrap().push((key, body));
        (
            StatusCode::CREATED,
            axum::Json(json!({ "messageId": id, "status": { "value": "ENROUTE" } })),
        )
    }
    let store: Store = Default::default();
    let router = axum::Router::new()
        .route("/sms/v1/messages", axum::routing::post(messages))
        .with_state(store.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (url, store)
}

#[sqlx::test(migrations = "./migrations")]
async fn with_smtp_and_an_sms_gateway_messages_go_through_them(owner: PgPool) {
    use reference_app::notify::{sms::SmsMode, smtp::Smtp, worker};
    let state = seeded(&owner).await;
    let (port, received) = fake_smtp().await;
    let (sms_url, texts) = fake_smsmode().await;
    let outlets = worker::Outlets {
        sms: Some(std::sync::Arc::new(SmsMode::new(
            &sms_url,
            "sms-key",
            "PTICalendar",
        ))),
        smtp: Some(std::sync::Arc::new(
            Smtp::new(
                &format!("smtp://127.0.0.1:{port}"),
                "PTI Calendar <no-reply@pti-calendar.fr>",
            )
            .unwrap(),
        )),
    };
    let free = slots(&state, "Toulouse", 3, &[]).await;
    let (_, ok) = hold(
        &state,
        &[],
        free[0]["disponibilite_id"].as_str().unwrap(),
        "EF-321-GH",
        "smtp.client@test.fr",
    )
    .await;
    pay(&state, &ok, "4242424242424242", "smtp-1").await;
    let (_, refused) = hold(
        &state,
        &[],
        free[4]["disponibilite_id"].as_str().unwrap(),
        "EF-322-GH",
        "someone@refuse.example",
    )
    .await;
    pay(&state, &refused, "4242424242424242", "smtp-2").await;

    worker::tick(&state.db, &state.engine, &outlets)
        .await
        .unwrap();
    let mails = received.lock().unwrap().clone();
    assert_eq!(mails.len(), 1, "{mails:?}");
    let mail = &mails[0];
    assert!(mail.contains("To: smtp.client@test.fr"), "{mail}");
    assert!(
        mail.contains("text/calendar") && mail.contains(".ics"),
        "{mail}"
    );
    let delivered: Vec<(String, String)> = sqlx::query_as(
        "SELECT channel, provider FROM notification_deliveries WHERE recipient IN ('smtp.client@test.fr', '06 12 34 56 78') ORDER BY channel",
    )
    .fetch_all(&owner)
    .await
    .unwrap();
    assert!(
        delivered.contains(&("email".to_owned(), "smtp".to_owned())),
        "{delivered:?}"
    );
    // The refused recipient's event stays undelivered, to be retried with back-off.
    let (attempts, delivered_at, error): (i32, Option<chrono::DateTime<Utc>>, Option<String>) = sqlx::query_as(
        "SELECT attempts, delivered_at, last_error FROM outbox WHERE aggregate_id = $1 AND event_type = 'rdv.confirmed'",
    )
    .bind(Uuid::parse_str(refused["id"].as_str().unwrap()).unwrap())
    .fetch_one(&owner)
    .await
    .unwrap();
    assert_eq!((attempts, delivered_at), (1, None), "{error:?}");
    let logged: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notification_deliveries WHERE recipient = 'someone@refuse.example'",
    )
    .fetch_one(&owner)
    .await
    .unwrap();
    assert_eq!(logged, 0, "a failed send is not logged as sent");
    // The confirmation SMS went through the gateway, in the international form.
    let texts = texts.lock().unwrap().clone();
    // One confirmation SMS per booking: the refused e-mail does not hold back its SMS.
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert_eq!(texts[0].0, "sms-key");
    assert_eq!(texts[0].1["recipient"]["to"], "33612345678");
    assert!(
        texts[0].1["body"]["text"]
            .as_str()
            .unwrap()
            .contains("RDV confirmé"),
        "{texts:?}"
    );
    let sms_provider: String = sqlx::query_scalar(
        "SELECT provider FROM notification_deliveries WHERE channel = 'sms' LIMIT 1",
    )
    .fetch_one(&owner)
    .await
    .unwrap();
    assert_eq!(sms_provider, "smsmode");
    // Nothing lands in the local mailbox any more.
    for recipient in ["smtp.client@test.fr", "06%2012%2034%2056%2078"] {
        let messages = mailbox(&state, recipient).await;
        assert_eq!(messages.as_array().map(Vec::len), Some(0), "{recipient}");
    }
}
