//! The printed-page layout: many articles in one stream of blocks, where blank lines say
//! nothing about where an article ends. An article starts at a group of headline lines
//! (short, not ending a sentence) that is followed by a byline, a dateline or body text,
//! and that does not go on with a paragraph cut by a column break.

use super::byline::{self, dateline, paper_name};
use super::furniture::{header_day, is_jump, is_production, opening_day};
use super::headline::{assign, has_column_tag, is_marked_group, is_signature, is_end_note, is_headline_like, is_section_head};
use super::paragraphs::Builder;
use super::text::{blocks, Block};
use super::{Layout, Page};
use crate::article::Reporter;

/// The most lines a headline group holds (kicker, headline, two subheadlines).
const MAX_GROUP: usize = 4;

/// What a block is, before articles are found.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// A page header with the publication day.
    Header,
    /// A jump line to or from another page.
    Jump,
    /// A byline or photo credit.
    Byline(Vec<Reporter>),
    /// A production credit (`版式设计：…`).
    Production,
    /// Text: headline, body or caption.
    Text,
}

fn kind(b: &Block) -> Kind {
    if header_day(b.text).is_some() {
        Kind::Header
    } else if is_jump(b.text) {
        Kind::Jump
    } else if let Some(r) = byline::byline(b.text) {
        Kind::Byline(r)
    } else if is_production(b.text) {
        Kind::Production
    } else {
        Kind::Text
    }
}

/// Splits text laid out as a printed page.
pub fn split_page(text: &str) -> Page {
    let bs = blocks(text);
    let kinds: Vec<Kind> = bs.iter().map(kind).collect();
    let head_like: Vec<bool> = bs
        .iter()
        .zip(&kinds)
        .map(|(b, k)| *k == Kind::Text && is_headline_like(b.text) && dateline(b.text).is_none())
        .collect();
    let mut page = Page {
        layout: Layout::Page,
        date: bs.iter().find_map(|b| header_day(b.text)),
        paper: None,
        articles: Vec::new(),
    };
    let mut cur: Option<Builder> = None;
    let mut i = 0;
    while i < bs.len() {
        if head_like[i] {
            let mut j = i;
            while j < bs.len() && head_like[j] && j - i < MAX_GROUP {
                j += 1;
            }
            if starts_article(&bs, &kinds, i, j, cur.as_ref()) {
                if let Some(done) = cur.take() {
                    page.articles.push(done.finish());
                }
                let mut b = Builder::new();
                let lines: Vec<&str> = bs[i..j].iter().map(|b| b.text).collect();
                let heads = assign(&lines);
                b.article.kicker = heads.kicker;
                b.article.headline = heads.headline;
                b.article.subheadlines = heads.subheadlines;
                for blk in &bs[i..j] {
                    b.cover(blk);
                }
                cur = Some(b);
                i = j;
                continue;
            }
        }
        let b = &bs[i];
        match &kinds[i] {
            Kind::Header => {}
            kind => {
                let builder = cur.get_or_insert_with(Builder::new);
                match kind {
                    Kind::Jump => {
                        builder.cover(b);
                        builder.article.jumps.push(b.text.to_string());
                    }
                    Kind::Byline(reps) => {
                        builder.cover(b);
                        builder.close();
                        builder.reporters(reps.clone());
                    }
                    Kind::Production => builder.cover(b),
                    _ => builder.text(b, bs.get(i + 1)),
                }
            }
        }
        i += 1;
    }
    if let Some(done) = cur.take() {
        page.articles.push(done.finish());
    }
    page.paper = page.articles.iter().find_map(|a| {
        let from_dateline = a
            .dateline
            .as_deref()
            .and_then(|d| dateline(d))
            .and_then(|d| paper_name(&d.org).map(str::to_string));
        from_dateline.or_else(|| {
            a.reporters
                .iter()
                .find_map(|r| r.org.as_deref().and_then(paper_name).map(str::to_string))
        })
    });
    page
}

/// True when block `i` is the kind of line an article ends with: a byline or credit, a jump,
/// a production credit, or a bracketed note (`（作者为…）`, `（本报伦敦2月2日电）`).
fn ends_article(bs: &[Block], kinds: &[Kind], i: usize) -> bool {
    match kinds[i] {
        Kind::Text => is_end_note(bs[i].text) || is_signature(bs[i].text),
        _ => true,
    }
}

/// Whether the headline-like blocks `i..j` open a new article.
fn starts_article(bs: &[Block], kinds: &[Kind], i: usize, j: usize, cur: Option<&Builder>) -> bool {
    let next = bs.get(j);
    let strong = match kinds.get(j) {
        Some(Kind::Byline(_)) => true,
        Some(Kind::Text) => next.is_some_and(|n| dateline(n.text).is_some()),
        _ => false,
    };
    let Some(cur) = cur else {
        return true;
    };
    if cur.is_open() {
        // The line goes on with a paragraph cut at a column break.
        return strong;
    }
    if strong || !cur.has_body() {
        return true;
    }
    // Headline lines followed by text: a section head inside the article, or a new article
    // after one that has ended.
    let after_end = i > 0 && ends_article(bs, kinds, i - 1);
    let tagged = bs[i..j].iter().any(|b| has_column_tag(b.text));
    let lines: Vec<&str> = bs[i..j].iter().map(|b| b.text).collect();
    let photo_news = j - i == 1 && next.is_some_and(|n| opening_day(n.text).is_some());
    if is_marked_group(&lines) || photo_news {
        return true;
    }
    if after_end || tagged {
        return !(j - i == 1 && is_section_head(bs[i].text) && !tagged);
    }
    MULTI_STARTS && j - i >= 2
}

/// Whether a group of several headline lines followed by text starts an article.
const MULTI_STARTS: bool = false;
