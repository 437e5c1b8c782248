//! The yew app: paste a notice, see its outline, progress, checks and details.
//!
//! [`mount_app`] is the one entry point, used by the page (`crate::start_page`) and by the
//! `<notice-outline>` element (`crate::api`). The root may sit inside a shadow root, so the app
//! never looks itself up in `document`: it reaches its own nodes through `NodeRef`s.

use std::cell::RefCell;
use std::rc::Rc;

use notice_outline::model::Notice;
use yew::prelude::*;

mod big_text;
mod browser;
mod chip;
mod editor;
mod empty;
mod export;
mod file_input;
mod hooks;
pub mod i18n;
mod meta;
pub mod outline;
mod preview;
mod progress;
mod round;
pub mod state;
mod summary;
mod timeline;
mod tree;

pub use i18n::Lang;
use i18n::Text;
use state::{Action, NoticeRef, State, TextRef, TreeState};

/// How the app is mounted. `Default` is the full editor in Chinese, not persisted.
#[derive(Clone, Default, PartialEq)]
pub struct AppOptions {
    /// Show only the outline, summary and metadata (no paste area).
    pub readonly: bool,
    pub lang: Lang,
    /// Outline levels shown expanded after each parse (0: only top-level rows); `None` expands
    /// every section and problem but leaves each problem's measures collapsed, and opens huge
    /// outlines with only their top-level rows.
    pub collapse_depth: Option<u32>,
    /// Initial text; wins over the stored text.
    pub text: Option<String>,
    /// localStorage key to keep the text across reloads; `None` keeps nothing.
    pub storage_key: Option<String>,
    /// Open with the sample notice when there is no text (and nothing stored).
    pub sample_if_empty: bool,
    /// Called with every new parse.
    pub on_change: Option<Callback<Rc<Notice>>>,
    /// A stylesheet to load inside the app's root (for shadow roots).
    pub stylesheet_href: Option<String>,
    /// The app is the whole page (not embedded): it keeps `<html lang>` and `<title>` in its
    /// language, the title naming the notice (which is also what a printout is headed with).
    pub owns_page: bool,
}

/// A mounted app. Dropping it leaves the app in place; call [`AppHandle::unmount`] to remove it.
pub struct AppHandle {
    app: yew::AppHandle<App>,
    bridge: Rc<RefCell<Bridge>>,
    root: web_sys::Element,
}

impl AppHandle {
    /// Replaces the text (as if the user had pasted it) and parses it at once.
    pub fn set_text(&self, text: String) {
        Bridge::send(&self.bridge, Action::LoadText { text: Rc::from(text), message: None });
    }

    pub fn unmount(self) {
        crate::panic::unwatch(&self.root);
        self.app.destroy();
    }
}

/// Mounts the app into `root` (which it owns from now on).
///
/// Should the app ever panic, the panic hook saves the text under `storage_key` and says so in
/// `root` (see [`crate::panic`]).
pub fn mount_app(root: web_sys::Element, options: AppOptions) -> AppHandle {
    crate::panic::install();
    crate::panic::watch(&root, options.storage_key.as_deref());
    let bridge = Rc::new(RefCell::new(Bridge::default()));
    let props = AppProps { options: Rc::new(options), bridge: bridge.clone() };
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    AppHandle { app, bridge, root }
}

/// Carries actions from outside yew (the JS API) into the app's reducer; actions sent before the
/// first render wait in `pending`.
#[derive(Default)]
struct Bridge {
    dispatch: Option<Callback<Action>>,
    pending: Vec<Action>,
}

impl Bridge {
    fn send(bridge: &Rc<RefCell<Bridge>>, action: Action) {
        let dispatch = bridge.borrow().dispatch.clone();
        match dispatch {
            Some(dispatch) => dispatch.emit(action),
            None => bridge.borrow_mut().pending.push(action),
        }
    }
}

#[derive(Properties)]
pub struct AppProps {
    options: Rc<AppOptions>,
    bridge: Rc<RefCell<Bridge>>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.options, &other.options) && Rc::ptr_eq(&self.bridge, &other.bridge)
    }
}

fn initial_text(options: &AppOptions) -> String {
    let given = options.text.clone().filter(|t| !t.trim().is_empty());
    let stored = options.storage_key.as_deref().and_then(browser::load_text);
    match (given, stored) {
        (Some(text), _) => text,
        // Something stored, even an empty text the user cleared on purpose, is respected.
        (None, Some(stored)) => stored,
        (None, None) if options.sample_if_empty => state::SAMPLE_NOTICE.to_string(),
        (None, None) => String::new(),
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let options = props.options.clone();
    let state = {
        let options = options.clone();
        use_reducer(move || {
            let mut state = State::new(options.lang, options.readonly, options.collapse_depth, &initial_text(&options));
            // A big text is parsed after the first paint (hooks::use_big_text_parse).
            if !state.parses_later() {
                state.parse_text();
            }
            if options.text.is_none() && options.storage_key.as_deref().is_some_and(browser::was_unsaved) {
                state.message = Some(state::Message::NotSavedLastTime);
            }
            state
        })
    };
    // Every action goes through here: one that replaces the text is followed by its parse in the
    // same turn, so a paste renders once, with its outline (typing is debounced by the editor).
    let dispatch = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action: Action| {
                let replaces_text = action.replaces_text();
                dispatcher.dispatch(action);
                if replaces_text {
                    dispatcher.dispatch(Action::Parse);
                }
            })
        }))
        .clone()
    };

    // Hand the dispatcher to the JS API and deliver what it sent before the first render.
    {
        let bridge = props.bridge.clone();
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let pending = {
                let mut b = bridge.borrow_mut();
                b.dispatch = Some(dispatch.clone());
                std::mem::take(&mut b.pending)
            };
            for action in pending {
                dispatch.emit(action);
            }
            move || bridge.borrow_mut().dispatch = None
        });
    }

    let big_parse_progress = hooks::use_big_text_parse(state.text.clone(), state.parses_later(), dispatch.clone());
    let restoring = hooks::use_idb_restore(options.storage_key.clone(), options.text.is_some(), dispatch.clone());
    hooks::use_persisted_text(options.storage_key.clone(), state.parsed_text.clone(), restoring, dispatch.clone());

    // After each parse: tell the host page, and mark the render for benchmarks.
    {
        let on_change = options.on_change.clone();
        use_effect_with(state.notice.clone(), move |notice| {
            browser::perf_mark("notice-outline:rendered");
            if let Some(on_change) = on_change {
                on_change.emit(notice.0.clone());
            }
        });
    }

    // Printing shows the whole outline: collapsed branches are not even rendered.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "beforeprint", move |_| dispatcher.dispatch(Action::ExpandAll))
            });
            move || drop(listener)
        });
    }

    let lang = state.lang;
    {
        let title = state.notice.0.meta.title.clone();
        let owns_page = options.owns_page;
        use_effect_with((lang, state.notice.clone()), move |(lang, _)| {
            if owns_page {
                let s = lang.s();
                let title = match title {
                    Some(title) => format!("{title} · {}", s.app_name),
                    None => format!("{} · {}", s.app_name, s.app_tagline),
                };
                browser::set_document_lang(lang.tag());
                // After the outline is on screen: a new title is a few milliseconds of the
                // browser's own work that the paste's first frame need not wait for.
                browser::when_idle_after_paint(move || browser::set_document_title(&title));
            }
        });
    }
    let s = lang.s();
    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetLang(lang.other())))
    };
    let stylesheet =
        options.stylesheet_href.as_ref().map(|href| html! { <link rel="stylesheet" href={href.clone()} /> });
    let class = classes!("no-app", state.readonly.then_some("no-app--readonly"));

    html! {
        <div {class} lang={lang.tag()}>
            { for stylesheet }
            <div class="no-topbar">
                <p class="no-status" role="status" aria-live="polite">
                    { state.message.as_ref().map(|m| lang.message(m)).unwrap_or_default() }
                </p>
                <button type="button" class="no-button no-button--quiet no-lang" lang={lang.other().tag()}
                    aria-label={s.switch_lang_label} onclick={on_lang}>{ s.switch_lang }</button>
            </div>
            <div class="no-layout">
                if !state.readonly {
                    <editor::Editor
                        lang={lang}
                        text={state.text.clone()}
                        parsed_text={state.parsed_text.clone()}
                        highlight={state.highlight}
                        load_seq={state.load_seq}
                        can_undo={state.undo.is_some()}
                        dispatch={dispatch.clone()} />
                }
                <Results lang={lang} readonly={state.readonly} notice={state.notice.clone()}
                    parsed_text={state.parsed_text.clone()} has_text={!state.text.is_empty()}
                    is_parsed={state.is_parsed()} tree={state.tree.clone()} dispatch={dispatch.clone()}
                    big_parse_pending={state.parses_later().then(|| (state.text.0.len(), big_parse_progress))} />
            </div>
            if !state.readonly {
                <round::Round lang={lang} text={state.parsed_text.clone()} storage_key={options.storage_key.clone()} dispatch={dispatch.clone()} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ResultsProps {
    lang: Lang,
    readonly: bool,
    notice: NoticeRef,
    /// The text `notice` was parsed from.
    parsed_text: TextRef,
    /// The box holds some text (parsed or not).
    has_text: bool,
    is_parsed: bool,
    tree: TreeState,
    dispatch: Callback<Action>,
    /// A big text of this many bytes waits for its parse, which has run this many of its stages.
    big_parse_pending: Option<(usize, Option<(usize, usize)>)>,
}

/// The right-hand column: empty state, "no structure", or summary + outline + details + export.
#[function_component(Results)]
fn results(props: &ResultsProps) -> Html {
    let dispatch = &props.dispatch;
    let lang = props.lang;
    let s = lang.s();
    let notice = props.notice.clone();
    let has_text = props.has_text;
    let no_outline = props.tree.outline.items.is_empty();

    let body = if !has_text {
        html! { <empty::Empty lang={lang} readonly={props.readonly}
        on_sample={dispatch.reform(|_| Action::LoadSample)} /> }
    } else if no_outline && !props.is_parsed {
        html! { <p class="no-pending" role="status">{ s.parsing }</p> }
    } else {
        let on_highlight = dispatch.reform(Action::HighlightSpan);
        let no_structure = no_outline;
        let print_title = notice.0.meta.title.clone();
        html! {
            <>
                // Heads the printout (hidden on screen, where the text box shows the title).
                if let Some(title) = print_title {
                    <p class="no-print-title">{ title }</p>
                }
                if no_structure {
                    <section class="no-card no-nostructure" role="alert">
                        <h2 class="no-card__title">{ s.no_structure_title }</h2>
                        <p>{ s.no_structure_body }</p>
                    </section>
                } else {
                    <summary::Summary lang={lang} notice={notice.clone()} text={props.parsed_text.clone()} readonly={props.readonly}
                        on_highlight={on_highlight.clone()} />
                    <tree::Tree lang={lang} readonly={props.readonly} notice={notice.clone()} view={props.tree.clone()}
                        dispatch={dispatch.clone()} />
                }
                <meta::MetaPanel lang={lang} notice={notice.clone()} />
                <export::Export lang={lang} notice={notice} text={props.parsed_text.clone()}
                    on_message={dispatch.reform(Action::ShowMessage)} />
            </>
        }
    };
    let busy = if props.is_parsed { "false" } else { "true" };
    let analysing = props.big_parse_pending.map(|(len, progress)| {
        let label = lang.parsing_big(&preview::megabytes(len));
        let (done, of) = progress.unwrap_or((0, 1));
        html! {
            <div class="no-pending">
                <p role="status">{ label.clone() }</p>
                <progress class="no-parse-progress" max={of.to_string()} value={done.to_string()} aria-label={label} />
            </div>
        }
    });
    html! { <div class="no-results" aria-busy={busy}>{ for analysing }{ body }</div> }
}
