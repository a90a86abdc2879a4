//! Bytes → text. Archives mix UTF-8 (with or without BOM), UTF-16 (with or without BOM)
//! and the legacy Chinese encodings (GB18030/GBK, Big5). A UTF-8 file damaged in a few
//! places stays UTF-8, its bad bytes replaced. The result always has LF line ends, so
//! spans count the same characters whatever the file's line ends were.

use encoding_rs::{Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// A decoded page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, CRLF and lone CR turned into LF.
    pub text: String,
    /// The encoding's WHATWG name, such as `UTF-8` or `gb18030`.
    pub encoding: &'static str,
    /// True when some bytes could not be decoded and were replaced by U+FFFD.
    pub had_errors: bool,
    /// How many bytes could not be decoded (for UTF-8, the bytes of the bad sequences;
    /// otherwise the replacement characters the decoder wrote).
    pub bad_bytes: usize,
}

/// A file whose non-ASCII bytes are at least this share in valid UTF-8 sequences is
/// UTF-8 with a few damaged bytes, not a legacy encoding: GB18030 and Big5 text is almost
/// never valid UTF-8, and a page of Chinese with one bad byte in a thousand is 99.9%.
const NEARLY_UTF8: f64 = 0.99;

/// Decodes a page file's bytes, guessing the encoding when there is no BOM and the bytes
/// are not UTF-8.
///
/// ```
/// let gbk = [0xd6, 0xea, 0xd6, 0xde, 0xc8, 0xd5, 0xb1, 0xa8]; // 株洲日报 in GBK
/// let d = baosou::archive::decode(&gbk);
/// assert_eq!(d.text, "株洲日报");
/// assert_eq!(d.encoding, "gb18030");
/// ```
pub fn decode(bytes: &[u8]) -> Decoded {
    let (encoding, body): (&'static Encoding, &[u8]) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, &bytes[bom_len..]),
        // ASCII in UTF-16 is NUL bytes, which are valid UTF-8.
        None if bytes.contains(&0) && utf16_without_bom(bytes).is_some() => {
            (utf16_without_bom(bytes).unwrap_or(UTF_16LE), bytes)
        }
        None => {
            // Most pages are UTF-8: validated once, and not decoded again.
            if let Some(text) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
                return Decoded {
                    text: normalize_newlines(&text),
                    encoding: UTF_8.name(),
                    had_errors: false,
                    bad_bytes: 0,
                };
            }
            if let Some(bad) = nearly_utf8(bytes) {
                return Decoded {
                    text: normalize_newlines(&String::from_utf8_lossy(bytes)),
                    encoding: UTF_8.name(),
                    had_errors: true,
                    bad_bytes: bad,
                };
            }
            if let Some(text) = plain_gb18030(bytes) {
                return Decoded {
                    text: normalize_newlines(&text),
                    encoding: GB18030.name(),
                    had_errors: false,
                    bad_bytes: 0,
                };
            }
            (guess(bytes), bytes)
        }
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let bad_bytes = if had_errors {
        text.chars()
            .filter(|&c| c == char::REPLACEMENT_CHARACTER)
            .count()
    } else {
        0
    };
    Decoded {
        text: normalize_newlines(&text),
        encoding: encoding.name(),
        had_errors,
        bad_bytes,
    }
}

/// The bytes of `bytes` outside valid UTF-8 sequences when at least [`NEARLY_UTF8`] of its
/// non-ASCII bytes are in valid ones, else `None`. A legacy file is told after its first
/// few bad bytes, not walked to its end.
fn nearly_utf8(bytes: &[u8]) -> Option<usize> {
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    let enough =
        |bad: usize| non_ascii.saturating_sub(bad) as f64 >= NEARLY_UTF8 * non_ascii as f64;
    let mut bad = 0;
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(_) => break,
            Err(e) => {
                let len = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                bad += len;
                if !enough(bad) {
                    return None;
                }
                rest = &rest[e.valid_up_to() + len..];
            }
        }
    }
    enough(bad).then_some(bad)
}

/// The text of bytes that are GB18030 without an error and whose first [`DETECT_SAMPLE`]
/// bytes are not Big5, told without the detector: chardetng costs more than the decode,
/// and GB18030 is what most legacy Chinese pages are. Big5 text is almost always valid
/// GB18030 too, but GB18030 text is not Big5 (some of its commonest ideographs, 人, 全
/// and 然 among them, fall where Big5 has nothing): other bytes go to the detector.
fn plain_gb18030(bytes: &[u8]) -> Option<std::borrow::Cow<'_, str>> {
    let sample = &bytes[..bytes.len().min(DETECT_SAMPLE)];
    let mut big5 = BIG5.new_decoder_without_bom_handling();
    let mut out = vec![0u8; big5.max_utf8_buffer_length_without_replacement(sample.len())?];
    // Not the last input: a character the sample cuts in two is no error.
    let (result, _, _) = big5.decode_to_utf8_without_replacement(sample, &mut out, false);
    if !matches!(result, encoding_rs::DecoderResult::Malformed(..)) {
        return None;
    }
    GB18030.decode_without_bom_handling_and_without_replacement(bytes)
}

/// How many bytes the encoding detector reads.
const DETECT_SAMPLE: usize = 4 * 1024;

/// The encoding of bytes that have no BOM and are not UTF-8.
fn guess(bytes: &[u8]) -> &'static Encoding {
    if let Some(enc) = utf16_without_bom(bytes) {
        return enc;
    }
    // A sample tells GB18030 from Big5 as well as the whole file does, at a fraction of
    // the cost on a large page.
    let sample = &bytes[..bytes.len().min(DETECT_SAMPLE)];
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    let guessed = detector.guess(None, chardetng::Utf8Detection::Allow);
    // A Chinese archive is GB18030 or Big5; chardetng's GBK is decoded as GB18030, its
    // superset. Anything else it guesses from Chinese bytes is a misreading.
    if guessed == BIG5 {
        BIG5
    } else if guessed == UTF_8 {
        UTF_8
    } else {
        GB18030
    }
}

/// How many bytes [`utf16_without_bom`] looks at.
const UTF16_SAMPLE: usize = 8192;

/// UTF-16 without a BOM. Every page has line ends, which in UTF-16 are NUL bytes beside
/// the `\n`; GB18030, Big5 and UTF-8 text has no NUL at all. What the code units decode
/// to, in the right byte order, is then page text: Chinese, punctuation, full-width forms
/// and ASCII, and almost nothing else.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(UTF16_SAMPLE) & !1];
    // NULs in the high byte of a pair are ASCII; in the low byte, the rare U+xx00.
    let nuls_at = |parity: usize| {
        let nul = |b: &&u8| **b == 0;
        sample.iter().skip(parity).step_by(2).filter(nul).count()
    };
    let (even, odd) = (nuls_at(0), nuls_at(1));
    if even + odd == 0 {
        return None;
    }
    let share = |unit: fn([u8; 2]) -> u16| {
        let units = sample.chunks_exact(2).map(|p| unit([p[0], p[1]]));
        let text = char::decode_utf16(units)
            .filter(|c| c.as_ref().is_ok_and(|&c| is_page_char(c)))
            .count();
        text as f64 / (sample.len() / 2) as f64
    };
    let (le, be) = (share(u16::from_le_bytes), share(u16::from_be_bytes));
    const TEXT_SHARE: f64 = 0.9;
    if le >= TEXT_SHARE && le >= be && odd >= even {
        Some(UTF_16LE)
    } else if be >= TEXT_SHARE && even >= odd {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// A character page text is made of.
fn is_page_char(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | ' '..='~'
        | '\u{a0}'..='\u{ff}'
        | '\u{2000}'..='\u{206f}' // general punctuation: — “ ” …
        | '\u{3000}'..='\u{303f}' // CJK punctuation
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{ff00}'..='\u{ffef}' // full-width forms
    )
}

/// CRLF → LF, and a lone CR (old Mac files) → LF.
fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(enc: &'static Encoding, s: &str) -> Vec<u8> {
        enc.encode(s).0.into_owned()
    }

    #[test]
    fn decodes_every_supported_encoding() {
        let page = "市委常委会召开会议\r\n\r\n株洲日报记者 胡文洁\r\n株洲日报讯 2月26日，市委常委会召开会议，学习条例。";
        let want = page.replace("\r\n", "\n");
        let mut utf8_bom = b"\xef\xbb\xbf".to_vec();
        utf8_bom.extend_from_slice(page.as_bytes());
        let mut utf16le = vec![0xff, 0xfe];
        utf16le.extend(page.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let mut utf16be = vec![0xfe, 0xff];
        utf16be.extend(page.encode_utf16().flat_map(|u| u.to_be_bytes()));
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("utf-8", page.as_bytes().to_vec(), "UTF-8"),
            ("utf-8 with BOM", utf8_bom, "UTF-8"),
            ("utf-16le with BOM", utf16le, "UTF-16LE"),
            ("utf-16be with BOM", utf16be, "UTF-16BE"),
            ("gb18030", encode(GB18030, page), "gb18030"),
        ];
        for (name, bytes, encoding) in cases {
            let d = decode(&bytes);
            assert_eq!(d.text, want, "{name}");
            assert_eq!(d.encoding, encoding, "{name}");
            assert!(!d.had_errors, "{name}");
        }
    }

    #[test]
    fn decodes_big5() {
        let page =
            "臺北市政府昨日舉行記者會，說明颱風過後的復原工作。市長表示，各項工作將在三日內完成。";
        let d = decode(&encode(BIG5, page));
        assert_eq!(d.text, page);
        assert_eq!(d.encoding, "Big5");
    }

    #[test]
    fn undecodable_bytes_are_replaced_and_flagged() {
        let mut bytes = encode(
            GB18030,
            "江城防汛调度会议召开，会议要求各级各部门认真落实值守责任。",
        );
        bytes.extend_from_slice(&[0x81, 0x20]);
        let d = decode(&bytes);
        assert!(d.had_errors);
        assert!(d.text.starts_with("江城防汛调度会议召开"));
    }

    #[test]
    fn nearly_utf8_stays_utf8_and_utf16_needs_no_bom() {
        let page =
            "江城防汛调度会议召开，会议要求各级各部门认真落实值守责任。本报记者 王明\n".repeat(40);
        // One bad byte in about a thousand: a byte cut out of a character (its other two
        // are then bad), another replaced by 0xff (with the two that followed it).
        let mut damaged = page.as_bytes().to_vec();
        damaged.remove(1000);
        damaged[2500] = 0xff;
        let utf16 = |le: bool| -> Vec<u8> {
            page.encode_utf16()
                .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
                .collect()
        };
        let cases: Vec<(&str, Vec<u8>, &str, usize)> = vec![
            ("utf-8, 5 bad bytes", damaged, "UTF-8", 5),
            ("utf-16le without BOM", utf16(true), "UTF-16LE", 0),
            ("utf-16be without BOM", utf16(false), "UTF-16BE", 0),
            ("gb18030 stays gb18030", encode(GB18030, &page), "gb18030", 0),
            ("big5 stays big5", encode(BIG5, "臺北市政府昨日舉行記者會，說明颱風過後的復原工作。市長表示，各項工作將在三日內完成。"), "Big5", 0),
        ];
        for (name, bytes, encoding, bad) in cases {
            let d = decode(&bytes);
            assert_eq!(d.encoding, encoding, "{name}");
            assert_eq!(d.bad_bytes, bad, "{name}");
            assert!(
                d.text.contains("各级各部门") || d.text.contains("颱風"),
                "{name}: {}",
                &d.text[..60]
            );
        }
        // Too damaged to be UTF-8: more than one non-ASCII byte in a hundred is bad.
        let half: String = page.chars().take(100).collect();
        let mut mixed = half.as_bytes().to_vec();
        mixed.extend(encode(GB18030, &half));
        assert_eq!(decode(&mixed).encoding, "gb18030");
    }

    #[test]
    fn gb18030_is_told_without_the_detector_and_big5_is_not_taken_for_it() {
        // 人 and 全 are GB18030 bytes Big5 has nothing at (lead byte 0xc8), as nearly
        // every page has.
        let gb = "人民群众全力守护绿水青山（ＡＢ）。\n".repeat(300);
        let big5 = "臺北市政府昨日舉行記者會，說明颱風過後的復原工作。\n".repeat(200);
        let mut big5_odd = b"x".to_vec();
        big5_odd.extend(encode(BIG5, &big5));
        let cut = &big5_odd[..DETECT_SAMPLE];
        assert!(BIG5
            .decode_without_bom_handling_and_without_replacement(cut)
            .is_none());
        let mut damaged_gb = encode(GB18030, &gb);
        damaged_gb.extend_from_slice(&[0x81, 0x20]);
        let cases: [(&str, Vec<u8>, bool); 5] = [
            ("gb18030", encode(GB18030, &gb), true),
            ("short gb18030", encode(GB18030, "人民日报"), true),
            ("big5", encode(BIG5, &big5), false),
            // The sample ends inside a character: that is no sign of GB18030.
            ("big5, the sample cutting a character", big5_odd, false),
            ("gb18030 with a bad byte", damaged_gb, false),
        ];
        for (name, bytes, plain) in cases {
            assert_eq!(plain_gb18030(&bytes).is_some(), plain, "{name}");
            let d = decode(&bytes);
            let want = if name.starts_with("big5") {
                "Big5"
            } else {
                "gb18030"
            };
            assert_eq!(d.encoding, want, "{name}");
        }
        assert_eq!(decode(&encode(GB18030, &gb)).text, gb);
    }

    #[test]
    fn lone_carriage_returns_become_newlines() {
        assert_eq!(decode(b"a\rb\r\nc").text, "a\nb\nc");
    }
}
