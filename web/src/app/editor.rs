//! The paste area: a textarea over a "backdrop" mirror that draws the highlighted span.
//!
//! The textarea is uncontrolled (yew never rewrites its value while the user types, which would
//! fight IME composition); its value is set only when the text is replaced from outside
//! (`load_seq`). The backdrop has the same font, padding and wrapping as the textarea and shows
//! the text with a `<mark>` around the highlighted span; the textarea's own background is
//! transparent, so the mark shows through behind the typed text.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use notice_outline::model::Span;
use web_sys::{DragEvent, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::browser;
use super::i18n::{Lang, Text};
use super::state::{Action, Highlight, Message, TextRef};

/// A pause in typing of this long (longer for long texts, whose parse costs more) parses the text.
fn debounce_ms(text_len: u32) -> u32 {
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

/// After the highlighted span the mirror needs only enough text to fill the visible box.
const MIRROR_TAIL_BYTES: usize = 16 * 1024;
/// Files bigger than this are not notices (and would not fit in localStorage anyway).
const MAX_FILE_BYTES: f64 = super::i18n::MAX_FILE_MB as f64 * 1024.0 * 1024.0;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub lang: Lang,
    pub text: TextRef,
    pub parsed_text: TextRef,
    pub highlight: Option<Highlight>,
    pub load_seq: u32,
    pub can_undo: bool,
    pub dispatch: Callback<Action>,
}

/// Ids for `<label for>` and `aria-describedby`, unique per mounted app.
pub fn unique_id(prefix: &str) -> String {
    thread_local!(static NEXT: Cell<u32> = const { Cell::new(0) });
    let n = NEXT.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    format!("{prefix}-{n}")
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let s = props.lang.s();
    let textarea = use_node_ref();
    let backdrop = use_node_ref();
    let mark = use_node_ref();
    let textbox = use_node_ref();
    let file_input = use_node_ref();
    let ids = use_memo((), |_| (unique_id("no-text"), unique_id("no-hint")));
    let (text_id, hint_id) = (ids.0.clone(), ids.1.clone());
    // Set by `paste`, read by the `input` that follows: a paste is parsed without waiting.
    let pasted = use_mut_ref(|| false);
    let debounce = use_mut_ref(Debounce::default);
    // Drag-over highlighting is presentation only, so it stays local to this component.
    let dragging = use_state(|| false);

    // Text replaced from outside (sample, file, clear, undo, set_text): write it into the box,
    // and forget typing that had not been parsed yet.
    {
        let textarea = textarea.clone();
        let text = props.text.clone();
        let debounce = debounce.clone();
        use_effect_with(props.load_seq, move |_| {
            debounce.replace(Debounce::default());
            if let Some(el) = textarea.cast::<HtmlTextAreaElement>() {
                if el.value() != *text.0 {
                    el.set_value(&text.0);
                }
                el.set_scroll_top(0);
            }
        });
    }

    // A new highlight: scroll the mark into the middle of the box, and the box onto the screen.
    {
        let (textarea, backdrop, mark, textbox) = (textarea.clone(), backdrop.clone(), mark.clone(), textbox.clone());
        use_effect_with(props.highlight.map(|h| h.seq), move |seq| {
            if seq.is_some() {
                if let (Some(ta), Some(bd), Some(m)) =
                    (textarea.cast::<HtmlTextAreaElement>(), backdrop.cast::<HtmlElement>(), mark.cast::<HtmlElement>())
                {
                    let top = (m.offset_top() - ta.client_height() / 3).max(0);
                    ta.set_scroll_top(top);
                    bd.set_scroll_top(ta.scroll_top());
                }
                if let Some(tb) = textbox.cast::<web_sys::Element>() {
                    if !browser::is_on_screen(&tb) {
                        tb.scroll_into_view();
                    }
                }
            }
        });
    }

    // Typing is parsed when it pauses, a paste at once; the box's value is read only then, so a
    // keystroke in a 1 MB text costs no copy.
    let oninput = {
        let dispatch = props.dispatch.clone();
        let pasted = pasted.clone();
        let debounce = debounce.clone();
        Callback::from(move |e: InputEvent| {
            let Some(el) = e.target_dyn_into::<HtmlTextAreaElement>() else { return };
            let flush = {
                let dispatch = dispatch.clone();
                let el = el.clone();
                move || dispatch.emit(Action::TextChanged { text: Rc::from(el.value()) })
            };
            if pasted.replace(false) {
                debounce.replace(Debounce::default());
                flush();
                return;
            }
            let was_waiting = debounce.borrow().waiting;
            if !was_waiting {
                dispatch.emit(Action::Typing);
            }
            let fired = debounce.clone();
            let timer = Timeout::new(debounce_ms(el.text_length()), move || {
                fired.borrow_mut().waiting = false;
                flush();
            });
            // Replacing the timer drops (cancels) the one still waiting.
            debounce.replace(Debounce { _timer: Some(timer), waiting: true });
        })
    };
    let onpaste = {
        let pasted = pasted.clone();
        Callback::from(move |_: Event| *pasted.borrow_mut() = true)
    };
    let on_caret = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(el) = e.target_dyn_into::<HtmlTextAreaElement>() {
                if let Ok(Some(at)) = el.selection_start() {
                    dispatch.emit(Action::CaretMoved(at as usize));
                }
            }
        })
    };
    let onscroll = {
        let backdrop = backdrop.clone();
        Callback::from(move |e: Event| {
            if let (Some(ta), Some(bd)) = (e.target_dyn_into::<HtmlTextAreaElement>(), backdrop.cast::<HtmlElement>()) {
                bd.set_scroll_top(ta.scroll_top());
                bd.set_scroll_left(ta.scroll_left());
            }
        })
    };

    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                read_file(file, dispatch.clone());
            }
        })
    };
    let on_file_chosen = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                if let Some(file) = input.files().and_then(|f| f.get(0)) {
                    read_file(file, dispatch.clone());
                }
                // Choosing the same file again must fire `change` again.
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
    let emit = |action: fn() -> Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action()))
    };

    let mirror = mirror_html(&props.text, &props.parsed_text, props.highlight, &mark);
    let has_text = !props.text.0.is_empty();

    html! {
        <section class="no-editor" aria-label={s.editor_region}>
            <div class="no-editor__head">
                <label class="no-editor__title" for={text_id.clone()}>{ s.editor_label }</label>
                <div class="no-editor__actions">
                    <button type="button" class="no-button" onclick={on_open}>{ s.open_file }</button>
                    <button type="button" class="no-button" onclick={emit(|| Action::LoadSample)}>{ s.load_sample }</button>
                    if props.can_undo {
                        <button type="button" class="no-button no-button--primary" onclick={emit(|| Action::UndoClear)}>{ s.undo_clear }</button>
                    } else {
                        <button type="button" class="no-button" disabled={!has_text} onclick={emit(|| Action::Clear)}>{ s.clear }</button>
                    }
                </div>
            </div>
            <p class="no-hint" id={hint_id.clone()}>{ s.editor_hint }</p>
            <input ref={file_input} type="file" class="no-visually-hidden" tabindex="-1" aria-hidden="true"
                accept=".txt,.text,text/plain" onchange={on_file_chosen} />
            <div ref={textbox} class={classes!("no-textbox", (*dragging).then_some("no-textbox--drop"))}
                {ondragover} {ondragleave} {ondrop}>
                <div ref={backdrop} class="no-backdrop" aria-hidden="true">{ mirror }</div>
                <textarea ref={textarea} id={text_id} class="no-textarea" aria-describedby={hint_id}
                    placeholder={s.editor_placeholder} spellcheck="false" autocomplete="off"
                    {oninput} {onpaste} {onscroll}
                    onclick={on_caret.reform(|e: MouseEvent| e.into())}
                    onkeyup={on_caret.reform(|e: KeyboardEvent| e.into())}
                    onselect={on_caret.clone()} />
                if *dragging {
                    <div class="no-dropzone" aria-hidden="true">{ s.drop_here }</div>
                }
            </div>
        </section>
    }
}

/// The backdrop's content: the text up to the highlight, the highlight in a `<mark>`, and
/// enough text after it to scroll. Empty when nothing is highlighted or the text has changed
/// since the parse the highlight's offsets belong to.
fn mirror_html(text: &TextRef, parsed: &TextRef, highlight: Option<Highlight>, mark: &NodeRef) -> Html {
    let Some(Highlight { span, .. }) = highlight else { return Html::default() };
    if text != parsed {
        return Html::default();
    }
    let Some((before, marked, after)) = split_at_span(&text.0, span) else { return Html::default() };
    html! {
        <>
            { before.to_string() }
            <mark ref={mark.clone()} class="no-mark">{ marked.to_string() }</mark>
            { after.to_string() }
            // A trailing newline in a textarea still takes a line; the mirror needs it too.
            { "\u{200b}" }
        </>
    }
}

/// Splits `text` around the byte span; `None` if the span does not fit (never panics).
pub fn split_at_span(text: &str, span: Span) -> Option<(&str, &str, &str)> {
    let before = text.get(..span.start)?;
    let marked = text.get(span.start..span.end)?;
    let mut tail_end = (span.end + MIRROR_TAIL_BYTES).min(text.len());
    while !text.is_char_boundary(tail_end) {
        tail_end -= 1;
    }
    let after = text.get(span.end..tail_end)?;
    Some((before, marked, after))
}

fn is_text_file(file: &web_sys::File) -> bool {
    let name = file.name().to_ascii_lowercase();
    let mime = file.type_();
    mime.is_empty()
        || mime.starts_with("text/")
        || [".txt", ".text", ".md", ".csv"].iter().any(|ext| name.ends_with(ext))
}

/// Reads a dropped or chosen file as UTF-8 and loads it (or says why it cannot).
fn read_file(file: web_sys::File, dispatch: Callback<Action>) {
    if !is_text_file(&file) {
        dispatch.emit(Action::ShowMessage(Message::NotTextFile));
        return;
    }
    if file.size() > MAX_FILE_BYTES {
        let mb = (file.size() / (1024.0 * 1024.0)).ceil() as u32;
        dispatch.emit(Action::ShowMessage(Message::FileTooLarge(mb)));
        return;
    }
    let name = file.name();
    yew::platform::spawn_local(async move {
        let action = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                match decode_utf8(bytes) {
                    Some(text) => Action::LoadText { text: Rc::from(text), message: Some(Message::FileLoaded(name)) },
                    None => Action::ShowMessage(Message::NotUtf8),
                }
            }
            Err(_) => Action::ShowMessage(Message::FileReadFailed),
        };
        dispatch.emit(action);
    });
}

/// UTF-8 text without a leading byte-order mark; `None` if the bytes are not UTF-8.
pub fn decode_utf8(bytes: Vec<u8>) -> Option<String> {
    let text = String::from_utf8(bytes).ok()?;
    Some(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}
