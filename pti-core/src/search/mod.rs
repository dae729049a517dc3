//! Geo-ranked availability search: which centres near a place can inspect this vehicle in
//! these days, in what order, with their first free slots.
//!
//! Centres sit in an R*-tree as unit vectors in 3D, where chord length grows with the
//! great-circle distance, so the tree's nearest-neighbour walk visits centres in true distance
//! order. Distances reported are haversine kilometres. Sorting by distance stops the walk as
//! soon as enough centres with free slots are found; other sorts rank every centre in range.
//!
//! # The "best" score
//! Each candidate gets, with every term in 0..=1 and higher better:
//!
//! | weight | term |
//! |---|---|
//! | 0.40 | nearness: `1 − distance / radius` (radius = the search radius, or the farthest candidate) |
//! | 0.25 | cheapness: `1 − (price − cheapest) / (dearest − cheapest)` (1 when all prices are equal) |
//! | 0.20 | rating: `rating / 5` |
//! | 0.15 | promptness: `1 − (first slot − earliest first slot) / (latest − earliest)` (1 when equal) |
//!
//! Equal scores, distances, prices or ratings are ordered by distance, then centre id, so the
//! same index and query always give the same list.

use rstar::RTree;
use rstar::primitives::GeomWithData;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use crate::availability::{CentreAvailability, FreeSlot, Need, TimeFilter};
use crate::error::Coded;
use crate::model::{
    Agreements, Centre, CentreId, ControlType, DateRange, EARTH_RADIUS_KM, Fuel, GeoPoint, Money,
    Price, TenantId, VehicleCategory,
};
use crate::rules::RuleFacts;
use chrono::{DateTime, Utc};

/// Most centres one search returns.
pub const MAX_RESULTS: usize = 200;
/// Most slots returned per centre.
pub const MAX_SLOTS_PER_CENTRE: usize = 50;

/// Why a query was refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SearchError {
    /// The origin is not a point on Earth.
    #[error("invalid coordinates: lat {lat}, lng {lng}")]
    InvalidCoordinates {
        /// Latitude given.
        lat: f64,
        /// Longitude given.
        lng: f64,
    },
    /// The radius is not a positive finite number of kilometres.
    #[error("invalid radius {0} km")]
    InvalidRadius(f64),
    /// The number of centres or slots asked for is 0 or too large.
    #[error("invalid limit {0}")]
    InvalidLimit(usize),
    /// A minimum rating outside 0..=5 or not a number.
    #[error("invalid minimum rating {0}")]
    InvalidRating(f32),
    /// A negative maximum price.
    #[error("invalid maximum price {0} cents")]
    InvalidPrice(i64),
}

impl Coded for SearchError {
    fn code(&self) -> &'static str {
        match self {
            SearchError::InvalidCoordinates { .. } => "INVALID_COORDINATES",
            SearchError::InvalidRadius(_) => "INVALID_RADIUS",
            SearchError::InvalidLimit(_) => "INVALID_LIMIT",
            SearchError::InvalidRating(_) => "INVALID_RATING",
            SearchError::InvalidPrice(_) => "INVALID_PRICE",
        }
    }
}

impl SearchError {
    /// The facts this refusal carries: the limit asked for (when it fits a `u32`). The other
    /// values refused are the caller's own input, named in the message.
    pub fn facts(&self) -> RuleFacts {
        match *self {
            SearchError::InvalidLimit(limit) => RuleFacts {
                limit: u32::try_from(limit).ok(),
                ..RuleFacts::default()
            },
            SearchError::InvalidCoordinates { .. }
            | SearchError::InvalidRadius(_)
            | SearchError::InvalidRating(_)
            | SearchError::InvalidPrice(_) => RuleFacts::default(),
        }
    }
}

/// How results are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortBy {
    /// Nearest first.
    #[default]
    Distance,
    /// Cheapest first.
    Price,
    /// Best rated first.
    Rating,
    /// Earliest first free slot first.
    Earliest,
    /// The blended score of the module documentation, highest first.
    Best,
}

impl SortBy {
    /// Every order, in declaration order.
    pub const ALL: [SortBy; 5] = [
        SortBy::Distance,
        SortBy::Price,
        SortBy::Rating,
        SortBy::Earliest,
        SortBy::Best,
    ];
}

crate::error::impl_code!(SortBy, "sort order" {
    Distance = "distance",
    Price = "price",
    Rating = "rating",
    Earliest = "earliest",
    Best = "best",
});

/// Where to look: within a radius, or the nearest centres whatever their distance.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Centres within this many kilometres.
    Radius(f64),
    /// The `limit` nearest centres with free slots, however far.
    Nearest,
}

/// An availability search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchQuery {
    /// Where the driver is.
    pub origin: GeoPoint,
    /// How far to look.
    pub area: Area,
    /// Local days to search, both included (each centre's own time zone).
    pub dates: DateRange,
    /// No slot before this instant (now plus the minimum notice).
    pub not_before: Option<DateTime<Utc>>,
    /// Vehicle category.
    pub category: VehicleCategory,
    /// Fuel (changes the duration and the agreements needed).
    pub fuel: Fuel,
    /// Control type.
    pub control_type: ControlType,
    /// Only these tenants' centres (none: every tenant).
    #[serde(default)]
    pub tenant: Option<TenantId>,
    /// Highest acceptable price, tax included.
    #[serde(default)]
    pub max_price: Option<Money>,
    /// Lowest acceptable rating.
    #[serde(default)]
    pub min_rating: Option<f32>,
    /// Part of day and Saturday filters.
    #[serde(default)]
    pub time: TimeFilter,
    /// Order of the results.
    #[serde(default)]
    pub sort: SortBy,
    /// Most centres to return.
    pub limit: usize,
    /// Free slots to return per centre.
    pub slots_per_centre: usize,
    /// Tenants' own booking windows: a listed tenant's centres offer only the slots starting
    /// within its window (its notice and horizon), on top of `not_before` and `dates`.
    #[serde(default)]
    pub windows: Vec<TenantWindow>,
}

/// The instants between which a tenant's slots may start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantWindow {
    /// The tenant.
    pub tenant: TenantId,
    /// No slot before this instant (now plus its minimum notice).
    pub not_before: DateTime<Utc>,
    /// No slot from this instant on (now plus its horizon).
    pub until: DateTime<Utc>,
}

/// One centre found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The centre.
    pub centre_id: CentreId,
    /// Its tenant.
    pub tenant_id: TenantId,
    /// Great-circle distance from the origin, km.
    pub distance_km: f64,
    /// Price of this inspection at this centre, tax included.
    pub price: Price,
    /// Average rating.
    pub rating: f32,
    /// Length of the inspection at this centre, minutes.
    pub duration_minutes: u32,
    /// The first free slots.
    pub slots: Vec<FreeSlot>,
    /// The blended score (only computed when sorting by it; otherwise 0).
    pub score: f64,
}

struct Entry {
    centre: Centre,
    availability: CentreAvailability,
}

type Point = GeomWithData<[f64; 3], usize>;

/// Every centre of the platform with its availability, searchable by place.
#[derive(Default)]
pub struct SearchIndex {
    entries: Vec<Option<Entry>>,
    tree: RTree<Point>,
    by_id: HashMap<CentreId, usize>,
}

/// Squared Euclidean distance between two points of the unit sphere.
fn distance_2(a: &[f64; 3], b: &[f64; 3]) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)
}

/// Squared chord length between unit vectors for a great-circle distance in km.
fn chord2(km: f64) -> f64 {
    let angle = (km / EARTH_RADIUS_KM).min(std::f64::consts::PI);
    let chord = 2.0 * (angle / 2.0).sin();
    chord * chord
}

impl SearchIndex {
    /// An index of these centres (each with its availability), loaded in one go; refuses a
    /// centre whose location is not a point on Earth.
    pub fn build(centres: Vec<(Centre, CentreAvailability)>) -> Result<Self, SearchError> {
        let mut by_id = HashMap::with_capacity(centres.len());
        let mut points = Vec::with_capacity(centres.len());
        let mut entries = Vec::with_capacity(centres.len());
        for (i, (centre, availability)) in centres.into_iter().enumerate() {
            let location = checked_location(&centre)?;
            by_id.insert(centre.id, i);
            points.push(Point::new(location.unit_vector(), i));
            entries.push(Some(Entry {
                centre,
                availability,
            }));
        }
        Ok(SearchIndex {
            entries,
            tree: RTree::bulk_load(points),
            by_id,
        })
    }

    /// Adds a centre, or replaces it (a planning change rebuilds its availability).
    pub fn upsert(
        &mut self,
        centre: Centre,
        availability: CentreAvailability,
    ) -> Result<(), SearchError> {
        let location = checked_location(&centre)?;
        let i = match self.by_id.get(&centre.id) {
            Some(&i) => {
                if let Some(old) = &self.entries[i] {
                    self.tree
                        .remove(&Point::new(old.centre.location.unit_vector(), i));
                }
                i
            }
            None => {
                self.entries.push(None);
                self.by_id.insert(centre.id, self.entries.len() - 1);
                self.entries.len() - 1
            }
        };
        self.tree.insert(Point::new(location.unit_vector(), i));
        self.entries[i] = Some(Entry {
            centre,
            availability,
        });
        Ok(())
    }

    /// Removes a centre; returns whether it was there.
    pub fn remove(&mut self, id: CentreId) -> bool {
        let Some(i) = self.by_id.remove(&id) else {
            return false;
        };
        if let Some(old) = self.entries[i].take() {
            self.tree
                .remove(&Point::new(old.centre.location.unit_vector(), i));
        }
        true
    }

    /// Number of centres.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether the index holds no centre.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Every indexed centre, in no particular order.
    pub fn centres(&self) -> impl Iterator<Item = &Centre> {
        self.entries.iter().flatten().map(|e| &e.centre)
    }

    /// A centre by id.
    pub fn centre(&self, id: CentreId) -> Option<&Centre> {
        self.entry(id).map(|e| &e.centre)
    }

    /// A centre's availability.
    pub fn availability(&self, id: CentreId) -> Option<&CentreAvailability> {
        self.entry(id).map(|e| &e.availability)
    }

    /// A centre's availability, to book or release.
    pub fn availability_mut(&mut self, id: CentreId) -> Option<&mut CentreAvailability> {
        let i = *self.by_id.get(&id)?;
        self.entries[i].as_mut().map(|e| &mut e.availability)
    }

    fn entry(&self, id: CentreId) -> Option<&Entry> {
        self.entries[*self.by_id.get(&id)?].as_ref()
    }

    /// Runs a search.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>, SearchError> {
        validate(q)?;
        let radius = match q.area {
            Area::Radius(km) => Some(km),
            Area::Nearest => None,
        };
        let max_chord2 = radius.map_or(f64::INFINITY, |km| chord2(km) * (1.0 + 1e-9) + 1e-15);
        let agreements = Agreements::required_for(q.category, q.fuel);
        let early_stop = q.sort == SortBy::Distance || q.area == Area::Nearest;
        let origin = q.origin.unit_vector();
        let mut hits: Vec<SearchHit> = Vec::new();
        let mut last_d2 = f64::NAN;
        let mut consider = |index: usize, d2: f64, hits: &mut Vec<SearchHit>| {
            if early_stop && hits.len() >= q.limit && d2 > last_d2 {
                return false;
            }
            if let Some(hit) = self.entries[index]
                .as_ref()
                .and_then(|e| self.candidate(e, q, agreements, radius, d2))
            {
                last_d2 = d2;
                hits.push(hit);
            }
            true
        };
        if radius.is_some() {
            // Within a radius: fetch the points in the sphere at once, then walk them by distance
            // (cheaper than the tree's nearest-neighbour heap for the few dozen points in range).
            let mut near: Vec<(f64, usize)> = self
                .tree
                .locate_within_distance(origin, max_chord2)
                .map(|p| (distance_2(p.geom(), &origin), p.data))
                .collect();
            near.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            for (d2, index) in near {
                if !consider(index, d2, &mut hits) {
                    break;
                }
            }
        } else {
            for (point, d2) in self.tree.nearest_neighbor_iter_with_distance_2(origin) {
                if !consider(point.data, d2, &mut hits) {
                    break;
                }
            }
        }
        rank(&mut hits, q, radius);
        hits.truncate(q.limit);
        Ok(hits)
    }

    fn candidate(
        &self,
        entry: &Entry,
        q: &SearchQuery,
        agreements: Agreements,
        radius: Option<f64>,
        chord_2: f64,
    ) -> Option<SearchHit> {
        let c = &entry.centre;
        if q.tenant.is_some_and(|t| t != c.tenant_id) || q.min_rating.is_some_and(|r| c.rating < r)
        {
            return None;
        }
        let offer = c.offer(q.control_type, q.category)?;
        if q.max_price.is_some_and(|max| offer.price.gross > max) {
            return None;
        }
        // The great-circle distance from the chord: the same value as the haversine formula.
        let distance_km = 2.0 * EARTH_RADIUS_KM * (chord_2.sqrt() / 2.0).min(1.0).asin();
        if radius.is_some_and(|r| distance_km > r) {
            return None;
        }
        let duration = u32::from(c.durations.minutes(q.control_type, q.category, q.fuel));
        let need = Need {
            duration_minutes: duration,
            agreements,
        };
        let horizon = entry.availability.horizon();
        let day_start = |d| horizon.index_of(d).map(|i| horizon.day_start(i));
        let (first, end) = horizon.bounds();
        let from = day_start(q.dates.from).unwrap_or(if q.dates.from < horizon.first_day() {
            first
        } else {
            end
        });
        let mut to = q.dates.to.succ_opt().and_then(day_start).unwrap_or(
            if q.dates.to < horizon.first_day() {
                first
            } else {
                end
            },
        );
        let mut from = q.not_before.map_or(from, |t| from.max(t.timestamp()));
        if let Some(w) = q.windows.iter().find(|w| w.tenant == c.tenant_id) {
            from = from.max(w.not_before.timestamp());
            to = to.min(w.until.timestamp());
        }
        if from >= to {
            return None;
        }
        let slots =
            entry
                .availability
                .first_free_between(from, to, &need, q.time, q.slots_per_centre);
        if slots.is_empty() {
            return None;
        }
        Some(SearchHit {
            centre_id: c.id,
            tenant_id: c.tenant_id,
            distance_km,
            price: offer.price,
            rating: c.rating,
            duration_minutes: duration,
            slots,
            score: 0.0,
        })
    }
}

fn checked_location(centre: &Centre) -> Result<GeoPoint, SearchError> {
    let GeoPoint { lat, lng } = centre.location;
    centre
        .location
        .checked()
        .map_err(|_| SearchError::InvalidCoordinates { lat, lng })
}

fn validate(q: &SearchQuery) -> Result<(), SearchError> {
    GeoPoint::new(q.origin.lat, q.origin.lng).map_err(|_| SearchError::InvalidCoordinates {
        lat: q.origin.lat,
        lng: q.origin.lng,
    })?;
    if let Area::Radius(km) = q.area
        && !(km.is_finite() && km > 0.0)
    {
        return Err(SearchError::InvalidRadius(km));
    }
    if q.limit == 0 || q.limit > MAX_RESULTS {
        return Err(SearchError::InvalidLimit(q.limit));
    }
    if q.slots_per_centre == 0 || q.slots_per_centre > MAX_SLOTS_PER_CENTRE {
        return Err(SearchError::InvalidLimit(q.slots_per_centre));
    }
    if let Some(r) = q.min_rating
        && !(0.0..=5.0).contains(&r)
    {
        return Err(SearchError::InvalidRating(r));
    }
    if let Some(p) = q.max_price
        && p.cents() < 0
    {
        return Err(SearchError::InvalidPrice(p.cents()));
    }
    Ok(())
}

fn first_slot(h: &SearchHit) -> i64 {
    h.slots.first().map_or(i64::MAX, |s| s.start.timestamp())
}

/// Orders hits by the query's sort; ties go to distance, then centre id.
fn rank(hits: &mut [SearchHit], q: &SearchQuery, radius: Option<f64>) {
    use std::cmp::Ordering;
    let tie = |a: &SearchHit, b: &SearchHit| {
        a.distance_km
            .total_cmp(&b.distance_km)
            .then(a.centre_id.cmp(&b.centre_id))
    };
    if q.sort == SortBy::Best {
        score(hits, radius);
    }
    hits.sort_by(|a, b| {
        let primary = match q.sort {
            SortBy::Distance => Ordering::Equal,
            SortBy::Price => a.price.gross.cmp(&b.price.gross),
            SortBy::Rating => b.rating.total_cmp(&a.rating),
            SortBy::Earliest => first_slot(a).cmp(&first_slot(b)),
            SortBy::Best => b.score.total_cmp(&a.score),
        };
        primary.then_with(|| tie(a, b))
    });
}

/// Fills in the blended score; see the module documentation for the weights.
fn score(hits: &mut [SearchHit], radius: Option<f64>) {
    if hits.is_empty() {
        return;
    }
    let span = |values: &mut dyn Iterator<Item = f64>| {
        values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        })
    };
    let far = radius
        .unwrap_or_else(|| span(&mut hits.iter().map(|h| h.distance_km)).1)
        .max(1e-9);
    let (cheap, dear) = span(&mut hits.iter().map(|h| h.price.gross.cents() as f64));
    let (soon, late) = span(&mut hits.iter().map(|h| first_slot(h) as f64));
    let share = |v: f64, lo: f64, hi: f64| {
        if hi > lo {
            1.0 - (v - lo) / (hi - lo)
        } else {
            1.0
        }
    };
    for h in hits.iter_mut() {
        let nearness = (1.0 - h.distance_km / far).clamp(0.0, 1.0);
        let cheapness = share(h.price.gross.cents() as f64, cheap, dear);
        let rating = f64::from(h.rating.clamp(0.0, 5.0)) / 5.0;
        let promptness = share(first_slot(h) as f64, soon, late);
        h.score = 0.40 * nearness + 0.25 * cheapness + 0.20 * rating + 0.15 * promptness;
    }
}

#[cfg(test)]
mod tests;
