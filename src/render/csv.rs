//! CSV for spreadsheets: every hit of a search, one row each, as `search --format csv` and
//! `/api/search?format=csv` give it. UTF-8 with a byte-order mark, which Excel needs to
//! read UTF-8 rather than the system's code page; fields quoted as RFC 4180 says, rows
//! ended by CRLF.

use crate::article::Article;
use crate::query::snippet::Snippet;
use std::io::Write;

/// The byte-order mark that opens the file.
pub const BOM: &str = "\u{feff}";

/// The columns, in order.
pub const COLUMNS: [&str; 9] = [
    "id",
    "date",
    "paper",
    "page",
    "headline",
    "reporters",
    "dateline",
    "path",
    "snippet",
];

/// A field as RFC 4180 writes it: in double quotes, inner quotes doubled, when it holds a
/// comma, a quote or a line break; as it is otherwise.
///
/// ```
/// use baosou::render::csv::field;
/// assert_eq!(field("疫情"), "疫情");
/// assert_eq!(field("a,b"), "\"a,b\"");
/// ```
pub fn field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

fn row(out: &mut impl Write, fields: &[&str]) -> std::io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(field(f).as_bytes())?;
    }
    out.write_all(b"\r\n")
}

/// The BOM and the header row.
pub fn header(out: &mut impl Write) -> anyhow::Result<()> {
    out.write_all(BOM.as_bytes())?;
    row(out, &COLUMNS)?;
    Ok(())
}

/// The page as printed (`A01`), else its number.
pub fn page(a: &Article) -> String {
    a.page_label
        .clone()
        .or_else(|| a.page.map(|p| p.to_string()))
        .unwrap_or_default()
}

/// One hit as a row.
pub fn hit(out: &mut impl Write, a: &Article, snippet: &Snippet) -> anyhow::Result<()> {
    let reporters = a.reporter_names().join("、");
    row(
        out,
        &[
            &a.id,
            a.date.as_deref().unwrap_or_default(),
            &a.paper,
            &page(a),
            &a.headline,
            &reporters,
            a.dateline.as_deref().unwrap_or_default(),
            &a.path,
            &snippet.text,
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        let cases = [
            ("疫情防控", "疫情防控"),
            ("", ""),
            ("一，二", "一，二"),
            ("a,b", "\"a,b\""),
            ("他说\"好\"", "\"他说\"\"好\"\"\""),
            ("两\n行", "\"两\n行\""),
            ("回车\r", "\"回车\r\""),
        ];
        for (raw, want) in cases {
            assert_eq!(field(raw), want, "{raw}");
        }
    }

    #[test]
    fn a_row_has_every_column_and_ends_in_crlf() {
        let a = Article {
            id: "0a1b2c3d-01".into(),
            date: Some("2020-02-27".into()),
            paper: "株洲日报".into(),
            page_label: Some("A01".into()),
            headline: "会议, 召开".into(),
            dateline: Some("株洲日报讯".into()),
            path: "2020/02/27/A01.txt".into(),
            ..Article::default()
        };
        let mut out = Vec::new();
        hit(
            &mut out,
            &a,
            &Snippet {
                text: "说\"好\"".into(),
                highlights: vec![],
            },
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "0a1b2c3d-01,2020-02-27,株洲日报,A01,\"会议, 召开\",,株洲日报讯,2020/02/27/A01.txt,\"说\"\"好\"\"\"\r\n"
        );
    }
}
