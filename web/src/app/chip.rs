//! The status chip of a problem: colour, an icon shape and the word, so status is never told by
//! colour alone.
//!
//! Plain functions, not components: the tree renders hundreds of them in one pass, and each
//! component would be a separate task for yew's scheduler (which yields to the browser between
//! tasks after 16 ms, turning one render into many frames).

use notice_outline::model::Status;
use yew::prelude::*;

use super::i18n::{Lang, Text};

pub fn status_class(status: Status) -> &'static str {
    match status {
        Status::Done => "done",
        Status::InProgress => "in-progress",
        Status::NotDone => "not-done",
        Status::Unknown => "unknown",
    }
}

pub fn chip(status: Status, lang: Lang) -> Html {
    let kind = status_class(status);
    html! {
        <span class={classes!("no-chip", format!("no-chip--{kind}"))} data-status={kind}>
            { status_icon(status) }
            { lang.status(status) }
        </span>
    }
}

/// A 12 px shape per status: tick, half-filled circle, cross, question mark.
pub fn status_icon(status: Status) -> Html {
    let shape = match status {
        Status::Done => {
            html! { <path d="M2.5 6.5 5 9l4.5-5.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" /> }
        }
        Status::InProgress => html! {
            <>
                <circle cx="6" cy="6" r="4.5" fill="none" stroke="currentColor" stroke-width="1.4" />
                <path d="M6 1.5a4.5 4.5 0 0 1 0 9z" fill="currentColor" />
            </>
        },
        Status::NotDone => {
            html! { <path d="m3 3 6 6m0-6-6 6" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" /> }
        }
        Status::Unknown => html! {
            <>
                <path d="M4.2 4.4a1.9 1.9 0 1 1 2.6 1.8c-.6.3-.8.7-.8 1.3" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" />
                <circle cx="6" cy="9.6" r=".9" fill="currentColor" />
            </>
        },
    };
    html! { <svg class="no-icon" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">{ shape }</svg> }
}
