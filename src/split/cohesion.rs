//! Lexical cohesion across a candidate boundary, after TextTiling: the text just before a
//! headline-like line and the text just after it share many character bigrams when they
//! tell one story, and few when a new article begins. It settles lines that could be a
//! section head inside an article or the headline of the next one.

use super::text::{is_han, Block};

/// How many blocks each side are compared.
pub const WINDOW_BLOCKS: usize = 6;
/// How many chars each side are compared, at most.
const WINDOW_CHARS: usize = 400;

/// Counts of Han character bigrams, in an open-addressing table, and their norm. A window
/// holds a few hundred bigrams. Each slot packs a bigram (two Han chars, below U+30000:
/// 18 bits each) over its count (the low [`COUNT_BITS`]); a bigram never packs to 0, which
/// marks a free slot. Half the width of a (key, count) pair: the table is made for every
/// window, and zeroing it was a third of the counting.
#[derive(Debug)]
pub struct Bigrams {
    slots: Vec<u64>,
    len: usize,
    norm: f64,
}

/// The bits of a slot that hold the count.
const COUNT_BITS: u32 = 28;
/// The largest count a slot holds (a window has a few hundred chars).
const MAX_COUNT: u64 = (1 << COUNT_BITS) - 1;

impl Bigrams {
    /// The bigrams of the Han characters in `chars`; other characters are skipped, so a
    /// bigram spans them.
    pub fn of(chars: &[char]) -> Bigrams {
        let mut han = chars.iter().copied().filter(|&c| is_han(c));
        // At most one bigram a char, in a table at most four fifths full, so that a free
        // slot always ends a probe. Bounded by all the chars, not the Han ones counted in a
        // pass of their own: that pass cost more than the fuller table (the counts, and so
        // the cosines, are exact integers whatever the table's size).
        let most = chars.len();
        let mut out = Bigrams {
            slots: vec![0; (most + most / 4 + 1).next_power_of_two().max(8)],
            len: 0,
            norm: 0.0,
        };
        // Counts are small integers, so the sum of their squares is exact.
        let mut squares: u64 = 0;
        if let Some(mut prev) = han.next() {
            for c in han {
                let key = u64::from(prev) << 18 | u64::from(c);
                let k = out.slot(key);
                let slot = &mut out.slots[k];
                if *slot == 0 {
                    *slot = key << COUNT_BITS;
                    out.len += 1;
                }
                let n = *slot & MAX_COUNT;
                if n < MAX_COUNT {
                    // (n + 1)² - n² = 2n + 1
                    squares += 2 * n + 1;
                    *slot += 1;
                }
                prev = c;
            }
        }
        out.norm = (squares as f64).sqrt();
        out
    }

    /// The slot holding `key`, or the free one where it goes.
    fn slot(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut k = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask;
        while self.slots[k] != 0 && self.slots[k] >> COUNT_BITS != key {
            k = (k + 1) & mask;
        }
        k
    }

    /// The cosine of two counts (0 when either is empty).
    pub fn cosine(&self, other: &Bigrams) -> f64 {
        let (small, large) = if self.len <= other.len {
            (self, other)
        } else {
            (other, self)
        };
        let mut dot = 0.0;
        for &s in small.slots.iter().filter(|&&s| s != 0) {
            let m = large.slots[large.slot(s >> COUNT_BITS)] & MAX_COUNT;
            dot += (s & MAX_COUNT) as f64 * m as f64;
        }
        let d = self.norm * other.norm;
        if d == 0.0 {
            0.0
        } else {
            dot / d
        }
    }
}

/// The text a window holds before block `i`: the blocks that `use_block` keeps, each
/// followed by a space, gathered backwards from block `i`; the last WINDOW_CHARS chars of
/// the last WINDOW_BLOCKS of them.
pub fn before(bs: &[Block], use_block: &[bool], i: usize) -> Vec<char> {
    let kept = |k: &usize| use_block.get(*k).copied().unwrap_or(false);
    let mut before: Vec<char> = Vec::with_capacity(WINDOW_CHARS);
    for k in (0..i).rev().filter(kept).take(WINDOW_BLOCKS) {
        before.push(' ');
        // No more of a block than the window holds (a paragraph runs longer).
        let room = WINDOW_CHARS.saturating_sub(before.len());
        before.extend(bs[k].text.chars().rev().take(room));
        if before.len() >= WINDOW_CHARS {
            break;
        }
    }
    before.truncate(WINDOW_CHARS);
    before.reverse();
    before
}

/// The text a window holds from the start of `texts`: the first WINDOW_CHARS chars of
/// the first WINDOW_BLOCKS texts, each followed by a space.
pub fn window<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<char> {
    // Made whole at once: collected, it grew a few times over.
    let mut out = Vec::with_capacity(WINDOW_CHARS);
    out.extend(
        texts
            .take(WINDOW_BLOCKS)
            .flat_map(|t| t.chars().chain([' ']))
            .take(WINDOW_CHARS),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cosine of the bigram counts of `a` and `b` (0 when either is empty).
    fn cosine(a: &[char], b: &[char]) -> f64 {
        Bigrams::of(a).cosine(&Bigrams::of(b))
    }

    #[test]
    fn cosines() {
        let table = [
            ("市委召开会议研究防控工作", "会议研究防控工作部署", true),
            ("市委召开会议研究防控工作", "小朋友在雪地里堆雪人", false),
            ("", "小朋友在雪地里堆雪人", false),
        ];
        for (a, b, related) in table {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            assert_eq!(cosine(&a, &b) >= 0.1, related, "{a:?} {b:?}");
        }
    }

    /// The cosine as first written, with hash maps.
    fn cosine_by_maps(a: &[char], b: &[char]) -> f64 {
        use std::collections::HashMap;
        let bigrams = |chars: &[char]| {
            let han: Vec<char> = chars.iter().copied().filter(|&c| is_han(c)).collect();
            let mut out: HashMap<(char, char), u32> = HashMap::new();
            for w in han.windows(2) {
                *out.entry((w[0], w[1])).or_insert(0) += 1;
            }
            out
        };
        let (x, y) = (bigrams(a), bigrams(b));
        let dot: f64 = x
            .iter()
            .map(|(k, &v)| f64::from(v) * f64::from(*y.get(k).unwrap_or(&0)))
            .sum();
        let norm = |m: &HashMap<(char, char), u32>| {
            m.values()
                .map(|&v| f64::from(v) * f64::from(v))
                .sum::<f64>()
                .sqrt()
        };
        let d = norm(&x) * norm(&y);
        if d == 0.0 {
            0.0
        } else {
            dot / d
        }
    }

    proptest::proptest! {
        /// Windows of whole blocks, and the cosine of their bigrams, as first written.
        #[test]
        fn windows_and_cosine_as_first_written(
            texts in proptest::collection::vec("[会议研究工作市委 ，。]{1,120}", 1..16),
            keep in proptest::collection::vec(proptest::bool::ANY, 16),
            i in 0usize..16,
            gap in 0usize..3,
        ) {
            let bs: Vec<Block> = texts
                .iter()
                .map(|t| Block { start: 0, end: 0, text: t, gap: 0, space_before: false, space_after: false })
                .collect();
            let i = i.min(bs.len());
            let j = (i + gap).min(bs.len());
            let kept: Vec<usize> = (0..bs.len()).filter(|&k| keep[k]).collect();
            let mut before: Vec<char> = Vec::new();
            for &k in kept.iter().filter(|&&k| k < i).rev().take(WINDOW_BLOCKS) {
                let mut b: Vec<char> = bs[k].text.chars().collect();
                b.push(' ');
                b.extend(before);
                before = b;
            }
            let before = &before[before.len().saturating_sub(WINDOW_CHARS)..];
            let after: Vec<char> = kept
                .iter()
                .filter(|&&k| k >= j)
                .take(WINDOW_BLOCKS)
                .flat_map(|&k| bs[k].text.chars().chain([' ']))
                .take(WINDOW_CHARS)
                .collect();
            let want = cosine_by_maps(before, &after);
            let got = window((j..bs.len()).filter(|&k| keep[k]).map(|k| bs[k].text));
            let got = cosine(&super::before(&bs, &keep, i), &got);
            proptest::prop_assert_eq!(got.to_bits(), want.to_bits());
        }
    }
}
