//! baosou (报搜): full-text search for local Chinese newspaper archives.
//!
//! The crate reads as its pipeline: [`archive`] walks and decodes page files, [`split`]
//! turns page text into [`article::Article`]s, [`schema`] and [`index`] store them in
//! tantivy, [`query`] turns what the user typed into a tantivy query, and [`render`] prints
//! the results, and [`serve`] answers a web page. [`commands`] holds one thin function per subcommand.

#![warn(missing_docs)]
pub mod archive;
pub mod article;
pub mod cli;
pub mod commands;
pub mod day;
pub mod index;
pub mod normalize;
pub mod query;
pub mod render;
pub mod schema;
pub mod serve;
pub mod solr;
pub mod split;
