//! Facets of a search: how the matching articles spread over reporters, years, months and
//! papers. A tantivy collector reads the fast fields of every matching article, so the
//! counts cover all the hits, not one page of them.

use crate::schema;
use std::collections::{BTreeMap, HashMap};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts over all the articles a search matched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// The most frequent reporters, most first.
    pub reporters: Vec<(String, usize)>,
    /// Years (`2020`), oldest first.
    pub years: Vec<(String, usize)>,
    /// Months (`2020-02`), oldest first.
    pub months: Vec<(String, usize)>,
    /// Papers, most first.
    pub papers: Vec<(String, usize)>,
}

/// Collects [`Facets`], keeping the `top_reporters` most frequent reporters.
pub struct FacetCollector {
    /// How many reporters to keep.
    pub top_reporters: usize,
}

/// Raw counts, merged across segments before ranking.
#[derive(Default)]
pub struct Counts {
    reporters: HashMap<String, usize>,
    papers: HashMap<String, usize>,
    /// Keyed by `YYYYMM`.
    months: BTreeMap<u64, usize>,
}

impl Collector for FacetCollector {
    type Fruit = Facets;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        _segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentFacets> {
        let fast = segment.fast_fields();
        let reporter = fast.str(schema::REPORTER)?;
        let paper = fast.str(schema::PAPER)?;
        let date = fast.u64(schema::DATE)?;
        Ok(SegmentFacets {
            keep_reporters: self.top_reporters.saturating_mul(5).max(50),
            reporter_ords: vec![0; reporter.as_ref().map_or(0, |c| c.num_terms())],
            paper_ords: vec![0; paper.as_ref().map_or(0, |c| c.num_terms())],
            reporter,
            paper,
            date,
            months: BTreeMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Facets> {
        let mut all = Counts::default();
        for c in fruits {
            for (k, n) in c.reporters {
                *all.reporters.entry(k).or_default() += n;
            }
            for (k, n) in c.papers {
                *all.papers.entry(k).or_default() += n;
            }
            for (k, n) in c.months {
                *all.months.entry(k).or_default() += n;
            }
        }
        let mut years: BTreeMap<u64, usize> = BTreeMap::new();
        for (&m, &n) in &all.months {
            *years.entry(m / 100).or_default() += n;
        }
        let mut reporters = most_first(all.reporters);
        reporters.truncate(self.top_reporters);
        Ok(Facets {
            reporters,
            years: years.into_iter().map(|(y, n)| (y.to_string(), n)).collect(),
            months: all
                .months
                .into_iter()
                .map(|(m, n)| (format!("{:04}-{:02}", m / 100, m % 100), n))
                .collect(),
            papers: most_first(all.papers),
        })
    }
}

fn most_first(counts: HashMap<String, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// The counting for one segment, by term ordinal; names are looked up once at the end.
pub struct SegmentFacets {
    /// How many of a segment's most frequent reporters get their names looked up: a
    /// common word matches thousands of bylines, and naming them all was most of the cost
    /// of a search. Five times the number shown keeps the ranking right across segments.
    keep_reporters: usize,
    reporter: Option<StrColumn>,
    paper: Option<StrColumn>,
    date: Column<u64>,
    reporter_ords: Vec<usize>,
    paper_ords: Vec<usize>,
    months: BTreeMap<u64, usize>,
}

impl SegmentCollector for SegmentFacets {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(col) = &self.reporter {
            for ord in col.term_ords(doc) {
                if let Some(n) = self.reporter_ords.get_mut(ord as usize) {
                    *n += 1;
                }
            }
        }
        if let Some(col) = &self.paper {
            for ord in col.term_ords(doc) {
                if let Some(n) = self.paper_ords.get_mut(ord as usize) {
                    *n += 1;
                }
            }
        }
        if let Some(day) = self.date.first(doc) {
            *self.months.entry(day / 100).or_default() += 1;
        }
    }

    fn harvest(self) -> Counts {
        let floor = nth_largest(&self.reporter_ords, self.keep_reporters);
        Counts {
            reporters: names(self.reporter.as_ref(), &self.reporter_ords, floor),
            papers: names(self.paper.as_ref(), &self.paper_ords, 1),
            months: self.months,
        }
    }
}

/// The `n`-th largest count (at least 1): the smallest count worth naming.
fn nth_largest(counts: &[usize], n: usize) -> usize {
    let mut nonzero: Vec<usize> = counts.iter().copied().filter(|&c| c > 0).collect();
    if n == 0 || nonzero.len() <= n {
        return 1;
    }
    let (_, nth, _) = nonzero.select_nth_unstable_by(n - 1, |a, b| b.cmp(a));
    (*nth).max(1)
}

/// Counts by name instead of by ordinal, for the values at least `floor` hits hold. The
/// names are read in one ordered pass over the dictionary: looking them up one by one
/// opened (and decompressed) a dictionary block each time.
fn names(col: Option<&StrColumn>, ords: &[usize], floor: usize) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    let Some(col) = col else {
        return out;
    };
    let floor = floor.max(1);
    let chosen: Vec<u64> = (0..ords.len())
        .filter(|&o| ords[o] >= floor)
        .map(|o| o as u64)
        .collect();
    let mut next = chosen.iter();
    let _ = col.dictionary().sorted_ords_to_term_cb(&chosen, |term| {
        if let Some(&ord) = next.next() {
            let n = ords.get(ord as usize).copied().unwrap_or(0);
            *out.entry(String::from_utf8_lossy(term).into_owned())
                .or_default() += n;
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::nth_largest;

    #[test]
    fn the_floor_keeps_the_most_frequent() {
        let cases: [(&[usize], usize, usize); 5] = [
            (&[0, 5, 3, 9, 1], 2, 5),
            (&[0, 5, 3, 9, 1], 4, 1),
            (&[0, 5, 3, 9, 1], 10, 1),
            (&[2, 2, 2], 1, 2),
            (&[], 3, 1),
        ];
        for (counts, n, want) in cases {
            assert_eq!(nth_largest(counts, n), want, "{counts:?} {n}");
        }
    }
}
