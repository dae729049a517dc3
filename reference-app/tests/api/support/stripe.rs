//! The application's Stripe adapter, reached outside the application (its payment provider seam).

use super::server::{PaymentProvider, Stripe};

/// The Stripe adapter, as the server builds it.
pub struct StripeAdapter(Stripe);

/// A charge the adapter reports.
#[derive(Debug, PartialEq, Eq)]
pub struct Charge {
    /// The provider's id of the charge (the PaymentIntent id).
    pub provider_ref: String,
    /// The card brand.
    pub brand: String,
    /// The card's last four digits.
    pub last4: String,
}

impl StripeAdapter {
    /// The adapter on the Stripe API at `base`, signing in with `secret_key`.
    pub fn new(base: &str, secret_key: &str) -> Self {
        Self(Stripe::new(base, secret_key))
    }

    /// Charges `amount_cents` EUR on the card behind `token`; a failure answers its stable code
    /// (`CARD_DECLINED`, `INSUFFICIENT_FUNDS`, `INVALID_CARD_TOKEN`, `PAYMENT_PROVIDER_ERROR`).
    pub async fn charge(
        &self,
        token: &str,
        amount_cents: i64,
        idempotency_key: &str,
    ) -> Result<Charge, &'static str> {
        match self.0.charge(token, amount_cents, idempotency_key).await {
            Ok(c) => Ok(Charge {
                provider_ref: c.provider_ref,
                brand: c.brand,
                last4: c.last4,
            }),
            Err(e) => Err(e.code()),
        }
    }

    /// Refunds `amount_cents` of the charge `provider_ref` and answers the refund's id; a
    /// failure answers its stable code.
    pub async fn refund(
        &self,
        provider_ref: &str,
        amount_cents: i64,
        idempotency_key: &str,
    ) -> Result<String, &'static str> {
        self.0
            .refund(provider_ref, amount_cents, idempotency_key)
            .await
            .map_err(|e| e.code())
    }
}
