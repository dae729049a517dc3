//! SQL of the payment service: payments, their invoices, refunds. Row-level security limits
//! every query to the transaction's tenant.

use serde_json::Value;
use sqlx::PgConnection;
use uuid::Uuid;

use super::status::ChargeStatus;
use crate::db::Code;

/// A payment as stored.
pub struct PaymentRow {
    /// Id.
    pub id: Uuid,
    /// The booking paid.
    pub booking_id: Uuid,
    /// How the charge ended.
    pub status: Code<ChargeStatus>,
    /// Amount, cents.
    pub amount_cents: i32,
    /// The provider's failure code, for a failed charge.
    pub failure_code: Option<String>,
    /// Card brand.
    pub card_brand: Option<String>,
    /// Last four digits.
    pub card_last4: Option<String>,
}

/// The payment made with this idempotency key.
pub async fn by_idempotency_key(
    conn: &mut PgConnection,
    key: &str,
) -> sqlx::Result<Option<PaymentRow>> {
    sqlx::query_as!(
        PaymentRow,
        r#"SELECT id, booking_id, status AS "status: Code<ChargeStatus>", amount_cents,
           failure_code, card_brand, card_last4 FROM payments WHERE idempotency_key = $1"#,
        key
    )
    .fetch_optional(conn)
    .await
}

/// A successful charge to record.
pub struct Succeeded<'a> {
    /// Payment id.
    pub id: Uuid,
    /// Tenant.
    pub tenant_id: Uuid,
    /// The booking paid.
    pub booking_id: Uuid,
    /// Provider name.
    pub provider: &'a str,
    /// The provider's id of the charge.
    pub provider_ref: &'a str,
    /// Amount, cents.
    pub amount_cents: i32,
    /// Of which VAT, cents.
    pub vat_cents: i32,
    /// Card brand.
    pub card_brand: &'a str,
    /// Last four digits.
    pub card_last4: &'a str,
    /// Idempotency key.
    pub idempotency_key: &'a str,
    /// Invoice number.
    pub invoice_number: &'a str,
    /// The invoice's customer (names, e-mail).
    pub customer: Value,
}

/// Records a successful charge with its invoice, confirms the booking it paid and announces
/// `rdv.confirmed`: one statement, on the booking's hot path.
pub async fn record_success(
    conn: &mut PgConnection,
    p: &Succeeded<'_>,
) -> sqlx::Result<PaymentRow> {
    sqlx::query_as!(
        PaymentRow,
        r#"WITH p AS (INSERT INTO payments (id, tenant_id, booking_id, provider, provider_ref,
           amount_cents, status, card_brand, card_last4, idempotency_key)
           VALUES ($1, $2, $3, $4, $5, $6, 'succeeded', $7, $8, $9)
           RETURNING id, booking_id, status, amount_cents, failure_code, card_brand, card_last4),
           confirmed AS (UPDATE rdv SET status = 'confirmed', payment_status = 'paid',
           hold_expires_at = NULL WHERE id = $3),
           invoiced AS (INSERT INTO invoices (tenant_id, number, booking_id, payment_id,
           amount_cents, vat_cents, customer) VALUES ($2, $10, $3, $1, $6, $11, $12)),
           event AS (INSERT INTO outbox (tenant_id, topic, event_type, aggregate_id, payload)
           VALUES ($2, 'rdv.events', 'rdv.confirmed', $3,
           json_build_object('rdv_id', $3::uuid, 'payment_id', $1::uuid)))
           SELECT id AS "id!", booking_id AS "booking_id!", status AS "status!: Code<ChargeStatus>",
           amount_cents AS "amount_cents!", failure_code, card_brand, card_last4 FROM p"#,
        p.id,
        p.tenant_id,
        p.booking_id,
        p.provider,
        p.provider_ref,
        p.amount_cents,
        p.card_brand,
        p.card_last4,
        p.idempotency_key,
        p.invoice_number,
        p.vat_cents,
        p.customer,
    )
    .fetch_one(conn)
    .await
}

/// A refused charge to record.
pub struct Failed<'a> {
    /// Payment id.
    pub id: Uuid,
    /// Tenant.
    pub tenant_id: Uuid,
    /// The booking.
    pub booking_id: Uuid,
    /// Provider name.
    pub provider: &'a str,
    /// Amount, cents.
    pub amount_cents: i32,
    /// Why (stable code).
    pub failure_code: &'a str,
    /// Idempotency key.
    pub idempotency_key: &'a str,
}

/// Records a refused charge and announces `payment.failed`.
pub async fn record_failure(conn: &mut PgConnection, p: &Failed<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        "WITH p AS (INSERT INTO payments (id, tenant_id, booking_id, provider, amount_cents, \
         status, failure_code, idempotency_key) VALUES ($1, $2, $3, $4, $5, 'failed', $6, $7)) \
         INSERT INTO outbox (tenant_id, topic, event_type, aggregate_id, payload) \
         VALUES ($2, 'payment.events', 'payment.failed', $3, \
         json_build_object('rdv_id', $3::uuid, 'code', $6::text))",
        p.id,
        p.tenant_id,
        p.booking_id,
        p.provider,
        p.amount_cents,
        p.failure_code,
        p.idempotency_key,
    )
    .execute(conn)
    .await
    .map(drop)
}

/// The booking's latest refundable payment: `(id, provider's ref, amount, refunded so far)`,
/// locked until the transaction ends.
pub async fn refundable(
    conn: &mut PgConnection,
    booking_id: Uuid,
) -> sqlx::Result<Option<(Uuid, Option<String>, i32, i32)>> {
    let row = sqlx::query!(
        "SELECT id, provider_ref, amount_cents, refunded_cents FROM payments \
         WHERE booking_id = $1 AND status IN ('succeeded', 'partially_refunded') \
         ORDER BY created_at DESC LIMIT 1 FOR UPDATE",
        booking_id
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| (r.id, r.provider_ref, r.amount_cents, r.refunded_cents)))
}

/// A refund made by the provider, to record.
pub struct Refunded<'a> {
    /// Tenant.
    pub tenant_id: Uuid,
    /// The payment refunded.
    pub payment_id: Uuid,
    /// The booking.
    pub booking_id: Uuid,
    /// Amount, cents.
    pub amount_cents: i32,
    /// The provider's id of the refund.
    pub provider_ref: &'a str,
    /// Idempotency key.
    pub idempotency_key: &'a str,
}

/// Records a refund, updates its payment and announces `payment.refunded`.
pub async fn record_refund(conn: &mut PgConnection, r: &Refunded<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        "WITH refund AS (INSERT INTO refunds (tenant_id, payment_id, amount_cents, reason, status, \
         provider_ref, idempotency_key) VALUES ($1, $2, $3, 'customer_cancellation', 'succeeded', \
         $4, $5)), \
         paid AS (UPDATE payments SET refunded_cents = refunded_cents + $3, \
         status = CASE WHEN refunded_cents + $3 >= amount_cents THEN 'refunded' \
         ELSE 'partially_refunded' END WHERE id = $2) \
         INSERT INTO outbox (tenant_id, topic, event_type, aggregate_id, payload) \
         VALUES ($1, 'payment.events', 'payment.refunded', $6, \
         json_build_object('rdv_id', $6::uuid, 'amount_cents', $3::int))",
        r.tenant_id,
        r.payment_id,
        r.amount_cents,
        r.provider_ref,
        r.idempotency_key,
        r.booking_id,
    )
    .execute(conn)
    .await
    .map(drop)
}
