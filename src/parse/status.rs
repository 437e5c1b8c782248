//! Which nodes are the inspection's feedback problems, and each one's status.
//!
//! 1. **The problem section**: a node whose heading speaks of feedback problems
//!    (`二、巡察反馈问题整改落实情况`, `反馈意见整改情况`). Without one, the whole notice is searched.
//! 2. **The problem level**: inside that section, the shallowest numbering form whose items mostly
//!    carry rectification words in their own text (`整改情况：`, `已完成整改`, `正在推进`), so that
//!    `（一）关于…方面` stays a section and `1.学习不深入。整改情况：…` is the problem.
//! 3. **Status**: a status group above the problem decides (`已完成整改的问题`,
//!    `（二）正在推进整改的问题`); otherwise the problem's own words, read by [`super::vocab`]
//!    (least finished wins: not done › in progress › done).
//! 4. Everything under a problem is a measure (`一是…` steps); other nodes with children are
//!    sections, the rest items.

use super::keywords::Words;
use super::tree::{FlatNode, Unnumbered};
use super::vocab;
use crate::model::{LabelForm, NodeKind, Status};
use std::collections::BTreeMap;

/// The classification of one flat node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Role {
    pub kind: NodeKind,
    pub status: Option<Status>,
    /// The status a group heading above gave, when the problem's own words disagree with it.
    pub own_status_conflict: Option<Status>,
    /// Whether this node is a status group heading (它下面的问题 take its status).
    pub group_status: Option<Status>,
}

/// The status a text states; see [`super::vocab`] for the words.
pub fn status_of_text(text: &str) -> Option<Status> {
    vocab::status_of_text(text).map(|(status, _)| status)
}

/// `已完成整改的问题（10个）`, `（二）正在推进整改的问题`: a heading that groups problems by status.
pub fn group_heading_status(heading: &str) -> Option<Status> {
    if heading.chars().count() > 30 || !(heading.contains("问题") || heading.contains("事项")) {
        return None;
    }
    status_of_text(heading)
}

/// Whether a heading introduces the feedback problems (`巡察反馈问题整改落实情况`).
pub fn is_problem_section(heading: &str) -> bool {
    if heading.starts_with("下一步") {
        return false;
    }
    let feedback = heading.contains("反馈") && (heading.contains("整改") || heading.contains("问题"));
    let problems = heading.contains("问题")
        && ["整改", "巡察", "巡视", "审计", "督察", "指出", "发现"].iter().any(|w| heading.contains(w));
    feedback || problems
}

/// Words that show an item's own text is about the rectification of one problem.
const MARKERS: Words = Words::new(&[
    "整改情况",
    "整改进展",
    "整改措施",
    "整改结果",
    "整改成效",
    "整改落实",
    "整改完成",
    "已完成",
    "已整改",
    "正在",
    "尚未",
]);

fn is_measure_form(form: LabelForm) -> bool {
    matches!(form, LabelForm::Shi | LabelForm::Sequence | LabelForm::Circled | LabelForm::Unnumbered)
}

/// The scope that stands for the whole notice when it has no problem section.
const WHOLE_NOTICE: usize = usize::MAX;

/// Classifies every node of the flat outline built from `text` (folded).
pub fn classify(text: &str, nodes: &[FlatNode]) -> Vec<Role> {
    let heading = |i: usize| &text[nodes[i].heading.0..nodes[i].heading.1];
    let own_text = |i: usize| &text[nodes[i].heading.0..nodes[i].body.1.max(nodes[i].heading.1)];

    let group_status: Vec<Option<Status>> = (0..nodes.len())
        .map(|i| match nodes[i].unnumbered {
            Some(Unnumbered::Group) => group_heading_status(heading(i)),
            Some(Unnumbered::Part) => None,
            None if !nodes[i].children.is_empty() => group_heading_status(heading(i)),
            None => None,
        })
        .collect();

    // Problem sections: the outermost nodes whose heading introduces the feedback problems.
    let mut scope_of: Vec<Option<usize>> = vec![None; nodes.len()];
    let mut any_scope = false;
    for i in 0..nodes.len() {
        scope_of[i] = match nodes[i].parent {
            Some(p) if scope_of[p].is_some() => scope_of[p],
            Some(p) if is_problem_section(heading(p)) && nodes[p].depth <= 2 => Some(p),
            _ => None,
        };
        any_scope |= scope_of[i].is_some();
    }
    // Without a problem section, the whole notice is one scope.
    if !any_scope {
        scope_of.iter_mut().for_each(|s| *s = Some(WHOLE_NOTICE));
    }

    // Per scope, the problem form: the shallowest form whose items mostly carry rectification words.
    let mut stats: BTreeMap<usize, BTreeMap<LabelForm, FormStats>> = BTreeMap::new();
    for i in 0..nodes.len() {
        let Some(scope) = scope_of[i] else { continue };
        if is_measure_form(nodes[i].form) || group_status[i].is_some() {
            continue;
        }
        let s = stats.entry(scope).or_default().entry(nodes[i].form).or_default();
        s.items += 1;
        s.marked += MARKERS.any_in(own_text(i)) as u32;
        s.depth_sum += nodes[i].depth;
        s.lowest += nodes[i].children.iter().all(|&c| is_measure_form(nodes[c].form)) as u32;
    }
    let problem_form: BTreeMap<usize, LabelForm> =
        stats.into_iter().filter_map(|(scope, forms)| Some((scope, choose_problem_form(forms)?))).collect();

    let mut roles =
        vec![Role { kind: NodeKind::Item, status: None, own_status_conflict: None, group_status: None }; nodes.len()];
    let mut under_problem: Vec<bool> = vec![false; nodes.len()];
    for i in 0..nodes.len() {
        let n = &nodes[i];
        roles[i].group_status = group_status[i];
        let parent_in_problem = n.parent.is_some_and(|p| under_problem[p] || roles[p].kind == NodeKind::Problem);
        if parent_in_problem {
            roles[i].kind = NodeKind::Measure;
            under_problem[i] = true;
            continue;
        }
        let scope = scope_of[i];
        let is_problem = scope
            .and_then(|s| problem_form.get(&s))
            .is_some_and(|&f| f == n.form && group_status[i].is_none())
            // Without a problem section, an item of the problem form must also speak of its
            // rectification, so that `下一步工作打算` items are not taken for problems.
            && (scope != Some(WHOLE_NOTICE) || MARKERS.any_in(&text[n.heading.0..n.end.max(n.heading.1)]));
        if is_problem {
            let group = ancestors(nodes, i).find_map(|a| group_status[a]);
            let own = status_of_text(&text[n.heading.0..n.end.max(n.heading.1)]);
            roles[i].kind = NodeKind::Problem;
            roles[i].status = Some(group.or(own).unwrap_or(Status::Unknown));
            if let (Some(g), Some(o)) = (group, own) {
                if g != o && o != Status::Done {
                    roles[i].own_status_conflict = Some(o);
                }
            }
            continue;
        }
        roles[i].kind = if n.children.is_empty() && n.depth > 1 { NodeKind::Item } else { NodeKind::Section };
    }
    roles
}

/// How the items of one numbering form look inside one problem section.
#[derive(Default, Clone, Copy)]
struct FormStats {
    items: u32,
    /// Items whose own text carries rectification words.
    marked: u32,
    depth_sum: u32,
    /// Items with nothing below them but measures.
    lowest: u32,
}

/// The shallowest form whose items mostly carry rectification words; failing that, the form
/// with the most items that have only measures below them.
fn choose_problem_form(forms: BTreeMap<LabelForm, FormStats>) -> Option<LabelForm> {
    let mut forms: Vec<(LabelForm, FormStats)> = forms.into_iter().collect();
    // Shallowest first: average depth, compared without division.
    forms.sort_by(|(_, a), (_, b)| (a.depth_sum as u64 * b.items as u64).cmp(&(b.depth_sum as u64 * a.items as u64)));
    let marked = forms.iter().find(|(_, s)| s.marked > 0 && s.marked * 2 >= s.items);
    marked.or_else(|| forms.iter().max_by_key(|(_, s)| s.lowest)).map(|&(f, _)| f)
}

fn ancestors(nodes: &[FlatNode], i: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(nodes[i].parent, move |&p| nodes[p].parent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_sections() {
        assert!(is_problem_section("巡察反馈问题整改落实情况"));
        assert!(is_problem_section("关于巡察反馈意见的整改情况"));
        assert!(!is_problem_section("提高政治站位，压实整改责任"));
        assert!(!is_problem_section("下一步工作打算"));
        assert_eq!(group_heading_status("已完成整改的问题（10个）"), Some(Status::Done));
        assert_eq!(group_heading_status("正在推进整改的问题"), Some(Status::InProgress));
    }
}
