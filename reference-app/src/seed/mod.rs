//! `pti-server seed`: the spec's demo data (3 networks, 15 agencies, 30 centres, 60 inspectors
//! with their shifts, 49 users, 500 bookings), deterministic for a given day. Centres sit in real
//! communes (coordinates from the shipped communes table); future bookings are placed through
//! the engine itself, so none overlaps and each inspector works when booked.

use anyhow::Context;
use chrono::{Duration, NaiveTime, Utc};
use pti_core::availability::TimeFilter;
use pti_core::model::{Agreements, BookingId, CentreId, ControlType, Fuel, Plate, VehicleCategory};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::engine::{load, today};
use crate::search::{Wanted, gazetteer};

/// The spec's demo password of each role.
pub const DEMO_PASSWORDS: [(&str, &str); 7] = [
    ("SUPER_ADMIN", "SuperAdmin123!"),
    ("ADMIN_TENANT", "Admin123!"),
    ("ADMIN_AGENCE", "AdminAgence123!"),
    ("ADMIN_CT", "AdminCT123!"),
    ("CONTROLEUR", "Controleur123!"),
    ("CALL_CENTER", "CallCenter123!"),
    ("CLIENT", "Client123!"),
];

/// The argon2id hash of each role's demo password (hashed once each).
struct Passwords(Vec<(&'static str, String)>);

impl Passwords {
    async fn hash() -> anyhow::Result<Self> {
        let mut out = Vec::new();
        for (role, password) in DEMO_PASSWORDS {
            out.push((
                role,
                crate::auth::password::hash(password.to_owned()).await?,
            ));
        }
        Ok(Self(out))
    }

    fn of(&self, role: &str) -> &str {
        self.0
            .iter()
            .find(|(r, _)| *r == role)
            .map_or("", |(_, h)| h.as_str())
    }
}

/// The spec's demo networks: slug, name, domain, plan, max users, max agencies, colour, centre
/// name prefix, centre postcodes (two per agency).
type TenantSeed = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i32,
    i32,
    &'static str,
    &'static str,
    [&'static str; 10],
);

const TENANTS: [TenantSeed; 3] = [
    (
        "controle-auto-france",
        "Contrôle Auto France",
        "controle-auto-france.fr",
        "enterprise",
        100,
        50,
        "#2563eb",
        "CAF",
        [
            "75011", "75015", "92100", "78000", "94000", "69003", "69100", "13008", "06000",
            "33000",
        ],
    ),
    (
        "auto-securite-pro",
        "Auto Sécurité Pro",
        "auto-securite-pro.fr",
        "business",
        50,
        20,
        "#16a34a",
        "ASP",
        [
            "75019", "93200", "92000", "91000", "59000", "67000", "57000", "31000", "34000",
            "69007",
        ],
    ),
    (
        "ct-express",
        "CT Express",
        "ct-express.fr",
        "starter",
        20,
        5,
        "#ea580c",
        "CT Express",
        [
            "75013", "95000", "44000", "35000", "29200", "49000", "37000", "76000", "14000",
            "86000",
        ],
    ),
];

const FIRST_NAMES: [&str; 16] = [
    "Jean", "Marie", "Pierre", "Sophie", "Luc", "Camille", "Nicolas", "Julie", "Thomas", "Claire",
    "Antoine", "Emma", "Hugo", "Léa", "Louis", "Chloé",
];
const LAST_NAMES: [&str; 16] = [
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
const MAKES: [(&str, &str); 8] = [
    ("Renault", "Clio"),
    ("Peugeot", "208"),
    ("Citroën", "C3"),
    ("Volkswagen", "Golf"),
    ("Toyota", "Yaris"),
    ("Dacia", "Sandero"),
    ("Renault", "Kangoo"),
    ("Peugeot", "Partner"),
];

/// What was written.
#[derive(Debug, Default)]
pub struct Summary {
    /// Networks.
    pub tenants: usize,
    /// Agencies.
    pub agencies: usize,
    /// Centres.
    pub centres: usize,
    /// Inspectors.
    pub inspectors: usize,
    /// Users.
    pub users: usize,
    /// API keys.
    pub api_keys: usize,
    /// Bookings.
    pub bookings: usize,
    /// Free starts of a car's periodic inspection over the next 90 days, all centres.
    pub bookable_slots: usize,
}

/// Seeds the database behind the owner pool; with `reset`, empties it first. Without `reset`,
/// a database that already holds networks is left alone (answers `None`).
pub async fn run(owner: &PgPool, reset: bool) -> anyhow::Result<Option<Summary>> {
    if reset {
        sqlx::query("TRUNCATE tenants, users, audit_logs, refresh_tokens CASCADE")
            .execute(owner)
            .await?;
    } else {
        let any: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM tenants)")
            .fetch_one(owner)
            .await?;
        if any {
            return Ok(None);
        }
    }
    let mut rng = StdRng::seed_from_u64(2026);
    let passwords = Passwords::hash().await?;
    let mut summary = Summary::default();
    let mut tx = owner.begin().await?;
    let mut clients: Vec<(Uuid, Uuid, String, String, String)> = Vec::new();
    user(
        &mut tx,
        None,
        "SUPER_ADMIN",
        "superadmin@pti-calendar.fr",
        "Super",
        "Admin",
        &passwords,
        None,
        None,
    )
    .await?;
    summary.users += 1;
    for (t, (slug, name, domain, plan, max_users, max_agences, colour, prefix, postcodes)) in
        TENANTS.iter().enumerate()
    {
        let tenant: Uuid = sqlx::query_scalar(
            "INSERT INTO tenants (slug, name, domain, plan, max_users, max_agences, settings) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(slug)
        .bind(name)
        .bind(domain)
        .bind(plan)
        .bind(max_users)
        .bind(max_agences)
        .bind(json!({
            "branding": { "primary_color": colour, "name": name },
            "payment": { "provider": "sandbox" },
            "notification": { "email": true, "sms": true },
            "booking_policy": {},
        }))
        .fetch_one(&mut *tx)
        .await?;
        summary.tenants += 1;
        let mail = |who: &str| format!("{who}@{domain}");
        user(
            &mut tx,
            Some(tenant),
            "ADMIN_TENANT",
            &mail("admin"),
            "Alice",
            "Directrice",
            &passwords,
            None,
            None,
        )
        .await?;
        for i in 1..=2 {
            user(
                &mut tx,
                Some(tenant),
                "CALL_CENTER",
                &mail(&format!("callcenter{i}")),
                "Opérateur",
                &format!("N°{i}"),
                &passwords,
                None,
                None,
            )
            .await?;
        }
        summary.users += 3;
        // A machine client: the eighth role, as an API key (only its SHA-256 is stored).
        sqlx::query(
            "INSERT INTO api_keys (tenant_id, name, prefix, key_hash, scopes) \
             VALUES ($1, 'Intégration démo', $2, $3, '{rdv:read,ct:read}')",
        )
        .bind(tenant)
        .bind(format!("pti_demo_{}", &slug[..4]))
        .bind(crate::auth::token_hash(&format!("pti_demo_{slug}")))
        .execute(&mut *tx)
        .await?;
        summary.api_keys += 1;
        for i in 1..=10 {
            let (first, last) = (FIRST_NAMES[(t * 5 + i) % 16], LAST_NAMES[(t * 7 + i) % 16]);
            let email = if t == 0 && i == 1 {
                "client@pti-calendar.fr".to_owned()
            } else {
                mail(&format!("client{i}"))
            };
            let id = user(
                &mut tx,
                Some(tenant),
                "CLIENT",
                &email,
                first,
                last,
                &passwords,
                None,
                None,
            )
            .await?;
            clients.push((tenant, id, first.to_owned(), last.to_owned(), email));
            summary.users += 1;
        }
        // Tenant-wide offers: price tax included and duration (centres override some prices).
        for (control, category, cents) in [
            ("CT", "VP", 7900),
            ("CT", "VU", 8900),
            ("CT", "L", 5500),
            ("CT", "CAMPING_CAR", 9900),
            ("CT_CONTRE_VISITE", "VP", 2500),
            ("CT_CONTRE_VISITE", "VU", 2500),
            ("CT_CONTRE_VISITE", "L", 2000),
            ("CTC", "VU", 4500),
        ] {
            sqlx::query("INSERT INTO offers (tenant_id, control_type, vehicle_category, price_cents) VALUES ($1, $2, $3, $4)")
                .bind(tenant).bind(control).bind(category).bind(cents)
                .execute(&mut *tx).await?;
        }
        for a in 0..5 {
            let first = gazetteer()
                .resolve(postcodes[a * 2])
                .context("seed postcode")?;
            let agency: Uuid = sqlx::query_scalar(
                "INSERT INTO agences (tenant_id, code, name, city, postcode, lat, lng, phone, email) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(tenant).bind(format!("AG{:02}", a + 1)).bind(format!("Agence {}", first.name))
            .bind(&first.name).bind(postcodes[a * 2]).bind(first.location.lat).bind(first.location.lng)
            .bind(format!("01 4{t} {a}0 00 00")).bind(mail(&format!("agence{}", a + 1)))
            .fetch_one(&mut *tx).await?;
            summary.agencies += 1;
            if a < 3 {
                user(
                    &mut tx,
                    Some(tenant),
                    "ADMIN_AGENCE",
                    &mail(&format!("agence{}", a + 1)),
                    "Responsable",
                    &format!("Agence {}", a + 1),
                    &passwords,
                    Some(agency),
                    None,
                )
                .await?;
                summary.users += 1;
            }
            for c in 0..2 {
                let n = a * 2 + c;
                let postcode = postcodes[n];
                let place = gazetteer().resolve(postcode).context("seed postcode")?;
                let (dlat, dlng) = (rng.gen_range(-0.02..0.02), rng.gen_range(-0.03..0.03));
                let continuous = n % 3 == 2;
                let hours = if continuous {
                    json!([{ "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "start": "08:00:00", "end": "18:00:00" },
                           { "rrule": "FREQ=WEEKLY;BYDAY=SA", "start": "08:30:00", "end": "12:30:00" }])
                } else {
                    json!([{ "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "start": "08:00:00", "end": "12:00:00" },
                           { "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "start": "14:00:00", "end": "19:00:00" },
                           { "rrule": "FREQ=WEEKLY;BYDAY=SA", "start": "08:00:00", "end": "12:00:00" }])
                };
                let dept = &place.departement;
                let holiday = if ["57", "67", "68"].contains(&dept.as_str()) {
                    "alsace_moselle"
                } else {
                    "national"
                };
                let categories: &[&str] = if n % 4 == 0 {
                    &["VP", "VU", "L", "CAMPING_CAR"]
                } else {
                    &["VP", "VU", "L"]
                };
                let centre: Uuid = sqlx::query_scalar(
                    "INSERT INTO cts (tenant_id, agency_id, code, name, address, postcode, city, lat, lng, phone, email, \
                     rating, rating_count, lanes, daily_capacity, holiday_policy, opening_hours, vehicle_categories) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id",
                )
                .bind(tenant).bind(agency).bind(format!("CT{:03}", n + 1))
                .bind(format!("{} {} {}", prefix, place.name, ["Centre", "Nord", "Sud", "Gare"][n % 4]))
                .bind(format!("{} {}", 10 + n * 7, ["rue de la République", "avenue Jean Jaurès", "boulevard Victor Hugo", "rue Pasteur"][n % 4]))
                .bind(postcode).bind(&place.name)
                .bind(place.location.lat + dlat).bind(place.location.lng + dlng)
                .bind(format!("0{} {:02} {:02} {:02} {:02}", 1 + t, 10 + n, 20 + a, 30 + c, 40 + t))
                .bind(format!("ct{:03}@{domain}", n + 1))
                .bind(rating(&mut rng)).bind(rng.gen_range(12..400))
                .bind(2_i16).bind(30).bind(holiday).bind(hours)
                .bind(categories.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                .fetch_one(&mut *tx).await?;
                summary.centres += 1;
                progress("centres", summary.centres, 30);
                if rng.gen_bool(0.5) {
                    sqlx::query("INSERT INTO offers (tenant_id, centre_id, control_type, vehicle_category, price_cents) VALUES ($1, $2, 'CT', 'VP', $3)")
                        .bind(tenant).bind(centre).bind(6900 + 100 * rng.gen_range(0..20))
                        .execute(&mut *tx).await?;
                }
                if n % 2 == 0 && n < 6 {
                    user(
                        &mut tx,
                        Some(tenant),
                        "ADMIN_CT",
                        &format!("chef.ct{:03}@{domain}", n + 1),
                        "Chef",
                        &format!("CT{:03}", n + 1),
                        &passwords,
                        Some(agency),
                        Some(centre),
                    )
                    .await?;
                    summary.users += 1;
                }
                for i in 0..2 {
                    let (first_name, last_name) = (
                        FIRST_NAMES[(n * 2 + i + t) % 16],
                        LAST_NAMES[(n + i * 5 + t) % 16],
                    );
                    let agreements: &[&str] = if i == 0 { &["VL", "L", "GAS"] } else { &["VL"] };
                    let inspector: Uuid = sqlx::query_scalar(
                        "INSERT INTO controleurs (tenant_id, centre_id, first_name, last_name, agreement_number, agreements) \
                         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    )
                    .bind(tenant).bind(centre).bind(first_name).bind(last_name)
                    .bind(format!("AG-{}{:03}{}", t, n, i))
                    .bind(agreements.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                    .fetch_one(&mut *tx).await?;
                    summary.inspectors += 1;
                    let shifts: &[(&str, &str, &str)] = match (continuous, i) {
                        (true, 0) => &[("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "08:00", "18:00")],
                        (true, _) => &[
                            ("FREQ=WEEKLY;BYDAY=TU,WE,TH,FR", "08:00", "18:00"),
                            ("FREQ=WEEKLY;BYDAY=SA", "08:30", "12:30"),
                        ],
                        (false, 0) => &[
                            ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "08:00", "12:00"),
                            ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "14:00", "19:00"),
                        ],
                        (false, _) => &[
                            ("FREQ=WEEKLY;BYDAY=TU,WE,TH,FR,SA", "08:00", "12:00"),
                            ("FREQ=WEEKLY;BYDAY=TU,WE,TH,FR", "14:00", "19:00"),
                        ],
                    };
                    for (rule, from, to) in shifts {
                        sqlx::query(
                            "INSERT INTO planning_shifts (tenant_id, centre_id, inspector_id, rrule, starts_local, ends_local, valid_from) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7)",
                        )
                        .bind(tenant).bind(centre).bind(inspector).bind(*rule)
                        .bind(NaiveTime::parse_from_str(from, "%H:%M")?).bind(NaiveTime::parse_from_str(to, "%H:%M")?)
                        .bind(today() - Duration::days(60))
                        .execute(&mut *tx).await?;
                    }
                    if i == 1 && n % 5 == 0 {
                        let start = (today() + Duration::days(20 + n as i64))
                            .and_hms_opt(0, 0, 0)
                            .unwrap_or_default()
                            .and_utc();
                        sqlx::query("INSERT INTO controleur_leaves (tenant_id, inspector_id, starts_at, ends_at, kind, reason) VALUES ($1, $2, $3, $4, 'leave', 'Congés')")
                            .bind(tenant).bind(inspector).bind(start).bind(start + Duration::days(5))
                            .execute(&mut *tx).await?;
                    }
                    if i == 0 && (n == 0 || n == 3) {
                        user(
                            &mut tx,
                            Some(tenant),
                            "CONTROLEUR",
                            &format!("controleur.ct{:03}@{domain}", n + 1),
                            first_name,
                            last_name,
                            &passwords,
                            Some(agency),
                            Some(centre),
                        )
                        .await
                        .map(|u| {
                            sqlx::query("UPDATE users SET inspector_id = $1 WHERE id = $2")
                                .bind(inspector)
                                .bind(u)
                        })?
                        .execute(&mut *tx)
                        .await?;
                        summary.users += 1;
                    }
                }
            }
        }
    }
    tx.commit().await?;
    (summary.bookings, summary.bookable_slots) = bookings(owner, &mut rng, &clients).await?;
    Ok(Some(summary))
}

/// Draws a progress bar on standard error; a terminal's line is redrawn in place, a log gets
/// only the finished bar.
fn progress(what: &str, done: usize, total: usize) {
    use std::io::{IsTerminal, Write};
    let mut err = std::io::stderr();
    let step = if err.is_terminal() { 10 } else { total.max(1) };
    if !done.is_multiple_of(step) && done != total {
        return;
    }
    let filled = done * 30 / total.max(1);
    let _ = write!(
        err,
        "\r{what:<10} [{}{}] {done}/{total}",
        "#".repeat(filled),
        ".".repeat(30 - filled)
    );
    if done == total {
        let _ = writeln!(err);
    }
}

/// A rating from 3.5 to 5.0 with one decimal.
fn rating(rng: &mut StdRng) -> f64 {
    f64::from(rng.gen_range(35..=50)) / 10.0
}

#[allow(clippy::too_many_arguments)]
async fn user(
    conn: &mut PgConnection,
    tenant: Option<Uuid>,
    role: &str,
    email: &str,
    first_name: &str,
    last_name: &str,
    passwords: &Passwords,
    agency: Option<Uuid>,
    centre: Option<Uuid>,
) -> anyhow::Result<Uuid> {
    Ok(sqlx::query_scalar(
        "INSERT INTO users (tenant_id, email, phone, password_hash, first_name, last_name, role, agency_id, \
         centre_id, email_verified_at) VALUES ($1, $2, '06 12 34 56 78', $3, $4, $5, $6, $7, $8, now()) RETURNING id",
    )
    .bind(tenant).bind(email).bind(passwords.of(role)).bind(first_name).bind(last_name).bind(role)
    .bind(agency).bind(centre)
    .fetch_one(conn)
    .await?)
}

/// A valid SIV plate.
fn plate(rng: &mut StdRng) -> String {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTVXYZ";
    loop {
        let mut letters = [' '; 4];
        for l in &mut letters {
            *l = LETTERS[rng.gen_range(0..LETTERS.len())] as char;
        }
        let [a, b, c, d] = letters;
        let text = format!("{a}{b}-{:03}-{c}{d}", rng.gen_range(1..1000));
        if let Ok(p) = Plate::parse(&text) {
            return p.as_str().to_owned();
        }
    }
}

/// 500 bookings: 200 in the past 30 days (completed, no-show, cancelled), 300 confirmed and
/// paid in the next 30 days, placed through the engine.
async fn bookings(
    owner: &PgPool,
    rng: &mut StdRng,
    clients: &[(Uuid, Uuid, String, String, String)],
) -> anyhow::Result<(usize, usize)> {
    let mut engine = load::load(owner, today()).await?;
    let centres: Vec<(CentreId, Uuid)> = engine
        .index
        .centres()
        .map(|c| (c.id, c.tenant_id.0))
        .collect();
    let mut tx = owner.begin().await?;
    let mut count = 0;
    let mut attempts = 0;
    while count < 500 && attempts < 5000 {
        attempts += 1;
        let (centre_id, tenant) = centres[rng.gen_range(0..centres.len())];
        let past = count < 200;
        let wanted = Wanted {
            control_type: if rng.gen_bool(0.85) {
                ControlType::Periodic
            } else {
                ControlType::Recheck
            },
            category: if rng.gen_bool(0.8) {
                VehicleCategory::Vp
            } else {
                VehicleCategory::Vu
            },
            fuel: [
                Fuel::Petrol,
                Fuel::Diesel,
                Fuel::Diesel,
                Fuel::Hybrid,
                Fuel::Electric,
            ][rng.gen_range(0..5)],
        };
        let Some(centre) = engine.index.centre(centre_id).cloned() else {
            continue;
        };
        let Some(offer) = centre.offer(wanted.control_type, wanted.category).copied() else {
            continue;
        };
        let need = wanted.need(&centre);
        let (start, inspector) = if past {
            // Past inspections do not hold capacity: any opening slot of a past weekday.
            let day = today() - Duration::days(rng.gen_range(1..30));
            let Some(local) = day.and_hms_opt(
                rng.gen_range(8..11),
                [0, 15, 30, 45][rng.gen_range(0..4)],
                0,
            ) else {
                continue;
            };
            let Some(start) = local.and_local_timezone(centre.time_zone).single() else {
                continue;
            };
            let Some(inspector) = centre.inspectors.iter().find(|i| {
                i.agreements
                    .covers(Agreements::required_for(wanted.category, wanted.fuel))
            }) else {
                continue;
            };
            (start.with_timezone(&Utc), inspector.id.0)
        } else {
            // From a day and an hour, not from the clock: the same day seeds the same week.
            let from = (today() + Duration::days(rng.gen_range(1..30)))
                .and_time(NaiveTime::MIN)
                .and_utc()
                + Duration::hours(rng.gen_range(6..16));
            let Some(a) = engine.index.availability_mut(centre_id) else {
                continue;
            };
            let Some(slot) = a
                .first_free(
                    from,
                    from + Duration::days(3),
                    &need,
                    TimeFilter::default(),
                    1,
                )
                .pop()
            else {
                continue;
            };
            let Ok(p) = a.book(
                BookingId(Uuid::new_v4()),
                slot.start.with_timezone(&Utc),
                &need,
            ) else {
                continue;
            };
            (p.start, p.inspector_id.0)
        };
        let client = clients
            .iter()
            .filter(|c| c.0 == tenant)
            .nth(rng.gen_range(0..16))
            .cloned();
        let (first, last) = (
            FIRST_NAMES[rng.gen_range(0..16)].to_owned(),
            LAST_NAMES[rng.gen_range(0..16)].to_owned(),
        );
        let (user_id, first, last, email) = match client {
            Some((_, id, f, l, _)) => (Some(id), f, l, None),
            None => (
                None,
                first.clone(),
                last.clone(),
                Some(
                    format!(
                        "{}.{}@exemple.fr",
                        first.to_lowercase(),
                        last.to_lowercase()
                    )
                    .replace(['é', 'è'], "e"),
                ),
            ),
        };
        let status = if past {
            [
                "completed",
                "completed",
                "completed",
                "completed",
                "no_show",
                "cancelled",
            ][rng.gen_range(0..6)]
        } else {
            "confirmed"
        };
        let verdict = (status == "completed" && wanted.control_type == ControlType::Periodic)
            .then(|| ["A", "A", "A", "S", "R"][rng.gen_range(0..5)]);
        let plate = plate(rng);
        let (make, model) = MAKES[rng.gen_range(0..MAKES.len())];
        let id = Uuid::new_v4();
        let fuel = crate::codes::of(wanted.fuel);
        sqlx::query(
            "INSERT INTO rdv (id, tenant_id, reference, centre_id, inspector_id, user_id, guest_email, guest_phone, \
             first_name, last_name, plate, plate_normalized, vehicle_category, fuel, make, model, year, control_type, \
             status, payment_status, price_cents, vat_cents, start_at, end_at, source, inspection_result, cancelled_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, '06 98 76 54 32', $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
             $19, $20, $21, $22, $23, 'seed', $24, $25)",
        )
        .bind(id).bind(tenant).bind(format!("PTI-S{count:07}")).bind(centre_id.0).bind(inspector).bind(user_id)
        .bind(email).bind(&first).bind(&last).bind(&plate).bind(plate.replace('-', ""))
        .bind(wanted.category.code()).bind(&fuel).bind(make).bind(model).bind(rng.gen_range(2005_i16..2024))
        .bind(wanted.control_type.code()).bind(status)
        .bind(if status == "cancelled" { "refunded" } else { "paid" })
        .bind(offer.price.gross.cents() as i32).bind(offer.price.vat().cents() as i32)
        .bind(start).bind(start + Duration::minutes(i64::from(need.duration_minutes)))
        .bind(verdict).bind((status == "cancelled").then(|| start - Duration::days(2)))
        .execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO payments (tenant_id, booking_id, provider, provider_ref, amount_cents, refunded_cents, status, \
             card_brand, card_last4, idempotency_key) VALUES ($1, $2, 'sandbox', $3, $4, $5, $6, 'visa', '4242', $7)",
        )
        .bind(tenant).bind(id).bind(format!("pi_seed_{}", id.simple()))
        .bind(offer.price.gross.cents() as i32)
        .bind(if status == "cancelled" { offer.price.gross.cents() as i32 } else { 0 })
        .bind(if status == "cancelled" { "refunded" } else { "succeeded" })
        .bind(format!("seed-{id}"))
        .execute(&mut *tx).await?;
        count += 1;
        progress("bookings", count, 500);
    }
    tx.commit().await?;
    // What remains bookable: free starts of a periodic inspection of a petrol car, next 90 days.
    let car = Wanted {
        control_type: ControlType::Periodic,
        category: VehicleCategory::Vp,
        fuel: Fuel::Petrol,
    };
    let (from, to) = (Utc::now(), Utc::now() + Duration::days(90));
    let bookable = engine
        .index
        .centres()
        .filter_map(|c| {
            let a = engine.index.availability(c.id)?;
            Some(
                a.first_free(from, to, &car.need(c), TimeFilter::default(), usize::MAX)
                    .len(),
            )
        })
        .sum();
    Ok((count, bookable))
}
