//! Answers of the user routes.

use chrono::{DateTime, Utc};
use pti_core::model::{Fuel, VehicleCategory};
use pti_core::policy::Role;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::repo::{UserRow, VehicleRow};
use crate::http::openapi::codes;

/// A user as the API shows it (never the password hash).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct User {
    /// Id.
    pub id: Uuid,
    /// Tenant (None for the super admin).
    pub tenant_id: Option<Uuid>,
    /// E-mail, lower case.
    pub email: String,
    /// Phone.
    pub phone: Option<String>,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Role code.
    #[schema(value_type = String)]
    pub role: Role,
    /// The agency the user works for (ADMIN_AGENCE, and centre staff).
    pub agency_id: Option<Uuid>,
    /// The centre the user works at (ADMIN_CT, CONTROLEUR).
    pub centre_id: Option<Uuid>,
    /// Notification preferences.
    #[schema(value_type = Object)]
    pub notification_prefs: serde_json::Value,
    /// Account status.
    pub status: String,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

impl From<UserRow> for User {
    fn from(u: UserRow) -> Self {
        Self {
            id: u.id,
            tenant_id: u.tenant_id,
            email: u.email,
            phone: u.phone,
            first_name: u.first_name,
            last_name: u.last_name,
            role: u.role.0,
            agency_id: u.agency_id,
            centre_id: u.centre_id,
            notification_prefs: u.notification_prefs,
            status: u.status,
            created_at: u.created_at,
        }
    }
}

/// Tokens answered by register, login and refresh.
#[derive(Debug, Serialize, ToSchema)]
pub struct Tokens {
    /// RS256 JWT, 1 h.
    pub access_token: String,
    /// Opaque, 30 days, single use.
    pub refresh_token: String,
    /// Always `Bearer`.
    #[schema(value_type = String, example = "Bearer")]
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// The user, on register and login.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
}

/// A saved vehicle.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Vehicle)]
pub struct VehicleView {
    /// Id.
    pub id: Uuid,
    /// Plate.
    pub immatriculation: String,
    /// Category code.
    #[schema(schema_with = codes::vehicle_type)]
    pub vehicle_type: VehicleCategory,
    /// Fuel code.
    #[schema(schema_with = codes::fuel)]
    pub fuel: Fuel,
    /// Make.
    pub marque: Option<String>,
    /// Model.
    pub modele: Option<String>,
    /// Year.
    pub annee: Option<i16>,
}

impl From<VehicleRow> for VehicleView {
    fn from(v: VehicleRow) -> Self {
        Self {
            id: v.id,
            immatriculation: v.plate,
            vehicle_type: v.category.0,
            fuel: v.fuel.0,
            marque: v.make,
            modele: v.model,
            annee: v.year,
        }
    }
}

/// Notification preferences.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NotificationPrefs)]
pub struct Prefs {
    /// E-mails.
    pub email: bool,
    /// SMS.
    pub sms: bool,
    /// Reminder the day before.
    pub reminder_j1: bool,
    /// Reminder two hours before.
    pub reminder_h2: bool,
}
