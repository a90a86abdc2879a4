//! The index schema: field names, defined once, and the two tokenizers every text field
//! uses, registered in one place for indexing and querying alike.
//!
//! Words cut by jieba rank the hits by headline, kicker, subheadline and byline; character
//! fields with positions find every article that contains the query string, whatever
//! jieba made of it (腾飞 inside 毛腾飞), and rank the body by how often it holds it.
//!
//! The body has no jieba field: with every query word matched exactly in the body's
//! characters, body words added nothing measurable to ranking (known-item MRR@10 0.773 with
//! them, 0.772 without) and cost about 40% of indexing time.

use crate::normalize::{normalize, three_byte_char};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::Index;

/// Bumped whenever the schema or the tokenizers change what is stored: an index written
/// with another version must be rebuilt.
pub const FORMAT_VERSION: u32 = 6;

/// The article's id, unique in the index: a hash of its file's path and its place in
/// the file (`3f2a…-02`).
pub const ID: &str = "id";
/// The page file's path inside the archive folder.
pub const PATH: &str = "path";
/// The paper's name, for the paper filter.
pub const PAPER: &str = "paper";
/// Publication day as a number, `20200227`.
pub const DATE: &str = "date";
/// The page number, for the page filter.
pub const PAGE: &str = "page";
/// The headline cut into words.
pub const HEADLINE: &str = "headline";
/// The subheadlines cut into words.
pub const SUBHEADLINE: &str = "subheadline";
/// The kicker cut into words.
pub const KICKER: &str = "kicker";
/// Reporters' names, each one whole term, for the reporter filter.
pub const REPORTER: &str = "reporter";
/// Reporters' names cut into words, for ranking a keyword that names a reporter.
pub const BYLINE: &str = "byline";
/// Characters of the kicker, headline and subheadlines, with positions: exact matching.
pub const EXACT_HEAD: &str = "exact_head";
/// Characters of the body and captions, with positions: exact matching.
pub const EXACT_BODY: &str = "exact_body";
/// The whole article as JSON: what `show` and the hits print.
pub const ARTICLE: &str = "article";

/// A 64-bit hash of the article id, fast: what the links between parts and printings
/// ([`crate::index::Links`]) are keyed by.
pub const UID: &str = "uid";
/// The band keys of the body's MinHash signature, fast, several per article: for folding
/// printings of the same text ([`crate::index::fold`]).
pub const FOLD_BANDS: &str = "fold_bands";
/// `to`/`from` when the article has a jump line to or from another page.
pub const JUMP: &str = "jump";
/// On a story's whole-text document, the story's key; such documents have no other term
/// in it.
pub const STORY: &str = "story";

/// The name the word tokenizer (jieba, normalized) is registered under.
pub const WORDS: &str = "baosou_words";
/// The name the character tokenizer (one token per indexed character, with positions) is
/// registered under.
pub const CHARS: &str = "baosou_chars";

/// Builds the schema.
pub fn schema() -> Schema {
    let mut b = Schema::builder();
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(WORDS)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let chars = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(CHARS)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    b.add_text_field(ID, STRING | STORED);
    b.add_text_field(PATH, STRING);
    b.add_text_field(PAPER, STRING | FAST);
    b.add_u64_field(DATE, INDEXED | FAST);
    b.add_u64_field(PAGE, INDEXED | FAST);
    b.add_text_field(HEADLINE, words.clone());
    b.add_text_field(SUBHEADLINE, words.clone());
    b.add_text_field(KICKER, words.clone());
    b.add_text_field(REPORTER, STRING | FAST);
    b.add_text_field(BYLINE, words);
    b.add_text_field(EXACT_HEAD, chars.clone());
    b.add_text_field(EXACT_BODY, chars);
    b.add_text_field(ARTICLE, STORED);
    b.add_u64_field(UID, INDEXED | FAST);
    b.add_u64_field(FOLD_BANDS, FAST);
    b.add_text_field(JUMP, STRING);
    b.add_text_field(STORY, STRING);
    b.build()
}

/// A field of the schema by name; missing only in an index that baosou did not write.
pub fn field(schema: &Schema, name: &str) -> anyhow::Result<Field> {
    schema.get_field(name).map_err(|_| {
        anyhow::anyhow!("the index has no field `{name}`; rebuild it with `baosou index --rebuild`")
    })
}

/// Registers the tokenizers on an index, for writing and for reading.
pub fn register_tokenizers(index: &Index) {
    index.tokenizers().register(WORDS, WordTokenizer::default());
    index.tokenizers().register(CHARS, CharTokenizer);
}

/// Normalized text cut into words by jieba, in search mode (long words also give their
/// parts, so 共和国 in a query meets 中华人民共和国 in a headline) and with HMM for names and
/// other words the dictionary lacks. Tokens without a letter or digit are dropped.
#[derive(Clone)]
pub struct WordTokenizer {
    jieba: tantivy_jieba::JiebaTokenizer,
}

impl Default for WordTokenizer {
    fn default() -> Self {
        let mut jieba = tantivy_jieba::JiebaTokenizer::with_search_mode(SEARCH_MODE);
        jieba.set_hmm(HMM);
        WordTokenizer { jieba }
    }
}

const SEARCH_MODE: bool = true;
const HMM: bool = true;

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = NormalizedTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> NormalizedTokenStream {
        let normalized = normalize(text);
        let mut spans = Vec::with_capacity(normalized.len() / 4);
        let mut stream = self.jieba.token_stream(&normalized);
        while stream.advance() {
            let t = stream.token();
            if t.text.chars().any(char::is_alphanumeric) {
                spans.push((t.offset_from, t.offset_to, spans.len()));
            }
        }
        drop(stream);
        NormalizedTokenStream::new(normalized, spans)
    }
}

/// Loads jieba's dictionary, which the first cut into words loads otherwise (a few tenths
/// of a second of one core): an indexing run has it loaded on a thread of its own while it
/// learns the papers' profiles, before the splitter and the writer need it.
pub fn load_dictionary() {
    words("中文");
}

/// Words of a query string, normalized and cut the way the index cut the text.
pub fn words(text: &str) -> Vec<String> {
    let mut tokenizer = WordTokenizer::default();
    let mut stream = tokenizer.token_stream(text);
    let mut out: Vec<String> = Vec::new();
    while stream.advance() {
        let w = &stream.token().text;
        if !out.contains(w) {
            out.push(w.clone());
        }
    }
    out
}

/// One token per normalized letter, digit or ideograph. Punctuation keeps its position but
/// gets no token (it is in every article, and costs more than it finds); spaces that align
/// a name are skipped without a gap (so `柳 歌` matches `柳歌`), those between phrases
/// ([`spaces_separate`]) leave one; a paragraph end leaves a gap, so no phrase matches
/// across it, unless the paragraph stops mid-sentence.
#[derive(Clone, Copy, Default)]
pub struct CharTokenizer;

impl Tokenizer for CharTokenizer {
    type TokenStream<'a> = CharTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CharTokenStream {
        CharTokenStream {
            text: normalize(text),
            walk: Walk::new(),
            token: Token::default(),
        }
    }
}

/// The tokens of [`CharTokenizer`]: the characters of a normalized text that
/// [`each_indexed_char`] gives, walked as tantivy asks for them (no list of spans is made
/// first), handed out through one reused [`Token`] so that no token allocates.
pub struct CharTokenStream {
    text: String,
    walk: Walk,
    token: Token,
}

impl TokenStream for CharTokenStream {
    fn advance(&mut self) -> bool {
        let Some(at) = self.walk.next(&self.text) else {
            return false;
        };
        self.token.offset_from = at.offset;
        self.token.offset_to = at.end;
        self.token.position = at.position;
        self.token.position_length = 1;
        self.token.text.clear();
        // The char decoded from the bytes `offset..end`: the same bytes, pushed without
        // slicing the text again.
        self.token.text.push(at.c);
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// One character of a normalized text that the character fields index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexedChar {
    /// The character, normalized.
    pub c: char,
    /// Its byte offset in the normalized text.
    pub offset: usize,
    /// The byte offset after it.
    pub end: usize,
    /// Its index among the text's characters (normalizing keeps one character per
    /// character, so this is also its index in the text as printed).
    pub index: usize,
    /// Its token position: what a phrase query matches on.
    pub position: usize,
}

/// Calls `f` on each character of normalized `text` that the character fields index, in
/// order, with the position [`CharTokenizer`] gives it. The one home of those positions:
/// the tokenizer and the highlighter both read them here.
pub fn each_indexed_char(normalized: &str, mut f: impl FnMut(IndexedChar)) {
    let mut walk = Walk::new();
    while let Some(at) = walk.next(normalized) {
        f(at);
    }
}

/// Where [`each_indexed_char`] is in a normalized text, and what it carries from one
/// character to the next (the position, and the gap a paragraph end or the spaces between
/// phrases leave): the walk the tokenizer makes one token at a time.
struct Walk {
    offset: usize,
    index: usize,
    position: usize,
    gap: bool,
    last: char,
    spaces: Option<usize>,
}

impl Walk {
    fn new() -> Walk {
        Walk {
            offset: 0,
            index: 0,
            position: 0,
            gap: false,
            last: ' ',
            spaces: None,
        }
    }

    /// The next indexed character of `normalized`, the text the walk began on.
    #[inline(always)]
    fn next(&mut self, normalized: &str) -> Option<IndexedChar> {
        let bytes = normalized.as_bytes();
        while let Some(&b) = bytes.get(self.offset) {
            let (c, white, len) = decode(normalized, self.offset, b);
            let at = self.offset;
            self.offset += len;
            self.index += 1;
            if c == '\n' {
                // A paragraph that stops mid-sentence was cut by a column break the
                // splitter did not mend: it goes on in the next one.
                self.gap = char_ends_sentence(self.last);
                self.spaces = None;
            } else if white {
                self.spaces.get_or_insert(at);
            } else {
                if let Some(from) = self.spaces.take() {
                    self.gap |= spaces_separate(normalized, from, at);
                }
                if self.gap && self.position > 0 {
                    self.position += 1;
                }
                self.gap = false;
                let position = self.position;
                self.position += 1;
                self.last = c;
                if is_word_char(c) {
                    return Some(IndexedChar {
                        c,
                        offset: at,
                        end: self.offset,
                        index: self.index - 1,
                        position,
                    });
                }
            }
        }
        None
    }
}

/// The character of `text` at byte `at`, whose first byte is `b`, whether it is white
/// space ([`char::is_whitespace`]), and its length in bytes. ASCII and the ideographs of the URO, nearly every
/// character of a page, are decoded here without the general UTF-8 decoder and the
/// Unicode tables.
#[inline(always)]
fn decode(text: &str, at: usize, b: u8) -> (char, bool, usize) {
    let bytes = text.as_bytes();
    if b < 0x80 {
        let c = char::from(b);
        return (c, matches!(c, ' ' | '\t'..='\r'), 1);
    }
    // E4 to E9 lead the three bytes of U+4000 to U+9FFF (the text is valid UTF-8).
    if (0xe4..=0xe9).contains(&b) {
        if let Some(c) = three_byte_char(bytes, at).and_then(char::from_u32) {
            return (c, false, 3);
        }
    }
    // E2, E3 and EF lead the page's punctuation (`“”…—`, `、。《》`, `，：`): white space
    // among them is what `char::is_whitespace` holds of U+2000 to U+FFFF.
    if matches!(b, 0xe2 | 0xe3 | 0xef) {
        if let Some((u, c)) = three_byte_char(bytes, at).and_then(|u| Some((u, char::from_u32(u)?)))
        {
            let white = matches!(
                u,
                0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000
            );
            return (c, white, 3);
        }
    }
    let c = text[at..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.is_whitespace(), c.len_utf8())
}

/// True when the white space from byte `from` to byte `to` of normalized `text` parts two
/// phrases (`实现新作为 助力发展`), not the characters of a name spaced out to align it
/// (`柳 歌`, `（王 婷）`, `雷 声 周 石`): more than one letter or ideograph on each side.
pub fn spaces_separate(text: &str, from: usize, to: usize) -> bool {
    let before = text[..from].chars().rev().take_while(|&c| is_word_char(c));
    let after = text[to..].chars().take_while(|&c| is_word_char(c));
    before.take(2).count() > 1 && after.take(2).count() > 1
}

/// Letters, digits and ideographs: what the character fields index. The common cases are
/// decided without Unicode tables, since this runs on every character of every article.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{4e00}'..='\u{9fff}').contains(&c) {
        true
    } else if ('\u{3000}'..='\u{303f}').contains(&c) && !('\u{3005}'..='\u{3007}').contains(&c)
        || ('\u{ff00}'..='\u{ff65}').contains(&c)
        || ('\u{2000}'..='\u{206f}').contains(&c)
    {
        // CJK punctuation (but not 々 or the 〇 of 二〇二〇年), full-width forms left after
        // normalization (「」、…), and general punctuation (`“”…—`, where no char is a
        // letter or digit).
        false
    } else {
        c.is_alphanumeric()
    }
}

/// True for a character that ends a sentence or closes a quotation or note (after
/// normalization): one character, where the splitter's `line_ends_sentence` reads a whole
/// line of page text.
pub fn char_ends_sentence(c: char) -> bool {
    matches!(
        c,
        '。' | '!'
            | '?'
            | '…'
            | ';'
            | ':'
            | '”'
            | '’'
            | '」'
            | '』'
            | ')'
            | '】'
            | '》'
            | '"'
            | '.'
    )
}

/// The characters a query string is matched by, as the index holds them, each with its
/// position relative to the first.
pub fn chars(text: &str) -> Vec<(usize, String)> {
    let mut stream = CharTokenizer.token_stream(text);
    let mut out: Vec<(usize, String)> = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push((t.position, t.text.clone()));
    }
    if let Some(first) = out.first().map(|f| f.0) {
        for c in &mut out {
            c.0 -= first;
        }
    }
    out
}

/// Tokens of a normalized text, given as `(start, end, position)` byte ranges, handed out
/// through one reused [`Token`] so that no token allocates.
pub struct NormalizedTokenStream {
    text: String,
    spans: Vec<(usize, usize, usize)>,
    next: usize,
    token: Token,
}

impl NormalizedTokenStream {
    fn new(text: String, spans: Vec<(usize, usize, usize)>) -> NormalizedTokenStream {
        NormalizedTokenStream {
            text,
            spans,
            next: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for NormalizedTokenStream {
    fn advance(&mut self) -> bool {
        let Some(&(from, to, position)) = self.spans.get(self.next) else {
            return false;
        };
        self.next += 1;
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.position = position;
        self.token.position_length = 1;
        let text = &mut self.token.text;
        text.clear();
        // Nearly every token is one char of three bytes (an ideograph) or one byte: copied at
        // a length known here, without a call to memcpy for each.
        let s = self.text.get(from..to).unwrap_or_default();
        match s.len() {
            3 => text.push_str(s.get(..3).unwrap_or_default()),
            1 => text.push_str(s.get(..1).unwrap_or_default()),
            _ => text.push_str(s),
        }
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// General punctuation is passed over without the Unicode tables (here and in the
    /// fold's shingles) because none of it is a letter or digit.
    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in '\u{2000}'..='\u{206f}' {
            assert!(!c.is_alphanumeric() && !is_word_char(c), "{c:?}");
        }
        assert!(is_word_char('\u{2070}') == '\u{2070}'.is_alphanumeric());
    }

    #[test]
    fn character_tokens_and_their_positions() {
        let cases: [(&str, &[(&str, usize)]); 4] = [
            // Spaces are skipped without a gap in a name; punctuation keeps its position; a line
            // break after a finished sentence leaves a gap, one mid-sentence does not.
            (
                "柳 歌。\n５月\n日",
                &[("柳", 0), ("歌", 1), ("5", 4), ("月", 5), ("日", 6)],
            ),
            // 〇 is a digit of 二〇二〇年; corner brackets are punctuation.
            (
                "二〇二〇年「」",
                &[("二", 0), ("〇", 1), ("二", 2), ("〇", 3), ("年", 4)],
            ),
            ("復產ＡＢ", &[("复", 0), ("产", 1), ("a", 2), ("b", 3)]),
            // A space between phrases leaves a gap; spaces aligning a name do not.
            (
                "新作为 助力（王 婷）",
                &[
                    ("新", 0),
                    ("作", 1),
                    ("为", 2),
                    ("助", 4),
                    ("力", 5),
                    ("王", 7),
                    ("婷", 8),
                ],
            ),
        ];
        for (text, want) in cases {
            let mut stream = CharTokenizer.token_stream(text);
            let mut got = Vec::new();
            while stream.advance() {
                got.push((stream.token().text.clone(), stream.token().position));
            }
            let want: Vec<(String, usize)> =
                want.iter().map(|(t, p)| (t.to_string(), *p)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// The fast paths of `decode` (ASCII, the URO) give what the general decoder and
    /// `char::is_whitespace` give.
    #[test]
    fn decoding_matches_the_general_decoder() {
        let text = "a Z\t\n\u{b}\r一鿿丢\u{4000}\u{3000}\u{a0}\u{85}é〇ｚ𠀀";
        for (at, c) in text.char_indices() {
            let want = (c, c.is_whitespace(), c.len_utf8());
            assert_eq!(decode(text, at, text.as_bytes()[at]), want, "{c:?}");
        }
        // Every char whose lead byte is E2, E3 or EF (U+2000 to U+3FFF, U+F000 to U+FFFF),
        // the punctuation read off its bytes.
        let text: String = (0x2000..0x4000u32)
            .chain(0xf000..0x10000)
            .filter_map(char::from_u32)
            .collect();
        for (at, c) in text.char_indices() {
            let want = (c, c.is_whitespace(), c.len_utf8());
            assert_eq!(decode(&text, at, text.as_bytes()[at]), want, "{c:?}");
        }
    }

    /// A query opening with punctuation (`“疫情防控`) once gave its first character
    /// position 0 and the others their positions in the query, so the phrase had a hole
    /// and matched nothing.
    #[test]
    fn query_characters_are_placed_relative_to_the_first() {
        let cases: [(&str, &[(usize, &str)]); 3] = [
            ("疫情", &[(0, "疫"), (1, "情")]),
            ("“疫情”", &[(0, "疫"), (1, "情")]),
            ("（疫，情", &[(0, "疫"), (2, "情")]),
        ];
        for (text, want) in cases {
            let want: Vec<(usize, String)> =
                want.iter().map(|(p, t)| (*p, t.to_string())).collect();
            assert_eq!(chars(text), want, "{text}");
        }
    }

    #[test]
    fn words_are_normalized_and_skip_punctuation() {
        let w = words("復工復產，");
        assert!(
            w.contains(&"复工".to_string()) && w.contains(&"复产".to_string()),
            "{w:?}"
        );
        assert!(w.iter().all(|t| t != "，"), "{w:?}");
        assert!(words("ＣＯＶＩＤ疫情").contains(&"covid".to_string()));
    }
}
