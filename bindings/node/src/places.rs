//! The places gazetteer (`pti_core::places`): French communes by name or postcode.

use crate::convert::count;
use crate::error::{Code, coded};
use napi::Result;
use napi_derive::napi;
use pti_core::places;

/// A French commune (or municipal arrondissement).
#[napi(object)]
pub struct Place {
    /// INSEE code.
    pub insee: String,
    /// Official name.
    pub name: String,
    /// Postcodes.
    pub postcodes: Vec<String>,
    /// Département code.
    pub departement: String,
    /// Population.
    pub population: u32,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lng: f64,
    /// How close the coordinates are to the commune.
    #[napi(ts_type = "'city' | 'postcode' | 'departement'")]
    pub precision: String,
}

impl From<&places::Place> for Place {
    fn from(p: &places::Place) -> Self {
        Place {
            insee: p.insee.clone(),
            name: p.name.clone(),
            postcodes: p.postcodes.clone(),
            departement: p.departement.clone(),
            population: p.population,
            lat: p.location.lat,
            lng: p.location.lng,
            precision: p.precision.code().to_string(),
        }
    }
}

/// The places of France, searched by name or postcode.
#[napi]
pub struct Gazetteer {
    inner: places::Gazetteer,
}

#[napi]
impl Gazetteer {
    /// Parses the table `insee;name;postcodes;departement;population;lat;lng;precision`
    /// (header first); throws `INVALID_PLACES_TABLE`.
    #[napi(factory)]
    pub fn from_csv(text: String) -> Result<Self, Code> {
        Ok(Gazetteer {
            inner: places::Gazetteer::from_csv(&text).map_err(coded)?,
        })
    }

    /// Number of places.
    #[napi(getter)]
    pub fn size(&self) -> u32 {
        u32::try_from(self.inner.len()).unwrap_or(u32::MAX)
    }

    /// Up to `limit` (default 10) places for what a person has typed so far.
    #[napi]
    pub fn suggest(&self, text: String, limit: Option<f64>) -> Result<Vec<Place>, Code> {
        let limit = count("limit", limit.unwrap_or(10.0))? as usize;
        Ok(self
            .inner
            .suggest(&text, limit)
            .into_iter()
            .map(Place::from)
            .collect())
    }

    /// The place a free text names; throws `PLACE_NOT_FOUND`.
    #[napi]
    pub fn resolve(&self, text: String) -> Result<Place, Code> {
        self.inner.resolve(&text).map(Place::from).map_err(coded)
    }

    /// A place by INSEE code, or `null`.
    #[napi]
    pub fn by_insee(&self, insee: String) -> Option<Place> {
        self.inner.by_insee(&insee).map(Place::from)
    }
}
