//! Lexical cohesion across a candidate boundary, after TextTiling: the text just before a
//! headline-like line and the text just after it share many character bigrams when they
//! tell one story, and few when a new article begins. It settles lines that could be a
//! section head inside an article or the headline of the next one.

use super::text::{is_han, Block};
use std::collections::HashMap;

/// How many blocks each side are compared.
const WINDOW_BLOCKS: usize = 6;
/// How many chars each side are compared, at most.
const WINDOW_CHARS: usize = 400;

/// Counts of Han character bigrams.
fn bigrams(chars: &[char]) -> HashMap<(char, char), u32> {
    let han: Vec<char> = chars.iter().copied().filter(|&c| is_han(c)).collect();
    let mut out = HashMap::new();
    for w in han.windows(2) {
        *out.entry((w[0], w[1])).or_insert(0) += 1;
    }
    out
}

/// The cosine of the bigram counts of `a` and `b` (0 when either is empty).
pub fn cosine(a: &[char], b: &[char]) -> f64 {
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

/// The cohesion between the text before block `i` and the text from block `j` on, over
/// the blocks that `use_block` keeps (body text, not bylines that every story shares).
pub fn across(bs: &[Block], use_block: &[bool], i: usize, j: usize) -> f64 {
    let kept = |k: &usize| use_block.get(*k).copied().unwrap_or(false);
    let mut before: Vec<char> = Vec::new();
    for k in (0..i).rev().filter(kept).take(WINDOW_BLOCKS) {
        let mut b: Vec<char> = bs[k].text.chars().collect();
        b.push(' ');
        b.extend(before);
        before = b;
        if before.len() >= WINDOW_CHARS {
            break;
        }
    }
    let before = &before[before.len().saturating_sub(WINDOW_CHARS)..];
    let after: Vec<char> = (j..bs.len())
        .filter(kept)
        .take(WINDOW_BLOCKS)
        .flat_map(|k| bs[k].text.chars().chain([' ']))
        .take(WINDOW_CHARS)
        .collect();
    cosine(before, &after)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
