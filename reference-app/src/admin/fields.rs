//! What an admin types for an agency or a centre, parsed at the boundary: its code, name,
//! postal address, status and the point on the map, resolved from the communes table shipped
//! with the app when the admin gives none (no online geocoder).

use pti_core::places::{Place, fold};

use crate::domain::{Email, Phone, optional_text};
use crate::error::{Error, Result};
use crate::planning::gazetteer;

/// A code unique in the network: 1 to 20 letters, digits, `-` or `_`, upper-cased.
pub fn code(raw: &str) -> Result<String> {
    let code = raw.trim().to_uppercase();
    let ok = (1..=20).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(code)
    } else {
        Err(Error::validation(
            "code",
            "1 to 20 letters, digits, '-' or '_'",
        ))
    }
}

/// A display name of 1 to 120 characters.
pub fn name(raw: &str) -> Result<String> {
    required("name", raw, 120)
}

/// A street address of at most 200 characters (may be empty).
pub fn street(raw: &str) -> Result<String> {
    Ok(optional_text("address", Some(raw), 200)?.unwrap_or_default())
}

/// A French postcode: five digits.
pub fn postcode(raw: &str) -> Result<String> {
    let code = raw.trim();
    if code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(code.to_owned())
    } else {
        Err(Error::validation("postcode", "five digits"))
    }
}

/// A commune's name of 1 to 100 characters.
pub fn city(raw: &str) -> Result<String> {
    required("city", raw, 100)
}

fn required(field: &str, raw: &str, max: usize) -> Result<String> {
    optional_text(field, Some(raw), max)?
        .ok_or_else(|| Error::validation(field, format!("1 to {max} characters")))
}

/// A status: `active` or `inactive` (an inactive centre leaves public search).
pub fn status(raw: &str) -> Result<&'static str> {
    match raw.trim() {
        "active" => Ok("active"),
        "inactive" => Ok("inactive"),
        _ => Err(Error::validation("status", "active or inactive")),
    }
}

/// A point on the map: a latitude and a longitude.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Latitude, −90 to 90.
    pub lat: f64,
    /// Longitude, −180 to 180.
    pub lng: f64,
}

/// The point the admin placed: both coordinates or neither (422 naming the missing one).
pub fn point(lat: Option<f64>, lng: Option<f64>) -> Result<Option<Point>> {
    match (lat, lng) {
        (None, None) => Ok(None),
        (Some(lat), Some(lng)) => {
            if !(-90.0..=90.0).contains(&lat) {
                return Err(Error::validation("lat", "between -90 and 90"));
            }
            if !(-180.0..=180.0).contains(&lng) {
                return Err(Error::validation("lng", "between -180 and 180"));
            }
            Ok(Some(Point { lat, lng }))
        }
        (None, Some(_)) => Err(Error::validation(
            "lat",
            "give both lat and lng, or neither",
        )),
        (Some(_), None) => Err(Error::validation(
            "lng",
            "give both lat and lng, or neither",
        )),
    }
}

/// The point of the commune `city` with `postcode`: the commune of that postcode whose name is
/// `city`, case and accents aside (a city's arrondissement answers to the city's name, and
/// "Lille Cedex" to Lille's). 422 naming `postcode` when no commune has it, `city` when none
/// of those that do is called so.
pub fn locate(postcode: &str, city: &str) -> Result<Point> {
    let holders: Vec<&Place> = gazetteer()
        .suggest(postcode, 200)
        .into_iter()
        .filter(|p| p.postcodes.iter().any(|c| c == postcode))
        .collect();
    if holders.is_empty() {
        return Err(Error::validation(
            "postcode",
            "no commune has this postcode",
        ));
    }
    let wanted = fold(city);
    let named = |p: &&&Place| {
        let name = fold(&p.name);
        name == wanted
            || name.starts_with(&format!("{wanted} "))
            || wanted.starts_with(&format!("{name} "))
    };
    let place = holders
        .iter()
        .find(named)
        .ok_or_else(|| Error::validation("city", "no commune of this name has this postcode"))?;
    Ok(Point {
        lat: place.location.lat,
        lng: place.location.lng,
    })
}

/// A site's address as a request gives it; on a change, each part may be absent (kept).
#[derive(Clone, Copy, Debug, Default)]
pub struct AddressInput<'a> {
    /// Street address.
    pub street: Option<&'a str>,
    /// Postcode.
    pub postcode: Option<&'a str>,
    /// Commune.
    pub city: Option<&'a str>,
    /// Latitude (with `lng`).
    pub lat: Option<f64>,
    /// Longitude (with `lat`).
    pub lng: Option<f64>,
}

/// A site's address, complete and located.
#[derive(Clone, Debug, PartialEq)]
pub struct Address {
    /// Street address (may be empty).
    pub street: String,
    /// Postcode.
    pub postcode: String,
    /// Commune.
    pub city: String,
    /// Where it is; none only for an agency that never had a commune.
    pub point: Option<Point>,
}

impl Address {
    /// A new site's address and its point: postcode and city required; the point given, else
    /// the commune's.
    pub fn new(input: AddressInput<'_>) -> Result<(Self, Point)> {
        let postcode = postcode(input.postcode.unwrap_or_default())?;
        let city = city(input.city.unwrap_or_default())?;
        let point = match point(input.lat, input.lng)? {
            Some(p) => p,
            None => locate(&postcode, &city)?,
        };
        let address = Self {
            street: street(input.street.unwrap_or_default())?,
            postcode,
            city,
            point: Some(point),
        };
        Ok((address, point))
    }

    /// The address `current` (its point, if it has one) changed by `input`: a new postcode or
    /// commune is checked, and without a point moves the point to the commune; what the change
    /// does not name is kept as it is.
    pub fn changed(
        current: (&str, &str, &str, Option<Point>),
        input: AddressInput<'_>,
    ) -> Result<Self> {
        let (street_now, postcode_now, city_now, point_now) = current;
        let pinned = point(input.lat, input.lng)?;
        let street = match input.street {
            Some(s) => street(s)?,
            None => street_now.to_owned(),
        };
        if input.postcode.is_none() && input.city.is_none() {
            return Ok(Self {
                street,
                postcode: postcode_now.to_owned(),
                city: city_now.to_owned(),
                point: pinned.or(point_now),
            });
        }
        let postcode = postcode(input.postcode.unwrap_or(postcode_now))?;
        let city = city(input.city.unwrap_or(city_now))?;
        let moved = postcode != postcode_now || fold(&city) != fold(city_now);
        let point = match (pinned, point_now) {
            (Some(p), _) => p,
            (None, Some(p)) if !moved => p,
            (None, _) => locate(&postcode, &city)?,
        };
        Ok(Self {
            street,
            postcode,
            city,
            point: Some(point),
        })
    }
}

/// An optional phone: `None` or blank is none.
pub fn phone(raw: Option<&str>) -> Result<Option<String>> {
    raw.map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Phone::parse(p).map(|p| p.as_str().to_owned()))
        .transpose()
}

/// An optional e-mail: `None` or blank is none.
pub fn email(raw: Option<&str>) -> Result<Option<String>> {
    raw.map(str::trim)
        .filter(|e| !e.is_empty())
        .map(|e| Email::parse(e).map(|e| e.as_str().to_owned()))
        .transpose()
}

/// A contact field of a change: absent keeps `current`, null or blank removes it.
pub fn contact_change(
    current: Option<&str>,
    change: Option<Option<&str>>,
    parse: fn(Option<&str>) -> Result<Option<String>>,
) -> Result<Option<String>> {
    match change {
        None => Ok(current.map(str::to_owned)),
        Some(value) => parse(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(e: Error) -> String {
        match e {
            Error::Unprocessable { details, .. } => details["field"].as_str().unwrap().to_owned(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn codes_are_upper_cased_and_bounded() {
        assert_eq!(code(" ag-01 ").unwrap(), "AG-01");
        assert_eq!(field(code("AG 01").unwrap_err()), "code");
        assert_eq!(field(code(&"A".repeat(21)).unwrap_err()), "code");
        assert_eq!(field(code("").unwrap_err()), "code");
    }

    #[test]
    fn postcodes_are_five_digits() {
        assert_eq!(postcode(" 69003 ").unwrap(), "69003");
        assert_eq!(field(postcode("6900").unwrap_err()), "postcode");
        assert_eq!(field(postcode("2A004").unwrap_err()), "postcode");
    }

    #[test]
    fn a_point_needs_both_coordinates_in_range() {
        assert_eq!(point(None, None).unwrap(), None);
        assert_eq!(field(point(Some(45.0), None).unwrap_err()), "lng");
        assert_eq!(field(point(None, Some(4.0)).unwrap_err()), "lat");
        assert_eq!(field(point(Some(91.0), Some(4.0)).unwrap_err()), "lat");
        assert_eq!(field(point(Some(45.0), Some(181.0)).unwrap_err()), "lng");
    }

    #[test]
    fn a_commune_is_found_by_postcode_and_name() {
        let lyon = locate("69003", "lyon").unwrap();
        assert!((lyon.lat - 45.76).abs() < 0.1, "{lyon:?}");
        let etienne = locate("42000", "Saint-Étienne").unwrap();
        assert!((etienne.lng - 4.39).abs() < 0.1, "{etienne:?}");
        assert_eq!(
            field(locate("00000", "Nulle part").unwrap_err()),
            "postcode"
        );
    }

    #[test]
    fn a_new_address_is_located_unless_a_point_is_given() {
        let input = AddressInput {
            postcode: Some("75011"),
            city: Some("Paris"),
            ..AddressInput::default()
        };
        let (_, located) = Address::new(input).unwrap();
        assert!((located.lat - 48.85).abs() < 0.1);
        let (_, pinned) = Address::new(AddressInput {
            lat: Some(48.86),
            lng: Some(2.38),
            ..input
        })
        .unwrap();
        assert_eq!(
            pinned,
            Point {
                lat: 48.86,
                lng: 2.38
            }
        );
        let missing = AddressInput {
            city: Some("Paris"),
            ..AddressInput::default()
        };
        assert_eq!(field(Address::new(missing).unwrap_err()), "postcode");
    }

    #[test]
    fn a_changed_commune_moves_the_point_and_a_street_change_keeps_it() {
        let pin = Some(Point {
            lat: 45.0,
            lng: 4.0,
        });
        let current = ("1 rue Neuve", "69003", "Lyon", pin);
        let street = AddressInput {
            street: Some("2 rue Neuve"),
            ..AddressInput::default()
        };
        let kept = Address::changed(current, street).unwrap();
        assert_eq!((kept.street.as_str(), kept.point), ("2 rue Neuve", pin));
        let moved = AddressInput {
            postcode: Some("42000"),
            city: Some("Saint-Étienne"),
            ..AddressInput::default()
        };
        let moved = Address::changed(current, moved).unwrap().point.unwrap();
        assert!((moved.lng - 4.39).abs() < 0.1, "{moved:?}");
        let bare = ("", "", "", None);
        let renamed = Address::changed(bare, street).unwrap();
        assert_eq!((renamed.postcode.as_str(), renamed.point), ("", None));
    }

    #[test]
    fn contacts_are_kept_removed_or_replaced() {
        assert_eq!(
            contact_change(Some("01 02 03 04 05"), None, phone)
                .unwrap()
                .as_deref(),
            Some("01 02 03 04 05")
        );
        assert_eq!(
            contact_change(Some("01 02 03 04 05"), Some(None), phone).unwrap(),
            None
        );
        assert_eq!(contact_change(None, Some(Some(" ")), email).unwrap(), None);
        assert!(contact_change(None, Some(Some("pas-un-mail")), email).is_err());
    }
}
