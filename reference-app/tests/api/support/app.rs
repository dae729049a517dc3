//! [`TestApp`]: the application on the per-test database, built by [`TestAppBuilder`], and the
//! people who use it.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::Method;
use sqlx::PgPool;
use uuid::Uuid;

use super::call::Call;
use super::server::{
    APP_ROLE, AppState, Jwt, Limits, Outlets, RateLimiter, Secrets, SecretsKey, Sessions, SmsMode,
    Smtp, app, app_pool, load, now_unix, password, seed, sync, today, worker,
};
use super::tokens;

/// A network of the test data: `A` is the first by slug (the two-tenant fixture's `tenant-1`,
/// id `…0a`), `B` the second (`tenant-2`, id `…0b`).
#[derive(Clone, Copy, Debug)]
pub enum Tenant {
    /// The first network by slug.
    A,
    /// The second network by slug.
    B,
}

/// A user created for a test and signed in.
#[derive(Clone, Debug)]
pub struct User {
    /// The user's id.
    pub id: Uuid,
    /// An access token for [`Call::bearer`].
    pub token: String,
}

/// The data a test starts from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Data {
    Empty,
    TwoTenants,
    Seeded,
}

/// Whether the application has Redis.
#[derive(Clone, Copy)]
enum Redis {
    Off,
    Up,
    Down,
}

/// The options of a [`TestApp`]; [`TestAppBuilder::spawn`] builds it.
pub struct TestAppBuilder {
    owner: PgPool,
    data: Data,
    redis: Redis,
    auth_limit: Option<u32>,
    engine_sync: bool,
    smtp: Option<String>,
    smsmode: Option<(String, String)>,
    secrets_key: bool,
    stripe_api: Option<String>,
}

/// The secrets key of the tests' servers (32 bytes, base64).
pub const SECRETS_KEY: &str = "dGVzdHMtc2VjcmV0cy1rZXktMzItYnl0ZXMtbG9uZyE=";

impl TestAppBuilder {
    /// Loads the two-tenant fixture (`tests/fixtures/two_tenants.sql`: one row per tenant table
    /// per tenant, plus platform rows).
    pub fn two_tenants(mut self) -> Self {
        self.data = Data::TwoTenants;
        self
    }

    /// Loads the spec's demo data and the scheduling engine from it.
    pub fn seeded(mut self) -> Self {
        self.data = Data::Seeded;
        self
    }

    /// Connects Redis (`REDIS_URL`, else 127.0.0.1:6379), for health and revoked sessions.
    pub fn redis(mut self) -> Self {
        self.redis = Redis::Up;
        self
    }

    /// Configures a Redis that is down (nothing listens on its port).
    pub fn redis_down(mut self) -> Self {
        self.redis = Redis::Down;
        self
    }

    /// Allows `per_minute` authentication requests per client and minute (search and other
    /// routes: 1000).
    pub fn auth_rate_limit(mut self, per_minute: u32) -> Self {
        self.auth_limit = Some(per_minute);
        self
    }

    /// Keeps the engine in step with changes committed by others, as a server does.
    pub fn engine_sync(mut self) -> Self {
        self.engine_sync = true;
        self
    }

    /// Makes the worker send e-mail through the SMTP server at `url`.
    pub fn smtp(mut self, url: &str) -> Self {
        self.smtp = Some(url.to_owned());
        self
    }

    /// Makes the worker send SMS through an smsmode API at `url` with `api_key`.
    pub fn smsmode(mut self, url: &str, api_key: &str) -> Self {
        self.smsmode = Some((url.to_owned(), api_key.to_owned()));
        self
    }

    /// Runs without a secrets key (`PTI_SECRETS_KEY` unset): a network's secrets can be
    /// neither saved nor used.
    pub fn no_secrets_key(mut self) -> Self {
        self.secrets_key = false;
        self
    }

    /// Reaches the networks' own Stripe accounts at `url` (a mock of Stripe's API).
    pub fn stripe_api(mut self, url: &str) -> Self {
        self.stripe_api = Some(url.to_owned());
        self
    }

    /// Loads the data, then builds the application as `pti_app`, signing with the test keys.
    pub async fn spawn(self) -> TestApp {
        let owner = self.owner;
        match self.data {
            Data::Empty => {}
            Data::TwoTenants => {
                sqlx::raw_sql(include_str!("../../fixtures/two_tenants.sql"))
                    .execute(&owner)
                    .await
                    .expect("fixture");
            }
            Data::Seeded => {
                seed::run(&owner, false, seed::Scale::Demo)
                    .await
                    .unwrap()
                    .unwrap();
            }
        }
        let options = owner.connect_options().as_ref().clone().username(APP_ROLE);
        let pool = app_pool(options, 4).await.expect("connect as pti_app");
        let mut state = AppState::new(pool, Jwt::new(&tokens::test_keys()).unwrap());
        let mut redis_conn = None;
        match self.redis {
            Redis::Off => {}
            Redis::Up => {
                let url = std::env::var("REDIS_URL")
                    .unwrap_or_else(|_| "redis://127.0.0.1:6379".to_owned());
                let client = redis::Client::open(url).unwrap();
                let conn = redis::aio::ConnectionManager::new(client.clone())
                    .await
                    .unwrap();
                state.sessions = Sessions::redis(conn.clone());
                state.redis = Some(client);
                redis_conn = Some(conn);
            }
            Redis::Down => state.redis = Some(redis::Client::open("redis://127.0.0.1:1").unwrap()),
        }
        if let Some(auth) = self.auth_limit {
            state.rate_limiter = RateLimiter::new(Limits {
                window: Duration::from_secs(60),
                auth,
                search: 1000,
                default: 1000,
            });
        }
        if self.data == Data::Seeded {
            state
                .engine
                .replace(load::load(&state.db, today()).await.unwrap());
        }
        if self.engine_sync {
            tokio::spawn(sync::run(state.db.clone(), state.engine.clone()));
        }
        let secrets = Secrets::new(
            self.secrets_key
                .then(|| SecretsKey::parse(SECRETS_KEY).unwrap()),
        );
        state.secrets = secrets.clone();
        state.payments.secrets = secrets.clone();
        if let Some(url) = self.stripe_api {
            state.payments.stripe_api_base = url;
        }
        let outlets = Outlets {
            smtp: self.smtp.map(|url| {
                Arc::new(Smtp::new(&url, "PTI Calendar <no-reply@pti-calendar.fr>").unwrap())
            }),
            sms: self
                .smsmode
                .map(|(url, key)| Arc::new(SmsMode::new(&url, &key, "PTICalendar")) as _),
            secrets,
            ..Outlets::default()
        };
        state.outlets = outlets.clone();
        let tenants = sqlx::query_as("SELECT id, slug FROM tenants ORDER BY slug")
            .fetch_all(&owner)
            .await
            .unwrap();
        TestApp {
            router: app(state.clone()),
            state,
            owner,
            outlets,
            redis: redis_conn,
            tenants: Arc::new(tenants),
        }
    }
}

/// The application on the per-test database: requests through its router, and the users,
/// tokens and background work that tests need around them. Cheap to clone (for spawned tasks).
#[derive(Clone)]
pub struct TestApp {
    /// The application's router, over `state`.
    pub(super) router: Router,
    /// The application's state.
    pub(super) state: AppState,
    owner: PgPool,
    outlets: Outlets,
    /// The Redis connection the sessions use, when built with [`TestAppBuilder::redis`].
    pub(super) redis: Option<redis::aio::ConnectionManager>,
    tenants: Arc<Vec<(Uuid, String)>>,
}

impl TestApp {
    /// Options for an application on the database of `owner` (the `#[sqlx::test]` pool): no
    /// data, no Redis, the default rate limits, messages to the local mailbox, the tests'
    /// secrets key.
    pub fn builder(owner: &PgPool) -> TestAppBuilder {
        TestAppBuilder {
            owner: owner.clone(),
            data: Data::Empty,
            redis: Redis::Off,
            auth_limit: None,
            engine_sync: false,
            smtp: None,
            smsmode: None,
            secrets_key: true,
            stripe_api: None,
        }
    }

    /// A request `method path`, sent by [`Call::send`].
    pub fn request(&self, method: Method, path: &str) -> Call<'_> {
        Call::new(self, method, path)
    }

    /// A `GET path`.
    pub fn get(&self, path: &str) -> Call<'_> {
        self.request(Method::GET, path)
    }

    /// A `POST path`.
    pub fn post(&self, path: &str) -> Call<'_> {
        self.request(Method::POST, path)
    }

    /// A `PUT path`.
    pub fn put(&self, path: &str) -> Call<'_> {
        self.request(Method::PUT, path)
    }

    /// A `DELETE path`.
    pub fn delete(&self, path: &str) -> Call<'_> {
        self.request(Method::DELETE, path)
    }

    /// The id of `tenant` (panics when the data has no such network).
    pub fn tenant_id(&self, tenant: Tenant) -> Uuid {
        self.tenants[tenant as usize].0
    }

    /// The slug of `tenant` (panics when the data has no such network).
    pub fn tenant_slug(&self, tenant: Tenant) -> &str {
        &self.tenants[tenant as usize].1
    }

    /// A new user of `tenant` with `role`, attached to the tenant's first agency and centre when
    /// the role needs them, and an access token for it.
    pub async fn user(&self, tenant: Tenant, role: &str) -> User {
        self.create_user(Some(self.tenant_id(tenant)), role).await
    }

    /// The first active centre of `tenant` (by code) that has an inspector, and its city.
    pub async fn staffed_centre(&self, tenant: Tenant) -> (Uuid, String) {
        sqlx::query_as(
            "SELECT c.id, c.city FROM cts c WHERE c.tenant_id = $1 AND c.status = 'active' \
             AND EXISTS (SELECT 1 FROM controleurs i WHERE i.centre_id = c.id) ORDER BY c.code LIMIT 1",
        )
        .bind(self.tenant_id(tenant))
        .fetch_one(&self.owner)
        .await
        .unwrap()
    }

    /// A new super admin of the platform (no tenant) and an access token for it.
    pub async fn super_admin(&self) -> User {
        self.create_user(None, "SUPER_ADMIN").await
    }

    async fn create_user(&self, tenant: Option<Uuid>, role: &str) -> User {
        let attach = |table: &'static str| async move {
            sqlx::query_scalar::<_, Uuid>(&format!(
                "SELECT id FROM {table} WHERE tenant_id = $1 ORDER BY created_at, id LIMIT 1"
            ))
            .bind(tenant)
            .fetch_optional(&self.owner)
            .await
            .unwrap()
        };
        let agency = if ["ADMIN_AGENCE", "ADMIN_CT", "CONTROLEUR"].contains(&role) {
            attach("agences").await
        } else {
            None
        };
        let centre = if ["ADMIN_CT", "CONTROLEUR"].contains(&role) {
            attach("cts").await
        } else {
            None
        };
        let id: Uuid = sqlx::query_scalar(
            "INSERT INTO users (tenant_id, email, role, agency_id, centre_id) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(tenant)
        .bind(format!("{}@users.example", Uuid::new_v4().simple()))
        .bind(role)
        .bind(agency)
        .bind(centre)
        .fetch_one(&self.owner)
        .await
        .unwrap();
        let role = role.parse().expect("a role code");
        let claims = Jwt::claims(id, tenant, role, Uuid::new_v4(), now_unix());
        User {
            id,
            token: self.state.jwt.sign(&claims).unwrap(),
        }
    }

    /// Sets the password of the user with `email` (argon2id, as sign-up stores it).
    pub async fn set_password(&self, email: &str, password: &str) {
        let hash = password::hash(password.to_owned()).await.unwrap();
        sqlx::query("UPDATE users SET password_hash = $1 WHERE email = $2")
            .bind(hash)
            .bind(email)
            .execute(&self.owner)
            .await
            .unwrap();
    }

    /// One pass of the notification worker on the application pool, as in production:
    /// answers `(holds released, events delivered)`.
    pub async fn tick(&self) -> (usize, usize) {
        worker::tick(&self.state.db, &self.state.engine, &self.outlets)
            .await
            .unwrap()
    }

    /// Writes the searches and slot views counted so far, as the worker does every tick.
    pub async fn flush_funnel(&self) {
        self.state.funnel.flush(&self.state.db).await.unwrap();
    }

    /// The application's pool, logged in as `pti_app` (row-level security applies).
    pub fn db(&self) -> &PgPool {
        &self.state.db
    }

    /// Closes the application's pool: the database is gone for the application.
    pub async fn close_db(&self) {
        self.state.db.close().await;
    }
}
