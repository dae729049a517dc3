//! The domain model (`pti_core::model`): plates and centres.

use crate::convert::from_py;
use crate::error::coded;
use pti_core::model;
use pyo3::prelude::*;

/// A validated French plate.
#[pyclass(frozen, eq, hash, module = "pti_calendar._native")]
#[derive(PartialEq, Eq, Hash)]
pub struct Plate {
    /// Canonical form, `AB-123-CD` or `123 ABC 45`.
    #[pyo3(get)]
    canonical: String,
    /// `'siv'` or `'fni'`.
    #[pyo3(get)]
    format: &'static str,
}

#[pymethods]
impl Plate {
    fn __str__(&self) -> &str {
        &self.canonical
    }

    fn __repr__(&self) -> String {
        format!("Plate({:?}, format={:?})", self.canonical, self.format)
    }
}

/// Validates and normalises a French plate (SIV or FNI); raises `InvalidInput` (INVALID_PLATE).
#[pyfunction]
fn parse_plate(text: &str) -> PyResult<Plate> {
    let plate = model::Plate::parse(text).map_err(coded)?;
    Ok(Plate {
        canonical: plate.as_str().to_string(),
        format: plate.format().code(),
    })
}

/// A centre: its opening hours, closures, offers and inspectors.
#[pyclass(frozen, module = "pti_calendar._native")]
pub struct Centre {
    pub(crate) inner: model::Centre,
}

#[pymethods]
impl Centre {
    /// A centre from a dict (or JSON text) in the shape of `pti_core::model::Centre`.
    #[new]
    fn new(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Centre {
            inner: from_py("centre", data)?,
        })
    }

    /// The centre's id.
    #[getter]
    fn id(&self) -> String {
        self.inner.id.to_string()
    }

    /// The centre's tenant.
    #[getter]
    fn tenant_id(&self) -> String {
        self.inner.tenant_id.to_string()
    }

    /// The centre's name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }

    /// The IANA time zone of the centre.
    #[getter]
    fn time_zone(&self) -> String {
        self.inner.time_zone.name().to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "Centre(id={:?}, name={:?})",
            self.inner.id.to_string(),
            self.inner.name
        )
    }
}

/// A centre given as `Centre` or as a dict.
pub(crate) fn centre_arg(value: &Bound<'_, PyAny>) -> PyResult<model::Centre> {
    match value.cast::<Centre>() {
        Ok(c) => Ok(c.get().inner.clone()),
        Err(_) => from_py("centre", value),
    }
}

/// Adds the classes and functions of this module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_plate, m)?)?;
    m.add_class::<Plate>()?;
    m.add_class::<Centre>()?;
    Ok(())
}
