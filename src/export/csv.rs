//! The rectification ledger (整改台账) as CSV: one row per problem.
//!
//! RFC 4180 (quoted where needed, CRLF line ends) in UTF-8 with a BOM, which is what Excel
//! needs to open Chinese text without asking for an encoding.

use super::vocab::Lang;
use crate::model::{Node, NodeKind, Notice, Status};

pub(crate) const HEADER: [&str; 6] = ["序号", "所属部分", "问题", "整改状态", "整改措施数", "位置"];

/// The ledger for `notice`, parsed from `source` (used to give each problem's line number).
pub fn to_csv(notice: &Notice, source: &str) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &HEADER.map(String::from));
    push_ledger_rows(notice, source, &[], &mut out);
    out
}

/// The ledger's rows (no BOM, no header), each starting with the fields of `lead`: the round
/// ledger puts the notice's file name and unit there.
pub(crate) fn push_ledger_rows(notice: &Notice, source: &str, lead: &[String], out: &mut String) {
    let lines = LineIndex::new(source);
    let mut path = Vec::new();
    let mut serial = 0;
    push_problems(&notice.outline, lead, &mut path, &mut serial, &lines, out);
}

/// Walks the outline in document order, keeping the labels+headings of the ancestors in `path`.
fn push_problems(
    nodes: &[Node],
    lead: &[String],
    path: &mut Vec<String>,
    serial: &mut usize,
    lines: &LineIndex,
    out: &mut String,
) {
    for node in nodes {
        let title = format!("{}{}", node.label, node.heading).trim().to_string();
        if node.kind == NodeKind::Problem {
            *serial += 1;
            let status = node.status.unwrap_or(Status::Unknown);
            // A line a spreadsheet reader can find; byte offsets stay in the JSON.
            let position = format!("第{}行", lines.line_of(node.span.start));
            let row = [
                serial.to_string(),
                path.join(" / "),
                title.clone(),
                status.name(Lang::Zh).to_string(),
                node.measures.map(|m| m.to_string()).unwrap_or_default(),
                position,
            ];
            for field in lead {
                push_field(out, field);
                out.push(',');
            }
            push_row(out, &row);
        }
        path.push(title);
        push_problems(&node.children, lead, path, serial, lines, out);
        path.pop();
    }
}

pub(crate) fn push_row(out: &mut String, fields: &[String]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push_str("\r\n");
}

/// One RFC 4180 field. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first)
/// is prefixed with `'`: the cells come from pasted text, which must never execute.
pub(crate) fn push_field(out: &mut String, field: &str) {
    let guarded;
    let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{field}");
        guarded.as_str()
    } else {
        field
    };
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Byte offset → 1-based line number. A line ends at `\n`, `\r\n` or a lone `\r`.
/// Also used by [`super::check_lines`].
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }

    /// The byte offset where 1-based `line` starts.
    pub(crate) fn line_start(&self, line: usize) -> usize {
        self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    #[test]
    fn ledger_has_bom_header_and_one_quoted_row_per_problem() {
        let csv = to_csv(&fixture::notice(), fixture::SOURCE);
        let expected = "\u{feff}序号,所属部分,问题,整改状态,整改措施数,位置\r\n\
            1,一、整改情况 / （一）关于学习方面,1.学习不深入。,已完成,2,第4行\r\n\
            2,一、整改情况 / （一）关于学习方面,\"2.制度\"\"不全\"\",待完善\",正在整改,0,第5行\r\n";
        assert_eq!(csv, expected);
    }

    #[test]
    fn empty_outline_gives_header_only() {
        let csv = to_csv(&Notice::default(), "");
        assert_eq!(csv, "\u{feff}序号,所属部分,问题,整改状态,整改措施数,位置\r\n");
    }

    #[test]
    fn formula_like_and_multiline_cells_are_neutralised_and_quoted() {
        let mut out = String::new();
        push_field(&mut out, "=HYPERLINK(\"x\")");
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\"");
        out.clear();
        push_field(&mut out, "甲\n乙");
        assert_eq!(out, "\"甲\n乙\"");
        out.clear();
        push_field(&mut out, "一、甲");
        assert_eq!(out, "一、甲");
    }

    #[test]
    fn line_numbers_count_lf_crlf_and_lone_cr() {
        let lines = LineIndex::new("a\r\nb\rc\nd");
        assert_eq!([0, 2, 3, 4, 5, 6, 7].map(|o| lines.line_of(o)), [1, 1, 2, 2, 3, 3, 4]);
    }
}
