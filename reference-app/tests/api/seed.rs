//! The national seed's generator at a small size: counts, shares of statuses, bookings that
//! pti-core's own index accepts (no inspector booked twice at once, each in a shift) over the
//! past and the days ahead, payments and refunds, and rollups equal to the raw aggregates.

use chrono::{DateTime, Duration, Utc};
use pti_core::availability::{CentreAvailability, ExistingBooking};
use pti_core::model::{BookingId, InspectorId};
use reference_app::engine::{load, today};
use reference_app::seed::{self, national::Size};
use sqlx::PgPool;
use uuid::Uuid;

const SMALL: Size = Size {
    centres: 12,
    agency_centres: 5,
    clients: 40,
    bookings_per_year: 12_000,
    history_days: 30,
    future_days: 10,
    future_fill: 0.3,
};

/// A booking as the index places it, with its centre.
type Row = (Uuid, Uuid, Uuid, DateTime<Utc>, DateTime<Utc>);

async fn national(owner: &PgPool) -> Uuid {
    sqlx::query_scalar("SELECT id FROM tenants WHERE slug = 'reseau-national'")
        .fetch_one(owner)
        .await
        .unwrap()
}

async fn scalar(owner: &PgPool, sql: &str, tenant: Uuid) -> i64 {
    sqlx::query_scalar(sql)
        .bind(tenant)
        .fetch_one(owner)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "./migrations")]
async fn a_small_national_network_is_booked_as_the_engine_allows(owner: PgPool) {
    let summary = seed::run_sized(&owner, false, Some(&SMALL))
        .await
        .unwrap()
        .unwrap();
    let report = summary.national.unwrap();
    let tenant = national(&owner).await;
    assert_eq!(
        (report.centres, report.agencies, report.inspectors),
        (12, 3, 24)
    );
    assert_eq!(report.clients, 40);
    assert_eq!(report.staff, 1 + 20 + 3 + 12 + 24);
    let expected = 12_000.0 * 30.0 / 365.0;
    let past = report.past_bookings as f64;
    assert!(
        (past - expected).abs() < expected * 0.1,
        "{past} past bookings"
    );
    let most_ahead = 12.0 * 24.0 * 0.3 * 10.0;
    let ahead = report.future_bookings as f64;
    assert!(
        ahead > most_ahead * 0.5 && ahead < most_ahead * 1.1,
        "{ahead} ahead"
    );

    let count = |sql: &'static str| scalar(&owner, sql, tenant);
    assert_eq!(
        count("SELECT count(*) FROM rdv WHERE tenant_id = $1").await as u64,
        report.past_bookings + report.future_bookings
    );
    let overlaps = count(
        "SELECT count(*) FROM rdv a JOIN rdv b ON a.inspector_id = b.inspector_id
         AND a.id < b.id AND tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
         WHERE a.tenant_id = $1",
    )
    .await;
    assert_eq!(overlaps, 0);
    let share = |n: i64| n as f64 / past;
    let no_show = count("SELECT count(*) FROM rdv WHERE tenant_id = $1 AND status = 'no_show'");
    let cancelled = count("SELECT count(*) FROM rdv WHERE tenant_id = $1 AND status = 'cancelled'");
    let (no_show, cancelled) = (no_show.await, cancelled.await);
    assert!((0.02..0.09).contains(&share(no_show)), "{no_show} no-shows");
    assert!(
        (0.04..0.13).contains(&share(cancelled)),
        "{cancelled} cancelled"
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM rdv WHERE tenant_id = $1 AND start_at > now()
             AND status <> 'confirmed'"
        )
        .await,
        0
    );
    assert_eq!(
        report.payments,
        report.past_bookings + report.future_bookings
    );
    assert_eq!(report.refunds as i64, cancelled);
    assert_eq!(
        count(
            "SELECT count(*) FROM rdv r JOIN payments p ON p.booking_id = r.id
             WHERE r.tenant_id = $1 AND p.amount_cents = r.price_cents
               AND (p.status = 'refunded') = (r.status = 'cancelled')"
        )
        .await as u64,
        report.payments
    );

    // The rollups equal the raw aggregates, and the triggers are back on.
    let differences = count(
        "WITH raw AS (
             SELECT r.centre_id, date_trunc('month', r.start_at AT TIME ZONE 'Europe/Paris')::date AS month,
                    count(*) FILTER (WHERE r.status IN ('confirmed', 'completed', 'no_show')) AS booked,
                    count(*) FILTER (WHERE r.status = 'completed') AS completed,
                    count(*) FILTER (WHERE r.status = 'no_show') AS no_show,
                    count(*) FILTER (WHERE r.status = 'cancelled') AS cancelled,
                    sum(r.price_cents) FILTER (WHERE r.payment_status = 'paid') AS revenue
             FROM rdv r WHERE r.tenant_id = $1 GROUP BY 1, 2),
         kept AS (
             SELECT centre_id, month, booked::bigint, completed::bigint, no_show::bigint,
                    cancelled::bigint, revenue_cents FROM rdv_monthly WHERE tenant_id = $1)
         SELECT count(*) FROM ((SELECT * FROM raw EXCEPT SELECT * FROM kept)
                               UNION ALL (SELECT * FROM kept EXCEPT SELECT * FROM raw)) d",
    )
    .await;
    assert_eq!(differences, 0);
    let statistics = count(
        "SELECT (SELECT count(*) FROM rdv WHERE tenant_id = $1
                   AND status IN ('confirmed', 'in_progress', 'completed', 'no_show'))
              - (SELECT coalesce(sum(booked), 0) FROM rdv_stats_monthly WHERE tenant_id = $1)
              + (SELECT count(*) FROM payments WHERE tenant_id = $1 AND refunded_cents > 0)
              - (SELECT coalesce(sum(refunds), 0) FROM rdv_stats_monthly WHERE tenant_id = $1)",
    );
    assert_eq!(
        statistics.await,
        0,
        "the statistics' rollup counts the bookings and refunds"
    );
    let daily = count(
        "WITH raw AS (
             SELECT r.centre_id, (r.start_at AT TIME ZONE 'Europe/Paris')::date AS day,
                    count(*) AS booked
             FROM rdv r WHERE r.tenant_id = $1
               AND r.status IN ('confirmed', 'in_progress', 'completed', 'no_show')
             GROUP BY 1, 2),
         kept AS (SELECT centre_id, day, booked::bigint FROM rdv_daily
                  WHERE tenant_id = $1 AND booked > 0)
         SELECT count(*) FROM ((SELECT * FROM raw EXCEPT SELECT * FROM kept)
                               UNION ALL (SELECT * FROM kept EXCEPT SELECT * FROM raw)) d",
    );
    assert_eq!(
        daily.await,
        0,
        "the planning's day rollup equals the raw counts"
    );
    let holds = count("SELECT coalesce(sum(holds), 0) FROM funnel_daily WHERE tenant_id = $1");
    assert_eq!(
        holds.await as u64,
        report.past_bookings + report.future_bookings
    );
    let disabled = scalar(
        &owner,
        "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'rdv'::regclass AND NOT tgisinternal
         AND tgenabled = 'D' AND $1 IS NOT NULL",
        tenant,
    )
    .await;
    assert_eq!(disabled, 0);

    // pti-core's own index takes every booking back, past and ahead, with no misfit.
    let engine = load::load(&owner, today()).await.unwrap();
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, centre_id, inspector_id, start_at, end_at FROM rdv WHERE tenant_id = $1",
    )
    .bind(tenant)
    .fetch_all(&owner)
    .await
    .unwrap();
    let mut centres = 0;
    for centre in engine.index.centres().filter(|c| c.tenant_id.0 == tenant) {
        centres += 1;
        let mine = |past: bool| -> Vec<ExistingBooking> {
            rows.iter()
                .filter(|r| r.1 == centre.id.0 && (r.3 < Utc::now()) == past)
                .map(|r| ExistingBooking {
                    booking_id: BookingId(r.0),
                    inspector_id: InspectorId(r.2),
                    start: r.3,
                    duration_minutes: (r.4 - r.3).num_minutes() as u32,
                })
                .collect()
        };
        let first = today() - Duration::days(30);
        let (_, misfits) = CentreAvailability::build(centre, first, 30, &mine(true)).unwrap();
        assert!(misfits.is_empty(), "past misfits at {}", centre.name);
        let (_, misfits) =
            CentreAvailability::build(centre, engine.first_day, engine.days, &mine(false)).unwrap();
        assert!(misfits.is_empty(), "misfits ahead at {}", centre.name);
    }
    assert_eq!(centres, 12);
}

#[sqlx::test(migrations = "./migrations")]
async fn a_national_seed_leaves_a_database_with_networks_alone(owner: PgPool) {
    seed::run(&owner, false, seed::Scale::Demo)
        .await
        .unwrap()
        .unwrap();
    assert!(
        seed::run_sized(&owner, false, Some(&SMALL))
            .await
            .unwrap()
            .is_none()
    );
    let national: i64 =
        sqlx::query_scalar("SELECT count(*) FROM tenants WHERE slug = 'reseau-national'")
            .fetch_one(&owner)
            .await
            .unwrap();
    assert_eq!(national, 0);
}
