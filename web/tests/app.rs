//! The page app in headless Chromium: the reducer on hand-built outlines, and the mounted app
//! (render, keyboard, click → highlight, caret → node, shadow roots, readonly, set_text).
//!
//!   CHROMEDRIVER=/usr/bin/chromedriver cargo test -p notice-outline-web --target wasm32-unknown-unknown --test app
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use notice_outline::model::{LabelForm, Node, NodeKind, Notice, Span, Status};
use notice_outline_web::app::i18n::Text;
use notice_outline_web::app::outline::Outline;
use notice_outline_web::app::state::{Action, NavKey, State, LARGE_OUTLINE, ROW_BATCH, SAMPLE_NOTICE};
use notice_outline_web::app::{mount_app, AppHandle, AppOptions, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

// ---------- hand-built outlines for the reducer ----------

fn node(label: &str, heading: &str, span: (usize, usize), kind: NodeKind, children: Vec<Node>) -> Node {
    let span = Span { start: span.0, end: span.1, start_utf16: span.0, end_utf16: span.1 };
    Node {
        label: label.into(),
        heading: heading.into(),
        body: String::new(),
        kind,
        status: (kind == NodeKind::Problem).then_some(Status::Done),
        status_evidence: None,
        form: LabelForm::ChineseComma,
        number: 1,
        level: 1,
        measures: None,
        progress: None,
        span,
        label_span: span,
        heading_span: span,
        body_span: span,
        children,
    }
}

/// 0 一、alpha [0,30)
///   1 （一）beta [2,12)
///   2 （二）gamma [12,30)
///     3 1.delta [14,30)
/// 4 二、epsilon [30,40)
fn small_notice() -> Notice {
    Notice {
        outline: vec![
            node(
                "一、",
                "alpha",
                (0, 30),
                NodeKind::Section,
                vec![
                    node("（一）", "beta", (2, 12), NodeKind::Problem, vec![]),
                    node(
                        "（二）",
                        "gamma",
                        (12, 30),
                        NodeKind::Section,
                        vec![node("1.", "delta", (14, 30), NodeKind::Problem, vec![])],
                    ),
                ],
            ),
            node("二、", "epsilon", (30, 40), NodeKind::Section, vec![]),
        ],
        ..Default::default()
    }
}

fn state_with(notice: Notice) -> Rc<State> {
    let mut state = State::new(Lang::Zh, false, None, "text");
    state.apply_parse(state.text.clone(), Rc::new(notice));
    Rc::new(state)
}

fn go(state: Rc<State>, key: NavKey) -> Rc<State> {
    state.reduce(Action::Navigate(key))
}

#[wasm_bindgen_test]
fn typing_marks_the_outline_stale_until_the_text_arrives() {
    let s = state_with(small_notice());
    let s = s.reduce(Action::Typing);
    assert!(!s.is_parsed(), "the outline is out of date while typing");
    assert!(!s.needs_parse(), "but there is nothing new to parse yet");
    let before = s.tree.selected;
    let s = s.reduce(Action::CaretMoved(35));
    assert_eq!(s.tree.selected, before, "caret moves are ignored while the outline is stale");
    let s = s.reduce(Action::TextChanged { text: Rc::from("一、甲") });
    assert!(s.needs_parse());
    let s = s.reduce(Action::Parse);
    assert!(s.is_parsed());
}

#[wasm_bindgen_test]
fn clear_is_undoable_until_the_user_types() {
    let state = Rc::new(State::new(Lang::Zh, false, None, "一、内容"));
    let cleared = state.clone().reduce(Action::Clear);
    assert_eq!(&*cleared.text.0, "");
    assert!(cleared.undo.is_some());
    let restored = cleared.clone().reduce(Action::UndoClear);
    assert_eq!(&*restored.text.0, "一、内容");
    assert!(Action::UndoClear.replaces_text(), "restored text is parsed in the same turn");
    let parsed = restored.reduce(Action::Parse);
    assert!(parsed.is_parsed());
    assert_eq!(parsed.tree.outline.items.len(), Outline::build(&notice_outline::parse("一、内容")).items.len());
    let typed = cleared.reduce(Action::TextChanged { text: Rc::from("x") });
    assert!(typed.undo.is_none(), "typing after a clear drops the undo");
}

#[wasm_bindgen_test]
fn arrow_keys_follow_the_tree_pattern() {
    let s = state_with(small_notice());
    let s = go(s, NavKey::Down);
    assert_eq!(s.tree.selected, Some(1), "Down with no selection moves on from the tab stop (row 0)");
    let s = go(s, NavKey::Home);
    assert_eq!(s.tree.selected, Some(0));
    let s = go(s, NavKey::Right);
    assert_eq!(s.tree.selected, Some(1), "Right on an expanded node moves to its first child");
    let s = go(s, NavKey::Down);
    let s = go(s, NavKey::Down);
    assert_eq!(s.tree.selected, Some(3));
    let s = go(s, NavKey::Left);
    assert_eq!(s.tree.selected, Some(2), "Left on a leaf moves to its parent");
    let s = go(s, NavKey::Left);
    assert_eq!(s.tree.selected, Some(2));
    assert!(!s.tree.is_expanded(2), "Left on an expanded node collapses it");
    let s = go(s, NavKey::Down);
    assert_eq!(s.tree.selected, Some(4), "Down skips the rows of a collapsed branch");
    let s = go(s, NavKey::Up);
    assert_eq!(s.tree.selected, Some(2));
    let s = go(s, NavKey::Right);
    assert!(s.tree.is_expanded(2), "Right on a collapsed node expands it");
    assert_eq!(s.tree.selected, Some(2));
    let s = go(s, NavKey::End);
    assert_eq!(s.tree.selected, Some(4));
    let s = go(s, NavKey::Home);
    assert_eq!(s.tree.selected, Some(0));
    assert!(s.tree.focus_seq > 0, "keyboard moves ask for focus");
}

#[wasm_bindgen_test]
fn type_ahead_finds_headings_and_cycles() {
    let s = state_with(small_notice());
    let s = go(s, NavKey::TypeAhead("g".into()));
    assert_eq!(s.tree.selected, Some(2));
    let s = go(s, NavKey::TypeAhead("e".into()));
    assert_eq!(s.tree.selected, Some(4));
    let s = go(s, NavKey::TypeAhead("zzz".into()));
    assert_eq!(s.tree.selected, Some(4), "no match leaves the selection alone");
}

#[wasm_bindgen_test]
fn the_caret_selects_the_deepest_node_and_reveals_it() {
    let s = state_with(small_notice());
    let s = s.reduce(Action::ToggleNode(0));
    assert!(!s.tree.is_expanded(0));
    let s = s.reduce(Action::CaretMoved(20));
    assert_eq!(s.tree.selected, Some(3), "offset 20 lies in 1.delta, inside （二）gamma, inside 一、alpha");
    assert!(s.tree.is_expanded(0) && s.tree.is_expanded(2), "ancestors of the caret's node are expanded");
    let s = s.reduce(Action::CaretMoved(35));
    assert_eq!(s.tree.selected, Some(4));
}

#[wasm_bindgen_test]
fn activating_a_node_highlights_its_span() {
    let s = state_with(small_notice());
    let s = s.reduce(Action::Activate(2));
    let h = s.highlight.expect("a highlight");
    assert_eq!((h.span.start, h.span.end), (12, 30));
    let again = s.clone().reduce(Action::Activate(2)).highlight.unwrap();
    assert_ne!(again.seq, h.seq, "activating again scrolls to it again");
}

#[wasm_bindgen_test]
fn huge_outlines_open_with_only_the_top_level_expanded() {
    let sections = (0..LARGE_OUTLINE / 2 + 1)
        .map(|i| {
            node(
                "一、",
                &format!("s{i}"),
                (i * 10, i * 10 + 10),
                NodeKind::Section,
                vec![node("1.", "p", (i * 10 + 2, i * 10 + 10), NodeKind::Problem, vec![])],
            )
        })
        .collect();
    let s = state_with(Notice { outline: sections, ..Default::default() });
    assert!(s.tree.outline.items.len() > LARGE_OUTLINE);
    assert_eq!(s.tree.visible().len(), s.tree.outline.items.len() / 2, "only top-level rows are rendered");
    let s = s.reduce(Action::ExpandAll);
    assert_eq!(s.tree.visible().len(), s.tree.outline.items.len());
}

#[wasm_bindgen_test]
fn very_long_outlines_render_in_batches() {
    let n = ROW_BATCH * 2 + ROW_BATCH / 2;
    let rows =
        (0..n).map(|i| node("一、", &format!("r{i}"), (i * 10, i * 10 + 10), NodeKind::Section, vec![])).collect();
    let s = state_with(Notice { outline: rows, ..Default::default() });
    assert_eq!(s.tree.visible().len(), ROW_BATCH, "one batch of rows is rendered");
    assert_eq!(s.tree.hidden_rows(), n - ROW_BATCH);
    let s = go(s, NavKey::End);
    assert_eq!(s.tree.selected, Some(ROW_BATCH - 1), "End reaches the last rendered row");
    let s = s.reduce(Action::ShowMoreRows);
    assert_eq!(s.tree.visible().len(), 2 * ROW_BATCH);
    // The caret in a row beyond the rendered ones brings it in.
    let far = n - 1;
    let s = s.reduce(Action::CaretMoved(far * 10 + 5));
    assert_eq!(s.tree.selected, Some(far));
    assert!(s.tree.visible().contains(&far), "the caret's row is rendered");
    assert_eq!(s.tree.hidden_rows(), 0);
}

// ---------- the mounted app ----------

async fn tick() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn host() -> Element {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn count_nodes(nodes: &[Node]) -> usize {
    nodes.iter().map(|n| 1 + count_nodes(&n.children)).sum()
}

/// Rows shown before the user expands anything: the measures under a problem start collapsed.
fn count_shown(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|n| {
            let only_measures = n.kind == NodeKind::Problem
                && !n.children.is_empty()
                && n.children.iter().all(|c| c.kind == NodeKind::Measure);
            1 + if only_measures { 0 } else { count_shown(&n.children) }
        })
        .sum()
}

async fn expand_all(root: &Element) {
    let button = all(root, ".no-outline .no-card__actions button").into_iter().next().expect("an expand-all button");
    button.dyn_ref::<HtmlElement>().unwrap().click();
}

fn key(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn options(text: &str) -> AppOptions {
    AppOptions { text: Some(text.to_string()), ..Default::default() }
}

async fn mounted(text: &str) -> (Element, AppHandle) {
    let root = host();
    let handle = mount_app(root.clone(), options(text));
    parsed(&root).await;
    (root, handle)
}

/// Waits (up to 5 s: debug wasm on a busy machine is slow) until `done` holds.
async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..170 {
        if done() {
            return;
        }
        tick().await;
    }
    panic!("timed out waiting until {what}");
}

/// The `data-index` of the focused row, in the document or in a shadow root.
fn focused_index(shadow: Option<&web_sys::ShadowRoot>) -> Option<String> {
    let active = match shadow {
        Some(shadow) => shadow.active_element(),
        None => document().active_element(),
    };
    active?.get_attribute("data-index")
}

/// Waits (up to 5 s: debug wasm is slow) until the results column is no longer busy.
async fn parsed(root: &Element) {
    for _ in 0..250 {
        // The rows below the first screenful follow the first paint (the tree is aria-busy).
        let busy = root.query_selector(".no-results[aria-busy=false]").ok().flatten().is_none()
            || root.query_selector("[role=tree][aria-busy=true]").ok().flatten().is_some();
        if !busy {
            return;
        }
        tick().await;
    }
    panic!("the app never finished parsing");
}

#[wasm_bindgen_test]
async fn renders_one_treeitem_per_node_with_aria() {
    let (root, handle) = mounted(SAMPLE_NOTICE).await;
    let notice = notice_outline::parse(SAMPLE_NOTICE);
    let items = all(&root, "[role=treeitem]");
    assert!(!items.is_empty(), "the sample has an outline");
    assert!(count_shown(&notice.outline) < count_nodes(&notice.outline), "the sample has measures");
    assert_eq!(items.len(), count_shown(&notice.outline), "measures start collapsed");
    let collapsed = all(&root, ".no-node--problem[aria-expanded=false]").len();
    assert!(collapsed > 0, "problems with measures are collapsed, and say so");
    assert_eq!(all(&root, "[role=tree]").len(), 1);
    assert_eq!(all(&root, "[role=treeitem][tabindex='0']").len(), 1, "exactly one tab stop (roving tabindex)");
    let first = &items[0];
    // Every sibling is rendered, so the browser derives level, position and set size from the
    // nested groups; the attributes are written only when "show more" hides rows.
    assert_eq!(first.get_attribute("aria-level"), None);
    assert_eq!(first.get_attribute("aria-posinset"), None);
    assert_eq!(first.get_attribute("aria-setsize"), None);
    let nested = all(&root, "[role=group] > [role=treeitem]");
    assert!(!nested.is_empty(), "second-level rows sit in a role=group list");
    let problems = count_problems(&notice.outline);
    assert_eq!(all(&root, ".no-node--problem .no-chip").len(), problems, "every problem shows its status");
    expand_all(&root).await;
    let every = count_nodes(&notice.outline);
    until("expand all shows every node", || all(&root, "[role=treeitem]").len() == every).await;
    handle.unmount();
    until("unmount removes the app", || all(&root, "[role=treeitem]").is_empty()).await;
}

fn count_problems(nodes: &[Node]) -> usize {
    nodes.iter().map(|n| usize::from(n.kind == NodeKind::Problem) + count_problems(&n.children)).sum()
}

#[wasm_bindgen_test]
async fn keyboard_moves_focus_and_collapses() {
    let (root, handle) = mounted(SAMPLE_NOTICE).await;
    let first: HtmlElement = root.query_selector("[role=treeitem]").unwrap().unwrap().dyn_into().unwrap();
    first.focus().unwrap();
    key(&first, "ArrowDown");
    until("ArrowDown focuses the next row", || focused_index(None).as_deref() == Some("1")).await;
    let active = document().active_element().unwrap();
    until("the focused row is the tab stop", || active.get_attribute("tabindex").as_deref() == Some("0")).await;
    key(&active, "ArrowLeft");
    until("ArrowLeft on a leaf goes to the parent", || focused_index(None).as_deref() == Some("0")).await;
    let active = document().active_element().unwrap();
    key(&active, "ArrowLeft");
    until("ArrowLeft collapses", || active.get_attribute("aria-expanded").as_deref() == Some("false")).await;
    assert!(active.query_selector("[role=group]").unwrap().is_none(), "a collapsed branch is not rendered");
    key(&active, "End");
    until("End goes to the last visible row", || {
        let visible = all(&root, "[role=treeitem]");
        focused_index(None) == visible.last().unwrap().get_attribute("data-index")
    })
    .await;
    handle.unmount();
}

#[wasm_bindgen_test]
async fn clicking_a_node_marks_its_text_and_the_caret_selects_a_node() {
    let (root, handle) = mounted(SAMPLE_NOTICE).await;
    let notice = notice_outline::parse(SAMPLE_NOTICE);
    // The first problem: its span's text is what the mark must show.
    let problem = first_problem(&notice.outline).expect("the sample has problems");
    let expected = &SAMPLE_NOTICE[problem.span.start..problem.span.end];
    let row = all(&root, ".no-node--problem .no-node__row").into_iter().next().unwrap();
    row.dyn_ref::<HtmlElement>().unwrap().click();
    until("a mark in the mirror", || root.query_selector(".no-backdrop mark").unwrap().is_some()).await;
    let mark = root.query_selector(".no-backdrop mark").unwrap().unwrap();
    assert_eq!(mark.text_content().unwrap(), expected);
    assert!(mark.get_bounding_client_rect().height() > 0.0, "the mark is laid out");

    // Caret in the last problem's text → that row is selected.
    let last = last_problem(&notice.outline).unwrap();
    let textarea: HtmlTextAreaElement = root.query_selector("textarea").unwrap().unwrap().dyn_into().unwrap();
    let at = (last.heading_span.start_utf16 + 1) as u32;
    textarea.set_selection_range(at, at).unwrap();
    textarea.dispatch_event(&web_sys::Event::new("select").unwrap()).unwrap();
    until("the caret's problem is selected", || {
        let selected = root.query_selector("[aria-selected=true]").unwrap();
        selected.is_some_and(|row| {
            let text = row.query_selector(".no-node__heading").unwrap().and_then(|h| h.text_content());
            text.as_deref() == Some(last.heading.as_str())
        })
    })
    .await;
    handle.unmount();
}

fn first_problem(nodes: &[Node]) -> Option<&Node> {
    nodes.iter().find_map(|n| if n.kind == NodeKind::Problem { Some(n) } else { first_problem(&n.children) })
}

fn last_problem(nodes: &[Node]) -> Option<&Node> {
    nodes.iter().rev().find_map(|n| last_problem(&n.children).or((n.kind == NodeKind::Problem).then_some(n)))
}

#[wasm_bindgen_test]
async fn works_inside_a_shadow_root() {
    let host = host();
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    let root = document().create_element("div").unwrap();
    shadow.append_child(&root).unwrap();
    let handle = mount_app(root.clone(), options(SAMPLE_NOTICE));
    parsed(&root).await;
    let items = all(&root, "[role=treeitem]");
    assert_eq!(items.len(), count_shown(&notice_outline::parse(SAMPLE_NOTICE).outline));
    let first: HtmlElement = items[0].clone().dyn_into().unwrap();
    first.focus().unwrap();
    key(&first, "ArrowDown");
    until("ArrowDown focuses the next row inside the shadow root", || {
        focused_index(Some(&shadow)).as_deref() == Some("1")
    })
    .await;
    handle.unmount();
}

#[wasm_bindgen_test]
async fn readonly_has_no_text_box_and_set_text_replaces_the_notice() {
    let root = host();
    let handle = mount_app(
        root.clone(),
        AppOptions { readonly: true, text: Some("一、甲\n二、乙\n".into()), ..Default::default() },
    );
    parsed(&root).await;
    assert!(root.query_selector("textarea").unwrap().is_none());
    let before = all(&root, "[role=treeitem]").len();
    assert_eq!(before, count_nodes(&notice_outline::parse("一、甲\n二、乙\n").outline));
    handle.set_text(SAMPLE_NOTICE.to_string());
    let shown = count_shown(&notice_outline::parse(SAMPLE_NOTICE).outline);
    until("set_text shows the new outline", || all(&root, "[role=treeitem]").len() == shown).await;
    handle.unmount();
}

#[wasm_bindgen_test]
async fn empty_and_unstructured_text_say_so() {
    let (root, handle) = mounted("").await;
    let sample = root.query_selector(".no-empty button").unwrap().expect("the empty state offers the sample");
    sample.dyn_ref::<HtmlElement>().unwrap().click();
    until("载入示例 loads the sample", || !all(&root, "[role=treeitem]").is_empty()).await;
    handle.unmount();

    let (root, handle) = mounted("这是一段没有编号的文字。\n只有两行。").await;
    let alert = root.query_selector(".no-nostructure").unwrap().expect("a clear message, not a blank pane");
    assert!(!alert.text_content().unwrap().trim().is_empty());
    handle.unmount();
}

#[wasm_bindgen_test]
async fn typing_is_parsed_after_a_pause() {
    let (root, handle) = mounted("").await;
    let textarea: HtmlTextAreaElement = root.query_selector("textarea").unwrap().unwrap().dyn_into().unwrap();
    textarea.set_value("一、甲\n二、乙\n三、丙\n");
    textarea.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    until("busy while typing", || root.query_selector(".no-results[aria-busy=true]").unwrap().is_some()).await;
    assert!(all(&root, "[role=treeitem]").is_empty(), "not parsed before the debounce");
    parsed(&root).await;
    assert_eq!(
        all(&root, "[role=treeitem]").len(),
        count_nodes(&notice_outline::parse("一、甲\n二、乙\n三、丙\n").outline)
    );
    handle.unmount();
}

#[wasm_bindgen_test]
async fn switching_to_english_translates_the_ui() {
    let (root, handle) = mounted(SAMPLE_NOTICE).await;
    let app = root.query_selector(".no-app").unwrap().unwrap();
    assert_eq!(app.get_attribute("lang").as_deref(), Some("zh-CN"));
    root.query_selector(".no-lang").unwrap().unwrap().dyn_ref::<HtmlElement>().unwrap().click();
    until("the UI is in English", || app.get_attribute("lang").as_deref() == Some("en")).await;
    let tree = root.query_selector("[role=tree]").unwrap().unwrap();
    assert_eq!(tree.get_attribute("aria-label").as_deref(), Some(Lang::En.s().outline_label));
    handle.unmount();
}
