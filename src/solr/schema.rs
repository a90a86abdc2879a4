//! Articles as Solr documents, in the fields of `solr/configset/conf/managed-schema.xml`:
//! the field names, defined once, and the JSON of one document.

use crate::article::Article;
use serde_json::{json, Value};

/// The article id (the unique key).
pub const ID: &str = "id";
/// The page file, relative to the archive root.
pub const PATH: &str = "path";
/// The paper (a string).
pub const PAPER: &str = "paper";
/// Reporters' names, compacted, for filters and facets (strings).
pub const REPORTER: &str = "reporter";
/// Publication day, a `pdate` (`2020-02-27T00:00:00Z`).
pub const DATE: &str = "date";
/// The page number.
pub const PAGE: &str = "page";
/// The order on the page.
pub const SEQ: &str = "seq";
/// The article as JSON, as the local index stores it: what hits are rebuilt from.
pub const ARTICLE: &str = "article";
/// Character fields: a slop-0 phrase on them is a substring search.
pub const KICKER_C: &str = "kicker_c";
/// The headline's characters.
pub const HEADLINE_C: &str = "headline_c";
/// The subheadlines' characters.
pub const SUBHEADLINE_C: &str = "subheadline_c";
/// The byline's characters.
pub const BYLINE_C: &str = "byline_c";
/// The body's characters.
pub const BODY_C: &str = "body_c";
/// The captions' characters.
pub const CAPTIONS_C: &str = "captions_c";
/// The characters of lines kept out of the text (credits, jump lines).
pub const FURNITURE_C: &str = "furniture_c";
/// The head (headline, subheadlines, kicker) and the body (body, captions, furniture) as
/// one character field each, filled by copyField: what ranks an exact match.
pub const EXACT_HEAD_C: &str = "exact_head_c";
/// The body's side of [`EXACT_HEAD_C`].
pub const EXACT_BODY_C: &str = "exact_body_c";

/// The Solr document of an article.
pub fn document(a: &Article) -> anyhow::Result<Value> {
    let reporters: Vec<String> = a
        .byline_names()
        .into_iter()
        .map(crate::normalize::compact)
        .collect();
    let mut doc = json!({
        ID: a.id,
        PATH: a.path,
        PAPER: a.paper,
        REPORTER: reporters,
        SEQ: a.seq,
        HEADLINE_C: a.headline,
        SUBHEADLINE_C: a.subheadlines,
        BYLINE_C: a.reporter_names(),
        BODY_C: a.body,
        CAPTIONS_C: a.captions,
        FURNITURE_C: a.furniture,
        ARTICLE: serde_json::to_string(a)?,
    });
    if let Some(day) = a.date.as_deref().and_then(crate::day::Day::parse) {
        doc[DATE] = json!(format!("{day}T00:00:00Z"));
    }
    if let Some(page) = a.page {
        doc[PAGE] = json!(page);
    }
    if let Some(k) = &a.kicker {
        doc[KICKER_C] = json!(k);
    }
    Ok(doc)
}

/// A Solr query that matches the documents of one page file.
pub fn path_query(rel: &str) -> String {
    format!("{PATH}:{}", quote(rel))
}

/// `s` as a quoted Solr term or phrase, with `"` and `\` escaped.
pub fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' {
            q.push('\\');
        }
        q.push(c);
    }
    q.push('"');
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        let table = [
            (
                "人民日报/2020-02-27/01.txt",
                r#""人民日报/2020-02-27/01.txt""#,
            ),
            (r#"a"b\c"#, r#""a\"b\\c""#),
        ];
        for (s, want) in table {
            assert_eq!(quote(s), want);
        }
    }

    #[test]
    fn a_document_has_the_date_as_a_pdate_and_the_article_whole() {
        let a = Article {
            id: "x-01".into(),
            path: "p/2020-02-27/01.txt".into(),
            paper: "人民日报".into(),
            date: Some("2020-02-27".into()),
            page: Some(1),
            headline: "植树".into(),
            body: "春天植树".into(),
            ..Article::default()
        };
        let doc = document(&a).expect("a document");
        assert_eq!(doc[DATE], "2020-02-27T00:00:00Z");
        assert_eq!(doc[PAGE], 1);
        assert!(doc.get(KICKER_C).is_none());
        let back: Article =
            serde_json::from_str(doc[ARTICLE].as_str().expect("a string")).expect("JSON");
        assert_eq!(back, a);
    }
}
