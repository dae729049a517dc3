//! Use cases of the payment service: charging a held booking through the network's provider
//! (its own Stripe account, or the platform's; recording
//! the payment, its invoice and the confirmation), replaying an earlier attempt, and refunds.

use serde_json::json;
use sqlx::PgConnection;
use uuid::Uuid;

use super::Payments;
use super::repo::{self, Failed, Refunded, Succeeded};
use super::views::PaymentView;
use crate::error::{Error, Result};

/// What a charge is for: the booking and its customer.
pub struct Payable<'a> {
    /// The booking.
    pub booking_id: Uuid,
    /// Its tenant.
    pub tenant_id: Uuid,
    /// Its reference (the invoice number derives from it).
    pub reference: &'a str,
    /// Price, cents, tax included.
    pub price_cents: i32,
    /// Of which VAT, cents.
    pub vat_cents: i32,
    /// The customer's first name, last name and e-mail, for the invoice.
    pub customer: (&'a str, &'a str, Option<&'a str>),
}

/// How a charge ended.
pub enum Outcome {
    /// The booking is paid.
    Paid(PaymentView),
    /// The provider refused (402, with the reason's code); the hold stays.
    Refused(Error),
}

/// The attempt made with `key` for booking `booking_id`, if any; a key that paid another
/// booking is a 409 conflict.
pub async fn replay(
    conn: &mut PgConnection,
    key: &str,
    booking_id: Uuid,
) -> Result<Option<Outcome>> {
    let Some(previous) = repo::by_idempotency_key(conn, key).await? else {
        return Ok(None);
    };
    if previous.booking_id != booking_id {
        return Err(Error::conflict(
            "IDEMPOTENCY_CONFLICT",
            "this Idempotency-Key paid another booking",
        ));
    }
    Ok(Some(match previous.failure_code.as_deref() {
        Some(code) => Outcome::Refused(failure(code)),
        None => Outcome::Paid(previous.into()),
    }))
}

/// Charges `payable` on the card behind `card_token`. Success records the payment, the
/// invoice and the booking's confirmation; a refusal records the failed attempt. Either way
/// the caller commits.
pub async fn charge(
    conn: &mut PgConnection,
    payments: &Payments,
    payable: &Payable<'_>,
    card_token: &str,
    key: &str,
) -> Result<Outcome> {
    let provider = payments.provider_of(conn, payable.tenant_id).await?;
    let provider = provider.as_ref();
    let amount = i64::from(payable.price_cents);
    let id = Uuid::new_v4();
    match provider.charge(card_token.trim(), amount, key).await {
        Ok(charge) => {
            let (first_name, last_name, email) = payable.customer;
            let row = repo::record_success(
                conn,
                &Succeeded {
                    id,
                    tenant_id: payable.tenant_id,
                    booking_id: payable.booking_id,
                    provider: provider.name(),
                    provider_ref: &charge.provider_ref,
                    amount_cents: payable.price_cents,
                    vat_cents: payable.vat_cents,
                    card_brand: &charge.brand,
                    card_last4: &charge.last4,
                    idempotency_key: key,
                    invoice_number: &format!("F-{}", payable.reference.trim_start_matches("PTI-")),
                    customer: json!({ "first_name": first_name, "last_name": last_name, "email": email }),
                },
            )
            .await?;
            Ok(Outcome::Paid(row.into()))
        }
        Err(e) => {
            repo::record_failure(
                conn,
                &Failed {
                    id,
                    tenant_id: payable.tenant_id,
                    booking_id: payable.booking_id,
                    provider: provider.name(),
                    amount_cents: payable.price_cents,
                    failure_code: e.code(),
                    idempotency_key: key,
                },
            )
            .await?;
            Ok(Outcome::Refused(failure(e.code())))
        }
    }
}

/// Refunds up to `amount_cents` of booking `booking_id`'s payment through its provider,
/// recording the refund in the caller's transaction (nothing when nothing was paid).
pub async fn refund(
    conn: &mut PgConnection,
    payments: &Payments,
    tenant_id: Uuid,
    booking_id: Uuid,
    amount_cents: i64,
) -> Result<()> {
    let Some((payment_id, provider_ref, amount, refunded)) =
        repo::refundable(conn, booking_id).await?
    else {
        return Ok(());
    };
    let amount_cents = amount_cents.min(i64::from(amount - refunded));
    if amount_cents <= 0 {
        return Ok(());
    }
    let key = format!("refund-{booking_id}");
    let refund_ref = payments
        .provider_of(conn, tenant_id)
        .await?
        .refund(
            provider_ref.as_deref().unwrap_or_default(),
            amount_cents,
            &key,
        )
        .await
        .map_err(|e| failure(e.code()))?;
    repo::record_refund(
        conn,
        &Refunded {
            tenant_id,
            payment_id,
            booking_id,
            amount_cents: i32::try_from(amount_cents).unwrap_or(i32::MAX),
            provider_ref: &refund_ref,
            idempotency_key: &key,
        },
    )
    .await?;
    Ok(())
}

/// The 402 of a refused payment, with a French message per code.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::payment::PaymentError;

    #[test]
    fn every_provider_refusal_has_its_own_answer() {
        for e in [
            PaymentError::Declined,
            PaymentError::InsufficientFunds,
            PaymentError::InvalidToken,
            PaymentError::Provider("down".into()),
        ] {
            assert_eq!(failure(e.code()).code(), e.code());
            assert_eq!(failure(e.code()).status().as_u16(), 402);
        }
    }
}
