//! Fingerprints the code that turns page files into index documents (decoding, splitting,
//! the splitter's trees, the document's fields and their tokenizers), so that an index
//! built by another version of that code reads its files again instead of keeping
//! articles this version would split differently.

use std::path::{Path, PathBuf};

/// Sources whose change alters what a page file becomes in the index.
const READS_PAGES: [&str; 7] = [
    "src/archive",
    "src/split",
    "src/article.rs",
    "src/normalize.rs",
    "src/schema.rs",
    "src/index/mod.rs",
    "Cargo.lock",
];

fn main() {
    let mut files = Vec::new();
    for p in READS_PAGES {
        println!("cargo:rerun-if-changed={p}");
        collect(Path::new(p), &mut files);
    }
    files.sort();
    // FNV-1a over each path and its bytes: stable across compilers, unlike std's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_default();
        for b in f.to_string_lossy().bytes().chain([0]).chain(bytes) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let code = format!("/// Fingerprint of the code that reads page files (build.rs).\npub const READER: u64 = {h:#018x};\n");
    std::fs::write(out.join("reader.rs"), code).expect("OUT_DIR is writable");
}

fn collect(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        for e in std::fs::read_dir(p).into_iter().flatten().flatten() {
            collect(&e.path(), out);
        }
    } else if p.is_file() {
        out.push(p.to_path_buf());
    }
}
