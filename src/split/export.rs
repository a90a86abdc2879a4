//! The database export layout: many articles, each opened by headline lines and an
//! `作者：… 时间：YYYY-MM-DD` line, then indented body paragraphs.

use super::{Layout, Page};

/// True when `text` is a database export.
pub fn is_export(_text: &str) -> bool {
    false
}

/// Splits a database export.
pub fn split_export(text: &str) -> Page {
    let _ = text;
    Page { layout: Layout::Export, date: None, paper: None, articles: Vec::new() }
}
