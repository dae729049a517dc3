//! The accounts list exported: every account of the filters, in French, as CSV or XLSX; only
//! for the admins who may export; never another network's.

use std::io::Read;

use axum::http::StatusCode;
use sqlx::PgPool;

use crate::support::{Tenant, TestApp};

#[sqlx::test(migrations = "./migrations")]
async fn a_csv_export_holds_every_account_of_the_filters_in_french(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    for _ in 0..3 {
        app.user(Tenant::A, "CONTROLEUR").await;
    }
    let listed = app
        .get("/api/v1/users?limit=100")
        .bearer(&admin)
        .send()
        .await;
    let total = listed.json["total"].as_i64().unwrap();
    let file = app
        .get("/api/v1/users/export?format=csv")
        .bearer(&admin)
        .send()
        .await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.headers["content-type"], "text/csv; charset=utf-8");
    assert!(
        file.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"utilisateurs-"),
        "{:?}",
        file.headers
    );
    let text = file
        .text()
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark");
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(
        lines[0].starts_with("Nom;Prénom;E-mail;Téléphone;Rôle;Agence;Centre;Statut"),
        "{}",
        lines[0]
    );
    assert_eq!(i64::try_from(lines.len() - 1).unwrap(), total, "{text}");
    let inspectors = lines
        .iter()
        .filter(|l| l.contains(";Contrôleur;Agence;Centre;"))
        .count();
    assert_eq!(inspectors, 3, "{text}");
    let filtered = app
        .get("/api/v1/users/export?format=csv&role=CONTROLEUR")
        .bearer(&admin)
        .send()
        .await;
    assert_eq!(
        filtered
            .text()
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .count(),
        1 + 3
    );
    let foreign = app
        .get("/api/v1/users/export?format=csv")
        .bearer(&app.user(Tenant::B, "ADMIN_TENANT").await.token)
        .send()
        .await;
    assert!(
        !foreign.text().contains("tenant1.example"),
        "{}",
        foreign.text()
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn an_xlsx_export_is_a_workbook_of_the_rows(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let file = app
        .get("/api/v1/users/export?format=xlsx&sort=email")
        .bearer(&admin)
        .send()
        .await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(
        file.headers["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(file.bytes.to_vec())).unwrap();
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    assert!(sheet.contains("cc@tenant1.example"), "{sheet}");
    assert!(sheet.contains("Dernière connexion"), "French headers");
    assert!(!sheet.contains("tenant2.example"));
}

#[sqlx::test(migrations = "./migrations")]
async fn only_admins_who_may_export_get_the_file(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    for role in ["ADMIN_CT", "CONTROLEUR", "CALL_CENTER", "CLIENT"] {
        let token = app.user(Tenant::A, role).await.token;
        let answer = app
            .get("/api/v1/users/export?format=csv")
            .bearer(&token)
            .send()
            .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{role}");
    }
    let agency_admin = app.user(Tenant::A, "ADMIN_AGENCE").await.token;
    let answer = app
        .get("/api/v1/users/export?format=xlsx")
        .bearer(&agency_admin)
        .send()
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    for (query, field) in [
        ("format=pdf", "format"),
        ("format=csv&sort=age", "sort"),
        ("", "format"),
    ] {
        let answer = app
            .get(&format!("/api/v1/users/export?{query}"))
            .bearer(&admin)
            .send()
            .await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{query}: {}",
            answer.json
        );
        if field != "format" || !query.is_empty() {
            assert_eq!(
                answer.json["details"]["field"], field,
                "{query}: {}",
                answer.json
            );
        }
    }
    assert_eq!(
        app.get("/api/v1/users/export?format=csv")
            .send()
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}
