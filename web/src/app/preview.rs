//! Texts too big for the text box. The browser lays out a `<textarea>`'s whole value at once:
//! for 10 MB that is 3–4 s of main-thread time (Chromium 156, a bare textarea, no app), and as
//! long again after each keystroke. From [`BIG_TEXT_BYTES`] the box shows the first
//! [`PREVIEW_UNITS`] UTF-16 units of the text, read-only, and says so; the whole text is what is
//! parsed, kept and exported. The preview is a prefix, so a caret offset in it is an offset in
//! the text.

use js_sys::{JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlTextAreaElement;

/// Texts at least this long (UTF-8 bytes) are big: shown as a preview, and parsed after the
/// frame that says so ([`super::hooks::use_big_text_parse`]). Below it a paste is parsed and
/// rendered in its own turn: a 1 MB parse is ~45 ms in the page, the browser's layout of the
/// pasted 1 MB in the box ~250 ms.
pub const BIG_TEXT_BYTES: usize = 2 * 1024 * 1024;

/// UTF-16 units shown in the preview.
pub const PREVIEW_UNITS: u32 = 64 * 1024;

/// Whether a text of `len` UTF-8 bytes is big.
pub fn is_big(len: usize) -> bool {
    len >= BIG_TEXT_BYTES
}

/// Right after a paste (its value already read): a big text in the box is cut to its preview in
/// the same task, before the browser lays it out.
pub fn shorten_pasted(el: &HtmlTextAreaElement, text_len: usize) {
    if is_big(text_len) {
        show(el, &value_of(el));
    }
}

/// Writes `text` into the box: whole and editable, or as a preview.
pub fn write(el: &HtmlTextAreaElement, text: &str) {
    if is_big(text.len()) {
        show(el, &JsString::from(text));
    } else {
        el.set_read_only(false);
        if el.value() != text {
            el.set_value(text);
        }
    }
}

/// The box's value as a JS string (not copied into the wasm).
fn value_of(el: &HtmlTextAreaElement) -> JsString {
    Reflect::get(el, &JsValue::from_str("value")).map(JsValue::unchecked_into).unwrap_or_default()
}

fn show(el: &HtmlTextAreaElement, value: &JsString) {
    let mut end = PREVIEW_UNITS.min(value.length());
    // Never split a surrogate pair (a high surrogate is 0xD800..0xDBFF).
    if end > 0 && (0xD800..0xDC00).contains(&(value.char_code_at(end - 1) as u32)) {
        end -= 1;
    }
    let _ = Reflect::set(el, &JsValue::from_str("value"), &value.slice(0, end));
    el.set_read_only(true);
}

/// A size in MB with one decimal: `10.0`.
pub fn megabytes(len: usize) -> String {
    let tenths = (len as u64 * 10 + 512 * 1024) / (1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}
