//! What every request passes before a page sees it: the `Host` check (against DNS
//! rebinding), the body bound, the form token of every POST, and the security headers of
//! every answer.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::{ServeError, Web};

/// The largest request body taken, in bytes: an entry is a few kilobytes.
pub const BODY_LIMIT: usize = 1 << 20;

/// The policy of every page: scripts and styles from the server's own files only, no
/// inline script or style, forms posting back here alone, no framing by others.
const PAGE_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; form-action 'self'; frame-src 'self'; frame-ancestors 'none'; \
    base-uri 'none'";

/// The policy of a report shown in the reports page's frame: a self-contained document
/// whose only style is its own inline sheet, with no script at all.
pub(crate) const REPORT_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; \
    img-src data:; form-action 'none'; frame-ancestors 'self'; base-uri 'none'";

/// The server's secrets and address, for the checks.
pub(crate) struct Guard {
    /// The key the form token is an HMAC under, drawn at start: a token from another run
    /// (or another site) is worth nothing.
    key: [u8; 32],
    /// The token every form carries, in hex.
    token: String,
    /// Where the server listens.
    addr: SocketAddr,
}

type HmacSha256 = Hmac<Sha256>;

/// What the token is an HMAC of.
const TOKEN_MESSAGE: &[u8] = b"brag serve: form token";

impl Guard {
    pub(crate) fn new(addr: SocketAddr) -> Result<Guard, ServeError> {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|e| ServeError::Secret(e.to_string()))?;
        let mac = mac(&key)
            .chain_update(TOKEN_MESSAGE)
            .finalize()
            .into_bytes();
        Ok(Guard {
            key,
            token: hex(&mac),
            addr,
        })
    }

    /// Returns the token forms carry in their hidden `csrf` input.
    pub(crate) fn token(&self) -> &str {
        &self.token
    }

    /// Returns true when a token is this server's, compared in constant time.
    fn token_ok(&self, token: &str) -> bool {
        let Some(bytes) = unhex(token.trim()) else {
            return false;
        };
        mac(&self.key)
            .chain_update(TOKEN_MESSAGE)
            .verify_slice(&bytes)
            .is_ok()
    }

    /// Returns true when a `Host` header names this server: its address and port, or
    /// `localhost` and the port. Bound to every address (`--bind 0.0.0.0`), any IP address
    /// with the port is taken too: a literal address cannot be rebound, a name can.
    fn host_ok(&self, host: &str) -> bool {
        let port = self.addr.port();
        let Some((name, p)) = host.rsplit_once(':') else {
            return false;
        };
        if p.parse::<u16>().ok() != Some(port) {
            return false;
        }
        let name = name.trim_start_matches('[').trim_end_matches(']');
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        match name.parse::<std::net::IpAddr>() {
            Ok(ip) if ip == self.addr.ip() => true,
            Ok(ip) if self.addr.ip().is_unspecified() => !ip.is_unspecified(),
            Ok(ip) => ip.is_loopback() && self.addr.ip().is_loopback(),
            Err(_) => false,
        }
    }
}

fn mac(key: &[u8; 32]) -> HmacSha256 {
    // An HMAC takes a key of any length: this cannot fail.
    <HmacSha256 as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.is_ascii() {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

/// The checks, as axum middleware.
pub(crate) async fn guard(State(web): State<Arc<Web>>, req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    if !web.guard.host_ok(host) {
        return refuse(
            StatusCode::FORBIDDEN,
            "This server answers to its own address only (the Host header names another).",
        );
    }
    let req = if req.method() == Method::POST {
        let (parts, body) = req.into_parts();
        let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
            return refuse(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The form is too large: an entry of more than a megabyte is not one brag takes.",
            );
        };
        let from_header = parts
            .headers
            .get("x-csrf-token")
            .and_then(|h| h.to_str().ok())
            .map(str::to_owned);
        let token = from_header.or_else(|| {
            serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
                .ok()?
                .into_iter()
                .find(|(k, _)| k == "csrf")
                .map(|(_, v)| v)
        });
        if !token.is_some_and(|t| web.guard.token_ok(&t)) {
            return refuse(
                StatusCode::FORBIDDEN,
                "This form did not come from this brag: reload the page and send it again.",
            );
        }
        Request::from_parts(parts, Body::from(bytes))
    } else {
        req
    };
    let mut res = next.run(req).await;
    secure(&mut res);
    res
}

/// Sets the security headers, keeping a policy a page set for itself (a report frame).
fn secure(res: &mut Response) {
    let h = res.headers_mut();
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(PAGE_POLICY),
        );
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

/// Returns a refusal as a short plain page.
fn refuse(status: StatusCode, why: &'static str) -> Response {
    let mut res = (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        why,
    )
        .into_response();
    secure(&mut res);
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_hosts() {
        let addr: SocketAddr = "127.0.0.1:4567".parse().expect("addr");
        let g = Guard::new(addr).expect("guard");
        assert!(g.token_ok(g.token()));
        assert!(!g.token_ok(""));
        assert!(!g.token_ok(&"0".repeat(64)));
        let other = Guard::new(addr).expect("guard");
        assert!(!g.token_ok(other.token()), "a token is this run's alone");
        for ok in ["127.0.0.1:4567", "localhost:4567", "LOCALHOST:4567"] {
            assert!(g.host_ok(ok), "{ok}");
        }
        for bad in [
            "evil.example:4567",
            "127.0.0.1:80",
            "127.0.0.1",
            "",
            "10.0.0.1:4567",
            "localhost.evil.example:4567",
        ] {
            assert!(!g.host_ok(bad), "{bad}");
        }
        let any = Guard::new("0.0.0.0:80".parse().expect("addr")).expect("guard");
        assert!(any.host_ok("192.168.1.5:80"));
        assert!(!any.host_ok("attacker.example:80"));
    }
}
