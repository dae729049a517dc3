//! The OpenAPI document generated from the code: the committed copy is current, its references
//! resolve, and it describes routes that exist. (Every answer of the other tests is also checked
//! against it, by `support`'s `Call::send`.)

use axum::http::{Method, StatusCode};
use serde_json::Value;
use sqlx::PgPool;

use crate::support::{TestApp, document, document_text, verify};

/// `reference-app/openapi.json` (read by the portals' contract test) is the generated
/// document. `PTI_UPDATE_OPENAPI=1 cargo test -p reference-app --test api openapi` rewrites it.
#[test]
fn the_committed_copy_is_the_generated_document() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.json");
    let generated = document_text();
    if std::env::var_os("PTI_UPDATE_OPENAPI").is_some() {
        std::fs::write(path, generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "reference-app/openapi.json is stale: rerun with PTI_UPDATE_OPENAPI=1"
    );
}

fn refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if k == "$ref" {
                    out.push(v.as_str().unwrap().to_owned());
                }
                refs(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

#[test]
fn every_reference_resolves_and_every_operation_is_named_once() {
    let doc = document();
    assert_eq!(doc["openapi"], "3.1.0");
    let mut found = Vec::new();
    refs(doc, &mut found);
    assert!(found.len() > 100, "{}", found.len());
    for r in found {
        let mut parts = r.strip_prefix("#/components/").unwrap().split('/');
        let (kind, name) = (parts.next().unwrap(), parts.next().unwrap());
        assert!(doc["components"][kind].get(name).is_some(), "{r}");
    }
    let mut ids: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|m| m.as_object().unwrap().values())
        .map(|op| op["operationId"].as_str().unwrap())
        .collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "operationId repeated");
}

#[sqlx::test(migrations = "./migrations")]
async fn every_documented_operation_is_routed(owner: PgPool) {
    let app = TestApp::builder(&owner).spawn().await;
    let mut undocumented = Vec::new();
    for (path, methods) in document()["paths"].as_object().unwrap() {
        let uri = path.replace("{id}", "00000000-0000-0000-0000-000000000001");
        for method in methods.as_object().unwrap().keys() {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let (answer, verdict) = app
                .request(method.clone(), &uri)
                .raw("{}")
                .send_with_verdict()
                .await;
            if let Err(e) = verdict {
                undocumented.push(e);
            }
            assert_ne!(
                answer.status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path}"
            );
            assert_ne!(answer.json["code"], "NO_ROUTE", "{method} {path}");
        }
    }
    assert!(undocumented.is_empty(), "{}", undocumented.join("\n"));
    // And an undocumented path is not routed.
    let answer = app.get("/api/v1/nope").send().await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
}

#[test]
fn answers_that_stray_from_the_document_are_caught() {
    let me = "/api/v1/users/me";
    let user = serde_json::json!({
        "id": "00000000-0000-0000-0000-000000000001", "tenant_id": null, "email": "a@b.fr",
        "phone": null, "first_name": "A", "last_name": "B", "role": "CLIENT", "agency_id": null,
        "centre_id": null, "notification_prefs": {}, "status": "active",
        "created_at": "2026-11-25T10:00:00Z",
    });
    assert_eq!(verify(&Method::GET, me, StatusCode::OK, &user), Ok(()));
    let mut missing = user.clone();
    missing.as_object_mut().unwrap().remove("email");
    let mut extra = user.clone();
    extra["password_hash"] = "x".into();
    let mut wrong = user.clone();
    wrong["first_name"] = 5.into();
    for body in [missing, extra, wrong] {
        assert!(
            verify(&Method::GET, me, StatusCode::OK, &body).is_err(),
            "{body}"
        );
    }
    assert!(verify(&Method::GET, me, StatusCode::IM_A_TEAPOT, &Value::Null).is_err());
    let bad_code = serde_json::json!({ "items": [{ "status": "lost" }] });
    assert!(verify(&Method::GET, "/api/v1/rdv/me", StatusCode::OK, &bad_code).is_err());
}
