//! Output for people at a terminal: colour only when stdout is one, and never a control
//! character from a file name or a page: those are printed as visible escapes ([`visible`]),
//! so that a name holding `ESC [2J` cannot clear the screen or forge output.

use crate::article::{Article, Reporter};
use crate::query::{Hit, Results};
use std::borrow::Cow;
use std::io::Write;

/// `text` as it may go to a terminal: control characters (C0, DEL, C1) and the marks that
/// reorder text (U+202A–U+202E, U+2066–U+2069) become visible escapes such as `\x1b` and
/// `\u{202e}`; everything else, Chinese text included, is unchanged.
///
/// ```
/// use baosou::render::text::visible;
/// assert_eq!(visible("疫情\x1b[2J防控"), "疫情\\x1b[2J防控");
/// assert_eq!(visible("a\tb\u{202e}c"), "a\\tb\\u{202e}c");
/// assert_eq!(visible("复工复产"), "复工复产");
/// ```
pub fn visible(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// [`visible`], keeping line breaks: for messages of several lines.
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let hidden = |c: char| {
        (c.is_control() && !(keep_newlines && c == '\n'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            _ if !hidden(c) => out.push(c),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// ANSI styling, or none.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Colour with ANSI escapes.
    pub color: bool,
}

impl Style {
    /// `text`, made [`visible`], in the given ANSI style.
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{}\x1b[0m", visible(text))
        } else {
            visible(text).into_owned()
        }
    }

    /// Text with the given character ranges highlighted (bold red on a terminal, plain
    /// otherwise).
    fn marked(&self, text: &str, ranges: &[[usize; 2]], base: &str) -> String {
        if !self.color {
            return visible(text).into_owned();
        }
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut at = 0;
        for r in ranges {
            if r[1] > chars.len() || r[0] < at {
                continue;
            }
            out.push_str(&self.paint(base, &chars[at..r[0]].iter().collect::<String>()));
            out.push_str(&self.paint("1;31", &chars[r[0]..r[1]].iter().collect::<String>()));
            at = r[1];
        }
        out.push_str(&self.paint(base, &chars[at..].iter().collect::<String>()));
        out
    }
}

fn byline(reporters: &[Reporter]) -> String {
    reporters
        .iter()
        .map(|r| {
            let role = if r.photo && r.role.is_empty() {
                "摄影"
            } else {
                r.role.as_str()
            };
            format!(
                "{}{}{}",
                r.org.as_deref().unwrap_or(""),
                role,
                if role.is_empty() { "" } else { " " }
            ) + &r.name
        })
        .collect::<Vec<_>>()
        .join("、")
}

fn place(a: &Article) -> String {
    let mut parts = vec![a.date.clone().unwrap_or_else(|| "(no date)".into())];
    if !a.paper.is_empty() {
        parts.push(a.paper.clone());
    }
    if let Some(p) = &a.page_label {
        parts.push(format!("第{p}版"));
    }
    parts.join(" · ")
}

/// Search hits, ranked, then the count.
pub fn hits(
    out: &mut impl Write,
    results: &Results,
    offset: usize,
    style: Style,
) -> anyhow::Result<()> {
    for (i, h) in results.hits.iter().enumerate() {
        hit(out, offset + i + 1, h, style)?;
    }
    let shown = results.hits.len();
    match (results.total, shown) {
        (0, _) => writeln!(out, "no articles found")?,
        (t, 0) => writeln!(out, "{t} articles found; none after the first {offset}")?,
        (t, n) => writeln!(
            out,
            "{t} articles found; showing {}–{}",
            offset + 1,
            offset + n
        )?,
    }
    Ok(())
}

fn hit(out: &mut impl Write, rank: usize, h: &Hit, style: Style) -> anyhow::Result<()> {
    let a = &h.article;
    writeln!(
        out,
        "{rank:>3}. {}",
        style.marked(&a.headline, &h.headline_highlights, "1")
    )?;
    let mut meta = place(a);
    if !a.reporters.is_empty() {
        meta.push_str(" · ");
        meta.push_str(&byline(&a.reporters));
    }
    writeln!(
        out,
        "     {} · {}",
        style.paint("2", &meta),
        style.paint("36", &a.id)
    )?;
    if !h.snippet.text.is_empty() {
        writeln!(
            out,
            "     {}",
            style.marked(&h.snippet.text, &h.snippet.highlights, "0")
        )?;
    }
    writeln!(out)?;
    Ok(())
}

/// `text` with what `needles` match marked, as `show --query` prints it: bold red on a
/// terminal, between 【 and 】 otherwise, so that a pipe or a file still shows the matches.
/// Matches are found by the snippet highlighter, exactly as the index matches them.
fn matched(style: Style, text: &str, needles: &[String], base: &str) -> String {
    let ranges = crate::query::snippet::highlight_all(text, needles);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    // Each run is made visible, line breaks kept: the body is marked whole.
    let mut push = |run: &[char], code: &str| {
        let run: String = run.iter().collect();
        let run = visible_lines(&run);
        if style.color {
            out.push_str(&format!("\x1b[{code}m{run}\x1b[0m"));
        } else {
            out.push_str(&run);
        }
    };
    let mut at = 0;
    for r in &ranges {
        if r[1] > chars.len() || r[0] < at {
            continue;
        }
        push(&chars[at..r[0]], base);
        if style.color {
            push(&chars[r[0]..r[1]], "1;31");
        } else {
            push(&['【'], base);
            push(&chars[r[0]..r[1]], base);
            push(&['】'], base);
        }
        at = r[1];
    }
    push(&chars[at..], base);
    out
}

/// A whole article, as `show` prints it, with what `needles` match marked (none marked
/// when `needles` is empty).
pub fn article(
    out: &mut impl Write,
    a: &Article,
    style: Style,
    needles: &[String],
) -> anyhow::Result<()> {
    if let Some(k) = &a.kicker {
        writeln!(out, "{}", matched(style, k, needles, "2"))?;
    }
    writeln!(out, "{}", matched(style, &a.headline, needles, "1"))?;
    for s in &a.subheadlines {
        writeln!(out, "{}", matched(style, s, needles, "0"))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", style.paint("2", &place(a)))?;
    if !a.reporters.is_empty() {
        writeln!(
            out,
            "{}",
            matched(style, &byline(&a.reporters), needles, "2")
        )?;
    }
    writeln!(
        out,
        "{}",
        style.paint(
            "2",
            &format!("{} · {} [{}, {})", a.id, a.path, a.span[0], a.span[1])
        )
    )?;
    parts_and_printings(out, style, a)?;
    writeln!(out)?;
    // The body is marked whole, so that a match across a cut paragraph is found.
    for para in matched(style, &a.body, needles, "0").split('\n') {
        writeln!(out, "{para}")?;
        writeln!(out)?;
    }
    for c in &a.captions {
        writeln!(out, "{}", matched(style, &format!("图：{c}"), needles, "3"))?;
    }
    for j in &a.jumps {
        writeln!(out, "{}", style.paint("2", &format!("（{j}）")))?;
    }
    Ok(())
}

/// The pages a story is printed on, in reading order, and the other printings of its text.
fn parts_and_printings(out: &mut impl Write, style: Style, a: &Article) -> anyhow::Result<()> {
    let page = |p: Option<u32>| p.map_or("?".to_string(), |p| p.to_string());
    if a.parts.len() > 1 {
        for (k, p) in a.parts.iter().enumerate() {
            let line = match &p.missing {
                Some(label) if k == 0 => format!("begins on {label}, not in this archive"),
                Some(label) => format!("continued on {label}, not in this archive"),
                None => format!(
                    "part {} · page {} · {} [{}, {})",
                    k + 1,
                    page(p.page),
                    visible(&p.path),
                    p.span[0],
                    p.span[1]
                ),
            };
            writeln!(out, "{}", style.paint("2", &line))?;
        }
    }
    for d in &a.duplicates {
        let line = format!(
            "also printed: {} {} page {} · {}",
            visible(d.date.as_deref().unwrap_or("-")),
            visible(&d.paper),
            page(d.page),
            d.id
        );
        writeln!(out, "{}", style.paint("2", &line))?;
    }
    Ok(())
}

/// One article as `split` shows it: where it is, its headline and byline, and how its body
/// begins.
pub fn split_article(out: &mut impl Write, a: &Article) -> anyhow::Result<()> {
    writeln!(
        out,
        "{}  #{}  [{}, {})  {}",
        visible(&a.path),
        a.seq,
        a.span[0],
        a.span[1],
        visible(a.date.as_deref().unwrap_or("-"))
    )?;
    if let Some(k) = &a.kicker {
        writeln!(out, "  kicker     {}", visible(k))?;
    }
    writeln!(out, "  headline   {}", visible(&a.headline))?;
    for s in &a.subheadlines {
        writeln!(out, "  subhead    {}", visible(s))?;
    }
    if !a.reporters.is_empty() {
        writeln!(out, "  byline     {}", visible(&byline(&a.reporters)))?;
    }
    if let Some(d) = &a.dateline {
        writeln!(out, "  dateline   {}", visible(d))?;
    }
    for c in &a.captions {
        writeln!(out, "  caption    {}", visible(c))?;
    }
    for j in &a.jumps {
        writeln!(out, "  jump       {}", visible(j))?;
    }
    let lead: String = a.body.chars().take(60).collect();
    writeln!(
        out,
        "  body       {} chars: {}…",
        a.body.chars().count(),
        visible(&lead)
    )?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible_escapes() {
        let cases = [
            ("疫情防控", "疫情防控", "疫情防控"),
            ("a\x1b[31mb", "a\\x1b[31mb", "a\\x1b[31mb"),
            ("行\n行\r", "行\\n行\\r", "行\n行\\r"),
            ("\x07\x7f\u{9b}", "\\x07\\x7f\\u{9b}", "\\x07\\x7f\\u{9b}"),
            ("\u{202e}txt.exe", "\\u{202e}txt.exe", "\\u{202e}txt.exe"),
        ];
        for (text, want, want_lines) in cases {
            assert_eq!(visible(text), want, "{text:?}");
            assert_eq!(visible_lines(text), want_lines, "{text:?}");
        }
    }

    #[test]
    fn painted_and_marked_text_is_escaped_but_keeps_its_highlights() {
        let style = Style { color: true };
        let painted = style.marked("疫情\x1b防控", &[[3, 5]], "0");
        assert_eq!(painted.matches('\x1b').count(), 6, "{painted:?}");
        assert!(painted.contains("\\x1b") && painted.contains("\x1b[1;31m防控"));
        let plain = Style { color: false }.marked("疫情\x1b防控", &[[3, 5]], "0");
        assert_eq!(plain, "疫情\\x1b防控");
    }

    #[test]
    fn matches_are_bracketed_off_a_terminal_and_coloured_on_one() {
        let needles = vec!["疫情".to_string(), "柳歌".to_string()];
        let plain = Style { color: false };
        let cases = [
            ("疫情防控", "【疫情】防控"),
            ("本报记者 柳 歌", "本报记者 【柳 歌】"),
            ("复工复产", "复工复产"),
        ];
        for (text, want) in cases {
            assert_eq!(matched(plain, text, &needles, "0"), want, "{text}");
        }
        let tty = matched(Style { color: true }, "抗击疫情", &needles, "0");
        assert!(tty.contains("\x1b[1;31m疫情\x1b[0m"), "{tty:?}");
        assert_eq!(matched(plain, "疫情", &[], "0"), "疫情");
    }
}
