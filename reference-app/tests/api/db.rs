//! The database. Row-level security: every tenant table is isolated, for reads and writes,
//! when the server's role `pti_app` acts in another tenant's context.

use sqlx::PgPool;

use crate::support::{Tenant, TestApp, sqlstate};

/// The public tables that carry a `tenant_id` column, from information_schema.
async fn tenant_tables(owner: &PgPool) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.columns
         WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY 1",
    )
    .fetch_all(owner)
    .await
    .unwrap()
}

/// Tables whose tenant_id may be NULL (rows of the platform itself), documented in the
/// migrations.
const PLATFORM_TABLES: [&str; 3] = ["audit_logs", "refresh_tokens", "users"];

#[sqlx::test(migrations = "./migrations")]
async fn every_tenant_table_forces_rls_and_has_a_tenant_policy(owner: PgPool) {
    let tables = tenant_tables(&owner).await;
    assert!(
        tables.len() >= 21,
        "expected the whole data model, got {tables:?}"
    );
    for table in tables.iter().map(String::as_str).chain(["tenants"]) {
        let (enabled, forced): (bool, bool) = sqlx::query_as(
            "SELECT relrowsecurity, relforcerowsecurity FROM pg_class
             WHERE oid = ('public.' || quote_ident($1))::regclass",
        )
        .bind(table)
        .fetch_one(&owner)
        .await
        .unwrap();
        assert!(
            enabled && forced,
            "{table}: RLS enabled={enabled} forced={forced}"
        );
        let policies: Vec<String> =
            sqlx::query_scalar("SELECT policyname::text FROM pg_policies WHERE schemaname = 'public' AND tablename = $1")
                .bind(table)
                .fetch_all(&owner)
                .await
                .unwrap();
        assert!(
            policies.iter().any(|p| p == "tenant_isolation"),
            "{table}: policies {policies:?}"
        );
    }
}

#[sqlx::test(migrations = "./migrations")]
async fn tenant_id_is_required_except_on_platform_tables(owner: PgPool) {
    let nullable: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.columns
         WHERE table_schema = 'public' AND column_name = 'tenant_id' AND is_nullable = 'YES' ORDER BY 1",
    )
    .fetch_all(&owner)
    .await
    .unwrap();
    assert_eq!(nullable, PLATFORM_TABLES);
}

#[sqlx::test(migrations = "./migrations")]
async fn every_tenant_table_has_an_index_starting_with_tenant_id(owner: PgPool) {
    for table in tenant_tables(&owner).await {
        let indexed: bool = sqlx::query_scalar(
            "SELECT EXISTS (
                 SELECT 1 FROM pg_index i JOIN pg_attribute a
                   ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                 WHERE i.indrelid = ('public.' || quote_ident($1))::regclass AND a.attname = 'tenant_id')",
        )
        .bind(&table)
        .fetch_one(&owner)
        .await
        .unwrap();
        assert!(indexed, "{table} has no index starting with tenant_id");
    }
}

#[sqlx::test(migrations = "./migrations")]
async fn the_app_role_is_neither_superuser_nor_bypassrls(owner: PgPool) {
    let (superuser, bypass): (bool, bool) =
        sqlx::query_as("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'pti_app'")
            .fetch_one(&owner)
            .await
            .unwrap();
    assert!(!superuser && !bypass);
    let app = TestApp::builder(&owner).spawn().await;
    let user: String = sqlx::query_scalar("SELECT current_user::text")
        .fetch_one(app.db())
        .await
        .unwrap();
    assert_eq!(user, "pti_app");
}

#[sqlx::test(migrations = "./migrations")]
async fn rows_of_tenant_a_are_invisible_and_untouchable_from_tenant_b(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let a = app.tenant_id(Tenant::A);
    for table in tenant_tables(&owner).await {
        // The fixture covers the table: tenant A sees its own row.
        let mut tx = app.tenant_tx(Tenant::A, "ADMIN_TENANT").await.unwrap();
        let own: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
            .fetch_one(&mut *tx)
            .await
            .unwrap();
        assert!(own > 0, "{table}: the fixture has no row of tenant A");
        let foreign: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM {table} WHERE tenant_id IS DISTINCT FROM $1"
        ))
        .bind(a)
        .fetch_one(&mut *tx)
        .await
        .unwrap();
        assert_eq!(foreign, 0, "{table}: tenant A sees rows of others");
        tx.rollback().await.unwrap();

        // Tenant B neither reads, updates nor deletes them.
        let mut tx = app.tenant_tx(Tenant::B, "ADMIN_TENANT").await.unwrap();
        let seen: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM {table} WHERE tenant_id = $1"
        ))
        .bind(a)
        .fetch_one(&mut *tx)
        .await
        .unwrap();
        assert_eq!(seen, 0, "{table}: tenant B reads tenant A");
        if table != "audit_logs" {
            let updated = sqlx::query(&format!(
                "UPDATE {table} SET tenant_id = tenant_id WHERE tenant_id = $1"
            ))
            .bind(a)
            .execute(&mut *tx)
            .await
            .unwrap();
            assert_eq!(
                updated.rows_affected(),
                0,
                "{table}: tenant B updates tenant A"
            );
            let deleted = sqlx::query(&format!("DELETE FROM {table} WHERE tenant_id = $1"))
                .bind(a)
                .execute(&mut *tx)
                .await
                .unwrap();
            assert_eq!(
                deleted.rows_affected(),
                0,
                "{table}: tenant B deletes tenant A"
            );
        }
        tx.rollback().await.unwrap();

        // Tenant B cannot write a row into tenant A (a copy of A's row, inserted from B).
        let row: serde_json::Value = sqlx::query_scalar(&format!(
            "SELECT to_jsonb(t) FROM {table} t WHERE tenant_id = $1 LIMIT 1"
        ))
        .bind(a)
        .fetch_one(&owner)
        .await
        .unwrap();
        let mut tx = app.tenant_tx(Tenant::B, "ADMIN_TENANT").await.unwrap();
        let error = sqlx::query(&format!(
            "INSERT INTO {table} OVERRIDING SYSTEM VALUE SELECT * FROM jsonb_populate_record(NULL::{table}, $1)"
        ))
        .bind(&row)
        .execute(&mut *tx)
        .await
        .expect_err(&format!("{table}: tenant B inserted a row of tenant A"));
        assert_eq!(
            sqlstate(&error).as_deref(),
            Some("42501"),
            "{table}: {error}"
        );
        tx.rollback().await.unwrap();
    }
}

#[sqlx::test(migrations = "./migrations")]
async fn without_a_context_nothing_is_visible(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    for table in tenant_tables(&owner)
        .await
        .into_iter()
        .chain(["tenants".to_owned()])
    {
        let count: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
            .fetch_one(app.db())
            .await
            .unwrap();
        assert_eq!(count, 0, "{table} visible without a tenant context");
    }
}

#[sqlx::test(migrations = "./migrations")]
async fn the_context_is_transaction_local(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let mut conn = app.db().acquire().await.unwrap();
    let mut tx = sqlx::Connection::begin(&mut *conn).await.unwrap();
    app.set_context(&mut tx, Tenant::A, "CLIENT").await.unwrap();
    tx.commit().await.unwrap();
    // Same connection, after the transaction: the setting is gone ('' rather than NULL).
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM agences")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(count, 0);
}

#[sqlx::test(migrations = "./migrations")]
async fn the_super_admin_reads_every_tenant_but_writes_only_platform_rows(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let mut tx = app.super_admin_tx().await.unwrap();
    let agencies: i64 = sqlx::query_scalar("SELECT count(*) FROM agences")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!(agencies, 2);
    let tenants: i64 = sqlx::query_scalar("SELECT count(*) FROM tenants")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!(tenants, 2);
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!(users, 5);
    let deleted = sqlx::query("DELETE FROM agences")
        .execute(&mut *tx)
        .await
        .unwrap();
    assert_eq!(
        deleted.rows_affected(),
        0,
        "platform_read must not allow writes"
    );
    tx.rollback().await.unwrap();
}

#[sqlx::test(migrations = "./migrations")]
async fn a_role_claim_alone_does_not_cross_tenants(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let b = app.tenant_id(Tenant::B);
    // A tenant admin of B: sees B's tenant row only.
    let mut tx = app.tenant_tx(Tenant::B, "ADMIN_TENANT").await.unwrap();
    let tenants: Vec<uuid::Uuid> = sqlx::query_scalar("SELECT id FROM tenants")
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    assert_eq!(tenants, vec![b]);
}

#[sqlx::test(migrations = "./migrations")]
async fn tenants_resolve_by_slug_or_domain_without_a_context(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let a = app.tenant_id(Tenant::A);
    for key in [
        "tenant-1",
        "TENANT1.EXAMPLE",
        "00000000-0000-0000-0000-00000000000a",
    ] {
        let id: uuid::Uuid = sqlx::query_scalar("SELECT id FROM resolve_tenant($1)")
            .bind(key)
            .fetch_one(app.db())
            .await
            .unwrap();
        assert_eq!(id, a, "{key}");
    }
    let none = sqlx::query_scalar::<_, uuid::Uuid>("SELECT id FROM resolve_tenant('nope')")
        .fetch_optional(app.db())
        .await
        .unwrap();
    assert!(none.is_none());
}

#[sqlx::test(migrations = "./migrations")]
async fn the_app_role_cannot_touch_migrations_nor_rewrite_the_audit_log(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let e = sqlx::query("SELECT * FROM _sqlx_migrations")
        .execute(app.db())
        .await
        .unwrap_err();
    assert_eq!(sqlstate(&e).as_deref(), Some("42501"));
    let mut tx = app.tenant_tx(Tenant::A, "ADMIN_TENANT").await.unwrap();
    let e = sqlx::query("DELETE FROM audit_logs")
        .execute(&mut *tx)
        .await
        .unwrap_err();
    assert_eq!(sqlstate(&e).as_deref(), Some("42501"));
}
