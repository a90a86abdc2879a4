//! Jump lines as facts: where a story continues (`下转第四版`, `转第3版`, `（下转 A2 版）`) or
//! where it came from (`上接第一版`, `（上接1版）`), with the page they name. The splitter
//! already keeps a jump line that stands alone out of the body ([`super::furniture`]); this
//! module reads the page out of it, and finds a jump printed at the end of a paragraph
//! (`……筑牢防线。（下转第四版）`). Stitching the parts of a story together happens at index
//! time (`index::stitch`).

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
    pub direction: Direction,
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

/// Reads a whole line as a jump: `下转第四版`, `（上接一版）`, `下转 A2 版`, `转第3版`.
/// Lines that only point to related reports (`相关报道见第六版`) are no jump: no part of the
/// story is there.
pub fn parse(line: &str) -> Option<Jump> {
    let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if line.chars().count() > 20 {
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
            ("（相关报道见第六版）", None),
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
