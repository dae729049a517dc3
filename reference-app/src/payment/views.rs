//! Answers of the payment service.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::repo::PaymentRow;
use super::status::ChargeStatus;

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

/// A payment as the API answers it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Payment)]
pub struct PaymentView {
    /// Id.
    pub id: Uuid,
    /// `succeeded` (a failed payment answers an error instead).
    #[schema(value_type = String)]
    pub status: ChargeStatus,
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
            status: p.status.0,
            amount_cents: p.amount_cents,
            card_brand: p.card_brand,
            card_last4: p.card_last4,
        }
    }
}
