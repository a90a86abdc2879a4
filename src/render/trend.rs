//! Term trends as a table for people (`search --by`), as JSON lines for scripts
//! (`search --by … --json`) and as one JSON object for the web chart (`/api/trend`).

use crate::query::trend::Trend;
use serde_json::{json, Value};
use std::io::Write;
use unicode_width::UnicodeWidthStr;

/// Pads `s` on the left to `width` display columns (a CJK character takes two).
fn right(s: &str, width: usize) -> String {
    format!("{}{s}", " ".repeat(width.saturating_sub(s.width())))
}

/// A share as a percentage with two decimals: `4.56%`.
fn percent(share: f64) -> String {
    format!("{:.2}%", share * 100.0)
}

/// The table: one row per period, the period's articles, then for each query its matching
/// articles and their share; a total line at the end.
pub fn table(out: &mut impl Write, t: &Trend) -> anyhow::Result<()> {
    let cells = |r: &crate::query::trend::Row| -> Vec<String> {
        let mut v = vec![r.period.clone(), r.articles.to_string()];
        for i in 0..t.queries.len() {
            v.push(r.counts[i].to_string());
            v.push(percent(r.share(i)));
        }
        v
    };
    let mut head = vec![t.period.name().to_string(), "articles".to_string()];
    for q in &t.queries {
        head.push(q.clone());
        head.push("share".to_string());
    }
    let total = crate::query::trend::Row {
        period: "total".into(),
        articles: t.rows.iter().map(|r| r.articles).sum(),
        counts: (0..t.queries.len())
            .map(|i| t.rows.iter().map(|r| r.counts[i]).sum())
            .collect(),
    };
    let mut lines: Vec<Vec<String>> = vec![head];
    lines.extend(t.rows.iter().map(cells));
    lines.push(cells(&total));
    let columns = lines[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| lines.iter().map(|l| l[c].width()).max().unwrap_or(0))
        .collect();
    for l in &lines {
        let mut text = format!("{}{}", l[0], " ".repeat(widths[0] - l[0].width()));
        for c in 1..columns {
            text.push_str("  ");
            text.push_str(&right(&l[c], widths[c]));
        }
        writeln!(out, "{}", text.trim_end())?;
    }
    for (q, n) in t.queries.iter().zip(&t.undated) {
        if *n > 0 {
            writeln!(
                out,
                "({n} articles matching {q} have no date and are not counted)"
            )?;
        }
    }
    Ok(())
}

/// One row as a JSON value: `{"period", "articles", "counts": [..], "shares": [..]}`.
fn row(t: &Trend, r: &crate::query::trend::Row) -> Value {
    let shares: Vec<f64> = (0..t.queries.len()).map(|i| r.share(i)).collect();
    json!({"period": r.period, "articles": r.articles, "counts": r.counts, "shares": shares})
}

/// One JSON line per period, each naming its queries: what `--by … --json` prints.
pub fn lines(out: &mut impl Write, t: &Trend) -> anyhow::Result<()> {
    for r in &t.rows {
        let mut v = row(t, r);
        v["queries"] = json!(t.queries);
        serde_json::to_writer(&mut *out, &v)?;
        writeln!(out)?;
    }
    Ok(())
}

/// The whole trend as one object: `{"by", "queries", "undated", "periods": [...]}`.
pub fn value(t: &Trend) -> Value {
    json!({
        "by": t.period.name(),
        "queries": t.queries,
        "undated": t.undated,
        "periods": t.rows.iter().map(|r| row(t, r)).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::trend::{Period, Row};

    #[test]
    fn the_table_aligns_wide_headers_and_totals_the_columns() {
        let t = Trend {
            period: Period::Year,
            queries: vec!["疫情".into(), "防疫".into()],
            rows: vec![
                Row {
                    period: "2019".into(),
                    articles: 200,
                    counts: vec![0, 1],
                },
                Row {
                    period: "2020".into(),
                    articles: 50,
                    counts: vec![25, 10],
                },
            ],
            undated: vec![0, 0],
        };
        let mut out = Vec::new();
        table(&mut out, &t).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "year   articles  疫情   share  防疫   share\n\
             2019        200     0   0.00%     1   0.50%\n\
             2020         50    25  50.00%    10  20.00%\n\
             total       250    25  10.00%    11   4.40%\n"
        );
    }
}
