//! What every request passes through: the `Host` check that keeps pages elsewhere from
//! reaching the API through DNS rebinding (answered `421` unless the host is a loopback
//! name or address, or one given with `--allow-host`), and the headers and JSON bodies
//! every response gets: `X-Content-Type-Options: nosniff` always, a Content-Security-Policy
//! that allows nothing on all but the page's own files, and a JSON error body on every
//! error, `404` and `405` included.

use super::params::ApiError;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Arc;

/// The Content-Security-Policy of the API's answers: JSON loads nothing and frames nowhere.
pub const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'";

/// The host names answered besides loopback ones, lower-case, without a port.
#[derive(Debug, Clone, Default)]
pub struct Hosts {
    allowed: Vec<String>,
}

impl Hosts {
    /// Loopback names and addresses, and these (`NAME` or `NAME:PORT`; the port is ignored).
    pub fn new(names: &[String]) -> Hosts {
        Hosts {
            allowed: names.iter().map(|n| name_of(n)).collect(),
        }
    }

    /// True when a request whose `Host` is `host` is answered.
    ///
    /// ```
    /// use baosou::serve::guard::Hosts;
    /// let hosts = Hosts::new(&["archive.lan".to_string()]);
    /// assert!(hosts.allows("127.0.0.1:7700") && hosts.allows("[::1]:7700"));
    /// assert!(hosts.allows("LOCALHOST") && hosts.allows("Archive.lan:80"));
    /// assert!(!hosts.allows("evil.example:7700") && !hosts.allows(""));
    /// ```
    pub fn allows(&self, host: &str) -> bool {
        let name = name_of(host);
        if name.is_empty() {
            return false;
        }
        if name == "localhost" || name.ends_with(".localhost") {
            return true;
        }
        let ip = name
            .strip_prefix('[')
            .and_then(|n| n.strip_suffix(']'))
            .and_then(|n| n.parse::<Ipv6Addr>().ok())
            .map(IpAddr::V6)
            .or_else(|| name.parse::<IpAddr>().ok());
        if ip.is_some_and(|ip| ip.to_canonical().is_loopback()) {
            return true;
        }
        self.allowed.contains(&name)
    }
}

/// The host name of a `Host` value: lower-case, without its port or a final dot; an IPv6
/// address keeps its brackets.
fn name_of(host: &str) -> String {
    let host = host.trim();
    let name = if host.starts_with('[') {
        host.find(']').map_or(host, |end| &host[..=end])
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
            _ => host,
        }
    };
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// The middleware: the host check, then the headers and JSON bodies.
pub async fn guard(State(hosts): State<Arc<Hosts>>, req: Request, next: Next) -> Response {
    let host = req
        .uri()
        .authority()
        .map(|a| a.as_str().to_string())
        .or_else(|| {
            req.headers()
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .map(String::from)
        })
        .unwrap_or_default();
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    let response = if hosts.allows(&host) {
        next.run(req).await
    } else {
        let shown: String = host.chars().take(100).collect();
        ApiError {
            status: StatusCode::MISDIRECTED_REQUEST,
            parameter: None,
            message: format!(
                "Host `{shown}` is not answered: baosou serve answers localhost and loopback \
                 addresses only; start it with --allow-host NAME to answer another name"
            ),
        }
        .into_response()
    };
    decorate(response, &method, &path)
}

/// Adds the headers every response carries, and a JSON body to an error that has none.
fn decorate(response: Response, method: &Method, path: &str) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let mut response = if (status.is_client_error() || status.is_server_error()) && !is_json {
        let message = match status {
            StatusCode::METHOD_NOT_ALLOWED => {
                format!("{method} {path}: only GET is answered here")
            }
            _ => format!(
                "{method} {path}: {}",
                status.canonical_reason().unwrap_or("the request failed")
            ),
        };
        let (mut parts, _) = response.into_parts();
        let json = ApiError {
            status,
            parameter: None,
            message,
        }
        .into_response();
        let (json_parts, body) = json.into_parts();
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.insert(
            header::CONTENT_TYPE,
            json_parts.headers[header::CONTENT_TYPE].clone(),
        );
        Response::from_parts(parts, Body::new(body))
    } else {
        response
    };
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(API_CSP),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_and_allowed_hosts_are_answered() {
        let hosts = Hosts::new(&["archive.lan".into(), "10.0.0.5:7700".into()]);
        let cases = [
            ("localhost", true),
            ("localhost:7700", true),
            ("localhost.:7700", true),
            ("app.localhost:7700", true),
            ("127.0.0.1:7700", true),
            ("127.8.9.10", true),
            ("[::1]:7700", true),
            ("[::1]", true),
            ("[::ffff:127.0.0.1]:80", true),
            ("archive.lan:7700", true),
            ("ARCHIVE.LAN", true),
            ("10.0.0.5", true),
            ("", false),
            ("evil.example", false),
            ("localhost.evil.example", false),
            ("127.0.0.1.nip.io:7700", false),
            ("10.0.0.6:7700", false),
            ("[::2]:7700", false),
            ("0.0.0.0:7700", false),
        ];
        for (host, want) in cases {
            assert_eq!(hosts.allows(host), want, "{host}");
        }
    }
}
