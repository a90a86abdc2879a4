//! The archive: walk a folder of page files, read and decode each one, split it into
//! articles and give every article its place (paper, date, page, id).
//!
//! This is the first stage of the pipeline; everything after it sees [`Article`]s.

mod decode;
mod meta;
mod papers;

pub use decode::{decode, Decoded};
pub use meta::{
    date_from_path, edition_day, page_from_path, paper_from_file_name, paper_from_path,
};
pub use papers::PROFILE_SAMPLE;

use crate::article::{Article, DateSource};
use crate::day::Day;
use crate::normalize::squeeze;
use crate::split::{self, Profile};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Files larger than this are skipped unless the caller says otherwise.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// A folder of newspaper pages.
#[derive(Debug, Clone)]
pub struct Archive {
    /// The folder, as given.
    pub root: PathBuf,
    /// The paper given on the command line, which overrides what paths and pages say.
    pub paper: Option<String>,
    /// Folders inside the archive that are not part of it (the index, for one).
    pub exclude: Vec<PathBuf>,
    /// Files larger than this many bytes are skipped.
    pub max_file_size: u64,
    /// Each paper's habits, by [`Archive::profile_key`]; a paper without one is split with
    /// the general profile.
    pub profiles: BTreeMap<String, Profile>,
    /// The root with links resolved, found once (every page's paper and profile key read
    /// it); `None` when the root cannot be resolved.
    real_root: std::sync::OnceLock<Option<PathBuf>>,
}

/// A page file found by [`Archive::walk`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFile {
    /// Where it is.
    pub path: PathBuf,
    /// Relative to the archive root, with `/` separators.
    pub rel: String,
    /// Its size in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch (0 when unknown).
    pub mtime_ns: u64,
}

/// What the walk found: a page file, a file that will not be read (with the reason), or a
/// file that is not a page file at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A page file to read.
    Page(PageFile),
    /// A file that will not be read: too large, or a link out of the archive.
    Skipped {
        /// The file, as found.
        path: String,
        /// Why, for the user.
        reason: String,
    },
    /// A file without the `.txt` extension: scans, PDFs and the like that archives keep
    /// beside the text. `kind` is its extension (`.pdf`), or `no extension`.
    Ignored {
        /// The file, as found.
        path: String,
        /// Its extension.
        kind: String,
    },
    /// A folder or file that is there but could not be read (permission denied, an I/O
    /// error): what the index holds from it is kept. `rel` is its path relative to the
    /// root (empty for the root itself).
    Unreadable {
        /// The file, as found.
        path: String,
        /// Relative to the root.
        rel: String,
        /// Why, for the user.
        reason: String,
    },
}

/// A page read, decoded and split.
#[derive(Debug, Clone)]
pub struct Page {
    /// Its articles, in page order.
    pub articles: Vec<Article>,
    /// Problems worth a warning that did not stop the page from being read.
    pub warnings: Vec<String>,
    /// Bytes that could not be decoded, replaced by U+FFFD.
    pub bad_bytes: usize,
}

impl Archive {
    /// The archive in `root`, with the default limits, no paper given and no profiles.
    pub fn new(root: impl Into<PathBuf>) -> Archive {
        Archive {
            root: root.into(),
            paper: None,
            exclude: Vec::new(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            profiles: BTreeMap::new(),
            real_root: std::sync::OnceLock::new(),
        }
    }

    /// Every `.txt` file below the root, in a stable order. Hidden files and folders and the
    /// excluded folders (told by device and inode, so the walk stays linear in depth) are
    /// passed over. A symbolic link is not followed into a folder: one that leaves the
    /// archive is skipped and named, and one to a file inside it is read. Files that will
    /// not be read (a link loop, a name that is not UTF-8) are reported as skipped, folders
    /// and files that could not be read (permission denied, an I/O error) as unreadable, and
    /// other files as ignored.
    pub fn walk(&self) -> impl Iterator<Item = Entry> + '_ {
        let exclude: Vec<(u64, u64)> = self
            .exclude
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok().map(|m| dev_ino(&m)))
            .collect();
        let root_real = self.root.canonicalize().ok();
        let mut it = walkdir::WalkDir::new(&self.root)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter();
        std::iter::from_fn(move || loop {
            let e = match it.next()? {
                Ok(e) => e,
                Err(err) => return Some(self.walk_error(err)),
            };
            let is_dir = e.file_type().is_dir();
            let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
            let excluded = is_dir
                && !exclude.is_empty()
                && e.metadata().is_ok_and(|m| exclude.contains(&dev_ino(&m)));
            if hidden || excluded {
                if is_dir {
                    it.skip_current_dir();
                }
                continue;
            }
            if e.depth() > 0 && e.path_is_symlink() {
                if let Some(entry) = self.link(&e, root_real.as_deref()) {
                    return Some(entry);
                }
                continue;
            }
            if is_dir {
                continue;
            }
            if let Some(entry) = self.entry(&e) {
                return Some(entry);
            }
        })
    }

    /// A walk error: a folder or file that could not be read keeps what the index holds
    /// of it.
    fn walk_error(&self, err: walkdir::Error) -> Entry {
        let path = err.path().map_or_else(
            || self.root.display().to_string(),
            |p| p.display().to_string(),
        );
        let reason = err.io_error().map_or_else(|| err.to_string(), io_reason);
        let rel = err.path().map(|p| self.rel(p)).unwrap_or_default();
        Entry::Unreadable { path, rel, reason }
    }

    /// `path` relative to the root, with `/` separators (lossy for a name that is not
    /// UTF-8, which the index never holds).
    fn rel(&self, path: &std::path::Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        rel.to_string_lossy().replace('\\', "/")
    }

    /// A symbolic link met by the walk: a link to a file inside the archive is read like
    /// one; a link out of the archive, to a folder, round a loop or to nothing is skipped.
    fn link(&self, e: &walkdir::DirEntry, root: Option<&std::path::Path>) -> Option<Entry> {
        let path = e.path().display().to_string();
        let skipped = |reason: String| {
            Some(Entry::Skipped {
                path: path.clone(),
                reason,
            })
        };
        let target = match e.path().canonicalize() {
            Ok(t) => t,
            Err(err) if is_loop(&err) => return skipped("symbolic link loop".into()),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return skipped("broken symbolic link (its target does not exist)".into())
            }
            Err(err) => {
                let rel = self.rel(e.path());
                let reason = io_reason(&err);
                return Some(Entry::Unreadable { path, rel, reason });
            }
        };
        if root.is_some_and(|r| !target.starts_with(r)) {
            return skipped(format!(
                "symbolic link to {}, outside the archive",
                target.display()
            ));
        }
        if target.is_dir() {
            let parent = e.path().parent().and_then(|p| p.canonicalize().ok());
            if parent.is_some_and(|p| p.starts_with(&target)) {
                return skipped("symbolic link loop".into());
            }
            // Its files are read where they are, inside the archive.
            return skipped("symbolic link to a folder of the archive, read where it is".into());
        }
        self.entry(e)
    }

    fn entry(&self, e: &walkdir::DirEntry) -> Option<Entry> {
        let ext = e.path().extension();
        if !ext.is_some_and(|x| x.eq_ignore_ascii_case("txt")) {
            let kind = ext.map_or_else(
                || "no extension".to_string(),
                |x| format!(".{}", x.to_string_lossy().to_lowercase()),
            );
            return Some(Entry::Ignored {
                path: e.path().display().to_string(),
                kind,
            });
        }
        let rel_path = e.path().strip_prefix(&self.root).unwrap_or(e.path());
        let Some(rel) = rel_path.to_str().map(|s| s.replace('\\', "/")) else {
            return Some(Entry::Skipped {
                path: e.path().display().to_string(),
                reason: "file name is not valid UTF-8; rename it".into(),
            });
        };
        // The file itself, through a link.
        let meta = match std::fs::metadata(e.path()) {
            Ok(m) if m.is_file() => m,
            Ok(_) => return None,
            Err(err) => {
                let path = e.path().display().to_string();
                let reason = io_reason(&err);
                return Some(Entry::Unreadable { path, rel, reason });
            }
        };
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as u64);
        Some(Entry::Page(PageFile {
            path: e.path().to_path_buf(),
            rel,
            size: meta.len(),
            mtime_ns,
        }))
    }

    /// Reads, decodes and splits one page. An error is the reason to skip the file.
    pub fn read(&self, file: &PageFile) -> Result<Page, String> {
        let bytes = self.read_bytes(file)?;
        self.page_from_bytes(&file.rel, &bytes)
    }

    /// A page file's bytes, unless it is too large or cannot be read.
    pub fn read_bytes(&self, file: &PageFile) -> Result<Vec<u8>, String> {
        if file.size > self.max_file_size {
            return Err(format!(
                "larger than the {} MiB limit (raise --max-file-size to read it)",
                self.max_file_size / (1024 * 1024)
            ));
        }
        std::fs::read(&file.path).map_err(|e| io_reason(&e))
    }

    /// Decodes and splits page bytes that belong at `rel` in this archive.
    pub fn page_from_bytes(&self, rel: &str, bytes: &[u8]) -> Result<Page, String> {
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err("empty file".into());
        }
        if let Some(kind) = file_kind(bytes) {
            return Err(format!("binary file ({kind}), not page text"));
        }
        if looks_binary(bytes) && decode::utf16_without_bom(bytes).is_none() {
            return Err("binary file, not page text".into());
        }
        let decoded = decode(bytes);
        let mut warnings = Vec::new();
        if decoded.had_errors && decoded.encoding == "UTF-8" {
            warnings.push(format!(
                "{} bytes are not valid UTF-8; they were replaced by �",
                decoded.bad_bytes
            ));
        } else if decoded.had_errors {
            warnings.push(format!(
                "some bytes are not valid {}; they were replaced by �",
                decoded.encoding
            ));
        }
        let general = Profile::default();
        let profile = self.profile_for(rel).unwrap_or(&general);
        let page = split::split_with(&decoded.text, profile);
        if page.articles.is_empty() {
            return Err("no article found in the page text".into());
        }
        let articles = self.place(rel, &decoded.text, page);
        Ok(Page {
            articles,
            warnings,
            bad_bytes: decoded.bad_bytes,
        })
    }

    /// Gives each article of a split page its paper, date, page, path and id.
    fn place(&self, rel: &str, text: &str, page: split::Page) -> Vec<Article> {
        let root_name = self.root_name();
        let paper = self
            .paper
            .clone()
            .or_else(|| paper_from_path(&root_name, rel))
            .or_else(|| page.paper.clone())
            .unwrap_or_else(|| self.profile_key(rel));
        let path_date = date_from_path(rel);
        let page_date = path_date
            .map(|d| (d, DateSource::Path))
            .or(page.date.map(|d| (d, DateSource::Header)));
        let year = page_date
            .map(|(d, _)| d.year)
            .or_else(|| year_in_path(rel))
            .or_else(|| year_in(text));
        // A page is one day's edition: undated by path or header, all its articles take
        // the one day its datelines give (or, without datelines, the days that open its
        // stories); each story's own day stays in its dateline.
        let days = |dateline_only: bool| -> Vec<Day> {
            page.articles
                .iter()
                .filter(|a| !dateline_only || a.dateline.is_some())
                .filter_map(|a| a.event_day)
                .filter_map(|(m, d)| Day::new(year?, m, d))
                .collect()
        };
        let edition = edition_day(&days(true)).or_else(|| edition_day(&days(false)));
        let page_no = page_from_path(rel);
        let id_base = id_base(rel);
        let offsets: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        page.articles
            .into_iter()
            .enumerate()
            .map(|(i, mut a)| {
                a.seq = i as u32 + 1;
                a.id = format!("{id_base:016x}-{:02}", a.seq);
                a.path = rel.to_string();
                a.paper = paper.clone();
                a.page_label = page_no.as_ref().map(|(l, _)| l.clone());
                a.page = page_no.as_ref().map(|(_, n)| *n);
                let own = a.date.as_deref().and_then(Day::parse);
                let (date, source) = if let Some((d, s)) = page_date {
                    (Some(d), Some(s))
                } else if let Some(d) = own {
                    (Some(d), a.date_source.or(Some(DateSource::Header)))
                } else {
                    (edition, edition.map(|_| DateSource::Dateline))
                };
                a.date = date.map(|d| d.to_string());
                a.date_source = source;
                let at = |i: usize| offsets.get(i).copied().unwrap_or(text.len());
                let span_text = text.get(at(a.span[0])..at(a.span[1])).unwrap_or_default();
                a.furniture = furniture(span_text, &a);
                a
            })
            .collect()
    }
}

/// The lines of an article's span that none of its text fields holds. Only short lines are
/// looked at: bylines, credits and jump lines are short, and every long line is body text.
fn furniture(span_text: &str, a: &Article) -> Vec<String> {
    const MAX_LINE_BYTES: usize = 150;
    let mut heads = squeeze(a.kicker.as_deref().unwrap_or_default());
    heads.push_str(&squeeze(&a.headline));
    for s in &a.subheadlines {
        heads.push_str(&squeeze(s));
    }
    let body = Body {
        raw: &a.body,
        from: std::cell::Cell::new(0),
        squeezed: std::cell::OnceCell::new(),
    };
    let captions: Vec<String> = a.captions.iter().map(|c| squeeze(c)).collect();
    span_text
        .lines()
        .filter(|l| l.len() <= MAX_LINE_BYTES)
        .map(squeeze)
        .filter(|l| !l.is_empty())
        .filter(|l| !heads.contains(l.as_str()) && !body.holds(l))
        .filter(|l| !captions.iter().any(|c| c.contains(l.as_str())))
        .collect()
}

/// An article's body, in which [`furniture`] looks for the span's lines without white
/// space. The lines come in the body's order, so each is looked for first in the body as
/// it is, from where the last one found ended: a line without white space found there is
/// in the body without white space too. Only a line not found so has the body squeezed
/// and searched whole (once squeezed, for the lines after it as well).
struct Body<'a> {
    raw: &'a str,
    from: std::cell::Cell<usize>,
    squeezed: std::cell::OnceCell<String>,
}

impl Body<'_> {
    /// True when `squeeze(body)` contains `line`, itself without white space.
    fn holds(&self, line: &str) -> bool {
        let from = self.from.get();
        let rest = self.raw.get(from..).unwrap_or_default();
        // Nearly always the line is the next thing in the body, after white space: `line`
        // has none, so there it is first found, with no search.
        let next = rest.trim_start();
        if !line.is_empty() && next.starts_with(line) {
            self.from.set(from + (rest.len() - next.len()) + line.len());
            return true;
        }
        if let Some(i) = rest.find(line) {
            self.from.set(from + i + line.len());
            return true;
        }
        self.squeezed
            .get_or_init(|| squeeze(self.raw))
            .contains(line)
    }
}

/// A plain-words reason for an I/O error, with what to do where there is something to do.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied (check the file's mode)".into(),
        std::io::ErrorKind::NotFound => "no such file (was it moved while indexing?)".into(),
        _ if is_loop(e) => "symbolic link loop".into(),
        _ => e.to_string(),
    }
}

/// The format of a file that is not text, told by its first bytes. A PDF or an image
/// saved as `.txt` may have no NUL byte in its first kilobytes, so [`looks_binary`] alone
/// would let it through as garbled page text.
fn file_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF document"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"II*\0", "TIFF image"),
        (b"MM\0*", "TIFF image"),
        (b"PK\x03\x04", "ZIP archive or Office document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
        (b"{\\rtf", "RTF document"),
        (b"\x1f\x8b", "gzip archive"),
        (b"Rar!\x1a\x07", "RAR archive"),
        (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
        (b"\x7fELF", "program"),
    ];
    let riff_webp = bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP";
    if riff_webp {
        return Some("WebP image");
    }
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, kind)| kind)
}

/// A file's device and inode: what tells one folder from another without resolving paths.
fn dev_ino(m: &std::fs::Metadata) -> (u64, u64) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (m.dev(), m.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        (0, 0)
    }
}

/// Too many levels of symbolic links (a link that points at itself, or round a cycle).
fn is_loop(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// Text files have no NUL bytes, unless they are UTF-16.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    let utf16 =
        head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) || nuls * 3 > head.len();
    nuls > 0 && !utf16
}

/// The year mentioned most often (`2020年`), the later one on a tie.
fn year_in(text: &str) -> Option<i32> {
    let mut counts: std::collections::BTreeMap<i32, usize> = Default::default();
    let chars: Vec<char> = text.chars().collect();
    for w in chars.windows(5) {
        if w[4] == '年' && w[..4].iter().all(char::is_ascii_digit) {
            let y: String = w[..4].iter().collect();
            if let Ok(y) = y.parse::<i32>() {
                if (1900..=2100).contains(&y) {
                    *counts.entry(y).or_default() += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
}

/// A year named by a folder (`2020/02/…`, `2020年2月/…`).
fn year_in_path(rel: &str) -> Option<i32> {
    rel.split(|c: char| !c.is_ascii_digit())
        .filter(|s| s.len() == 4)
        .filter_map(|s| s.parse().ok())
        .find(|y| (1900..=2100).contains(y))
}

/// The first part of the ids of a page file's articles: 64 bits of its path's hash.
pub fn id_base(rel: &str) -> u64 {
    content_hash(rel.as_bytes())
}

/// Paths whose [`id_base`] an earlier path of `paths` already has, each with that earlier
/// path: their articles would take its articles' ids.
pub fn id_collisions<'a>(
    paths: impl Iterator<Item = &'a str>,
) -> std::collections::HashMap<&'a str, &'a str> {
    collisions(paths, id_base)
}

fn collisions<'a>(
    paths: impl Iterator<Item = &'a str>,
    hash: impl Fn(&str) -> u64,
) -> std::collections::HashMap<&'a str, &'a str> {
    let mut owners: std::collections::HashMap<u64, &str> = Default::default();
    let mut taken = std::collections::HashMap::new();
    for p in paths {
        match owners.entry(hash(p)) {
            std::collections::hash_map::Entry::Occupied(o) if *o.get() != p => {
                taken.insert(p, *o.get());
            }
            std::collections::hash_map::Entry::Occupied(_) => {}
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(p);
            }
        }
    }
    taken
}

/// A stable 64-bit hash (FNV-1a): the same bytes give the same value on every run and
/// every machine. Used for article ids and to tell whether a file's content changed.
pub fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x100000001b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_get_plain_reasons() {
        // Tests run as root, where chmod cannot make a file unreadable: the reason for
        // permission denied is checked here, on the error itself.
        use std::io::{Error, ErrorKind};
        let cases = [
            (
                Error::from(ErrorKind::PermissionDenied),
                "permission denied",
            ),
            (Error::from(ErrorKind::NotFound), "no such file"),
            (Error::from_raw_os_error(libc::ELOOP), "symbolic link loop"),
        ];
        for (e, want) in cases {
            assert!(io_reason(&e).starts_with(want), "{e}: {}", io_reason(&e));
        }
    }

    #[test]
    fn bad_page_bytes_are_refused_with_a_reason() {
        let archive = Archive::new("/nonexistent");
        let cases: [(&[u8], &str); 7] = [
            (b"", "empty file"),
            (b" \n\r\n\t", "empty file"),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary file (PNG image)"),
            (
                b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
                "binary file (PDF document)",
            ),
            (b"\xff\xd8\xff\xe0\0\x10JFIF", "binary file (JPEG image)"),
            (b"abc\0def\x01\x02", "binary file, not page text"),
            ("\u{3000}\u{3000}\n\u{a0}\n".as_bytes(), "no article found"),
        ];
        for (bytes, want) in cases {
            let err = archive.page_from_bytes("a.txt", bytes).unwrap_err();
            assert!(err.starts_with(want), "{bytes:?}: {err}");
        }
    }

    #[test]
    fn furniture_is_the_span_lines_no_field_holds() {
        let article = Article {
            headline: "市委召开 会议".into(),
            body: "会议由柳 歌主持。\n会议要求，各级认真落实值守责任。\n本报记者 王明".into(),
            captions: vec!["图为会场".into()],
            ..Default::default()
        };
        let cases: [(&str, &[&str]); 5] = [
            // Lines in the body's order, with white space the body does not have and
            // the other way round.
            (
                "市委召开会议\n会议由柳歌主持。\n会议要求，各级\n认真落实值守责任。\n本报记者王明",
                &[],
            ),
            // Out of order: a line before the last one found, and one inside a line.
            ("本报记者 王明\n会议由 柳歌\n值守", &[]),
            (
                "A3 要闻\n会议由柳 歌主持。\n图为会场\n责任编辑：李华",
                &["A3要闻", "责任编辑：李华"],
            ),
            (
                "会议要求，各级认真落实值守责任。\n会议由柳歌主持。\n（完）",
                &["（完）"],
            ),
            ("", &[]),
        ];
        for (span, want) in cases {
            let got = furniture(span, &article);
            // The same as searching the whole squeezed body for every line.
            let body = squeeze(&article.body);
            let heads = squeeze(&article.headline);
            let naive: Vec<String> = span
                .lines()
                .map(squeeze)
                .filter(|l| !l.is_empty() && !heads.contains(l.as_str()))
                .filter(|l| !body.contains(l.as_str()) && !"图为会场".contains(l.as_str()))
                .collect();
            assert_eq!(got, naive, "{span}");
            assert_eq!(got, want, "{span}");
        }
    }

    #[test]
    fn colliding_ids_are_found_and_the_first_path_keeps_them() {
        // A hash that collides on purpose: the length of the path.
        let paths = [
            "a/1.txt", "b/22.txt", "c/3.txt", "a/1.txt", "d/44.txt", "e.txt",
        ];
        let taken = collisions(paths.into_iter(), |p| p.len() as u64);
        let want: std::collections::HashMap<&str, &str> =
            [("c/3.txt", "a/1.txt"), ("d/44.txt", "b/22.txt")].into();
        assert_eq!(taken, want);
        // Two page names whose 32-bit ids collided (issue 16) get ids of their own now.
        let (a, b) = (
            "江城晚报/2021-03-10/2998.txt",
            "江城晚报/2021-03-27/20080.txt",
        );
        assert_eq!(id_base(a) as u32, id_base(b) as u32);
        assert_ne!(id_base(a), id_base(b));
        assert!(id_collisions([a, b].into_iter()).is_empty());
    }

    #[test]
    fn a_file_over_the_limit_is_not_read() {
        let mut archive = Archive::new("/nonexistent");
        archive.max_file_size = 1024 * 1024;
        let file = PageFile {
            path: "/nonexistent/a.txt".into(),
            rel: "a.txt".into(),
            size: 2 * 1024 * 1024,
            mtime_ns: 0,
        };
        let err = archive.read_bytes(&file).unwrap_err();
        assert!(err.contains("larger than the 1 MiB limit"), "{err}");
    }
}
