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
use crate::query::snippet::Snippet;
use crate::query::{Atom, Boosts, Hit, Request, Results, Scope, Sort};
use serde_json::Value;

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

/// What a query word found in the headline, kicker or subheadlines adds to the score per
/// unit of headline weight, as locally (`HEADLINE_WORD` in [`crate::query`]).
const HEADLINE_WORD: f32 = 100.0;

/// The optional clauses that rank a word as the local index does: BM25 of the exact match
/// in the head (headline, kicker, subheadlines) and the body fields, the reporter's name, a
/// fixed amount for a word in the head, and BM25 of its words in the word fields.
fn ranking(a: &Atom, b: &Boosts) -> Vec<String> {
    let t = quote(&a.text);
    let mut out = Vec::new();
    let mut push = |clause: String, w: f32| {
        if w > 0.0 {
            out.push(if w == 1.0 {
                clause
            } else {
                format!("{clause}^{w}")
            });
        }
    };
    match a.scope {
        Scope::Reporter => return Vec::new(),
        Scope::Any => {
            push(format!("{}:{t}", schema::EXACT_HEAD_C), b.headline);
            push(format!("{}:{t}", schema::EXACT_BODY_C), b.body);
            let name = quote(&crate::normalize::compact(&a.text));
            push(format!("{}:{name}", schema::REPORTER), b.reporter);
            if b.headline > 0.0 {
                let bonus = HEADLINE_WORD * b.headline;
                push(format!("({}:{t})^={bonus}", schema::EXACT_HEAD_C), 1.0);
            }
        }
        Scope::Headline => push(format!("{}:{t}", schema::EXACT_HEAD_C), 1.0),
        Scope::Body => {
            push(format!("{}:{t}", schema::EXACT_BODY_C), b.body);
            return out;
        }
    }
    let words = escape(&a.text);
    let mut fields = vec![
        ("headline_w", b.headline),
        ("kicker_w", b.kicker),
        ("subheadline_w", b.subheadline),
    ];
    if a.scope == Scope::Any {
        fields.push(("byline_w", b.reporter));
    }
    for (f, w) in fields {
        push(format!("{f}:({words})"), w);
    }
    out
}

/// `s` with every character that the query syntax reads escaped: the field's analyzer then
/// cuts it into words, each an optional clause (`q.op=OR`).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        if !(c.is_alphanumeric() || !c.is_ascii() && !c.is_whitespace()) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The Solr parameters of a request: `q`, the `fq`s, sort and paging.
pub fn params(req: &Request) -> Vec<(String, String)> {
    let mut q: Vec<String> = Vec::new();
    let mut scoring: Vec<String> = Vec::new();
    for g in &req.query.groups {
        let any: Vec<String> = g.any_of.iter().map(atom).collect();
        let sign = if g.negated { '-' } else { '+' };
        // Matching only: the score comes from the ranking clauses, as locally.
        q.push(format!("{sign}({})^=0", any.join(" OR ")));
        if !g.negated {
            for a in &g.any_of {
                scoring.extend(ranking(a, &req.boosts));
            }
        }
    }
    if !req.query.groups.iter().any(|g| !g.negated) {
        q.insert(0, "+*:*^=0".to_string());
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

/// The characters that mark a highlight in the unified highlighter's fragments: private-use
/// code points, which no page holds.
const PRE: char = '\u{E000}';
const POST: char = '\u{E001}';

/// The unified highlighter's parameters: the best passage of the body, about as wide as a
/// local snippet, with the query's words as explicit character phrases.
fn highlighting(needles: &[String]) -> Vec<(String, String)> {
    if needles.is_empty() {
        return Vec::new();
    }
    let q: Vec<String> = needles
        .iter()
        .map(|n| format!("{}:{}", schema::BODY_C, quote(n)))
        .collect();
    [
        ("hl", "true".to_string()),
        ("hl.method", "unified".to_string()),
        ("hl.fl", schema::BODY_C.to_string()),
        ("hl.q", q.join(" OR ")),
        ("hl.snippets", "1".to_string()),
        ("hl.fragsize", SNIPPET_WIDTH.to_string()),
        ("hl.bs.type", "SENTENCE".to_string()),
        ("hl.bs.language", "zh".to_string()),
        ("hl.tag.pre", PRE.to_string()),
        ("hl.tag.post", POST.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// Characters of a snippet, as locally.
const SNIPPET_WIDTH: usize = 120;

/// A highlighted fragment as a [`Snippet`]: the text without the marks, and the character
/// ranges they enclosed; line breaks become spaces, as in a local snippet.
pub fn snippet_of_fragment(fragment: &str) -> Snippet {
    let mut text = String::with_capacity(fragment.len());
    let mut highlights: Vec<[usize; 2]> = Vec::new();
    let (mut n, mut open) = (0usize, None);
    for c in fragment.chars() {
        match c {
            PRE => open = Some(n),
            POST => {
                if let Some(from) = open.take() {
                    match highlights.last_mut() {
                        // The highlighter marks `植` `树` apart where the phrase is one.
                        Some([_, to]) if *to == from => *to = n,
                        _ => highlights.push([from, n]),
                    }
                }
            }
            '\n' => {
                text.push(' ');
                n += 1;
            }
            c => {
                text.push(c);
                n += 1;
            }
        }
    }
    Snippet {
        text: text.trim_end().to_string(),
        highlights,
    }
}

/// The words of a request that a hit's text can show.
pub(super) fn needles(req: &Request) -> Vec<String> {
    let mut needles: Vec<String> = Vec::new();
    for a in req.query.positive_atoms() {
        if a.scope != Scope::Reporter && !needles.contains(&a.text) {
            needles.push(a.text.clone());
        }
    }
    needles
}

/// An article rebuilt from its document, as split: no parts, no other printings.
pub(super) fn article_json(solr: &Collection, doc: &Value) -> anyhow::Result<Article> {
    let json = doc[schema::ARTICLE].as_str().ok_or_else(|| {
        anyhow::anyhow!(
            "{}: a document without its article; index the archive again with --rebuild",
            solr.url()
        )
    })?;
    serde_json::from_str(json)
        .map_err(|e| anyhow::anyhow!("{}: an unreadable article: {e}", solr.url()))
}

/// An article rebuilt from its document, with its parts and, when `fold`, the other
/// printings of its text, as the links found after indexing marked it
/// ([`super::marks::decorate`]).
pub(super) fn article_of(solr: &Collection, doc: &Value, fold: bool) -> anyhow::Result<Article> {
    let mut a = article_json(solr, doc)?;
    super::marks::decorate(doc, &mut a, fold);
    Ok(a)
}

/// A `select` request of these parameters.
pub(super) fn select(solr: &Collection, params: &[(String, String)]) -> anyhow::Result<Value> {
    let query: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    solr.get(&format!("select?{}", query.join("&")))
}

/// Runs a request on the collection: one page of hits, each with the passage the unified
/// highlighter chose (or, when only a caption or a byline holds the words, the local one).
pub fn search(solr: &Collection, req: &Request) -> anyhow::Result<Results> {
    let needles = needles(req);
    let fold = !req.all_printings;
    let mut p = params(req);
    // One hit per story and per text: the documents never shown are left out.
    p.extend(super::marks::shown_only(fold));
    if let Some((_, fl)) = p.iter_mut().find(|(k, _)| k == "fl") {
        fl.push_str(&format!(",{}", super::marks::LINKS));
    }
    p.extend(highlighting(&needles));
    let v = select(solr, &p)?;
    let total = v["response"]["numFound"].as_u64().unwrap_or(0) as usize;
    let mut hits = Vec::new();
    for doc in v["response"]["docs"].as_array().into_iter().flatten() {
        let article = article_of(solr, doc, fold)?;
        let fragment = doc[schema::ID]
            .as_str()
            .and_then(|id| v["highlighting"][id][schema::BODY_C][0].as_str());
        let snippet = match fragment {
            Some(f) if f.contains(PRE) => snippet_of_fragment(f),
            _ => crate::query::snippet_of(&article, &needles),
        };
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

/// Percent-encoding of a query string value.
pub(crate) fn encode(s: &str) -> String {
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
        assert!(
            q.contains(" exact_head_c:\"植树\"^3 exact_body_c:\"植树\" "),
            "{q}"
        );
        assert!(q.contains(" (exact_head_c:\"植树\")^=300 "), "{q}");
        assert!(q.contains(" headline_w:(植树)^3"), "{q}");
        assert!(!q.contains("headline_w:(武汉)"), "{q}");
        let q = q_of("-武汉");
        assert!(q.starts_with("+*:*^=0 -("), "{q}");
        let q = q_of("reporter:赵明");
        assert_eq!(q, "+((reporter:\"赵明\"))^=0");
        let q = q_of("body:植树");
        assert!(q.ends_with(")^=0 exact_body_c:\"植树\""), "{q}");
    }

    #[test]
    fn filters_are_fqs() {
        let reporters = vec!["赵明".to_string()];
        let req = Params {
            q: "",
            reporters: &reporters,
            date: "2021-03".parse().ok(),
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
    fn fragments_become_snippets() {
        let table: [(&str, &str, &[[usize; 2]]); 4] = [
            (
                "春天\u{E000}植\u{E001}\u{E000}树\u{E001}。",
                "春天植树。",
                &[[2, 4]],
            ),
            (
                "\u{E000}植树\u{E001}好\n\u{E000}疫情\u{E001}\n",
                "植树好 疫情",
                &[[0, 2], [4, 6]],
            ),
            ("没有标记", "没有标记", &[]),
            ("\u{E001}孤\u{E000}", "孤", &[]),
        ];
        for (fragment, text, highlights) in table {
            let s = snippet_of_fragment(fragment);
            assert_eq!(s.text, text, "{fragment}");
            assert_eq!(s.highlights, highlights, "{fragment}");
        }
    }

    #[test]
    fn words_for_the_analyzer_are_escaped() {
        let table = [
            ("植树", "植树"),
            ("a b", "a\\ b"),
            ("C++(x):", "C\\+\\+\\(x\\)\\:"),
            ("新冠\u{3000}肺炎", "新冠\\\u{3000}肺炎"),
        ];
        for (s, want) in table {
            assert_eq!(escape(s), want, "{s}");
        }
    }

    #[test]
    fn encoding() {
        assert_eq!(encode("a b:\"植\""), "a%20b%3A%22%E6%A4%8D%22");
    }
}
