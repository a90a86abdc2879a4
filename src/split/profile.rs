//! What one paper's pages were seen to do: where its bylines stand, which dateline forms
//! recur, which lines repeat across its pages (headers, footers, section names), how long
//! its headlines run. A profile is learned from the paper's own pages before they are split
//! ([`Profile::learn`]) and kept in the index, so that every paper is split by its own
//! habits without any paper's name in the code. [`Profile::default`] is the general
//! profile a lone page is split with.
//!
//! Learning reads a sample of the pages (every page of the first [`SAMPLE`], then one in
//! [`STRIDE`]) and only their short lines, so it costs a small part of splitting them.

use super::byline::is_photo_source;
use super::byline::{byline, dateline, MAX_BYLINE};
use super::furniture::{header_day, is_jump, is_page_label, is_section_banner};
use super::headline::{is_headline_like, is_text_label};
use super::text::{blocks, is_space, line_ends_sentence, trim, wider_than, width};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Pages read in full before sampling starts.
const SAMPLE: usize = 200;
/// After [`SAMPLE`] pages, one page in this many is read.
const STRIDE: usize = 8;
/// The widest line that can be page furniture.
const MAX_FURNITURE: usize = 40;
/// A line is furniture when it recurs on this share of the pages read, and on
/// [`MIN_RECURRENCE`] at least.
const FURNITURE_SHARE: f64 = 0.05;
/// The fewest pages a furniture line, or stories a dateline form, must recur on.
const MIN_RECURRENCE: u32 = 3;
/// The most dateline forms kept.
const MAX_DATELINE_FORMS: usize = 8;
/// Furniture stands at a page's edge: in its first or last this many blocks (or after a
/// mark, or as a section banner, `【民生】`).
const EDGE_BLOCKS: usize = 2;
/// The most furniture lines kept.
const MAX_FURNITURE_LINES: usize = 64;
/// A paper credits its stories under their headlines, over plain text, when this share of
/// the stories that open with a byline or a dateline open with a byline. People's Daily
/// opens 0.12–0.17 of them so (its series and features), papers that byline their
/// stories 0.36–0.87 (of the six styles rendered by tools/render_pages.py).
const UNDER_SHARE: f64 = 0.25;
/// Stories seen before a share is trusted.
const MIN_STORIES: u32 = 20;

/// One paper's habits, measured on its pages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// How many pages the profile was measured on; 0 for the general profile.
    pub pages: u32,
    /// Bylines seen right under a headline line (`本报记者 王明` over the text).
    #[serde(default)]
    pub bylines_under: u32,
    /// Bylines seen after a story's last sentence, on their own line or set off on it.
    #[serde(default)]
    pub bylines_after: u32,
    /// Stories seen opening with a dateline right under their headline.
    #[serde(default)]
    pub dated: u32,
    /// The dateline forms that recur, most frequent first, with their counts: the
    /// dateline with its place and day written as `X` and `#` (`本报讯`, `本报X#月#日电`).
    #[serde(default)]
    pub dateline_forms: Vec<(String, u32)>,
    /// Lines that recur across the paper's pages (headers, footers, section names),
    /// digits written as `#`: never article text.
    #[serde(default)]
    pub furniture: Vec<String>,
    /// The median width of the headline lines seen, in chars.
    #[serde(default)]
    pub headline_width: u32,
}

/// What one page contributes to a profile.
#[derive(Default)]
struct Tally {
    pages: u32,
    under: u32,
    after: u32,
    dated: u32,
    forms: HashMap<String, u32>,
    /// Each candidate line with the number of pages it was seen on.
    lines: HashMap<String, u32>,
    widths: Vec<u32>,
}

impl Tally {
    fn page(&mut self, text: &str) {
        self.pages += 1;
        let bs = blocks(text);
        let mut seen: Vec<String> = Vec::new();
        let mut head_prev = false;
        let mut text_prev = false;
        for (k, b) in bs.iter().enumerate() {
            // Short enough to be a byline, and so furniture or a headline too.
            let short = !wider_than(b.text, MAX_BYLINE);
            let edge = k < EDGE_BLOCKS || k + EDGE_BLOCKS >= bs.len();
            // A line over a byline or a dateline is a story's headline, however often the
            // paper prints it (a column's name, a headline that differs only in numbers).
            // Read last: most blocks are no furniture, and need no look at the next.
            let over_story = || {
                bs.get(k + 1)
                    .is_some_and(|n| byline(n.text).is_some() || dateline(n.text).is_some())
            };
            if short
                && !wider_than(b.text, MAX_FURNITURE)
                && (edge || starts_with_mark(b.text) || is_section_banner(b.text))
                && !over_story()
            {
                if let Some(key) = furniture_key(b.text) {
                    if !seen.contains(&key) {
                        seen.push(key);
                    }
                }
            }
            let reps = if short { byline(b.text) } else { None };
            let is_byline = reps.is_some();
            // Photo credits stand under captions: they say nothing of where bylines stand.
            let writers = reps.is_some_and(|r| r.iter().any(|r| !r.photo));
            if writers {
                if head_prev {
                    self.under += 1;
                } else if text_prev {
                    self.after += 1;
                }
            } else if !short && super::byline::tail_byline(b.text).is_some() {
                self.after += 1;
            }
            let dated = !short || b.text.contains(['电', '讯']);
            if dated {
                if let Some(d) = dateline(b.text) {
                    *self.forms.entry(dateline_form(&d.text)).or_default() += 1;
                    if head_prev {
                        self.dated += 1;
                    }
                }
            }
            let head = !is_byline && short && is_headline_like(b.text);
            if head {
                self.widths.push(width(b.text) as u32);
            }
            head_prev = head;
            text_prev = !head && !is_byline && line_ends_sentence(b.text);
        }
        for key in seen {
            *self.lines.entry(key).or_default() += 1;
        }
    }

    fn profile(mut self) -> Profile {
        let least = ((self.pages as f64 * FURNITURE_SHARE).ceil() as u32).max(MIN_RECURRENCE);
        let mut furniture: Vec<(String, u32)> = self
            .lines
            .into_iter()
            .filter(|(_, n)| *n >= least)
            .collect();
        furniture.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        furniture.truncate(MAX_FURNITURE_LINES);
        let mut furniture: Vec<String> = furniture.into_iter().map(|(l, _)| l).collect();
        furniture.sort();
        let mut forms: Vec<(String, u32)> = self
            .forms
            .into_iter()
            .filter(|(_, n)| *n >= MIN_RECURRENCE)
            .collect();
        forms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        forms.truncate(MAX_DATELINE_FORMS);
        self.widths.sort_unstable();
        Profile {
            pages: self.pages,
            bylines_under: self.under,
            bylines_after: self.after,
            dated: self.dated,
            dateline_forms: forms,
            furniture,
            headline_width: self.widths.get(self.widths.len() / 2).copied().unwrap_or(0),
        }
    }
}

/// A line set after a mark (`■ 要闻`, `◆ 综合`), as section names are printed.
fn starts_with_mark(line: &str) -> bool {
    line.starts_with(['■', '◆', '▼', '▲', '●', '□', '★'])
}

/// How a line that may be furniture is compared across pages: digits as `#`, the weekday
/// as `#`, spaces dropped; `None` for lines that mean something in an article wherever
/// they recur (bylines, labels, photo sources, jump lines, page headers with a day, which
/// are read as such anyway).
fn furniture_key(line: &str) -> Option<String> {
    let line = trim(line);
    if width(line) < 2
        || byline(line).is_some()
        || is_text_label(line)
        || is_photo_source(line)
        || is_jump(line)
        || header_day(line).is_some()
        || is_page_label(line)
        || line.ends_with("图片报道")
        || line_ends_sentence(line)
    {
        return None;
    }
    let mut key = String::with_capacity(line.len());
    let mut weekday = false;
    for c in line.chars() {
        if is_space(c) {
            continue;
        }
        let digit = c.is_ascii_digit() || ('０'..='９').contains(&c);
        let day_name = weekday && "一二三四五六日天".contains(c);
        if digit || day_name {
            // A run of digits is one `#`: `A3` and `A12` are the same furniture.
            if !key.ends_with('#') {
                key.push('#');
            }
        } else {
            key.push(c);
        }
        weekday = c == '期' || c == '周';
    }
    Some(key)
}

/// A dateline with its place and day written as `X` and `#`: `本报北京5月11日电` →
/// `本报X#月#日电`.
fn dateline_form(text: &str) -> String {
    let text: String = text.chars().filter(|&c| !is_space(c)).collect();
    let known = ["据新华社", "本报", "新华社", "中新社"]
        .iter()
        .find_map(|o| text.strip_prefix(o).map(|r| (o.to_string(), r)));
    // Another paper's name, up to its `报` or `社`: `湘江日报` → `X报`.
    let named = || {
        let end = text.find(['报', '社'])?;
        let c = text[end..].chars().next()?;
        Some((format!("X{c}"), &text[end + c.len_utf8()..]))
    };
    let (org, rest) = known.or_else(named).unwrap_or((String::new(), &text));
    let mut form = org;
    let mut place = false;
    let mut digits = false;
    for c in rest.chars() {
        if c.is_ascii_digit() {
            if !digits {
                form.push('#');
            }
            digits = true;
            continue;
        }
        digits = false;
        if matches!(c, '月' | '日' | '电' | '讯' | '（' | '）' | '(' | ')') {
            place = false;
            form.push(c);
            if matches!(c, '（' | '(') {
                break;
            }
        } else if !place {
            place = true;
            form.push('X');
        }
    }
    form
}

impl Profile {
    /// Measures the habits of one paper from the decoded text of its pages (LF line ends).
    ///
    /// ```
    /// use baosou::split::Profile;
    /// let page = "A3 要闻\n\n市委召开会议\n\n本报记者 王明\n\n会议召开。\n";
    /// let p = Profile::learn([page; 30].iter().copied());
    /// assert_eq!(p.pages, 30);
    /// assert!(p.credits_under());
    /// ```
    pub fn learn<'a>(pages: impl IntoIterator<Item = &'a str>) -> Profile {
        let mut tally = Tally::default();
        for (n, page) in pages.into_iter().enumerate() {
            if n < SAMPLE || n % STRIDE == 0 {
                tally.page(page);
            }
        }
        tally.profile()
    }

    /// Stories seen opening with a byline or a dateline under their headline.
    fn stories(&self) -> u32 {
        self.bylines_under + self.dated
    }

    /// True when the paper credits most stories with a byline under the headline, over
    /// plain text: a headline over a byline then opens a story, never the next piece of a
    /// series or the next item of a round-up. True too when too few stories were seen to
    /// tell (the general profile, a lone page, a handful of pages) and the paper is not
    /// seen to credit them after: most dailies print their bylines so, and a paper whose
    /// stories open with datelines, as People's Daily's do, is told from its own pages.
    /// (On lone pages of the six styles rendered by tools/render_pages.py, this prior
    /// raised boundary F1 by 0.002–0.126; on People's Daily's it lowered it by 0.034.)
    pub fn credits_under(&self) -> bool {
        if self.stories() < MIN_STORIES {
            return !self.credits_after();
        }
        f64::from(self.bylines_under) >= UNDER_SHARE * f64::from(self.stories())
    }

    /// The profile of a paper seen to open its stories with datelines (People's Daily's
    /// habit), for the tests of what such a paper prints: series under one headline,
    /// round-ups.
    #[cfg(test)]
    pub(crate) fn dateline_paper() -> Profile {
        Profile {
            pages: 100,
            dated: 300,
            ..Profile::default()
        }
    }

    /// True when the paper credits its stories after them more often than under their
    /// headlines.
    pub fn credits_after(&self) -> bool {
        self.bylines_after >= MIN_STORIES && self.bylines_after > self.bylines_under
    }

    /// True when `line` is one of the lines that recur across the paper's pages.
    pub fn is_furniture(&self, line: &str) -> bool {
        !self.furniture.is_empty()
            && !wider_than(line, MAX_FURNITURE)
            && furniture_key(line).is_some_and(|k| self.furniture.binary_search(&k).is_ok())
    }

    /// What was learned, as `(what, finding)` pairs for `stats` and `/api/info`.
    pub fn findings(&self) -> Vec<(String, String)> {
        let place = if self.credits_after() {
            "after the story"
        } else if self.credits_under() {
            "under the headline"
        } else {
            "in the dateline or under the headline (general)"
        };
        let forms: Vec<String> = self
            .dateline_forms
            .iter()
            .map(|(f, n)| format!("{f} ×{n}"))
            .collect();
        vec![
            ("pages measured".into(), self.pages.to_string()),
            (
                "bylines".into(),
                format!(
                    "{place} ({} under a headline, {} after a story, {} stories opening with a dateline)",
                    self.bylines_under, self.bylines_after, self.dated
                ),
            ),
            ("dateline forms".into(), or_none(forms.join(", "))),
            ("page furniture".into(), or_none(self.furniture.join(" | "))),
            (
                "headline width (median)".into(),
                self.headline_width.to_string(),
            ),
        ]
    }

    /// True when `other` would split pages differently from `self`, so that the pages
    /// split with one must be split again with the other. Only what the splitter reads
    /// counts: where bylines stand and which lines are furniture, not the counts behind
    /// them.
    pub fn differs_materially(&self, other: &Profile) -> bool {
        self.credits_under() != other.credits_under()
            || self.credits_after() != other.credits_after()
            || self.furniture != other.furniture
    }
}

/// A finding of a list, or `none seen` when the pages showed none (`stats` prints no blank).
fn or_none(list: String) -> String {
    if list.is_empty() {
        "none seen".into()
    } else {
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(n: usize, byline_after: bool) -> String {
        let story = |k: usize| {
            if byline_after {
                format!(
                    "社区菜场重新开门{k}\n\n昨天一早，社区菜场重新开门迎客。\n\n本报记者  张三\n"
                )
            } else {
                format!(
                    "社区菜场重新开门{k}\n\n本报记者  张三\n\n昨天一早，社区菜场重新开门迎客。\n"
                )
            }
        };
        format!(
            "2022年4月{n}日 星期五 责任编辑：王明\n\n澄江晚报 社会新闻\n\n{}\n{}\nA{n}  澄江晚报·要闻\n",
            story(1),
            story(2)
        )
    }

    /// A headline that recurs with other numbers (`第12期`) or unchanged (a column's name)
    /// stands over its byline or dateline: it is a story's, not furniture. (Every page of
    /// an archive made of one such story over and over was once learned as furniture, and
    /// the archive split into 26 articles instead of 25,743.)
    #[test]
    fn a_recurring_headline_over_a_story_is_no_furniture() {
        let pages: Vec<String> = (1..=12)
            .map(|n| {
                format!(
                    "社区服务稳步推进第{n}期\n\n本报记者 王晓明\n\n本报讯 本市社区服务第{n}号项目进展顺利。\n\n\
                     今日谈\n\n本报北京{n}月1日电 有关部门表示，将持续抓好各项服务。\n"
                )
            })
            .collect();
        let p = Profile::learn(pages.iter().map(String::as_str));
        assert!(p.furniture.is_empty(), "{:?}", p.furniture);
        assert_eq!(crate::split::split_with(&pages[0], &p).articles.len(), 2);
    }

    /// A section banner (`【民生】`) that recurs between stories, mid-page, is the paper's
    /// furniture (before, only lines at a page's edge or after a mark were candidates, and a
    /// banner over a story the layout could not set apart became its kicker); one seen on
    /// a single page, or a bracketed line of text, is not.
    #[test]
    fn a_recurring_section_banner_mid_page_is_furniture() {
        let pages: Vec<String> = (1..=12)
            .map(|n| {
                let banner = if n == 1 { "【点评】" } else { "【民生】" };
                format!(
                    "A{n} | 要闻\n\n园区建设提速{n}\n\n园区新厂房开工建设，园区企业加快生产。\n\n\
                     {banner}\n\n社区菜场重新开门\n\n昨天一早，社区菜场重新开门迎客。\n\n\
                     【市民说】菜价稳定，供应充足。\n\n河边人家过年更热闹\n\n大年三十，河边人家贴春联。\n"
                )
            })
            .collect();
        let p = Profile::learn(pages.iter().map(String::as_str));
        let table = [
            ("【民生】", true),
            ("【点评】", false),
            ("【市民说】菜价稳定，供应充足。", false),
        ];
        for (line, want) in table {
            assert_eq!(p.is_furniture(line), want, "{line}: {:?}", p.furniture);
        }
        let got = crate::split::split_with(&pages[3], &p);
        assert!(
            got.articles.iter().all(|a| a.kicker.is_none()),
            "{:?}",
            got.articles
        );
    }

    #[test]
    fn what_a_paper_is_seen_to_do() {
        let after: Vec<String> = (1..=12).map(|n| page(n, true)).collect();
        let under: Vec<String> = (1..=12).map(|n| page(n, false)).collect();
        let a = Profile::learn(after.iter().map(String::as_str));
        let u = Profile::learn(under.iter().map(String::as_str));
        // (pages, credits under, credits after)
        let table = [
            (&a, (12, false, true)),
            (&u, (12, true, false)),
            (&Profile::default(), (0, true, false)),
        ];
        for (p, want) in table {
            assert_eq!((p.pages, p.credits_under(), p.credits_after()), want);
        }
        // The footer is read as a page label anyway; the paper's section line recurs.
        assert_eq!(a.furniture, ["澄江晚报社会新闻"]);
        assert!(a.is_furniture("澄江晚报  社会新闻"));
        assert!(!a.is_furniture("社区菜场重新开门"));
        assert!(a.differs_materially(&u));
        assert!(!a.differs_materially(&Profile {
            pages: 3,
            ..a.clone()
        }));
    }

    #[test]
    fn what_none_was_seen_of_says_so() {
        let findings = Profile::default().findings();
        let of = |what: &str| {
            findings
                .iter()
                .find(|(w, _)| w == what)
                .map(|(_, f)| f.as_str())
        };
        assert_eq!(of("page furniture"), Some("none seen"));
        assert_eq!(of("dateline forms"), Some("none seen"));
        let after: Vec<String> = (1..=12).map(|n| page(n, true)).collect();
        let a = Profile::learn(after.iter().map(String::as_str)).findings();
        let furniture = a.iter().find(|(w, _)| w == "page furniture");
        assert_eq!(furniture.map(|(_, f)| f.as_str()), Some("澄江晚报社会新闻"));
    }

    #[test]
    fn dateline_forms() {
        let table = [
            ("本报北京5月11日电", "本报X#月#日电"),
            ("本报讯", "本报讯"),
            ("本报讯（记者 王明）", "本报讯（"),
            ("新华社北京2月26日电", "新华社X#月#日电"),
            ("湘江日报讯 2月26日", "X报讯#月#日"),
            ("本报3月2日讯", "本报#月#日讯"),
        ];
        for (input, want) in table {
            assert_eq!(dateline_form(input), want, "{input}");
        }
    }

    /// Prints what is learned from a folder of pages: `PROFILE_DIR=… cargo test --lib
    /// profile::tests::learn_dir -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn learn_dir() {
        let Some(dir) = std::env::var_os("PROFILE_DIR") else {
            return;
        };
        let mut texts = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(dir)];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if let Ok(t) = std::fs::read_to_string(&p) {
                    texts.push(t);
                }
            }
        }
        let clock = std::time::Instant::now();
        let p = Profile::learn(texts.iter().map(String::as_str));
        let learned = clock.elapsed();
        let clock = std::time::Instant::now();
        let articles: usize = texts
            .iter()
            .map(|t| super::super::split(t).articles.len())
            .sum();
        println!(
            "TIME learn {learned:?}, split {:?} ({articles} articles, {} pages)",
            clock.elapsed(),
            texts.len()
        );
        for (what, finding) in p.findings() {
            println!("{what}: {finding}");
        }
        println!(
            "PROFILE_JSON {}",
            serde_json::to_string(&p).unwrap_or_default()
        );
    }
}
