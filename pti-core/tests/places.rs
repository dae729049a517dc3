//! The communes table the app ships (`reference-app/data/communes.csv`) loads and answers the
//! searches drivers type.

use pti_core::places::{Gazetteer, Precision};

fn france() -> Gazetteer {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../reference-app/data/communes.csv"
    );
    let text = std::fs::read_to_string(path).expect("communes.csv");
    Gazetteer::from_csv(&text).expect("a valid table")
}

#[test]
fn the_shipped_table_covers_france_and_answers_common_searches() {
    let g = france();
    assert!(g.len() > 34_000, "{} places", g.len());
    let paris = g.resolve("paris").unwrap();
    assert_eq!(
        (paris.insee.as_str(), paris.precision),
        ("75056", Precision::City)
    );
    assert!((paris.location.lat - 48.85).abs() < 0.05 && (paris.location.lng - 2.35).abs() < 0.05);
    assert_eq!(g.resolve("St-Etienne").unwrap().insee, "42218");
    // The commune of Lyon holds 69001 too and is larger than its 1st arrondissement.
    assert_eq!(g.resolve("69001").unwrap().insee, "69123");
    assert_eq!(g.resolve("Aix en Provence").unwrap().insee, "13001");
    assert_eq!(g.resolve("ajaccio").unwrap().departement, "2A");
    assert_eq!(g.resolve("97400").unwrap().name, "Saint-Denis");
    let marseille: Vec<&str> = g
        .suggest("mars", 3)
        .into_iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(marseille[0], "Marseille");
    assert_eq!(g.resolve("mars").unwrap().name, "Mars");
    assert_eq!(g.suggest("13", 10).len(), 10);
}
