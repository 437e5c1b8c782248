//! A small SVG timeline of the notice's dates (inspection → feedback → signature → publicity),
//! with the same dates as a list for screen readers, print and narrow screens.

use notice_outline::export::fixed;
use notice_outline::export::vocab::MetaField;
use notice_outline::model::Meta;
use yew::prelude::*;

use super::i18n::{Lang, Text};

/// One event on the line: a single day or a period.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub name: &'static str,
    pub class: &'static str,
    pub start: String,
    pub end: Option<String>,
}

pub fn events(meta: &Meta, lang: Lang) -> Vec<Event> {
    let mut out = Vec::new();
    let mut push = |name, class, start: &Option<String>, end: &Option<String>| {
        if let Some(start) = start.clone().or_else(|| end.clone()) {
            let end = end.clone().filter(|e| *e != start);
            out.push(Event { name, class, start, end });
        }
    };
    push(MetaField::InspectionPeriod.name(lang), "inspection", &meta.inspection_start, &meta.inspection_end);
    push(MetaField::FeedbackDate.name(lang), "feedback", &meta.feedback_date, &None);
    push(MetaField::SignedDate.name(lang), "signed", &meta.signed_date, &None);
    push(MetaField::PublicityPeriod.name(lang), "publicity", &meta.publicity_start, &meta.publicity_end);
    out
}

/// Days since 1970-01-01 of an ISO `YYYY-MM-DD` date (Howard Hinnant's days_from_civil).
pub fn day_number(iso: &str) -> Option<i64> {
    let mut parts = iso.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

const WIDTH: f64 = 600.0;
/// Labels are centred on their event: the edge events need half the widest label (a date range
/// at the phone font size, about 120 units) of room, or phones clip them.
const LEFT: f64 = 70.0;
const RIGHT: f64 = 530.0;
/// Labels need this much room; events closer in time are spread apart (order is kept).
const MIN_GAP: f64 = 125.0;

/// x positions of each event's start and end: proportional to time where labels fit.
pub fn layout(events: &[Event]) -> Vec<(f64, f64)> {
    let days: Vec<(i64, i64)> = events
        .iter()
        .filter_map(|e| {
            let a = day_number(&e.start)?;
            let b = e.end.as_deref().and_then(day_number).unwrap_or(a).max(a);
            Some((a, b))
        })
        .collect();
    if days.len() != events.len() || days.is_empty() {
        // Unreadable dates: spread evenly.
        let n = events.len().max(1) as f64;
        return (0..events.len())
            .map(|i| {
                let x = LEFT + (RIGHT - LEFT) * (i as f64 + 0.5) / n;
                (x, x)
            })
            .collect();
    }
    let min = days.iter().map(|d| d.0).min().unwrap_or(0);
    let max = days.iter().map(|d| d.1).max().unwrap_or(0);
    let span = (max - min).max(1) as f64;
    let scale = |d: i64| LEFT + (RIGHT - LEFT) * (d - min) as f64 / span;
    let mut xs: Vec<f64> = days.iter().map(|d| scale(d.0)).collect();
    for i in 1..xs.len() {
        xs[i] = xs[i].max(xs[i - 1] + MIN_GAP);
    }
    // Pushed past the right edge: pull back from the right, keeping the gap.
    let last = xs.len() - 1;
    xs[last] = xs[last].min(RIGHT);
    for i in (0..last).rev() {
        xs[i] = xs[i].min(xs[i + 1] - MIN_GAP);
    }
    xs.iter()
        .zip(&days)
        .enumerate()
        .map(|(i, (&x, d))| {
            let limit = xs.get(i + 1).map_or(RIGHT, |next| next - 14.0);
            let end = (x + (scale(d.1) - scale(d.0))).min(limit).max(x);
            (x, end)
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub meta: Meta,
    pub lang: Lang,
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let s = lang.s();
    let events = events(&props.meta, lang);
    if events.is_empty() {
        return html! { <p class="no-muted">{ s.no_dates }</p> };
    }
    let xs = layout(&events);
    let to = match lang {
        Lang::Zh => "至",
        Lang::En => "to",
    };
    let marks = events.iter().zip(&xs).map(|(e, &(x, end))| {
        let short = |d: &str| d.get(5..).unwrap_or(d).to_string();
        let date = match &e.end {
            Some(end) => format!("{}–{}", short(&e.start), short(end)),
            None => short(&e.start),
        };
        let year = e.start.get(..4).unwrap_or("").to_string();
        html! {
            <g class={format!("no-tl__event no-tl__event--{}", e.class)}>
                if end > x {
                    <rect class="no-tl__period" x={fixed(x, 1)} y="40" width={fixed(end - x, 1)} height="8" rx="4" />
                }
                <circle class="no-tl__dot" cx={fixed(x, 1)} cy="44" r="6" />
                <text class="no-tl__name" x={fixed(x, 1)} y="26" text-anchor="middle">{ e.name }</text>
                <text class="no-tl__date" x={fixed(x, 1)} y="70" text-anchor="middle">{ date }</text>
                <text class="no-tl__year" x={fixed(x, 1)} y="86" text-anchor="middle">{ year }</text>
            </g>
        }
    });
    html! {
        <div class="no-timeline">
            <svg class="no-tl" viewBox={format!("0 0 {} 96", fixed(WIDTH, 0))} aria-hidden="true" focusable="false">
                <line class="no-tl__axis" x1="20" y1="44" x2={fixed(WIDTH - 20.0, 0)} y2="44" />
                { for marks }
            </svg>
            <dl class="no-tl__list">
                { for events.iter().map(|e| html! {
                    <div class="no-tl__item" data-event={e.class}>
                        <dt>{ e.name }</dt>
                        <dd>
                            <time datetime={e.start.clone()}>{ e.start.clone() }</time>
                            if let Some(end) = &e.end {
                                { format!(" {to} ") }<time datetime={end.clone()}>{ end.clone() }</time>
                            }
                        </dd>
                    </div>
                }) }
            </dl>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(), 2);
        assert_eq!(day_number("2024-13-01"), None);
        assert_eq!(day_number("junk"), None);
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn close_events_keep_order_and_room() {
        let ev = |start: &str| Event { name: "x", class: "x", start: start.into(), end: None };
        let events = vec![ev("2024-03-11"), ev("2024-11-28"), ev("2024-12-02"), ev("2024-12-03")];
        let xs = layout(&events);
        for w in xs.windows(2) {
            assert!(w[1].0 - w[0].0 >= MIN_GAP - 0.01, "{xs:?}");
        }
        assert!(xs.iter().all(|&(x, _)| (LEFT - 0.01..=RIGHT + 0.01).contains(&x)), "{xs:?}");
    }
}
