//! Headlines: which lines can be headline lines, and which line of a headline group is the
//! kicker (引题), the headline and the subheadlines (副题).
//!
//! A headline line is short and does not end a sentence. A group of such lines is read in
//! print order: a kicker often ends with `——`, `：` or a verb of speech (`强调`); a
//! subheadline often begins with `——`; a short tag after the headline (`央媒看湘江`,
//! `（人民时评）`) is the column the article runs in.

use super::byline::{
    ends_with_photo_sign, is_photo_source, signed_as_photo, MAX_PHOTO_CREDIT, NAME_CHARS,
};
use super::text::{
    bracketed, closing_note, ends_paragraph, is_han, is_space, line_ends_sentence, staff_column,
    trim, wider_than, width,
};

/// The longest headline line, in chars.
const MAX_HEADLINE: usize = 64;
/// The longest line holding a headline with its subheadline or column name, in chars.
const MAX_HEADLINE_LINE: usize = 110;
/// The longest line read as a headline with a subheadline of several clauses, in chars:
/// a meeting's deck may name each decision (`总理主持召开常务会议 听取…汇报；要求…；部署…；
/// 决定…`), and only a dateline under it has such a line read so.
const MAX_LONG_HEADLINE_LINE: usize = 200;
/// The shortest kicker read like a sentence or broken by commas, in chars.
const MIN_SENTENCE_KICKER: usize = 8;
/// The widths, in chars, of a headline that asks or exclaims.
const EXCLAIMED_HEADLINE: std::ops::RangeInclusive<usize> = 4..=32;
/// Over this width, in chars, a line broken by two commas or more is a cut paragraph.
const MAX_COMMA_HEADLINE: usize = 30;
/// The longest bracketed note standing alone as an article's end (`（本组文章到此结束）`),
/// in chars.
const MAX_BARE_NOTE: usize = 40;
/// The longest bracketed credit note (`（作者为中央党校教授）`), in chars.
const MAX_CREDIT_NOTE: usize = 100;
/// The longest date note under a title (`（二〇一九年二月三日）`), in chars.
const MAX_DATED_NOTE: usize = 45;
/// The longest headline line ending with a colon (`江南省政协主席王明委员：`), in chars: a
/// longer one is a sentence leading into a quote.
const MAX_COLON_KICKER: usize = 24;

/// The parts of a headline group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Heads {
    pub(crate) kicker: Option<String>,
    pub(crate) headline: String,
    pub(crate) subheadlines: Vec<String>,
}

/// True when `line` can be a line of a headline: short, and not ending a sentence or in
/// the middle of one.
pub(crate) fn is_headline_like(line: &str) -> bool {
    let line = trim(line);
    let w = width(line);
    // Most blocks are paragraphs: wider than any headline line, passed over before the
    // searches below read them whole.
    if w > MAX_HEADLINE_LINE {
        return false;
    }
    // A headline printed with its subheadline or column on one line runs longer.
    let max = if line.contains(" ——") || has_column_tag(line) {
        MAX_HEADLINE_LINE
    } else {
        MAX_HEADLINE
    };
    if w == 0
        || w > max
        || line_ends_sentence(line)
        || is_signature(line)
        || closes_text(line)
        || is_text_label(line)
        || ends_with_day(line)
        || line.starts_with("图说")
    {
        return false;
    }
    // A kicker leading into the headline with a dash may hold a whole sentence:
    // `过去只能在家打牌；如今健身有地方。江南乡村——`.
    if line.ends_with("——") && !line.starts_with("——") && w <= MAX_HEADLINE {
        // One opening with a quote is a speaker's sentence (`“日子越过越好。”他说——`)
        // unless the quote only names something (`“90后”第一书记——`).
        return balanced(line)
            && (!line.starts_with(['“', '「']) || !line.contains(['。', '，', '！', '？']));
    }
    // A long line broken by commas, or one opening with a day, is a cut paragraph; of a
    // headline printed with its subheadline on one line, the headline is read so
    // (`看变化，问冷暖，听民声 ——重访…`).
    let head = dash_at(line).map_or(line, |i| &line[..i]);
    if (head.matches('，').count() >= 2 && width(head) > MAX_COMMA_HEADLINE)
        || super::furniture::opening_day(line).is_some()
    {
        return false;
    }
    if (cut_short(line, true) || line.ends_with(COLONS)) && !line.ends_with("——：") {
        return line.ends_with(COLONS) && w <= MAX_COLON_KICKER && !line.contains('，');
    }
    // A sentence stop inside a short line reads as text, not a headline, and a quote or
    // bracket left open is a paragraph cut short.
    (!line.contains(['。', '？', '！']) || line.starts_with("——") || asks_in_column(head))
        && balanced(line)
}

/// A headline and a subheadline of several clauses on one line
/// (`总理主持召开常务会议 部署抓好春耕备耕；决定阶段性减免小微企业税费`): a
/// headline-like phrase, a space, and no sentence end, up to [`MAX_LONG_HEADLINE_LINE`].
pub(crate) fn is_long_headline_line(line: &str) -> bool {
    let line = trim(line);
    if wider_than(line, MAX_LONG_HEADLINE_LINE) || line_ends_sentence(line) {
        return false;
    }
    line.split_once(is_space)
        .is_some_and(|(head, rest)| !trim(rest).is_empty() && is_headline_like(head))
}

/// A headline that asks or exclaims before its column name: `路怎么修？（来信调查）`,
/// `“能帮一把，就帮一把！”（德耀中华）`. A sentence in the text seldom ends with a bracket
/// after its stop.
fn asks_in_column(line: &str) -> bool {
    if !has_column_tag(line) || line.contains('。') {
        return false;
    }
    let open = line.rfind(['（', '(']).unwrap_or(0);
    line[..open]
        .trim_end_matches(['”', '’', '」'])
        .ends_with(['？', '！', '?', '!'])
}

/// True when `line` can be a headline that asks or exclaims (`流感高发季，我们该怎么预防？`,
/// `首破百亿元！假日消费亮眼`, `我爱你，中国！`): short, with no full stop, not cut short.
/// Text lines read the same way far more often, so it is only read as one over a dateline
/// or a `——` subheadline.
pub(crate) fn is_exclaimed_headline(line: &str) -> bool {
    let line = trim(line);
    // This runs on every paragraph: a long one is passed over first.
    if wider_than(line, MAX_HEADLINE_LINE) || !line.contains(['？', '！', '?', '!']) {
        return false;
    }
    let head = dash_at(line).map_or(line, |i| trim(&line[..i]));
    EXCLAIMED_HEADLINE.contains(&width(head))
        && head.contains(['？', '！', '?', '!'])
        && !head.contains(['。', '；', '：'])
        && head.matches('，').count() <= 1
        && !cut_short(head, false)
        && super::furniture::opening_day(head).is_none()
        && balanced(head)
}

/// True when `line` can be a kicker broken by commas (`据统计，去年以来，用量增加了一倍`):
/// a line no longer than a headline, without a sentence stop, that is not cut short.
/// Only read as one between an article's end and a headline line.
pub(crate) fn is_comma_kicker(line: &str) -> bool {
    let line = trim(line);
    let w = width(line);
    line.contains('，')
        && (MIN_SENTENCE_KICKER..=MAX_HEADLINE).contains(&w)
        && !line_ends_sentence(line)
        && !line.contains(['。', '？', '！', '；'])
        && !cut_short(line, false)
        && !line.ends_with(COLONS)
        && super::furniture::opening_day(line).is_none()
        && balanced(line)
}

/// True when `line` can be a kicker that reads like a sentence, asking, exclaiming or
/// trailing off (`老戏台又热闹起来，社区课堂开到了村口……`): no longer than a headline,
/// with no full stop, not cut short. Only read as one over a headline line where a
/// story begins.
pub(crate) fn is_sentence_kicker(line: &str) -> bool {
    let line = trim(line);
    (MIN_SENTENCE_KICKER..=MAX_HEADLINE).contains(&width(line))
        && !line.contains(['。', '；'])
        && !cut_short(line, false)
        && !line.ends_with(COLONS)
        && super::furniture::opening_day(line).is_none()
        && balanced(line)
        && !is_reader_signature(line)
        && !is_photo_courtesy(line)
        && !is_teller(line)
}

/// The longest kicker that sums a story up in clauses ([`is_summary_kicker`]), in chars.
const MAX_SUMMARY_KICKER: usize = 200;

/// True when `line` can be a kicker that sums the story up in clauses, wider than any
/// headline line (`听取…汇报，推进…；要求…，为…奠定基础`, `…支持科创、小微企业融资，积极解决…
/// 困难和问题`): printed without a stop at its end (nor a note after one: `…。（相关报道见第三版）`),
/// of one sentence or two, not cut short, not opening with a day.
/// Text reads the same way (a paragraph cut at a column break), so it is only read as one
/// straight over a headline that opens a story ([`super::layout`]'s facts).
pub(crate) fn is_summary_kicker(line: &str) -> bool {
    let line = trim(line);
    !wider_than(line, MAX_SUMMARY_KICKER)
        && width(line) >= MIN_SENTENCE_KICKER
        && line.contains(['，', '；'])
        && line.matches('。').count() <= 1
        // A stop with spaces after it ends a paragraph, and what is set off after them is a
        // credit cut at a column break (`…最后一刻。  新华社记` / `者  王明`).
        && !line
            .split_once('。')
            .is_some_and(|(_, after)| after.starts_with(is_space))
        && !ends_paragraph(line)
        && !cut_short(line, true)
        && !line.ends_with(COLONS)
        && super::furniture::opening_day(line).is_none()
        && balanced(line)
}

/// A line that closes the text it stands under, though no stop ends it: a photo's source
/// or courtesy credit under its caption, a speech's source under the quote, a teller's
/// line under the story told, a reader's signature under a letter, a credit note. None is
/// a headline line; the layout closes the text there.
pub(crate) fn closes_text(line: &str) -> bool {
    is_photo_source(line)
        || is_photo_courtesy(line)
        || is_speech_source(line)
        || is_teller(line)
        || is_reader_signature(line)
        || is_credit_note(line)
}

/// Chars a teller's line has at least: a place or post and a name before `讲述`.
const MIN_TELLER: usize = 8;

/// The teller under a story told in the first person, printed on its own line after it
/// (`江南省云岭县青石镇河湾村陈晓红讲述`, `…第一书记、工作队长，县农业局副局长李华讲述`):
/// it closes that story, though no stop ends it. No headline ends so (29 such lines in two
/// years of People's Daily, no headline among them), so it is no headline line and no
/// kicker over the next story's headline.
pub(crate) fn is_teller(line: &str) -> bool {
    let line = trim(line);
    line.strip_suffix("讲述").is_some_and(|who| {
        width(who) >= MIN_TELLER
            && width(line) <= MAX_HEADLINE_LINE
            && !who.contains(['。', '？', '！', '；', '：', ':', '“', '”', '—'])
            && !who.contains(is_space)
    })
}

/// Chars a speaker's line has before `代表` or `委员`: a post and a name, at least.
const SPEAKER_CHARS: std::ops::RangeInclusive<usize> = 4..=30;

/// A deputy's or member's line over what they said, as dailies print a session's speakers
/// (`江城市政协主席王明委员：`, `江南省湘江市市长李明代表`): a post and a name before
/// `代表` or `委员`, a colon at most after it, no stop, comma or quote.
pub(crate) fn is_speaker(line: &str) -> bool {
    let line = trim(line);
    let line = line.strip_suffix(COLONS).unwrap_or(line);
    line.strip_suffix("代表")
        .or_else(|| line.strip_suffix("委员"))
        .is_some_and(|who| {
            SPEAKER_CHARS.contains(&width(who))
                && who
                    .chars()
                    .all(|c| is_han(c) || c.is_ascii_alphanumeric() || c == '、' || c == '·')
        })
}

/// A photo's credit to whoever gave it, printed under its caption: `受访者供图`,
/// `青石镇文化站供图`, `春秋航空供图（新华社发）`, `图片由青石镇文化站提供`,
/// `（本版图片均由湘江博物馆提供）`. It closes the caption; no headline line ends so.
pub(crate) fn is_photo_courtesy(line: &str) -> bool {
    let line = trim(line);
    let credit = line
        .strip_suffix(['）', ')'])
        .and_then(|inner| inner.rsplit_once(['（', '(']))
        .map_or(line, |(credit, _)| trim(credit));
    let given = || {
        let bare = line
            .strip_prefix(['（', '('])
            .and_then(|l| l.strip_suffix(['）', ')']))
            .unwrap_or(credit);
        let bare = bare.strip_prefix("本版").unwrap_or(bare);
        bare.starts_with("图片") && bare.ends_with("提供") && bare.contains('由')
    };
    (credit.ends_with("供图") || given()) && width(line) <= MAX_PHOTO_CREDIT
}

/// True when `line` ends with a day in figures (`新华社北京1月2`, `本报太原2月9日`): a
/// dateline or paragraph opening cut at a column break. A headline may end with a month
/// (`去年前11月`) or hold a range of days (`2月16日—2月26日`), but not end on a day.
pub(crate) fn ends_with_day(line: &str) -> bool {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let rest = line.strip_suffix('日').unwrap_or(line);
    let day = rest.trim_end_matches(digit);
    day.len() < rest.len()
        && day
            .strip_suffix('月')
            .and_then(|m| m.chars().last())
            .is_some_and(digit)
        && !line.contains('—')
}

/// Where a line cut short ends, full width: in a clause (`，`), a list (`、`), or with a
/// bracket, quote or title left open (`（`, `“`, `《`). Such a line goes on in the next.
const OPEN_ENDS: [char; 5] = ['，', '、', '（', '“', '《'];

/// The half-width forms of [`OPEN_ENDS`] that pages print too: `,` and `(`.
const HALF_WIDTH_OPEN_ENDS: [char; 2] = [',', '('];

/// Colons, full and half width: a line ending with one leads into the next (`王小华：`).
const COLONS: [char; 2] = ['：', ':'];

/// True when `line` is cut short: it ends with one of [`OPEN_ENDS`], or, when `half_width`,
/// with one of [`HALF_WIDTH_OPEN_ENDS`]. The one home of "a line cut short"; a colon at
/// the end ([`COLONS`]) is read apart, since a kicker may end with one.
fn cut_short(line: &str, half_width: bool) -> bool {
    line.ends_with(OPEN_ENDS) || half_width && line.ends_with(HALF_WIDTH_OPEN_ENDS)
}

/// True when every opening quote and bracket in `line` is closed.
fn balanced(line: &str) -> bool {
    let count = |c: char| line.matches(c).count();
    let starts_cut = line.starts_with(['、', '，', '。', '）', ')', '”', '；', '：']);
    !starts_cut
        && count('“') == count('”')
        // Pages mix full- and half-width brackets: `在古镇感受年味儿（新春新年俗)`.
        && count('（') + count('(') == count('）') + count(')')
        && count('《') == count('》')
}

/// The width of a signature after its dash (`——编 者`, `——王明`, `——编辑部`), in chars.
const SIGNATURE: std::ops::RangeInclusive<usize> = 1..=5;
/// The width of a speaker's name and title before a bracketed post
/// (`——王建代表（…）`, `——艾力·买买提委员（…）`), in chars.
const SPEAKER: std::ops::RangeInclusive<usize> = 2..=12;
/// A speaker's post, with its opening bracket, is wider than this: at least three chars in
/// the brackets (`（湘江建工项目质量管理员）`), in chars.
const MIN_POST: usize = 3;

/// Endings of the line that names where a quoted speech was given, under the quote
/// (`——江南省委书记王明日前在省委全会上说`): said at, when, in.
const SPOKEN_AT: [&str; 3] = ["上说", "时说", "中说"];

/// A signature under a text: `——编 者`, `——王明`, a speaker with the post in brackets,
/// closing a quoted opinion (`——王建代表（湘江建工项目质量管理员）`), or the speaker and
/// where they spoke (`——江南省省长李华日前在省政府工作会议上说`).
pub(crate) fn is_signature(line: &str) -> bool {
    let line = trim(line);
    let Some(rest) = line.strip_prefix("——") else {
        return false;
    };
    let speaker = || {
        let inner = rest.strip_suffix(['）', ')'])?;
        let open = inner.rfind(['（', '('])?;
        let (who, post) = inner.split_at(open);
        Some(
            SPEAKER.contains(&width(who))
                && who.chars().all(|c| is_han(c) || c == '·')
                && width(post) > MIN_POST,
        )
    };
    SIGNATURE.contains(&width(rest)) || speaker() == Some(true) || is_speech_source(line)
}

/// The label an editor's note opens with (`编者按：……`).
const EDITORS_NOTE: &str = "编者按";
/// Labels of an editor's note over a piece: opening its text, or on a line of their own.
const EDITORS_NOTES: [&str; 3] = [EDITORS_NOTE, "编者的话", "开栏的话"];

/// An editor's note over the reports that follow it: its signature (`——编 者`) or its
/// label (`编者按：……`, `编者按` on its own line).
pub(crate) fn is_editors_note(line: &str) -> bool {
    let line = trim(line);
    let signed = line.strip_prefix("——").is_some_and(|who| {
        let who: String = who.chars().filter(|&c| !is_space(c)).collect();
        who == "编者"
    });
    signed || line.starts_with(EDITORS_NOTE)
}

/// True when `line` opens an editor's note over a piece, as it stands under the piece's
/// headline: its label alone (`编者的话`) or opening the note's text (`编者按：…`,
/// `■编者按：…`), not a sentence that begins with the label's chars (`编者按语不多…`).
pub(crate) fn opens_editors_note(line: &str) -> bool {
    let line = label(line);
    EDITORS_NOTES.iter().any(|l| {
        line.strip_prefix(l)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['：', ':']))
    })
}

/// The speaker of a quoted speech and where it was given, under the quote:
/// `——江南省委书记王明日前在省委全会上说`. It closes the quote.
pub(crate) fn is_speech_source(line: &str) -> bool {
    trim(line).strip_prefix("——").is_some_and(|rest| {
        SPOKEN_AT.iter().any(|e| rest.ends_with(e)) && !rest.contains(['，', '。'])
    })
}

/// How many chars a reader's place under a letter has (`江西南昌市`, `内蒙古赤峰市`).
const READER_PLACE: std::ops::RangeInclusive<usize> = 3..=10;

/// A reader's place and name under a letter: `辽宁大连市 王小明`, `内蒙古赤峰市 刘 华`.
/// Letters run on in one collection, so it does not end an article; it is never a kicker.
pub(crate) fn is_reader_signature(line: &str) -> bool {
    let line = trim(line);
    // At most ten chars of place and four of name, with the spaces between: this runs on
    // every paragraph, so a long one is passed over before anything else is done.
    if line.len() > 64 {
        return false;
    }
    let Some((place, name)) = line.split_once(is_space) else {
        return false;
    };
    let name: String = name.chars().filter(|&c| !is_space(c)).collect();
    READER_PLACE.contains(&place.chars().count())
        && place.ends_with(['省', '市', '县', '区', '州', '旗', '盟', '镇', '乡', '村'])
        && place.chars().all(is_han)
        && NAME_CHARS.contains(&name.chars().count())
        && name.chars().all(is_han)
}

/// A label over a part of the text (`核心阅读`, `编者的话`, `延伸阅读`): never a headline
/// line; a paragraph of its own in the body.
pub(crate) fn is_text_label(line: &str) -> bool {
    const OVER: [&str; 3] = ["编者的话", "编者按", "开栏的话"];
    OVER.contains(&label(line)) || is_sidebar_label(line) || is_abstract_label(line)
}

/// The label of a sidebar printed after a story (`相关链接`, `延伸阅读`), not one that
/// stands over it (`编者按`, `核心阅读`).
pub(crate) fn is_sidebar_label(line: &str) -> bool {
    ["延伸阅读", "相关链接", "链接", "背景链接"].contains(&label(line))
}

/// A label's or headline's words, without the mark some papers set before them
/// (`■延伸阅读`, `■当好顶梁柱（快评）`).
pub(crate) fn label(line: &str) -> &str {
    trim(trim(line).trim_start_matches(['■', '●', '▲', '◆']))
}

/// A headline tagged as an addendum to the story printed above it: further reading or the
/// editor's afterword (`让小店更便民（延伸阅读）`, `让小店留住烟火气（编后）`). Papers set these
/// under the story they add to, as its own part, not as a piece of their own. A `（链接）`
/// is left out: the labelled months print it both ways.
pub(crate) fn is_addendum_head(line: &str) -> bool {
    const ADDENDA: [&str; 4] = ["延伸阅读", "编后", "编后语", "编后话"];
    closing_note(line).is_some_and(|(title, note)| {
        let inner = note
            .trim_start_matches(['（', '('])
            .trim_end_matches(['）', ')']);
        !trim(title).is_empty() && ADDENDA.contains(&inner)
    })
}

/// What a meeting's attendance line says the listed leaders did, closing the report of a
/// meeting, a talk or a meeting with guests (`…李华、张强参加会见。`).
const ATTENDED: [&str; 3] = ["出席", "参加", "列席"];
/// The occasions [`ATTENDED`] closes a report of.
const SITTINGS: [&str; 4] = ["会议", "会见", "会谈", "座谈会"];

/// The line a meeting's report closes with, as the news agencies word it: the leaders who
/// attended (`…王明、李华参加会议。`, `…负责人列席会议。`) or the other business it studied
/// (`…研究了其他事项。`).
pub(crate) fn closes_meeting(line: &str) -> bool {
    let line = trim(line);
    let Some(body) = line.strip_suffix('。') else {
        return false;
    };
    body.ends_with("研究了其他事项")
        || SITTINGS.iter().any(|s| {
            body.strip_suffix(s).is_some_and(|b| {
                let b = b.strip_suffix('了').unwrap_or(b);
                ATTENDED.iter().any(|a| b.ends_with(a))
            })
        })
}

/// The label of a section of notes printed at a story's end, under the story's own text:
/// the reporter's (`记者手记`, `■采访手记`) or the editor's (`编后`, `编后语`).
pub(crate) fn is_notes_label(line: &str) -> bool {
    ["记者手记", "采访手记", "编后", "编后语", "编后话"].contains(&label(line))
}

/// The label of an abstract printed under a headline, over the story it sums up.
pub(crate) fn is_abstract_label(line: &str) -> bool {
    ["核心阅读", "内容提要", "阅读提示"].contains(&label(line))
}

/// Words that close a clause setting a story's time (`新春伊始，`, `春节将至，`, `一天下午，`).
const TIME_ENDS: [&str; 19] = [
    "过后", "伊始", "将至", "以来", "之际", "期间", "前夕", "时节", "时分", "上午", "下午", "晚上",
    "早上", "清晨", "傍晚", "凌晨", "当天", "当晚", "日",
];
/// Adverbs that alone set a story's time (`连日来，`, `近日，`).
const TIME_ADVERBS: [&str; 7] = ["连日来", "近日", "日前", "近年来", "如今", "眼下", "目前"];
/// The longest clause setting the time at a paragraph's opening, in chars.
const MAX_TIME_CLAUSE: usize = 6;

/// A line opening with a short clause that sets the time, then a comma (`新春伊始，…`,
/// `22日，…`, `连日来，…`): how a news paragraph opens, not a headline line. A kicker
/// leading in with a dash (`近日，记者跟随…——`) is a headline line all the same.
pub(crate) fn opens_with_time(line: &str) -> bool {
    let line = trim(line);
    if line.ends_with("——") {
        return false;
    }
    let Some((clause, rest)) = line.split_once('，') else {
        return false;
    };
    let n = clause.chars().count();
    let plain = clause
        .chars()
        .all(|c| is_han(c) || c.is_ascii_digit() || ('０'..='９').contains(&c));
    (2..=MAX_TIME_CLAUSE).contains(&n)
        && plain
        && !trim(rest).is_empty()
        && (TIME_ADVERBS.contains(&clause) || TIME_ENDS.iter().any(|w| clause.ends_with(w)))
}

/// The lead-in a line ends with, leading with a dash into the one under it and naming whom
/// or where it tells of (`云岭县河湾村第一书记李建华——`), past any credit printed before
/// it on the line (`本报讯（记者 王明）湘江村——` gives `湘江村——`): a kicker over a
/// headline, or the lead-in of one part of a story told in parts. Not a subheadline opening
/// with the dash, nor a clause (`在车间、在田头，他们奋战在前——`, `捐款捐物，保障供应——`):
/// a name holds no comma.
pub(crate) fn named_lead_in(line: &str) -> Option<&str> {
    let line = trim(line);
    let after = line
        .rfind(['）', ')'])
        .map_or(line, |at| line[at..].trim_start_matches(['）', ')']));
    let lead_in = trim(after);
    (lead_in.ends_with("——") && !lead_in.starts_with("——") && !lead_in.contains(['，', ',']))
        .then_some(lead_in)
}

/// A section head inside an article rather than a headline: `●小程序提供办事指南`,
/// `一、加强监督检查`, or a single phrase broken by a comma.
pub(crate) fn is_section_head(line: &str) -> bool {
    let line = trim(line);
    let first = line.chars().next().unwrap_or(' ');
    if matches!(
        first,
        '●' | '■' | '▲' | '◆' | '★' | '□' | '○' | '◎' | '◇' | '△' | '▶' | '►'
    ) {
        return true;
    }
    let numbered = [
        "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、",
    ]
    .iter()
    .any(|p| line.starts_with(p))
        || line.starts_with('（') && line.chars().nth(2) == Some('）');
    numbered || line.contains('，')
}

/// How wide a column tag is (`热点`, `央媒看湘江`, `（人民时评）` inside its brackets), in chars.
const COLUMN_TAG: std::ops::RangeInclusive<usize> = 2..=7;
/// How wide a bracketed column name ending a headline is, with its brackets, in chars.
const HEADLINE_COLUMN: std::ops::RangeInclusive<usize> = 2..=30;

/// A column tag: `央媒看湘江`, `（人民时评）`. Only read as one after a headline.
pub(crate) fn column_tag(line: &str) -> Option<String> {
    let inner = bracketed(line).unwrap_or(trim(line));
    let w = width(inner);
    (COLUMN_TAG.contains(&w) && !inner.contains([' ', '\u{3000}', '—', '“']))
        .then(|| inner.to_string())
}

/// A headline ending in a bracketed column name: `春运，一场旅程（评论员观察）`.
pub(crate) fn has_column_tag(line: &str) -> bool {
    let line = trim(line);
    let Some(body) = line.strip_suffix(['）', ')']) else {
        return false;
    };
    let Some(open) = body.rfind(['（', '(']) else {
        return false;
    };
    let tag = &body[open..];
    // A name with the person's post in brackets (`王丽（江城京剧团副团长）`, a deputy's
    // `李明代表（全国人大江南代表团团长）`) is a speaker or author line, not a headline in
    // its column.
    let before = trim(&body[..open]);
    let before = before
        .strip_suffix("代表")
        .or_else(|| before.strip_suffix("委员"))
        .unwrap_or(before);
    let post = tag.trim_end_matches(['）', ')']).ends_with([
        '长', '员', '人', '家', '者', '记', '任', '席', '授', '演', '师', '官', '士',
    ]);
    let name = post
        && before.chars().filter(|&c| !is_space(c)).count() <= *NAME_CHARS.end()
        && before.chars().all(|c| is_han(c) || is_space(c) || c == '·');
    // A comma inside the brackets makes them a note, unless `·` joins a column to its
    // series (`（百年，一起走过·小城人家）`).
    let note = tag.contains('。') || tag.contains('，') && !tag.contains('·');
    // A story's end (`……风景。（完）`, `（赵敏参与采写）（完）`) is no column either.
    open > 0 && !name && HEADLINE_COLUMN.contains(&width(tag)) && !note && !closes_story(tag)
}

/// The widest title a [`series_tag`] closes, in chars.
const SERIES_TITLE: usize = 24;

/// The bracketed note closing a headline that reads as a series' column once the page prints
/// it on another headline too: a motto of two clauses (`（文明城市，我们在行动）`), which
/// [`has_column_tag`] takes for a note by its comma when it stands alone. Not a note that
/// ends a story (`（完）`) or holds a sentence.
pub(crate) fn series_tag(line: &str) -> Option<&str> {
    let line = trim(line);
    let (title, note) = closing_note(line)?;
    let inner = note
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    let clauses = inner.split('，').count();
    (!trim(title).is_empty()
        && width(title) <= SERIES_TITLE
        && HEADLINE_COLUMN.contains(&width(note))
        && clauses == 2
        && inner.split('，').all(|c| (2..=8).contains(&width(c)))
        && !inner.contains(['。', '：', ':', '；'])
        && !closes_story(note))
    .then_some(note)
}

/// A line an article ends with: a photo credit (`王明摄（人民视觉）`), or a bracketed note
/// (`（作者为湘江大学教授）`, `（本报伦敦2月2日电）`, `（本组文章到此结束）`).
pub(crate) fn is_end_note(line: &str) -> bool {
    let line = trim(line);
    if signed_as_photo(line) || line.ends_with("新华社发") {
        return width(line) <= MAX_PHOTO_CREDIT;
    }
    let Some((before, note)) = closing_note(line) else {
        return false;
    };
    let before = trim(before);
    let note = note.strip_suffix(['）', ')']).unwrap_or(note);
    let credit =
        CREDIT_WORDS.iter().any(|k| note.contains(k)) && !staff_column(note) || closes_story(note);
    let numeral = note
        .chars()
        .all(|c| "（()）一二三四五六七八九十0123456789".contains(c));
    (before.is_empty() && width(note) <= MAX_BARE_NOTE && !numeral)
        || (credit
            && (before.is_empty()
                || ends_with_photo_sign(before)
                || super::text::line_ends_sentence(before)))
}

/// The inside of a bracketed note that closes a story: `完`, `全文完`, `待续`, the editor
/// (`责任编辑：王明`, `编辑 王明`), or the editor's initials (`ZM`, `王明`'s `WM`).
pub(crate) fn closes_story(note: &str) -> bool {
    let note = trim(
        note.trim_start_matches(['（', '('])
            .trim_end_matches(['）', ')']),
    );
    let initials = (2..=4).contains(&note.len()) && note.bytes().all(|b| b.is_ascii_uppercase());
    let editor = ["责任编辑", "责编", "编辑", "本版编辑"].iter().any(|k| {
        note.strip_prefix(k)
            .is_some_and(|rest| rest.starts_with(['：', ':']) || rest.starts_with(is_space))
    });
    initials || editor || ["完", "全文完", "待续", "未完待续"].contains(&note)
}

/// The date printed in brackets under the title of a speech, a law or a document:
/// `（二〇一九年二月三日）`, `（2021年5月8日，江城）`, `（二〇二一年三月十六日湘江市人大常委会
/// 五届十二次全体会议表决通过并公布）`. A longer note under a title inside the text
/// (`（2015年4月21日…审议通过 2015年6月4日…印发）`) is not one.
pub(crate) fn is_dated_note(line: &str) -> bool {
    let Some(inner) = bracketed(line) else {
        return false;
    };
    let numeral = |c: char| c.is_ascii_digit() || "〇○零一二三四五六七八九十".contains(c);
    let mut chars = trim(inner).chars();
    let year = chars.by_ref().take(4).all(numeral) && chars.next() == Some('年');
    // Then a month: `二月`, `12月`, `十二月`.
    let month: String = chars.take(4).collect();
    year && month.contains('月') && width(trim(line)) <= MAX_DATED_NOTE
}

/// Words that make a bracketed note a credit: `（作者为…）`, `（本报记者 赵云）`.
const CREDIT_WORDS: [&str; 10] = [
    "作者",
    "本报",
    "新华社",
    "记者",
    "整理",
    "摄",
    "电",
    "来源",
    "结束",
    "编者",
];

/// An end note that credits the text (`（作者为中央党校教授）`, `李华摄`): never a headline,
/// though brackets close it like a column name.
pub(crate) fn is_credit_note(line: &str) -> bool {
    let line = trim(line);
    let bracketed = line.starts_with(['（', '(']) && line.ends_with(['）', ')']);
    bracketed
        && CREDIT_WORDS.iter().any(|k| line.contains(k))
        && width(line) <= MAX_CREDIT_NOTE
        && !staff_column(line)
        || ends_with_photo_sign(line) && is_end_note(line)
}

/// A kicker's ending: a verb of speech, or a dash or colon leading into the headline.
fn reads_as_kicker(line: &str) -> bool {
    let line = trim(line);
    line.ends_with("——")
        || line.ends_with(COLONS)
        || [
            "强调", "指出", "表示", "要求", "印发", "发表", "感慨", "提出", "宣布", "致信", "回信",
            "批示", "讲话", "说", "透露",
        ]
        .iter()
        .any(|v| line.ends_with(v))
}

/// A group that reads as a headline whatever surrounds it: a subheadline opening with `——`
/// under a headline, a kicker ending with a verb of speech, or a label such as `图片报道`.
pub(crate) fn is_marked_group(lines: &[&str]) -> bool {
    // Under a kicker, a line holding a colon or a comma is a speaker's description or a
    // section head's phrase (`亲历者说` / `讲述人：…`, `北京科大：` / `凝聚共识，边学边改`).
    let kicker = lines.len() >= 2
        && reads_as_kicker(lines[0])
        && !lines[0].ends_with("——")
        && !lines[1..].iter().any(|l| l.contains(['：', '，']));
    kicker || is_subheaded_or_labelled(lines)
}

/// A group holding a subheadline opening with `——`, or a label such as `图片报道`: an item
/// of its own even in a collection.
pub(crate) fn is_subheaded_or_labelled(lines: &[&str]) -> bool {
    lines.iter().skip(1).any(|l| l.starts_with("——"))
        || lines
            .iter()
            .any(|l| l.contains(" ——") || trim(l).ends_with("图片报道"))
}

/// A line leading into the one under it (`几十年接续种树，江南云岭县——`, `电视节目《快乐
/// 汉语》：`): a kicker of what follows, never the headline over it.
fn leads_in(line: &str) -> bool {
    line.ends_with("——") || line.ends_with(COLONS)
}

/// Where the subheadline begins in `headline ——subheadline` printed on one line.
fn dash_at(line: &str) -> Option<usize> {
    [" ——", "\u{3000}——", "\u{a0}——"]
        .iter()
        .find_map(|pat| line.find(pat))
}

/// Splits `headline ——subheadline` printed on one line, or a headline and a subheadline
/// of several clauses too long for a headline (`总理主持召开常务会议 部署…；决定…`).
fn split_dash(line: &str) -> (String, Option<String>) {
    let line = trim(line);
    if let Some(i) = dash_at(line) {
        let (h, s) = line.split_at(i);
        return (trim(h).to_string(), Some(trim(s).to_string()));
    }
    if is_long_headline_line(line) && wider_than(line, MAX_HEADLINE) {
        if let Some((h, s)) = line.split_once(is_space) {
            return (h.to_string(), Some(trim(s).to_string()));
        }
    }
    (line.to_string(), None)
}

/// Gives each line of a headline group its part.
pub(crate) fn assign(lines: &[&str]) -> Heads {
    let mut lines: Vec<&str> = lines
        .iter()
        .map(|l| trim(l))
        .filter(|l| !l.is_empty())
        .collect();
    let mut heads = Heads::default();
    // A column tag printed after the headline (not under a line leading into it).
    let mut tag = None;
    if lines.len() >= 2 {
        if let Some(last) = lines.last() {
            let prev = lines[lines.len() - 2];
            let under_headline =
                width(prev) > width(last) + 2 && !last.starts_with("——") && !leads_in(prev);
            if let Some(t) = column_tag(last).filter(|_| under_headline) {
                tag = Some(t);
                lines.pop();
            }
        }
    }
    match lines.as_slice() {
        [] => {}
        // A document's dated note printed over its title as a lead-in line
        // (`（2020年3月1日…会议通过）` over `…的决定`) is its kicker: the lines under it are
        // read as a group of their own.
        [a, rest @ ..] if !rest.is_empty() && is_dated_note(a) => {
            let under = assign(rest);
            heads.kicker = Some(a.to_string());
            heads.headline = under.headline;
            heads.subheadlines.extend(under.kicker);
            heads.subheadlines.extend(under.subheadlines);
        }
        // A headline printed with its subheadline on one line is whole: what follows is a
        // label or text.
        [a, rest @ ..] if !rest.is_empty() && split_dash(a).1.is_some() => {
            let (h, s) = split_dash(a);
            heads.headline = h;
            heads.subheadlines.extend(s);
            heads
                .subheadlines
                .extend(rest.iter().map(|l| l.to_string()));
        }
        // A kicker summing the story up in clauses, too long or too broken for a headline
        // line (`听取…汇报，推进…；要求…` over `总理主持召开常务会议`): the lines under it are
        // read as a group of their own.
        [a, rest @ ..] if !rest.is_empty() && !is_headline_like(a) && is_summary_kicker(a) => {
            let under = assign(rest);
            heads.kicker = Some(a.to_string());
            heads.headline = under.headline;
            heads.subheadlines.extend(under.kicker);
            heads.subheadlines.extend(under.subheadlines);
        }
        [one] => {
            let (h, s) = split_dash(one);
            heads.headline = h;
            heads.subheadlines.extend(s);
        }
        [a, b] => {
            let b_sub = b.starts_with("——") || b.starts_with('（') || b.starts_with('(');
            let a_tagged = a.ends_with('）') || a.ends_with(')');
            let b_tagged = b.ends_with('）') || b.ends_with(')');
            let b_listing =
                b.matches([' ', '\u{3000}', '\u{a0}']).count() >= 2 && width(b) > width(a) * 2;
            // A headline of spaced phrases over a longer line broken by a comma: that line
            // is a subheadline (or a headline of its own), not the headline under a kicker.
            // So is a longer line broken by a comma under a line without one: a
            // subheadline explains, a headline under a kicker is seldom a clause pair.
            let a_full = (a.contains([' ', '\u{3000}'])
                || !(a.contains('，') || reads_as_kicker(a) || b_tagged))
                && b.contains('，')
                && width(b) > width(a);
            // A line saying who attended, presided or spoke (`王明出席 李华讲话`) is a
            // news headline's subheadline, unless the line over it leads into it
            // (`…会议强调` / `推动环保工作升级 李华出席`).
            let b_attendance = ["出席", "主持", "讲话", "陪同", "参加"]
                .iter()
                .any(|v| b.contains(v))
                && !reads_as_kicker(a);
            if !b_sub
                && !a_full
                && !b_attendance
                && !marks_headline(a, b)
                && !leads_in(b)
                // A `——` subheadline printed over its headline as a lead-in line is its kicker.
                && (reads_as_kicker(a)
                    || a.starts_with("——")
                    || (b_tagged && !a_tagged)
                    || !(a_tagged || b_listing))
            {
                heads.kicker = Some(a.to_string());
                let (h, s) = split_dash(b);
                heads.headline = h;
                heads.subheadlines.extend(s);
            } else {
                heads.headline = a.to_string();
                heads.subheadlines.push(b.to_string());
            }
        }
        [a, rest @ ..] => {
            // Three lines or more: read from where a subheadline begins.
            let dash = rest.iter().position(|l| l.starts_with("——"));
            // A headline with its column name under an untagged line: that line is the
            // kicker, and what follows is a label or text.
            let tagged_second = has_column_tag(rest[0]) && !has_column_tag(a);
            // A headline with its column name has no kicker over it: what follows it is a
            // subheadline, a label (`核心阅读`) or text.
            if dash == Some(0)
                || has_column_tag(a)
                || marks_headline(a, rest[0])
                || leads_in(rest[0])
                || (dash.is_none() && !reads_as_kicker(a) && !tagged_second && rest.len() >= 3)
            {
                heads.headline = a.to_string();
                heads.subheadlines = rest.iter().map(|s| s.to_string()).collect();
            } else {
                heads.kicker = Some(a.to_string());
                heads.headline = rest[0].to_string();
                heads.subheadlines = rest[1..].iter().map(|s| s.to_string()).collect();
            }
        }
    }
    // The tag is the kicker when the group has none; a group with its own kicker keeps it
    // (a label such as `核心阅读` under a full headline group is not the article's kicker).
    if let Some(t) = tag {
        heads.kicker.get_or_insert(t);
    }
    // A mark set before the headline (`▲`, `◆`) is no part of it.
    let unmarked = trim(heads.headline.trim_start_matches(HEADLINE_MARKS));
    if unmarked.len() < heads.headline.len() && !unmarked.is_empty() {
        heads.headline = unmarked.to_string();
    }
    heads
}

/// True when `a`, the first line of a headline group, bears a headline mark (`▲`, `■`)
/// and `b` under it does not: papers mark the headline, so `a` is the headline and `b` its
/// subheadline (`▲江城迎来今冬首场降雪` / `城区部分路段出现结冰`), not a
/// kicker over it. A marked line leading into the next (`■ 青石镇抢修队——`) stays its
/// kicker.
fn marks_headline(a: &str, b: &str) -> bool {
    a.starts_with(HEADLINE_MARKS) && !b.starts_with(HEADLINE_MARKS) && !leads_in(a)
}

/// Marks some papers set before a headline: `■`, `◆`, `▲`, `▼`.
const HEADLINE_MARKS: [char; 5] = ['■', '◆', '▲', '▼', '□'];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addendum_heads() {
        let table = [
            ("步道建设有了新标准（延伸阅读）", true),
            ("让老街留住烟火气（编后）", true),
            ("守护一方净土(编后语)", true),
            ("（延伸阅读）", false),
            ("延伸阅读", false),
            ("网络平台开辟夜间新市场（链接）", false),
            ("小巷里的烟火气（人民时评）", false),
            ("步道建设有了新标准", false),
        ];
        for (line, want) in table {
            assert_eq!(is_addendum_head(line), want, "{line}");
        }
    }

    #[test]
    fn notes_labels() {
        let table = [
            ("记者手记", true),
            ("■记者手记", true),
            ("采访手记", true),
            ("编后", true),
            ("编后语", true),
            ("记者点评", false),
            ("记者观察", false),
            ("凝聚更多共识（记者手记）", false),
            ("常在村头见到他", false),
        ];
        for (line, want) in table {
            assert_eq!(is_notes_label(line), want, "{line}");
        }
    }

    #[test]
    fn lines_opening_with_the_time() {
        let table = [
            ("新春伊始，园区新厂房陆续", true),
            ("春节将至，各地举办迎春活动", true),
            ("22日，园区新厂房", true),
            ("连日来，园区企业加快", true),
            ("一天下午，突然接到电", true),
            // A kicker leading in with a dash, a headline's comma, no comma at all.
            ("近日，记者跟随园区工人——", false),
            ("出门不用愁，公交暖人心", false),
            ("园区新厂房开工建设", false),
        ];
        for (line, want) in table {
            assert_eq!(opens_with_time(line), want, "{line}");
        }
    }

    #[test]
    fn headline_like_lines() {
        let table = [
            ("市委常委会召开会议", true),
            ("百亿产业链“机声隆隆” ——探访“江城智造园”", true),
            ("会议指出，要抓好落实。", false),
            ("推动各方面", true),
            ("江南省湘江市援疆教师王明——", true),
            ("王小华：", true),
            ("江南省政协主席王明委员：", true),
            ("他说，有三个特点：", false),
            ("他说，", false),
            ("漫漫归乡路，", false),
            ("小巷里的烟火气（人民时评）", true),
            ("“能帮一把，就帮一把！”（德耀中华）", true),
            ("“疫情发生后，如何在", false),
            (
                "过去只能在家打牌；如今健身有地方、看戏有舞台。江南乡村——",
                true,
            ),
            ("“我们的日子，越过越好。”他说——", false),
            ("“90后”第一书记——", true),
            ("湘江日报长沙3月2", false),
            ("本报长沙3月2日", false),
            ("今年前11月", true),
            ("路怎么修？（来信调查）", true),
            ("我是党员，我先来！（一线报道） ——防汛一线纪实之一", true),
            ("路怎么修？", false),
            // A column named after the staff is no credit (`（记者王明）` is).
            ("“谢谢你们，远方的记者！”（记者手记）", true),
            ("奋斗，源自使命感(记者手记)", true),
            ("最高检:", true),
            ("在古镇感受年味儿（新春新年俗)", true),
            ("展期3月2日—3月9日", true),
            ("——编 者", false),
            ("——古丽·艾买提委员（湘江文联副主席）", false),
            ("——重访湘江两岸春节前夕走过的那些村庄", true),
            ("——记全国劳动模范张明（上）", true),
            // The headline of a line with its subheadline is read for commas, not the whole line.
            (
                "看展览，听讲座，学非遗（新春走基层） ——重访湘江两岸春节前夕走过的那些村庄",
                true,
            ),
            (
                "看展览，听讲座，学非遗，湘江两岸的群众在家门口欢欢喜喜过了一个文化年 ——新春走基层",
                false,
            ),
            (
                "守住一方碧水 两岸人家共享安宁（奋进新时代——江城新作为） ——湘江生态保护纪实",
                true,
            ),
        ];
        for (input, want) in table {
            assert_eq!(is_headline_like(input), want, "{input}");
        }
    }

    /// A photo's courtesy credit closes its caption: never a headline line or a kicker.
    #[test]
    fn photo_courtesy_credits() {
        let table = [
            ("受访者供图", true),
            ("青石镇文化站供图", true),
            ("春秋航空供图（新华社发）", true),
            ("图片由青石镇文化站提供", true),
            ("（本版图片均由湘江博物馆提供）", true),
            ("图片展由青石镇文化站提供场地", false),
            ("供图：徐怡涛", false),
            ("欢迎读者朋友们提供图片和线索", false),
            ("市民提供图书三千册", false),
        ];
        for (line, want) in table {
            assert_eq!(is_photo_courtesy(line), want, "{line}");
            assert_eq!(is_headline_like(line), !want, "{line}");
        }
        // Nor is a reader's signature a kicker, over a headline with a column tag.
        assert!(!is_sentence_kicker("山东威海市 陈晓新"));
        assert!(is_sentence_kicker("老戏台又热闹起来了……"));
    }

    /// A teller's line under a story told in the first person closes it: never a headline
    /// line nor a kicker; a headline that only mentions a telling stays one.
    #[test]
    fn tellers() {
        let table = [
            ("江南省云岭县青石镇河湾村陈晓红讲述", true),
            (
                "江南省湘江市云岭县青石镇河湾村帮扶队第一书记、工作队长，县农业局副局长李华讲述",
                true,
            ),
            ("江南省湘江市青石镇柳树村第一书记赵敏讲述", true),
            ("老兵讲述", false),
            ("老兵讲述抗战往事", false),
            ("“我们不怕苦”，老党员这样讲述", false),
            ("湘江日报记者  王明讲述", false),
            ("江北省临河市向阳镇前进村村民王建国讲述", true),
            ("——江南省省长李华讲述", false),
            ("他讲述了抗疫的故事。", false),
            ("讲述人：李华，园区工程师", false),
            ("老党员的讲述", false),
        ];
        for (line, want) in table {
            assert_eq!(is_teller(line), want, "{line}");
            if want {
                assert!(!is_headline_like(line), "{line}");
                assert!(!is_sentence_kicker(line), "{line}");
            }
        }
        assert!(is_headline_like("老兵讲述抗战往事"));
    }

    /// An editor's note, signed or labelled, over the reports it introduces.
    #[test]
    fn editors_notes() {
        let table = [
            ("——编 者", true),
            ("——编  者", true),
            ("——编者", true),
            ("编者按", true),
            ("编者按：春耕时节，本版推出一组报道。", true),
            ("——编辑部", false),
            ("——王明", false),
            ("编者的话", false),
            ("本报编者近日走访了园区。", false),
        ];
        for (line, want) in table {
            assert_eq!(is_editors_note(line), want, "{line}");
        }
    }

    /// Which lines are an editor's note over a piece (`opens_editors_note`).
    #[test]
    fn an_editors_note_is_labelled_so() {
        let table = [
            ("编者按：春节将至，本报记者走进河边人家。", true),
            ("■编者按：春节将至，本报记者走进河边人家。", true),
            ("编者的话", true),
            ("编者按语不多，意思很明白。", false),
            ("编后：河边人家的新年，是千家万户的缩影。", false),
            ("本报编者按照读者来信走访了河边人家。", false),
        ];
        for (line, want) in table {
            assert_eq!(opens_editors_note(line), want, "{line}");
        }
    }

    /// A deputy's or member's line over their item: a post and a name before `代表` or
    /// `委员`; not a headline that ends with the word, nor one with its post in brackets.
    #[test]
    fn speakers() {
        let table = [
            ("江南省湘江市市长李明代表", true),
            ("湘江大学副校长王华委员：", true),
            ("湘江集团董事长、总经理赵云代表", true),
            ("5G产业联盟秘书长陈立委员", true),
            ("张明代表", false),
            ("做人民满意的代表", true),
            ("人大代表", false),
            ("李明代表（湘江市市长）", false),
            ("“我是人民的代表”", false),
            ("他说，要当好人民代表", false),
            ("代表委员共话民生实事", false),
        ];
        for (line, want) in table {
            assert_eq!(is_speaker(line), want, "{line}");
        }
    }

    /// Signatures under a text, and the speech source under a quote: never headline lines.
    #[test]
    fn signatures() {
        let table = [
            ("——编 者", true, false),
            ("——王建代表（湘江建工项目质量管理员）", true, false),
            ("——江南省委书记王明日前在省委五届三次全会上说", true, true),
            (
                "——湘江市政协主席李华1月16日在政协湘江市九届二次会议的闭幕会上说",
                true,
                true,
            ),
            ("——李华在湘江考察时说", true, true),
            // A subheadline is no signature.
            ("——江城防汛一线纪实之一", false, false),
            ("——听听专家怎么说", false, false),
            ("——他说，要抓好落实，会上说", false, false),
        ];
        for (line, signature, source) in table {
            assert_eq!(is_signature(line), signature, "{line}");
            assert_eq!(is_speech_source(line), source, "{line}");
            if signature {
                assert!(!is_headline_like(line), "{line}");
            }
        }
    }

    #[test]
    fn lines_cut_short() {
        let table = [
            ("漫漫归乡路，", true, true),
            ("他说：“", true, true),
            ("记者从《", true, true),
            ("漫漫归乡路,", false, true),
            ("会议由(", false, true),
            ("王小华：", false, false),
            ("市委常委会召开会议", false, false),
        ];
        for (input, full, any_width) in table {
            assert_eq!(cut_short(input, false), full, "{input}");
            assert_eq!(cut_short(input, true), any_width, "{input}");
        }
    }

    #[test]
    fn column_tags() {
        let table = [
            ("小巷里的烟火气（人民时评）", true),
            ("老街人家新时光（百年，一起走过·小城人家）", true),
            ("会议召开（会议由王明主持，李华出席）", false),
            ("王丽（江城京剧团副团长）", false),
            ("李明代表（全国人大江南代表团团长）", false),
            ("王建华代表（江南省委书记、省政协主席）", false),
            ("赵敏委员（湘江建工集团董事长）", false),
            ("致敬人民代表（人民时评）", true),
            ("（人民时评）", false),
            // A story's end note is no column.
            ("（赵敏参与采写）（完）", false),
            ("是小山村里一道亮丽的风景……（完）", false),
            ("春运路上（待续）", false),
        ];
        for (input, want) in table {
            assert_eq!(has_column_tag(input), want, "{input}");
        }
    }

    /// A bracketed motto of two short clauses closing a headline may be a series' tag
    /// (the page says so by printing it twice); a note of a sentence, a story's end, or a
    /// clause too long for a motto is not.
    #[test]
    fn series_tags() {
        let table = [
            (
                "河边人家过年忙（乡村振兴，我们在路上）",
                Some("（乡村振兴，我们在路上）"),
            ),
            (
                "守好家门 护好邻里(文明城市，我们在行动)",
                Some("(文明城市，我们在行动)"),
            ),
            ("小巷里的烟火气（人民时评）", None),
            ("会议召开（会议由湘江市委书记王明主持，李华出席）", None),
            ("会议召开（王明主持。李华出席）", None),
            ("（文明城市，我们在行动）", None),
            ("是小山村里一道亮丽的风景……（完）", None),
        ];
        for (input, want) in table {
            assert_eq!(series_tag(input), want, "{input}");
        }
    }

    /// A meeting's report closes with who attended, or with the other business it studied.
    #[test]
    fn meeting_closers() {
        let table = [
            ("本次会议也研究了其他事项。", true),
            ("李明、王华、张强参加会议。", true),
            ("市直部门负责人列席会议。", true),
            ("王华参加会见。", true),
            ("副市长张强出席了座谈会。", true),
            ("本次会议也研究了其他事项", false),
            ("数百名群众参加活动。", false),
            ("他说，大家都要参加会议", false),
        ];
        for (input, want) in table {
            assert_eq!(closes_meeting(input), want, "{input}");
        }
    }

    #[test]
    fn exclaimed_headlines() {
        let table = [
            ("流感高发季，我们该怎么预防？", true),
            ("首破百亿元！假日消费亮眼", true),
            ("“我们是一群不服输的年轻人！” ——江城青年突击队纪实", true),
            ("路怎么修", false),
            ("他说：“好！”", false),
            ("真好！我们终于回家了。", false),
            ("1月8日，孩子们笑了！", false),
        ];
        for (input, want) in table {
            assert_eq!(is_exclaimed_headline(input), want, "{input}");
        }
    }

    #[test]
    fn story_ends() {
        let table = [
            ("老年大学负责人表示，下一步还将开设更多课程。（完）", true),
            ("（完）", true),
            (
                "园方提醒，游客要错峰游园，注意安全。（责任编辑：周周）",
                true,
            ),
            ("园方提醒，游客要错峰游园。（编辑 王明）", true),
            ("园方提醒，游客要错峰游园。（ZM）", true),
            ("园方提醒，游客要错峰游园。（WTO）", true),
            ("园方提醒，游客要错峰游园。（见图）", false),
            ("小巷里的烟火气（人民时评）", false),
            ("园方提醒（编辑部）", false),
        ];
        for (input, want) in table {
            assert_eq!(is_end_note(input), want, "{input}");
        }
    }

    #[test]
    fn dated_notes() {
        let table = [
            ("（二〇一九年二月三日）", true),
            ("（2021年5月8日，江城）", true),
            (
                "（二〇二一年三月十六日湘江市人大常委会五届十二次全体会议表决通过并公布）",
                true,
            ),
            (
                "（2015年4月21日湘江市委常委会审议通过 2015年6月4日湘江市委印发 2020年12月修订）",
                false,
            ),
            ("（2020年湘江读书节论坛发言摘要）", false),
            ("（本报北京2月3日电）", false),
            ("2019年2月3日", false),
        ];
        for (input, want) in table {
            assert_eq!(is_dated_note(input), want, "{input}");
        }
    }

    #[test]
    fn comma_kickers() {
        let table = [
            ("据统计，去年以来，用量增加了一倍", true),
            ("据统计，去年以来，用量", true),
            ("据统计，去年以来，", false),
            ("他说，今年要干好。", false),
            ("短，行", false),
        ];
        for (input, want) in table {
            assert_eq!(is_comma_kicker(input), want, "{input}");
        }
    }

    #[test]
    fn summary_kickers() {
        let table = [
            (
                "审议全市春耕备耕工作汇报，部署抓好农资供应；决定对种粮大户给予补贴，稳定粮食生产",
                true,
            ),
            (
                "市长强调，春耕工作已全面展开。我们一定要抓紧抓实，确保不误农时",
                true,
            ),
            (
                "湘江市将推出五项措施，支持小微企业融资，帮助商户稳住经营",
                true,
            ),
            // A line that may have been cut inside a word at a column break still reads as
            // one: only its place on the page tells (facts::summary_lead_ins).
            ("湘江市将推出五项措施，支持小微企业融资，帮助", true),
            // A paragraph: it ends a sentence, or a note after one.
            (
                "湘江市将推出五项措施，支持小微企业融资，帮助商户稳住经营。",
                false,
            ),
            (
                "湘江市将推出五项措施，支持小微企业融资。（相关报道见第三版）",
                false,
            ),
            // Several sentences, cut after a comma, opening with a day, or a credit set off after
            // the last sentence: text.
            ("春耕开始了。农资到位了。种子下地了，农民笑了", false),
            ("湘江市将推出五项措施，支持小微企业融资，", false),
            ("3月2日，湘江市推出五项措施，支持小微企业融资", false),
            (
                "他一直守在岗位上直到退休那天，从未停歇。  湘江日报记",
                false,
            ),
            // No clause at all.
            ("湘江市推出五项措施支持小微企业融资", false),
        ];
        for (input, want) in table {
            assert_eq!(is_summary_kicker(input), want, "{input}");
        }
        // In a group, the kicker: the headline is the line under it.
        let heads = assign(&[table[0].0, "市政府召开常务会议"]);
        assert_eq!(heads.kicker.as_deref(), Some(table[0].0));
        assert_eq!(heads.headline, "市政府召开常务会议");
    }

    #[test]
    fn section_heads() {
        let table = [
            ("越是任务繁重，越要沉住气", true),
            ("●小程序提供办事指南", true),
            ("一、加强监督检查", true),
            ("（二）做好宣传工作", true),
            ("无人机 洒农药助春耕", false),
        ];
        for (input, want) in table {
            assert_eq!(is_section_head(input), want, "{input}");
        }
    }

    fn h(k: Option<&str>, head: &str, subs: &[&str]) -> Heads {
        Heads {
            kicker: k.map(Into::into),
            headline: head.into(),
            subheadlines: subs.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn group_parts() {
        let table: Vec<(Vec<&str>, Heads)> = vec![
            (vec!["市委召开会议"], h(None, "市委召开会议", &[])),
            (vec!["◆市委召开会议"], h(None, "市委召开会议", &[])),
            (vec!["▲ 市委召开会议"], h(None, "市委召开会议", &[])),
            // The marked line is the headline, the unmarked one under it its subheadline.
            (
                vec!["▲江城迎来今冬首场降雪", "城区部分路段出现结冰"],
                h(None, "江城迎来今冬首场降雪", &["城区部分路段出现结冰"]),
            ),
            (
                vec!["■ 青石镇抢修队——", "“最难的活儿我们上”"],
                h(Some("■ 青石镇抢修队——"), "“最难的活儿我们上”", &[]),
            ),
            (
                vec!["■李华获得亚军", "湘江国际象棋公开赛"],
                h(None, "李华获得亚军", &["湘江国际象棋公开赛"]),
            ),
            (
                vec!["◆湘江市人大常委会公告", "［五届］第十二号", "（2021年5月18日）"],
                h(None, "湘江市人大常委会公告", &["［五届］第十二号", "（2021年5月18日）"]),
            ),
            // Who attended, under a kicker ending with a verb of speech: in the headline
            // line, printed with the headline.
            (
                vec![
                    "市长主持召开环保委员会会议强调",
                    "推动环保工作升级 李华出席",
                ],
                h(
                    Some("市长主持召开环保委员会会议强调"),
                    "推动环保工作升级 李华出席",
                    &[],
                ),
            ),
            // A headline and a subheadline of several clauses on one line.
            (
                vec!["湘江市长主持召开市政府常务会议 部署春耕备耕和农资调运供应工作；决定对种粮大户和家庭农场给予补贴并适当延长贷款期限，多措并举稳生产保供应"],
                h(
                    None,
                    "湘江市长主持召开市政府常务会议",
                    &["部署春耕备耕和农资调运供应工作；决定对种粮大户和家庭农场给予补贴并适当延长贷款期限，多措并举稳生产保供应"],
                ),
            ),
            // A line leading into the next with a dash is a kicker, never the headline.
            (
                vec!["守护越冬的候鸟，护林夫妇——", "在湖心岛过年"],
                h(Some("守护越冬的候鸟，护林夫妇——"), "在湖心岛过年", &[]),
            ),
            (
                vec!["让沙丘变绿洲", "几十年接续种树，江南云岭县——"],
                h(None, "让沙丘变绿洲", &["几十年接续种树，江南云岭县——"]),
            ),
            // Who attended and spoke: a subheadline, not the headline under a kicker.
            (
                vec!["全省职业教育大会举行", "王明出席 李华讲话"],
                h(None, "全省职业教育大会举行", &["王明出席 李华讲话"]),
            ),
            // A headline with its column name, then a label: no kicker.
            (
                vec!["网上认养 渐成风尚（绿色家园）", "核心阅读", "植树节将至"],
                h(
                    None,
                    "网上认养 渐成风尚（绿色家园）",
                    &["核心阅读", "植树节将至"],
                ),
            ),
            // A headline and its subheadline on one line, then a line of cut text.
            (
                vec![
                    "保持好的作风 ——论用心办好身边实事",
                    "力戒空谈浮夸，既是作风",
                ],
                h(
                    None,
                    "保持好的作风",
                    &["——论用心办好身边实事", "力戒空谈浮夸，既是作风"],
                ),
            ),
            (
                vec!["百亿产业链“机声隆隆” ——探访“江城智造园”", "央媒看湘江"],
                h(
                    Some("央媒看湘江"),
                    "百亿产业链“机声隆隆”",
                    &["——探访“江城智造园”"],
                ),
            ),
            (
                vec![
                    "市委常委会召开会议",
                    "听取五个党组工作汇报 研究工作要点 部署防汛备汛工作",
                ],
                h(
                    None,
                    "市委常委会召开会议",
                    &["听取五个党组工作汇报 研究工作要点 部署防汛备汛工作"],
                ),
            ),
            (
                vec![
                    "王明在安全生产会议上强调",
                    "抓好隐患排查 守住安全底线",
                ],
                h(
                    Some("王明在安全生产会议上强调"),
                    "抓好隐患排查 守住安全底线",
                    &[],
                ),
            ),
            (
                vec!["在奋斗中收获自信", "——新春团拜会侧记"],
                h(None, "在奋斗中收获自信", &["——新春团拜会侧记"]),
            ),
            (
                vec!["江南青石镇", "不夜港 渔家忙（寻找最美乡村）"],
                h(Some("江南青石镇"), "不夜港 渔家忙（寻找最美乡村）", &[]),
            ),
            (
                vec!["西部小城加快转型——", "老工业基地焕发新活力", "核心阅读"],
                h(Some("西部小城加快转型——"), "老工业基地焕发新活力", &[]),
            ),
            (
                vec![
                    "省委召开常委会议 研究近期防汛重点任务",
                    "响应号召，省委常委同志为支持灾区重建带头捐款",
                ],
                h(
                    None,
                    "省委召开常委会议 研究近期防汛重点任务",
                    &["响应号召，省委常委同志为支持灾区重建带头捐款"],
                ),
            ),
            (
                vec!["新桥今日通车", "全长三公里，连通南北两岸"],
                h(None, "新桥今日通车", &["全长三公里，连通南北两岸"]),
            ),
            (
                vec![
                    "小城新桥通车",
                    "两岸连通了（城市观察）",
                    "核心阅读",
                    "新桥连通南北",
                ],
                h(
                    Some("小城新桥通车"),
                    "两岸连通了（城市观察）",
                    &["核心阅读", "新桥连通南北"],
                ),
            ),
            (
                vec!["新春走基层", "山村来了新医生", "——记乡村医生李华"],
                h(Some("新春走基层"), "山村来了新医生", &["——记乡村医生李华"]),
            ),
            (
                vec!["（2021年3月2日湘江市人大常委会五届九次会议通过）", "湘江市关于加强河道保护的决定"],
                h(
                    Some("（2021年3月2日湘江市人大常委会五届九次会议通过）"),
                    "湘江市关于加强河道保护的决定",
                    &[],
                ),
            ),
            // A `——` subheadline printed over its tagged headline as a lead-in line.
            (
                vec!["——写在新桥通车之际（5）", "两岸连通了（城市观察）"],
                h(
                    Some("——写在新桥通车之际（5）"),
                    "两岸连通了（城市观察）",
                    &[],
                ),
            ),
        ];
        for (input, want) in table {
            assert_eq!(assign(&input), want, "{input:?}");
        }
    }
}
