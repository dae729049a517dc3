//! Settings from the environment, with defaults in code. Secrets are never printed.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::secrets::SecretsKey;

/// Default owner connection (migrations); the database is created when missing.
pub const DEFAULT_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/pti";
/// Default listen address.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
/// The portals' origin in the links e-mails carry, when `PTI_PUBLIC_URL` names none.
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";
/// Stripe's API root.
pub const STRIPE_API: &str = "https://api.stripe.com";
/// Brevo's API root.
pub const BREVO_API: &str = "https://api.brevo.com";
/// smsmode's API root.
pub const SMSMODE_API: &str = "https://rest.smsmode.com";

/// The service's configuration.
#[derive(Clone)]
pub struct Config {
    /// Owner connection, used to create the database and run migrations (`DATABASE_URL`).
    pub database_url: String,
    /// Runtime connection as the `pti_app` role (`PTI_APP_DATABASE_URL`); when unset, the
    /// owner URL with its user replaced by `pti_app`.
    pub app_database_url: Option<String>,
    /// Listen address (`PTI_ADDR`).
    pub addr: SocketAddr,
    /// Redis, optional (`REDIS_URL`).
    pub redis_url: Option<String>,
    /// RS256 private key, PEM (`PTI_JWT_PRIVATE_KEY`).
    pub jwt_private_key: Option<String>,
    /// RS256 public key, PEM (`PTI_JWT_PUBLIC_KEY`).
    pub jwt_public_key: Option<String>,
    /// Where a generated key pair is kept (`PTI_KEYS_DIR`, default `reference-app/.keys`).
    pub keys_dir: PathBuf,
    /// The network served when a request names none (`PTI_DEFAULT_TENANT`: slug, domain or
    /// id; default `controle-auto-france`, the seed's first network).
    pub default_tenant: Option<String>,
    /// Whether `GET /api/v1/dev/mailbox` answers (`PTI_DEV_MAILBOX`, default on; `0` turns it off).
    pub dev_mailbox: bool,
    /// The built web portals (`PTI_WEB_DIR`, default `reference-app/web/dist` when it exists).
    pub web_dir: Option<PathBuf>,
    /// How often the worker runs (`PTI_WORKER_INTERVAL_MS`, default 2000).
    pub worker_interval: std::time::Duration,
    /// Requests per minute and client address by route class (`PTI_RATE_LIMITS`, e.g.
    /// `auth=20,search=120,default=600`, the defaults).
    pub rate_limits: Limits,
    /// Origins allowed to call the API from a browser (`PTI_CORS_ORIGINS`, comma-separated;
    /// none by default: the portals are served from the same origin).
    pub cors_origins: Vec<String>,
    /// The portals' origin in the links e-mails carry (`PTI_PUBLIC_URL`, e.g.
    /// `https://rdv.controle-auto-france.fr`; default `http://` and the listen address).
    pub public_url: String,
    /// Stripe secret key (`PTI_STRIPE_SECRET_KEY`): when set, payments go through Stripe instead
    /// of the sandbox.
    pub stripe_secret_key: Option<String>,
    /// SMTP relay for e-mail (`PTI_SMTP_URL`, e.g. `smtp://user:pass@host:587?tls=required`);
    /// unset: e-mails go to the local mailbox.
    pub smtp_url: Option<String>,
    /// Sender of e-mails (`PTI_SMTP_FROM`, default `PTI Calendar <no-reply@pti-calendar.fr>`).
    pub smtp_from: String,
    /// smsmode API key (`PTI_SMSMODE_API_KEY`): when set, SMS go through smsmode.
    pub smsmode_api_key: Option<String>,
    /// smsmode's API root (`PTI_SMSMODE_API_BASE`, default `https://rest.smsmode.com`).
    pub smsmode_api_base: String,
    /// Stripe's API root (`PTI_STRIPE_API_BASE`, default `https://api.stripe.com`).
    pub stripe_api_base: String,
    /// Brevo's API root (`PTI_BREVO_API_BASE`, default `https://api.brevo.com`).
    pub brevo_api_base: String,
    /// The key sealing the secrets networks give (`PTI_SECRETS_KEY`, 32 bytes in base64); unset:
    /// a network's secrets can be neither saved nor used.
    pub secrets_key: Option<SecretsKey>,
}

impl Config {
    /// Reads the configuration from the process environment.
    pub fn from_env() -> anyhow::Result<Self> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    /// Reads the configuration through `lookup` (a test passes a map).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let addr = lookup("PTI_ADDR").unwrap_or_else(|| DEFAULT_ADDR.to_owned());
        let addr = addr
            .parse()
            .map_err(|e| anyhow::anyhow!("PTI_ADDR {addr:?} is not a socket address: {e}"))?;
        Ok(Self {
            database_url: lookup("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
            app_database_url: lookup("PTI_APP_DATABASE_URL"),
            addr,
            redis_url: lookup("REDIS_URL"),
            jwt_private_key: lookup("PTI_JWT_PRIVATE_KEY"),
            jwt_public_key: lookup("PTI_JWT_PUBLIC_KEY"),
            keys_dir: lookup("PTI_KEYS_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".keys")),
            default_tenant: Some(
                lookup("PTI_DEFAULT_TENANT").unwrap_or_else(|| "controle-auto-france".to_owned()),
            ),
            dev_mailbox: lookup("PTI_DEV_MAILBOX").is_none_or(|v| v != "0"),
            web_dir: lookup("PTI_WEB_DIR").map(PathBuf::from).or_else(|| {
                let built = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("web/dist");
                built.join("index.html").exists().then_some(built)
            }),
            rate_limits: Limits::parse(&lookup("PTI_RATE_LIMITS").unwrap_or_default())
                .map_err(|e| anyhow::anyhow!("PTI_RATE_LIMITS: {e}"))?,
            cors_origins: lookup("PTI_CORS_ORIGINS")
                .map(|v| {
                    v.split(',')
                        .map(|o| o.trim().to_owned())
                        .filter(|o| !o.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            public_url: lookup("PTI_PUBLIC_URL")
                .map(|u| u.trim_end_matches('/').to_owned())
                .unwrap_or_else(|| format!("http://{addr}")),
            stripe_secret_key: lookup("PTI_STRIPE_SECRET_KEY"),
            smtp_url: lookup("PTI_SMTP_URL"),
            smsmode_api_key: lookup("PTI_SMSMODE_API_KEY"),
            smsmode_api_base: lookup("PTI_SMSMODE_API_BASE")
                .unwrap_or_else(|| SMSMODE_API.to_owned()),
            smtp_from: lookup("PTI_SMTP_FROM")
                .unwrap_or_else(|| "PTI Calendar <no-reply@pti-calendar.fr>".to_owned()),
            stripe_api_base: lookup("PTI_STRIPE_API_BASE").unwrap_or_else(|| STRIPE_API.to_owned()),
            brevo_api_base: lookup("PTI_BREVO_API_BASE").unwrap_or_else(|| BREVO_API.to_owned()),
            secrets_key: lookup("PTI_SECRETS_KEY")
                .map(|k| SecretsKey::parse(&k))
                .transpose()
                .map_err(|e| anyhow::anyhow!("PTI_SECRETS_KEY: {e}"))?,
            worker_interval: std::time::Duration::from_millis(
                lookup("PTI_WORKER_INTERVAL_MS")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(2000),
            ),
        })
    }

    /// The portal settings handlers see.
    pub fn settings(&self) -> Settings {
        Settings {
            default_tenant: self.default_tenant.clone(),
            dev_mailbox: self.dev_mailbox,
            web_dir: self.web_dir.clone(),
            cors_origins: self.cors_origins.clone(),
            public_url: self.public_url.clone(),
        }
    }
}

/// Settings of the portals and development helpers.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The network served when a request names none (slug, domain or id).
    pub default_tenant: Option<String>,
    /// Whether `GET /dev/mailbox` answers.
    pub dev_mailbox: bool,
    /// The built web portals to serve at `/` (a directory with `index.html`).
    pub web_dir: Option<std::path::PathBuf>,
    /// Origins allowed by CORS.
    pub cors_origins: Vec<String>,
    /// The portals' origin in the links e-mails carry, without a trailing slash.
    pub public_url: String,
}

/// Requests allowed per window, per class.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Window length.
    pub window: Duration,
    /// For [`RouteClass::Auth`].
    pub auth: u32,
    /// For [`RouteClass::Search`].
    pub search: u32,
    /// For [`RouteClass::Default`].
    pub default: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            window: Duration::from_secs(60),
            auth: 20,
            search: 120,
            default: 600,
        }
    }
}

impl Limits {
    /// The defaults with the overrides of `spec`, e.g. `auth=200,search=1000` (per minute).
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut limits = Self::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (class, value) = part
                .split_once('=')
                .ok_or_else(|| format!("'{part}' is not class=count"))?;
            let value: u32 = value
                .trim()
                .parse()
                .map_err(|_| format!("'{value}' is not a count"))?;
            match class.trim() {
                "auth" => limits.auth = value,
                "search" => limits.search = value,
                "default" => limits.default = value,
                other => return Err(format!("unknown route class '{other}'")),
            }
        }
        Ok(limits)
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let set = |o: &Option<String>| if o.is_some() { "<set>" } else { "<unset>" };
        f.debug_struct("Config")
            .field("database_url", &"<redacted>")
            .field("app_database_url", &set(&self.app_database_url))
            .field("addr", &self.addr)
            .field("redis_url", &set(&self.redis_url))
            .field("jwt_private_key", &set(&self.jwt_private_key))
            .field("jwt_public_key", &set(&self.jwt_public_key))
            .field("keys_dir", &self.keys_dir)
            .field("default_tenant", &self.default_tenant)
            .field("dev_mailbox", &self.dev_mailbox)
            .field("web_dir", &self.web_dir)
            .field("rate_limits", &self.rate_limits)
            .field("cors_origins", &self.cors_origins)
            .field("public_url", &self.public_url)
            .field("stripe_secret_key", &set(&self.stripe_secret_key))
            .field("stripe_api_base", &self.stripe_api_base)
            .field("smtp_url", &set(&self.smtp_url))
            .field("smtp_from", &self.smtp_from)
            .field("smsmode_api_key", &set(&self.smsmode_api_key))
            .field("smsmode_api_base", &self.smsmode_api_base)
            .field("brevo_api_base", &self.brevo_api_base)
            .field("secrets_key", &self.secrets_key.as_ref().map(|_| "<set>"))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply_when_nothing_is_set() {
        let config = Config::from_lookup(|_| None).unwrap();
        assert_eq!(config.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(config.addr.to_string(), DEFAULT_ADDR);
        assert!(config.redis_url.is_none());
        assert_eq!(config.public_url, DEFAULT_PUBLIC_URL);
    }

    #[test]
    fn the_public_url_loses_its_trailing_slash() {
        let config =
            Config::from_lookup(|n| (n == "PTI_PUBLIC_URL").then(|| "https://rdv.example/".into()))
                .unwrap();
        assert_eq!(config.public_url, "https://rdv.example");
    }

    #[test]
    fn debug_output_hides_secrets() {
        let config = Config::from_lookup(|name| match name {
            "DATABASE_URL" => Some("postgres://u:hunter2@h/db".into()),
            "PTI_JWT_PRIVATE_KEY" => Some("-----BEGIN PRIVATE KEY-----k3ymat3rial".into()),
            "PTI_STRIPE_SECRET_KEY" => Some("sk_live_t0ps3cr3t".into()),
            "PTI_SECRETS_KEY" => Some("c2VjcmV0c2tleXNlY3JldHNrZXlzZWNyZXRza2V5MDE=".into()),
            _ => None,
        })
        .unwrap();
        let shown = format!("{config:?}");
        for secret in [
            "hunter2",
            "k3ymat3rial",
            "t0ps3cr3t",
            "c2VjcmV0c2tle",
            "secretskey",
        ] {
            assert!(!shown.contains(secret), "{shown}");
        }
    }

    #[test]
    fn limits_are_configurable_per_class() {
        let l = Limits::parse("auth=200, search=1000").unwrap();
        assert_eq!((l.auth, l.search, l.default), (200, 1000, 600));
        assert!(Limits::parse("login=3").is_err());
        assert!(Limits::parse("auth=many").is_err());
    }
    #[test]
    fn a_secrets_key_must_be_32_bytes_of_base64() {
        let with = |key: &'static str| {
            Config::from_lookup(move |n| (n == "PTI_SECRETS_KEY").then(|| key.into()))
        };
        assert!(
            with("c2VjcmV0c2tleXNlY3JldHNrZXlzZWNyZXRza2V5MDE=")
                .unwrap()
                .secrets_key
                .is_some()
        );
        assert!(with("c2hvcnQ=").is_err());
    }

    #[test]
    fn a_bad_address_is_refused() {
        assert!(Config::from_lookup(|n| (n == "PTI_ADDR").then(|| "nope".into())).is_err());
    }
}
