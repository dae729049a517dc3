//! The role matrix of the staff user routes: each tried by every role of the network that owns
//! the account concerned, of the other network, and by the super admin; each answer is the one
//! `pti_core::policy` leads to, and documented (the support checks every answer against the
//! OpenAPI document).

use axum::http::StatusCode;
use pti_core::policy::{self, Action, Resource, Role};
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

use super::{controller, edit, first_places, invite};
use crate::support::{Tenant, TestApp};

/// The roles of a network's accounts.
const ROLES: [&str; 6] = [
    "ADMIN_TENANT",
    "ADMIN_AGENCE",
    "ADMIN_CT",
    "CONTROLEUR",
    "CALL_CENTER",
    "CLIENT",
];

/// Whether `role` manages a network's accounts and may `action` them: the policy's table
/// grants it `user:create` and `user:<action>`.
fn manages(role: &str, action: Action) -> bool {
    let grants = policy::grants(role.parse::<Role>().unwrap());
    let holds = |a| {
        grants
            .iter()
            .any(|g| g.resource == Resource::User && g.action == a)
    };
    holds(Action::Create) && holds(action)
}

/// A controller of tenant A's first centre, the account the changes are tried on.
async fn target(app: &TestApp, owner: &PgPool) -> Uuid {
    let (agency, centre) = first_places(app, owner, Tenant::A).await;
    sqlx::query_scalar(
        "INSERT INTO users (tenant_id, email, role, agency_id, centre_id)
         VALUES ($1, $2, 'CONTROLEUR', $3, $4) RETURNING id",
    )
    .bind(app.tenant_id(Tenant::A))
    .bind(format!("{}@target.example", Uuid::new_v4().simple()))
    .bind(agency)
    .bind(centre)
    .fetch_one(owner)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "./migrations")]
async fn every_role_of_both_networks_gets_what_the_policy_grants(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let (_, centre) = first_places(&app, &owner, Tenant::A).await;
    let mut n = 0;
    for (tenant, own) in [(Tenant::A, true), (Tenant::B, false)] {
        for role in ROLES {
            let who = app.user(tenant, role).await;
            let code = |yes: StatusCode, no: StatusCode, action| {
                if !manages(role, action) {
                    StatusCode::FORBIDDEN
                } else if own {
                    yes
                } else {
                    no
                }
            };
            let list = app.get("/api/v1/users").bearer(&who.token).send().await;
            assert_eq!(
                list.status,
                code(StatusCode::OK, StatusCode::OK, Action::Read),
                "{role} lists"
            );
            if list.status == StatusCode::OK {
                let tenant_id = app.tenant_id(tenant).to_string();
                let foreign: i64 = sqlx::query_scalar(
                    "SELECT count(*) FROM users WHERE id::text = ANY($1) AND tenant_id::text <> $2",
                )
                .bind(
                    list.json["items"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|u| u["id"].as_str().unwrap().to_owned())
                        .collect::<Vec<_>>(),
                )
                .bind(tenant_id)
                .fetch_one(&owner)
                .await
                .unwrap();
                assert_eq!(foreign, 0, "{role} lists its own network only");
            }
            n += 1;
            let body = controller(&format!("new{n}@matrix.example"), centre);
            let created = invite(&app, &who.token, body).await;
            let expected = code(
                StatusCode::CREATED,
                StatusCode::UNPROCESSABLE_ENTITY,
                Action::Create,
            );
            assert_eq!(
                created.status, expected,
                "{role} of {tenant:?} creates: {}",
                created.json
            );
            if expected == StatusCode::UNPROCESSABLE_ENTITY {
                assert_eq!(
                    created.json["details"]["field"], "centre_id",
                    "another network's centre"
                );
            }

            let changed = edit(
                &app,
                &who.token,
                target(&app, &owner).await,
                json!({"first_name": "Marc"}),
            )
            .await;
            assert_eq!(
                changed.status,
                code(StatusCode::OK, StatusCode::NOT_FOUND, Action::Update),
                "{role} of {tenant:?} edits"
            );

            let path = format!("/api/v1/users/{}", target(&app, &owner).await);
            let erased = app.delete(&path).bearer(&who.token).send().await;
            assert_eq!(
                erased.status,
                code(
                    StatusCode::NO_CONTENT,
                    StatusCode::NOT_FOUND,
                    Action::Delete
                ),
                "{role} of {tenant:?} deletes"
            );

            let bogus = json!({"token": "0000", "password": "Bogus12345"});
            let set = app
                .post("/api/v1/auth/set-password")
                .bearer(&who.token)
                .json(bogus)
                .send()
                .await;
            assert_eq!(
                (set.status, set.json["code"].as_str()),
                (StatusCode::UNPROCESSABLE_ENTITY, Some("INVALID_TOKEN")),
                "{role}"
            );
        }
    }

    // The super admin's user management comes with the platform admin: refused for now.
    let root = app.super_admin().await;
    let list = app.get("/api/v1/users").bearer(&root.token).send().await;
    assert_eq!(list.status, StatusCode::FORBIDDEN);
    let created = invite(&app, &root.token, controller("root@matrix.example", centre)).await;
    assert_eq!(created.status, StatusCode::FORBIDDEN);
    let changed = edit(
        &app,
        &root.token,
        target(&app, &owner).await,
        json!({"first_name": "Marc"}),
    )
    .await;
    assert_eq!(changed.status, StatusCode::FORBIDDEN);

    // Nobody signed in: 401 on every route but the public set-password.
    let anonymous = [
        app.get("/api/v1/users").send().await.status,
        app.post("/api/v1/users")
            .json(controller("x@matrix.example", centre))
            .send()
            .await
            .status,
        app.put(&format!("/api/v1/users/{}", Uuid::new_v4()))
            .json(json!({}))
            .send()
            .await
            .status,
        app.delete(&format!("/api/v1/users/{}", Uuid::new_v4()))
            .send()
            .await
            .status,
    ];
    assert_eq!(anonymous, [StatusCode::UNAUTHORIZED; 4]);

    // Each mutation the policy allowed wrote one audit row.
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT action, count(*) FROM audit_logs WHERE action LIKE 'user.%' GROUP BY 1 ORDER BY 1",
    )
    .fetch_all(&owner)
    .await
    .unwrap();
    let admins = ROLES.iter().filter(|r| manages(r, Action::Create)).count() as i64;
    let erasers = ROLES.iter().filter(|r| manages(r, Action::Delete)).count() as i64;
    assert_eq!(
        rows,
        [
            ("user.create".to_owned(), admins),
            ("user.delete".to_owned(), erasers),
            ("user.update".to_owned(), admins),
        ]
    );
}
