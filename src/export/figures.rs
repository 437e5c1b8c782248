//! The figures a reader compares: what the notice states beside what its outline gives, and the
//! one completion rate every view shows (the page's ring and table, the Markdown).
//!
//! Computed once here so no two views can disagree: the ring cannot say "100 %, as stated"
//! while the table says the notice states no rate.

use super::vocab::{Figure, Lang};
use crate::model::{Notice, Severity};

/// Where the completion rate comes from, in order of preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateSource {
    /// The notice gives the rate ("整改完成率94.4%").
    StatedRate,
    /// The notice gives its problems and how many are done ("18个问题，已完成17个"): 17/18.
    StatedCounts,
    /// The outline's problems done over its problems.
    Derived,
}

impl RateSource {
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            RateSource::StatedRate => lang.pick("通报自述", "as stated"),
            RateSource::StatedCounts => lang.pick("按通报所称数字计算", "from the stated figures"),
            RateSource::Derived => lang.pick("按大纲统计", "from the outline"),
        }
    }
}

/// A completion rate in percent and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    pub percent: f64,
    pub source: RateSource,
}

/// The rate the notice gives for itself: its stated rate, else its stated done / stated problems.
pub fn stated_rate(notice: &Notice) -> Option<Rate> {
    let st = &notice.stated;
    if let Some(percent) = st.completion_rate {
        return Some(Rate { percent, source: RateSource::StatedRate });
    }
    match (st.problems, st.problems_done) {
        (Some(total), Some(done)) if total > 0 => {
            Some(Rate { percent: done.min(total) as f64 * 100.0 / total as f64, source: RateSource::StatedCounts })
        }
        _ => None,
    }
}

/// The one completion rate: [`stated_rate`], else the outline's.
pub fn completion_rate(notice: &Notice) -> Option<Rate> {
    stated_rate(notice)
        .or_else(|| notice.counts.completion_rate.map(|percent| Rate { percent, source: RateSource::Derived }))
}

/// One row of the figures table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    pub figure: Figure,
    /// What the notice states (for the rate: [`stated_rate`]).
    pub stated: Option<f64>,
    /// What the outline gives.
    pub derived: Option<f64>,
}

impl Row {
    /// Both sides are known, so the row was compared.
    pub fn compared(&self) -> bool {
        self.stated.is_some() && self.derived.is_some()
    }

    /// Compared and different (rates within half a point, as notices round, count as equal).
    pub fn differs(&self) -> bool {
        let tolerance = if self.figure == Figure::CompletionRate { 0.5 } else { 0.0 };
        match (self.stated, self.derived) {
            (Some(s), Some(d)) => (s - d).abs() > tolerance,
            _ => false,
        }
    }
}

/// The stated and derived figures, row by row, in the order the table shows them. Rows where
/// neither side has anything to say are left out.
pub fn rows(notice: &Notice) -> Vec<Row> {
    let st = &notice.stated;
    let c = &notice.counts;
    let p = c.progress;
    let num = |v: Option<u32>| v.map(f64::from);
    // A derived zero is worth a row only where a zero is news (no problems, none done, 0 %).
    let some = |v: u32| Some(f64::from(v));
    let rows = [
        Row { figure: Figure::Aspects, stated: num(st.aspects), derived: some(c.aspects) },
        Row { figure: Figure::Problems, stated: num(st.problems), derived: some(p.problems) },
        Row { figure: Figure::ProblemsDone, stated: num(st.problems_done), derived: some(p.done) },
        Row { figure: Figure::ProblemsInProgress, stated: num(st.problems_in_progress), derived: some(p.in_progress) },
        Row { figure: Figure::ProblemsNotDone, stated: num(st.problems_not_done), derived: some(p.not_done) },
        Row { figure: Figure::ProblemsUnknown, stated: None, derived: some(p.unknown) },
        Row { figure: Figure::Measures, stated: num(st.measures), derived: some(p.measures) },
        Row { figure: Figure::Rules, stated: num(st.rules), derived: None },
        Row {
            figure: Figure::CompletionRate,
            stated: stated_rate(notice).map(|r| r.percent),
            derived: c.completion_rate,
        },
    ];
    rows.into_iter()
        .filter(|r| {
            r.stated.is_some()
                || r.derived.is_some_and(|d| {
                    d != 0.0 || matches!(r.figure, Figure::Problems | Figure::ProblemsDone | Figure::CompletionRate)
                })
        })
        .collect()
}

/// What comparing the stated figures with the outline found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The notice states no figure the outline also gives: nothing was compared.
    NothingToCompare,
    /// Every compared figure agrees.
    Agree,
    /// This many compared figures differ.
    Differ(usize),
}

pub fn verdict(rows: &[Row]) -> Verdict {
    let compared = rows.iter().filter(|r| r.compared()).count();
    let differ = rows.iter().filter(|r| r.differs()).count();
    match (compared, differ) {
        (0, _) => Verdict::NothingToCompare,
        (_, 0) => Verdict::Agree,
        (_, n) => Verdict::Differ(n),
    }
}

/// Whether a check of the notice names this row (by its code), so the row's difference is
/// already explained in the checks list.
pub fn is_checked(notice: &Notice, row: &Row) -> bool {
    let code = row.figure.code();
    notice.checks.iter().any(|c| c.code.as_str() == code)
        // A rate computed from the stated figures differs because those figures do.
        || (row.figure == Figure::CompletionRate
            && notice.checks.iter().any(|c| c.severity == Severity::Mismatch && c.code.as_str().starts_with("problems")))
}

/// The differing rows no check explains: the page and the Markdown list them with
/// [`unexplained_message`], so every ≠ in the table has a line saying why.
pub fn unexplained<'a>(notice: &Notice, rows: &'a [Row]) -> Vec<&'a Row> {
    rows.iter().filter(|r| r.differs() && !is_checked(notice, r)).collect()
}

/// "方面：通报自述 4，大纲统计 0（大纲中没有可对照的条目）".
pub fn unexplained_message(row: &Row, lang: Lang) -> String {
    let value = |v: Option<f64>| v.map(|v| format_figure(row.figure, v)).unwrap_or_default();
    let (s, d) = (value(row.stated), value(row.derived));
    let none = row.derived == Some(0.0);
    match lang {
        Lang::Zh => format!(
            "{}：通报自述 {s}，大纲统计 {d}（{}）",
            row.figure.name(lang),
            if none { "大纲中没有识别出可对照的条目" } else { "两者不一致，请对照原文" }
        ),
        Lang::En => format!(
            "{}: stated {s}, outline {d} ({})",
            row.figure.name(lang),
            if none { "the outline has nothing to compare it with" } else { "they differ; compare with the text" }
        ),
    }
}

/// A figure as a reader writes it: counts as integers, rates as `94.4%`.
pub fn format_figure(figure: Figure, value: f64) -> String {
    if figure == Figure::CompletionRate {
        format!("{}%", super::decimal(value, 1))
    } else {
        super::decimal(value, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Counts, Progress, Stated};

    fn notice(stated: Stated, progress: Progress, aspects: u32) -> Notice {
        let rate = (progress.problems > 0).then(|| progress.done as f64 * 100.0 / progress.problems as f64);
        Notice {
            stated,
            counts: Counts { aspects, progress, completion_rate: rate, ..Counts::default() },
            ..Notice::default()
        }
    }

    #[test]
    fn the_rate_prefers_the_stated_rate_then_stated_counts_then_the_outline() {
        let p = Progress { problems: 4, done: 3, ..Progress::default() };
        let n = notice(
            Stated { completion_rate: Some(90.0), problems: Some(10), problems_done: Some(5), ..Stated::default() },
            p,
            0,
        );
        assert_eq!(completion_rate(&n), Some(Rate { percent: 90.0, source: RateSource::StatedRate }));
        let n = notice(Stated { problems: Some(10), problems_done: Some(5), ..Stated::default() }, p, 0);
        assert_eq!(completion_rate(&n), Some(Rate { percent: 50.0, source: RateSource::StatedCounts }));
        let n = notice(Stated::default(), p, 0);
        assert_eq!(completion_rate(&n), Some(Rate { percent: 75.0, source: RateSource::Derived }));
        assert_eq!(completion_rate(&Notice::default()), None);
    }

    #[test]
    fn the_table_shows_the_same_stated_rate_as_the_ring() {
        let n =
            notice(Stated { problems: Some(2), problems_done: Some(2), ..Stated::default() }, Progress::default(), 0);
        let rate = rows(&n).into_iter().find(|r| r.figure == Figure::CompletionRate).unwrap();
        assert_eq!(rate.stated, completion_rate(&n).map(|r| r.percent));
    }

    #[test]
    fn a_derived_rate_of_zero_keeps_its_row() {
        let n = notice(Stated::default(), Progress { problems: 3, in_progress: 3, ..Progress::default() }, 0);
        let codes: Vec<&str> = rows(&n).iter().map(|r| r.figure.code()).collect();
        assert_eq!(codes, ["problems", "problems_done", "problems_in_progress", "completion_rate"]);
    }

    #[test]
    fn nothing_stated_is_nothing_compared() {
        let n = notice(Stated::default(), Progress { problems: 3, done: 3, ..Progress::default() }, 1);
        assert_eq!(verdict(&rows(&n)), Verdict::NothingToCompare);
    }

    #[test]
    fn a_stated_count_against_an_empty_outline_differs_and_is_explained() {
        // "已完成整改1个" with no problem found in the outline: 1 ≠ 0, never "the figures agree".
        let n =
            notice(Stated { problems_done: Some(1), aspects: Some(4), ..Stated::default() }, Progress::default(), 0);
        let rows = rows(&n);
        assert_eq!(verdict(&rows), Verdict::Differ(2));
        let lines: Vec<String> = unexplained(&n, &rows).iter().map(|r| unexplained_message(r, Lang::Zh)).collect();
        assert_eq!(
            lines,
            [
                "方面：通报自述 4，大纲统计 0（大纲中没有识别出可对照的条目）",
                "已完成：通报自述 1，大纲统计 0（大纲中没有识别出可对照的条目）"
            ]
        );
        assert_eq!(
            unexplained_message(&rows[0], Lang::En),
            "Aspects: stated 4, outline 0 (the outline has nothing to compare it with)"
        );
    }

    #[test]
    fn agreeing_figures_agree() {
        let p = Progress { problems: 2, done: 2, ..Progress::default() };
        let n = notice(
            Stated { problems: Some(2), problems_done: Some(2), completion_rate: Some(100.0), ..Stated::default() },
            p,
            0,
        );
        assert_eq!(verdict(&rows(&n)), Verdict::Agree);
    }
}
