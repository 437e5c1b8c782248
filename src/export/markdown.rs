//! The notice as Markdown: metadata, stated vs derived counts, the outline as a nested list
//! with status marks, and the checks. Text from the notice is escaped, so a heading like
//! `*重点*` or `<b>` stays literal text in any Markdown renderer.

use super::figures::{self, format_figure};
use super::vocab;
use super::vocab::{Lang, MetaField};
use crate::model::{Meta, Node, NodeKind, Notice, Progress, Severity, Status};
use std::fmt::Write;

/// The outline as a nested Markdown list with status marks and the counts.
pub fn to_markdown(notice: &Notice) -> String {
    let mut out = String::new();
    let title = notice.meta.title.as_deref().map(inline).unwrap_or_else(|| "通报大纲".into());
    let _ = writeln!(out, "# {title}\n");
    let legend: Vec<String> = STATUSES.iter().map(|&s| format!("{} {}", mark(s), s.name(Lang::Zh))).collect();
    let _ = writeln!(out, "状态标记：{}\n", legend.join(" · "));
    push_meta(&mut out, &notice.meta);
    push_counts(&mut out, notice);
    push_outline(&mut out, &notice.outline);
    push_checks(&mut out, notice);
    out
}

const STATUSES: [Status; 4] = [Status::Done, Status::InProgress, Status::NotDone, Status::Unknown];

/// The mark shown before a problem (and in the legend).
pub fn mark(status: Status) -> &'static str {
    match status {
        Status::Done => "✅",
        Status::InProgress => "⏳",
        Status::NotDone => "❌",
        Status::Unknown => "❔",
    }
}

fn push_meta(out: &mut String, meta: &Meta) {
    out.push_str("## 基本信息\n\n");
    let range = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (None, None) => None,
        (a, b) => Some(format!("{} 至 {}", a.as_deref().unwrap_or("？"), b.as_deref().unwrap_or("？"))),
    };
    let list = |v: &[String]| (!v.is_empty()).then(|| v.join("、"));
    let mut any = false;
    // The title is the document's own heading, above.
    for field in MetaField::ALL.into_iter().filter(|&f| f != MetaField::Title) {
        let value = match field {
            MetaField::Title => None,
            MetaField::Issuer => meta.issuer.clone(),
            MetaField::InspectedUnit => meta.inspected_unit.clone(),
            MetaField::InspectionBody => meta.inspection_body.clone(),
            MetaField::InspectionPeriod => range(&meta.inspection_start, &meta.inspection_end),
            MetaField::FeedbackDate => meta.feedback_date.clone(),
            MetaField::SignedDate => meta.signed_date.clone(),
            MetaField::PublicityPeriod => range(&meta.publicity_start, &meta.publicity_end),
            MetaField::Phone => list(&meta.phones),
            MetaField::Email => list(&meta.emails),
            MetaField::Postcode => list(&meta.postcodes),
            MetaField::Address => meta.address.clone(),
        };
        if let Some(value) = value {
            let _ = writeln!(out, "- {}：{}", field.name(Lang::Zh), inline(&value));
            any = true;
        }
    }
    if !any {
        out.push_str("未识别到基本信息。\n");
    }
    out.push('\n');
}

fn push_counts(out: &mut String, notice: &Notice) {
    let (stated, counts) = (&notice.stated, &notice.counts);
    let n = |v: Option<u32>| v.map_or("–".to_string(), |v| v.to_string());
    let rate = |v: Option<f64>| v.map_or("–".to_string(), |v| format_figure(vocab::Figure::CompletionRate, v));
    let p = &counts.progress;
    out.push_str("## 整改进度\n\n");
    out.push_str("| | 方面 | 问题 | ✅ 已完成 | ⏳ 正在整改 | ❌ 未完成 | ❔ 未知 | 整改措施 | 完成率 |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    let _ = writeln!(
        out,
        "| 通报所称 | {} | {} | {} | {} | {} | – | {} | {} |",
        n(stated.aspects),
        n(stated.problems),
        n(stated.problems_done),
        n(stated.problems_in_progress),
        n(stated.problems_not_done),
        n(stated.measures),
        rate(figures::stated_rate(notice).map(|r| r.percent)),
    );
    let _ = writeln!(
        out,
        "| 大纲统计 | {} | {} | {} | {} | {} | {} | {} | {} |",
        counts.aspects,
        p.problems,
        p.done,
        p.in_progress,
        p.not_done,
        p.unknown,
        p.measures,
        rate(counts.completion_rate),
    );
    let mut extra = Vec::new();
    if let Some(m) = stated.measures_done {
        extra.push(format!("已完成整改措施 {m} 条"));
    }
    if let Some(r) = stated.rules {
        extra.push(format!("建立完善制度 {r} 项"));
    }
    if !extra.is_empty() {
        let _ = writeln!(out, "\n通报另称：{}。", extra.join("，"));
    }
    // The one rate the page's ring shows, with where it comes from.
    if let Some(r) = figures::completion_rate(notice) {
        let value = format_figure(vocab::Figure::CompletionRate, r.percent);
        let _ = writeln!(out, "\n完成率：{value}（{}）。", r.source.name(Lang::Zh));
    }
    out.push('\n');
}

fn push_outline(out: &mut String, outline: &[Node]) {
    out.push_str("## 大纲\n\n");
    if outline.is_empty() {
        out.push_str("未识别到编号的标题。\n\n");
        return;
    }
    fn walk(out: &mut String, nodes: &[Node], depth: usize) {
        for node in nodes {
            let indent = "  ".repeat(depth);
            let mut line = String::new();
            if node.kind == NodeKind::Problem {
                line.push_str(mark(node.status.unwrap_or(Status::Unknown)));
                line.push(' ');
            }
            line.push_str(&inline(&format!("{}{}", node.label, node.heading)));
            if let Some(m) = node.measures.filter(|&m| m > 0) {
                let _ = write!(line, "（整改措施 {m} 条）");
            }
            if let Some(p) = node.progress.filter(|p| p.problems > 0) {
                let _ = write!(line, "（{}）", progress_summary(&p));
            }
            let _ = writeln!(out, "{indent}- {line}");
            walk(out, &node.children, depth + 1);
        }
    }
    walk(out, outline, 0);
    out.push('\n');
}

/// `问题 2：✅ 1 · ⏳ 1`, listing only the statuses that occur.
fn progress_summary(p: &Progress) -> String {
    let by_status = [p.done, p.in_progress, p.not_done, p.unknown];
    let parts: Vec<String> =
        STATUSES.iter().zip(by_status).filter(|(_, n)| *n > 0).map(|(&s, n)| format!("{} {n}", mark(s))).collect();
    format!("问题 {}：{}", p.problems, parts.join(" · "))
}

fn push_checks(out: &mut String, notice: &Notice) {
    out.push_str("## 核对\n\n");
    let rows = figures::rows(notice);
    let unexplained = figures::unexplained(notice, &rows);
    if notice.checks.is_empty() && unexplained.is_empty() {
        out.push_str(match figures::verdict(&rows) {
            figures::Verdict::NothingToCompare => "通报没有自述可核对的数字。\n",
            _ => "通报自述的数字与大纲一致。\n",
        });
        return;
    }
    for check in &notice.checks {
        let sign = match check.severity {
            Severity::Mismatch => "⚠️",
            Severity::Notice => "ℹ️",
        };
        // Codes are fixed ASCII names (`stated_sum`): a code span needs no escaping.
        let _ = writeln!(out, "- {sign} {}（`{}`）", inline(&check.message_zh), check.code);
    }
    for row in unexplained {
        let _ = writeln!(out, "- ⚠️ {}", figures::unexplained_message(row, Lang::Zh));
    }
}

/// Notice text as one line of literal Markdown: line breaks become spaces, Markdown syntax is
/// backslash-escaped, and a leading `1.`/`1)` or `-`/`+` cannot start a nested list.
pub(crate) fn inline(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    // `1.` / `1)` only opens an ordered list when a space or the line's end follows it.
    let ordered_marker = digits > 0
        && text[digits..].starts_with(['.', ')'])
        && text[digits + 1..].chars().next().is_none_or(|c| c.is_whitespace());
    for (i, c) in text.char_indices() {
        match c {
            '\r' | '\n' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
                continue;
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' => out.push('\\'),
            '.' | ')' if i == digits && ordered_marker => out.push('\\'),
            '-' | '+' if i == 0 => out.push('\\'),
            _ => {}
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    #[test]
    fn renders_meta_counts_outline_and_checks() {
        let expected = "\
# 通报

状态标记：✅ 已完成 · ⏳ 正在整改 · ❌ 未完成 · ❔ 未知

## 基本信息

- 反馈机构：县委第一巡察组
- 检查期：2023-04-10 至 2023-06-10
- 电话：0571-12345678

## 整改进度

| | 方面 | 问题 | ✅ 已完成 | ⏳ 正在整改 | ❌ 未完成 | ❔ 未知 | 整改措施 | 完成率 |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
| 通报所称 | – | 3 | 1 | – | – | – | – | 33.3% |
| 大纲统计 | 1 | 2 | 1 | 1 | 0 | 0 | 2 | 50% |

完成率：33.3%（通报自述）。

## 大纲

- 一、整改情况（问题 2：✅ 1 · ⏳ 1）
  - （一）关于学习方面（问题 2：✅ 1 · ⏳ 1）
    - ✅ 1.学习不深入。（整改措施 2 条）
    - ⏳ 2.制度\"不全\",待完善

## 核对

- ⚠️ 通报称3个问题，大纲列出2个（`problems`）
";
        assert_eq!(to_markdown(&fixture::notice()), expected);
    }

    #[test]
    fn empty_notice_still_renders_every_section() {
        let md = to_markdown(&Notice::default());
        assert_eq!(
            md,
            "# 通报大纲\n\n状态标记：✅ 已完成 · ⏳ 正在整改 · ❌ 未完成 · ❔ 未知\n\n\
             ## 基本信息\n\n未识别到基本信息。\n\n\
             ## 整改进度\n\n\
             | | 方面 | 问题 | ✅ 已完成 | ⏳ 正在整改 | ❌ 未完成 | ❔ 未知 | 整改措施 | 完成率 |\n\
             |---|---:|---:|---:|---:|---:|---:|---:|---:|\n\
             | 通报所称 | – | – | – | – | – | – | – | – |\n\
             | 大纲统计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | – |\n\n\
             ## 大纲\n\n未识别到编号的标题。\n\n\
             ## 核对\n\n通报没有自述可核对的数字。\n"
        );
    }

    #[test]
    fn notice_text_cannot_inject_markdown() {
        assert_eq!(inline("*重点*<b>[链接](x)"), "\\*重点\\*\\<b\\>\\[链接\\](x)");
        assert_eq!(inline("1. 标题\n第二行"), "1\\. 标题 第二行");
        assert_eq!(inline("- 列表"), "\\- 列表");
        assert_eq!(inline("12)"), "12\\)");
        assert_eq!(inline("12)项"), "12)项");
        assert_eq!(inline("（一）1.5倍"), "（一）1.5倍");
    }
}
