//! The checks as lines for scripts and terminals (the CLI's `--check`), like a compiler's:
//!
//! ```text
//! draft.txt:5:1: mismatch number_gap: 编号不连续：“二、”之后是“四、”，缺少第3项 | Numbering skips: …
//! ```
//!
//! The position is the check's first span: 1-based line, and column counted in characters.
//! A check with no span has no position (`draft.txt: notice measures: …`).

use super::csv::LineIndex;
use crate::model::{Notice, Severity};
use std::fmt::Write;

/// One line per check of `notice`, parsed from `source`, prefixed with `name` (a file name).
pub fn check_lines(notice: &Notice, source: &str, name: &str) -> String {
    let lines = LineIndex::new(source);
    let mut out = String::new();
    for check in &notice.checks {
        let _ = write!(out, "{name}:");
        if let Some(span) = check.spans.first() {
            let line = lines.line_of(span.start);
            let start = lines.line_start(line);
            let column = source.get(start..span.start).map_or(0, |s| s.chars().count()) + 1;
            let _ = write!(out, "{line}:{column}:");
        }
        let severity = match check.severity {
            Severity::Mismatch => "mismatch",
            Severity::Notice => "notice",
        };
        // Messages quote pasted text: keep each check on one line whatever it contains.
        let one_line = |s: &str| s.replace(['\n', '\r'], " ");
        let _ = writeln!(
            out,
            " {severity} {}: {} | {}",
            check.code,
            one_line(&check.message_zh),
            one_line(&check.message_en)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_per_check_with_line_and_column() {
        let text = "通报\n一、甲\n二、乙\n四、丁\n";
        let notice = crate::parse(text);
        assert_eq!(
            check_lines(&notice, text, "a.txt"),
            "a.txt:4:1: mismatch number_gap: 编号不连续：“二、”之后是“四、”，缺少第3项 | Numbering skips: \"二、\" is followed by \"四、\" (item 3 is missing)\n"
        );
    }
}
