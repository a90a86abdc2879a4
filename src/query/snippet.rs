//! Snippets: the passage of an article that best shows why it matched, with the matched
//! characters marked. Matching works on normalized text, which keeps one character per
//! original character, so every mark lands on the characters the reader sees.

use crate::normalize::normalize;
use crate::schema::{each_indexed_char, IndexedChar};
use serde::Serialize;

/// A passage and the `[start, end)` character ranges in it to highlight.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The passage, with `…` where it was cut.
    pub text: String,
    /// Character ranges in `text` to mark, in order, not overlapping.
    pub highlights: Vec<[usize; 2]>,
}

/// Where each needle occurs in `text`, as character ranges: exactly where the index's
/// phrase query on the character field matches, since both read the positions of
/// [`each_indexed_char`]. White space aligning a name is skipped (`柳 歌` matches `柳歌`),
/// and so is a line break after a paragraph that stops mid-sentence; any other line break,
/// and a space between phrases, is not. Punctuation holds a place but matches any
/// character, as in the index.
pub fn find_all(text: &str, needles: &[String]) -> Vec<(usize, usize, usize)> {
    let seq = indexed(text);
    let mut found = Vec::new();
    for (n, needle) in needles.iter().enumerate() {
        let pat = indexed(needle);
        let Some(first) = pat.first().map(|p| p.position) else {
            continue;
        };
        let mut i = 0;
        while i < seq.len() {
            match match_at(&seq, i, &pat, first) {
                Some(last) => {
                    found.push((seq[i].index, seq[last].index + 1, n));
                    i = last + 1;
                }
                None => i += 1,
            }
        }
    }
    found.sort_unstable();
    found
}

/// The indexed characters of `text`, as the character fields hold them.
fn indexed(text: &str) -> Vec<IndexedChar> {
    let mut out = Vec::with_capacity(text.len() / 3);
    each_indexed_char(&normalize(text), |at| out.push(at));
    out
}

/// The index in `seq` of the last character of a match of `pat` starting at `seq[i]`, if
/// one starts there: every character of the pattern at its own distance from the first.
fn match_at(seq: &[IndexedChar], i: usize, pat: &[IndexedChar], first: usize) -> Option<usize> {
    let base = seq[i].position;
    let mut j = i;
    for p in pat {
        let want = base + (p.position - first);
        while j < seq.len() && seq[j].position < want {
            j += 1;
        }
        if seq.get(j).is_none_or(|s| s.position != want || s.c != p.c) {
            return None;
        }
    }
    Some(j)
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
                "罗腾飞深入建设工地督导",
                vec!["腾飞"],
                "罗[腾飞]深入建设工地督导",
            ),
            (
                "５月２２日召开会议",
                vec!["5月22日"],
                "[５月２２日]召开会议",
            ),
            ("本报记者 柳 歌 报道", vec!["柳歌"], "本报记者 [柳 歌] 报道"),
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
        let text = format!("{}防汛抗旱和春耕生产{}", "甲".repeat(300), "乙".repeat(300));
        let needles = vec!["防汛".to_string(), "春耕".to_string()];
        let s = snippet(&text, &needles, 60);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        assert_eq!(marked(&s).matches('[').count(), 2, "{}", marked(&s));
        assert!(s.text.chars().count() <= 62);
    }

    /// The property the highlighter promises: on any text, a needle is highlighted exactly
    /// in the articles the index's phrase query on the character field finds.
    #[test]
    fn highlights_are_what_the_index_finds() {
        use proptest::prelude::*;
        use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};

        let alphabet = prop::sample::select(vec![
            "疫", "情", "防", "控", "復", "复", "刘", "歌", "，", "。", "”", " ", "  ", "\n", "Ａ",
            "a", "1", "１", "-", "「",
        ]);
        let text = prop::collection::vec(alphabet.clone(), 0..40).prop_map(|v| v.concat());
        let needle = prop::collection::vec(alphabet, 1..5).prop_map(|v| v.concat());
        let case = (
            prop::collection::vec(text, 20),
            prop::collection::vec(needle, 20),
        );
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(16));
        runner
            .run(&case, |(texts, needles)| {
                let mut b = Schema::builder();
                let options = TextOptions::default().set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer(crate::schema::CHARS)
                        .set_index_option(IndexRecordOption::WithFreqsAndPositions),
                );
                let field = b.add_text_field("t", options);
                let index = tantivy::Index::create_in_ram(b.build());
                crate::schema::register_tokenizers(&index);
                let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
                for t in &texts {
                    writer
                        .add_document(tantivy::doc!(field => t.as_str()))
                        .unwrap();
                }
                writer.commit().unwrap();
                let searcher = index.reader().unwrap().searcher();
                for needle in &needles {
                    let query = crate::query::chars_query(field, needle);
                    let docs = searcher
                        .search(&query, &tantivy::collector::DocSetCollector)
                        .unwrap();
                    let mut found: Vec<u32> = docs.into_iter().map(|d| d.doc_id).collect();
                    found.sort_unstable();
                    let highlighted: Vec<u32> = (0..texts.len() as u32)
                        .filter(|&d| {
                            !find_all(&texts[d as usize], std::slice::from_ref(needle)).is_empty()
                        })
                        .collect();
                    prop_assert_eq!(&found, &highlighted, "needle {:?} in {:?}", needle, texts);
                }
                Ok(())
            })
            .unwrap();
    }
}
