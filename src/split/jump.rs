//! Jump lines as facts: where a story continues (`下转第四版`, `转第3版`, `（下转 A2 版）`) or
//! where it came from (`上接第一版`, `（上接1版）`), with the page they name. The splitter
//! already keeps a jump line that stands alone out of the body (`furniture`); this
//! module reads the page out of it, and finds a jump printed at the end of a paragraph
//! (`……筑牢防线。（下转第四版）`). Stitching the parts of a story together happens at index
//! time (`index::stitch`).

use crate::article::Article;
use regex::Regex;
use std::sync::LazyLock;

/// Which way a jump points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The story goes on on another page: `下转第四版`.
    To,
    /// The story began on another page: `上接第一版`.
    From,
}

/// A jump line read: its direction and the page it names (`A2` → 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Jump {
    /// Whether the story goes on there or came from there.
    pub direction: Direction,
    /// The page number named, letters dropped (`A2` → 2, `第四版` → 4).
    pub page: u32,
}

static LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[（(【\[]?\s*(下转|转至|转到|转|上接|接|续)\s*(?:第|本报)?\s*([A-Za-z]?)\s*([0-9０-９一二三四五六七八九十〇零]+)\s*(?:版|页)\s*[)）】\]]?$",
    )
    .expect("valid regex")
});

static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[（(【\[]\s*(?:下转|转至|转到|转)\s*(?:第)?\s*[A-Za-z]?\s*[0-9０-９一二三四五六七八九十〇零]+\s*(?:版|页)\s*[)）】\]]\s*$",
    )
    .expect("valid regex")
});

static LEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*[（(【\[]\s*(?:上接|接|续)\s*(?:第)?\s*[A-Za-z]?\s*[0-9０-９一二三四五六七八九十〇零]+\s*(?:版|页)\s*[)）】\]]",
    )
    .expect("valid regex")
});

/// A jump anywhere in a page: pages without one are left as they are, at the cost of one scan.
static ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:转|接|续)\s*(?:第|本报)?\s*[A-Za-z]?\s*[0-9０-９一二三四五六七八九十〇零]+\s*(?:版|页)")
        .expect("valid regex")
});

/// Reads a whole line as a jump: `下转第四版`, `（上接一版）`, `下转 A2 版`, `转第3版`.
/// Lines that only point to related reports (`相关报道见第十一版`) are no jump: no part of the
/// story is there.
pub fn parse(line: &str) -> Option<Jump> {
    let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if line.chars().count() > super::furniture::MAX_JUMP {
        return None;
    }
    let caps = LINE.captures(line)?;
    let direction = match &caps[1] {
        "上接" | "接" | "续" => Direction::From,
        _ => Direction::To,
    };
    Some(Jump {
        direction,
        page: number(&caps[3])?,
    })
}

/// A continuation jump printed at the end of the last paragraph: the jump and the byte
/// offset where it starts in `text`.
pub fn trailing(text: &str) -> Option<(Jump, usize)> {
    let m = TRAILING.find(text)?;
    Some((parse(m.as_str())?, m.start()))
}

/// A back-reference printed at the start of the first paragraph: the jump and the byte
/// offset where the text after it starts.
pub fn leading(text: &str) -> Option<(Jump, usize)> {
    let m = LEADING.find(text)?;
    Some((parse(m.as_str())?, m.end()))
}

/// Every jump of an article: its jump lines, then one closing its body, then one opening it.
pub fn of_article(jumps: &[String], body: &str) -> Vec<Jump> {
    let mut out: Vec<Jump> = jumps.iter().filter_map(|j| parse(j)).collect();
    let last = body.rsplit('\n').next().unwrap_or(body);
    out.extend(trailing(last).map(|(j, _)| j));
    let first = body.split('\n').next().unwrap_or(body);
    out.extend(leading(first).map(|(j, _)| j));
    out
}

/// Byte ranges of `text`'s lines that hold something, in order.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        if !body.trim().is_empty() {
            out.push((at, at + body.len()));
        }
        at += line.len();
    }
    out
}

/// Where a jump parts two articles of `text` (the text of one article as the page splitter
/// found it): after a line that ends with a jump to another page (`……（下转第四版）`), and
/// before the headline over a back-reference (`夜市客流旺！` / `（上接第一版）`). Byte offsets of
/// the lines that start the next article.
pub fn cuts(text: &str) -> Vec<usize> {
    let ls = lines(text);
    let mut out = Vec::new();
    for (k, &(from, to)) in ls.iter().enumerate() {
        let line = &text[from..to];
        let goes_on =
            parse(line).is_some_and(|j| j.direction == Direction::To) || trailing(line).is_some();
        if goes_on && k + 1 < ls.len() {
            out.push(ls[k + 1].0);
        }
        let came =
            parse(line).is_some_and(|j| j.direction == Direction::From) || leading(line).is_some();
        if came && k >= 2 {
            out.push(ls[k - 1].0);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The articles of a page with those that hold a jump inside them cut there, each piece
/// split again by `split` (the page splitter, on the piece's text): a story's continuation
/// read as the end of the article printed above it, or the article after a jump read as
/// the rest of the story, become articles of their own.
pub fn separate(
    text: &str,
    articles: Vec<Article>,
    split: impl Fn(&str) -> Vec<Article>,
) -> Vec<Article> {
    if !ANY.is_match(text) {
        return articles;
    }
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let byte = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    let mut out = Vec::with_capacity(articles.len());
    for a in articles {
        let (from, to) = (byte(a.span[0]), byte(a.span[1]));
        let Some(piece) = text.get(from..to) else {
            out.push(a);
            continue;
        };
        let cut = cuts(piece);
        if cut.is_empty() {
            out.push(a);
            continue;
        }
        let bounds: Vec<usize> = std::iter::once(0)
            .chain(cut)
            .chain(std::iter::once(piece.len()))
            .collect();
        for w in bounds.windows(2) {
            let offset = a.span[0] + piece[..w[0]].chars().count();
            for mut b in split(&piece[w[0]..w[1]]) {
                b.span = [b.span[0] + offset, b.span[1] + offset];
                out.push(b);
            }
        }
    }
    out
}

/// A page number in Arabic (`4`, `０４`) or Chinese numerals (`四`, `十二`, `二十`).
pub fn number(s: &str) -> Option<u32> {
    let digits: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    if let Ok(n) = digits.parse::<u32>() {
        return (n > 0).then_some(n);
    }
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c);
    let mut total = 0u32;
    let mut current: Option<u32> = None;
    for c in s.chars() {
        if c == '十' {
            total += current.unwrap_or(1) * 10;
            current = None;
        } else if c == '零' {
            current = Some(0);
        } else {
            let d = digit(c)? as u32;
            // `一〇` is 10, digit by digit.
            current = Some(current.map_or(d, |n| n * 10 + d));
        }
    }
    let n = total + current.unwrap_or(0);
    (n > 0).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::{From, To};

    #[test]
    fn lines() {
        let table = [
            ("下转第四版", Some((To, 4))),
            ("（下转第四版）", Some((To, 4))),
            ("转第3版", Some((To, 3))),
            ("下转 A2 版", Some((To, 2))),
            ("（下转4版）", Some((To, 4))),
            ("(下转第十二版)", Some((To, 12))),
            ("上接第一版", Some((From, 1))),
            ("（上接一版）", Some((From, 1))),
            ("（上接A1版）", Some((From, 1))),
            ("　（上接第２０版）", Some((From, 20))),
            ("（相关报道见第十一版）", None),
            ("转变作风抓落实", None),
            ("下一版会更好", None),
            ("下转第零版", None),
        ];
        for (input, want) in table {
            let got = parse(input).map(|j| (j.direction, j.page));
            assert_eq!(got, want, "{input}");
        }
    }

    #[test]
    fn cut_points() {
        let table = [
            // A continuation read as the end of the article above it.
            (
                "蔬菜货源稳中有增\n\n本报北京电 货源稳中有增。\n\n夜市客流旺\n\n（上接第一版）\n\n消费亮眼。\n",
                vec!["夜市客流旺"],
            ),
            ("夜市客流旺\n\n（上接一版）消费亮眼。\n", vec![]),
            (
                "产业兴旺\n\n要培养人才。（下转第四版）\n\n夜市客流旺\n\n春节消费亮眼。\n",
                vec!["夜市客流旺"],
            ),
            ("产业兴旺\n\n要培养人才。\n\n下转第四版\n", vec![]),
            ("产业兴旺\n\n要培养人才，见（下转第四版）一文。\n", vec![]),
        ];
        for (text, want) in table {
            let got: Vec<&str> = cuts(text)
                .into_iter()
                .map(|c| text[c..].lines().next().unwrap_or(""))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn numbers() {
        let table = [
            ("4", Some(4)),
            ("十", Some(10)),
            ("十二", Some(12)),
            ("二十", Some(20)),
            ("二十三", Some(23)),
            ("一〇", Some(10)),
            ("０９", Some(9)),
            ("0", None),
        ];
        for (input, want) in table {
            assert_eq!(number(input), want, "{input}");
        }
    }

    #[test]
    fn inside_paragraphs() {
        let body = "（上接第一版）会议指出，要加强防控。\n各地要筑牢防线。（下转第四版）";
        let jumps = of_article(&[], body);
        let got: Vec<_> = jumps.iter().map(|j| (j.direction, j.page)).collect();
        assert_eq!(got, vec![(To, 4), (From, 1)]);
        let (j, at) = trailing("筑牢防线。（下转第四版）").expect("a trailing jump");
        assert_eq!(
            (j.page, &"筑牢防线。（下转第四版）"[..at]),
            (4, "筑牢防线。")
        );
        assert_eq!(leading("（上接1版）会议指出").map(|(j, _)| j.page), Some(1));
        // A bracket in the middle of a sentence is no jump.
        assert_eq!(of_article(&[], "见（下转第四版）一文的说法。"), vec![]);
        assert_eq!(
            of_article(&["下转 A2 版".into()], "正文。"),
            vec![Jump {
                direction: To,
                page: 2
            }]
        );
    }
}
