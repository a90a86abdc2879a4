//! Snippets: the passage of an article that best shows why it matched, with the matched
//! characters marked. Matching works on normalized text, which keeps one character per
//! original character, so every mark lands on the characters the reader sees.

use crate::normalize::normalize;
use crate::schema::{ends_sentence, spaces_separate};
use serde::Serialize;

/// A passage and the `[start, end)` character ranges in it to highlight.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}

/// Where each needle occurs in `text`, as character ranges, matched as the index matches
/// them: white space aligning a name is skipped (`刘 歌` matches `刘歌`), and so is a line
/// break after a paragraph that stops mid-sentence; any other line break, and a space
/// between phrases, is not.
pub fn find_all(text: &str, needles: &[String]) -> Vec<(usize, usize, usize)> {
    let seq = matched_chars(text);
    let mut found = Vec::new();
    for (n, needle) in needles.iter().enumerate() {
        let pat: Vec<char> = matched_chars(needle).into_iter().map(|p| p.0).collect();
        if pat.is_empty() || pat.len() > seq.len() {
            continue;
        }
        let mut i = 0;
        while i + pat.len() <= seq.len() {
            if seq[i..i + pat.len()]
                .iter()
                .map(|p| p.0)
                .eq(pat.iter().copied())
            {
                found.push((seq[i].1, seq[i + pat.len() - 1].1 + 1, n));
                i += pat.len();
            } else {
                i += 1;
            }
        }
    }
    found.sort_unstable();
    found
}

/// The characters of `text` that a match runs over, each with its index in `text`: what
/// the index's character positions hold, a break (`\n`) where they leave a gap.
fn matched_chars(text: &str) -> Vec<(char, usize)> {
    let normalized = normalize(text);
    let mut seq: Vec<(char, usize)> = Vec::with_capacity(text.len() / 3);
    let mut spaces = None;
    for (i, (offset, c)) in normalized.char_indices().enumerate() {
        if c == '\n' {
            spaces = None;
            if seq.last().is_some_and(|&(p, _)| ends_sentence(p)) {
                seq.push(('\n', i));
            }
        } else if c.is_whitespace() {
            spaces.get_or_insert(offset);
        } else {
            if let Some(from) = spaces.take() {
                if spaces_separate(&normalized, from, offset) {
                    seq.push(('\n', i));
                }
            }
            seq.push((c, i));
        }
    }
    seq
}

/// The best passage of about `width` characters: the one holding the most different
/// needles, then the most matches; the start of the text when nothing matches.
pub fn snippet(text: &str, needles: &[String], width: usize) -> Snippet {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let matches = find_all(text, needles);
    let lead = width / 5;
    let mut best: Option<(usize, usize, usize)> = None; // (distinct, count, start)
                                                        // The window opening at match k holds matches k..end, those up to the first that ends
                                                        // past it; `end` only moves forward, so the windows cost one pass over the matches.
    let mut per_needle = vec![0usize; needles.len()];
    let mut distinct = 0;
    let mut end = 0;
    for (k, &(start, _, _)) in matches.iter().enumerate() {
        let window_end = start + width - lead;
        end = end.max(k);
        while end < matches.len() && matches[end].1 <= window_end {
            let n = &mut per_needle[matches[end].2];
            distinct += usize::from(*n == 0);
            *n += 1;
            end += 1;
        }
        let key = (distinct, end - k, usize::MAX - start);
        if best.is_none_or(|b| key > (b.0, b.1, usize::MAX - b.2)) {
            best = Some((distinct, end - k, start));
        }
        if end > k {
            let n = &mut per_needle[matches[k].2];
            *n -= 1;
            distinct -= usize::from(*n == 0);
        }
    }
    let from = best.map_or(0, |b| b.2.saturating_sub(lead));
    // Start at a sentence or clause boundary close before the match, when there is one.
    let from = (from..best.map_or(0, |b| b.2))
        .rev()
        .find(|&i| i > 0 && matches!(chars[i - 1], '。' | '！' | '？' | '；' | ' ' | '，'))
        .filter(|&i| best.is_some_and(|b| b.2 - i <= lead))
        .unwrap_or(from);
    let to = (from + width).min(chars.len());
    let mut text_out: String = chars[from..to].iter().collect();
    let mut highlights: Vec<[usize; 2]> = matches
        .iter()
        .filter(|m| m.0 >= from && m.1 <= to)
        .map(|m| [m.0 - from, m.1 - from])
        .collect();
    highlights.dedup();
    if to < chars.len() {
        text_out.push('…');
    }
    if from > 0 {
        text_out.insert(0, '…');
        for h in &mut highlights {
            h[0] += 1;
            h[1] += 1;
        }
    }
    Snippet {
        text: text_out,
        highlights: merge(highlights),
    }
}

/// Highlights for a whole short text such as a headline.
pub fn highlight_all(text: &str, needles: &[String]) -> Vec<[usize; 2]> {
    merge(find_all(text, needles).iter().map(|m| [m.0, m.1]).collect())
}

fn merge(mut ranges: Vec<[usize; 2]>) -> Vec<[usize; 2]> {
    ranges.sort_unstable();
    let mut out: Vec<[usize; 2]> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r[0] <= last[1] => last[1] = last[1].max(r[1]),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(s: &Snippet) -> String {
        let chars: Vec<char> = s.text.chars().collect();
        let mut out = String::new();
        for (i, c) in chars.iter().enumerate() {
            if s.highlights.iter().any(|h| h[0] == i) {
                out.push('[');
            }
            out.push(*c);
            if s.highlights.iter().any(|h| h[1] == i + 1) {
                out.push(']');
            }
        }
        out
    }

    #[test]
    fn highlights_land_on_the_matched_characters() {
        let cases: Vec<(&str, Vec<&str>, &str)> = vec![
            (
                "毛腾飞深入特殊场所督导",
                vec!["腾飞"],
                "毛[腾飞]深入特殊场所督导",
            ),
            (
                "５月２２日召开会议",
                vec!["5月22日"],
                "[５月２２日]召开会议",
            ),
            ("本报记者 刘 歌 报道", vec!["刘歌"], "本报记者 [刘 歌] 报道"),
            ("实现新作为 助力发展", vec!["为助"], "实现新作为 助力发展"),
            ("復工復產有序推進", vec!["复工复产"], "[復工復產]有序推進"),
            ("COVID-19 疫情", vec!["covid"], "[COVID]-19 疫情"),
            (
                "疫情防控，防控疫情",
                vec!["疫情", "防控"],
                "[疫情防控]，[防控疫情]",
            ),
        ];
        for (text, needles, want) in cases {
            let needles: Vec<String> = needles.into_iter().map(String::from).collect();
            assert_eq!(marked(&snippet(text, &needles, 100)), want, "{text}");
        }
    }

    #[test]
    fn matches_across_a_cut_paragraph_but_not_a_finished_one() {
        let text = "会议在\n北京召开”\n今天会议结束";
        assert_eq!(find_all(text, &["在北京".to_string()]), vec![(2, 6, 0)]);
        assert!(find_all(text, &["召开今天".to_string()]).is_empty());
    }

    #[test]
    fn the_window_moves_to_the_best_passage() {
        let text = format!("{}疫情防控和复工复产{}", "甲".repeat(300), "乙".repeat(300));
        let needles = vec!["疫情".to_string(), "复工".to_string()];
        let s = snippet(&text, &needles, 60);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        assert_eq!(marked(&s).matches('[').count(), 2, "{}", marked(&s));
        assert!(s.text.chars().count() <= 62);
    }
}
