//! The one-article-per-file layout crawlers write: kicker, headline and subheadline on
//! lines 1–3 (kicker and subheadline may be empty), then body paragraphs indented with
//! ideographic spaces.

use super::byline;
use super::headline::is_headline_like;
use super::paragraphs::Builder;
use super::text::{blocks, trim, Block};
use super::Page;

/// The lines over the body of a one-article file: kicker, headline, subheadline.
const HEAD_LINES: usize = 3;

/// True when `text` is one article per file: a headline on line 2, the first lines not
/// indented, most lines after line 3 indented, and at most one headline-like line among
/// them without indentation. A page whose paragraphs keep their indentation has several:
/// the headlines of its other articles.
pub(crate) fn is_single(text: &str) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    if lines.len() <= HEAD_LINES
        || trim(lines[1]).is_empty()
        || lines
            .iter()
            .take(HEAD_LINES)
            .any(|l| l.starts_with('\u{3000}'))
    {
        return false;
    }
    let body: Vec<&&str> = lines[HEAD_LINES..]
        .iter()
        .filter(|l| !trim(l).is_empty())
        .collect();
    let unindented = || body.iter().filter(|l| !l.starts_with("\u{3000}\u{3000}"));
    let heads = unindented().filter(|l| is_headline_like(l)).count();
    !body.is_empty() && unindented().count() * 2 < body.len() && heads <= 1
}

/// Splits a one-article file.
pub(crate) fn split_single(text: &str) -> Page {
    let mut b = Builder::new();
    let mut pos = 0;
    let mut head: Vec<(usize, &str)> = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        if n < HEAD_LINES {
            head.push((pos, line));
        }
        pos += line.chars().count() + 1;
    }
    let part = |k: usize| head.get(k).map(|(_, l)| trim(l)).filter(|l| !l.is_empty());
    b.article.kicker = part(0).map(str::to_string);
    b.article.headline = part(1).unwrap_or_default().to_string();
    b.article.subheadlines = part(2).map(str::to_string).into_iter().collect();
    for (k, (start, line)) in head.iter().enumerate() {
        let t = trim(line);
        if !t.is_empty() && k < HEAD_LINES {
            b.cover(&Block {
                start: *start,
                end: start + t.chars().count(),
                text: t,
                gap: 0,
                space_before: false,
                space_after: false,
            });
        }
    }
    let header_end = head.last().map_or(0, |(s, l)| s + l.chars().count());
    let bs: Vec<Block> = blocks(text)
        .into_iter()
        .filter(|blk| blk.start > header_end)
        .collect();
    for (i, blk) in bs.iter().enumerate() {
        // Each line of this layout is a whole paragraph.
        b.close();
        match byline::byline(blk.text) {
            Some(reps) => {
                b.cover(blk);
                b.byline(reps);
            }
            None => b.text(blk, bs.get(i + 1)),
        }
    }
    let article = b.finish();
    let paper = article.reporters.iter().find_map(|r| {
        r.org
            .as_deref()
            .and_then(byline::paper_name)
            .map(str::to_string)
    });
    Page {
        date: None,
        paper,
        articles: vec![article],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_article_files() {
        type Want<'a> = (Option<&'a str>, &'a str, Vec<&'a str>, Vec<&'a str>, usize);
        let table: Vec<(&str, Want)> = vec![
            (
                "新春走基层\n山村来了新医生\n——记乡村医生李华\n\u{3000}\u{3000}本报记者 王 明\n\u{3000}\u{3000}李华每天早上六点出门。\n\u{3000}\u{3000}村里人都认识他。\n",
                (Some("新春走基层"), "山村来了新医生", vec!["——记乡村医生李华"], vec!["王明"], 2),
            ),
            (
                "\n全国政协召开会议\n\n\u{3000}\u{3000}新华社北京2月26日电 （记者钱明）会议召开。\n",
                (None, "全国政协召开会议", vec![], vec!["钱明"], 1),
            ),
        ];
        for (input, (kicker, head, subs, names, paras)) in table {
            assert!(is_single(input), "{input}");
            let page = split_single(input);
            let a = &page.articles[0];
            assert_eq!(a.kicker.as_deref(), kicker);
            assert_eq!(a.headline, head);
            assert_eq!(a.subheadlines, subs);
            assert_eq!(a.reporter_names(), names);
            assert_eq!(a.body.split('\n').count(), paras, "{}", a.body);
        }
        assert!(!is_single("标题\n\n正文一。\n\n正文二。\n\n正文三。\n"));
        // Pages whose paragraphs keep their indentation, with and without blank lines
        // between them: a blank second line, or two headlines among the paragraphs.
        for sep in ["\n\n", "\n"] {
            let page = [
                "社区议事会献良策",
                "全国政协召开会议",
                "——聚焦民生问题",
                "\u{3000}\u{3000}新华社北京2月26日电 （记者钱明）会议召开。",
                "\u{3000}\u{3000}会议指出，要抓好落实。",
                "山村来了新医生",
                "——记乡村医生李华",
                "\u{3000}\u{3000}本报记者 王 明",
                "\u{3000}\u{3000}李华每天早上六点出门。",
                "\u{3000}\u{3000}村里人都认识他。",
            ]
            .join(sep);
            assert!(!is_single(&page), "{page}");
            assert_eq!(crate::split::split(&page).articles.len(), 2, "{page}");
        }
    }
}
