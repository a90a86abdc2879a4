//! The API's query strings, checked one parameter at a time, so that a bad value is
//! answered with `400` and a JSON error naming the parameter.

use crate::query::{self, Boosts, Params, Period, Request, Sort};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// Hits per page unless `limit` says otherwise: as many as `baosou search` prints.
pub const DEFAULT_LIMIT: usize = 10;
/// The most hits one request returns: a larger `limit` is cut to this.
pub const MAX_LIMIT: usize = 100;
/// The deepest page one can ask for; tantivy keeps `offset + limit` hits in memory.
pub const MAX_OFFSET: usize = 10_000;
/// The longest query text accepted, in characters (as on the command line).
pub const MAX_QUERY_CHARS: usize = query::MAX_QUERY_CHARS;
/// The most `reporter` parameters in one search.
pub const MAX_REPORTERS: usize = 20;

/// An error answered as JSON: `{"error": "...", "parameter": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The parameter at fault, if one is.
    pub parameter: Option<String>,
    /// What went wrong and what to do, for `error`.
    pub message: String,
}

impl ApiError {
    /// A bad value of `parameter`: `400`.
    pub fn bad(parameter: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            parameter: Some(parameter.to_string()),
            message: message.into(),
        }
    }

    /// A request that ran out of time: `503`.
    pub fn timed_out(limit: std::time::Duration) -> ApiError {
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            parameter: None,
            message: format!(
                "the request took longer than {} s and was stopped; narrow the search with \
                 fewer common words or a date, or start serve with a longer --timeout",
                limit.as_secs_f64()
            ),
        }
    }

    /// A failure of the server or the index: `500`, also printed on stderr; a search that
    /// was stopped ([`query::Stopped`]) is `503`.
    pub fn internal(e: &anyhow::Error) -> ApiError {
        if query::is_stopped(e) {
            return ApiError {
                status: StatusCode::SERVICE_UNAVAILABLE,
                parameter: None,
                message: format!("{e:#}"),
            };
        }
        eprintln!("baosou: {e:#}");
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            parameter: None,
            message: format!("{e:#}"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": self.message, "parameter": self.parameter});
        (self.status, Json(body)).into_response()
    }
}

/// The decoded `name=value` pairs of a query string, in order.
pub fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The parameters of `GET /api/search`, each checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// `q`: the query text.
    pub q: String,
    /// `reporter` (repeatable).
    pub reporters: Vec<String>,
    /// `date`: a day, month or year.
    pub date: Option<Period>,
    /// `from`: the first day.
    pub from: Option<Period>,
    /// `to`: the last day.
    pub to: Option<Period>,
    /// `paper`.
    pub paper: Option<String>,
    /// `page`: a page number of the paper.
    pub page: Option<u32>,
    /// `sort`: `relevance` or `date`.
    pub sort: Option<Sort>,
    /// `limit`: hits per page of results.
    pub limit: usize,
    /// `offset`: hits to skip.
    pub offset: usize,
    /// `all=1`: every printing of a text, not only the first.
    pub all: bool,
}

impl SearchQuery {
    /// Reads and checks a query string. Empty values count as absent, as a form sends them.
    pub fn parse(raw: Option<&str>) -> Result<SearchQuery, ApiError> {
        let mut s = SearchQuery {
            limit: DEFAULT_LIMIT,
            ..SearchQuery::default()
        };
        let mut seen: Vec<String> = Vec::new();
        for (name, value) in pairs(raw) {
            if name != "reporter" {
                if seen.contains(&name) {
                    return Err(ApiError::bad(
                        &name,
                        format!("{name} is given more than once"),
                    ));
                }
                seen.push(name.clone());
            }
            let v = value.trim();
            if v.is_empty() {
                continue;
            }
            match name.as_str() {
                "q" => {
                    if v.chars().count() > MAX_QUERY_CHARS {
                        return Err(ApiError::bad(
                            "q",
                            format!("q is too long: at most {MAX_QUERY_CHARS} characters"),
                        ));
                    }
                    query::parse(v).map_err(|e| ApiError::bad("q", format!("q: {e:#}")))?;
                    s.q = v.to_string();
                }
                "reporter" => {
                    if s.reporters.len() == MAX_REPORTERS {
                        return Err(ApiError::bad(
                            "reporter",
                            format!("at most {MAX_REPORTERS} reporter parameters"),
                        ));
                    }
                    s.reporters.push(v.to_string());
                }
                "date" | "from" | "to" => {
                    let day: Period = v
                        .parse()
                        .map_err(|e| ApiError::bad(&name, format!("{name} {e}")))?;
                    let slot = match name.as_str() {
                        "date" => &mut s.date,
                        "from" => &mut s.from,
                        _ => &mut s.to,
                    };
                    *slot = Some(day);
                }
                "paper" => s.paper = Some(v.to_string()),
                "page" => {
                    let page = v.parse::<u32>().ok().filter(|&p| p >= 1);
                    s.page = Some(page.ok_or_else(|| {
                        ApiError::bad("page", format!("page {v}: not a page number (1, 2, …)"))
                    })?);
                }
                "sort" => {
                    s.sort = Some(match v {
                        "relevance" => Sort::Relevance,
                        "date" => Sort::Date,
                        _ => {
                            return Err(ApiError::bad(
                                "sort",
                                format!("sort {v}: use relevance or date"),
                            ))
                        }
                    })
                }
                "limit" => {
                    let n = v.parse::<usize>().ok().filter(|&n| n >= 1);
                    let n = n.ok_or_else(|| {
                        ApiError::bad("limit", format!("limit {v}: not a number from 1"))
                    })?;
                    s.limit = n.min(MAX_LIMIT);
                }
                "offset" => {
                    let n = v.parse::<usize>().ok().filter(|&n| n <= MAX_OFFSET);
                    s.offset = n.ok_or_else(|| {
                        ApiError::bad(
                            "offset",
                            format!("offset {v}: not a number from 0 to {MAX_OFFSET}"),
                        )
                    })?;
                }
                "all" => {
                    s.all = match v {
                        "1" | "true" => true,
                        "0" | "false" => false,
                        _ => return Err(ApiError::bad("all", format!("all {v}: use 1 or 0"))),
                    }
                }
                other => {
                    return Err(ApiError::bad(
                        other,
                        format!(
                            "unknown parameter {other}; use q, reporter, date, from, to, paper, \
                             page, sort, limit, offset or all"
                        ),
                    ))
                }
            }
        }
        // Each date is fine alone; together they may leave no day.
        if query::day_range(s.date, s.from, s.to).is_err() {
            let at = if s.to.is_some() { "to" } else { "from" };
            return Err(ApiError::bad(
                at,
                "the date range is empty: no day is within date, on or after from and on or \
                 before to",
            ));
        }
        Ok(s)
    }

    /// The checked search request.
    pub fn request(&self) -> Result<Request, ApiError> {
        Params {
            q: &self.q,
            reporters: &self.reporters,
            date: self.date,
            from: self.from,
            to: self.to,
            paper: self.paper.as_deref(),
            page: self.page,
            limit: self.limit,
            offset: self.offset,
            sort: self.sort,
            boosts: Boosts::default(),
            all_printings: self.all,
        }
        .request()
        .map_err(|e| ApiError::bad("q", format!("{e:#}")))
    }
}

/// Reporter suggestions unless `limit` says otherwise, and the most of them.
pub const SUGGESTIONS: usize = 10;
/// The most reporter suggestions one request gets.
pub const MAX_SUGGESTIONS: usize = 50;

/// The parameters of `GET /api/reporters?q=&limit=`: the part of a name to look for
/// (compacted) and how many names to give.
pub fn suggestions(raw: Option<&str>) -> Result<(String, usize), ApiError> {
    let mut q = String::new();
    let mut limit = SUGGESTIONS;
    for (name, value) in pairs(raw) {
        match name.as_str() {
            "q" => q = crate::normalize::compact(value.trim()),
            "limit" => {
                limit = value
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|&n| n >= 1)
                    .ok_or_else(|| {
                        ApiError::bad("limit", format!("limit {value}: not a number from 1"))
                    })?
                    .min(MAX_SUGGESTIONS);
            }
            other => {
                return Err(ApiError::bad(
                    other,
                    format!("unknown parameter {other}; use q or limit"),
                ))
            }
        }
    }
    Ok((q, limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_values_name_their_parameter() {
        let cases = [
            ("limit=abc", "limit"),
            ("limit=0", "limit"),
            ("offset=-1", "offset"),
            ("offset=99999999999", "offset"),
            ("page=0", "page"),
            ("sort=random", "sort"),
            ("date=2020-13", "date"),
            ("from=yesterday", "from"),
            ("from=2020-03-01&to=2020-02-01", "to"),
            ("q=a&q=b", "q"),
            ("colour=red", "colour"),
        ];
        for (raw, want) in cases {
            let err = SearchQuery::parse(Some(raw)).unwrap_err();
            assert_eq!(err.parameter.as_deref(), Some(want), "{raw}");
            assert_eq!(err.status, StatusCode::BAD_REQUEST, "{raw}");
        }
    }

    #[test]
    fn good_values_are_read() {
        let s = SearchQuery::parse(Some(
            "q=%E7%96%AB%E6%83%85&reporter=a&reporter=b&from=2020-02&to=&limit=500&offset=20&sort=date",
        ))
        .unwrap();
        assert_eq!(s.q, "疫情");
        assert_eq!(s.reporters, vec!["a", "b"]);
        assert_eq!(s.from, "2020-02".parse().ok());
        assert_eq!(s.to, None);
        assert_eq!(s.limit, MAX_LIMIT);
        assert_eq!(s.offset, 20);
        assert_eq!(s.sort, Some(Sort::Date));
        let s = SearchQuery::parse(None).unwrap();
        assert_eq!((s.limit, s.offset), (DEFAULT_LIMIT, 0));
    }
}
