//! Answers of the admin routes.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// The public facts of a network, as a portal shows them.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TenantInfo {
    /// Id.
    pub id: Uuid,
    /// URL slug (`controle-auto-france`).
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Branding: colours, logo, portal texts.
    #[schema(value_type = Object)]
    pub branding: serde_json::Value,
}
