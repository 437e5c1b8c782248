//! Adversarial inputs: what strangers paste. Each test checks behaviour (no panic, every
//! invariant of `fuzz/invariants.rs`, a sensible outline) and prints the time and the peak
//! memory the parse took, measured with a counting global allocator.
//!
//! The figures in README's "Hardening" section come from
//! `cargo test --release --test adversarial -- --nocapture --test-threads=1`.
//! Time is reported, never asserted: a timed assertion fails on a busy machine, not on slow code.
//! Linearity is measured by `benches/scaling.rs`.

#[path = "../fuzz/invariants.rs"]
mod invariants;

use notice_outline::model::{LabelForm, Node, Notice};
use notice_outline::{export, parse, parse_bytes};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------------
// Measuring: a global allocator that counts live bytes and remembers the peak.

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The allocator counts the whole process, so measured sections run one at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

struct Measured<T> {
    value: T,
    time: Duration,
    /// Most bytes allocated at once during the call, above what was live before it.
    peak: usize,
}

fn measure<T>(f: impl FnOnce() -> T) -> Measured<T> {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let started = Instant::now();
    let value = f();
    let time = started.elapsed();
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    Measured { value, time, peak }
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_048_576.0
}

/// Parses `input`, checks every invariant, and prints one line of figures.
fn parse_and_report(name: &str, input: &str) -> Notice {
    let m = measure(|| parse(input));
    // Above a megabyte the exports are timed by the tests themselves; a JSON round trip here
    // would only slow the debug build.
    let nodes = if input.len() > 1024 * 1024 {
        invariants::check_structure(input, &m.value)
    } else {
        invariants::check_notice(input, &m.value)
    };
    println!(
        "adversarial {name:<28} input {:>8.2} MB  parse {:>9.1} ms  peak {:>8.2} MB ({:>5.1}x input)  nodes {nodes} [{}]",
        mb(input.len()),
        m.time.as_secs_f64() * 1000.0,
        mb(m.peak),
        if input.is_empty() { 0.0 } else { m.peak as f64 / input.len() as f64 },
        if cfg!(debug_assertions) { "debug build" } else { "release build" },
    );
    m.value
}

fn report_export(name: &str, input_len: usize, f: impl FnOnce() -> String) -> String {
    let m = measure(f);
    println!(
        "adversarial {name:<28} input {:>8.2} MB  export {:>8.1} ms  peak {:>8.2} MB  output {:.2} MB",
        mb(input_len),
        m.time.as_secs_f64() * 1000.0,
        mb(m.peak),
        mb(m.value.len())
    );
    m.value
}

fn all_nodes(outline: &[Node]) -> Vec<&Node> {
    let mut out = Vec::new();
    fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a Node>) {
        for n in nodes {
            out.push(n);
            walk(&n.children, out);
        }
    }
    walk(outline, &mut out);
    out
}

// ---------------------------------------------------------------------------------------------
// Inputs (all invented).

const NOTICE: &str = include_str!("../fixtures/short-notice.txt");

/// `NOTICE` repeated until the text reaches `bytes`.
fn notices(bytes: usize) -> (String, usize) {
    let copies = bytes.div_ceil(NOTICE.len());
    (NOTICE.repeat(copies), copies)
}

/// One line of every label form nested under the previous one, as deep as the forms go.
const DEEP_UNIT: &str = "一、第一部分\n（一）第一组\n1.第一项\n（1）第一小项\n1）第一细项\n①第一点。\n一是第一步。\n";

/// The UTF-8 bytes of `text` read as Latin-1, as a browser shows a mislabelled page.
fn utf8_as_latin1(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// A few characters of a notice in GBK (the encoding most older government sites use).
const GBK: &[(char, [u8; 2])] = &[
    ('一', [0xd2, 0xbb]),
    ('二', [0xb6, 0xfe]),
    ('、', [0xa1, 0xa2]),
    ('。', [0xa1, 0xa3]),
    ('（', [0xa3, 0xa8]),
    ('）', [0xa3, 0xa9]),
    ('关', [0xb9, 0xd8]),
    ('于', [0xd3, 0xda]),
    ('整', [0xd5, 0xfb]),
    ('改', [0xb8, 0xc4]),
    ('情', [0xc7, 0xe9]),
    ('况', [0xbf, 0xf6]),
    ('问', [0xce, 0xca]),
    ('题', [0xcc, 0xe2]),
    ('已', [0xd2, 0xd1]),
    ('完', [0xcd, 0xea]),
    ('成', [0xb3, 0xc9]),
];

/// `text` encoded as GBK (characters outside the small table as `?`), the bytes read as Latin-1.
fn gbk_as_latin1(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match GBK.iter().find(|(k, _)| *k == c) {
            Some((_, bytes)) => out.extend(bytes.iter().map(|&b| char::from(b))),
            None if c.is_ascii() => out.push(c),
            None => out.push('?'),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Tests.

#[test]
fn empty_and_whitespace_only_text_gives_an_empty_outline() {
    for (name, text) in [
        ("empty", ""),
        ("spaces", "     "),
        ("newlines", "\n\n\n\n"),
        ("mixed whitespace", " \t\u{3000}\u{a0}\r\n\r\n\u{3000}\u{3000}\n"),
        ("invisible only", "\u{feff}\u{200b}\u{200d}\u{202e}\u{2066}"),
    ] {
        let notice = parse_and_report(name, text);
        assert!(notice.outline.is_empty(), "{name}: {:?}", notice.outline);
        assert_eq!(notice.counts.nodes, 0, "{name}");
        assert_eq!(notice.counts.progress.problems, 0, "{name}");
        assert_eq!(notice.counts.completion_rate, None, "{name}");
    }
    assert!(parse_bytes(b"").is_ok());
}

#[test]
fn ten_megabytes_of_notices_parse_in_linear_memory() {
    let one = parse(NOTICE);
    let per_copy = invariants::count_nodes(&one.outline);
    assert!(per_copy >= 10, "the sample notice should outline, got {per_copy} nodes");

    let (text, copies) = notices(10 * 1024 * 1024);
    let notice = parse_and_report("10 MB of notices", &text);
    // Each copy restarts at 一、, so each copy adds the same nodes again.
    assert_eq!(invariants::count_nodes(&notice.outline), per_copy * copies);
    assert_eq!(
        notice.counts.progress.problems,
        one.counts.progress.problems * copies as u32,
        "every copy's problems are counted"
    );

    let json = report_export("10 MB of notices → JSON", text.len(), || export::to_json(&notice));
    assert!(json.len() > text.len(), "the JSON carries every heading and body");
    report_export("10 MB of notices → Markdown", text.len(), || export::to_markdown(&notice));
    report_export("10 MB of notices → CSV", text.len(), || export::to_csv(&notice, &text));
}

#[test]
fn a_hundred_thousand_labels_give_a_hundred_thousand_nodes() {
    const N: usize = 100_000;
    let text = "一、整改\n".repeat(N);
    let notice = parse_and_report("100 000 labelled lines", &text);
    assert_eq!(notice.outline.len(), N, "one top-level node per labelled line");
    assert!(notice.outline.iter().all(|n| n.heading == "整改" && n.children.is_empty()));

    let bare = "一、\n".repeat(N);
    let notice = parse_and_report("100 000 bare labels, lines", &bare);
    assert!(invariants::count_nodes(&notice.outline) <= N);

    let in_a_row = "一、".repeat(N);
    let notice = parse_and_report("100 000 labels in a row", &in_a_row);
    assert!(invariants::count_nodes(&notice.outline) <= N);
}

#[test]
fn one_five_megabyte_line_with_no_break() {
    let unit = "巡察反馈问题整改落实情况良好，";
    let text = unit.repeat(5 * 1024 * 1024 / unit.len());
    let notice = parse_and_report("5 MB line, no labels", &text);
    assert!(notice.outline.is_empty(), "a line with no label is no outline");

    // The same size as one pasted line that does hold labels inline.
    let unit = "一、关于学习方面（一）学习不深入。整改情况：一是完善制度；二是开展研讨。已完成整改。";
    let text = unit.repeat(5 * 1024 * 1024 / unit.len());
    let notice = parse_and_report("5 MB line of inline labels", &text);
    assert!(!notice.outline.is_empty(), "labels inside one long line still outline");
}

#[test]
fn labels_nested_as_deep_as_the_forms_allow() {
    let one = parse(DEEP_UNIT);
    let depth = invariants::max_depth(&one.outline);
    let forms: Vec<LabelForm> = all_nodes(&one.outline).iter().map(|n| n.form).collect();
    println!("adversarial deep unit: depth {depth}, forms {forms:?}");
    // 一、（一）1.（1）1） nest; ① and 一是 on lines of their own are at most steps of the last.
    assert!(depth >= 5, "each form nests under the previous one, got depth {depth}");

    const REPEATS: usize = 20_000;
    let text = DEEP_UNIT.repeat(REPEATS);
    let notice = parse_and_report("deep nesting × 20 000", &text);
    // Depth is capped (`tree::MAX_DEPTH`), so deep input cannot make the recursive parts of the
    // parser, the exports or the page's rendering run out of stack.
    let max = notice_outline::parse::tree::MAX_DEPTH as u32;
    assert!(
        invariants::max_depth(&notice.outline) <= max,
        "depth {} over the cap {max}",
        invariants::max_depth(&notice.outline)
    );
    assert_eq!(invariants::count_nodes(&notice.outline), invariants::count_nodes(&one.outline) * REPEATS);
}

/// A restart at `一、` after the document's last top-level part is a new run of parts (two
/// notices pasted one after the other), not a child of the deepest open item.
#[test]
fn numbering_that_restarts_does_not_nest_deeper() {
    let one = parse(DEEP_UNIT);
    let notice = parse(&DEEP_UNIT.repeat(3));
    assert_eq!(invariants::max_depth(&notice.outline), invariants::max_depth(&one.outline));
    assert_eq!(notice.outline.len(), 3);

    let one = parse(NOTICE);
    let twice = parse(&NOTICE.repeat(2));
    assert_eq!(twice.outline.len(), 2 * one.outline.len(), "the second notice's parts are top-level too");
    assert_eq!(twice.counts.progress.done, 2 * one.counts.progress.done, "and its statuses are read");
}

#[test]
fn control_invisible_and_bidi_characters_and_emoji() {
    let text = "\u{feff}一、关于\u{0}作风\u{1}方面\u{7}\n\
                （一）\u{200b}会议\u{200d}过多\u{202e}问题\u{202c}。整改情况：已完成整改。\n\
                （二）\u{feff}检查😀过多👨‍👩‍👧问题🇨🇳。整改情况：正在整改。\u{2028}\
                （三）\u{1b}[31m红字\u{1b}[0m\u{85}问题\u{7f}。\r\n\
                二、\u{2066}隔离\u{2069}\u{fffd}\u{fffe}\u{10ffff}𠀀𪚥\n";
    let notice = parse_and_report("control/bidi/emoji", text);
    let headings: Vec<&str> = all_nodes(&notice.outline).iter().map(|n| n.heading.as_str()).collect();
    println!("adversarial control/bidi/emoji headings: {headings:?}");
    assert_eq!(notice.outline.len(), 2, "一、 and 二、 despite BOMs and controls");
    assert!(headings.iter().any(|h| h.contains("😀") && h.contains("👨‍👩‍👧")), "emoji are kept as written");

    // NUL-heavy and control-only text.
    let nul = "\u{0}".repeat(100_000) + "一、标题\n" + &"\u{1}\u{2}\u{3}".repeat(10_000);
    let notice = parse_and_report("100 000 NULs + a label", &nul);
    assert_eq!(invariants::count_nodes(&notice.outline), 1);

    // A BOM on every line, as some concatenated exports have.
    let boms = "\u{feff}一、标题甲\n\u{feff}二、标题乙\n\u{feff}（一）问题。已完成整改。\n";
    let notice = parse_and_report("a BOM on every line", boms);
    assert_eq!(notice.outline.len(), 2);
    assert_eq!(notice.outline[0].heading, "标题甲");

    // Astral characters move UTF-16 offsets away from char counts; the invariants check them.
    let astral = "😀😀😀\n一、𠀀𠀀问题😀。\n二、第二\n".repeat(1000);
    let notice = parse_and_report("astral-plane characters", &astral);
    assert_eq!(notice.outline.len(), 2000);
}

#[test]
fn mojibake_parses_to_nothing_harmful() {
    let latin = utf8_as_latin1(NOTICE);
    let notice = parse_and_report("UTF-8 read as Latin-1", &latin);
    // Only the ASCII labels (`1.`) survive the misreading; U+0085 (byte 0x85 of many CJK
    // characters) is a line break, so the text falls apart into many short lines.
    for node in all_nodes(&notice.outline) {
        assert!(node.label.is_ascii(), "a label from mojibake: {:?}", node.label);
    }

    let gbk = gbk_as_latin1(&"一、关于整改情况\n（一）问题已完成整改。\n二、完成情况\n".repeat(10_000));
    let notice = parse_and_report("GBK read as Latin-1", &gbk);
    assert!(notice.outline.is_empty());

    // Raw GBK bytes handed to parse_bytes: refused with the offset of the first bad byte.
    let raw: Vec<u8> = "一、关于整改".chars().flat_map(|c| GBK.iter().find(|(k, _)| *k == c).unwrap().1).collect();
    match parse_bytes(&raw) {
        // `一` is D2 BB in GBK, which happens to be valid UTF-8 (U+04BB): the first bad byte is later.
        Err(notice_outline::InputError::InvalidUtf8 { offset }) => {
            assert_eq!(offset, std::str::from_utf8(&raw).unwrap_err().valid_up_to());
            assert!(offset > 0 && offset < raw.len());
        }
        Ok(_) => panic!("GBK bytes are not UTF-8"),
    }
}

const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[点此查看](javascript:alert(1))",
    "<a href=\"javascript:window.__pwned=1\">链接</a>",
    "<svg onload=alert(1)>",
    "=HYPERLINK(\"http://example.com\",\"x\")",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
];

fn payload_notice() -> String {
    let mut text = String::from("关于<script>alert(1)</script>巡察整改进展情况的通报\n一、整改落实情况\n");
    for (i, payload) in PAYLOADS.iter().enumerate() {
        text.push_str(&format!("（{}）{payload}问题。\n整改情况：已完成整改。\n", i + 1));
    }
    // Payloads at the very start of a heading, where a CSV cell starts.
    text.push_str("二、=1+1\n三、@import\n");
    text
}

#[test]
fn html_and_script_stay_plain_text_in_the_model() {
    let text = payload_notice();
    let notice = parse_and_report("HTML/script payloads", &text);
    let nodes = all_nodes(&notice.outline);
    // A heading ends at the first `：？！` (`javascript:` included), so a payload may run on into
    // the body: either way the node's text holds it verbatim, as text.
    for payload in PAYLOADS {
        assert!(
            nodes.iter().any(|n| format!("{}{}", n.heading, n.body).contains(payload)
                || n.heading.contains(payload)
                || text[n.heading_span.start..n.body_span.end.max(n.heading_span.end)].contains(payload)),
            "{payload} is carried verbatim in a node"
        );
    }
    assert!(nodes
        .iter()
        .any(|n| n.heading == "<script>alert(1)</script>问题。" || n.heading == "<script>alert(1)</script>问题"));
    let json = export::to_json(&notice);
    assert!(json.contains("<script>alert(1)</script>"), "JSON carries the text as data (it is escaped by the reader)");
}

#[test]
fn csv_export_neutralises_formulas() {
    let text = payload_notice();
    let notice = parse(&text);
    let csv = export::to_csv(&notice, &text);
    for line in csv.lines() {
        for cell in split_csv_line(line) {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "CSV cell would run as a formula: {cell:?} in {line:?}");
        }
    }
}

/// Splits one RFC 4180 line (no embedded line breaks in these cells) into unquoted cells.
fn split_csv_line(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(String::new()),
            (c, _) => cells.last_mut().unwrap().push(c),
        }
    }
    cells
}

#[test]
fn markdown_export_carries_no_live_html() {
    let text = payload_notice();
    let notice = parse(&text);
    let md = export::to_markdown(&notice);
    // Every `<` and `[`/`]` that comes from the pasted text is backslash-escaped, so no Markdown
    // renderer turns it into an element or a link.
    assert!(md.contains("alert(1)"), "the payload text itself is kept");
    let mut previous = ' ';
    for c in md.chars() {
        if matches!(c, '<' | '[' | ']') {
            assert_eq!(previous, '\\', "unescaped {c:?} in the Markdown export:\n{md}");
        }
        previous = c;
    }
}
