//! The facts of each block, worked out once per page before any article is found: what the
//! block is, whether it reads as a headline line, whether it opens with a dateline, ends a
//! story or carries a column tag. The rules ([`super::rules`]) and the assembly read them;
//! none derives them again.

use super::super::byline::{self, dateline, is_photo_source};
use super::super::furniture::{
    header_day_of, is_jump_of, is_page_label_of, is_production_of, is_section_banner, opening_day,
};
use super::super::headline::{
    has_column_tag, is_comma_kicker, is_credit_note, is_dated_note, is_end_note,
    is_exclaimed_headline, is_headline_like, is_long_headline_line, is_photo_courtesy,
    is_sentence_kicker, is_signature, is_summary_kicker, named_lead_in, opens_with_time,
    series_tag,
};
use super::super::text::{
    cut_inside_word, ends_paragraph, line_ends_sentence, trim, width, Block, WIDE_GAP,
};
use super::super::Profile;
use crate::article::Reporter;

/// The most lines a headline group holds (kicker, headline, two subheadlines).
pub(super) const MAX_GROUP: usize = 4;

/// What a block is, before articles are found.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// A page header with the publication day, or the page's label (`A3 要闻`).
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

/// What kind of block `b` is, by the general conventions and the furniture `profile` learned.
fn kind(b: &Block, profile: &Profile) -> Kind {
    // The width counted once: each test compares it with its own limit.
    let w = width(b.text);
    if header_day_of(b.text, w).is_some() || profile.is_furniture(b.text) {
        Kind::Header
    } else if is_jump_of(b.text, w) {
        Kind::Jump
    } else if is_page_label_of(b.text, w) {
        Kind::Header
    } else if let Some(r) = byline::byline_of(b.text, w) {
        Kind::Byline(r)
    } else if is_production_of(b.text, w) {
        Kind::Production
    } else {
        Kind::Text
    }
}

/// What is known of one block in its place on the page.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Fact {
    pub(crate) kind: Kind,
    /// Shaped like a headline line (short, not ending a sentence), whatever its kind.
    pub(crate) shape: bool,
    /// Read as a headline line: text of that shape, no dateline, not the first part of a
    /// paragraph cut at a column break; or a long, asking or kicker line that the place
    /// it stands in makes one.
    pub(crate) head_like: bool,
    /// Opens with a dateline: `Some(true)` when the dateline prints its day.
    pub(crate) dateline: Option<bool>,
    /// The kind of line an article ends with ([`ends_article`]).
    pub(crate) ends_article: bool,
    /// Carries a column tag (`（新春走基层）`).
    pub(crate) column_tag: bool,
    /// Closes on its series' tag, a bracketed motto printed on another headline line of the
    /// page too (`（河湖保护，我们在行动）`, [`series_tags`]).
    pub(crate) series_tag: bool,
    /// Opens with a day (`3月1日，…`).
    pub(crate) opening_day: bool,
    /// A byline printed on the line of the block before, set off after its text by two
    /// spaces (`…王明讲述  记者  陈晓宇`), parted from it before the facts are read.
    pub(crate) tail: bool,
    /// A dash lead-in naming whom or where ([`named_lead_in`]) over text of its own: no
    /// dateline and no byline under it ([`part_lead_ins`]).
    pub(crate) part_lead_in: bool,
    /// A notice closing its story, over the headline of the next ([`notices_over_heads`]):
    /// the story's text ends on it, though no stop ends it.
    pub(crate) notice: bool,
}

impl Fact {
    /// True for text (body, headlines, captions) rather than bylines and furniture.
    pub(crate) fn is_text(&self) -> bool {
        self.kind == Kind::Text
    }

    /// True for a byline or credit.
    pub(crate) fn is_byline(&self) -> bool {
        matches!(self.kind, Kind::Byline(_))
    }
}

/// The facts of every block of a page.
pub(super) fn facts(bs: &[Block], profile: &Profile) -> Vec<Fact> {
    let kinds: Vec<Kind> = bs.iter().map(|b| kind(b, profile)).collect();
    // Each block's brackets counted once: a note cut in two is found by the count of the
    // block and of the one before it.
    let open: Vec<i32> = bs.iter().map(|b| brackets_left_open(b.text)).collect();
    let ends: Vec<bool> = (0..bs.len())
        .map(|i| ends_article(bs, &kinds, &open, i))
        .collect();
    let mut fs: Vec<Fact> = bs
        .iter()
        .zip(kinds)
        .zip(ends)
        .map(|((b, kind), ends_article)| {
            let dateline = dateline(b.text).map(|d| d.day.is_some());
            let shape = is_headline_like(b.text);
            Fact {
                head_like: kind == Kind::Text && shape && dateline.is_none(),
                kind,
                shape,
                dateline,
                ends_article,
                column_tag: has_column_tag(b.text),
                series_tag: false,
                opening_day: opening_day(b.text).is_some(),
                tail: false,
                part_lead_in: false,
                notice: false,
            }
        })
        .collect();
    headlines_in_place(bs, &mut fs);
    last_lines_over_heads(bs, &mut fs);
    notices_over_heads(bs, &mut fs);
    series_tags(bs, &mut fs);
    summary_lead_ins(bs, &mut fs);
    dated_lead_ins(bs, &mut fs);
    section_banners(bs, &mut fs);
    indented_text(bs, &mut fs);
    part_lead_ins(bs, &mut fs);
    fs
}

/// Marks the dash lead-ins (`青山县柳溪村——`, or a story's opening credit paragraph
/// running into one: `本报讯（记者 王明）湘江村——`) standing over a part of a story told in
/// parts, each part telling of one person or place: its lead-in over its own head line or
/// straight over its text, with no dateline and no byline under either. A story of its own
/// under such a kicker prints its credit or its dateline under it, unless it has none
/// ([`Rule::Part`] reads the story so far). Not a paragraph that runs into a list with a
/// dash (`……他算了一笔账——`).
///
/// [`Rule::Part`]: super::rules::Rule::Part
fn part_lead_ins(bs: &[Block], fs: &mut [Fact]) {
    let plain = |f: &Fact| f.is_text() && f.dateline.is_none();
    for k in 0..bs.len().saturating_sub(1) {
        let under = &fs[k + 1];
        // Under a head line, the text goes on under that.
        let text = !under.head_like || fs.get(k + 2).is_some_and(plain);
        fs[k].part_lead_in = fs[k].is_text()
            && (fs[k].shape || fs[k].dateline.is_some())
            && named_lead_in(bs[k].text).is_some()
            && plain(under)
            && text;
    }
}

/// Marks the headline lines closing on the same [`series_tag`] as another headline line of
/// the page (`巡河更勤快 护河更用心（河湖保护，我们在行动）`): papers print a
/// series' name on each of its pieces, so a note that recurs so is the series' column tag,
/// whatever its comma.
fn series_tags(bs: &[Block], fs: &mut [Fact]) {
    let tags: Vec<Option<&str>> = bs
        .iter()
        .zip(fs.iter())
        .map(|(b, f)| series_tag(b.text).filter(|_| f.head_like))
        .collect();
    for (k, tag) in tags.iter().enumerate() {
        if tag.is_some() && tags.iter().filter(|t| *t == tag).count() >= 2 {
            fs[k].series_tag = true;
        }
    }
}

/// Indented text blocks a page needs, at the least, to be read as indenting its paragraphs
/// ([`indents_paragraphs`]): not a stray leading space.
const INDENTED_TEXT: usize = 4;

/// Flush-left headline lines a page that indents needs before its indented lines are read
/// as text only ([`indented_text`]): a page that indents its headlines too has none.
const FLUSH_HEADS: usize = 2;

/// True when most text blocks of the page, and at least [`INDENTED_TEXT`], are indented.
pub(super) fn indents_paragraphs(bs: &[Block], fs: &[Fact]) -> bool {
    let (mut text, mut indented) = (0, 0);
    for (b, f) in bs.iter().zip(fs) {
        if f.is_text() {
            text += 1;
            indented += usize::from(b.space_before);
        }
    }
    indented >= INDENTED_TEXT && indented * 2 >= text
}

/// On a page that indents its paragraphs and prints its headlines flush left (an e-paper
/// dump), an indented line is a paragraph of a story, however short (`　　老将：20年5次主动
/// 报名`, a section head inside it): no headline line.
fn indented_text(bs: &[Block], fs: &mut [Fact]) {
    let flush_heads = || {
        bs.iter()
            .zip(fs.iter())
            .filter(|(b, f)| f.head_like && !b.space_before)
            .count()
    };
    if !indents_paragraphs(bs, fs) || flush_heads() < FLUSH_HEADS {
        return;
    }
    for (b, f) in bs.iter().zip(fs.iter_mut()) {
        if b.space_before {
            f.head_like = false;
        }
    }
}

/// A section banner (`【民生】`, `◆ 社会`: [`is_section_banner`]) is page furniture where it
/// is neither a headline of its own (a headline stands under it) nor glued to the story
/// before (that story ended, or the page or extra blank lines stand before it): the story
/// under it opens there.
fn section_banners(bs: &[Block], fs: &mut [Fact]) {
    for i in 0..bs.len().saturating_sub(1) {
        let apart = i == 0
            || fs[i - 1].ends_article
            || bs[i].gap >= WIDE_GAP
            || fs[i - 1].is_text()
                && !fs[i - 1].head_like
                && ends_paragraph(bs[i - 1].text)
                && opens_story(fs, i + 1);
        if fs[i].is_text() && fs[i + 1].head_like && apart && is_section_banner(bs[i].text) {
            fs[i] = Fact {
                kind: Kind::Header,
                head_like: false,
                ends_article: true,
                ..fs[i].clone()
            };
        }
    }
}

/// True when the headline group from block `i` stands over a byline or a dateline.
fn opens_story(fs: &[Fact], i: usize) -> bool {
    opens_story_where(fs, i, |_| true)
}

/// True when the headline lines from block `i` stand close together, with no wide gap
/// among them, over a byline or a dateline close under them: a story opens there.
fn opens_story_close(bs: &[Block], fs: &[Fact], i: usize) -> bool {
    fs[i].head_like && opens_story_where(fs, i, |k| k == i || bs[k].gap < WIDE_GAP)
}

/// True when the headline lines from block `i`, as far as `close` keeps them together,
/// stand over a byline or a dateline that `close` keeps with them.
fn opens_story_where(fs: &[Fact], i: usize, close: impl Fn(usize) -> bool) -> bool {
    let mut j = i;
    while j < fs.len() && fs[j].head_like && j - i < MAX_GROUP && close(j) {
        j += 1;
    }
    fs.get(j)
        .is_some_and(|f| f.is_byline() || f.dateline.is_some())
        && close(j)
}

/// Block `i` ends on its stop straight under a paragraph of the story's text (a letter's
/// `祝活动圆满成功！`, `…这样的吗？`): the story's last line, not a kicker or headline line
/// over what follows ([`headlines_in_place`]).
fn story_last_line(bs: &[Block], fs: &[Fact], i: usize) -> bool {
    i > 0
        && fs[i - 1].is_text()
        && !fs[i - 1].head_like
        && !fs[i - 1].ends_article
        && bs[i].gap < WIDE_GAP
        && line_ends_sentence(bs[i].text)
}

/// A story's last line, short and ending on its stop straight under its paragraph (a
/// speech's `祝大家新年快乐！`, a feature's `百年老校，风华正茂！`), over headline lines that
/// open the next story (over its byline or dateline, [`opens_story_close`]): the story above
/// ends there, and the line is no kicker of the headline under it. A headline line that asks
/// (`…如何破解？`) may open a story straight under a paragraph, so only `！` and `。` end such
/// a line.
fn last_lines_over_heads(bs: &[Block], fs: &mut [Fact]) {
    for i in 1..bs.len().saturating_sub(1) {
        if fs[i].head_like
            && bs[i + 1].gap < WIDE_GAP
            && trim(bs[i].text).ends_with(['！', '。'])
            && story_last_line(bs, fs, i)
            && opens_story_close(bs, fs, i + 1)
        {
            fs[i].head_like = false;
        }
    }
}

/// Chars a notice line's label runs to, at most (`开馆时间`, `主办单位`, `咨询电话`).
const MAX_LABEL: usize = 6;

/// A notice line closing a story, a label and its value (`开馆时间：周三至周日9：00—16：30`,
/// `主办单位：…`), straight under the story's paragraph or another such line and over
/// headline lines that open the next story ([`opens_story_close`]): the story above ends on
/// it, and it is no kicker. Not a quote under a speaker's name (`王明：“…”`).
fn notices_over_heads(bs: &[Block], fs: &mut [Fact]) {
    let notice = |s: &str| {
        trim(s).split_once('：').is_some_and(|(label, value)| {
            (2..=MAX_LABEL).contains(&width(label))
                && label.chars().all(char::is_alphabetic)
                && !value.is_empty()
                && !value.starts_with(['“', '"', '‘'])
        })
    };
    // Under the story's paragraph, or under another notice, made text a round before.
    let under_text = |fs: &[Fact], k: usize| {
        fs[k].is_text() && !fs[k].head_like && (ends_paragraph(bs[k].text) || notice(bs[k].text))
    };
    for i in 1..bs.len().saturating_sub(1) {
        if fs[i].head_like
            && bs[i].gap < WIDE_GAP
            && bs[i + 1].gap < WIDE_GAP
            && notice(bs[i].text)
            && under_text(fs, i - 1)
            && opens_story_close(bs, fs, i + 1)
        {
            fs[i].head_like = false;
            fs[i].notice = true;
        }
    }
}

/// Corrects the headline shape by the blocks around each one.
fn headlines_in_place(bs: &[Block], fs: &mut [Fact]) {
    // A headline-like line whose last word runs on into the text under it is the first
    // part of a paragraph cut at a column break (a headline may run on into its
    // subheadline: `…发布通报` / `表扬参加…`), unless extra blank lines before it open a
    // story (`…建设美丽中国` / `家园…` reads `国家`).
    for i in 0..bs.len().saturating_sub(1) {
        if fs[i].head_like
            && bs[i].gap < 2
            && !fs[i + 1].head_like
            && fs[i + 1].is_text()
            && fs[i + 1].dateline.is_none()
            && cut_inside_word(bs[i].text, bs[i + 1].text)
        {
            fs[i].head_like = false;
        }
    }
    // A line under a headline line that opens with a clause setting the time
    // (`新春伊始，湘江…`), straight over text: the story's first paragraph, cut at a column
    // break, not one more headline line.
    for i in 1..bs.len().saturating_sub(1) {
        if fs[i].head_like
            && fs[i - 1].head_like
            && bs[i].gap < WIDE_GAP
            && bs[i + 1].gap < WIDE_GAP
            && fs[i + 1].is_text()
            && !fs[i + 1].head_like
            && fs[i + 1].dateline.is_none()
            && opens_with_time(bs[i].text)
        {
            fs[i].head_like = false;
        }
    }
    // A headline printed with a long subheadline on one line, straight over a dateline
    // (`市政府召开常务会议 部署…；决定…`).
    for i in 0..bs.len().saturating_sub(1) {
        if !fs[i].head_like
            && fs[i].is_text()
            && fs[i + 1].dateline.is_some()
            && is_long_headline_line(bs[i].text)
        {
            fs[i].head_like = true;
        }
    }
    // A headline that asks or exclaims, over a dateline (under its subheadlines, if any) or
    // over a `——` subheadline, or after the extra blank lines that part stories on a page
    // (`孩子，回家！`).
    for i in 0..bs.len() {
        if fs[i].head_like || !fs[i].is_text() || !is_exclaimed_headline(bs[i].text) {
            continue;
        }
        let subheaded = bs[i].text.contains(" ——")
            || bs.get(i + 1).is_some_and(|n| n.text.starts_with("——")) && fs[i + 1].head_like;
        let mut j = i + 1;
        while j < bs.len() && fs[j].head_like && j - i < MAX_GROUP {
            j += 1;
        }
        // Over a byline, when a kicker leads into it or a story ended before it, or when a
        // paragraph ended before it and text stands under the byline: a byline between
        // two paragraphs is the one over a story, not the one closing the story above
        // (which a headline follows).
        let bylined_head = fs.get(j).is_some_and(Fact::is_byline)
            && i > 0
            && (fs[i - 1].head_like
                || fs[i - 1].ends_article
                || fs[i - 1].is_text()
                    && ends_paragraph(bs[i - 1].text)
                    && fs.get(j + 1).is_some_and(|n| n.is_text() && !n.head_like));
        let parted = bs[i].gap >= WIDE_GAP && fs.get(j).is_some_and(Fact::is_text);
        // Over a dateline, straight or under more headline lines; not a line ending on its
        // stop over a headline line, straight under a story's paragraph: a story's text
        // often ends exclaiming (a letter's or speech's `祝活动圆满成功！`, `武汉加油！`),
        // and the headline of the next story stands under that last line. A headline
        // going on after its exclamation (`首破百亿！假日消费亮眼`) stays one.
        let last_line = story_last_line(bs, fs, i);
        let dated = fs.get(j).is_some_and(|n| n.dateline.is_some()) && (j == i + 1 || !last_line);
        if subheaded || bylined_head || parted || dated {
            fs[i].head_like = true;
        }
    }
    // A kicker over a headline line, though it reads like a sentence: broken by commas
    // after an article's end, or asking or trailing off (`假期过后收心了吗？…`) where a
    // story begins, at the top of the page or after extra blank lines.
    for i in 0..bs.len().saturating_sub(1) {
        if fs[i].head_like || !fs[i].is_text() || !fs[i + 1].head_like || bs[i + 1].gap >= 2 {
            continue;
        }
        let top = fs[..i].iter().all(|f| f.kind == Kind::Header);
        // Not the rest of a paragraph cut at a column break (`…踩着晨光` / `赶到了村口，
        // 笑得像春天一样……`).
        let goes_on = i > 0
            && fs[i - 1].is_text()
            && !ends_paragraph(bs[i - 1].text)
            && !fs[i - 1].ends_article;
        // Nor, over a column's headline, a story's last sentence ending on its stop straight
        // under its paragraph (`老章想，日子不就该是这样吗？` over `山花烂漫（副刊）`); a
        // kicker trailing off on a list (`图书、展览、课程……`) leads into the headline, but a
        // sentence trailing off in clauses (`她笑了，笑得像春天一样……`) ends the story.
        let line = trim(bs[i].text);
        let trails_off = line.ends_with('…') && !line.contains(['，', ',']);
        let last_line = story_last_line(bs, fs, i) && !trails_off;
        let over_column = fs[i + 1].column_tag && !fs[i].ends_article && !goes_on && !last_line;
        if (top || bs[i].gap >= WIDE_GAP || over_column) && is_sentence_kicker(bs[i].text)
            || i > 0 && fs[i - 1].ends_article && is_comma_kicker(bs[i].text)
        {
            fs[i].head_like = true;
        }
    }
}

/// A kicker that sums the story up in clauses, printed as a lead-in line over its headline
/// (`听取…汇报，推进…；要求…` over `总理主持召开常务会议` over `新华社北京…电`): wider than
/// a headline line and without a stop at its end ([`is_summary_kicker`]), it is the first
/// line of the headline group when it stands straight over headline lines that open a
/// story (over a byline or a dateline, or tagged with their column), after text that ends
/// a paragraph, a story's end (not a byline that opened one), extra blank lines or the top
/// of the page. A paragraph cut
/// at a column break stops mid-sentence too (inside a word: `…我` / `们一定能…！`), but its
/// rest is seldom a headline over a dateline.
fn summary_lead_ins(bs: &[Block], fs: &mut [Fact]) {
    for i in 0..bs.len().saturating_sub(1) {
        if !fs[i].is_text()
            || fs[i].head_like
            || fs[i].dateline.is_some()
            || fs[i].ends_article
            || !fs[i + 1].head_like
            || bs[i + 1].gap >= 2
        {
            continue;
        }
        // Not under a byline standing straight under headline lines: the story opened
        // there, and the line is its first point or paragraph.
        let opened = |k: usize| fs[k].is_byline() && k > 0 && fs[k - 1].head_like;
        let after = bs[i].gap >= WIDE_GAP
            || i.checked_sub(1).is_none_or(|k| {
                !fs[k].head_like
                    && !opened(k)
                    && (!fs[k].is_text() || fs[k].ends_article || ends_paragraph(bs[k].text))
            });
        let opens = fs[i + 1].column_tag || opens_story(fs, i + 1);
        let cut = cut_inside_word(bs[i].text, bs[i + 1].text);
        if after && opens && !cut && is_summary_kicker(bs[i].text) {
            fs[i].head_like = true;
        }
    }
}

/// A document's dated note printed over its title, as papers that print a lead-in line
/// over their headlines set it (`（2020年3月1日…会议通过）` over `…关于…的决定`): standing
/// straight over a headline line, after text that ends a paragraph, a story's end or the
/// top of the page, it is the first line of that headline group, not a note closing the
/// text above. Under its title (the title's group stands over it, [`Rule::Strong`]) it
/// stays a note.
///
/// [`Rule::Strong`]: super::rules::Rule::Strong
fn dated_lead_ins(bs: &[Block], fs: &mut [Fact]) {
    for i in 0..bs.len().saturating_sub(1) {
        let over_head = fs[i + 1].head_like && bs[i + 1].gap < 2;
        let after = i.checked_sub(1).is_none_or(|k| {
            !fs[k].head_like
                && (!fs[k].is_text() || fs[k].ends_article || ends_paragraph(bs[k].text))
        });
        if fs[i].is_text() && !fs[i].head_like && over_head && after && is_dated_note(bs[i].text) {
            fs[i].head_like = true;
        }
    }
}

/// True when block `i` is the kind of line an article ends with: a byline or credit, a jump,
/// a production credit, or a bracketed note (`（作者为…）`, `（本报伦敦2月2日电）`). `open`
/// holds each block's [`brackets_left_open`].
fn ends_article(bs: &[Block], kinds: &[Kind], open: &[i32], i: usize) -> bool {
    match kinds[i] {
        Kind::Text => {
            let joined;
            let t = match i.checked_sub(1) {
                // A note cut in two at a column break: `（作者为湘江大学历史系原主任、` /
                // `湘江市…研究会顾问）`.
                Some(k) if open[k] > 0 && open[i] < 0 => {
                    joined = format!("{}{}", trim(bs[k].text), trim(bs[i].text));
                    &joined
                }
                _ => bs[i].text,
            };
            is_end_note(t)
                || is_credit_note(t)
                || is_signature(t)
                || is_photo_source(t)
                || is_photo_courtesy(t)
        }
        _ => true,
    }
}

/// Brackets opened in `s` and not closed (negative when `s` closes more than it opens).
/// It reads bytes, not chars (this runs on every block): `(` and `)` are 28 and 29, `（`
/// and `）` are EF BC 88 and EF BC 89 in UTF-8, and no other char holds those sequences.
fn brackets_left_open(s: &str) -> i32 {
    let b = s.as_bytes();
    // Most blocks hold no bracket: found so by searches that read many bytes at a time.
    if !b.contains(&b'(') && !b.contains(&b')') && !s.contains("（") && !s.contains("）") {
        return 0;
    }
    let mut n = 0;
    for (k, &c) in b.iter().enumerate() {
        match c {
            b'(' => n += 1,
            b')' => n -= 1,
            0x88 | 0x89 if k >= 2 && b[k - 2] == 0xef && b[k - 1] == 0xbc => {
                n += if c == 0x88 { 1 } else { -1 };
            }
            _ => {}
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::super::super::text::blocks;
    use super::*;

    #[test]
    fn brackets_left_open_counts_both_widths() {
        let table = [
            ("", 0),
            ("（作者为湘江大学历史系原主任、", 1),
            ("湘江市历史研究会顾问）", -1),
            ("（陈 晓）(a(b)", 1),
            ("）)", -2),
            // 舀 (E8 88 80) and 艉 (E8 89 89) hold the bytes 88 and 89, not after EF BC.
            ("舀艉", 0),
        ];
        for (s, want) in table {
            let chars: i32 = s
                .chars()
                .map(|c| match c {
                    '（' | '(' => 1,
                    '）' | ')' => -1,
                    _ => 0,
                })
                .sum();
            assert_eq!((brackets_left_open(s), chars), (want, want), "{s}");
        }
    }

    /// Each block's facts: (kind name, headline, dateline, ends an article, column tag,
    /// opening day).
    #[test]
    fn the_facts_of_each_block() {
        type Want<'a> = (&'a str, bool, Option<bool>, bool, bool, bool);
        let table: Vec<(&str, Vec<Want>)> = vec![
            (
                "2020年3月2日 星期一\n\n区委召开会议（新春走基层）\n\n湘江日报记者 王明\n\n湘江日报讯 3月2日，区委召开会议。\n\n（完）\n\n下转 A2 版\n",
                vec![
                    ("header", false, None, true, false, false),
                    ("text", true, None, false, true, false),
                    ("byline", false, None, true, false, false),
                    ("text", false, Some(true), false, false, false),
                    ("text", false, None, true, false, false),
                    ("jump", false, None, true, false, false),
                ],
            ),
            // A line whose last word runs on into the text under it is no headline; a
            // dateline without its day; a paragraph opening with a day.
            (
                "读懂中国之治\n\n党的建设是治理的根本，全书分十二章。\n\n本报电 近日，园区开工。\n\n3月1日，园区新厂房封顶。\n",
                vec![
                    ("text", false, None, false, false, false),
                    ("text", false, None, false, false, false),
                    ("text", false, Some(false), false, false, false),
                    ("text", false, None, false, false, true),
                ],
            ),
            // A section banner after a story's end, over a headline, is furniture; the
            // same form over a paragraph of the story is its text.
            (
                "市委召开会议\n\n本报讯 市委召开会议。\n\n（完）\n\n【民生】\n\n菜场重新开门\n\n本报讯 菜场开门。\n\n【点评】\n\n开门迎客，方便了居民。\n",
                vec![
                    ("text", true, None, false, false, false),
                    ("text", false, Some(false), false, false, false),
                    ("text", false, None, true, false, false),
                    ("header", false, None, true, false, false),
                    ("text", true, None, false, false, false),
                    ("text", false, Some(false), false, false, false),
                    ("text", true, None, false, false, false),
                    ("text", false, None, false, false, false),
                ],
            ),
            // After a finished paragraph, a banner is furniture over a story's opening (a
            // headline over its byline), not over a headline-shaped line of the text.
            (
                "菜场开门了。\n\n【民生】\n\n菜场重新开门\n\n本报记者 王明\n\n菜场开门。\n",
                vec![
                    ("text", false, None, false, false, false),
                    ("header", false, None, true, false, false),
                    ("text", true, None, false, false, false),
                    ("byline", false, None, true, false, false),
                    ("text", false, None, false, false, false),
                ],
            ),
            // A headline that exclaims, after the extra blank lines that part stories; the
            // same line straight under text is the story's last sentence.
            (
                "园区新厂房开工建设。\n\n\n\n孩子，回家！\n\n2月12日上午，3名游客平安返程。\n\n志愿者们加油！\n\n园区企业陆续入驻。\n",
                vec![
                    ("text", false, None, false, false, false),
                    ("text", true, None, false, false, false),
                    ("text", false, None, false, false, true),
                    ("text", false, None, false, false, false),
                    ("text", false, None, false, false, false),
                ],
            ),
            // A line that exclaims between a finished paragraph and a byline over text is
            // the next story's headline; over a byline that a headline follows, it is the
            // last sentence of the story that byline closes.
            (
                "交通服务便利。\n\n“我们也是哨兵！”\n\n本报记者 王明  通讯员 李华\n\n2月2日下午，列车出发。\n\n“这次是阻击战！”\n\n本报记者 张三\n\n高铁站迎来客流\n\n本报讯 客流回升。\n",
                vec![
                    ("text", false, None, false, false, false),
                    ("text", true, None, false, false, false),
                    ("byline", false, None, true, false, false),
                    ("text", false, None, false, false, true),
                    ("text", false, None, false, false, false),
                    ("byline", false, None, true, false, false),
                    ("text", true, None, false, false, false),
                    ("text", false, Some(false), false, false, false),
                ],
            ),
            // A kicker summing a story up in clauses, without a stop, over a headline over a
            // dateline, after a finished paragraph: a headline line. The same line over a
            // headline over plain text, or under a paragraph that runs on, stays text.
            (
                "园区企业陆续入驻。\n\n审议春耕工作汇报，部署抓好农资供应；决定补贴种粮大户，稳定粮食生产\n\n市政府召开常务会议\n\n本报讯 市政府召开常务会议。\n",
                vec![
                    ("text", false, None, false, false, false),
                    ("text", true, None, false, false, false),
                    ("text", true, None, false, false, false),
                    ("text", false, Some(false), false, false, false),
                ],
            ),
            (
                "园区企业陆续入驻。\n\n审议春耕工作汇报，部署抓好农资供应；决定补贴种粮大户，稳定粮食生产\n\n市政府召开常务会议\n\n会议由市长主持。\n",
                vec![
                    ("text", false, None, false, false, false),
                    ("text", false, None, false, false, false),
                    ("text", true, None, false, false, false),
                    ("text", false, None, false, false, false),
                ],
            ),
            (
                "园区企业陆续入驻，\n\n审议春耕工作汇报，部署抓好农资供应；决定补贴种粮大户，稳定粮食生产\n\n市政府召开常务会议\n\n本报讯 市政府召开常务会议。\n",
                vec![
                    ("text", false, None, false, false, false),
                    ("text", false, None, false, false, false),
                    ("text", true, None, false, false, false),
                    ("text", false, Some(false), false, false, false),
                ],
            ),
            // A story's last line exclaiming, straight under its paragraph, over the next
            // story's headline over a dateline: text. A headline going on after its
            // exclamation, over its subheadline over a dateline: a headline line.
            (
                "代表们纷纷表示，要把会议精神带回去。\n\n祝愿活动办得圆满成功！\n\n市人代会今天开幕\n\n本报讯 市人代会今天开幕。\n",
                vec![
                    ("text", false, None, false, false, false),
                    ("text", false, None, false, false, false),
                    ("text", true, None, false, false, false),
                    ("text", false, Some(false), false, false, false),
                ],
            ),
            (
                "代表们纷纷表示，要把会议精神带回去。\n\n销售破千亿！假日消费亮眼\n\n网购年货成新风尚\n\n本报讯 假日消费亮眼。\n",
                vec![
                    ("text", false, None, false, false, false),
                    ("text", true, None, false, false, false),
                    ("text", true, None, false, false, false),
                    ("text", false, Some(false), false, false, false),
                ],
            ),
            // A story's last sentence asking, straight under its paragraph, over a column's
            // headline: text. A kicker trailing off there leads into the headline.
            (
                "老李走在回家的路上。\n\n他想，好日子不就是这样的吗？\n\n春到山村（乡土）\n\n山里的桃花开了。\n",
                vec![
                    ("text", false, None, false, false, false),
                    ("text", false, None, false, false, false),
                    ("text", true, None, false, true, false),
                    ("text", false, None, false, false, false),
                ],
            ),
            (
                "老李走在回家的路上。\n\n看花、采茶、听山歌……\n\n春到山村（乡土）\n\n山里的桃花开了。\n",
                vec![
                    ("text", false, None, false, false, false),
                    ("text", true, None, false, false, false),
                    ("text", true, None, false, true, false),
                    ("text", false, None, false, false, false),
                ],
            ),
            // A note cut in two at a column break ends the article at its second part.
            (
                "他说。\n\n（作者为湘江大学历史系原主任、\n\n湘江市历史研究会顾问）\n",
                vec![
                    ("text", false, None, false, false, false),
                    ("text", false, None, false, false, false),
                    ("text", false, None, true, false, false),
                ],
            ),
        ];
        for (page, want) in table {
            let bs = blocks(page);
            let got: Vec<Want> = facts(&bs, &Profile::default())
                .into_iter()
                .map(|f| {
                    let kind = match f.kind {
                        Kind::Header => "header",
                        Kind::Jump => "jump",
                        Kind::Byline(_) => "byline",
                        Kind::Production => "production",
                        Kind::Text => "text",
                    };
                    let d = f.dateline;
                    (
                        kind,
                        f.head_like,
                        d,
                        f.ends_article,
                        f.column_tag,
                        f.opening_day,
                    )
                })
                .collect();
            assert_eq!(got, want, "{page}");
        }
    }

    /// On a page that indents its paragraphs and prints its headlines flush left, an
    /// indented short line is text, no headline line; where the headlines are indented
    /// too, or the page does not indent, the shape decides as before.
    #[test]
    fn an_indented_line_on_a_page_that_indents_is_text() {
        let ind = "\u{3000}\u{3000}";
        let body =
            format!("{ind}园区新厂房开工建设。\n{ind}园区企业加快生产。\n{ind}一期工程已经投产。");
        let table = [
            // (page, whether the indented `稳步推进` reads as a headline line)
            (format!("园区建设提速\n{body}\n{ind}稳步推进\n{ind}企业陆续入驻。\n车间赶制新订单\n{ind}订单增加。\n"), false),
            (format!("{ind}园区建设提速\n{body}\n{ind}稳步推进\n{ind}企业陆续入驻。\n{ind}车间赶制新订单\n{ind}订单增加。\n"), true),
            (format!("园区建设提速\n园区新厂房开工建设。\n{ind}稳步推进\n企业陆续入驻。\n车间赶制新订单\n订单增加。\n"), true),
        ];
        for (page, want) in table {
            let bs = blocks(&page);
            let fs = facts(&bs, &Profile::default());
            let k = bs
                .iter()
                .position(|b| b.text == "稳步推进")
                .expect("the line");
            assert_eq!(fs[k].head_like, want, "{page}");
        }
    }

    /// A line opening with a clause that sets the time, under a headline line and over
    /// text, is the story's first paragraph cut at a column break.
    #[test]
    fn a_line_setting_the_time_under_a_headline_is_text() {
        let table = [
            // (page, whether the second line reads as a headline line)
            (
                "园区建设提速\n\n稳住岗位，护好民生\n\n开工建设，企业加快生产。\n",
                true,
            ),
            (
                "园区建设提速\n\n新春伊始，园区新厂房陆续\n\n开工建设，企业加快生产。\n",
                false,
            ),
            (
                "园区建设提速\n\n3日，园区新厂房陆续\n\n开工建设，企业加快生产。\n",
                false,
            ),
        ];
        for (page, want) in table {
            let bs = blocks(page);
            let fs = facts(&bs, &Profile::default());
            assert_eq!(fs[1].head_like, want, "{page}");
        }
    }

    /// A story's last lines over the headline of a story that opens with its byline: a short
    /// line ending on its stop straight under its paragraph is that story's text; so is a
    /// notice (a label and its value), and it closes the story.
    #[test]
    fn a_story_s_last_lines_over_the_next_headline_are_its_text() {
        let para = "青石镇新建的乡村书屋本周开放，藏书三千余册。";
        let head = "江城新区首条公交专线开通";
        let story = "本报记者  赵敏\n\n3日，江城新区首条公交专线开通运营。\n";
        let table = [
            // (the second block, whether it reads as a headline line, as a notice)
            ("百年老校，风华正茂！", false, false),
            ("祝大家新年快乐！", false, false),
            ("再见，老街。", false, false),
            ("开放时间：周二至周日9：00—17：00", false, true),
            ("主办单位：青石镇文化站", false, true),
            // A headline that asks, straight under a paragraph, opens the next story.
            ("书屋怎么建？", true, false),
            // A speaker's quote over a headline is no notice.
            ("王明：“书屋就在家门口”", true, false),
        ];
        for (line, head_like, notice) in table {
            let page = format!("{para}\n\n{line}\n\n{head}\n\n{story}");
            let fs = facts(&blocks(&page), &Profile::default());
            assert_eq!(
                (fs[1].head_like, fs[1].notice),
                (head_like, notice),
                "{page}"
            );
        }
        // Under a headline line, not under a paragraph; over a headline over text, not
        // over a byline: headline lines.
        for page in [
            format!("{head}\n\n祝大家新年快乐！\n\n{head}\n\n{story}"),
            format!("{para}\n\n主办单位：青石镇文化站\n\n{head}\n\n3日，专线开通运营。\n"),
        ] {
            let fs = facts(&blocks(&page), &Profile::default());
            assert!(fs[1].head_like && !fs[1].notice, "{page}");
        }
    }
}
