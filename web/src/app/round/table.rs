//! The round's table: a real `<table>` whose column headers are sort buttons, with `aria-sort`
//! on the sorted column (WAI-ARIA's sortable table pattern), the totals in `<tfoot>`, and in each
//! row a button that opens that notice.

use std::cmp::Ordering;

use notice_outline::export::summary::{row_cells, totals, totals_cells};
use yew::prelude::*;

use super::super::i18n::Lang;
use super::entry::Entry;
use super::{strings, Entries};

/// The table's columns, in [`notice_outline::export::summary::SUMMARY_HEADER`] order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Notice,
    Unit,
    Problems,
    Done,
    InProgress,
    NotDone,
    Unknown,
    Completion,
    Checks,
    Note,
}

pub const COLUMNS: [Column; 10] = [
    Column::Notice,
    Column::Unit,
    Column::Problems,
    Column::Done,
    Column::InProgress,
    Column::NotDone,
    Column::Unknown,
    Column::Completion,
    Column::Checks,
    Column::Note,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub ascending: bool,
}

impl Sort {
    /// A click on `column`: ascending first (descending first for figures, where the largest
    /// is what one looks for), then the other way.
    pub fn next(current: Option<Sort>, column: Column) -> Sort {
        match current {
            Some(s) if s.column == column => Sort { column, ascending: !s.ascending },
            _ => Sort { column, ascending: !column.is_figure() },
        }
    }
}

impl Column {
    fn is_figure(self) -> bool {
        !matches!(self, Column::Notice | Column::Unit | Column::Note)
    }

    /// Orders two entries by this column. Unreadable files have no figures: they sort below
    /// every figure in either direction's "smallest" end.
    fn compare(self, a: &Entry, b: &Entry, lang: Lang) -> Ordering {
        let figure = |e: &Entry| -> Option<f64> {
            let p = &e.row.progress;
            if e.row.error.is_some() {
                return None;
            }
            Some(match self {
                Column::Problems => p.problems.into(),
                Column::Done => p.done.into(),
                Column::InProgress => p.in_progress.into(),
                Column::NotDone => p.not_done.into(),
                Column::Unknown => p.unknown.into(),
                Column::Completion => e.row.completion_rate?,
                Column::Checks => e.row.checks.into(),
                Column::Notice | Column::Unit | Column::Note => return None,
            })
        };
        match self {
            Column::Notice => a.name.cmp(&b.name),
            Column::Unit => a.row.unit.cmp(&b.row.unit),
            Column::Note => a.reason(lang).cmp(&b.reason(lang)),
            _ => figure(a).partial_cmp(&figure(b)).unwrap_or(Ordering::Equal),
        }
    }
}

/// The entries' indices in the order the table shows them (ties keep the order the notices were
/// added in: the index breaks them, so an unstable sort, smaller in the wasm, gives that order).
pub fn order(entries: &[Entry], sort: Option<Sort>, lang: Lang) -> Vec<usize> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    if let Some(Sort { column, ascending }) = sort {
        order.sort_unstable_by(|&i, &j| {
            let o = column.compare(&entries[i], &entries[j], lang);
            if ascending { o } else { o.reverse() }.then(i.cmp(&j))
        });
    }
    order
}

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub lang: Lang,
    pub entries: Entries,
    pub sort: Option<Sort>,
    pub on_sort: Callback<Column>,
    /// Opens the entry at this index (in `entries`).
    pub on_open: Callback<usize>,
}

#[function_component(Table)]
pub fn table(props: &TableProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let entries = &props.entries;
    let header = COLUMNS.iter().zip(t.columns).map(|(&column, name)| {
        let sorted = props.sort.filter(|s| s.column == column);
        let aria_sort = sorted.map(|s| if s.ascending { "ascending" } else { "descending" });
        let arrow = match sorted {
            Some(Sort { ascending: true, .. }) => "▲",
            Some(_) => "▼",
            None => "↕",
        };
        let onclick = props.on_sort.reform(move |_: MouseEvent| column);
        let class = classes!("no-round__th", column.is_figure().then_some("no-round__num"));
        html! {
            <th scope="col" {class} aria-sort={aria_sort}>
                <button type="button" class="no-round__sort" {onclick}>
                    { name }<span class="no-round__arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    });
    let rows = order(entries, props.sort, lang).into_iter().map(|i| {
        let entry = &entries[i];
        let cells = row_cells(&entry.row);
        let name = if entry.text().is_some() {
            let onclick = props.on_open.reform(move |_: MouseEvent| i);
            html! {
                <button type="button" class="no-round__open" aria-label={(t.open_row)(&entry.name)} {onclick}>
                    { &entry.name }
                </button>
            }
        } else {
            html! { <span>{ &entry.name }</span> }
        };
        let figures = cells[2..9].iter().map(|c| html! { <td class="no-round__num">{ c }</td> });
        let class = classes!("no-round__row", entry.row.error.is_some().then_some("no-round__row--error"));
        html! {
            <tr {class}>
                <th scope="row">{ name }</th>
                <td>{ &cells[1] }</td>
                { for figures }
                <td>{ entry.reason(lang).unwrap_or_default() }</td>
            </tr>
        }
    });
    let rows_of: Vec<_> = entries.iter().map(|e| e.row.clone()).collect();
    let total = totals(&rows_of);
    let total_cells = totals_cells(&total);
    let footer = total_cells[2..9].iter().map(|c| html! { <td class="no-round__num">{ c }</td> });
    let note = if total.unreadable > 0 { (t.unreadable)(total.unreadable) } else { String::new() };
    html! {
        <div class="no-round__scroll">
            <table class="no-round__table">
                <caption class="no-round__caption">{ t.caption }</caption>
                <thead><tr>{ for header }</tr></thead>
                <tbody>{ for rows }</tbody>
                <tfoot>
                    <tr class="no-round__total">
                        <th scope="row">{ t.total }</th>
                        <td>{ (t.notices)(total.notices) }</td>
                        { for footer }
                        <td>{ note }</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

// Plain logic: run natively by `cargo test --workspace`.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::app::round::entry::Content;
    use notice_outline::export::summary::rate_text;
    use std::rc::Rc;

    fn entry(name: &str, text: &str) -> Entry {
        Entry::new(name.into(), Content::Text(Rc::from(text)))
    }

    #[test]
    fn sorting_by_a_figure_starts_descending_and_keeps_ties_in_order() {
        let (few, many) = (
            include_str!("../../../../fixtures/short-notice.txt"),
            include_str!("../../../../fixtures/county-transport.txt"),
        );
        let entries = vec![entry("a", few), entry("b", many), entry("c", few)];
        assert!(entries[1].row.progress.problems > entries[0].row.progress.problems);
        let by_problems = Sort::next(None, Column::Problems);
        assert!(!by_problems.ascending);
        assert_eq!(order(&entries, Some(by_problems), Lang::Zh), [1, 0, 2]);
        assert_eq!(order(&entries, Some(Sort::next(Some(by_problems), Column::Problems)), Lang::Zh), [0, 2, 1]);
        let by_name = Sort::next(Some(by_problems), Column::Notice);
        assert!(by_name.ascending);
        assert_eq!(order(&entries, Some(Sort { ascending: false, ..by_name }), Lang::Zh), [2, 1, 0]);
        let unreadable = Entry::new("d".into(), Content::ReadFailed);
        let with_error = vec![entries[0].clone(), unreadable];
        let by_done = Sort::next(None, Column::Done);
        assert_eq!(order(&with_error, Some(by_done), Lang::Zh), [0, 1], "no figures sort last, largest first");
        assert_eq!(rate_text(with_error[1].row.completion_rate), "");
    }
}
