//! Geographic points and great-circle distances.

use crate::error::Coded;
use serde::{Deserialize, Serialize};

/// Mean Earth radius in kilometres (IUGG), used by every distance of the engine.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A point on Earth in decimal degrees (WGS 84).
///
/// Deserializing does not check the range (so that a request can be answered with the field's
/// own error code); [`GeoPoint::new`] does, and so does every engine entry point.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    /// Latitude in degrees, −90..=90.
    pub lat: f64,
    /// Longitude in degrees, −180..=180.
    pub lng: f64,
}

/// A coordinate that is not a point on Earth.
#[derive(Clone, Copy, Debug, PartialEq, thiserror::Error)]
pub enum GeoError {
    /// Latitude or longitude is NaN, infinite or out of range.
    #[error("invalid coordinates: lat {lat}, lng {lng}")]
    InvalidCoordinates {
        /// The latitude given.
        lat: f64,
        /// The longitude given.
        lng: f64,
    },
}

impl Coded for GeoError {
    fn code(&self) -> &'static str {
        "INVALID_COORDINATES"
    }
}

impl GeoPoint {
    /// A checked point: finite, latitude within ±90 and longitude within ±180.
    pub fn new(lat: f64, lng: f64) -> Result<Self, GeoError> {
        let valid = lat.is_finite() && lng.is_finite() && lat.abs() <= 90.0 && lng.abs() <= 180.0;
        if valid {
            Ok(Self { lat, lng })
        } else {
            Err(GeoError::InvalidCoordinates { lat, lng })
        }
    }

    /// This point if it is valid.
    pub fn checked(self) -> Result<Self, GeoError> {
        GeoPoint::new(self.lat, self.lng)
    }

    /// Great-circle distance in kilometres (haversine formula).
    pub fn distance_km(&self, other: &GeoPoint) -> f64 {
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let dlat = lat2 - lat1;
        let dlng = (other.lng - self.lng).to_radians();
        let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlng / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
    }

    /// The point as a unit vector in 3D; chord length between unit vectors is monotonic in
    /// great-circle distance, which lets an R*-tree rank by true distance.
    pub fn unit_vector(&self) -> [f64; 3] {
        let (lat, lng) = (self.lat.to_radians(), self.lng.to_radians());
        [lat.cos() * lng.cos(), lat.cos() * lng.sin(), lat.sin()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paris_to_lyon_is_about_392_km() {
        let paris = GeoPoint::new(48.8566, 2.3522).unwrap();
        let lyon = GeoPoint::new(45.7640, 4.8357).unwrap();
        let d = paris.distance_km(&lyon);
        assert!((d - 391.5).abs() < 1.5, "{d}");
    }

    #[test]
    fn rejects_nan_and_out_of_range() {
        assert!(GeoPoint::new(f64::NAN, 2.0).is_err());
        assert!(GeoPoint::new(91.0, 2.0).is_err());
        assert!(GeoPoint::new(45.0, f64::INFINITY).is_err());
        assert_eq!(
            GeoPoint::new(45.0, 181.0).unwrap_err().code(),
            "INVALID_COORDINATES"
        );
    }

    #[test]
    fn distance_to_itself_is_zero() {
        let p = GeoPoint::new(43.3, 5.4).unwrap();
        assert_eq!(p.distance_km(&p), 0.0);
    }
}
