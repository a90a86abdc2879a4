//! The printed-page layout: many articles in one stream of blocks, where blank lines say
//! nothing about where an article ends. An article starts at a group of headline lines
//! (short, not ending a sentence) that is followed by a byline, a dateline or body text,
//! and that does not go on with a paragraph cut by a column break.

use super::byline::{self, dateline, paper_name};
use super::cohesion::{self, Bigrams};
use super::furniture::{header_day, is_jump, is_page_label, is_production, opening_day};
use super::headline::{
    assign, ends_with_day, has_column_tag, is_abstract_label, is_comma_kicker, is_credit_note,
    is_dated_note, is_end_note, is_exclaimed_headline, is_headline_like, is_long_headline_line,
    is_marked_group, is_photo_source, is_reader_signature, is_section_head, is_sentence_kicker,
    is_signature, is_subheaded_or_labelled, is_text_label,
};
use super::model;
use super::paragraphs::Builder;
use super::text::{
    blocks, bracketed, closing_note, cut_inside_word, ends_paragraph, is_han, is_space,
    staff_column, trim, width, Block,
};
use super::{Layout, Page, Profile};
use crate::article::Reporter;
use std::cell::OnceCell;

/// The most lines a headline group holds (kicker, headline, two subheadlines).
const MAX_GROUP: usize = 4;

/// Bigram cosine across a single line followed by a paragraph opening with a day, above
/// which the line is a section head rather than a photo item's title.
const PHOTO_COHESION: f64 = 0.1;

/// What a block is, before articles are found.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
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

fn kind(b: &Block, profile: &Profile) -> Kind {
    if header_day(b.text).is_some() || profile.is_furniture(b.text) {
        Kind::Header
    } else if is_jump(b.text) {
        Kind::Jump
    } else if is_page_label(b.text) {
        Kind::Header
    } else if let Some(r) = byline::byline(b.text) {
        Kind::Byline(r)
    } else if is_production(b.text) {
        Kind::Production
    } else {
        Kind::Text
    }
}

/// Splits text laid out as a printed page, by the general profile.
pub fn split_page(text: &str) -> Page {
    split_page_with(text, &Profile::default())
}

/// Splits text laid out as a printed page, by the habits of its paper.
pub fn split_page_with(text: &str, profile: &Profile) -> Page {
    let bs = tails_apart(blocks(text));
    let kinds: Vec<Kind> = bs.iter().map(|b| kind(b, profile)).collect();
    let mut head_like: Vec<bool> = bs
        .iter()
        .zip(&kinds)
        .map(|(b, k)| *k == Kind::Text && is_headline_like(b.text) && dateline(b.text).is_none())
        .collect();
    // A headline-like line whose last word runs on into the text under it is the first
    // part of a paragraph cut at a column break (a headline may run on into its
    // subheadline: `…签署通令` / `嘉奖参加…`), unless extra blank lines before it open a
    // story (`…讲好中国之治` / `党的十九届…` reads `治党`).
    for i in 0..bs.len().saturating_sub(1) {
        if head_like[i]
            && bs[i].gap < 2
            && !head_like[i + 1]
            && kinds[i + 1] == Kind::Text
            && dateline(bs[i + 1].text).is_none()
            && cut_inside_word(bs[i].text, bs[i + 1].text)
        {
            head_like[i] = false;
        }
    }
    // A headline printed with a long subheadline on one line, straight over a dateline
    // (`李克强主持召开国务院常务会议 部署…；决定…`).
    for i in 0..bs.len().saturating_sub(1) {
        if !head_like[i]
            && kinds[i] == Kind::Text
            && is_long_headline_line(bs[i].text)
            && dateline(bs[i + 1].text).is_some()
        {
            head_like[i] = true;
        }
    }
    // A headline that asks or exclaims, over a dateline (under its subheadlines, if any) or
    // over a `——` subheadline.
    for i in 0..bs.len() {
        if head_like[i] || kinds[i] != Kind::Text || !is_exclaimed_headline(bs[i].text) {
            continue;
        }
        let subheaded = bs[i].text.contains(" ——")
            || bs.get(i + 1).is_some_and(|n| n.text.starts_with("——")) && head_like[i + 1];
        let mut j = i + 1;
        while j < bs.len() && head_like[j] && j - i < MAX_GROUP {
            j += 1;
        }
        // Over a byline, when a kicker leads into it or a story ended before it.
        let bylined_head = matches!(kinds.get(j), Some(Kind::Byline(_)))
            && i > 0
            && (head_like[i - 1] || ends_article(&bs, &kinds, i - 1));
        if subheaded || bylined_head || bs.get(j).is_some_and(|n| dateline(n.text).is_some()) {
            head_like[i] = true;
        }
    }
    // A kicker over a headline line, though it reads like a sentence: broken by commas
    // after an article's end, or asking or trailing off (`干部节后收心了吗？…`) where a
    // story begins, at the top of the page or after extra blank lines.
    for i in 0..bs.len().saturating_sub(1) {
        if head_like[i] || kinds[i] != Kind::Text || !head_like[i + 1] || bs[i + 1].gap >= 2 {
            continue;
        }
        let top = kinds[..i].iter().all(|k| *k == Kind::Header);
        // Not the rest of a paragraph cut at a column break (`…在鼓乐声` / `中走进了婚车，
        // 笑得那么温暖……`).
        let goes_on = i > 0
            && kinds[i - 1] == Kind::Text
            && !ends_paragraph(bs[i - 1].text)
            && !ends_article(&bs, &kinds, i - 1);
        let over_column =
            has_column_tag(bs[i + 1].text) && !ends_article(&bs, &kinds, i) && !goes_on;
        if (top || bs[i].gap >= 2 || over_column) && is_sentence_kicker(bs[i].text)
            || i > 0 && ends_article(&bs, &kinds, i - 1) && is_comma_kicker(bs[i].text)
        {
            head_like[i] = true;
        }
    }
    let mut page = Page {
        layout: Layout::Page,
        date: bs.iter().find_map(|b| header_day(b.text)),
        paper: None,
        articles: Vec::new(),
    };
    let text = text_blocks(&kinds);
    let trace = std::env::var_os("BAOSOU_SPLIT_TRACE").is_some();
    let mut cur: Option<Builder> = None;
    let mut opening = Opening::default();
    // Lines of the current article's last section head (0 before any).
    let mut last_head_lines = 0;
    let mut i = 0;
    while i < bs.len() {
        if head_like[i] {
            let mut j = i;
            // Extra blank lines end a group: what follows them is another item. Points under
            // a headline (`●城市低保标准同比增长7.2%`) are its subheadlines, however many.
            let point = |b: &Block| b.text.starts_with(['●', '■']);
            while j < bs.len()
                && head_like[j]
                && (j - i < MAX_GROUP || j > i + 1 && point(&bs[j]) && !point(&bs[i]))
                && (j == i || bs[j].gap < 2)
            {
                j += 1;
            }
            // Vocabulary of the text under the group, and shared across it, worked out once
            // and only when asked for.
            let under = OnceCell::new();
            let under = || {
                under.get_or_init(|| {
                    let kept = (j..bs.len()).filter(|&k| text[k]).map(|k| bs[k].text);
                    Bigrams::of(&cohesion::window(kept))
                })
            };
            let across = OnceCell::new();
            let cohesion = || {
                *across
                    .get_or_init(|| Bigrams::of(&cohesion::before(&bs, &text, i)).cosine(under()))
            };
            let (rule_says, why) =
                starts_article(&bs, &kinds, i, j, cur.as_ref(), opening, profile, &cohesion);
            // The model weighs in on the rules it may override (and every group is traced).
            let st = if trace || model::overrides(why) {
                let group_text: Vec<char> = bs[i..j].iter().flat_map(|b| b.text.chars()).collect();
                let group_words = Bigrams::of(&group_text);
                let group = model::Group {
                    rule: why,
                    lines: &bs[i..j],
                    prev: i.checked_sub(1).map(|k| &bs[k]),
                    prev_ends_article: i > 0 && ends_article(&bs, &kinds, i - 1),
                    next: bs.get(j),
                    next_is_byline: matches!(kinds.get(j), Some(Kind::Byline(_))),
                    after_next: bs.get(j + 1),
                    cohesion: cohesion(),
                    heads: cur.as_ref().map_or(0, |c| c.heads()),
                    span_len: cur.as_ref().map_or(0, |c| c.span_len()),
                    page_len: bs.last().map_or(0, |b| b.end),
                    headline_width: cur.as_ref().map_or(0, |c| width(&c.article.headline)),
                    has_kicker: cur.as_ref().is_some_and(|c| c.article.kicker.is_some()),
                    subheadlines: cur.as_ref().map_or(0, |c| c.article.subheadlines.len()),
                    bylines: cur.as_ref().map_or(0, |c| c.bylines()),
                    last_head_lines,
                    told: group_words.cosine(under()),
                    echo: cur
                        .as_ref()
                        .map_or(0.0, |c| Bigrams::of(&c.headlines()).cosine(&group_words)),
                    topic: cur.as_ref().map_or(0.0, |c| c.opening_cosine(under())),
                    dated: cur.as_ref().is_some_and(|c| c.article.dateline.is_some()),
                    in_column: cur
                        .as_ref()
                        .is_some_and(|c| has_column_tag(&c.article.headline)),
                };
                let st = group.decide(rule_says);
                if trace {
                    let features: Vec<String> =
                        group.features().iter().map(|x| x.to_string()).collect();
                    eprintln!(
                        "DBG\t{}\t{}\t{}\t{}\t{:.3}\t{}\t{}\t{}\t{:.3}\t{}\t{}",
                        bs[i].start,
                        st,
                        why,
                        j - i,
                        group.cohesion,
                        group.heads,
                        group.span_len,
                        rule_says,
                        group.start_probability(),
                        features.join(","),
                        bs[i].text
                    );
                }
                st
            } else {
                rule_says
            };
            if st {
                if let Some(done) = cur.take() {
                    page.articles.push(done.finish());
                }
                last_head_lines = 0;
                let mut b = Builder::new();
                let lines: Vec<&str> = bs[i..j].iter().map(|b| b.text).collect();
                let heads = assign(&lines);
                opening = Opening {
                    bylined: bylined(&bs, &kinds, j),
                    round_up: heads.kicker.as_deref() == Some(lines[0]) && is_round_up(lines[0]),
                };
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
            if let Some(builder) = cur.as_mut().filter(|c| !c.is_open()) {
                if why == "briefs" && builder.heads() == 0 {
                    builder.round_up();
                }
                // A section head inside the article, with any lines printed under it.
                for blk in &bs[i..j] {
                    builder.heading(blk);
                }
                last_head_lines = j - i;
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
                        builder.byline(reps.clone());
                    }
                    Kind::Production => builder.cover(b),
                    _ if is_text_label(b.text) => builder.heading(b),
                    _ => {
                        builder.text(b, bs.get(i + 1));
                        // A photo's source ends its caption, a reader's signature their
                        // letter and a credit note its text, though no stop ends them.
                        if is_photo_source(b.text)
                            || is_reader_signature(b.text)
                            || is_credit_note(b.text)
                        {
                            builder.close();
                        }
                    }
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
            .and_then(dateline)
            .and_then(|d| paper_name(&d.org).map(str::to_string));
        from_dateline.or_else(|| {
            a.reporters
                .iter()
                .find_map(|r| r.org.as_deref().and_then(paper_name).map(str::to_string))
        })
    });
    page
}

/// The blocks with each byline set after a paragraph's last sentence
/// (`……恢复正常。  本报记者  王明`) made a block of its own, straight under it.
fn tails_apart(bs: Vec<Block<'_>>) -> Vec<Block<'_>> {
    let mut out = Vec::with_capacity(bs.len());
    for b in bs {
        let Some(at) = byline::tail_byline(b.text) else {
            out.push(b);
            continue;
        };
        let body = trim(&b.text[..at]);
        let credit = &b.text[at..];
        let body_end = b.start + body.chars().count();
        let credit_start = b.start + b.text[..at].chars().count();
        out.push(Block {
            end: body_end,
            text: body,
            ..b
        });
        out.push(Block {
            start: credit_start,
            end: b.end,
            text: credit,
            gap: 0,
        });
    }
    out
}

/// Which blocks are text (body, headlines, captions) rather than bylines and furniture.
fn text_blocks(kinds: &[Kind]) -> Vec<bool> {
    kinds.iter().map(|k| *k == Kind::Text).collect()
}

/// True when block `i` is the kind of line an article ends with: a byline or credit, a jump,
/// a production credit, or a bracketed note (`（作者为…）`, `（本报伦敦2月2日电）`).
fn ends_article(bs: &[Block], kinds: &[Kind], i: usize) -> bool {
    match kinds[i] {
        Kind::Text => {
            let joined;
            let t = match i.checked_sub(1).map(|k| bs[k].text) {
                // A note cut in two at a column break: `（作者为原中央党史研究室副主任、` /
                // `北京市…研究中心学术顾问）`.
                Some(before)
                    if brackets_left_open(before) > 0 && brackets_left_open(bs[i].text) < 0 =>
                {
                    joined = format!("{}{}", trim(before), trim(bs[i].text));
                    &joined
                }
                _ => bs[i].text,
            };
            is_end_note(t) || is_credit_note(t) || is_signature(t) || is_photo_source(t)
        }
        _ => true,
    }
}

/// Brackets opened in `s` and not closed (negative when `s` closes more than it opens).
fn brackets_left_open(s: &str) -> i32 {
    s.chars()
        .map(|c| match c {
            '（' | '(' => 1,
            '）' | ')' => -1,
            _ => 0,
        })
        .sum()
}

/// The credit of a piece written down or translated by the paper's staff: `…整理`,
/// `（本报记者张明采访整理）`, `（…本报记者李华编译）`.
fn compiled(line: &str) -> bool {
    let line = trim(line);
    let line = line.strip_suffix(['）', ')']).unwrap_or(line);
    line.ends_with("整理") || line.ends_with("编译")
}

/// A photo credit printed under a caption: `新华社记者 李涛摄`, `郑家裕摄（人民视觉）`,
/// `影像中国`.
fn credits_photo(line: &str) -> bool {
    let line = line.trim();
    (line.ends_with('摄') || line.ends_with("摄影报道") || is_photo_source(line))
        && width(line) <= 40
}

/// A brief's closing credit: one or more names in brackets (`（王 婷）`, `（王 旭 姜 来）`).
fn credits_a_name(line: &str) -> bool {
    let Some(inner) = bracketed(line) else {
        return false;
    };
    let han = inner.chars().filter(|&c| is_han(c)).count();
    (2..=12).contains(&han) && inner.chars().all(|c| is_han(c) || is_space(c) || c == '、')
}

/// How the current article opened.
#[derive(Debug, Clone, Copy, Default)]
struct Opening {
    /// With a byline over plain text, as each story of a series does (`本报记者 王明` over
    /// its text, without a dateline).
    bylined: bool,
    /// With a round-up's name over the first item's headline (`速览`).
    round_up: bool,
}

/// The name of a round-up of briefs, printed over the first item's headline: `速览`,
/// `资讯速递`, `财经短波`, `数读`, `速览·国庆假期`. Not `…一线`: `2019春运一线` is a round-up,
/// `抗疫一线` a kicker.
fn is_round_up(line: &str) -> bool {
    const NAMES: [&str; 10] = [
        "速览", "速递", "快讯", "简讯", "短讯", "短波", "资讯", "数读", "阅读", "集萃",
    ];
    (2..=8).contains(&width(line))
        && line
            .chars()
            .all(|c| is_han(c) || c.is_ascii_digit() || c == '·')
        && NAMES.iter().any(|n| line.contains(n))
}

/// True when block `j`, under a headline group, is a byline over plain text rather than
/// over a dateline.
fn bylined(bs: &[Block], kinds: &[Kind], j: usize) -> bool {
    matches!(kinds.get(j), Some(Kind::Byline(_)))
        && bs.get(j + 1).is_none_or(|n| dateline(n.text).is_none())
}

/// Whether the headline-like blocks `i..j` open a new article, and the rule that decided
/// (printed with `BAOSOU_SPLIT_TRACE=1`, to study the splitter on a set of pages).
/// `cohesion` gives the vocabulary shared across the group.
#[allow(clippy::too_many_arguments)]
fn starts_article(
    bs: &[Block],
    kinds: &[Kind],
    i: usize,
    j: usize,
    cur: Option<&Builder>,
    opening: Opening,
    profile: &Profile,
    cohesion: &dyn Fn() -> f64,
) -> (bool, &'static str) {
    let next = bs.get(j);
    let strong = match kinds.get(j) {
        Some(Kind::Byline(_)) => true,
        // A dateline, or one cut at a column break before its `电` (`本报太原2月9日`), or
        // the date under the title of a speech or a document (`（二〇一九年二月三日）`).
        Some(Kind::Text) => next.is_some_and(|n| {
            dateline(n.text).is_some()
                || ends_with_day(n.text) && bs.get(j + 1).is_some_and(|m| m.text.starts_with('电'))
                || is_dated_note(n.text)
        }),
        _ => false,
    } || closing_note(bs[j - 1].text).is_some_and(|(title, note)| {
        // The date printed on the title's line (`…上的讲话 （2019年10月9日，北京）`).
        !title.is_empty() && is_dated_note(note)
    });
    let Some(cur) = cur else {
        return (true, "first");
    };
    if cur.is_open() {
        // The line goes on with a paragraph cut at a column break, even when a byline
        // follows: a credit closing the cut paragraph's article.
        return (false, "open");
    }
    // A headline over its abstract (`核心阅读`, `内容提要`): a story begins.
    if next.is_some_and(|n| is_abstract_label(n.text)) {
        return (true, "abstract");
    }
    let tagged = bs[i..j].iter().any(|b| has_column_tag(b.text));
    if strong {
        // A story under its own byline after another one: the next story of a series
        // printed as one article (`新春走基层`), unless extra blank lines part them or a
        // credit closed the story before (a paper that credits its stories at their end).
        let closed = i > 0 && matches!(kinds[i - 1], Kind::Byline(_));
        // A paper that credits its stories with bylines, under their headlines or after
        // them, prints no series or round-up that way: a headline over a byline opens a
        // story.
        let credits = profile.credits_under() || profile.credits_after();
        if credits && bylined(bs, kinds, j) {
            return (true, "credited");
        }
        if opening.bylined && bylined(bs, kinds, j) && bs[i].gap < 2 && !closed {
            return (false, "series");
        }
        // The next item of a round-up (`速览`, `资讯速递`), unless extra blank lines part
        // them or the item has a column of its own.
        if opening.round_up && !tagged && bs[i].gap < 2 {
            return (false, "briefs");
        }
        // The next item of a round-up of briefs (`资讯速递`, `财经短波`): a headline over a
        // dateline without a day (`本报电`), after the name closing the item before
        // (`（王 婷）`), and with no column of its own.
        let undated = next
            .and_then(|n| dateline(n.text))
            .is_some_and(|d| d.day.is_none());
        if undated && i > 0 && credits_a_name(bs[i - 1].text) && !tagged {
            return (false, "briefs");
        }
        // A headline over a byline over plain text, after an article without a dateline,
        // may be the first item of a round-up (the model weighs in); a dateline, or a `——`
        // subheadline, opens a story.
        let subheaded = bs[i..j].iter().any(|b| b.text.contains("——"));
        // A byline closing the story before, as papers that credit their stories at the
        // end print it: the story is over, and the group opens the next.
        if closed {
            return (true, "closed");
        }
        // Extra blank lines before it mark a new story, as they do over any headline.
        if bs[i].gap >= 2 {
            return (true, "gap");
        }
        let item = bylined(bs, kinds, j) && !subheaded && cur.article.dateline.is_none();
        return (true, if item { "bylined" } else { "strong" });
    }
    // Extra blank lines before a headline mark a new story on the page.
    if bs[i].gap >= 2 {
        return (true, "gap");
    }
    // Headline lines straight after headline lines, with no text between: a listing or a
    // table (programmes, names, chapters), not a run of articles without bodies.
    if !cur.has_body() {
        return (false, "nobody");
    }
    // Headline lines followed by text: a section head inside the article, or a new article
    // after one that has ended.
    let after_end = i > 0 && ends_article(bs, kinds, i - 1);
    let lines: Vec<&str> = bs[i..j].iter().map(|b| b.text).collect();
    let photo_news = j - i == 1 && next.is_some_and(|n| opening_day(n.text).is_some());
    // More headline-like lines than a headline group holds, run on without a break: a
    // listing (programmes, names, timetables) inside the article, unless a `——`
    // subheadline marks a headline over figures printed as a box (`44.42万` / `去年…`).
    let listing = j - i == MAX_GROUP
        && next.is_some_and(|n| n.gap < 2 && is_headline_like(n.text))
        && !is_subheaded_or_labelled(&lines);
    if listing {
        return (false, "listing");
    }
    // After the credit of a compiled piece (`本报记者 王明整理`, `（…编译）`): interviews,
    // speeches and translations are printed as collections, the next item in the same one,
    // though a speaker's line leads into its headline (`…代表：`, `…讲述：`); a subheadline
    // or a photo label opens the next article.
    if after_end && compiled(bs[i - 1].text) && !is_subheaded_or_labelled(&lines) {
        return (false, "compiled");
    }
    if is_marked_group(&lines) {
        return (true, "marked");
    }
    if photo_news {
        // A photo item with its caption, unless the caption goes on with the story before:
        // then the line is a section head over a paragraph that opens with a day.
        return (cohesion() < PHOTO_COHESION, "photo");
    }
    // A reporter's notes printed straight after the story (`…（记者手记）`, no credit
    // between them) are part of it.
    let notes = j - i == 1 && closing_note(bs[i].text).is_some_and(|(_, tag)| staff_column(tag));
    if notes && !after_end {
        return (false, "notes");
    }
    if after_end || tagged {
        let r = !(j - i == 1 && is_section_head(bs[i].text) && !tagged);
        return (r, if after_end { "after_end" } else { "tagged" });
    }
    // Unmarked headline lines after a finished paragraph, in an article without section
    // heads so far: a new article when the text after them shares little vocabulary with
    // the text before, and they are more than one line or the article is already long
    // (and not the first lines of a listing).
    let unrelated = || cohesion() < NEW_TOPIC_COHESION;
    let listing = next.is_some_and(|n| is_headline_like(n.text));
    // A line broken by two commas is more likely a paragraph cut at a column break.
    let run_on = lines.iter().any(|l| l.matches('，').count() >= 2);
    // A single line over a caption and a photo credit: a photo item of its own.
    if j - i == 1 && bs.iter().skip(j + 1).take(2).any(|b| credits_photo(b.text)) {
        return (true, "photo_item");
    }
    if cur.heads() > 0 {
        // Section heads come one line at a time; a longer line over a shorter one is a
        // kicker over a headline, when the text after them tells another story.
        let kicker_pair =
            j - i == 2 && !lines[0].ends_with("——") && width(lines[0]) > width(lines[1]) + 2;
        return (kicker_pair && unrelated(), "heads");
    }
    if listing || run_on {
        return (false, "run_on");
    }
    if j - i < 2 && cur.span_len() < LONG_ARTICLE {
        return (false, "short");
    }
    (unrelated(), "cohesion")
}

/// Bigram cosine across unmarked headline lines below which the text after them tells
/// another story.
const NEW_TOPIC_COHESION: f64 = 0.05;

/// Chars after which an article without section heads is long enough that a single
/// unmarked headline line over unrelated text starts the next one.
const LONG_ARTICLE: usize = 400;

#[cfg(test)]
mod tests {
    use super::*;

    /// (headline, subheadlines, kicker, reporter names, dateline, jumps, body)
    type Want<'a> = (
        &'a str,
        Vec<&'a str>,
        Option<&'a str>,
        Vec<&'a str>,
        Option<&'a str>,
        Vec<&'a str>,
        &'a str,
    );

    /// The parts of one article as owned values.
    type Got = (
        String,
        Vec<String>,
        Option<String>,
        Vec<String>,
        Option<String>,
        Vec<String>,
        String,
    );

    fn got(text: &str) -> Vec<Got> {
        split_page(text)
            .articles
            .into_iter()
            .map(|a| {
                let names = a.reporter_names().iter().map(|s| s.to_string()).collect();
                (
                    a.headline,
                    a.subheadlines,
                    a.kicker,
                    names,
                    a.dateline,
                    a.jumps,
                    a.body,
                )
            })
            .collect()
    }

    #[test]
    fn pages() {
        let table: Vec<(&str, Vec<Want>)> = vec![
            // Headline, subheadline, staff byline, dateline; a paragraph cut mid-word.
            (
                "区委召开会议\n\n听取工作汇报 研究工作要点 部署防控工作\n\n湘江日报记者 王 明\n\n湘江日报讯 3月2日，区委召开会议，市政\n\n府党组参加。\n",
                vec![("区委召开会议", vec!["听取工作汇报 研究工作要点 部署防控工作"], None, vec!["王明"], Some("湘江日报讯 3月2日"), vec![], "湘江日报讯 3月2日，区委召开会议，市政府党组参加。")],
            ),
            // A section head stays inside; a jump line leaves the body; a photo item after it.
            (
                "春耕有序推进 农资供应充足\n\n——各地抓好春耕生产\n\n湘江日报记者 李华\n\n各地农民忙春耕。\n\n越是农时紧，越要抓质量\n\n农技人员下田指导。\n\n下转 A2 版\n\n无人机 洒农药\n\n3月1日，一架无人机在田间作业。\n\n湘江日报记者 周红 通讯员/陈亮 摄\n",
                vec![
                    ("春耕有序推进 农资供应充足", vec!["——各地抓好春耕生产"], None, vec!["李华"], None, vec!["下转 A2 版"], "各地农民忙春耕。\n越是农时紧，越要抓质量\n农技人员下田指导。"),
                    ("无人机 洒农药", vec![], None, vec!["周红", "陈亮"], None, vec![], "3月1日，一架无人机在田间作业。"),
                ],
            ),
            // Headline and subheadline on one line, a column tag, an agency byline; a
            // bracketed credit after a dateline starts the next article.
            (
                "新城产业链“火花飞溅” ——走访动力谷\n\n央媒看湘江\n\n新华社记者 张强\n\n走进动力谷，机器轰鸣。\n\n（本报记者 赵云）\n\n两国签署合作文件\n\n本报北京5月11日电 （记者徐明、刘 欣）两国今天签署文件。\n",
                vec![
                    ("新城产业链“火花飞溅”", vec!["——走访动力谷"], Some("央媒看湘江"), vec!["张强"], None, vec![], "走进动力谷，机器轰鸣。\n（本报记者 赵云）"),
                    ("两国签署合作文件", vec![], None, vec!["徐明", "刘欣"], Some("本报北京5月11日电"), vec![], "本报北京5月11日电 （记者徐明、刘 欣）两国今天签署文件。"),
                ],
            ),
            // A listing of short lines under a headline stays one article; a section head
            // of two lines does not make its second line a photo item.
            (
                "节目单\n\n湘江日报记者 王明\n\n晚会节目如下。\n\n1.歌舞《春风》\n\n2.相声《新年》\n\n3.小品《回家》\n\n4.魔术《惊喜》\n\n5.合唱《明天》\n\n6.舞蹈《花开》\n",
                vec![("节目单", vec![], None, vec!["王明"], None, vec![], "晚会节目如下。\n1.歌舞《春风》\n2.相声《新年》\n3.小品《回家》\n4.魔术《惊喜》\n5.合唱《明天》\n6.舞蹈《花开》")],
            ),
            (
                "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。\n\n稳步推进\n\n新厂房成为产业高地\n\n3月1日，园区新厂房封顶。\n",
                vec![("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设。\n稳步推进\n新厂房成为产业高地\n3月1日，园区新厂房封顶。")],
            ),
            // Two unmarked headline lines after a finished article, over text that tells
            // another story: the next article.
            (
                "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满，用工需求旺盛。\n\n园区负责人介绍，新厂房建成后将吸引更多企业入驻，带动就业岗位两千个以上，园区产值有望再上新台阶。下一步，园区将继续优化营商环境，为企业发展做好服务。\n\n山村小学\n\n迎来新老师\n\n开学第一天，孩子们围着老师唱歌跳舞。新老师是师范大学毕业生，主动申请来到山区任教，她说要让山里的孩子也能学好音乐和美术。\n\n学校校长说，这几年县里通过定向培养和公开招聘，为山区学校补充了一批年轻教师，学校的课程越来越齐全，孩子们的笑声也越来越多。\n",
                vec![
                    ("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满，用工需求旺盛。\n园区负责人介绍，新厂房建成后将吸引更多企业入驻，带动就业岗位两千个以上，园区产值有望再上新台阶。下一步，园区将继续优化营商环境，为企业发展做好服务。"),
                    ("迎来新老师", vec![], Some("山村小学"), vec![], None, vec![], "开学第一天，孩子们围着老师唱歌跳舞。新老师是师范大学毕业生，主动申请来到山区任教，她说要让山里的孩子也能学好音乐和美术。\n学校校长说，这几年县里通过定向培养和公开招聘，为山区学校补充了一批年轻教师，学校的课程越来越齐全，孩子们的笑声也越来越多。"),
                ],
            ),
            // A line over a paragraph opening with a day, in the same story: a section head.
            (
                "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设，园区企业加快生产。\n\n新厂房加快建设\n\n3月1日，园区新厂房封顶，园区企业陆续入驻新厂房。\n",
                vec![("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设，园区企业加快生产。\n新厂房加快建设\n3月1日，园区新厂房封顶，园区企业陆续入驻新厂房。")],
            ),
            // A headline-like line that goes on with a cut paragraph, though a credit follows.
            (
                "园区建设提速\n\n园区新厂房今年开工建设，园区内的各家企业纷纷加快生产进度，力争早日\n\n投产\n\n湘江日报记者 王明\n",
                vec![("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房今年开工建设，园区内的各家企业纷纷加快生产进度，力争早日投产")],
            ),
            // A credit line, then extra blank lines: the headline group after them starts
            // there, not at the credit.
            (
                "河边新景\n\n3月1日，市民在河边散步。\n\n新华社发\n\n\n\n外交部发言人——\n\n敦促有关国家停止抹黑\n\n本报北京2月12日电 （记者吴刚）外交部发言人表示反对。\n",
                vec![
                    ("河边新景", vec![], None, vec![], None, vec![], "3月1日，市民在河边散步。\n新华社发"),
                    ("敦促有关国家停止抹黑", vec![], Some("外交部发言人——"), vec!["吴刚"], Some("本报北京2月12日电"), vec![], "本报北京2月12日电 （记者吴刚）外交部发言人表示反对。"),
                ],
            ),
            // A listing that runs on after an end note, its first item bracketed like a
            // column name: still the same article.
            (
                "节目单\n\n湘江日报记者 王明\n\n晚会节目如下。\n\n（完）\n\n1.歌舞《春风》（合唱团）\n\n2.相声《新年》\n\n3.小品《回家》\n\n4.魔术《惊喜》\n\n5.合唱《明天》\n",
                vec![("节目单", vec![], None, vec!["王明"], None, vec![], "晚会节目如下。\n（完）\n1.歌舞《春风》（合唱团）\n2.相声《新年》\n3.小品《回家》\n4.魔术《惊喜》\n5.合唱《明天》")],
            ),
            // After extra blank lines a headline opens a story even when its last word
            // reads on into the text under it (`之治` / `党的`: `治党`), which would mark
            // a paragraph cut at a column break elsewhere.
            (
                "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n\n\n读懂中国之治\n\n党的建设是治理的根本，全书分十二章。\n",
                vec![
                    ("园区建设提速", vec![], None, vec![], None, vec![], "园区新厂房开工建设，园区企业加快生产。"),
                    ("读懂中国之治", vec![], None, vec![], None, vec![], "党的建设是治理的根本，全书分十二章。"),
                ],
            ),
            // A dateline cut before its `电` after a headline line: a new article.
            (
                "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n小学开学\n\n湘江日报长沙3月2日\n\n电 孩子们围着老师唱歌。\n",
                vec![
                    ("园区建设提速", vec![], None, vec![], None, vec![], "园区新厂房开工建设，园区企业加快生产。"),
                    ("小学开学", vec![], None, vec![], Some("湘江日报长沙3月2日电"), vec![], "湘江日报长沙3月2日电 孩子们围着老师唱歌。"),
                ],
            ),
            // A kicker broken by commas after an end note, over a headline line.
            (
                "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满，用工需求旺盛。\n\n园区负责人介绍，新厂房建成后将吸引更多企业入驻，带动就业岗位两千个以上，园区产值有望再上新台阶。\n\n（完）\n\n据统计，今年以来，新开工项目增加了一倍\n\n山村小学迎来新老师\n\n开学第一天，孩子们围着老师唱歌跳舞。新老师是师范大学毕业生，主动申请来到山区任教，她说要让山里的孩子也能学好音乐和美术。\n\n学校校长说，这几年县里通过定向培养和公开招聘，为山区学校补充了一批年轻教师，学校的课程越来越齐全。\n",
                vec![
                    ("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满，用工需求旺盛。\n园区负责人介绍，新厂房建成后将吸引更多企业入驻，带动就业岗位两千个以上，园区产值有望再上新台阶。\n（完）"),
                    ("山村小学迎来新老师", vec![], Some("据统计，今年以来，新开工项目增加了一倍"), vec![], None, vec![], "开学第一天，孩子们围着老师唱歌跳舞。新老师是师范大学毕业生，主动申请来到山区任教，她说要让山里的孩子也能学好音乐和美术。\n学校校长说，这几年县里通过定向培养和公开招聘，为山区学校补充了一批年轻教师，学校的课程越来越齐全。"),
                ],
            ),
            // Short lines broken by two commas over unrelated text: cut text, not a headline.
            (
                "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。\n\n在城东，在城西，在城南\n\n在城北，在郊外，在乡村\n\n到处是忙碌的工地。\n",
                vec![("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设。\n在城东，在城西，在城南\n在城北，在郊外，在乡村\n到处是忙碌的工地。")],
            ),
            // A photo's source line ends its item and is no kicker of the next headline.
            (
                "河边新景\n\n3月1日，市民在河边散步。\n\n影像中国\n\n大米出口创新高\n\n据新华社金边1月1日电  （记者毛鹏飞）出口量增加。\n",
                vec![
                    ("河边新景", vec![], None, vec![], None, vec![], "3月1日，市民在河边散步。\n影像中国"),
                    ("大米出口创新高", vec![], None, vec!["毛鹏飞"], Some("据新华社金边1月1日电"), vec![], "据新华社金边1月1日电  （记者毛鹏飞）出口量增加。"),
                ],
            ),
            // A reader's signature closes the letter, and is no kicker of the next one (under
            // a dateline here: whether a headline over plain text after a signature starts
            // an article is the model's call, and on the labelled pages letters more often
            // run on).
            (
                "来信说事\n\n网络平台要担负起社会责任，加强信息审核。近来，一些网络平台对发布的信息把关不严，虚假信息时有出现，损害了群众利益，希望有关部门加强监管。\n\n辽宁大连市\u{a0}王艺侨\n\n身边事\n\n乡村企业应予重视\n\n湘江日报讯 3月2日，各地兴办了不少乡村企业，对促进乡村振兴、增加农民收入发挥了积极作用。但也有一些企业长期停产，成为“僵尸企业”，占用了土地和资金。\n\n建议有关部门摸清底数，分类处置，盘活闲置资源。\n",
                vec![
                    ("来信说事", vec![], None, vec![], None, vec![], "网络平台要担负起社会责任，加强信息审核。近来，一些网络平台对发布的信息把关不严，虚假信息时有出现，损害了群众利益，希望有关部门加强监管。\n辽宁大连市\u{a0}王艺侨"),
                    ("乡村企业应予重视", vec![], Some("身边事"), vec![], Some("湘江日报讯 3月2日"), vec![], "湘江日报讯 3月2日，各地兴办了不少乡村企业，对促进乡村振兴、增加农民收入发挥了积极作用。但也有一些企业长期停产，成为“僵尸企业”，占用了土地和资金。\n建议有关部门摸清底数，分类处置，盘活闲置资源。"),
                ],
            ),
            // A label ending in a verb of speech over a speaker's description: a sidebar
            // inside the article, not a new one.
            (
                "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设，园区企业加快生产。\n\n亲历者说\n\n讲述人：李华，园区工程师\n\n“园区新厂房开工建设那年，园区企业还很少。”\n",
                vec![("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设，园区企业加快生产。\n亲历者说\n讲述人：李华，园区工程师\n“园区新厂房开工建设那年，园区企业还很少。”")],
            ),
            // A kicker that asks, at the top of the page, over the headline.
            (
                "干部节后收心了吗？服务热心了吗？\n\n首个工作日 干事有状态\n\n11日是春节假期后第一个工作日。\n",
                vec![("首个工作日 干事有状态", vec![], Some("干部节后收心了吗？服务热心了吗？"), vec![], None, vec![], "11日是春节假期后第一个工作日。")],
            ),
            // Stories of a series, each under its own byline over plain text: one article.
            // Under bylines over datelines, they are articles of their own.
            (
                "新春走基层\n\n山村小学\n\n迎来新老师\n\n湘江日报记者 王明\n\n开学第一天，孩子们围着老师唱歌跳舞。\n\n河边人家\n\n过年更热闹\n\n湘江日报记者 李华\n\n大年三十，河边人家贴春联。\n",
                vec![("山村小学", vec!["迎来新老师"], Some("新春走基层"), vec!["王明", "李华"], None, vec![], "开学第一天，孩子们围着老师唱歌跳舞。\n河边人家\n过年更热闹\n大年三十，河边人家贴春联。")],
            ),
            (
                "区委召开会议\n\n湘江日报记者 王明\n\n湘江日报讯 3月2日，区委召开会议。\n\n市政府召开会议\n\n湘江日报记者 李华\n\n湘江日报讯 3月2日，市政府召开会议。\n",
                vec![
                    ("区委召开会议", vec![], None, vec!["王明"], Some("湘江日报讯 3月2日"), vec![], "湘江日报讯 3月2日，区委召开会议。"),
                    ("市政府召开会议", vec![], None, vec!["李华"], Some("湘江日报讯 3月2日"), vec![], "湘江日报讯 3月2日，市政府召开会议。"),
                ],
            ),
            // After a section head, a longer line over a shorter one, over another story:
            // a kicker and headline opening the next article.
            (
                "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满，用工需求旺盛。\n\n园区负责人介绍，新厂房建成后将吸引更多企业入驻，带动就业岗位两千个以上，园区产值有望再上新台阶。\n\n稳步推进\n\n园区企业陆续入驻新厂房，一期工程已经投产，二期工程正在加紧建设，预计年底前全面完工。\n\n东湖小学开展课外阅读活动，让学生爱上读书\n\n书香飘满整个校园\n\n东湖小学近日开展课外阅读活动，孩子们在校园里读书、分享读书心得，书香飘满整个校园。\n\n校长说，学校每周安排两节阅读课，让学生爱上读书，养成课外阅读的好习惯。\n",
                vec![
                    ("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满，用工需求旺盛。\n园区负责人介绍，新厂房建成后将吸引更多企业入驻，带动就业岗位两千个以上，园区产值有望再上新台阶。\n稳步推进\n园区企业陆续入驻新厂房，一期工程已经投产，二期工程正在加紧建设，预计年底前全面完工。"),
                    ("书香飘满整个校园", vec![], Some("东湖小学开展课外阅读活动，让学生爱上读书"), vec![], None, vec![], "东湖小学近日开展课外阅读活动，孩子们在校园里读书、分享读书心得，书香飘满整个校园。\n校长说，学校每周安排两节阅读课，让学生爱上读书，养成课外阅读的好习惯。"),
                ],
            ),
            // A credit note closes its article, though brackets close it like a column name.
            (
                "治理之道\n\n制度优势要转化为治理效能。\n\n（作者为中央党校（国家行政学院）教授）\n\n伟大成就来自艰苦奋斗（思想纵横）\n\n七十年来，全国各族人民同心同德。\n",
                vec![
                    ("治理之道", vec![], None, vec![], None, vec![], "制度优势要转化为治理效能。\n（作者为中央党校（国家行政学院）教授）"),
                    ("伟大成就来自艰苦奋斗（思想纵横）", vec![], None, vec![], None, vec![], "七十年来，全国各族人民同心同德。"),
                ],
            ),
            // The same note cut in two at a column break, after an article with a section
            // head.
            (
                "治理之道\n\n制度优势要转化为治理效能。\n\n发挥优势\n\n治理效能不断提升。\n\n（作者为中央党校（国家行政学院）教授、\n\n省发展研究中心研究员）\n\n伟大成就来自艰苦奋斗\n\n七十年来，全国各族人民同心同德，治理效能不断提升。\n",
                vec![
                    ("治理之道", vec![], None, vec![], None, vec![], "制度优势要转化为治理效能。\n发挥优势\n治理效能不断提升。\n（作者为中央党校（国家行政学院）教授、省发展研究中心研究员）"),
                    ("伟大成就来自艰苦奋斗", vec![], None, vec![], None, vec![], "七十年来，全国各族人民同心同德，治理效能不断提升。"),
                ],
            ),
            // A headline over its abstract, after an article with section heads.
            (
                "治理之道\n\n制度优势要转化为治理效能。\n\n发挥优势\n\n治理效能不断提升。\n\n推动改革走得更稳\n\n内容提要\n\n推动改革走得更稳，制度优势要转化为治理效能。\n\n改革开放是决定当代中国命运的关键一招。\n",
                vec![
                    ("治理之道", vec![], None, vec![], None, vec![], "制度优势要转化为治理效能。\n发挥优势\n治理效能不断提升。"),
                    ("推动改革走得更稳", vec![], None, vec![], None, vec![], "内容提要\n推动改革走得更稳，制度优势要转化为治理效能。\n改革开放是决定当代中国命运的关键一招。"),
                ],
            ),
            // A single line over a caption and a photo credit, after an article with
            // section heads: a photo item of its own.
            (
                "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。\n\n稳步推进\n\n园区企业陆续入驻新厂房，园区企业加快生产。\n\n驯马成景\n\n锡林浩特市凤凰马场近日进行了一场驯马活动，骑手们赶着马群奔跑。\n\n关迎春摄（影像中国）\n",
                vec![
                    ("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设。\n稳步推进\n园区企业陆续入驻新厂房，园区企业加快生产。"),
                    ("驯马成景", vec![], None, vec!["关迎春"], None, vec![], "锡林浩特市凤凰马场近日进行了一场驯马活动，骑手们赶着马群奔跑。"),
                ],
            ),
            // A label over the text is a paragraph of the body, not a headline line, and
            // the paragraph under it does not run on into it.
            (
                "议事不出社区 服务上门入户（倾听）\n\n核心阅读\n\n城区推动社会治理重心向基层下移。\n\n城区四周环山。\n",
                vec![("议事不出社区 服务上门入户（倾听）", vec![], None, vec![], None, vec![], "核心阅读\n城区推动社会治理重心向基层下移。\n城区四周环山。")],
            ),
            // A speaker's name with their post in brackets is no headline with its column.
            (
                "文艺座谈\n\n湘江日报记者 王明\n\n文艺工作者座谈交流，戏曲工作者发言。\n\n用戏曲形式讲好故事\n\n袁慧琴（京剧院副院长）\n\n戏曲工作者坚持守正创新，文艺工作者座谈交流。\n",
                vec![("文艺座谈", vec![], None, vec!["王明"], None, vec![], "文艺工作者座谈交流，戏曲工作者发言。\n用戏曲形式讲好故事\n袁慧琴（京剧院副院长）\n戏曲工作者坚持守正创新，文艺工作者座谈交流。")],
            ),
            // A headline with a subheadline of several clauses on one line, too long for a
            // headline line, straight over a dateline: the next article.
            (
                "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n国务院总理主持召开国务院常务会议 部署不误农时切实抓好春季农业生产；决定阶段性减免企业社保费和实施企业缓缴住房公积金政策，多措并举稳企业稳就业\n\n新华社北京2月18日电 国务院召开常务会议，部署抓好春季农业生产。\n",
                vec![
                    ("园区建设提速", vec![], None, vec![], None, vec![], "园区新厂房开工建设，园区企业加快生产。"),
                    ("国务院总理主持召开国务院常务会议", vec!["部署不误农时切实抓好春季农业生产；决定阶段性减免企业社保费和实施企业缓缴住房公积金政策，多措并举稳企业稳就业"], None, vec![], Some("新华社北京2月18日电"), vec![], "新华社北京2月18日电 国务院召开常务会议，部署抓好春季农业生产。"),
                ],
            ),
            // A paragraph cut inside a word (`集` / `中在`) after a comma, short enough for a
            // headline line: text, rejoined, not a section head.
            (
                "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满。\n\n园区负责人介绍，当前园区企业主要集\n\n中在装备制造和新材料两个领域，今年新签约项目十二个，总投资超过五十亿元。\n",
                vec![("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满。\n园区负责人介绍，当前园区企业主要集中在装备制造和新材料两个领域，今年新签约项目十二个，总投资超过五十亿元。")],
            ),
            // A headline may run on into its subheadline (`通令` / `嘉奖`, one word across
            // the lines): still a headline.
            (
                "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n军委主席签署通令\n\n嘉奖参加世界军人运动会运动员教练员\n\n新华社北京10月29日电 军委主席签署通令，嘉奖运动员和教练员。\n",
                vec![
                    ("园区建设提速", vec![], None, vec![], None, vec![], "园区新厂房开工建设，园区企业加快生产。"),
                    ("军委主席签署通令", vec!["嘉奖参加世界军人运动会运动员教练员"], None, vec![], Some("新华社北京10月29日电"), vec![], "新华社北京10月29日电 军委主席签署通令，嘉奖运动员和教练员。"),
                ],
            ),
            // Speeches written down by reporters, each closed by its credit: one collection.
            (
                "代表委员谈民生（两会·声音）\n\n稳就业 保民生\n\n张明代表（江南省人大常委会副主任）\n\n就业是最大的民生。今年以来，面对经济下行压力，各地出台了一系列稳就业政策，帮助企业渡过难关。我们要继续落实减税降费政策，鼓励企业稳定岗位，支持高校毕业生到基层就业，让群众的饭碗端得更稳。\n\n稳就业要抓住重点群体。高校毕业生、农民工、退役军人是就业的重点群体，要为他们提供更多培训机会和就业岗位，加强职业技能培训，提升就业能力，让他们在家门口就能找到合适的工作。\n\n保民生要兜住底线。对生活困难的群众，要及时纳入低保范围，做到应保尽保，确保基本生活不受影响，让群众切实感受到党和政府的温暖。\n\n本报记者 王明整理\n\n把好事办好\n\n李华委员（江南大学校长）\n\n教育关系千家万户。要加大对农村学校的投入，改善办学条件，补齐师资短板，让农村孩子在家门口就能上好学。同时要推动职业教育与产业需求对接，培养更多技术技能人才，为稳就业保民生提供人才支撑。\n\n办好教育要关心教师。要提高乡村教师待遇，完善乡村教师职称评聘制度，让优秀教师留得住、教得好，让每个孩子都能享有公平而有质量的教育。\n\n本报记者 赵云整理\n",
                vec![("代表委员谈民生（两会·声音）", vec!["稳就业 保民生", "张明代表（江南省人大常委会副主任）"], None, vec!["王明", "赵云"], None, vec![], "就业是最大的民生。今年以来，面对经济下行压力，各地出台了一系列稳就业政策，帮助企业渡过难关。我们要继续落实减税降费政策，鼓励企业稳定岗位，支持高校毕业生到基层就业，让群众的饭碗端得更稳。\n稳就业要抓住重点群体。高校毕业生、农民工、退役军人是就业的重点群体，要为他们提供更多培训机会和就业岗位，加强职业技能培训，提升就业能力，让他们在家门口就能找到合适的工作。\n保民生要兜住底线。对生活困难的群众，要及时纳入低保范围，做到应保尽保，确保基本生活不受影响，让群众切实感受到党和政府的温暖。\n把好事办好\n李华委员（江南大学校长）\n教育关系千家万户。要加大对农村学校的投入，改善办学条件，补齐师资短板，让农村孩子在家门口就能上好学。同时要推动职业教育与产业需求对接，培养更多技术技能人才，为稳就业保民生提供人才支撑。\n办好教育要关心教师。要提高乡村教师待遇，完善乡村教师职称评聘制度，让优秀教师留得住、教得好，让每个孩子都能享有公平而有质量的教育。")],
            ),
            // A reporter's notes after the story they come from, closed by its filing
            // place: an article of their own, headed by a line that exclaims before its
            // column (`记者手记` is the column, not a credit).
            (
                "两国合作结硕果\n\n本报记者 徐明\n\n两国今天签署合作文件，合作项目涵盖能源、交通和农业。\n\n（本报北京5月11日电）\n\n“谢谢你们，中国记者！”（记者手记）\n\n采访结束时，当地官员一再向记者道谢，感谢中国企业带来的工作岗位。\n",
                vec![
                    ("两国合作结硕果", vec![], None, vec!["徐明"], None, vec![], "两国今天签署合作文件，合作项目涵盖能源、交通和农业。\n（本报北京5月11日电）"),
                    ("“谢谢你们，中国记者！”（记者手记）", vec![], None, vec![], None, vec![], "采访结束时，当地官员一再向记者道谢，感谢中国企业带来的工作岗位。"),
                ],
            ),
            // A headline over more points than a headline group holds, then its dateline.
            (
                "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n一千八百多万贫困人口纳入社会救助兜底保障（权威发布）\n\n●城市低保标准同比增长7.2%\n\n●农村低保标准同比增长12.4%\n\n●4500多万低保对象基本生活得到更好保障\n\n●养老院所涉安全质量隐患解决90%以上\n\n本报北京2月21日电 （记者李昌禹）民政部21日召开新闻发布会。\n",
                vec![
                    ("园区建设提速", vec![], None, vec![], None, vec![], "园区新厂房开工建设，园区企业加快生产。"),
                    ("一千八百多万贫困人口纳入社会救助兜底保障（权威发布）", vec!["●城市低保标准同比增长7.2%", "●农村低保标准同比增长12.4%", "●4500多万低保对象基本生活得到更好保障", "●养老院所涉安全质量隐患解决90%以上"], None, vec!["李昌禹"], Some("本报北京2月21日电"), vec![], "本报北京2月21日电 （记者李昌禹）民政部21日召开新闻发布会。"),
                ],
            ),
            // A reporter's notes printed straight after the story, with no credit between:
            // part of it.
            (
                "为保障职工权益找办法\n\n本报记者 王明\n\n全国人大代表陈科含连续几天都工作到晚上10点多，为职工权益奔走。\n\n凝聚更多共识（记者手记）\n\n不管是电话聊还是见面谈，陈科含从来都不厌其烦。\n",
                vec![("为保障职工权益找办法", vec![], None, vec!["王明"], None, vec![], "全国人大代表陈科含连续几天都工作到晚上10点多，为职工权益奔走。\n凝聚更多共识（记者手记）\n不管是电话聊还是见面谈，陈科含从来都不厌其烦。")],
            ),
            // A headline that asks, over a dateline; a headline whose last word would run on
            // into the dateline under it (`第一课` + `本报`: `课本`) is still one.
            (
                "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n新型冠状病毒，我们该怎么预防？\n\n新华社北京1月20日电 （记者屈婷）国家卫生健康委员会回应说，疫情可防可控。\n\n上海开学迎来环保第一课\n\n本报上海2月20日电 （记者姜泓冰）上海市中小学迎来新学期第一课。\n",
                vec![
                    ("园区建设提速", vec![], None, vec![], None, vec![], "园区新厂房开工建设，园区企业加快生产。"),
                    ("新型冠状病毒，我们该怎么预防？", vec![], None, vec!["屈婷"], Some("新华社北京1月20日电"), vec![], "新华社北京1月20日电 （记者屈婷）国家卫生健康委员会回应说，疫情可防可控。"),
                    ("上海开学迎来环保第一课", vec![], None, vec!["姜泓冰"], Some("本报上海2月20日电"), vec![], "本报上海2月20日电 （记者姜泓冰）上海市中小学迎来新学期第一课。"),
                ],
            ),
            // A kicker that reads like a sentence over a headline in its column, after a
            // reader's letter.
            (
                "来信\n\n园区新厂房开工建设，园区企业加快生产。\n\n山东济南市  马洪利\n\n占地220亩的龙潭水乡，没几年工夫，商铺关门、游人寥寥\n\n仿古小镇为何昙花一现（来信调查）\n\n编辑同志：位于成都市的龙潭水乡投资巨大，如今游人寥寥。\n",
                vec![
                    ("来信", vec![], None, vec![], None, vec![], "园区新厂房开工建设，园区企业加快生产。\n山东济南市  马洪利"),
                    ("仿古小镇为何昙花一现（来信调查）", vec![], Some("占地220亩的龙潭水乡，没几年工夫，商铺关门、游人寥寥"), vec![], None, vec![], "编辑同志：位于成都市的龙潭水乡投资巨大，如今游人寥寥。"),
                ],
            ),
            // Interviews written down by reporters, each headline led in by its speaker:
            // still one collection after a credit; a photo label after one opens an item.
            (
                "代表委员谈民生（两会·声音）\n\n张明代表：\n\n稳就业 保民生\n\n就业是最大的民生，我们要继续落实减税降费政策，鼓励企业稳定岗位。\n\n本报记者 王明整理\n\n李华委员：\n\n把好事办好\n\n教育关系千家万户，要加大对农村学校的投入，改善办学条件。\n\n本报记者 赵云整理\n\n图片报道\n\n5月22日，代表委员步入会场。\n",
                vec![
                    ("代表委员谈民生（两会·声音）", vec!["张明代表：", "稳就业 保民生"], None, vec!["王明", "赵云"], None, vec![], "就业是最大的民生，我们要继续落实减税降费政策，鼓励企业稳定岗位。\n李华委员：\n把好事办好\n教育关系千家万户，要加大对农村学校的投入，改善办学条件。"),
                    ("图片报道", vec![], None, vec![], None, vec![], "5月22日，代表委员步入会场。"),
                ],
            ),
            // A round-up under its name: items over their own datelines stay in it.
            (
                "速览\n\n前6天全国发送旅客5.2亿人次\n\n本报北京10月7日电 （记者刘志强）记者从有关部门获悉，前6天全国发送旅客5.2亿人次。\n\n前6天全国出入境1045万人次\n\n本报北京10月7日电 （记者张璁）记者从国家移民管理局获悉，出入境人员1045万人次。\n",
                vec![("速览", vec![], None, vec!["刘志强", "张璁"], Some("本报北京10月7日电"), vec![], "前6天全国发送旅客5.2亿人次\n本报北京10月7日电 （记者刘志强）记者从有关部门获悉，前6天全国发送旅客5.2亿人次。\n前6天全国出入境1045万人次\n本报北京10月7日电 （记者张璁）记者从国家移民管理局获悉，出入境人员1045万人次。")],
            ),
            // A speech printed after an article with section heads: its title over the
            // date it was given opens an article, as a dateline would.
            (
                "春节团拜会在京举行\n\n新华社北京2月3日电 春节团拜会3日上午在人民大会堂举行。\n\n共迎新春\n\n大会堂里暖意融融，欢声笑语。\n\n在二〇一九年春节团拜会上的讲话\n\n（二〇一九年二月三日）\n\n同志们，朋友们：春节就要到了，我们在这里欢聚一堂。\n",
                vec![
                    ("春节团拜会在京举行", vec![], None, vec![], Some("新华社北京2月3日电"), vec![], "新华社北京2月3日电 春节团拜会3日上午在人民大会堂举行。\n共迎新春\n大会堂里暖意融融，欢声笑语。"),
                    ("在二〇一九年春节团拜会上的讲话", vec![], None, vec![], None, vec![], "（二〇一九年二月三日）\n同志们，朋友们：春节就要到了，我们在这里欢聚一堂。"),
                ],
            ),
            // A paragraph closed by a note after its last sentence is finished: the headline
            // over a dateline after it opens an article. So does a speech's title with its
            // date on the same line.
            (
                "今年春晚不一般（今日谈）\n\n奋斗的旋律回荡在春晚舞台，新时代中国展现独具魅力的风貌。（相关报道见第四版）\n\n春节假期第二天全国主要道路交通安全顺畅\n\n本报北京2月5日电 （记者张洋）2月5日是春节假期第二天，全国交通安全顺畅。\n\n在世界园艺博览会闭幕式上的讲话 （2019年10月9日，北京）\n\n尊敬的各位来宾，朋友们：历时5个多月的世界园艺博览会今天落下帷幕。\n",
                vec![
                    ("今年春晚不一般（今日谈）", vec![], None, vec![], None, vec![], "奋斗的旋律回荡在春晚舞台，新时代中国展现独具魅力的风貌。（相关报道见第四版）"),
                    ("春节假期第二天全国主要道路交通安全顺畅", vec![], None, vec!["张洋"], Some("本报北京2月5日电"), vec![], "本报北京2月5日电 （记者张洋）2月5日是春节假期第二天，全国交通安全顺畅。"),
                    ("在世界园艺博览会闭幕式上的讲话 （2019年10月9日，北京）", vec![], None, vec![], None, vec![], "尊敬的各位来宾，朋友们：历时5个多月的世界园艺博览会今天落下帷幕。"),
                ],
            ),
            // A round-up of briefs: items under a headline over `本报电`, each closed by its
            // writer's name, are one article headed by the round-up's title.
            (
                "资讯速递\n\n京张高铁轨道有了“健康档案”\n\n本报电 近日，京张高铁轨道检测系统投入使用。\n\n（韩 鑫）\n\n中国节能发起成立品牌集群\n\n本报电 日前，四十多家单位组建品牌集群。\n\n（王保良）\n",
                vec![("资讯速递", vec![], None, vec![], Some("本报电"), vec![], "京张高铁轨道有了“健康档案”\n本报电 近日，京张高铁轨道检测系统投入使用。\n（韩 鑫）\n中国节能发起成立品牌集群\n本报电 日前，四十多家单位组建品牌集群。\n（王保良）")],
            ),
        ];
        for (input, want) in table {
            let want: Vec<_> = want
                .into_iter()
                .map(|(h, s, k, n, d, j, b)| {
                    (
                        h.to_string(),
                        s.into_iter().map(String::from).collect::<Vec<_>>(),
                        k.map(String::from),
                        n.into_iter().map(String::from).collect::<Vec<_>>(),
                        d.map(String::from),
                        j.into_iter().map(String::from).collect::<Vec<_>>(),
                        b.to_string(),
                    )
                })
                .collect();
            assert_eq!(got(input), want, "{input}");
        }
    }

    /// The rest of a paragraph cut at a column break trails off (`…笑得那么温暖……`) over a
    /// headline in its column: text of the story before, not a kicker of the next one.
    #[test]
    fn a_cut_paragraph_is_no_kicker() {
        let page = split_page(
            "农村新娘拒彩礼（新春走基层）\n\n湘江日报记者 王明\n\n腊月二十，村里办了一场婚礼。\n\n离开娘家时，新郎牵着新娘的手在鼓乐声\n\n中走进了婚车，新娘笑得那么幸福，笑得那么温暖……\n\n脱贫汉子忙扩产（新春走基层）\n\n春节临近，记者走进大山深处的村子，苗族汉子张江海的心开始膨胀。\n",
        );
        let heads: Vec<(Option<&str>, &str)> = page
            .articles
            .iter()
            .map(|a| (a.kicker.as_deref(), a.headline.as_str()))
            .collect();
        assert_eq!(
            heads,
            [
                (None, "农村新娘拒彩礼（新春走基层）"),
                (None, "脱贫汉子忙扩产（新春走基层）")
            ]
        );
        assert!(page.articles[0].body.ends_with("笑得那么温暖……"));
    }

    /// A headline with a `——` subheadline over figures printed as a box (a run of short
    /// lines, as a listing is printed): a new story, not a listing inside the one before.
    #[test]
    fn a_subheadline_marks_a_headline_over_a_box_of_figures() {
        let page = split_page(
            "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设，一批重点项目相继落地。\n\n稳步推进\n\n园区企业陆续入驻新厂房，一期工程已经投产。\n\n打好发展组合拳（新时代新作为）\n\n——湘江市落实全会精神纪实\n\n4.4万\n\n去年新登记市场主体4.4万户\n\n1120\n\n去年高新技术企业达1120家\n\n去年以来，湘江市打好发展组合拳，新登记市场主体和高新技术企业大幅增加，经济稳中向好。\n",
        );
        let heads: Vec<&str> = page.articles.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(heads, ["园区建设提速", "打好发展组合拳（新时代新作为）"]);
        assert!(page.articles[0].body.ends_with("一期工程已经投产。"));
    }

    /// Who the reporter filter finds an article by: the byline over its text or under it,
    /// the credit of its first dateline, but not the bylines of the stories of a series or
    /// the credit of a round-up's later item (kept, marked `inner`).
    #[test]
    fn who_an_article_is_credited_to() {
        // Page, then for each article: the names the filter finds, all names.
        type Names<'a> = (Vec<&'a str>, Vec<&'a str>);
        let table: Vec<(&str, Vec<Names>)> = vec![
            // Over the text, and under it.
            (
                "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。\n",
                vec![(vec!["王明"], vec!["王明"])],
            ),
            (
                "园区建设提速\n\n园区新厂房开工建设。\n\n湘江日报记者 王明\n",
                vec![(vec!["王明"], vec!["王明"])],
            ),
            // A series: each story under its own byline, the first one's included.
            (
                "书写全媒体发展新篇章\n\n正能量更强劲 主旋律更高昂\n\n本报记者  李龙伊\n\n今年8月，系列微视频上线。\n\n技术赋能 融合发展\n\n本报记者  王 明\n\n5G技术走进演播室。\n",
                vec![(vec![], vec!["李龙伊", "王明"])],
            ),
            (
                "谢谢你，绿色家园守护者\n\n他们守护着绿水青山。\n\n生态环境部华东督察局督察人员徐锡惠：\n\n“我们越来越有底气了”\n\n本报记者  智春丽\n\n督察工作越来越细。\n\n广西藤县检察院检察官周远宏：\n\n“不是没事找事”\n\n本报记者  乔  栋\n\n公益诉讼办了不少。\n",
                vec![(vec![], vec!["智春丽", "乔栋"])],
            ),
            // A lead paragraph before the first dateline; a round-up's second filing.
            (
                "习近平将对缅甸进行国事访问\n\n新华社北京1月10日电 外交部发言人宣布：习近平将访问缅甸。\n\n本报北京1月10日电 （记者暨佩娟、王慧）外交部介绍访问情况。\n",
                vec![(vec!["暨佩娟", "王慧"], vec!["暨佩娟", "王慧"])],
            ),
            (
                "各地迎新春\n\n本报北京1月10日电 （记者王明）庙会开幕。\n\n本报上海1月10日电 （记者李华）灯会开幕。\n",
                vec![(vec!["王明"], vec!["王明", "李华"])],
            ),
        ];
        for (input, want) in table {
            let page = split_page(input);
            let got: Vec<_> = page
                .articles
                .iter()
                .map(|a| (a.byline_names(), a.reporter_names()))
                .collect();
            assert_eq!(got, want, "{input}");
        }
    }

    /// A paper that credits its stories at their end: each byline credits the story over
    /// it, not the next one, whether on its own line or after the last sentence, and
    /// under a page header with the editors and a page label.
    #[test]
    fn bylines_after_the_story_credit_that_story() {
        let page = split_page(
            "2022年4月1日 星期五 责任编辑：王小明 视觉设计：李华\n\nA3 要闻\n\n地铁线路全部恢复运营\n\n昨天上午，全市地铁线路逐步恢复运营，早高峰客流平稳有序。\n\n截至昨天中午，各条线路都已恢复正常。  本报记者  王明\n\n社区菜场重新开门\n\n■本报记者  张三  李四\n\n昨天一早，社区菜场重新开门迎客，居民们排队选购新鲜蔬菜。\n\n本报记者  张三  李四  摄影报道\n\n老年大学开设网课\n\n首席记者  赵云\n\n本学期，老年大学把课程搬到了网上。（完）\n\n公园花展如期开幕\n\n昨天，公园花展如期开幕，吸引了不少市民前来观赏。\n\n图说：市民在花展上拍照留念\n\n园方提醒，游客要错峰游园。\n\n文/陈红  图/刘刚\n",
        );
        let got: Vec<(&str, Vec<&str>)> = page
            .articles
            .iter()
            .map(|a| (a.headline.as_str(), a.reporter_names()))
            .collect();
        assert_eq!(
            got,
            [
                ("地铁线路全部恢复运营", vec!["王明"]),
                ("社区菜场重新开门", vec!["张三", "李四"]),
                ("老年大学开设网课", vec!["赵云"]),
                ("公园花展如期开幕", vec!["陈红", "刘刚"]),
            ]
        );
        assert!(page.articles[0].body.ends_with("都已恢复正常。"));
        assert_eq!(page.articles[3].captions, ["图说：市民在花展上拍照留念"]);
        assert_eq!(
            page.date.map(|d| d.to_string()).as_deref(),
            Some("2022-04-01")
        );
    }

    /// Stories each under its own byline over plain text: one series by the general
    /// profile, as People's Daily prints them (rule `series`), but stories of their own for
    /// a paper whose profile says it bylines its stories under their headlines (rule
    /// `credited`); furniture the profile learned is dropped.
    #[test]
    fn a_paper_that_bylines_its_stories_prints_no_series() {
        let page = "新春走基层\n\n山村小学\n\n迎来新老师\n\n湘江日报记者 王明\n\n开学第一天，孩子们围着老师唱歌跳舞。\n\n星城晨报 社会新闻\n\n河边人家\n\n过年更热闹\n\n湘江日报记者 李华\n\n大年三十，河边人家贴春联。\n";
        let bylined = Profile {
            pages: 100,
            bylines_under: 300,
            dated: 100,
            furniture: vec!["星城晨报社会新闻".into()],
            ..Profile::default()
        };
        assert!(bylined.credits_under());
        let heads = |p: &Profile| -> Vec<(String, Vec<String>, String)> {
            split_page_with(page, p)
                .articles
                .into_iter()
                .map(|a| {
                    (
                        a.headline.clone(),
                        a.byline_names().iter().map(|s| s.to_string()).collect(),
                        a.body,
                    )
                })
                .collect()
        };
        let general = heads(&Profile::default());
        assert_eq!(general.len(), 1);
        assert!(general[0].2.contains("星城晨报 社会新闻"));
        let own = heads(&bylined);
        assert_eq!(
            own,
            [
                (
                    "山村小学".into(),
                    vec!["王明".into()],
                    "开学第一天，孩子们围着老师唱歌跳舞。".into()
                ),
                (
                    "过年更热闹".into(),
                    vec!["李华".into()],
                    "大年三十，河边人家贴春联。".into()
                ),
            ]
        );
    }

    #[test]
    fn page_header_and_paper() {
        let page = split_page(
            "2020年3月2日 星期一\n\n区委召开会议\n\n湘江日报讯 3月2日，区委召开会议。\n",
        );
        assert_eq!(
            page.date.map(|d| d.to_string()).as_deref(),
            Some("2020-03-02")
        );
        assert_eq!(page.paper.as_deref(), Some("湘江日报"));
        assert_eq!(page.articles.len(), 1);
        assert_eq!(page.articles[0].event_day, Some((3, 2)));
        assert_eq!(page.articles[0].span[0], 15);
    }
}
