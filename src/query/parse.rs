//! The query language: words separated by spaces must all match; `A OR B` matches either;
//! `-word` excludes; `"quoted text"` is an exact phrase; `headline:`, `body:` and
//! `reporter:` limit a word to one part of the article. Full-width forms typed in a
//! Chinese input method (`＂`, `－`, `：`, the ideographic space) work like their ASCII
//! twins.
//!
//! What a query may cost is bounded here, for the command line and the API alike: a word
//! typed twice counts once (`的 的 的` is `的`), and a query holds at most [`MAX_WORDS`]
//! different words and [`MAX_QUERY_CHARS`] characters.

use anyhow::bail;

/// The most different words (and phrases) one query may hold; a word repeated counts once.
/// Every word is a phrase query over the character fields and a few word queries, so this
/// bounds the work of one search.
pub const MAX_WORDS: usize = 32;

/// The longest query text accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 500;

/// The part of an article a word must be found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Headline, kicker, subheadlines, reporters, body or captions.
    Any,
    /// Headline, kicker or subheadlines.
    Headline,
    /// Body or captions.
    Body,
    /// A reporter's name, whole.
    Reporter,
}

/// One word or phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    /// The fields it is looked for in.
    pub scope: Scope,
    /// What to find, as typed.
    pub text: String,
}

/// Atoms joined by OR; the group matches when one of them does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The alternatives.
    pub any_of: Vec<Atom>,
    /// Written with a leading `-`: articles that match are excluded.
    pub negated: bool,
}

/// A parsed query: every group must match (or, if negated, must not).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The groups, in the order typed.
    pub groups: Vec<Group>,
}

impl Parsed {
    /// The atoms that must or may match, for highlighting.
    pub fn positive_atoms(&self) -> impl Iterator<Item = &Atom> {
        self.groups
            .iter()
            .filter(|g| !g.negated)
            .flat_map(|g| g.any_of.iter())
    }
}

/// A lexical piece of the query string.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    text: String,
    quoted: bool,
    negated: bool,
    scope: Scope,
}

/// Parses what the user typed.
///
/// ```
/// use baosou::query::parse;
/// let q = parse("疫情 OR 防控 -武汉").unwrap();
/// assert_eq!(q.groups.len(), 2);
/// assert!(q.groups[1].negated);
/// ```
///
/// Repeated words are dropped, and too many different words is an error:
///
/// ```
/// use baosou::query::{parse, MAX_WORDS};
/// assert_eq!(parse(&"的 ".repeat(250)).unwrap().groups.len(), 1);
/// let many: Vec<String> = (0..=MAX_WORDS).map(|n| n.to_string()).collect();
/// assert!(parse(&many.join(" ")).is_err());
/// ```
pub fn parse(input: &str) -> anyhow::Result<Parsed> {
    let length = input.chars().count();
    if length > MAX_QUERY_CHARS {
        bail!("the query is too long ({length} characters): at most {MAX_QUERY_CHARS} are allowed");
    }
    let pieces = lex(input)?;
    let mut groups: Vec<Group> = Vec::new();
    let mut join_next = false;
    for (i, p) in pieces.iter().enumerate() {
        if !p.quoted && !p.negated && p.scope == Scope::Any && p.text == "OR" {
            if groups.is_empty() || i + 1 == pieces.len() {
                bail!("OR needs a word on each side, as in `疫情 OR 防控`");
            }
            join_next = true;
            continue;
        }
        let atom = Atom {
            scope: p.scope,
            text: p.text.clone(),
        };
        if join_next {
            join_next = false;
            let last = groups.last_mut().filter(|g| !g.negated && !p.negated);
            let Some(last) = last else {
                bail!("`-` cannot be combined with OR: write the excluded word on its own");
            };
            last.any_of.push(atom);
        } else {
            groups.push(Group {
                any_of: vec![atom],
                negated: p.negated,
            });
        }
    }
    let groups = distinct(groups);
    let words = groups.iter().map(|g| g.any_of.len()).sum::<usize>();
    if words > MAX_WORDS {
        bail!(
            "the query has {words} different words: at most {MAX_WORDS} are allowed; \
             remove some, or search for a phrase in quotes"
        );
    }
    Ok(Parsed { groups })
}

/// The groups without repeats: an atom that its group already holds is dropped (quotes
/// change nothing to what a word matches), then a group that an earlier one equals.
fn distinct(groups: Vec<Group>) -> Vec<Group> {
    let same = |a: &Atom, b: &Atom| a.scope == b.scope && a.text == b.text;
    let mut out: Vec<Group> = Vec::with_capacity(groups.len());
    for mut g in groups {
        let mut atoms: Vec<Atom> = Vec::with_capacity(g.any_of.len());
        for a in g.any_of {
            if !atoms.iter().any(|b| same(&a, b)) {
                atoms.push(a);
            }
        }
        g.any_of = atoms;
        let equal = |h: &Group| {
            h.negated == g.negated
                && h.any_of.len() == g.any_of.len()
                && h.any_of.iter().all(|a| g.any_of.iter().any(|b| same(a, b)))
        };
        if !out.iter().any(equal) {
            out.push(g);
        }
    }
    out
}

fn lex(input: &str) -> anyhow::Result<Vec<Piece>> {
    let chars: Vec<char> = input.chars().collect();
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let mut negated = false;
        if matches!(chars[i], '-' | '－') && i + 1 < chars.len() && !chars[i + 1].is_whitespace() {
            negated = true;
            i += 1;
        }
        let mut scope = Scope::Any;
        if let Some((s, len)) = field_prefix(&chars[i..])? {
            scope = s;
            i += len;
        }
        let (text, quoted) = if i < chars.len() && is_quote(chars[i]) {
            let start = i + 1;
            let Some(end) = chars[start..].iter().position(|&c| is_quote(c)) else {
                bail!("unbalanced quote in the query: add the closing \"");
            };
            i = start + end + 1;
            (chars[start..start + end].iter().collect::<String>(), true)
        } else {
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() {
                if is_quote(chars[i]) {
                    bail!("unbalanced quote in the query: put quotes around whole words, as in \"新冠 肺炎\"");
                }
                i += 1;
            }
            (chars[start..i].iter().collect(), false)
        };
        let text = text.trim().to_string();
        if text.is_empty() {
            if quoted || negated || scope != Scope::Any {
                bail!("an empty word in the query: write something after `-`, `field:` or between quotes");
            }
            continue;
        }
        pieces.push(Piece {
            text,
            quoted,
            negated,
            scope,
        });
    }
    Ok(pieces)
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '＂')
}

/// A `name:` prefix at the start of `chars`, with its length. A Latin name that is not a
/// field is an error; anything else (`12:30`) is ordinary text.
fn field_prefix(chars: &[char]) -> anyhow::Result<Option<(Scope, usize)>> {
    let Some(colon) = chars.iter().position(|&c| matches!(c, ':' | '：')) else {
        return Ok(None);
    };
    let name: String = chars[..colon].iter().collect();
    if colon == 0 || !name.chars().all(|c| c.is_ascii_alphabetic()) {
        return Ok(None);
    }
    let scope = match name.to_ascii_lowercase().as_str() {
        "headline" | "title" => Scope::Headline,
        "body" | "text" => Scope::Body,
        "reporter" | "author" => Scope::Reporter,
        _ => bail!("unknown field `{name}:` in the query; use headline:, body: or reporter:"),
    };
    Ok(Some((scope, colon + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atom(scope: Scope, text: &str) -> Atom {
        Atom {
            scope,
            text: text.into(),
        }
    }

    fn group(atoms: Vec<Atom>, negated: bool) -> Group {
        Group {
            any_of: atoms,
            negated,
        }
    }

    #[test]
    fn parses_the_query_language() {
        use Scope::*;
        let cases: Vec<(&str, Vec<Group>)> = vec![
            ("疫情防控", vec![group(vec![atom(Any, "疫情防控")], false)]),
            (
                "复工复产  俞强年",
                vec![
                    group(vec![atom(Any, "复工复产")], false),
                    group(vec![atom(Any, "俞强年")], false),
                ],
            ),
            (
                "疫情 OR 肺炎 -武汉",
                vec![
                    group(vec![atom(Any, "疫情"), atom(Any, "肺炎")], false),
                    group(vec![atom(Any, "武汉")], true),
                ],
            ),
            (
                "\"铜墙 铁壁\" headline:督导",
                vec![
                    group(vec![atom(Any, "铜墙 铁壁")], false),
                    group(vec![atom(Headline, "督导")], false),
                ],
            ),
            (
                "＂复工复产＂　－株洲　reporter：胡文洁",
                vec![
                    group(vec![atom(Any, "复工复产")], false),
                    group(vec![atom(Any, "株洲")], true),
                    group(vec![atom(Reporter, "胡文洁")], false),
                ],
            ),
            (
                "body:\"2月26日\"",
                vec![group(vec![atom(Body, "2月26日")], false)],
            ),
            ("12:30", vec![group(vec![atom(Any, "12:30")], false)]),
            (
                "2019-2020",
                vec![group(vec![atom(Any, "2019-2020")], false)],
            ),
            ("   ", vec![]),
            (
                "的 的 \"的\" 的 OR 的 防控 OR 的 的 OR 防控 -的 -的",
                vec![
                    group(vec![atom(Any, "的")], false),
                    group(vec![atom(Any, "防控"), atom(Any, "的")], false),
                    group(vec![atom(Any, "的")], true),
                ],
            ),
            (
                "headline:的 的 body:的",
                vec![
                    group(vec![atom(Headline, "的")], false),
                    group(vec![atom(Any, "的")], false),
                    group(vec![atom(Body, "的")], false),
                ],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(parse(input).unwrap().groups, want, "{input}");
        }
    }

    #[test]
    fn rejects_malformed_queries_with_a_reason() {
        let cases = [
            ("\"疫情防控", "unbalanced quote"),
            ("疫情\"防控", "unbalanced quote"),
            ("foo:疫情", "unknown field `foo:`"),
            ("OR 疫情", "OR needs a word"),
            ("疫情 OR", "OR needs a word"),
            ("疫情 OR -防控", "cannot be combined"),
            ("headline:", "empty word"),
            ("\"\"", "empty word"),
        ];
        let many: Vec<String> = (0..=MAX_WORDS).map(|n| format!("词{n}")).collect();
        let long = "的".repeat(MAX_QUERY_CHARS + 1);
        let cases = cases.into_iter().map(|(q, w)| (q.to_string(), w)).chain([
            (many.join(" "), "33 different words: at most 32"),
            (many.join(" OR "), "33 different words"),
            (long, "too long (501 characters)"),
        ]);
        for (input, want) in cases {
            let err = parse(&input).unwrap_err().to_string();
            assert!(err.contains(want), "{input}: {err}");
        }
    }
}
