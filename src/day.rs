//! A publication day: the one calendar type, read from paths, page headers and datelines
//! by `archive`, from story openings by `split`, and from filters by `query`.

use regex::Regex;
use std::sync::LazyLock;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    /// The year, 1800 to 2200.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

impl Day {
    /// A valid Gregorian day, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1800..=2200)
            .contains(&year)
            .then_some(())
            .filter(|_| day >= 1 && day <= days)
            .map(|_| Day { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (also `YYYY/MM/DD` and `YYYYMMDD`).
    ///
    /// ```
    /// use baosou::day::Day;
    /// assert_eq!(Day::parse("2020-02-29").map(|d| d.to_string()), Some("2020-02-29".into()));
    /// assert_eq!(Day::parse("2019-02-29"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Day> {
        static FULL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$").expect("valid regex")
        });
        let c = FULL.captures(s.trim())?;
        Day::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    }

    /// The day as a sortable number, `20200227`.
    pub fn number(self) -> u64 {
        self.year as u64 * 10000 + self.month as u64 * 100 + self.day as u64
    }

    /// The inverse of [`Day::number`].
    pub fn from_number(n: u64) -> Option<Day> {
        Day::new((n / 10000) as i32, (n / 100 % 100) as u32, (n % 100) as u32)
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}
