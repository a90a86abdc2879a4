//! Filters: reporter, publication date (day, month, year or range), paper and page. Each
//! value is checked here, so a bad one is reported with what was expected.

use crate::day::Day;
use anyhow::bail;

/// An inclusive range of days, as numbers (`20200201..=20200229`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    /// The first day, if the range has one.
    pub from: Option<u64>,
    /// The last day, if the range has one.
    pub to: Option<u64>,
}

/// The days a day, month or year names, from its first to its last: what `--date`,
/// `--from` and `--to` (and the API's `date`, `from`, `to`) take, checked where they are
/// read.
///
/// ```
/// use baosou::query::Period;
/// let p: Period = "2020-02".parse().unwrap();
/// assert_eq!((p.first.to_string(), p.last.to_string()), ("2020-02-01".into(), "2020-02-29".into()));
/// assert!("2020-13".parse::<Period>().unwrap_err().contains("no such day"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// Its first day.
    pub first: Day,
    /// Its last day.
    pub last: Day,
}

impl std::str::FromStr for Period {
    type Err = String;

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`/` and `.` also separate; `20200227` works
    /// too); the error names the value and says what to write.
    fn from_str(value: &str) -> Result<Period, String> {
        let v = value.trim();
        let bad = || {
            format!(
                "{value}: not a date; write a day (2020-02-27), a month (2020-02) or a year (2020)"
            )
        };
        let impossible = || format!("{value}: there is no such day");
        let parts: Vec<&str> = if v.len() == 8 && v.chars().all(|c| c.is_ascii_digit()) {
            vec![&v[..4], &v[4..6], &v[6..]]
        } else {
            v.split(['-', '/', '.']).collect()
        };
        let nums: Vec<u32> = parts
            .iter()
            .map(|p| p.parse::<u32>())
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        let year = *nums.first().ok_or_else(bad)? as i32;
        let (first, last) = match nums.len() {
            1 => (Day::new(year, 1, 1), Day::new(year, 12, 31)),
            2 => (
                Day::new(year, nums[1], 1),
                (28..=31).rev().find_map(|d| Day::new(year, nums[1], d)),
            ),
            3 => {
                let d = Day::new(year, nums[1], nums[2]);
                (d, d)
            }
            _ => return Err(bad()),
        };
        let missing = || if nums.len() == 1 { bad() } else { impossible() };
        Ok(Period {
            first: first.ok_or_else(missing)?,
            last: last.ok_or_else(missing)?,
        })
    }
}

/// The range of days from a day, month or year and a first and a last day; `None` when
/// none is given, an error when they leave no day.
///
/// ```
/// use baosou::query::day_range;
/// let r = day_range("2020-02".parse().ok(), None, None).unwrap().unwrap();
/// assert_eq!((r.from, r.to), (Some(20200201), Some(20200229)));
/// assert!(day_range(None, "2020-03-01".parse().ok(), "2020-02-01".parse().ok()).is_err());
/// ```
pub fn day_range(
    date: Option<Period>,
    from: Option<Period>,
    to: Option<Period>,
) -> anyhow::Result<Option<DayRange>> {
    let mut range = DayRange {
        from: date.map(|p| p.first.number()),
        to: date.map(|p| p.last.number()),
    };
    if let Some(f) = from {
        let a = f.first.number();
        range.from = Some(range.from.map_or(a, |x| x.max(a)));
    }
    if let Some(t) = to {
        let b = t.last.number();
        range.to = Some(range.to.map_or(b, |x| x.min(b)));
    }
    if let (Some(a), Some(b)) = (range.from, range.to) {
        if a > b {
            bail!(
                "the date range is empty: {} comes after {}",
                show(a),
                show(b)
            );
        }
    }
    Ok((range.from.is_some() || range.to.is_some()).then_some(range))
}

fn show(n: u64) -> String {
    Day::from_number(n).map_or(n.to_string(), |d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let cases = [
            ("2020-02-27", Some((20200227, 20200227))),
            ("2020/2/7", Some((20200207, 20200207))),
            ("20200227", Some((20200227, 20200227))),
            ("2020-02", Some((20200201, 20200229))),
            ("2019-02", Some((20190201, 20190228))),
            ("2020", Some((20200101, 20201231))),
            ("2020-02-30", None),
            ("2020-13", None),
            ("yesterday", None),
            ("2020-02-27-01", None),
        ];
        for (input, want) in cases {
            let got = input
                .parse::<Period>()
                .ok()
                .map(|p| (p.first.number(), p.last.number()));
            assert_eq!(got, want, "{input}");
        }
    }

    #[test]
    fn ranges_combine_and_reject_empty_ones() {
        let p = |s: &str| s.parse::<Period>().ok();
        let r = day_range(None, p("2020-02-01"), p("2020-02-29")).unwrap();
        assert_eq!(
            r,
            Some(DayRange {
                from: Some(20200201),
                to: Some(20200229)
            })
        );
        let r = day_range(p("2020-02"), p("2020-02-10"), None).unwrap();
        assert_eq!(
            r,
            Some(DayRange {
                from: Some(20200210),
                to: Some(20200229)
            })
        );
        assert_eq!(day_range(None, None, None).unwrap(), None);
        let err = day_range(None, p("2020-03-01"), p("2020-02-01")).unwrap_err();
        assert!(
            err.to_string()
                .contains("2020-03-01 comes after 2020-02-01"),
            "{err}"
        );
        let err = "2020-02-30".parse::<Period>().unwrap_err();
        assert!(err.contains("no such day"), "{err}");
    }
}
