//! Search parameters as a user gives them, in flags or in the web API's query string,
//! turned into a checked [`Request`]: one place decides the defaults, so `search` and
//! `serve` answer the same question the same way.

use super::{day_range, parse, Boosts, Period, Request, Sort};

/// Raw search parameters; every text value is checked by [`Params::request`].
#[derive(Debug, Clone, Default)]
pub struct Params<'a> {
    /// The query text.
    pub q: &'a str,
    /// Reporter names, any of which must be in the byline; blank ones are ignored.
    pub reporters: &'a [String],
    /// A day, month or year.
    pub date: Option<Period>,
    /// The first day of a range (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub from: Option<Period>,
    /// The last day of a range.
    pub to: Option<Period>,
    /// Only this paper.
    pub paper: Option<&'a str>,
    /// Only this page number.
    pub page: Option<u32>,
    /// Hits per page of results.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// `None`: by relevance when the query has words to find, else newest first.
    pub sort: Option<Sort>,
    /// The weight of each field in ranking.
    pub boosts: Boosts,
    /// Every printing of a text, not only the first.
    pub all_printings: bool,
}

impl Params<'_> {
    /// The checked request.
    ///
    /// ```
    /// use baosou::query::{Params, Sort};
    /// let p = Params { q: "疫情", limit: 10, ..Params::default() };
    /// assert_eq!(p.request().unwrap().sort, Sort::Relevance);
    /// let p = Params { q: "", date: "2020-02".parse().ok(), limit: 10, ..Params::default() };
    /// assert_eq!(p.request().unwrap().sort, Sort::Date);
    /// let (from, to) = ("2020-03".parse().ok(), "2020-02".parse().ok());
    /// assert!(Params { from, to, ..Params::default() }.request().is_err());
    /// ```
    pub fn request(&self) -> anyhow::Result<Request> {
        let parsed = parse(self.q)?;
        let sort = match self.sort {
            Some(s) => s,
            None if parsed.groups.iter().any(|g| !g.negated) => Sort::Relevance,
            None => Sort::Date,
        };
        Ok(Request {
            query: parsed,
            reporters: self
                .reporters
                .iter()
                .filter(|r| !r.trim().is_empty())
                .cloned()
                .collect(),
            days: day_range(self.date, self.from, self.to)?,
            paper: self
                .paper
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(String::from),
            page: self.page,
            limit: self.limit,
            offset: self.offset,
            sort,
            boosts: self.boosts,
            all_printings: self.all_printings,
        })
    }
}
