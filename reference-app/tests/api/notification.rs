//! Notifications: the worker sends confirmations through SMTP and an SMS gateway when they are
//! configured, retries what they refuse, and logs only what went out.

use chrono::Utc;
use sqlx::PgPool;
use uuid::Uuid;

use crate::support::{FakeSmsMode, FakeSmtp, TestApp};

#[sqlx::test(migrations = "./migrations")]
async fn with_smtp_and_an_sms_gateway_messages_go_through_them(owner: PgPool) {
    let smtp = FakeSmtp::start().await;
    let gateway = FakeSmsMode::start().await;
    let app = TestApp::builder(&owner)
        .seeded()
        .smtp(&smtp.url)
        .smsmode(&gateway.url, "sms-key")
        .spawn()
        .await;
    let free = app.slots("Toulouse", 3).await;
    let ok = app
        .hold(
            free[0]["disponibilite_id"].as_str().unwrap(),
            "EF-321-GH",
            "smtp.client@test.fr",
        )
        .send()
        .await
        .json;
    app.pay(&ok, "4242424242424242", "smtp-1").await;
    let refused = app
        .hold(
            free[4]["disponibilite_id"].as_str().unwrap(),
            "EF-322-GH",
            "someone@refuse.example",
        )
        .send()
        .await
        .json;
    app.pay(&refused, "4242424242424242", "smtp-2").await;

    app.tick().await;
    let mails = smtp.messages();
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
    let texts = gateway.messages();
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
        let messages = app.mailbox(recipient).await;
        assert_eq!(messages.as_array().map(Vec::len), Some(0), "{recipient}");
    }
}
