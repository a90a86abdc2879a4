//! Bytes → text. Archives mix UTF-8 (with or without BOM), UTF-16 with BOM and the legacy
//! Chinese encodings (GB18030/GBK, Big5). The result always has LF line ends, so spans
//! count the same characters whatever the file's line ends were.

use encoding_rs::{Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// A decoded page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's WHATWG name, such as `UTF-8` or `gb18030`.
    pub encoding: &'static str,
    /// True when some bytes could not be decoded and were replaced by U+FFFD.
    pub had_errors: bool,
}

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
        None => {
            // Most pages are UTF-8: validated once, and not decoded again.
            if let Some(text) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
                return Decoded {
                    text: normalize_newlines(&text),
                    encoding: UTF_8.name(),
                    had_errors: false,
                };
            }
            (guess(bytes), bytes)
        }
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    Decoded {
        text: normalize_newlines(&text),
        encoding: encoding.name(),
        had_errors,
    }
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

/// UTF-16 without a BOM shows as many NUL bytes on one side of each pair.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zero_hi = bytes.chunks_exact(2).filter(|p| p[1] == 0).count();
    let zero_lo = bytes.chunks_exact(2).filter(|p| p[0] == 0).count();
    if zero_hi * 3 > pairs * 2 {
        Some(UTF_16LE)
    } else if zero_lo * 3 > pairs * 2 {
        Some(UTF_16BE)
    } else {
        None
    }
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
            "疫情防控工作会议召开，会议要求各级各部门切实做好防控工作。",
        );
        bytes.extend_from_slice(&[0x81, 0x20]);
        let d = decode(&bytes);
        assert!(d.had_errors);
        assert!(d.text.starts_with("疫情防控工作会议召开"));
    }

    #[test]
    fn lone_carriage_returns_become_newlines() {
        assert_eq!(decode(b"a\rb\r\nc").text, "a\nb\nc");
    }
}
