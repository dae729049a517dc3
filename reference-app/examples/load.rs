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
    let tally = Arc::new(Mutex::new(Tally::default()));
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..args.concurrency)
        .map(|_| {
            let (http, tally, base) = (http.clone(), tally.clone(), args.url.clone());
            tokio::spawn(async move {
                while Instant::now() < deadline {
                    round(&http, &base, args.scenario, &tally).await;
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
