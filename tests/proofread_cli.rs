//! `notice-outline --check`: the checks only, one per line with line and column; exit 1 on a
//! `mismatch`, 0 when there is none or only notices.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_notice-outline");

fn check(fixture: &str) -> (Option<i32>, String) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/proofread").join(fixture);
    let out = Command::new(BIN).arg("--check").arg(&path).output().expect("the binary runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    // Paths differ between machines: keep the part after the file name.
    let lines = stdout.lines().map(|l| l.split_once(".txt:").map_or(l, |(_, rest)| rest).to_string() + "\n").collect();
    (out.status.code(), lines)
}

#[test]
fn a_mismatch_exits_1_with_one_line_per_check() {
    assert_eq!(
        check("gap.txt"),
        (
            Some(1),
            "21:1: mismatch number_gap: 编号不连续：“二、”之后是“四、”，缺少第3项 | Numbering skips: \"二、\" is followed by \"四、\" (item 3 is missing)\n".to_string()
        )
    );
    let (code, lines) = check("invalid-date.txt");
    assert_eq!((code, lines.lines().count()), (Some(1), 1));
    assert!(lines.starts_with("3:48: mismatch invalid_date: 日期“2023年6月31日”不存在"), "{lines}");
}

#[test]
fn notices_only_exit_0() {
    let (code, lines) = check("ladder.txt");
    assert_eq!(code, Some(0));
    assert!(lines.starts_with("11:1: notice level_ladder: "), "{lines}");
}

#[test]
fn a_clean_notice_prints_nothing_and_exits_0() {
    assert_eq!(check("clean.txt"), (Some(0), String::new()));
}
