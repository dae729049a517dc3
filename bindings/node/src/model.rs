//! The domain model (`pti_core::model`): plates.

use crate::error::{Code, coded};
use napi::Result;
use napi_derive::napi;
use pti_core::model;

/// A validated French plate.
#[napi(object)]
pub struct Plate {
    /// Canonical form, `AB-123-CD` (SIV) or `123 ABC 45` (FNI).
    pub canonical: String,
    /// `'siv'` or `'fni'`.
    #[napi(ts_type = "'siv' | 'fni'")]
    pub format: String,
}

/// Validates and normalises a French plate; throws `INVALID_PLATE`.
#[napi]
pub fn parse_plate(text: String) -> Result<Plate, Code> {
    let plate = model::Plate::parse(&text).map_err(coded)?;
    Ok(Plate {
        canonical: plate.as_str().to_string(),
        format: plate.format().code().to_string(),
    })
}
