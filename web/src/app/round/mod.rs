//! The round: several notices side by side. Open or drop several `.txt` files (or add the
//! pasted text) and get one row per notice — unit, problems by status, completion, checks —
//! with totals, sortable by any column, exported as the CLI's `--format summary` CSV. A row's
//! button opens that notice in the editor; the set is kept over a reload like the single text.
//!
//! Mounted below the editor by `app/mod.rs` (one line); everything else lives here.

mod entry;
mod store;
mod table;

use std::rc::Rc;

use notice_outline::export::summary_csv;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::browser;
use super::hooks::{use_file_drop, FileDrop};
use super::i18n::Lang;
use super::state::{Action, Message, TextRef};
pub use entry::Entry;
use table::{Column, Sort};

#[derive(Properties, PartialEq)]
pub struct RoundProps {
    pub lang: Lang,
    /// The text in the editor as last parsed ("add the pasted notice").
    pub text: TextRef,
    /// The app's localStorage key; the round is kept under `{key}:round`.
    pub storage_key: Option<String>,
    /// The app's dispatcher: opening a row loads its text.
    pub dispatch: Callback<Action>,
}

/// The round's notices, in the order added, compared by identity (a change makes a new list):
/// comparing the texts themselves on every render would cost a pass over every notice.
#[derive(Clone, Default)]
pub struct Entries(pub Rc<Vec<Entry>>);

impl PartialEq for Entries {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Entries {
    type Target = [Entry];
    fn deref(&self) -> &[Entry] {
        &self.0
    }
}

/// The round; `sort` only changes how the table shows it.
#[derive(Clone, Default, PartialEq)]
pub struct RoundState {
    pub entries: Entries,
    pub sort: Option<Sort>,
    /// Set once the stored round has been read back, so an empty round never overwrites it.
    pub restored: bool,
    pub message: Option<RoundMessage>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RoundMessage {
    Added(usize),
    NotKept,
    Exported,
}

pub enum RoundAction {
    /// New entries; one with the name of an entry already there replaces it (a file dropped again).
    Add(Vec<Entry>),
    Restore(Vec<Entry>),
    Clear,
    SortBy(Column),
    Say(RoundMessage),
}

impl Reducible for RoundState {
    type Action = RoundAction;

    fn reduce(self: Rc<Self>, action: RoundAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            RoundAction::Add(new) => {
                let mut entries = s.entries.to_vec();
                s.message = Some(RoundMessage::Added(new.len()));
                for e in new {
                    match entries.iter_mut().find(|old| old.name == e.name) {
                        Some(old) => *old = e,
                        None => entries.push(e),
                    }
                }
                s.entries = Entries(Rc::new(entries));
            }
            RoundAction::Restore(entries) => {
                s.entries = Entries(Rc::new(entries));
                s.restored = true;
            }
            RoundAction::Clear => {
                s.entries = Entries::default();
                s.message = None;
            }
            RoundAction::SortBy(column) => s.sort = Some(Sort::next(s.sort, column)),
            RoundAction::Say(message) => s.message = Some(message),
        }
        Rc::new(s)
    }
}

#[function_component(Round)]
pub fn round(props: &RoundProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let state = use_reducer(RoundState::default);
    let file_input = use_node_ref();

    // Read the kept round back once (from IndexedDB when it was too big for localStorage).
    {
        let dispatcher = state.dispatcher();
        let key = props.storage_key.clone();
        use_effect_with((), move |_| match key {
            Some(key) => {
                store::load(&store::key(&key), move |entries| dispatcher.dispatch(RoundAction::Restore(entries)))
            }
            None => dispatcher.dispatch(RoundAction::Restore(Vec::new())),
        });
    }
    // Keep it after every change.
    {
        let key = props.storage_key.clone();
        let dispatcher = state.dispatcher();
        let restored = state.restored;
        use_effect_with(state.entries.clone(), move |entries| {
            if let (Some(key), true) = (key, restored) {
                store::save(&store::key(&key), entries, move || {
                    dispatcher.dispatch(RoundAction::Say(RoundMessage::NotKept))
                });
            }
        });
    }

    let add_files = {
        let dispatcher = state.dispatcher();
        move |files: web_sys::FileList| {
            let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
            if files.is_empty() {
                return;
            }
            let dispatcher = dispatcher.clone();
            // One after the other, so the rows come in the order the files were given.
            yew::platform::spawn_local(async move {
                let mut entries = Vec::with_capacity(files.len());
                for file in files {
                    entries.push(entry::read_file(file).await);
                }
                dispatcher.dispatch(RoundAction::Add(entries));
            });
        }
    };
    let on_file_chosen = {
        let add_files = add_files.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                if let Some(files) = input.files() {
                    add_files(files);
                }
                input.set_value("");
            }
        })
    };
    let on_open = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let FileDrop { dragging, ondragover, ondragleave, ondrop } = {
        let add_files = add_files.clone();
        use_file_drop(Callback::from(move |files: web_sys::FileList| add_files(files)))
    };
    let on_add_text = {
        let dispatcher = state.dispatcher();
        let text = props.text.clone();
        let count = state.entries.len();
        Callback::from(move |_: MouseEvent| {
            if !text.0.trim().is_empty() {
                dispatcher.dispatch(RoundAction::Add(vec![Entry::pasted(lang, count + 1, text.0.clone())]));
            }
        })
    };
    let on_clear = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(RoundAction::Clear))
    };
    let on_export = {
        let entries = state.entries.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            let rows: Vec<_> = entries.iter().map(|e| e.row.clone()).collect();
            if browser::download("round-summary.csv", "text/csv;charset=utf-8", &summary_csv(&rows)) {
                dispatcher.dispatch(RoundAction::Say(RoundMessage::Exported));
            }
        })
    };
    let on_open_entry = {
        let entries = state.entries.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |i: usize| {
            if let Some(text) = entries.get(i).and_then(Entry::text) {
                let name = entries[i].name.clone();
                dispatch.emit(Action::LoadText { text, message: Some(Message::FileLoaded(name)) });
                // The outline opens at the top of the page, above the round.
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
        })
    };
    let on_sort = {
        let dispatcher = state.dispatcher();
        Callback::from(move |c: Column| dispatcher.dispatch(RoundAction::SortBy(c)))
    };

    let message = state.message.as_ref().map(|m| match m {
        RoundMessage::Added(n) => (t.added)(*n),
        RoundMessage::NotKept => t.not_kept.to_string(),
        RoundMessage::Exported => t.exported.to_string(),
    });
    let empty = state.entries.is_empty();
    let class = classes!("no-card", "no-round", dragging.then_some("no-round--drop"));
    html! {
        <section {class} aria-labelledby="no-round-title" {ondragover} {ondragleave} {ondrop}>
            <div class="no-round__head">
                <h2 class="no-card__title" id="no-round-title">{ t.title }</h2>
                <div class="no-round__actions">
                    <button type="button" class="no-button" onclick={on_open}>{ t.open_files }</button>
                    <button type="button" class="no-button" disabled={props.text.0.trim().is_empty()}
                        onclick={on_add_text}>{ t.add_text }</button>
                    <button type="button" class="no-button" disabled={empty} onclick={on_export}>{ t.export_csv }</button>
                    <button type="button" class="no-button" disabled={empty} onclick={on_clear}>{ t.clear }</button>
                </div>
                <input ref={file_input} type="file" multiple=true accept=".txt,text/plain" hidden=true
                    class="no-round__file" aria-label={t.open_files} onchange={on_file_chosen} />
            </div>
            <p class="no-round__status" role="status" aria-live="polite">{ message.unwrap_or_default() }</p>
            if empty {
                <p class="no-round__empty">{ t.empty }</p>
            } else {
                <table::Table lang={lang} entries={state.entries.clone()} sort={state.sort}
                    on_sort={on_sort} on_open={on_open_entry} />
            }
        </section>
    }
}

/// The round's words, in both languages (kept here rather than in `i18n.rs`, which the rest of
/// the page shares).
pub struct RoundStrings {
    pub title: &'static str,
    pub open_files: &'static str,
    pub add_text: &'static str,
    pub export_csv: &'static str,
    pub clear: &'static str,
    pub empty: &'static str,
    pub caption: &'static str,
    pub columns: [&'static str; 10],
    pub total: &'static str,
    pub notices: fn(u32) -> String,
    pub unreadable: fn(u32) -> String,
    pub pasted: &'static str,
    pub open_row: fn(&str) -> String,
    pub added: fn(usize) -> String,
    pub not_kept: &'static str,
    pub exported: &'static str,
}

pub fn strings(lang: Lang) -> &'static RoundStrings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

static ZH: RoundStrings = RoundStrings {
    title: "一轮汇总",
    open_files: "添加文件…",
    add_text: "加入当前文本",
    export_csv: "导出汇总 CSV",
    clear: "清空汇总",
    empty: "打开或拖入多个 .txt 通报文件，或把粘贴的通报加入汇总，即可逐单位对比整改进度。",
    caption: "各通报整改进度汇总（点击列标题排序）",
    columns: notice_outline::export::summary::SUMMARY_HEADER,
    total: "合计",
    notices: |n| format!("{n} 份通报"),
    unreadable: |n| format!("{n} 份无法读取"),
    pasted: "粘贴的通报",
    open_row: |name| format!("打开 {name} 的大纲"),
    added: |n| format!("已加入 {n} 份通报"),
    not_kept: "汇总太大，刷新后将无法保留",
    exported: "已导出汇总 CSV",
};

static EN: RoundStrings = RoundStrings {
    title: "Round summary",
    open_files: "Add files…",
    add_text: "Add current text",
    export_csv: "Export summary CSV",
    clear: "Clear round",
    empty:
        "Open or drop several .txt notices, or add the pasted notice, to compare every unit's progress side by side.",
    caption: "Progress of each notice in the round (column headers sort)",
    columns: [
        "Notice file",
        "Unit",
        "Problems",
        "Done",
        "In progress",
        "Not done",
        "Unknown",
        "Completion (%)",
        "Checks",
        "Note",
    ],
    total: "Total",
    notices: |n| format!("{n} notices"),
    unreadable: |n| format!("{n} unreadable"),
    pasted: "Pasted notice",
    open_row: |name| format!("Open the outline of {name}"),
    added: |n| format!("{n} notices added to the round"),
    not_kept: "The round is too large to keep over a reload",
    exported: "Summary CSV exported",
};
