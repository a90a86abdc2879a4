//! Searches that stop when asked: a [`Stop`] says when a search must give up (its time is
//! up, or whoever asked has gone away), and [`Bounded`] wraps a tantivy collector so that
//! the search looks at it before each segment and every few thousand articles, and fails
//! with [`Stopped`] instead of running on.
//!
//! A [`Gate`] makes long searches take turns: a search that has used more than
//! [`Gate::HEAVY_AFTER`] of CPU time waits, at its next look, until fewer than [`Gate::AT_ONCE`] long
//! searches run. Short searches never wait, so a burst of costly queries keeps one core
//! busy, not every core, and ordinary searches are still answered at once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{Scorer, Weight};
use tantivy::schema::Schema;
use tantivy::{DocSet, SegmentReader, TantivyError, TERMINATED};

/// Articles scored between two looks at the [`Stop`].
const CHECK_EVERY: u32 = 256;

/// The long searches running, at most [`Gate::AT_ONCE`].
#[derive(Debug, Default)]
pub struct Gate {
    running: Mutex<usize>,
    freed: Condvar,
}

impl Gate {
    /// The CPU time a search uses before it counts as long.
    pub const HEAVY_AFTER: Duration = Duration::from_millis(4);
    /// Long searches that run at once; the others wait for their turn.
    pub const AT_ONCE: usize = 1;
}

/// A search's place at a [`Gate`]: the CPU time of its thread when it started, and
/// whether it holds a turn.
#[derive(Debug)]
struct Turn {
    gate: Arc<Gate>,
    started: Duration,
    held: AtomicBool,
}

/// The CPU time the calling thread has used: a search counts as long by the work it did,
/// not by the time it waited for a core.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to write into; the clock id is a constant.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(
        ts.tv_sec.max(0) as u64,
        ts.tv_nsec.clamp(0, 999_999_999) as u32,
    )
}

impl Drop for Turn {
    fn drop(&mut self) {
        if self.held.swap(false, Ordering::Relaxed) {
            let mut running = self.gate.running.lock().unwrap_or_else(|e| e.into_inner());
            *running = running.saturating_sub(1);
            self.gate.freed.notify_one();
        }
    }
}

/// When a search must give up: at a deadline, or once [`Stop::cancel`] is called (from any
/// thread: clones share the flag).
#[derive(Debug, Clone, Default)]
pub struct Stop {
    deadline: Option<Instant>,
    cancelled: Arc<AtomicBool>,
    turn: Option<Arc<Turn>>,
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
            turn: None,
        }
    }

    /// The same stop, taking turns at `gate` once the search has used
    /// [`Gate::HEAVY_AFTER`] of CPU time. Call it on the thread that runs the search.
    pub fn with_gate(mut self, gate: &Arc<Gate>) -> Stop {
        self.turn = Some(Arc::new(Turn {
            gate: Arc::clone(gate),
            started: thread_cpu(),
            held: AtomicBool::new(false),
        }));
        self
    }

    /// `Err(Stopped)` once the search must give up; a long search waits here for its turn
    /// at the gate (and gives up if its time runs out meanwhile).
    pub fn pace(&self) -> Result<(), Stopped> {
        self.check()?;
        let Some(turn) = &self.turn else {
            return Ok(());
        };
        let used = thread_cpu().saturating_sub(turn.started);
        if turn.held.load(Ordering::Relaxed) || used < Gate::HEAVY_AFTER {
            return Ok(());
        }
        let mut running = turn.gate.running.lock().unwrap_or_else(|e| e.into_inner());
        while *running >= Gate::AT_ONCE {
            running = turn
                .gate
                .freed
                .wait_timeout(running, Duration::from_millis(10))
                .unwrap_or_else(|e| e.into_inner())
                .0;
            self.check()?;
        }
        *running += 1;
        turn.held.store(true, Ordering::Relaxed);
        Ok(())
    }

    /// Gives back the turn at the gate, if this search holds one: its work is done.
    pub fn release(&self) {
        if let Some(turn) = &self.turn {
            if turn.held.swap(false, Ordering::Relaxed) {
                let mut running = turn.gate.running.lock().unwrap_or_else(|e| e.into_inner());
                *running = running.saturating_sub(1);
                turn.gate.freed.notify_one();
            }
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
    /// The collector that does the work.
    pub inner: C,
    /// When to give up.
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
    /// scores), with a look at the stop every `CHECK_EVERY` articles.
    fn collect_segment(
        &self,
        weight: &dyn Weight,
        ord: u32,
        segment: &SegmentReader,
    ) -> tantivy::Result<<C::Child as SegmentCollector>::Fruit> {
        if self.stop.pace().is_err() {
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
                if self.stop.pace().is_err() {
                    return Err(gave_up());
                }
                until_check = CHECK_EVERY;
            }
            doc = scorer.advance();
        }
        Ok(child.harvest())
    }
}
