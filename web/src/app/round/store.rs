//! The round kept over a reload: a JSON array under `{key}:round`, through the same storage as
//! the single text (localStorage, IndexedDB when it is over localStorage's quota).
//!
//! `[{"name":"a.txt","text":"…"},{"name":"b.pdf","binary":4},{"name":"c.txt","not_utf8":0},
//!   {"name":"d.txt","too_large_mb":40},{"name":"e.txt","read_failed":true}]`

use std::rc::Rc;

use notice_outline::export::summary::Unreadable;
use serde_json::{json, Value};

use super::super::{big_text, browser};
use super::entry::{Content, Entry};

pub fn key(app_key: &str) -> String {
    format!("{app_key}:round")
}

pub fn to_json(entries: &[Entry]) -> String {
    let items: Vec<Value> = entries
        .iter()
        .map(|e| match &e.content {
            Content::Text(text) => json!({ "name": e.name, "text": &**text }),
            Content::Unreadable(Unreadable::Binary { offset }) => json!({ "name": e.name, "binary": offset }),
            Content::Unreadable(Unreadable::NotUtf8 { offset }) => json!({ "name": e.name, "not_utf8": offset }),
            Content::TooLarge(mb) => json!({ "name": e.name, "too_large_mb": mb }),
            Content::ReadFailed => json!({ "name": e.name, "read_failed": true }),
        })
        .collect();
    Value::Array(items).to_string()
}

/// The entries of a stored round; anything unrecognised is skipped, never a panic.
pub fn from_json(json: &str) -> Vec<Entry> {
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(json) else { return Vec::new() };
    let offset = |v: &Value| v.as_u64().map(|n| n as usize);
    items
        .iter()
        .filter_map(|item| {
            let name = item.get("name")?.as_str()?.to_string();
            let content = if let Some(text) = item.get("text").and_then(Value::as_str) {
                Content::Text(Rc::from(text))
            } else if let Some(offset) = item.get("binary").and_then(offset) {
                Content::Unreadable(Unreadable::Binary { offset })
            } else if let Some(offset) = item.get("not_utf8").and_then(offset) {
                Content::Unreadable(Unreadable::NotUtf8 { offset })
            } else if let Some(mb) = item.get("too_large_mb").and_then(Value::as_u64) {
                Content::TooLarge(mb as u32)
            } else if item.get("read_failed").is_some() {
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

// Plain logic: run natively by `cargo test --workspace`.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
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
