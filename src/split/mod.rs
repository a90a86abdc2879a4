//! Page text → articles. Text extracted from a printed page has no markup: blank lines end
//! paragraphs and also separate articles, column breaks cut paragraphs, and headlines,
//! bylines, datelines, captions and jump lines all sit in the same stream of lines. This
//! stage finds the articles in it and the parts of each.
//!
//! The work is split by idea, in modules private to the crate: `text` cuts the page into
//! blocks, `headline` reads headline groups, `byline` reads bylines, credits and
//! datelines, `furniture` knows the lines that are not article text, `paragraphs` repairs
//! cut paragraphs and assembles an article, and one module per layout (`layout`, `single`,
//! `export`) finds the articles; `layout::model` weighs the page layout's cues where its
//! rules are unsure.
//!
//! What stays public is the way in ([`split`], [`split_with`], [`detect`]), what comes
//! out ([`Page`], [`Layout`]), the habits a paper's pages teach ([`Profile`]) and the
//! jump lines the index links parts by ([`jump`]).

pub(crate) mod byline;
pub(crate) mod cohesion;
pub(crate) mod export;
pub(crate) mod furniture;
pub(crate) mod headline;
pub(crate) mod heads;
pub mod jump;
pub(crate) mod layout;
pub(crate) mod paragraphs;
pub(crate) mod profile;
pub(crate) mod single;
pub(crate) mod text;

use crate::article::Article;
use crate::day::Day;
pub use profile::Profile;

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
    /// The publication day printed in a page header, if any.
    pub date: Option<Day>,
    /// The paper named in the text (`株洲日报讯`), if any.
    pub paper: Option<String>,
    /// The articles in page order, each with its span, headline, bylines and body filled
    /// in; paper, path, page and id are left to the archive.
    pub articles: Vec<Article>,
}

/// Splits decoded page text (LF line ends) into articles.
///
/// ```
/// let page = baosou::split::split("市委召开会议\n\n湘江日报记者 王明\n\n湘江日报讯 2月26日，市委召开会议。\n");
/// assert_eq!(page.articles.len(), 1);
/// assert_eq!(page.articles[0].headline, "市委召开会议");
/// assert_eq!(page.articles[0].reporters[0].name, "王明");
/// assert_eq!(page.paper.as_deref(), Some("湘江日报"));
/// ```
pub fn split(text: &str) -> Page {
    split_with(text, &Profile::default())
}

/// Splits decoded page text (LF line ends) by the habits of its paper, as learned from the
/// paper's pages ([`Profile::learn`]).
pub fn split_with(text: &str, profile: &Profile) -> Page {
    match detect(text) {
        Layout::Export => export::split_export(text),
        Layout::Single => single::split_single(text),
        Layout::Page => {
            let page = layout::split_page_with(text, profile);
            let split = |t: &str| layout::split_page_with(t, profile).articles;
            Page {
                articles: jump::separate(text, page.articles, split),
                ..page
            }
        }
    }
}

/// Which layout `text` is in: an export has `作者：… 时间：…` lines; a one-article file
/// indents its body paragraphs; anything else is a page.
pub fn detect(text: &str) -> Layout {
    if export::is_export(text) {
        return Layout::Export;
    }
    if single::is_single(text) {
        return Layout::Single;
    }
    Layout::Page
}
