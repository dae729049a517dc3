//! Answers of the staff user routes.

use chrono::{DateTime, Utc};
use pti_core::policy::Role;
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;
use uuid::Uuid;

use super::repo::StaffRow;
use crate::domain::AccountStatus;
use crate::http::openapi::codes;

/// An account as staff management shows it (never its password).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct StaffUser {
    /// Id.
    pub id: Uuid,
    /// E-mail, lower case.
    pub email: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Phone.
    pub phone: Option<String>,
    /// Role code.
    #[schema(schema_with = codes::account_role)]
    pub role: Role,
    /// The agency (ADMIN_AGENCE; the centre's, for ADMIN_CT and CONTROLEUR).
    pub agency_id: Option<Uuid>,
    /// The centre (ADMIN_CT, CONTROLEUR).
    pub centre_id: Option<Uuid>,
    /// `active`, `invited` (no password chosen yet) or `disabled`.
    pub status: AccountStatus,
    /// Last sign-in.
    pub last_login_at: Option<DateTime<Utc>>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

impl From<&StaffRow> for StaffUser {
    fn from(u: &StaffRow) -> Self {
        Self {
            id: u.id,
            email: u.email.clone(),
            first_name: u.first_name.clone(),
            last_name: u.last_name.clone(),
            phone: u.phone.clone(),
            role: u.role.0,
            agency_id: u.agency_id,
            centre_id: u.centre_id,
            status: u.status.0,
            last_login_at: u.last_login_at,
            created_at: u.created_at,
        }
    }
}

impl StaffUser {
    /// This account as the audit trail records it: the fields an admin changes.
    pub fn audited(&self) -> Value {
        serde_json::json!({
            "email": self.email,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "phone": self.phone,
            "role": self.role,
            "agency_id": self.agency_id,
            "centre_id": self.centre_id,
            "status": self.status,
        })
    }
}

/// A page of accounts.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = StaffUserPage)]
pub struct StaffPage {
    /// The accounts of this page.
    pub items: Vec<StaffUser>,
    /// Pass as `cursor` for the next page; null on the last one.
    pub next_cursor: Option<String>,
    /// How many accounts the filters let through, over every page.
    pub total: i64,
}
