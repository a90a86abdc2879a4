//! Whether a group of headline lines opens a new article: an ordered registry of rules, the
//! first that fires deciding (the model may then override it, [`super::model`]).
//! Each rule reads the facts of the blocks ([`super::facts`]) and the article so far.

use super::super::byline::is_photo_credit;
use super::super::headline::{
    closes_meeting, ends_with_day, is_abstract_label, is_addendum_head, is_dated_note,
    is_marked_group, is_section_head, is_sidebar_label, is_speaker, is_subheaded_or_labelled,
    is_teller, is_text_label, label, named_lead_in, opens_editors_note,
};
use super::super::heads::{form, Form};
use super::super::paragraphs::Builder;
use super::super::text::Block;
use super::super::text::{
    bracketed, closing_note, is_han, is_space, line_ends_sentence, staff_column, trim, width,
    WIDE_GAP,
};
use super::super::Profile;
use super::facts::{indents_paragraphs, Fact, MAX_GROUP};
use std::fmt;

/// Bigram cosine across a single line followed by a paragraph opening with a day, above
/// which the line is a section head rather than a photo item's title.
const PHOTO_COHESION: f64 = 0.1;

/// Bigram cosine across unmarked headline lines below which the text after them tells
/// another story.
const NEW_TOPIC_COHESION: f64 = 0.05;

/// Chars after which an article without section heads is long enough that a single
/// unmarked headline line over unrelated text starts the next one.
const LONG_ARTICLE: usize = 400;

/// A rule deciding whether a group of headline lines opens an article, in the order they
/// are tried ([`Rule::ORDER`]). Its name (`snake_case` of the variant) is printed by
/// `BAOSOU_SPLIT_TRACE=1` and written into `model.txt` for the rules the model weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// The first group on the page opens the first article.
    First,
    /// The article's last paragraph stops mid-sentence: the line goes on with it (a
    /// paragraph cut at a column break), even when a byline follows. Not when that paragraph
    /// stands straight under a text label (`相关链接`, `延伸阅读`): a sidebar's summary or
    /// pull quote, printed without a stop ([`sidebar_text`]).
    Open,
    /// A single line signed by a byline set off after it on the same printed line, after a
    /// story's text (`…的年夜饭  记者  李华`; a teller's `…王明讲述` or a speech source signed
    /// so is no headline line at all): the story's last line, credited with it, not the headline of the next story
    /// under its byline. (Every such line in the held-out renders of every style ends the
    /// story before; a headline printed with its byline on one line opens a group of
    /// several lines or the page.)
    Signed,
    /// A headline over its abstract (`核心阅读`, `内容提要`) opens a story.
    Abstract,
    /// A document's title under its dated note, printed over it as a lead-in line
    /// (`（2020年3月1日…会议通过）` over `…关于…的决定`, read as a headline line where it
    /// stands by `facts::dated_lead_ins`): it opens the document, as the note under the
    /// title does ([`Rule::Strong`]).
    DatedLeadIn,
    /// A headline over an editor's note (`编者按：…`, `编者的话`) opens a story: papers print
    /// the note straight under the headline of the piece it introduces ([`opens_editors_note`]).
    EditorsNote,
    /// After an editor's note under the article's headline (`——编 者`) and a first report
    /// under its own byline: a headline over a byline is the next of the reports the note
    /// introduces (`农机手李华——` / `检修农机 就等下地` / `本报记者 王明`), not a story of
    /// its own, unless extra blank lines part it.
    Noted,
    /// A paper that credits its stories with bylines (the profile says so) prints no series
    /// or round-up that way: a headline over a byline over plain text opens a story. A
    /// teller's line over a byline (`……村民赵大山讲述` over `本报记者 X整理`) is no headline
    /// (`headline::is_teller`): it signs the story told above it, so `credited` never sees it.
    Credited,
    /// A story under its own byline over plain text, after another one opened the same way:
    /// the next story of a series printed as one article (`新春走基层`), unless extra blank
    /// lines part them or a byline closed the story before.
    Series,
    /// The next item of a round-up: under the round-up's name (`速览`), or over a dateline
    /// without a day (`本报电`) after the name closing the item before (`（陈 晓）`); not
    /// when the item has a column of its own.
    Briefs,
    /// A byline closing the story before, as papers that credit their stories at the end
    /// print it: over a byline or dateline, the group opens the next story. Not a byline
    /// standing straight under headline lines ([`opened`]), which opened the story.
    Closed,
    /// Extra blank lines before a headline mark a new story on the page; so does a
    /// headline printed flush left under paragraphs that keep their indentation
    /// ([`indent_gap`]), or one under a story's sidebar ([`after_sidebar`]).
    Gap,
    /// A headline tagged as an addendum to the story above it (`…（延伸阅读）`, `…（编后）`,
    /// [`is_addendum_head`]): a part of that story, under its own head.
    Addendum,
    /// A headline over a byline over plain text, after an article without a dateline and
    /// without a `——` subheadline: perhaps the first item of a round-up (the model weighs
    /// in), a story by default.
    Bylined,
    /// A headline over a byline or a dateline (or the date under a speech's title) opens a
    /// story, unless a byline straight under headline lines stands before it ([`opened`]).
    Strong,
    /// Headline lines straight after headline lines, with no text between: a listing or a
    /// table, not a run of articles without bodies.
    Nobody,
    /// Lines numbered alike (`1.` `2.`, `一、` `二、`, `（1）` `（2）`): the items of a list
    /// printed in the story (a programme, a list of measures or of winners), never a run of
    /// headlines, even after a story's end mark ([`numbered_alike`]).
    Numbered,
    /// More headline-like lines than a group holds, run on without a break: a listing
    /// inside the article, unless a `——` subheadline or a label marks a headline.
    Listing,
    /// A deputy's or member's item (`湘江市市长李明代表：` over its headline) after another
    /// that opened the same way, with no round-up's name over it: papers print each
    /// speaker's item as a piece of its own, where items under a name (`代表委员谈民生`,
    /// `发言席`) make one piece ([`is_speaker`]).
    Speaker,
    /// After the credit of a compiled piece (`…整理`, `（…编译）`) that names no teller before
    /// it (no `…讲述` line), a single headline straight over its text, with no speaker's or
    /// author's line under it: a piece of its own. A collection names each item's teller
    /// or speaker (`张明代表：`, `（挪威）…`, `讲述人：…`, `…讲述` over the credit); a speech
    /// or article written up by a reporter prints its headline over its text alone.
    Nameless,
    /// After the credit of a compiled piece (`…整理`, `（…编译）`): the next item of the same
    /// collection, unless a subheadline or a photo label opens another, or a column tag
    /// (`…（人民时评）`, `…（服务窗）`): papers tag each piece of a column, so a tagged
    /// headline opens a piece of its own ([`Rule::AfterEnd`]) even straight under a credit.
    Compiled,
    /// A group marked as a headline (`■`, `——` subheadlines, a kicker ending in `：`).
    Marked,
    /// A `——` subheadline printed over its headline as a lead-in line, after text that ends
    /// a sentence (`——记乡村医生李华` over `山村来了新医生` over the story): a story of its
    /// own, as the subheadline under a headline marks one ([`Rule::Marked`]). Not a
    /// quote's speaker (`——县委书记王明`) over the next quote's first line, which runs on
    /// (a comma clause, cut at a column break) or leads into another line ([`dash_lead_in`]).
    DashLeadIn,
    /// After the notes that close a story (`记者手记`, `编后` as its last section head, with
    /// its text): a headline opens the next story, unless a line of it runs clauses on
    /// (`深入基层，法眼看世界；…`), as a pull quote or a cut paragraph does.
    AfterNotes,
    /// After the line a meeting's report closes with (`…王明参加会议。`, `会议同时研究了其他
    /// 事项。`, [`closes_meeting`]): a headline opens the next story. Not the report's own
    /// next paragraph cut at a column break (`会议指出，…`, `会议听取了…`, opening with
    /// `会议`) or a note on it in brackets (`（全文见第三版）`), nor a line running clauses
    /// on (`…主任李华，副主任王明，…`), as a list of names does.
    AfterMeeting,
    /// A single line over a paragraph opening with a day: a photo item, unless the text
    /// goes on with the story before (then it is a section head).
    Photo,
    /// A reporter's notes printed straight after the story (`…（记者手记）`, no credit
    /// between): part of it.
    Notes,
    /// After a byline standing straight under headline lines, with no text between (the
    /// byline opened that story or one of its sections): the group is a head or deck inside
    /// it, not a story after one that ended.
    Opened,
    /// After a line an article ends with: a new article, unless a single section head.
    AfterEnd,
    /// A headline printed with its column's name in brackets (`干出新气象（快评）`,
    /// `回家，一路有你（评论员观察）`) as the group's first line, straight under text that
    /// ends a sentence: papers tag each piece of a column, so it opens a piece of its own,
    /// whatever the vocabulary it shares with the story above ([`column_head`]). Not a
    /// sidebar's tag (`（链接）`, `（小贴士）`), nor a paragraph's line that happens to close
    /// on a bracket (`……每个村（社区）`).
    Column,
    /// A group closing on its series' tag, a bracketed motto the page prints on another
    /// headline too (`巡河更勤快 护河更用心（河湖保护，我们在行动）`, [`Fact::series_tag`]):
    /// papers tag each piece of a series so, and each opens a piece of its own, as a column's
    /// do ([`Rule::Tagged`]), over a kicker naming its place (`湘江市城西区`) or not.
    SeriesTag,
    /// A group with a column tag opens an article.
    Tagged,
    /// A single line over a caption and a photo credit: a photo item of its own.
    PhotoItem,
    /// A dash lead-in naming whom or where a part tells of, alone or over one head line, over
    /// text with neither dateline nor byline, under a story whose text so far is no more than
    /// a few lines introducing its parts ([`PART_INTRO`]), when the next lead-in down the page,
    /// before any dateline or byline, is about as wide ([`Group::opens_parts`]): the first
    /// part of a story told in parts, in it; [`Rule::Part`] then reads the parts after it.
    FirstPart,
    /// A dash lead-in naming whom or where a part tells of (`云岭县河湾村第一书记李建华——`),
    /// alone or over one head line, over text with neither dateline nor byline
    /// ([`Fact::part_lead_in`]), in a story that opened with its first part so, before any
    /// of its text but a few lines introducing the parts (under its headline or byline, or
    /// ending its opening credit `本报讯（记者 X）湘江村——`), and whose nearest lead-in is
    /// about as wide ([`Group::parted`]): the story is told in parts, each headed alike, and
    /// this is its next part. A story of its own under a like kicker opens with its own credit or
    /// dateline ([`Rule::Strong`]), or follows a story that did not open so.
    Part,
    /// In an article with section heads: another section head, unless a longer line over a
    /// shorter one (a kicker and headline) over text that tells another story.
    Heads,
    /// A line over more headline-like lines, or broken by two commas: cut text or a listing.
    RunOn,
    /// A single line in an article still short: a section head.
    Short,
    /// Otherwise, a new article when the text after the group shares little vocabulary with
    /// the text before.
    Cohesion,
}

impl Rule {
    /// The rules in the order they are tried; the first that fires decides.
    pub(crate) const ORDER: [Rule; 39] = [
        Rule::First,
        Rule::Open,
        Rule::Signed,
        Rule::Abstract,
        Rule::DatedLeadIn,
        Rule::EditorsNote,
        Rule::Noted,
        Rule::Credited,
        Rule::Series,
        Rule::Briefs,
        Rule::Closed,
        Rule::Gap,
        Rule::Addendum,
        Rule::Bylined,
        Rule::Strong,
        Rule::Nobody,
        Rule::Numbered,
        Rule::Listing,
        Rule::Speaker,
        Rule::Nameless,
        Rule::Compiled,
        Rule::Marked,
        Rule::DashLeadIn,
        Rule::AfterNotes,
        Rule::AfterMeeting,
        Rule::Photo,
        Rule::Notes,
        Rule::Opened,
        Rule::AfterEnd,
        Rule::Column,
        Rule::SeriesTag,
        Rule::Tagged,
        Rule::PhotoItem,
        Rule::FirstPart,
        Rule::Part,
        Rule::Heads,
        Rule::RunOn,
        Rule::Short,
        Rule::Cohesion,
    ];

    /// The rule's name, as traces and `model.txt` print it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Rule::First => "first",
            Rule::Open => "open",
            Rule::Signed => "signed",
            Rule::Abstract => "abstract",
            Rule::DatedLeadIn => "dated_lead_in",
            Rule::EditorsNote => "editors_note",
            Rule::Noted => "noted",
            Rule::Credited => "credited",
            Rule::Series => "series",
            Rule::Briefs => "briefs",
            Rule::Closed => "closed",
            Rule::Gap => "gap",
            Rule::Addendum => "addendum",
            Rule::Bylined => "bylined",
            Rule::Strong => "strong",
            Rule::Nobody => "nobody",
            Rule::Numbered => "numbered",
            Rule::Listing => "listing",
            Rule::Speaker => "speaker",
            Rule::Nameless => "nameless",
            Rule::Compiled => "compiled",
            Rule::Marked => "marked",
            Rule::DashLeadIn => "dash_lead_in",
            Rule::AfterNotes => "after_notes",
            Rule::AfterMeeting => "after_meeting",
            Rule::Photo => "photo",
            Rule::Notes => "notes",
            Rule::Opened => "opened",
            Rule::AfterEnd => "after_end",
            Rule::Column => "column",
            Rule::SeriesTag => "series_tag",
            Rule::Tagged => "tagged",
            Rule::PhotoItem => "photo_item",
            Rule::FirstPart => "first_part",
            Rule::Part => "part",
            Rule::Heads => "heads",
            Rule::RunOn => "run_on",
            Rule::Short => "short",
            Rule::Cohesion => "cohesion",
        }
    }

    /// Whether the rule fires on `g`, and if so whether the group opens an article.
    fn says(self, g: &Group) -> Option<bool> {
        let cur = g.cur;
        let fire = |when: bool, says: &dyn Fn() -> bool| when.then(says);
        match self {
            Rule::First => fire(cur.is_none(), &|| true),
            Rule::Open => fire(
                cur.is_some_and(Builder::is_open) && !sidebar_text(g.bs, g.i),
                &|| false,
            ),
            Rule::Signed => {
                let signed = g.len() == 1 && g.fact(g.j).is_some_and(|f| f.tail);
                fire(signed && cur.is_some_and(Builder::has_body), &|| false)
            }
            Rule::Abstract => fire(g.next().is_some_and(|n| is_abstract_label(n.text)), &|| {
                true
            }),
            Rule::DatedLeadIn => fire(g.len() >= 2 && is_dated_note(g.lines()[0]), &|| true),
            Rule::EditorsNote => fire(
                g.next().is_some_and(|n| opens_editors_note(n.text)),
                &|| true,
            ),
            Rule::Noted => fire(
                g.opening.reports && g.bylined && g.gap() < WIDE_GAP,
                &|| false,
            ),
            Rule::Credited => {
                let credits = g.profile.credits_under() || g.profile.credits_after();
                fire(g.strong && credits && g.bylined, &|| true)
            }
            Rule::Series => fire(
                g.strong && g.opening.bylined && g.bylined && g.gap() < WIDE_GAP && !g.closed,
                &|| false,
            ),
            Rule::Briefs => {
                let undated = g.fact(g.j).is_some_and(|n| n.dateline == Some(false));
                let named = g.i > 0 && credits_a_name(g.bs[g.i - 1].text);
                let item = g.opening.round_up && g.gap() < WIDE_GAP || undated && named;
                fire(g.strong && item && !g.tagged, &|| false)
            }
            Rule::Closed => fire(g.strong && g.closed && !g.opened_story(), &|| true),
            Rule::Gap => fire(
                g.gap() >= WIDE_GAP
                    || indent_gap(g.bs, g.facts, g.i)
                    || after_sidebar(g.bs, g.facts, g.i),
                &|| true,
            ),
            Rule::Addendum => {
                let addendum = g.lines().last().is_some_and(|l| is_addendum_head(l));
                fire(addendum && cur.is_some_and(Builder::has_body), &|| false)
            }
            Rule::Bylined => {
                let subheaded = g.lines().iter().any(|l| l.contains("——"));
                let undated = cur.is_some_and(|c| c.article.dateline.is_none());
                fire(g.strong && g.bylined && !subheaded && undated, &|| true)
            }
            Rule::Strong => fire(g.strong && !(g.after_end && g.opened_story()), &|| true),
            Rule::Nobody => fire(!cur.is_some_and(Builder::has_body), &|| false),
            Rule::Numbered => fire(numbered_alike(g.lines()), &|| false),
            Rule::Listing => {
                let more = g
                    .next()
                    .zip(g.fact(g.j))
                    .is_some_and(|(n, f)| n.gap < WIDE_GAP && f.shape);
                let when = g.len() == MAX_GROUP && more && !is_subheaded_or_labelled(g.lines());
                fire(when, &|| false)
            }
            Rule::Speaker => {
                let when = g.opening.speaker && is_speaker(g.lines()[0]);
                fire(when && cur.is_some_and(Builder::has_body), &|| true)
            }
            Rule::Nameless => {
                let when = g.after_end
                    && compiled(g.bs[g.i - 1].text)
                    && !g.tagged
                    && nameless(g.bs, g.facts, g.i, g.j);
                fire(when, &|| true)
            }
            Rule::Compiled => {
                let when = g.after_end
                    && compiled(g.bs[g.i - 1].text)
                    && !is_subheaded_or_labelled(g.lines())
                    && !g.tagged;
                fire(when, &|| false)
            }
            Rule::Marked => fire(is_marked_group(g.lines()), &|| true),
            Rule::DashLeadIn => {
                let under_text =
                    g.i > 0 && g.facts[g.i - 1].is_text() && line_ends_sentence(g.bs[g.i - 1].text);
                let over_text = g.fact(g.j).is_some_and(|f| f.is_text() && !f.head_like);
                let when = under_text && over_text && !g.tagged && dash_lead_in(g.lines());
                fire(when && !after_speaker(g.bs, g.facts, g.i), &|| true)
            }
            Rule::AfterNotes => {
                let notes = cur.is_some_and(|c| c.in_notes() && c.has_body());
                let clauses = g.lines().iter().any(|l| l.contains(['，', '；']));
                fire(notes && !clauses, &|| true)
            }
            Rule::AfterMeeting => {
                let closed =
                    g.i > 0 && g.facts[g.i - 1].is_text() && closes_meeting(g.bs[g.i - 1].text);
                let lines = g.lines();
                // A bracketed note (`（全文见第三版）`) goes with the report too.
                let first = trim(lines[0]);
                let goes_on = first.starts_with("会议")
                    || first.starts_with(['（', '('])
                    || lines.iter().any(|l| l.matches('，').count() >= 2);
                fire(
                    closed && !goes_on && cur.is_some_and(Builder::has_body),
                    &|| true,
                )
            }
            Rule::Photo => {
                let photo_news = g.len() == 1 && g.fact(g.j).is_some_and(|n| n.opening_day);
                fire(photo_news, &|| (g.cohesion)() < PHOTO_COHESION)
            }
            Rule::Notes => {
                let notes = g.len() == 1
                    && closing_note(g.bs[g.i].text).is_some_and(|(_, tag)| staff_column(tag));
                fire(notes && !g.after_end, &|| false)
            }
            Rule::Opened => fire(g.after_end && g.opened, &|| false),
            Rule::AfterEnd => fire(g.after_end, &|| {
                !(g.len() == 1 && is_section_head(g.bs[g.i].text) && !g.tagged)
            }),
            Rule::Column => {
                let under_text =
                    g.i > 0 && g.facts[g.i - 1].is_text() && line_ends_sentence(g.bs[g.i - 1].text);
                let when = under_text && g.facts[g.i].column_tag && column_head(g.bs[g.i].text);
                fire(when && cur.is_some_and(Builder::has_body), &|| true)
            }
            Rule::SeriesTag => fire(g.facts[g.i..g.j].iter().any(|f| f.series_tag), &|| true),
            Rule::Tagged => fire(g.tagged, &|| true),
            Rule::PhotoItem => {
                let credit =
                    g.bs.iter()
                        .skip(g.j + 1)
                        .take(2)
                        .any(|b| is_photo_credit(b.text));
                fire(g.len() == 1 && credit, &|| true)
            }
            Rule::FirstPart => fire(g.part_lead_in() && g.opens_parts(), &|| false),
            Rule::Part => fire(g.part_lead_in() && g.parted(), &|| false),
            Rule::Heads => fire(cur.is_some_and(|c| c.heads() > 0), &|| {
                // Section heads come one line at a time; a longer line over a shorter one
                // is a kicker over a headline, when the text after them tells another
                // story.
                let lines = g.lines();
                let kicker_pair = g.len() == 2
                    && !lines[0].ends_with("——")
                    && width(lines[0]) > width(lines[1]) + 2;
                kicker_pair && g.unrelated()
            }),
            Rule::RunOn => {
                let listing = g.fact(g.j).is_some_and(|n| n.shape);
                // A line broken by two commas is more likely a paragraph cut at a column
                // break.
                let run_on = g.lines().iter().any(|l| l.matches('，').count() >= 2);
                fire(listing || run_on, &|| false)
            }
            Rule::Short => {
                let short = cur.is_some_and(|c| c.span_len() < LONG_ARTICLE);
                fire(g.len() < 2 && short, &|| false)
            }
            Rule::Cohesion => Some(g.unrelated()),
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How the current article opened.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Opening {
    /// With a byline over plain text, as each story of a series does (`本报记者 王明` over
    /// its text, without a dateline).
    pub(crate) bylined: bool,
    /// With a round-up's name over the first item's headline (`速览`).
    pub(crate) round_up: bool,
    /// With an editor's note under its headline (`——编 者`, `编者按：…`), before any byline:
    /// the note introduces the reports under it ([`Rule::Noted`]).
    pub(crate) noted: bool,
    /// With a first report under the note, its headline over its own byline.
    pub(crate) reports: bool,
    /// With a deputy's or member's line as its first line (`湘江市市长李明代表：`), no
    /// round-up's name over it, nor straight after one read as an article without text
    /// ([`Rule::Speaker`]).
    pub(crate) speaker: bool,
}

/// A group of headline-like blocks `i..j` in its place, as the rules read it.
pub(super) struct Group<'a, 'p> {
    pub(crate) bs: &'a [Block<'p>],
    pub(crate) facts: &'a [Fact],
    pub(crate) i: usize,
    pub(crate) j: usize,
    /// The article being assembled, if any.
    pub(crate) cur: Option<&'a Builder>,
    pub(crate) opening: Opening,
    pub(crate) profile: &'a Profile,
    /// The vocabulary shared across the group, worked out when first asked for.
    pub(crate) cohesion: &'a dyn Fn() -> f64,
    /// Over a byline, a dateline, or the date of a speech ([`Rule::Strong`]).
    strong: bool,
    /// Some line of the group has a column tag.
    tagged: bool,
    /// A byline stands straight before the group.
    closed: bool,
    /// The block before the group is one an article ends with.
    after_end: bool,
    /// Over a byline over plain text ([`bylined`]).
    bylined: bool,
    /// The block before the group is a byline straight under headline lines ([`opened`]).
    opened: bool,
    /// The group's lines.
    lines: Vec<&'p str>,
}

impl<'a, 'p> Group<'a, 'p> {
    /// The group `i..j` of `bs`, its facts read.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        bs: &'a [Block<'p>],
        facts: &'a [Fact],
        i: usize,
        j: usize,
        cur: Option<&'a Builder>,
        opening: Opening,
        profile: &'a Profile,
        cohesion: &'a dyn Fn() -> f64,
    ) -> Self {
        let next = bs.get(j);
        let strong = match facts.get(j) {
            Some(f) if f.is_byline() => true,
            // A dateline, or one cut at a column break before its `电` (`本报太原2月9日`),
            // or the date under the title of a speech or a document (`（二〇一九年二月三日）`).
            Some(f) if f.is_text() => next.is_some_and(|n| {
                f.dateline.is_some()
                    || ends_with_day(n.text)
                        && bs.get(j + 1).is_some_and(|m| m.text.starts_with('电'))
                    || is_dated_note(n.text)
            }),
            _ => false,
        } || closing_note(bs[j - 1].text).is_some_and(|(title, note)| {
            // The date printed on the title's line (`…上的讲话 （2019年10月9日，北京）`).
            !title.is_empty() && is_dated_note(note)
        });
        Group {
            bs,
            facts,
            i,
            j,
            cur,
            opening,
            profile,
            cohesion,
            strong,
            tagged: facts[i..j].iter().any(|f| f.column_tag),
            closed: i > 0 && facts[i - 1].is_byline(),
            after_end: i > 0 && facts[i - 1].ends_article,
            bylined: bylined(facts, j),
            opened: opened(bs, facts, i),
            lines: bs[i..j].iter().map(|b| b.text).collect(),
        }
    }

    /// The rule that decides the group, and its decision.
    pub(crate) fn decide(&self) -> (bool, Rule) {
        Rule::ORDER
            .iter()
            .find_map(|&r| r.says(self).map(|s| (s, r)))
            .unwrap_or_else(|| (self.unrelated(), Rule::Cohesion))
    }

    fn next(&self) -> Option<&'a Block<'p>> {
        self.bs.get(self.j)
    }

    fn fact(&self, k: usize) -> Option<&'a Fact> {
        self.facts.get(k)
    }

    fn gap(&self) -> usize {
        self.bs[self.i].gap
    }

    /// A byline stands straight under headline lines before the group ([`opened`]), and
    /// was printed on its own line, not set off after a line of text (`…讲述  记者  X`).
    fn opened_story(&self) -> bool {
        self.opened && !self.fact(self.i - 1).is_some_and(|f| f.tail)
    }

    fn len(&self) -> usize {
        self.j - self.i
    }

    fn lines(&self) -> &[&'p str] {
        &self.lines
    }

    /// The article so far has text and opened with its first part: a part's lead-in
    /// ([`Fact::part_lead_in`]) past its first line, before any of its text but its credit
    /// (under its headline, its byline, or ending the credit paragraph) and a few lines
    /// introducing the parts ([`PART_INTRO`]), as a story told in parts prints its headline
    /// over them all. The nearest lead-in is about as wide as the group's first line
    /// ([`PART_WIDTH_RATIO`]): the parts of one story are headed alike.
    fn parted(&self) -> bool {
        let Some(start) = self.cur.filter(|c| c.has_body()).and_then(Builder::start) else {
            return false;
        };
        let Some(first) = (0..self.i)
            .rev()
            .take_while(|&k| self.bs[k].start >= start)
            .last()
        else {
            return false;
        };
        let f = |k: usize| &self.facts[k];
        // Text before the first part: an introduction, short (an editor's few lines).
        let mut intro = 0;
        let opened = (first..self.i)
            .take_while(|&k| {
                if k > first && !f(k).head_like && !f(k).part_lead_in && f(k).is_text() {
                    intro += self.bs[k].end - self.bs[k].start;
                }
                intro <= PART_INTRO
            })
            .any(|k| k > first && f(k).part_lead_in);
        let nearest = (first + 1..self.i).rev().find(|&k| f(k).part_lead_in);
        opened && nearest.is_some_and(|k| self.headed_alike(k))
    }

    /// The lead-in of block `k` is about as wide as the group's first line
    /// ([`PART_WIDTH_RATIO`]): the parts of one story are headed alike.
    fn headed_alike(&self, k: usize) -> bool {
        let (a, b) = (
            lead_in_width(self.bs[k].text),
            lead_in_width(self.bs[self.i].text),
        );
        a.max(b) <= PART_WIDTH_RATIO * a.min(b).max(1)
    }

    /// The group is a part's lead-in, alone or over one head line.
    fn part_lead_in(&self) -> bool {
        self.facts[self.i].part_lead_in
            && (self.len() == 1 || self.len() == 2 && !self.facts[self.i + 1].part_lead_in)
    }

    /// The article so far is a headline over no more text than a few lines introducing
    /// parts ([`PART_INTRO`]), with no part yet, and the next lead-in down the page, before
    /// any dateline or byline, is about as wide as the group's ([`PART_WIDTH_RATIO`]): the
    /// group opens the first of the story's parts.
    fn opens_parts(&self) -> bool {
        let Some(start) = self.cur.and_then(Builder::start) else {
            return false;
        };
        let f = |k: usize| &self.facts[k];
        let mut intro = 0;
        for k in (0..self.i).rev().take_while(|&k| self.bs[k].start >= start) {
            if f(k).part_lead_in {
                return false;
            }
            if !f(k).head_like && f(k).is_text() {
                intro += self.bs[k].end - self.bs[k].start;
            }
        }
        if intro > PART_INTRO {
            return false;
        }
        // A byline or dateline under the group, or before the next lead-in, ends the search.
        (self.j..self.bs.len())
            .take_while(|&k| !f(k).is_byline() && f(k).dateline.is_none())
            .find(|&k| f(k).part_lead_in)
            .is_some_and(|k| self.headed_alike(k))
    }

    /// The text after the group shares little vocabulary with the text before.
    fn unrelated(&self) -> bool {
        (self.cohesion)() < NEW_TOPIC_COHESION
    }
}

/// How many times wider than another one part's lead-in may be ([`Rule::Part`]): the
/// lead-ins of one story's parts each name a person or a place (`李建华——`,
/// `湘江市城西区青年志愿服务队——`); a story of its own leads in with a clause of any
/// width.
const PART_WIDTH_RATIO: usize = 2;

/// The most chars of text a story told in parts prints before its first part: a few lines
/// introducing the parts ([`Rule::Part`]); a story's own text runs longer before the next
/// story's kicker.
const PART_INTRO: usize = 400;

/// The width of a dash lead-in, past any credit it is printed after on one line
/// (`本报讯（记者 王明）湘江村——`, [`named_lead_in`]).
fn lead_in_width(line: &str) -> usize {
    width(named_lead_in(line).unwrap_or(line))
}

/// True when block `j`, under a headline group, is a byline over plain text rather than
/// over a dateline.
pub(super) fn bylined(facts: &[Fact], j: usize) -> bool {
    facts.get(j).is_some_and(Fact::is_byline)
        && facts.get(j + 1).is_none_or(|n| n.dateline.is_none())
}

/// True when the block before `i` is a reporter's byline standing straight under headline
/// lines, with no text between (`“夫妻搭档”的默契` / `本报记者  陈  晓`): it opened a story
/// or a section rather than closing one. Not a photo credit, which closes a picture.
pub(super) fn opened(bs: &[Block], facts: &[Fact], i: usize) -> bool {
    i >= 2 && facts[i - 1].is_byline() && !is_photo_credit(bs[i - 1].text) && facts[i - 2].head_like
}

/// True when the block before `i` stands straight under a text label (`相关链接`, `延伸阅读`,
/// `编者按`): a sidebar's summary or a pull quote, which papers print without a stop, so
/// it ending mid-sentence is no sign of a paragraph cut at a column break.
pub(super) fn sidebar_text(bs: &[Block], i: usize) -> bool {
    i >= 2 && bs[i - 1].gap < WIDE_GAP && is_text_label(bs[i - 2].text)
}

/// True when the group at `i` is printed flush left straight under an indented paragraph
/// that ends a sentence (`　　……阻击战。` / `车间赶制新订单`), on a page that indents most of
/// its paragraphs: there (an e-paper dump) the indent parts text from headlines, as extra
/// blank lines do elsewhere. A paragraph cut at a column break goes on flush left too, but
/// mid-sentence ([`Rule::Open`] comes first); a text label (`延伸阅读`) is a story's own
/// sidebar.
pub(super) fn indent_gap(bs: &[Block], facts: &[Fact], i: usize) -> bool {
    let under_indented =
        |k: usize| bs[k].space_before && facts[k].is_text() && line_ends_sentence(bs[k].text);
    i >= 1
        && !bs[i].space_before
        && under_indented(i - 1)
        && !is_text_label(bs[i].text)
        && indents_paragraphs(bs, facts)
}

/// True when the group at `i` stands under a story's sidebar: a text label (`相关链接`,
/// `延伸阅读`) over one paragraph that ends a sentence. Papers print the sidebar last, so
/// the headline after it opens the next story ([`sidebar_text`] reads the label).
pub(super) fn after_sidebar(bs: &[Block], facts: &[Fact], i: usize) -> bool {
    i >= 2
        && facts[i - 1].is_text()
        && !facts[i - 1].head_like
        && line_ends_sentence(bs[i - 1].text)
        && sidebar_text(bs, i)
        && is_sidebar_label(bs[i - 2].text)
        && !labelled_item(bs[i].text)
}

/// The widest title a [`Rule::Column`] headline prints before its bracketed tag, in chars:
/// a longer line closing on a bracket is a paragraph's (`……增补委员候选人名单（草案）`).
const COLUMN_TITLE: usize = 20;

/// Tags that label a story's own tips, printed under it (`怎样挑选花卉（小贴士）`), beside
/// the sidebar labels of [`is_sidebar_label`].
const TIP_TAGS: [&str; 2] = ["小贴士", "小知识"];

/// True when `line` reads as a headline in its column: a short title, of one clause or two,
/// before a bracketed tag that is no sidebar's (`干出新气象（快评）`, `守望相助，共迎春天（和音）`).
/// Not a label's line (`附件：…（见图）`, `摄影：…`), an enumerated clause or a table's
/// title (`三、批准任命…（女）`, `第三十六条…`, `表1…`), nor one opening with a figure
/// (`2019年是晨光电子（江城）`, a paragraph cut at a column break).
pub(super) fn column_head(line: &str) -> bool {
    let line = label(line);
    let Some((title, note)) = closing_note(line) else {
        return false;
    };
    let tag = note
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    let title = trim(title);
    // Commas outside quotes: a quoted headline may hold its own (`“我建议，…一定要去看看”`).
    let mut quoted = false;
    let mut commas = 0;
    for c in title.chars() {
        match c {
            '“' => quoted = true,
            '”' => quoted = false,
            '，' if !quoted => commas += 1,
            _ => {}
        }
    }
    let numbered = title.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        || title
            .strip_prefix('表')
            .is_some_and(|t| trim(t).starts_with(|c: char| c.is_ascii_digit()))
        || title.starts_with('第') && title.chars().take(6).any(|c| c == '条')
        || title.chars().take(3).any(|c| c == '、');
    !title.is_empty()
        && !title.starts_with("——")
        && !line.contains(['：', ':'])
        && !is_sidebar_label(tag)
        && !TIP_TAGS.contains(&tag)
        && width(title) <= COLUMN_TITLE
        && commas <= 1
        && !numbered
}

/// The widest headline a [`Rule::DashLeadIn`] group prints with a comma in it, in chars: a
/// longer line holding one is a quote's first line, run on from its speaker's.
const DASH_LEAD_IN_COMMA: usize = 18;

/// True when `lines` are a `——` lead-in line over one headline line (`——记乡村医生李华` /
/// `山村来了新医生`): the headline neither leads into another line (`王明——`, `…：`) nor
/// reads as speech or a clause run on (`……在会上说`, `我们相信，只要人人都肯出力，就`).
pub(super) fn dash_lead_in(lines: &[&str]) -> bool {
    let [lead, head] = lines else {
        return false;
    };
    let head = trim(head);
    let commas = head.matches('，').count();
    trim(lead).starts_with("——")
        && !head.starts_with("——")
        && !head.ends_with(['—', '：', ':', '说', '，'])
        && (commas == 0 || commas == 1 && width(head) <= DASH_LEAD_IN_COMMA)
}

/// Text blocks [`after_speaker`] reads back from a group, at most.
const SPEAKER_LOOKBACK: usize = 8;

/// True when a quote's speaker (`——县委书记王明`: a line opening with `——` straight under
/// text, not under a headline as a subheadline is) stands among the blocks before `i`,
/// back to the nearest other headline line: the page prints a round of quotes, each signed
/// so, and the `——` line at `i` signs the next one.
fn after_speaker(bs: &[Block], facts: &[Fact], i: usize) -> bool {
    let signs = |k: usize| trim(bs[k].text).starts_with("——");
    (1..i)
        .rev()
        .take(SPEAKER_LOOKBACK)
        .take_while(|&k| !facts[k].head_like || signs(k))
        .any(|k| signs(k) && facts[k - 1].is_text() && !facts[k - 1].head_like)
}

/// A line led by a short label and a colon (`案例一：“内鬼”倒卖客户资料`): the next item of
/// the sidebar, not a story's headline.
fn labelled_item(line: &str) -> bool {
    line.chars()
        .take(LABEL_CHARS + 1)
        .any(|c| c == '：' || c == ':')
}

/// The longest label before a colon that [`labelled_item`] reads, in chars.
const LABEL_CHARS: usize = 5;

/// Two or more lines, each opening with a number in the same form (`1.` `2.`, `一、`
/// `二、`, `（一）` `（二）`): a numbered list ([`Rule::Numbered`]).
fn numbered_alike(lines: &[&str]) -> bool {
    let f = form(lines[0]);
    lines.len() >= 2
        && matches!(f, Form::Numbered | Form::Bracketed | Form::Digits)
        && lines.iter().all(|l| form(l) == f)
}

/// The credit of a piece written down or translated by the paper's staff: `…整理`,
/// `（本报记者张明采访整理）`, `（…本报记者李华编译）`.
fn compiled(line: &str) -> bool {
    let line = trim(line);
    let line = line.strip_suffix(['）', ')']).unwrap_or(line);
    line.ends_with("整理") || line.ends_with("编译")
}

/// The least width of the paragraph under a [`Rule::Nameless`] headline, in chars: a
/// shorter line is an author's or speaker's (`（日本）田中一郎`), not the piece's text.
const NAMELESS_TEXT: usize = 16;

/// True when the group `i..j`, straight under a compiled piece's credit at `i - 1` (`…整理`,
/// not a translation's), is one headline line over the text of a piece that names no one:
/// no colon leads it into a speaker or label (`张明代表：`, `讲述人：…`), it is no speaker's
/// line (`李华委员`, or a name with the post in brackets), no teller signs the piece before
/// the credit (`…村民王明讲述`), and a paragraph of text, not a name, stands under it.
fn nameless(bs: &[Block], facts: &[Fact], i: usize, j: usize) -> bool {
    let line = trim(bs[i].text);
    // A translated piece's credit names the paper it comes from (`原题为《…》，…编译`): the
    // next piece is the collection's next excerpt.
    let translated = bs[i - 1].text.contains("编译");
    let told = i >= 2 && is_teller(bs[i - 2].text);
    let text_under = bs.get(j).zip(facts.get(j)).is_some_and(|(b, f)| {
        f.is_text() && !f.head_like && f.dateline.is_none() && width(b.text) >= NAMELESS_TEXT
    });
    j == i + 1
        && !translated
        && !told
        && !line.contains(['：', ':'])
        && !line.contains("讲述")
        // A name with the post in brackets (`李华委员（湘江大学教授）`) is the speaker's line.
        && !line.ends_with(['）', ')'])
        && !is_speaker(line)
        && !is_subheaded_or_labelled(&[line])
        && text_under
}

/// A brief's closing credit: one or more names in brackets (`（陈 晓）`, `（赵 敏 李 华）`),
/// each at most [`NAME`] chars. A bracketed note that runs longer without a break is no
/// name but a story's closing note (`（作者为驻外使节）`, `（相关报道见第五版）`,
/// `（李华参与采写）`): the story under its own headline after it is no brief's next item.
fn credits_a_name(line: &str) -> bool {
    let Some(inner) = bracketed(line) else {
        return false;
    };
    let han = inner.chars().filter(|&c| is_han(c)).count();
    (2..=12).contains(&han)
        && inner.chars().all(|c| is_han(c) || is_space(c) || c == '、')
        && inner
            .split(|c: char| is_space(c) || c == '、')
            .all(|name| name.chars().count() <= NAME)
        && !STORY_ROLES.iter().any(|r| inner.contains(r))
}

/// The most chars of one name in a brief's closing credit (a two-char surname and a
/// two-char given name).
const NAME: usize = 4;

/// Roles that make a bracketed credit a story's byline (`（本报记者 陈晓）`, printed after
/// the story as papers that credit at the end do), not a brief's closing name.
const STORY_ROLES: [&str; 3] = ["记者", "通讯员", "实习生"];

/// The name of a round-up of briefs, printed over the first item's headline: `速览`,
/// `资讯速递`, `财经短波`, `数读`, `速览·国庆假期`. Not `…一线`: `2019春运一线` is a round-up,
/// `抗疫一线` a kicker.
pub(super) fn is_round_up(line: &str) -> bool {
    const NAMES: [&str; 10] = [
        "速览", "速递", "快讯", "简讯", "短讯", "短波", "资讯", "数读", "阅读", "集萃",
    ];
    (2..=8).contains(&width(line))
        && line
            .chars()
            .all(|c| is_han(c) || c.is_ascii_digit() || c == '·')
        && NAMES.iter().any(|n| line.contains(n))
}

#[cfg(test)]
mod tests {
    use super::super::{split_logged, split_page_with};
    use super::*;

    /// A page where `rule` decides the group opening with `line`, and what it says.
    type Case<'a> = (Rule, &'a str, &'a str, bool);

    /// Each rule fires where it should: the group, what the rule says, and no rule before
    /// it in the order fires there.
    #[test]
    fn each_rule_fires_where_it_should() {
        let table: Vec<Case> = vec![
            (Rule::First, "区委召开会议\n\n湘江日报讯 3月2日，区委召开会议。\n", "区委召开会议", true),
            (Rule::Open, "园区建设提速\n\n园区新厂房今年开工建设，园区内的各家企业纷纷加快生产进度，力争早日\n\n投产\n\n湘江日报记者 王明\n", "投产", false),
            (Rule::Signed, "河边人家\n\n大年三十，河边人家贴春联。\n\n河边人家的年夜饭  湘江日报记者  李华\n\n社区菜场重新开门\n\n湘江日报记者  张三\n\n昨天一早，社区菜场重新开门迎客。\n", "河边人家的年夜饭", false),
            (Rule::Abstract, "河道之治\n\n河道保护要落到每一段堤岸。\n\n守好堤岸\n\n河道面貌逐年向好。\n\n让河水更清更亮\n\n内容提要\n\n让河水更清更亮，河道保护要落到每一段堤岸。\n\n守护一条河，就是守护一座城。\n", "让河水更清更亮", true),
            (Rule::DatedLeadIn, "河边新景\n\n3月1日，市民在河边散步。\n\n（2021年3月2日湘江市第九届人大常委会第5次会议通过）\n\n湘江市关于加强河道保护的决定\n\n为了加强河道保护，改善河边环境，制定本决定。\n", "（2021年3月2日湘江市第九届人大常委会第5次会议通过）", true),
            (Rule::EditorsNote, "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n河边人家过年更热闹\n\n编者按：春节将至，本报记者走进河边人家，记录他们的新年。\n\n大年三十，河边人家贴春联。\n", "河边人家过年更热闹", true),
            (Rule::Noted, "春耕一线见闻\n\n春耕时节，本版记者走进田间地头，记录农忙中的新气象。\n\n——编 者\n\n园区农机合作社——\n\n检修农机 就等下地\n\n湘江日报记者 王明\n\n合作社的农机手们正在检修拖拉机，准备下地。\n\n农技员李华——\n\n送技上门 促农增收\n\n湘江日报记者 赵云\n\n李华走进大棚，为种植户查看黄瓜长势。\n", "农技员李华——", false),
            (Rule::Series, "新春走基层\n\n山村小学\n\n迎来新老师\n\n湘江日报记者 王明\n\n开学第一天，孩子们围着老师唱歌跳舞。\n\n河边人家\n\n过年更热闹\n\n湘江日报记者 李华\n\n大年三十，河边人家贴春联。\n", "河边人家", false),
            (Rule::Briefs, "速览\n\n前6天湘江接待游客520万人次\n\n本报长沙10月7日电 （记者王明）记者从湘江市文旅局了解到，前6天全市接待游客520万人次。\n\n前6天湘江出入境游客12万人次\n\n本报长沙10月7日电 （记者李华）记者从湘江海关获悉，出入境游客12万人次。\n", "前6天湘江出入境游客12万人次", false),
            (Rule::Briefs, "资讯速递\n\n城西地铁有了“体检医生”\n\n本报电 近日，城西地铁轨道检测系统投入使用。\n\n（陈 晓）\n\n湘江企业组建品牌联盟\n\n本报电 日前，四十多家企业组建品牌联盟。\n\n（赵敏）\n", "湘江企业组建品牌联盟", false),
            (Rule::Closed, "地铁线路全部恢复运营\n\n昨天上午，全市地铁陆续恢复运营，早高峰客流平稳有序。\n\n本报记者  王明\n\n社区菜场重新开门\n\n■本报记者  张三  李四\n\n昨天一早，社区菜场重新开门迎客。\n", "社区菜场重新开门", true),
            (Rule::Gap, "河边新景\n\n3月1日，市民在河边散步。\n\n新华社发\n\n\n\n湘江市河长办——\n\n守护一江清水\n\n本报长沙2月12日电 （记者王明）湘江市河长办表示将加强巡查。\n", "湘江市河长办——", true),
            (Rule::Addendum, "河边新景\n\n3月1日，市民在河边散步，河边新修的步道迎来不少游客。\n\n步道建设有了新标准（延伸阅读）\n\n日前，湘江市印发新修订的步道建设标准。\n", "步道建设有了新标准（延伸阅读）", false),
            (Rule::Bylined, "谢谢你，河湖守护人\n\n他们守护着一江清水。\n\n湘江市河道巡查员王明：\n\n“这条河越来越干净了”\n\n本报记者  李华\n\n巡查工作越来越细。\n", "湘江市河道巡查员王明：", true),
            (Rule::Strong, "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n小学开学\n\n湘江日报长沙3月2日\n\n电 孩子们围着老师唱歌。\n", "小学开学", true),
            (Rule::Nobody, "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设，一批重点项目相继落地。\n\n稳步推进\n\n园区企业陆续入驻新厂房，一期工程已经投产。\n\n打好发展组合拳（新时代新作为）\n\n——湘江市落实全会精神纪实\n\n4.4万\n\n去年新增经营主体4.4万户\n\n1120\n\n去年高新技术企业达1120家\n\n去年以来，湘江市打好发展组合拳，新增经营主体和科技型企业大幅增加，经济稳中向好。\n", "1120", false),
            (Rule::Numbered, "节目单\n\n湘江日报记者 王明\n\n晚会节目如下。\n\n1.歌舞《春风》\n\n2.相声《新年》\n\n3.小品《回家》\n\n4.魔术《惊喜》\n\n5.合唱《明天》\n\n6.舞蹈《花开》\n", "1.歌舞《春风》", false),
            (Rule::Listing, "节目单\n\n湘江日报记者 王明\n\n晚会节目如下。\n\n歌舞《春风》\n\n相声《新年》\n\n小品《回家》\n\n魔术《惊喜》\n\n合唱《明天》\n\n舞蹈《花开》\n", "歌舞《春风》", false),
            (Rule::Speaker, "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n\n\n江南省湘江市市长李明代表：\n\n稳就业 保民生\n\n稳岗位就是稳民生，我们要把惠企政策落到实处，鼓励企业稳定岗位。\n\n本报记者 王明整理\n\n湘江大学副校长王华委员：\n\n把好事办好\n\n教育关系千家万户，要加大对农村学校的投入，改善办学条件。\n", "湘江大学副校长王华委员：", true),
            (Rule::Nameless, "稳住就业基本盘\n\n稳岗位就是稳民生，我们要把惠企政策落到实处，鼓励企业稳定岗位。\n\n（本报记者 王明整理）\n\n把农村学校办得更好\n\n教育关系千家万户，要加大对农村学校的投入，改善办学条件。\n", "把农村学校办得更好", true),
            (Rule::Compiled, "代表委员谈民生（两会·声音）\n\n张明代表：\n\n稳就业 保民生\n\n稳岗位就是稳民生，我们要把惠企政策落到实处，鼓励企业稳定岗位。\n\n本报记者 王明整理\n\n李华委员：\n\n把好事办好\n\n教育关系千家万户，要加大对农村学校的投入，改善办学条件。\n", "李华委员：", false),
            (Rule::Marked, "代表委员谈民生（两会·声音）\n\n稳岗位就是稳民生。\n\n本报记者 王明整理\n\n图片报道\n\n5月22日，代表委员步入会场。\n", "图片报道", true),
            (Rule::Heads, "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n稳步推进\n\n园区企业陆续入驻新厂房，一期工程已经投产。\n\n“园区这几年的发展，离不开每一位建设者的辛勤付出，大家辛苦了。”\n\n——园区管理处主任王明\n\n“新厂房投产以后，我们的产能翻了一番，订单已经排到了年底。”\n\n——园区企业负责人张华\n\n新厂房投产 订单排满\n\n园区企业陆续入驻新厂房，一期工程已经投产。\n", "——园区企业负责人张华", false),
            (Rule::DashLeadIn, "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n稳步推进\n\n园区企业陆续入驻新厂房，一期工程已经投产。\n\n——记乡村医生李华\n\n山村来了新医生\n\n开学第一天，乡村医生李华走进山村卫生室。\n", "——记乡村医生李华", true),
            (Rule::AfterNotes, "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设，园区企业加快生产。\n\n■记者手记\n\n园区企业的干劲，来自一项项落到实处的政策。\n\n小学开学\n\n孩子们围着老师唱歌跳舞。\n", "小学开学", true),
            (Rule::AfterMeeting, "市政府召开常务会议\n\n湘江日报讯 3月2日，市政府召开常务会议，研究部署春耕生产工作。\n\n会议指出，要抓好春耕备耕，确保不误农时。\n\n会议同时研究了其他事项。\n\n让农机早点下地\n\n春耕时节，各地农机合作社忙着检修农机，准备下地。\n", "让农机早点下地", true),
            (Rule::Photo, "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设，园区企业加快生产。\n\n新厂房加快建设\n\n3月1日，园区新厂房封顶，园区企业陆续入驻新厂房。\n", "新厂房加快建设", false),
            (Rule::Notes, "为外来务工人员讨说法\n\n本报记者 王明\n\n湘江市人大代表李华一连几天都忙到晚上10点多，为外来务工人员奔走。\n\n把心贴近群众（记者手记）\n\n无论是上门走访还是电话沟通，李华总是耐心细致。\n", "把心贴近群众（记者手记）", false),
            (Rule::Opened, "农场家书\n\n一封封家书记录下春耕一线的故事，写给远方的亲人。\n\n“夫妻搭档”的默契\n\n本报记者  陈  晓\n\n一封写给丈夫的“检讨书”\n\n亲爱的：对不住！说好回家过年，我又留在了农场。\n", "一封写给丈夫的“检讨书”", false),
            (Rule::AfterEnd, "河边新景\n\n3月1日，市民在河边散步。\n\n影像中国\n\n大米出口\n\n出口量增加，今年大米出口量创新高。\n", "大米出口", true),
            (Rule::Column, "河边新景\n\n3月1日，市民在河边散步，河边新修的步道迎来不少游客。\n\n干出精气神（快评）\n\n河边新修的步道迎来不少游客，市民在河边散步。\n", "干出精气神（快评）", true),
            (Rule::SeriesTag, "河边村\n\n春耕备耕两不误（乡村振兴，我们在路上）\n\n河边村的村民们一早就来到田里，检修农机，准备下地。\n\n山前村\n\n育苗大棚里的新希望（乡村振兴，我们在路上）\n\n山前村的育苗大棚里，一排排秧苗长势喜人。\n", "山前村", true),
            (Rule::Tagged, "农村新娘拒彩礼（新春走基层）\n\n湘江日报记者 王明\n\n腊月二十，村里办了一场婚礼。\n\n脱贫汉子忙扩产 养殖场里人气旺 订单已经排到了明年春天（新春走基层）\n\n春节临近，记者走进大山深处的村子。\n", "脱贫汉子忙扩产 养殖场里人气旺 订单已经排到了明年春天（新春走基层）", true),
            (Rule::PhotoItem, "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。\n\n稳步推进\n\n园区企业陆续入驻新厂房，园区企业加快生产。\n\n驯马成景\n\n青石镇草原马场近日举办了一场驯马表演，骑手们赶着马群奔跑。\n\n王明摄（影像中国）\n", "驯马成景", true),
            (Rule::FirstPart, "春耕一线见闻\n\n春耕时节，本版记者走进田间地头，记录农忙中的新气象。从今天起陆续刊出。\n\n河边村农机合作社——\n\n检修农机 就等下地\n\n合作社的农机手们一早就来到库房，检修拖拉机，准备下地。\n\n山前村种粮大户李华——\n\n育好秧苗 备足农资\n\n大棚里的秧苗长势喜人，李华忙着查看温度和湿度。\n", "河边村农机合作社——", false),
            (Rule::Part, "春耕一线见闻\n\n湘江日报记者 王明\n\n河边村农机合作社——\n\n检修农机 就等下地\n\n合作社的农机手们一早就来到库房，检修拖拉机，准备下地。\n\n山前村种粮大户李华——\n\n育好秧苗 备足农资\n\n大棚里的秧苗长势喜人，李华忙着查看温度和湿度。\n", "山前村种粮大户李华——", false),
            (Rule::Heads, "节目单\n\n湘江日报记者 王明\n\n晚会节目如下。\n\n1.歌舞《春风》\n\n2.相声《新年》\n\n3.小品《回家》\n\n4.魔术《惊喜》\n\n5.合唱《明天》\n", "5.合唱《明天》", false),
            (Rule::RunOn, "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。\n\n在城东，在城西，在城南\n\n在城北，在郊外，在乡村\n\n到处是忙碌的工地。\n", "在城东，在城西，在城南", false),
            (Rule::Short, "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设，园区企业加快生产。\n\n稳步推进\n\n园区企业陆续入驻新厂房。\n", "稳步推进", false),
            (Rule::Cohesion, "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。\n\n稳步推进\n\n新厂房成为产业高地\n\n3月1日，园区新厂房封顶。\n", "稳步推进", false),
        ];
        let mut covered: Vec<Rule> = vec![Rule::Credited];
        for (rule, page, line, says) in table {
            let got = decided(page, &Profile::dateline_paper(), line);
            assert_eq!(got, Some((rule, says)), "{rule} on {line}: {page}");
            covered.push(rule);
        }
        let missing: Vec<Rule> = Rule::ORDER
            .into_iter()
            .filter(|r| !covered.contains(r))
            .collect();
        assert!(missing.is_empty(), "no case for {missing:?}");
    }

    /// A part of a story told in parts: its lead-in naming a place, a head and its text.
    const PART: &str = "河边村农机合作社——\n\n检修农机 就等下地\n\n合作社的农机手们一早就来到库房，检修拖拉机，准备下地。\n\n";
    /// The next part, headed alike.
    const NEXT_PART: &str = "山前村种粮大户李华——\n\n育好秧苗 备足农资\n\n大棚里的秧苗长势喜人，李华忙着查看温度和湿度。\n";
    /// A story of its own under a far wider lead-in.
    const WIDE_LEAD_IN: &str = "湘江市开展春耕备耕服务助力农户多打粮打好粮——\n\n育好秧苗 备足农资\n\n大棚里的秧苗长势喜人，李华忙着查看温度和湿度。\n";
    /// A line introducing the parts.
    const INTRO: &str = "春耕时节，本版记者走进田间地头，记录农忙中的新气象。\n\n";

    /// A story's own text, longer than an introduction.
    fn story_text() -> String {
        "合作社的农机手们一早就来到库房，检修拖拉机，准备下地。".repeat(24) + "\n\n"
    }

    /// A dash lead-in is the next part of the story only when the story opened with its
    /// first part, before any of its text but a few introducing lines, headed about as wide
    /// ([`Rule::Part`]); a story under a like kicker of its own, or one whose text came
    /// first, is decided otherwise.
    #[test]
    fn a_part_follows_a_story_that_opened_with_its_first_part() {
        let (part, next, wide, intro, body) = (PART, NEXT_PART, WIDE_LEAD_IN, INTRO, story_text());
        let table = [
            (
                format!("春耕一线见闻\n\n湘江日报记者 王明\n\n{part}{next}"),
                "山前村种粮大户李华——",
                true,
            ),
            (
                format!("春耕一线见闻\n\n湘江日报记者 王明\n\n{part}{wide}"),
                "湘江市开展春耕备耕服务助力农户多打粮打好粮——",
                false,
            ),
            (format!("{part}{next}"), "山前村种粮大户李华——", false),
            (
                format!("春耕一线见闻\n\n{intro}{part}{next}"),
                "山前村种粮大户李华——",
                true,
            ),
            (
                format!("春耕一线见闻\n\n{body}{part}{next}"),
                "山前村种粮大户李华——",
                false,
            ),
        ];
        for (page, line, want) in table {
            let got = decided(&page, &Profile::dateline_paper(), line);
            assert_eq!(
                got.is_some_and(|(r, _)| r == Rule::Part),
                want,
                "{line}: {got:?} {page}"
            );
        }
    }

    /// The first part of a story told in parts, under its headline and a short
    /// introduction, stays in the story ([`Rule::FirstPart`]) when a like lead-in follows;
    /// not when the lead-in down the page is far wider (a story of its own), when a byline
    /// stands under the group, or when the story's own text came first.
    #[test]
    fn the_first_part_stays_in_its_story() {
        let (part, next, wide, intro, body) = (PART, NEXT_PART, WIDE_LEAD_IN, INTRO, story_text());
        let bylined = part.replace("就等下地\n\n", "就等下地\n\n湘江日报记者 王明\n\n");
        let line = "河边村农机合作社——";
        let table = [
            (format!("春耕一线见闻\n\n{intro}{part}{next}"), true),
            (format!("春耕一线见闻\n\n{intro}{part}{wide}"), false),
            (format!("春耕一线见闻\n\n{intro}{bylined}{next}"), false),
            (format!("春耕一线见闻\n\n{body}{part}{next}"), false),
        ];
        for (page, want) in table {
            let got = decided(&page, &Profile::dateline_paper(), line);
            assert_eq!(
                got.is_some_and(|(r, _)| r == Rule::FirstPart),
                want,
                "{got:?} {page}"
            );
        }
    }

    /// Which lines end with a lead-in naming whom or where a part tells of (`named_lead_in`).
    #[test]
    fn a_named_lead_in_holds_no_clause() {
        let table = [
            ("河边村农机合作社——", Some("河边村农机合作社——")),
            (
                "本报讯（记者 王明 通讯员 李华）山前村种粮大户李华——",
                Some("山前村种粮大户李华——"),
            ),
            ("在田间、在地头，他们忙着春耕——", None),
            ("——记乡村医生李华", None),
            ("河边村农机合作社", None),
        ];
        for (line, want) in table {
            assert_eq!(named_lead_in(line), want, "{line}");
        }
    }

    /// Which `——` lines over a line read as a lead-in over its headline (`dash_lead_in`),
    /// rather than a quote's speaker over the next quote.
    #[test]
    fn a_dash_lead_in_stands_over_one_headline() {
        let table: [(&[&str], bool); 8] = [
            (&["——记乡村医生李华", "山村来了新医生"], true),
            (&["——来自河边小镇的报道", "同心协力，守好家园"], true),
            (
                &[
                    "——湘江市落实全会精神纪实",
                    "关于2021年湘江市河道保护工作情况的报告",
                ],
                true,
            ),
            (&["——县委书记王明", "我们相信，只要人人都肯出力，就"], false),
            (&["——县委书记王明在全县工作会议上"], false),
            (&["——县委书记王明", "在全县工作会议上说"], false),
            (&["——镇卫生院院长李华", "张明——"], false),
            (&["山村来了新医生", "——记乡村医生李华"], false),
        ];
        for (lines, want) in table {
            assert_eq!(dash_lead_in(lines), want, "{lines:?}");
        }
    }

    /// Which lines closing on a bracket read as a headline in its column (`column`).
    #[test]
    fn a_column_head_is_a_short_title_before_its_tag() {
        let table = [
            ("干出新气象（快评）", true),
            ("简朴的年会 实在的成效(快评)", true),
            ("守望相助，共迎春天（和音）", true),
            ("■当好领头雁（快评）", true),
            ("“我建议，大家一定要去看看”（两会现场观察·微镜头）", true),
            ("表扬好人 传递温暖（快评）", true),
            ("怎样挑选合适的花卉（小贴士）", false),
            ("去年乡镇客流增速高于城区（链接）", false),
            ("附件：考核指标（见图）", false),
            ("三、批准任命李华（女）", false),
            ("表1  各区县的人口及其分布（广义）", false),
            ("第三十六条  党组（党委）", false),
            ("2019年是晨光电子（江城）", false),
            (
                "据江南省青石县青石镇河湾社区支部书记王明代表介绍，如今当地每个村（社区）",
                false,
            ),
            (
                "对群众来信中的材料，不得随意转交，不得外传（IP地址）",
                false,
            ),
            ("干出新气象", false),
        ];
        for (line, want) in table {
            assert_eq!(column_head(line), want, "{line}");
        }
    }

    /// A paragraph stopping without a stop straight under a text label is a sidebar's
    /// summary, not a paragraph cut at a column break: the headline after it is not read as
    /// going on with it (`open`), and opens the next story over its byline and dateline.
    #[test]
    fn a_sidebars_text_without_a_stop_is_not_a_cut_paragraph() {
        let table = [
            ("相关链接", Some((Rule::Strong, true))),
            ("延伸阅读", Some((Rule::Strong, true))),
            ("■相关链接", Some((Rule::Strong, true))),
            // Under plain text, the paragraph is cut at a column break.
            ("全年完成投资120亿元", Some((Rule::Open, false))),
        ];
        for (label, want) in table {
            let page = format!("园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设，一批重点项目相继落地。\n\n{label}\n\n只有把责任清单列细列实，划清各方事项边界，才能让基层减负落到实处\n\n长沙推出在线公益课堂\n\n本报记者  林思远\n\n本报长沙2月2日电  近日，长沙“空中课堂”正式上线。\n");
            assert_eq!(
                decided(&page, &Profile::dateline_paper(), "长沙推出在线公益课堂"),
                want,
                "{label}"
            );
        }
    }

    /// A byline set off after a line that ends no sentence credits the story that line
    /// ends, not the next one: the line goes on with the story (`signed`), which takes the
    /// byline; the next story opens at its own headline. Before, the line read as the next
    /// story's headline over its byline (`credited`), and the story after took no byline.
    #[test]
    fn a_byline_after_a_line_credits_that_lines_story() {
        let table = [
            ("江南省青石县河湾镇第一书记王明讲述  记者  陈晓宇", "陈晓宇"),
            (
                "——湘江市市长王明日前在全市会议上说  本报记者  林思远",
                "林思远",
            ),
            (
                "——江南省青石县纪委书记\u{a0}李\u{a0}华  记者  周桂芳",
                "周桂芳",
            ),
        ];
        let bylined = Profile {
            pages: 100,
            bylines_after: 300,
            ..Profile::default()
        };
        for (line, name) in table {
            let page = format!("河边人家过年更热闹\n\n大年三十，河边人家贴春联，孩子们放鞭炮。\n\n{line}\n\n社区菜场重新开门\n\n湘江日报讯 昨天一早，社区菜场重新开门迎客，市民排队买菜。  记者  王明\n");
            for profile in [&bylined, &Profile::default(), &Profile::dateline_paper()] {
                let articles = split_page_with(&page, profile).articles;
                let heads: Vec<&str> = articles.iter().map(|a| a.headline.as_str()).collect();
                assert_eq!(heads, ["河边人家过年更热闹", "社区菜场重新开门"], "{line}");
                let names: Vec<Vec<&str>> = articles
                    .iter()
                    .map(|a| a.reporters.iter().map(|r| r.name.as_str()).collect())
                    .collect();
                assert_eq!(names, [vec![name], vec!["王明"]], "{line}");
            }
        }
    }

    /// A headline flush left under an indented paragraph ending a sentence, on a page that
    /// indents, opens a story (`gap`); a text label there, a page without indents or with a
    /// lone indented line, or a paragraph cut mid-sentence do not make it fire.
    #[test]
    fn a_flush_headline_under_indented_text_opens_a_story() {
        let ind = "\u{3000}\u{3000}";
        let table = [
            // (text before the group, the group, whether `gap` fires)
            (format!("{ind}园区新厂房开工建设。\n{ind}园区企业加快生产。\n{ind}一期工程已经投产。"), "车间赶制新订单", true),
            (format!("{ind}园区新厂房开工建设。\n{ind}园区企业加快生产。\n{ind}一期工程已经投产。"), "延伸阅读", false),
            // A story of one paragraph, after a short head, on a page that indents.
            (format!("{ind}园区新厂房开工建设。\n{ind}园区企业加快生产。\n新厂房封顶\n{ind}一期工程已经投产。"), "车间赶制新订单", true),
            ("园区新厂房开工建设。\n园区企业加快生产。\n一期工程已经投产。".to_string(), "车间赶制新订单", false),
            (format!("园区新厂房开工建设。\n园区企业加快生产。\n{ind}一期工程已经投产。"), "车间赶制新订单", false),
            (format!("{ind}园区新厂房开工建设。\n{ind}园区企业加快生产。\n{ind}一期工程已经投产，各家企业纷纷加快"), "车间赶制新订单", false),
        ];
        for (before, group, fires) in table {
            let page = format!("园区建设提速\n湘江日报记者 王明\n{before}\n{group}\n{ind}连日来，湘江市城西区主动上门服务企业，帮助企业赶制出口订单。\n");
            let got = decided(&page, &Profile::dateline_paper(), group);
            assert_eq!(
                got == Some((Rule::Gap, true)),
                fires,
                "{group} under {before}: {got:?}"
            );
        }
    }

    /// A headline under a story's sidebar (`相关链接` over one paragraph) opens the next
    /// story (`gap`); not an item of the sidebar (`案例一：…`), nor under an abstract label.
    #[test]
    fn a_headline_under_a_sidebar_opens_a_story() {
        let table = [
            ("相关链接", "江城多措并举稳就业", true),
            ("■延伸阅读", "江城多措并举稳就业", true),
            ("延伸阅读", "案例一：“内鬼”倒卖客户资料被判刑", false),
            ("编者按", "江城多措并举稳就业", false),
        ];
        for (label, group, fires) in table {
            let page = format!("园区建设提速\n园区新厂房开工建设，园区企业加快生产，一期工程已经投产。\n{label}\n社区食堂让老人吃上了热乎饭，也让子女少了一份牵挂。\n{group}\n江城市近日推出多项举措，想方设法帮助企业留住员工。\n");
            let got = decided(&page, &Profile::dateline_paper(), group);
            assert_eq!(
                got == Some((Rule::Gap, true)),
                fires,
                "{label} / {group}: {got:?}"
            );
        }
    }

    /// A byline straight under a headline opened that story, even with a headline over a
    /// dateline under it (a round-up's first item, `本报电`): neither `closed` nor `strong`
    /// reads it as closing the story before, and the item stays in the story.
    #[test]
    fn a_byline_under_a_headline_closes_no_story() {
        let page = "稳就业 保民生\n\n本报记者 王明 特约记者 李华\n\n湘江银行发行小微企业专项债\n\n本报电 湘江银行2月6日发行小微企业专项债券。\n";
        let got = decided(
            page,
            &Profile::dateline_paper(),
            "湘江银行发行小微企业专项债",
        );
        assert_eq!(got.map(|(_, says)| says), Some(false), "{got:?}");
    }

    /// A brief's closing name is bare (`（王 婷）`); a bracketed credit with a role is a
    /// story's byline after it, and the headline under it opens the next story over its
    /// `本报讯（记者 X）`, where `briefs` once kept it in the story before (metro, weekend).
    #[test]
    fn a_closing_byline_with_a_role_is_no_briefs_name() {
        let table = [
            ("（陈 晓）", true),
            ("（赵 敏 李 华）", true),
            ("（陈晓、赵敏）", true),
            ("（本报记者 陈晓）", false),
            ("（见习记者 赵敏、林思远）", false),
            ("（通讯员 李华）", false),
            ("（完）", false),
            ("（作者为驻外使节）", false),
            ("（相关报道见第五版）", false),
            ("（李华参与采写）", false),
        ];
        for (line, want) in table {
            assert_eq!(credits_a_name(line), want, "{line}");
        }
        let page = "河口湿地\n\n研究人员根据多年观测，绘出了候鸟迁徙的新路线图。\n\n（本报记者 陈晓）\n\n邮票首发\n\n本报讯（记者 赵敏）11日，湘江邮政发行纪念邮票一套。\n";
        let got = decided(page, &Profile::dateline_paper(), "邮票首发");
        assert_eq!(got.map(|(_, says)| says), Some(true), "{got:?}");
    }

    /// A headline in its column (`…（人民时评）`) straight under a compiled piece's credit
    /// (`…整理`) opens a piece of its own (`after_end`, as after any story's end), and so
    /// does one straight over its text, naming no one (`nameless`); a speaker's line with
    /// their post in brackets, or a teller's label, is the collection's next item
    /// (`compiled`).
    #[test]
    fn a_tagged_headline_under_a_compiled_credit_opens_a_piece() {
        let table = [
            ("让法治护航发展（人民时评）", Some((Rule::AfterEnd, true))),
            ("雨天出行放慢车速（服务窗）", Some((Rule::AfterEnd, true))),
            ("让法治护航发展", Some((Rule::Nameless, true))),
            ("李华委员（湘江大学教授）", Some((Rule::Compiled, false))),
        ];
        for (line, want) in table {
            let page = format!("代表委员谈民生\n\n张明代表：\n\n稳就业 保民生\n\n稳岗位就是稳民生，我们要把惠企政策落到实处，鼓励企业稳定岗位。\n\n本报记者 王明整理\n\n{line}\n\n好环境引来好项目，各地用心改善服务，企业办事越来越方便。\n");
            assert_eq!(
                decided(&page, &Profile::dateline_paper(), line),
                want,
                "{line}"
            );
        }
    }

    /// A motto in brackets closing two headlines of the page (`（乡村振兴，我们在路上）`) is
    /// their series' tag: the kicker and headline carrying it open a piece (`series_tag`),
    /// where the same pair alone would be a section head of the story above.
    #[test]
    fn a_motto_on_two_headlines_is_their_column_tag() {
        let piece = |tag: &str| {
            format!("河边村\n\n春耕备耕两不误{tag}\n\n河边村的村民们一早就来到田里，检修农机，准备下地。\n\n山前村\n\n育苗大棚里的新希望{tag}\n\n山前村的育苗大棚里，一排排秧苗长势喜人，村民们忙着浇水。\n")
        };
        let tagged = piece("（乡村振兴，我们在路上）");
        assert_eq!(
            decided(&tagged, &Profile::dateline_paper(), "山前村"),
            Some((Rule::SeriesTag, true))
        );
        let once = tagged.replacen("（乡村振兴，我们在路上）", "", 1);
        let got = decided(&once, &Profile::dateline_paper(), "山前村");
        assert_ne!(got.map(|(rule, _)| rule), Some(Rule::SeriesTag), "{got:?}");
    }

    /// After a meeting's attendance line, the report's own next paragraph cut at a column
    /// break (`会议听取了…`) goes on with it: `after_meeting` does not open it.
    #[test]
    fn a_meeting_reports_next_paragraph_is_no_headline() {
        let page = "市政府召开常务会议\n\n湘江日报讯 3月2日，市政府召开常务会议。副市长张强、李华出席会议。\n\n会议听取了市农业农村局、市水利局\n\n关于春耕生产的汇报，研究部署春耕备耕工作。\n";
        let got = decided(page, &Profile::dateline_paper(), "会议听取了");
        assert_ne!(
            got.map(|(rule, _)| rule),
            Some(Rule::AfterMeeting),
            "{got:?}"
        );
    }

    /// A compiled piece that names its teller over its credit (`…讲述`), or a translated
    /// excerpt's credit (`原题为《…》，…编译`), is one of a collection: the headline after it,
    /// straight over its text, is the collection's next item (`compiled`), not `nameless`.
    #[test]
    fn a_told_or_translated_piece_is_one_of_a_collection() {
        let table = [
            "湘江市河边村村民王明讲述\n\n本报记者 李华整理",
            "（原载《湘江晚报》，原题为《河边人家》，本报记者李华编译）",
        ];
        for credit in table {
            let page = format!("河边人家\n\n大年三十，河边人家贴春联，孩子们在院子里放鞭炮。\n\n{credit}\n\n山村来了新医生\n\n开学第一天，乡村医生走进山村卫生室，为村民量血压。\n");
            assert_eq!(
                decided(&page, &Profile::dateline_paper(), "山村来了新医生"),
                Some((Rule::Compiled, false)),
                "{credit}"
            );
        }
    }

    /// `credited` reads the profile: a paper that bylines its stories under their headlines
    /// prints no series that way; one that opens them with datelines does.
    #[test]
    fn credited_fires_for_a_paper_that_bylines_its_stories() {
        let page = "新春走基层\n\n山村小学\n\n迎来新老师\n\n湘江日报记者 王明\n\n开学第一天，孩子们围着老师唱歌跳舞。\n\n河边人家\n\n过年更热闹\n\n湘江日报记者 李华\n\n大年三十，河边人家贴春联。\n";
        let bylined = Profile {
            pages: 100,
            bylines_under: 300,
            dated: 100,
            ..Profile::default()
        };
        assert_eq!(
            decided(page, &bylined, "河边人家"),
            Some((Rule::Credited, true))
        );
        assert_eq!(
            decided(page, &Profile::dateline_paper(), "河边人家"),
            Some((Rule::Series, false))
        );
        let told = page.replace("河边人家\n\n过年更热闹", "湘江市河边村村民王明讲述");
        // A teller's line signs the story told above it: no group, so no rule opens a
        // story there.
        assert_eq!(decided(&told, &bylined, "湘江市河边村村民王明讲述"), None);
    }

    /// The names are the variants' in `snake_case`, as the trainer reads them from
    /// model.rs; each rule is tried once.
    #[test]
    fn rule_names_are_the_variants_in_snake_case() {
        for (k, r) in Rule::ORDER.iter().enumerate() {
            let mut snake = String::new();
            for (n, c) in format!("{r:?}").chars().enumerate() {
                if c.is_ascii_uppercase() && n > 0 {
                    snake.push('_');
                }
                snake.push(c.to_ascii_lowercase());
            }
            assert_eq!(r.name(), snake);
            assert!(!Rule::ORDER[..k].contains(r), "{r} twice");
        }
    }

    /// An editor's note holds the reports under it only once a first report printed its
    /// headline over its own byline: a story that signs off with its byline after the
    /// note's text is no such report, and the story after it is its own.
    #[test]
    fn noted_needs_a_report_under_its_byline() {
        let page = "春耕一线见闻\n\n春耕时节，本版记者走进田间地头，记录农忙中的新气象。\n\n——编 者\n\n合作社的农机手们正在检修拖拉机，准备下地。\n\n湘江日报记者 王明\n\n农技员送技上门\n\n湘江日报记者 赵云\n\n李华走进大棚，为种植户查看黄瓜长势。\n";
        let got = decided(page, &Profile::dateline_paper(), "农技员送技上门");
        assert!(got.is_some_and(|(rule, _)| rule != Rule::Noted), "{got:?}");
    }

    /// The rule that decided the group starting with `line`, and what it said.
    fn decided(page: &str, profile: &Profile, line: &str) -> Option<(Rule, bool)> {
        let start = page.find(line)?;
        let start = page[..start].chars().count();
        let mut got = None;
        split_logged(page, profile, &mut |d| {
            if d.start == start {
                got = Some((d.rule, d.rule_says));
            }
        });
        got
    }
}
