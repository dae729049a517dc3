//! The demo data's fixed parts: the spec's three networks, names, vehicles and passwords.

use pti_core::policy::Role;

/// The spec's demo password of each role.
pub const DEMO_PASSWORDS: [(Role, &str); 7] = [
    (Role::SuperAdmin, "SuperAdmin123!"),
    (Role::AdminTenant, "Admin123!"),
    (Role::AdminAgence, "AdminAgence123!"),
    (Role::AdminCt, "AdminCT123!"),
    (Role::Controleur, "Controleur123!"),
    (Role::CallCenter, "CallCenter123!"),
    (Role::Client, "Client123!"),
];

/// One of the spec's demo networks.
pub struct NetworkSeed {
    /// URL slug.
    pub slug: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Domain (and the demo e-mails' domain).
    pub domain: &'static str,
    /// Plan.
    pub plan: &'static str,
    /// Most users of the plan.
    pub max_users: i32,
    /// Most agencies of the plan.
    pub max_agencies: i32,
    /// Brand colour.
    pub colour: &'static str,
    /// Prefix of its centres' names.
    pub prefix: &'static str,
    /// Its centres' postcodes, two per agency.
    pub postcodes: [&'static str; 10],
}

/// The three demo networks.
pub const TENANTS: [NetworkSeed; 3] = [
    NetworkSeed {
        slug: "controle-auto-france",
        name: "Contrôle Auto France",
        domain: "controle-auto-france.fr",
        plan: "enterprise",
        max_users: 100,
        max_agencies: 50,
        colour: "#2563eb",
        prefix: "CAF",
        postcodes: [
            "75011", "75015", "92100", "78000", "94000", "69003", "69100", "13008", "06000",
            "33000",
        ],
    },
    NetworkSeed {
        slug: "auto-securite-pro",
        name: "Auto Sécurité Pro",
        domain: "auto-securite-pro.fr",
        plan: "business",
        max_users: 50,
        max_agencies: 20,
        colour: "#16a34a",
        prefix: "ASP",
        postcodes: [
            "75019", "93200", "92000", "91000", "59000", "67000", "57000", "31000", "34000",
            "69007",
        ],
    },
    NetworkSeed {
        slug: "ct-express",
        name: "CT Express",
        domain: "ct-express.fr",
        plan: "starter",
        max_users: 20,
        max_agencies: 5,
        colour: "#ea580c",
        prefix: "CT Express",
        postcodes: [
            "75013", "95000", "44000", "35000", "29200", "49000", "37000", "76000", "14000",
            "86000",
        ],
    },
];

/// A network's offers: control type, vehicle category, price tax included in cents (centres
/// override some prices).
pub const OFFERS: [(&str, &str, i32); 8] = [
    ("CT", "VP", 7900),
    ("CT", "VU", 8900),
    ("CT", "L", 5500),
    ("CT", "CAMPING_CAR", 9900),
    ("CT_CONTRE_VISITE", "VP", 2500),
    ("CT_CONTRE_VISITE", "VU", 2500),
    ("CT_CONTRE_VISITE", "L", 2000),
    ("CTC", "VU", 4500),
];

/// First names of the demo people.
pub const FIRST_NAMES: [&str; 16] = [
    "Jean", "Marie", "Pierre", "Sophie", "Luc", "Camille", "Nicolas", "Julie", "Thomas", "Claire",
    "Antoine", "Emma", "Hugo", "Léa", "Louis", "Chloé",
];
/// Last names of the demo people.
pub const LAST_NAMES: [&str; 16] = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèbvre",
    "Michel",
    "Garcia",
    "Roux",
];
/// Makes and models of the demo vehicles.
pub const MAKES: [(&str, &str); 8] = [
    ("Renault", "Clio"),
    ("Peugeot", "208"),
    ("Citroën", "C3"),
    ("Volkswagen", "Golf"),
    ("Toyota", "Yaris"),
    ("Dacia", "Sandero"),
    ("Renault", "Kangoo"),
    ("Peugeot", "Partner"),
];

/// The public holidays a centre in `departement` keeps: Alsace-Moselle (57, 67, 68) has two
/// more.
pub fn holiday_policy(departement: &str) -> &'static str {
    if ["57", "67", "68"].contains(&departement) {
        "alsace_moselle"
    } else {
        "national"
    }
}

/// The vehicle categories the `n`-th centre inspects: every fourth takes camping-cars too.
pub fn vehicle_categories(n: usize) -> &'static [&'static str] {
    if n.is_multiple_of(4) {
        &["VP", "VU", "L", "CAMPING_CAR"]
    } else {
        &["VP", "VU", "L"]
    }
}
