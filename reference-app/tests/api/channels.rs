//! A network's payment and notification channels: secrets are sealed, never answered (only
//! whether they are set and their last four characters), kept, replaced or cleared; bad values
//! are named; only the network's admin changes them; the payment flow and the worker use them;
//! a test e-mail goes through them.

use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::PgPool;
use uuid::Uuid;

use crate::support::{FakeSmtp, Tenant, TestApp};

const URI: &str = "/api/v1/admin/tenant/settings";
const TEST_EMAIL: &str = "/api/v1/admin/tenant/settings/notification/test";
const SECRET: &str = "sk_test_51Habcdefghij5678";

/// The port of a [`FakeSmtp`].
fn port(smtp: &FakeSmtp) -> u16 {
    smtp.url.rsplit(':').next().unwrap().parse().unwrap()
}

/// The settings document of `tenant` as stored.
async fn stored(owner: &PgPool, tenant: Uuid) -> Value {
    sqlx::query_scalar("SELECT settings FROM tenants WHERE id = $1")
        .bind(tenant)
        .fetch_one(owner)
        .await
        .unwrap()
}

/// Every audit row of the settings of `tenant`, as text.
async fn audit_text(owner: &PgPool, tenant: Uuid) -> String {
    let rows: Vec<Value> = sqlx::query_scalar(
        "SELECT details FROM audit_logs WHERE resource_type = 'settings' AND resource_id = $1 ORDER BY id",
    )
    .bind(tenant.to_string())
    .fetch_all(owner)
    .await
    .unwrap();
    Value::Array(rows).to_string()
}

#[sqlx::test(migrations = "./migrations")]
async fn secrets_are_sealed_answered_by_their_last_four_and_kept_replaced_or_cleared(
    owner: PgPool,
) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let tenant = app.tenant_id(Tenant::A);
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let fresh = app.get(URI).bearer(&admin).send().await;
    assert_eq!(fresh.status, StatusCode::OK, "{}", fresh.json);
    assert_eq!(fresh.json["payment"]["provider"], "sandbox");
    assert_eq!(
        fresh.json["payment"]["stripe_secret_key"],
        json!({ "set": false, "last4": null })
    );
    assert_eq!(fresh.json["notification"]["email_provider"], "platform");
    assert_eq!(fresh.json["notification"]["reminder_j1"], true);

    let set = app
        .put(URI)
        .bearer(&admin)
        .json(json!({ "payment": {
            "provider": "stripe",
            "stripe_publishable_key": "pk_test_51Hpublic",
            "stripe_secret_key": SECRET,
            "stripe_webhook_secret": "whsec_abcdefghijklmnop",
        } }))
        .send()
        .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.json);
    assert!(!set.text().contains(SECRET), "{}", set.text());
    let payment = &app.get(URI).bearer(&admin).send().await.json["payment"];
    assert_eq!(payment["provider"], "stripe");
    assert_eq!(payment["stripe_publishable_key"], "pk_test_51Hpublic");
    assert_eq!(
        payment["stripe_secret_key"],
        json!({ "set": true, "last4": "5678" })
    );
    assert_eq!(
        payment["stripe_webhook_secret"],
        json!({ "set": true, "last4": "mnop" })
    );
    let document = stored(&owner, tenant).await;
    let sealed = document["payment"]["stripe_secret_key"]["sealed"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        !document.to_string().contains("51Habcdefghij"),
        "{document}"
    );

    // Absent: kept as it was.
    let kept = app
        .put(URI)
        .bearer(&admin)
        .json(json!({ "payment": { "stripe_publishable_key": "pk_test_51Hother" } }))
        .send()
        .await;
    assert_eq!(kept.status, StatusCode::OK, "{}", kept.json);
    assert_eq!(
        stored(&owner, tenant).await["payment"]["stripe_secret_key"]["sealed"],
        sealed.as_str()
    );
    // A value: replaced, sealed anew.
    let replaced = app
        .put(URI)
        .bearer(&admin)
        .json(json!({ "payment": { "stripe_secret_key": "sk_live_51Hzyxwvutsrq9999" } }))
        .send()
        .await;
    assert_eq!(
        replaced.json["payment"]["stripe_secret_key"]["last4"],
        "9999"
    );
    assert_ne!(
        stored(&owner, tenant).await["payment"]["stripe_secret_key"]["sealed"],
        sealed.as_str()
    );
    // Null: cleared; Stripe then lacks its key, so the provider goes back first.
    let lacking = app
        .put(URI)
        .bearer(&admin)
        .json(json!({ "payment": { "stripe_secret_key": null } }))
        .send()
        .await;
    assert_eq!(
        lacking.refusal(),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("payment.stripe_secret_key")
        )
    );
    let cleared = app
        .put(URI)
        .bearer(&admin)
        .json(json!({ "payment": { "provider": "sandbox", "stripe_secret_key": null } }))
        .send()
        .await;
    assert_eq!(cleared.status, StatusCode::OK, "{}", cleared.json);
    assert_eq!(
        cleared.json["payment"]["stripe_secret_key"],
        json!({ "set": false, "last4": null })
    );
    assert!(
        stored(&owner, tenant).await["payment"]["stripe_secret_key"].is_null(),
        "nothing of it is left"
    );

    // The trail says that the secrets changed, never what they are, not even their end.
    let trail = audit_text(&owner, tenant).await;
    for leak in [SECRET, "51Habcdefghij", "5678", "9999", "mnop", "whsec_"] {
        assert!(!trail.contains(leak), "{leak} in {trail}");
    }
    assert!(trail.contains("payment.stripe_secret_key"), "{trail}");
    assert!(trail.contains("pk_test_51Hother"), "{trail}");
}

#[sqlx::test(migrations = "./migrations")]
async fn bad_channel_settings_are_named_and_write_nothing(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let before = app.get(URI).bearer(&admin).send().await.json;
    let cases = [
        (
            json!({ "payment": { "stripe_secret_key": "pk_test_123456" } }),
            "payment.stripe_secret_key",
        ),
        (
            json!({ "payment": { "stripe_secret_key": "sk_test_" } }),
            "payment.stripe_secret_key",
        ),
        (
            json!({ "payment": { "stripe_publishable_key": "sk_test_123" } }),
            "payment.stripe_publishable_key",
        ),
        (
            json!({ "payment": { "stripe_webhook_secret": "secret" } }),
            "payment.stripe_webhook_secret",
        ),
        (
            json!({ "payment": { "provider": "stripe" } }),
            "payment.stripe_secret_key",
        ),
        (
            json!({ "notification": { "email_provider": "smtp" } }),
            "notification.smtp_host",
        ),
        (
            json!({ "notification": { "email_provider": "smtp", "smtp_host": "mail.reseau.fr" } }),
            "notification.smtp_port",
        ),
        (
            json!({ "notification": { "smtp_host": "mail_reseau .fr" } }),
            "notification.smtp_host",
        ),
        (
            json!({ "notification": { "smtp_port": 0 } }),
            "notification.smtp_port",
        ),
        (
            json!({ "notification": { "smtp_port": 65536 } }),
            "notification.smtp_port",
        ),
        (
            json!({ "notification": { "email_provider": "brevo" } }),
            "notification.brevo_api_key",
        ),
        (
            json!({ "notification": { "brevo_api_key": "abc" } }),
            "notification.brevo_api_key",
        ),
        (
            json!({ "notification": { "sms_provider": "smsmode" } }),
            "notification.smsmode_api_key",
        ),
        (
            json!({ "notification": { "sender_email": "pas-une-adresse" } }),
            "notification.sender_email",
        ),
        (
            json!({ "notification": { "sender_name": "x".repeat(61) } }),
            "notification.sender_name",
        ),
    ];
    for (body, field) in cases {
        let mut body = body;
        body.as_object_mut()
            .unwrap()
            .insert("general".into(), json!({ "city": "Lyon" }));
        let answer = app.put(URI).bearer(&admin).json(body.clone()).send().await;
        assert_eq!(
            answer.refusal(),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{body}: {}",
            answer.json
        );
    }
    let unknown = app
        .put(URI)
        .bearer(&admin)
        .json(json!({ "payment": { "provider": "paypal" } }))
        .send()
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.get(URI).bearer(&admin).send().await.json, before);
}

#[sqlx::test(migrations = "./migrations")]
async fn without_a_secrets_key_a_secret_is_refused_and_everything_else_saved(owner: PgPool) {
    let app = TestApp::builder(&owner)
        .two_tenants()
        .no_secrets_key()
        .spawn()
        .await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let refused = app
        .put(URI)
        .bearer(&admin)
        .json(json!({ "notification": { "smtp_password": "motdepasse" } }))
        .send()
        .await;
    assert_eq!(
        (
            refused.status,
            refused.json["code"].as_str(),
            refused.json["details"]["field"].as_str()
        ),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("SECRETS_KEY_MISSING"),
            Some("notification.smtp_password")
        )
    );
    let saved = app
        .put(URI)
        .bearer(&admin)
        .json(json!({ "notification": {
            "email_provider": "smtp", "smtp_host": "127.0.0.1", "smtp_port": 2525, "smtp_tls": "none",
            "sender_name": "Contrôle Lyonnais", "sender_email": "rdv@lyon.fr", "reminder_h2": false,
            "smtp_password": null,
        } }))
        .send()
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.json);
    let n = &saved.json["notification"];
    assert_eq!(
        (
            n["smtp_port"].as_i64(),
            n["smtp_tls"].as_str(),
            n["reminder_h2"].as_bool()
        ),
        (Some(2525), Some("none"), Some(false))
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn only_the_networks_admin_changes_its_channels_or_sends_a_test(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let admin_a = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let set = app
        .put(URI)
        .bearer(&admin_a)
        .json(json!({ "notification": { "sms_provider": "smsmode", "smsmode_api_key": "smsmode-key-abcd1234" } }))
        .send()
        .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.json);
    for role in [
        "ADMIN_AGENCE",
        "ADMIN_CT",
        "CONTROLEUR",
        "CALL_CENTER",
        "CLIENT",
    ] {
        let token = app.user(Tenant::A, role).await.token;
        let put = app
            .put(URI)
            .bearer(&token)
            .json(json!({ "notification": { "sms_provider": "none" } }))
            .send()
            .await;
        let test = app.post(TEST_EMAIL).bearer(&token).send().await;
        assert_eq!(
            (put.status, test.status),
            (StatusCode::FORBIDDEN, StatusCode::FORBIDDEN),
            "{role}"
        );
    }
    let root = app.super_admin().await.token;
    assert_eq!(
        app.post(TEST_EMAIL).bearer(&root).send().await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post(TEST_EMAIL).send().await.status,
        StatusCode::UNAUTHORIZED
    );
    // The other network's admin sees and changes only its own channels.
    let admin_b = app.user(Tenant::B, "ADMIN_TENANT").await.token;
    let theirs = app.get(URI).bearer(&admin_b).send().await.json;
    assert_eq!(theirs["notification"]["sms_provider"], "platform");
    assert_eq!(theirs["notification"]["smsmode_api_key"]["set"], false);
    let changed = app
        .put(URI)
        .bearer(&admin_b)
        .json(json!({ "notification": { "sms_provider": "none" } }))
        .send()
        .await;
    assert_eq!(changed.status, StatusCode::OK);
    let ours = app.get(URI).bearer(&admin_a).send().await.json;
    assert_eq!(ours["notification"]["sms_provider"], "smsmode");
    assert_eq!(
        ours["notification"]["smsmode_api_key"],
        json!({ "set": true, "last4": "1234" })
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn a_test_email_goes_through_the_networks_channel_and_names_it(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let tenant = app.tenant_id(Tenant::A);
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    // No channel of its own, no platform relay: the local mailbox.
    let sent = app.post(TEST_EMAIL).bearer(&admin).send().await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.json);
    assert_eq!(sent.json["channel"], "mailbox");
    let recipient = sent.json["recipient"].as_str().unwrap().to_owned();
    let kept: Vec<String> =
        sqlx::query_scalar("SELECT subject FROM mailbox WHERE recipient = $1 AND tenant_id = $2")
            .bind(&recipient)
            .bind(tenant)
            .fetch_all(&owner)
            .await
            .unwrap();
    assert_eq!(kept, ["PTI Calendar – e-mail de test"]);
    // One every 30 seconds.
    let again = app.post(TEST_EMAIL).bearer(&admin).send().await;
    assert_eq!(
        (again.status, again.json["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("RATE_LIMITED"))
    );
    let later = || async {
        sqlx::query("UPDATE audit_logs SET created_at = created_at - interval '1 minute'")
            .execute(&owner)
            .await
            .unwrap();
    };

    // Its own SMTP server, as its sender.
    let smtp = FakeSmtp::start().await;
    let configured = app
        .put(URI)
        .bearer(&admin)
        .json(json!({ "notification": {
            "email_provider": "smtp", "smtp_host": "127.0.0.1", "smtp_port": port(&smtp),
            "smtp_tls": "none", "sender_name": "Contrôle Lyonnais", "sender_email": "rdv@lyon.fr",
        } }))
        .send()
        .await;
    assert_eq!(configured.status, StatusCode::OK, "{}", configured.json);
    later().await;
    let sent = app.post(TEST_EMAIL).bearer(&admin).send().await;
    assert_eq!(
        (sent.status, sent.json["channel"].as_str()),
        (StatusCode::OK, Some("smtp")),
        "{}",
        sent.json
    );
    let mails = smtp.messages();
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(mails[0].contains("rdv@lyon.fr"), "{}", mails[0]);
    assert!(
        mails[0].contains(&format!("To: {recipient}")),
        "{}",
        mails[0]
    );

    // A server that is not there: a stable code.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let closed_port = closed.local_addr().unwrap().port();
    drop(closed);
    app.put(URI)
        .bearer(&admin)
        .json(json!({ "notification": { "smtp_port": closed_port } }))
        .send()
        .await;
    later().await;
    let refused = app.post(TEST_EMAIL).bearer(&admin).send().await;
    assert_eq!(
        (refused.status, refused.json["code"].as_str()),
        (StatusCode::BAD_GATEWAY, Some("NOTIFICATION_UNREACHABLE")),
        "{}",
        refused.json
    );
    // Each attempt is audited with its channel and outcome.
    let outcomes: Vec<String> = sqlx::query_scalar(
        "SELECT details -> 'after' ->> 'outcome' FROM audit_logs WHERE action = 'tenant.notification.test' AND tenant_id = $1 ORDER BY id",
    )
    .bind(tenant)
    .fetch_all(&owner)
    .await
    .unwrap();
    assert_eq!(outcomes, ["SENT", "SENT", "NOTIFICATION_UNREACHABLE"]);
}

/// The network of booking `id`, as the tests name it.
async fn network_of(app: &TestApp, owner: &PgPool, id: &Value) -> Tenant {
    let tenant: Uuid = sqlx::query_scalar("SELECT tenant_id FROM rdv WHERE id = $1")
        .bind(Uuid::parse_str(id.as_str().unwrap()).unwrap())
        .fetch_one(owner)
        .await
        .unwrap();
    if tenant == app.tenant_id(Tenant::A) {
        Tenant::A
    } else {
        Tenant::B
    }
}

#[sqlx::test(migrations = "./migrations")]
async fn the_worker_sends_a_networks_emails_through_its_server_and_no_sms_when_it_wants_none(
    owner: PgPool,
) {
    let smtp = FakeSmtp::start().await;
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let free = app.slots("Toulouse", 3).await;
    let held = app
        .hold(
            free[0]["disponibilite_id"].as_str().unwrap(),
            "EF-321-GH",
            "own.smtp@test.fr",
        )
        .send()
        .await
        .json;
    let network = network_of(&app, &owner, &held["id"]).await;
    let admin = app.user(network, "ADMIN_TENANT").await.token;
    let configured = app
        .put(URI)
        .bearer(&admin)
        .json(json!({ "notification": {
            "email_provider": "smtp", "smtp_host": "127.0.0.1", "smtp_port": port(&smtp),
            "smtp_tls": "none", "sender_name": "Mon Réseau", "sender_email": "rdv@mon-reseau.fr",
            "sms_provider": "none",
        } }))
        .send()
        .await;
    assert_eq!(configured.status, StatusCode::OK, "{}", configured.json);
    let paid = app.pay(&held, "4242424242424242", "own-1").await;
    assert_eq!(paid.status, StatusCode::OK, "{}", paid.json);
    app.tick().await;
    let mails = smtp.messages();
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(mails[0].contains("To: own.smtp@test.fr"), "{}", mails[0]);
    assert!(mails[0].contains("rdv@mon-reseau.fr"), "{}", mails[0]);
    let deliveries: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT channel, provider, status FROM notification_deliveries WHERE booking_id = $1 ORDER BY channel",
    )
    .bind(Uuid::parse_str(held["id"].as_str().unwrap()).unwrap())
    .fetch_all(&owner)
    .await
    .unwrap();
    assert_eq!(
        deliveries,
        [
            ("email".into(), "smtp".into(), "sent".into()),
            ("sms".into(), "none".into(), "skipped".into()),
        ]
    );
    assert_eq!(
        app.mailbox("own.smtp%40test.fr").await,
        json!([]),
        "nothing left in the mailbox"
    );
}
