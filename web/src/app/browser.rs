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

/// Keeps the text under `key`; `false` if the browser refused it (over quota). Then the key is
/// emptied, so a reload does not bring back an older text, and a marker says why.
pub fn save_text(key: &str, text: &str) -> bool {
    let Some(storage) = storage() else { return true };
    let marker = unsaved_marker(key);
    if storage.set_item(key, text).is_ok() {
        let _ = storage.remove_item(&marker);
        return true;
    }
    web_sys::console::warn_1(&"notice-outline: the text is too large to keep in localStorage".into());
    let _ = storage.set_item(key, "");
    let _ = storage.set_item(&marker, "1");
    false
}

/// Whether the last text stored under `key` could not be kept.
pub fn was_unsaved(key: &str) -> bool {
    storage().and_then(|s| s.get_item(&unsaved_marker(key)).ok().flatten()).is_some()
}

fn unsaved_marker(key: &str) -> String {
    format!("{key}:unsaved")
}

/// A Performance API mark, so benchmarks can time paste → parse → render.
pub fn perf_mark(name: &str) {
    if let Some(perf) = window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
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

/// Whether any part of `element` is inside the viewport.
pub fn is_on_screen(element: &Element) -> bool {
    let rect = element.get_bounding_client_rect();
    let height = window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(0.0);
    rect.bottom() > 0.0 && rect.top() < height
}

pub fn focus(element: &Element) {
    if let Some(el) = element.dyn_ref::<HtmlElement>() {
        let _ = el.focus();
    }
}
