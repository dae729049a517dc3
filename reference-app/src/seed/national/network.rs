//! The national network's structure: the tenant and its offers, agencies of ten neighbouring
//! centres in real communes (drawn by population from the shipped communes table, mainland
//! France), two inspectors per centre with the demo's shifts, staff and client accounts.

use chrono::{Duration, NaiveTime};
use pti_core::places::Place;
use pti_core::policy::Role;
use rand::Rng;
use rand::distributions::{Distribution, WeightedIndex};
use rand::rngs::StdRng;
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::super::Passwords;
use super::super::copy::{Copy, Words};
use super::super::data::{FIRST_NAMES, LAST_NAMES, OFFERS, holiday_policy, vehicle_categories};
use super::super::network::{opening_hours, shifts};
use super::{Report, Size, new_id};
use crate::engine::today;
use crate::planning::gazetteer;

/// The national network's slug.
pub const SLUG: &str = "reseau-national";
/// Its domain, the staff's and clients' e-mail domain.
const DOMAIN: &str = "reseau-national.fr";

/// A client account, for the bookings.
pub struct Client {
    /// The account.
    pub id: Uuid,
    /// First name.
    pub first_name: &'static str,
    /// Last name.
    pub last_name: &'static str,
}

/// A centre to write.
struct CentreSeed {
    id: Uuid,
    agency: Uuid,
    place: &'static Place,
    continuous: bool,
}

/// Writes the network in one transaction; answers its clients.
pub async fn seed(
    owner: &PgPool,
    rng: &mut StdRng,
    passwords: &Passwords,
    size: &Size,
    report: &mut Report,
) -> anyhow::Result<Vec<Client>> {
    let mut tx = owner.begin().await?;
    let tenant = tenant(&mut tx, size).await?;
    report.tenant = tenant;
    let places = communes(rng, size.centres);
    let agencies: Vec<Uuid> = places
        .chunks(size.agency_centres.max(1))
        .map(|_| new_id(rng))
        .collect();
    let centres: Vec<CentreSeed> = places
        .iter()
        .enumerate()
        .map(|(i, &place)| CentreSeed {
            id: new_id(rng),
            agency: agencies[i / size.agency_centres.max(1)],
            place,
            continuous: i % 3 == 2,
        })
        .collect();
    write_agencies(&mut tx, tenant, &agencies, &centres, size).await?;
    write_centres(&mut tx, rng, tenant, &centres).await?;
    let inspectors = write_inspectors(&mut tx, rng, tenant, &centres, size).await?;
    report.agencies = agencies.len();
    report.centres = centres.len();
    report.inspectors = inspectors.len();
    let people = People {
        tenant,
        passwords,
        agencies: &agencies,
        centres: &centres,
        inspectors: &inspectors,
    };
    let clients;
    (report.staff, clients) = people.write(&mut tx, rng, size.clients).await?;
    report.clients = clients.len();
    tx.commit().await?;
    Ok(clients)
}

/// The tenant and its offers.
async fn tenant(tx: &mut PgConnection, size: &Size) -> anyhow::Result<Uuid> {
    let tenant: Uuid = sqlx::query_scalar(
        "INSERT INTO tenants (slug, name, domain, plan, max_users, max_agences, settings) \
         VALUES ($1, 'Réseau National CT', $2, 'enterprise', $3, $4, $5) RETURNING id",
    )
    .bind(SLUG)
    .bind(DOMAIN)
    .bind(i32::try_from(size.clients + 10 * size.centres).unwrap_or(i32::MAX))
    .bind(i32::try_from(size.centres).unwrap_or(i32::MAX))
    .bind(json!({
        "branding": { "primary_color": "#7c3aed", "name": "Réseau National CT" },
        "payment": { "provider": "sandbox" },
        "notification": { "email": true, "sms": true },
        "booking_policy": {},
    }))
    .fetch_one(&mut *tx)
    .await?;
    let (controls, categories, cents): (Vec<&str>, Vec<&str>, Vec<i32>) =
        OFFERS.iter().copied().fold(Default::default(), |mut v, o| {
            v.0.push(o.0);
            v.1.push(o.1);
            v.2.push(o.2);
            v
        });
    sqlx::query(
        "INSERT INTO offers (tenant_id, control_type, vehicle_category, price_cents) \
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[])",
    )
    .bind(tenant)
    .bind(controls)
    .bind(categories)
    .bind(cents)
    .execute(&mut *tx)
    .await?;
    Ok(tenant)
}

/// `count` communes of mainland France drawn by population (a city may get several centres),
/// in département then INSEE order so that an agency's ten centres are neighbours.
fn communes(rng: &mut StdRng, count: usize) -> Vec<&'static Place> {
    let mainland: Vec<&'static Place> = gazetteer()
        .places()
        .iter()
        .filter(|p| !p.departement.starts_with("97") && !p.postcodes.is_empty())
        .collect();
    let weights = WeightedIndex::new(mainland.iter().map(|p| p.population.max(1)))
        .expect("the communes table has people");
    let mut chosen: Vec<&'static Place> =
        (0..count).map(|_| mainland[weights.sample(rng)]).collect();
    chosen.sort_by(|a, b| (&a.departement, &a.insee).cmp(&(&b.departement, &b.insee)));
    chosen
}

async fn write_agencies(
    tx: &mut PgConnection,
    tenant: Uuid,
    agencies: &[Uuid],
    centres: &[CentreSeed],
    size: &Size,
) -> anyhow::Result<()> {
    let mut copy = Copy::start(
        tx,
        "agences (id, tenant_id, code, name, address, postcode, city, lat, lng, phone, email)",
    )
    .await?;
    for (a, id) in agencies.iter().enumerate() {
        let place = centres[a * size.agency_centres.max(1)].place;
        copy.row(&[
            id,
            &tenant,
            &format!("AN{:03}", a + 1),
            &format!("Agence {} ({:03})", place.name, a + 1),
            &format!("{} place de la Mairie", 1 + a % 40),
            &place.postcodes[0],
            &place.name,
            &place.location.lat,
            &place.location.lng,
            &format!("01 50 {:02} {:02} 00", a / 100, a % 100),
            &format!("agence{}@{DOMAIN}", a + 1),
        ])
        .await?;
    }
    copy.finish().await?;
    Ok(())
}

async fn write_centres(
    tx: &mut PgConnection,
    rng: &mut StdRng,
    tenant: Uuid,
    centres: &[CentreSeed],
) -> anyhow::Result<()> {
    const STREETS: [&str; 4] = [
        "rue de la République",
        "avenue Jean Jaurès",
        "boulevard Victor Hugo",
        "rue Pasteur",
    ];
    let mut copy = Copy::start(
        tx,
        "cts (id, tenant_id, agency_id, code, name, address, postcode, city, lat, lng, phone, \
         email, rating, rating_count, lanes, daily_capacity, holiday_policy, opening_hours, \
         vehicle_categories)",
    )
    .await?;
    for (n, c) in centres.iter().enumerate() {
        let holiday = holiday_policy(c.place.departement.as_str());
        let categories = vehicle_categories(n);
        let lat = c.place.location.lat + rng.gen_range(-0.02..0.02);
        let lng = c.place.location.lng + rng.gen_range(-0.03..0.03);
        let rating = f64::from(rng.gen_range(35..=50)) / 10.0;
        copy.row(&[
            &c.id,
            &tenant,
            &c.agency,
            &format!("N{:04}", n + 1),
            &format!("RN {} {}", c.place.name, n + 1),
            &format!("{} {}", 1 + n % 120, STREETS[n % 4]),
            &c.place.postcodes[0],
            &c.place.name,
            &lat,
            &lng,
            &format!("02 {:02} {:02} {:02} 00", n / 1000, (n / 10) % 100, n % 10),
            &format!("ct{:04}@{DOMAIN}", n + 1),
            &rating,
            &rng.gen_range(12_i32..400),
            &2_i16,
            &24_i32,
            &holiday,
            &opening_hours(c.continuous).to_string(),
            &Words(categories),
        ])
        .await?;
    }
    copy.finish().await?;
    // Half the centres set their own price of a car's inspection.
    sqlx::query(
        "INSERT INTO offers (tenant_id, centre_id, control_type, vehicle_category, price_cents) \
         SELECT tenant_id, id, 'CT', 'VP', 6900 + 100 * (abs(hashtext(code)) % 20) \
         FROM cts WHERE tenant_id = $1 AND abs(hashtext(code)) % 2 = 0",
    )
    .bind(tenant)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// An inspector written: its id, centre and names.
struct InspectorSeed {
    id: Uuid,
    centre: usize,
    first_name: &'static str,
    last_name: &'static str,
}

/// Two inspectors per centre (the first also holds the motorcycle and gas agreements) with
/// their weekly shifts since before the history starts.
async fn write_inspectors(
    tx: &mut PgConnection,
    rng: &mut StdRng,
    tenant: Uuid,
    centres: &[CentreSeed],
    size: &Size,
) -> anyhow::Result<Vec<InspectorSeed>> {
    let inspectors: Vec<InspectorSeed> = (0..centres.len() * 2)
        .map(|i| InspectorSeed {
            id: new_id(rng),
            centre: i / 2,
            first_name: FIRST_NAMES[rng.gen_range(0..FIRST_NAMES.len())],
            last_name: LAST_NAMES[rng.gen_range(0..LAST_NAMES.len())],
        })
        .collect();
    let mut copy = Copy::start(
        tx,
        "controleurs (id, tenant_id, centre_id, first_name, last_name, agreement_number, \
         agreements)",
    )
    .await?;
    for (i, s) in inspectors.iter().enumerate() {
        let agreements: &[&str] = if i % 2 == 0 {
            &["VL", "L", "GAS"]
        } else {
            &["VL"]
        };
        copy.row(&[
            &s.id,
            &tenant,
            &centres[s.centre].id,
            &s.first_name,
            &s.last_name,
            &format!("AN-{:05}", i + 1),
            &Words(agreements),
        ])
        .await?;
    }
    copy.finish().await?;
    let since = today() - Duration::days(i64::from(size.history_days) + 7);
    let mut copy = Copy::start(
        tx,
        "planning_shifts (tenant_id, centre_id, inspector_id, rrule, starts_local, ends_local, \
         valid_from)",
    )
    .await?;
    for (i, s) in inspectors.iter().enumerate() {
        let centre = &centres[s.centre];
        for (rule, from, to) in shifts(centre.continuous, i % 2) {
            copy.row(&[
                &tenant,
                &centre.id,
                &s.id,
                rule,
                &NaiveTime::parse_from_str(from, "%H:%M")?,
                &NaiveTime::parse_from_str(to, "%H:%M")?,
                &since,
            ])
            .await?;
        }
    }
    copy.finish().await?;
    Ok(inspectors)
}

/// The accounts of the network, with the demo passwords of their roles.
struct People<'a> {
    tenant: Uuid,
    passwords: &'a Passwords,
    agencies: &'a [Uuid],
    centres: &'a [CentreSeed],
    inspectors: &'a [InspectorSeed],
}

/// One account's row.
struct Account<'a> {
    role: Role,
    email: String,
    first_name: &'a str,
    last_name: &'a str,
    agency: Option<Uuid>,
    centre: Option<Uuid>,
    inspector: Option<Uuid>,
}

impl People<'_> {
    /// The tenant's admin, 20 call-centre operators, a head per agency and per centre, an
    /// account per inspector, then `clients` clients; answers the staff count and the clients.
    async fn write(
        &self,
        tx: &mut PgConnection,
        rng: &mut StdRng,
        clients: usize,
    ) -> anyhow::Result<(usize, Vec<Client>)> {
        let mut copy = Copy::start(
            tx,
            "users (id, tenant_id, email, phone, password_hash, first_name, last_name, role, \
             agency_id, centre_id, inspector_id, email_verified_at, created_at)",
        )
        .await?;
        let mut staff = vec![Account {
            role: Role::AdminTenant,
            email: format!("admin@{DOMAIN}"),
            first_name: "Nathalie",
            last_name: "Directrice",
            agency: None,
            centre: None,
            inspector: None,
        }];
        staff.extend((1..=20).map(|i| Account {
            role: Role::CallCenter,
            email: format!("callcenter{i}@{DOMAIN}"),
            first_name: "Opérateur",
            last_name: LAST_NAMES[i % LAST_NAMES.len()],
            agency: None,
            centre: None,
            inspector: None,
        }));
        staff.extend(self.agencies.iter().enumerate().map(|(a, id)| Account {
            role: Role::AdminAgence,
            email: format!("agence{}@{DOMAIN}", a + 1),
            first_name: FIRST_NAMES[a % FIRST_NAMES.len()],
            last_name: LAST_NAMES[(a / 3) % LAST_NAMES.len()],
            agency: Some(*id),
            centre: None,
            inspector: None,
        }));
        staff.extend(self.centres.iter().enumerate().map(|(n, c)| Account {
            role: Role::AdminCt,
            email: format!("chef.ct{:04}@{DOMAIN}", n + 1),
            first_name: FIRST_NAMES[(n + 5) % FIRST_NAMES.len()],
            last_name: LAST_NAMES[(n / 7) % LAST_NAMES.len()],
            agency: Some(c.agency),
            centre: Some(c.id),
            inspector: None,
        }));
        staff.extend(self.inspectors.iter().enumerate().map(|(i, s)| {
            let centre = &self.centres[s.centre];
            Account {
                role: Role::Controleur,
                email: format!("controleur{:05}@{DOMAIN}", i + 1),
                first_name: s.first_name,
                last_name: s.last_name,
                agency: Some(centre.agency),
                centre: Some(centre.id),
                inspector: Some(s.id),
            }
        }));
        let since = chrono::Utc::now() - Duration::days(400);
        for a in &staff {
            self.account(&mut copy, rng, a, since).await?;
        }
        let mut out = Vec::with_capacity(clients);
        for n in 0..clients {
            let client = Client {
                id: new_id(rng),
                first_name: FIRST_NAMES[rng.gen_range(0..FIRST_NAMES.len())],
                last_name: LAST_NAMES[rng.gen_range(0..LAST_NAMES.len())],
            };
            let account = Account {
                role: Role::Client,
                email: format!("client{}@{DOMAIN}", n + 1),
                first_name: client.first_name,
                last_name: client.last_name,
                agency: None,
                centre: None,
                inspector: None,
            };
            self.account_with_id(&mut copy, rng, &account, client.id, since)
                .await?;
            out.push(client);
        }
        copy.finish().await?;
        Ok((staff.len(), out))
    }

    async fn account(
        &self,
        copy: &mut Copy<'_>,
        rng: &mut StdRng,
        a: &Account<'_>,
        since: chrono::DateTime<chrono::Utc>,
    ) -> anyhow::Result<()> {
        let id = new_id(rng);
        self.account_with_id(copy, rng, a, id, since).await
    }

    async fn account_with_id(
        &self,
        copy: &mut Copy<'_>,
        rng: &mut StdRng,
        a: &Account<'_>,
        id: Uuid,
        since: chrono::DateTime<chrono::Utc>,
    ) -> anyhow::Result<()> {
        let created = since + Duration::minutes(rng.gen_range(0..60 * 24 * 390));
        copy.row(&[
            &id,
            &self.tenant,
            &a.email,
            &format!(
                "06 {:02} {:02} {:02} {:02}",
                rng.gen_range(0..100),
                rng.gen_range(0..100),
                rng.gen_range(0..100),
                rng.gen_range(0..100)
            ),
            &self.passwords.of(a.role),
            &a.first_name,
            &a.last_name,
            &a.role.code(),
            &a.agency,
            &a.centre,
            &a.inspector,
            &created,
            &created,
        ])
        .await?;
        Ok(())
    }
}
