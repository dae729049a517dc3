//! The payment service: the provider seam ([`PaymentProvider`]: the sandbox by default, Stripe
//! when configured, a network's own Stripe account when its settings name one), the sandbox's
//! card vault (`POST /payment/tokenize`), charges with their
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

use sqlx::PgConnection;
use uuid::Uuid;

use crate::channels::{self, PAYMENT, PaymentChannel, PaymentProvider as Provider};
use crate::config::STRIPE_API;
use crate::secrets::Secrets;

pub use provider::{Charge, PaymentError, PaymentProvider, Sandbox};
pub use status::{ChargeStatus, PaymentStatus};
pub use stripe::Stripe;
pub use views::{CardToken, PaymentView};

/// The platform's payment provider, the sandbox's card vault when the sandbox is it, and what
/// a network's own Stripe account is reached with.
#[derive(Clone)]
pub struct Payments {
    /// Who charges and refunds for the networks without their own account.
    pub provider: Arc<dyn PaymentProvider>,
    /// The card vault of the sandbox (`None` with a real provider).
    pub sandbox: Option<Arc<Sandbox>>,
    /// Stripe's API root, for the networks' own accounts.
    pub stripe_api_base: String,
    /// The key that opens the networks' Stripe secret keys.
    pub secrets: Secrets,
}

impl Payments {
    /// The sandbox, which follows Stripe's test cards.
    pub fn sandbox() -> Self {
        let sandbox = Arc::new(Sandbox::default());
        Self {
            provider: sandbox.clone(),
            sandbox: Some(sandbox),
            stripe_api_base: STRIPE_API.to_owned(),
            secrets: Secrets::default(),
        }
    }

    /// Stripe at `api_base` with `secret_key`.
    pub fn stripe(api_base: &str, secret_key: &str) -> Self {
        Self {
            provider: Arc::new(Stripe::new(api_base, secret_key)),
            sandbox: None,
            stripe_api_base: api_base.to_owned(),
            secrets: Secrets::default(),
        }
    }

    /// Who charges for `tenant` (the transaction's network): its own Stripe account when its
    /// settings choose Stripe, the platform's provider otherwise.
    pub async fn provider_of(
        &self,
        conn: &mut PgConnection,
        tenant: Uuid,
    ) -> anyhow::Result<Arc<dyn PaymentProvider>> {
        let settings = channels::settings(conn, tenant).await?;
        let channel: PaymentChannel = channels::section(&settings, PAYMENT);
        if channel.provider != Provider::Stripe {
            return Ok(self.provider.clone());
        }
        let (Some(sealed), Some(key)) = (&channel.stripe_secret_key, self.secrets.key()) else {
            anyhow::bail!("network {tenant} chose Stripe but its secret key cannot be opened");
        };
        let secret = channels::open(key, tenant, "payment.stripe_secret_key", sealed)?;
        Ok(Arc::new(Stripe::new(&self.stripe_api_base, &secret)))
    }
}
