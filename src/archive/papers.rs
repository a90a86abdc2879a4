//! Which paper a page belongs to before it is split, and that paper's habits learned from a
//! sample of its pages ([`split::Profile`]). A paper is known by the `--paper` name, else by
//! a folder named like a paper (`株洲日报/…`), else by the folder its pages sit in, passing
//! over date and number folders (`晚报存档/2022/04/01/01.txt` → `晚报存档`).

use super::{decode, meta::paper_from_path, Archive, PageFile};
use crate::split::{self, Profile};
use std::collections::BTreeMap;

/// The most pages of one paper a profile is learned from, spread evenly over its pages
/// in path order (so over its dates): enough to see which lines recur on many pages.
pub const PROFILE_SAMPLE: usize = 240;

impl Archive {
    /// The name the profile of `rel`'s paper is kept under.
    pub fn profile_key(&self, rel: &str) -> String {
        if let Some(p) = &self.paper {
            return p.clone();
        }
        let root = self.root_name();
        if let Some(p) = paper_from_path(&root, rel) {
            return p;
        }
        // The folders above the page, nearest first, then the archive's own and those
        // around it.
        let root = self.real_root().unwrap_or(&self.root);
        let outer = root.iter().rev().map(|c| c.to_string_lossy());
        rel.rsplit('/')
            .skip(1)
            .map(std::borrow::Cow::Borrowed)
            .chain(outer)
            .filter(|folder| !matches!(folder.as_ref(), "" | "." | ".." | "/"))
            .find(|folder| !is_date_or_number(folder))
            .map(|folder| folder.into_owned())
            .unwrap_or_default()
    }

    /// The profile pages at `rel` are split with: their paper's, or the general one.
    pub fn profile_for(&self, rel: &str) -> Option<&Profile> {
        if self.profiles.is_empty() {
            return None;
        }
        self.profiles.get(&self.profile_key(rel))
    }

    /// Learns the profile of each paper among `files` from a sample of its pages. Files that
    /// cannot be read or decoded are passed over: reading them for real reports them.
    pub fn learn_profiles<'a>(
        &self,
        files: impl IntoIterator<Item = &'a PageFile>,
    ) -> BTreeMap<String, Profile> {
        let mut by_paper: BTreeMap<String, Vec<&PageFile>> = BTreeMap::new();
        for f in files {
            by_paper
                .entry(self.profile_key(&f.rel))
                .or_default()
                .push(f);
        }
        by_paper
            .into_iter()
            .map(|(paper, mut files)| {
                files.sort_by(|a, b| a.rel.cmp(&b.rel));
                let texts: Vec<String> = sample(&files, PROFILE_SAMPLE)
                    .filter_map(|f| self.read_bytes(f).ok())
                    .filter_map(|bytes| page_text(&bytes))
                    .collect();
                (paper, Profile::learn(texts.iter().map(String::as_str)))
            })
            .collect()
    }

    /// The name of the archive's own folder.
    pub(super) fn root_name(&self) -> String {
        self.real_root()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_default()
    }

    /// The archive's folder with links resolved, looked up once.
    fn real_root(&self) -> Option<&std::path::Path> {
        self.real_root
            .get_or_init(|| self.root.canonicalize().ok())
            .as_deref()
    }
}

/// The decoded text of page bytes, or `None` for what is not page text.
fn page_text(bytes: &[u8]) -> Option<String> {
    if super::looks_binary(bytes) || super::file_kind(bytes).is_some() {
        return None;
    }
    let text = decode(bytes).text;
    (split::detect(&text) == split::Layout::Page).then_some(text)
}

/// At most `n` of `items`, spread evenly from first to last.
fn sample<'a, T>(items: &'a [T], n: usize) -> impl Iterator<Item = &'a T> + 'a {
    let step = items.len().div_ceil(n.max(1)).max(1);
    items.iter().step_by(step)
}

/// A folder named by a date or a number (`2022`, `04`, `2022-04-01`, `2022年4月`), which
/// says when a page was printed, not which paper printed it.
fn is_date_or_number(folder: &str) -> bool {
    !folder.is_empty()
        && folder
            .chars()
            .all(|c| c.is_ascii_digit() || "-_.年月日号期版".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn papers_are_known_by_name_or_by_their_folder() {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::new(dir.path().join("存档"));
        std::fs::create_dir(&archive.root).unwrap();
        let cases = [
            ("株洲日报/2020-02-26/01.txt", "株洲日报"),
            ("晚报存档/2022/04/01/01.txt", "晚报存档"),
            ("county/2022年4月/01.txt", "county"),
            ("2022/04/01/01.txt", "存档"),
            ("../archives/2022/04/01/01.txt", "archives"),
            ("01.txt", "存档"),
        ];
        for (rel, want) in cases {
            assert_eq!(archive.profile_key(rel), want, "{rel}");
        }
        let mut named = Archive::new(dir.path());
        named.paper = Some("江城晚报".into());
        assert_eq!(named.profile_key("a/b/01.txt"), "江城晚报");
        let dated = Archive::new(dir.path().join("存档/2022-04-01"));
        std::fs::create_dir(&dated.root).unwrap();
        assert_eq!(dated.profile_key("01.txt"), "存档");
    }

    #[test]
    fn a_sample_spreads_over_all_pages() {
        let items: Vec<usize> = (0..1000).collect();
        let got: Vec<usize> = sample(&items, 240).copied().collect();
        assert!(got.len() <= 240 && got.len() >= 200, "{}", got.len());
        assert_eq!(got[0], 0);
        assert!(*got.last().unwrap() >= 990);
        assert_eq!(sample(&items[..3], 240).count(), 3);
    }
}
