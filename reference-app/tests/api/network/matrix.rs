//! Every agency, centre, planning, statistics and staff bookings route tried by every role of the network that owns the
//! target, by every role of another network, and anonymously: each answer is the policy's (and,
//! through the test client, the OpenAPI document's).

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use sqlx::PgPool;
use uuid::Uuid;

use super::first_id;
use crate::support::{Tenant, TestApp};

const ROLES: [&str; 6] = [
    "ADMIN_TENANT",
    "ADMIN_AGENCE",
    "ADMIN_CT",
    "CONTROLEUR",
    "CALL_CENTER",
    "CLIENT",
];

/// Who of the owning network may do what: readers of agencies, of centres, editors of the
/// first agency, creators of agencies, creators of centres in the first agency, editors of the
/// first centre, readers of the first centre's planning and statistics.
struct Allowed {
    agency_readers: &'static [&'static str],
    centre_readers: &'static [&'static str],
    agency_editors: &'static [&'static str],
    agency_creators: &'static [&'static str],
    centre_creators: &'static [&'static str],
    centre_editors: &'static [&'static str],
    planning_readers: &'static [&'static str],
}

const ALLOWED: Allowed = Allowed {
    agency_readers: &["ADMIN_TENANT", "ADMIN_AGENCE", "CALL_CENTER"],
    centre_readers: &[
        "ADMIN_TENANT",
        "ADMIN_AGENCE",
        "ADMIN_CT",
        "CONTROLEUR",
        "CALL_CENTER",
    ],
    agency_editors: &["ADMIN_TENANT", "ADMIN_AGENCE"],
    agency_creators: &["ADMIN_TENANT"],
    centre_creators: &["ADMIN_TENANT", "ADMIN_AGENCE"],
    centre_editors: &["ADMIN_TENANT", "ADMIN_AGENCE", "ADMIN_CT"],
    planning_readers: &["ADMIN_TENANT", "ADMIN_AGENCE", "ADMIN_CT"],
};

struct Route {
    method: Method,
    uri: String,
    body: Option<Value>,
    /// The roles of the owning network allowed, and the status they get.
    allowed: &'static [&'static str],
    ok: StatusCode,
    /// The roles holding the permission somewhere: those of another network get this status
    /// (a foreign id is unknown: 404, or 422 when it is in the body).
    foreign: StatusCode,
    /// Whether the foreign network's allowed roles may do it in their own network (creation).
    foreign_ok: bool,
}

fn routes(agency: Uuid, centre: Uuid) -> Vec<Route> {
    let a = &ALLOWED;
    let route = |method: Method, uri: String, body: Option<Value>, allowed, ok, foreign| Route {
        method,
        uri,
        body,
        allowed,
        ok,
        foreign,
        foreign_ok: false,
    };
    let closure = json!({ "start": "2027-06-01T08:00", "end": "2027-06-01T12:00" });
    let offers = json!({ "offers": [{ "control_type": "CT", "vehicle_category": "VP", "price_cents": 6500 }] });
    vec![
        route(
            Method::GET,
            format!("/api/v1/agences/{agency}"),
            None,
            a.agency_readers,
            StatusCode::OK,
            StatusCode::NOT_FOUND,
        ),
        route(
            Method::PUT,
            format!("/api/v1/agences/{agency}"),
            Some(json!({ "name": "Agence renommée" })),
            a.agency_editors,
            StatusCode::OK,
            StatusCode::NOT_FOUND,
        ),
        route(
            Method::GET,
            format!("/api/v1/cts/{centre}"),
            None,
            a.centre_readers,
            StatusCode::OK,
            StatusCode::NOT_FOUND,
        ),
        route(
            Method::PUT,
            format!("/api/v1/cts/{centre}"),
            Some(json!({ "lanes": 3 })),
            a.centre_editors,
            StatusCode::OK,
            StatusCode::NOT_FOUND,
        ),
        route(
            Method::POST,
            "/api/v1/cts".into(),
            Some(json!({
                "agency_id": agency, "code": "CT-MATRIX", "name": "Centre", "postcode": "69003", "city": "Lyon",
            })),
            a.centre_creators,
            StatusCode::CREATED,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        route(
            Method::GET,
            format!("/api/v1/cts/{centre}/closures"),
            None,
            a.centre_readers,
            StatusCode::OK,
            StatusCode::NOT_FOUND,
        ),
        route(
            Method::POST,
            format!("/api/v1/cts/{centre}/closures"),
            Some(closure),
            a.centre_editors,
            StatusCode::CREATED,
            StatusCode::NOT_FOUND,
        ),
        route(
            Method::DELETE,
            format!("/api/v1/cts/{centre}/closures/{}", Uuid::new_v4()),
            None,
            a.centre_editors,
            StatusCode::NOT_FOUND,
            StatusCode::NOT_FOUND,
        ),
        route(
            Method::GET,
            format!("/api/v1/cts/{centre}/offers"),
            None,
            a.centre_readers,
            StatusCode::OK,
            StatusCode::NOT_FOUND,
        ),
        route(
            Method::PUT,
            format!("/api/v1/cts/{centre}/offers"),
            Some(offers),
            a.centre_editors,
            StatusCode::OK,
            StatusCode::NOT_FOUND,
        ),
        route(
            Method::GET,
            format!("/api/v1/planning/global?from=2027-06-01&to=2027-06-07&centre_id={centre}"),
            None,
            a.planning_readers,
            StatusCode::OK,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        route(
            Method::GET,
            format!("/api/v1/planning/global/centre-day?centre_id={centre}&date=2027-06-01"),
            None,
            a.planning_readers,
            StatusCode::OK,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        route(
            Method::GET,
            format!("/api/v1/statistics/tenant?centre_id={centre}"),
            None,
            a.planning_readers,
            StatusCode::OK,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        route(
            Method::GET,
            format!("/api/v1/statistics/tenant/export?format=xlsx&centre_id={centre}"),
            None,
            a.planning_readers,
            StatusCode::OK,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        route(
            Method::GET,
            format!("/api/v1/rdv?centre_id={centre}"),
            None,
            a.centre_readers,
            StatusCode::OK,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        route(
            Method::GET,
            format!("/api/v1/rdv/export?format=csv&centre_id={centre}"),
            None,
            a.planning_readers,
            StatusCode::OK,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Route {
            foreign_ok: true,
            ..route(
                Method::POST,
                "/api/v1/agences".into(),
                Some(json!({
                    "code": "AG-MATRIX", "name": "Agence", "postcode": "69003", "city": "Lyon",
                })),
                a.agency_creators,
                StatusCode::CREATED,
                StatusCode::CREATED,
            )
        },
    ]
}

/// Whether `role` holds `route`'s permission at all (in its own network).
fn holds(route: &Route, role: &str) -> bool {
    route.allowed.contains(&role)
}

#[sqlx::test(migrations = "./migrations")]
async fn every_role_of_each_network_gets_what_the_policy_grants(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let a = app.tenant_id(Tenant::A);
    let (agency, centre) = (
        first_id(&owner, "agences", a).await,
        first_id(&owner, "cts", a).await,
    );
    let mut failures = Vec::new();
    for (n, route) in routes(agency, centre).iter().enumerate() {
        for tenant in [Tenant::A, Tenant::B] {
            for role in ROLES {
                let token = app.user(tenant, role).await.token;
                let mut call = app.request(route.method.clone(), &route.uri).bearer(&token);
                if let Some(body) = &route.body {
                    // A fresh code for every creation, so that each one may succeed.
                    let mut body = body.clone();
                    if let Some(code) = body.get("code").and_then(Value::as_str) {
                        body["code"] = json!(format!(
                            "{code}-{n}-{}",
                            Uuid::new_v4().simple().to_string()[..6].to_owned()
                        ));
                    }
                    call = call.json(body);
                }
                let answer = call.send().await;
                let expected = match (tenant, holds(route, role)) {
                    (_, false) => StatusCode::FORBIDDEN,
                    (Tenant::A, true) => route.ok,
                    (Tenant::B, true) if route.foreign_ok => route.ok,
                    (Tenant::B, true) => route.foreign,
                };
                if answer.status != expected {
                    failures.push(format!(
                        "{} {} as {role} of {tenant:?}: {} (expected {expected}) {}",
                        route.method, route.uri, answer.status, answer.json
                    ));
                }
            }
        }
        let anonymous = app.request(route.method.clone(), &route.uri);
        let anonymous = match &route.body {
            Some(body) => anonymous.json(body.clone()),
            None => anonymous,
        };
        let answer = anonymous.send().await;
        if answer.status != StatusCode::UNAUTHORIZED {
            failures.push(format!(
                "{} {} anonymously: {}",
                route.method, route.uri, answer.status
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
