//! The round kept over a reload: a JSON array under `{key}:round`, through the same storage as
//! the single text (localStorage, IndexedDB when it is over localStorage's quota).
//!
//! `[{"name":"a.txt","text":"…"},{"name":"b.pdf","binary":4},{"name":"c.txt","not_utf8":0},
//!   {"name":"d.txt","too_large_mb":40},{"name":"e.txt","read_failed":true}]`

use std::rc::Rc;

use notice_outline::export::summary::Unreadable;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use super::super::{big_text, browser};
use super::entry::{Content, Entry};

pub fn key(app_key: &str) -> String {
    format!("{app_key}:round")
}

/// One stored entry: its name and exactly one of the content fields. Written and read through
/// serde-wasm-bindgen and the browser's `JSON` (no serde_json in the wasm). `Cow` so writing
/// borrows the texts; reading owns them.
#[derive(Serialize, Deserialize, Default)]
struct Item<'a> {
    name: std::borrow::Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    text: Option<std::borrow::Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    binary: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    not_utf8: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    too_large_mb: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    read_failed: Option<bool>,
}

pub fn to_json(entries: &[Entry]) -> String {
    let items: Vec<Item> = entries
        .iter()
        .map(|e| {
            let item = Item { name: e.name.as_str().into(), ..Item::default() };
            match &e.content {
                Content::Text(text) => Item { text: Some((&**text).into()), ..item },
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

/// The entries of a stored round; anything unrecognised is skipped, never a panic.
pub fn from_json(json: &str) -> Vec<Entry> {
    let Ok(array) = js_sys::JSON::parse(json) else { return Vec::new() };
    if !js_sys::Array::is_array(&array) {
        return Vec::new();
    }
    js_sys::Array::from(&array)
        .iter()
        .filter_map(|value: JsValue| {
            let item: Item<'static> = serde_wasm_bindgen::from_value(value).ok()?;
            let content = if let Some(text) = item.text {
                Content::Text(Rc::from(&*text))
            } else if let Some(offset) = item.binary {
                Content::Unreadable(Unreadable::Binary { offset })
            } else if let Some(offset) = item.not_utf8 {
                Content::Unreadable(Unreadable::NotUtf8 { offset })
            } else if let Some(mb) = item.too_large_mb {
                Content::TooLarge(mb)
            } else if item.read_failed.is_some() {
                Content::ReadFailed
            } else {
                return None;
            };
            Some(Entry::new(item.name.into_owned(), content))
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
