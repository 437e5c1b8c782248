//! The paste area: a textarea over a "backdrop" mirror that draws the highlighted span.
//!
//! The textarea is uncontrolled (yew never rewrites its value while the user types, which would
//! fight IME composition); its value is set only when the text is replaced from outside
//! (`load_seq`). The backdrop has the same font, padding and wrapping as the textarea and shows
//! the text with a `<mark>` around the highlighted span; the textarea's own background is
//! transparent, so the mark shows through behind the typed text.

use std::cell::Cell;

use notice_outline::model::Span;
use notice_outline::parse::text::floor_char_boundary;
use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::browser;
use super::file_input::{DropZone, FilePicker};
use super::hooks::{use_debounced_parse, DebouncedParse};
use super::i18n::{Lang, Text};
use super::preview;
use super::state::{Action, Highlight, TextRef};

/// After the highlighted span the mirror needs only enough text to fill the visible box.
const MIRROR_TAIL_BYTES: usize = 16 * 1024;

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
    let ids = use_memo((), |_| (unique_id("no-text"), unique_id("no-hint")));
    let (text_id, hint_id) = (ids.0.clone(), ids.1.clone());
    let DebouncedParse { oninput, onpaste } = use_debounced_parse(props.dispatch.clone(), props.load_seq);

    // Text replaced from outside (sample, file, clear, undo, set_text): write it into the box
    // (the debounce hook forgets typing that had not been parsed yet).
    {
        let textarea = textarea.clone();
        let text = props.text.clone();
        use_effect_with(props.load_seq, move |_| {
            if let Some(el) = textarea.cast::<HtmlTextAreaElement>() {
                // A big text is shown as a read-only preview of its beginning (see `preview`).
                preview::write(&el, &text.0);
                el.set_scroll_top(0);
            }
        });
    }

    // Text typed elsewhere (an IME committing while a tree row has focus) can land in the box,
    // which keeps its selection when it loses focus: only the focused box takes text. (yew has
    // no `onbeforeinput`.)
    {
        let textarea = textarea.clone();
        use_effect_with((), move |_| {
            let listener = textarea.cast::<web_sys::Element>().map(|el| {
                let options = gloo_events::EventListenerOptions::enable_prevent_default();
                gloo_events::EventListener::new_with_options(&el.clone(), "beforeinput", options, move |e| {
                    if !el.matches(":focus").unwrap_or(true) {
                        e.prevent_default();
                    }
                })
            });
            move || drop(listener)
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
                    <FilePicker label={s.open_file} dispatch={props.dispatch.clone()} />
                    <button type="button" class="no-button" onclick={emit(|| Action::LoadSample)}>{ s.load_sample }</button>
                    if props.can_undo {
                        <button type="button" class="no-button no-button--primary" onclick={emit(|| Action::UndoClear)}>{ s.undo_clear }</button>
                    } else {
                        <button type="button" class="no-button" disabled={!has_text} onclick={emit(|| Action::Clear)}>{ s.clear }</button>
                    }
                </div>
            </div>
            <p class="no-hint" id={hint_id.clone()}>{ s.editor_hint }</p>
            if preview::is_big(props.text.0.len()) {
                <p class="no-hint no-preview-note" role="note">{ props.lang.preview_note(&preview::megabytes(props.text.0.len())) }</p>
            }
            <DropZone node_ref={textbox} class={classes!("no-textbox")} drop_label={s.drop_here}
                dispatch={props.dispatch.clone()}>
                <div ref={backdrop} class="no-backdrop" aria-hidden="true">{ mirror }</div>
                <textarea ref={textarea} id={text_id} class="no-textarea" aria-describedby={hint_id}
                    placeholder={s.editor_placeholder} spellcheck="false" autocomplete="off"
                    {oninput} {onpaste} {onscroll}
                    onclick={on_caret.reform(|e: MouseEvent| e.into())}
                    onkeyup={on_caret.reform(|e: KeyboardEvent| e.into())}
                    onselect={on_caret.clone()} />
            </DropZone>
        </section>
    }
}

/// The backdrop's content: the text up to the highlight, the highlight in a `<mark>`, and
/// enough text after it to scroll. Empty when nothing is highlighted or the text has changed
/// since the parse the highlight's offsets belong to.
fn mirror_html(text: &TextRef, parsed: &TextRef, highlight: Option<Highlight>, mark: &NodeRef) -> Html {
    let Some(Highlight { span, .. }) = highlight else { return Html::default() };
    // A preview cannot show a span past its beginning, and mirroring megabytes would cost
    // seconds of layout.
    if text != parsed || preview::is_big(text.0.len()) {
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
    let tail_end = floor_char_boundary(text, span.end.saturating_add(MIRROR_TAIL_BYTES));
    let after = text.get(span.end..tail_end)?;
    Some((before, marked, after))
}
