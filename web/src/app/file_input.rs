//! Loading a notice from a file: a drop zone around the text box, a file picker button, and the
//! one reader both use (UTF-8 text only, up to [`super::i18n::MAX_FILE_MB`]).

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::hooks::{use_file_drop, FileDrop};
use super::state::{Action, Message};

/// Files bigger than this are not notices (and would not fit in localStorage anyway).
const MAX_FILE_BYTES: f64 = super::i18n::MAX_FILE_MB as f64 * 1024.0 * 1024.0;

#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    /// The zone's element (the editor scrolls it onto the screen).
    pub node_ref: NodeRef,
    pub class: Classes,
    /// Shown over the zone while a file is dragged over it.
    pub drop_label: &'static str,
    pub dispatch: Callback<Action>,
    pub children: Html,
}

/// Wraps its children; a file dropped on it is read and loaded. The drag-over highlight is
/// presentation only, so it stays local state.
#[function_component(DropZone)]
pub fn drop_zone(props: &DropZoneProps) -> Html {
    let drop = {
        let dispatch = props.dispatch.clone();
        use_file_drop(Callback::from(move |files: web_sys::FileList| {
            if let Some(file) = files.get(0) {
                read_file(file, dispatch.clone());
            }
        }))
    };
    let FileDrop { dragging, ondragover, ondragleave, ondrop } = drop;
    let class = classes!(props.class.clone(), dragging.then_some("no-textbox--drop"));
    html! {
        <div ref={props.node_ref.clone()} {class} {ondragover} {ondragleave} {ondrop}>
            { props.children.clone() }
            if dragging {
                <div class="no-dropzone" aria-hidden="true">{ props.drop_label }</div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    pub label: &'static str,
    pub dispatch: Callback<Action>,
}

/// A button that opens the system's file chooser (the `<input type=file>` itself is hidden).
#[function_component(FilePicker)]
pub fn file_picker(props: &FilePickerProps) -> Html {
    let input = use_node_ref();
    let on_open = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_chosen = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                if let Some(file) = input.files().and_then(|f| f.get(0)) {
                    read_file(file, dispatch.clone());
                }
                // Choosing the same file again must fire `change` again.
                input.set_value("");
            }
        })
    };
    html! {
        <>
            <button type="button" class="no-button" onclick={on_open}>{ props.label }</button>
            <input ref={input} type="file" class="no-visually-hidden" tabindex="-1" aria-hidden="true"
                accept=".txt,.text,text/plain" onchange={on_chosen} />
        </>
    }
}

fn is_text_file(file: &web_sys::File) -> bool {
    let name = file.name().to_ascii_lowercase();
    let mime = file.type_();
    mime.is_empty()
        || mime.starts_with("text/")
        || [".txt", ".text", ".md", ".csv"].iter().any(|ext| name.ends_with(ext))
}

/// Reads a dropped or chosen file as UTF-8 and loads it (or says why it cannot).
fn read_file(file: web_sys::File, dispatch: Callback<Action>) {
    if !is_text_file(&file) {
        dispatch.emit(Action::ShowMessage(Message::NotTextFile));
        return;
    }
    if file.size() > MAX_FILE_BYTES {
        let mb = (file.size() / (1024.0 * 1024.0)).ceil() as u32;
        dispatch.emit(Action::ShowMessage(Message::FileTooLarge(mb)));
        return;
    }
    let name = file.name();
    yew::platform::spawn_local(async move {
        let action = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                match decode_utf8(bytes) {
                    Some(text) => Action::LoadText { text: Rc::from(text), message: Some(Message::FileLoaded(name)) },
                    None => Action::ShowMessage(Message::NotUtf8),
                }
            }
            Err(_) => Action::ShowMessage(Message::FileReadFailed),
        };
        dispatch.emit(action);
    });
}

/// UTF-8 text without a leading byte-order mark; `None` if the bytes are not UTF-8.
pub fn decode_utf8(bytes: Vec<u8>) -> Option<String> {
    let text = String::from_utf8(bytes).ok()?;
    Some(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}
