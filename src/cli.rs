//! The command line: every subcommand and flag, with the help text users see.

use crate::query::{Boost, Period};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Full-text search for Chinese newspaper archives: index a folder of page files, then
/// search it by keyword, reporter, date, paper and page.
#[derive(Debug, Parser)]
#[command(name = "baosou", version, about, long_about = None)]
pub struct Cli {
    /// The subcommand to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Walk an archive folder, split every page into articles and index them
    Index(IndexArgs),
    /// Search the index by keyword, reporter, date, paper and page
    Search(SearchArgs),
    /// Print one article, whole, with its metadata
    Show(ShowArgs),
    /// Show how page files split into articles (nothing is indexed)
    Split(SplitArgs),
    /// Summarise what the index holds
    Stats(StatsArgs),
    /// Serve a search page and a JSON API on this machine
    Serve(ServeArgs),
}

/// Where the index lives.
#[derive(Debug, Clone, Args)]
pub struct IndexDir {
    /// Index folder
    #[arg(long = "index", value_name = "DIR", default_value = "index")]
    pub dir: PathBuf,
}

/// `baosou index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Archive folder of page files (.txt)
    #[arg(value_name = "ARCHIVE", default_value = "data")]
    pub archive: PathBuf,
    /// The index folder.
    #[command(flatten)]
    pub index: IndexDir,
    /// Paper name for every page, instead of the one read from folder names and text
    #[arg(long)]
    pub paper: Option<String>,
    /// Skip files larger than this many MiB
    #[arg(long, value_name = "MIB", default_value_t = 64)]
    pub max_file_size: u64,
    /// Start over: empty the index and read every file again
    #[arg(long)]
    pub rebuild: bool,
    /// The archive folder moved: index this one into an index built from another folder
    #[arg(long)]
    pub archive_changed: bool,
    /// Remove the articles of missing files even when they are more than a fifth of the
    /// index
    #[arg(long)]
    pub prune: bool,
    /// Do not show a progress bar
    #[arg(long, short)]
    pub quiet: bool,
    /// Send the articles to this SolrCloud collection (http://HOST:PORT/solr/NAME) instead
    /// of a local index
    #[arg(long, value_name = "URL")]
    pub solr: Option<String>,
    /// With --solr: the folder where baosou keeps what the collection holds
    #[arg(
        long,
        value_name = "DIR",
        default_value = "index-solr",
        requires = "solr"
    )]
    pub solr_state: PathBuf,
}

/// `baosou search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find; words separated by spaces must all match (put `--` before a query
    /// that starts with `-`)
    #[arg(value_name = "QUERY", num_args = 0..)]
    pub query: Vec<String>,
    /// Only articles by this reporter (repeat for any of several)
    #[arg(long, value_name = "NAME")]
    pub reporter: Vec<String>,
    /// Only this day (2020-02-27), month (2020-02) or year (2020)
    #[arg(long, value_name = "DAY|MONTH|YEAR")]
    pub date: Option<Period>,
    /// Only articles published on or after this day (2020-02-01)
    #[arg(long, value_name = "DAY")]
    pub from: Option<Period>,
    /// Only articles published on or before this day (2020-02-29)
    #[arg(long, value_name = "DAY")]
    pub to: Option<Period>,
    /// Only this paper
    #[arg(long)]
    pub paper: Option<String>,
    /// Only this page number (1, 2, …)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub page: Option<u32>,
    /// How many hits to print (1 or more)
    #[arg(long, short = 'n', value_name = "N", default_value_t = 10,
          value_parser = at_least_one)]
    pub limit: usize,
    /// Skip this many hits first (for paging)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,
    /// Order of the hits (default: relevance with a query, date without)
    #[arg(long, value_enum)]
    pub sort: Option<SortOrder>,
    /// Weight of a field in ranking, such as headline=3 (repeatable)
    #[arg(long = "boost", value_name = "FIELD=WEIGHT")]
    pub boosts: Vec<Boost>,
    /// Show every printing of a text as its own hit (by default the printings of one text
    /// are one hit, the earliest, with the others listed under `duplicates`)
    #[arg(long)]
    pub all_printings: bool,
    /// Print one JSON object per hit (with --queries: one per query)
    #[arg(long)]
    pub json: bool,
    /// Run one search per line of FILE: JSON objects with q, reporter, date, from, to, limit,
    /// offset
    #[arg(long, value_name = "FILE")]
    pub queries: Option<PathBuf>,
    /// Export, trends and the concordance.
    #[command(flatten)]
    pub research: ResearchArgs,
    /// Colour: auto (on a terminal), always or never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// The index folder.
    #[command(flatten)]
    pub index: IndexDir,
    /// Search this SolrCloud collection (http://HOST:PORT/solr/NAME) instead of a local
    /// index: searches, --queries and --format (not --by or --kwic)
    #[arg(long, value_name = "URL", conflicts_with_all = ["by", "kwic"])]
    pub solr: Option<String>,
}

/// What researchers do with all the hits: export them, count them over time, read every
/// occurrence in context.
#[derive(Debug, Clone, Args)]
pub struct ResearchArgs {
    /// Print every matching article, not one page, as CSV (UTF-8 with a BOM, for
    /// spreadsheets) or JSON lines: id, date, paper, page, headline, reporters, dateline,
    /// path, snippet
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with_all = ["by", "kwic", "queries"])]
    pub format: Option<ExportFormat>,
    /// Count the matching articles per year, month or day, beside all the articles printed
    /// then, and their share; with --query, one column per query (the words before them
    /// are one query too)
    #[arg(long, value_enum, value_name = "PERIOD", conflicts_with_all = ["kwic", "queries"])]
    pub by: Option<TrendPeriod>,
    /// A query of its own for --by (repeat for several columns: --query 疫情 --query 防疫)
    #[arg(long = "query", value_name = "QUERY", requires = "by")]
    pub trend_queries: Vec<String>,
    /// Print every occurrence of the words, one a line, with the match in one column
    /// (a concordance, keyword in context); with --json, one object per occurrence
    #[arg(long, conflicts_with = "queries")]
    pub kwic: bool,
    /// Characters shown either side of the match with --kwic
    #[arg(long, value_name = "N", default_value_t = 20, requires = "kwic")]
    pub context: usize,
}

/// How `--format` prints every hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[allow(missing_docs)] // a variant's doc would become its help: the names say it
pub enum ExportFormat {
    Csv,
    Jsonl,
}

/// The period `--by` counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[allow(missing_docs)] // a variant's doc would become its help: the names say it
pub enum TrendPeriod {
    Year,
    Month,
    Day,
}

/// How `--sort` orders the hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[allow(missing_docs)] // a variant's doc would become its help: the names say it
pub enum SortOrder {
    Relevance,
    Date,
}

/// When `--color` colours the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[allow(missing_docs)] // a variant's doc would become its help: the names say it
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `baosou show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id, as printed by search
    pub id: String,
    /// Highlight what this query matches in the headline, byline and body (colour on a
    /// terminal, 【】 around the match otherwise)
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,
    /// Print the article as one JSON object
    #[arg(long)]
    pub json: bool,
    /// The index folder.
    #[command(flatten)]
    pub index: IndexDir,
}

/// `baosou split`.
#[derive(Debug, Args)]
pub struct SplitArgs {
    /// Page files, or folders of them
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print one JSON object per article
    #[arg(long)]
    pub json: bool,
    /// Paper name for every page
    #[arg(long)]
    pub paper: Option<String>,
    /// Split as indexing this archive folder would: by the habits learned from its pages
    /// (a folder given as PATH is learned from its own pages)
    #[arg(long, value_name = "ARCHIVE_DIR", conflicts_with = "index")]
    pub like: Option<PathBuf>,
    /// Split by the habits kept in this index, as its last `index` run did
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
}

/// `baosou stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print the summary as JSON
    #[arg(long)]
    pub json: bool,
    /// The index folder.
    #[command(flatten)]
    pub index: IndexDir,
}

/// `baosou serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on; the default is reachable from this machine only
    #[arg(long, value_name = "HOST:PORT", default_value = crate::serve::DEFAULT_ADDR)]
    pub addr: String,
    /// Also answer requests addressed to this host name (repeatable); by default only
    /// localhost and loopback addresses are answered
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_hosts: Vec<String>,
    /// Seconds an API request may take before it is stopped with 503
    #[arg(long, value_name = "SECS", default_value_t = crate::serve::DEFAULT_TIMEOUT_SECS,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
    /// Answer from this SolrCloud collection (http://HOST:PORT/solr/NAME) instead of a local
    /// index: searches, articles, reporters and info (not trends or concordances)
    #[arg(long, value_name = "URL")]
    pub solr: Option<String>,
    /// The index folder.
    #[command(flatten)]
    pub index: IndexDir,
}

/// A count of 1 or more, such as `--limit`.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("`{s}` is not a number from 1")),
    }
}
