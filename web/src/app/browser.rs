//! Thin wrappers over the browser APIs the app uses. Every one fails quietly: a page with
//! storage disabled, no clipboard permission or an old browser still shows the outline.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn storage() -> Option<web_sys::Storage> {
    // `local_storage()` throws in sandboxed iframes and with cookies blocked.
    window()?.local_storage().ok().flatten()
}

pub fn load_text(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Keeps the text under `key` so a reload brings it back.
///
/// localStorage first. A text over its quota goes to IndexedDB ([`super::big_text`]): the key
/// then holds an empty text (so a reload never brings back an older one) and a marker says where
/// the text is. `on_failed` is called if IndexedDB refuses it too (the marker then says so).
pub fn save_text(key: &str, text: &str, on_failed: impl FnOnce() + 'static) {
    let Some(storage) = storage() else { return };
    let marker = marker_key(key);
    let was_elsewhere = storage.get_item(&marker).ok().flatten().is_some_and(|m| m == IN_INDEXED_DB);
    if storage.set_item(key, text).is_ok() {
        let _ = storage.remove_item(&marker);
        if was_elsewhere {
            let key = key.to_string();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = super::big_text::delete(&key).await;
            });
        }
        return;
    }
    let _ = storage.set_item(key, "");
    let _ = storage.set_item(&marker, IN_INDEXED_DB);
    let (key, text) = (key.to_string(), text.to_string());
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(error) = super::big_text::put(&key, &text).await {
            web_sys::console::warn_2(&"notice-outline: the text is too large to keep in this browser".into(), &error);
            mark_unsaved(&key);
            on_failed();
        }
    });
}

/// Whether the text stored under `key` is in IndexedDB (it was over localStorage's quota).
pub fn is_in_indexed_db(key: &str) -> bool {
    marker(key).is_some_and(|m| m == IN_INDEXED_DB)
}

/// Whether the last text stored under `key` could not be kept anywhere.
pub fn was_unsaved(key: &str) -> bool {
    marker(key).is_some_and(|m| m == NOT_KEPT)
}

/// Records that the text under `key` is lost (IndexedDB no longer has it).
pub fn mark_unsaved(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(&marker_key(key), NOT_KEPT);
    }
}

const IN_INDEXED_DB: &str = "indexeddb";
const NOT_KEPT: &str = "1";

fn marker(key: &str) -> Option<String> {
    storage()?.get_item(&marker_key(key)).ok().flatten()
}

fn marker_key(key: &str) -> String {
    format!("{key}:unsaved")
}

/// A Performance API mark, so benchmarks can time paste → parse → render.
pub fn perf_mark(name: &str) {
    if let Some(perf) = window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// Runs `f` in a task of its own once the browser has painted the current frame: a timeout set
/// from the next animation frame (animation-frame callbacks run just before that frame's
/// paint). Without a window `f` runs at once.
pub fn after_paint(f: impl FnOnce() + 'static) {
    on_next_frame(move || {
        gloo_timers::callback::Timeout::new(0, f).forget();
    });
}

/// Runs `f` once the browser has painted the current frame and has a moment to spare: an idle
/// callback requested from the next animation frame, at most [`IDLE_WAIT_MS`] later if the
/// browser stays busy (in a plain task where there are no idle callbacks).
pub fn when_idle_after_paint(f: impl FnOnce() + 'static) {
    on_next_frame(move || {
        let run = wasm_bindgen::closure::Closure::once_into_js(f);
        let run: &js_sys::Function = run.unchecked_ref();
        let Some(w) = window() else { return };
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(IDLE_WAIT_MS);
        if w.request_idle_callback_with_options(run, &options).is_err() {
            let _ = w.set_timeout_with_callback(run);
        }
    });
}

/// The longest [`when_idle_after_paint`] waits for the browser to be idle.
const IDLE_WAIT_MS: u32 = 200;

/// Resolves in a task of its own (a zero timeout): awaiting it lets the browser handle input and
/// paint in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| match window() {
        Some(w) if w.set_timeout_with_callback(&resolve).is_ok() => {}
        _ => {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once the browser has painted the current frame (see [`after_paint`]).
pub async fn painted() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        after_paint(move || {
            let _ = resolve.call0(&JsValue::NULL);
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` from the next animation frame (at once without a window, or if the browser refuses).
fn on_next_frame(f: impl FnOnce() + 'static) {
    let Some(w) = window() else { return f() };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let callback: &js_sys::Function = callback.unchecked_ref();
    if w.request_animation_frame(callback).is_err() {
        let _ = callback.call0(&JsValue::NULL);
    }
}

/// Offers `content` as a file download (Blob + object URL + `<a download>`).
pub fn download(filename: &str, mime: &str, content: &str) -> bool {
    let result = (|| -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(&JsValue::from_str(content));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let document = window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
        a.set_href(&url);
        a.set_download(filename);
        a.click();
        // Revoke later: revoking at once can cancel the download in some browsers.
        let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        if let Some(w) = window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
        }
        Ok(())
    })();
    result.is_ok()
}

/// Copies text to the clipboard; `done(true)` on success.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(clipboard) = window().map(|w| w.navigator().clipboard()) else {
        done(false);
        return;
    };
    let promise = clipboard.write_text(&text);
    yew::platform::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(ok);
    });
}

pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Whether the two-column layout is showing (columns scroll on their own; the page does not).
pub fn is_wide_layout() -> bool {
    window().and_then(|w| w.match_media("(min-width: 960px)").ok().flatten()).is_some_and(|m| m.matches())
}

/// Scrolls `element` into view within its scrolling column, without moving the page on phones
/// (where the columns stack and the page itself scrolls).
pub fn reveal_in_column(element: &Element) {
    if is_wide_layout() {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The window's inner height in CSS pixels.
pub fn viewport_height() -> Option<f64> {
    window()?.inner_height().ok()?.as_f64()
}

/// Whether any part of `element` is inside the viewport.
pub fn is_on_screen(element: &Element) -> bool {
    let rect = element.get_bounding_client_rect();
    let height = viewport_height().unwrap_or(0.0);
    rect.bottom() > 0.0 && rect.top() < height
}

pub fn focus(element: &Element) {
    if let Some(el) = element.dyn_ref::<HtmlElement>() {
        let _ = el.focus();
    }
}

/// Sets `<html lang>` (the stand-alone page only: an embedded app leaves its host page alone).
pub fn set_document_lang(tag: &str) {
    let html = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    if let Some(html) = html.filter(|h| h.get_attribute("lang").as_deref() != Some(tag)) {
        let _ = html.set_attribute("lang", tag);
    }
}

/// Sets the document's title (the stand-alone page only), when it changes: a new title costs
/// the browser a few milliseconds.
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()).filter(|d| d.title() != title) {
        document.set_title(title);
    }
}

/// Drops the document's selection. A text box keeps its selection after losing focus, and
/// Chromium sends text an IME commits there, focusing the box again: a tree row that takes
/// focus clears it, so a character typed on the row stays out of the notice.
pub fn clear_selection() {
    if let Some(selection) = window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
    }
}
