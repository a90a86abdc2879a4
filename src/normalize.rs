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
    // nearly every character of a page, are mapped without `fold_char`'s cases.
    let table = simplify_table();
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    for (i, c) in text.char_indices() {
        let u = c as u32;
        let n = if u < 0x80 {
            c.to_ascii_lowercase()
        } else if (0x4E00..0xA000).contains(&u) {
            char::from_u32(u32::from(table[(u - CJK_BLOCKS[0].0) as usize])).unwrap_or(c)
        } else {
            simplify_in(table, fold_char(c))
        };
        if n != c {
            out.push_str(&text[run..i]);
            out.push(n);
            run = i + c.len_utf8();
        }
    }
    out.push_str(&text[run..]);
    out
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
/// align names in print removed (`刘 歌` → `刘歌`).
pub fn compact(text: &str) -> String {
    squeeze(&normalize(text))
}

/// `s` without white space (`刘 歌` → `刘歌`): the one home of squeezing out the spaces
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
            ("（记者徐隽）", "(记者徐隽)"),
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
        fn runs_are_copied_as_mapped(text in "[a-zA-Z０-９Ａ-Ｚ復工產疫情防控　 ，。\n]{0,40}|.{0,40}") {
            let mapped: String = text.chars().map(|c| simplify(fold_char(c))).collect();
            proptest::prop_assert_eq!(normalize(&text), mapped);
        }
    }

    #[test]
    fn compact_removes_alignment_spaces() {
        assert_eq!(compact("刘 歌"), "刘歌");
        assert_eq!(compact("李　涛"), "李涛");
        assert_eq!(compact(" 胡文洁 "), "胡文洁");
    }

    #[test]
    fn spaces_are_squeezed_out() {
        let table = [
            ("刘 歌", "刘歌"),
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
