//! One indexing pass into a Solr collection. Each new or changed page file is read and split
//! as for a local index; its old documents are deleted by `path` before its new ones are
//! added, in the same request; batches go to `/update`, with a commit every few dozen
//! megabytes of page text and at the end. The manifest (`baosou-solr.json` in the state
//! folder) is written after each commit, so it never names what the collection lacks.
//! Then the links are found again ([`super::links`]) when the pass sent anything.

use super::{schema, Collection};
use crate::archive::{content_hash, Archive};
use crate::index::{learn_profiles, profiles, FileRecord, Job, Summary};
use anyhow::Context;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

/// The state file, in the state folder.
const STATE_FILE: &str = "baosou-solr.json";

/// How to run a pass.
#[derive(Debug, Clone)]
pub struct Options {
    /// Show a progress bar (on a terminal).
    pub progress: bool,
    /// Start over: delete every document of the collection and send every file again.
    pub rebuild: bool,
    /// Send a request once it holds this many bytes of JSON.
    pub batch_bytes: usize,
    /// Commit after this many bytes of page text.
    pub commit_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            progress: false,
            rebuild: false,
            batch_bytes: 4 * 1024 * 1024,
            commit_bytes: 64 * 1024 * 1024,
        }
    }
}

/// What the collection holds, as baosou sent it: the page files by relative path.
#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    /// The collection these files were sent to.
    url: String,
    files: BTreeMap<String, FileRecord>,
}

impl State {
    fn load(dir: &Path) -> anyhow::Result<State> {
        let path = dir.join(STATE_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).with_context(|| {
                format!("{}: unreadable; run again with --rebuild", path.display())
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(State::default()),
            Err(e) => Err(e).with_context(|| format!("{}: cannot read it", path.display())),
        }
    }

    fn save(&self, dir: &Path) -> anyhow::Result<()> {
        crate::index::write_atomic(&dir.join(STATE_FILE), &serde_json::to_vec(self)?)
    }
}

/// The JSON update commands of the files read since the last request, and the manifest
/// records that become true once they are committed.
struct Batch<'a> {
    solr: &'a Collection,
    body: String,
    limit: usize,
    /// Sent (or in `body`) but not yet committed.
    pending: Vec<(String, Option<FileRecord>)>,
}

impl Batch<'_> {
    fn push(&mut self, command: &str, value: &str) -> anyhow::Result<()> {
        self.body.push(if self.body.is_empty() { '{' } else { ',' });
        self.body.push_str(&format!("\"{command}\":{value}"));
        if self.body.len() >= self.limit {
            self.send()?;
        }
        Ok(())
    }

    fn delete_path(&mut self, rel: &str) -> anyhow::Result<()> {
        let q = serde_json::json!({ "query": schema::path_query(rel) });
        self.push("delete", &q.to_string())
    }

    fn send(&mut self) -> anyhow::Result<()> {
        if self.body.is_empty() {
            return Ok(());
        }
        self.body.push('}');
        let body = std::mem::take(&mut self.body);
        self.solr.update(&body)
    }

    /// Sends what is left, commits, and writes the manifest of what the commit holds.
    fn commit(&mut self, state: &mut State, dir: &Path) -> anyhow::Result<()> {
        self.send()?;
        self.solr.commit()?;
        for (rel, record) in self.pending.drain(..) {
            match record {
                Some(r) => state.files.insert(rel, r),
                None => state.files.remove(&rel),
            };
        }
        state.save(dir)
    }
}

/// Brings the collection up to date with the archive; `dir` keeps the manifest and the
/// papers' profiles.
pub fn index(
    archive: &Archive,
    solr: &Collection,
    dir: &Path,
    opts: &Options,
) -> anyhow::Result<Summary> {
    let started = Instant::now();
    let held = solr.count()?;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create the state folder", dir.display()))?;
    let mut state = State::load(dir)?;
    // Another collection, or one emptied or made again since: everything is sent again.
    let fresh = opts.rebuild || state.url != solr.url() || held == 0;
    if fresh {
        state = State {
            url: solr.url().to_string(),
            files: BTreeMap::new(),
        };
    }
    let mut summary = Summary::default();
    let plan = crate::index::plan(archive, &state.files, None, &mut summary);
    let (mut jobs, unchanged, gone) = (plan.jobs, plan.unchanged, plan.gone);

    // The papers' profiles, as the local pipeline learns them.
    let kept = if fresh {
        BTreeMap::new()
    } else {
        profiles::load(dir)
    };
    let (archive, learned) = learn_profiles(archive, &kept, &mut jobs, unchanged, &mut summary);

    let mut batch = Batch {
        solr,
        body: String::new(),
        limit: opts.batch_bytes,
        pending: Vec::new(),
    };
    if opts.rebuild {
        batch.push("delete", r#"{"query":"*:*"}"#)?;
    }
    for rel in gone {
        batch.delete_path(&rel)?;
        batch.pending.push((rel, None));
        summary.removed += 1;
    }
    let total: u64 = jobs.iter().map(|j| j.file.size).sum();
    let bar = progress_bar(opts.progress, total);
    let mut since_commit = 0u64;
    for Job { file, known } in jobs {
        bar.inc(file.size);
        let held = state.files.contains_key(&file.rel);
        let bytes = match archive.read_bytes(&file) {
            Ok(b) => b,
            Err(reason) if file.size > archive.max_file_size => {
                if held {
                    batch.delete_path(&file.rel)?;
                    summary.removed += 1;
                }
                batch.pending.push((file.rel.clone(), None));
                summary.skipped.push((file.rel, reason));
                continue;
            }
            Err(reason) => {
                summary.kept += held as usize;
                summary.unreadable.push((file.rel, reason));
                continue;
            }
        };
        let hash = content_hash(&bytes);
        let mut record = FileRecord {
            size: file.size,
            mtime_ns: file.mtime_ns,
            hash,
            articles: 0,
            reader: crate::index::READER,
        };
        if let Some(k) = known.filter(|k| k.hash == hash) {
            summary.unchanged += 1;
            record.articles = k.articles;
            batch.pending.push((file.rel, Some(record)));
            continue;
        }
        let page = match archive.page_from_bytes(&file.rel, &bytes) {
            Ok(page) => page,
            Err(reason) => {
                if held {
                    batch.delete_path(&file.rel)?;
                    summary.removed += 1;
                }
                batch.pending.push((file.rel.clone(), None));
                summary.skipped.push((file.rel, reason));
                continue;
            }
        };
        if held {
            batch.delete_path(&file.rel)?;
            summary.updated += 1;
        } else {
            summary.added += 1;
        }
        summary.count_page(&file, &page);
        for a in &page.articles {
            let doc = serde_json::json!({ "doc": schema::document(a)? });
            batch.push("add", &doc.to_string())?;
        }
        since_commit += file.size;
        record.articles = page.articles.len() as u32;
        batch.pending.push((file.rel, Some(record)));
        if since_commit >= opts.commit_bytes {
            batch.commit(&mut state, dir)?;
            since_commit = 0;
        }
    }
    batch.commit(&mut state, dir)?;
    bar.finish_and_clear();
    profiles::save(dir, &learned)?;
    // The links of the whole collection, found again when anything was sent: a run that
    // sends nothing sends no marks either.
    let sent = opts.rebuild || summary.added + summary.updated + summary.removed > 0;
    if sent || !dir.join(crate::index::LINKS_FILE).exists() {
        super::links::relink(solr, dir)?;
    }
    // Stories' documents are no articles of the archive, as locally.
    summary.total_articles = solr
        .count()?
        .saturating_sub(super::links::story_documents(dir));
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

fn progress_bar(show: bool, total: u64) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !show || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} sending to Solr [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}
