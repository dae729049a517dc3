//! Public search: the network a portal serves (`GET /tenant`), French places for the search box
//! (`GET /places/suggest`), the geo-ranked availability search (`POST /disponibilites/search`)
//! and one centre's month calendar (`GET /disponibilites/centres/{id}`). All answered from the
//! in-memory engine; no database query on the search path.

pub mod slot_id;

use std::sync::OnceLock;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use pti_core::Coded;
use pti_core::availability::{DayPart, FreeSlot, Need, TimeFilter};
use pti_core::model::{
    Agreements, Centre, CentreId, ControlType, DateRange, Fuel, GeoPoint, Money, TenantId,
    VehicleCategory,
};
use pti_core::places::{Gazetteer, Place};
use pti_core::search::{Area, SearchQuery, SortBy};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::MaybePrincipal;
use crate::engine::{Engine, today};
use crate::error::{Error, Result};
use crate::http::openapi::{BadRequest, NotFound, Unprocessable};
use crate::http::{ApiJson, AppState};
use crate::user::repo::{TenantInfo, resolve_tenant_info};
pub use slot_id::SlotKey;

/// The communes table shipped with the app.
static COMMUNES_CSV: &str = include_str!("../../data/communes.csv");

/// The places of France, parsed once.
pub fn gazetteer() -> &'static Gazetteer {
    static PLACES: OnceLock<Gazetteer> = OnceLock::new();
    PLACES.get_or_init(|| {
        Gazetteer::from_csv(COMMUNES_CSV).expect("reference-app/data/communes.csv parses")
    })
}

/// The public search routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(current_tenant))
        .routes(routes!(suggest))
        .routes(routes!(search))
        .routes(routes!(centre_calendar))
}

/// The network this portal serves.
///
/// The network named by `X-Tenant-ID`, else the request's host (a network's domain), else
/// the server's default network.
#[utoipa::path(
    get,
    path = "/api/v1/tenant",
    tag = "search",
    operation_id = "currentTenant",
    security(()),
    params(("X-Tenant-ID" = Option<String>, Header, description = "A network's id, slug or domain")),
    responses(
        (status = 200, description = "The network", body = TenantInfo),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
    )
)]
#[tracing::instrument(skip_all)]
async fn current_tenant(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<TenantInfo>> {
    let header = headers
        .get(crate::user::TENANT_HEADER)
        .and_then(|v| v.to_str().ok());
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(|h| h.split(':').next().unwrap_or(h));
    if let Some(key) = header {
        // A network named explicitly must exist.
        return match resolve_tenant_info(&state.db, key.trim()).await? {
            Some(info) => Ok(Json(info)),
            None => Err(Error::BadRequest {
                code: "UNKNOWN_TENANT",
                message: "no active network has this id, slug or domain".to_owned(),
                details: serde_json::json!({ "field": crate::user::TENANT_HEADER }),
            }),
        };
    }
    for key in [host, state.settings.default_tenant.as_deref()]
        .into_iter()
        .flatten()
    {
        if let Some(info) = resolve_tenant_info(&state.db, key.trim()).await? {
            return Ok(Json(info));
        }
    }
    Err(Error::NotFound)
}

/// Query of `GET /places/suggest`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SuggestQuery {
    /// What the person typed.
    #[serde(default)]
    pub q: String,
    /// Most places to return (default 8, at most 20).
    pub limit: Option<usize>,
}

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

/// French communes for the search box.
///
/// Matches names (accents and case ignored) and postcodes from the communes table shipped
/// with the app; no online geocoder.
#[utoipa::path(
    get,
    path = "/api/v1/places/suggest",
    tag = "search",
    operation_id = "suggestPlaces",
    security(()),
    params(SuggestQuery),
    responses(
        (status = 200, description = "Matching places, best first", body = Vec<PlaceView>),
        (status = 422, response = Unprocessable),
    )
)]
async fn suggest(
    query: std::result::Result<Query<SuggestQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<PlaceView>>> {
    let Query(q) = query.map_err(|e| Error::validation("query", e.body_text()))?;
    let limit = q.limit.unwrap_or(8).clamp(1, 20);
    Ok(Json(
        gazetteer()
            .suggest(&q.q, limit)
            .into_iter()
            .map(PlaceView::from)
            .collect(),
    ))
}

/// Body of `POST /disponibilites/search`: where (`place`, or `lat` and `lng`), when, what,
/// filters and sort.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = SearchRequest)]
pub struct SearchBody {
    /// Free text: a commune or a postcode.
    pub place: Option<String>,
    /// Latitude (with `lng`, instead of `place`).
    pub lat: Option<f64>,
    /// Longitude.
    pub lng: Option<f64>,
    /// Radius in km (default 30, 1..=200).
    #[schema(minimum = 1, maximum = 200, default = 30)]
    pub radius_km: Option<f64>,
    /// First day (default today).
    pub date_from: Option<NaiveDate>,
    /// Last day (default `date_from` + 14).
    pub date_to: Option<NaiveDate>,
    /// Vehicle category code (default VP).
    #[schema(schema_with = crate::codes::schema::vehicle_type)]
    pub vehicle_type: Option<String>,
    /// Fuel code (default PETROL).
    #[schema(schema_with = crate::codes::schema::fuel)]
    pub fuel: Option<String>,
    /// Control type code (default CT).
    #[schema(schema_with = crate::codes::schema::control_type)]
    pub control_type: Option<String>,
    /// Highest price, cents.
    #[schema(minimum = 0)]
    pub max_price_cents: Option<i64>,
    /// Lowest rating.
    #[schema(minimum = 0, maximum = 5)]
    pub min_rating: Option<f32>,
    /// Part of the day.
    #[schema(schema_with = crate::codes::schema::day_part)]
    pub day_part: Option<DayPart>,
    /// Saturdays only.
    #[serde(default)]
    pub saturday_only: bool,
    /// Order of the results.
    #[schema(schema_with = crate::codes::schema::sort)]
    pub sort: Option<SortBy>,
    /// Most centres (default 20, 1..=50).
    #[schema(minimum = 1, maximum = 50, default = 20)]
    pub limit: Option<usize>,
    /// Slots per centre (default 3, 1..=20).
    #[schema(minimum = 1, maximum = 20, default = 3)]
    pub slots_per_centre: Option<usize>,
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
    pub start: DateTime<chrono::FixedOffset>,
    /// End of the inspection.
    pub end: DateTime<chrono::FixedOffset>,
}

/// What the search asks for: vehicle, fuel and control type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wanted {
    /// Control type.
    pub control_type: ControlType,
    /// Category.
    pub category: VehicleCategory,
    /// Fuel.
    pub fuel: Fuel,
}

impl Wanted {
    /// Reads the three codes with their defaults (CT, VP, PETROL).
    pub fn parse(
        control_type: Option<&str>,
        vehicle_type: Option<&str>,
        fuel: Option<&str>,
    ) -> Result<Self> {
        Ok(Self {
            control_type: code_or("control_type", control_type, ControlType::Periodic)?,
            category: vehicle_category("vehicle_type", vehicle_type)?,
            fuel: code_or("fuel", fuel, Fuel::Petrol)?,
        })
    }

    /// What the inspection needs at `centre`.
    pub fn need(&self, centre: &Centre) -> Need {
        Need {
            duration_minutes: u32::from(centre.durations.minutes(
                self.control_type,
                self.category,
                self.fuel,
            )),
            agreements: Agreements::required_for(self.category, self.fuel),
        }
    }

    /// The slot view of a free start at `centre`.
    pub fn slot(&self, centre: CentreId, slot: &FreeSlot) -> SlotView {
        SlotView {
            disponibilite_id: SlotKey {
                centre_id: centre.0,
                start: slot.start.with_timezone(&Utc),
                wanted: *self,
            }
            .encode(),
            start: slot.start,
            end: slot.end,
        }
    }
}

/// A code parsed into its enum, or `default` when absent; a wrong code names the field.
pub fn code_or<T: serde::de::DeserializeOwned>(
    field: &str,
    code: Option<&str>,
    default: T,
) -> Result<T> {
    match code {
        None => Ok(default),
        Some(c) => crate::codes::parse(c.trim())
            .ok_or_else(|| Error::validation(field, format!("unknown code '{c}'"))),
    }
}

/// A vehicle category code; the spec's VT (utility) means VU.
pub fn vehicle_category(field: &str, code: Option<&str>) -> Result<VehicleCategory> {
    match code.map(str::trim) {
        Some("VT") => Ok(VehicleCategory::Vu),
        other => code_or(field, other, VehicleCategory::Vp),
    }
}

/// The earliest start anyone may book now under the most lenient of these policies.
fn earliest_start(engine: &Engine, tenant: Option<TenantId>) -> DateTime<Utc> {
    let notice = match tenant {
        Some(t) => engine.policy(t).min_notice_minutes,
        None => engine
            .tenants
            .values()
            .map(|t| t.policy.min_notice_minutes)
            .min()
            .unwrap_or(120),
    };
    Utc::now() + Duration::minutes(i64::from(notice))
}

/// The tenant a search is limited to: a signed-in client's own, else `X-Tenant-ID`.
async fn search_scope(
    state: &AppState,
    headers: &HeaderMap,
    principal: &MaybePrincipal,
) -> Result<Option<TenantId>> {
    if let Some(p) = &principal.0
        && let Some(t) = p.tenant_id
    {
        return Ok(Some(t));
    }
    Ok(crate::user::tenant_of(state, headers).await?.map(TenantId))
}

/// Geo-ranked availability search.
///
/// Centres within the radius offering the inspection, with their first free slots. A
/// signed-in client searches their own network; a guest searches all networks, or the one
/// named by `X-Tenant-ID`. Answered from the in-memory engine.
#[utoipa::path(
    post,
    path = "/api/v1/disponibilites/search",
    tag = "search",
    operation_id = "search",
    security((), ("bearer" = [])),
    params(("X-Tenant-ID" = Option<String>, Header, description = "Limit the search to this network")),
    request_body = SearchBody,
    responses(
        (status = 200, description = "Centres and their free slots", body = SearchResponse),
    )
)]
#[tracing::instrument(skip_all)]
async fn search(
    State(state): State<AppState>,
    headers: HeaderMap,
    principal: MaybePrincipal,
    ApiJson(body): ApiJson<SearchBody>,
) -> Result<Json<SearchResponse>> {
    let tenant = search_scope(&state, &headers, &principal).await?;
    let (origin, label) = match (body.lat, body.lng, body.place.as_deref()) {
        (Some(lat), Some(lng), _) => (
            GeoPoint::new(lat, lng).map_err(|e| Error::validation("lat", e.to_string()))?,
            None,
        ),
        (None, None, Some(text)) if !text.trim().is_empty() => {
            let place = gazetteer()
                .resolve(text)
                .map_err(|e| Error::Unprocessable {
                    code: "PLACE_NOT_FOUND",
                    message: e.to_string(),
                    details: serde_json::json!({ "field": "place" }),
                })?;
            (place.location, Some(PlaceView::from(place).label))
        }
        _ => {
            return Err(Error::validation(
                "place",
                "give a commune or postcode, or both lat and lng",
            ));
        }
    };
    let radius = body.radius_km.unwrap_or(30.0);
    if !(1.0..=200.0).contains(&radius) {
        return Err(Error::validation("radius_km", "between 1 and 200 km"));
    }
    let from = body.date_from.unwrap_or_else(today);
    let to = body.date_to.unwrap_or(from + Duration::days(14));
    let date_range =
        DateRange::new(from, to).map_err(|e| Error::validation("date_to", e.to_string()))?;
    if to > today() + Duration::days(366) {
        return Err(Error::validation("date_to", "too far ahead"));
    }
    let wanted = Wanted::parse(
        body.control_type.as_deref(),
        body.vehicle_type.as_deref(),
        body.fuel.as_deref(),
    )?;
    let limit = body.limit.unwrap_or(20);
    if !(1..=50).contains(&limit) {
        return Err(Error::validation("limit", "between 1 and 50"));
    }
    let per_centre = body.slots_per_centre.unwrap_or(3);
    if !(1..=20).contains(&per_centre) {
        return Err(Error::validation("slots_per_centre", "between 1 and 20"));
    }
    let max_price = body
        .max_price_cents
        .map(|c| {
            Money::non_negative(c).map_err(|e| Error::validation("max_price_cents", e.to_string()))
        })
        .transpose()?;
    let engine = state.engine.read();
    let query = SearchQuery {
        origin,
        area: Area::Radius(radius),
        dates: date_range,
        not_before: Some(earliest_start(&engine, tenant)),
        category: wanted.category,
        fuel: wanted.fuel,
        control_type: wanted.control_type,
        tenant,
        max_price,
        min_rating: body.min_rating,
        time: TimeFilter {
            part: body.day_part.unwrap_or_default(),
            saturday_only: body.saturday_only,
        },
        sort: body.sort.unwrap_or_default(),
        limit,
        slots_per_centre: per_centre,
    };
    let hits = engine
        .index
        .search(&query)
        .map_err(|e| Error::Unprocessable {
            code: e.code(),
            message: e.to_string(),
            details: serde_json::Value::Null,
        })?;
    let results = hits
        .iter()
        .filter_map(|hit| {
            let centre = engine.centre(hit.centre_id)?;
            Some(SearchResult {
                centre: CentreView::from(centre),
                distance_km: (hit.distance_km * 10.0).round() / 10.0,
                price_cents: hit.price.gross.cents(),
                vat_cents: hit.price.vat().cents(),
                duration_minutes: hit.duration_minutes,
                slots: hit
                    .slots
                    .iter()
                    .map(|s| wanted.slot(hit.centre_id, s))
                    .collect(),
            })
        })
        .collect();
    Ok(Json(SearchResponse {
        origin: Origin {
            lat: origin.lat,
            lng: origin.lng,
            label,
        },
        results,
    }))
}

/// Query of the centre calendar.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarQuery {
    /// `YYYY-MM` (default: this month).
    #[param(example = "2026-12")]
    pub month: Option<String>,
    /// A day whose free slots to list.
    pub date: Option<NaiveDate>,
    /// Vehicle category code (default VP).
    #[param(schema_with = crate::codes::schema::vehicle_type)]
    pub vehicle_type: Option<String>,
    /// Control type code (default CT).
    #[param(schema_with = crate::codes::schema::control_type)]
    pub control_type: Option<String>,
    /// Fuel code (default PETROL).
    #[param(schema_with = crate::codes::schema::fuel)]
    pub fuel: Option<String>,
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

/// One centre's month and a day's free slots.
#[utoipa::path(
    get,
    path = "/api/v1/disponibilites/centres/{id}",
    tag = "search",
    operation_id = "centreCalendar",
    security(()),
    params(("id" = Uuid, Path, description = "The centre"), CalendarQuery),
    responses(
        (status = 200, description = "The month and the day's slots", body = CentreCalendar),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn centre_calendar(
    State(state): State<AppState>,
    Path(id): Path<String>,
    query: std::result::Result<Query<CalendarQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<CentreCalendar>> {
    let Query(q) = query.map_err(|e| Error::validation("query", e.body_text()))?;
    let id = Uuid::parse_str(&id).map_err(|_| Error::NotFound)?;
    let wanted = Wanted::parse(
        q.control_type.as_deref(),
        q.vehicle_type.as_deref(),
        q.fuel.as_deref(),
    )?;
    let first = match q.month.as_deref() {
        None => today().with_day0(0).unwrap_or_else(today),
        Some(m) => NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d")
            .map_err(|_| Error::validation("month", "expected YYYY-MM"))?,
    };
    let last = first
        .checked_add_months(chrono::Months::new(1))
        .map(|d| d - Duration::days(1))
        .unwrap_or(first);
    let engine = state.engine.read();
    let centre_id = CentreId(id);
    let (Some(centre), Some(availability)) = (
        engine.centre(centre_id),
        engine.index.availability(centre_id),
    ) else {
        return Err(Error::NotFound);
    };
    let offer = centre
        .offer(wanted.control_type, wanted.category)
        .ok_or_else(|| Error::Unprocessable {
            code: "CONTROL_TYPE_NOT_OFFERED",
            message: "this centre does not offer this inspection for this vehicle".to_owned(),
            details: serde_json::Value::Null,
        })?;
    let need = wanted.need(centre);
    let policy = engine.policy(centre.tenant_id);
    let not_before = Utc::now() + Duration::minutes(i64::from(policy.min_notice_minutes));
    let not_after = Utc::now() + Duration::days(i64::from(policy.horizon_days));
    let horizon = availability.horizon();
    let day_bounds = |day: NaiveDate| {
        let i = horizon.index_of(day)?;
        let start = DateTime::from_timestamp(horizon.day_start(i), 0)?;
        let end = DateTime::from_timestamp(horizon.day_start(i + 1), 0)?;
        Some((start.max(not_before), end.min(not_after)))
    };
    let slots_of = |day: NaiveDate, limit: usize| -> Vec<FreeSlot> {
        match day_bounds(day) {
            Some((from, to)) if from < to => {
                availability.first_free(from, to, &need, TimeFilter::default(), limit)
            }
            _ => Vec::new(),
        }
    };
    let days = first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| horizon.index_of(*d).is_some())
        .map(|date| CalendarDay {
            date,
            free: slots_of(date, 1000).len(),
        })
        .collect();
    let slots: Vec<SlotView> = q
        .date
        .map(|d| {
            slots_of(d, 1000)
                .iter()
                .map(|s| wanted.slot(centre_id, s))
                .collect()
        })
        .unwrap_or_default();
    Ok(Json(CentreCalendar {
        centre: CentreView::from(centre),
        price_cents: offer.price.gross.cents(),
        vat_cents: offer.price.vat().cents(),
        duration_minutes: need.duration_minutes,
        days,
        date: q.date,
        slots,
    }))
}
