//! Answers of the agency routes.

use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;
use uuid::Uuid;

/// An agency (agence): a group of centres with its own address and contacts.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Agency {
    /// Id.
    pub id: Uuid,
    /// Tenant.
    pub tenant_id: Uuid,
    /// Code, unique in the tenant (upper case).
    pub code: String,
    /// Name.
    pub name: String,
    /// Street address.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lng: Option<f64>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// `active` or `inactive`.
    pub status: String,
    /// Its centres, whatever their status.
    pub centre_count: i64,
}

impl Agency {
    /// The agency's own fields, as the audit trail records them.
    pub fn audited(&self) -> Value {
        let mut fields = serde_json::to_value(self).unwrap_or(Value::Null);
        if let Some(map) = fields.as_object_mut() {
            map.remove("centre_count");
            map.remove("tenant_id");
        }
        fields
    }
}
