//! Lines and characters: the blocks of a page (non-blank lines with their offsets) and the
//! character tests every other part of the splitter shares (sentence ends, whitespace,
//! full-width digits). Squeezing white space out is [`crate::normalize::squeeze`].

use std::borrow::Cow;

/// A non-blank line of the page, trimmed, with its `[start, end)` in chars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Block<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'a str,
    /// Blank lines between this block and the one before (0 for the first block).
    pub(crate) gap: usize,
    /// The line had page whitespace before its text, or after it: where a column break
    /// fell on the space between two names (`（全媒体记者 侯佳鹏 ` / `陆艳）`), the space is
    /// there.
    pub(crate) space_before: bool,
    pub(crate) space_after: bool,
}

/// Whitespace as pages print it, including the ideographic space and no-break space.
pub(crate) fn is_space(c: char) -> bool {
    // Spelled out: this runs on every character of every page, and CJK text is never space.
    if c.is_ascii() {
        c.is_ascii_whitespace()
    } else if c > '\u{3000}' {
        // Above the last space below: every ideograph, told in one comparison.
        false
    } else {
        matches!(
            c,
            '\u{3000}' | '\u{a0}' | '\u{85}' | '\u{1680}' | '\u{2000}'
                ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}'
        )
    }
}

/// Trims page whitespace from both ends.
pub(crate) fn trim(s: &str) -> &str {
    // Nearly every line handed here is trimmed already (a block's text is, and the tests
    // trim it again): told so by its first and last chars, which costs less than std's
    // searchers from both ends.
    if opens_with_space(s.as_bytes()) || ends_with_space(s.as_bytes()) {
        s.trim_matches(is_space)
    } else {
        s
    }
}

/// True when the first char of `b` (valid UTF-8) is page white space ([`is_space`]), read
/// off its bytes: U+0085 and U+00A0 are C2 85 and C2 A0; U+1680 is E1 9A 80; U+2000 to
/// U+200A, U+2028, U+2029 and U+202F are E2 80 80 to 8A, A8, A9 and AF; U+205F is E2 81 9F;
/// U+3000 is E3 80 80.
fn opens_with_space(b: &[u8]) -> bool {
    match b {
        [c, ..] if *c < 0x80 => c.is_ascii_whitespace(),
        [0xc2, 0x85 | 0xa0, ..]
        | [0xe1, 0x9a, 0x80, ..]
        | [0xe2, 0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf, ..]
        | [0xe2, 0x81, 0x9f, ..]
        | [0xe3, 0x80, 0x80, ..] => true,
        _ => false,
    }
}

/// [`opens_with_space`] for the last char (a lead byte is never inside a char, so the
/// bytes that end `b` tell its last char).
fn ends_with_space(b: &[u8]) -> bool {
    match b {
        [.., c] if *c < 0x80 => c.is_ascii_whitespace(),
        [.., 0xc2, 0x85 | 0xa0]
        | [.., 0xe1, 0x9a, 0x80]
        | [.., 0xe2, 0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf]
        | [.., 0xe2, 0x81, 0x9f]
        | [.., 0xe3, 0x80, 0x80] => true,
        _ => false,
    }
}

/// The non-blank lines of `text` as blocks.
pub(crate) fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut blank = 0;
    for line in text.split('\n') {
        let n = line.chars().count();
        let trimmed = trim(line);
        if trimmed.is_empty() {
            blank += 1;
        } else {
            let lead = line.chars().take_while(|&c| is_space(c)).count();
            out.push(Block {
                start: pos + lead,
                end: pos + lead + trimmed.chars().count(),
                text: trimmed,
                gap: if out.is_empty() { 0 } else { blank },
                space_before: lead > 0,
                space_after: line.ends_with(is_space),
            });
            blank = 0;
        }
        pos += n + 1;
    }
    out
}

/// Blank lines from which the gap before a block sets it apart, more than the one blank
/// line that parts paragraphs: a wide gap before a headline marks a new story, and one over
/// a caption sets it off from the text.
pub(crate) const WIDE_GAP: usize = 2;

/// Characters that end a sentence.
fn is_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…' | '；' | ';' | '．')
}

/// Closing quotes and brackets, which end a sentence when what they close does.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '』' | '」' | '》' | '）' | ')' | '"' | '\'' | '】' | '〕'
    )
}

/// True when the line `s` ends a sentence: a stop (`。！？…；`), possibly inside closing quotes or
/// brackets, or a bracketed note of its own such as `（记者 王明）` or `（嘉 木）`.
pub(crate) fn line_ends_sentence(s: &str) -> bool {
    let s = trim(s);
    let mut rev = s.chars().rev().peekable();
    while let Some(&c) = rev.peek() {
        if is_stop(c) {
            return true;
        }
        if !is_closer(c) {
            return false;
        }
        rev.next();
        if matches!(c, '）' | ')') && whole_note(s) {
            return true;
        }
    }
    false
}

/// True when a paragraph is finished: it ends a sentence, or a sentence and a bracketed
/// note after it (`…留下温暖明亮的记忆。（相关报道见第十一版）`). A headline may also end with
/// a stop and a bracket (`路怎么修？（来信调查）`), so this is for text, not headlines.
pub(crate) fn ends_paragraph(s: &str) -> bool {
    line_ends_sentence(s)
        || closing_note(s)
            .is_some_and(|(before, _)| !before.is_empty() && line_ends_sentence(before))
}

/// The bracketed note that closes `s`, brackets kept, and what comes before it:
/// `…记忆。（相关报道见第十一版）` → (`…记忆。`, `（相关报道见第十一版）`).
pub(crate) fn closing_note(s: &str) -> Option<(&str, &str)> {
    let s = trim(s);
    Some(s.split_at(last_note_open(s)?))
}

/// Where the bracket closing `s` was opened, brackets inside it skipped: in
/// `（作者为中央党校（国家行政学院）教授）`, at the first `（`.
fn last_note_open(s: &str) -> Option<usize> {
    let mut depth = 0;
    for (k, c) in s.char_indices().rev() {
        match c {
            '）' | ')' => depth += 1,
            '（' | '(' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return Some(k);
                }
            }
            _ if depth == 0 => return None,
            _ => {}
        }
    }
    None
}

/// The inside of a text printed wholly in brackets: `（王 婷）` → `王 婷`.
pub(crate) fn bracketed(s: &str) -> Option<&str> {
    trim(s)
        .strip_prefix(['（', '('])
        .and_then(|s| s.strip_suffix(['）', ')']))
}

/// A block that is one bracketed note: `（嘉 木）`, `（本组系列评论今日刊完）`, or a paragraph
/// closing with a credit such as `……（记者 王明）`.
fn whole_note(s: &str) -> bool {
    let Some(open) = last_note_open(s) else {
        return false;
    };
    let inner = &s[open..];
    if open == 0 {
        return true;
    }
    let inner = inner.trim_start_matches(['（', '(']);
    !staff_column(inner)
        && [
            "记者",
            "作者",
            "本报",
            "新华社",
            "通讯员",
            "据",
            "摘自",
            "来源",
            "编者",
        ]
        .iter()
        .any(|p| inner.starts_with(p))
}

/// A column named after the paper's staff (`记者手记`, `记者观察`): a headline's column, not
/// a credit, though it opens with `记者` as `（记者王明）` does.
pub(crate) fn staff_column(note: &str) -> bool {
    let inner = note
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    inner.strip_prefix("记者").is_some_and(|genre| {
        [
            "手记",
            "观察",
            "探营",
            "连线",
            "调查",
            "札记",
            "笔记",
            "随笔",
            "探访",
            "体验",
            "日记",
            "见闻",
            "述评",
            "走基层",
            "蹲点",
            "点评",
        ]
        .contains(&trim(genre))
    })
}

/// Widths are only ever compared with headline-sized limits, so counting stops here: a
/// longer line is a paragraph, and measuring every paragraph in full was a tenth of the
/// splitter's time.
pub(crate) const MAX_WIDTH: usize = 128;

/// Length in chars, not counting the spaces pages print (ASCII white space, the ideographic
/// space, the no-break space), up to [`MAX_WIDTH`]. It runs on every line several times, so
/// it reads the UTF-8 lead bytes in one pass, without decoding characters, and stops at
/// [`MAX_WIDTH`].
pub(crate) fn width(s: &str) -> usize {
    width_upto(s, MAX_WIDTH)
}

/// True when [`width`] of `s` is over `limit`; it counts no further than that.
pub(crate) fn wider_than(s: &str, limit: usize) -> bool {
    width_upto(s, limit + 1) > limit
}

/// [`wider_than`] for `part`, a slice of `line` (or a copy of one with its digits made
/// ASCII) whose width `w` was counted already, by [`width`] or by [`width_upto`] with a cap
/// over `limit`: no count when `line` is no wider than `limit`, or `part` is all of it.
pub(crate) fn part_wider_than(line: &str, w: usize, part: &str, limit: usize) -> bool {
    if w <= limit {
        false
    } else if part.len() == line.len() {
        true
    } else {
        wider_than(part, limit)
    }
}

/// [`width`], counting no further than `cap`: the smaller of the two.
pub(crate) fn width_upto(s: &str, cap: usize) -> usize {
    let cap = cap.min(MAX_WIDTH);
    // A line of more than 4 × MAX_WIDTH bytes has more than MAX_WIDTH chars.
    if s.len() > 4 * MAX_WIDTH {
        return cap;
    }
    let b = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        // The byte length of the char and whether it is a space: U+00A0 is C2 A0 and
        // U+3000 is E3 80 80 in UTF-8.
        // The three-byte chars first, nearly every char of a page, and their space tested
        // a byte at a time (a slice compared costs more on every char).
        let (len, space) = if (0xe0..=0xef).contains(&c) {
            (
                3,
                c == 0xe3 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80),
            )
        } else if c <= 0x7f {
            (1, c.is_ascii_whitespace())
        } else if c <= 0xdf {
            (2, c == 0xc2 && b.get(i + 1) == Some(&0xa0))
        } else {
            (4, false)
        };
        n += usize::from(!space);
        if n >= cap {
            return cap;
        }
        i += len;
    }
    n
}

/// Replaces full-width digits by ASCII ones (`２２` → `22`), copying only when there are
/// some.
pub(crate) fn ascii_digits(s: &str) -> Cow<'_, str> {
    // Full-width digits are EF BC 90 to EF BC 99 in UTF-8.
    let full_width_digit = |w: &[u8]| w[..2] == [0xef, 0xbc] && (0x90..=0x99).contains(&w[2]);
    if !s.as_bytes().windows(3).any(full_width_digit) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                _ => c,
            })
            .collect(),
    )
}

/// The first `n` chars of `s` (all of it when it is shorter), without copying.
pub(crate) fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(end, _)| &s[..end])
}

/// True for a Han character.
pub(crate) fn is_han(c: char) -> bool {
    // The URO first: nearly every Han char of a page is there.
    let u = c as u32;
    (0x4e00..=0x9fff).contains(&u)
        || matches!(u, 0x3400..=0x4dbf | 0xf900..=0xfaff | 0x20000..=0x2ffff)
}

/// True when a column break cut a word in two: the last characters of `before` and the
/// first of `after` make one dictionary word across the cut (`集` / `中在`, `政` / `府党组`).
/// A headline seldom runs a word into the paragraph under it (23 of 5,921 headlines on the
/// People's Daily dev pages), so a line cut this way is text.
pub(crate) fn cut_inside_word(before: &str, after: &str) -> bool {
    use tantivy::tokenizer::{TokenStream, Tokenizer};
    let before = trim(before);
    let after = trim(after);
    let tail = &before[before.char_indices().rev().nth(2).map_or(0, |(k, _)| k)..];
    let head = first_chars(after, 3);
    if tail.is_empty() || head.is_empty() || !tail.chars().chain(head.chars()).all(is_han) {
        return false;
    }
    let joined = format!("{tail}{head}");
    let mut words = tantivy_jieba::JiebaTokenizer::with_search_mode(false);
    words.set_hmm(false);
    let mut stream = words.token_stream(&joined);
    let cut = tail.len();
    while let Some(t) = stream.next() {
        if t.offset_from < cut && t.offset_to > cut {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The early answers of `is_space`, `is_han` and `trim` change no answer: checked on
    /// every char against the sets spelled out whole (and std's trim).
    #[test]
    fn space_and_han_tests_hold_for_every_char() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let space = c.is_ascii_whitespace()
                || matches!(
                    c,
                    '\u{3000}' | '\u{a0}' | '\u{85}' | '\u{1680}' | '\u{2000}'
                        ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}'
                );
            assert_eq!(is_space(c), space, "{c:?}");
            let han = matches!(
                c as u32,
                0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x2ffff
            );
            assert_eq!(is_han(c), han, "{c:?}");
            for line in [
                format!("{c}字{c}"),
                format!("{c}"),
                format!("字{c}"),
                format!("{c}字"),
            ] {
                assert_eq!(trim(&line), line.trim_matches(is_space), "{c:?}");
            }
        }
    }

    #[test]
    fn words_cut_by_a_column_break() {
        let table = [
            (
                "园区负责人介绍，当前园区企业主要集",
                "中在装备制造领域。",
                true,
            ),
            ("会议强调，要加强市政", "府党组建设。", true),
            ("护青山 守绿水", "绿水是最好的财富。", false),
            (
                "市委常委会召开会议",
                "株洲日报讯 2月26日，市委常委会召开会议。",
                false,
            ),
            ("新厂房建设全面提速，", "企业订单饱满。", false),
        ];
        for (before, after, want) in table {
            assert_eq!(cut_inside_word(before, after), want, "{before} / {after}");
        }
    }

    #[test]
    fn sentence_ends() {
        let table = [
            ("会议召开。", true),
            ("他说：“好！”", true),
            ("我们去了北京”", false),
            ("推动各方面", false),
            ("小(区)、校(区)", false),
            ("（嘉 木）", true),
            ("会议结束。（记者 王明）", true),
            // Brackets inside the note.
            (
                "（作者为中央党校（国家行政学院）教授、江城大学经济学院研究员）",
                true,
            ),
            ("改革走深走实（中央党校（国家行政学院）教授）", false),
            ("千亿产业链“焊花飞扬”", false),
            ("小巷的灯火越来越亮（人民时评）", false),
            ("是这样吗？", true),
            ("这正是：", false),
        ];
        for (input, want) in table {
            assert_eq!(line_ends_sentence(input), want, "{input}");
        }
        // A paragraph also ends with a note after its last sentence.
        let paragraphs = [
            ("留下温暖明亮的记忆。（相关报道见第十一版）", true),
            ("路怎么修？（来信调查）", true),
            ("小巷的灯火越来越亮（人民时评）", false),
            ("（嘉 木）", true),
            ("小(区)、校(区)", false),
        ];
        for (input, want) in paragraphs {
            assert_eq!(ends_paragraph(input), want, "{input}");
        }
    }

    #[test]
    fn blocks_offsets_and_gaps() {
        let text = "\n\n标题\n\n　正文一。\n\n\n\n尾";
        let got: Vec<(usize, usize, &str, usize)> = blocks(text)
            .iter()
            .map(|b| (b.start, b.end, b.text, b.gap))
            .collect();
        assert_eq!(
            got,
            vec![(2, 4, "标题", 0), (7, 11, "正文一。", 1), (15, 16, "尾", 3)]
        );
    }

    #[test]
    fn digits_and_spaces() {
        assert_eq!(ascii_digits("５月２２日"), "5月22日");
        assert_eq!(ascii_digits("5月２２日（完）"), "5月22日（完）");
        assert!(matches!(ascii_digits("5月22日（完）"), Cow::Borrowed(_)));
        assert_eq!(first_chars("本报北京", 2), "本报");
        assert_eq!(first_chars("本报", 40), "本报");
        assert_eq!(first_chars("", 3), "");
        let widths = [
            (" 柳 歌 ", 2),
            ("", 0),
            ("\u{3000}\u{a0}\t\r\n \u{c}", 0),
            // Other spaces count, as they did when this counted chars.
            ("a\u{b}b\u{2002}\u{85}", 5),
            ("é𠀀“”、。", 6),
        ];
        for (input, want) in widths {
            assert_eq!(width(input), want, "{input:?}");
        }
        assert_eq!(width(&"字".repeat(127)), 127);
        assert_eq!(width(&"字 ".repeat(200)), MAX_WIDTH);
    }

    proptest::proptest! {
        /// The byte loop counts what counting chars and subtracting spaces did.
        #[test]
        fn width_is_chars_less_spaces(s in "[ \t\n\u{b}\u{a0}\u{3000}\u{2002}a字、“é𠀀]{0,300}") {
            let space = |c: char| c.is_ascii_whitespace() || matches!(c, '\u{3000}' | '\u{a0}');
            let want = if s.len() > 4 * MAX_WIDTH {
                MAX_WIDTH
            } else {
                s.chars().filter(|&c| !space(c)).count().min(MAX_WIDTH)
            };
            proptest::prop_assert_eq!(width(&s), want);
            for limit in [0, 1, 20, 40, 48, 60, 127, 128, 200] {
                proptest::prop_assert_eq!(wider_than(&s, limit), want > limit, "{}", limit);
            }
        }

        /// A slice's width told from its line's, counted once (in full or up to a cap over
        /// the limit), is the width counted again.
        #[test]
        fn a_part_is_as_wide_as_counted(
            s in "[ \t\u{a0}\u{3000}a字、“é𠀀]{0,300}",
            from in 0usize..300,
            to in 0usize..300,
        ) {
            let ends: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            let (a, b) = (ends[from % ends.len()], ends[to % ends.len()]);
            let part = &s[a.min(b)..a.max(b)];
            for limit in [0, 1, 12, 16, 20, 40, 48, 60, 80, 127, 128, 200] {
                let want = wider_than(part, limit);
                proptest::prop_assert_eq!(part_wider_than(&s, width(&s), part, limit), want);
                let w = width_upto(&s, limit + 1);
                proptest::prop_assert_eq!(part_wider_than(&s, w, part, limit), want);
            }
        }

        /// Trimming checks the ends first, and trims what trimming both ends did.
        #[test]
        fn trim_is_trimming_page_spaces(s in "[ \t\n\u{b}\u{a0}\u{85}\u{3000}\u{2002}\u{205f}a字、“é𠀀]{0,12}") {
            proptest::prop_assert_eq!(trim(&s), s.trim_matches(is_space));
        }
    }
}
