//! Path → paper, date and page. Archives name their files after the printed page and put
//! the day in a folder or file name; this is where those names are read.

use crate::day::Day;
use regex::Regex;
use std::sync::LazyLock;

/// The publication day named in a relative path (`2020-02-27/01.txt`, `2020/02/27/01.txt`,
/// `20200227-01-03.txt`, `2020年2月27日/…`). The deepest name that holds a date wins.
pub fn date_from_path(rel: &str) -> Option<Day> {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?:^|[^0-9])((?:18|19|20|21)\d\d)",
            r"(?:(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])",
            r"|[-_./年](0?[1-9]|1[0-2])[-_./月](0?[1-9]|[12]\d|3[01])日?)",
            r"(?:[^0-9]|$)"
        ))
        .expect("valid regex")
    });
    let mut found = None;
    let mut at = 0;
    while let Some(c) = DATE.captures_at(rel, at) {
        let m = c.get(0).map_or(rel.len(), |m| m.start() + 1);
        let (month, day) = match (c.get(2), c.get(3)) {
            (Some(mo), Some(d)) => (mo.as_str(), d.as_str()),
            _ => (
                c.get(4).map_or("", |m| m.as_str()),
                c.get(5).map_or("", |m| m.as_str()),
            ),
        };
        if let (Ok(y), Ok(mo), Ok(d)) = (c[1].parse(), month.parse(), day.parse()) {
            found = Day::new(y, mo, d).or(found);
        }
        at = m.min(rel.len());
    }
    found
}

/// The page as printed in the file name, and its number: `01.txt` → (`01`, 1),
/// `A01.txt` → (`A01`, 1), `人民日报_09版.txt` → (`09`, 9), `20190228-20-05.txt` → (`20`, 20).
pub fn page_from_path(rel: &str) -> Option<(String, u32)> {
    static PATTERNS: LazyLock<[Regex; 3]> = LazyLock::new(|| {
        [
            r"^([A-Za-z]{0,2}\d{1,3})$",
            r"第?([A-Za-z]{0,2}\d{1,3})版",
            r"^\d{8}[-_]([A-Za-z]{0,2}\d{1,3})[-_]\d{1,3}$",
        ]
        .map(|p| Regex::new(p).expect("valid regex"))
    });
    let file = rel.rsplit('/').next().unwrap_or(rel);
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    for re in PATTERNS.iter() {
        if let Some(c) = re.captures(stem) {
            let label = c[1].to_string();
            let digits: String = label.chars().filter(char::is_ascii_digit).collect();
            if let Ok(n) = digits.parse() {
                return Some((label, n));
            }
        }
    }
    None
}

/// True when a name looks like a paper's: it holds 报, 刊 or 闻 and no date.
fn names_a_paper(name: &str) -> bool {
    name.contains(['报', '刊', '闻']) && date_from_path(name).is_none()
}

/// The paper named by the file name itself: a part of the name, before the part that
/// holds the date or the page, that looks like a paper's name (`人民日报_20200226_11版.txt`
/// → `人民日报`). Parts are separated by `_`, `-` or a space. A name with no date or page
/// after it (`要闻.txt`, a section) names no paper.
pub fn paper_from_file_name(rel: &str) -> Option<String> {
    let file = rel.rsplit('/').next().unwrap_or(rel);
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let mut paper = None;
    for part in stem.split(['_', '-', ' ']) {
        if date_from_path(part).is_some() || page_from_path(part).is_some() {
            return paper.map(str::to_string);
        }
        if paper.is_none() && names_a_paper(part) {
            paper = Some(part);
        }
    }
    None
}

/// The publication day of a page that neither its path nor a header dates: the day most
/// of its datelines give, and of those equally common, the latest (an edition carries the
/// news of the day before it and older; one story about an older event must not date the
/// whole page, and a tie goes to the day closest to printing). `None` without a day.
///
/// ```
/// use baosou::{archive::edition_day, day::Day};
/// let d = |s| Day::parse(s).unwrap();
/// assert_eq!(edition_day(&[d("2020-02-26"), d("2020-02-24"), d("2020-02-26")]), Some(d("2020-02-26")));
/// assert_eq!(edition_day(&[d("2020-02-25"), d("2020-02-26")]), Some(d("2020-02-26")));
/// assert_eq!(edition_day(&[]), None);
/// ```
pub fn edition_day(days: &[Day]) -> Option<Day> {
    let mut counts: Vec<(Day, usize)> = Vec::new();
    for &d in days {
        match counts.iter_mut().find(|(c, _)| *c == d) {
            Some((_, n)) => *n += 1,
            None => counts.push((d, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(d, n)| (n, d))
        .map(|(d, _)| d)
}

/// The paper named by the path: the file name when it names one
/// ([`paper_from_file_name`]), else the deepest folder of the relative path, or the
/// archive's own folder, that looks like a paper's name (it holds 报, 刊 or 闻). `None`
/// when no name does.
pub fn paper_from_path(root_name: &str, rel: &str) -> Option<String> {
    if let Some(paper) = paper_from_file_name(rel) {
        return Some(paper);
    }
    let mut folders: Vec<&str> = vec![root_name];
    folders.extend(
        rel.split('/')
            .rev()
            .skip(1)
            .collect::<Vec<_>>()
            .into_iter()
            .rev(),
    );
    folders
        .into_iter()
        .rev()
        .find(|f| names_a_paper(f))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_paths() {
        let cases = [
            ("2020-02-27/01.txt", Some("2020-02-27")),
            ("2020/02/27/01.txt", Some("2020-02-27")),
            ("2020/2/7/A01.txt", Some("2020-02-07")),
            ("株洲日报/20200227/01.txt", Some("2020-02-27")),
            ("2019年2月/20190228/20190228-20-05.txt", Some("2019-02-28")),
            ("2020年2月27日/第01版.txt", Some("2020-02-27")),
            ("株洲日报_2020.02.27_A01.txt", Some("2020-02-27")),
            ("000_311fa1faea9bd5ea.txt", None),
            ("2020-02-30/01.txt", None),
            ("scans/12345678901.txt", None),
        ];
        for (path, want) in cases {
            assert_eq!(
                date_from_path(path).map(|d| d.to_string()).as_deref(),
                want,
                "{path}"
            );
        }
    }

    #[test]
    fn pages_from_paths() {
        let cases = [
            ("2020-02-27/01.txt", Some(("01", 1))),
            ("2020-02-27/A01.txt", Some(("A01", 1))),
            ("人民日报_09版.txt", Some(("09", 9))),
            ("2020-02-27/第12版.txt", Some(("12", 12))),
            ("20190228-20-05.txt", Some(("20", 20))),
            ("000_311fa1faea9bd5ea.txt", None),
        ];
        for (path, want) in cases {
            let got = page_from_path(path);
            assert_eq!(got.as_ref().map(|(l, n)| (l.as_str(), *n)), want, "{path}");
        }
    }

    #[test]
    fn papers_from_paths() {
        assert_eq!(
            paper_from_path("pages", "人民日报/2019-02-01/01.txt").as_deref(),
            Some("人民日报")
        );
        assert_eq!(
            paper_from_path("株洲日报", "2020/02/27/01.txt").as_deref(),
            Some("株洲日报")
        );
        assert_eq!(paper_from_path("data", "000_311fa1faea9bd5ea.txt"), None);
        assert_eq!(
            paper_from_path("pages", "2020/02/26/人民日报_20200226_11版.txt").as_deref(),
            Some("人民日报")
        );
    }

    #[test]
    fn papers_from_file_names() {
        let cases = [
            ("2020/02/26/人民日报_20200226_11版.txt", Some("人民日报")),
            ("株洲日报_2020.02.27_A01.txt", Some("株洲日报")),
            ("人民日报_09版.txt", Some("人民日报")),
            ("光明日报-20200226-05.txt", Some("光明日报")),
            ("2020-02-26/要闻.txt", None),
            // After the date or the page, a part is a headline or a note, not the paper.
            ("20200226_01_晚报选登.txt", None),
            ("01版_本报评论.txt", None),
            ("2020/02/26/01.txt", None),
            ("000_311fa1faea9bd5ea.txt", None),
        ];
        for (path, want) in cases {
            assert_eq!(paper_from_file_name(path).as_deref(), want, "{path}");
        }
    }

    #[test]
    fn an_edition_takes_the_commonest_dateline_day_then_the_latest() {
        let d = |s: &str| Day::parse(s).expect("a day");
        let cases: [(&[&str], Option<&str>); 4] = [
            (
                &["2020-02-26", "2020-02-26", "2020-02-24"],
                Some("2020-02-26"),
            ),
            (
                &["2020-02-24", "2020-02-24", "2020-02-26"],
                Some("2020-02-24"),
            ),
            (&["2020-02-24", "2020-02-26"], Some("2020-02-26")),
            (&[], None),
        ];
        for (days, want) in cases {
            let days: Vec<Day> = days.iter().map(|s| d(s)).collect();
            assert_eq!(
                edition_day(&days).map(|d| d.to_string()).as_deref(),
                want,
                "{days:?}"
            );
        }
    }
}
