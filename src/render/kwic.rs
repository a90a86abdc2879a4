//! A concordance (keyword in context): every occurrence of the query's words, one a line,
//! with `context` characters either side and the match in one column, then the article's
//! id, date and page. Widths are display widths: a CJK or full-width character takes two
//! columns, so the match column holds in a terminal whatever the mix of scripts.

use crate::article::Article;
use crate::query::snippet::find_all;
use serde_json::json;
use std::io::Write;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// One occurrence: what comes before it, the match, what comes after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The context before the match.
    pub left: String,
    /// The match, as printed.
    pub hit: String,
    /// The context after the match.
    pub right: String,
}

/// Every occurrence of `needles` in the headline, then the body, of `a`, with up to
/// `context` characters either side (line breaks shown as spaces), as the index matches
/// them (the highlighter of snippets finds them).
pub fn lines(a: &Article, needles: &[String], context: usize) -> Vec<Line> {
    let mut out = Vec::new();
    for text in [&a.headline, &a.body] {
        let chars: Vec<char> = text
            .chars()
            .map(|c| if c == '\n' { ' ' } else { c })
            .collect();
        for (start, end, _) in find_all(text, needles) {
            let from = start.saturating_sub(context);
            let to = (end + context).min(chars.len());
            out.push(Line {
                left: chars[from..start].iter().collect(),
                hit: chars[start..end].iter().collect(),
                right: chars[end..to].iter().collect(),
            });
        }
    }
    out
}

/// The widest `context` characters can be: two columns each.
pub fn side_width(context: usize) -> usize {
    context * 2
}

/// `s` padded on the left to `width` columns; when wider, its start is cut.
fn pad_left(s: &str, width: usize) -> String {
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        kept.push(c);
    }
    kept.reverse();
    format!(
        "{}{}",
        " ".repeat(width - used),
        kept.into_iter().collect::<String>()
    )
}

/// `s` padded on the right to `width` columns.
fn pad_right(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}

/// One line of the concordance: the left context right-aligned in `2 × context` columns,
/// the match padded to `hit_width`, the right context, then id, date and page. With
/// `color`, the match is bold red.
pub fn write(
    out: &mut impl Write,
    l: &Line,
    a: &Article,
    context: usize,
    hit_width: usize,
    color: bool,
) -> anyhow::Result<()> {
    let hit = pad_right(&l.hit, hit_width);
    let hit = if color {
        format!("\x1b[1;31m{hit}\x1b[0m")
    } else {
        hit
    };
    writeln!(
        out,
        "{} {hit} {}  {}  {}  {}",
        pad_left(&l.left, side_width(context)),
        pad_right(&l.right, side_width(context)),
        a.id,
        a.date.as_deref().unwrap_or("-"),
        crate::render::csv::page(a),
    )?;
    Ok(())
}

/// One line as JSON, for the web page's concordance view.
pub fn value(l: &Line, a: &Article) -> serde_json::Value {
    json!({
        "left": l.left, "hit": l.hit, "right": l.right,
        "id": a.id, "date": a.date, "page": crate::render::csv::page(a), "headline": a.headline,
    })
}

/// The display width of the widest needle: the match column's width.
pub fn hit_width(needles: &[String]) -> usize {
    needles.iter().map(|n| n.width()).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_left_context_is_cut_and_padded_to_the_column() {
        let cases = [
            ("疫情", 6, "  疫情"),
            ("新冠疫情", 6, "冠疫情"),
            ("ab疫情", 6, "ab疫情"),
            ("１２３", 4, "２３"),
            ("", 3, "   "),
        ];
        for (s, w, want) in cases {
            assert_eq!(pad_left(s, w), want, "{s}");
        }
    }

    #[test]
    fn occurrences_come_with_their_context() {
        let a = Article {
            headline: "防控汛情".into(),
            body: "全力抓好汛情防控工作\n汛情".into(),
            ..Article::default()
        };
        let got = lines(&a, &["汛情".to_string()], 3);
        let want = [
            ("防控", "汛情", ""),
            ("力抓好", "汛情", "防控工"),
            ("工作 ", "汛情", ""),
        ];
        assert_eq!(got.len(), want.len());
        for (l, (left, hit, right)) in got.iter().zip(want) {
            assert_eq!(
                (l.left.as_str(), l.hit.as_str(), l.right.as_str()),
                (left, hit, right)
            );
        }
    }
}
