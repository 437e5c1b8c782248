//! The status chip of a problem: colour, an icon shape (drawn by the stylesheet) and the word, so status is never told by
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
            { lang.status(status) }
        </span>
    }
}
