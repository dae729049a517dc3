//! Runs the national search benchmark body in a loop, for profiling.

use pti_core::availability::TimeFilter;
use pti_core::model::{ControlType, DateRange, Fuel, GeoPoint, VehicleCategory};
use pti_core::search::{Area, SearchQuery, SortBy};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let index = pti_benches::national(6000);
    let q = SearchQuery {
        origin: GeoPoint {
            lat: 48.8566,
            lng: 2.3522,
        },
        area: Area::Radius(50.0),
        dates: DateRange::new(
            "2026-12-03".parse().expect("date"),
            "2026-12-10".parse().expect("date"),
        )
        .expect("range"),
        not_before: None,
        category: VehicleCategory::Vp,
        fuel: Fuel::Petrol,
        control_type: ControlType::Periodic,
        tenant: None,
        max_price: None,
        min_rating: None,
        time: TimeFilter::default(),
        sort: SortBy::Distance,
        limit: 20,
        slots_per_centre: 3,
    };
    let start = std::time::Instant::now();
    let mut hits = 0;
    for _ in 0..rounds {
        hits += index.search(&q).expect("search").len();
    }
    println!(
        "{hits} hits, {:?} per search",
        start.elapsed() / rounds as u32
    );
}
