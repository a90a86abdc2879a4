//! The marks the linking pass ([`super::links`]) leaves on the collection's documents, and
//! what a search reads from them: a filter that drops the documents never shown (which
//! works across shards: Solr's collapse parser needs a group on one shard, which the
//! routing by id does not give), and the parts and other printings of a hit.

use crate::article::{Article, Duplicate, Part};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// On a part of a story that has a whole-story document: that document's id. Such a part
/// is never shown itself.
pub const PART_OF: &str = "part_of";
/// On a printing of a text but the first: the first printing's id. Not shown unless every
/// printing is asked for.
pub const PRINTING_OF: &str = "printing_of";
/// On a linked document: the parts and the other printings its hit shows, as JSON
/// ([`Shown`]).
pub const LINKS: &str = "links";

/// The filter queries that leave out the documents a search never shows: the parts of
/// stories that have a whole-story document and, when `fold`, the later printings.
pub fn shown_only(fold: bool) -> Vec<(String, String)> {
    let mut fq = vec![("fq".to_string(), format!("-{PART_OF}:[* TO *]"))];
    if fold {
        fq.push(("fq".to_string(), format!("-{PRINTING_OF}:[* TO *]")));
    }
    fq
}

/// What a linked document's hit shows beside its text, kept in its [`LINKS`] field.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shown {
    /// The story's parts.
    pub parts: Vec<Part>,
    /// The other printings of its text.
    pub duplicates: Vec<Duplicate>,
}

/// Fills in `a`'s parts and, when `fold`, its other printings from `doc`'s [`LINKS`], as a
/// local hit's ([`crate::index::Links::decorate`]).
pub fn decorate(doc: &Value, a: &mut Article, fold: bool) {
    let shown = doc[LINKS]
        .as_str()
        .and_then(|s| serde_json::from_str::<Shown>(s).ok());
    if let Some(shown) = shown {
        if !shown.parts.is_empty() {
            a.parts = shown.parts;
        }
        if fold {
            a.duplicates = shown.duplicates;
        }
    }
    if a.parts.is_empty() {
        a.parts.push(a.own_part());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn hidden_documents_are_filtered() {
        let fq = |fold| -> Vec<String> { shown_only(fold).into_iter().map(|(_, v)| v).collect() };
        assert_eq!(fq(false), ["-part_of:[* TO *]"]);
        assert_eq!(fq(true), ["-part_of:[* TO *]", "-printing_of:[* TO *]"]);
    }

    #[test]
    fn hits_are_decorated_from_their_links() {
        let a = Article {
            id: "x".into(),
            path: "p/01.txt".into(),
            page: Some(1),
            ..Article::default()
        };
        let dup = Duplicate {
            id: "y".into(),
            ..Duplicate::default()
        };
        let shown = Shown {
            parts: vec![a.own_part(), Part::default()],
            duplicates: vec![dup],
        };
        let doc = json!({ LINKS: serde_json::to_string(&shown).expect("JSON") });
        let table = [
            (&doc, true, 2, 1),
            (&doc, false, 2, 0),
            (&json!({}), true, 1, 0),
        ];
        for (doc, fold, parts, duplicates) in table {
            let mut hit = a.clone();
            decorate(doc, &mut hit, fold);
            assert_eq!(
                (hit.parts.len(), hit.duplicates.len()),
                (parts, duplicates),
                "{doc} {fold}"
            );
        }
    }
}
