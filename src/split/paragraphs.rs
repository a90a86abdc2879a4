//! Paragraph repair and article assembly. A column break cuts a paragraph anywhere, even
//! inside a word (`政` / `府党组`); a paragraph that stops mid-sentence goes on in the next
//! block. A photo caption printed inside the cut paragraph is taken out and the paragraph
//! joined around it. The builder collects the parts of one article as its blocks come.

use super::byline::{self, Dateline};
use super::cohesion::{self, Bigrams};
use super::furniture::{is_caption, opening_day};
use super::heads::Heads;
use super::text::{ends_paragraph, line_ends_sentence, Block, WIDE_GAP};
use crate::article::{Article, Reporter};
use std::cell::RefCell;

/// One article being assembled, block by block.
#[derive(Debug, Default)]
pub struct Builder {
    pub article: Article,
    paras: Vec<String>,
    /// The last paragraph stops mid-sentence.
    open: bool,
    /// The last block of text added had page whitespace after it.
    space_after: bool,
    start: Option<usize>,
    end: usize,
    /// The first paragraph has been read (dateline and bracketed credit looked for).
    opened: bool,
    /// The organisation of the dateline, for bracketed credits.
    pub dateline_org: Option<String>,
    /// Section heads read so far.
    heads: usize,
    /// Their forms and widths.
    head_forms: Heads,
    /// A section head labelled the story's closing notes (`记者手记`, `编后`) was read.
    in_notes: bool,
    /// Each byline's names, with the number of paragraphs before it.
    bylines: Vec<(usize, Vec<String>)>,
    /// The bigram counts of the article's opening, once counted.
    opening: RefCell<Option<Bigrams>>,
}

impl Builder {
    /// An empty builder: its article starts where its first block does.
    pub fn new() -> Builder {
        Builder::default()
    }

    /// True when the last paragraph stops mid-sentence.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// True when the article has body text.
    pub fn has_body(&self) -> bool {
        !self.paras.is_empty()
    }

    /// The cosine of `words` with the vocabulary of the article's opening (its text as
    /// [`cohesion::window`] takes it), counted again only when the opening changed.
    pub fn opening_cosine(&self, words: &Bigrams) -> f64 {
        self.opening
            .borrow_mut()
            .get_or_insert_with(|| {
                Bigrams::of(&cohesion::window(self.paras.iter().map(String::as_str)))
            })
            .cosine(words)
    }

    /// The paragraphs changed: when among the first ones, the opening is counted again.
    fn edited(&mut self) {
        if self.paras.len() <= cohesion::WINDOW_BLOCKS {
            self.opening.take();
        }
    }

    /// The article's headline and subheadlines, run together.
    pub fn headlines(&self) -> Vec<char> {
        let a = &self.article;
        a.headline
            .chars()
            .chain(a.subheadlines.iter().flat_map(|s| s.chars()))
            .collect()
    }

    /// How many section heads the article has so far.
    pub fn heads(&self) -> usize {
        self.heads
    }

    /// The article has come to a reporter's or editor's notes (`记者手记`, `编后`), which
    /// papers print at a story's end.
    pub fn in_notes(&self) -> bool {
        self.in_notes
    }

    /// The forms and widths of the section heads so far.
    pub fn head_forms(&self) -> &Heads {
        &self.head_forms
    }

    /// How many byline lines the article has so far.
    pub fn bylines(&self) -> usize {
        self.bylines.len()
    }

    /// Where the article starts on the page, in chars (`None` before it covers a block).
    pub fn start(&self) -> Option<usize> {
        self.start
    }

    /// The length of the article so far, in chars of the page.
    pub fn span_len(&self) -> usize {
        self.start.map_or(0, |s| self.end.saturating_sub(s))
    }

    /// Widens the span to cover `b`.
    pub fn cover(&mut self, b: &Block) {
        self.start.get_or_insert(b.start);
        self.end = self.end.max(b.end);
    }

    /// Adds reporters from a byline line (whether they wrote the article or one piece of
    /// it is known when the article is finished).
    pub fn byline(&mut self, reps: Vec<Reporter>) {
        let names = reps.iter().map(|r| r.name.clone()).collect();
        self.bylines.push((self.paras.len(), names));
        self.reporters(reps);
    }

    /// Adds reporters, each once: a name the article already credits in the same role is
    /// not credited again to a piece of it, nor for the photos of a story they wrote
    /// (`■本报记者 王明` over the text, `本报记者 王明 摄影报道` under it).
    pub fn reporters(&mut self, reps: Vec<Reporter>) {
        for r in reps {
            let known = |x: &Reporter| (&x.name, &x.role, &x.org) == (&r.name, &r.role, &r.org);
            if !self.article.reporters.iter().any(known) {
                self.article.reporters.push(r);
            }
        }
    }

    /// Adds a block of text: a new paragraph, the rest of a cut one, or a caption.
    /// `next` is the block after it, if any, to tell a caption from text.
    pub fn text(&mut self, b: &Block, next: Option<&Block>) {
        self.cover(b);
        let t = b.text;
        if is_caption(t) && (line_ends_sentence(t) || t.starts_with("图说"))
            || self.open && self.interrupts(b, next)
        {
            self.article.captions.push(t.to_string());
            return;
        }
        if self.open {
            if let Some(last) = self.paras.last_mut() {
                // A column break on the space between two names of a bracketed credit
                // keeps the space: `（全媒体记者 侯佳鹏 ` / `陆艳）`.
                if (self.space_after || b.space_before) && byline::inside_credit(last) {
                    last.push(' ');
                }
                last.push_str(t);
            }
        } else {
            self.paras.push(t.to_string());
        }
        self.space_after = b.space_after;
        self.edited();
        self.open = !ends_paragraph(self.paras.last().map_or("", |s| s.as_str()));
        if !self.opened && !self.open {
            self.first_paragraph();
        }
    }

    /// Adds a section head: a paragraph of its own, though it ends no sentence.
    pub fn heading(&mut self, b: &Block) {
        self.cover(b);
        self.close();
        self.heads += 1;
        self.head_forms.push(b.text);
        // The notes' own title may stand under their label (`记者手记` / `常在村头见到他`).
        self.in_notes |= super::headline::is_notes_label(b.text);
        self.paras.push(b.text.to_string());
        self.edited();
    }

    /// The article turns out to be a round-up of briefs: the line over the first item's
    /// headline (`资讯速递`) is the round-up's headline, and the first item's headline a
    /// section head.
    pub fn round_up(&mut self) {
        if self.article.subheadlines.is_empty() {
            if let Some(title) = self.article.kicker.take() {
                let first = std::mem::replace(&mut self.article.headline, title);
                self.head_forms.push(&first);
                self.paras.insert(0, first);
                self.opening.take();
                self.heads += 1;
            }
        }
    }

    /// A complete sentence opening with a day, printed where a cut paragraph should go on:
    /// a photo caption set inside the text.
    fn interrupts(&self, b: &Block, next: Option<&Block>) -> bool {
        let t = b.text;
        if !line_ends_sentence(t) || opening_day(t).is_none() {
            return false;
        }
        // The caption sits apart from the text, or the text after it goes on mid-sentence.
        b.gap >= WIDE_GAP || next.is_some_and(|n| n.text.starts_with(|c: char| !is_opening(c)))
    }

    /// Reads the dateline, bracketed credit and day of the first paragraph.
    fn first_paragraph(&mut self) {
        self.opened = true;
        let Some(first) = self.paras.first() else {
            return;
        };
        let d: Option<Dateline> = byline::dateline(first);
        if let Some(d) = d {
            self.article.dateline = Some(d.text);
            self.article.event_day = d.day;
            self.dateline_org = Some(d.org);
        }
        let credit = byline::credit(first, self.dateline_org.as_deref());
        let day = self
            .article
            .event_day
            .is_none()
            .then(|| opening_day(first))
            .flatten();
        if let Some(reps) = credit {
            self.reporters(reps);
        }
        if self.article.event_day.is_none() {
            self.article.event_day = day;
        }
    }

    /// Ends the current paragraph (before a byline or furniture that sits between
    /// paragraphs).
    pub fn close(&mut self) {
        if self.open && !self.opened {
            self.first_paragraph();
        }
        self.open = false;
    }

    /// The finished article.
    pub fn finish(mut self) -> Article {
        if !self.opened {
            self.first_paragraph();
        }
        // A later paragraph that opens with its own dateline and credit: the article's
        // first filing when nobody is credited yet (after a lead paragraph), else a second
        // filing run under the same headline or an item of a round-up, credited as a piece.
        let mut inner = self.article.reporters.iter().any(|r| !r.photo);
        let mut later = Vec::new();
        for p in self.paras.iter().skip(1) {
            let Some(d) = byline::dateline(p) else {
                continue;
            };
            if let Some(reps) = byline::credit(p, Some(&d.org)) {
                later.extend(reps.into_iter().map(|r| Reporter { inner, ..r }));
                inner = true;
            }
        }
        self.reporters(later);
        // A credit closing the story in brackets credits the article; the note stays in
        // the body, as printed.
        if let Some(reps) = self.paras.last().and_then(|p| byline::closing_credit(p)) {
            self.reporters(reps);
        }
        // A byline with text both before and after it credits the story under it, one
        // piece of a series; then the byline over the first story credits that story too.
        // Bylines over all the text or under it credit the article.
        let n = self.paras.len();
        let is_piece = |before: usize| before > 0 && before < n;
        let series = self.bylines.iter().any(|(before, _)| is_piece(*before));
        for (before, names) in &self.bylines {
            if is_piece(*before) || series && *before == 0 {
                for r in self.article.reporters.iter_mut() {
                    r.inner |= !r.photo && names.contains(&r.name);
                }
            }
        }
        self.article.body = self.paras.join("\n");
        let start = self.start.unwrap_or(0);
        self.article.span = [start, self.end.max(start)];
        self.article
    }
}

/// A character a paragraph can begin with after a caption: not a continuation mark.
fn is_opening(c: char) -> bool {
    !matches!(c, '，' | '、' | '。' | '；' | '：' | '）' | ')' | '”' | '’')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split::text::blocks;

    fn body(text: &str) -> (String, Vec<String>) {
        let bs = blocks(text);
        let mut b = Builder::new();
        for (i, blk) in bs.iter().enumerate() {
            b.text(blk, bs.get(i + 1));
        }
        let a = b.finish();
        (a.body, a.captions)
    }

    #[test]
    fn repair() {
        let table: Vec<(&str, &str, Vec<&str>)> = vec![
            (
                "市人大常委会党组、政\n\n府党组要落实。\n\n会议强调，要抓紧。",
                "市人大常委会党组、政府党组要落实。\n会议强调，要抓紧。",
                vec![],
            ),
            ("一句话。\n\n另一句话。", "一句话。\n另一句话。", vec![]),
            (
                "小(区)\n\n办公区等重点区域。",
                "小(区)办公区等重点区域。",
                vec![],
            ),
            (
                "推进南非机车、\n\n\n\n3月2日，工人在车间组装机车。\n\n印尼高铁等项目生产。",
                "推进南非机车、印尼高铁等项目生产。",
                vec!["3月2日，工人在车间组装机车。"],
            ),
            (
                "图①：工人在车间忙碌。\n\n正文。",
                "正文。",
                vec!["图①：工人在车间忙碌。"],
            ),
        ];
        for (input, want, caps) in table {
            let (got, got_caps) = body(input);
            assert_eq!(got, want, "{input}");
            assert_eq!(got_caps, caps, "{input}");
        }
    }

    #[test]
    fn later_dateline_credits() {
        let table = [
            (
                "本报北京5月11日电 （记者徐明）会议召开。\n\n本报北京5月11日电 （记者李华、王强）会后举行吹风会。",
                vec!["徐明", "李华", "王强"],
            ),
            (
                "会议召开。\n\n会后，（记者李华）举行吹风会。",
                vec![],
            ),
        ];
        for (input, want) in table {
            let bs = blocks(input);
            let mut b = Builder::new();
            for (i, blk) in bs.iter().enumerate() {
                b.text(blk, bs.get(i + 1));
            }
            let a = b.finish();
            let names: Vec<&str> = a.reporters.iter().map(|r| r.name.as_str()).collect();
            assert_eq!(names, want, "{input}");
        }
    }

    #[test]
    fn dateline_credit_day() {
        let bs = blocks("本报北京5月11日电 （记者徐明、李华）会议召开。");
        let mut b = Builder::new();
        b.text(&bs[0], None);
        let a = b.finish();
        assert_eq!(a.dateline.as_deref(), Some("本报北京5月11日电"));
        assert_eq!(a.event_day, Some((5, 11)));
        let names: Vec<&str> = a.reporters.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, vec!["徐明", "李华"]);
        assert_eq!(a.reporters[0].org.as_deref(), Some("本报"));
    }
}
