//! The profile of each paper the index holds ([`Profile`]: where its bylines stand, its
//! dateline forms, the lines that recur on its pages), kept beside the index so that every
//! run splits a paper's pages by the same habits. A paper whose pages changed is measured
//! again; when what was measured would split pages differently, all of that paper's pages
//! are split again.

use super::write_atomic;
use crate::archive::{Archive, PageFile};
use crate::split::Profile;
use anyhow::Context;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub(super) const PROFILES_FILE: &str = "baosou-profiles.json";

/// The profiles kept in the index folder `dir`; none when there is no such file yet. A
/// file that cannot be read is taken as none: every paper is then measured again, and its
/// pages split again if that changes anything.
pub fn load(dir: &Path) -> BTreeMap<String, Profile> {
    std::fs::read(dir.join(PROFILES_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Writes the profiles, all or nothing.
pub(crate) fn save(dir: &Path, profiles: &BTreeMap<String, Profile>) -> anyhow::Result<()> {
    let bytes = serde_json::to_vec_pretty(profiles).context("profiles")?;
    write_atomic(&dir.join(PROFILES_FILE), &bytes)
}

/// The profiles to split with in this run, and the papers whose unchanged pages must be
/// split again. A paper with new or changed pages (`touched`), or without a profile, is
/// measured on its pages in `on_disk`; its old profile is kept unless the new one differs
/// materially, so that pages split in earlier runs stay consistent with the ones split now.
pub(crate) fn update(
    archive: &Archive,
    kept: &BTreeMap<String, Profile>,
    on_disk: &[PageFile],
    touched: &BTreeSet<String>,
) -> (BTreeMap<String, Profile>, BTreeSet<String>) {
    let mut profiles = BTreeMap::new();
    let mut to_learn = Vec::new();
    for f in on_disk {
        let key = archive.profile_key(&f.rel);
        match kept.get(&key) {
            Some(p) if !touched.contains(&key) => {
                profiles.insert(key, p.clone());
            }
            _ => to_learn.push(f),
        }
    }
    let mut resplit = BTreeSet::new();
    for (key, learned) in archive.learn_profiles(to_learn) {
        // A paper measured for the first time may still have pages in the index, split
        // before its profile was kept: they are split again too.
        match kept.get(&key) {
            Some(old) if !old.differs_materially(&learned) => {
                profiles.insert(key, old.clone());
            }
            _ => {
                resplit.insert(key.clone());
                profiles.insert(key, learned);
            }
        }
    }
    (profiles, resplit)
}
