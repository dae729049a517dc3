//! The RS256 key pair that signs access tokens. Taken from `PTI_JWT_PRIVATE_KEY` and
//! `PTI_JWT_PUBLIC_KEY` (PEM) when set; otherwise read from, or generated on first run into,
//! the keys directory (`reference-app/.keys/`, git-ignored).

use std::fmt;
use std::path::Path;

use anyhow::Context;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, EncodePublicKey, LineEnding};
use rsa::{RsaPrivateKey, RsaPublicKey};

use crate::config::Config;

/// Size of generated keys.
pub const KEY_BITS: usize = 2048;
const PRIVATE_FILE: &str = "jwt_private.pem";
const PUBLIC_FILE: &str = "jwt_public.pem";

/// A PEM key pair (PKCS#8 private key, SPKI public key).
#[derive(Clone)]
pub struct JwtKeys {
    /// Private key, PEM.
    pub private_pem: String,
    /// Public key, PEM.
    pub public_pem: String,
}

impl fmt::Debug for JwtKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JwtKeys")
            .field("private_pem", &"<redacted>")
            .finish_non_exhaustive()
    }
}

impl JwtKeys {
    /// The keys of `config`: from the environment, else from (or generated into) its keys dir.
    pub fn load(config: &Config) -> anyhow::Result<Self> {
        match (&config.jwt_private_key, &config.jwt_public_key) {
            (Some(private_pem), Some(public_pem)) => Ok(Self {
                private_pem: private_pem.clone(),
                public_pem: public_pem.clone(),
            }),
            (None, None) => Self::load_or_generate(&config.keys_dir, KEY_BITS),
            _ => anyhow::bail!("set both PTI_JWT_PRIVATE_KEY and PTI_JWT_PUBLIC_KEY, or neither"),
        }
    }

    /// Reads the pair from `dir`, generating it (with `bits`) when absent.
    pub fn load_or_generate(dir: &Path, bits: usize) -> anyhow::Result<Self> {
        let (private_path, public_path) = (dir.join(PRIVATE_FILE), dir.join(PUBLIC_FILE));
        if private_path.exists() {
            let private_pem = std::fs::read_to_string(&private_path)
                .with_context(|| format!("reading {}", private_path.display()))?;
            let public_pem = match std::fs::read_to_string(&public_path) {
                Ok(pem) => pem,
                Err(_) => public_pem_of(&private_pem)?,
            };
            return Ok(Self {
                private_pem,
                public_pem,
            });
        }
        tracing::info!(dir = %dir.display(), bits, "generating the JWT key pair");
        let keys = Self::generate(bits)?;
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        write_private(&private_path, &keys.private_pem)?;
        std::fs::write(&public_path, &keys.public_pem)?;
        Ok(keys)
    }

    /// A fresh pair.
    pub fn generate(bits: usize) -> anyhow::Result<Self> {
        let private = RsaPrivateKey::new(&mut rand::thread_rng(), bits)?;
        let public_pem = RsaPublicKey::from(&private).to_public_key_pem(LineEnding::LF)?;
        let private_pem = private.to_pkcs8_pem(LineEnding::LF)?.to_string();
        Ok(Self {
            private_pem,
            public_pem,
        })
    }
}

fn public_pem_of(private_pem: &str) -> anyhow::Result<String> {
    let private = RsaPrivateKey::from_pkcs8_pem(private_pem)?;
    Ok(RsaPublicKey::from(&private).to_public_key_pem(LineEnding::LF)?)
}

#[cfg(unix)]
fn write_private(path: &Path, pem: &str) -> anyhow::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(pem.as_bytes())?;
    Ok(())
}

#[cfg(not(unix))]
fn write_private(path: &Path, pem: &str) -> anyhow::Result<()> {
    Ok(std::fs::write(path, pem)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_pair_is_kept_and_reused() {
        let dir = std::env::temp_dir().join(format!("pti-keys-{}", uuid::Uuid::new_v4()));
        let first = JwtKeys::load_or_generate(&dir, 1024).unwrap();
        let second = JwtKeys::load_or_generate(&dir, 1024).unwrap();
        assert_eq!(first.private_pem, second.private_pem);
        assert!(first.public_pem.starts_with("-----BEGIN PUBLIC KEY-----"));
        assert_eq!(public_pem_of(&first.private_pem).unwrap(), first.public_pem);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.join(PRIVATE_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}
