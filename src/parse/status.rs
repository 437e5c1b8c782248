//! Which nodes are the inspection's feedback problems, and each one's status.
//!
//! 1. **Parts**: the top-level nodes. A part about responsibility (`一、履行巡察整改主体责任情况`,
//!    `提高政治站位，加强组织领导`; not one stating a shortcoming: `履行主体责任有差距`), an overview (`总体推进情况`) or the next steps (`下一步工作打算`)
//!    holds no problems. When a part names the fed-back problems (`二、巡察反馈问题整改情况`), only
//!    such parts hold problems; otherwise every other part may (`一、在“…”方面`). A part itself is
//!    never a problem. A notice with no deeper numbering than measures whose top-level nodes name
//!    problems (`一、关于理论学习不深入的问题`, two or more) lists its problems at the top: no parts.
//! 2. **Problems**: inside those parts, the lowest numbered level that is not a list of measures:
//!    a node whose only numbered children are measures (`一是…`, `首先…`, `①…`, or any series inside
//!    its own paragraph: `整改情况：1)…；2)…`, or after its `整改措施：`), or that has none, is a problem
//!    (`1.学习不深入。整改情况：一是…`, `（七）关于摸清资产管理底数方面`); a node holding other
//!    numbered nodes is a section; a status group (`（一）已整改完成的问题`) is a section and its
//!    items are problems; an organising item (`（一）加强组织领导`) is an item. Everything under a
//!    problem is a measure.
//! 3. **Status**: a status group above the problem decides; otherwise what is said about the
//!    rectification after the problem's title (`3.关于意识形态工作有待进一步加强问题` says nothing),
//!    read by [`super::vocab`] (least finished wins). The deciding words are kept as evidence.

use super::tree::{introduces_measures, is_measure_form, is_next_steps, FlatNode, Unnumbered};
use super::vocab;
use crate::model::{NodeKind, Status};

/// The classification of one flat node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Role {
    pub kind: NodeKind,
    pub status: Option<Status>,
    /// The words that decided the status (offsets in the folded text).
    pub evidence: Option<(usize, usize)>,
    /// The status a problem's own words give and the span of those words (offsets in the folded
    /// text), when a group heading above says otherwise.
    pub own_status_conflict: Option<(Status, (usize, usize))>,
}

/// `已完成整改的问题（10个）`, `（二）正在推进整改的问题`: a heading that groups problems by status;
/// the status and the span of its deciding words.
pub fn group_heading(heading: &str) -> Option<(Status, (usize, usize))> {
    if heading.chars().count() > 30 || !(heading.contains("问题") || heading.contains("事项")) {
        return None;
    }
    vocab::status_of_text(heading)
}

/// Whether a heading introduces the feedback problems (`巡察反馈问题整改落实情况`).
pub fn is_problem_section(heading: &str) -> bool {
    if is_next_steps(heading) {
        return false;
    }
    let feedback = heading.contains("反馈") && (heading.contains("整改") || heading.contains("问题"));
    let problems = heading.contains("问题")
        && ["整改", "巡察", "巡视", "审计", "督察", "指出", "发现"].iter().any(|w| heading.contains(w));
    feedback || problems
}

/// Words of a part about responsibility, organisation or the overall picture, not about the
/// problems themselves: `履行巡察整改主体责任情况`, `整改责任落实情况`, `整改工作组织情况`,
/// `整改工作总体部署和推进情况`.
const NO_PROBLEM_PART: [&str; 8] =
    ["主体责任", "责任落实", "组织落实", "组织情况", "政治站位", "组织领导", "总体", "工作部署"];

/// Words that state a shortcoming: a part headed `（二）履行主体责任有差距` or `一、落实主体责任不到位`
/// names an area of fed-back problems, not the notice's account of its own responsibility
/// (`一、履行巡察整改主体责任情况`), though both say 主体责任.
const SHORTCOMING: [&str; 16] = [
    "有差距",
    "不到位",
    "不力",
    "不够",
    "不严",
    "不足",
    "不强",
    "不高",
    "不深入",
    "不扎实",
    "不规范",
    "不健全",
    "薄弱",
    "弱化",
    "缺失",
    "欠缺",
];

/// Whether a heading states a shortcoming ([`SHORTCOMING`]) or names a problem (`关于…的问题`):
/// then its 主体责任/组织领导/政治站位 are what went wrong, not the notice's own work.
fn states_shortcoming(heading: &str) -> bool {
    heading.ends_with("问题") || SHORTCOMING.iter().any(|w| heading.contains(w))
}

/// Words of an item that organises the work rather than reporting a problem: `（一）提高政治站位`,
/// `（二）强化组织领导，压实整改责任`, `（二）全面部署整改`.
const ORGANISING_ITEM: [&str; 5] = ["政治站位", "组织领导", "部署整改", "整改部署", "统一思想"];

/// Whether a part holds no problems (responsibility, overview, next steps).
/// Words inside quotes name a fed-back problem (`在“…决策部署情况”方面`), not what the part is.
pub fn holds_no_problems(heading: &str) -> bool {
    let unquoted = unquoted(heading);
    // `（二）年度工作计划执行不到位` is a problem area; `三、存在的不足和下一步打算` is the next steps.
    let plainly_next = ["下一步", "下步", "打算"].iter().any(|w| unquoted.contains(w));
    let own_work = is_next_steps(&unquoted) || NO_PROBLEM_PART.iter().any(|w| unquoted.contains(w));
    plainly_next || (own_work && !states_shortcoming(&unquoted))
}

/// The text outside `“…”` quotes.
fn unquoted(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('“') {
        return text.into();
    }
    // The stretches between quote marks, kept when outside every quote.
    let mut out = String::with_capacity(text.len());
    let (mut depth, mut from) = (0u32, 0);
    for (at, mark) in text.match_indices(['“', '”']) {
        if depth == 0 {
            out.push_str(&text[from..at]);
        }
        depth = if mark == "“" { depth + 1 } else { depth.saturating_sub(1) };
        from = at + mark.len();
    }
    if depth == 0 {
        out.push_str(&text[from..]);
    }
    out.into()
}

/// Classifies every node of the flat outline built from `text` (folded).
pub fn classify(text: &str, nodes: &[FlatNode]) -> Vec<Role> {
    let heading = |i: usize| &text[nodes[i].heading.0..nodes[i].heading.1];

    let group: Vec<Option<(Status, (usize, usize))>> = (0..nodes.len())
        .map(|i| {
            let grouping = match nodes[i].unnumbered {
                Some(Unnumbered::Group) => true,
                Some(Unnumbered::Part | Unnumbered::Problem) => false,
                None => !nodes[i].children.is_empty(),
            };
            let at = nodes[i].heading.0;
            grouping.then(|| group_heading(heading(i))).flatten().map(|(s, (a, b))| (s, (at + a, at + b)))
        })
        .collect();

    // A notice that lists its problems at the top level (`一、关于理论学习不深入的问题` with its
    // 整改情况, no deeper numbering but measures) has no parts: those nodes are the problems.
    let only_measures_below = |i: usize| {
        nodes[i].children.iter().all(|&c| is_measure_form(nodes[c].form) || (nodes[c].inline && !nodes[c].pasted))
    };
    let names_a_problem = |i: usize| {
        let h = heading(i);
        (h.starts_with("关于") || h.starts_with("针对")) && h.contains("问题")
    };
    let tops = || (0..nodes.len()).filter(|&i| nodes[i].parent.is_none());
    let problems_on_top = tops().all(only_measures_below) && tops().filter(|&i| names_a_problem(i)).count() >= 2;
    // Parts that may hold problems.
    let is_part = |i: usize| {
        nodes[i].parent.is_none()
            && nodes[i].unnumbered != Some(Unnumbered::Problem)
            && !(problems_on_top && names_a_problem(i))
    };
    let parts: Vec<usize> = (0..nodes.len()).filter(|&i| is_part(i) && !holds_no_problems(heading(i))).collect();
    // Status groups at the top (`一、整改完成的问题` `二、取得阶段性成效的问题`) name problems too.
    let named: Vec<usize> =
        parts.iter().copied().filter(|&i| is_problem_section(heading(i)) || group[i].is_some()).collect();
    let mut scope_part = vec![false; nodes.len()];
    for &p in if named.is_empty() { &parts } else { &named } {
        scope_part[p] = true;
    }
    let mut in_scope = vec![false; nodes.len()];
    for i in 0..nodes.len() {
        in_scope[i] = match nodes[i].parent {
            Some(p) => in_scope[p] || scope_part[p],
            None => !is_part(i),
        };
    }

    let empty = Role { kind: NodeKind::Item, status: None, evidence: None, own_status_conflict: None };
    let mut roles = vec![empty; nodes.len()];
    let mut under_problem = vec![false; nodes.len()];
    let mut organising = vec![false; nodes.len()];
    for i in 0..nodes.len() {
        let n = &nodes[i];
        if let Some(p) = n.parent {
            if under_problem[p] || roles[p].kind == NodeKind::Problem {
                roles[i].kind = NodeKind::Measure;
                under_problem[i] = true;
                continue;
            }
            organising[i] = organising[p];
        }
        let own_words = unquoted(heading(i));
        organising[i] |= ORGANISING_ITEM.iter().any(|w| own_words.contains(w)) && !states_shortcoming(&own_words);
        // Children listed inside the node's own paragraph (`整改情况：1)…；2)…`) are its measures;
        // not in a long line, which may be a whole notice pasted without line breaks.
        // So are the items after `整改情况：` ending the node's own text.
        let introduced = introduces_measures(&text[n.body.0..n.body.1]);
        let lowest = introduced
            || n.children.iter().all(|&c| {
                let listed_inline = nodes[c].inline && !nodes[c].pasted;
                is_measure_form(nodes[c].form) || listed_inline
            });
        // A status group lists problems: its items are problems whatever they hold.
        let listed_in_group = n.parent.is_some_and(|p| group[p].is_some());
        let is_problem = in_scope[i]
            && !organising[i]
            && group[i].is_none()
            && !is_measure_form(n.form)
            && (lowest || listed_in_group);
        if !is_problem {
            roles[i].kind = if n.children.is_empty() && n.depth > 1 { NodeKind::Item } else { NodeKind::Section };
            continue;
        }
        roles[i].kind = NodeKind::Problem;
        // What is said after the title: the body and everything under the problem.
        let said_from = n.body.0.max(n.heading.1);
        let own = vocab::status_of_text(&text[said_from..n.end.max(said_from)])
            .map(|(s, (a, b))| (s, (said_from + a, said_from + b)));
        let from_group = ancestors(nodes, i).find_map(|a| group[a]);
        let (status, evidence) = match from_group.or(own) {
            Some((s, span)) => (s, Some(span)),
            None => (Status::Unknown, None),
        };
        roles[i].status = Some(status);
        roles[i].evidence = evidence;
        if let (Some((g, _)), Some((o, words))) = (from_group, own) {
            if g != o && o != Status::Done {
                roles[i].own_status_conflict = Some((o, words));
            }
        }
    }
    roles
}

fn ancestors(nodes: &[FlatNode], i: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(nodes[i].parent, move |&p| nodes[p].parent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unquoted_keeps_what_is_outside_every_quote() {
        assert_eq!(unquoted("在“贯彻落实决策部署情况”方面"), "在方面");
        assert_eq!(unquoted("甲“乙“丙”丁”戊"), "甲戊");
        assert_eq!(unquoted("甲”乙“丙"), "甲乙");
        assert_eq!(unquoted("无引号"), "无引号");
    }

    /// `label|kind|status` per node, in document order.
    fn roles(text: &str) -> String {
        let nodes = super::super::tree::build(text, 0, text.len());
        let roles = classify(text, &nodes);
        nodes
            .iter()
            .zip(&roles)
            .map(|(n, r)| {
                let status = r.status.map_or(String::new(), |s| format!("|{s:?}"));
                format!("{}|{:?}{status}", &text[n.label.0..n.label.1], r.kind)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_lowest_level_that_is_not_measures_is_the_problem() {
        // （一） has no numbered children; （二） holds 1. and 2., which hold only measures.
        let t = "一、整改落实情况\n（一）关于甲方面\n已完成整改。\n（二）关于乙方面\n1.问题甲。\n一是做甲；二是做乙。\n2.问题乙。\n";
        assert_eq!(
            roles(t),
            "一、|Section （一）|Problem|Done （二）|Section 1.|Problem|Unknown 一是|Measure 二是|Measure 2.|Problem|Unknown"
        );
    }

    #[test]
    fn items_after_an_introducer_are_measures() {
        let t = "一、整改落实情况\n1.问题甲。\n整改措施：\n（1）建立制度；\n（2）开展培训。\n2.问题乙。\n";
        assert_eq!(roles(t), "一、|Section 1.|Problem|Unknown （1）|Measure （2）|Measure 2.|Problem|Unknown");
    }

    #[test]
    fn problems_listed_at_the_top_level() {
        let t = "一、关于理论学习不深入的问题\n整改情况：已完成整改。\n二、关于制度执行不严格的问题\n整改情况：一是修订制度；二是开展检查。正在推进。\n";
        assert_eq!(roles(t), "一、|Problem|Done 二、|Problem|InProgress 一是|Measure 二是|Measure");
        // One such node is a part, as in an excerpt cut after its first part.
        assert_eq!(roles("一、关于巡察反馈问题的整改情况\n整改情况：已完成整改。\n"), "一、|Section");
    }

    #[test]
    fn responsibility_and_next_steps_parts_hold_no_problems() {
        let t = "一、履行整改主体责任情况\n（一）统一思想\n二、整改情况\n（一）提高政治站位，加强组织领导\n（二）关于甲问题\n三、下一步工作打算\n（一）巩固成果\n";
        assert_eq!(
            roles(t),
            "一、|Section （一）|Item 二、|Section （一）|Item （二）|Problem|Unknown 三、|Section （一）|Item"
        );
        // A part that states a shortcoming of 主体责任 is an area of fed-back problems.
        let t = "（一）理论学习不深入\n1.问题甲。已完成整改。\n（二）履行主体责任有差距\n2.问题乙。已完成整改。\n";
        assert_eq!(roles(t), "（一）|Section 1.|Problem|Done （二）|Section 2.|Problem|Done");
        let t = "（一）理论学习不深入\n1.问题甲。已完成整改。\n（二）年度工作计划执行不到位\n2.问题乙。正在整改。\n";
        assert_eq!(roles(t), "（一）|Section 1.|Problem|Done （二）|Section 2.|Problem|InProgress");
        assert!(holds_no_problems("存在的不足和下一步打算"));
        // Nor is an item that names a problem of 组织领导 or 政治站位 an organising item.
        let t = "一、巡察反馈问题整改情况\n（一）关于整改组织领导不力的问题\n已完成整改。\n（二）关于政治站位不高的问题\n已完成整改。\n";
        assert_eq!(roles(t), "一、|Section （一）|Problem|Done （二）|Problem|Done");
        // A part itself is never a problem, even with nothing inside.
        assert_eq!(roles("一、巡察反馈问题整改情况\n"), "一、|Section");
    }

    #[test]
    fn status_from_what_is_said_after_the_title() {
        let t = "一、整改情况\n1.关于意识形态工作有待进一步加强问题。\n一是修订清单；二是专题研究。\n2.关于甲问题。\n暂时不满足成立条件，待满足条件后及时成立。\n";
        assert_eq!(roles(t), "一、|Section 1.|Problem|Unknown 一是|Measure 二是|Measure 2.|Problem|NotDone");
        // The status group wins over the problem's own words.
        let t = "一、整改情况\n（一）已完成整改的问题\n1.问题甲。正在推进。\n";
        assert_eq!(roles(t), "一、|Section （一）|Section 1.|Problem|Done");
    }

    #[test]
    fn problem_sections() {
        assert!(is_problem_section("巡察反馈问题整改落实情况"));
        assert!(is_problem_section("关于巡察反馈意见的整改情况"));
        assert!(!is_problem_section("提高政治站位，压实整改责任"));
        assert!(!is_problem_section("下一步工作打算"));
        assert_eq!(group_heading("已完成整改的问题（10个）").map(|g| g.0), Some(Status::Done));
        assert_eq!(group_heading("正在推进整改的问题").map(|g| g.0), Some(Status::InProgress));
    }
}
