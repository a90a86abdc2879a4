//! The learned part of the page splitter. The rules in [`super`] decide whether a
//! group of headline lines starts an article; many of their decisions weigh several weak
//! cues at once (how long the lines are, what punctuation they hold, what comes before and
//! after them, how much vocabulary the text on both sides shares). A forest of boosted
//! trees, trained on hand-labelled pages by `tools/train_splitter.py`, weighs those cues
//! together and overrides a rule when it leans either way (the band of doubt where the
//! rule stands is empty now, except over two rules that read a pattern).
//!
//! The cues are general: shapes and punctuation of lines, never words of one paper. The
//! trees are plain data in `model.txt`.

use std::sync::LazyLock;

use super::super::byline::dateline;
use super::super::furniture::opening_day;
use super::super::headline::{has_column_tag, is_section_head};
use super::super::heads::Heads;
use super::super::text::{
    cut_inside_word, ends_paragraph, is_space, line_ends_sentence, trim, width, Block,
};
use super::rules::Rule;

/// Below this probability the group never starts an article; at or above [`START`] it
/// always does; in between the rule stands. The decision leans towards starting: an article
/// merged into the one before is lost to a search (its words come up under the other's
/// headline), while one cut in two is still found. Since the trees read what kind of
/// article is running and what the text under a group tells, the band is empty: on months
/// the trees never saw, START 0.3 against 0.4 merges away 7% fewer articles for 0.002 of
/// F1, and gains F1 on the months no tree was fitted on (EVALUATION.md).
const CONTINUE: f32 = 0.3;
const START: f32 = 0.3;

/// Rules that read a pattern the features do not hold (a listing's run of lines, the
/// credit of a compiled piece, a paragraph cut mid-sentence going on under it) are
/// overridden towards a start only from this probability.
const START_OVER_PATTERN: f32 = 0.8;
const PATTERN_RULES: [Rule; 3] = [Rule::Listing, Rule::Compiled, Rule::Open];

/// The rules whose decisions the model may override, in feature order. A headline over a
/// dateline (`strong`) always starts an article, as on the user's own pages; one over a
/// byline over plain text after an undated article, without a `——` subheadline (`bylined`),
/// may be the first item of a round-up.
pub(crate) const RULES: [Rule; 15] = [
    Rule::Series,
    Rule::Nobody,
    Rule::Listing,
    Rule::Marked,
    Rule::Photo,
    Rule::AfterEnd,
    Rule::Tagged,
    Rule::PhotoItem,
    Rule::Heads,
    Rule::RunOn,
    Rule::Short,
    Rule::Cohesion,
    Rule::Open,
    Rule::Bylined,
    Rule::Compiled,
];

/// The names of the features after the rules' indicators, in the order of
/// [`Group::features`] (written into `model.txt` by the trainer, which reads them here).
pub(crate) const FEATURE_NAMES: [&str; 44] = [
    "lines",
    "cohesion",
    "heads",
    "span_len",
    "first_width",
    "total_width",
    "last_width",
    "prev_width",
    "prev_ends_sentence",
    "prev_ends_article",
    "next_width",
    "after_next_width",
    "has_comma",
    "has_space",
    "has_quote",
    "has_colon",
    "ends_dash",
    "dash_subheadline",
    "column_tag",
    "section_head",
    "first_has_digit",
    "next_dateline",
    "next_opening_day",
    "next_quote",
    "next_is_byline",
    "next_ends_sentence",
    "position",
    "headline_width",
    "has_kicker",
    "subheadlines",
    "bylines",
    "last_head_lines",
    "dated",
    "in_column",
    "told",
    "echo",
    "topic",
    "runs_across",
    "cut_end",
    "credits_under",
    "credits_after",
    "head_alike",
    "head_width_ratio",
    "most_head_lines",
];

/// How many features a group has.
pub(crate) const FEATURES: usize = RULES.len() + FEATURE_NAMES.len();

/// A group of headline-like blocks in its place on the page, as the rules saw it.
pub(crate) struct Group<'a> {
    /// The rule that decided; the model weighs in only on [`RULES`].
    pub(crate) rule: Rule,
    pub(crate) lines: &'a [Block<'a>],
    pub(crate) prev: Option<&'a Block<'a>>,
    /// The block before the group is one an article ends with (a byline, a credit note).
    pub(crate) prev_ends_article: bool,
    /// The block before the group is text (not a byline or furniture).
    pub(crate) prev_is_text: bool,
    pub(crate) next: Option<&'a Block<'a>>,
    /// The block after the group is a byline.
    pub(crate) next_is_byline: bool,
    /// The block after the group is one an article ends with.
    pub(crate) next_ends_article: bool,
    /// The paper's profile says it credits its stories with bylines under their headlines,
    /// or after them.
    pub(crate) credits_under: bool,
    pub(crate) credits_after: bool,
    pub(crate) after_next: Option<&'a Block<'a>>,
    /// Vocabulary shared by the text before and after the group.
    pub(crate) cohesion: f64,
    /// Section heads and length of the article so far.
    pub(crate) heads: usize,
    pub(crate) span_len: usize,
    /// The article so far: its headline's width, whether it has a kicker, how many
    /// subheadlines and byline lines, and how many lines its last section head had.
    pub(crate) headline_width: usize,
    pub(crate) has_kicker: bool,
    pub(crate) subheadlines: usize,
    pub(crate) bylines: usize,
    pub(crate) last_head_lines: usize,
    /// The forms and widths of the article's section heads so far, and the most lines one
    /// of them had: a group unlike them reads as a new story's headline ([`Heads`]).
    pub(crate) head_forms: Option<&'a Heads>,
    pub(crate) most_head_lines: usize,
    /// The article so far has a dateline (a news report), or a column tag in its headline.
    pub(crate) dated: bool,
    pub(crate) in_column: bool,
    /// Vocabulary the group shares with the text under it (a headline is told by its
    /// story), with the article's headlines, and the text under it with the article's
    /// opening paragraphs.
    pub(crate) told: f64,
    pub(crate) echo: f64,
    pub(crate) topic: f64,
    /// Length of the page text, in chars.
    pub(crate) page_len: usize,
}

/// True when the model may override `rule`.
pub(crate) fn overrides(rule: Rule) -> bool {
    RULES.contains(&rule)
}

/// The decision on a group that `rule` decided as `rule_says`, when the model gives it
/// probability `p` of starting an article.
fn overridden(rule: Rule, rule_says: bool, p: f32) -> bool {
    let start = if PATTERN_RULES.contains(&rule) {
        START_OVER_PATTERN
    } else {
        START
    };
    if p >= start {
        true
    } else if p < CONTINUE {
        false
    } else {
        rule_says
    }
}

impl Group<'_> {
    /// The rule's decision, overridden outside the band of doubt.
    pub(crate) fn decide(&self, rule_says: bool) -> bool {
        if !overrides(self.rule) {
            return rule_says;
        }
        overridden(self.rule, rule_says, self.start_probability())
    }

    /// The model's probability that the group starts an article.
    pub(crate) fn start_probability(&self) -> f32 {
        FOREST.probability(&self.features())
    }

    /// The paragraph above stops mid-sentence: the text before the group, if it goes on.
    fn cut_above(&self) -> Option<&str> {
        self.prev
            .filter(|p| self.prev_is_text && !ends_paragraph(p.text))
            .map(|p| p.text)
    }

    /// The paragraph above stops mid-sentence and a word runs across into the group's first
    /// line (`…力争早` / `日投产`).
    fn runs_across(&self, first: &str) -> bool {
        self.cut_above()
            .is_some_and(|above| cut_inside_word(above, first))
    }

    /// The group reads as the cut end of the paragraph above: that paragraph stops
    /// mid-sentence, and the group is one line that finishes a sentence or stands straight
    /// over a byline or an end note, as a paragraph's tail does (`…力争早日` / `投产` /
    /// `本报记者 王明`).
    fn cut_end(&self, texts: &[&str]) -> bool {
        let tail = match texts {
            [line] => ends_paragraph(line) || self.next_is_byline || self.next_ends_article,
            _ => false,
        };
        tail && self.cut_above().is_some()
    }

    /// The features the model reads, in a fixed order (printed by `BAOSOU_SPLIT_TRACE`).
    pub(crate) fn features(&self) -> [f32; FEATURES] {
        let mut f = [0.0; FEATURES];
        if let Some(k) = RULES.iter().position(|r| *r == self.rule) {
            f[k] = 1.0;
        }
        let texts: Vec<&str> = self.lines.iter().map(|b| trim(b.text)).collect();
        let first = texts.first().copied().unwrap_or("");
        let last = texts.last().copied().unwrap_or("");
        let any = |p: &dyn Fn(&str) -> bool| texts.iter().any(|t| p(t)) as u8 as f32;
        let w = |b: Option<&Block>| b.map_or(0.0, |b| width(b.text) as f32);
        let next = self.next.map_or("", |b| trim(b.text));
        let x = [
            texts.len() as f32,
            self.cohesion as f32,
            self.heads as f32,
            self.span_len as f32,
            width(first) as f32,
            texts.iter().map(|t| width(t)).sum::<usize>() as f32,
            width(last) as f32,
            w(self.prev),
            self.prev.is_some_and(|b| line_ends_sentence(b.text)) as u8 as f32,
            self.prev_ends_article as u8 as f32,
            w(self.next),
            w(self.after_next),
            any(&|t| t.contains('，')),
            any(&|t| t.contains(is_space)),
            any(&|t| t.contains('“')),
            any(&|t| t.contains(['：', ':'])),
            any(&|t| t.ends_with("——")),
            texts.iter().skip(1).any(|t| t.starts_with("——")) as u8 as f32,
            any(&has_column_tag),
            is_section_head(first) as u8 as f32,
            first.contains(|c: char| c.is_ascii_digit()) as u8 as f32,
            dateline(next).is_some() as u8 as f32,
            opening_day(next).is_some() as u8 as f32,
            next.starts_with('“') as u8 as f32,
            self.next_is_byline as u8 as f32,
            line_ends_sentence(next) as u8 as f32,
            self.lines
                .first()
                .map_or(0.0, |b| b.start as f32 / self.page_len.max(1) as f32),
            self.headline_width as f32,
            self.has_kicker as u8 as f32,
            self.subheadlines as f32,
            self.bylines as f32,
            self.last_head_lines as f32,
            self.dated as u8 as f32,
            self.in_column as u8 as f32,
            self.told as f32,
            self.echo as f32,
            self.topic as f32,
            self.runs_across(first) as u8 as f32,
            self.cut_end(&texts) as u8 as f32,
            self.credits_under as u8 as f32,
            self.credits_after as u8 as f32,
            self.head_forms.map_or(0.0, |h| h.alike(first)),
            self.head_forms.map_or(0.0, |h| h.width_ratio(first)),
            self.most_head_lines as f32,
        ];
        f[RULES.len()..].copy_from_slice(&x);
        f
    }
}

/// Boosted trees: the probability is the logistic of the baseline plus one leaf value from
/// each tree. The nodes of all trees sit in one array, each tree's root at its offset.
struct Forest {
    baseline: f32,
    roots: Vec<usize>,
    nodes: Vec<Node>,
}

/// A split (go to `left` when the feature is at most `value`, else to `right`; children
/// are counted from the tree's root) or a leaf (`feature` is [`LEAF`]) holding its value.
#[derive(Clone, Copy)]
struct Node {
    feature: u16,
    left: u16,
    right: u16,
    value: f32,
}

const LEAF: u16 = u16::MAX;

static FOREST: LazyLock<Forest> = LazyLock::new(|| {
    Forest::parse(include_str!("model.txt")).expect("src/split/layout/model.txt is a valid forest")
});

impl Forest {
    /// Reads `model.txt`: comment lines (`#`), a line `baseline VALUE`, then one tree per
    /// line, its nodes separated by spaces: `FEATURE:THRESHOLD:LEFT:RIGHT` or `=VALUE`.
    fn parse(text: &str) -> Option<Forest> {
        let mut baseline = None;
        let mut roots = Vec::new();
        let mut nodes = Vec::new();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            if let Some(b) = line.strip_prefix("baseline ") {
                baseline = Some(b.parse().ok()?);
                continue;
            }
            let root = nodes.len();
            let tree: Vec<&str> = line.split(' ').collect();
            for (k, node) in tree.iter().enumerate() {
                nodes.push(if let Some(v) = node.strip_prefix('=') {
                    Node {
                        feature: LEAF,
                        left: 0,
                        right: 0,
                        value: v.parse().ok()?,
                    }
                } else {
                    let mut p = node.split(':');
                    let feature: u16 = p.next()?.parse().ok()?;
                    let threshold: f64 = p.next()?.parse().ok()?;
                    let left: u16 = p.next()?.parse().ok()?;
                    let right: u16 = p.next()?.parse().ok()?;
                    // Children come after their parent and inside the tree, so every walk
                    // ends.
                    let inside = |c: u16| k < usize::from(c) && usize::from(c) < tree.len();
                    (usize::from(feature) < FEATURES && inside(left) && inside(right))
                        .then_some(())?;
                    Node {
                        feature,
                        left,
                        right,
                        value: at_most(threshold),
                    }
                });
            }
            roots.push(root);
        }
        Some(Forest {
            baseline: baseline?,
            roots,
            nodes,
        })
    }

    fn probability(&self, x: &[f32; FEATURES]) -> f32 {
        let mut raw = self.baseline;
        for &root in &self.roots {
            let mut node = self.nodes[root];
            while node.feature != LEAF {
                let next = if x[usize::from(node.feature)] <= node.value {
                    node.left
                } else {
                    node.right
                };
                node = self.nodes[root + usize::from(next)];
            }
            raw += node.value;
        }
        1.0 / (1.0 + (-raw).exp())
    }
}

/// The largest f32 not above `threshold`: for any f32 feature `x`, `x <= at_most(t)` exactly
/// when `x as f64 <= t`, the comparison the trainer made.
fn at_most(threshold: f64) -> f32 {
    let t = threshold as f32;
    if f64::from(t) > threshold {
        t.next_down()
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The model leans towards a start (a merged article is lost to a search, a cut one
    /// is not), except over the rules that read a pattern it cannot see.
    #[test]
    fn the_model_overrides_a_rule_outside_the_band_of_doubt() {
        let table = [
            (Rule::Heads, false, 0.5, true),
            (Rule::Cohesion, false, 0.3, true),
            (Rule::Heads, false, 0.35, true),
            (Rule::Heads, true, 0.29, false),
            (Rule::Heads, true, 0.2, false),
            (Rule::Listing, false, 0.6, false),
            (Rule::Listing, true, 0.6, true),
            (Rule::Compiled, false, 0.6, false),
            (Rule::Compiled, false, 0.8, true),
            (Rule::Compiled, true, 0.2, false),
            (Rule::Open, false, 0.675, false),
            (Rule::Open, false, 0.8, true),
        ];
        for (rule, rule_says, p, want) in table {
            assert_eq!(
                overridden(rule, rule_says, p),
                want,
                "{rule} {rule_says} {p}"
            );
        }
    }

    #[test]
    fn the_shipped_forest_reads() {
        // Every tree line of model.txt became a tree, and a group decided by any rule the
        // model weighs gets a probability, not a saturated answer.
        let trees = include_str!("model.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("baseline "))
            .count();
        assert!(trees > 0);
        assert_eq!(FOREST.roots.len(), trees);
        for k in 0..RULES.len() {
            let mut x = [0.0; FEATURES];
            x[k] = 1.0;
            let p = FOREST.probability(&x);
            assert!(p > 0.0 && p < 1.0, "{} gives {p}", RULES[k]);
        }
    }

    /// The trees were fitted on the rules and features model.txt names: they must be the
    /// code's, in its order (a trainer that read 16 rules put `cohesion`'s constraint on
    /// `heads`). Retrain with tools/train_splitter.py when they change.
    #[test]
    fn the_shipped_forest_names_the_codes_rules_and_features() {
        let names = |key: &str| -> Vec<&str> {
            let line = include_str!("model.txt")
                .lines()
                .find_map(|l| l.strip_prefix(key));
            line.unwrap_or_default().split(' ').collect()
        };
        let rules: Vec<&str> = RULES.iter().map(|r| r.name()).collect();
        assert_eq!(names("# rules: "), rules);
        let features = names("# features: ");
        let want: Vec<String> = rules
            .iter()
            .map(|r| format!("rule:{r}"))
            .chain(FEATURE_NAMES.iter().map(|f| f.to_string()))
            .collect();
        assert_eq!(features, want);
        assert_eq!(features.len(), FEATURES);
    }

    #[test]
    fn thresholds_compare_as_the_trainer_did() {
        for t in [0.1f64, 0.5, 1.0 / 3.0, 2.5e-8, -7.3, 1e10 + 0.3] {
            for x in [t as f32, (t as f32).next_up(), (t as f32).next_down()] {
                assert_eq!(x <= at_most(t), f64::from(x) <= t, "{x} against {t}");
            }
        }
    }

    #[test]
    fn a_forest_walks_to_its_leaves() {
        let f = Forest::parse("# test\nbaseline 0\n0:0.5:1:2 =-2 =2\n=1\n").unwrap();
        let mut x = [0.0; FEATURES];
        assert!((f.probability(&x) - 1.0 / (1.0 + 1f32.exp())).abs() < 1e-6);
        x[0] = 1.0;
        assert!((f.probability(&x) - 1.0 / (1.0 + (-3f32).exp())).abs() < 1e-6);
        // Malformed: a child out of range, a feature out of range, no baseline.
        assert!(Forest::parse("baseline 0\n0:0.5:1:9 =1\n").is_none());
        assert!(Forest::parse("baseline 0\n999:0.5:1:2 =1 =1\n").is_none());
        assert!(Forest::parse("=1\n").is_none());
    }
}
