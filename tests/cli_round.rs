//! A round through the CLI: several files or a directory in, one ledger / JSON Lines / summary out,
//! in input order, with bad files reported on their own row while the rest still run.

use notice_outline::export::{summary_csv, SummaryRow};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_notice-outline");

/// Invented notices from fixtures/, under new names that sort differently from their order here.
const NOTICES: [(&str, &str); 3] = [
    ("b-county.txt", "county-transport.txt"),
    ("a-red-ridge.txt", "status-groups.txt"),
    ("c-short.txt", "short-notice.txt"),
];

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("the notice-outline binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)).unwrap()
}

/// A fresh directory per test holding the three notices, a binary file and a non-UTF-8 one
/// (both named .txt, as a mislabelled download would be), plus a file the round must skip.
fn round_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("notice-outline-round-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, source) in NOTICES {
        std::fs::write(dir.join(name), fixture(source)).unwrap();
    }
    std::fs::write(dir.join("d-scan.txt"), b"%PDF-1.4\n\0\0\x01binary").unwrap();
    std::fs::write(dir.join("e-gbk.txt"), b"\xd5\xfb\xb8\xc4\xc7\xe9\xbf\xf6").unwrap();
    std::fs::write(dir.join("notes.md"), "not a notice").unwrap();
    dir
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

/// What the library says of each notice, in sorted file order (the directory's order).
fn expected_rows(dir: &Path) -> Vec<SummaryRow> {
    let mut rows: Vec<SummaryRow> = NOTICES
        .iter()
        .map(|(name, source)| SummaryRow::of(&path(dir, name), &notice_outline::parse(&fixture(source))))
        .collect();
    rows.sort_by(|a, b| a.notice.cmp(&b.notice));
    rows.push(SummaryRow::unreadable(
        &path(dir, "d-scan.txt"),
        "binary file (NUL byte at offset 9), not the text of a notice",
    ));
    rows.push(SummaryRow::unreadable(
        &path(dir, "e-gbk.txt"),
        "input is not valid UTF-8 (first bad byte at offset 0); save the notice as UTF-8 and try again",
    ));
    rows
}

#[test]
fn summary_of_a_directory_has_sorted_rows_error_rows_and_totals() {
    let dir = round_dir("summary");
    let out = run(&["--format", "summary", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "bad files make the exit code 1");
    assert_eq!(text(&out.stdout), summary_csv(&expected_rows(&dir)));
    let err = text(&out.stderr);
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            format!("notice-outline: {}: binary file (NUL byte at offset 9), not the text of a notice", path(&dir, "d-scan.txt")),
            format!("notice-outline: {}: input is not valid UTF-8 (first bad byte at offset 0); save the notice as UTF-8 and try again", path(&dir, "e-gbk.txt")),
        ]
    );
}

#[test]
fn csv_ledger_leads_with_file_and_unit_and_keeps_the_order_given() {
    let dir = round_dir("csv");
    let files: Vec<String> = NOTICES.iter().map(|(name, _)| path(&dir, name)).collect();
    let args: Vec<&str> = ["--format", "csv"].into_iter().chain(files.iter().map(String::as_str)).collect();
    let out = run(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "no progress bar or message when stderr is not a terminal");
    let csv = text(&out.stdout);
    let mut lines = csv.split("\r\n");
    assert_eq!(lines.next(), Some("\u{feff}通报文件,被巡察单位,序号,所属部分,问题,整改状态,整改措施数,位置"));
    // Every row names its file and unit; files appear in the order given, each once, as a block.
    let mut seen: Vec<&str> = Vec::new();
    let mut rows = 0;
    for line in lines.filter(|l| !l.is_empty()) {
        let mut fields = line.splitn(3, ',');
        let (file, unit) = (fields.next().unwrap(), fields.next().unwrap());
        let i = files.iter().position(|f| f == file).unwrap_or_else(|| panic!("row names no input: {line}"));
        let notice = notice_outline::parse(&fixture(NOTICES[i].1));
        assert_eq!(Some(unit), notice.meta.inspected_unit.as_deref(), "{line}");
        if seen.last() != Some(&file) {
            assert!(!seen.contains(&file), "{file} appears in two blocks");
            seen.push(file);
        }
        rows += 1;
    }
    assert_eq!(seen, files.iter().map(String::as_str).collect::<Vec<_>>());
    let problems: u32 = NOTICES.iter().map(|(_, s)| notice_outline::parse(&fixture(s)).counts.progress.problems).sum();
    assert_eq!(rows, problems as usize);
}

#[test]
fn json_lines_parse_line_by_line_with_file_first_and_errors_in_place() {
    let dir = round_dir("json");
    let out = run(&[dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<serde_json::Value> =
        stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect();
    let expected = expected_rows(&dir);
    assert_eq!(lines.len(), expected.len());
    for (line, row) in lines.iter().zip(&expected) {
        assert_eq!(line["file"], row.notice.as_str());
        match &row.error {
            Some(reason) => assert_eq!(line["error"], reason.as_str()),
            None => {
                assert_eq!(line["counts"]["problems"], row.progress.problems, "{}", row.notice);
                assert_eq!(line["meta"]["inspected_unit"].as_str(), row.unit.as_deref());
            }
        }
    }
}

#[test]
fn markdown_round_is_the_summary_table_then_each_outline() {
    let dir = round_dir("markdown");
    let out = run(&["-f", "markdown", dir.to_str().unwrap()]);
    let md = text(&out.stdout);
    assert!(md.starts_with("# 通报汇总\n\n| 通报文件 | 被巡察单位 | 问题 |"), "{md}");
    let sections: Vec<&str> = md.split("\n---\n\n文件：").skip(1).collect();
    assert_eq!(sections.len(), 3, "one outline per readable notice");
    assert!(sections[0].contains("a-red-ridge.txt\n\n# "), "{}", sections[0]);
    assert!(md.contains("| **合计** | 5 份通报 |"), "{md}");
}

#[test]
fn an_empty_directory_is_a_clear_message() {
    let dir = std::env::temp_dir().join(format!("notice-outline-round-{}-empty", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = run(&["--format", "csv", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        format!("notice-outline: {}: no .txt files in this directory (a round reads DIR/*.txt)\n", dir.display())
    );
}

#[test]
fn a_missing_file_gets_its_row_and_the_others_still_run() {
    let dir = round_dir("missing");
    let (a, missing) = (path(&dir, "a-red-ridge.txt"), path(&dir, "gone.txt"));
    let out = run(&["--format", "summary", &missing, &a]);
    assert_eq!(out.status.code(), Some(1));
    let csv = text(&out.stdout);
    let rows: Vec<&str> = csv.split("\r\n").collect();
    assert!(rows[1].starts_with(&format!("{missing},,,,,,,,,无法读取：cannot read: ")), "{csv}");
    assert!(rows[2].starts_with(&format!("{a},红岭镇党委,")), "{csv}");
    assert!(text(&out.stderr).starts_with(&format!("notice-outline: {missing}: cannot read: ")));
}

#[test]
fn check_over_a_round_prints_each_files_checks_with_its_name() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/proofread");
    let (clean, gap) = (dir.join("clean.txt"), dir.join("gap.txt"));
    let out = run(&["--check", clean.to_str().unwrap(), gap.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "a mismatch in one file makes the round exit 1");
    let prefix = format!("{}:", gap.display());
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().map(|l| l.strip_prefix(&prefix).unwrap_or(l)).collect();
    assert_eq!(lines.len(), 1, "the clean notice adds nothing: {lines:?}");
    assert!(lines[0].starts_with("21:1: mismatch number_gap: "), "{lines:?}");
}
