//! The browser side of notice-outline: the yew app, the custom element's mount API and the JS API.
//! All parsing is done by the `notice-outline` core crate; this crate only renders and wires.

pub mod api;
pub mod app;
pub mod panic;

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

thread_local! {
    /// The page's app; kept so it is never dropped mid-session.
    static PAGE: RefCell<Option<app::AppHandle>> = const { RefCell::new(None) };
}

/// Where the page keeps the pasted text between visits.
pub const PAGE_STORAGE_KEY: &str = "notice-outline:text";

/// Boots the stand-alone page (`www/index.html`): mounts the app into `#app`, keeps the text in
/// localStorage and opens with the sample notice on a first visit. Not `#[wasm_bindgen(start)]`,
/// because the embed build loads the same wasm and mounts through `api::mount` instead.
#[wasm_bindgen(js_name = startPage)]
pub fn start_page() -> Result<(), JsError> {
    let window = web_sys::window().ok_or_else(|| JsError::new("notice-outline: no window"))?;
    let document = window.document().ok_or_else(|| JsError::new("notice-outline: no document"))?;
    let root = document
        .get_element_by_id("app")
        .ok_or_else(|| JsError::new("notice-outline: the page has no #app element"))?;
    let search = window.location().search().unwrap_or_default();
    // `?lang=en` (or `en-GB` …) opens the page in English.
    let lang = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .map_or(app::Lang::Zh, app::Lang::from_tag);
    let options = app::AppOptions {
        lang,
        storage_key: Some(PAGE_STORAGE_KEY.to_string()),
        sample_if_empty: true,
        owns_page: true,
        ..Default::default()
    };
    let handle = app::mount_app(root, options);
    PAGE.with(|p| {
        if let Some(old) = p.borrow_mut().replace(handle) {
            old.unmount();
        }
    });
    Ok(())
}
