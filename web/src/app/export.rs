//! Export the parsed notice: JSON to the clipboard, JSON / Markdown / CSV ledger as files, print.
//! The renderings are the CLI's (`notice_outline::export`), so page and CLI agree byte for byte;
//! JSON is `JSON.stringify` of the object JS gets (`api::notice_to_json`), the CLI's shape.

use notice_outline::export::{to_csv, to_markdown};
use yew::prelude::*;

use super::browser;
use super::i18n::{Lang, Text};
use super::state::{Message, NoticeRef, TextRef};
use crate::api::notice_to_json as to_json;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub lang: Lang,
    pub notice: NoticeRef,
    /// The text `notice` was parsed from (the CSV ledger gives line numbers).
    pub text: TextRef,
    pub on_message: Callback<Message>,
}

/// A file name from the notice's inspected unit (or a generic one), safe on every OS.
pub fn file_stem(notice: &notice_outline::Notice) -> String {
    let base = notice.meta.inspected_unit.as_deref().or(notice.meta.issuer.as_deref()).unwrap_or("notice");
    let clean: String = base
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control())
        .take(40)
        .collect();
    let clean = clean.trim();
    if clean.is_empty() {
        "notice-outline".to_string()
    } else {
        format!("{clean}-outline")
    }
}

#[function_component(Export)]
pub fn export(props: &ExportProps) -> Html {
    let s = props.lang.s();
    let on_copy = {
        let notice = props.notice.clone();
        let on_message = props.on_message.clone();
        Callback::from(move |_: MouseEvent| {
            let on_message = on_message.clone();
            browser::copy_text(to_json(&notice.0), move |ok| {
                on_message.emit(if ok { Message::Copied } else { Message::CopyFailed })
            });
        })
    };
    let download = |ext: &'static str, mime: &'static str, render: fn(&notice_outline::Notice, &str) -> String| {
        let notice = props.notice.clone();
        let text = props.text.clone();
        let on_message = props.on_message.clone();
        Callback::from(move |_: MouseEvent| {
            let content = render(&notice.0, &text.0);
            let name = format!("{}.{ext}", file_stem(&notice.0));
            if browser::download(&name, mime, &content) {
                on_message.emit(Message::Downloaded);
            }
        })
    };
    html! {
        <section class="no-card no-export" aria-label={s.export_region}>
            <h2 class="no-card__title">{ s.export_region }</h2>
            <div class="no-export__buttons">
                <button type="button" class="no-button" onclick={on_copy}>{ s.copy_json }</button>
                <button type="button" class="no-button" onclick={download("json", "application/json", |n, _| to_json(n))}>{ s.download_json }</button>
                <button type="button" class="no-button" onclick={download("md", "text/markdown;charset=utf-8", |n, _| to_markdown(n))}>{ s.download_markdown }</button>
                <button type="button" class="no-button" onclick={download("csv", "text/csv;charset=utf-8", to_csv)}>{ s.download_csv }</button>
                <button type="button" class="no-button" onclick={|_: MouseEvent| browser::print()}>{ s.print }</button>
            </div>
        </section>
    }
}
