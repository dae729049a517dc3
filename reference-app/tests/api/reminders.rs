//! Reminders: a confirmed booking gets its J-1 reminder from 24 hours before and its H-2 from
//! two hours before, once each, unless it was made after that time, is no longer confirmed, its
//! client turned the reminder off or its network did.

use sqlx::PgPool;
use uuid::Uuid;

use crate::support::{Tenant, TestApp};

/// A drop-off booking of `tenant`'s first centre starting `in_minutes` from now, made
/// `made_minutes_ago`, for `email` (a guest) or `user`.
async fn booking(
    owner: &PgPool,
    tenant: Uuid,
    reference: &str,
    (in_minutes, made_minutes_ago): (i32, i32),
    status: &str,
    guest: Option<&str>,
    user: Option<Uuid>,
) {
    sqlx::query(
        "INSERT INTO rdv (tenant_id, reference, centre_id, user_id, guest_email, first_name, plate,
                          plate_normalized, vehicle_category, control_type, status, price_cents,
                          vat_cents, start_at, end_at, drop_off, created_at)
         SELECT $1, $2, c.id, $6, $5, 'Camille', 'RM-001-ND', 'RM001ND', 'VP', 'CT', $4, 7000,
                1167, now() + make_interval(mins => $3),
                now() + make_interval(mins => $3 + 40), true,
                now() - make_interval(mins => $7)
         FROM cts c WHERE c.tenant_id = $1 ORDER BY c.code LIMIT 1",
    )
    .bind(tenant)
    .bind(reference)
    .bind(in_minutes)
    .bind(status)
    .bind(guest)
    .bind(user)
    .bind(made_minutes_ago)
    .execute(owner)
    .await
    .unwrap();
}

/// The subjects of the e-mails kept for `recipient`, oldest first.
async fn subjects(owner: &PgPool, recipient: &str) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT coalesce(subject, '') FROM mailbox WHERE recipient = $1 AND channel = 'email'
         ORDER BY created_at, id",
    )
    .bind(recipient)
    .fetch_all(owner)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "./migrations")]
async fn each_reminder_goes_once_at_its_time_to_whoever_wants_it(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let tenant = app.tenant_id(Tenant::A);
    let day = 24 * 60;
    let client = app.user(Tenant::A, "CLIENT").await;
    sqlx::query(
        "UPDATE users SET notification_prefs = notification_prefs || '{\"reminder_j1\": false}'
         WHERE id = $1",
    )
    .bind(client.id)
    .execute(&owner)
    .await
    .unwrap();
    let cases = [
        (
            "RM-J1",
            (20 * 60, 2 * day),
            "confirmed",
            Some("j1@test.fr"),
            None,
        ),
        (
            "RM-H2",
            (90, 2 * day),
            "confirmed",
            Some("h2@test.fr"),
            None,
        ),
        (
            "RM-LATE",
            (20 * 60, 60),
            "confirmed",
            Some("late@test.fr"),
            None,
        ),
        (
            "RM-FAR",
            (30 * 60, 2 * day),
            "confirmed",
            Some("far@test.fr"),
            None,
        ),
        (
            "RM-OFF",
            (20 * 60, 2 * day),
            "confirmed",
            None,
            Some(client.id),
        ),
        (
            "RM-GONE",
            (20 * 60, 2 * day),
            "cancelled",
            Some("gone@test.fr"),
            None,
        ),
    ];
    for (reference, times, status, guest, user) in cases {
        booking(&owner, tenant, reference, times, status, guest, user).await;
    }

    app.tick().await;
    app.tick().await;
    let j1 = subjects(&owner, "j1@test.fr").await;
    assert_eq!(j1, ["Rappel : votre rendez-vous demain – RM-J1"], "once");
    let h2 = subjects(&owner, "h2@test.fr").await;
    assert_eq!(
        h2,
        ["Rappel : votre rendez-vous dans deux heures – RM-H2"],
        "the H-2 only: its J-1 time is long past"
    );
    let body: String =
        sqlx::query_scalar("SELECT body FROM mailbox WHERE recipient = 'j1@test.fr'")
            .fetch_one(&owner)
            .await
            .unwrap();
    assert!(
        body.contains("Bonjour Camille") && body.contains("carte grise"),
        "{body}"
    );
    for nobody in ["late@test.fr", "far@test.fr", "gone@test.fr"] {
        assert!(subjects(&owner, nobody).await.is_empty(), "{nobody}");
    }
    let queued: Vec<(String, String)> = sqlx::query_as(
        "SELECT r.reference, m.kind FROM rdv_reminders m JOIN rdv r ON r.id = m.booking_id
         WHERE r.reference LIKE 'RM-%' ORDER BY 1, 2",
    )
    .fetch_all(&owner)
    .await
    .unwrap();
    let expected = [("RM-H2", "h2"), ("RM-J1", "j1")].map(|(r, k)| (r.to_owned(), k.to_owned()));
    assert_eq!(
        queued, expected,
        "nothing for the client who turned J-1 off"
    );

    // A network that turns its J-1 reminders off sends none.
    sqlx::query(
        "UPDATE tenants SET settings = jsonb_set(coalesce(settings, '{}'), '{notification}',
             coalesce(settings -> 'notification', '{}') || '{\"reminder_j1\": false}')
         WHERE id = $1",
    )
    .bind(tenant)
    .execute(&owner)
    .await
    .unwrap();
    booking(
        &owner,
        tenant,
        "RM-NET",
        (20 * 60, 2 * day),
        "confirmed",
        Some("net@test.fr"),
        None,
    )
    .await;
    app.tick().await;
    assert!(subjects(&owner, "net@test.fr").await.is_empty());
}
