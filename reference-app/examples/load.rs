//! Load test of a running `pti-server`: concurrent clients for a fixed time, reporting
//! throughput and latency percentiles.
//!
//! ```sh
//! cargo run --release -p reference-app --example load -- --scenario search --concurrency 32 --seconds 20
//! cargo run --release -p reference-app --example load -- --scenario book --concurrency 8 --seconds 20
//! ```
//!
//! `search`: `POST /disponibilites/search` around 40 French places on random days.
//! `book`: search, hold one of the slots found, tokenize a test card and pay; conflicts
//! (`SLOT_TAKEN`, a slot another client took first) are counted apart from errors.
//! `dashboard`: `GET /admin/dashboard/stats` as a network's admin (`--email`, `--password`,
//! `--tenant`; the national seed's by default) for a random month of the last 12, of the
//! network or of a random agency.
//! `statistics`: `GET /statistics/tenant` as that admin over the last 12 months, of the
//! network or of a random agency.
//! `bookings`: `GET /rdv` (the staff bookings list) as that admin at random depths, as `users`.
//! `users`: `GET /users` as that admin at random depths: the list is first walked page by
//! page (up to `--pages`) to collect the cursors, then pages are read at random cursors.
//!
//! ```sh
//! cargo run --release -p reference-app --example load -- --scenario dashboard --concurrency 8 --seconds 20
//! cargo run --release -p reference-app --example load -- --scenario statistics --concurrency 8 --seconds 20
//! cargo run --release -p reference-app --example load -- --scenario users --concurrency 8 --seconds 20
//! ```

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::{Method, Request};
use bytes::Bytes;
use clap::{Parser, ValueEnum};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use rand::Rng;
use serde_json::{Value, json};
use tokio::sync::Mutex;

const PLACES: [&str; 40] = [
    "Paris",
    "75011",
    "75015",
    "Boulogne-Billancourt",
    "Versailles",
    "Créteil",
    "Saint-Denis",
    "Nanterre",
    "Évry",
    "Cergy",
    "Lyon",
    "Villeurbanne",
    "69007",
    "Marseille",
    "13008",
    "Nice",
    "Bordeaux",
    "Lille",
    "Strasbourg",
    "Metz",
    "Toulouse",
    "Montpellier",
    "Nantes",
    "Rennes",
    "Brest",
    "Angers",
    "Tours",
    "Rouen",
    "Caen",
    "Poitiers",
    "Orléans",
    "Dijon",
    "Grenoble",
    "Le Mans",
    "Amiens",
    "Reims",
    "Limoges",
    "Clermont-Ferrand",
    "Besançon",
    "Perpignan",
];

/// What each simulated client does.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum Scenario {
    /// Availability searches.
    Search,
    /// Search, hold, tokenize, pay.
    Book,
    /// A network admin's dashboard.
    Dashboard,
    /// A network admin's statistics of the last 12 months.
    Statistics,
    /// A network admin's list of accounts, at random pages.
    Users,
    /// A network admin's list of bookings, at random pages.
    Bookings,
}

/// Load test of a running pti-server.
#[derive(Debug, Parser)]
struct Args {
    /// The server.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// Scenario.
    #[arg(long, value_enum, default_value = "search")]
    scenario: Scenario,
    /// Concurrent clients.
    #[arg(long, default_value_t = 16)]
    concurrency: usize,
    /// Duration in seconds.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// The admin signing in (dashboard, statistics, users).
    #[arg(long, default_value = "admin@reseau-national.fr")]
    email: String,
    /// Their password.
    #[arg(long, default_value = "Admin123!")]
    password: String,
    /// Their network (slug).
    #[arg(long, default_value = "reseau-national")]
    tenant: String,
    /// Most pages of accounts walked to collect cursors (users).
    #[arg(long, default_value_t = 5000)]
    pages: usize,
}

/// What the staff scenarios read with: a bearer token, the network's agencies, the cursors
/// of the accounts' pages (`None`: the first page).
#[derive(Default)]
struct Staff {
    headers: Vec<(&'static str, String)>,
    agencies: Vec<String>,
    cursors: Vec<Option<String>>,
}

/// Follows `path`'s `next_cursor` from page to page (at most `pages`); answers each page's
/// cursor and the ids of its items (of `items`, or of the answer when it is a list).
async fn walk(
    http: &Http,
    base: &str,
    headers: &[(&str, String)],
    path: &str,
    pages: usize,
) -> Result<(Vec<Option<String>>, Vec<String>), String> {
    let (mut cursors, mut ids) = (vec![None], Vec::new());
    while cursors.len() <= pages {
        let cursor = cursors.last().cloned().flatten();
        let url = match &cursor {
            Some(c) => format!("{path}&cursor={c}"),
            None => path.to_owned(),
        };
        let (status, page, _) = call(http, base, Method::GET, &url, headers, Value::Null).await?;
        if status != 200 {
            return Err(format!("{path} answered {status}: {page}"));
        }
        ids.extend(
            page["items"]
                .as_array()
                .or(page.as_array())
                .into_iter()
                .flatten()
                .filter_map(|i| i["id"].as_str().map(str::to_owned)),
        );
        match page["next_cursor"].as_str() {
            Some(next) => cursors.push(Some(next.to_owned())),
            None => break,
        }
    }
    Ok((cursors, ids))
}

/// Signs the admin in and reads what the scenario needs.
async fn staff(http: &Http, args: &Args) -> Result<Staff, String> {
    let (status, tokens, _) = call(
        http,
        &args.url,
        Method::POST,
        "/api/v1/auth/login",
        &[("x-tenant-id", args.tenant.clone())],
        json!({ "email": args.email, "password": args.password }),
    )
    .await?;
    let Some(token) = tokens["access_token"].as_str().filter(|_| status == 200) else {
        return Err(format!("login answered {status}: {tokens}"));
    };
    let headers = vec![("authorization", format!("Bearer {token}"))];
    let mut out = Staff {
        headers,
        ..Staff::default()
    };
    match args.scenario {
        Scenario::Dashboard | Scenario::Statistics => {
            let path = "/api/v1/agences";
            out.agencies = walk(http, &args.url, &out.headers, path, 1).await?.1;
        }
        Scenario::Users | Scenario::Bookings => {
            let started = Instant::now();
            let path = if let Scenario::Users = args.scenario {
                "/api/v1/users?limit=50"
            } else {
                "/api/v1/rdv?limit=50"
            };
            out.cursors = walk(http, &args.url, &out.headers, path, args.pages)
                .await?
                .0;
            println!(
                "walked {} pages in {:.1} s",
                out.cursors.len(),
                started.elapsed().as_secs_f64()
            );
        }
        Scenario::Search | Scenario::Book => {}
    }
    Ok(out)
}

/// One dashboard, statistics or accounts page read; records into `tally`.
async fn staff_round(
    http: &Http,
    base: &str,
    scenario: Scenario,
    staff: &Staff,
    tally: &Mutex<Tally>,
) {
    let (step, path) = {
        let mut rng = rand::thread_rng();
        match scenario {
            Scenario::Users | Scenario::Bookings => {
                let cursor = &staff.cursors[rng.gen_range(0..staff.cursors.len().max(1))];
                let (step, list) = match scenario {
                    Scenario::Users => ("users page", "/api/v1/users?limit=50"),
                    _ => ("bookings page", "/api/v1/rdv?limit=50"),
                };
                let path = match cursor {
                    Some(c) => format!("{list}&cursor={c}"),
                    None => list.to_owned(),
                };
                (step, path)
            }
            Scenario::Statistics => {
                if rng.gen_bool(0.5) && !staff.agencies.is_empty() {
                    let agency = &staff.agencies[rng.gen_range(0..staff.agencies.len())];
                    let path = format!("/api/v1/statistics/tenant?agency_id={agency}");
                    ("statistics agency", path)
                } else {
                    ("statistics network", "/api/v1/statistics/tenant".to_owned())
                }
            }
            _ => {
                let month =
                    chrono::Utc::now().date_naive() - chrono::Months::new(rng.gen_range(0..12));
                let mut path = format!(
                    "/api/v1/admin/dashboard/stats?month={}",
                    month.format("%Y-%m")
                );
                if rng.gen_bool(0.5) && !staff.agencies.is_empty() {
                    let agency = &staff.agencies[rng.gen_range(0..staff.agencies.len())];
                    path.push_str(&format!("&agency_id={agency}"));
                    ("dashboard agency", path)
                } else {
                    ("dashboard network", path)
                }
            }
        }
    };
    let outcome = call(http, base, Method::GET, &path, &staff.headers, Value::Null).await;
    let mut t = tally.lock().await;
    match outcome {
        Ok((200, _, micros)) => {
            t.latencies.entry(step).or_default().push(micros);
            t.ok += 1;
        }
        Ok((status, body, _)) => {
            if t.errors < 3 {
                eprintln!("error: {path} answered {status}: {body}");
            }
            t.errors += 1;
        }
        Err(e) => {
            if t.errors < 3 {
                eprintln!("error: {e}");
            }
            t.errors += 1;
        }
    }
}

type Http = Client<HttpConnector, Full<Bytes>>;

/// Latencies (µs) per step name, and outcome counters.
#[derive(Default)]
struct Tally {
    latencies: std::collections::BTreeMap<&'static str, Vec<u64>>,
    ok: u64,
    conflicts: u64,
    errors: u64,
}

async fn call(
    http: &Http,
    base: &str,
    method: Method,
    path: &str,
    headers: &[(&str, String)],
    body: Value,
) -> Result<(u16, Value, u64), String> {
    let mut request = Request::builder()
        .method(method)
        .uri(format!("{base}{path}"))
        .header("content-type", "application/json");
    for (k, v) in headers {
        request = request.header(*k, v);
    }
    let request = request
        .body(Full::new(Bytes::from(body.to_string())))
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let response = http.request(request).await.map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    let bytes = response
        .into_body()
        .collect()
        .await
        .map_err(|e| e.to_string())?
        .to_bytes();
    let micros = started.elapsed().as_micros() as u64;
    Ok((
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        micros,
    ))
}

fn search_body() -> Value {
    let mut rng = rand::thread_rng();
    let from = chrono::Utc::now().date_naive() + chrono::Duration::days(rng.gen_range(1..40));
    json!({
        "place": PLACES[rng.gen_range(0..PLACES.len())],
        "date_from": from,
        "date_to": from + chrono::Duration::days(7),
        "radius_km": 50,
    })
}

/// One round of the scenario; records into `tally`.
async fn round(http: &Http, base: &str, scenario: Scenario, tally: &Mutex<Tally>) {
    let record = |step: &'static str, micros: u64| async move {
        tally
            .lock()
            .await
            .latencies
            .entry(step)
            .or_default()
            .push(micros);
    };
    let outcome = async {
        let (status, found, t) = call(
            http,
            base,
            Method::POST,
            "/api/v1/disponibilites/search",
            &[],
            search_body(),
        )
        .await?;
        record("search", t).await;
        if status != 200 {
            return Err(format!("search answered {status}"));
        }
        if let Scenario::Search = scenario {
            return Ok(true);
        }
        let slots: Vec<String> = found["results"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|r| r["slots"].as_array().cloned().unwrap_or_default())
            .filter_map(|s| s["disponibilite_id"].as_str().map(str::to_owned))
            .collect();
        if slots.is_empty() {
            return Ok(true);
        }
        let slot = slots[rand::thread_rng().gen_range(0..slots.len())].clone();
        // Letters without I, O, U (never in SIV plates) and S (no reserved SS series).
        let plate = {
            let mut rng = rand::thread_rng();
            let l = |r: &mut rand::rngs::ThreadRng| {
                (b"ABCDEFGHJKLMNPQRTVXYZ"[r.gen_range(0..21)]) as char
            };
            format!(
                "{}{}-{:03}-{}{}",
                l(&mut rng),
                l(&mut rng),
                rng.gen_range(1..1000),
                l(&mut rng),
                l(&mut rng)
            )
        };
        let (status, rdv, t) = call(
            http,
            base,
            Method::POST,
            "/api/v1/rdv",
            &[],
            json!({
                "disponibilite_id": slot, "first_name": "Charge", "last_name": "Test",
                "email": "load@test.fr", "phone": "0612345678", "immatriculation": plate,
            }),
        )
        .await?;
        record("hold", t).await;
        match status {
            201 => {}
            409 => return Ok(false),
            other => return Err(format!("hold answered {other}: {rdv}")),
        }
        let (_, card, t) = call(
            http,
            base,
            Method::POST,
            "/api/v1/payment/tokenize",
            &[],
            json!({
                "card_number": "4242424242424242", "exp_month": 12, "exp_year": 2030, "cvc": "123",
            }),
        )
        .await?;
        record("tokenize", t).await;
        let headers = [
            ("idempotency-key", uuid::Uuid::new_v4().to_string()),
            (
                "x-rdv-token",
                rdv["guest_token"].as_str().unwrap_or_default().to_owned(),
            ),
        ];
        let (status, paid, t) = call(
            http,
            base,
            Method::POST,
            "/api/v1/payment/process",
            &headers,
            json!({ "rdv_id": rdv["id"], "card_token": card["token"] }),
        )
        .await?;
        record("pay", t).await;
        if status == 200 {
            Ok(true)
        } else {
            Err(format!("pay answered {status}: {paid}"))
        }
    }
    .await;
    let mut t = tally.lock().await;
    match outcome {
        Ok(true) => t.ok += 1,
        Ok(false) => t.conflicts += 1,
        Err(e) => {
            if t.errors < 3 {
                eprintln!("error: {e}");
            }
            t.errors += 1;
        }
    }
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let mut connector = HttpConnector::new();
    connector.set_nodelay(true);
    let http: Http = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(args.concurrency)
        .build(connector);
    let staff = match args.scenario {
        Scenario::Dashboard | Scenario::Statistics | Scenario::Users | Scenario::Bookings => {
            match staff(&http, &args).await {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("error: {e}");
                    std::process::exit(1);
                }
            }
        }
        Scenario::Search | Scenario::Book => Staff::default(),
    };
    let staff = Arc::new(staff);
    let tally = Arc::new(Mutex::new(Tally::default()));
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..args.concurrency)
        .map(|_| {
            let (http, tally, base) = (http.clone(), tally.clone(), args.url.clone());
            let (scenario, staff) = (args.scenario, staff.clone());
            tokio::spawn(async move {
                while Instant::now() < deadline {
                    match scenario {
                        Scenario::Search | Scenario::Book => {
                            round(&http, &base, scenario, &tally).await
                        }
                        Scenario::Dashboard
                        | Scenario::Statistics
                        | Scenario::Users
                        | Scenario::Bookings => {
                            staff_round(&http, &base, scenario, &staff, &tally).await
                        }
                    }
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.await;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let mut t = tally.lock().await;
    println!(
        "{:?}, {} clients, {:.1} s: {} rounds ok, {} conflicts, {} errors",
        args.scenario, args.concurrency, elapsed, t.ok, t.conflicts, t.errors
    );
    println!("| step | requests | req/s | p50 ms | p95 ms | p99 ms | max ms |");
    println!("|---|---|---|---|---|---|---|");
    for (step, lat) in t.latencies.iter_mut() {
        lat.sort_unstable();
        println!(
            "| {step} | {} | {:.0} | {:.2} | {:.2} | {:.2} | {:.2} |",
            lat.len(),
            lat.len() as f64 / elapsed,
            percentile(lat, 0.50),
            percentile(lat, 0.95),
            percentile(lat, 0.99),
            percentile(lat, 1.0)
        );
    }
}
