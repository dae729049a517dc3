//! French places for "where are you?": communes and municipal arrondissements with their
//! postcodes and coordinates, searched by name (accents, case, hyphens and the "St"/"Ste"
//! abbreviations do not matter) or by postcode, for autocompletion and for resolving free text
//! to a point. The table is a CSV the caller loads (the app ships `reference-app/data/
//! communes.csv`, built from Etalab's commune list and GeoNames coordinates); no online geocoder.

use crate::error::Coded;
use crate::model::GeoPoint;
use serde::{Deserialize, Serialize};

/// How close a place's coordinates are to the commune itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// The commune's own coordinates.
    City,
    /// Those of a larger commune sharing its postcode.
    Postcode,
    /// Those of its département's chef-lieu.
    Departement,
}

impl Precision {
    /// Every precision, finest first.
    pub const ALL: [Precision; 3] = [Precision::City, Precision::Postcode, Precision::Departement];
}

crate::error::impl_code!(Precision, "precision" {
    City = "city",
    Postcode = "postcode",
    Departement = "departement",
});

/// A commune (or a municipal arrondissement of Paris, Lyon, Marseille).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// INSEE code, e.g. `75056`.
    pub insee: String,
    /// Official name, e.g. `Saint-Étienne`.
    pub name: String,
    /// Postcodes.
    pub postcodes: Vec<String>,
    /// Département code, e.g. `42`, `2A`, `974`.
    pub departement: String,
    /// Population.
    pub population: u32,
    /// Coordinates.
    pub location: GeoPoint,
    /// How close `location` is.
    pub precision: Precision,
}

/// A table line that does not parse, or a query that finds nothing.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlacesError {
    /// Line `line` of the table is malformed.
    #[error("line {line} of the places table is malformed: {reason}")]
    BadTable {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: &'static str,
    },
    /// No place matches the text.
    #[error("no French commune or postcode matches '{0}'")]
    NotFound(String),
}

impl Coded for PlacesError {
    fn code(&self) -> &'static str {
        match self {
            PlacesError::BadTable { .. } => "INVALID_PLACES_TABLE",
            PlacesError::NotFound(_) => "PLACE_NOT_FOUND",
        }
    }
}

/// Lower case, no accents, words separated by single spaces, `st`/`ste` spelled out.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let mapped: &str = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => "o",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ý' | 'ÿ' => "y",
            'œ' => "oe",
            'æ' => "ae",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => " ",
        };
        out.push_str(mapped);
    }
    out.split_whitespace()
        .map(|w| match w {
            "st" => "saint",
            "ste" => "sainte",
            w => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The places of France, indexed for prefix search by name, any word of the name, and postcode.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// (folded name from one of its word starts, place index, whether it is the whole name).
    names: Vec<(String, u32, bool)>,
    /// (postcode, place index).
    postcodes: Vec<(String, u32)>,
}

impl Gazetteer {
    /// Parses the table: `insee;name;postcodes;departement;population;lat;lng;precision` with a
    /// header line, postcodes separated by spaces.
    pub fn from_csv(text: &str) -> Result<Self, PlacesError> {
        let mut places = Vec::new();
        for (i, line) in text
            .lines()
            .enumerate()
            .skip(1)
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let bad = |reason| PlacesError::BadTable {
                line: i + 1,
                reason,
            };
            let f: Vec<&str> = line.split(';').collect();
            let [
                insee,
                name,
                postcodes,
                departement,
                population,
                lat,
                lng,
                precision,
            ] = f[..]
            else {
                return Err(bad("expected 8 fields"));
            };
            let coordinate = |s: &str| {
                s.parse::<f64>()
                    .map_err(|_| bad("coordinate is not a number"))
            };
            let location = GeoPoint::new(coordinate(lat)?, coordinate(lng)?)
                .map_err(|_| bad("coordinates out of range"))?;
            let precision = precision
                .parse::<Precision>()
                .map_err(|_| bad("unknown precision"))?;
            places.push(Place {
                insee: insee.to_string(),
                name: name.to_string(),
                postcodes: postcodes.split_whitespace().map(str::to_string).collect(),
                departement: departement.to_string(),
                population: population
                    .parse()
                    .map_err(|_| bad("population is not a number"))?,
                location,
                precision,
            });
        }
        Ok(Gazetteer::new(places))
    }

    /// Indexes a list of places.
    pub fn new(places: Vec<Place>) -> Self {
        let mut names = Vec::new();
        let mut postcodes = Vec::new();
        for (i, p) in places.iter().enumerate() {
            let i = i as u32;
            let folded = fold(&p.name);
            let starts = std::iter::once(0).chain(folded.match_indices(' ').map(|(at, _)| at + 1));
            for start in starts {
                names.push((folded[start..].to_string(), i, start == 0));
            }
            postcodes.extend(p.postcodes.iter().map(|code| (code.clone(), i)));
        }
        names.sort();
        postcodes.sort();
        Gazetteer {
            places,
            names,
            postcodes,
        }
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Every place, in the table's order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// A place by INSEE code.
    pub fn by_insee(&self, insee: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.insee == insee)
    }

    /// Up to `limit` places for what a person has typed so far: a postcode or its first digits,
    /// or the start of the name or of any word of it. Names that start with the text come
    /// before names with a later word that does; within each, larger places first, a name
    /// typed in full counting a hundred times its population ("mars" offers Marseille, then
    /// Mars).
    pub fn suggest(&self, text: &str, limit: usize) -> Vec<&Place> {
        let query = fold(text);
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let weight = |i: u32, exact: bool| {
            let population = u64::from(self.places[i as usize].population);
            if exact { population * 100 } else { population }
        };
        let mut found: Vec<(u8, u64, u32)> = if is_postcode(&query) {
            let code: String = query.chars().filter(char::is_ascii_digit).collect();
            prefixed(&self.postcodes, &code, |(c, _)| c.as_str())
                .iter()
                .map(|(c, i)| (0, weight(*i, *c == code), *i))
                .collect()
        } else {
            prefixed(&self.names, &query, |(n, _, _)| n.as_str())
                .iter()
                .map(|(n, i, whole)| (u8::from(!whole), weight(*i, *whole && *n == query), *i))
                .collect()
        };
        found.sort_by(|a, b| {
            let insee = |i: u32| &self.places[i as usize].insee;
            a.0.cmp(&b.0)
                .then(b.1.cmp(&a.1))
                .then(insee(a.2).cmp(insee(b.2)))
        });
        let mut seen = std::collections::HashSet::new();
        found
            .into_iter()
            .filter(|(_, _, i)| seen.insert(*i))
            .take(limit)
            .map(|(_, _, i)| &self.places[i as usize])
            .collect()
    }

    /// The place a free text names: a commune whose whole name it is (the largest of
    /// homonyms), else the largest place holding that postcode, else the first suggestion.
    pub fn resolve(&self, text: &str) -> Result<&Place, PlacesError> {
        let query = fold(text);
        let exact = if is_postcode(&query) {
            let code: String = query.chars().filter(char::is_ascii_digit).collect();
            prefixed(&self.postcodes, &code, |(c, _)| c.as_str())
                .iter()
                .filter(|(c, _)| *c == code)
                .map(|e| e.1)
                .collect::<Vec<_>>()
        } else {
            prefixed(&self.names, &query, |(n, _, _)| n.as_str())
                .iter()
                .filter(|(n, _, whole)| *whole && *n == query)
                .map(|e| e.1)
                .collect()
        };
        exact
            .into_iter()
            .map(|i| &self.places[i as usize])
            .max_by_key(|p| (p.population, std::cmp::Reverse(p.insee.clone())))
            .or_else(|| self.suggest(text, 1).into_iter().next())
            .ok_or_else(|| PlacesError::NotFound(text.trim().to_string()))
    }
}

fn is_postcode(folded: &str) -> bool {
    folded.bytes().all(|b| b.is_ascii_digit() || b == b' ')
}

/// The entries of a sorted list whose key starts with `prefix`.
fn prefixed<'a, T>(sorted: &'a [T], prefix: &str, key: impl Fn(&T) -> &str) -> &'a [T] {
    let from = sorted.partition_point(|e| key(e) < prefix);
    let len = sorted[from..].partition_point(|e| key(e).starts_with(prefix));
    &sorted[from..from + len]
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "insee;name;postcodes;departement;population;lat;lng;precision
42218;Saint-Étienne;42000 42100;42;173089;45.43389;4.39000;city
75056;Paris;75001 75002;75;2103778;48.85341;2.34880;city
75111;Paris 11e Arrondissement;75011;75;138170;48.85341;2.34880;postcode
77288;Montereau-Fault-Yonne;77130;77;20000;48.38;2.95;city
42999;Étienne-sur-Loire;42100;42;500;45.4;4.4;postcode
";

    fn g() -> Gazetteer {
        Gazetteer::from_csv(TABLE).unwrap()
    }

    fn names(found: Vec<&Place>) -> Vec<&str> {
        found.into_iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn folding_ignores_case_accents_punctuation_and_saint_abbreviations() {
        assert_eq!(fold("St-Étienne"), "saint etienne");
        assert_eq!(fold("  SAINT étienne "), "saint etienne");
        assert_eq!(fold("L'Haÿ-les-Roses"), "l hay les roses");
        assert_eq!(fold("Cœuvres"), "coeuvres");
    }

    #[test]
    fn names_match_from_the_start_then_from_any_word() {
        assert_eq!(names(g().suggest("st eti", 5)), ["Saint-Étienne"]);
        assert_eq!(
            names(g().suggest("etienne", 5)),
            ["Étienne-sur-Loire", "Saint-Étienne"]
        );
        assert_eq!(
            names(g().suggest("paris", 5)),
            ["Paris", "Paris 11e Arrondissement"]
        );
        assert_eq!(names(g().suggest("fault", 5)), ["Montereau-Fault-Yonne"]);
        assert!(g().suggest("lyon", 5).is_empty());
    }

    #[test]
    fn postcodes_match_exactly_or_by_their_first_digits() {
        assert_eq!(names(g().suggest("75011", 5)), ["Paris 11e Arrondissement"]);
        assert_eq!(
            names(g().suggest("750", 5)),
            ["Paris", "Paris 11e Arrondissement"]
        );
        assert_eq!(
            names(g().suggest("42100", 5)),
            ["Saint-Étienne", "Étienne-sur-Loire"]
        );
    }

    #[test]
    fn resolve_takes_the_best_match_or_says_not_found() {
        assert_eq!(g().resolve("Paris").unwrap().insee, "75056");
        assert_eq!(g().resolve("42000").unwrap().name, "Saint-Étienne");
        assert_eq!(
            g().resolve("Atlantide").unwrap_err().code(),
            "PLACE_NOT_FOUND"
        );
        assert_eq!(g().resolve("   ").unwrap_err().code(), "PLACE_NOT_FOUND");
    }

    #[test]
    fn malformed_tables_are_refused_with_the_line() {
        let bad = "header\n75056;Paris;75001;75;1;48.8;2.3\n";
        assert_eq!(
            Gazetteer::from_csv(bad).unwrap_err(),
            PlacesError::BadTable {
                line: 2,
                reason: "expected 8 fields"
            }
        );
        let nan = "header\n75056;Paris;75001;75;1;north;2.3;city\n";
        assert_eq!(
            Gazetteer::from_csv(nan).unwrap_err().code(),
            "INVALID_PLACES_TABLE"
        );
    }
}
