//! Page furniture: the lines around articles that are not their text. Jump lines (`下转 A2
//! 版`, `上接第一版`), page headers with the publication day (`2020年2月27日 星期四`),
//! photo captions and production credits (`版式设计：王明`). They become article metadata or
//! are dropped, never body text.

use super::text::{
    ascii_digits, first_chars, part_wider_than, trim, wider_than, width, width_upto,
};
use crate::day::Day;
use regex::Regex;
use std::sync::LazyLock;

static JUMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[（(【]?\s*(?:下转|上接|转第|接第|转|接|续第|紧接|相关报道见|相关报道|详见|见)\s*第?\s*[A-Za-z]?\s*[0-9一二三四五六七八九十百〇零]+\s*版\s*[)）】]?$",
    )
    .expect("valid regex")
});

static HEADER_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[\p{Han}]{0,12}\s*)?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:(?:星期|周)[一二三四五六日天])?\s*(?:[\p{Han}]{0,8}\s*)?(?:第\s*\d+\s*版|[A-Z]?\d{1,2}\s*版?)?$",
    )
    .expect("valid regex")
});

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:图说[：:]|图[①-⑳0-9一二三四五六七八九十为上下左右中：:]|上图|下图|左图|右图|题图|（图|\(图)",
    )
    .expect("valid regex")
});

static OPENING_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{4}年)?(\d{1,2})月(\d{1,2})日(?:[上下]午|晚|凌晨|中午|早)?[，,]")
        .expect("valid regex")
});

static PRODUCTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(]?(?:本版)?(?:版式设计|视觉设计|版面设计|版式|制图|[\p{Han}]{0,2}设计|美术编辑|图片编辑|值班编辑|编辑|审读|本期统筹|[\p{Han}]{0,2}统筹|图片说明|责任编辑|责编|美编|校对|本版编辑|图表制作|[\p{Han}]{0,5}来源|[\p{Han}]{0,2}整理)(?:、[\p{Han}]{2,4})*[：:]")
        .expect("valid regex")
});

/// A page header or footer that opens with the publication day and goes on with the
/// page's credits or its label: `2022年4月1日 星期五 责任编辑：王明 视觉设计：李华`,
/// `2022年4月1日 星期五 A3 要闻`; or that prints the day after the page's number, section
/// and paper (`5  经济  2020年2月1日 星期六`, `临川周末  第3版  文化  2020年2月3日 星期一`).
static DATED_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:[A-F]?\d{1,2}\s*版?|第\s*\d{1,3}\s*版|[\p{Han}·]{1,12})\s*[|｜·]?\s*){0,4}(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:星期|周)[一二三四五六日天]\s*(?P<rest>.*)$",
    )
    .expect("valid regex")
});

/// A page's label with its section name: `A3 要闻`, `B2版 文体`, `第3版 要闻`, `A3`.
static PAGE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[A-F]\d{1,2}\s*版?|第\s*[0-9一二三四五六七八九十]{1,3}\s*版|\d{1,2}\s*版)(?:\s*[·|｜]?\s+[\p{Han}·]{2,8}|\s*[·|｜]\s*[\p{Han}·]{2,8})?$|^[\p{Han}·]{2,8}\s*[·|｜]?\s+[A-F]\d{1,2}\s*版?$",
    )
    .expect("valid regex")
});

/// A page header that prints the day with dots or dashes after the page's label
/// (`A7 ｜ 国际 ｜ 2020.02.01`, `第3版  要闻  2020-02-01 星期六`).
static NUMERIC_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[\p{Han}·]{1,12}\s*[|｜·]?\s*)?(?:[A-F]?\d{1,2}\s*版?|第\s*\d{1,3}\s*版)\s*[|｜·]?\s*(?:[\p{Han}·]{1,12}\s*[|｜·]?\s*){0,2}(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})(?:\s*(?:星期|周)[一二三四五六日天])?$",
    )
    .expect("valid regex")
});

/// A layout credit without its colon: `版式设计  周文涛`.
static LAYOUT_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:本版)?(?:版式设计|责任编辑|本版编辑|美编)[\s\x{a0}\x{3000}]+[\p{Han}\s\x{a0}\x{3000}]{2,16}$")
        .expect("valid regex")
});

/// The space between credits printed side by side: two spaces or more.
static CREDIT_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\s\x{a0}\x{3000}]{2,}").expect("valid regex"));

/// A cartoon's credit: `曹 一图 周 南文`.
static ART_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\p{Han}\s\x{a0}\x{3000}]{2,8}图[\s\x{a0}\x{3000}]+[\p{Han}\s\x{a0}\x{3000}]{2,8}文$",
    )
    .expect("valid regex")
});

/// The longest jump line, in chars (`（相关报道见第十一版）`).
pub(crate) const MAX_JUMP: usize = 20;
/// The longest page label line, in chars (`第3版 要闻`).
const MAX_PAGE_LABEL: usize = 16;
/// The longest production credit line, in chars (`本版摄影：林海生  版式设计：周文涛`).
const MAX_PRODUCTION: usize = 60;
/// The longest page header holding the day, with the credits after it, in chars.
const MAX_HEADER: usize = 80;
/// The longest page header of the day alone, or the day and a label (`2020年2月27日 星期四`,
/// `人民日报 2020年2月27日 星期四 第3版`), in chars; a wider one goes on with credits.
const MAX_BARE_HEADER: usize = 40;
/// The widest day printed alone as a header, without its weekday (`2020年12月31日`), in chars.
const MAX_DAY_ONLY: usize = 12;
/// The longest page label line that goes on with the page's credits
/// (`A2  要闻  责任编辑：王明`), in chars.
const MAX_CREDITED_LABEL: usize = 48;
/// The widest role before a credit's colon (`编辑`, `责任编辑`, `图表制作`, `本版统筹`), in chars.
const MAX_ROLE: usize = 6;
/// The widest part of a credits line that is not a credit: a name set off from its role by
/// spaces (`宋可欣`), a short label (`A3`, `要闻`), in chars.
const MAX_CREDIT_PART: usize = 8;
/// How many chars a section's name after its mark has (`■ 要闻`, `◆ 综合`).
const SECTION_NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=4;
/// How many chars a section's name in a banner has (`【民生】`, `【区县新闻】`, `■ 社会观察`).
const BANNER_NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=6;
/// How far into a paragraph a day opening it is looked for (`2020年12月31日上午，`), in chars.
const OPENING_DAY_HEAD: usize = 16;

/// A jump line, to another page or from one: `下转 A2 版`, `（上接第一版）`,
/// `（相关报道见第十一版）`.
pub(crate) fn is_jump(line: &str) -> bool {
    !wider_than(line, MAX_JUMP) && JUMP.is_match(trim(line))
}

/// [`is_jump`] of a line whose [`width`] `w` was counted
/// already (up to a cap over this test's widest line, at least).
pub(crate) fn is_jump_of(line: &str, w: usize) -> bool {
    w <= MAX_JUMP && JUMP.is_match(trim(line))
}

/// A page's label line, with or without its section name: `A3 要闻`, `第3版 要闻`.
pub(crate) fn is_page_label(line: &str) -> bool {
    is_page_label_of(line, width_upto(line, MAX_CREDITED_LABEL + 1))
}

/// [`is_page_label`] of a line whose [`width`] `w` was counted
/// already (up to a cap over this test's widest line, at least).
pub(crate) fn is_page_label_of(line: &str, w: usize) -> bool {
    // Every form is narrower than a credited label: a paragraph is passed over at once.
    if w > MAX_CREDITED_LABEL {
        return false;
    }
    let bare =
        |l: &str| !wider_than(l, MAX_PAGE_LABEL) && PAGE_LABEL.is_match(&ascii_digits(trim(l)));
    let bare_line = w <= MAX_PAGE_LABEL && PAGE_LABEL.is_match(&ascii_digits(trim(line)));
    bare_line || is_section_mark(line) || credited_label(line, w).is_some_and(bare)
}

/// The label of a page label line that goes on with the page's credits, with their colons
/// or without (`A2  要闻  责任编辑：王明`, `A05 | 经济  本版编辑 孟怡  美编 覃新玉` →
/// `A2  要闻`, `A05 | 经济`), if it does.
fn credited_label(whole: &str, w: usize) -> Option<&str> {
    let line = trim(whole);
    if part_wider_than(whole, w, line, MAX_CREDITED_LABEL) {
        return None;
    }
    let role = |p: &str| match p.split_once(['：', ':']) {
        Some((role, _)) => (2..=MAX_ROLE).contains(&width(role)),
        None => BARE_ROLES.contains(&p),
    };
    let name = |p: &str| {
        width(p) <= *super::byline::NAME_CHARS.end() && p.chars().all(super::text::is_han)
    };
    let parts: Vec<&str> = line
        .split(super::text::is_space)
        .filter(|p| !p.is_empty())
        .collect();
    let first = parts.iter().position(|p| role(p)).filter(|&i| i > 0)?;
    let ok = parts[first..].iter().all(|p| role(p) || name(p));
    // The parts are slices of `line`: the credits start where the first role does.
    let start = parts[first].as_ptr() as usize - line.as_ptr() as usize;
    ok.then(|| trim(&line[..start]))
}

/// The page's roles a header prints without a colon, a space before the name
/// (`本版编辑 孟怡  美编 覃新玉`).
const BARE_ROLES: [&str; 12] = [
    "责任编辑",
    "本版编辑",
    "编辑",
    "责编",
    "美编",
    "美术编辑",
    "图片编辑",
    "校对",
    "版式",
    "版式设计",
    "视觉设计",
    "审读",
];

/// A section's name set after a mark and a space between the stories of a page: `■ 要闻`,
/// `◆ 综合`. (A mark set close to a short label, `■链接`, `■记者手记`, heads a part of an
/// article.)
pub(crate) fn is_section_mark(line: &str) -> bool {
    marked_name(line, &['■', '◆', '▼', '▲', '□'])
        .is_some_and(|name| is_section_name(name, SECTION_NAME_CHARS))
}

/// The name after one of `marks` set off from it by a space (`■ 要闻` → `要闻`; `■链接`
/// has none).
fn marked_name<'a>(line: &'a str, marks: &[char]) -> Option<&'a str> {
    let rest = trim(line).strip_prefix(marks)?;
    let name = trim(rest);
    (name.len() < rest.len()).then_some(name)
}

/// True when `name` is all Han, as many chars as `chars` allows.
fn is_section_name(name: &str, chars: std::ops::RangeInclusive<usize>) -> bool {
    chars.contains(&name.chars().count()) && name.chars().all(super::text::is_han)
}

/// A line that is only a section's name, bracketed or after a mark: `【民生】`,
/// `【区县新闻】`, `◆ 社会`, `■ 观察`. Papers print such banners between stories, too
/// rarely in an archive to recur as furniture; the same form also heads a part of an
/// article (`【点评】` under a story's `【故事】`), so the layout reads it as a banner only
/// where a story ended before it and a headline stands under it.
pub(crate) fn is_section_banner(line: &str) -> bool {
    let line = trim(line);
    let name = line
        .strip_prefix('【')
        .and_then(|r| r.strip_suffix('】'))
        .or_else(|| marked_name(line, &['■', '◆', '▼', '▲', '□', '●']));
    name.is_some_and(|name| is_section_name(name, BANNER_NAME_CHARS))
}

/// The publication day in a page header line (`2020年2月27日 星期四`), also when the
/// header goes on with the page's credits or label
/// (`2022年4月1日 星期五 责任编辑：王明 视觉设计：李华`).
pub(crate) fn header_day(line: &str) -> Option<Day> {
    header_day_of(line, width_upto(line, MAX_HEADER + 1))
}

/// [`header_day`] of a line whose [`width`] `w` was counted
/// already (up to a cap over this test's widest line, at least).
pub(crate) fn header_day_of(whole: &str, w: usize) -> Option<Day> {
    // The year is printed with its `年`, or the day with dots after a page label:
    // looking for them is the cheaper test.
    if w > MAX_HEADER {
        return None;
    }
    if !whole.contains('年') {
        return numeric_header(whole, w);
    }
    // Full-width digits become ASCII ones char for char: the width stays as tested.
    let line = ascii_digits(trim(whole));
    if part_wider_than(whole, w, &line, MAX_BARE_HEADER) {
        return credited_header(&line);
    }
    let Some(c) = HEADER_DAY.captures(&line) else {
        return credited_header(&line);
    };
    let has_weekday = line.contains("星期") || line.contains('周');
    let bare = width(&line) <= MAX_DAY_ONLY;
    if !(has_weekday || bare) {
        return None;
    }
    Day::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// The day of a page header that prints it with dots or dashes after the page's label
/// ([`NUMERIC_HEAD`]).
fn numeric_header(line: &str, w: usize) -> Option<Day> {
    if w > MAX_BARE_HEADER || !line.contains(['.', '-', '/']) {
        return None;
    }
    let line = ascii_digits(trim(line));
    let c = NUMERIC_HEAD.captures(&line)?;
    Day::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// A header too long for a bare one: the day and weekday, then only credits
/// (`责任编辑：王明`) and short labels (`A3`, `要闻`), no sentence.
fn credited_header(line: &str) -> Option<Day> {
    let c = DATED_HEAD.captures(line)?;
    let rest = c.name("rest").map_or("", |m| m.as_str());
    let part_ok = |p: &str| match p.split_once(['：', ':']) {
        Some((role, _)) => width(role) <= MAX_ROLE,
        None => width(p) <= MAX_CREDIT_PART,
    };
    let ok = !rest.contains(['，', '。', '？', '！', '；'])
        && rest
            .split(super::text::is_space)
            .filter(|p| !p.is_empty())
            .all(part_ok);
    if !ok {
        return None;
    }
    Day::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// A line that reads as a photo caption: `图①：…`, `图为…`, `上图：…`.
pub(crate) fn is_caption(line: &str) -> bool {
    CAPTION.is_match(trim(line))
}

/// Month and day opening a paragraph (`2月24日，`), as photo captions and news begin.
pub(crate) fn opening_day(para: &str) -> Option<(u32, u32)> {
    // The pattern opens with a digit (`\d`, any Unicode digit): most paragraphs need no
    // regex search.
    if !para.starts_with(char::is_numeric) {
        return None;
    }
    let head = ascii_digits(first_chars(para, OPENING_DAY_HEAD));
    let c = OPENING_DAY.captures(&head)?;
    let m: u32 = c[1].parse().ok()?;
    let d: u32 = c[2].parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

/// A production credit or source line (`版式设计：王明`, `制图：李华`, `来源：新华社`, the
/// editor's credit a story ends on: `（责任编辑：王明）`), or a page's credits with one among
/// them (`本版摄影：林海生  版式设计：周文涛`).
#[cfg(test)]
pub(crate) fn is_production(line: &str) -> bool {
    is_production_of(line, width_upto(line, MAX_PRODUCTION + 1))
}

/// [`is_production`] of a line whose [`width`] `w` was counted
/// already (up to a cap over this test's widest line, at least).
pub(crate) fn is_production_of(whole: &str, w: usize) -> bool {
    let line = trim(whole);
    !part_wider_than(whole, w, line, MAX_PRODUCTION)
        && (PRODUCTION.is_match(line)
            || LAYOUT_CREDIT.is_match(line)
            || line.contains("投稿邮箱")
            || line.contains('@')
            || page_credits(line))
        || line.ends_with('文') && ART_CREDIT.is_match(line)
}

/// Credits side by side, one of them for the production: `本版摄影：林海生  版式设计：周文涛`,
/// `采访整理：本报记者  宋可欣    数据来源：中华全国总工会` (a name set off from its role by
/// spaces goes with the credit before it).
fn page_credits(line: &str) -> bool {
    if line.matches(['：', ':']).nth(1).is_none() {
        return false;
    }
    let parts: Vec<&str> = CREDIT_GAP.split(line).map(trim).collect();
    let credit = |p: &&str| {
        p.split_once(['：', ':'])
            .is_some_and(|(role, _)| width(role) <= MAX_ROLE)
    };
    let name = |p: &&str| !p.contains(['：', ':']) && width(p) <= MAX_CREDIT_PART;
    parts.len() > 1
        && parts.first().is_some_and(credit)
        && parts.iter().all(|p| credit(p) || name(p))
        && parts.iter().any(|p| PRODUCTION.is_match(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jumps() {
        let table = [
            ("下转 A2 版", true),
            ("（上接第一版）", true),
            ("上接第一版", true),
            ("转第3版", true),
            ("（相关报道见第十一版）", true),
            ("下转第二版", true),
            ("下一版会更好", false),
            ("转变作风抓落实", false),
        ];
        for (input, want) in table {
            assert_eq!(is_jump(input), want, "{input}");
        }
    }

    #[test]
    fn header_days() {
        let table = [
            ("2020年2月27日 星期四", Some("2020-02-27")),
            ("2019年10月1日", Some("2019-10-01")),
            ("株洲日报 2020年2月27日 星期四 A01", Some("2020-02-27")),
            ("2020年2月27日，市委召开会议", None),
            (
                "2022年4月1日 星期五 责任编辑：王小明 视觉设计：李华",
                Some("2022-04-01"),
            ),
            (
                "2022年4月1日  星期五  A3  要闻  编辑：王明",
                Some("2022-04-01"),
            ),
            ("A3  北原日报·要闻  2020年2月1日 星期六", Some("2020-02-01")),
            // The page's number, section or paper before the day; the day in dots.
            ("5  经济  2020年2月1日 星期六", Some("2020-02-01")),
            (
                "临川周末  第3版  文化  2020年2月3日 星期一",
                Some("2020-02-03"),
            ),
            ("A7 ｜ 国际 ｜ 2020.02.01", Some("2020-02-01")),
            ("第3版  要闻  2020-02-01 星期六", Some("2020-02-01")),
            ("2020.02.01", None),
            ("5G 2020.02.01", None),
            ("增长5.2%，达到2020.02", None),
            ("5  2020年2月1日，市委召开会议", None),
            (
                "2022年4月1日 星期五 市委召开会议，部署全年工作，强调要抓好落实",
                None,
            ),
        ];
        for (input, want) in table {
            assert_eq!(
                header_day(input).map(|d| d.to_string()).as_deref(),
                want,
                "{input}"
            );
        }
    }

    #[test]
    fn page_labels() {
        let table = [
            ("A3 要闻", true),
            ("A3", true),
            ("B12版 文体", true),
            ("第3版 要闻", true),
            ("A05 | 经济  本版编辑 孟怡  美编 覃新玉", true),
            ("第2版  综合新闻  编辑 王五  校对 赵六", true),
            ("A2  要闻  责任编辑：王明", true),
            ("要闻  编辑 王五", false),
            ("本版编辑 孟怡", false),
            ("要闻 A3", true),
            ("A3·要闻", true),
            ("G20峰会开幕", false),
            ("■ 专版", true),
            ("A2  要闻  责任编辑：袁平帅", true),
            ("A2  要闻  责任编辑：袁平帅  美编：王明", true),
            ("市委召开会议  记者：王明", false),
            ("◆\u{3000}综合", true),
            ("■记者手记", false),
            ("■ 市委召开常委会议", false),
            ("5G 新基建", false),
            ("A股市场回暖", false),
        ];
        for (input, want) in table {
            assert_eq!(is_page_label(input), want, "{input}");
        }
    }

    #[test]
    fn section_banners() {
        let table = [
            ("【民生】", true),
            ("【区县新闻】", true),
            ("◆ 社会", true),
            ("■\u{3000}观察", true),
            ("● 城事", true),
            ("【点评】", true),
            ("■链接", false),
            ("【】", false),
            ("【新】", false),
            ("【A股】", false),
            ("【记者手记】今年春节，", false),
            ("【一二三四五六七】", false),
            ("民生", false),
            ("（民生）", false),
        ];
        for (input, want) in table {
            assert_eq!(is_section_banner(input), want, "{input}");
        }
    }

    #[test]
    fn captions_days_credits() {
        assert!(is_caption("图说：市民在花展上拍照留念"));
        assert!(is_production("编辑：张红 校对：刘洋"));
        assert!(is_production("视觉设计：李华"));
        assert!(is_caption("图①：江苏丰县，民警在指挥交通。"));
        assert!(is_caption("图为工人在车间忙碌。"));
        assert!(!is_caption("图书馆里人不少。"));
        assert_eq!(opening_day("2月24日，我市各县"), Some((2, 24)));
        assert_eq!(opening_day("２月２０日下午，"), Some((2, 20)));
        assert_eq!(opening_day("会议于2月24日召开"), None);
        assert!(is_production("版式设计：董亮"));
        assert!(is_production("本版制图：王华"));
        // The editor's credit a story ends on, in brackets (`（责任编辑：X）`).
        assert!(is_production("（责任编辑：孙丽）"));
        assert!(!is_production("（记者：赵敏）"));
        assert!(is_production(
            "叶\u{a0}\u{a0}舟图\u{a0}\u{a0}方\u{a0}\u{a0}圆文"
        ));
        assert!(!is_production("设计一个新方案，让大家满意。"));
        assert!(is_production("版式：周文涛"));
        assert!(is_production("版式、制图：沈雨桐"));
        assert!(is_production("版式设计  周文涛"));
        assert!(is_production(
            "本版摄影：林海生\u{a0}\u{a0}版式设计：周文涛"
        ));
        assert!(!is_production("版式设计  新颖别致，让人眼前一亮"));
        assert!(is_production(
            "采访整理：本报记者\u{a0}\u{a0}宋可欣\u{a0}\u{a0}\u{a0}\u{a0}数据来源：中华全国总工会"
        ));
        assert!(is_production(
            "内容统筹：本报编辑\u{a0}\u{a0}何思远\u{a0}\u{a0}\u{a0}\u{a0}图表设计：晨光日报全媒体平台"
        ));
        // Where a box's figures or facts came from, and who compiled them.
        assert!(is_production("资料和数据来源：湘江市统计局"));
        assert!(is_production(
            "资料整理：程\u{a0}\u{a0}远\u{a0}\u{a0}王晓华"
        ));
        assert!(!is_production("他说：  好  我们说：不"));
        assert!(!is_production("记者：今年  经济稳中向好"));
    }
}
