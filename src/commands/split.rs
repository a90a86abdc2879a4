//! `baosou split`: how page files split into articles, without touching an index.

use super::Outcome;
use crate::archive::{Archive, Entry, PageFile};
use crate::cli::SplitArgs;
use crate::index;
use crate::render;
use crate::split::Profile;
use anyhow::Context;
use std::io::Write;

pub fn run(args: &SplitArgs) -> anyhow::Result<Outcome> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut found = 0;
    let mut failed = 0;
    let like = borrowed_profile(args)?;
    // With the splitter's trace on, each page's groups are told under its path.
    let trace = std::env::var_os("BAOSOU_SPLIT_TRACE").is_some();
    for path in &args.paths {
        let meta = std::fs::metadata(path)
            .with_context(|| format!("{}: cannot read it", path.display()))?;
        let (mut archive, files): (Archive, Vec<Entry>) = if meta.is_dir() {
            let mut archive = Archive::new(path);
            archive.paper = args.paper.clone();
            let files: Vec<Entry> = archive.walk().collect();
            archive.profiles = archive.learn_profiles(files.iter().filter_map(page_file));
            (archive, files)
        } else {
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
            let mut archive = Archive::new(parent.unwrap_or(std::path::Path::new(".")));
            archive.paper = args.paper.clone();
            // The path as given, so that its folders name the paper and the date as they
            // would in an archive (`人民日报/2019-02-01/01.txt`).
            let rel = path.to_string_lossy().replace('\\', "/");
            let rel = rel.trim_start_matches("./").to_string();
            let file = PageFile {
                path: path.clone(),
                rel,
                size: meta.len(),
                mtime_ns: 0,
            };
            (archive, vec![Entry::Page(file)])
        };
        if let Some(profile) = &like {
            for f in files.iter().filter_map(page_file) {
                archive
                    .profiles
                    .insert(archive.profile_key(&f.rel), profile.clone());
            }
        }
        for entry in files {
            let file = match entry {
                Entry::Page(f) => f,
                Entry::Ignored { .. } => continue,
                Entry::Skipped { path, reason } | Entry::Unreadable { path, reason, .. } => {
                    eprintln!("baosou: {path}: skipped: {reason}");
                    failed += 1;
                    continue;
                }
            };
            let shown = if meta.is_dir() {
                path.join(&file.rel).display().to_string()
            } else {
                path.display().to_string()
            };
            if trace {
                eprintln!("DBG-PAGE\t{shown}");
            }
            match archive.read(&file) {
                Ok(page) => {
                    for w in &page.warnings {
                        eprintln!("baosou: {shown}: {w}");
                    }
                    for mut a in page.articles {
                        a.path = shown.clone();
                        found += 1;
                        if args.json {
                            render::json::article(&mut out, &a)?;
                        } else {
                            render::text::split_article(&mut out, &a)?;
                        }
                    }
                }
                Err(reason) => {
                    eprintln!("baosou: {shown}: skipped: {reason}");
                    failed += 1;
                }
            }
        }
    }
    out.flush()?;
    if failed > 0 && found == 0 {
        anyhow::bail!("no page could be split ({failed} skipped)");
    }
    Ok(Outcome::from_count(found))
}

fn page_file(e: &Entry) -> Option<&PageFile> {
    match e {
        Entry::Page(f) => Some(f),
        _ => None,
    }
}

/// The profile `--like` or `--index` asks every page to be split with: learned from the
/// archive's pages, or kept in the index. An archive or an index of several papers lends
/// the profile of the paper with the most pages.
fn borrowed_profile(args: &SplitArgs) -> anyhow::Result<Option<Profile>> {
    let profiles = if let Some(dir) = &args.like {
        if !dir.is_dir() {
            anyhow::bail!("{}: --like needs an archive folder", dir.display());
        }
        let mut archive = Archive::new(dir);
        archive.paper = args.paper.clone();
        let files: Vec<Entry> = archive.walk().collect();
        archive.learn_profiles(files.iter().filter_map(page_file))
    } else if let Some(dir) = &args.index {
        index::Store::open(dir)?;
        index::profiles::load(dir)
    } else {
        return Ok(None);
    };
    Ok(profiles.into_values().max_by_key(|p| p.pages))
}
