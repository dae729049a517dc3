//! A network's logo: PNG, JPEG or WebP as its bytes say (not as the client claims), at most
//! 256 KiB. SVG is refused: it can carry scripts.

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// The largest logo, bytes.
pub const MAX_BYTES: usize = 256 * 1024;

/// A checked logo.
pub struct Logo {
    /// Its media type.
    pub content_type: &'static str,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
}

/// Reads an uploaded logo; 422 naming `logo` when it is empty, too large or not an image of
/// an accepted type.
pub fn parse(bytes: Vec<u8>) -> Result<Logo> {
    if bytes.is_empty() || bytes.len() > MAX_BYTES {
        return Err(Error::validation("logo", "1 byte to 256 KiB"));
    }
    let content_type =
        sniff(&bytes).ok_or_else(|| Error::validation("logo", "a PNG, JPEG or WebP image"))?;
    let sha256 = hex(&Sha256::digest(&bytes));
    Ok(Logo {
        content_type,
        bytes,
        sha256,
    })
}

/// The media type the first bytes of an image announce.
fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some("image/jpeg")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_known_by_their_bytes() {
        let png = b"\x89PNG\r\n\x1a\n0000".to_vec();
        let logo = parse(png).unwrap();
        assert_eq!((logo.content_type, logo.sha256.len()), ("image/png", 64));
        assert_eq!(
            parse(vec![0xff, 0xd8, 0xff, 0xe0]).unwrap().content_type,
            "image/jpeg"
        );
        assert_eq!(
            parse(b"RIFF0000WEBPVP8 ".to_vec()).unwrap().content_type,
            "image/webp"
        );
        assert!(parse(b"<svg onload=alert(1)>".to_vec()).is_err());
        assert!(parse(Vec::new()).is_err());
        assert!(parse(vec![0x89; MAX_BYTES + 1]).is_err());
    }
}
