//! Indexing into a SolrCloud collection: the same walk, decode and split as a local index
//! ([`crate::archive`]), with the articles sent as JSON documents to the collection's
//! `/update` in batches, and a local manifest of what the collection holds so that the
//! next run sends only what changed.
//!
//! [`client`] speaks HTTP to the collection; [`schema`] names its fields (those of
//! `solr/configset`) and builds the documents; [`update`] runs the pass, and [`links`]
//! stitches and folds the collection's articles after it, leaving [`marks`] on them; [`search`]
//! turns a query into a Solr request and its answer into hits; [`research`] reads every
//! hit and counts facets; [`serve`] answers the web page and API from the collection.

pub mod client;
pub mod links;
pub mod marks;
pub mod research;
pub mod schema;
pub mod search;
pub mod serve;
pub mod update;

pub use client::Collection;
pub use update::{index, Options};

use crate::archive::Archive;
use crate::cli::IndexArgs;
use crate::index::Summary;

/// `baosou index ARCHIVE --solr URL`: the archive's articles sent to the collection at
/// `url`, with the manifest kept in `--solr-state`.
pub fn index_archive(args: &IndexArgs, url: &str) -> anyhow::Result<Summary> {
    if !args.archive.is_dir() {
        anyhow::bail!(
            "{}: no such folder; give the folder that holds your page files (.txt)",
            args.archive.display()
        );
    }
    let solr = Collection::new(url)?;
    let mut archive = Archive::new(&args.archive);
    archive.paper = args.paper.clone();
    archive.max_file_size = args.max_file_size.saturating_mul(1024 * 1024);
    archive.exclude.push(args.index.dir.clone());
    archive.exclude.push(args.solr_state.clone());
    let opts = Options {
        progress: !args.quiet,
        rebuild: args.rebuild,
        ..Options::default()
    };
    index(&archive, &solr, &args.solr_state, &opts)
}
