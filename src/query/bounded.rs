//! Searches that stop when asked: a [`Stop`] says when a search must give up (its time is
//! up, or whoever asked has gone away), and [`Bounded`] wraps a tantivy collector so that
//! the search looks at it before each segment and every few thousand articles, and fails
//! with [`Stopped`] instead of running on.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{Scorer, Weight};
use tantivy::schema::Schema;
use tantivy::{DocSet, SegmentReader, TantivyError, TERMINATED};

/// Articles scored between two looks at the [`Stop`].
const CHECK_EVERY: u32 = 2048;

/// When a search must give up: at a deadline, or once [`Stop::cancel`] is called (from any
/// thread: clones share the flag).
#[derive(Debug, Clone, Default)]
pub struct Stop {
    deadline: Option<Instant>,
    cancelled: Arc<AtomicBool>,
}

impl Stop {
    /// A search that runs to its end.
    pub fn never() -> Stop {
        Stop::default()
    }

    /// A search that gives up `limit` from now.
    pub fn after(limit: Duration) -> Stop {
        Stop {
            deadline: Instant::now().checked_add(limit),
            cancelled: Arc::default(),
        }
    }

    /// Asks the search to give up as soon as it next looks.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// True once the search must give up.
    ///
    /// ```
    /// use baosou::query::Stop;
    /// let stop = Stop::never();
    /// assert!(!stop.stopped());
    /// stop.clone().cancel();
    /// assert!(stop.stopped());
    /// assert!(Stop::after(std::time::Duration::ZERO).stopped());
    /// ```
    pub fn stopped(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed) || self.deadline.is_some_and(|d| Instant::now() >= d)
    }

    /// `inner`, giving up when this says so.
    pub fn bound<C: Collector>(&self, inner: C) -> Bounded<C> {
        Bounded {
            inner,
            stop: self.clone(),
        }
    }

    /// `Err(Stopped)` once the search must give up.
    pub fn check(&self) -> Result<(), Stopped> {
        if self.stopped() {
            Err(Stopped)
        } else {
            Ok(())
        }
    }
}

/// The error of a search that gave up: its time was up or it was cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the search was stopped before its end: it took too long")
    }
}

impl std::error::Error for Stopped {}

/// True when `e` is, or was caused by, a search that gave up.
pub fn is_stopped(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.is::<Stopped>())
}

/// A collector that gives up when its [`Stop`] says so. It collects what `inner` would.
pub struct Bounded<C> {
    pub inner: C,
    pub stop: Stop,
}

fn gave_up() -> TantivyError {
    TantivyError::InvalidArgument(Stopped.to_string())
}

impl<C: Collector> Collector for Bounded<C> {
    type Fruit = C::Fruit;
    type Child = C::Child;

    fn check_schema(&self, schema: &Schema) -> tantivy::Result<()> {
        self.inner.check_schema(schema)
    }

    fn for_segment(&self, ord: u32, segment: &SegmentReader) -> tantivy::Result<C::Child> {
        self.inner.for_segment(ord, segment)
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<C::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<C::Fruit> {
        self.inner.merge_fruits(fruits)
    }

    /// What tantivy's own loop does (every live article, scored if the collector wants
    /// scores), with a look at the stop every [`CHECK_EVERY`] articles.
    fn collect_segment(
        &self,
        weight: &dyn Weight,
        ord: u32,
        segment: &SegmentReader,
    ) -> tantivy::Result<<C::Child as SegmentCollector>::Fruit> {
        if self.stop.stopped() {
            return Err(gave_up());
        }
        let scoring = self.requires_scoring();
        let mut child = self.for_segment(ord, segment)?;
        let alive = segment.alive_bitset();
        let mut scorer = weight.scorer(segment, 1.0)?;
        let mut doc = scorer.doc();
        let mut until_check = CHECK_EVERY;
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                let score = if scoring { scorer.score() } else { 0.0 };
                child.collect(doc, score);
            }
            until_check -= 1;
            if until_check == 0 {
                if self.stop.stopped() {
                    return Err(gave_up());
                }
                until_check = CHECK_EVERY;
            }
            doc = scorer.advance();
        }
        Ok(child.harvest())
    }
}
