//! The app's one state and the one reducer that changes it.
//!
//! Components never mutate anything themselves: they dispatch an [`Action`]. After any action
//! that replaces the text the app dispatches [`Action::Parse`] in the same turn (parsing is a pure
//! function, so the reducer may call it), and the page renders once, with the new outline.
//! Typing is debounced by the editor, which only reads the text box when typing pauses.

use std::collections::HashMap;
use std::rc::Rc;

use notice_outline::model::{Notice, Span};
use yew::Reducible;

use super::i18n::Lang;
use super::outline::{Item, Outline};

/// An `Rc<str>` compared by identity: equal texts parsed twice are still two parses, and
/// comparing a 1 MB paste by value on every render would be wasted work.
#[derive(Clone, Debug)]
pub struct TextRef(pub Rc<str>);

impl PartialEq for TextRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl TextRef {
    pub fn new(text: &str) -> Self {
        TextRef(Rc::from(text))
    }
    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

/// An `Rc<Notice>` compared by identity (see [`TextRef`]).
#[derive(Clone, Debug)]
pub struct NoticeRef(pub Rc<Notice>);

impl PartialEq for NoticeRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A one-line status message (announced through an `aria-live` region).
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    Cleared,
    FileLoaded(String),
    NotUtf8,
    NotTextFile,
    /// A dropped or chosen file over the size the page reads (its size in MB).
    FileTooLarge(u32),
    FileReadFailed,
    Copied,
    CopyFailed,
    Downloaded,
    /// localStorage refused the text (over quota): a reload will not bring it back.
    NotSaved,
    /// The text of the last visit could not be kept.
    NotSavedLastTime,
}

/// A place in the parsed text to show; `seq` changes on every request so asking twice for the
/// same span scrolls to it again.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Highlight {
    pub span: Span,
    pub seq: u32,
}

/// How nodes the user has not toggled one by one are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpandMode {
    /// By the `collapse_depth` option, else by kind and size (see [`TreeState::opens_by_default`]).
    Auto,
    /// After "expand all".
    All,
    /// After "collapse all": only top-level rows.
    TopLevel,
}

/// Keys that move through the outline (WAI-ARIA tree pattern).
#[derive(Clone, Debug, PartialEq)]
pub enum NavKey {
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    /// The characters typed so far (type-ahead), matched against headings and labels.
    TypeAhead(String),
}

#[derive(Clone, Debug)]
pub enum Action {
    /// The user started typing: the outline is out of date until the next `TextChanged`.
    Typing,
    /// The editor's text after a paste or a pause in typing.
    TextChanged {
        text: Rc<str>,
    },
    /// Parses the text if it has not been parsed yet (a big text is left to
    /// [`super::hooks::use_big_text_parse`], which sends `Parsed`).
    Parse,
    /// `notice` is the parse of `text` and `outline` its index, made outside the reducer; shown
    /// if `text` is still the text.
    Parsed {
        text: TextRef,
        notice: Rc<Notice>,
        outline: Rc<Outline>,
    },
    /// Text set from outside the editor (sample, file, `set_text`).
    LoadText {
        text: Rc<str>,
        message: Option<Message>,
    },
    LoadSample,
    Clear,
    UndoClear,
    ToggleNode(usize),
    ExpandAll,
    CollapseAll,
    /// Makes a node the current one; `focus` moves keyboard focus to it.
    SelectNode {
        index: usize,
        focus: bool,
    },
    /// Selects a node and highlights its span in the text (click, Enter).
    Activate(usize),
    /// Highlights a span in the text (a check's "show in text").
    HighlightSpan(Span),
    /// The caret in the text moved to this UTF-16 offset.
    CaretMoved(usize),
    Navigate(NavKey),
    /// Renders [`ROW_BATCH`] more rows of a very long outline.
    ShowMoreRows,
    SetLang(Lang),
    ShowMessage(Message),
}

/// The sample notice offered by the empty state (`www/sample-notice.txt`).
pub const SAMPLE_NOTICE: &str = include_str!("../../../www/sample-notice.txt");

/// Outlines bigger than this open with only the top level expanded, so a huge paste renders a
/// screenful instead of tens of thousands of rows.
pub const LARGE_OUTLINE: usize = 400;

/// Rows rendered at a time: a notice with 100 000 top-level items still renders in a blink, and
/// the rest are a "show more" away.
pub const ROW_BATCH: usize = 500;

/// What the outline tree shows, and nothing else, so it is the tree's props as it stands: a
/// change elsewhere (typing, a message) does not re-render the tree. The `Rc`s hold `Eq` types,
/// which `Rc`'s `==` compares by pointer first.
#[derive(Clone, Debug, PartialEq)]
pub struct TreeState {
    pub outline: Rc<Outline>,
    /// Expansion the user chose, by node key; nodes not listed follow [`TreeState::opens_by_default`].
    pub expanded: Rc<HashMap<Rc<str>, bool>>,
    /// The last "expand all" / "collapse all", or automatic.
    pub expand_mode: ExpandMode,
    /// The outline is too big to render whole (more than [`LARGE_OUTLINE`] nodes).
    pub large: bool,
    /// At most this many rows are rendered; "show more" raises it by [`ROW_BATCH`].
    pub row_limit: usize,
    /// The `collapse_depth` option; `None` lets the size of the outline decide.
    pub collapse_depth: Option<u32>,
    pub selected: Option<usize>,
    /// Bumped when keyboard focus should follow the selection.
    pub focus_seq: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub readonly: bool,
    /// The text as of the last `TextChanged` (or load).
    pub text: TextRef,
    /// Typed since the last `TextChanged`: the box holds more than `text`.
    pub typing: bool,
    /// The text `notice` was parsed from (spans point into it).
    pub parsed_text: TextRef,
    pub notice: NoticeRef,
    /// The rows, which are open, which is selected: all the tree shows.
    pub tree: TreeState,
    pub highlight: Option<Highlight>,
    /// The text before the last Clear, until the user types again.
    pub undo: Option<TextRef>,
    pub message: Option<Message>,
    /// Bumped when the editor's content is replaced from outside (not by typing).
    pub load_seq: u32,
}

impl State {
    pub fn new(lang: Lang, readonly: bool, collapse_depth: Option<u32>, text: &str) -> Self {
        let empty = TextRef::new("");
        let mut state = State {
            lang,
            readonly,
            text: empty.clone(),
            typing: false,
            parsed_text: empty,
            notice: NoticeRef(Rc::new(Notice::default())),
            tree: TreeState {
                outline: Rc::new(Outline::default()),
                expanded: Rc::new(HashMap::new()),
                expand_mode: ExpandMode::Auto,
                large: false,
                row_limit: ROW_BATCH,
                collapse_depth,
                selected: None,
                focus_seq: 0,
            },
            highlight: None,
            undo: None,
            message: None,
            load_seq: 0,
        };
        state.text = TextRef::new(text);
        state
    }

    /// Whether the outline shows the text as it stands in the box.
    pub fn is_parsed(&self) -> bool {
        !self.typing && !self.needs_parse()
    }

    /// Whether `text` has not been parsed yet.
    pub fn needs_parse(&self) -> bool {
        self.parsed_text != self.text
    }

    /// A big text waits for its parse until the frame saying so is painted
    /// ([`super::hooks::use_big_text_parse`]).
    pub fn parses_later(&self) -> bool {
        self.needs_parse() && super::preview::is_big(self.text.0.len())
    }

    /// Parses `text` now.
    pub fn parse_text(&mut self) {
        let text = self.text.clone();
        self.apply_parse(text.clone(), Rc::new(notice_outline::parse(&text.0)));
    }

    fn highlight(&mut self, span: Span) {
        let seq = self.highlight.map_or(1, |h| h.seq.wrapping_add(1));
        self.highlight = Some(Highlight { span, seq });
    }

    fn replace_text(&mut self, text: Rc<str>) {
        self.text = TextRef(text);
        self.typing = false;
        self.highlight = None;
    }

    /// Shows `notice` as the parse of `text` (tests use it to show a hand-built notice).
    pub fn apply_parse(&mut self, text: TextRef, notice: Rc<Notice>) {
        let outline = Rc::new(Outline::build(&notice));
        self.show_parse(text, notice, outline);
    }

    /// [`State::apply_parse`] with the outline's index already built (a big text's is built in
    /// a task of its own).
    fn show_parse(&mut self, text: TextRef, notice: Rc<Notice>, outline: Rc<Outline>) {
        let tree = &mut self.tree;
        let old_key = tree.selected.and_then(|i| tree.outline.items.get(i)).map(|i| i.key.clone());
        tree.large = outline.items.len() > LARGE_OUTLINE;
        // Keep the selection on the same node (by key) across edits; fall back to the same row.
        tree.selected = match (old_key, tree.selected) {
            (Some(key), Some(old)) => outline
                .items
                .iter()
                .position(|i| i.key == key)
                .or_else(|| (!outline.items.is_empty()).then(|| old.min(outline.items.len() - 1))),
            _ => None,
        };
        tree.outline = outline;
        self.notice = NoticeRef(notice);
        self.parsed_text = text;
    }
}

impl TreeState {
    pub fn is_expanded(&self, index: usize) -> bool {
        let Some(item) = self.outline.items.get(index) else { return false };
        if !item.has_children {
            return false;
        }
        match self.expanded.get(&item.key) {
            Some(&open) => open,
            None => self.opens_by_default(item),
        }
    }

    /// Whether a node the user has not toggled is expanded. Automatic mode shows sections and
    /// problems but not the measures under each problem (the row says how many there are), which
    /// also keeps the first render small; a huge outline shows only its top level.
    pub fn opens_by_default(&self, item: &Item) -> bool {
        match (self.expand_mode, self.collapse_depth) {
            (ExpandMode::All, _) => true,
            (ExpandMode::TopLevel, _) => false,
            (ExpandMode::Auto, Some(depth)) => item.level <= depth,
            (ExpandMode::Auto, None) => !self.large && !item.only_measures,
        }
    }

    /// Indexes of the rows a user can see (every ancestor expanded), in document order.
    /// Only the first [`TreeState::row_limit`] of them are rendered (and reachable by keyboard).
    pub fn visible(&self) -> Vec<usize> {
        let mut out = self.expanded_rows(self.row_limit);
        out.truncate(self.row_limit);
        out
    }

    /// Rows under expanded ancestors, up to `limit` of them.
    fn expanded_rows(&self, limit: usize) -> Vec<usize> {
        let items = &self.outline.items;
        let mut out = Vec::new();
        let mut i = 0;
        while i < items.len() && out.len() < limit {
            out.push(i);
            i = if items[i].has_children && !self.is_expanded(i) { items[i].end } else { i + 1 };
        }
        out
    }

    /// How many expanded rows there are beyond the rendered ones.
    pub fn hidden_rows(&self) -> usize {
        self.expanded_rows(usize::MAX).len().saturating_sub(self.row_limit)
    }

    pub fn set_expanded(&mut self, index: usize, open: bool) {
        if let Some(item) = self.outline.items.get(index) {
            if item.has_children && self.is_expanded(index) != open {
                Rc::make_mut(&mut self.expanded).insert(item.key.clone(), open);
            }
        }
    }

    /// Expands every ancestor of `index` so its row is visible.
    fn reveal(&mut self, index: usize) {
        let mut parent = self.outline.items.get(index).and_then(|i| i.parent);
        while let Some(p) = parent {
            self.set_expanded(p, true);
            parent = self.outline.items[p].parent;
        }
    }

    pub fn select(&mut self, index: usize, focus: bool) {
        if index < self.outline.items.len() {
            self.reveal(index);
            // Render enough rows to include it.
            if let Some(pos) = self.expanded_rows(usize::MAX).iter().position(|&i| i == index) {
                if pos >= self.row_limit {
                    self.row_limit = (pos / ROW_BATCH + 1) * ROW_BATCH;
                }
            }
            self.selected = Some(index);
            if focus {
                self.focus_seq = self.focus_seq.wrapping_add(1);
            }
        }
    }

    pub fn navigate(&mut self, key: NavKey) {
        let visible = self.visible();
        if visible.is_empty() {
            return;
        }
        // With nothing selected, focus is on the tree's tab stop: the first row.
        let current = Some(self.selected.filter(|i| visible.contains(i)).unwrap_or(visible[0]));
        let pos = current.and_then(|c| visible.iter().position(|&v| v == c));
        let target = match key {
            NavKey::Home => Some(visible[0]),
            NavKey::End => visible.last().copied(),
            NavKey::Down => Some(match pos {
                Some(p) => visible[(p + 1).min(visible.len() - 1)],
                None => visible[0],
            }),
            NavKey::Up => Some(match pos {
                Some(p) => visible[p.saturating_sub(1)],
                None => visible[0],
            }),
            NavKey::Right => match current {
                Some(c) if self.outline.items[c].has_children => {
                    if self.is_expanded(c) {
                        Some(c + 1)
                    } else {
                        self.set_expanded(c, true);
                        Some(c)
                    }
                }
                Some(c) => Some(c),
                None => Some(visible[0]),
            },
            NavKey::Left => match current {
                Some(c) if self.is_expanded(c) => {
                    self.set_expanded(c, false);
                    Some(c)
                }
                Some(c) => Some(self.outline.items[c].parent.unwrap_or(c)),
                None => Some(visible[0]),
            },
            NavKey::TypeAhead(typed) => self.type_ahead(&visible, pos, &typed),
        };
        if let Some(t) = target {
            self.select(t, true);
        }
    }

    /// The next visible row after the current one whose heading or label starts with `typed`
    /// (a repeated single character cycles through matches, as in a file manager).
    fn type_ahead(&self, visible: &[usize], pos: Option<usize>, typed: &str) -> Option<usize> {
        // ASCII case only: headings are Chinese, and Unicode case tables would add to the wasm.
        let typed = typed.to_ascii_lowercase();
        if typed.is_empty() {
            return None;
        }
        let n = visible.len();
        // A longer buffer refines the current match, so the current row may match again.
        let start = match pos {
            Some(p) if typed.chars().count() > 1 => p,
            Some(p) => p + 1,
            None => 0,
        };
        (0..n).map(|k| visible[(start + k) % n]).find(|&i| self.outline.items[i].matches(&typed))
    }

    pub fn is_row_visible(&self, index: usize) -> bool {
        let mut parent = self.outline.items.get(index).and_then(|i| i.parent);
        while let Some(p) = parent {
            if !self.is_expanded(p) {
                return false;
            }
            parent = self.outline.items[p].parent;
        }
        true
    }
}

impl Action {
    /// Whether the action puts new text in the box (and so must be followed by [`Action::Parse`]).
    pub fn replaces_text(&self) -> bool {
        matches!(
            self,
            Action::TextChanged { .. }
                | Action::LoadText { .. }
                | Action::LoadSample
                | Action::Clear
                | Action::UndoClear
        )
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Typing => {
                if s.typing {
                    return self;
                }
                s.typing = true;
                s.highlight = None;
            }
            Action::TextChanged { text } => {
                s.replace_text(text);
                s.undo = None;
                s.message = None;
            }
            Action::Parse => {
                if !s.needs_parse() || s.parses_later() {
                    return self;
                }
                // Marks for benchmarks (e2e/bench-paste.mjs): the parse's own time.
                super::browser::perf_mark("notice-outline:parse-start");
                s.parse_text();
                super::browser::perf_mark("notice-outline:parsed");
            }
            Action::Parsed { text, notice, outline } => {
                if text != s.text {
                    return self;
                }
                s.show_parse(text, notice, outline);
            }
            Action::LoadText { text, message } => {
                s.replace_text(text);
                s.undo = None;
                s.message = message;
                s.load_seq = s.load_seq.wrapping_add(1);
            }
            Action::LoadSample => {
                s.replace_text(Rc::from(SAMPLE_NOTICE));
                s.undo = None;
                s.message = None;
                s.load_seq = s.load_seq.wrapping_add(1);
            }
            Action::Clear => {
                if s.text.0.is_empty() {
                    return self;
                }
                s.undo = Some(s.text.clone());
                s.replace_text(Rc::from(""));
                s.message = Some(Message::Cleared);
                s.tree.selected = None;
                s.load_seq = s.load_seq.wrapping_add(1);
            }
            Action::UndoClear => {
                let Some(previous) = s.undo.take() else { return self };
                s.replace_text(previous.0);
                s.message = None;
                s.load_seq = s.load_seq.wrapping_add(1);
            }
            Action::ToggleNode(index) => {
                let open = s.tree.is_expanded(index);
                s.tree.set_expanded(index, !open);
            }
            Action::ExpandAll => {
                s.tree.expand_mode = ExpandMode::All;
                s.tree.expanded = Rc::new(HashMap::new());
            }
            Action::CollapseAll => {
                s.tree.expand_mode = ExpandMode::TopLevel;
                s.tree.expanded = Rc::new(HashMap::new());
                // The selected row may now be hidden: move the selection to its top-level node.
                if let Some(mut i) = s.tree.selected {
                    while let Some(p) = s.tree.outline.items.get(i).and_then(|it| it.parent) {
                        i = p;
                    }
                    s.tree.selected = Some(i);
                }
            }
            Action::SelectNode { index, focus } => s.tree.select(index, focus),
            Action::Activate(index) => {
                let Some(span) = s.tree.outline.items.get(index).map(|i| i.span) else { return self };
                s.tree.select(index, false);
                s.highlight(span);
            }
            Action::HighlightSpan(span) => s.highlight(span),
            Action::CaretMoved(offset) => {
                if !s.is_parsed() {
                    return self;
                }
                match s.tree.outline.at_utf16(offset) {
                    Some(index) if Some(index) != s.tree.selected || !s.tree.is_row_visible(index) => {
                        s.tree.select(index, false)
                    }
                    _ => return self,
                }
            }
            Action::Navigate(key) => s.tree.navigate(key),
            Action::ShowMoreRows => s.tree.row_limit = s.tree.row_limit.saturating_add(ROW_BATCH),
            Action::SetLang(lang) => s.lang = lang,
            Action::ShowMessage(message) => s.message = Some(message),
        }
        Rc::new(s)
    }
}
