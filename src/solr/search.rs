//! A search of a Solr collection: the checked [`Request`] of the local query language
//! turned into Solr parameters, and Solr's answer turned into the same [`Results`], so
//! that the renderers print both alike.
//!
//! Each word is an explicit phrase on the character fields (a substring, as locally),
//! never left to the query parser's own phrase rules; the word fields add to the score,
//! weighted as the local boosts. Filters are `fq`s on the string and date fields.

use super::schema::{self, quote};
use super::Collection;
use crate::article::Article;
use crate::query::{Atom, Boosts, Hit, Request, Results, Scope, Sort};

/// The character fields a word of each scope is looked for in.
fn char_fields(scope: Scope) -> &'static [&'static str] {
    match scope {
        Scope::Any => &[
            schema::HEADLINE_C,
            schema::KICKER_C,
            schema::SUBHEADLINE_C,
            schema::BYLINE_C,
            schema::BODY_C,
            schema::CAPTIONS_C,
            schema::FURNITURE_C,
        ],
        Scope::Headline => &[schema::HEADLINE_C, schema::KICKER_C, schema::SUBHEADLINE_C],
        Scope::Body => &[schema::BODY_C, schema::CAPTIONS_C, schema::FURNITURE_C],
        Scope::Reporter => &[schema::REPORTER],
    }
}

/// The Solr query of one word or phrase: it must be found in one of its fields.
fn atom(a: &Atom) -> String {
    let text = if a.scope == Scope::Reporter {
        crate::normalize::compact(&a.text)
    } else {
        a.text.clone()
    };
    let clauses: Vec<String> = char_fields(a.scope)
        .iter()
        .map(|f| format!("{f}:{}", quote(&text)))
        .collect();
    format!("({})", clauses.join(" OR "))
}

/// The optional clauses that rank a word by where it is found.
fn ranking(a: &Atom, b: &Boosts) -> Vec<String> {
    if a.scope == Scope::Reporter {
        return Vec::new();
    }
    let mut fields = vec![
        ("headline_w", b.headline),
        ("kicker_w", b.kicker),
        ("subheadline_w", b.subheadline),
        ("byline_w", b.reporter),
    ];
    if a.scope != Scope::Headline {
        fields.push(("body_w", b.body));
    }
    fields
        .into_iter()
        .filter(|(_, w)| *w > 0.0)
        .map(|(f, w)| format!("{f}:{}^{w}", quote(&a.text)))
        .collect()
}

/// The Solr parameters of a request: `q`, the `fq`s, sort and paging.
pub fn params(req: &Request) -> Vec<(String, String)> {
    let mut q: Vec<String> = Vec::new();
    let mut scoring: Vec<String> = Vec::new();
    for g in &req.query.groups {
        let any: Vec<String> = g.any_of.iter().map(atom).collect();
        let sign = if g.negated { '-' } else { '+' };
        q.push(format!("{sign}({})", any.join(" OR ")));
        if !g.negated {
            for a in &g.any_of {
                scoring.extend(ranking(a, &req.boosts));
            }
        }
    }
    if !req.query.groups.iter().any(|g| !g.negated) {
        q.insert(0, "+*:*".to_string());
    }
    q.extend(scoring);
    let mut p = vec![
        ("q".to_string(), q.join(" ")),
        ("q.op".to_string(), "OR".to_string()),
        (
            "fl".to_string(),
            format!("{},{},score", schema::ID, schema::ARTICLE),
        ),
        ("start".to_string(), req.offset.to_string()),
        ("rows".to_string(), req.limit.to_string()),
        ("wt".to_string(), "json".to_string()),
    ];
    let sort = match req.sort {
        Sort::Relevance => "score desc,date desc,page asc,id asc",
        Sort::Date => "date desc,page asc,id asc",
    };
    p.push(("sort".to_string(), sort.to_string()));
    if !req.reporters.is_empty() {
        let names: Vec<String> = req
            .reporters
            .iter()
            .map(|r| quote(&crate::normalize::compact(r)))
            .collect();
        p.push((
            "fq".into(),
            format!("{}:({})", schema::REPORTER, names.join(" OR ")),
        ));
    }
    if let Some(days) = &req.days {
        let day = |n: Option<u64>| {
            n.and_then(crate::day::Day::from_number)
                .map_or("*".to_string(), |d| format!("{d}T00:00:00Z"))
        };
        p.push((
            "fq".into(),
            format!("{}:[{} TO {}]", schema::DATE, day(days.from), day(days.to)),
        ));
    }
    if let Some(paper) = &req.paper {
        p.push(("fq".into(), format!("{}:{}", schema::PAPER, quote(paper))));
    }
    if let Some(page) = req.page {
        p.push(("fq".into(), format!("{}:{page}", schema::PAGE)));
    }
    p
}

/// Runs a request on the collection.
pub fn search(solr: &Collection, req: &Request) -> anyhow::Result<Results> {
    let query: Vec<String> = params(req)
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    let v = solr.get(&format!("select?{}", query.join("&")))?;
    let total = v["response"]["numFound"].as_u64().unwrap_or(0) as usize;
    let mut needles: Vec<String> = Vec::new();
    for a in req.query.positive_atoms() {
        if a.scope != Scope::Reporter && !needles.contains(&a.text) {
            needles.push(a.text.clone());
        }
    }
    let mut hits = Vec::new();
    for doc in v["response"]["docs"].as_array().into_iter().flatten() {
        let json = doc[schema::ARTICLE].as_str().ok_or_else(|| {
            anyhow::anyhow!(
                "{}: a document without its article; index the archive again with --rebuild",
                solr.url()
            )
        })?;
        let article: Article = serde_json::from_str(json)
            .map_err(|e| anyhow::anyhow!("{}: an unreadable article: {e}", solr.url()))?;
        let snippet = crate::query::snippet_of(&article, &needles);
        let headline_highlights = crate::query::snippet::highlight_all(&article.headline, &needles);
        hits.push(Hit {
            score: doc["score"].as_f64().unwrap_or(0.0) as f32,
            article,
            snippet,
            headline_highlights,
        });
    }
    Ok(Results { total, hits })
}

/// `baosou search --solr URL`: runs the request and prints the hits as a local search does.
pub fn run(
    url: &str,
    req: &Request,
    args: &crate::cli::SearchArgs,
) -> anyhow::Result<crate::commands::Outcome> {
    use crate::render;
    use std::io::Write;
    let results = search(&Collection::new(url)?, req)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        render::json::hits(&mut out, &results)?;
    } else {
        let style = crate::commands::style(args.color);
        render::text::hits(&mut out, &results, req.offset, style)?;
    }
    out.flush()?;
    Ok(crate::commands::Outcome::from_count(results.hits.len()))
}

/// Percent-encoding of a query string value.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Params;

    fn q_of(q: &str) -> String {
        let req = Params {
            q,
            limit: 10,
            ..Params::default()
        }
        .request()
        .expect("a request");
        params(&req)
            .into_iter()
            .find(|(k, _)| k == "q")
            .expect("q")
            .1
    }

    #[test]
    fn words_are_explicit_character_phrases() {
        let q = q_of("植树 -武汉");
        assert!(q.starts_with("+((headline_c:\"植树\" OR "), "{q}");
        assert!(q.contains("-((headline_c:\"武汉\""), "{q}");
        assert!(q.contains("headline_w:\"植树\"^3"), "{q}");
        assert!(!q.contains("headline_w:\"武汉\""), "{q}");
        let q = q_of("-武汉");
        assert!(q.starts_with("+*:* -("), "{q}");
        let q = q_of("reporter:赵明");
        assert_eq!(q, "+((reporter:\"赵明\"))");
    }

    #[test]
    fn filters_are_fqs() {
        let reporters = vec!["赵明".to_string()];
        let req = Params {
            q: "",
            reporters: &reporters,
            date: Some("2021-03"),
            paper: Some("江城晚报"),
            page: Some(2),
            limit: 10,
            ..Params::default()
        }
        .request()
        .expect("a request");
        let fq: Vec<String> = params(&req)
            .into_iter()
            .filter(|(k, _)| k == "fq")
            .map(|(_, v)| v)
            .collect();
        assert_eq!(
            fq,
            [
                "reporter:(\"赵明\")",
                "date:[2021-03-01T00:00:00Z TO 2021-03-31T00:00:00Z]",
                "paper:\"江城晚报\"",
                "page:2"
            ]
        );
    }

    #[test]
    fn encoding() {
        assert_eq!(encode("a b:\"植\""), "a%20b%3A%22%E6%A4%8D%22");
    }
}
