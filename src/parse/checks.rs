//! Counts derived from the outline, and the places where the notice's own statements disagree
//! with them ("通报称18个问题，大纲列出16个").

use crate::format::decimal;
use crate::model::{Check, CheckCode, Counts, Evidence, Node, NodeKind, Progress, Severity, Span, Stated, Status};

/// A problem listed under a status group whose own words say another status
/// (`（一）已完成整改的问题` above `1.…目前正在推进整改。`).
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The whole problem.
    pub problem: Span,
    /// The status the group heading gives.
    pub group: Status,
    /// The status the problem's own words give, and those words.
    pub own: Status,
    pub words: Evidence,
}

/// Fills `progress` on every node that contains problems and returns the totals.
pub fn count(outline: &mut [Node]) -> Counts {
    let mut counts = Counts::default();
    for node in outline.iter_mut() {
        let p = fill_progress(node, &mut counts);
        counts.progress += &p;
    }
    counts.aspects = count_aspects(outline);
    if counts.progress.problems > 0 {
        counts.completion_rate = Some(percent(counts.progress.done, counts.progress.problems));
    }
    counts
}

fn percent(part: u32, whole: u32) -> f64 {
    (part as f64 * 1000.0 / whole as f64).round() / 10.0
}

/// The progress of the problems in `node`'s subtree; sets it on sections that contain any.
fn fill_progress(node: &mut Node, counts: &mut Counts) -> Progress {
    counts.nodes += 1;
    if node.kind == NodeKind::Section {
        counts.sections += 1;
    }
    let mut p = Progress::default();
    if node.kind == NodeKind::Problem {
        p.problems = 1;
        match node.status.unwrap_or(Status::Unknown) {
            Status::Done => p.done = 1,
            Status::InProgress => p.in_progress = 1,
            Status::NotDone => p.not_done = 1,
            Status::Unknown => p.unknown = 1,
        }
        p.measures = node.measures.unwrap_or(0);
    }
    for child in node.children.iter_mut() {
        let c = fill_progress(child, counts);
        p += &c;
    }
    if node.kind != NodeKind::Problem && p.problems > 0 {
        node.progress = Some(p);
    }
    p
}

/// Aspects (方面): the sections that directly hold problems, not counting status groups
/// (which hold problems of every aspect) nor a part (`二、巡察反馈问题整改落实情况`, top level).
/// Read from the classification carried on the nodes, never from the heading's characters again
/// (so traditional and simplified text count the same).
fn count_aspects(outline: &[Node]) -> u32 {
    fn walk(nodes: &[Node], n: &mut u32) {
        for node in nodes {
            let holds = node.kind == NodeKind::Section
                && node.level > 1
                && node.children.iter().any(|c| c.kind == NodeKind::Problem)
                && !is_status_group(node);
            if holds {
                *n += 1;
            }
            walk(&node.children, n);
        }
    }
    let mut n = 0;
    walk(outline, &mut n);
    n
}

/// A status group: its problems' status was decided by words in its heading.
fn is_status_group(node: &Node) -> bool {
    node.children.iter().filter_map(|c| c.status_evidence.as_ref()).any(|e| node.heading_span.contains(&e.span))
}

/// Every disagreement between the stated figures and the outline.
pub fn checks(stated: &Stated, counts: &Counts, outline: &[Node], conflicts: &[Conflict]) -> Vec<Check> {
    let mut out = Vec::new();
    let problems: Vec<&Node> = problems(outline);
    // The problems that make up a difference: those not of the status the notice counts.
    let problems_not = |status: Status| -> Vec<Span> {
        problems.iter().filter(|n| n.status != Some(status)).map(|n| n.span).take(50).collect()
    };
    let stated_span = |field: &str| stated.spans.get(field).copied();
    let p = &counts.progress;

    let mut compare =
        |code: CheckCode, stated_value: Option<u32>, derived: u32, zh: &str, en: [&str; 2], spans: Vec<Span>| {
            let Some(s) = stated_value else { return };
            if s == derived || (derived == 0 && counts.progress.problems == 0 && code != CheckCode::Problems) {
                return;
            }
            // The stated figure's field has the check's name.
            let mut all: Vec<Span> = stated_span(code.as_str()).into_iter().collect();
            all.extend(spans);
            out.push(Check {
                code,
                severity: Severity::Mismatch,
                stated: Some(s as f64),
                derived: Some(derived as f64),
                message_zh: format!("通报称{zh}{s}个，大纲列出{derived}个"),
                // `en` is [one, many]: "1 problem", "15 problems".
                message_en: format!("The notice states {s} {}; the outline lists {derived}", en[usize::from(s != 1)]),
                spans: all,
            });
        };
    compare(CheckCode::Problems, stated.problems, p.problems, "问题", ["problem", "problems"], Vec::new());
    compare(
        CheckCode::ProblemsDone,
        stated.problems_done,
        p.done,
        "已完成整改",
        ["problem done", "problems done"],
        problems_not(Status::Done),
    );
    compare(
        CheckCode::ProblemsInProgress,
        stated.problems_in_progress,
        p.in_progress,
        "正在整改",
        ["problem in progress", "problems in progress"],
        problems_not(Status::InProgress),
    );
    compare(
        CheckCode::ProblemsNotDone,
        stated.problems_not_done,
        p.not_done,
        "未完成整改",
        ["problem not done", "problems not done"],
        Vec::new(),
    );
    if counts.aspects > 0 {
        compare(CheckCode::Aspects, stated.aspects, counts.aspects, "问题方面", ["aspect", "aspects"], Vec::new());
    }
    if p.measures > 0 {
        compare(CheckCode::Measures, stated.measures, p.measures, "整改措施", ["measure", "measures"], Vec::new());
    }
    // Notices often list only some of their measures: worth a look, not a mismatch.
    out.iter_mut().filter(|c| c.code == CheckCode::Measures).for_each(|c| c.severity = Severity::Notice);

    // The stated figures among themselves.
    if let (Some(total), Some(done)) = (stated.problems, stated.problems_done) {
        let parts = done + stated.problems_in_progress.unwrap_or(0) + stated.problems_not_done.unwrap_or(0);
        if (stated.problems_in_progress.is_some() || stated.problems_not_done.is_some()) && parts != total {
            out.push(Check {
                code: CheckCode::StatedSum,
                severity: Severity::Notice,
                stated: Some(total as f64),
                derived: Some(parts as f64),
                message_zh: format!("通报所列各状态问题数之和为{parts}个，与所称{total}个不符"),
                message_en: format!("The stated statuses add up to {parts}, not the stated {total} problems"),
                spans: ["problems", "problems_done", "problems_in_progress", "problems_not_done"]
                    .iter()
                    .filter_map(|f| stated_span(f))
                    .collect(),
            });
        }
        if let Some(rate) = stated.completion_rate {
            let implied = if total > 0 { percent(done, total) } else { 0.0 };
            if total > 0 && (rate - implied).abs() > 0.6 {
                out.push(Check {
                    code: CheckCode::CompletionRate,
                    severity: Severity::Notice,
                    stated: Some(rate),
                    derived: Some(implied),
                    message_zh: format!(
                        "通报称整改完成率{}%，按所称数字计算应为{}%",
                        decimal(rate, 4),
                        decimal(implied, 4)
                    ),
                    message_en: format!(
                        "The notice states a completion rate of {}%; its own figures give {}%",
                        decimal(rate, 4),
                        decimal(implied, 4)
                    ),
                    spans: ["completion_rate", "problems", "problems_done"]
                        .iter()
                        .filter_map(|f| stated_span(f))
                        .collect(),
                });
            }
        }
    }

    // The words that triggered the check are quoted and come first, so 在原文中定位 lands on them.
    for c in conflicts {
        out.push(Check {
            code: CheckCode::ItemStatus,
            severity: Severity::Notice,
            stated: None,
            derived: None,
            message_zh: format!("该问题列在“{}”下，但其整改情况写明“{}”（{}）", c.group.zh(), c.words.text, c.own.zh()),
            message_en: format!(
                "This problem is listed under “{}”, but its own text says “{}” ({})",
                c.group.en(),
                c.words.text,
                c.own.en()
            ),
            spans: vec![c.words.span, c.problem],
        });
    }
    out
}

fn problems(nodes: &[Node]) -> Vec<&Node> {
    let mut out = Vec::new();
    fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a Node>) {
        for n in nodes {
            if n.kind == NodeKind::Problem {
                out.push(n);
            }
            walk(&n.children, out);
        }
    }
    walk(nodes, &mut out);
    out
}
