//! Filters: reporter, publication date (day, month, year or range), paper and page. Each
//! value is checked here, so a bad one is reported with what was expected.

use crate::day::Day;
use anyhow::{bail, Context};

/// An inclusive range of days, as numbers (`20200201..=20200229`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    /// The first day, if the range has one.
    pub from: Option<u64>,
    /// The last day, if the range has one.
    pub to: Option<u64>,
}

/// The first and last day named by `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`/` and `.` also
/// separate; `20200227` works too).
pub fn period(value: &str, flag: &str) -> anyhow::Result<(Day, Day)> {
    let v = value.trim();
    let bad = || {
        format!(
            "{flag} {value}: not a date; write a day (2020-02-27), a month (2020-02) or a year (2020)"
        )
    };
    let parts: Vec<&str> = if v.len() == 8 && v.chars().all(|c| c.is_ascii_digit()) {
        vec![&v[..4], &v[4..6], &v[6..]]
    } else {
        v.split(['-', '/', '.']).collect()
    };
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| p.parse::<u32>())
        .collect::<Result<_, _>>()
        .with_context(bad)?;
    let year = *nums.first().context(bad())? as i32;
    let impossible = || format!("{flag} {value}: there is no such day");
    match nums.len() {
        1 => Ok((
            Day::new(year, 1, 1).with_context(bad)?,
            Day::new(year, 12, 31).with_context(bad)?,
        )),
        2 => {
            let first = Day::new(year, nums[1], 1).with_context(impossible)?;
            let last = (28..=31)
                .rev()
                .find_map(|d| Day::new(year, nums[1], d))
                .with_context(impossible)?;
            Ok((first, last))
        }
        3 => {
            let d = Day::new(year, nums[1], nums[2]).with_context(impossible)?;
            Ok((d, d))
        }
        _ => bail!(bad()),
    }
}

/// The range of days from `--date`, `--from` and `--to`; `None` when none is given.
///
/// ```
/// use baosou::query::day_range;
/// let r = day_range(Some("2020-02"), None, None).unwrap().unwrap();
/// assert_eq!((r.from, r.to), (Some(20200201), Some(20200229)));
/// assert!(day_range(None, Some("2020-03-01"), Some("2020-02-01")).is_err());
/// ```
pub fn day_range(
    date: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
) -> anyhow::Result<Option<DayRange>> {
    let mut range = DayRange {
        from: None,
        to: None,
    };
    if let Some(d) = date {
        let (a, b) = period(d, "--date")?;
        range.from = Some(a.number());
        range.to = Some(b.number());
    }
    if let Some(f) = from {
        let (a, _) = period(f, "--from")?;
        range.from = Some(range.from.map_or(a.number(), |x| x.max(a.number())));
    }
    if let Some(t) = to {
        let (_, b) = period(t, "--to")?;
        range.to = Some(range.to.map_or(b.number(), |x| x.min(b.number())));
    }
    if let (Some(a), Some(b)) = (range.from, range.to) {
        if a > b {
            bail!(
                "the date range is empty: {} comes after {}; check --date, --from and --to",
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
            let got = period(input, "--date")
                .ok()
                .map(|(a, b)| (a.number(), b.number()));
            assert_eq!(got, want, "{input}");
        }
    }

    #[test]
    fn ranges_combine_and_reject_empty_ones() {
        let r = day_range(None, Some("2020-02-01"), Some("2020-02-29")).unwrap();
        assert_eq!(
            r,
            Some(DayRange {
                from: Some(20200201),
                to: Some(20200229)
            })
        );
        let r = day_range(Some("2020-02"), Some("2020-02-10"), None).unwrap();
        assert_eq!(
            r,
            Some(DayRange {
                from: Some(20200210),
                to: Some(20200229)
            })
        );
        assert_eq!(day_range(None, None, None).unwrap(), None);
        let err = day_range(None, Some("2020-03-01"), Some("2020-02-01")).unwrap_err();
        assert!(
            err.to_string()
                .contains("2020-03-01 comes after 2020-02-01"),
            "{err}"
        );
        let err = day_range(Some("2020-02-30"), None, None).unwrap_err();
        assert!(err.to_string().contains("no such day"), "{err}");
    }
}
