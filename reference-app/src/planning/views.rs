//! Answers of the planning routes: places, search results, free slots and centre calendars.

use chrono::{DateTime, FixedOffset, NaiveDate};
use pti_core::model::Centre;
use pti_core::places::Place;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A place offered for the search box.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Place)]
pub struct PlaceView {
    /// "Paris (75001)".
    pub label: String,
    /// Commune name.
    pub name: String,
    /// Main postcode.
    pub postcode: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lng: f64,
}

impl From<&Place> for PlaceView {
    fn from(p: &Place) -> Self {
        let postcode = p.postcodes.first().cloned().unwrap_or_default();
        Self {
            label: format!("{} ({postcode})", p.name),
            name: p.name.clone(),
            postcode,
            lat: p.location.lat,
            lng: p.location.lng,
        }
    }
}

/// The place searched from, as understood.
#[derive(Debug, Serialize, ToSchema)]
pub struct Origin {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lng: f64,
    /// The commune found for a free-text place ("Paris (75001)"); null for coordinates.
    pub label: Option<String>,
}

/// One centre found, with its price and first free slots.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResult {
    /// The centre.
    pub centre: CentreView,
    /// Great-circle distance from the origin, km, one decimal.
    pub distance_km: f64,
    /// Price of this inspection, cents, tax included.
    pub price_cents: i64,
    /// Of which VAT, cents.
    pub vat_cents: i64,
    /// How long the inspection takes here.
    pub duration_minutes: u32,
    /// The first free slots, in time order.
    pub slots: Vec<SlotView>,
}

/// Answer of `POST /disponibilites/search`.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResponse {
    /// Where the distances are measured from.
    pub origin: Origin,
    /// Centres, in the requested order.
    pub results: Vec<SearchResult>,
}

/// A centre as the public sees it.
#[derive(Clone, Debug, Serialize, ToSchema)]
#[schema(as = PublicCentre)]
pub struct CentreView {
    /// Id.
    pub id: Uuid,
    /// Its network.
    pub tenant_id: Uuid,
    /// Name.
    pub name: String,
    /// Street address.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lng: f64,
    /// Average rating, one decimal.
    pub rating: f64,
}

impl From<&Centre> for CentreView {
    fn from(c: &Centre) -> Self {
        Self {
            id: c.id.0,
            tenant_id: c.tenant_id.0,
            name: c.name.clone(),
            address: c.address.clone(),
            postcode: c.postcode.clone(),
            city: c.city.clone(),
            lat: c.location.lat,
            lng: c.location.lng,
            rating: (f64::from(c.rating) * 10.0).round() / 10.0,
        }
    }
}

/// A free slot with its opaque id.
#[derive(Clone, Debug, Serialize, ToSchema)]
#[schema(as = Slot)]
pub struct SlotView {
    /// What `POST /rdv` takes.
    pub disponibilite_id: String,
    /// Start, centre's local time.
    pub start: DateTime<FixedOffset>,
    /// End of the inspection.
    pub end: DateTime<FixedOffset>,
}

/// A day of the calendar and how many slots are free.
#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarDay {
    /// The day.
    pub date: NaiveDate,
    /// Free starts for this inspection (0 when closed or full).
    pub free: usize,
}

/// Answer of `GET /disponibilites/centres/{id}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct CentreCalendar {
    /// The centre.
    pub centre: CentreView,
    /// Price of this inspection, cents, tax included.
    pub price_cents: i64,
    /// Of which VAT, cents.
    pub vat_cents: i64,
    /// How long the inspection takes here.
    pub duration_minutes: u32,
    /// The month's days within the booking horizon.
    pub days: Vec<CalendarDay>,
    /// The day asked for with `date`, if any.
    pub date: Option<NaiveDate>,
    /// That day's free slots (empty without `date`).
    pub slots: Vec<SlotView>,
}
