//! Output for people at a terminal: colour only when stdout is one.

use crate::article::{Article, Reporter};
use crate::query::{Hit, Results};
use std::io::Write;

/// ANSI styling, or none.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Text with the given character ranges highlighted (bold red on a terminal, plain
    /// otherwise).
    fn marked(&self, text: &str, ranges: &[[usize; 2]], base: &str) -> String {
        if !self.color {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut at = 0;
        for r in ranges {
            if r[1] > chars.len() || r[0] < at {
                continue;
            }
            out.push_str(&self.paint(base, &chars[at..r[0]].iter().collect::<String>()));
            out.push_str(&self.paint("1;31", &chars[r[0]..r[1]].iter().collect::<String>()));
            at = r[1];
        }
        out.push_str(&self.paint(base, &chars[at..].iter().collect::<String>()));
        out
    }
}

fn byline(reporters: &[Reporter]) -> String {
    reporters
        .iter()
        .map(|r| {
            let role = if r.photo && r.role.is_empty() {
                "摄影"
            } else {
                r.role.as_str()
            };
            format!(
                "{}{}{}",
                r.org.as_deref().unwrap_or(""),
                role,
                if role.is_empty() { "" } else { " " }
            ) + &r.name
        })
        .collect::<Vec<_>>()
        .join("、")
}

fn place(a: &Article) -> String {
    let mut parts = vec![a.date.clone().unwrap_or_else(|| "(no date)".into())];
    if !a.paper.is_empty() {
        parts.push(a.paper.clone());
    }
    if let Some(p) = &a.page_label {
        parts.push(format!("第{p}版"));
    }
    parts.join(" · ")
}

/// Search hits, ranked, then the count.
pub fn hits(
    out: &mut impl Write,
    results: &Results,
    offset: usize,
    style: Style,
) -> anyhow::Result<()> {
    for (i, h) in results.hits.iter().enumerate() {
        hit(out, offset + i + 1, h, style)?;
    }
    let shown = results.hits.len();
    match (results.total, shown) {
        (0, _) => writeln!(out, "no articles found")?,
        (t, 0) => writeln!(out, "{t} articles found; none after the first {offset}")?,
        (t, n) => writeln!(
            out,
            "{t} articles found; showing {}–{}",
            offset + 1,
            offset + n
        )?,
    }
    Ok(())
}

fn hit(out: &mut impl Write, rank: usize, h: &Hit, style: Style) -> anyhow::Result<()> {
    let a = &h.article;
    writeln!(
        out,
        "{rank:>3}. {}",
        style.marked(&a.headline, &h.headline_highlights, "1")
    )?;
    let mut meta = place(a);
    if !a.reporters.is_empty() {
        meta.push_str(" · ");
        meta.push_str(&byline(&a.reporters));
    }
    writeln!(
        out,
        "     {} · {}",
        style.paint("2", &meta),
        style.paint("36", &a.id)
    )?;
    if !h.snippet.text.is_empty() {
        writeln!(
            out,
            "     {}",
            style.marked(&h.snippet.text, &h.snippet.highlights, "0")
        )?;
    }
    writeln!(out)?;
    Ok(())
}

/// A whole article, as `show` prints it.
pub fn article(out: &mut impl Write, a: &Article, style: Style) -> anyhow::Result<()> {
    if let Some(k) = &a.kicker {
        writeln!(out, "{}", style.paint("2", k))?;
    }
    writeln!(out, "{}", style.paint("1", &a.headline))?;
    for s in &a.subheadlines {
        writeln!(out, "{s}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", style.paint("2", &place(a)))?;
    if !a.reporters.is_empty() {
        writeln!(out, "{}", style.paint("2", &byline(&a.reporters)))?;
    }
    writeln!(
        out,
        "{}",
        style.paint(
            "2",
            &format!("{} · {} [{}, {})", a.id, a.path, a.span[0], a.span[1])
        )
    )?;
    writeln!(out)?;
    for para in a.body.split('\n') {
        writeln!(out, "{para}")?;
        writeln!(out)?;
    }
    for c in &a.captions {
        writeln!(out, "{}", style.paint("3", &format!("图：{c}")))?;
    }
    for j in &a.jumps {
        writeln!(out, "{}", style.paint("2", &format!("（{j}）")))?;
    }
    Ok(())
}

/// One article as `split` shows it: where it is, its headline and byline, and how its body
/// begins.
pub fn split_article(out: &mut impl Write, a: &Article) -> anyhow::Result<()> {
    writeln!(
        out,
        "{}  #{}  [{}, {})  {}",
        a.path,
        a.seq,
        a.span[0],
        a.span[1],
        a.date.as_deref().unwrap_or("-")
    )?;
    if let Some(k) = &a.kicker {
        writeln!(out, "  kicker     {k}")?;
    }
    writeln!(out, "  headline   {}", a.headline)?;
    for s in &a.subheadlines {
        writeln!(out, "  subhead    {s}")?;
    }
    if !a.reporters.is_empty() {
        writeln!(out, "  byline     {}", byline(&a.reporters))?;
    }
    if let Some(d) = &a.dateline {
        writeln!(out, "  dateline   {d}")?;
    }
    for c in &a.captions {
        writeln!(out, "  caption    {c}")?;
    }
    for j in &a.jumps {
        writeln!(out, "  jump       {j}")?;
    }
    let lead: String = a.body.chars().take(60).collect();
    writeln!(
        out,
        "  body       {} chars: {lead}…",
        a.body.chars().count()
    )?;
    writeln!(out)?;
    Ok(())
}
