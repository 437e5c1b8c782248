//! The outline as a WAI-ARIA tree: role=tree/treeitem/group, roving tabindex, arrow keys,
//! Home/End, Enter to show the node in the text, type-ahead.
//!
//! Only expanded branches are rendered, so a huge outline costs what is on screen. Rows are
//! plain markup (not one component each) and events are delegated to the tree element: a
//! 10 000-row outline does not create 10 000 closures.

use notice_outline::model::{Node, NodeKind};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use super::browser;
use super::chip::chip;
use super::editor::unique_id;
use super::hooks::use_painted_since;
use super::i18n::{Lang, Text};
use super::progress::progress_bar;
use super::state::{Action, NavKey, NoticeRef, TreeState};

/// Rows rendered in the frame that first shows a new outline: as many as the window could show
/// if the tree began at its top (rows are at least [`MIN_ROW_PX`] tall), between 10 and 60; the
/// rest follow once that frame is painted ([`use_painted_since`]). Building rows nobody can see
/// yet was a third of a 21 KB paste's time to the painted outline.
fn first_paint_rows() -> usize {
    let height = browser::viewport_height().unwrap_or(800.0);
    ((height / MIN_ROW_PX) as usize + 1).clamp(10, 60)
}

/// The height of the shortest row (one line of text and its padding), in CSS pixels.
const MIN_ROW_PX: f64 = 28.0;

/// Type-ahead forgets what was typed after this pause.
const TYPE_AHEAD_RESET_MS: f64 = 700.0;

#[derive(Properties, PartialEq)]
pub struct TreeProps {
    pub lang: Lang,
    pub readonly: bool,
    pub notice: NoticeRef,
    pub view: TreeState,
    pub dispatch: Callback<Action>,
}

#[function_component(Tree)]
pub fn tree(props: &TreeProps) -> Html {
    let state = &props.view;
    let lang = props.lang;
    let s = lang.s();
    let tree_ref = use_node_ref();
    let help_id = use_memo((), |_| unique_id("no-tree-help"));
    let typed = use_mut_ref(|| (String::new(), 0.0f64));

    // Keyboard moves focus with the selection.
    {
        let tree_ref = tree_ref.clone();
        let selected = state.selected;
        use_effect_with(state.focus_seq, move |seq| {
            if *seq > 0 {
                if let Some(el) = selected.and_then(|i| row(&tree_ref, i)) {
                    browser::focus(&el);
                }
            }
        });
    }
    // A selection made from the text (caret) scrolls its row into view without taking focus.
    {
        let tree_ref = tree_ref.clone();
        use_effect_with(state.selected, move |selected| {
            if let Some(el) = selected.and_then(|i| row(&tree_ref, i)) {
                browser::reveal_in_column(&el);
            }
        });
    }

    let onclick = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
            let Some(index) = row_index(&target) else { return };
            let on_twisty = target.closest("[data-toggle]").ok().flatten().is_some();
            dispatch.emit(if on_twisty { Action::ToggleNode(index) } else { Action::Activate(index) });
        })
    };
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        let selected = state.selected;
        Callback::from(move |e: KeyboardEvent| {
            if e.alt_key() || e.ctrl_key() || e.meta_key() {
                return;
            }
            let key = e.key();
            let nav = match key.as_str() {
                "ArrowUp" => Some(NavKey::Up),
                "ArrowDown" => Some(NavKey::Down),
                "ArrowLeft" => Some(NavKey::Left),
                "ArrowRight" => Some(NavKey::Right),
                "Home" => Some(NavKey::Home),
                "End" => Some(NavKey::End),
                _ => None,
            };
            if let Some(nav) = nav {
                e.prevent_default();
                dispatch.emit(Action::Navigate(nav));
            } else if key == "Enter" || key == " " {
                e.prevent_default();
                let index =
                    e.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| row_index(&t)).or(selected);
                if let Some(index) = index {
                    dispatch.emit(Action::Activate(index));
                }
            } else if key.chars().count() == 1 {
                e.prevent_default();
                let now = js_sys::Date::now();
                let mut typed = typed.borrow_mut();
                if now - typed.1 > TYPE_AHEAD_RESET_MS {
                    typed.0.clear();
                }
                typed.0.push_str(&key);
                typed.1 = now;
                dispatch.emit(Action::Navigate(NavKey::TypeAhead(typed.0.clone())));
            }
        })
    };
    // Tabbing into the tree (or clicking) makes the focused row the current one.
    let onfocusin = {
        let dispatch = props.dispatch.clone();
        let selected = state.selected;
        Callback::from(move |e: FocusEvent| {
            browser::clear_selection();
            let index = e.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| row_index(&t));
            if let Some(index) = index.filter(|&i| Some(i) != selected) {
                dispatch.emit(Action::SelectNode { index, focus: false });
            }
        })
    };
    let emit = |action: Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };

    // The one row reachable with Tab: the selection if it is visible, else the first row.
    let visible = state.visible();
    let tab_stop = state.selected.filter(|i| visible.contains(i)).unwrap_or(0);
    let mut next = 0;
    let painted = use_painted_since(state.outline.clone());
    let mut budget = if painted { state.row_limit } else { state.row_limit.min(first_paint_rows()) };
    let pending = visible.len() > budget;
    let hidden = state.hidden_rows();
    let row_context = RowContext { state, lang, tab_stop, explicit_positions: hidden > 0 };
    let rows = render_level(&props.notice.0.outline, &row_context, &mut next, &mut budget);

    html! {
        <section class="no-card no-outline" aria-label={s.outline_region}>
            <div class="no-card__head">
                <h2 class="no-card__title">{ s.outline_region }</h2>
                <div class="no-card__actions">
                    <button type="button" class="no-button no-button--quiet" onclick={emit(Action::ExpandAll)}>{ s.expand_all }</button>
                    <button type="button" class="no-button no-button--quiet" onclick={emit(Action::CollapseAll)}>{ s.collapse_all }</button>
                </div>
            </div>
            <p class="no-hint" id={(*help_id).clone()}>{ if props.readonly { s.tree_help_readonly } else { s.tree_help } }</p>
            <ul ref={tree_ref} class="no-tree" role="tree" aria-label={s.outline_label}
                aria-busy={pending.then_some("true")}
                aria-describedby={(*help_id).clone()} {onclick} {onkeydown} {onfocusin}>
                { rows }
            </ul>
            if hidden > 0 {
                <p class="no-more">
                    <span>{ lang.rows_hidden(hidden) }</span>
                    <button type="button" class="no-button" onclick={emit(Action::ShowMoreRows)}>{ s.show_more }</button>
                </p>
            }
        </section>
    }
}

/// What every row of one render shares.
struct RowContext<'a> {
    state: &'a TreeState,
    lang: Lang,
    /// The one row reachable with Tab.
    tab_stop: usize,
    /// Some rows are not rendered ("show more"), so the browser cannot work out a row's level,
    /// position and set size from the markup: write them as aria-level/posinset/setsize. When
    /// every sibling is rendered the browser derives them from the nested `role="group"` lists,
    /// and leaving them out saves three attributes a row (a fifth of a paste's DOM calls).
    explicit_positions: bool,
}

/// Renders `nodes` and their expanded descendants; `next` is the pre-order index of the first
/// node, advanced past every node (rendered or not) so indexes match [`super::outline::Outline`].
/// At most `budget` rows are rendered (see [`TreeState::row_limit`]).
fn render_level(nodes: &[Node], cx: &RowContext, next: &mut usize, budget: &mut usize) -> Html {
    let RowContext { state, lang, tab_stop, explicit_positions } = *cx;
    nodes
        .iter()
        .map_while(|node| {
            if *budget == 0 {
                return None;
            }
            *budget -= 1;
            let index = *next;
            *next += 1;
            let item = state.outline.items.get(index)?;
            let expanded = state.is_expanded(index);
            let children = if item.has_children && expanded {
                html! { <ul class="no-group" role="group">{ render_level(&node.children, cx, next, budget) }</ul> }
            } else {
                *next = item.end;
                Html::default()
            };
            let selected = state.selected == Some(index);
            Some(html! {
                <li role="treeitem" class={classes!("no-node", kind_class(node.kind), selected.then_some("no-node--selected"))}
                    data-index={index.to_string()}
                    aria-level={explicit_positions.then(|| item.level.to_string())}
                    aria-setsize={explicit_positions.then(|| item.setsize.to_string())}
                    aria-posinset={explicit_positions.then(|| item.posinset.to_string())}
                    aria-expanded={item.has_children.then(|| expanded.to_string())}
                    aria-selected={selected.to_string()}
                    tabindex={if index == tab_stop { "0" } else { "-1" }}>
                    <div class="no-node__row">
                        <span class="no-twisty" data-toggle="" aria-hidden="true">
                            if item.has_children { { if expanded { "▾" } else { "▸" } } }
                        </span>
                        <span class="no-node__main">
                            <span class="no-node__text">
                                if !node.label.is_empty() { <span class="no-node__label">{ node.label.clone() }</span> }
                                { heading_html(node) }
                            </span>
                            <span class="no-node__facts">
                                if let Some(status) = node.status { { chip(status, lang) } }
                                if let Some(m) = node.measures.filter(|&m| m > 0) {
                                    <span class="no-node__measures">{ lang.measures_count(m) }</span>
                                }
                            </span>
                            if let Some(progress) = node.progress.filter(|p| p.problems > 0) {
                                { progress_bar(progress, lang) }
                            }
                        </span>
                    </div>
                    { children }
                </li>
            })
        })
        .collect()
}

/// A measure's heading longer than this many characters is shown by its first clause.
const LONG_HEADING_CHARS: usize = 36;

/// A measure (`一是…`) often runs on as a whole paragraph with no `。；：` to end its heading
/// (`一是严格落实学习规则，按照要求制定年度学习计划，认真组织学习研讨，…`): its row shows the first
/// clause, up to the first `，`, as its heading, and the rest only when the row is selected and
/// in print. Other rows, and short measures, show their heading whole.
pub fn split_heading(kind: NodeKind, heading: &str) -> (&str, &str) {
    if kind != NodeKind::Measure || heading.chars().count() <= LONG_HEADING_CHARS {
        return (heading, "");
    }
    let cut = heading
        .char_indices()
        .filter(|&(_, c)| c == '，' || c == ',')
        .map(|(i, c)| i + c.len_utf8())
        .find(|&end| heading[..end].chars().count() >= 4);
    match cut {
        Some(end) if end < heading.len() => heading.split_at(end),
        _ => (heading, ""),
    }
}

fn heading_html(node: &Node) -> Html {
    let (shown, rest) = split_heading(node.kind, &node.heading);
    if rest.is_empty() {
        return html! { <span class="no-node__heading">{ shown.to_string() }</span> };
    }
    html! {
        <>
            <span class="no-node__heading no-node__heading--cut">{ shown.to_string() }</span>
            <span class="no-node__rest">{ rest.to_string() }</span>
        </>
    }
}

fn kind_class(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Section => "no-node--section",
        NodeKind::Problem => "no-node--problem",
        NodeKind::Measure => "no-node--measure",
        NodeKind::Item => "no-node--item",
    }
}

fn row(tree: &NodeRef, index: usize) -> Option<Element> {
    tree.cast::<Element>()?.query_selector(&format!("[data-index=\"{index}\"]")).ok().flatten()
}

fn row_index(target: &Element) -> Option<usize> {
    target.closest("[data-index]").ok().flatten()?.get_attribute("data-index")?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_measure_shows_its_first_clause() {
        let long = "严格落实学习规则，按照要求制定年度学习计划，认真组织学习研讨，党组每位同志发言交流学习体会";
        assert_eq!(
            split_heading(NodeKind::Measure, long),
            ("严格落实学习规则，", "按照要求制定年度学习计划，认真组织学习研讨，党组每位同志发言交流学习体会")
        );
        // A short measure, a problem, and a long measure without a comma stay whole.
        assert_eq!(split_heading(NodeKind::Measure, "加强日常监督"), ("加强日常监督", ""));
        assert_eq!(split_heading(NodeKind::Problem, long), (long, ""));
        let no_comma = "严格落实学习规则按照要求制定年度学习计划认真组织学习研讨党组每位同志发言交流学习体会";
        assert_eq!(split_heading(NodeKind::Measure, no_comma), (no_comma, ""));
        // A first clause under four characters runs on to the next comma.
        let short_first = "一是，严格落实学习规则，按照要求制定年度学习计划，认真组织学习研讨，党组每位同志发言";
        assert_eq!(split_heading(NodeKind::Measure, short_first).0, "一是，严格落实学习规则，");
    }
}
