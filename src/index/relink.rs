//! The pass after every indexing run that finds the links again from the whole index:
//! the parts of stories continued across pages ([`super::stitch`]) and the printings of
//! one text ([`super::fold`]), kept as [`Links`] beside the index.

use super::links::{duplicate, Fold, Links};
use super::{fold, stitch, Store};
use crate::article::Article;
use crate::day::Day;
use anyhow::Context;
use std::collections::HashMap;
use tantivy::{DocAddress, TantivyDocument};

/// An article seen by the linking pass, found at `address` (a document of the local index,
/// or a place in a list).
struct Seen<K> {
    pub uid: u64,
    pub bands: Vec<u64>,
    pub address: K,
    /// The day printed, from the `date` fast field (as [`crate::day::Day::number`]).
    pub day: Option<u64>,
}

/// Finds the links again after a run, brings the stories' documents up to date (removing
/// those whose parts changed, adding the new ones) and saves the links.
pub fn update(store: &Store, writer_memory: usize) -> anyhow::Result<Links> {
    let known = Links::load(&store.dir);
    if known.opstamp != 0 && known.opstamp == opstamp(store)? {
        return Ok(known);
    }
    let searcher = store.reader()?.searcher();
    let mut seen = Vec::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let fast = segment.fast_fields();
        let (uids, hashes, days) = (
            fast.u64(super::schema::UID)?,
            fast.u64(super::schema::FOLD_BANDS)?,
            // A segment without any dated document has no such column.
            fast.column_opt::<u64>(super::schema::DATE)?,
        );
        let alive = segment.alive_bitset();
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|a| !a.is_alive(doc)) {
                continue;
            }
            // Story documents and short texts have no band keys: they are never folded.
            let bands: Vec<u64> = hashes.values_for_doc(doc).collect();
            let Some(uid) = uids.first(doc).filter(|_| !bands.is_empty()) else {
                continue;
            };
            seen.push(Seen {
                uid,
                bands,
                address: DocAddress::new(ord as u32, doc),
                day: days.as_ref().and_then(|d| d.first(doc)),
            });
        }
    }
    // By day, then uid, not by segment: which pairs a crowded band compares (fold::BUCKET)
    // then does not depend on how the index was built.
    seen.sort_unstable_by_key(|s| (s.day, s.uid));
    let mut cache: HashMap<DocAddress, Article> = HashMap::new();
    let mut article = |address: DocAddress| -> anyhow::Result<Article> {
        if let Some(a) = cache.get(&address) {
            return Ok(a.clone());
        }
        let doc: TantivyDocument = searcher.doc(address)?;
        let a = store.article(&doc)?;
        cache.insert(address, a.clone());
        Ok(a)
    };
    let stories = stitch::find(&mut stitch::Indexed {
        store,
        searcher: &searcher,
        load: &mut article,
    })?;
    let folds = find_folds(&seen, &in_story(&stories), &mut article)?;
    stitch::write_documents(store, &searcher, writer_memory, &stories)?;
    let mut links = Links::new(stories.into_iter().map(|s| s.story).collect(), folds);
    links.opstamp = opstamp(store)?;
    links
        .save(&store.dir)
        .with_context(|| format!("{}: cannot save the links", store.dir.display()))?;
    Ok(links)
}

/// The links of a list of articles read from elsewhere than the local index (a Solr
/// collection), found as [`update`] finds those of the index: the stories, with their
/// parts' articles, and the folds. `articles` holds no story's document.
pub(crate) fn find_in(articles: &[Article]) -> anyhow::Result<(Vec<stitch::Found>, Vec<Fold>)> {
    let seen: Vec<Seen<usize>> = articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            // What the local index's fast fields hold ([`super::Store::document`]).
            let bands = fold::bands(&a.body);
            (!bands.is_empty()).then(|| Seen {
                uid: super::links::uid(&a.id),
                bands,
                address: i,
                day: a.date.as_deref().and_then(Day::parse).map(|d| d.number()),
            })
        })
        .collect();
    let stories = stitch::find(&mut stitch::Listed::new(articles))?;
    let folds = find_folds(&seen, &in_story(&stories), &mut |i| Ok(articles[i].clone()))?;
    Ok((stories, folds))
}

/// The uids of the parts of stories that have a whole-story document: never folded.
fn in_story(stories: &[stitch::Found]) -> std::collections::HashSet<u64> {
    stories
        .iter()
        .filter(|s| s.story.doc != 0)
        .flat_map(|s| s.story.members.iter().copied())
        .collect()
}

/// Groups of printings of one text, found among the articles not part of a story.
fn find_folds<K: Copy + Ord>(
    seen: &[Seen<K>],
    in_story: &std::collections::HashSet<u64>,
    article: &mut impl FnMut(K) -> anyhow::Result<Article>,
) -> anyhow::Result<Vec<Fold>> {
    let keys: Vec<Vec<u64>> = seen
        .iter()
        .map(|s| {
            if in_story.contains(&s.uid) {
                Vec::new()
            } else {
                s.bands.clone()
            }
        })
        .collect();
    let mut parent: Vec<usize> = (0..seen.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut touched = Vec::new();
    let day_numbers: Vec<Option<u64>> = seen.iter().map(|s| s.day).collect();
    let mut pairs = fold::pairs(&keys, &day_numbers);
    // Printings days apart are never folded: the fast field tells without reading them (a
    // tiled or reprinted archive pairs every copy of a text with its first).
    let days: Vec<Option<String>> = seen
        .iter()
        .map(|s| s.day.and_then(Day::from_number).map(|d| d.to_string()))
        .collect();
    pairs.retain(|&(i, j)| fold::near_in_time(days[i].as_deref(), days[j].as_deref()));
    // Read in the store's order, so that each block is decompressed once.
    let mut need: Vec<K> = pairs
        .iter()
        .flat_map(|&(i, j)| [seen[i].address, seen[j].address])
        .collect();
    need.sort_unstable();
    need.dedup();
    for address in need {
        article(address)?;
    }
    // Which pairs are one text printed twice: the same body, or shingle sets alike. Each
    // article's shingle set is made once however many pairs it is in, and the sets are made
    // on every core (they are most of this pass, which runs alone after the writing).
    let mut verdicts = Vec::with_capacity(pairs.len());
    let mut unlike = Vec::new();
    for &(i, j) in &pairs {
        let (a, b) = (article(seen[i].address)?, article(seen[j].address)?);
        let same = keys[i] == keys[j] && a.body == b.body;
        let near = fold::near_in_time(a.date.as_deref(), b.date.as_deref());
        if near && !same {
            unlike.extend([i, j]);
        }
        verdicts.push((near, same));
    }
    unlike.sort_unstable();
    unlike.dedup();
    let mut bodies = Vec::with_capacity(unlike.len());
    for &i in &unlike {
        bodies.push(article(seen[i].address)?.body);
    }
    let sets: HashMap<usize, Vec<u64>> = unlike.into_iter().zip(shingle_sets(&bodies)).collect();
    for (&(i, j), (near, same)) in pairs.iter().zip(verdicts) {
        let similar = || fold::jaccard_of(&sets[&i], &sets[&j]) >= fold::MIN_JACCARD;
        if near && (same || similar()) {
            let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
            parent[ri] = rj;
            touched.extend([i, j]);
        }
    }
    touched.sort_unstable();
    touched.dedup();
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in touched {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut folds = Vec::new();
    for members in groups.into_values() {
        if members.len() < 2 {
            continue;
        }
        let mut printed: Vec<(Article, u64)> = Vec::new();
        for &m in &members {
            printed.push((article(seen[m].address)?, seen[m].uid));
        }
        printed.sort_by(|(a, _), (b, _)| {
            (
                &a.date,
                a.page.unwrap_or(u32::MAX),
                &a.paper,
                a.seq,
                &a.path,
            )
                .cmp(&(
                    &b.date,
                    b.page.unwrap_or(u32::MAX),
                    &b.paper,
                    b.seq,
                    &b.path,
                ))
        });
        folds.push(Fold {
            members: printed.iter().map(|(_, u)| *u).collect(),
            printings: printed.iter().map(|(a, _)| duplicate(a)).collect(),
        });
    }
    folds.sort_by(|a, b| a.printings[0].id.cmp(&b.printings[0].id));
    Ok(folds)
}

/// The shingle set of each of `bodies`, in their order, made on as many threads as there
/// are cores (at most four).
fn shingle_sets(bodies: &[String]) -> Vec<Vec<u64>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 4));
    let chunk = bodies.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let parts: Vec<_> = bodies
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|b| fold::shingle_set(b))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The index's last commit.
fn opstamp(store: &Store) -> anyhow::Result<u64> {
    Ok(store.index.load_metas()?.opstamp)
}
