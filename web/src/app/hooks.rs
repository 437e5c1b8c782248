//! The app's custom hooks: each effect the app runs, named for what it does, so `app()` and
//! `editor()` read as a list of what happens.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use notice_outline::parse::{text::Source, ParseOptions, Stages};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::outline::Outline;
use super::state::{Action, Message, TextRef};
use super::{big_text, browser, preview};

/// A pause in typing of this long (longer for long texts, whose parse costs more) parses the text.
pub fn debounce_ms(text_len: u32) -> u32 {
    (150 + text_len / 4096).min(600)
}

/// The pending parse of typed text.
#[derive(Default)]
struct Debounce {
    /// Held only: dropping it cancels the parse.
    _timer: Option<Timeout>,
    /// Typing has not been parsed yet (the timer has not fired).
    waiting: bool,
}

/// The text box's input handlers: typing is parsed when it pauses, a paste at once. The box's
/// value is read only then, so a keystroke in a 1 MB text costs no copy. A new `load_seq` (text
/// replaced from outside) forgets typing that has not been parsed yet.
pub struct DebouncedParse {
    pub oninput: Callback<InputEvent>,
    pub onpaste: Callback<Event>,
}

#[hook]
pub fn use_debounced_parse(dispatch: Callback<Action>, load_seq: u32) -> DebouncedParse {
    // Set by `paste`, read by the `input` that follows.
    let pasted = use_mut_ref(|| false);
    let debounce = use_mut_ref(Debounce::default);
    {
        let debounce = debounce.clone();
        use_effect_with(load_seq, move |_| {
            debounce.replace(Debounce::default());
        });
    }
    let oninput = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            let Some(el) = e.target_dyn_into::<HtmlTextAreaElement>() else { return };
            // The read-only preview of a big text holds only its beginning (see `preview`).
            if el.read_only() {
                return;
            }
            let flush = {
                let dispatch = dispatch.clone();
                let el = el.clone();
                move || {
                    let text: Rc<str> = Rc::from(el.value());
                    let len = text.len();
                    dispatch.emit(Action::TextChanged { text });
                    len
                }
            };
            if pasted.replace(false) {
                debounce.replace(Debounce::default());
                let len = flush();
                preview::shorten_pasted(&el, len);
                return;
            }
            if !debounce.borrow().waiting {
                dispatch.emit(Action::Typing);
            }
            let fired = debounce.clone();
            let timer = Timeout::new(debounce_ms(el.text_length()), move || {
                fired.borrow_mut().waiting = false;
                let len = flush();
                preview::shorten_pasted(&el, len);
            });
            // Replacing the timer drops (cancels) the one still waiting.
            debounce.replace(Debounce { _timer: Some(timer), waiting: true });
        })
    };
    let onpaste = Callback::from(move |_: Event| *pasted.borrow_mut() = true);
    DebouncedParse { oninput, onpaste }
}

/// Whether the browser has painted since `key` changed. True from the render after that paint
/// on: a component renders a cheap first screenful for a new `key` and the rest once it is on
/// screen. (Equality is `Rc` identity: a new parse is a new outline, a toggle is not.)
#[hook]
pub fn use_painted_since<T: 'static>(key: Rc<T>) -> bool {
    let painted_for = use_state(|| None::<Rc<T>>);
    let painted = painted_for.as_ref().is_some_and(|p| Rc::ptr_eq(p, &key));
    {
        let painted_for = painted_for.clone();
        use_effect_with(PtrKey(key), move |key| {
            if !painted {
                let key = key.0.clone();
                browser::when_idle_after_paint(move || painted_for.set(Some(key)));
            }
        });
    }
    painted
}

/// An `Rc` compared by identity, as an effect's dependency.
struct PtrKey<T>(Rc<T>);

impl<T> PartialEq for PtrKey<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A text too large for localStorage was kept in IndexedDB: the app opened empty, and brings it
/// back now. Returns the "still restoring" flag: until it clears nothing may be saved, or the
/// empty text would replace the kept one.
#[hook]
pub fn use_idb_restore(storage_key: Option<String>, given_text: bool, dispatch: Callback<Action>) -> Rc<RefCell<bool>> {
    let restoring = {
        let key = storage_key.clone();
        use_mut_ref(move || !given_text && key.as_deref().is_some_and(browser::is_in_indexed_db))
    };
    {
        let restoring = restoring.clone();
        use_effect_with((), move |_| {
            let pending = *restoring.borrow();
            if let (true, Some(key)) = (pending, storage_key) {
                wasm_bindgen_futures::spawn_local(async move {
                    let text = big_text::get(&key).await.ok().flatten();
                    *restoring.borrow_mut() = false;
                    match text {
                        Some(text) => dispatch.emit(Action::LoadText { text: Rc::from(text), message: None }),
                        None => {
                            browser::mark_unsaved(&key);
                            dispatch.emit(Action::ShowMessage(Message::NotSavedLastTime));
                        }
                    }
                });
            }
        });
    }
    restoring
}

/// Keeps each parsed text under `storage_key` (localStorage, else IndexedDB), so a reload brings
/// it back; says so if the browser refuses it.
#[hook]
pub fn use_persisted_text(
    storage_key: Option<String>,
    parsed_text: TextRef,
    restoring: Rc<RefCell<bool>>,
    dispatch: Callback<Action>,
) {
    // Written at once, not in idle time: a reload right after a paste must find the text (the
    // write is 0.3 ms for 21 KB, 3 ms for 1 MB; a text beyond localStorage goes to IndexedDB,
    // asynchronously).
    use_effect_with(parsed_text, move |text| {
        if let Some(key) = storage_key.filter(|_| !*restoring.borrow()) {
            browser::save_text(&key, &text.0, move || dispatch.emit(Action::ShowMessage(Message::NotSaved)));
        }
    });
}

/// A big text ([`preview::is_big`]) is parsed a stage per task ([`Stages`]), starting once the
/// browser has painted the frame that says it is being analysed: between stages the page answers
/// input and paints, and shows how far the parse is. The outline follows in a task of its own.
/// A newer text stops an older parse at its next stage. `waiting`: the state says `text` waits
/// for this. Returns the progress, `(stages run, stages in all)`, while a parse runs.
#[hook]
pub fn use_big_text_parse(text: TextRef, waiting: bool, dispatch: Callback<Action>) -> Option<(usize, usize)> {
    let progress = use_state_eq(|| None::<(usize, usize)>);
    {
        let progress = progress.clone();
        use_effect_with(text, move |text| {
            // Set when the text changes again or the app goes: the parse stops at its next step.
            let stopped = Rc::new(std::cell::Cell::new(false));
            if waiting {
                let (text, stopped) = (text.clone(), stopped.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    browser::painted().await;
                    if stopped.get() {
                        return;
                    }
                    browser::perf_mark("notice-outline:parse-start");
                    let src = Source::new(&text.0);
                    progress.set(Some((1, 2)));
                    browser::next_task().await;
                    if stopped.get() {
                        return;
                    }
                    let mut stages = Stages::new(&src, ParseOptions::default());
                    loop {
                        progress.set(Some(stages.progress()));
                        browser::next_task().await;
                        if stopped.get() {
                            return;
                        }
                        let more = stages.step();
                        // For measuring (e2e/big-paste.test.mjs): when each stage ended.
                        browser::perf_mark(&format!("notice-outline:stage-{}", stages.progress().0));
                        if !more {
                            break;
                        }
                    }
                    let notice = Rc::new(stages.finish());
                    browser::perf_mark("notice-outline:parsed");
                    // The outline's index (keyboard, caret → node) in a task of its own, then the render.
                    browser::next_task().await;
                    if stopped.get() {
                        return;
                    }
                    let outline = Rc::new(Outline::build(&notice));
                    browser::next_task().await;
                    if !stopped.get() {
                        progress.set(None);
                        dispatch.emit(Action::Parsed { text, notice, outline });
                    }
                });
            } else {
                progress.set(None);
            }
            move || stopped.set(true)
        });
    }
    *progress
}

/// A drop target for files: whether files are being dragged over it, and the three handlers to
/// put on its element. `on_files` gets what was dropped.
pub struct FileDrop {
    pub dragging: bool,
    pub ondragover: Callback<web_sys::DragEvent>,
    pub ondragleave: Callback<web_sys::DragEvent>,
    pub ondrop: Callback<web_sys::DragEvent>,
}

#[hook]
pub fn use_file_drop(on_files: Callback<web_sys::FileList>) -> FileDrop {
    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: web_sys::DragEvent| {
            // Without preventDefault the browser opens the file instead of dropping it here.
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: web_sys::DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |e: web_sys::DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
                on_files.emit(files);
            }
        })
    };
    FileDrop { dragging: *dragging, ondragover, ondragleave, ondrop }
}
