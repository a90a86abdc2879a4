//! Normalization, the same at index and query time: full-width ASCII becomes half-width,
//! traditional characters fold to simplified, Latin case folds. Every rule maps one
//! character to one character, so a position in normalized text is the same position in
//! the original, and highlights land on the characters the reader sees.

use std::sync::LazyLock;

/// Folds one character (without the traditional → simplified step, which needs context).
fn fold_char(c: char) -> char {
    let c = match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    };
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        // ASCII and CJK have no other case: skip the Unicode table for most characters.
        '\0'..='\u{7F}' | '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7FF}' => c,
        c if c.is_uppercase() => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
        c => c,
    }
}

/// Normalizes text, keeping one output character per input character.
///
/// ```
/// use baosou::normalize::normalize;
/// assert_eq!(normalize("５月２２日"), "5月22日");
/// assert_eq!(normalize("復工復產"), "复工复产");
/// assert_eq!(normalize("COVID-19"), "covid-19");
/// ```
pub fn normalize(text: &str) -> String {
    // Most characters stay as they are: copy them a run at a time, not one by one (this
    // runs on every character of every article). ASCII and the ideographs of the URO,
    // nearly every character of a page, are read off their bytes, without the general
    // UTF-8 decoder and without `fold_char`'s cases; the URO's are compared with their
    // simplified form as numbers, and a char is made only for one that changes.
    let table = simplify_table();
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (n, len) = if b < 0x80 {
            if !b.is_ascii_uppercase() {
                i += 1;
                continue;
            }
            (Some(char::from(b.to_ascii_lowercase())), 1)
        } else if let (0xe4..=0xe9, Some(u)) = (b, three_byte_char(bytes, i)) {
            // E4 to E9 lead the three bytes of U+4000 to U+9FFF (the text is valid UTF-8).
            if u < 0x4e00 {
                general(text, i, table)
            } else {
                let s = u32::from(table[(u - CJK_BLOCKS[0].0) as usize]);
                if s == u {
                    i += 3;
                    continue;
                }
                match char::from_u32(s) {
                    Some(c) => (Some(c), 3),
                    None => {
                        i += 3;
                        continue;
                    }
                }
            }
        } else if let (0xe2 | 0xe3 | 0xef, Some(u)) = (b, three_byte_char(bytes, i)) {
            // The punctuation of a page: general punctuation (dashes, quotes, `…`) and CJK
            // punctuation (`、。《》「」`) stay; the ideographic space and full-width ASCII
            // become ASCII (`，` → `,`, `Ａ` → `a`).
            match u {
                0x2010..=0x206f | 0x3001..=0x33ff => {
                    i += 3;
                    continue;
                }
                0x3000 => (Some(' '), 3),
                0xff01..=0xff5e => (
                    u8::try_from(u - 0xfee0)
                        .ok()
                        .map(|a| char::from(a.to_ascii_lowercase())),
                    3,
                ),
                _ => general(text, i, table),
            }
        } else {
            general(text, i, table)
        };
        if let Some(n) = n {
            out.push_str(&text[run..i]);
            out.push(n);
            run = i + len;
        }
        i += len;
    }
    out.push_str(&text[run..]);
    out
}

/// The code point of the char of `bytes` (valid UTF-8) at byte `at`, whose lead byte is
/// one of a three-byte char (E0 to EF), read off its bytes without the general UTF-8
/// decoder: what the readers of every char of a page ([`normalize`], the tokenizer, the
/// fold's shingles) do for the ideographs and the page's punctuation.
#[inline(always)]
pub(crate) fn three_byte_char(bytes: &[u8], at: usize) -> Option<u32> {
    let (b, b1, b2) = (*bytes.get(at)?, *bytes.get(at + 1)?, *bytes.get(at + 2)?);
    Some(u32::from(b & 0x0f) << 12 | u32::from(b1 & 0x3f) << 6 | u32::from(b2 & 0x3f))
}

/// The folded form of the char at byte `i` of `text`, when it changes, and its length in
/// bytes: [`normalize`] for the chars it does not read off their bytes.
fn general(text: &str, i: usize, table: &[u16]) -> (Option<char>, usize) {
    let c = text
        .get(i..)
        .and_then(|rest| rest.chars().next())
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    let n = simplify_in(table, fold_char(c));
    ((n != c).then_some(n), c.len_utf8())
}

/// The CJK blocks where traditional characters live: Extension A and the URO, and the
/// compatibility ideographs.
const CJK_BLOCKS: [(u32, u32); 2] = [(0x3400, 0xA000), (0xF900, 0xFB00)];

/// Traditional → simplified, one character at a time. The table is read off `fast2s`
/// once; without its word-context rules the same character always folds the same way, in
/// the text and in the query alike. ([`normalize`] reads the table once per text; the
/// tests compare it with this.)
#[cfg(test)]
fn simplify(c: char) -> char {
    simplify_in(simplify_table(), c)
}

/// The simplified form of each character of [`CJK_BLOCKS`], in their order.
fn simplify_table() -> &'static [u16] {
    static TABLE: LazyLock<Vec<u16>> = LazyLock::new(|| {
        let mut table = Vec::new();
        for (lo, hi) in CJK_BLOCKS {
            for u in lo..hi {
                let simplified = char::from_u32(u)
                    .and_then(|c| fast2s::convert(c.encode_utf8(&mut [0; 4])).chars().next())
                    .map_or(u, |s| s as u32);
                table.push(u16::try_from(simplified).unwrap_or(u as u16));
            }
        }
        table
    });
    &TABLE
}

/// [`simplify`] with the table in hand.
fn simplify_in(table: &[u16], c: char) -> char {
    let u = c as u32;
    let mut base = 0;
    for (lo, hi) in CJK_BLOCKS {
        if (lo..hi).contains(&u) {
            return char::from_u32(u32::from(table[base + (u - lo) as usize])).unwrap_or(c);
        }
        base += (hi - lo) as usize;
    }
    c
}

/// A query word or a reporter's name as it is matched: normalized, and with the spaces that
/// align names in print removed (`柳 歌` → `柳歌`).
pub fn compact(text: &str) -> String {
    squeeze(&normalize(text))
}

/// `s` without white space (`柳 歌` → `柳歌`): the one home of squeezing out the spaces
/// pages print to align names, for the splitter, the archive and [`compact`]. White space
/// is [`char::is_whitespace`]. It copies a run at a time (an article body has few spaces),
/// decoding only a byte that can start a white-space char (ASCII, C2, E1 to E3).
pub fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b > 0x20 && !matches!(b, 0xc2 | 0xe1..=0xe3) {
            continue;
        }
        // A byte at or below 0x20 and these lead bytes each start a char.
        let c = s[i..].chars().next().unwrap_or_default();
        if c.is_whitespace() {
            out.push_str(&s[run..i]);
            run = i + c.len_utf8();
        }
    }
    out.push_str(&s[run..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_table() {
        let cases = [
            ("５月２２日", "5月22日"),
            ("ＣＯＶＩＤ－１９", "covid-19"),
            ("復工復產", "复工复产"),
            ("臺灣經濟發展", "台湾经济发展"),
            ("疫情防控", "疫情防控"),
            ("Ｈｅｌｌｏ　World", "hello world"),
            ("ÉCOLE", "école"),
            ("（记者徐岩）", "(记者徐岩)"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), want, "{input}");
            assert_eq!(
                normalize(input).chars().count(),
                input.chars().count(),
                "{input}"
            );
        }
    }

    proptest::proptest! {
        /// Copying unchanged runs gives what mapping every character gives.
        #[test]
        fn runs_are_copied_as_mapped(text in "[a-zA-Z０-９Ａ-Ｚ復工產疫情防控　 ，。\n]{0,40}|[\u{3400}-\u{4e10}\u{9ff0}-\u{a010}\u{f900}-\u{fb00}a-z]{0,40}|[\u{2000}-\u{2080}\u{2ff0}-\u{3410}\u{fefe}-\u{ff70}A-Z]{0,40}|.{0,40}") {
            let mapped: String = text.chars().map(|c| simplify(fold_char(c))).collect();
            proptest::prop_assert_eq!(normalize(&text), mapped);
        }
    }

    #[test]
    fn compact_removes_alignment_spaces() {
        assert_eq!(compact("柳 歌"), "柳歌");
        assert_eq!(compact("李　涛"), "李涛");
        assert_eq!(compact(" 胡文洁 "), "胡文洁");
    }

    #[test]
    fn spaces_are_squeezed_out() {
        let table = [
            ("柳 歌", "柳歌"),
            ("\u{3000}\u{3000}本报记者\u{a0}王明\n", "本报记者王明"),
            ("a\u{2002}b\u{85}c\u{b}d", "abcd"),
            ("", ""),
            (" \t ", ""),
            ("株洲日报", "株洲日报"),
        ];
        for (input, want) in table {
            assert_eq!(squeeze(input), want, "{input:?}");
        }
    }
}
