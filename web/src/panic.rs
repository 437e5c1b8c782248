//! What the user sees if the app ever panics.
//!
//! A panic in wasm kills the app (the release profile aborts): every later event handler traps.
//! The hook installed here runs before that, and makes the failure plain and harmless:
//! - logs the panic message to the console (`console.error`), for bug reports;
//! - saves what is in the app's text box to localStorage under the app's storage key (the app
//!   saves after each parse, so the text that made the parser fail would otherwise be lost);
//!   it only ever writes a non-empty text, it never clears what is stored;
//! - shows a plain message at the top of every app on the page, saying whether the text is safe.
//!
//! `install` once (any number of calls is fine), then `watch` each mounted app's root:
//! ```ignore
//! notice_outline_web::panic::install();
//! notice_outline_web::panic::watch(&root, options.storage_key.as_deref());
//! // … on unmount:
//! notice_outline_web::panic::unwatch(&root);
//! ```

use std::cell::{Cell, RefCell};
use std::sync::Once;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlTextAreaElement};

/// Class of the message element (styled by the page's and the element's stylesheets; it is
/// readable unstyled too).
pub const MESSAGE_CLASS: &str = "notice-outline-panic";
/// Attribute set on a watched root once the app in it has failed (tests and host pages can
/// look for it).
pub const FAILED_ATTRIBUTE: &str = "data-notice-outline-failed";

struct Watched {
    root: Element,
    storage_key: Option<String>,
}

thread_local! {
    static WATCHED: RefCell<Vec<Watched>> = const { RefCell::new(Vec::new()) };
    /// Set while the hook runs: a panic inside the hook must not run the hook again.
    static REPORTING: Cell<bool> = const { Cell::new(false) };
}

/// Installs the panic hook. Idempotent.
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            if REPORTING.with(|r| r.replace(true)) {
                return;
            }
            report(&info.to_string());
            REPORTING.with(|r| r.set(false));
        }));
    });
}

/// Registers a mounted app: its root gets the message, and the text of the `<textarea>` inside
/// it is saved under `storage_key` (if any) when a panic happens.
pub fn watch(root: &Element, storage_key: Option<&str>) {
    let storage_key = storage_key.filter(|k| !k.is_empty()).map(str::to_string);
    WATCHED.with(|w| {
        let Ok(mut watched) = w.try_borrow_mut() else { return };
        watched.retain(|x| x.root != *root);
        watched.push(Watched { root: root.clone(), storage_key });
    });
}

/// Forgets an unmounted app.
pub fn unwatch(root: &Element) {
    WATCHED.with(|w| {
        if let Ok(mut watched) = w.try_borrow_mut() {
            watched.retain(|x| x.root != *root);
        }
    });
}

/// Where the user's text stands after a failure; decides which message is honest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextState {
    /// The text is in localStorage: a reload brings it back.
    Saved,
    /// Not stored (no storage key, storage blocked or full), but still in the text box.
    InTextBox,
    /// Nothing to keep (no text box or an empty one).
    Nothing,
}

/// The message shown in the app, Chinese first, then English.
pub fn message(state: TextState) -> &'static str {
    match state {
        TextState::Saved => {
            "出错了，您的文本已保存在本浏览器中，刷新页面即可继续。\
             Something went wrong. Your text is saved in this browser: reload the page to continue."
        }
        TextState::InTextBox => {
            "出错了。您的文本仍在输入框中，请先复制保存，再刷新页面。\
             Something went wrong. Your text is still in the text box: copy it before you reload the page."
        }
        TextState::Nothing => "出错了，请刷新页面。Something went wrong: please reload the page.",
    }
}

/// Everything the hook does, apart from being a hook (so tests can run it without panicking).
pub fn report(panic_message: &str) {
    web_sys::console::error_1(&format!("notice-outline failed: {panic_message}").into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    // Take the list out: nothing below may re-enter `watch` while it is borrowed.
    let watched: Vec<(Element, Option<String>)> = WATCHED.with(|w| match w.try_borrow() {
        Ok(list) => list.iter().map(|x| (x.root.clone(), x.storage_key.clone())).collect(),
        Err(_) => Vec::new(),
    });
    let targets = if watched.is_empty() {
        // Not mounted through `watch`: still tell the user, at the top of the page.
        document.body().map(|b| vec![(Element::from(b), None)]).unwrap_or_default()
    } else {
        watched
    };
    for (root, key) in targets {
        let state = keep_text(&root, key.as_deref());
        show_message(&document, &root, state);
    }
}

/// Saves the text box's text under `key` (never an empty text, never a removal).
fn keep_text(root: &Element, key: Option<&str>) -> TextState {
    let text = root
        .query_selector("textarea")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
        .map(|t| t.value())
        .filter(|t| !t.is_empty());
    let storage = key.and(web_sys::window()).and_then(|w| w.local_storage().ok().flatten());
    let (Some(key), Some(storage)) = (key, storage) else {
        return if text.is_some() { TextState::InTextBox } else { TextState::Nothing };
    };
    match text {
        Some(text) => {
            let already = storage.get_item(key).ok().flatten().is_some_and(|s| s == text);
            if already || storage.set_item(key, &text).is_ok() {
                TextState::Saved
            } else {
                TextState::InTextBox
            }
        }
        None => match storage.get_item(key).ok().flatten() {
            Some(stored) if !stored.is_empty() => TextState::Saved,
            _ => TextState::Nothing,
        },
    }
}

fn show_message(document: &web_sys::Document, root: &Element, state: TextState) {
    let _ = root.set_attribute(FAILED_ATTRIBUTE, "");
    let existing = root.query_selector(&format!(".{MESSAGE_CLASS}")).ok().flatten();
    let element = match existing {
        Some(element) => element,
        None => {
            let Ok(element) = document.create_element("div") else { return };
            element.set_class_name(MESSAGE_CLASS);
            let _ = element.set_attribute("role", "alert");
            if root.prepend_with_node_1(&element).is_err() {
                return;
            }
            element
        }
    };
    // Text, never HTML.
    element.set_text_content(Some(message(state)));
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    fn document() -> web_sys::Document {
        web_sys::window().unwrap().document().unwrap()
    }

    fn storage() -> web_sys::Storage {
        web_sys::window().unwrap().local_storage().unwrap().unwrap()
    }

    /// An app root with a text box holding `text`, attached to the page.
    fn root_with_text(text: &str) -> Element {
        let root = document().create_element("div").unwrap();
        let textarea: HtmlTextAreaElement = document().create_element("textarea").unwrap().dyn_into().unwrap();
        textarea.set_value(text);
        root.append_child(&textarea).unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        root
    }

    fn shown(root: &Element) -> Option<String> {
        root.query_selector(&format!(".{MESSAGE_CLASS}")).unwrap().and_then(|e| e.text_content())
    }

    #[wasm_bindgen_test]
    fn saves_the_text_and_says_so() {
        let key = "notice-outline:test-panic-save";
        storage().remove_item(key).unwrap();
        let root = root_with_text("一、<b>未保存</b>的文本");
        watch(&root, Some(key));
        report("test panic");
        unwatch(&root);
        assert_eq!(storage().get_item(key).unwrap().as_deref(), Some("一、<b>未保存</b>的文本"));
        assert_eq!(shown(&root).as_deref(), Some(message(TextState::Saved)));
        assert!(root.has_attribute(FAILED_ATTRIBUTE));
        let textarea: HtmlTextAreaElement = root.query_selector("textarea").unwrap().unwrap().dyn_into().unwrap();
        assert_eq!(textarea.value(), "一、<b>未保存</b>的文本", "the text box keeps the text");
        assert!(root.query_selector("b").unwrap().is_none(), "the text is never parsed as HTML");
        root.remove();
    }

    #[wasm_bindgen_test]
    fn never_clears_stored_text() {
        let key = "notice-outline:test-panic-keep";
        storage().set_item(key, "之前保存的文本").unwrap();
        let root = root_with_text("");
        watch(&root, Some(key));
        report("test panic");
        unwatch(&root);
        assert_eq!(storage().get_item(key).unwrap().as_deref(), Some("之前保存的文本"));
        assert_eq!(shown(&root).as_deref(), Some(message(TextState::Saved)));
        storage().remove_item(key).unwrap();
        root.remove();
    }

    #[wasm_bindgen_test]
    fn without_storage_points_at_the_text_box_once() {
        let root = root_with_text("一、文本");
        watch(&root, None);
        report("first");
        report("second");
        unwatch(&root);
        assert_eq!(shown(&root).as_deref(), Some(message(TextState::InTextBox)));
        assert_eq!(root.query_selector_all(&format!(".{MESSAGE_CLASS}")).unwrap().length(), 1);
        root.remove();
    }
}
