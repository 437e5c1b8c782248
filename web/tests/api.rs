//! The JS API's `parse` as JavaScript sees it (runs in Node through wasm-bindgen-test-runner):
//!
//!   CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!     cargo test -p notice-outline-web --target wasm32-unknown-unknown --test api
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use notice_outline_web::api;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

// 𠀾 and 🙂 are outside the BMP: two UTF-16 units, four UTF-8 bytes, one char each.
const NOTICE: &str = "关于𠀾巡察整改进展情况的通报🙂\n\
巡察反馈的1个方面2个问题，已完成整改1个，正在整改1个。\n\
一、巡察反馈问题整改落实情况\n\
（一）关于落实主体责任方面\n\
1.议事规则执行不严格。\n\
整改情况：一是修订议事规则；二是建立纪要审核制度。该问题已完成整改。\n\
2.干部培训不系统。\n\
整改情况：正在推进整改。\n";

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn number(value: &JsValue, key: &str) -> u32 {
    get(value, key).as_f64().unwrap_or_else(|| panic!("{key} is a number")) as u32
}

fn parse(text: &str) -> JsValue {
    api::parse(text).map_err(JsValue::from).expect("parse returns a value")
}

/// Every node, depth first.
fn nodes(list: &JsValue, out: &mut Vec<JsValue>) {
    for node in list.dyn_ref::<Array>().expect("an array").iter() {
        out.push(node.clone());
        nodes(&get(&node, "children"), out);
    }
}

#[wasm_bindgen_test]
fn parse_returns_a_plain_object_with_the_schema_version() {
    let model = parse(NOTICE);
    assert_eq!(Object::get_prototype_of(&model), Object::get_prototype_of(&Object::new().into()));
    assert_eq!(get(&model, "schema_version").as_string().as_deref(), Some(notice_outline::SCHEMA_VERSION));
    assert_eq!(api::schema_version(), notice_outline::SCHEMA_VERSION);
    for key in ["meta", "stated", "counts"] {
        assert!(get(&model, key).is_object(), "{key} is an object");
    }
    assert!(Array::is_array(&get(&model, "outline")));
    assert!(Array::is_array(&get(&model, "checks")));
    // Maps become objects (not `Map`), absent values `null` (not `undefined`), as in the JSON.
    assert!(!get(&get(&model, "meta"), "spans").is_instance_of::<js_sys::Map>());
    assert!(get(&get(&model, "meta"), "address").is_null());
}

#[wasm_bindgen_test]
fn utf16_spans_slice_the_js_string_to_each_label_and_heading() {
    let model = parse(NOTICE);
    let mut all = Vec::new();
    nodes(&get(&model, "outline"), &mut all);
    assert_eq!(all.len() as u32, number(&get(&model, "counts"), "nodes"));
    assert!(all.len() >= 4, "the notice has an outline ({} nodes)", all.len());
    let text = JsString::from(NOTICE);
    for node in &all {
        for (field, span) in [("label", "label_span"), ("heading", "heading_span")] {
            let span = get(node, span);
            let (start, end) = (number(&span, "start_utf16"), number(&span, "end_utf16"));
            assert_eq!(String::from(text.slice(start, end)), get(node, field).as_string().unwrap(), "{field}");
            let (start, end) = (number(&span, "start") as usize, number(&span, "end") as usize);
            assert_eq!(&NOTICE[start..end], get(node, field).as_string().unwrap(), "{field} (bytes)");
        }
    }
}

/// JS has one number type: `75.0` from Rust is `75` once it has been through JS.
fn numbers_as_f64(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Number(n) => serde_json::json!(n.as_f64().unwrap()),
        Value::Array(items) => Value::Array(items.into_iter().map(numbers_as_f64).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, numbers_as_f64(v))).collect()),
        other => other,
    }
}

#[wasm_bindgen_test]
fn parse_agrees_with_the_core_model() {
    let from_js = parse(NOTICE);
    let core = serde_json::to_value(notice_outline::parse(NOTICE)).unwrap();
    let js = String::from(js_sys::JSON::stringify(&from_js).unwrap());
    let reparsed: serde_json::Value = serde_json::from_str(&js).unwrap();
    assert_eq!(numbers_as_f64(reparsed), numbers_as_f64(core));
}

#[wasm_bindgen_test]
fn parse_accepts_any_text() {
    for text in ["", "\u{feff}", "\0\u{fffd}", "一、", "（", &"一、".repeat(2000)] {
        let model = parse(text);
        assert!(get(&model, "outline").is_object());
    }
}
