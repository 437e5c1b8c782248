//! A round at a glance: one row per notice (its unit, problems by status, completion, checks)
//! and the round's totals, as CSV (the CLI's `--format summary`, the page's round export) and as
//! a Markdown table (the head of the CLI's `--format markdown` for several notices). Also the
//! round ledger: every notice's ledger rows in one CSV, led by the notice's file and unit.
//!
//! A notice that could not be read (not UTF-8, binary) keeps its row, with the reason, so a
//! round of 40 files never silently becomes 39.

use super::csv::{push_field, push_ledger_rows, push_row, HEADER};
use super::markdown::inline;
use super::{decimal, fixed};
use crate::model::{Notice, Progress};
use std::fmt::Write;

/// Why a file of the round is not the text of a notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// A NUL byte at `offset`: no text notice has one, a PDF, a picture or a .docx does.
    Binary { offset: usize },
    /// Not UTF-8 from `offset` on (a GBK export, say).
    NotUtf8 { offset: usize },
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Unreadable::Binary { offset } => {
                write!(f, "binary file (NUL byte at offset {offset}), not the text of a notice")
            }
            Unreadable::NotUtf8 { offset } => crate::InputError::InvalidUtf8 { offset }.fmt(f),
        }
    }
}

impl Unreadable {
    /// The reason in Chinese, for the page's round table.
    pub fn reason_zh(&self) -> String {
        match *self {
            Unreadable::Binary { offset } => format!("二进制文件（偏移 {offset} 处有 NUL 字节），不是通报文本"),
            Unreadable::NotUtf8 { offset } => {
                format!("不是 UTF-8 文本（偏移 {offset} 处第一个无效字节），请另存为 UTF-8 后再试")
            }
        }
    }
}

/// The text of one file of the round, or why it is none. The CLI and the page both decide with
/// this, so a file gets the same row in either.
pub fn readable_text(bytes: &[u8]) -> Result<&str, Unreadable> {
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(Unreadable::Binary { offset });
    }
    std::str::from_utf8(bytes).map_err(|e| Unreadable::NotUtf8 { offset: e.valid_up_to() })
}

/// One notice of the round.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SummaryRow {
    /// The notice's file name, e.g. `county-transport.txt`.
    pub notice: String,
    /// The inspected unit the notice reports on (its 被巡察单位), when the parser found it.
    pub unit: Option<String>,
    pub progress: Progress,
    /// Done / problems in percent, when there are problems.
    pub completion_rate: Option<f64>,
    /// How many of the notice's own figures disagree with its outline (its checks).
    pub checks: u32,
    /// Why the notice could not be read; its figures are then all zero.
    pub error: Option<String>,
}

impl SummaryRow {
    pub fn of(name: &str, notice: &Notice) -> Self {
        SummaryRow {
            notice: name.to_string(),
            unit: notice.meta.inspected_unit.clone(),
            progress: notice.counts.progress,
            completion_rate: notice.counts.completion_rate,
            checks: notice.checks.len() as u32,
            error: None,
        }
    }

    pub fn unreadable(name: &str, reason: &str) -> Self {
        SummaryRow { notice: name.to_string(), error: Some(reason.to_string()), ..SummaryRow::default() }
    }
}

/// The round's sums. The completion rate is recomputed from the summed counts (a mean of
/// per-notice rates would weigh a 2-problem notice like a 40-problem one).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Totals {
    pub notices: u32,
    pub unreadable: u32,
    pub progress: Progress,
    pub completion_rate: Option<f64>,
    pub checks: u32,
}

pub fn totals(rows: &[SummaryRow]) -> Totals {
    let mut t = Totals::default();
    for row in rows {
        t.notices += 1;
        t.unreadable += row.error.is_some() as u32;
        t.progress += &row.progress;
        t.checks += row.checks;
    }
    let p = t.progress;
    t.completion_rate = (p.problems > 0).then(|| f64::from(p.done) * 100.0 / f64::from(p.problems));
    t
}

/// The summary's columns, in the order of [`SummaryRow`].
pub const SUMMARY_HEADER: [&str; 10] =
    ["通报文件", "被巡察单位", "问题", "已完成", "正在整改", "未完成", "未知", "完成率(%)", "核对提示", "说明"];

/// A rate as the summary prints it: one decimal, `83.3`; empty when there are no problems.
pub fn rate_text(rate: Option<f64>) -> String {
    rate.map(|r| fixed(r, 1)).unwrap_or_default()
}

/// The cells of one row, as the CSV, the Markdown table and the page show them.
pub fn row_cells(row: &SummaryRow) -> [String; 10] {
    let p = &row.progress;
    let n = |v: u32| if row.error.is_some() { String::new() } else { v.to_string() };
    [
        row.notice.clone(),
        row.unit.clone().unwrap_or_default(),
        n(p.problems),
        n(p.done),
        n(p.in_progress),
        n(p.not_done),
        n(p.unknown),
        rate_text(row.completion_rate),
        n(row.checks),
        row.error.as_ref().map(|e| format!("无法读取：{e}")).unwrap_or_default(),
    ]
}

/// The totals row's cells: `合计`, how many notices, the sums.
pub fn totals_cells(t: &Totals) -> [String; 10] {
    let p = &t.progress;
    [
        "合计".to_string(),
        format!("{} 份通报", t.notices),
        p.problems.to_string(),
        p.done.to_string(),
        p.in_progress.to_string(),
        p.not_done.to_string(),
        p.unknown.to_string(),
        rate_text(t.completion_rate),
        t.checks.to_string(),
        if t.unreadable > 0 { format!("{} 份无法读取", t.unreadable) } else { String::new() },
    ]
}

/// The summary as CSV (UTF-8 with BOM, CRLF, like the ledger): header, one row per notice in
/// the given order, then the totals.
pub fn summary_csv(rows: &[SummaryRow]) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &SUMMARY_HEADER.map(String::from));
    for row in rows {
        push_row(&mut out, &row_cells(row));
    }
    push_row(&mut out, &totals_cells(&totals(rows)));
    out
}

/// The summary as a Markdown table, numbers right-aligned, notice text escaped.
pub fn summary_markdown(rows: &[SummaryRow]) -> String {
    let mut out = String::from("# 通报汇总\n\n");
    let _ = writeln!(out, "| {} |", SUMMARY_HEADER.join(" | "));
    out.push_str("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    let t = totals(rows);
    let mut total_cells = totals_cells(&t);
    total_cells[0] = "**合计**".into();
    for cells in rows.iter().map(row_cells).chain([total_cells]) {
        let cells: Vec<String> =
            cells.iter().map(|c| if c.starts_with("**") { c.clone() } else { inline(c) }).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
    out
}

/// The round ledger's header: the notice's file and unit, then the single-notice ledger's columns.
pub fn round_ledger_header() -> String {
    let mut out = String::from("\u{feff}");
    let fields: Vec<String> = ["通报文件", "被巡察单位"].into_iter().chain(HEADER).map(String::from).collect();
    push_row(&mut out, &fields);
    out
}

/// One notice's rows of the round ledger (no header).
pub fn round_ledger_rows(name: &str, notice: &Notice, source: &str) -> String {
    let mut out = String::new();
    let lead = [name.to_string(), notice.meta.inspected_unit.clone().unwrap_or_default()];
    push_ledger_rows(notice, source, &lead, &mut out);
    out
}

/// The round ledger's row for a notice that could not be read: the reason in the 问题 column.
pub fn round_ledger_unreadable(name: &str, reason: &str) -> String {
    let mut out = String::new();
    for field in [name, ""] {
        push_field(&mut out, field);
        out.push(',');
    }
    push_row(
        &mut out,
        &[String::new(), String::new(), format!("无法读取：{reason}"), String::new(), String::new(), String::new()],
    );
    out
}

/// `12.5` → `"12.5%"`, `None` → `"–"`: the page's table prints rates like the notices do.
pub fn percent_text(rate: Option<f64>) -> String {
    rate.map(|r| format!("{}%", decimal(r, 1))).unwrap_or_else(|| "–".into())
}

/// One notice's section after the round's summary table: a rule, the file's name, its outline.
pub fn round_markdown_section(name: &str, notice: &Notice) -> String {
    format!("---\n\n文件：{}\n\n{}", inline(name), super::to_markdown(notice))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    fn rows() -> Vec<SummaryRow> {
        let mut notice = fixture::notice();
        notice.meta.inspected_unit = Some("县交通运输局党组".into());
        vec![
            SummaryRow::of("a.txt", &notice),
            SummaryRow::unreadable("b.bin", "二进制文件"),
            SummaryRow::of("c.txt", &notice),
        ]
    }

    #[test]
    fn summary_csv_has_one_row_per_notice_then_totals() {
        let expected = "\u{feff}通报文件,被巡察单位,问题,已完成,正在整改,未完成,未知,完成率(%),核对提示,说明\r\n\
            a.txt,县交通运输局党组,2,1,1,0,0,50.0,1,\r\n\
            b.bin,,,,,,,,,无法读取：二进制文件\r\n\
            c.txt,县交通运输局党组,2,1,1,0,0,50.0,1,\r\n\
            合计,3 份通报,4,2,2,0,0,50.0,2,1 份无法读取\r\n";
        assert_eq!(summary_csv(&rows()), expected);
    }

    #[test]
    fn readable_text_refuses_binary_and_non_utf8_with_the_offset() {
        assert_eq!(readable_text(b"PK\x03\x04\0"), Err(Unreadable::Binary { offset: 4 }));
        assert_eq!(readable_text(b"ab\xff"), Err(Unreadable::NotUtf8 { offset: 2 }));
        assert_eq!(readable_text("一、整改".as_bytes()), Ok("一、整改"));
        assert_eq!(
            Unreadable::Binary { offset: 4 }.to_string(),
            "binary file (NUL byte at offset 4), not the text of a notice"
        );
        assert!(Unreadable::NotUtf8 { offset: 2 }.to_string().starts_with("input is not valid UTF-8"));
    }

    #[test]
    fn totals_rate_comes_from_summed_counts() {
        let mut a = SummaryRow::default();
        a.progress.problems = 1;
        a.progress.done = 1;
        let mut b = SummaryRow::default();
        b.progress.problems = 3;
        let t = totals(&[a, b]);
        assert_eq!(t.completion_rate, Some(25.0));
        assert_eq!(totals(&[]).completion_rate, None);
    }

    #[test]
    fn summary_markdown_escapes_cells_and_bolds_totals() {
        let mut r = SummaryRow::unreadable("x|y.txt", "不是 UTF-8");
        r.unit = Some("*甲*".into());
        let md = summary_markdown(&[r]);
        assert!(md.contains("| x\\|y.txt | \\*甲\\* |  |  |  |  |  |  |  | 无法读取：不是 UTF-8 |\n"), "{md}");
        assert!(md.contains("| **合计** | 1 份通报 | 0 | 0 | 0 | 0 | 0 |  | 0 | 1 份无法读取 |\n"), "{md}");
    }

    #[test]
    fn round_ledger_rows_lead_with_file_and_unit() {
        let mut notice = fixture::notice();
        notice.meta.inspected_unit = Some("县交通运输局党组".into());
        let rows = round_ledger_rows("a.txt", &notice, fixture::SOURCE);
        assert!(
            rows.starts_with("a.txt,县交通运输局党组,1,一、整改情况 / （一）关于学习方面,1.学习不深入。,已完成,2,"),
            "{rows}"
        );
        assert_eq!(rows.lines().count(), 2);
        assert_eq!(round_ledger_unreadable("b.bin", "二进制文件"), "b.bin,,,,无法读取：二进制文件,,,\r\n");
        assert!(round_ledger_header().starts_with("\u{feff}通报文件,被巡察单位,序号,"));
    }
}
