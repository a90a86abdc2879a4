//! Machine-readable output: one JSON object per line, following the contract in the README.

use crate::article::Article;
use std::io::Write;

/// One article, as `split --json` and `show --json` print it.
pub fn article(out: &mut impl Write, a: &Article) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, a)?;
    writeln!(out)?;
    Ok(())
}
