//! `baosou show`: one article, whole.

use super::Outcome;
use crate::cli::ShowArgs;
use crate::index::Store;
use crate::query;
use crate::render;
use std::io::Write;

pub fn run(args: &ShowArgs) -> anyhow::Result<Outcome> {
    let store = Store::open(&args.index.dir)?;
    let searcher = store.reader()?.searcher();
    let Some(article) = query::find_by_id(&store, &searcher, &args.id)? else {
        eprintln!(
            "baosou: no article with id {} in {}; ids are printed by `baosou search`",
            render::text::visible(&args.id),
            render::text::visible(&args.index.dir.display().to_string())
        );
        return Ok(Outcome::NotFound);
    };
    let article = query::collapse::resolve(&store, &searcher, article, true)?;
    let needles = match &args.query {
        Some(q) => query::parse(q)
            .map_err(|e| anyhow::anyhow!("--query {q}: {e:#}"))?
            .positive_atoms()
            .map(|a| a.text.clone())
            .collect(),
        None => Vec::new(),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        render::json::article(&mut out, &article)?;
    } else {
        render::text::article(
            &mut out,
            &article,
            super::style(crate::cli::ColorChoice::Auto),
            &needles,
        )?;
    }
    out.flush()?;
    Ok(Outcome::Found)
}
