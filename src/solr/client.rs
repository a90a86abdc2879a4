//! The HTTP side of the Solr stage: requests to one collection URL, retried with backoff on
//! 503 and connection resets, and errors that say what is wrong (no cluster there, no such
//! collection, a request Solr refused, with Solr's own message).

use anyhow::bail;
use serde_json::Value;
use std::time::Duration;

/// How many times a request is sent again after a 503 or a reset connection.
const RETRIES: u32 = 5;
/// The wait before the first retry; it doubles with each one.
const FIRST_BACKOFF: Duration = Duration::from_millis(250);

/// A SolrCloud collection, by its URL (`http://127.0.0.1:8983/solr/baosou`).
#[derive(Debug, Clone)]
pub struct Collection {
    url: String,
    agent: ureq::Agent,
}

/// What one try of a request came to.
enum Try {
    Done(Value),
    /// Worth sending again: a 503 or a reset connection.
    Again(String),
    Fail(anyhow::Error),
}

impl Collection {
    /// A collection URL as the user gave it; only its form is checked here.
    pub fn new(url: &str) -> anyhow::Result<Collection> {
        let url = url.trim().trim_end_matches('/').to_string();
        if !url.starts_with("http://") {
            bail!(
                "{url}: not a collection URL; give one like http://127.0.0.1:8983/solr/baosou \
                 (https is not supported yet)"
            );
        }
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(300)))
            .build()
            .into();
        Ok(Collection { url, agent })
    }

    /// The collection URL, without a trailing `/`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The number of documents the collection holds: also the check that it is there.
    pub fn count(&self) -> anyhow::Result<u64> {
        let v = self.get("select?q=*:*&rows=0&wt=json")?;
        Ok(v["response"]["numFound"].as_u64().unwrap_or(0))
    }

    /// Sends a JSON update request (`[...]` of documents, or `{"delete":…}` commands).
    pub fn update(&self, body: &str) -> anyhow::Result<()> {
        self.request("update?wt=json", Some(body)).map(|_| ())
    }

    /// Commits, opening a new searcher, so that what was sent is searched.
    pub fn commit(&self) -> anyhow::Result<()> {
        self.request("update?commit=true&wt=json", Some("{}"))
            .map(|_| ())
    }

    /// A GET request relative to the collection URL, answered in JSON.
    pub fn get(&self, path_query: &str) -> anyhow::Result<Value> {
        self.request(path_query, None)
    }

    fn request(&self, path_query: &str, body: Option<&str>) -> anyhow::Result<Value> {
        let url = format!("{}/{path_query}", self.url);
        let mut backoff = FIRST_BACKOFF;
        let mut tries = 0;
        loop {
            match self.once(&url, body) {
                Try::Done(v) => return Ok(v),
                Try::Fail(e) => return Err(e),
                Try::Again(why) if tries >= RETRIES => {
                    bail!("{}: {why}, still after {RETRIES} retries", self.url)
                }
                Try::Again(_) => {
                    tries += 1;
                    std::thread::sleep(backoff);
                    backoff *= 2;
                }
            }
        }
    }

    fn once(&self, url: &str, body: Option<&str>) -> Try {
        let sent = match body {
            Some(b) => self
                .agent
                .post(url)
                .header("Content-Type", "application/json")
                .send(b),
            None => self.agent.get(url).call(),
        };
        let mut resp = match sent {
            Ok(r) => r,
            Err(e) => return self.transport_error(e),
        };
        let status = resp.status().as_u16();
        let text = match resp
            .body_mut()
            .with_config()
            .limit(256 * 1024 * 1024)
            .read_to_string()
        {
            Ok(t) => t,
            Err(e) => return self.transport_error(e),
        };
        classify(&self.url, status, &text)
    }

    fn transport_error(&self, e: ureq::Error) -> Try {
        use std::io::ErrorKind::*;
        match &e {
            ureq::Error::Io(io)
                if matches!(io.kind(), ConnectionReset | BrokenPipe | UnexpectedEof) =>
            {
                Try::Again(format!("the connection was reset ({io})"))
            }
            ureq::Error::Io(io) if io.kind() == ConnectionRefused => {
                Try::Fail(unreachable(&self.url, "connection refused"))
            }
            ureq::Error::ConnectionFailed | ureq::Error::HostNotFound => {
                Try::Fail(unreachable(&self.url, &e.to_string()))
            }
            ureq::Error::Timeout(_) => Try::Fail(anyhow::anyhow!(
                "{}: Solr did not answer in time ({e}); is the cluster overloaded?",
                self.url
            )),
            _ => Try::Fail(anyhow::anyhow!("{}: the request failed: {e}", self.url)),
        }
    }
}

fn unreachable(url: &str, why: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "{url}: cannot reach Solr ({why}); is the cluster running? For a test cluster: \
         solr/cluster.sh start DIR prints the collection URL"
    )
}

/// Turns Solr's answer into a value, a retry or an error with Solr's message.
fn classify(url: &str, status: u16, text: &str) -> Try {
    let json: Option<Value> = serde_json::from_str(text).ok();
    let message = json
        .as_ref()
        .and_then(|v| v["error"]["msg"].as_str())
        .map(str::to_string)
        .unwrap_or_else(|| text.trim().chars().take(300).collect());
    match status {
        200..=299 => match json {
            Some(v) => Try::Done(v),
            None => Try::Fail(anyhow::anyhow!(
                "{url}: Solr's answer is not JSON: {message}"
            )),
        },
        503 => Try::Again(format!("Solr is unavailable (503: {message})")),
        404 => Try::Fail(anyhow::anyhow!(
            "{url}: no such collection (404); create it from the configset in solr/configset \
             (see README, \"When one machine is not enough\"), or check the URL"
        )),
        400..=499 => Try::Fail(anyhow::anyhow!(
            "{url}: Solr refused the request ({status}): {message}"
        )),
        _ => Try::Fail(anyhow::anyhow!("{url}: Solr failed ({status}): {message}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_classified() {
        let url = "http://127.0.0.1:1/solr/c";
        let solr_400 = r#"{"error":{"msg":"ERROR: [doc=x] unknown field 'foo'","code":400}}"#;
        let table: &[(u16, &str, &str)] = &[
            (200, r#"{"responseHeader":{"status":0}}"#, "done"),
            (200, "<html>", "not JSON"),
            (503, "busy", "again"),
            (404, "Not Found", "no such collection"),
            (400, solr_400, "unknown field 'foo'"),
            (500, r#"{"error":{"msg":"boom"}}"#, "failed (500): boom"),
        ];
        for &(status, text, want) in table {
            let got = match classify(url, status, text) {
                Try::Done(_) => "done".to_string(),
                Try::Again(_) => "again".to_string(),
                Try::Fail(e) => format!("{e:#}"),
            };
            assert!(got.contains(want), "{status} {text}: {got}");
        }
    }

    #[test]
    fn only_http_urls_are_taken() {
        assert!(Collection::new("localhost:8983/solr/c").is_err());
        let c = Collection::new("http://127.0.0.1:8983/solr/c/").expect("a URL");
        assert_eq!(c.url(), "http://127.0.0.1:8983/solr/c");
    }
}
