//! The links between the collection's articles, found after an indexing pass as they are
//! for a local index (`index::relink::find_in`: the same stitching and folding),
//! kept in the state folder ([`crate::index::LINKS_FILE`]) and written into the collection:
//! each story of several parts gets a document of its whole text (id `story:…`, as the
//! local one's key), and each document is marked with what it is ([`super::marks`]), by
//! atomic updates sent only for the documents whose marks changed.

use super::marks::{Shown, LINKS, PART_OF, PRINTING_OF};
use super::schema::{self, ID};
use super::search::select;
use super::Collection;
use crate::article::Article;
use crate::index::relink::find_in;
use crate::index::stitch::{key, whole};
use crate::index::{links_uid, Links};
use anyhow::Context;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The ids of stories' documents begin so (the local index's story keys).
const STORY: &str = "story:";

/// The marks of one document.
#[derive(Debug, Default, Clone, PartialEq)]
struct Marks {
    part_of: Option<String>,
    printing_of: Option<String>,
    links: Option<String>,
}

impl Marks {
    fn of(doc: &Value) -> Marks {
        let text = |f: &str| doc[f].as_str().map(String::from);
        Marks {
            part_of: text(PART_OF),
            printing_of: text(PRINTING_OF),
            links: text(LINKS),
        }
    }

    /// The atomic update that gives document `id` these marks.
    fn update(&self, id: &str) -> Value {
        json!({
            ID: id,
            PART_OF: { "set": self.part_of },
            PRINTING_OF: { "set": self.printing_of },
            LINKS: { "set": self.links },
        })
    }
}

/// What a linking pass found and sent.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Relinked {
    /// Stories of several parts, each with a whole-story document.
    pub stories: usize,
    /// Texts printed more than once.
    pub folds: usize,
    /// Documents added, changed or deleted.
    pub sent: usize,
}

/// Articles read per request of the export.
const ROWS: usize = 500;

/// Every document of the collection that `fq` selects, with the fields `fl`, read with a
/// cursor in id order.
fn export(solr: &Collection, fq: &str, fl: &str) -> anyhow::Result<Vec<Value>> {
    let set = |k: &str, v: &str| (k.to_string(), v.to_string());
    let p = [
        set("q", "*:*"),
        set("fq", fq),
        set("fl", fl),
        set("sort", "id asc"),
        set("rows", &ROWS.to_string()),
        set("wt", "json"),
    ];
    let mut cursor = "*".to_string();
    let mut out = Vec::new();
    loop {
        let mut page = p.to_vec();
        page.push(set("cursorMark", &cursor));
        let mut v = select(solr, &page)?;
        if let Some(docs) = v["response"]["docs"].as_array_mut() {
            out.append(docs);
        }
        match v["nextCursorMark"].as_str() {
            Some(next) if next != cursor => cursor = next.to_string(),
            _ => return Ok(out),
        }
    }
}

/// Bytes of JSON per update request.
const BATCH_BYTES: usize = 4 * 1024 * 1024;

/// Finds the links of the whole collection, brings its stories' documents and its marks
/// up to date (sending only what changed, and committing when anything was), and saves the
/// links in `dir`.
pub fn relink(solr: &Collection, dir: &Path) -> anyhow::Result<Relinked> {
    // Gone until the pass is through: a run that stops half-way leaves none, and the next
    // run, even one that sends nothing, finds the links again.
    let saved = dir.join(crate::index::LINKS_FILE);
    match std::fs::remove_file(&saved) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(e).with_context(|| format!("{}: cannot replace it", saved.display()))
        }
        _ => {}
    }
    let stories_fq = format!("{ID}:{}*", STORY.replace(':', "\\:"));
    let fl = format!("{ID},{},{PART_OF},{PRINTING_OF},{LINKS}", schema::ARTICLE);
    let docs = export(solr, &format!("-{stories_fq}"), &fl)?;
    let mut articles = Vec::with_capacity(docs.len());
    for d in &docs {
        articles.push(super::search::article_json(solr, d)?);
    }
    let (found, folds) = find_in(&articles)?;
    let links = Links::new(found.iter().map(|f| f.story.clone()).collect(), folds);

    // The stories' documents wanted, by id, and the parts they hide.
    let mut want: BTreeMap<String, Article> = BTreeMap::new();
    let mut part_of: HashMap<u64, String> = HashMap::new();
    for f in found.iter().filter(|f| f.story.doc != 0) {
        let k = key(&f.chain);
        for &m in &f.story.members {
            part_of.insert(m, k.clone());
        }
        want.insert(k, whole(&f.chain, &f.story.parts));
    }
    let mut first_of: HashMap<u64, &str> = HashMap::new();
    for f in &links.folds {
        for &m in &f.members[1..] {
            first_of.insert(m, &f.printings[0].id);
        }
    }

    let mut commands: Vec<String> = Vec::new();
    let have = export(solr, &stories_fq, &format!("{ID},{}", schema::ARTICLE))?;
    let mut held: HashMap<String, String> = HashMap::new();
    for d in have {
        if let Some(id) = d[ID].as_str() {
            let text = d[schema::ARTICLE].as_str().unwrap_or_default().to_string();
            held.insert(id.to_string(), text);
        }
    }
    for id in held.keys().filter(|k| !want.contains_key(*k)) {
        commands.push(format!("\"delete\":{}", json!({ ID: id })));
    }
    for (k, a) in &want {
        let text = serde_json::to_string(a)?;
        if held.get(k) != Some(&text) {
            let mut doc = schema::document(a)?;
            doc[ID] = json!(k);
            commands.push(format!("\"add\":{}", json!({ "doc": doc })));
        }
    }
    for (a, doc) in articles.iter().zip(&docs) {
        let uid = links_uid(&a.id);
        let shown = links.is_linked(uid).then(|| {
            let mut d = a.clone();
            links.decorate(&mut d, true);
            Shown {
                parts: d.parts,
                duplicates: d.duplicates,
            }
        });
        let marks = Marks {
            part_of: part_of.get(&uid).cloned(),
            printing_of: first_of.get(&uid).map(|s| s.to_string()),
            links: shown.map(|s| serde_json::to_string(&s)).transpose()?,
        };
        if marks != Marks::of(doc) {
            let id = doc[ID].as_str().unwrap_or(&a.id);
            commands.push(format!("\"add\":{}", json!({ "doc": marks.update(id) })));
        }
    }
    send(solr, &commands)?;
    links
        .save(dir)
        .map_err(|e| anyhow::anyhow!("{}: cannot save the links: {e:#}", dir.display()))?;
    Ok(Relinked {
        stories: want.len(),
        folds: links.folds.len(),
        sent: commands.len(),
    })
}

/// Sends the update commands in requests of about [`BATCH_BYTES`], and commits.
fn send(solr: &Collection, commands: &[String]) -> anyhow::Result<()> {
    if commands.is_empty() {
        return Ok(());
    }
    let mut body = String::new();
    for c in commands {
        body.push(if body.is_empty() { '{' } else { ',' });
        body.push_str(c);
        if body.len() >= BATCH_BYTES {
            body.push('}');
            solr.update(&std::mem::take(&mut body))?;
        }
    }
    if !body.is_empty() {
        body.push('}');
        solr.update(&body)?;
    }
    solr.commit()
}

/// The number of stories' documents the links saved in `dir` name.
pub fn story_documents(dir: &Path) -> u64 {
    Links::load(dir).story_documents()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_set_or_removed() {
        let m = Marks {
            part_of: Some("story:a+b".into()),
            ..Marks::default()
        };
        assert_eq!(
            m.update("a").to_string(),
            r#"{"id":"a","links":{"set":null},"part_of":{"set":"story:a+b"},"printing_of":{"set":null}}"#
        );
        let doc = json!({ ID: "a", PART_OF: "story:a+b" });
        assert_eq!(Marks::of(&doc), m);
        assert_eq!(Marks::of(&json!({ ID: "a" })), Marks::default());
    }
}
