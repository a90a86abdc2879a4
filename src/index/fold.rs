//! Folding repeated printings: the same text printed twice (on two pages of a day, or by two
//! papers from one wire story) is one hit, with the other printings listed.
//!
//! Each article's body gets a 64-bit SimHash over its 4-character shingles when it is
//! indexed ([`simhash`], a fast field). After a run, [`pairs`] puts the articles into LSH
//! buckets, four of 16 bits each, so that two hashes within [`MAX_DISTANCE`] bits share a
//! bucket, with no pass over all pairs; the candidates are then checked on their texts: the
//! Jaccard similarity of their shingle sets must reach [`MIN_JACCARD`].

use std::collections::{HashMap, HashSet};

/// Word characters a body needs before it is folded with another: below that, a caption
/// or a one-line notice says too little to tell two items apart.
pub const MIN_CHARS: usize = 60;

/// Bits two SimHashes may differ in and still be candidates.
pub const MAX_DISTANCE: u32 = 3;

/// Share of shingles two texts must have in common to be the same printing.
pub const MIN_JACCARD: f64 = 0.8;

/// Characters per shingle.
const SHINGLE: usize = 4;

/// The characters that count: letters, digits and ideographs, full-width forms folded.
fn letters(text: &str) -> impl Iterator<Item = u64> + '_ {
    // Ideographs and ASCII first: the Unicode tables cost more than the rest of the hash.
    let letter = |c: &char| match *c {
        '\u{4e00}'..='\u{9fff}' => true,
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{3000}'..='\u{303f}' | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' => false,
        c => c.is_alphanumeric(),
    };
    text.chars().filter(letter).map(|c| match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => c as u64 - 0xfee0,
        c => c as u64,
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

/// One shingle in this many counts in the SimHash, chosen by its hash, so that two
/// printings of a text count the same ones: a SimHash costs an eighth of the work.
const SAMPLE: u64 = 8;

/// The SimHash of a body, 0 when it is too short to be folded.
pub fn simhash(body: &str) -> u64 {
    let mut weights = [0i32; 64];
    let mut n = 0usize;
    for h in shingles(body) {
        n += 1;
        if h % SAMPLE != 0 {
            continue;
        }
        let h = mix(h);
        for (b, w) in weights.iter_mut().enumerate() {
            *w += ((h >> b) & 1) as i32 * 2 - 1;
        }
    }
    if n + SHINGLE - 1 < MIN_CHARS {
        return 0;
    }
    let hash = weights
        .iter()
        .enumerate()
        .fold(0u64, |acc, (b, &w)| acc | (((w > 0) as u64) << b));
    // 0 means "not folded": a real hash of 0 is moved aside.
    hash.max(1)
}

/// Jaccard similarity of the shingle sets of two texts.
pub fn jaccard(a: &str, b: &str) -> f64 {
    let sa: HashSet<u64> = shingles(a).collect();
    let sb: HashSet<u64> = shingles(b).collect();
    let inter = sa.intersection(&sb).count();
    let union = sa.len() + sb.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Candidate pairs `(i, j)`, `i < j`, among `hashes` (0 = never folded): hashes within
/// [`MAX_DISTANCE`] bits. Equal hashes are paired with the first of them only, so that a
/// text printed every day costs a line, not a square.
pub fn pairs(hashes: &[u64]) -> Vec<(usize, usize)> {
    let mut first: HashMap<u64, usize> = HashMap::new();
    let mut out = Vec::new();
    let mut distinct = Vec::new();
    for (i, &h) in hashes.iter().enumerate() {
        if h == 0 {
            continue;
        }
        match first.get(&h) {
            Some(&f) => out.push((f, i)),
            None => {
                first.insert(h, i);
                distinct.push(i);
            }
        }
    }
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    for band in 0..4 {
        let mut buckets: HashMap<u16, Vec<usize>> = HashMap::new();
        for &i in &distinct {
            buckets
                .entry((hashes[i] >> (16 * band)) as u16)
                .or_default()
                .push(i);
        }
        for bucket in buckets.values() {
            for (k, &i) in bucket.iter().enumerate() {
                for &j in &bucket[k + 1..] {
                    if (hashes[i] ^ hashes[j]).count_ones() <= MAX_DISTANCE && seen.insert((i, j)) {
                        out.push((i, j));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "新华社北京2月1日电 国务院总理李克强1日主持召开国务院常务会议，部署进一步做好稳就业工作，确定促进中小企业发展的措施，要求各地各部门抓好落实，确保政策尽快见效，让企业和群众有实实在在的获得感。";

    #[test]
    fn same_and_near_texts_share_a_hash_or_nearly() {
        let edited = STORY.replace("尽快", "及时");
        let table = [
            (STORY.to_string(), 0),
            (format!("　　{STORY}\n"), 0),
            (edited, 12),
        ];
        for (text, max) in table {
            let d = (simhash(STORY) ^ simhash(&text)).count_ones();
            assert!(d <= max, "{d} bits apart: {text}");
        }
        assert!(jaccard(STORY, &STORY.replace("尽快", "及时")) > MIN_JACCARD);
    }

    #[test]
    fn different_texts_and_short_ones_do_not_fold() {
        let other = "国务院任免国家工作人员。任命张三为教育部副部长；任命李四为科学技术部副部长；免去王五的国家发展和改革委员会副主任职务，免去赵六的财政部副部长职务。";
        let again = "国务院任免国家工作人员。任命孙七为商务部副部长；任命周八为司法部副部长；免去吴九的自然资源部副部长职务，免去郑十的国家卫生健康委员会副主任职务。";
        assert!(jaccard(other, again) < MIN_JACCARD);
        assert!((simhash(other) ^ simhash(again)).count_ones() > MAX_DISTANCE);
        assert_eq!(simhash("本版责编：王明"), 0);
    }

    #[test]
    fn pairs_come_from_buckets() {
        type Case<'a> = (&'a [u64], &'a [(usize, usize)]);
        let table: [Case; 4] = [
            (&[5, 5, 5], &[(0, 1), (0, 2)]),
            (&[0, 0], &[]),
            (&[0b1011, 0b1000], &[(0, 1)]),
            (&[0xffff, 0xffff_0000_0000_0000], &[]),
        ];
        for (hashes, want) in table {
            let mut got = pairs(hashes);
            got.sort();
            assert_eq!(got, want, "{hashes:?}");
        }
    }
}
