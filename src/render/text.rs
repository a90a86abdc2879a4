//! Output for people at a terminal.

use crate::article::Article;
use std::io::Write;

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
    for r in &a.reporters {
        let org = r.org.as_deref().unwrap_or("");
        let photo = if r.photo { " (photo)" } else { "" };
        writeln!(out, "  reporter   {} {} {}{photo}", org, r.role, r.name)?;
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
