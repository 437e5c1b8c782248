//! Overall progress: a ring of the problems by status, the notice's stated figures beside the
//! figures derived from the outline, and every check where they disagree.

use notice_outline::export::fixed;
use std::f64::consts::PI;

use notice_outline::model::{Check, Notice, Severity, Span, Status};
use yew::prelude::*;

use super::chip::{status_class, status_icon};
use super::i18n::Lang;
use super::state::NoticeRef;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub lang: Lang,
    pub notice: NoticeRef,
    pub readonly: bool,
    pub on_highlight: Callback<Span>,
}

#[function_component(Summary)]
pub fn summary(props: &SummaryProps) -> Html {
    let notice = &*props.notice.0;
    let lang = props.lang;
    let s = lang.s();
    let ring = RingData::of(notice);
    html! {
        <section class="no-card no-summary" aria-label={s.summary_region}>
            <h2 class="no-card__title">{ s.summary_region }</h2>
            <div class="no-summary__top">
                <Ring data={ring} lang={lang} />
                <FiguresTable notice={props.notice.clone()} lang={lang} />
            </div>
            <Checks notice={props.notice.clone()} lang={lang} readonly={props.readonly} on_highlight={props.on_highlight.clone()} />
        </section>
    }
}

/// The ring's figures: the notice's own statement when it gives the total, else the outline's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RingData {
    pub stated: bool,
    pub total: u32,
    pub done: u32,
    pub in_progress: u32,
    pub not_done: u32,
    pub unknown: u32,
    pub rate: Option<f64>,
}

impl RingData {
    pub fn of(notice: &Notice) -> Self {
        let st = &notice.stated;
        if let Some(total) = st.problems {
            let done = st.problems_done.unwrap_or(0).min(total);
            let in_progress = st.problems_in_progress.unwrap_or(0).min(total - done);
            let not_done = st.problems_not_done.unwrap_or(0).min(total - done - in_progress);
            let rate = st
                .completion_rate
                .or_else(|| (total > 0 && st.problems_done.is_some()).then(|| done as f64 * 100.0 / total as f64));
            RingData {
                stated: true,
                total,
                done,
                in_progress,
                not_done,
                unknown: total - done - in_progress - not_done,
                rate,
            }
        } else {
            let p = notice.counts.progress;
            RingData {
                stated: false,
                total: p.problems,
                done: p.done,
                in_progress: p.in_progress,
                not_done: p.not_done,
                unknown: p.unknown,
                rate: notice.counts.completion_rate,
            }
        }
    }
}

#[derive(Properties, PartialEq)]
struct RingProps {
    data: RingData,
    lang: Lang,
}

#[function_component(Ring)]
fn ring(props: &RingProps) -> Html {
    let d = props.data;
    let lang = props.lang;
    let s = lang.s();
    // The circles are drawn with r="40".
    const R: f64 = 40.0;
    let circumference = 2.0 * PI * R;
    let mut offset = 0.0;
    let segments = [
        (Status::Done, d.done),
        (Status::InProgress, d.in_progress),
        (Status::NotDone, d.not_done),
        (Status::Unknown, d.unknown),
    ];
    let arcs = segments.iter().filter(|(_, n)| *n > 0 && d.total > 0).map(|&(status, n)| {
        let len = n as f64 * circumference / d.total as f64;
        let arc = html! {
            <circle class={format!("no-ring__seg no-bar-seg--{}", status_class(status))} cx="50" cy="50" r="40"
                fill="none" stroke-width="12"
                stroke-dasharray={format!("{} {}", fixed(len, 3), fixed(circumference - len, 3))}
                stroke-dashoffset={fixed(-offset, 3)}
                transform="rotate(-90 50 50)" />
        };
        offset += len;
        arc
    });
    let centre = d.rate.map(|r| lang.rate(r)).unwrap_or_else(|| "—".to_string());
    let source = if d.stated { s.stated_heading } else { s.derived_heading };
    let description = format!(
        "{}：{}，{}",
        source,
        lang.count(d.total, s.problems),
        lang.progress_text(d.done, d.in_progress, d.not_done, d.unknown, d.total)
    );
    html! {
        <figure class="no-ring" data-source={if d.stated { "stated" } else { "derived" }}>
            <svg class="no-ring__svg" viewBox="0 0 100 100" role="img" aria-label={description}>
                <circle class="no-ring__track" cx="50" cy="50" r="40" fill="none" stroke-width="12" />
                { for arcs }
                <text class="no-ring__rate" x="50" y="50" text-anchor="middle" dominant-baseline="central">{ centre }</text>
            </svg>
            <figcaption class="no-ring__caption">
                <span class="no-ring__source">{ format!("{}：{}", s.completion_rate, source) }</span>
                <span class="no-ring__legend">
                    { for segments.iter().filter(|(st, n)| *n > 0 || *st == Status::Done).map(|&(status, n)| html! {
                        <span class={format!("no-count no-count--{}", status_class(status))}>
                            { status_icon(status) }{ format!("{} {n}", lang.status(status)) }
                        </span>
                    }) }
                </span>
            </figcaption>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
struct FiguresProps {
    notice: NoticeRef,
    lang: Lang,
}

/// Stated vs derived, one row per figure; rows a check flags are marked.
#[function_component(FiguresTable)]
fn figures_table(props: &FiguresProps) -> Html {
    let n = &*props.notice.0;
    let lang = props.lang;
    let s = lang.s();
    let st = &n.stated;
    let p = n.counts.progress;
    let num = |v: Option<u32>| v.map(|v| v.to_string());
    let rows: Vec<(&str, &str, Option<String>, Option<String>)> = vec![
        ("aspects", s.aspects, num(st.aspects), Some(n.counts.aspects.to_string())),
        ("problems", s.problems, num(st.problems), Some(p.problems.to_string())),
        ("problems_done", s.done, num(st.problems_done), Some(p.done.to_string())),
        ("problems_in_progress", s.in_progress, num(st.problems_in_progress), Some(p.in_progress.to_string())),
        ("problems_not_done", s.not_done, num(st.problems_not_done), Some(p.not_done.to_string())),
        ("problems_unknown", s.unknown, None, Some(p.unknown.to_string())),
        ("measures", s.measures, num(st.measures), Some(p.measures.to_string())),
        ("rules", s.rules, num(st.rules), None),
        (
            "completion_rate",
            s.completion_rate,
            st.completion_rate.map(|r| lang.rate(r)),
            n.counts.completion_rate.map(|r| lang.rate(r)),
        ),
    ];
    let flagged = |code: &str| n.checks.iter().any(|c| c.code.as_str() == code && c.severity == Severity::Mismatch);
    html! {
        <table class="no-figures">
            <thead>
                <tr>
                    <td></td>
                    <th scope="col">{ s.stated_heading }</th>
                    <th scope="col">{ s.derived_heading }</th>
                </tr>
            </thead>
            <tbody>
                { for rows.into_iter()
                    // Rows with nothing to say (e.g. no unknown statuses, no stated rules) are left out.
                    .filter(|(code, _, stated, derived)| stated.is_some() || derived.as_deref().is_some_and(|d| d != "0" || matches!(*code, "problems" | "problems_done")))
                    .map(|(code, label, stated, derived)| {
                        let mismatch = flagged(code);
                        html! {
                            <tr class={classes!(mismatch.then_some("no-figures__row--mismatch"))} data-field={code}>
                                <th scope="row">{ label }</th>
                                <td data-stated={code}>{ stated.unwrap_or_else(|| s.not_stated.to_string()) }</td>
                                <td data-derived={code}>
                                    { derived.unwrap_or_else(|| "—".to_string()) }
                                    if mismatch { <span class="no-flag" title="≠">{ " ≠" }</span> }
                                </td>
                            </tr>
                        }
                    }) }
            </tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
struct ChecksProps {
    notice: NoticeRef,
    lang: Lang,
    readonly: bool,
    on_highlight: Callback<Span>,
}

#[function_component(Checks)]
fn checks(props: &ChecksProps) -> Html {
    let lang = props.lang;
    let s = lang.s();
    let checks = &props.notice.0.checks;
    html! {
        <div class="no-checks">
            <h3 class="no-checks__title">{ s.checks_heading }</h3>
            if checks.is_empty() {
                <p class="no-checks__ok">{ s.no_checks }</p>
            } else {
                <ul class="no-checks__list">
                    { for checks.iter().map(|c| check_row(c, lang, props.readonly, &props.on_highlight)) }
                </ul>
            }
        </div>
    }
}

fn check_row(check: &Check, lang: Lang, readonly: bool, on_highlight: &Callback<Span>) -> Html {
    let message = match lang {
        Lang::Zh => check.message_zh.clone(),
        Lang::En => check.message_en.clone(),
    };
    let (class, mark) = match check.severity {
        Severity::Mismatch => ("no-check no-check--mismatch", "≠"),
        Severity::Notice => ("no-check no-check--notice", "i"),
    };
    let button = check.spans.first().copied().filter(|_| !readonly).map(|span| {
        let on_highlight = on_highlight.clone();
        html! {
            <button type="button" class="no-button no-button--link" onclick={move |_: MouseEvent| on_highlight.emit(span)}>
                { lang.s().show_in_text }
            </button>
        }
    });
    html! {
        <li class={class} data-code={check.code.as_str()}>
            <span class="no-check__mark" aria-hidden="true">{ mark }</span>
            <span class="no-check__message">{ message }</span>
            { for button }
        </li>
    }
}
