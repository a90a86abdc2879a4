//! Bylines, photo credits and datelines: who wrote an article, who took its photos, and
//! where and when it was filed.
//!
//! A byline is a line of its own (`株洲日报记者 胡文洁`, `本报记者 孟晓林 黄小红 柳 歌`), a
//! photo credit (`新华社记者 李 沐摄`, `株洲日报记者 谭浩瀚 通讯员/旷小龙 摄`) or a bracketed
//! credit after a dateline (`本报北京5月11日电 （记者徐岩）`). Names printed with alignment
//! spaces (`柳 歌`) are one name.

use super::text::{
    ascii_digits, first_chars, is_han, is_space, part_wider_than, staff_column, trim, wider_than,
    width, width_upto,
};
use crate::article::Reporter;
use crate::normalize::squeeze;
use regex::Regex;
use std::sync::LazyLock;

/// Roles as papers print them, longest first so that `特约记者` wins over `记者`.
const ROLES: &str = "首席记者|全媒体记者|融媒体记者|特约记者|见习记者|实习记者|摄影记者|本报记者|记者|特约通讯员|通讯员|实习生|特约评论员|评论员|摄影";

/// An organisation followed by a role: `株洲日报记者`, `新华社记者`, `本报记者`.
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    let org = r"本报|新华社|中新社|[\p{Han}]{1,8}?(?:日报|晚报|早报|商报|时报|报社|报|通讯社|社|电视台|台|网|杂志)";
    Regex::new(&format!(r"(?:(?P<org>{org}))?(?P<role>{ROLES})")).expect("valid regex")
});

/// A dateline at the start of a paragraph: `本报北京5月11日电`, `新华社北京2月26日电`,
/// `据新华社电`, `株洲日报讯 2月26日`, `本报讯`, `本报3月2日讯`, `本报北京3月2日讯`, with the credit some
/// papers print inside it: `本报讯（记者 王明 通讯员 李华）`.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<all>(?:据)?(?P<org>本报|新华社|中新社|[\p{Han}]{1,8}?(?:日报|晚报|早报|商报|时报|报|社|台|网))(?:(?P<place>[\p{Han}·]{0,12}?)\s*(?:(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日)?(?:[\p{Han}]{0,2})电|(?:[\p{Han}·]{0,12}?(?P<m3>\d{1,2})月(?P<d3>\d{1,2})日)?讯(?:[\s　]*[（(][^）)]{1,30}[）)])?[\s　]*(?:(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日(?:上午|下午|晚|晚间|早|凌晨|中午|电)?)?))",
    )
    .expect("valid regex")
});

/// A bracketed credit: `（记者徐岩）`, `（记者莽九成、刘仲明）`, `（本报记者 王明）`.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"[（(](?P<inner>[^（()）]{{0,10}}?(?:{ROLES})[^（()）]{{1,60}})[）)]"
    ))
    .expect("valid regex")
});

/// The widest byline or credit line, in chars (`本报记者 孟晓林 黄小红 柳 歌`): a wider line
/// is text.
pub(crate) const MAX_BYLINE: usize = 48;

/// The widest byline set after a paragraph's last sentence, in chars.
const MAX_TAIL_BYLINE: usize = 40;

/// The chars of a paragraph a dateline is looked for in (`据长沙湘江新区晨光日报讯 …` and
/// a bracketed credit inside it).
const DATELINE_HEAD: usize = 40;

/// The chars of a paragraph an organisation ends in when it opens a dateline: `据`, eight
/// chars of name and `日报`.
const DATELINE_ORG_HEAD: usize = 11;

/// The chars of a paragraph a bracketed credit is looked for in (`本报北京5月11日电 （记者…）`).
const CREDIT_HEAD: usize = 90;

/// A dateline found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// As printed, spaces kept: `株洲日报讯 2月26日`.
    pub(crate) text: String,
    /// `本报`, `新华社`, `株洲日报`.
    pub(crate) org: String,
    /// Month and day, when printed.
    pub(crate) day: Option<(u32, u32)>,
}

/// The dateline that opens `para`, if any.
pub(crate) fn dateline(para: &str) -> Option<Dateline> {
    // A dateline names its organisation in its first 11 chars (`据`, eight chars, `日报`)
    // and has its `电` or `讯`: most paragraphs need no regex search.
    let org_end = |c: char| matches!(c, '报' | '社' | '台' | '网');
    if !para.chars().take(DATELINE_ORG_HEAD).any(org_end) {
        return None;
    }
    let head = first_chars(para, DATELINE_HEAD);
    if !head.contains(['电', '讯']) {
        return None;
    }
    let norm = ascii_digits(head);
    let c = DATELINE.captures(&norm)?;
    let all = c.name("all")?;
    let text = trim(all.as_str()).to_string();
    let num = |m: &str, d: &str| -> Option<(u32, u32)> {
        let m: u32 = c.name(m)?.as_str().parse().ok()?;
        let d: u32 = c.name(d)?.as_str().parse().ok()?;
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
    };
    let day = num("m1", "d1")
        .or_else(|| num("m2", "d2"))
        .or_else(|| num("m3", "d3"));
    let org = c.name("org").map_or("", |m| m.as_str()).to_string();
    // `讯` alone is only a dateline for a paper (`本报讯`, `株洲日报讯`), and an `电` needs a
    // news organisation (`据新华社电`, not `来电`): without a day, one ending in `报` or `社`
    // (`第一台自制电饭锅` is no dateline).
    if day.is_none() && text.ends_with('电') && !org.ends_with(['报', '社']) {
        return None;
    }
    Some(Dateline { text, org, day })
}

/// The paper named by an organisation (`株洲日报`), not `本报` or a news agency.
pub(crate) fn paper_name(org: &str) -> Option<&str> {
    (org.ends_with('报') && org != "本报" && org.chars().count() >= 3).then_some(org)
}

/// Reporters in a byline or photo-credit line, or `None` when the line is not one.
pub(crate) fn byline(line: &str) -> Option<Vec<Reporter>> {
    byline_of(line, width_upto(line, MAX_BYLINE + 1))
}

/// [`byline`] of a line whose [`width`] `w` was counted already (up to a cap over
/// [`MAX_BYLINE`], at least).
pub(crate) fn byline_of(whole: &str, w: usize) -> Option<Vec<Reporter>> {
    // `■本报记者 王明`, `□记者 王明`: a mark set before the byline.
    let line = trim(trim(whole).trim_start_matches(BYLINE_MARKS));
    let line = strip_agency(line);
    if is_commentator(line) {
        return Some(Vec::new());
    }
    let wide = part_wider_than(whole, w, line, MAX_BYLINE);
    if let Some(reps) = art_credits(line, wide) {
        return Some(reps);
    }
    // `本报记者 王明 李华整理`, `…采访整理`: the reporters who wrote down what others said.
    let read = line
        .strip_suffix("整理")
        .map_or(line, |l| trim(l.strip_suffix("采访").unwrap_or(l)));
    let wide = wide && (read.len() == line.len() || wider_than(read, MAX_BYLINE));
    let line = read;
    // A dateline cut at a column break (`本报讯  记者从自` / `然资源部获悉…`) is no byline.
    if wide
        || staff_column(line)
        || dateline(line).is_some()
        || line.contains(['。', '，', '！', '？', '“', '；'])
    {
        return None;
    }
    let photo_line = signed_as_photo(line) || line.ends_with("摄影");
    let line = line
        .strip_suffix("报道")
        .filter(|_| photo_line)
        .unwrap_or(line);
    let roles: Vec<_> = ROLE.captures_iter(line).collect();
    if roles.is_empty() && !photo_line {
        return None;
    }
    let mut out = Vec::new();
    // Names printed before the first role belong to no role (`高光明摄`), but a role with a
    // colon after it follows a label of what it credits (`本版摄影：吕 舟`, `剧照摄影：…`).
    let first_role = roles.first().and_then(|c| c.get(0));
    let first = first_role.map_or(line.len(), |m| m.start());
    let colon_after = first_role.is_some_and(|m| line[m.end()..].starts_with(['：', ':']));
    // A reporter named by their outlet before a colon asks a question in a transcript
    // (`晨光广播电视台记者：中美…`, `新华社记者：`): a speaker, not a byline.
    if colon_after && roles.first().is_some_and(is_questioner) {
        return None;
    }
    let labelled = colon_after && first > 0;
    if !labelled && !photo_line && ends_set_off(&line[..first]) {
        return None;
    }
    if !labelled {
        names_into(&line[..first], "", None, photo_line, &mut out)?;
    }
    for (i, c) in roles.iter().enumerate() {
        let whole = c.get(0)?;
        let end = roles
            .get(i + 1)
            .and_then(|n| n.get(0))
            .map_or(line.len(), |m| m.start());
        let role = c.name("role").map_or("", |m| m.as_str());
        let (org, role) = match (c.name("org").map(|m| m.as_str()), role) {
            (None, "本报记者") => (Some("本报"), "记者"),
            (o, r) => (o, r),
        };
        let photo = photo_line || role == "摄影";
        names_into(&line[whole.end()..end], role, org, photo, &mut out)?;
    }
    (!out.is_empty()).then_some(out)
}

/// True when `before`, what a line prints before its first role, is text set off from the
/// byline by two spaces or an ideographic one, with a word longer than a name is commonly
/// printed: the line ends with its byline (`众志成城  共克时艰  记者  苏玉`,
/// `版式设计 张丹阳  记者  王明`), and [`tail_byline`] parts the two. Names cut from the
/// byline before them at a column break (`严波国  通讯员 陶华悦`) stay names, and a photo's
/// source (`新华社发  本报记者  沈子`) is passed over by the names instead.
fn ends_set_off(before: &str) -> bool {
    let text = trim(before);
    if text.is_empty() || is_photo_source(text) {
        return false;
    }
    let gap = &before[text.len()..];
    let set_off = sets_apart(gap);
    let words = text
        .split(is_space)
        .any(|w| w.chars().count() > COMMON_NAME_CHARS);
    set_off && words
}

/// The longest name commonly printed, in chars: four-character names (`欧阳文华`) are rare
/// enough that a four-character word before a byline is taken for text.
const COMMON_NAME_CHARS: usize = 3;

/// True when a role match is an outlet's reporter (`新华社记者`, `晨光广播电视台记者`), as
/// transcripts label the one asking; `本报记者` and a bare `记者` are the paper's own.
fn is_questioner(c: &regex::Captures) -> bool {
    let org = c.name("org").map_or("", |m| m.as_str());
    let role = c.name("role").map_or("", |m| m.as_str());
    !org.is_empty() && org != "本报" && role.ends_with("记者")
}

/// Where a byline set after the last sentence of a paragraph begins, parted from it by
/// two spaces or more (`……都已恢复正常。  本报记者  王明`), as papers that credit a story
/// at its end print it: the byte offset of the byline in `para`.
pub(crate) fn tail_byline(para: &str) -> Option<usize> {
    // Two spaces after a stop: most paragraphs have none, and are passed over here.
    if !(para.contains("  ") || para.contains(['\u{3000}', '\u{a0}'])) {
        return None;
    }
    // The last stop followed by a run of spaces, two or an ideographic one.
    let found = set_off_runs(para)
        .filter(|&(start, _)| para[..start].ends_with(TAIL_STOPS))
        .map(|(_, end)| end)
        .last();
    let after_stop = found.filter(|&at| {
        let rest = &para[at..];
        !wider_than(rest, MAX_TAIL_BYLINE) && byline(rest).is_some()
    });
    after_stop.or_else(|| tail_with_role(para))
}

/// What a story's last sentence ends on before a byline set after it: a stop, or a closing
/// quote or bracket.
const TAIL_STOPS: [char; 6] = ['。', '！', '？', '”', '…', '）'];

/// True when the white space `gap` sets what follows apart: two spaces or more, or an
/// ideographic one (a single space parts the names of one byline).
fn sets_apart(gap: &str) -> bool {
    gap.chars().count() >= 2 || gap.contains('\u{3000}')
}

/// The widest piece of a byline a column break leaves at the end of a story's last line
/// (`本`, `本报记`, `新华社记`), in chars.
const MAX_CUT_TAIL: usize = 4;

/// Where a byline set after a story's last sentence begins when a column break cut it
/// (`……都已恢复正常。  本` over `报记者  王明`): what `para` prints after its last stop
/// and the spaces reads as no byline alone, nor does `next`, the line under it, and the two
/// joined read as one. The byte offset of that piece in `para`, and the byline joined.
pub(crate) fn cut_tail_byline(para: &str, next: &str) -> Option<(usize, String)> {
    // The piece is what follows the line's last space, a few chars from its end: only
    // those are read, as most lines end on a longer word.
    let (space, c) = para
        .char_indices()
        .rev()
        .take(MAX_CUT_TAIL + 1)
        .find(|&(_, c)| is_space(c))?;
    let at = space + c.len_utf8();
    let piece = &para[at..];
    if piece.is_empty() || wider_than(piece, MAX_CUT_TAIL) {
        return None;
    }
    let before = para[..at].trim_end_matches(is_space);
    if !sets_apart(&para[before.len()..at]) || !before.ends_with(TAIL_STOPS) {
        return None;
    }
    let joined = [piece, next].concat();
    (!piece.chars().any(|c| c.is_ascii_punctuation())
        && !wider_than(&joined, MAX_TAIL_BYLINE)
        && byline(piece).is_none()
        && byline(next).is_none()
        && byline(&joined).is_some_and(|reps| !reps.is_empty()))
    .then_some((at, joined))
}

/// The runs of spaces inside `para` that set what follows apart: two spaces or more, or an
/// ideographic one, after some text and before more. For each, the byte offsets where the
/// run starts and where the text after it begins.
fn set_off_runs(para: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = para.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((k, c)) = chars.next() {
            if !is_space(c) || k == 0 {
                continue;
            }
            let (mut run, mut wide, mut end) = (1, c == '\u{3000}', k + c.len_utf8());
            while let Some(&(k2, c2)) = chars.peek() {
                if !is_space(c2) {
                    break;
                }
                run += 1;
                wide |= c2 == '\u{3000}';
                end = k2 + c2.len_utf8();
                chars.next();
            }
            if (run >= 2 || wide) && end < para.len() {
                return Some((k, end));
            }
        }
        None
    })
}

/// Where a byline that names its role begins, set off by two spaces at the end of a line
/// that ends no sentence (`数据来源：宇通客车  本报记者  董浩波`, `——编  者  本报记者  王明`,
/// `新华社发  本报记者  沈子`). The line must not be a byline or a dateline itself
/// (`本报记者 王明  通讯员 李华`, `本报讯  记者从自` cut at a column break).
fn tail_with_role(para: &str) -> Option<usize> {
    let at = set_off_runs(para).map(|(_, end)| end).find(|&at| {
        let rest = &para[at..];
        !wider_than(rest, MAX_TAIL_BYLINE) && ROLE.find(rest).is_some_and(|m| m.start() == 0)
    })?;
    let rest = &para[at..];
    // `（新华社北京10月30日电  记者韩露、安蕾` cut at a column break: inside a bracket.
    let head = &para[..at];
    let open = head.matches(['（', '(']).count() > head.matches(['）', ')']).count();
    let named = byline(rest).is_some_and(|reps| !reps.is_empty());
    (named && !open && byline(para).is_none() && dateline(para).is_none()).then_some(at)
}

/// The longest photo credit, in chars (`新华社记者 李 沐摄`, `王明摄（人民视觉）`): a longer
/// line ending the way a credit does is text.
pub(crate) const MAX_PHOTO_CREDIT: usize = 40;

/// True when `s` ends with the photographer's `摄` (`李沐摄`). Some tests read only this;
/// [`signed_as_photo`] also takes `摄影报道`.
pub(crate) fn ends_with_photo_sign(s: &str) -> bool {
    s.ends_with('摄')
}

/// True when `line` ends as a photo credit is signed: `…摄` or `…摄影报道` (a byline also
/// ends with the role `摄影`, which [`byline`] reads as well).
pub(crate) fn signed_as_photo(line: &str) -> bool {
    ends_with_photo_sign(line) || line.ends_with("摄影报道")
}

/// A photo credit printed under a caption: `新华社记者 李沐摄`, `王明摄（人民视觉）`,
/// `影像中国`.
pub(crate) fn is_photo_credit(line: &str) -> bool {
    let line = line.trim();
    (signed_as_photo(line) || is_photo_source(line)) && width(line) <= MAX_PHOTO_CREDIT
}

/// A photo's source printed on its own line under the picture: `新华社发`, `影像中国`,
/// `人民视觉`, `王明摄（人民视觉）`, `（资料图片）`: an archive's own picture.
pub(crate) fn is_photo_source(line: &str) -> bool {
    const SOURCES: [&str; 8] = [
        "新华社发",
        "影像中国",
        "人民视觉",
        "人民图片",
        "视觉中国",
        "东方IC",
        "资料图片",
        "资料照片",
    ];
    let line = trim(line);
    if SOURCES.contains(&line) {
        return true;
    }
    let Some(inner) = line.strip_suffix(['）', ')']) else {
        return false;
    };
    inner
        .rsplit_once(['（', '('])
        .is_some_and(|(credit, source)| {
            // A space may part the credit from its source: `甘海新摄 （影像中国）`; the
            // source may stand alone in its brackets: `（资料图片）`.
            let credit = trim(credit);
            (credit.is_empty() || ends_with_photo_sign(credit)) && SOURCES.contains(&source)
        })
        && width(line) <= MAX_PHOTO_CREDIT
}

/// Marks some papers set before a byline: `■本报记者 王明`, `□记者 王明`.
const BYLINE_MARKS: [char; 6] = ['■', '□', '▲', '◆', '●', '★'];

/// The byline of an editorial, which names no one: `本报评论员`, `湘江日报评论员`,
/// `本报特约评论员`.
fn is_commentator(line: &str) -> bool {
    let Some(org) = line
        .strip_suffix("特约评论员")
        .or_else(|| line.strip_suffix("评论员"))
    else {
        return false;
    };
    org == "本报" || paper_name(org).is_some() && org.chars().all(is_han)
}

/// What a writer's or artist's credit says they made (`文/王明`, `王明/文`, `文·图/王明`),
/// kept as their role, and whether it is a credit for pictures.
fn art_role(s: &str) -> Option<(&str, bool)> {
    match s {
        "文" => Some((s, false)),
        "图" | "摄" | "摄影" | "文·图" | "文图" | "图文" | "图·文" | "文并图" => {
            Some((s, true))
        }
        _ => None,
    }
}

/// Credits set as what, a slash, and who, in groups parted by spaces: `文/王明  图/李华`,
/// `王明、李华/文 赵云/图`, `文·图/王明`. The credit is the role; a writer's credit (`文`)
/// is no photo credit, a credit for pictures, or for both, is. `wide`: the line is wider
/// than [`MAX_BYLINE`].
fn art_credits(line: &str, wide: bool) -> Option<Vec<Reporter>> {
    // The width first: it was counted once, the search reads the whole line.
    if wide || !line.contains(['/', '／']) {
        return None;
    }
    let mut out = Vec::new();
    let mut last: Option<(&str, bool)> = None;
    for tok in line.split(is_space).filter(|t| !t.is_empty()) {
        let (left, right) = match tok.split_once(['/', '／']) {
            Some(pair) => pair,
            // A second name under the same credit: `文/王明 李华`.
            None => ("", tok),
        };
        let (what, who) = if let Some(p) = art_role(left) {
            (Some(p), right)
        } else if let Some(p) = art_role(right) {
            (Some(p), left)
        } else if left.is_empty() {
            (last, right)
        } else {
            return None;
        };
        let (role, pictures) = what?;
        last = what;
        for who in who.split(['、', '，']).filter(|w| !w.is_empty()) {
            if !is_name(who) {
                return None;
            }
            out.push(Reporter {
                name: squeeze(who),
                role: role.to_string(),
                org: None,
                photo: pictures,
                inner: false,
            });
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A photo credit's agency in brackets after it: `王明摄（人民视觉）` → `王明摄`.
fn strip_agency(line: &str) -> &str {
    let Some(body) = line.strip_suffix(['）', ')']) else {
        return line;
    };
    match body.rfind(['（', '(']) {
        Some(open) if signed_as_photo(&body[..open]) => trim(&body[..open]),
        _ => line,
    }
}

/// Adds the names of one byline segment; `None` when the segment holds something that is
/// not a name (the line is then not a byline), `Some(false)` when it holds nothing.
fn names_into(
    seg: &str,
    role: &str,
    org: Option<&str>,
    photo_line: bool,
    out: &mut Vec<Reporter>,
) -> Option<bool> {
    let mut seg = trim(seg).trim_start_matches(['/', '：', ':', '／']);
    let mut photo = photo_line;
    if let Some(s) = seg.strip_suffix("摄影").or_else(|| seg.strip_suffix('摄')) {
        seg = s;
    } else if photo_line {
        // In `罗晓桦文 陈南山摄` the writer is not the photographer.
        photo = !seg.ends_with('文');
    }
    let tokens: Vec<&str> = seg
        .split(|c: char| is_space(c) || matches!(c, '、' | '/' | '／' | ',' | ';' | '，'))
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() {
        return Some(false);
    }
    let mut names: Vec<String> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if t.chars().count() == 1 && i + 1 < tokens.len() && tokens[i + 1].chars().count() == 1 {
            names.push(format!("{t}{}", tokens[i + 1]));
            i += 2;
        } else {
            names.push(t.to_string());
            i += 1;
        }
    }
    for mut name in names {
        let mut this_photo = photo;
        // `罗晓桦文`: a writer's credit beside a photographer's.
        if photo_line && name.ends_with('文') && name.chars().count() >= 4 {
            name.pop();
            this_photo = false;
        }
        if name.ends_with('图') && name.chars().count() >= 3 {
            name.pop();
        }
        // `新华社发  本报记者  王明`: a photo's source before the byline credits no one.
        if is_photo_source(&name) {
            continue;
        }
        if !is_name(&name) {
            return None;
        }
        out.push(Reporter {
            name: squeeze(&name),
            role: role.to_string(),
            org: org.map(str::to_string),
            photo: this_photo,
            inner: false,
        });
    }
    Some(true)
}

/// The length of a Chinese personal name, in Han characters (`王明`, `欧阳文华`).
pub(crate) const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=4;

/// The longest transliterated name, `·` included (`迪丽娜尔·阿布拉`), in chars.
const MAX_TRANSLITERATED_NAME: usize = 12;

/// A personal name: two to four Han characters, or a transliteration with `·`.
fn is_name(s: &str) -> bool {
    let n = s.chars().count();
    let han = s.chars().all(|c| is_han(c) || c == '·');
    han && (NAME_CHARS.contains(&n) || (s.contains('·') && n <= MAX_TRANSLITERATED_NAME))
}

/// Reporters in a bracketed credit near the start of a paragraph (`（记者徐岩）`). `org` is
/// the dateline's organisation, given to reporters that print none.
pub(crate) fn credit(para: &str, org: Option<&str>) -> Option<Vec<Reporter>> {
    let c = CREDIT.captures(first_chars(para, CREDIT_HEAD))?;
    let inner = c.name("inner")?.as_str();
    let mut reps = byline(inner)?;
    for r in &mut reps {
        if r.org.is_none() {
            r.org = org.map(|o| o.trim_start_matches('据').to_string());
        }
    }
    Some(reps)
}

/// True when `s` ends inside a bracketed credit: a bracket opened and not closed, with a
/// role in it (`……报道。（全媒体记者 侯佳鹏`).
pub(crate) fn inside_credit(s: &str) -> bool {
    let Some(open) = s.rfind(['（', '(']) else {
        return false;
    };
    let inside = &s[open..];
    !inside.contains(['）', ')']) && ROLE.is_match(inside)
}

/// The most names a credit closing a story lists: more are the contributors to a compiled
/// report (`（本报记者葛文昊、孔德海、陆珂、严丽娜、符志远、温珊珊）`), not its byline.
const MAX_CLOSING_NAMES: usize = 4;

/// Reporters in a bracketed credit that closes a story, on a line of its own or after the
/// last sentence (`（本报记者葛文昊、钟立新）`, `…年底前完成。（本报记者 王明）`), as papers
/// that credit a story at its end print it.
pub(crate) fn closing_credit(para: &str) -> Option<Vec<Reporter>> {
    let (before, note) = super::text::closing_note(para)?;
    if !(before.is_empty() || super::text::line_ends_sentence(before)) {
        return None;
    }
    let inner = super::text::bracketed(note)?;
    byline(inner).filter(|reps| reps.len() <= MAX_CLOSING_NAMES && reps.iter().any(|r| !r.photo))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(reps: &[Reporter]) -> Vec<(String, String, Option<String>, bool)> {
        reps.iter()
            .map(|r| (r.name.clone(), r.role.clone(), r.org.clone(), r.photo))
            .collect()
    }

    fn r(
        name: &str,
        role: &str,
        org: Option<&str>,
        photo: bool,
    ) -> (String, String, Option<String>, bool) {
        (name.into(), role.into(), org.map(Into::into), photo)
    }

    #[test]
    fn inside_a_credit() {
        let table = [
            ("本报讯（全媒体记者 侯佳鹏", true),
            ("……报道。（记者 王明 通讯员", true),
            ("本报讯（记者 王明）正文", false),
            ("据了解（以下简称", false),
            ("会议强调", false),
        ];
        for (s, want) in table {
            assert_eq!(inside_credit(s), want, "{s}");
        }
    }

    #[test]
    fn closing_credits() {
        let table: Vec<(&str, Option<Vec<_>>)> = vec![
            (
                "（本报记者葛文昊、钟立新）",
                Some(vec![
                    r("葛文昊", "记者", Some("本报"), false),
                    r("钟立新", "记者", Some("本报"), false),
                ]),
            ),
            (
                "市住建局表示，改造将在年底前完成。（本报记者 王明）",
                Some(vec![r("王明", "记者", Some("本报"), false)]),
            ),
            (
                "（记者 李华 通讯员 赵强）",
                Some(vec![
                    r("李华", "记者", None, false),
                    r("赵强", "通讯员", None, false),
                ]),
            ),
            (
                "（本报记者尹雪松、卢瑾采访整理）",
                Some(vec![
                    r("尹雪松", "记者", Some("本报"), false),
                    r("卢瑾", "记者", Some("本报"), false),
                ]),
            ),
            (
                "（本报记者葛文昊、孔德海、陆珂、严丽娜、符志远、温珊珊）",
                None,
            ),
            ("（作者为中央党校教授）", None),
            ("（相关报道见第十一版）", None),
            ("据介绍（本报记者 王明）", None),
            ("（记者 王明摄）", None),
        ];
        for (line, want) in table {
            assert_eq!(closing_credit(line).map(|v| names(&v)), want, "{line}");
        }
    }

    #[test]
    fn byline_lines() {
        let table: Vec<(&str, Option<Vec<_>>)> = vec![
            (
                "株洲日报记者 胡文洁",
                Some(vec![r("胡文洁", "记者", Some("株洲日报"), false)]),
            ),
            (
                "本报记者 孟明 黄小红 柳 歌",
                Some(vec![
                    r("孟明", "记者", Some("本报"), false),
                    r("黄小红", "记者", Some("本报"), false),
                    r("柳歌", "记者", Some("本报"), false),
                ]),
            ),
            (
                "本报记者\u{a0}\u{a0}付\u{a0}\u{a0}钧\u{a0}\u{a0}郁静文",
                Some(vec![
                    r("付钧", "记者", Some("本报"), false),
                    r("郁静文", "记者", Some("本报"), false),
                ]),
            ),
            (
                "湘江日报记者 谭小瀚 通讯员/旷大龙 摄",
                Some(vec![
                    r("谭小瀚", "记者", Some("湘江日报"), true),
                    r("旷大龙", "通讯员", None, true),
                ]),
            ),
            (
                "新华社记者 李 沐摄",
                Some(vec![r("李沐", "记者", Some("新华社"), true)]),
            ),
            (
                "本报记者 罗小桦文 陈北京摄",
                Some(vec![
                    r("罗小桦", "记者", Some("本报"), false),
                    r("陈北京", "记者", Some("本报"), true),
                ]),
            ),
            (
                "通讯员 王小明",
                Some(vec![r("王小明", "通讯员", None, false)]),
            ),
            ("高光明摄", Some(vec![r("高光明", "", None, true)])),
            (
                "计小海摄（影像中国）",
                Some(vec![r("计小海", "", None, true)]),
            ),
            (
                "邵\u{a0}\u{a0}宁\u{a0}\u{a0}宁\u{a0}\u{a0}川摄影报道（人民视觉）",
                Some(vec![r("邵宁", "", None, true), r("宁川", "", None, true)]),
            ),
            (
                "记者王明、李华",
                Some(vec![
                    r("王明", "记者", None, false),
                    r("李华", "记者", None, false),
                ]),
            ),
            (
                "本报记者 魏士良 苗晓冰整理",
                Some(vec![
                    r("魏士良", "记者", Some("本报"), false),
                    r("苗晓冰", "记者", Some("本报"), false),
                ]),
            ),
            (
                "本版摄影：吕 舟 翁小羽",
                Some(vec![
                    r("吕舟", "摄影", None, true),
                    r("翁小羽", "摄影", None, true),
                ]),
            ),
            (
                "剧照摄影：刘海明",
                Some(vec![r("刘海明", "摄影", None, true)]),
            ),
            (
                "■本报记者  张三  李四",
                Some(vec![
                    r("张三", "记者", Some("本报"), false),
                    r("李四", "记者", Some("本报"), false),
                ]),
            ),
            ("□记者 王明", Some(vec![r("王明", "记者", None, false)])),
            (
                "首席记者  赵云",
                Some(vec![r("赵云", "首席记者", None, false)]),
            ),
            (
                "湘江日报全媒体记者 王明",
                Some(vec![r("王明", "全媒体记者", Some("湘江日报"), false)]),
            ),
            (
                "融媒体记者 王明 见习记者 李华 实习生 周强",
                Some(vec![
                    r("王明", "融媒体记者", None, false),
                    r("李华", "见习记者", None, false),
                    r("周强", "实习生", None, false),
                ]),
            ),
            (
                "特约记者 王明  本报特约通讯员 李华",
                Some(vec![
                    r("王明", "特约记者", None, false),
                    r("李华", "特约通讯员", Some("本报"), false),
                ]),
            ),
            (
                "记者 王明 通讯员 李华",
                Some(vec![
                    r("王明", "记者", None, false),
                    r("李华", "通讯员", None, false),
                ]),
            ),
            (
                "本报记者  张三  李四  摄影报道",
                Some(vec![
                    r("张三", "记者", Some("本报"), true),
                    r("李四", "记者", Some("本报"), true),
                ]),
            ),
            (
                "文/陈红  图/刘刚",
                Some(vec![
                    r("陈红", "文", None, false),
                    r("刘刚", "图", None, true),
                ]),
            ),
            (
                "陈红、王明/文 刘刚/图",
                Some(vec![
                    r("陈红", "文", None, false),
                    r("王明", "文", None, false),
                    r("刘刚", "图", None, true),
                ]),
            ),
            ("文·图/刘刚", Some(vec![r("刘刚", "文·图", None, true)])),
            ("文/陈红 刘 刚", None),
            ("本报评论员", Some(vec![])),
            ("湘江日报评论员", Some(vec![])),
            ("评论员", None),
            ("年/月/日", None),
            ("记者点评", None),
            ("本报讯  记者从自", None),
            ("张明整理", None),
            ("市委常委会召开会议", None),
            ("记者来到村里，看到了新变化。", None),
            ("版式设计：董亮", None),
            // A photo's source before a byline; a questioner in a transcript.
            (
                "新华社发  本报记者  沈子",
                Some(vec![r("沈子", "记者", Some("本报"), false)]),
            ),
            ("晨光广播电视台记者：中美", None),
            // Text before the byline, set off by two spaces: a line ending with its byline.
            ("众志成城  共克时艰  记者  苏玉  郝娟颖", None),
            ("版式设计 张丹阳  记者  姜国秀", None),
            (
                "严波国  通讯员 陶华悦",
                Some(vec![
                    r("严波国", "", None, false),
                    r("陶华悦", "通讯员", None, false),
                ]),
            ),
            ("新华社记者：", None),
        ];
        for (input, want) in table {
            assert_eq!(byline(input).as_deref().map(names), want, "{input}");
        }
    }

    /// Each byline credits the story it stands in, over it or after it, not the next one.
    #[test]
    fn bylines_credit_their_own_story() {
        let page = "地铁线路全部恢复运营\n\n昨天上午，全市地铁线路陆续恢复通行，早高峰客流平稳有序。\n\n\
            数据来源：市交通委  本报记者  王明\n\n社区菜场重新开门\n\n\
            本报北京3月2日讯（记者 张三 通讯员 李四）昨天一早，社区菜场重新开门迎客，居民们排队选购。\n\n\
            新华社发  本报记者  赵云\n\n老年大学开设网课\n\n昨天，老年大学把课程搬到了网上，\
            学员在家就能上课。\n\n——编  者  本报记者  陈红  刘刚\n";
        let got: Vec<Vec<(String, Option<String>)>> = crate::split::split(page)
            .articles
            .iter()
            .map(|a| {
                a.reporters
                    .iter()
                    .map(|r| (r.name.clone(), r.org.clone()))
                    .collect()
            })
            .collect();
        let p = |n: &str| (n.to_string(), Some("本报".to_string()));
        assert_eq!(
            got,
            vec![
                vec![p("王明")],
                vec![p("张三"), p("李四"), p("赵云")],
                vec![p("陈红"), p("刘刚")],
            ]
        );
    }

    #[test]
    fn photo_credits() {
        let table = [
            ("新华社记者 李 沐摄", true),
            ("王明摄（人民视觉）", true),
            ("甘海新摄 （影像中国）", true),
            ("本报记者 张三 摄影报道", true),
            ("影像中国", true),
            ("（资料图片）", true),
            ("资料照片", true),
            ("李沐摄（新华网）", false),
            ("（新华网）", false),
            ("市委常委会召开会议", false),
            // Longer than a credit: text that ends with a photographer's sign.
            (&*format!("{}摄", "字".repeat(MAX_PHOTO_CREDIT)), false),
        ];
        for (input, want) in table {
            assert_eq!(is_photo_credit(input), want, "{input}");
        }
    }

    #[test]
    fn bylines_after_the_last_sentence() {
        let table = [
            (
                "各条线路都已恢复正常。  本报记者  王明",
                Some("本报记者  王明"),
            ),
            (
                "各条线路都已恢复正常。\u{3000}记者 王明 通讯员 李华",
                Some("记者 王明 通讯员 李华"),
            ),
            ("他说：“我们很满意。”  首席记者 赵云", Some("首席记者 赵云")),
            ("各条线路都已恢复正常。  文/陈红", Some("文/陈红")),
            // A sentence after the spaces; without a stop, the byline must name its role.
            (
                "各条线路都已恢复正常  本报记者  王明",
                Some("本报记者  王明"),
            ),
            ("各条线路都已恢复正常  王明", None),
            ("各条线路都已恢复正常。  记者来到现场，看到了新变化。", None),
            ("各条线路都已恢复正常。", None),
            // After a line that ends no sentence, a byline that names its role.
            (
                "数据来源：宇通客车  本报记者  董浩波",
                Some("本报记者  董浩波"),
            ),
            (
                "——编  者  本报记者  郑艳豪  沈健琳",
                Some("本报记者  郑艳豪  沈健琳"),
            ),
            (
                "版式设计：周文涛  制图：江哲平  新华社记者  张晓岚  朱启钊",
                Some("新华社记者  张晓岚  朱启钊"),
            ),
            ("2020年5月30日\u{3000}首席记者 王明", Some("首席记者 王明")),
            (
                "众志成城  共克时艰  记者  苏玉  郝娟颖",
                Some("记者  苏玉  郝娟颖"),
            ),
            ("版式设计 张丹阳  记者  姜国秀", Some("记者  姜国秀")),
            // A byline of two groups, a dateline cut at a column break, two headlines.
            ("本报记者 王明  通讯员 李华", None),
            ("新华社发  本报记者  沈子", None),
            ("本报讯  记者从自", None),
            ("（新华社北京10月30日电\u{a0}\u{a0}记者韩露、安蕾", None),
            ("患难见真情  共同抗疫情", None),
            ("数据来源：宇通客车  王明  李华", None),
        ];
        for (input, want) in table {
            assert_eq!(tail_byline(input).map(|k| &input[k..]), want, "{input}");
        }
    }

    #[test]
    fn bylines_cut_after_the_last_sentence() {
        let table = [
            ("各条线路都已恢复正常。  本", "报记者  王明", Some("本")),
            (
                "各条线路都已恢复正常。  本报记",
                "者  王明  李华",
                Some("本报记"),
            ),
            // Read whole on the line already, or on the line under; a sentence after the
            // spaces; a headline over a byline.
            (
                "各条线路都已恢复正常。  本报记者  王明",
                "城区公交线路优化",
                None,
            ),
            ("各条线路都已恢复正常。  本", "月起线路调整", None),
            ("各条线路都已恢复正常。", "记者  王明", None),
            ("各条线路都已恢复正常。  本报", "记者  王明", None),
            (
                "打造“三区三园”  帮扶机制",
                "日报记者 王明  通讯员 李华",
                None,
            ),
        ];
        for (para, next, want) in table {
            let got = cut_tail_byline(para, next).map(|(k, _)| &para[k..]);
            assert_eq!(got, want, "{para} / {next}");
        }
    }

    #[test]
    fn datelines() {
        let table = [
            (
                "株洲日报讯 2月26日，市委召开会议",
                Some(("株洲日报讯 2月26日", Some((2, 26)))),
            ),
            (
                "株洲日报讯 2月26日下午，市委书记",
                Some(("株洲日报讯 2月26日下午", Some((2, 26)))),
            ),
            (
                "本报北京5月11日电 （记者徐明）会议",
                Some(("本报北京5月11日电", Some((5, 11)))),
            ),
            (
                "新华社北京2月26日电 中共中央",
                Some(("新华社北京2月26日电", Some((2, 26)))),
            ),
            ("据新华社电 （记者周岚）在抗日", Some(("据新华社电", None))),
            (
                "新华社北京５月２２日电 （记者钱明）",
                Some(("新华社北京5月22日电", Some((5, 22)))),
            ),
            // Full-width digits before the end of the dateline (a panic, once).
            (
                "本报北京１２月１３日电 （记者钱明）会议召开",
                Some(("本报北京12月13日电", Some((12, 13)))),
            ),
            ("本报讯 近日，全市", Some(("本报讯", None))),
            // The longest organisation: `据`, eight chars and `日报`.
            (
                "据长沙湘江新区晨光日报讯 近日，全市",
                Some(("据长沙湘江新区晨光日报讯", None)),
            ),
            (
                "本报3月2日讯 区政务服务中心",
                Some(("本报3月2日讯", Some((3, 2)))),
            ),
            (
                "本报讯（记者 王明 通讯员 李华）昨天，全市",
                Some(("本报讯（记者 王明 通讯员 李华）", None)),
            ),
            (
                "本报北京2月16日讯（记者 龙文）“数字江城”客户端16日上线",
                Some(("本报北京2月16日讯（记者 龙文）", Some((2, 16)))),
            ),
            (
                "本报讯 3月2日，区政务服务中心",
                Some(("本报讯 3月2日", Some((3, 2)))),
            ),
            (
                "中新社上海3月2日电 上海",
                Some(("中新社上海3月2日电", Some((3, 2)))),
            ),
            (
                "湘江晚报讯（通讯员 陈亮 记者 赵云）本周一",
                Some(("湘江晚报讯（通讯员 陈亮 记者 赵云）", None)),
            ),
            ("会议强调，要继续集中力量", None),
            ("2月24日，我市各县市区", None),
            // `第一台` + `自制` + `电`: no day, and no news organisation.
            ("第一台自制电饭锅（老物件的故事·生活篇）", None),
        ];
        for (input, want) in table {
            let got = dateline(input).map(|d| (d.text, d.day));
            assert_eq!(got, want.map(|(t, d)| (t.to_string(), d)), "{input}");
        }
    }

    #[test]
    fn bracket_credits() {
        let table = [
            (
                "本报北京5月11日电 （记者徐明）会议",
                Some(vec![r("徐明", "记者", Some("新华社"), false)]),
            ),
            (
                "（记者莽九成、刘仲明）当地时间",
                Some(vec![
                    r("莽九成", "记者", Some("新华社"), false),
                    r("刘仲明", "记者", Some("新华社"), false),
                ]),
            ),
            (
                "本报讯（记者 王明 通讯员 李华）昨天",
                Some(vec![
                    r("王明", "记者", Some("新华社"), false),
                    r("李华", "通讯员", Some("新华社"), false),
                ]),
            ),
            (
                "本报讯（通讯员 陈亮 记者 赵云）本周一",
                Some(vec![
                    r("陈亮", "通讯员", Some("新华社"), false),
                    r("赵云", "记者", Some("新华社"), false),
                ]),
            ),
            ("他说（大意如此）今天", None),
            // A column named after the staff, not a reporter called 手记.
            ("（记者手记）采访结束时", None),
        ];
        for (input, want) in table {
            let got = credit(input, Some("新华社")).map(|reps| names(&reps));
            assert_eq!(got, want, "{input}");
        }
    }
}
