//! How the code is laid out, checked: the files of `src/` import one another without a
//! circle, so that the crate reads as its pipeline (archive → split → index → query →
//! render/serve) and each file can be understood from the ones it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every module of `src/` (`archive::decode`; `archive` for `archive/mod.rs`) with its text,
/// test modules left out.
fn modules(dir: &Path, prefix: &[String], out: &mut BTreeMap<String, String>) {
    for e in std::fs::read_dir(dir).expect("a readable src folder") {
        let path = e.expect("a readable entry").path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            let mut p = prefix.to_vec();
            p.push(name);
            modules(&path, &p, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            let mut p = prefix.to_vec();
            match name.as_str() {
                // The crate root declares the modules; it is no file of the pipeline.
                "lib" | "main" if prefix.is_empty() => continue,
                "mod" => {}
                _ => p.push(name),
            }
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            let text = text.split("#[cfg(test)]").next().unwrap_or_default();
            out.insert(p.join("::"), text.to_string());
        }
    }
}

/// The modules a text names by `crate::a::b` or `super::c` paths (the longest prefix that
/// is a module), without comments.
fn imports(me: &str, text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let resolve = |path: &str| -> Option<String> {
        let segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
        (1..=segs.len())
            .rev()
            .map(|k| segs[..k].join("::"))
            .find(|m| known.contains(m))
    };
    let parent: Vec<&str> = me.split("::").filter(|s| !s.is_empty()).collect();
    let parent = parent[..parent.len().saturating_sub(1)].join("::");
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (anchor, base) in [("crate::", String::new()), ("super::", parent.clone())] {
            for (at, _) in code.match_indices(anchor) {
                let rest = &code[at + anchor.len()..];
                let path: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                let mut heads = vec![path.trim_end_matches(':').to_string()];
                // `use crate::a::{b, c::d}`: each of the braces.
                if let Some(inner) = rest[path.len()..].strip_prefix('{') {
                    let inner = inner.split('}').next().unwrap_or_default();
                    heads = inner
                        .split(',')
                        .map(|i| format!("{path}{}", i.trim().split(' ').next().unwrap_or("")))
                        .collect();
                }
                for head in heads {
                    let full = [base.as_str(), head.as_str()]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join("::");
                    if let Some(m) = resolve(&full).or_else(|| resolve(&base)) {
                        if m != me {
                            out.insert(m);
                        }
                    }
                }
            }
        }
    }
    out
}

#[test]
fn no_file_of_src_imports_a_file_that_imports_it_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut texts = BTreeMap::new();
    modules(&root, &[], &mut texts);
    let known: BTreeSet<String> = texts.keys().cloned().collect();
    let graph: BTreeMap<&str, BTreeSet<String>> = texts
        .iter()
        .map(|(m, t)| (m.as_str(), imports(m, t, &known)))
        .collect();
    assert!(
        graph["query"].contains("schema"),
        "the reader finds imports"
    );
    // A circle exists when a module reaches itself.
    let mut circles = Vec::new();
    for start in graph.keys() {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&str> = graph[start].iter().map(String::as_str).collect();
        while let Some(m) = todo.pop() {
            if m == *start {
                circles.push(start.to_string());
                break;
            }
            if seen.insert(m) {
                todo.extend(graph.get(m).into_iter().flatten().map(String::as_str));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "modules in an import circle: {circles:?}"
    );
}
