//! The round kept over a reload: a JSON array under `{key}:round`, through the same storage as
//! the single text (localStorage, IndexedDB when it is over localStorage's quota).
//!
//! `[{"name":"a.txt","text":"…"},{"name":"b.pdf","binary":4},{"name":"c.txt","not_utf8":0},
//!   {"name":"d.txt","too_large_mb":40},{"name":"e.txt","read_failed":true}]`

use std::rc::Rc;

use notice_outline::export::summary::Unreadable;
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::super::{big_text, browser};
use super::entry::{Content, Entry};

pub fn key(app_key: &str) -> String {
    format!("{app_key}:round")
}

/// One stored entry as written: its name and exactly one of the content fields, through
/// serde-wasm-bindgen and the browser's `JSON` (no serde_json in the wasm).
#[derive(Serialize, Default)]
struct Item<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    binary: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    not_utf8: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    too_large_mb: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    read_failed: Option<bool>,
}

pub fn to_json(entries: &[Entry]) -> String {
    let items: Vec<Item> = entries
        .iter()
        .map(|e| {
            let item = Item { name: &e.name, ..Item::default() };
            match &e.content {
                Content::Text(text) => Item { text: Some(text), ..item },
                Content::Unreadable(Unreadable::Binary { offset }) => Item { binary: Some(*offset), ..item },
                Content::Unreadable(Unreadable::NotUtf8 { offset }) => Item { not_utf8: Some(*offset), ..item },
                Content::TooLarge(mb) => Item { too_large_mb: Some(*mb), ..item },
                Content::ReadFailed => Item { read_failed: Some(true), ..item },
            }
        })
        .collect();
    crate::api::to_plain_object(&items)
        .ok()
        .and_then(|array| js_sys::JSON::stringify(&array).ok())
        .map_or_else(|| "[]".to_string(), String::from)
}

/// The entries of a stored round; anything unrecognised is skipped, never a panic. Read field by
/// field (`Reflect.get`) rather than through serde: no deserializer in the wasm.
pub fn from_json(json: &str) -> Vec<Entry> {
    let Ok(array) = js_sys::JSON::parse(json) else { return Vec::new() };
    if !js_sys::Array::is_array(&array) {
        return Vec::new();
    }
    // `Reflect.get` throws on a non-object item (a number, `null`): then the item is skipped.
    let field = |item: &JsValue, name: &str| {
        js_sys::Reflect::get(item, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined())
    };
    let whole = |v: JsValue| v.as_f64().filter(|n| n.fract() == 0.0 && *n >= 0.0);
    js_sys::Array::from(&array)
        .iter()
        .filter_map(|item: JsValue| {
            let name = field(&item, "name")?.as_string()?;
            let content = if let Some(text) = field(&item, "text").and_then(|v| v.as_string()) {
                Content::Text(Rc::from(text))
            } else if let Some(offset) = field(&item, "binary").and_then(whole) {
                Content::Unreadable(Unreadable::Binary { offset: offset as usize })
            } else if let Some(offset) = field(&item, "not_utf8").and_then(whole) {
                Content::Unreadable(Unreadable::NotUtf8 { offset: offset as usize })
            } else if let Some(mb) = field(&item, "too_large_mb").and_then(whole) {
                Content::TooLarge(mb as u32)
            } else if field(&item, "read_failed").is_some() {
                Content::ReadFailed
            } else {
                return None;
            };
            Some(Entry::new(name, content))
        })
        .collect()
}

/// Reads the round under `key` and hands its entries to `done` (at once, or after IndexedDB).
pub fn load(key: &str, done: impl FnOnce(Vec<Entry>) + 'static) {
    if browser::is_in_indexed_db(key) {
        let key = key.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            let json = big_text::get(&key).await.ok().flatten().unwrap_or_default();
            done(from_json(&json));
        });
    } else {
        done(browser::load_text(key).map(|json| from_json(&json)).unwrap_or_default());
    }
}

pub fn save(key: &str, entries: &[Entry], on_failed: impl FnOnce() + 'static) {
    browser::save_text(key, &to_json(entries), on_failed);
}

// The browser's JSON does the work, so the test runs in the browser
// (`cargo test -p notice-outline-web --target wasm32-unknown-unknown`).
#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn a_round_survives_the_json_round_trip() {
        let entries = vec![
            Entry::from_bytes("a.txt".into(), "一、整改情况\n（一）学习不深入。\n整改情况：已完成整改。\n".as_bytes()),
            Entry::from_bytes("b.pdf".into(), b"%PDF\0"),
            Entry::from_bytes("c.txt".into(), b"\xd5\xfb"),
            Entry::new("d.txt".into(), Content::TooLarge(40)),
            Entry::new("e.txt".into(), Content::ReadFailed),
        ];
        assert_eq!(from_json(&to_json(&entries)), entries);
        assert_eq!(from_json("not json"), vec![]);
        assert_eq!(from_json(r#"[{"name":"x"},{"text":"y"},3]"#), vec![]);
    }
}
