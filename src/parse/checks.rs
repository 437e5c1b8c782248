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

/// The outline's counts, tallied while the nested model is built: each node is added once its
/// children are, while it is still in cache (two walks over the finished outline of the 10 MB
/// synthetic notice cost 3 ms, most of it cache misses on the nodes).
#[derive(Default)]
pub struct Tally {
    counts: Counts,
}

impl Tally {
    /// Adds `node`, whose children's subtrees hold the problems of `below`, and returns those of
    /// its own subtree; a node that is not a problem but holds some shows them as its progress.
    pub fn add(&mut self, node: &mut Node, below: Progress) -> Progress {
        let counts = &mut self.counts;
        counts.nodes += 1;
        let mut progress = below;
        match node.kind {
            NodeKind::Problem => {
                progress.problems += 1;
                match node.status.unwrap_or(Status::Unknown) {
                    Status::Done => progress.done += 1,
                    Status::InProgress => progress.in_progress += 1,
                    Status::NotDone => progress.not_done += 1,
                    Status::Unknown => progress.unknown += 1,
                }
                progress.measures += node.measures.unwrap_or(0);
            }
            NodeKind::Section => {
                counts.sections += 1;
                if holds_aspect(node) {
                    counts.aspects += 1;
                }
            }
            NodeKind::Measure | NodeKind::Item => {}
        }
        if node.kind != NodeKind::Problem && progress.problems > 0 {
            node.progress = Some(progress);
        }
        progress
    }

    /// The counts, given the problems of the whole outline (its top-level nodes' subtrees).
    pub fn finish(self, outline: Progress) -> Counts {
        let mut counts = self.counts;
        counts.progress = outline;
        if outline.problems > 0 {
            counts.completion_rate = Some(percent(outline.done, outline.problems));
        }
        counts
    }
}

fn percent(part: u32, whole: u32) -> f64 {
    (part as f64 * 1000.0 / whole as f64).round() / 10.0
}

/// An aspect (方面): a section that directly holds problems, not a status group (which holds
/// problems of every aspect) nor a part (`二、巡察反馈问题整改落实情况`, top level). Read from
/// the classification carried on the nodes, never from the heading's characters again (so
/// traditional and simplified text count the same).
fn holds_aspect(section: &Node) -> bool {
    section.level > 1 && section.children.iter().any(|c| c.kind == NodeKind::Problem) && !is_status_group(section)
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
