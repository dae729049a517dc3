//! A network's statistics: the period's figures follow the bookings as they are paid,
//! cancelled and refunded, the rollup the writes keep equals one rebuilt from the bookings,
//! each admin reads only its own scope, bad periods are refused, and the workbook holds the
//! figures.

use std::io::Read;

use axum::http::{Method, StatusCode};
use serde_json::Value;
use sqlx::PgPool;
use uuid::Uuid;

use crate::support::{Tenant, TestApp, first_id, pdf_text, today};

const URI: &str = "/api/v1/statistics/tenant";

async fn statistics(app: &TestApp, token: &str, query: &str) -> Value {
    let answer = app.get(&format!("{URI}{query}")).bearer(token).send().await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.json);
    answer.json
}

/// The integer at JSON `pointer` in `v`.
fn count(v: &Value, pointer: &str) -> i64 {
    v.pointer(pointer)
        .and_then(Value::as_i64)
        .unwrap_or_else(|| panic!("{pointer} in {v}"))
}

/// The figures of the part of `list` whose `key` is `value` (zeros when it has none).
fn part<'a>(stats: &'a Value, list: &str, key: &str, value: &str) -> Option<&'a Value> {
    stats[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p[key] == value)
        .map(|p| &p["figures"])
}

fn figure(figures: Option<&Value>, name: &str) -> i64 {
    figures.and_then(|f| f[name].as_i64()).unwrap_or(0)
}

/// The rollup's rows of `tenant`, as text, in key order.
async fn rollup(owner: &PgPool, tenant: Uuid) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT concat_ws(' ', month, centre_id, control_type, vehicle_category, booked, \
         completed, no_show, cancelled, refunds, collected_cents, refunded_cents) \
         FROM rdv_stats_monthly WHERE tenant_id = $1 \
           AND (booked, completed, no_show, cancelled, refunds, collected_cents, refunded_cents) \
               <> (0, 0, 0, 0, 0, 0, 0) \
         ORDER BY month, centre_id, control_type, vehicle_category",
    )
    .bind(tenant)
    .fetch_all(owner)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "./migrations")]
async fn the_period_follows_payments_cancellations_and_refunds(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let tenant = app.tenant_id(Tenant::A);
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let postcode: String = sqlx::query_scalar(
        "SELECT postcode FROM cts WHERE tenant_id = $1 AND status = 'active' ORDER BY code LIMIT 1",
    )
    .bind(tenant)
    .fetch_one(&owner)
    .await
    .unwrap();

    let year = statistics(&app, &admin, "").await;
    let this_month = today().format("%Y-%m").to_string();
    assert_eq!(year["to"], this_month);
    assert_eq!(year["months"].as_array().unwrap().len(), 12);
    assert!(count(&year, "/totals/bookings") > 0, "the seed's history");
    let summed: i64 = year["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| count(m, "/figures/bookings"))
        .sum();
    assert_eq!(summed, count(&year, "/totals/bookings"));
    for list in [
        "by_control_type",
        "by_vehicle_category",
        "by_agency",
        "by_centre",
    ] {
        let parts = year[list].as_array().unwrap();
        let sum: i64 = parts.iter().map(|p| count(p, "/figures/bookings")).sum();
        assert_eq!(sum, count(&year, "/totals/bookings"), "{list}");
        assert!(
            parts
                .windows(2)
                .all(|w| count(&w[0], "/figures/bookings") >= count(&w[1], "/figures/bookings")),
            "{list} leads with the most booked"
        );
    }

    // A booking paid in the coming weeks, then cancelled and refunded.
    let found = app.search(&postcode, 3).send().await.json;
    let slot = found["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["centre"]["tenant_id"] == tenant.to_string())
        .map(|r| r["slots"][0].clone())
        .expect("a slot of the network");
    let rdv = app
        .hold(
            slot["disponibilite_id"].as_str().unwrap(),
            "ST-123-AT",
            "stats@test.fr",
        )
        .send()
        .await
        .json;
    let (centre, control, category, month): (Uuid, String, String, String) = sqlx::query_as(
        "SELECT r.centre_id, r.control_type, r.vehicle_category, \
                to_char(r.start_at AT TIME ZONE c.time_zone, 'YYYY-MM') \
         FROM rdv r JOIN cts c ON c.id = r.centre_id WHERE r.id = $1",
    )
    .bind(Uuid::parse_str(rdv["id"].as_str().unwrap()).unwrap())
    .fetch_one(&owner)
    .await
    .unwrap();
    let period = format!("?from={month}&to={month}");
    let before = statistics(&app, &admin, &period).await;
    let paid = app.pay(&rdv, "4242424242424242", "stats-1").await;
    assert_eq!(paid.status, StatusCode::OK, "{}", paid.json);
    let price = rdv["price_cents"].as_i64().unwrap();
    let after = statistics(&app, &admin, &period).await;
    let grew = |name: &str, by: i64| {
        assert_eq!(
            count(&after, &format!("/totals/{name}")),
            count(&before, &format!("/totals/{name}")) + by,
            "{name}"
        );
    };
    grew("bookings", 1);
    grew("collected_cents", price);
    grew("revenue_cents", price);
    let centre = centre.to_string();
    for (list, key, value) in [
        ("by_control_type", "code", control.as_str()),
        ("by_vehicle_category", "code", category.as_str()),
        ("by_centre", "id", centre.as_str()),
    ] {
        assert_eq!(
            figure(part(&after, list, key, value), "bookings"),
            figure(part(&before, list, key, value), "bookings") + 1,
            "{list} {value}"
        );
    }
    assert_eq!(
        count(&after, "/months/0/figures/bookings"),
        count(&after, "/totals/bookings")
    );

    let cancelled = app
        .rdv(Method::DELETE, rdv["id"].as_str().unwrap())
        .guest(rdv["guest_token"].as_str().unwrap())
        .send()
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.json);
    let refunded: i64 = sqlx::query_scalar(
        "SELECT coalesce(sum(refunded_cents), 0)::bigint FROM payments WHERE booking_id = $1",
    )
    .bind(Uuid::parse_str(rdv["id"].as_str().unwrap()).unwrap())
    .fetch_one(&owner)
    .await
    .unwrap();
    assert!(refunded > 0, "the policy refunds a cancellation this early");
    let back = statistics(&app, &admin, &period).await;
    let t = |v: &Value, name: &str| count(v, &format!("/totals/{name}"));
    assert_eq!(t(&back, "bookings"), t(&before, "bookings"));
    assert_eq!(t(&back, "cancelled"), t(&before, "cancelled") + 1);
    assert_eq!(t(&back, "refunds"), t(&before, "refunds") + 1);
    assert_eq!(
        t(&back, "collected_cents"),
        t(&before, "collected_cents") + price
    );
    assert_eq!(
        t(&back, "refunded_cents"),
        t(&before, "refunded_cents") + refunded
    );
    assert_eq!(
        t(&back, "revenue_cents"),
        t(&back, "collected_cents") - t(&back, "refunded_cents")
    );

    // What the triggers kept equals a rebuild from the bookings and payments.
    let kept = rollup(&owner, tenant).await;
    sqlx::query("SELECT rdv_stats_rebuild($1)")
        .bind(tenant)
        .execute(&owner)
        .await
        .unwrap();
    assert_eq!(kept, rollup(&owner, tenant).await);
}

#[sqlx::test(migrations = "./migrations")]
async fn each_admin_reads_its_own_scope_and_bad_periods_are_refused(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let first =
        |table: &'static str, tenant: Tenant| first_id(&owner, table, app.tenant_id(tenant));
    let (agency_a, centre_a) = (
        first("agences", Tenant::A).await,
        first("cts", Tenant::A).await,
    );
    let (agency_b, centre_b) = (
        first("agences", Tenant::B).await,
        first("cts", Tenant::B).await,
    );
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let whole = statistics(&app, &admin, "?from=2020-01&to=2021-12").await;
    assert_eq!(whole["months"].as_array().unwrap().len(), 24);
    let names: Vec<&str> = whole["by_centre"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(names.contains(&centre_a.to_string().as_str()));
    assert!(
        !names.contains(&centre_b.to_string().as_str()),
        "only the network's centres"
    );
    assert!(whole["conversion_percent"].is_null(), "no searches in 2020");

    for (query, field) in [
        (format!("?agency_id={agency_b}"), "agency_id"),
        (format!("?centre_id={centre_b}"), "centre_id"),
        ("?from=2026-05&to=2026-04".to_owned(), "to"),
        ("?from=2024-01&to=2026-01".to_owned(), "to"),
        ("?from=2026-13".to_owned(), "from"),
        ("?to=26-01".to_owned(), "to"),
    ] {
        let refused = app
            .get(&format!("{URI}{query}"))
            .bearer(&admin)
            .send()
            .await;
        assert_eq!(
            refused.refusal(),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{query}: {}",
            refused.json
        );
    }

    let agency = app.user(Tenant::A, "ADMIN_AGENCE").await.token;
    assert_eq!(
        statistics(&app, &agency, "").await["agency_id"],
        agency_a.to_string()
    );
    let centre = app.user(Tenant::A, "ADMIN_CT").await.token;
    let own = statistics(&app, &centre, "").await;
    assert_eq!(own["centre_id"], centre_a.to_string());
    let centres = own["by_centre"].as_array().unwrap();
    assert_eq!(
        centres.len(),
        1,
        "a centre admin's statistics hold its centre only"
    );
    let wider = app
        .get(&format!("{URI}?agency_id={agency_a}"))
        .bearer(&centre)
        .send()
        .await;
    assert_eq!(wider.status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrations = "./migrations")]
async fn the_workbook_holds_a_summary_and_every_breakdown(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let stats = statistics(&app, &admin, "").await;
    let file = app
        .get(&format!("{URI}/export?format=xlsx"))
        .bearer(&admin)
        .send()
        .await;
    assert_eq!(file.status, StatusCode::OK, "{}", file.text());
    let name = format!(
        "attachment; filename=\"statistiques-{}-{}.xlsx\"",
        stats["from"].as_str().unwrap(),
        stats["to"].as_str().unwrap()
    );
    assert_eq!(file.headers["content-disposition"], name.as_str());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(file.bytes.to_vec())).unwrap();
    let mut read = |path: &str| {
        let mut text = String::new();
        zip.by_name(path)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let workbook = read("xl/workbook.xml");
    for sheet in [
        "Synthèse",
        "Mois",
        "Types de contrôle",
        "Catégories",
        "Agences",
        "Centres",
    ] {
        assert!(
            workbook.contains(&format!("name=\"{sheet}\"")),
            "{sheet}: {workbook}"
        );
    }
    let strings = read("xl/sharedStrings.xml");
    let agency = stats["by_agency"][0]["name"].as_str().unwrap();
    for text in [
        agency,
        "Chiffre d'affaires net (€ TTC)",
        "Contrôle technique",
    ] {
        let escaped = text.replace('\'', "&apos;");
        assert!(
            strings.contains(text) || strings.contains(&escaped),
            "{text} in {strings}"
        );
    }
    // The totals' bookings are the summary's first figure (row 5 of the sheet).
    let summary = read("xl/worksheets/sheet1.xml");
    let bookings = count(&stats, "/totals/bookings");
    assert!(
        summary.contains(&format!("<c r=\"B5\"><v>{bookings}</v>"))
            || summary.contains(&format!("<c r=\"B5\" t=\"n\"><v>{bookings}</v>")),
        "{summary}"
    );

    for (query, field) in [
        ("", "format"),
        ("?format=csv", "format"),
        ("?format=xlsx&to=2", "to"),
    ] {
        let refused = app
            .get(&format!("{URI}/export{query}"))
            .bearer(&admin)
            .send()
            .await;
        assert_eq!(
            refused.refusal(),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{query}"
        );
    }
}

#[sqlx::test(migrations = "./migrations")]
async fn the_report_is_a_pdf_of_the_figures_under_the_letterhead(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let stats = statistics(&app, &admin, "").await;
    let file = app
        .get(&format!("{URI}/export?format=pdf"))
        .bearer(&admin)
        .send()
        .await;
    assert_eq!(file.status, StatusCode::OK, "{}", file.text());
    assert_eq!(file.headers["content-type"], "application/pdf");
    let name = format!(
        "attachment; filename=\"statistiques-{}-{}.pdf\"",
        stats["from"].as_str().unwrap(),
        stats["to"].as_str().unwrap()
    );
    assert_eq!(file.headers["content-disposition"], name.as_str());
    // pdftotext turns the narrow no-break spaces of numbers into spaces.
    let text = pdf_text(&file.bytes).replace(['\u{202f}', '\u{a0}'], " ");
    let network: String = sqlx::query_scalar("SELECT name FROM tenants WHERE id = $1")
        .bind(app.tenant_id(Tenant::A))
        .fetch_one(&owner)
        .await
        .unwrap();
    let bookings = count(&stats, "/totals/bookings");
    let grouped = {
        let digits = bookings.to_string();
        let mut out = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(' ');
            }
            out.push(d);
        }
        out
    };
    let agency = stats["by_agency"][0]["name"].as_str().unwrap();
    let centre = stats["by_centre"][0]["name"].as_str().unwrap();
    for expected in [
        "Statistiques",
        network.as_str(),
        "Réservations",
        grouped.as_str(),
        "Par type de contrôle",
        "Contrôle technique",
        "Par agence",
        agency,
        centre,
        "Page 1 /",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
}
