//! Dates as notices write them, read from the folded text.
//!
//! | written | parts |
//! |---|---|
//! | `2023年11月20日`, `2023 年 11 月 20 日`, `2023年11月20号` | year, month, day |
//! | `二〇二三年十一月二十日`, `二○二三年十一月二十日` (○ U+25CB), `二零二三年…` | year, month, day |
//! | `2023-11-20`, `2023.11.20`, `2023/11/20` | year, month, day |
//! | `11月20日` | month, day (the year comes from context) |
//! | `2023年11月` | year, month (no day: never turned into an ISO date) |
//!
//! The forms are the [`patterns::DATE`] table; this module checks the values and completes
//! ranges. Ranges join two dates with `至` `到` `—` `——` `–` `-` `~` `〜` (optionally `起至` and spaces):
//! `2023年4月10日至6月10日` (end year from the start), `2023年4月10日至2023年6月10日`,
//! `4月10日至6月10日`, `4月10日至20日` (end month from the start), `2023年11月10日至1月10日`
//! (end month before the start month: the next year).
//!
//! Everything here works on a bounded slice the caller chooses and never panics: numbers are
//! parsed with checked arithmetic and only sliced at char boundaries.

use super::numerals::{chinese_digit, leading_arabic, leading_chinese};
use super::patterns;
use super::text::{ceil_char_boundary, floor_char_boundary, line_blocks, BLOCK};

/// A date as written; any part may be missing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateParts {
    pub year: Option<u32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl DateParts {
    /// `YYYY-MM-DD` when year, month and day are all known and valid.
    pub fn iso(&self) -> Option<String> {
        iso(self.year?, self.month?, self.day?)
    }

    /// The ISO date with a year supplied from context when the text gave none.
    pub fn iso_with_year(&self, year: Option<u32>) -> Option<String> {
        iso(self.year.or(year)?, self.month?, self.day?)
    }
}

/// A date found in a slice: its parts and its byte range in that slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateHit {
    pub parts: DateParts,
    pub start: usize,
    pub end: usize,
}

/// A date range found in a slice (`2023年4月10日至6月10日`), the end completed from the start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RangeHit {
    pub start: DateHit,
    pub end: DateHit,
}

/// `YYYY-MM-DD` for a valid calendar date (years 1900–2100), else `None`.
///
/// `iso(2024, 2, 29)` → `2024-02-29`; `iso(2023, 2, 29)` → `None`; `iso(2023, 13, 1)` → `None`.
pub fn iso(year: u32, month: u32, day: u32) -> Option<String> {
    if !(1900..=2100).contains(&year) || !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    if day > days_in_month(Some(year), month) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// The days of `month` (1–12) in `year`; with no year known, February may have 29.
pub fn days_in_month(year: Option<u32>, month: u32) -> u32 {
    let leap = year.is_none_or(|y| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A digit of a year written in Chinese: `二〇二三`, `二○二三` (○ is often typed for 〇), `二零二三`,
/// and the letter O that some editors put in instead.
fn year_digit(c: char) -> Option<u32> {
    match c {
        '○' | 'O' | 'o' | '0' | 'Ｏ' => Some(0),
        _ => chinese_digit(c).filter(|_| c != '两'),
    }
}

/// A four-digit year at the start of `s` (Arabic or Chinese digit by digit): value and length.
pub fn leading_year(s: &str) -> Option<(u32, usize)> {
    let bytes = s.as_bytes();
    if bytes.len() >= 4 && bytes[..4].iter().all(u8::is_ascii_digit) {
        if bytes.get(4).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let v = leading_arabic(&s[..4])?.0;
        return (1900..=2100).contains(&v).then_some((v, 4));
    }
    let mut v = 0u32;
    let mut len = 0usize;
    for (n, c) in s.chars().enumerate() {
        if n == 4 {
            if year_digit(c).is_some() {
                return None;
            }
            break;
        }
        v = v.checked_mul(10)?.checked_add(year_digit(c)?)?;
        len += c.len_utf8();
    }
    (len > 0 && (1900..=2100).contains(&v) && s[..len].chars().count() == 4).then_some((v, len))
}

/// A month or day number as the patterns capture it (`11`, `十一`, `二十`), if in 1–31.
fn small(s: &str) -> Option<u32> {
    let v = match leading_arabic(s) {
        Some((v, len)) if len == s.len() => v,
        _ => leading_chinese(s).filter(|&(_, len)| len == s.len())?.0,
    };
    (1..=31).contains(&v).then_some(v)
}

/// Reads one match of [`patterns::DATE`]: its parts and its end, or `None` when a value is out of
/// range (`13月`, `2023-11.20`, `20231年`).
fn date_from(c: &patterns::Captures) -> Option<(DateParts, usize)> {
    let end = c.get(0)?.end();
    if let Some(y) = c.name("iy") {
        // 2023-11-20: both separators alike, a real month and day.
        if c.name("s1")?.as_str() != c.name("s2")?.as_str() {
            return None;
        }
        let (year, _) = leading_year(y.as_str())?;
        let (month, day) = (small(c.name("im")?.as_str())?, small(c.name("id")?.as_str())?);
        return (month <= 12).then_some((DateParts { year: Some(year), month: Some(month), day: Some(day) }, end));
    }
    let year = match c.name("y") {
        Some(y) => Some(leading_year(y.as_str())?.0),
        None => None,
    };
    let month = small(c.name("m")?.as_str()).filter(|&m| m <= 12)?;
    // A day out of range (`11月32日`) leaves a month-only date ending at 月.
    match c.name("d").and_then(|d| small(d.as_str())) {
        Some(day) => Some((DateParts { year, month: Some(month), day: Some(day) }, end)),
        None => Some((DateParts { year, month: Some(month), day: None }, c.name("mo")?.end())),
    }
}

/// The date at the start of `s` and its length in bytes. At least a month is required.
///
/// `2023年11月20日` / `11月20号` / `2023年11月` / `2023-11-20` / `二〇二三年十一月二十日`.
pub fn parse_date_at(s: &str) -> Option<(DateParts, usize)> {
    date_from(&patterns::DATE.at_start().captures(s)?)
}

fn is_numeral_char(c: char) -> bool {
    c.is_ascii_digit() || year_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '两')
}

/// Every date in `s`, in order (a date is at least a month: `11月`, `2023年11月20日`). A date
/// does not start inside a number (`20231年1月` holds only `1月`).
///
/// Only lines that may hold a date are searched: every form of [`patterns::DATE`] has a `月` or
/// a digit, a separator and a digit (`2023-11-20`), and no date crosses a line. The browser's
/// regex engine has no literal prefilter, so this keeps the whole-text scan (proofreading reads
/// every date) from stepping through every line of a long notice. The marks are found with
/// `memchr`, a block of lines at a time ([`line_blocks`]), and their lines read in order, rather
/// than testing every line
/// (measured: 24.6 M → 2.1 M instructions on the 2 MB synthetic notice, README "Parse throughput").
pub fn find_dates(s: &str) -> Vec<DateHit> {
    let month = memchr::memmem::Finder::new("月");
    let mut out = Vec::new();
    for (from, to) in line_blocks(s, BLOCK) {
        let bytes = &s.as_bytes()[from..to];
        let mut months = month.find_iter(bytes).peekable();
        let mut numeric = memchr::memchr3_iter(b'-', b'.', b'/', bytes)
            .filter(|&i| i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
            .peekable();
        loop {
            let mark = match (months.peek(), numeric.peek()) {
                (Some(&a), Some(&b)) => a.min(b),
                (Some(&a), None) | (None, Some(&a)) => a,
                (None, None) => break,
            };
            // The line of the mark, its `\n` included (offsets in the block).
            let line_start = memchr::memrchr(b'\n', &bytes[..mark]).map_or(0, |i| i + 1);
            let line_end = memchr::memchr(b'\n', &bytes[mark..]).map_or(bytes.len(), |i| mark + i + 1);
            let at = from + line_start;
            out.extend(scan_dates(&s[at..from + line_end]).into_iter().map(|d| DateHit {
                start: d.start + at,
                end: d.end + at,
                ..d
            }));
            while months.next_if(|&i| i < line_end).is_some() {}
            while numeric.next_if(|&i| i < line_end).is_some() {}
        }
    }
    out
}

/// [`find_dates`] without the line filter: the regex over all of `s`.
fn scan_dates(s: &str) -> Vec<DateHit> {
    let re = patterns::DATE.regex();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = re.captures_at(s, at) {
        let Some(m) = c.get(0) else { break };
        let inside_number = s[..m.start()].chars().next_back().is_some_and(is_numeral_char);
        match date_from(&c).filter(|_| !inside_number) {
            Some((parts, end)) => {
                out.push(DateHit { parts, start: m.start(), end });
                at = end;
            }
            // Not a date here: look again from the next character.
            None => at = m.start() + s[m.start()..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// The separator of a range at the start of `s` ([`patterns::RANGE_SEPARATOR`]): its length.
fn range_separator(s: &str) -> Option<usize> {
    let len = patterns::RANGE_SEPARATOR.prefix_len(s)?;
    // `一` is a dash only when a digit follows (`4月10日一6月10日`), else it is a numeral.
    if s[..len].trim_end_matches(' ').ends_with('一') && !s[len..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(len)
}

/// The end of a range at the start of `s`, completed from `start`: a full date, `6月10日`,
/// `20日` (same month), or a day whose 日 was left out after a month (`2022年11月15`).
fn range_end(s: &str, start: &DateParts) -> Option<(DateParts, usize)> {
    let (mut parts, mut len) = match parse_date_at(s) {
        Some(p) => p,
        None => {
            let c = patterns::DAY.at_start().captures(s)?;
            let d = small(c.name("d")?.as_str())?;
            (DateParts { year: None, month: None, day: Some(d) }, c.get(0)?.end())
        }
    };
    if parts.day.is_none() && start.day.is_some() {
        if let Some(m) = patterns::DAY_WITHOUT_MARK.at_start().find(&s[len..]) {
            let next = s[len + m.end()..].chars().next();
            if !next.is_some_and(|c| c.is_ascii_digit() || c == '.') {
                parts.day = small(m.as_str());
                len += m.end();
            }
        }
    }
    // An end day needs a start day and the other way round (`4月10日至6月` is not a range of days).
    if parts.day.is_some() != start.day.is_some() {
        return None;
    }
    if parts.month.is_none() {
        parts.month = start.month;
    }
    if parts.year.is_none() {
        if let (Some(y), Some(sm), Some(em)) = (start.year, start.month, parts.month) {
            parts.year = Some(if em < sm { y.checked_add(1)? } else { y });
        }
    }
    Some((parts, len))
}

/// Every range in `s`, given its dates (from [`find_dates`] on the same `s`).
pub fn find_ranges(s: &str, dates: &[DateHit]) -> Vec<RangeHit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < dates.len() {
        let a = dates[i];
        let after = s.get(a.end..).unwrap_or("");
        if let Some(sep) = range_separator(after) {
            let at = a.end + sep;
            if let Some((parts, len)) = range_end(&s[at..], &a.parts) {
                let end = DateHit { parts, start: at, end: at + len };
                out.push(RangeHit { start: a, end });
                // Skip the dates that the end consumed.
                while i < dates.len() && dates[i].start < end.end {
                    i += 1;
                }
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The year of the nearest `2023年` / `二〇二三年` / `2023-…` written before `pos` in `s`,
/// looking back at most `max_back` bytes.
pub fn year_before(s: &str, pos: usize, max_back: usize) -> Option<u32> {
    let hi = floor_char_boundary(s, pos);
    let lo = ceil_char_boundary(s, hi.saturating_sub(max_back));
    let window = &s[lo..hi];
    let mut end = window.len();
    while let Some(at) = window[..end].rfind('年') {
        // A year is 4 ASCII digits (4 bytes) or 4 Chinese digits (12 bytes) before 年.
        for back in [4usize, 12] {
            if let Some(from) = at.checked_sub(back) {
                if window.is_char_boundary(from) {
                    if let Some((y, len)) = leading_year(&window[from..]) {
                        if len == back {
                            return Some(y);
                        }
                    }
                }
            }
        }
        end = at;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<String> {
        let (p, _) = parse_date_at(s)?;
        p.iso()
    }

    #[test]
    fn iso_validates() {
        assert_eq!(iso(2024, 2, 29).as_deref(), Some("2024-02-29"));
        assert_eq!(iso(2023, 2, 29), None);
        assert_eq!(iso(2023, 13, 1), None);
        assert_eq!(iso(2023, 4, 31), None);
        assert_eq!(iso(1800, 1, 1), None);
        assert_eq!(iso(2023, 1, 0), None);
    }

    #[test]
    fn written_forms() {
        assert_eq!(date("2023年11月20日").as_deref(), Some("2023-11-20"));
        assert_eq!(date("2023 年 11 月 20 日").as_deref(), Some("2023-11-20"));
        assert_eq!(date("2023年1月5号").as_deref(), Some("2023-01-05"));
        assert_eq!(date("二〇二三年十一月二十日").as_deref(), Some("2023-11-20"));
        assert_eq!(date("二○二四年一月三十一日").as_deref(), Some("2024-01-31"));
        assert_eq!(date("二零二三年十二月三日").as_deref(), Some("2023-12-03"));
        assert_eq!(date("2023-11-20").as_deref(), Some("2023-11-20"));
        assert_eq!(date("2023.1.2").as_deref(), Some("2023-01-02"));
        assert_eq!(date("2023年11月"), None);
        assert_eq!(parse_date_at("2023年11月").map(|p| p.0.month), Some(Some(11)));
        assert_eq!(parse_date_at("11月20日").map(|p| p.0.day), Some(Some(20)));
        assert_eq!(parse_date_at("0571-12345678"), None);
        assert_eq!(parse_date_at("2023年度"), None);
        assert_eq!(parse_date_at("20231年1月"), None);
        assert_eq!(parse_date_at("13月1日"), None);
    }

    #[test]
    fn ranges() {
        let check = |s: &str| {
            let d = find_dates(s);
            let r = find_ranges(s, &d);
            r.first().map(|r| (r.start.parts.iso(), r.end.parts.iso()))
        };
        let both = |a: &str, b: &str| Some((Some(a.to_string()), Some(b.to_string())));
        assert_eq!(check("于2023年4月10日至6月10日对"), both("2023-04-10", "2023-06-10"));
        assert_eq!(check("2023年4月10日至2023年6月10日"), both("2023-04-10", "2023-06-10"));
        assert_eq!(check("2023年4月10日—6月10日"), both("2023-04-10", "2023-06-10"));
        assert_eq!(check("2023年4月10日——6月10日"), both("2023-04-10", "2023-06-10"));
        assert_eq!(check("2023年4月10日-6月10日"), both("2023-04-10", "2023-06-10"));
        assert_eq!(check("2023年4月10日~6月10日"), both("2023-04-10", "2023-06-10"));
        assert_eq!(check("2023年4月10日到6月10日"), both("2023-04-10", "2023-06-10"));
        assert_eq!(check("自2023年4月10日起至6月10日止"), both("2023-04-10", "2023-06-10"));
        assert_eq!(check("2023年4月10日至30日"), both("2023-04-10", "2023-04-30"));
        assert_eq!(check("2023年11月10日至1月10日"), both("2023-11-10", "2024-01-10"));
        assert_eq!(check("2023-04-10至2023-06-10"), both("2023-04-10", "2023-06-10"));
        assert_eq!(check("二〇二三年四月十日至六月十日"), both("2023-04-10", "2023-06-10"));
        // Month-only ranges are ranges, but without ISO days.
        assert_eq!(check("2020年10月至2021年1月"), Some((None, None)));
        // No year: the caller supplies one.
        let s = "4月10日至6月10日";
        let r = find_ranges(s, &find_dates(s));
        assert_eq!(r[0].end.parts.iso_with_year(Some(2023)).as_deref(), Some("2023-06-10"));
    }

    #[test]
    fn years_before() {
        let s = "根据市委2023年巡察工作安排，4月10日至6月10日";
        assert_eq!(year_before(s, s.len(), 200), Some(2023));
        assert_eq!(year_before("二〇二二年的工作，", 100, 200), Some(2022));
        assert_eq!(year_before("第12年", 10, 200), None);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "年",
            "月",
            "2023年",
            "2023年十",
            "十月",
            "日至",
            "2023-",
            "2023-1",
            "2023-1-",
            "〇〇〇〇年",
            "9999年99月99日",
            "三十二月",
            "2023年2月30日至3月",
            "至至",
            "一一一一一年一月",
        ] {
            let d = find_dates(s);
            let _ = find_ranges(s, &d);
            let _ = year_before(s, s.len(), 5);
            let _ = year_before(s, 1, 3);
        }
    }

    #[test]
    fn the_line_filter_finds_what_the_whole_scan_finds() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = vec!["2023-11-20\n2023年4月10日至6月10日\n11月\n1.2.3\n二〇二三年十一月二十日\n".to_string()];
        for dir in ["fixtures", "fixtures/proofread", "../shared/corpus/seeds", "../shared/corpus/real"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
            for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
                if path.extension().is_some_and(|e| e == "txt") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    texts.push(crate::parse::text::Source::new(&text).folded.clone());
                }
            }
        }
        assert!(texts.len() > 10);
        for t in &texts {
            assert_eq!(find_dates(t), scan_dates(t), "{}", t.chars().take(40).collect::<String>());
        }
    }
}
