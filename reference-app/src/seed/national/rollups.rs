//! What follows from the bookings, set-based: `rdv`'s and `payments`' row triggers (the
//! reports' rollups, the engine's notifications) are off while the bookings stream in, then
//! the payments, the refunds and the rollups are written in one statement each, as the
//! migrations' backfills do, and the planner's statistics refreshed.

use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// The tables whose own triggers keep rollups: off while the seed loads them.
const ROLLED_UP: [&str; 2] = ["rdv", "payments"];

/// Turns off `rdv`'s and `payments`' own triggers for the transaction's load (the constraint
/// triggers of their foreign keys stay on). Taken back by [`resume`], or by the transaction's
/// rollback.
pub async fn pause(tx: &mut PgConnection) -> sqlx::Result<()> {
    for table in ROLLED_UP {
        sqlx::query(&format!("ALTER TABLE {table} DISABLE TRIGGER USER"))
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// Turns their triggers back on.
pub async fn resume(tx: &mut PgConnection) -> sqlx::Result<()> {
    for table in ROLLED_UP {
        sqlx::query(&format!("ALTER TABLE {table} ENABLE TRIGGER USER"))
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// The sandbox card payment of each paid or refunded booking of `tenant`, and the refund of
/// each refunded one (ids derived from the booking's, so that a seed is repeatable); answers
/// how many of each.
pub async fn payments(tx: &mut PgConnection, tenant: Uuid) -> sqlx::Result<(u64, u64)> {
    let payments = sqlx::query(
        "INSERT INTO payments (id, tenant_id, booking_id, provider, provider_ref, amount_cents, \
         refunded_cents, status, card_brand, card_last4, idempotency_key, created_at, updated_at) \
         SELECT md5('payment' || r.id)::uuid, r.tenant_id, r.id, 'sandbox', \
                'pi_seed_' || replace(r.id::text, '-', ''), r.price_cents, \
                CASE WHEN r.payment_status = 'refunded' THEN r.price_cents ELSE 0 END, \
                CASE WHEN r.payment_status = 'refunded' THEN 'refunded' ELSE 'succeeded' END, \
                'visa', '4242', 'seed-' || r.id, r.created_at, r.updated_at \
         FROM rdv r WHERE r.tenant_id = $1 AND r.payment_status IN ('paid', 'refunded')",
    )
    .bind(tenant)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let refunds = sqlx::query(
        "INSERT INTO refunds (id, tenant_id, payment_id, amount_cents, reason, status, \
         provider_ref, idempotency_key, created_at) \
         SELECT md5('refund' || p.id)::uuid, p.tenant_id, p.id, p.refunded_cents, \
                'Annulation du client', 'succeeded', 're_seed_' || replace(p.id::text, '-', ''), \
                'seed-refund-' || p.id, p.updated_at \
         FROM payments p WHERE p.tenant_id = $1 AND p.status = 'refunded'",
    )
    .bind(tenant)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    Ok((payments, refunds))
}

/// Rebuilds `tenant`'s rollups from its bookings: `rdv_monthly` and `rdv_daily` as the triggers
/// keep them, `rdv_stats_monthly` by its own rebuild function, and
/// `funnel_daily`: each centre's holds and payments on the local day the booking was made,
/// with synthetic slot views (4 per hold) and searches (9 per hold at a centre; an agency's
/// and the network's searches, each search counted once per subject, 70 % and 50 % of the
/// sum of their centres').
pub async fn rebuild(tx: &mut PgConnection, tenant: Uuid) -> sqlx::Result<()> {
    for table in ["rdv_monthly", "rdv_daily", "funnel_daily"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE tenant_id = $1"))
            .bind(tenant)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "INSERT INTO rdv_monthly (tenant_id, centre_id, month, booked, completed, no_show, \
         cancelled, revenue_cents) \
         SELECT r.tenant_id, r.centre_id, \
                date_trunc('month', r.start_at AT TIME ZONE coalesce(c.time_zone, 'Europe/Paris'))::date, \
                count(*) FILTER (WHERE r.status IN ('confirmed', 'in_progress', 'completed', 'no_show')), \
                count(*) FILTER (WHERE r.status = 'completed'), \
                count(*) FILTER (WHERE r.status = 'no_show'), \
                count(*) FILTER (WHERE r.status = 'cancelled'), \
                coalesce(sum(r.price_cents) FILTER (WHERE r.payment_status = 'paid' \
                    OR (r.payment_status = 'on_site' AND r.status = 'completed')), 0) \
         FROM rdv r LEFT JOIN cts c ON c.id = r.centre_id \
         WHERE r.tenant_id = $1 AND (r.status IN ('confirmed', 'in_progress', 'completed', \
               'no_show', 'cancelled') OR r.payment_status = 'paid') \
         GROUP BY 1, 2, 3",
    )
    .bind(tenant)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "WITH counted AS ( \
             SELECT r.tenant_id, r.centre_id, \
                    (r.start_at AT TIME ZONE coalesce(c.time_zone, 'Europe/Paris'))::date AS day, \
                    extract(hour FROM r.start_at AT TIME ZONE coalesce(c.time_zone, 'Europe/Paris'))::int \
                        AS hour, \
                    count(*)::int AS n \
             FROM rdv r LEFT JOIN cts c ON c.id = r.centre_id \
             WHERE r.tenant_id = $1 \
               AND r.status IN ('confirmed', 'in_progress', 'completed', 'no_show') \
             GROUP BY 1, 2, 3, 4) \
         INSERT INTO rdv_daily (tenant_id, centre_id, day, booked, by_hour) \
         SELECT d.tenant_id, d.centre_id, d.day, sum(coalesce(k.n, 0))::int, \
                array_agg(coalesce(k.n, 0) ORDER BY h) \
         FROM (SELECT DISTINCT tenant_id, centre_id, day FROM counted) d \
         CROSS JOIN generate_series(0, 23) h \
         LEFT JOIN counted k \
             ON (k.tenant_id, k.centre_id, k.day, k.hour) = (d.tenant_id, d.centre_id, d.day, h) \
         GROUP BY 1, 2, 3",
    )
    .bind(tenant)
    .execute(&mut *tx)
    .await?;
    sqlx::query("SELECT rdv_stats_rebuild($1)")
        .bind(tenant)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "WITH centre_days AS ( \
             SELECT r.tenant_id, (r.created_at AT TIME ZONE 'Europe/Paris')::date AS day, \
                    r.centre_id, c.agency_id, count(*)::int AS holds, \
                    count(*) FILTER (WHERE r.payment_status IN ('paid', 'refunded'))::int AS paid \
             FROM rdv r JOIN cts c ON c.id = r.centre_id \
             WHERE r.tenant_id = $1 GROUP BY 1, 2, 3, 4), \
         rows AS ( \
             SELECT tenant_id, day, centre_id AS subject_id, 9 * holds AS searches, \
                    4 * holds AS slot_views, holds, paid FROM centre_days \
             UNION ALL \
             SELECT tenant_id, day, agency_id, (0.7 * 9 * sum(holds))::int, 0, 0, 0 \
             FROM centre_days GROUP BY 1, 2, 3 \
             UNION ALL \
             SELECT tenant_id, day, tenant_id, (0.5 * 9 * sum(holds))::int, 0, 0, 0 \
             FROM centre_days GROUP BY 1, 2) \
         INSERT INTO funnel_daily (tenant_id, day, subject_id, searches, slot_views, holds, paid) \
         SELECT * FROM rows",
    )
    .bind(tenant)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Refreshes the planner's statistics of every table.
pub async fn analyze(owner: &PgPool) -> sqlx::Result<()> {
    sqlx::query("ANALYZE").execute(owner).await.map(drop)
}
