//! Section heads against a new story's headline. The section heads of one article share a
//! form: numbered alike (`一、` `二、`, `（一）`, `1.`), all in brackets (`【】`), all marked
//! (`●`), all with a colon, all about as wide. A story printed after an article with
//! section heads opens with a headline that need not share it (often wider, or in two
//! lines), and the model reads how far the group's first line is from the heads' form
//! ([`Heads::alike`], [`Heads::width_ratio`]) to tell a new story from one more section.

use super::text::{trim, width};

/// How a head line is printed: the numbering or mark it opens with, or a colon in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// Opens with a mark: `●` `■` `▲` `◆` and the like.
    Marked,
    /// Numbered in Chinese: `一、`, `十二、`.
    Numbered,
    /// Numbered in brackets: `（一）`, `（3）`.
    Bracketed,
    /// Numbered in digits: `1.`, `2、`, `３．`.
    Digits,
    /// In lenticular brackets: `【战疫一线】`.
    Lenticular,
    /// Carries a colon: `记者手记：…`, `…：`.
    Colon,
    /// None of these.
    Plain,
}

const MARKS: [char; 12] = ['●', '■', '▲', '◆', '★', '□', '○', '◎', '◇', '△', '▶', '►'];
const CHINESE_DIGITS: &str = "一二三四五六七八九十";

/// The form of a head line.
pub(crate) fn form(line: &str) -> Form {
    let line = trim(line);
    let first = line.chars().next().unwrap_or(' ');
    let numeral = |s: &str, digits: &dyn Fn(char) -> bool| {
        let n = s.chars().take_while(|&c| digits(c)).count();
        (n > 0).then(|| s.chars().skip(n).collect::<String>())
    };
    let chinese = |c: char| CHINESE_DIGITS.contains(c);
    let arabic = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    if MARKS.contains(&first) {
        Form::Marked
    } else if numeral(line, &chinese).is_some_and(|rest| rest.starts_with('、')) {
        Form::Numbered
    } else if line.strip_prefix('（').is_some_and(|s| {
        numeral(s, &|c| chinese(c) || arabic(c)).is_some_and(|rest| rest.starts_with('）'))
    }) {
        Form::Bracketed
    } else if numeral(line, &arabic).is_some_and(|rest| rest.starts_with(['.', '、', '．'])) {
        Form::Digits
    } else if first == '【' {
        Form::Lenticular
    } else if line.contains(['：', ':']) {
        Form::Colon
    } else {
        Form::Plain
    }
}

/// The section heads of the article so far: the form and width of each.
#[derive(Debug, Default, Clone)]
pub(crate) struct Heads {
    forms: Vec<Form>,
    widths: Vec<usize>,
}

impl Heads {
    /// Reads one more section head line.
    pub(crate) fn push(&mut self, line: &str) {
        self.forms.push(form(line));
        self.widths.push(width(trim(line)));
    }

    /// The share of the section heads printed in `line`'s form (0 before any head).
    pub(crate) fn alike(&self, line: &str) -> f32 {
        if self.forms.is_empty() {
            return 0.0;
        }
        let f = form(line);
        self.forms.iter().filter(|&&g| g == f).count() as f32 / self.forms.len() as f32
    }

    /// `line`'s width over the section heads' mean width (0 before any head).
    pub(crate) fn width_ratio(&self, line: &str) -> f32 {
        if self.widths.is_empty() {
            return 0.0;
        }
        let mean = self.widths.iter().sum::<usize>() as f32 / self.widths.len() as f32;
        width(trim(line)) as f32 / mean.max(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let table = [
            ("一、坚持人民至上", Form::Numbered),
            ("十二、加强组织领导", Form::Numbered),
            ("（一）总体要求", Form::Bracketed),
            ("（3）做好个人防护", Form::Bracketed),
            ("1.勤洗手", Form::Digits),
            ("２、戴口罩", Form::Digits),
            ("【战疫一线】", Form::Lenticular),
            ("●城乡公交线路同比增长7.2%", Form::Marked),
            ("记者手记：守住每一道门", Form::Colon),
            ("队员发挥很出色", Form::Plain),
            // A year is not a number heading a section.
            ("2020年开局良好", Form::Plain),
            ("一线值守", Form::Plain),
        ];
        for (line, want) in table {
            assert_eq!(form(line), want, "{line}");
        }
    }

    /// Shaped like the stories missed on the months no tree saw: an article with
    /// numbered section heads, then a story's headline in another form and wider.
    #[test]
    fn a_new_story_is_unlike_the_heads() {
        let mut heads = Heads::default();
        for h in ["一、压实属地责任", "二、做好物资保障", "三、强化社区防控"]
        {
            heads.push(h);
        }
        let table = [
            // One more section head: numbered as the others, as wide.
            ("四、加强宣传引导", 1.0, 1.0),
            // The next story: plain, and wider than the heads.
            ("江城着力破解春耕备耕难题", 0.0, 12.0 / 8.0),
            ("指尖之“便”莫成安全之“患”", 0.0, 14.0 / 8.0),
        ];
        for (line, alike, ratio) in table {
            assert_eq!(heads.alike(line), alike, "{line}");
            assert!((heads.width_ratio(line) - ratio).abs() < 1e-6, "{line}");
        }
        let none = Heads::default();
        assert_eq!(
            (none.alike("四、加强宣传引导"), none.width_ratio("一线值守")),
            (0.0, 0.0)
        );
    }
}
