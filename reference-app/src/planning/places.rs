//! The places of France shipped with the app (`data/communes.csv`: Etalab's communes with
//! GeoNames coordinates), parsed once, for the search box and free-text searches.

use std::sync::OnceLock;

use pti_core::places::Gazetteer;

use super::views::PlaceView;

/// The communes table shipped with the app.
static COMMUNES_CSV: &str = include_str!("../../data/communes.csv");

/// The places of France, parsed once.
pub fn gazetteer() -> &'static Gazetteer {
    static PLACES: OnceLock<Gazetteer> = OnceLock::new();
    PLACES.get_or_init(|| {
        Gazetteer::from_csv(COMMUNES_CSV).expect("reference-app/data/communes.csv parses")
    })
}

/// At most `limit` places matching what was typed, best first.
pub fn suggest(typed: &str, limit: usize) -> Vec<PlaceView> {
    gazetteer()
        .suggest(typed, limit)
        .into_iter()
        .map(PlaceView::from)
        .collect()
}
