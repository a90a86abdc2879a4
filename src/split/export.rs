//! The database export layout: many articles, each opened by one to three headline lines
//! and an `作者：孟明;黄红  时间：2019-12-25` line, then body paragraphs indented with
//! ideographic spaces.

use super::byline;
use super::paragraphs::Builder;
use super::text::{ascii_digits, blocks, trim, Block};
use super::Page;
use crate::article::{DateSource, Reporter};
use crate::normalize::squeeze;
use regex::Regex;
use std::sync::LazyLock;

static META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:作者[：:](?P<authors>.*?))?\s*时间[：:]\s*(?P<date>\d{4}-\d{1,2}-\d{1,2})\s*$")
        .expect("valid regex")
});

/// True when `text` holds `作者：… 时间：…` lines.
pub(crate) fn is_export(text: &str) -> bool {
    // The pattern opens with `作者`, `时间` or a space: other lines need no regex search.
    let may_match = |l: &str| l.starts_with(['作', '时']) || l.starts_with(char::is_whitespace);
    text.split('\n')
        .take(200)
        .map(trim)
        .any(|l| may_match(l) && META.is_match(l))
}

/// Splits a database export.
pub(crate) fn split_export(text: &str) -> Page {
    let bs = blocks(text);
    let metas: Vec<usize> = (0..bs.len())
        .filter(|&i| META.is_match(bs[i].text))
        .collect();
    let mut articles = Vec::new();
    for (k, &m) in metas.iter().enumerate() {
        // Headline lines: the unindented blocks just above the meta line.
        let floor = if k == 0 { 0 } else { metas[k - 1] + 1 };
        let mut first = m;
        while first > floor && m - first < 3 && !indented(text, &bs[first - 1]) {
            first -= 1;
        }
        let next_head = metas.get(k + 1).map_or(bs.len(), |&n| {
            let mut f = n;
            while f > m + 1 && n - f < 3 && !indented(text, &bs[f - 1]) {
                f -= 1;
            }
            f
        });
        let mut b = Builder::new();
        let lines: Vec<&str> = bs[first..m].iter().map(|b| b.text).collect();
        if let Some((h, subs)) = lines.split_first() {
            b.article.headline = h.to_string();
            b.article.subheadlines = subs.iter().map(|s| s.to_string()).collect();
        }
        for blk in &bs[first..=m] {
            b.cover(blk);
        }
        if let Some(c) = META.captures(bs[m].text) {
            let authors = c.name("authors").map_or("", |a| a.as_str());
            b.reporters(authors_list(authors));
            b.article.date = normal_date(&c["date"]);
            b.article.date_source = Some(DateSource::Header);
        }
        let body: &[Block] = &bs[m + 1..next_head];
        for (i, blk) in body.iter().enumerate() {
            b.close();
            match byline::byline(blk.text) {
                Some(reps) => {
                    b.cover(blk);
                    merge(&mut b, reps);
                }
                None => b.text(blk, body.get(i + 1)),
            }
        }
        articles.push(b.finish());
    }
    Page {
        date: None,
        paper: None,
        articles,
    }
}

/// A block printed with indentation: its trimmed text does not start its line.
fn indented(text: &str, b: &Block) -> bool {
    // The block's text is a slice of the page text: look at the char before it, in
    // constant time (counting chars from the start made a long export quadratic).
    let at = (b.text.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    text.get(..at)
        .and_then(|before| before.chars().next_back())
        .is_some_and(|c| c != '\n')
}

/// `孟明;黄红;柳歌` → reporters with no role printed.
fn authors_list(s: &str) -> Vec<Reporter> {
    s.split([';', '；', '、', ',', '，'])
        .map(squeeze)
        .filter(|n| !n.is_empty())
        .map(|name| Reporter {
            name,
            role: String::new(),
            org: None,
            photo: false,
            inner: false,
        })
        .collect()
}

/// Fills in role and organisation from a byline in the body for authors already listed.
fn merge(b: &mut Builder, reps: Vec<Reporter>) {
    let mut extra = Vec::new();
    for r in reps {
        match b.article.reporters.iter_mut().find(|x| x.name == r.name) {
            Some(x) => {
                x.role = r.role;
                x.org = r.org;
                x.photo = r.photo;
            }
            None => extra.push(r),
        }
    }
    b.reporters(extra);
}

/// `2019-2-5` → `2019-02-05`.
fn normal_date(s: &str) -> Option<String> {
    crate::day::Day::parse(&ascii_digits(s)).map(|d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_files() {
        let text = "友谊之树常青（出访归来）\n——访问纪行\n作者：孟明;柳 歌  时间：2019-12-25\n\n\u{3000}\u{3000}本报记者 孟明 柳 歌\n\n\u{3000}\u{3000}代表团抵达首都。\n\n王明会见代表团\n时间：2013-05-23\n\n\u{3000}\u{3000}新华社北京５月２２日电 （记者钱明）会见在京举行。\n";
        assert!(is_export(text));
        let page = split_export(text);
        type Row<'a> = (String, Vec<String>, Vec<&'a str>, Option<String>);
        let got: Vec<Row> = page
            .articles
            .iter()
            .map(|a| {
                (
                    a.headline.clone(),
                    a.subheadlines.clone(),
                    a.reporter_names(),
                    a.date.clone(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "友谊之树常青（出访归来）".into(),
                    vec!["——访问纪行".into()],
                    vec!["孟明", "柳歌"],
                    Some("2019-12-25".into())
                ),
                (
                    "王明会见代表团".into(),
                    vec![],
                    vec!["钱明"],
                    Some("2013-05-23".into())
                ),
            ]
        );
        assert_eq!(page.articles[0].reporters[0].org.as_deref(), Some("本报"));
        assert_eq!(page.articles[1].event_day, Some((5, 22)));
        assert!(page.articles[0].span[1] < page.articles[1].span[0]);
        assert!(!is_export("标题\n\n正文。\n"));
    }
}
