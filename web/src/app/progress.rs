//! A stacked bar of problems by status, with the numbers written out beside it.
//! Widths are SVG attributes (not inline styles), which the strict CSP allows.

use notice_outline::export::fixed;
use notice_outline::model::{Progress, Status};
use yew::prelude::*;

use super::chip::status_class;
use super::i18n::{Lang, Text};

/// A plain function, not a component, for the same reason as [`super::chip::chip`].
pub fn progress_bar(p: Progress, lang: Lang) -> Html {
    let parts = [
        (Status::Done, p.done),
        (Status::InProgress, p.in_progress),
        (Status::NotDone, p.not_done),
        (Status::Unknown, p.unknown),
    ];
    let total = p.problems.max(p.done + p.in_progress + p.not_done + p.unknown);
    let mut x = 0.0;
    let rects = parts.iter().filter(|(_, n)| *n > 0 && total > 0).map(|&(status, n)| {
        let width = n as f64 * 100.0 / total as f64;
        let rect = html! {
            <rect class={format!("no-bar-seg no-bar-seg--{}", status_class(status))}
                x={fixed(x, 3)} width={fixed(width, 3)} />
        };
        x += width;
        rect
    });
    let numbers = parts.iter().filter(|(s, n)| *n > 0 || matches!(s, Status::Done)).map(|&(status, n)| {
        html! {
            <span class={format!("no-count no-count--{}", status_class(status))} data-status={status_class(status)} data-count={n.to_string()}>
                { format!("{} {n}", lang.status(status)) }
            </span>
        }
    });
    html! {
        <span class="no-progress" data-problems={p.problems.to_string()}>
            <svg class="no-progress__bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect class="no-bar-track" width="100" />
                { for rects }
            </svg>
            <span class="no-progress__numbers">
                { for numbers }
                <span class="no-count no-count--total">{ lang.count(p.problems, lang.s().problems) }</span>
            </span>
        </span>
    }
}
