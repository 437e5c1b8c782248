//! Overall progress: a ring of the problems by status, the notice's stated figures beside the
//! figures derived from the outline, and every check where they disagree.
//!
//! The figures, the completion rate and what counts as a difference come from
//! [`notice_outline::export::figures`], as in the Markdown export: the ring, the table and the
//! checks cannot tell three different stories.

use notice_outline::export::figures::{self, Rate, Row, Verdict};
use notice_outline::export::fixed;
use notice_outline::export::vocab::Figure;
use std::f64::consts::PI;

use notice_outline::model::{Check, Notice, Severity, Span, Status};
use yew::prelude::*;

use super::chip::status_class;
use super::i18n::{Lang, Text};
use super::state::{NoticeRef, TextRef};

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub lang: Lang,
    pub notice: NoticeRef,
    /// The text the notice was parsed from, for quoting what a check found.
    pub text: TextRef,
    pub readonly: bool,
    pub on_highlight: Callback<Span>,
}

#[function_component(Summary)]
pub fn summary(props: &SummaryProps) -> Html {
    let notice = &*props.notice.0;
    let lang = props.lang;
    let s = lang.s();
    let ring = RingData::of(notice);
    let rows = std::rc::Rc::new(figures::rows(notice));
    html! {
        <section class="no-card no-summary" aria-label={s.summary_region}>
            <h2 class="no-card__title">{ s.summary_region }</h2>
            <div class="no-summary__top">
                <Ring data={ring} lang={lang} />
                <FiguresTable notice={props.notice.clone()} rows={rows.clone()} lang={lang} />
            </div>
            <Checks notice={props.notice.clone()} rows={rows} text={props.text.clone()} lang={lang}
                readonly={props.readonly} on_highlight={props.on_highlight.clone()} />
        </section>
    }
}

/// The ring's segments: the notice's own statement when it gives the total and how many of them
/// are done, else the outline's; its centre is the one completion
/// rate ([`figures::completion_rate`]). A stated total alone ("58个问题") draws no segments: a
/// grey ring under the outline's 75.9 % would say "nothing known" beside a rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RingData {
    pub stated: bool,
    pub total: u32,
    pub done: u32,
    pub in_progress: u32,
    pub not_done: u32,
    pub unknown: u32,
    pub rate: Option<Rate>,
}

impl RingData {
    pub fn of(notice: &Notice) -> Self {
        let st = &notice.stated;
        let rate = figures::completion_rate(notice);
        if let Some(total) = st.problems.filter(|_| st.problems_done.is_some()) {
            let done = st.problems_done.unwrap_or(0).min(total);
            let in_progress = st.problems_in_progress.unwrap_or(0).min(total - done);
            let not_done = st.problems_not_done.unwrap_or(0).min(total - done - in_progress);
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
                rate,
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
    let centre = d.rate.map(|r| lang.rate(r.percent)).unwrap_or_else(|| "—".to_string());
    let source = if d.stated { s.stated_heading } else { s.derived_heading };
    let description = lang.colon(
        source,
        &format!(
            "{}{}{}",
            lang.count(d.total, s.problems),
            lang.pick("，", ", "),
            lang.progress_text(d.done, d.in_progress, d.not_done, d.unknown, d.total)
        ),
    );
    let rate_source = d.rate.map(|r| r.source.name(lang)).unwrap_or(s.not_stated);
    html! {
        <figure class="no-ring" data-source={if d.stated { "stated" } else { "derived" }}
            data-rate={d.rate.map(|r| figures::format_figure(Figure::CompletionRate, r.percent))}>
            <svg class="no-ring__svg" viewBox="0 0 100 100" role="img" aria-label={description}>
                <circle class="no-ring__track" cx="50" cy="50" r="40" fill="none" stroke-width="12" />
                { for arcs }
                <text class="no-ring__rate" x="50" y="50" text-anchor="middle" dominant-baseline="central">{ centre }</text>
            </svg>
            <figcaption class="no-ring__caption">
                <span class="no-ring__source">{ lang.colon(Figure::CompletionRate.name(lang), rate_source) }</span>
                <span class="no-ring__legend">
                    { for segments.iter().filter(|(st, n)| *n > 0 || *st == Status::Done).map(|&(status, n)| html! {
                        <span class={format!("no-count no-count--{}", status_class(status))}>
                            { format!("{} {n}", lang.status(status)) }
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
    rows: std::rc::Rc<Vec<Row>>,
    lang: Lang,
}

/// Stated vs derived, one row per figure; every row where they differ is marked ≠ (and has a
/// line in the checks below saying why).
#[function_component(FiguresTable)]
fn figures_table(props: &FiguresProps) -> Html {
    let n = &*props.notice.0;
    let lang = props.lang;
    let s = lang.s();
    let value = |row: &Row, v: Option<f64>| {
        v.map(
            |v| if row.figure == Figure::CompletionRate { lang.rate(v) } else { figures::format_figure(row.figure, v) },
        )
    };
    // The stated rate may be worked out from the stated counts: say so, as the ring does.
    let computed = figures::stated_rate(n).is_some_and(|r| r.source == figures::RateSource::StatedCounts);
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
                { for props.rows.iter().map(|row| {
                    let code = row.figure.code();
                    let differs = row.differs();
                    let stated = value(row, row.stated).unwrap_or_else(|| s.not_stated.to_string());
                    html! {
                        <tr class={classes!(differs.then_some("no-figures__row--mismatch"))} data-field={code}>
                            <th scope="row">{ row.figure.name(lang) }</th>
                            <td data-stated={code}>
                                { stated }
                                if row.figure == Figure::CompletionRate && computed {
                                    <span class="no-figures__note">{ s.rate_computed }</span>
                                }
                            </td>
                            <td data-derived={code}>
                                { value(row, row.derived).unwrap_or_else(|| "—".to_string()) }
                                if differs { <span class="no-flag" title="≠">{ " ≠" }</span> }
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
    rows: std::rc::Rc<Vec<Row>>,
    text: TextRef,
    lang: Lang,
    readonly: bool,
    on_highlight: Callback<Span>,
}

/// The checks, then a line for each difference no check explains. "The figures agree" only when
/// something was compared and nothing differs.
#[function_component(Checks)]
fn checks(props: &ChecksProps) -> Html {
    let lang = props.lang;
    let s = lang.s();
    let notice = &*props.notice.0;
    let checks = &notice.checks;
    let unexplained = figures::unexplained(notice, &props.rows);
    let verdict = figures::verdict(&props.rows);
    html! {
        <div class="no-checks" data-verdict={match verdict {
            Verdict::NothingToCompare => "nothing-to-compare",
            Verdict::Agree => "agree",
            Verdict::Differ(_) => "differ",
        }}>
            <h3 class="no-checks__title">{ s.checks_heading }</h3>
            if checks.is_empty() && unexplained.is_empty() {
                if verdict == Verdict::NothingToCompare {
                    <p class="no-checks__none">{ s.nothing_to_compare }</p>
                } else {
                    <p class="no-checks__ok">{ s.no_checks }</p>
                }
            } else {
                <ul class="no-checks__list">
                    { for checks.iter().map(|c| check_row(c, &props.text, lang, props.readonly, &props.on_highlight)) }
                    { for unexplained.iter().map(|row| html! {
                        <li class="no-check no-check--mismatch" data-code={row.figure.code()} data-unexplained="">
                            <span class="no-check__mark" aria-hidden="true">{ "≠" }</span>
                            <span class="no-check__message">{ figures::unexplained_message(row, lang) }</span>
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// Spans up to this many characters are words a check can quote; longer ones are whole nodes.
const QUOTE_CHARS: usize = 40;

/// The words that triggered a check: its first span short enough to quote.
fn quoted(check: &Check, text: &str) -> Option<(Span, String)> {
    check.spans.iter().find_map(|&span| {
        let words = text.get(span.start..span.end)?.trim();
        let n = words.chars().count();
        (n > 0 && n <= QUOTE_CHARS).then(|| (span, words.to_string()))
    })
}

fn check_row(check: &Check, text: &TextRef, lang: Lang, readonly: bool, on_highlight: &Callback<Span>) -> Html {
    let message = match lang {
        Lang::Zh => check.message_zh.clone(),
        Lang::En => check.message_en.clone(),
    };
    let (class, mark) = match check.severity {
        Severity::Mismatch => ("no-check no-check--mismatch", "≠"),
        Severity::Notice => ("no-check no-check--notice", "i"),
    };
    let quote = quoted(check, &text.0);
    // "Show in text" lands on the quoted words, else on the first place the check names.
    let target = quote.as_ref().map(|(span, _)| *span).or_else(|| check.spans.first().copied());
    let button = target.filter(|_| !readonly).map(|span| {
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
            if let Some((_, words)) = quote {
                <q class="no-check__quote">{ words }</q>
            }
            { for button }
        </li>
    }
}
