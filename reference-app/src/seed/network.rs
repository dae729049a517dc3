//! The demo networks' structure: tenants with their plans, staff and clients, API keys,
//! offers, agencies, centres in real communes, inspectors with shifts and leave.

use anyhow::Context;
use chrono::{Duration, NaiveTime};
use pti_core::places::Place;
use pti_core::policy::Role;
use rand::Rng;
use rand::rngs::StdRng;
use serde_json::{Value, json};
use sqlx::PgConnection;
use uuid::Uuid;

use super::data::{
    FIRST_NAMES, LAST_NAMES, NetworkSeed, OFFERS, TENANTS, holiday_policy, vehicle_categories,
};
use super::{Passwords, Summary, progress};
use crate::auth::tokens;
use crate::engine::today;
use crate::planning::gazetteer;

/// A demo client account, for the bookings.
pub struct Client {
    /// Its network.
    pub tenant: Uuid,
    /// The account.
    pub id: Uuid,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
}

/// Writes the networks in `tx`; answers what was written and the client accounts.
pub async fn seed(
    tx: &mut PgConnection,
    rng: &mut StdRng,
    passwords: &Passwords,
) -> anyhow::Result<(Summary, Vec<Client>)> {
    let mut seeder = Seeder {
        tx,
        rng,
        passwords,
        summary: Summary::default(),
        clients: Vec::new(),
    };
    let platform = Person::new(
        Role::SuperAdmin,
        "superadmin@pti-calendar.fr",
        "Super",
        "Admin",
    );
    seeder.user(None, &platform).await?;
    for (t, network) in TENANTS.iter().enumerate() {
        seeder.network(t, network).await?;
    }
    Ok((seeder.summary, seeder.clients))
}

/// A demo account to create.
struct Person<'a> {
    role: Role,
    email: &'a str,
    first_name: &'a str,
    last_name: &'a str,
    agency: Option<Uuid>,
    centre: Option<Uuid>,
}

impl<'a> Person<'a> {
    fn new(role: Role, email: &'a str, first_name: &'a str, last_name: &'a str) -> Self {
        Self {
            role,
            email,
            first_name,
            last_name,
            agency: None,
            centre: None,
        }
    }

    fn at(self, agency: Uuid, centre: Option<Uuid>) -> Self {
        Self {
            agency: Some(agency),
            centre,
            ..self
        }
    }
}

/// Where a centre is being written: its network, agency and rank.
struct CentreSeat<'a> {
    t: usize,
    network: &'a NetworkSeed,
    tenant: Uuid,
    agency: Uuid,
    a: usize,
    c: usize,
}

struct Seeder<'a> {
    tx: &'a mut PgConnection,
    rng: &'a mut StdRng,
    passwords: &'a Passwords,
    summary: Summary,
    clients: Vec<Client>,
}

impl Seeder<'_> {
    async fn user(&mut self, tenant: Option<Uuid>, p: &Person<'_>) -> anyhow::Result<Uuid> {
        self.summary.users += 1;
        Ok(sqlx::query_scalar(
            "INSERT INTO users (tenant_id, email, phone, password_hash, first_name, last_name, role, \
             agency_id, centre_id, email_verified_at) \
             VALUES ($1, $2, '06 12 34 56 78', $3, $4, $5, $6, $7, $8, now()) RETURNING id",
        )
        .bind(tenant)
        .bind(p.email)
        .bind(self.passwords.of(p.role))
        .bind(p.first_name)
        .bind(p.last_name)
        .bind(p.role.code())
        .bind(p.agency)
        .bind(p.centre)
        .fetch_one(&mut *self.tx)
        .await?)
    }

    async fn network(&mut self, t: usize, n: &NetworkSeed) -> anyhow::Result<()> {
        let tenant: Uuid = sqlx::query_scalar(
            "INSERT INTO tenants (slug, name, domain, plan, max_users, max_agences, settings) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(n.slug)
        .bind(n.name)
        .bind(n.domain)
        .bind(n.plan)
        .bind(n.max_users)
        .bind(n.max_agencies)
        .bind(json!({
            "branding": { "primary_color": n.colour, "name": n.name },
            "payment": { "provider": "sandbox" },
            "notification": { "email": true, "sms": true },
            "booking_policy": {},
        }))
        .fetch_one(&mut *self.tx)
        .await?;
        self.summary.tenants += 1;
        let mail = |who: &str| format!("{who}@{}", n.domain);
        let admin = mail("admin");
        self.user(
            Some(tenant),
            &Person::new(Role::AdminTenant, &admin, "Alice", "Directrice"),
        )
        .await?;
        for i in 1..=2 {
            let (email, last) = (mail(&format!("callcenter{i}")), format!("N°{i}"));
            let operator = Person::new(Role::CallCenter, &email, "Opérateur", &last);
            self.user(Some(tenant), &operator).await?;
        }
        self.api_key(tenant, n.slug).await?;
        for i in 1..=10 {
            let (first, last) = (FIRST_NAMES[(t * 5 + i) % 16], LAST_NAMES[(t * 7 + i) % 16]);
            let email = if t == 0 && i == 1 {
                "client@pti-calendar.fr".to_owned()
            } else {
                mail(&format!("client{i}"))
            };
            let id = self
                .user(
                    Some(tenant),
                    &Person::new(Role::Client, &email, first, last),
                )
                .await?;
            self.clients.push(Client {
                tenant,
                id,
                first_name: first.to_owned(),
                last_name: last.to_owned(),
            });
        }
        self.offers(tenant).await?;
        for a in 0..5 {
            self.agency(t, n, tenant, a).await?;
        }
        Ok(())
    }

    /// A machine client: the eighth role, as an API key (only its SHA-256 is stored).
    async fn api_key(&mut self, tenant: Uuid, slug: &str) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO api_keys (tenant_id, name, prefix, key_hash, scopes) \
             VALUES ($1, 'Intégration démo', $2, $3, '{rdv:read,ct:read}')",
        )
        .bind(tenant)
        .bind(format!("pti_demo_{}", &slug[..4]))
        .bind(tokens::token_hash(&format!("pti_demo_{slug}")))
        .execute(&mut *self.tx)
        .await?;
        self.summary.api_keys += 1;
        Ok(())
    }

    /// Tenant-wide offers: price tax included (centres override some prices).
    async fn offers(&mut self, tenant: Uuid) -> anyhow::Result<()> {
        for (control, category, cents) in OFFERS {
            sqlx::query(
                "INSERT INTO offers (tenant_id, control_type, vehicle_category, price_cents) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(tenant)
            .bind(control)
            .bind(category)
            .bind(cents)
            .execute(&mut *self.tx)
            .await?;
        }
        Ok(())
    }

    async fn agency(
        &mut self,
        t: usize,
        n: &NetworkSeed,
        tenant: Uuid,
        a: usize,
    ) -> anyhow::Result<()> {
        let first = place(n.postcodes[a * 2])?;
        let email = format!("agence{}@{}", a + 1, n.domain);
        let agency: Uuid = sqlx::query_scalar(
            "INSERT INTO agences (tenant_id, code, name, city, postcode, lat, lng, phone, email) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(tenant)
        .bind(format!("AG{:02}", a + 1))
        .bind(format!("Agence {}", first.name))
        .bind(&first.name)
        .bind(n.postcodes[a * 2])
        .bind(first.location.lat)
        .bind(first.location.lng)
        .bind(format!("01 4{t} {a}0 00 00"))
        .bind(&email)
        .fetch_one(&mut *self.tx)
        .await?;
        self.summary.agencies += 1;
        if a < 3 {
            let last = format!("Agence {}", a + 1);
            let head =
                Person::new(Role::AdminAgence, &email, "Responsable", &last).at(agency, None);
            self.user(Some(tenant), &head).await?;
        }
        for c in 0..2 {
            let seat = CentreSeat {
                t,
                network: n,
                tenant,
                agency,
                a,
                c,
            };
            self.centre(&seat).await?;
        }
        Ok(())
    }

    async fn centre(&mut self, s: &CentreSeat<'_>) -> anyhow::Result<()> {
        let (t, a, c) = (s.t, s.a, s.c);
        let n = a * 2 + c;
        let domain = s.network.domain;
        let postcode = s.network.postcodes[n];
        let place = place(postcode)?;
        let (dlat, dlng) = (
            self.rng.gen_range(-0.02..0.02),
            self.rng.gen_range(-0.03..0.03),
        );
        let continuous = n % 3 == 2;
        let holiday = holiday_policy(place.departement.as_str());
        let categories = vehicle_categories(n);
        let rating = f64::from(self.rng.gen_range(35..=50)) / 10.0;
        let rating_count = self.rng.gen_range(12..400);
        let centre: Uuid = sqlx::query_scalar(
            "INSERT INTO cts (tenant_id, agency_id, code, name, address, postcode, city, lat, lng, \
             phone, email, rating, rating_count, lanes, daily_capacity, holiday_policy, \
             opening_hours, vehicle_categories) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
             $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id",
        )
        .bind(s.tenant)
        .bind(s.agency)
        .bind(format!("CT{:03}", n + 1))
        .bind(format!(
            "{} {} {}",
            s.network.prefix,
            place.name,
            ["Centre", "Nord", "Sud", "Gare"][n % 4]
        ))
        .bind(format!(
            "{} {}",
            10 + n * 7,
            [
                "rue de la République",
                "avenue Jean Jaurès",
                "boulevard Victor Hugo",
                "rue Pasteur"
            ][n % 4]
        ))
        .bind(postcode)
        .bind(&place.name)
        .bind(place.location.lat + dlat)
        .bind(place.location.lng + dlng)
        .bind(format!(
            "0{} {:02} {:02} {:02} {:02}",
            1 + t,
            10 + n,
            20 + a,
            30 + c,
            40 + t
        ))
        .bind(format!("ct{:03}@{domain}", n + 1))
        .bind(rating)
        .bind(rating_count)
        .bind(2_i16)
        .bind(30)
        .bind(holiday)
        .bind(opening_hours(continuous))
        .bind(categories.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        .fetch_one(&mut *self.tx)
        .await?;
        self.summary.centres += 1;
        progress("centres", self.summary.centres, 30);
        if self.rng.gen_bool(0.5) {
            sqlx::query(
                "INSERT INTO offers (tenant_id, centre_id, control_type, vehicle_category, \
                 price_cents) VALUES ($1, $2, 'CT', 'VP', $3)",
            )
            .bind(s.tenant)
            .bind(centre)
            .bind(6900 + 100 * self.rng.gen_range(0..20))
            .execute(&mut *self.tx)
            .await?;
        }
        if n % 2 == 0 && n < 6 {
            let (email, last) = (
                format!("chef.ct{:03}@{domain}", n + 1),
                format!("CT{:03}", n + 1),
            );
            let head = Person::new(Role::AdminCt, &email, "Chef", &last).at(s.agency, Some(centre));
            self.user(Some(s.tenant), &head).await?;
        }
        for i in 0..2 {
            self.inspector(s, centre, continuous, i).await?;
        }
        Ok(())
    }

    async fn inspector(
        &mut self,
        s: &CentreSeat<'_>,
        centre: Uuid,
        continuous: bool,
        i: usize,
    ) -> anyhow::Result<()> {
        let n = s.a * 2 + s.c;
        let (first_name, last_name) = (
            FIRST_NAMES[(n * 2 + i + s.t) % 16],
            LAST_NAMES[(n + i * 5 + s.t) % 16],
        );
        let agreements: &[&str] = if i == 0 { &["VL", "L", "GAS"] } else { &["VL"] };
        let inspector: Uuid = sqlx::query_scalar(
            "INSERT INTO controleurs (tenant_id, centre_id, first_name, last_name, \
             agreement_number, agreements) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(s.tenant)
        .bind(centre)
        .bind(first_name)
        .bind(last_name)
        .bind(format!("AG-{}{:03}{}", s.t, n, i))
        .bind(agreements.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        .fetch_one(&mut *self.tx)
        .await?;
        self.summary.inspectors += 1;
        for (rule, from, to) in shifts(continuous, i) {
            sqlx::query(
                "INSERT INTO planning_shifts (tenant_id, centre_id, inspector_id, rrule, \
                 starts_local, ends_local, valid_from) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(s.tenant)
            .bind(centre)
            .bind(inspector)
            .bind(*rule)
            .bind(NaiveTime::parse_from_str(from, "%H:%M")?)
            .bind(NaiveTime::parse_from_str(to, "%H:%M")?)
            .bind(today() - Duration::days(60))
            .execute(&mut *self.tx)
            .await?;
        }
        if i == 1 && n.is_multiple_of(5) {
            let start = (today() + Duration::days(20 + n as i64))
                .and_hms_opt(0, 0, 0)
                .unwrap_or_default()
                .and_utc();
            sqlx::query(
                "INSERT INTO controleur_leaves (tenant_id, inspector_id, starts_at, ends_at, kind, \
                 reason) VALUES ($1, $2, $3, $4, 'leave', 'Congés')",
            )
            .bind(s.tenant)
            .bind(inspector)
            .bind(start)
            .bind(start + Duration::days(5))
            .execute(&mut *self.tx)
            .await?;
        }
        if i == 0 && (n == 0 || n == 3) {
            let email = format!("controleur.ct{:03}@{}", n + 1, s.network.domain);
            let person = Person::new(Role::Controleur, &email, first_name, last_name)
                .at(s.agency, Some(centre));
            let user = self.user(Some(s.tenant), &person).await?;
            sqlx::query("UPDATE users SET inspector_id = $1 WHERE id = $2")
                .bind(inspector)
                .bind(user)
                .execute(&mut *self.tx)
                .await?;
        }
        Ok(())
    }
}

/// The commune of a seed postcode.
fn place(postcode: &str) -> anyhow::Result<&'static Place> {
    gazetteer().resolve(postcode).context("seed postcode")
}

/// Opening hours: all day on weekdays, or with a lunch break; Saturday mornings.
pub(super) fn opening_hours(continuous: bool) -> Value {
    if continuous {
        json!([
            { "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "start": "08:00:00", "end": "18:00:00" },
            { "rrule": "FREQ=WEEKLY;BYDAY=SA", "start": "08:30:00", "end": "12:30:00" }
        ])
    } else {
        json!([
            { "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "start": "08:00:00", "end": "12:00:00" },
            { "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "start": "14:00:00", "end": "19:00:00" },
            { "rrule": "FREQ=WEEKLY;BYDAY=SA", "start": "08:00:00", "end": "12:00:00" }
        ])
    }
}

/// The weekly shifts of a centre's first (`i` = 0) or second inspector.
pub(super) fn shifts(
    continuous: bool,
    i: usize,
) -> &'static [(&'static str, &'static str, &'static str)] {
    match (continuous, i) {
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
    }
}
