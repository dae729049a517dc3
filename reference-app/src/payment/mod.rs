//! Payments: `POST /payment/tokenize` (the sandbox's card vault) and `POST /payment/process`
//! (pay a held booking, idempotent by `Idempotency-Key`); refunds for cancellations.

pub mod provider;
pub mod stripe;

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use chrono::{Datelike, Utc};
use pti_core::model::TenantId;
use pti_core::policy::Action;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::PgConnection;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::booking::access::{self, Access, Caller};
use crate::booking::repo::RdvRow;
use crate::booking::view::RdvView;
use crate::error::{Error, Result};
use crate::http::openapi::{Conflict, NotFound, PaymentFailed};
use crate::http::{ApiJson, AppState};
use crate::notify::outbox;
pub use provider::{PaymentError, PaymentProvider, Sandbox};
pub use stripe::Stripe;

/// The payment routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(tokenize))
        .routes(routes!(process))
}

/// Body of `POST /payment/tokenize`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Card)]
pub struct CardBody {
    /// Card number (spaces allowed).
    #[schema(example = "4242 4242 4242 4242")]
    pub card_number: String,
    /// Expiry month, 1–12.
    #[schema(minimum = 1, maximum = 12)]
    pub exp_month: u32,
    /// Expiry year (2030 or 30).
    pub exp_year: u32,
    /// Security code.
    pub cvc: String,
}

/// A card kept in the sandbox's vault.
#[derive(Debug, Serialize, ToSchema)]
pub struct CardToken {
    /// What `POST /payment/process` takes as `card_token`.
    pub token: String,
    /// `visa`, `mastercard`, ...
    pub brand: String,
    /// The card's last four digits.
    pub last4: String,
}

/// Tokenize a card (sandbox provider).
///
/// The sandbox's own card vault, so card numbers never reach the booking API. It follows
/// Stripe's test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined,
/// 4000 0000 0000 9995 has insufficient funds. 404 when a real provider is configured.
#[utoipa::path(
    post,
    path = "/api/v1/payment/tokenize",
    tag = "payments",
    operation_id = "tokenize",
    security(()),
    request_body = CardBody,
    responses(
        (status = 200, description = "The card's token", body = CardToken),
        (status = 404, response = NotFound),
    )
)]
#[tracing::instrument(skip_all)]
async fn tokenize(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<CardBody>,
) -> Result<Json<CardToken>> {
    let sandbox = state.sandbox.as_ref().ok_or(Error::NotFound)?;
    let now = Utc::now();
    let (token, brand, last4) = sandbox
        .tokenize(
            &body.card_number,
            body.exp_month,
            body.exp_year,
            body.cvc.trim(),
            (now.year() as u32, now.month()),
        )
        .map_err(|e| Error::validation(e.field(), e.to_string()))?;
    Ok(Json(CardToken {
        token,
        brand: brand.to_owned(),
        last4,
    }))
}

/// Body of `POST /payment/process`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = PaymentRequest)]
pub struct ProcessBody {
    /// The booking to pay.
    pub rdv_id: String,
    /// The card token from `/payment/tokenize`.
    pub card_token: String,
}

#[derive(sqlx::FromRow)]
struct PaymentRow {
    id: Uuid,
    booking_id: Uuid,
    status: String,
    amount_cents: i32,
    failure_code: Option<String>,
    card_brand: Option<String>,
    card_last4: Option<String>,
}

/// A payment as the API answers it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Payment)]
pub struct PaymentView {
    /// Id.
    pub id: Uuid,
    /// `succeeded` (a failed payment answers an error instead).
    pub status: String,
    /// Amount charged, cents, tax included.
    pub amount_cents: i32,
    /// Card brand.
    pub card_brand: Option<String>,
    /// The card's last four digits.
    pub card_last4: Option<String>,
}

impl From<PaymentRow> for PaymentView {
    fn from(p: PaymentRow) -> Self {
        Self {
            id: p.id,
            status: p.status,
            amount_cents: p.amount_cents,
            card_brand: p.card_brand,
            card_last4: p.card_last4,
        }
    }
}

/// Answer of `POST /payment/process`: the payment and the confirmed booking.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = PaymentResult)]
pub struct PaymentResultView {
    /// The payment.
    pub payment: PaymentView,
    /// The booking, now `confirmed`.
    pub rdv: RdvView,
}

fn failure(code: &str) -> Error {
    let (code, message) = match code {
        "CARD_DECLINED" => ("CARD_DECLINED", "Votre carte a été refusée."),
        "INSUFFICIENT_FUNDS" => ("INSUFFICIENT_FUNDS", "Fonds insuffisants sur cette carte."),
        "INVALID_CARD_TOKEN" => (
            "INVALID_CARD_TOKEN",
            "Les données de carte ont expiré : saisissez-les à nouveau.",
        ),
        _ => (
            "PAYMENT_PROVIDER_ERROR",
            "Le paiement n'a pas pu aboutir, réessayez.",
        ),
    };
    Error::PaymentFailed {
        code,
        message: message.to_owned(),
    }
}

/// Pay a held booking.
///
/// Charges the booking's price through the configured provider and confirms it. The
/// `Idempotency-Key` header is required: a retry with the same key answers the first result
/// and never charges twice. A failed payment keeps the hold (402 with the reason's code).
#[utoipa::path(
    post,
    path = "/api/v1/payment/process",
    tag = "payments",
    operation_id = "pay",
    security(("bearer" = []), ("rdvToken" = []), ("rdvTokenQuery" = [])),
    params(("Idempotency-Key" = String, Header, description = "Required: one charge per key")),
    request_body = ProcessBody,
    responses(
        (status = 200, description = "Paid and confirmed", body = PaymentResultView),
        (status = 402, response = PaymentFailed),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
#[tracing::instrument(skip_all)]
async fn process(
    State(state): State<AppState>,
    headers: HeaderMap,
    caller: Caller,
    ApiJson(body): ApiJson<ProcessBody>,
) -> Result<Json<PaymentResultView>> {
    let key = crate::booking::idempotency_key(&headers)?.ok_or_else(|| Error::BadRequest {
        code: "IDEMPOTENCY_KEY_REQUIRED",
        message: "send an Idempotency-Key header to pay".to_owned(),
        details: json!({ "field": "Idempotency-Key" }),
    })?;
    let Access { mut tx, row, .. } =
        access::open(&state, &body.rdv_id, &caller, Action::Update, true).await?;
    let policy = state.engine.read().policy(TenantId(row.tenant_id));
    // A replay answers what the first attempt answered.
    let previous: Option<PaymentRow> = sqlx::query_as(
        "SELECT id, booking_id, status, amount_cents, failure_code, card_brand, card_last4 \
         FROM payments WHERE idempotency_key = $1",
    )
    .bind(&key)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(p) = previous {
        tx.commit().await?;
        if p.booking_id != row.id {
            return Err(Error::conflict(
                "IDEMPOTENCY_CONFLICT",
                "this Idempotency-Key paid another booking",
            ));
        }
        return match p.failure_code.as_deref() {
            Some(code) => Err(failure(code)),
            None => Ok(Json(PaymentResultView {
                rdv: row.view(&policy, Utc::now()),
                payment: p.into(),
            })),
        };
    }
    if row.payment_status == "paid" || row.status == "confirmed" {
        return Err(Error::conflict(
            "ALREADY_PAID",
            "this booking is already paid",
        ));
    }
    if row.status != "pending_payment" || row.hold_expires_at.is_none_or(|t| t <= Utc::now()) {
        return Err(Error::conflict(
            "HOLD_EXPIRED",
            "the slot was released: the 10-minute hold expired",
        ));
    }
    let provider = state.payments.as_ref();
    let amount = i64::from(row.price_cents);
    let charged = provider.charge(body.card_token.trim(), amount, &key).await;
    let payment_id = Uuid::new_v4();
    match charged {
        Ok(charge) => {
            // The payment, the confirmation, the invoice and the event: one statement.
            let p: PaymentRow = sqlx::query_as(
                "WITH p AS (INSERT INTO payments (id, tenant_id, booking_id, provider, provider_ref, \
                 amount_cents, status, card_brand, card_last4, idempotency_key) \
                 VALUES ($1, $2, $3, $4, $5, $6, 'succeeded', $7, $8, $9) \
                 RETURNING id, booking_id, status, amount_cents, failure_code, card_brand, card_last4), \
                 confirmed AS (UPDATE rdv SET status = 'confirmed', payment_status = 'paid', \
                 hold_expires_at = NULL WHERE id = $3), \
                 invoiced AS (INSERT INTO invoices (tenant_id, number, booking_id, payment_id, \
                 amount_cents, vat_cents, customer) VALUES ($2, $10, $3, $1, $6, $11, $12)), \
                 event AS (INSERT INTO outbox (tenant_id, topic, event_type, aggregate_id, payload) \
                 VALUES ($2, $13, 'rdv.confirmed', $3, json_build_object('rdv_id', $3, 'payment_id', $1))) \
                 SELECT * FROM p",
            )
            .bind(payment_id)
            .bind(row.tenant_id)
            .bind(row.id)
            .bind(provider.name())
            .bind(&charge.provider_ref)
            .bind(row.price_cents)
            .bind(&charge.brand)
            .bind(&charge.last4)
            .bind(&key)
            .bind(format!("F-{}", row.reference.trim_start_matches("PTI-")))
            .bind(row.vat_cents)
            .bind(json!({ "first_name": row.first_name, "last_name": row.last_name, "email": row.email }))
            .bind(outbox::Topic::Rdv.name())
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            let mut fresh = row;
            fresh.status = "confirmed".to_owned();
            fresh.payment_status = "paid".to_owned();
            fresh.hold_expires_at = None;
            Ok(Json(PaymentResultView {
                payment: p.into(),
                rdv: fresh.view(&policy, Utc::now()),
            }))
        }
        Err(e) => {
            sqlx::query(
                "INSERT INTO payments (id, tenant_id, booking_id, provider, amount_cents, status, \
                 failure_code, idempotency_key) VALUES ($1, $2, $3, $4, $5, 'failed', $6, $7)",
            )
            .bind(payment_id)
            .bind(row.tenant_id)
            .bind(row.id)
            .bind(provider.name())
            .bind(row.price_cents)
            .bind(e.code())
            .bind(&key)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE rdv SET payment_status = 'failed' WHERE id = $1")
                .bind(row.id)
                .execute(&mut *tx)
                .await?;
            outbox::append(
                &mut tx,
                row.tenant_id,
                outbox::Topic::Payment,
                "payment.failed",
                row.id,
                json!({ "rdv_id": row.id, "code": e.code() }),
            )
            .await?;
            tx.commit().await?;
            Err(failure(e.code()))
        }
    }
}

/// Refunds `amount_cents` of a booking's successful payment through its provider, recording the
/// refund in the caller's transaction.
pub async fn refund(
    state: &AppState,
    conn: &mut PgConnection,
    row: &RdvRow,
    amount_cents: i64,
) -> Result<()> {
    let paid: Option<(Uuid, Option<String>, i32, i32)> = sqlx::query_as(
        "SELECT id, provider_ref, amount_cents, refunded_cents FROM payments \
         WHERE booking_id = $1 AND status IN ('succeeded', 'partially_refunded') \
         ORDER BY created_at DESC LIMIT 1 FOR UPDATE",
    )
    .bind(row.id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((payment_id, provider_ref, amount, refunded)) = paid else {
        return Ok(());
    };
    let amount_cents = amount_cents.min(i64::from(amount - refunded));
    if amount_cents <= 0 {
        return Ok(());
    }
    let key = format!("refund-{}", row.id);
    let refund_ref = state
        .payments
        .refund(
            provider_ref.as_deref().unwrap_or_default(),
            amount_cents,
            &key,
        )
        .await
        .map_err(|e| failure(e.code()))?;
    let cents = i32::try_from(amount_cents).unwrap_or(i32::MAX);
    sqlx::query(
        "INSERT INTO refunds (tenant_id, payment_id, amount_cents, reason, status, provider_ref, idempotency_key) \
         VALUES ($1, $2, $3, 'customer_cancellation', 'succeeded', $4, $5)",
    )
    .bind(row.tenant_id)
    .bind(payment_id)
    .bind(cents)
    .bind(&refund_ref)
    .bind(&key)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE payments SET refunded_cents = refunded_cents + $2, \
         status = CASE WHEN refunded_cents + $2 >= amount_cents THEN 'refunded' ELSE 'partially_refunded' END \
         WHERE id = $1",
    )
    .bind(payment_id)
    .bind(cents)
    .execute(&mut *conn)
    .await?;
    outbox::append(
        conn,
        row.tenant_id,
        outbox::Topic::Payment,
        "payment.refunded",
        row.id,
        json!({ "rdv_id": row.id, "amount_cents": amount_cents }),
    )
    .await?;
    Ok(())
}
