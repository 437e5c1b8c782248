//! Proofreading: the mechanical faults a reviewing office catches by eye before a notice goes
//! on the portal — numbering, dates and figures. Reads the finished outline, the metadata and
//! the stated figures; every finding is a [`Check`] with the words it is about quoted in its
//! messages and spans on the faulty places.
//!
//! Each rule of [`RULES`] comes with an example of text it fires on (tested: each example gives
//! exactly its rule's first code). Severities are in [`severity`]:
//! `mismatch` for what is wrong whatever the house style, `notice` for what a document may choose.
//!
//! Numbering is judged by the document's own order: the labels of one form (at one depth of
//! nesting within that form) read in document order, a `1` starting a new series. Reading them
//! per form rather than per parent keeps a label the outline nested too deep from raising a
//! false gap, and lets numbering either restart under each parent or run on across parents
//! (`1.`–`5.` under `（一）`, `6.`–`8.` under `（二）`); a `1.` under a `（三）` after that is a
//! restart, and one form doing both in one notice is a `numbering_style` notice.

use super::dates::{days_in_month, find_dates, year_before};
use super::labels::label_at;
use super::numerals::{circled, is_chinese_numeral};
use super::text::{line_blocks, Source, BLOCK};
use super::tree::clause_end;
use crate::format::decimal;
use crate::model::{Check, CheckCode, LabelForm, Meta, Node, Severity, Span, Stated};
use std::collections::HashMap;

/// What the rules read.
pub struct Input<'a> {
    pub src: &'a Source<'a>,
    pub outline: &'a [Node],
    pub meta: &'a Meta,
    pub stated: &'a Stated,
    /// Every node of `outline` in document order, as the outline rules read it: made by
    /// [`View`] while the outline is built.
    pub view: &'a [NodeView],
}

impl<'a> Input<'a> {
    /// The input text at `span` (a node's label is sliced from there, see `parse::nest`).
    fn written(&self, span: Span) -> &'a str {
        &self.src.original[span.start..span.end]
    }
}

/// One proofreading rule: the codes it reports and a text it fires on.
pub struct Rule {
    pub codes: &'static [CheckCode],
    /// A notice fragment on which the rule reports its first code, and nothing else fires.
    pub example: &'static str,
    run: fn(&Input, &mut Vec<Check>),
}

use CheckCode::*;

/// Every rule, in the order their checks are listed.
pub const RULES: &[Rule] = &[
    Rule {
        codes: &[NumberGap, NumberRepeat, NumberOrder, NumberingStyle],
        example: "一、甲方面\n二、乙方面\n四、丙方面\n",
        run: outline_series,
    },
    Rule {
        codes: &[NumberGap, NumberRepeat, NumberOrder],
        example: "整改措施：①建立台账；③开展督查。\n",
        run: inline_series,
    },
    Rule {
        codes: &[LabelStyle], example: "一、整改情况\n（一）甲方面\n(二)乙方面\n", run: label_style
    },
    Rule {
        codes: &[LevelLadder], example: "1.整改情况\n（一）甲方面\n（二）乙方面\n", run: level_ladder
    },
    Rule {
        codes: &[InspectionDates, FeedbackDate, SignedDate, PublicityDates],
        example: "2023年6月10日至2023年4月10日，县委第一巡察组对县交通运输局党组进行了巡察。\n",
        run: date_order,
    },
    Rule {
        codes: &[InvalidDate], example: "2023年2月30日，县委第一巡察组反馈了巡察意见。\n", run: invalid_dates
    },
    Rule {
        codes: &[RateOver100, ProblemsDoneOverTotal, MeasuresDoneOverTotal],
        example: "截至目前，整改完成率120%。\n",
        run: figures,
    },
];

/// How serious a finding with `code` is.
pub fn severity(code: CheckCode) -> Severity {
    match code {
        // A document may choose its own ladder and its own way of numbering across parents.
        LevelLadder | NumberingStyle => Severity::Notice,
        _ => Severity::Mismatch,
    }
}

/// Every proofreading finding, duplicates (the same code on the same place) removed.
pub fn proofread(input: &Input) -> Vec<Check> {
    let mut out = Vec::new();
    for rule in RULES {
        rule.run(input, &mut out);
    }
    without_repeats(out)
}

impl Rule {
    /// Adds what this rule finds to `out` (the parser's stages run the rules one at a time).
    pub fn run(&self, input: &Input, out: &mut Vec<Check>) {
        (self.run)(input, out);
    }
}

/// The findings of every rule, in order, without a second one of the same code on the same place.
pub fn without_repeats(mut out: Vec<Check>) -> Vec<Check> {
    let mut seen = std::collections::HashSet::new();
    out.retain(|c| seen.insert((c.code, c.spans.first().map(|s| (s.start, s.end)))));
    out
}

fn check(code: CheckCode, zh: String, en: String, spans: Vec<Span>) -> Check {
    Check { code, severity: severity(code), stated: None, derived: None, message_zh: zh, message_en: en, spans }
}

/// At most this many spans on one check (a whole level written the other way).
const MAX_SPANS: usize = 50;

// ---------------------------------------------------------------------------------------------
// Numbering.

/// A label in a series: its number and where it stands (its text is read from there only for
/// a series with a fault).
#[derive(Clone, Copy)]
struct Item {
    number: u32,
    span: Span,
}

/// What is wrong between two neighbours of a series.
#[derive(Debug, PartialEq)]
enum Fault {
    /// Numbers `from..=to` are missing before item `at`.
    Gap { at: usize, from: u32, to: u32 },
    /// Item `at` repeats the number of item `earlier`.
    Repeat { at: usize, earlier: usize },
    /// Item `at` goes back below the item before it.
    Order { at: usize },
}

/// The faults of one series of numbers that should count up by one from `first_expected`.
/// A number skipped here but written later in the series is an order fault, not a gap:
/// `1 2 4 3` → order at `3`; `1 3 3` → gap before the first `3`, repeat at the second.
fn series_faults(numbers: &[u32], first_expected: u32) -> Vec<Fault> {
    let mut out = Vec::new();
    // Where each number is written last of all, and where it was last written so far: one pass
    // and no quadratic look-back, as a run-on series (`1.`–`7000.`) is long.
    let last: HashMap<u32, usize> = numbers.iter().enumerate().map(|(at, &n)| (n, at)).collect();
    let mut seen: HashMap<u32, usize> = HashMap::with_capacity(numbers.len());
    let mut highest = first_expected.saturating_sub(1);
    for (at, &n) in numbers.iter().enumerate() {
        if let Some(earlier) = seen.insert(n, at) {
            out.push(Fault::Repeat { at, earlier });
        } else if n < highest {
            out.push(Fault::Order { at });
        } else if n > highest + 1 && last.get(&(highest + 1)).is_none_or(|&l| l <= at) {
            out.push(Fault::Gap { at, from: highest + 1, to: n - 1 });
        }
        highest = highest.max(n);
    }
    out
}

fn missing_zh(from: u32, to: u32) -> String {
    if from == to {
        format!("缺少第{from}项")
    } else {
        format!("缺少第{from}至{to}项")
    }
}

fn missing_en(from: u32, to: u32) -> String {
    if from == to {
        format!("item {from} is missing")
    } else {
        format!("items {from} to {to} are missing")
    }
}

/// Checks for the faults of `items` (counting up from `first_expected`).
fn report_faults(input: &Input, items: &[Item], first_expected: u32, out: &mut Vec<Check>) {
    // Most series count up by one from where they should: no faults, nothing to allocate.
    if items.iter().zip(first_expected..).all(|(item, expected)| item.number == expected) {
        return;
    }
    let numbers: Vec<u32> = items.iter().map(|i| i.number).collect();
    let label = |item: Item| input.written(item.span).trim();
    for fault in series_faults(&numbers, first_expected) {
        out.push(match fault {
            Fault::Gap { at: 0, from, to } => {
                let it = items[0];
                check(
                    NumberGap,
                    format!("编号从“{}”开始，{}", label(it), missing_zh(from, to)),
                    format!("Numbering starts at \"{}\": {}", label(it), missing_en(from, to)),
                    vec![it.span],
                )
            }
            Fault::Gap { at, from, to } => {
                let (a, b) = (items[at - 1], items[at]);
                check(
                    NumberGap,
                    format!("编号不连续：“{}”之后是“{}”，{}", label(a), label(b), missing_zh(from, to)),
                    format!(
                        "Numbering skips: \"{}\" is followed by \"{}\" ({})",
                        label(a),
                        label(b),
                        missing_en(from, to)
                    ),
                    vec![b.span, a.span],
                )
            }
            Fault::Repeat { at, earlier } => {
                let (a, b) = (items[earlier], items[at]);
                check(
                    NumberRepeat,
                    format!("编号重复：“{}”与前面的“{}”相同", label(b), label(a)),
                    format!("Number used twice: \"{}\" repeats the earlier \"{}\"", label(b), label(a)),
                    vec![b.span, a.span],
                )
            }
            Fault::Order { at } => {
                let (a, b) = (items[at - 1], items[at]);
                check(
                    NumberOrder,
                    format!("编号顺序颠倒：“{}”之后是“{}”", label(a), label(b)),
                    format!("Numbering out of order: \"{}\" is followed by \"{}\"", label(a), label(b)),
                    vec![b.span, a.span],
                )
            }
        });
    }
}

/// One node of the outline as the outline rules (numbering, label shapes, level ladder) read
/// it: a few numbers, in document order. The rules read this small array instead of walking the
/// tree of nodes (some 330 bytes each, with their text on the heap) once each: measured on a
/// 10 MB notice (~50,000 nodes), those walks missed the cache for far more time than their
/// instructions say.
#[derive(Clone, Copy)]
pub struct NodeView {
    form: LabelForm,
    /// The label's number; 0 for an unnumbered heading.
    number: u32,
    /// How many of its ancestors have its form: an inline `1.` series inside item `1.` is a
    /// level of its own.
    nested: usize,
    /// The node's parent, as an index into the view.
    parent: Option<usize>,
    /// The nearest ancestor that owns this level's numbering (see [`owner`]), as an index.
    owner: Option<usize>,
    /// Where the whole node starts: tells owners apart.
    start: usize,
    label: Span,
    /// The label's shape packed ([`packed_shape`]): read here, while the walk has the node at
    /// hand, so [`label_style`] need not read every label again from the text.
    shape: Option<u64>,
}

/// The [`NodeView`]s of an outline, written while the outline is built (`parse::nest`), where
/// each node is at hand: a separate walk of the finished tree cost ~3 ms at 10 MB, mostly cache
/// misses.
#[derive(Default)]
pub struct View(Vec<NodeView>);

impl View {
    /// Starts the view of a node whose parent's is `parent` (what [`View::open`] returned), before
    /// its children's: the view lists the nodes in document order. Returns where it is.
    pub fn open(&mut self, form: LabelForm, number: u32, parent: Option<usize>) -> usize {
        let (nested, owner) = (0, None);
        let (start, label, shape) = (0, Span::default(), None);
        self.0.push(NodeView { form, number, nested, parent, owner, start, label, shape });
        self.0.len() - 1
    }

    /// Completes the view at `at` from the built node.
    pub fn close(&mut self, at: usize, node: &Node) {
        let view = &mut self.0[at];
        (view.start, view.label, view.shape) = (node.span.start, node.label_span, packed_shape(node.form, &node.label));
    }

    /// The finished view: each node's depth within its form and numbering owner, read from its
    /// ancestors (parents come before children).
    pub fn finish(mut self) -> Vec<NodeView> {
        let mut ancestors = Vec::new();
        for i in 0..self.0.len() {
            ancestors.clear();
            ancestors.extend(std::iter::successors(self.0[i].parent, |&p| self.0[p].parent));
            // Outermost first, as `owner` reads them.
            ancestors.reverse();
            let form = self.0[i].form;
            self.0[i].nested = ancestors.iter().filter(|&&a| self.0[a].form == form).count();
            self.0[i].owner = owner(form, &ancestors, &self.0);
        }
        self.0
    }
}

/// The node whose children a numbering restarts under: the nearest ancestor above `form` in
/// the ladder, or an unnumbered heading (`已完成整改的问题`); for forms off the ladder (`一是`,
/// `①`), the nearest ancestor of another form. Using the ladder rather than the direct parent
/// keeps the judgement right when a label was nested too deep (`（二）` under a `四是`).
/// `ancestors` are indices into `view`, outermost first.
fn owner(form: LabelForm, ancestors: &[usize], view: &[NodeView]) -> Option<usize> {
    let rank = ladder_rank(form);
    ancestors.iter().rev().copied().find(|&a| match (rank, ladder_rank(view[a].form)) {
        _ if view[a].form == LabelForm::Unnumbered => true,
        (Some(r), Some(ar)) => ar < r,
        (Some(_), None) => false,
        (None, _) => view[a].form != form,
    })
}

/// A node that numbering may restart under, and what makes two of them peers.
#[derive(Clone, Copy, PartialEq)]
struct Owner {
    start: usize,
    form: LabelForm,
    /// Its own parent's start: peers (`（一）`, `（二）` of one part) share it.
    parent: Option<usize>,
}

/// The owner of `view[i]`'s numbering, if it has one.
fn owner_of(view: &[NodeView], i: usize) -> Option<Owner> {
    let o = view[view[i].owner?];
    Some(Owner { start: o.start, form: o.form, parent: o.parent.map(|p| view[p].start) })
}

/// The numbered nodes that `keep` accepts, as indices into `view`, by level: by form and by
/// depth within the form ([`NodeView::nested`]), each level in document order.
fn levels(view: &[NodeView], keep: impl Fn(&NodeView) -> bool) -> Vec<((LabelForm, usize), Vec<usize>)> {
    let mut levels = Vec::new();
    for (i, n) in view.iter().enumerate() {
        if n.form != LabelForm::Unnumbered && keep(n) {
            entry(&mut levels, (n.form, n.nested), Vec::new).push(i);
        }
    }
    levels
}

/// The value of `key` in `map`, a map kept as a `Vec` sorted by key, inserted from `new()` if
/// missing. Proofreading's maps have a few keys a notice; a `BTreeMap` costs several KB of wasm
/// code for each key and value type.
fn entry<K: Ord, V>(map: &mut Vec<(K, V)>, key: K, new: impl FnOnce() -> V) -> &mut V {
    let i = match map.binary_search_by(|(k, _)| k.cmp(&key)) {
        Ok(i) => i,
        Err(i) => {
            map.insert(i, (key, new()));
            i
        }
    };
    &mut map[i].1
}

/// Gaps, repeats and reversals in the outline's numbering, read per form in document order so
/// that a label nested in the wrong place does not break its series: `一、二、四、` → gap;
/// `3.` `3.` → repeat; `（三）（二）` → order. A `1` starts a new series. Numbering may run on
/// across parents (`1.`–`5.` under `（一）`, `6.` under `（二）`) or restart (`1.` under `（二）`);
/// one form doing both in one notice is a notice.
fn outline_series(input: &Input, out: &mut Vec<Check>) {
    let view = input.view;
    let by_form = levels(view, |n| n.number > 0);
    let item = |i: usize| Item { number: view[i].number, span: view[i].label };
    // A paste may start anywhere: the text's first label may be `二、`; a later series may not.
    let text_start = by_form.iter().filter_map(|(_, n)| n.first()).map(|&i| view[i].label.start).min();
    for (_, nodes) in &by_form {
        let (mut restart, mut run_on): (Option<Item>, Option<Item>) = (None, None);
        let mut series: Vec<Item> = Vec::new();
        for (k, &i) in nodes.iter().enumerate() {
            let n = item(i);
            // Moving to a peer of the previous parent (`（一）` → `（二）` of one part); a move to
            // another part (`下一步工作打算` has its own list) or between parents of different
            // forms says more about the outline than about the numbering.
            let (prev, now) = (k.checked_sub(1).and_then(|p| owner_of(view, nodes[p])), owner_of(view, i));
            let peers = |a: Owner, b: Owner| a.start != b.start && a.form == b.form && a.parent == b.parent;
            if matches!((prev, now), (Some(a), Some(b)) if peers(a, b)) {
                if n.number == 1 {
                    restart.get_or_insert(n);
                } else if n.number == view[nodes[k - 1]].number + 1 {
                    run_on.get_or_insert(n);
                }
            }
            if n.number == 1 && !series.is_empty() {
                report_faults(input, &series, first_expected(&series, text_start), out);
                series.clear();
            }
            series.push(n);
        }
        report_faults(input, &series, first_expected(&series, text_start), out);
        if let (Some(r), Some(o)) = (restart, run_on) {
            let (o_label, r_label) = (input.written(o.span).trim(), input.written(r.span).trim());
            out.push(check(
                NumberingStyle,
                format!("编号方式不一：“{o_label}”接续上一部分的编号，“{r_label}”则重新编号"),
                format!("Numbering both runs on across parts (\"{o_label}\") and restarts (\"{r_label}\")"),
                vec![o.span, r.span],
            ));
        }
    }
}

/// Inline series that the outline does not keep because they are broken: `①…；③…`,
/// `一是…；三是…`, `一是…；二是…；二是…`. A series is the `一是`/`①` labels of one line, at its
/// start or after punctuation, from a `1` on; it needs two labels, so prose (`统一是`) is not one.
fn inline_series(input: &Input, out: &mut Vec<Check>) {
    let folded = input.src.folded.as_str();
    let bytes = folded.as_bytes();
    // Where such a label can start: the numerals before a `是`, and a circled number. Found with
    // `memchr` and checked for a clause start afterwards, rather than reading every clause start
    // of the text (measured with the later changes here: proofreading 94.8 M → 28.2 M instructions, 2 MB synthetic notice).
    let numerals_before =
        |p: usize| folded[..p].chars().rev().take_while(|&c| is_chinese_numeral(c)).map(char::len_utf8).sum::<usize>();
    // A block of lines at a time ([`line_blocks`]): the three searches read it from cache.
    let (shi, circled_low, circled_high) = (
        memchr::memmem::Finder::new("是"),
        // ①–⑳ are E2 91 xx in UTF-8, ㉑–㉟ E3 89 xx.
        memchr::memmem::Finder::new(&"\u{2460}".as_bytes()[..2]),
        memchr::memmem::Finder::new(&"\u{3251}".as_bytes()[..2]),
    );
    let starts = line_blocks(folded, BLOCK).flat_map(|(from, to)| {
        let block = &bytes[from..to];
        let mut starts: Vec<usize> = shi
            .find_iter(block)
            .map(|p| from + p)
            .map(|p| p - numerals_before(p))
            .filter(|&q| !folded[q..].starts_with('是'))
            .collect();
        for finder in [&circled_low, &circled_high] {
            starts.extend(
                finder
                    .find_iter(block)
                    .map(|i| from + i)
                    .filter(|&i| folded[i..].chars().next().and_then(circled).is_some()),
            );
        }
        // Three ascending runs of positions; unstable: equal positions are indistinguishable,
        // and the wasm then needs no stable sort's code for `usize`.
        starts.sort_unstable();
        starts
    });

    // A series' labels as read: number and folded range. Spans and text are made only for a
    // series with a fault (most have none).
    let mut series: [Vec<(u32, usize, usize)>; 2] = [Vec::new(), Vec::new()];
    let flush = |series: &mut Vec<(u32, usize, usize)>, out: &mut Vec<Check>| {
        let counts_up = series.iter().zip(1..).all(|(&(number, ..), expected)| number == expected);
        if series.len() >= 2 && series[0].0 == 1 && !counts_up {
            let items: Vec<Item> =
                series.iter().map(|&(number, a, b)| Item { number, span: input.src.span(a, b) }).collect();
            report_faults(input, &items, 1, out);
        }
        series.clear();
    };
    // The end of the line of the labels in `series`: a series ends with its line.
    let mut line_end = None;
    for at in starts {
        if line_end.is_none_or(|end| at > end) {
            series.iter_mut().for_each(|s| flush(s, out));
            line_end = Some(memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i));
        }
        // A clause start: the line's start or after `。；：！？` or `，`, spaces allowed between.
        let before = folded[..at].trim_end_matches(' ').chars().next_back();
        if !before.is_none_or(|c| c == '\n' || clause_end(c) || c == '，') {
            continue;
        }
        // (A `是` or circled label never reads past its line: the rest of the text may follow.)
        let Some(label) = label_at(&folded[at..]) else { continue };
        let slot = match label.form {
            LabelForm::Shi => 0,
            LabelForm::Circled => 1,
            _ => continue,
        };
        if label.number == 1 {
            flush(&mut series[slot], out);
        }
        series[slot].push((label.number, at, at + label.len));
    }
    series.iter_mut().for_each(|s| flush(s, out));
}

/// 1, or the series' own first number when it opens the text (see [`outline_series`]).
fn first_expected(series: &[Item], text_start: Option<usize>) -> u32 {
    match series.first() {
        Some(first) if Some(first.span.start) == text_start => first.number,
        _ => 1,
    }
}

/// The digits of a label replaced by what kind of digit they are, so that `（一）` and `(二)`,
/// `1.` and `2、`, `1.` and `１.` differ while `（一）` and `（十二）` do not.
fn label_shape(form: LabelForm, label: &str) -> String {
    shape_chars(form, label).collect()
}

/// The characters of [`label_shape`], one at a time.
fn shape_chars(form: LabelForm, label: &str) -> impl Iterator<Item = char> + '_ {
    // `首先，` `其次，`: only the separator can differ.
    let skip = if form == LabelForm::Sequence { 2 } else { 0 };
    let mut last = None;
    label
        .trim()
        .chars()
        .skip(skip)
        .map(|c| match c {
            '0'..='9' => '0',
            '０'..='９' => '０',
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' => '一',
            c if circled(c).is_some() => '①',
            c => c,
        })
        // A run of digits is one digit of its kind.
        .filter(move |&kind| {
            let run = matches!(kind, '0' | '０' | '一' | '①') && last == Some(kind);
            last = Some(kind);
            !run
        })
}

/// [`label_shape`] in one number when it has at most three characters (`（一）`, `1.`, `①`: most
/// labels), each as its code point + 1 in 21 bits; `None` for a longer shape.
fn packed_shape(form: LabelForm, label: &str) -> Option<u64> {
    let mut packed = 0u64;
    for (i, c) in shape_chars(form, label).enumerate() {
        if i == 3 {
            return None;
        }
        packed = packed << 21 | (u64::from(c) + 1);
    }
    Some(packed)
}

/// One level (one form at one depth) written two ways: `（一）` and `(二)`, `1.` and `2、`,
/// full-width and half-width digits. The odd ones are those unlike the level's most used shape.
fn label_style(input: &Input, out: &mut Vec<Check>) {
    // One level: one form, at one depth of nesting within its own form. The shapes are read
    // from the input, where the labels lie in order, rather than from the nodes' own strings
    // scattered over the heap (measured: that cost more time than its instructions say on a
    // 10 MB notice).
    let view = input.view;
    let written = |i: usize| input.written(view[i].label);
    for &((form, _), ref nodes) in &levels(view, |_| true) {
        // Most levels have one shape: find out from the packed shapes, without reading the text.
        let packed = view[nodes[0]].shape;
        if packed.is_some() && nodes.iter().all(|&i| view[i].shape == packed) {
            continue;
        }
        let first = label_shape(form, written(nodes[0]));
        if nodes.iter().all(|&i| shape_chars(form, written(i)).eq(first.chars())) {
            continue;
        }
        let shapes: Vec<String> = nodes.iter().map(|&i| label_shape(form, written(i))).collect();
        let mut tally: Vec<(&str, usize)> = Vec::new();
        for s in &shapes {
            match tally.iter_mut().find(|(t, _)| t == s) {
                Some((_, n)) => *n += 1,
                None => tally.push((s, 1)),
            }
        }
        if tally.len() < 2 {
            continue;
        }
        // The most used shape is the level's; ties go to the first written.
        let main = tally.iter().fold(tally[0], |best, &t| if t.1 > best.1 { t } else { best }).0;
        let usual = nodes[shapes.iter().position(|s| s == main).unwrap_or(0)];
        let odd: Vec<usize> = nodes.iter().zip(&shapes).filter(|(_, s)| *s != main).map(|(&i, _)| i).collect();
        let mut spans: Vec<Span> = odd.iter().take(MAX_SPANS).map(|&i| view[i].label).collect();
        spans.push(view[usual].label);
        let (a, b) = (written(usual).trim(), written(odd[0]).trim());
        out.push(check(
            LabelStyle,
            format!("同一层级编号写法不一：“{a}”与“{b}”（共{}处）", odd.len()),
            format!(
                "One level is numbered two ways: \"{a}\" and \"{b}\" ({} {})",
                odd.len(),
                if odd.len() == 1 { "place" } else { "places" }
            ),
            spans,
        ));
    }
}

/// The usual order of levels, GB/T 9704-2012 §7.3.3: `一、` > `（一）` > `1.` > `（1）`.
fn ladder_rank(form: LabelForm) -> Option<u8> {
    match form {
        LabelForm::ChineseComma => Some(0),
        LabelForm::ChineseParen => Some(1),
        LabelForm::ArabicDot => Some(2),
        LabelForm::ArabicParen => Some(3),
        _ => None,
    }
}

/// A level whose form sits above its parent's in the ladder: `（一）` nested under `1.`.
/// One check per pair of forms, on every child concerned.
fn level_ladder(input: &Input, out: &mut Vec<Check>) {
    /// The first child placed above its parent for one pair of forms (indices into the view),
    /// and every such child.
    struct Misplaced {
        parent: usize,
        child: usize,
        spans: Vec<Span>,
    }
    let view = input.view;
    let mut pairs: Vec<((LabelForm, LabelForm), Misplaced)> = Vec::new();
    for (child, n) in view.iter().enumerate() {
        let Some(parent) = n.parent else { continue };
        let p = view[parent];
        if let (Some(pr), Some(cr)) = (ladder_rank(p.form), ladder_rank(n.form)) {
            if cr < pr {
                entry(&mut pairs, (p.form, n.form), || Misplaced { parent, child, spans: Vec::new() })
                    .spans
                    .push(n.label);
            }
        }
    }
    for (_, Misplaced { parent, child, mut spans }) in pairs {
        spans.truncate(MAX_SPANS);
        let (pl, nl) = (input.written(view[parent].label).trim(), input.written(view[child].label).trim());
        out.push(check(
            LevelLadder,
            format!("“{nl}”一级位于“{pl}”一级之下；通常的层次序数为“一、”“（一）”“1.”“（1）”（GB/T 9704-2012 第7.3.3条）"),
            format!(
                "\"{nl}\" is nested under \"{pl}\"; the usual order of levels is 一、 > （一） > 1. > （1） (GB/T 9704-2012 §7.3.3)"
            ),
            spans,
        ));
    }
}

// ---------------------------------------------------------------------------------------------
// Dates.

/// The text and span of a metadata date (the first span of its field).
fn meta_date<'a>(input: &'a Input, field: &str, value: &'a Option<String>) -> Option<(&'a str, Span, &'a str)> {
    let iso = value.as_deref()?;
    let span = *input.meta.spans.get(field)?.first()?;
    let written = input.src.original.get(span.start..span.end)?;
    Some((iso, span, written))
}

/// Two metadata dates of which the first must not be later than the second.
struct DateOrder {
    code: CheckCode,
    /// Field names (keys of `Meta::spans`) and how to read them.
    early: (&'static str, fn(&Meta) -> &Option<String>),
    late: (&'static str, fn(&Meta) -> &Option<String>),
    /// What the two dates are, in Chinese and in English.
    zh: [&'static str; 2],
    en: [&'static str; 2],
}

const DATE_ORDER: [DateOrder; 4] = [
    DateOrder {
        code: InspectionDates,
        early: ("inspection_start", |m| &m.inspection_start),
        late: ("inspection_end", |m| &m.inspection_end),
        zh: ["巡察开始日期", "巡察结束日期"],
        en: ["the start of the inspection", "the end of the inspection"],
    },
    DateOrder {
        code: FeedbackDate,
        early: ("inspection_end", |m| &m.inspection_end),
        late: ("feedback_date", |m| &m.feedback_date),
        zh: ["巡察结束日期", "反馈日期"],
        en: ["the end of the inspection", "the feedback date"],
    },
    DateOrder {
        code: SignedDate,
        early: ("feedback_date", |m| &m.feedback_date),
        late: ("signed_date", |m| &m.signed_date),
        zh: ["反馈日期", "落款日期"],
        en: ["the feedback date", "the date under the signature"],
    },
    DateOrder {
        code: PublicityDates,
        early: ("publicity_start", |m| &m.publicity_start),
        late: ("publicity_end", |m| &m.publicity_end),
        zh: ["公示开始日期", "公示结束日期"],
        en: ["the start of the publicity period", "the end of the publicity period"],
    },
];

/// Dates in the wrong order ([`DATE_ORDER`]): the inspection ends before it starts
/// (`2023年6月10日至2023年4月10日`), feedback before the inspection ended, the signature before
/// the feedback, a publicity period that ends before it starts.
fn date_order(input: &Input, out: &mut Vec<Check>) {
    for rule in &DATE_ORDER {
        let date = |(field, get): (&str, fn(&Meta) -> &Option<String>)| meta_date(input, field, get(input.meta));
        let (Some(a), Some(b)) = (date(rule.early), date(rule.late)) else { continue };
        // ISO dates compare as strings.
        if b.0 < a.0 {
            out.push(check(
                rule.code,
                format!("{}“{}”早于{}“{}”", rule.zh[1], b.2, rule.zh[0], a.2),
                format!("{} (\"{}\") is before {} (\"{}\")", capitalise(rule.en[1]), b.2, rule.en[0], a.2),
                vec![b.1, a.1],
            ));
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// A date that does not exist: `2月30日`, `2023年4月31日`, `2023年2月29日` (not a leap year).
/// The year is the date's own or the nearest written before it; with none, 2月29日 passes.
fn invalid_dates(input: &Input, out: &mut Vec<Check>) {
    let folded = input.src.folded.as_str();
    for hit in find_dates(folded) {
        let (Some(month), Some(day)) = (hit.parts.month, hit.parts.day) else { continue };
        let year = hit.parts.year.or_else(|| year_before(folded, hit.start, 400));
        let days = days_in_month(year, month);
        if day > days {
            let span = input.src.span(hit.start, hit.end);
            let written = input.src.original_text(hit.start, hit.end);
            out.push(check(
                InvalidDate,
                format!("日期“{written}”不存在：{month}月只有{days}天"),
                format!("The date \"{written}\" does not exist: month {month} has {days} days"),
                vec![span],
            ));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Figures.

/// Stated figures that cannot be: a rate above 100 % (`整改完成率120%`), more problems or
/// measures done than there are.
fn figures(input: &Input, out: &mut Vec<Check>) {
    let st = input.stated;
    let span = |field: &str| st.spans.get(field).copied();
    if let Some(rate) = st.completion_rate.filter(|&r| r > 100.0) {
        out.push(Check {
            stated: Some(rate),
            ..check(
                RateOver100,
                format!("通报称整改完成率{}%，超过100%", decimal(rate, 4)),
                format!("The notice states a completion rate of {}%, above 100%", decimal(rate, 4)),
                span("completion_rate").into_iter().collect(),
            )
        });
    }
    let over = [
        (ProblemsDoneOverTotal, st.problems_done, st.problems, "problems_done", "problems", "问题", "个", "problems"),
        (MeasuresDoneOverTotal, st.measures_done, st.measures, "measures_done", "measures", "措施", "条", "measures"),
    ];
    for (code, done, total, done_field, total_field, zh, unit, en) in over {
        let (Some(done), Some(total)) = (done, total) else { continue };
        if done > total {
            out.push(Check {
                stated: Some(done as f64),
                derived: Some(total as f64),
                ..check(
                    code,
                    format!("通报称已完成整改{zh}{done}{unit}，多于{zh}总数{total}{unit}"),
                    format!("The notice states {done} {en} done, more than its {total} {en} in all"),
                    [span(done_field), span(total_field)].into_iter().flatten().collect(),
                )
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_faults_by_example() {
        assert_eq!(series_faults(&[1, 2, 3], 1), []);
        assert_eq!(series_faults(&[1, 2, 4], 1), [Fault::Gap { at: 2, from: 3, to: 3 }]);
        assert_eq!(series_faults(&[1, 2, 4, 3], 1), [Fault::Order { at: 3 }]);
        assert_eq!(
            series_faults(&[1, 3, 3], 1),
            [Fault::Gap { at: 1, from: 2, to: 2 }, Fault::Repeat { at: 2, earlier: 1 }]
        );
        assert_eq!(series_faults(&[1, 2, 4, 3, 4], 1), [Fault::Order { at: 3 }, Fault::Repeat { at: 4, earlier: 2 }]);
        assert_eq!(series_faults(&[3, 4], 1), [Fault::Gap { at: 0, from: 1, to: 2 }]);
        assert_eq!(series_faults(&[6, 7], 6), []);
    }

    #[test]
    fn shapes() {
        assert_eq!(label_shape(LabelForm::ChineseParen, "（十二）"), label_shape(LabelForm::ChineseParen, "（一）"));
        assert_ne!(label_shape(LabelForm::ChineseParen, "（一）"), label_shape(LabelForm::ChineseParen, "(二)"));
        assert_ne!(label_shape(LabelForm::ArabicDot, "1."), label_shape(LabelForm::ArabicDot, "2、"));
        assert_ne!(label_shape(LabelForm::ArabicDot, "1."), label_shape(LabelForm::ArabicDot, "１."));
        assert_eq!(label_shape(LabelForm::ArabicDot, "12."), label_shape(LabelForm::ArabicDot, "3."));
        assert_eq!(label_shape(LabelForm::Sequence, "首先，"), label_shape(LabelForm::Sequence, "其次，"));
        assert_eq!(label_shape(LabelForm::Circled, "①"), label_shape(LabelForm::Circled, "⑫"));
    }

    #[test]
    fn a_later_part_may_restart_numbering_that_ran_on() {
        // Problems run on across aspects; the next-steps part has its own list.
        let text =
            "一、整改情况\n（一）甲方面\n1.甲。已完成整改。\n2.乙。已完成整改。\n（二）乙方面\n3.丙。已完成整改。\n\
                    二、下一步工作打算\n（一）加强学习\n1.持续学习。\n2.健全制度。\n";
        assert_eq!(crate::parse(text).checks, []);
        // Within one part, doing both is a notice.
        let mixed = text.replace("二、下一步工作打算\n", "（三）丙方面\n");
        let codes: Vec<CheckCode> = crate::parse(&mixed).checks.iter().map(|c| c.code).collect();
        assert_eq!(codes, [NumberingStyle]);
    }

    fn inline_checks(text: &str, rule: fn(&Input, &mut Vec<Check>)) -> Vec<Check> {
        let src = Source::new(text);
        let (meta, stated) = (Meta::default(), Stated::default());
        let mut out = Vec::new();
        rule(&Input { src: &src, outline: &[], meta: &meta, stated: &stated, view: &[] }, &mut out);
        out
    }

    /// The inline series as first written: every clause start of every line read in turn.
    /// [`inline_series`] finds the same labels from the labels' own characters.
    fn inline_series_by_clause_starts(input: &Input, out: &mut Vec<Check>) {
        let folded = input.src.folded.as_str();
        let mut line_start = 0;
        for line in folded.split('\n') {
            let mut series: [Vec<Item>; 2] = [Vec::new(), Vec::new()];
            let flush = |series: &mut Vec<Item>, out: &mut Vec<Check>| {
                if series.len() >= 2 && series[0].number == 1 {
                    report_faults(input, series, 1, out);
                }
                series.clear();
            };
            let starts = std::iter::once(0)
                .chain(line.char_indices().filter(|&(_, c)| clause_end(c) || c == '，').map(|(i, c)| i + c.len_utf8()));
            for at in starts {
                let rest = line[at..].trim_start_matches(' ');
                let at = line.len() - rest.len();
                let Some(label) = label_at(rest) else { continue };
                let slot = match label.form {
                    LabelForm::Shi => 0,
                    LabelForm::Circled => 1,
                    _ => continue,
                };
                if label.number == 1 {
                    flush(&mut series[slot], out);
                }
                let span = input.src.span(line_start + at, line_start + at + label.len);
                series[slot].push(Item { number: label.number, span });
            }
            for s in series.iter_mut() {
                flush(s, out);
            }
            line_start += line.len() + 1;
        }
    }

    #[test]
    fn inline_series_by_example() {
        let codes = |text: &str| inline_checks(text, inline_series).iter().map(|c| c.code).collect::<Vec<_>>();
        assert_eq!(codes("整改措施：一是甲；三是乙。\n"), [NumberGap]);
        assert_eq!(codes("①甲； ②乙；②丙。"), [NumberRepeat]);
        assert_eq!(codes("一是甲，三是乙；①丙；③丁"), [NumberGap, NumberGap]);
        // Prose (`统一是`), a series cut by a line end, `一是否`, a label not at a clause start.
        assert_eq!(codes("统一是好的；三是乙"), []);
        assert_eq!(codes("一是甲\n三是乙"), []);
        assert_eq!(codes("一是否；三是乙"), []);
        assert_eq!(codes("一是甲，乙三是丙"), []);
        assert_eq!(codes("十一是甲；一是乙；二是丙；二是丁"), [NumberRepeat]);
    }

    proptest::proptest! {
        #[test]
        fn inline_series_reads_what_every_clause_start_reads(
            text in proptest::collection::vec(
                proptest::sample::select(vec![
                    "一", "二", "三", "十", "百", "〇", "是", "否", "①", "②", "③", "㉑", "，", "。", "；", "：",
                    " ", "\n", "\u{3000}", "甲", "统", "“", "a", "1", ".", "、",
                ]),
                0..40,
            )
        ) {
            let text = text.concat();
            proptest::prop_assert_eq!(
                inline_checks(&text, inline_series),
                inline_checks(&text, inline_series_by_clause_starts)
            );
        }

        #[test]
        fn series_faults_read_as_the_quadratic_look_back(numbers in proptest::collection::vec(0u32..8, 0..12), first in 0u32..3) {
            // The look-back as first written: search the items before for a repeat, after for a gap.
            let mut expected = Vec::new();
            let mut highest = first.saturating_sub(1);
            for (at, &n) in numbers.iter().enumerate() {
                if let Some(earlier) = numbers[..at].iter().rposition(|&m| m == n) {
                    expected.push(Fault::Repeat { at, earlier });
                } else if n < highest {
                    expected.push(Fault::Order { at });
                } else if n > highest + 1 && !numbers[at + 1..].contains(&(highest + 1)) {
                    expected.push(Fault::Gap { at, from: highest + 1, to: n - 1 });
                }
                highest = highest.max(n);
            }
            proptest::prop_assert_eq!(series_faults(&numbers, first), expected);
        }
    }

    /// What the outline rules read of `view[i]`, found from the tree as they first did: the
    /// ancestors' nodes in hand, the label's own string.
    fn walk_as_first_written<'a>(nodes: &'a [Node], ancestors: &mut Vec<&'a Node>, out: &mut Vec<TreeReading<'a>>) {
        for node in nodes {
            let rank = ladder_rank(node.form);
            let at = ancestors.iter().rposition(|a| match (rank, ladder_rank(a.form)) {
                _ if a.form == LabelForm::Unnumbered => true,
                (Some(r), Some(ar)) => ar < r,
                (Some(_), None) => false,
                (None, _) => a.form != node.form,
            });
            out.push(TreeReading {
                nested: ancestors.iter().filter(|a| a.form == node.form).count(),
                parent_start: ancestors.last().map(|p| p.span.start),
                owner: at.map(|at| Owner {
                    start: ancestors[at].span.start,
                    form: ancestors[at].form,
                    parent: at.checked_sub(1).map(|p| ancestors[p].span.start),
                }),
                label: &node.label,
            });
            ancestors.push(node);
            walk_as_first_written(&node.children, ancestors, out);
            ancestors.pop();
        }
    }

    struct TreeReading<'a> {
        nested: usize,
        parent_start: Option<usize>,
        owner: Option<Owner>,
        label: &'a str,
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 500, ..Default::default() })]
        #[test]
        fn the_view_reads_what_the_tree_walk_read(
            lines in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "一、", "三、", "（一）", "(二)", "（三）", "1.", "2、", "３.", "4.", "（1）", "（2）",
                        "一是", "二是", "①", "③", "首先，", "其次，", "已完成整改的问题", "",
                    ]),
                    proptest::sample::select(vec!["甲问题。已完成整改。", "乙方面", "正在整改。", ""]),
                ),
                0..30,
            )
        ) {
            let text: String = lines.iter().map(|(label, rest)| format!("{label}{rest}\n")).collect();
            let src = Source::new(&text);
            let mut stages = crate::parse::Stages::new(&src, crate::parse::ParseOptions::default());
            while stages.step() {}
            let (meta, stated) = (Meta::default(), Stated::default());
            let view = &stages.proofread_view;
            let input = Input { src: &src, outline: &stages.outline, meta: &meta, stated: &stated, view };
            let mut tree = Vec::new();
            walk_as_first_written(&stages.outline, &mut Vec::new(), &mut tree);
            proptest::prop_assert_eq!(view.len(), tree.len());
            for (i, (n, t)) in view.iter().zip(&tree).enumerate() {
                proptest::prop_assert_eq!(n.nested, t.nested);
                proptest::prop_assert_eq!(n.parent.map(|p| view[p].start), t.parent_start);
                proptest::prop_assert!(owner_of(view, i) == t.owner);
                proptest::prop_assert_eq!(input.written(n.label), t.label);
            }
        }
    }

    #[test]
    fn every_rule_fires_on_its_example_and_only_there() {
        for rule in RULES {
            let codes: Vec<CheckCode> = crate::parse(rule.example).checks.iter().map(|c| c.code).collect();
            assert_eq!(codes, [rule.codes[0]], "{}", rule.example);
        }
    }
}
