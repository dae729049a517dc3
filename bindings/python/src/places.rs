//! The places gazetteer (`pti_core::places`): French communes by name or postcode.

use crate::convert::bounded;
use crate::error::coded;
use pti_core::places;
use pyo3::prelude::*;

/// A French commune (or municipal arrondissement).
#[pyclass(frozen, eq, get_all, module = "pti_calendar._native")]
#[derive(PartialEq)]
pub struct Place {
    /// INSEE code.
    insee: String,
    /// Official name.
    name: String,
    /// Postcodes.
    postcodes: Vec<String>,
    /// Département code.
    departement: String,
    /// Population.
    population: u32,
    /// Latitude, degrees.
    lat: f64,
    /// Longitude, degrees.
    lng: f64,
    /// `'city'`, `'postcode'` or `'departement'`: how close the coordinates are.
    precision: &'static str,
}

#[pymethods]
impl Place {
    fn __repr__(&self) -> String {
        format!("Place({:?}, {:?})", self.insee, self.name)
    }
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
            precision: p.precision.code(),
        }
    }
}

/// The places of France, searched by name or postcode.
#[pyclass(frozen, module = "pti_calendar._native")]
pub struct Gazetteer {
    inner: places::Gazetteer,
}

#[pymethods]
impl Gazetteer {
    /// Parses the table `insee;name;postcodes;departement;population;lat;lng;precision`
    /// (header line first); raises `InvalidInput` (INVALID_PLACES_TABLE).
    #[staticmethod]
    fn from_csv(text: &str) -> PyResult<Self> {
        Ok(Gazetteer {
            inner: places::Gazetteer::from_csv(text).map_err(coded)?,
        })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// Up to `limit` places for what a person has typed so far.
    #[pyo3(signature = (text, limit = 10))]
    fn suggest(&self, text: &str, limit: i64) -> PyResult<Vec<Place>> {
        let limit: usize = bounded("limit", limit)?;
        Ok(self
            .inner
            .suggest(text, limit)
            .into_iter()
            .map(Place::from)
            .collect())
    }

    /// The place a free text names; raises `PlaceNotFound`.
    fn resolve(&self, text: &str) -> PyResult<Place> {
        self.inner.resolve(text).map(Place::from).map_err(coded)
    }

    /// A place by INSEE code, or `None`.
    fn by_insee(&self, insee: &str) -> Option<Place> {
        self.inner.by_insee(insee).map(Place::from)
    }
}

/// Adds the classes of this module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Place>()?;
    m.add_class::<Gazetteer>()?;
    Ok(())
}
