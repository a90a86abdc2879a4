//! Term trends: how many articles match a query in each year, month or day, beside how
//! many were printed then. Counting reads only the date fast field of the matches, never
//! a stored article, so it answers over a whole archive in milliseconds.

use super::{build_unscored, Parsed, Request};
use crate::index::Store;
use crate::schema;
use std::collections::BTreeMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

/// The period a trend counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Calendar years.
    Year,
    /// Calendar months.
    Month,
    /// Days.
    Day,
}

impl Period {
    /// The period's key of a day number (`20200227`): `2020`, `202002` or `20200227`.
    fn key(self, day: u64) -> u64 {
        match self {
            Period::Year => day / 10000,
            Period::Month => day / 100,
            Period::Day => day,
        }
    }

    /// A key as people write it: `2020`, `2020-02`, `2020-02-27`, which `--date` and the
    /// API's `from` and `to` read back.
    ///
    /// ```
    /// use baosou::query::trend::Period;
    /// assert_eq!(Period::Month.label(202002), "2020-02");
    /// assert_eq!(Period::Day.label(20200227), "2020-02-27");
    /// ```
    pub fn label(self, key: u64) -> String {
        match self {
            Period::Year => format!("{key:04}"),
            Period::Month => format!("{:04}-{:02}", key / 100, key % 100),
            Period::Day => format!("{:04}-{:02}-{:02}", key / 10000, key / 100 % 100, key % 100),
        }
    }

    /// The name used in flags and the API: `year`, `month`, `day`.
    pub fn name(self) -> &'static str {
        match self {
            Period::Year => "year",
            Period::Month => "month",
            Period::Day => "day",
        }
    }
}

/// One period of a trend.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// `2020`, `2020-02` or `2020-02-27`.
    pub period: String,
    /// Articles printed in the period (within the filters, whatever the words).
    pub articles: u64,
    /// Matching articles, one count per query.
    pub counts: Vec<u64>,
}

impl Row {
    /// The share of the period's articles that match query `i`, from 0 to 1.
    pub fn share(&self, i: usize) -> f64 {
        let n = self.counts.get(i).copied().unwrap_or(0);
        if self.articles == 0 {
            0.0
        } else {
            n as f64 / self.articles as f64
        }
    }
}

/// The counts of several queries over the same periods.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// What a row counts.
    pub period: Period,
    /// The query texts, one per column.
    pub queries: Vec<String>,
    /// Every period in which articles were printed, oldest first.
    pub rows: Vec<Row>,
    /// Matching articles without a date, one count per query (left out of the rows).
    pub undated: Vec<u64>,
}

/// Counts articles per period key from the date fast field.
struct PeriodCounts(Period);

/// One segment's share of [`PeriodCounts`].
struct SegmentCounts {
    period: Period,
    date: Column<u64>,
    counts: BTreeMap<u64, u64>,
    undated: u64,
}

impl Collector for PeriodCounts {
    type Fruit = (BTreeMap<u64, u64>, u64);
    type Child = SegmentCounts;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentCounts> {
        Ok(SegmentCounts {
            period: self.0,
            date: reader.fast_fields().u64(schema::DATE)?,
            counts: BTreeMap::new(),
            undated: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all = BTreeMap::new();
        let mut undated = 0;
        for (counts, u) in fruits {
            for (k, n) in counts {
                *all.entry(k).or_default() += n;
            }
            undated += u;
        }
        Ok((all, undated))
    }
}

impl SegmentCollector for SegmentCounts {
    type Fruit = (BTreeMap<u64, u64>, u64);

    fn collect(&mut self, doc: DocId, _score: Score) {
        match self.date.first(doc).filter(|&d| d > 0) {
            Some(day) => *self.counts.entry(self.period.key(day)).or_default() += 1,
            None => self.undated += 1,
        }
    }

    fn harvest(self) -> Self::Fruit {
        (self.counts, self.undated)
    }
}

/// Counts each query per period. `base` holds the filters (reporter, dates, paper, page)
/// that every column shares, and its own words are ignored: the articles printed in a
/// period are those the filters leave.
pub fn trend(
    store: &Store,
    searcher: &Searcher,
    base: &Request,
    queries: &[(String, Parsed)],
    period: Period,
) -> anyhow::Result<Trend> {
    let mut all = base.clone();
    all.query = Parsed::default();
    let (totals, _) =
        searcher.search(&build_unscored(&store.fields, &all), &PeriodCounts(period))?;
    let mut columns = Vec::with_capacity(queries.len());
    let mut undated = Vec::with_capacity(queries.len());
    for (_, parsed) in queries {
        let mut req = base.clone();
        req.query = parsed.clone();
        let (counts, u) =
            searcher.search(&build_unscored(&store.fields, &req), &PeriodCounts(period))?;
        columns.push(counts);
        undated.push(u);
    }
    let rows = totals
        .iter()
        .map(|(&key, &articles)| Row {
            period: period.label(key),
            articles,
            counts: columns
                .iter()
                .map(|c| c.get(&key).copied().unwrap_or(0))
                .collect(),
        })
        .collect();
    Ok(Trend {
        period,
        queries: queries.iter().map(|(q, _)| q.clone()).collect(),
        rows,
        undated,
    })
}
