//! The places gazetteer (`pti_core::places`): French communes by name or postcode.

use crate::error::{PtiError, coded};
use pti_core::places;
use std::sync::Arc;

/// How close a place's coordinates are to the commune.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum Precision {
    /// The commune's own.
    City,
    /// A larger commune's with the same postcode.
    Postcode,
    /// The département's chef-lieu.
    Departement,
}

/// A French commune (or municipal arrondissement).
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
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
    /// How close the coordinates are.
    pub precision: Precision,
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
            precision: match p.precision {
                places::Precision::City => Precision::City,
                places::Precision::Postcode => Precision::Postcode,
                places::Precision::Departement => Precision::Departement,
            },
        }
    }
}

/// The places of France, searched by name or postcode.
#[derive(uniffi::Object)]
pub struct Gazetteer {
    inner: places::Gazetteer,
}

#[uniffi::export]
impl Gazetteer {
    /// Parses the table `insee;name;postcodes;departement;population;lat;lng;precision`
    /// (header first): `INVALID_PLACES_TABLE`.
    #[uniffi::constructor]
    pub fn from_csv(text: String) -> Result<Arc<Self>, PtiError> {
        Ok(Arc::new(Gazetteer {
            inner: places::Gazetteer::from_csv(&text).map_err(coded)?,
        }))
    }

    /// Number of places.
    pub fn size(&self) -> u32 {
        u32::try_from(self.inner.len()).unwrap_or(u32::MAX)
    }

    /// Up to `limit` places for what a person has typed so far.
    #[uniffi::method(default(limit = 10))]
    pub fn suggest(&self, text: String, limit: u32) -> Vec<Place> {
        self.inner
            .suggest(&text, limit as usize)
            .into_iter()
            .map(Place::from)
            .collect()
    }

    /// The place a free text names: `PLACE_NOT_FOUND`.
    pub fn resolve(&self, text: String) -> Result<Place, PtiError> {
        self.inner.resolve(&text).map(Place::from).map_err(coded)
    }

    /// A place by INSEE code.
    pub fn by_insee(&self, insee: String) -> Option<Place> {
        self.inner.by_insee(&insee).map(Place::from)
    }
}
