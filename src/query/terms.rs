//! Values of the untokenized fields (reporter, paper, date) read from the term dictionary:
//! what the index holds, with the number of articles holding each value. `stats` lists the
//! top reporters and papers with it, and `serve` suggests reporters as the user types.

use crate::day::Day;
use std::collections::HashMap;
use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

/// The values of an untokenized field for which `keep` holds, with the number of live
/// articles holding each, most first (ties by value), at most `top` of them.
///
/// Term statistics still count deleted articles, so the leaders are counted again exactly.
pub fn ranked(
    searcher: &Searcher,
    field: Field,
    keep: impl Fn(&str) -> bool,
    top: usize,
) -> anyhow::Result<Vec<(String, usize)>> {
    let mut approx: HashMap<String, u64> = HashMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut terms = inverted.terms().stream()?;
        while terms.advance() {
            let key = String::from_utf8_lossy(terms.key());
            if keep(&key) {
                *approx.entry(key.into_owned()).or_default() += terms.value().doc_freq as u64;
            }
        }
    }
    let mut ranked: Vec<(String, u64)> = approx.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut exact = Vec::new();
    for (value, _) in ranked.into_iter().take(top.saturating_mul(2)) {
        let q = TermQuery::new(
            Term::from_field_text(field, &value),
            IndexRecordOption::Basic,
        );
        let n = searcher.search(&q, &Count)?;
        if n > 0 {
            exact.push((value, n));
        }
    }
    exact.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    exact.truncate(top);
    Ok(exact)
}

/// The first and last publication day in the index.
pub fn date_range(searcher: &Searcher, field: Field) -> anyhow::Result<Option<(Day, Day)>> {
    let mut range: Option<(u64, u64)> = None;
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut terms = inverted.terms().stream()?;
        while terms.advance() {
            let Ok(bytes) = <[u8; 8]>::try_from(terms.key()) else {
                continue;
            };
            let n = u64::from_be_bytes(bytes);
            range = Some(range.map_or((n, n), |(a, b)| (a.min(n), b.max(n))));
        }
    }
    Ok(range.and_then(|(a, b)| Some((Day::from_number(a)?, Day::from_number(b)?))))
}
