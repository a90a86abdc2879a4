//! Folding repeated printings: the same text printed twice (on two pages of a day, or by two
//! papers from one wire story) is one hit, with the other printings listed.
//!
//! Each article's body gets a MinHash signature over its 4-character shingles when it is
//! indexed (one permutation, [`BINS`] bins), kept as [`BANDS`] band keys of [`ROWS`] bins each
//! in a fast field ([`bands`]). After a run, [`pairs`] puts the articles into LSH buckets by
//! band key, so that texts with many shingles in common share a bucket (at Jaccard 0.8, with
//! a probability of 0.96; at 0.9, 0.998), with no pass over all pairs; the candidates are
//! then checked on their texts: the Jaccard similarity of their shingle sets must reach
//! [`MIN_JACCARD`]. (A SimHash, tried first, moved too many bits when one word of a short
//! text changed.)

use crate::normalize::three_byte_char;
use std::collections::{HashMap, HashSet};

/// Word characters a body needs before it is folded with another: below that, a caption
/// or a one-line notice says too little to tell two items apart.
pub const MIN_CHARS: usize = 60;

/// Share of shingles two texts must have in common to be the same printing.
pub const MIN_JACCARD: f64 = 0.8;

/// Days two printings may be apart: a paper's repeat or another paper's print of a wire
/// story comes within the week; a notice printed again a year later with new dates (the
/// annual 全国人大 press notice, 84% of its shingles the same) is another article.
pub const MAX_DAYS_APART: i64 = 7;

/// Days from 1970-01-01 of `YYYY-MM-DD`.
fn day_number(date: &str) -> Option<i64> {
    let d = crate::day::Day::parse(date)?;
    // Howard Hinnant's days_from_civil.
    let (y, m) = if d.month <= 2 {
        (d.year as i64 - 1, d.month as i64 + 9)
    } else {
        (d.year as i64, d.month as i64 - 3)
    };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + d.day as i64 - 1;
    Some(era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468)
}

/// True when printings dated `a` and `b` are close enough in time to be one text printed
/// twice (undated ones are).
pub fn near_in_time(a: Option<&str>, b: Option<&str>) -> bool {
    match (a.and_then(day_number), b.and_then(day_number)) {
        (Some(x), Some(y)) => (x - y).abs() <= MAX_DAYS_APART,
        _ => true,
    }
}

/// Characters per shingle.
const SHINGLE: usize = 4;

/// The characters that count: letters, digits and ideographs, full-width forms folded.
fn letters(text: &str) -> impl Iterator<Item = u64> + '_ {
    // Ideographs and ASCII first: the Unicode tables cost more than the rest of the hash.
    let letter = |c: char| match c {
        '\u{4e00}'..='\u{9fff}' => true,
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        // General punctuation (`“”…—`, no letter or digit among it), CJK punctuation and
        // full-width punctuation.
        '\u{2000}'..='\u{206f}'
        | '\u{3000}'..='\u{303f}'
        | '\u{ff01}'..='\u{ff0f}'
        | '\u{ff1a}'..='\u{ff20}' => false,
        c => c.is_alphanumeric(),
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(at) {
            // ASCII, and the ideographs U+4E00 to U+9FFF (three bytes led by E4 to E9),
            // nearly every character of a page, without the general UTF-8 decoder.
            if b < 0x80 {
                at += 1;
                if b.is_ascii_alphanumeric() {
                    return Some(u64::from(b));
                }
                continue;
            }
            if (0xe4..=0xe9).contains(&b) {
                if let Some(u) = three_byte_char(bytes, at).filter(|&u| u >= 0x4e00) {
                    at += 3;
                    return Some(u64::from(u));
                }
            } else if let (0xe2 | 0xe3 | 0xef, Some(u)) = (b, three_byte_char(bytes, at)) {
                // The page's punctuation, three bytes led by E2, E3 or EF: passed over
                // without decoding it again (the ranges `letter` refuses).
                if matches!(u, 0x2000..=0x206f | 0x3000..=0x303f | 0xff01..=0xff0f | 0xff1a..=0xff20)
                {
                    at += 3;
                    continue;
                }
            }
            let c = text.get(at..).and_then(|rest| rest.chars().next())?;
            at += c.len_utf8();
            if letter(c) {
                return Some(match c {
                    '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => c as u64 - 0xfee0,
                    c => c as u64,
                });
            }
        }
        None
    })
}

/// A 64-bit mix of a shingle (splitmix64's finaliser).
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d049bb133111eb);
    x ^ (x >> 31)
}

/// Hashes of the shingles of `text`: each window of [`SHINGLE`] letters, the low 16 bits
/// of each (the ideographs in common use are all below U+10000).
fn shingles(text: &str) -> impl Iterator<Item = u64> + '_ {
    let mut window = 0u64;
    letters(text).enumerate().filter_map(move |(i, c)| {
        window = window << 16 | (c & 0xffff);
        (i + 1 >= SHINGLE).then(|| mix(window))
    })
}

/// Bins of the one-permutation MinHash.
pub const BINS: usize = 24;
/// Bins per band key.
pub const ROWS: usize = 4;
/// Band keys per text.
pub const BANDS: usize = BINS / ROWS;

/// The band keys of a body's MinHash signature; none when it is too short to be folded.
pub fn bands(body: &str) -> Vec<u64> {
    let mut mins = [u64::MAX; BINS];
    let mut n = 0usize;
    for h in shingles(body) {
        n += 1;
        let bin = (h % BINS as u64) as usize;
        let v = h / BINS as u64;
        if v < mins[bin] {
            mins[bin] = v;
        }
    }
    if n + SHINGLE - 1 < MIN_CHARS {
        return Vec::new();
    }
    mins.chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let key = rows
                .iter()
                .fold(band as u64, |acc, &m| mix(acc.rotate_left(17) ^ m));
            key.max(1)
        })
        .collect()
}

/// The shingle set of `text`: its shingles' hashes, sorted, each once (what [`jaccard_of`]
/// compares; worked out once per article when it is compared with several).
pub fn shingle_set(text: &str) -> Vec<u64> {
    let mut set: Vec<u64> = shingles(text).collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// Jaccard similarity of two shingle sets made by [`shingle_set`].
pub fn jaccard_of(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Jaccard similarity of the shingle sets of two texts.
pub fn jaccard(a: &str, b: &str) -> f64 {
    jaccard_of(&shingle_set(a), &shingle_set(b))
}

/// Articles in one bucket compared with each other; beyond, each is compared with the
/// first of them only, so that a boilerplate band cannot make the pass quadratic.
const BUCKET: usize = 64;

/// Candidate pairs `(i, j)`, `i < j`, among the articles whose band keys are `keys` (none:
/// never folded) and whose days are `days`: articles that share a band key. Articles with
/// equal signatures are paired each with the one printed before it (by day, then order), so
/// that a text printed every day costs a line, not a square, and a reprint is compared with
/// the printing nearest in time, not with one years away.
pub fn pairs(keys: &[Vec<u64>], days: &[Option<u64>]) -> Vec<(usize, usize)> {
    let mut same: HashMap<&[u64], Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if !k.is_empty() {
            same.entry(k.as_slice()).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (k, mut members) in same {
        members.sort_by_key(|&i| (days.get(i).copied().flatten(), i));
        for w in members.windows(2) {
            out.push((w[0].min(w[1]), w[0].max(w[1])));
        }
        let first = members.iter().copied().min().unwrap_or_default();
        for (band, &key) in k.iter().enumerate() {
            buckets.entry((band, key)).or_default().push(first);
        }
    }
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    for bucket in buckets.values_mut() {
        bucket.sort_unstable();
        for (n, &j) in bucket.iter().enumerate().skip(1) {
            for &i in &bucket[..n.min(BUCKET)] {
                if seen.insert((i, j)) {
                    out.push((i, j));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "新华社江城2月1日电 江城市市长李华1日主持召开市政府常务会议，部署进一步抓好春耕备耕服务，确定扶持家庭果园的几项举措，要求各区各部门抓好落实，确保政策尽快见效，让农户和企业有看得见的实惠。";

    #[test]
    fn same_and_near_texts_share_a_band() {
        let edited = STORY.replace("尽快", "及时");
        let table = [STORY.to_string(), format!("　　{STORY}\n"), edited];
        for text in table {
            assert_eq!(
                pairs(&[bands(STORY), bands(&text)], &[None, None]),
                vec![(0, 1)],
                "{text}"
            );
        }
        assert_eq!(bands(STORY), bands(&format!("　　{STORY}\n")));
        assert!(jaccard(STORY, &STORY.replace("尽快", "及时")) > MIN_JACCARD);
    }

    #[test]
    fn different_texts_and_short_ones_do_not_fold() {
        let other = "江城市政府任免工作人员。任命张三为市教育局副局长；任命李四为市科学技术局副局长；免去王五的市发改委副主任职务，免去赵六的市财政局副局长职务。";
        let again = "江城市政府任免工作人员。任命孙七为市商务局副局长；任命周八为市司法局副局长；免去吴九的市规划局副局长职务，免去郑十的市卫健委副主任职务。";
        assert!(jaccard(other, again) < MIN_JACCARD);
        assert_eq!(bands("本报责编：王明"), Vec::<u64>::new());
        assert_eq!(bands(STORY).len(), BANDS);
    }

    /// A wire story printed by another paper with one word changed was not folded: its
    /// SimHash moved more bits than the buckets allowed.
    #[test]
    fn a_word_changed_in_a_short_text_stays_a_candidate() {
        let a = "本报江城3月2日电 随着气温回升，城北湿地公园迎来大批越冬候鸟北归途中停歇。观鸟爱好者在湖边记录到白鹭、苍鹭、绿头鸭等二十余种鸟类。公园管理处提醒游客文明观鸟，不要投喂、惊扰鸟群，共同守护这片生态家园。";
        let b = a.replace("共同", "一起");
        assert_eq!(pairs(&[bands(a), bands(&b)], &[None, None]), vec![(0, 1)]);
        assert!(jaccard(a, &b) >= MIN_JACCARD);
    }

    /// The sorted sets give the figure hash sets of the shingles gave (the links file must
    /// not change when the way of counting does).
    #[test]
    fn sorted_sets_count_as_hash_sets() {
        let by_hash = |a: &str, b: &str| {
            let sa: HashSet<u64> = shingles(a).collect();
            let sb: HashSet<u64> = shingles(b).collect();
            let inter = sa.intersection(&sb).count();
            inter as f64 / (sa.len() + sb.len() - inter).max(1) as f64
        };
        let table = [
            (STORY.to_string(), STORY.replace("尽快", "及时")),
            (STORY.to_string(), format!("{STORY}{STORY}")),
            (STORY.to_string(), "江城市政府任免工作人员。".to_string()),
            ("哈哈哈哈哈哈哈哈".to_string(), "哈哈哈哈".to_string()),
            (String::new(), String::new()),
        ];
        for (a, b) in table {
            assert_eq!(jaccard(&a, &b), by_hash(&a, &b), "{a} {b}");
        }
    }

    /// The byte-level reading of the letters gives what reading them char by char did.
    #[test]
    fn letters_as_chars_read_them() {
        let by_chars = |text: &str| -> Vec<u64> {
            let letter = |c: &char| match *c {
                '\u{4e00}'..='\u{9fff}' => true,
                c if c.is_ascii() => c.is_ascii_alphanumeric(),
                '\u{3000}'..='\u{303f}' | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' => {
                    false
                }
                c => c.is_alphanumeric(),
            };
            text.chars()
                .filter(letter)
                .map(|c| match c {
                    '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => c as u64 - 0xfee0,
                    c => c as u64,
                })
                .collect()
        };
        let table = [
            STORY,
            "ＧＤＰ增长６.１％，a-b c",
            "㐀䶵一鿿\u{9fa5}ǅé𠀀😀　，。Ａｚ０",
            "",
        ];
        for text in table {
            assert_eq!(letters(text).collect::<Vec<_>>(), by_chars(text), "{text}");
        }
    }

    /// The 全国人大 press notice of 2019 and that of 2020 share 84% of their shingles.
    #[test]
    fn printings_are_within_a_week() {
        let table = [
            (Some("2019-10-14"), Some("2019-10-21"), true),
            (Some("2019-02-28"), Some("2019-03-01"), true),
            (Some("2019-02-02"), Some("2020-01-23"), false),
            (Some("2019-12-30"), Some("2020-01-08"), false),
            (None, Some("2020-01-08"), true),
        ];
        for (a, b, want) in table {
            assert_eq!(near_in_time(a, b), want, "{a:?} {b:?}");
        }
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2020-03-01"), Some(18322));
    }

    #[test]
    fn pairs_come_from_buckets() {
        type Case = (Vec<Vec<u64>>, Vec<Option<u64>>, Vec<(usize, usize)>);
        let same = vec![vec![5, 6], vec![5, 6], vec![5, 6]];
        let table: [Case; 5] = [
            (same.clone(), vec![None; 3], vec![(0, 1), (1, 2)]),
            // Equal texts are paired by day: the reprint of the day after its first printing
            // is compared with it, though a copy years away comes first in the index (it was
            // paired with that copy only, which is never folded, and so never with its twin).
            (
                same,
                vec![Some(20210101), Some(20190101), Some(20190102)],
                vec![(0, 2), (1, 2)],
            ),
            (vec![vec![], vec![]], vec![None; 2], vec![]),
            (vec![vec![1, 2], vec![1, 3]], vec![None; 2], vec![(0, 1)]),
            (vec![vec![1, 2], vec![2, 1]], vec![None; 2], vec![]),
        ];
        for (keys, days, want) in table {
            let mut got = pairs(&keys, &days);
            got.sort();
            assert_eq!(got, want, "{keys:?}");
        }
    }
}
