//! The article: what the splitter finds on a page, what the index stores, and what every
//! renderer prints. Every stage of the pipeline shares this one type.

use serde::{Deserialize, Serialize};

/// A person named in a byline or a photo credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reporter {
    /// The name with alignment spaces removed (`柳 歌` → `柳歌`).
    pub name: String,
    /// `记者`, `通讯员`, `摄影`, `特约记者`, … as printed; empty when the byline gives none.
    pub role: String,
    /// The organisation printed with the name (`株洲日报`, `新华社`, `本报`), if any.
    pub org: Option<String>,
    /// True when the name comes from a photo credit (`… 摄`).
    #[serde(default)]
    pub photo: bool,
    /// True when the name is credited to one piece inside the article (a story of a
    /// series under its own byline, an item of a round-up under its own dateline), not to
    /// the article as a whole.
    #[serde(default)]
    pub inner: bool,
}

/// Where an article's publication date came from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A folder or file name such as `2020-02-27`, `2020/02/27` or `20200227`.
    Path,
    /// Metadata printed in the file itself: a page header or an export's `时间：` line.
    Header,
    /// A dateline (`2月26日电`) with the year taken from the page.
    Dateline,
}

/// One article of a page, with its place in the archive.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: a hash of the source path and the order on the page.
    pub id: String,
    /// Source file, relative to the archive root, with `/` separators.
    pub path: String,
    /// The paper: given with `--paper`, else read from the path or the page.
    pub paper: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Where the publication date was read.
    pub date_source: Option<DateSource>,
    /// Page number (`A01` → 1).
    pub page: Option<u32>,
    /// Page as printed in the file name (`A01`, `09`).
    pub page_label: Option<String>,
    /// Order on the page, from 1.
    pub seq: u32,
    /// The line over the headline (引题), if the article has one.
    pub kicker: Option<String>,
    /// The headline (主题).
    pub headline: String,
    /// Lines under the headline (副题), in order.
    pub subheadlines: Vec<String>,
    /// Everyone the byline and credits name, in the order printed.
    pub reporters: Vec<Reporter>,
    /// The dateline (`本报北京2月26日电`, `本报讯`), as printed.
    pub dateline: Option<String>,
    /// Paragraphs separated by `\n`, broken paragraphs rejoined.
    pub body: String,
    /// Photo captions, each whole.
    pub captions: Vec<String>,
    /// Jump lines (`下转 A2 版`, `上接第一版`) taken out of the body.
    pub jumps: Vec<String>,
    /// `[start, end)` in the decoded page text, in Unicode scalar values, after CRLF → LF.
    pub span: [usize; 2],
    /// The parts of the story in reading order, when it is continued on other pages; one
    /// element (this article) otherwise. Filled in by the index.
    #[serde(default)]
    pub parts: Vec<Part>,
    /// The other printings of the same text folded into this one (empty when none).
    #[serde(default)]
    pub duplicates: Vec<Duplicate>,
    /// Month and day printed in the dateline or at the start of the body, used when neither
    /// the path nor the page gives a date.
    #[serde(skip)]
    pub event_day: Option<(u32, u32)>,
    /// Lines of the article's span that are in none of its text fields (bylines, credits,
    /// jump lines): not shown, but searched, so that everything printed in the article
    /// can be found.
    #[serde(skip)]
    pub furniture: Vec<String>,
}

/// One part of a story continued across pages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// The page file holding the part, relative to the archive root (empty when it is missing).
    pub path: String,
    /// The part's `[start, end)` in its page's text.
    pub span: [usize; 2],
    /// The page number the part is printed on.
    pub page: Option<u32>,
    /// Set when the part is not in the archive: the jump line's page, as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<String>,
}

/// Another printing of an article's text, folded into it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    /// The printing's article id.
    pub id: String,
    /// Its page file, relative to the archive root.
    pub path: String,
    /// Its `[start, end)` in the page's text.
    pub span: [usize; 2],
    /// Its publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Its paper.
    pub paper: String,
    /// Its page number.
    pub page: Option<u32>,
}

impl Article {
    /// The article as the only part of its story.
    pub fn own_part(&self) -> Part {
        Part {
            path: self.path.clone(),
            span: self.span,
            page: self.page,
            missing: None,
        }
    }

    /// Fills `parts` with the article itself when the index linked no other part.
    pub fn with_parts(mut self) -> Article {
        if self.parts.is_empty() {
            self.parts.push(self.own_part());
        }
        self
    }

    /// Names of all reporters, without duplicates, in byline order.
    pub fn reporter_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for r in &self.reporters {
            if !names.contains(&r.name.as_str()) {
                names.push(&r.name);
            }
        }
        names
    }

    /// Names the reporter filter finds the article by: who wrote it, as its byline or its
    /// dateline's credit names them. Photographers and the names credited to pieces inside
    /// the article are left to keyword search.
    pub fn byline_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for r in self.reporters.iter().filter(|r| !r.photo && !r.inner) {
            if !names.contains(&r.name.as_str()) {
                names.push(&r.name);
            }
        }
        names
    }
}
