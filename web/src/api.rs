//! The JS API that portals call (through `www/notice-outline.js`, which re-exports it):
//!
//! - `parse(text)` → the model as a plain JS object, the same shape as the CLI's JSON;
//! - `mount(element, options)` → a handle; `unmount(handle)` or `handle.unmount()`;
//! - `version()`, `schemaVersion()`.
//!
//! This module only converts between JS values and Rust types; parsing is the core crate's job
//! and rendering the app's (`crate::app::mount_app`).

use std::rc::Rc;

use js_sys::{Function, Reflect};
use notice_outline::model::Notice;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::app::{mount_app, AppHandle, AppOptions, Lang};

/// Parses the text of a notice and returns the model as a plain object (no Map, no BigInt),
/// so it can be passed to `JSON.stringify`, `structuredClone` or `postMessage` unchanged.
#[wasm_bindgen]
pub fn parse(text: &str) -> Result<JsValue, JsError> {
    notice_to_js(&notice_outline::parse(text))
}

/// The version of this build (the `notice-outline-web` crate).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The version of the model's JSON schema (`model::SCHEMA_VERSION`), e.g. `"1.0"`.
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> String {
    notice_outline::SCHEMA_VERSION.to_string()
}

/// The model as JS sees it everywhere (`parse()`, `onChange`): a plain object made by
/// serde-wasm-bindgen's JSON-compatible serializer — maps as objects, `None` as `null`, so the
/// same shape as the CLI's JSON. Measured against JSON text + `JSON.parse` (README, "Packages"):
/// faster for the notices people paste (20 KB) and at 1 MB, by medians on a loaded machine.
pub fn notice_to_js(notice: &Notice) -> Result<JsValue, JsError> {
    to_plain_object(notice)
}

/// The model as pretty JSON text (the page's JSON copy and download): `JSON.stringify(object,
/// null, 2)` of [`notice_to_js`]'s object — the CLI's `--format json` shape and indentation, without
/// serde_json in the wasm (measured in the README, "Download size"). One difference in the text,
/// not the value: a whole-number rate prints as `100`, where serde_json writes `100.0`.
pub fn notice_to_json(notice: &Notice) -> String {
    let text = notice_to_js(notice).ok().and_then(|object| {
        js_sys::JSON::stringify_with_replacer_and_space(&object, &JsValue::NULL, &JsValue::from(2)).ok()
    });
    text.map(String::from).unwrap_or_else(|| "{\"error\":\"could not convert the model\"}".to_string())
}

/// The other way across the boundary, kept for the measurement: the CLI's JSON text, read by
/// `JSON.parse`.
#[cfg(feature = "boundary-bench")]
fn notice_to_js_via_json(notice: &Notice) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(notice)
        .map_err(|e| JsError::new(&format!("notice-outline: could not convert the model: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("notice-outline: could not read the model's JSON"))
}

/// A value as a plain JS object, made by serde-wasm-bindgen's JSON-compatible serializer (maps
/// as objects, `None` as `null`, integers as numbers).
pub fn to_plain_object<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("notice-outline: could not convert the model: {e}")))
}

/// The boundary measurement (README, "Packages"): parses `text` once, then converts the model
/// `runs` times each way. Returns `[parse ms, object via serde-wasm-bindgen ms, JSON text +
/// JSON.parse ms]`, each the mean of `runs`.
#[cfg(feature = "boundary-bench")]
#[wasm_bindgen(js_name = benchBoundary)]
pub fn bench_boundary(text: &str, runs: u32) -> Result<Vec<f64>, JsError> {
    let runs = runs.max(1);
    let t0 = js_sys::Date::now();
    let mut notice = notice_outline::parse(text);
    for _ in 1..runs {
        notice = notice_outline::parse(text);
    }
    let t1 = js_sys::Date::now();
    for _ in 0..runs {
        std::hint::black_box(to_plain_object(&notice)?);
    }
    let t2 = js_sys::Date::now();
    for _ in 0..runs {
        std::hint::black_box(notice_to_js_via_json(&notice)?);
    }
    let t3 = js_sys::Date::now();
    let n = f64::from(runs);
    Ok(vec![(t1 - t0) / n, (t2 - t1) / n, (t3 - t2) / n])
}

/// A mounted outline. Dropping the JS object (`handle.free()`) without `unmount()` leaves the
/// app rendered; `unmount()` removes it and is safe to call twice.
#[wasm_bindgen]
pub struct OutlineHandle {
    app: Option<AppHandle>,
}

#[wasm_bindgen]
impl OutlineHandle {
    /// Replaces the text and re-parses it (`onChange` fires with the new model).
    #[wasm_bindgen(js_name = setText)]
    pub fn set_text(&self, text: String) {
        if let Some(app) = &self.app {
            app.set_text(text);
        }
    }

    /// Removes the app from its element.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.unmount();
        }
    }

    /// `false` once `unmount()` has been called.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.app.is_some()
    }
}

/// Renders the outline app inside `element` (no shadow root is added here: the custom element
/// in `notice-outline.js` makes one and mounts into it).
///
/// `options` (all optional): `{ text, readonly, lang: "zh" | "en", collapseDepth, storageKey,
/// sampleIfEmpty, stylesheetHref, onChange(model) }`.
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<OutlineHandle, JsError> {
    let root: Element =
        element.dyn_into().map_err(|_| JsError::new("notice-outline: mount(element, options) needs a DOM element"))?;
    let options = MountOptions::read(&options)?;
    let app = mount_app(root, options.into_app_options());
    Ok(OutlineHandle { app: Some(app) })
}

/// Same as `handle.unmount()`.
#[wasm_bindgen]
pub fn unmount(handle: &mut OutlineHandle) {
    handle.unmount();
}

/// The options object as read from JS, before it becomes the app's options.
struct MountOptions {
    text: Option<String>,
    readonly: bool,
    lang: Lang,
    collapse_depth: Option<u32>,
    storage_key: Option<String>,
    sample_if_empty: bool,
    stylesheet_href: Option<String>,
    on_change: Option<Function>,
}

impl MountOptions {
    fn read(options: &JsValue) -> Result<Self, JsError> {
        if !(options.is_undefined() || options.is_null() || options.is_object()) {
            return Err(JsError::new("notice-outline: mount options must be an object"));
        }
        let on_change = match field(options, "onChange") {
            value if value.is_undefined() || value.is_null() => None,
            value => Some(
                value
                    .dyn_into::<Function>()
                    .map_err(|_| JsError::new("notice-outline: options.onChange must be a function"))?,
            ),
        };
        Ok(MountOptions {
            text: field(options, "text").as_string(),
            readonly: field(options, "readonly").is_truthy(),
            lang: lang_from(field(options, "lang").as_string().as_deref()),
            collapse_depth: depth_from(&field(options, "collapseDepth")),
            storage_key: field(options, "storageKey").as_string().filter(|key| !key.is_empty()),
            sample_if_empty: field(options, "sampleIfEmpty").is_truthy(),
            stylesheet_href: field(options, "stylesheetHref").as_string().filter(|href| !href.is_empty()),
            on_change,
        })
    }

    fn into_app_options(self) -> AppOptions {
        AppOptions {
            readonly: self.readonly,
            lang: self.lang,
            collapse_depth: self.collapse_depth,
            text: self.text,
            storage_key: self.storage_key,
            sample_if_empty: self.sample_if_empty,
            on_change: self.on_change.map(model_callback),
            stylesheet_href: self.stylesheet_href,
            owns_page: false,
        }
    }
}

/// Wraps a JS `onChange(model)` so the app can call it with each new parse result.
fn model_callback(on_change: Function) -> yew::Callback<Rc<Notice>> {
    yew::Callback::from(move |notice: Rc<Notice>| {
        // The app's placeholder before its first parse is `Notice::default()` (no schema
        // version); portals are promised one event per parse, so it is not passed on.
        if notice.schema_version.is_empty() {
            return;
        }
        emit_model(&on_change, &notice);
    })
}

fn emit_model(on_change: &Function, notice: &Notice) {
    match notice_to_js(notice) {
        Ok(model) => {
            // A throwing listener is the host page's bug; it must not break the outline.
            if let Err(error) = on_change.call1(&JsValue::NULL, &model) {
                web_sys::console::error_2(&"notice-outline: onChange threw".into(), &error);
            }
        }
        Err(error) => web_sys::console::error_1(&JsValue::from(error)),
    }
}

/// Reads `options[key]`; a missing key, a non-object or a throwing getter all give `undefined`.
fn field(options: &JsValue, key: &str) -> JsValue {
    if !options.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `"en"`, `"en-GB"`, `"EN"` → English; anything else → Chinese (the core's one tag parser).
fn lang_from(lang: Option<&str>) -> Lang {
    lang.map_or(Lang::Zh, Lang::from_tag)
}

/// A non-negative whole number (given as a number or a numeric string, as attributes are).
fn depth_from(value: &JsValue) -> Option<u32> {
    // (Strings are read as integers: `str::parse::<f64>` would add its tables to the wasm.)
    let depth = value.as_f64().or_else(|| value.as_string()?.trim().parse::<u32>().ok().map(f64::from))?;
    (depth.is_finite() && depth >= 0.0).then(|| depth.min(u32::MAX as f64) as u32)
}
