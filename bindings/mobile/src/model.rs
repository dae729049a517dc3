//! The domain model (`pti_core::model`): plates.

use crate::error::{PtiError, coded};
use pti_core::model;

/// The numbering system of a plate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum PlateFormat {
    /// Since 2009: `AB-123-CD`.
    Siv,
    /// Before 2009: `123 ABC 45`.
    Fni,
}

/// A validated French plate.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Plate {
    /// Canonical form.
    pub canonical: String,
    /// Its numbering system.
    pub format: PlateFormat,
}

/// Validates and normalises a French plate (SIV or FNI); `INVALID_PLATE` when it is not one.
#[uniffi::export]
pub fn parse_plate(text: String) -> Result<Plate, PtiError> {
    let plate = model::Plate::parse(&text).map_err(coded)?;
    Ok(Plate {
        canonical: plate.as_str().to_string(),
        format: match plate.format() {
            model::PlateFormat::Siv => PlateFormat::Siv,
            model::PlateFormat::Fni => PlateFormat::Fni,
        },
    })
}
