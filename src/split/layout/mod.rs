//! The printed-page layout: many articles in one stream of blocks, where blank lines say
//! nothing about where an article ends. An article starts at a group of headline lines
//! (short, not ending a sentence) that is followed by a byline, a dateline or body text,
//! and that does not go on with a paragraph cut by a column break.
//!
//! The work goes in three steps: [`facts`] reads each block once (its kind, whether it
//! reads as a headline line, its dateline, whether a story ends there); [`rules`] decides
//! whether each group of headline lines opens an article, the model weighing in where a
//! rule is unsure; the loop here only assembles the articles.

mod facts;
pub mod model;
mod rules;

use super::byline::{self, dateline, paper_name};
use super::cohesion::{self, Bigrams};
use super::furniture::header_day;
use super::headline::{
    assign, closes_text, has_column_tag, is_editors_note, is_speaker, is_text_label,
};
use super::paragraphs::Builder;
use super::text::{blocks, trim, width, Block, WIDE_GAP};
use super::{Page, Profile};
use facts::{Fact, Kind, MAX_GROUP};
pub(crate) use rules::Rule;
use rules::{bylined, is_round_up, Group, Opening};
use std::cell::OnceCell;

/// Splits text laid out as a printed page, by the habits of its paper.
pub fn split_page_with(text: &str, profile: &Profile) -> Page {
    split_logged(text, profile, &mut |_| {})
}

/// How one group of headline lines was decided: where it starts, the rule that decided,
/// what the rule said and what was decided (the model may override the rule).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Decision {
    start: usize,
    rule: Rule,
    rule_says: bool,
    starts: bool,
}

/// Splits the page, telling `log` how each group of headline lines was decided.
fn split_logged(text: &str, profile: &Profile, log: &mut dyn FnMut(Decision)) -> Page {
    let raw = blocks(text);
    let cut = cut_tails(&raw);
    let (bs, tails) = tails_apart(raw, &cut);
    let mut facts = facts::facts(&bs, profile);
    for (f, tail) in facts.iter_mut().zip(tails) {
        f.tail = tail;
    }
    let mut page = Page {
        // A block that prints the day is a header among the facts: only those are read again.
        date: bs
            .iter()
            .zip(&facts)
            .filter(|(_, f)| f.kind == Kind::Header)
            .find_map(|(b, _)| header_day(b.text)),
        paper: None,
        articles: Vec::new(),
    };
    let text: Vec<bool> = facts.iter().map(Fact::is_text).collect();
    let trace = std::env::var_os("BAOSOU_SPLIT_TRACE").is_some();
    let mut cur: Option<Builder> = None;
    let mut opening = Opening::default();
    // Lines of the current article's last section head (0 before any).
    let mut last_head_lines = 0;
    // The most lines any section head of the current article had.
    let mut most_head_lines = 0;
    let mut i = 0;
    while i < bs.len() {
        if facts[i].head_like {
            let mut j = i;
            // Extra blank lines end a group: what follows them is another item. Points under
            // a headline (`●社区食堂数量同比增长7.2%`) are its subheadlines, however many.
            let point = |b: &Block| b.text.starts_with(['●', '■']);
            while j < bs.len()
                && facts[j].head_like
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
                Group::new(&bs, &facts, i, j, cur.as_ref(), opening, profile, &cohesion).decide();
            // The model weighs in on the rules it may override (and every group is traced).
            let st = if trace || model::overrides(why) {
                let group_text: Vec<char> = bs[i..j].iter().flat_map(|b| b.text.chars()).collect();
                let group_words = Bigrams::of(&group_text);
                let group = model::Group {
                    rule: why,
                    lines: &bs[i..j],
                    prev: i.checked_sub(1).map(|k| &bs[k]),
                    prev_ends_article: i > 0 && facts[i - 1].ends_article,
                    prev_is_text: i > 0 && facts[i - 1].is_text(),
                    next: bs.get(j),
                    next_is_byline: facts.get(j).is_some_and(Fact::is_byline),
                    next_ends_article: facts.get(j).is_some_and(|f| f.ends_article),
                    credits_under: profile.credits_under(),
                    credits_after: profile.credits_after(),
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
                    head_forms: cur.as_ref().map(|c| c.head_forms()),
                    most_head_lines,
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
            log(Decision {
                start: bs[i].start,
                rule: why,
                rule_says,
                starts: st,
            });
            if st {
                // A round-up's name read as an article of its own, with no text, heads the
                // items under it: the first of them opens no run of speakers' pieces.
                let after_text = cur.as_ref().is_none_or(Builder::has_body);
                if let Some(done) = cur.take() {
                    page.articles.push(done.finish());
                }
                last_head_lines = 0;
                most_head_lines = 0;
                let mut b = Builder::new();
                let lines: Vec<&str> = bs[i..j].iter().map(|b| b.text).collect();
                let heads = assign(&lines);
                opening = Opening {
                    bylined: bylined(&facts, j),
                    round_up: heads.kicker.as_deref() == Some(lines[0]) && is_round_up(lines[0]),
                    speaker: after_text && is_speaker(lines[0]),
                    ..Opening::default()
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
            // A signed last line goes on as the story's text, below.
            if let Some(builder) = cur.as_mut().filter(|c| !c.is_open() && why != Rule::Signed) {
                if why == Rule::Briefs && builder.heads() == 0 {
                    builder.round_up();
                }
                // A section head inside the article, with any lines printed under it.
                for blk in &bs[i..j] {
                    builder.heading(blk);
                }
                last_head_lines = j - i;
                most_head_lines = most_head_lines.max(j - i);
                i = j;
                continue;
            }
        }
        let b = &bs[i];
        if cur.as_ref().is_some_and(|c| c.bylines() == 0) && is_editors_note(b.text) {
            opening.noted = true;
        }
        match &facts[i].kind {
            Kind::Header => {}
            kind => {
                let builder = cur.get_or_insert_with(Builder::new);
                match kind {
                    Kind::Jump => {
                        builder.cover(b);
                        builder.article.jumps.push(b.text.to_string());
                    }
                    Kind::Byline(reps) => {
                        // A report under the editor's note, its headline over its byline.
                        opening.reports |= opening.noted && i > 0 && facts[i - 1].head_like;
                        builder.cover(b);
                        builder.close();
                        builder.byline(reps.clone());
                    }
                    // A production credit (`（责任编辑：X）`, `版式设计：X`) follows the story's
                    // last sentence: no sentence goes on past it.
                    Kind::Production => {
                        builder.cover(b);
                        builder.close();
                    }
                    _ if is_text_label(b.text) => builder.heading(b),
                    _ => {
                        builder.text(b, bs.get(i + 1));
                        // A photo's source ends its caption, a reader's signature their
                        // letter, a teller's line their story, a notice its story, though
                        // no stop ends them.
                        if closes_text(b.text) || facts[i].notice {
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

/// A byline set after a story's last sentence and cut by a column break (`……恢复正常。  本`
/// over `报记者  王明`), mended: the block it begins in, the byte offset there, and the
/// byline whole.
struct CutTail {
    block: usize,
    at: usize,
    byline: String,
}

/// The bylines after a story's last sentence that a column break cut, in block order.
fn cut_tails(bs: &[Block]) -> Vec<CutTail> {
    let mut out = Vec::new();
    for (k, pair) in bs.windows(2).enumerate() {
        let (b, next) = (&pair[0], &pair[1]);
        if next.gap >= WIDE_GAP {
            continue;
        }
        let cut = byline::cut_tail_byline(b.text, next.text);
        if let Some((at, byline)) = cut.filter(|_| byline::tail_byline(b.text).is_none()) {
            out.push(CutTail {
                block: k,
                at,
                byline,
            });
        }
    }
    out
}

/// The blocks with each byline set after a paragraph's last sentence
/// (`……恢复正常。  本报记者  王明`) made a block of its own, straight under it, and for each
/// block whether it is such a byline. A byline `cut` by a column break is one block, from
/// where it begins to the end of the line under it.
fn tails_apart<'a>(bs: Vec<Block<'a>>, cut: &'a [CutTail]) -> (Vec<Block<'a>>, Vec<bool>) {
    let mut out = Vec::with_capacity(bs.len());
    let mut tails = Vec::with_capacity(bs.len());
    let mut cut = cut.iter().peekable();
    let mut k = 0;
    while let Some(&b) = bs.get(k) {
        k += 1;
        let (at, credit, end, space_after) = match cut.next_if(|c| c.block == k - 1) {
            // The line under it (there is one) ends the byline.
            Some(c) => {
                let next = bs[k];
                k += 1;
                (c.at, c.byline.as_str(), next.end, next.space_after)
            }
            None => match byline::tail_byline(b.text) {
                Some(at) => (at, &b.text[at..], b.end, b.space_after),
                None => {
                    out.push(b);
                    tails.push(false);
                    continue;
                }
            },
        };
        tails.extend([false, true]);
        let body = trim(&b.text[..at]);
        let body_end = b.start + body.chars().count();
        let credit_start = b.start + b.text[..at].chars().count();
        out.push(Block {
            end: body_end,
            text: body,
            space_after: false,
            ..b
        });
        out.push(Block {
            start: credit_start,
            end,
            text: credit,
            gap: 0,
            space_before: false,
            space_after,
        });
    }
    (out, tails)
}

#[cfg(test)]
mod tests;
