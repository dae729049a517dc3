//! The payment provider seam: charge a tokenized card, refund a charge. The sandbox is the
//! default; it follows Stripe's test cards.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::outbound::BoxFuture;

/// A successful charge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Charge {
    /// The provider's id of the charge (e.g. a PaymentIntent id).
    pub provider_ref: String,
    /// Card brand.
    pub brand: String,
    /// Last four digits.
    pub last4: String,
}

/// Why a charge or refund failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PaymentError {
    /// The bank declined the card.
    #[error("the card was declined")]
    Declined,
    /// Not enough funds.
    #[error("the card has insufficient funds")]
    InsufficientFunds,
    /// The card token is unknown or expired.
    #[error("the card token is unknown or expired")]
    InvalidToken,
    /// The provider could not be reached or answered an error.
    #[error("the payment provider failed: {0}")]
    Provider(String),
}

impl PaymentError {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            PaymentError::Declined => "CARD_DECLINED",
            PaymentError::InsufficientFunds => "INSUFFICIENT_FUNDS",
            PaymentError::InvalidToken => "INVALID_CARD_TOKEN",
            PaymentError::Provider(_) => "PAYMENT_PROVIDER_ERROR",
        }
    }
}

/// A payment service provider.
pub trait PaymentProvider: Send + Sync {
    /// The provider's name as stored in `payments.provider`.
    fn name(&self) -> &'static str;

    /// Charges `amount_cents` EUR on the card behind `token`; `idempotency_key` makes retries
    /// safe at the provider too.
    fn charge<'a>(
        &'a self,
        token: &'a str,
        amount_cents: i64,
        idempotency_key: &'a str,
    ) -> BoxFuture<'a, Result<Charge, PaymentError>>;

    /// Refunds `amount_cents` of the charge `provider_ref`; answers the refund's id.
    fn refund<'a>(
        &'a self,
        provider_ref: &'a str,
        amount_cents: i64,
        idempotency_key: &'a str,
    ) -> BoxFuture<'a, Result<String, PaymentError>>;
}

/// Stripe's test cards that the sandbox knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Succeeds,
    Declined,
    InsufficientFunds,
}

#[derive(Clone, Debug)]
struct Card {
    brand: String,
    last4: String,
    outcome: Outcome,
    created: Instant,
}

/// How long a sandbox card token lives.
const TOKEN_TTL: Duration = Duration::from_secs(30 * 60);

/// The sandbox provider: tokenizes cards on its own endpoint (the booking API never sees a card
/// number) and answers like Stripe's test mode: 4000 0000 0000 0002 is declined,
/// 4000 0000 0000 9995 has insufficient funds, any other valid number succeeds.
#[derive(Default)]
pub struct Sandbox {
    cards: Mutex<HashMap<String, Card>>,
    charges: Mutex<HashMap<String, Charge>>,
}

/// A card number that fails the checks of the tokenize endpoint.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    /// Not 12 to 19 digits passing the Luhn check.
    #[error("card_number: not a valid card number")]
    Number,
    /// The expiry is past or malformed.
    #[error("card_expiry: the card has expired")]
    Expired,
    /// Not 3 or 4 digits.
    #[error("card_cvc: 3 or 4 digits")]
    Cvc,
}

impl CardError {
    /// The field at fault.
    pub fn field(&self) -> &'static str {
        match self {
            CardError::Number => "card_number",
            CardError::Expired => "exp_month",
            CardError::Cvc => "cvc",
        }
    }
}

/// The Luhn checksum of a digit string.
pub fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let d2 = d * 2;
                if d2 > 9 { d2 - 9 } else { d2 }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn brand_of(digits: &str) -> &'static str {
    match digits.as_bytes() {
        [b'4', ..] => "visa",
        [b'5', b'1'..=b'5', ..] | [b'2', ..] => "mastercard",
        [b'3', b'4' | b'7', ..] => "amex",
        _ => "card",
    }
}

fn random_id(prefix: &str) -> String {
    format!("{prefix}_{}", uuid::Uuid::new_v4().simple())
}

impl Sandbox {
    /// Tokenizes a card: `(token, brand, last4)`. `today` is `(year, month)`.
    pub fn tokenize(
        &self,
        number: &str,
        exp_month: u32,
        exp_year: u32,
        cvc: &str,
        today: (u32, u32),
    ) -> Result<(String, String, String), CardError> {
        let digits: String = number
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if !(12..=19).contains(&digits.len())
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || !luhn(&digits)
        {
            return Err(CardError::Number);
        }
        let year = if exp_year < 100 {
            2000 + exp_year
        } else {
            exp_year
        };
        if !(1..=12).contains(&exp_month) || (year, exp_month) < today {
            return Err(CardError::Expired);
        }
        if !(3..=4).contains(&cvc.len()) || !cvc.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CardError::Cvc);
        }
        let outcome = match digits.as_str() {
            "4000000000000002" => Outcome::Declined,
            "4000000000009995" => Outcome::InsufficientFunds,
            _ => Outcome::Succeeds,
        };
        let card = Card {
            brand: brand_of(&digits).to_owned(),
            last4: digits[digits.len() - 4..].to_owned(),
            outcome,
            created: Instant::now(),
        };
        let token = random_id("tok");
        let mut cards = self.cards.lock().unwrap_or_else(|p| p.into_inner());
        cards.retain(|_, c| c.created.elapsed() < TOKEN_TTL);
        cards.insert(token.clone(), card.clone());
        Ok((token, card.brand, card.last4))
    }
}

impl PaymentProvider for Sandbox {
    fn name(&self) -> &'static str {
        "sandbox"
    }

    fn charge<'a>(
        &'a self,
        token: &'a str,
        _amount_cents: i64,
        idempotency_key: &'a str,
    ) -> BoxFuture<'a, Result<Charge, PaymentError>> {
        Box::pin(async move {
            let mut charges = self.charges.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(done) = charges.get(idempotency_key) {
                return Ok(done.clone());
            }
            let card = self
                .cards
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .get(token)
                .filter(|c| c.created.elapsed() < TOKEN_TTL)
                .cloned()
                .ok_or(PaymentError::InvalidToken)?;
            match card.outcome {
                Outcome::Declined => Err(PaymentError::Declined),
                Outcome::InsufficientFunds => Err(PaymentError::InsufficientFunds),
                Outcome::Succeeds => {
                    let charge = Charge {
                        provider_ref: random_id("pi_sandbox"),
                        brand: card.brand,
                        last4: card.last4,
                    };
                    charges.insert(idempotency_key.to_owned(), charge.clone());
                    Ok(charge)
                }
            }
        })
    }

    fn refund<'a>(
        &'a self,
        _provider_ref: &'a str,
        _amount_cents: i64,
        _idempotency_key: &'a str,
    ) -> BoxFuture<'a, Result<String, PaymentError>> {
        Box::pin(async move { Ok(random_id("re_sandbox")) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: (u32, u32) = (2026, 11);

    #[test]
    fn luhn_accepts_test_cards_and_rejects_typos() {
        assert!(luhn("4242424242424242"));
        assert!(luhn("4000000000000002"));
        assert!(!luhn("4242424242424241"));
    }

    #[tokio::test]
    async fn stripe_test_cards_behave_like_stripe() {
        let sandbox = Sandbox::default();
        let tok = |n: &str| sandbox.tokenize(n, 12, 2030, "123", TODAY).unwrap().0;
        let ok = tok("4242 4242 4242 4242");
        let charge = sandbox.charge(&ok, 7900, "k1").await.unwrap();
        assert_eq!(
            (charge.brand.as_str(), charge.last4.as_str()),
            ("visa", "4242")
        );
        assert_eq!(
            sandbox.charge(&ok, 7900, "k1").await.unwrap(),
            charge,
            "idempotent"
        );
        assert_eq!(
            sandbox.charge(&tok("4000000000000002"), 1, "k2").await,
            Err(PaymentError::Declined)
        );
        assert_eq!(
            sandbox.charge(&tok("4000000000009995"), 1, "k3").await,
            Err(PaymentError::InsufficientFunds)
        );
        assert_eq!(
            sandbox.charge("tok_forged", 1, "k4").await,
            Err(PaymentError::InvalidToken)
        );
    }

    #[test]
    fn bad_cards_name_the_field() {
        let s = Sandbox::default();
        assert_eq!(
            s.tokenize("4242", 12, 2030, "123", TODAY).unwrap_err(),
            CardError::Number
        );
        assert_eq!(
            s.tokenize("4242424242424242", 10, 2026, "123", TODAY)
                .unwrap_err(),
            CardError::Expired
        );
        assert_eq!(
            s.tokenize("4242424242424242", 12, 30, "12", TODAY)
                .unwrap_err(),
            CardError::Cvc
        );
        assert!(
            s.tokenize("4242424242424242", 11, 26, "123", TODAY).is_ok(),
            "this month is valid"
        );
    }
}
