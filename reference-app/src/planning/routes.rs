//! Routes of the planning service: French places for the search box (`GET /places/suggest`),
//! the availability search (`POST /disponibilites/search`) and one centre's month calendar
//! (`GET /disponibilites/centres/{id}`).

use axum::Json;
use axum::extract::State;
use chrono::{Duration, NaiveDate};
use pti_core::availability::{DayPart, TimeFilter};
use pti_core::model::{CentreId, DateRange, GeoPoint, Money, TenantId};
use pti_core::search::SortBy;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::funnel::Funnel;
use super::places::{self, gazetteer};
use super::service::{self, Search};
use super::views::{CentreCalendar, PlaceView, SearchResponse};
use super::wanted::Wanted;
use crate::engine::{SharedEngine, today};
use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiQuery, MaybePrincipal, NamedTenant, PathId};
use crate::http::openapi::{NotFound, Unprocessable, codes};
use crate::state::AppState;

/// The planning routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(suggest))
        .routes(routes!(search))
        .routes(routes!(centre_calendar))
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
async fn suggest(ApiQuery(q): ApiQuery<SuggestQuery>) -> Json<Vec<PlaceView>> {
    Json(places::suggest(&q.q, q.limit.unwrap_or(8).clamp(1, 20)))
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
    #[schema(schema_with = codes::vehicle_type)]
    pub vehicle_type: Option<String>,
    /// Fuel code (default PETROL).
    #[schema(schema_with = codes::fuel)]
    pub fuel: Option<String>,
    /// Control type code (default CT).
    #[schema(schema_with = codes::control_type)]
    pub control_type: Option<String>,
    /// Highest price, cents.
    #[schema(minimum = 0)]
    pub max_price_cents: Option<i64>,
    /// Lowest rating.
    #[schema(minimum = 0, maximum = 5)]
    pub min_rating: Option<f32>,
    /// Part of the day.
    #[schema(schema_with = codes::day_part)]
    pub day_part: Option<DayPart>,
    /// Saturdays only.
    #[serde(default)]
    pub saturday_only: bool,
    /// Order of the results.
    #[schema(schema_with = codes::sort)]
    pub sort: Option<SortBy>,
    /// Most centres (default 20, 1..=50).
    #[schema(minimum = 1, maximum = 50, default = 20)]
    pub limit: Option<usize>,
    /// Slots per centre (default 3, 1..=20).
    #[schema(minimum = 1, maximum = 20, default = 3)]
    pub slots_per_centre: Option<usize>,
}

impl SearchBody {
    /// The search this body asks for, or 422 naming the first field at fault.
    fn parse(self) -> Result<Search> {
        let (origin, label) = match (self.lat, self.lng, self.place.as_deref()) {
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
        let radius_km = self.radius_km.unwrap_or(30.0);
        if !(1.0..=200.0).contains(&radius_km) {
            return Err(Error::validation("radius_km", "between 1 and 200 km"));
        }
        let from = self.date_from.unwrap_or_else(today);
        let to = self.date_to.unwrap_or(from + Duration::days(14));
        let dates =
            DateRange::new(from, to).map_err(|e| Error::validation("date_to", e.to_string()))?;
        if to > today() + Duration::days(366) {
            return Err(Error::validation("date_to", "too far ahead"));
        }
        let wanted = Wanted::parse(
            self.control_type.as_deref(),
            self.vehicle_type.as_deref(),
            self.fuel.as_deref(),
        )?;
        let limit = self.limit.unwrap_or(20);
        if !(1..=50).contains(&limit) {
            return Err(Error::validation("limit", "between 1 and 50"));
        }
        let slots_per_centre = self.slots_per_centre.unwrap_or(3);
        if !(1..=20).contains(&slots_per_centre) {
            return Err(Error::validation("slots_per_centre", "between 1 and 20"));
        }
        let max_price = self
            .max_price_cents
            .map(|c| {
                Money::non_negative(c)
                    .map_err(|e| Error::validation("max_price_cents", e.to_string()))
            })
            .transpose()?;
        Ok(Search {
            origin,
            label,
            radius_km,
            dates,
            wanted,
            max_price,
            min_rating: self.min_rating,
            time: TimeFilter {
                part: self.day_part.unwrap_or_default(),
                saturday_only: self.saturday_only,
            },
            sort: self.sort.unwrap_or_default(),
            limit,
            slots_per_centre,
        })
    }
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
    State(engine): State<SharedEngine>,
    State(funnel): State<Funnel>,
    MaybePrincipal(principal): MaybePrincipal,
    NamedTenant(named): NamedTenant,
    ApiJson(body): ApiJson<SearchBody>,
) -> Result<Json<SearchResponse>> {
    // A signed-in client searches their own network; a guest the one named, or all.
    let tenant = principal
        .and_then(|p| p.tenant_id)
        .or(named.map(|t| TenantId(t.id)));
    let found = service::search(&engine, tenant, &body.parse()?)?;
    funnel.searched(
        &engine.read(),
        found.results.iter().map(|r| CentreId(r.centre.id)),
    );
    Ok(Json(found))
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
    #[param(schema_with = codes::vehicle_type)]
    pub vehicle_type: Option<String>,
    /// Control type code (default CT).
    #[param(schema_with = codes::control_type)]
    pub control_type: Option<String>,
    /// Fuel code (default PETROL).
    #[param(schema_with = codes::fuel)]
    pub fuel: Option<String>,
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
    State(engine): State<SharedEngine>,
    State(funnel): State<Funnel>,
    PathId(id): PathId,
    ApiQuery(q): ApiQuery<CalendarQuery>,
) -> Result<Json<CentreCalendar>> {
    let wanted = Wanted::parse(
        q.control_type.as_deref(),
        q.vehicle_type.as_deref(),
        q.fuel.as_deref(),
    )?;
    let month = q
        .month
        .as_deref()
        .map(|m| {
            NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d")
                .map_err(|_| Error::validation("month", "expected YYYY-MM"))
        })
        .transpose()?;
    let calendar = service::calendar(&engine, CentreId(id), month, q.date, wanted)?;
    funnel.viewed(&engine.read(), CentreId(id));
    Ok(Json(calendar))
}
