//! Holding a slot, paying for it, its documents and confirmation; bad input; expired holds.

use axum::http::{Method, StatusCode};
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

use crate::support::{TestApp, booking_body, pdf_text};

#[sqlx::test(migrations = "./migrations")]
async fn a_guest_books_pays_and_is_notified(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let places = app.get("/api/v1/places/suggest?q=lyo").send().await;
    assert_eq!(places.status, StatusCode::OK);
    let places = places.json.as_array().unwrap();
    assert!(places.iter().any(|p| p["name"] == "Lyon"), "{places:?}");

    let slot = app.slots("Paris", 3).await[0]["disponibilite_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let held = app
        .hold(&slot, "ab 123 cd", "jean.dupont@test.com")
        .idempotency_key("book-1")
        .send()
        .await;
    assert_eq!(held.status, StatusCode::CREATED, "{}", held.json);
    let rdv = held.json;
    assert_eq!(
        (rdv["status"].as_str(), rdv["immatriculation"].as_str()),
        (Some("pending_payment"), Some("AB-123-CD"))
    );
    assert!(rdv["hold_expires_at"].is_string());
    // Each hold takes one inspector: the start stays offered while another one is free there.
    let mut fills = 0;
    while app.offered("Paris", 3, &slot).await {
        fills += 1;
        assert!(fills < 10, "holds never filled the slot");
        let fill = app
            .hold(&slot, &format!("EF-{fills:03}-GH"), "autre@test.com")
            .idempotency_key(&format!("fill-{fills}"))
            .send()
            .await;
        assert_eq!(fill.status, StatusCode::CREATED, "{}", fill.json);
    }
    let full = app.hold(&slot, "EF-100-GH", "autre@test.com").send().await;
    assert_eq!(
        (full.status, full.json["code"].as_str()),
        (StatusCode::CONFLICT, Some("SLOT_TAKEN")),
        "a slot no longer offered cannot be held"
    );
    // Retrying with the same key answers the same booking.
    let again = app
        .hold(&slot, "ab 123 cd", "jean.dupont@test.com")
        .idempotency_key("book-1")
        .send()
        .await;
    assert_eq!(
        (again.status, &again.json["id"]),
        (StatusCode::OK, &rdv["id"])
    );

    let declined = app.pay(&rdv, "4000 0000 0000 0002", "pay-1").await;
    assert_eq!(
        (declined.status, declined.json["code"].as_str()),
        (StatusCode::PAYMENT_REQUIRED, Some("CARD_DECLINED"))
    );
    let short = app.pay(&rdv, "4000000000009995", "pay-2").await;
    assert_eq!(
        (short.status, short.json["code"].as_str()),
        (StatusCode::PAYMENT_REQUIRED, Some("INSUFFICIENT_FUNDS"))
    );
    let paid = app.pay(&rdv, "4242 4242 4242 4242", "pay-3").await;
    assert_eq!(paid.status, StatusCode::OK, "{}", paid.json);
    let paid = paid.json;
    assert_eq!(
        (
            paid["rdv"]["status"].as_str(),
            paid["payment"]["card_last4"].as_str()
        ),
        (Some("confirmed"), Some("4242"))
    );
    let replay = app.pay(&rdv, "4242 4242 4242 4242", "pay-3").await;
    assert_eq!(
        (replay.status, &replay.json["payment"]["id"]),
        (StatusCode::OK, &paid["payment"]["id"]),
        "replay"
    );
    let twice = app.pay(&rdv, "4242 4242 4242 4242", "pay-4").await;
    assert_eq!(
        (twice.status, twice.json["code"].as_str()),
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
    let ics = app
        .get(&format!("/api/v1/rdv/{id}/ics?token={token}"))
        .send()
        .await;
    let calendar = String::from_utf8(ics.bytes).unwrap();
    assert_eq!(ics.status, StatusCode::OK);
    assert!(
        calendar.starts_with("BEGIN:VCALENDAR\r\n") && calendar.contains("STATUS:CONFIRMED"),
        "{calendar}"
    );
    let pdf = app
        .get(&format!("/api/v1/rdv/{id}/pdf"))
        .guest(token)
        .send()
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    let confirmation = pdf_text(&pdf.bytes);
    for expected in [rdv["reference"].as_str().unwrap(), "Confirmé", "Payé"] {
        assert!(
            confirmation.contains(expected),
            "{expected}: {confirmation}"
        );
    }
    let forged = app.rdv(Method::GET, id).guest("forged").send().await;
    assert_eq!(
        forged.status,
        StatusCode::NOT_FOUND,
        "a wrong token finds nothing"
    );

    app.tick().await;
    let mail = app.mailbox("jean.dupont@test.com").await;
    let mail = mail.as_array().unwrap();
    assert_eq!(mail.len(), 1, "{mail:?}");
    assert!(
        mail[0]["subject"]
            .as_str()
            .unwrap()
            .starts_with("Votre rendez-vous est confirmé")
    );
    assert_eq!(mail[0]["attachments"][0]["content_type"], "text/calendar");
    let sms = app.mailbox("06%2012%2034%2056%2078").await;
    assert_eq!(sms.as_array().map(Vec::len), Some(1), "{sms}");
    // A second tick sends nothing twice.
    app.tick().await;
    let mail = app.mailbox("jean.dupont@test.com").await;
    assert_eq!(mail.as_array().map(Vec::len), Some(1));
}

#[sqlx::test(migrations = "./migrations")]
async fn bad_input_is_refused_with_the_field_named(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let slot = app.slots("Lyon", 3).await[0]["disponibilite_id"]
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
        let answer = app.post("/api/v1/rdv").json(body).send().await;
        assert_eq!(
            (
                answer.status,
                answer.json["code"].as_str(),
                answer.json["details"]["field"].as_str()
            ),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(code), Some(field)),
            "{}",
            answer.json
        );
    }
    let answer = app
        .post("/api/v1/disponibilites/search")
        .json(json!({ "place": "Xyzzyville" }))
        .send()
        .await;
    assert_eq!(
        (answer.status, answer.json["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("PLACE_NOT_FOUND"))
    );
    let answer = app
        .post("/api/v1/disponibilites/search")
        .json(json!({ "place": "Paris", "radius_km": 0 }))
        .send()
        .await;
    assert_eq!(
        answer.refusal(),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("radius_km"))
    );
    let answer = app
        .post("/api/v1/payment/tokenize")
        .json(json!({ "card_number": "4242424242424241", "exp_month": 12, "exp_year": 2030, "cvc": "123" }))
        .send()
        .await;
    assert_eq!(
        answer.refusal(),
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
async fn expired_holds_are_released(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let slot = app.slots("Nantes", 3).await[0]["disponibilite_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let rdv = app
        .hold(&slot, "LM-321-NP", "late.payer@test.fr")
        .send()
        .await
        .json;
    sqlx::query("UPDATE rdv SET hold_expires_at = now() - interval '1 second' WHERE id = $1")
        .bind(Uuid::parse_str(rdv["id"].as_str().unwrap()).unwrap())
        .execute(&owner)
        .await
        .unwrap();
    let (released, _) = app.tick().await;
    assert_eq!(released, 1);
    assert!(app.offered("Nantes", 3, &slot).await);
    let late = app.pay(&rdv, "4242424242424242", "late").await;
    assert_eq!(
        (late.status, late.json["code"].as_str()),
        (StatusCode::CONFLICT, Some("HOLD_EXPIRED"))
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn a_refusal_carries_its_facts(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let slot = app.slots("Paris", 3).await[0]["disponibilite_id"]
        .as_str()
        .unwrap()
        .to_owned();
    // The same centre and inspection, half an hour from now: inside the 2 h notice.
    let soon = chrono::Utc::now().timestamp() + 30 * 60;
    let mut parts: Vec<String> = slot.split('.').map(str::to_owned).collect();
    parts[1] = soon.to_string();
    let answer = app
        .hold(&parts.join("."), "AB-123-CD", "a@b.fr")
        .send()
        .await;
    assert_eq!(
        (answer.status, answer.json["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("NOTICE_TOO_SHORT")),
        "{}",
        answer.json
    );
    let earliest = answer.json["details"]["earliest"].as_str().unwrap();
    let earliest = chrono::DateTime::parse_from_rfc3339(earliest).unwrap();
    assert!(
        earliest.timestamp() >= soon + 60 * 60,
        "the earliest bookable start is the notice after now: {}",
        answer.json
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn concurrent_retries_with_one_key_make_one_booking(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let slot = app.slots("Lyon", 3).await[0]["disponibilite_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let (app, slot) = (app.clone(), slot.clone());
            tokio::spawn(async move {
                app.hold(&slot, "AB-123-CD", "a@b.fr")
                    .idempotency_key("retry-1")
                    .send()
                    .await
            })
        })
        .collect();
    let mut ids = Vec::new();
    let mut created = 0;
    for t in tasks {
        let answer = t.await.unwrap();
        match answer.status {
            StatusCode::CREATED => created += 1,
            StatusCode::OK => {}
            status => panic!("{status}: {}", answer.json),
        }
        ids.push(answer.json["id"].clone());
    }
    assert_eq!(created, 1, "one request of the eight makes the booking");
    assert!(
        ids.len() == 8 && ids.windows(2).all(|w| w[0] == w[1]),
        "the others answer it: {ids:?}"
    );
    let again = app
        .hold(&slot, "AB-123-CD", "a@b.fr")
        .idempotency_key("retry-1")
        .send()
        .await;
    assert_eq!((again.status, &again.json["id"]), (StatusCode::OK, &ids[0]));
    let booked: i64 =
        sqlx::query_scalar("SELECT count(*) FROM rdv WHERE idempotency_key = 'retry-1'")
            .fetch_one(&owner)
            .await
            .unwrap();
    assert_eq!(booked, 1);
}
