//! The payment service: the provider seam ([`PaymentProvider`]: the sandbox by default, Stripe
//! when configured), the sandbox's card vault (`POST /payment/tokenize`), charges with their
//! invoices, and refunds. Paying a booking is the booking service's use case (`rdv`), which
//! calls this one; this service calls no other.

mod provider;
mod repo;
pub mod routes;
pub mod service;
mod status;
mod stripe;
mod views;

use std::sync::Arc;

pub use provider::{Charge, PaymentError, PaymentProvider, Sandbox};
pub use status::{ChargeStatus, PaymentStatus};
pub use stripe::Stripe;
pub use views::{CardToken, PaymentView};

/// The configured payment provider, and the sandbox's card vault when the sandbox is it.
#[derive(Clone)]
pub struct Payments {
    /// Who charges and refunds.
    pub provider: Arc<dyn PaymentProvider>,
    /// The card vault of the sandbox (`None` with a real provider).
    pub sandbox: Option<Arc<Sandbox>>,
}

impl Payments {
    /// The sandbox, which follows Stripe's test cards.
    pub fn sandbox() -> Self {
        let sandbox = Arc::new(Sandbox::default());
        Self {
            provider: sandbox.clone(),
            sandbox: Some(sandbox),
        }
    }

    /// Stripe at `api_base` with `secret_key`.
    pub fn stripe(api_base: &str, secret_key: &str) -> Self {
        Self {
            provider: Arc::new(Stripe::new(api_base, secret_key)),
            sandbox: None,
        }
    }
}
