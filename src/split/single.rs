//! The one-article-per-file layout crawlers write: kicker, headline and subheadline on
//! lines 1–3 (any of them may be empty except the headline), then body paragraphs indented
//! with ideographic spaces.

use super::{Layout, Page};

/// True when `text` is one article per file.
pub fn is_single(_text: &str) -> bool {
    false
}

/// Splits a one-article file.
pub fn split_single(text: &str) -> Page {
    let _ = text;
    Page { layout: Layout::Single, date: None, paper: None, articles: Vec::new() }
}
