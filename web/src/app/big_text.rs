//! Keeping a text that localStorage refuses: IndexedDB, whose quota is a share of the disk
//! rather than about 5 million characters.
//!
//! localStorage is synchronous, so the app reads it while it mounts and a reload shows the text
//! at once; it is tried first. A text over its quota (more than about 15 MB of Chinese) goes to
//! IndexedDB (database `notice-outline`, store `texts`, under the same key), and localStorage
//! keeps an empty text plus a marker saying where the real one is (see `browser::save_text`).
//! After a reload the app opens empty and brings the text back from here a moment later.

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "notice-outline";
const STORE: &str = "texts";

/// Writes `text` under `key`; resolves once the transaction is committed.
pub async fn put(key: &str, text: &str) -> Result<(), JsValue> {
    write(|store| store.put_with_key(&JsValue::from_str(text), &JsValue::from_str(key))).await
}

/// The text stored under `key`, if any.
pub async fn get(key: &str) -> Result<Option<String>, JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str(STORE)?;
    let request = tx.object_store(STORE)?.get(&JsValue::from_str(key))?;
    let value = succeeded(&request).await;
    db.close();
    Ok(value?.as_string())
}

/// Forgets the text under `key` (it fits in localStorage again).
pub async fn delete(key: &str) -> Result<(), JsValue> {
    write(|store| store.delete(&JsValue::from_str(key))).await
}

/// Runs `change` on the store in a read-write transaction; resolves once it is committed.
async fn write(change: impl FnOnce(&IdbObjectStore) -> Result<IdbRequest, JsValue>) -> Result<(), JsValue> {
    let db = open().await?;
    let done = async {
        let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
        change(&tx.object_store(STORE)?)?;
        committed(&tx).await
    }
    .await;
    db.close();
    done
}

/// Opens the database, creating its one store the first time.
async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .indexed_db()?
        .ok_or_else(|| JsValue::from_str("IndexedDB is not available"))?;
    let request = factory.open_with_u32(DATABASE, 1)?;
    let on_upgrade = Closure::<dyn FnMut(web_sys::Event)>::new({
        let request = request.clone();
        move |_| {
            if let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let result = succeeded(&request).await;
    request.set_onupgradeneeded(None);
    drop(on_upgrade);
    result?.dyn_into::<IdbDatabase>()
}

/// The request's result once it succeeds; its error if it fails.
async fn succeeded(request: &IdbRequest) -> Result<JsValue, JsValue> {
    // The handlers live until the request settles, then are dropped (not leaked).
    let mut handlers = None;
    let promise = Promise::new(&mut |resolve, reject| {
        let on_success = Closure::<dyn FnMut(web_sys::Event)>::new({
            let request = request.clone();
            move |_| {
                let _ = resolve.call1(&JsValue::NULL, &request.result().unwrap_or(JsValue::UNDEFINED));
            }
        });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new({
            let request = request.clone();
            move |_| {
                let error =
                    request.error().ok().flatten().map_or(JsValue::from_str("IndexedDB request failed"), JsValue::from);
                let _ = reject.call1(&JsValue::NULL, &error);
            }
        });
        request.set_onsuccess(Some(on_success.as_ref().unchecked_ref()));
        request.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        handlers = Some((on_success, on_error));
    });
    let result = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    drop(handlers);
    result
}

/// Resolves when `tx` commits; fails if it errors or aborts (quota exceeded, private mode).
async fn committed(tx: &IdbTransaction) -> Result<(), JsValue> {
    let mut handlers = None;
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let on_fail = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("IndexedDB transaction failed"));
        });
        tx.set_oncomplete(Some(on_complete.as_ref().unchecked_ref()));
        tx.set_onerror(Some(on_fail.as_ref().unchecked_ref()));
        tx.set_onabort(Some(on_fail.as_ref().unchecked_ref()));
        handlers = Some((on_complete, on_fail));
    });
    let result = JsFuture::from(promise).await.map(drop);
    tx.set_oncomplete(None);
    tx.set_onerror(None);
    tx.set_onabort(None);
    drop(handlers);
    result
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    async fn keeps_returns_and_forgets_a_text() {
        let key = "notice-outline:test:big-text";
        // 1.8 MB: bigger than a test wants in localStorage, small for IndexedDB.
        let text = "一、整改落实情况\n".repeat(70_000);
        put(key, &text).await.expect("put");
        assert_eq!(get(key).await.expect("get").as_deref(), Some(text.as_str()));
        put(key, "第二次").await.expect("put again");
        assert_eq!(get(key).await.expect("get again").as_deref(), Some("第二次"));
        delete(key).await.expect("delete");
        assert_eq!(get(key).await.expect("get after delete"), None);
    }
}
