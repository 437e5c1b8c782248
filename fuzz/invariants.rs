//! Invariants every parse result must satisfy, whatever the input.
//!
//! Shared (by `#[path]`) between the fuzz target `fuzz/fuzz_targets/parse.rs`,
//! `tests/fuzz_regressions.rs` and `tests/adversarial.rs`, so a crash the fuzzer finds is checked
//! by exactly the same rules when its input is replayed in `cargo test`.
//!
//! Every check panics with a message naming the offending span, which is what both libFuzzer
//! and the test harness report.

#![allow(dead_code)]

use notice_outline::model::{Node, NodeKind, Notice, Span};
use std::collections::BTreeMap;

/// Checks the whole result of `parse(input)` and that the exports do not panic.
/// Returns the number of nodes in the outline.
pub fn check_notice(input: &str, notice: &Notice) -> usize {
    let nodes = check_structure(input, notice);
    check_exports(input, notice);
    nodes
}

/// Every invariant of the model itself (spans, nesting, order, counts), without the exports:
/// for multi-megabyte inputs, where a JSON round trip would dominate a debug-build test.
pub fn check_structure(input: &str, notice: &Notice) -> usize {
    let mut spans: Vec<(Span, String)> = Vec::new();

    // The outline: containment, order, levels, labels sliced from the input.
    let mut nodes = 0usize;
    check_siblings(input, &notice.outline, None, 1, "outline", &mut spans, &mut nodes);
    assert_eq!(
        notice.counts.nodes as usize, nodes,
        "counts.nodes says {} but the outline holds {nodes} nodes",
        notice.counts.nodes
    );
    let p = notice.counts.progress;
    assert_eq!(
        p.problems,
        p.done + p.in_progress + p.not_done + p.unknown,
        "problem counts by status do not add up: {p:?}"
    );
    if let Some(rate) = notice.counts.completion_rate {
        assert!(rate.is_finite() && (0.0..=100.0).contains(&rate), "derived completion rate {rate}");
    }
    if let Some(rate) = notice.stated.completion_rate {
        assert!(rate.is_finite(), "stated completion rate {rate} is not finite");
    }

    // Every other span in the model.
    for (field, list) in &notice.meta.spans {
        for (i, s) in list.iter().enumerate() {
            spans.push((*s, format!("meta.spans[{field}][{i}]")));
        }
    }
    for (field, s) in &notice.stated.spans {
        spans.push((*s, format!("stated.spans[{field}]")));
    }
    for (i, check) in notice.checks.iter().enumerate() {
        for (j, s) in check.spans.iter().enumerate() {
            spans.push((*s, format!("checks[{i}]({}).spans[{j}]", check.code)));
        }
        for v in [check.stated, check.derived].into_iter().flatten() {
            assert!(v.is_finite(), "checks[{i}]({}) carries a non-finite figure {v}", check.code);
        }
    }
    check_spans(input, &spans);
    nodes
}

/// The exports never panic, and the JSON is valid and reads back into the same model.
pub fn check_exports(input: &str, notice: &Notice) {
    let json = notice_outline::export::to_json(notice);
    let back: Notice =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("to_json produced JSON that does not read back: {e}"));
    assert!(back == *notice, "to_json does not round-trip");
    let _ = notice_outline::export::to_markdown(notice);
    let _ = notice_outline::export::to_csv(notice, input);
}

fn check_siblings(
    input: &str,
    siblings: &[Node],
    parent: Option<&Node>,
    level: u32,
    path: &str,
    spans: &mut Vec<(Span, String)>,
    nodes: &mut usize,
) {
    let mut previous_end = parent.map(|p| p.span.start).unwrap_or(0);
    for (i, node) in siblings.iter().enumerate() {
        *nodes += 1;
        let here = format!("{path}[{i}]");
        let s = node.span;
        assert!(s.start <= s.end, "{here}.span {s:?} ends before it starts");
        assert!(
            s.start >= previous_end,
            "{here}.span {s:?} starts before the previous sibling (or its parent) ends at {previous_end}"
        );
        previous_end = s.end;
        if let Some(parent) = parent {
            assert!(parent.span.contains(&s), "{here}.span {s:?} is outside its parent's {:?}", parent.span);
        }
        assert_eq!(node.level, level, "{here}.level");
        for (part, sub) in
            [("label_span", node.label_span), ("heading_span", node.heading_span), ("body_span", node.body_span)]
        {
            // An empty part may sit anywhere valid; a non-empty one belongs to its node.
            if !sub.is_empty() {
                assert!(s.contains(&sub), "{here}.{part} {sub:?} is outside the node's span {s:?}");
            }
            spans.push((sub, format!("{here}.{part}")));
        }
        spans.push((s, format!("{here}.span")));
        if sub_ok(input, node.label_span) {
            assert_eq!(
                &input[node.label_span.start..node.label_span.end],
                node.label,
                "{here}.label is not the text at its label_span"
            );
        }
        assert_eq!(node.status.is_some(), node.kind == NodeKind::Problem, "{here}: status only on problems");
        if let Some(progress) = node.progress {
            assert_eq!(
                progress.problems,
                progress.done + progress.in_progress + progress.not_done + progress.unknown,
                "{here}.progress does not add up: {progress:?}"
            );
        }
        check_siblings(input, &node.children, Some(node), level + 1, &format!("{here}.children"), spans, nodes);
    }
}

fn sub_ok(input: &str, s: Span) -> bool {
    s.start <= s.end && s.end <= input.len() && input.is_char_boundary(s.start) && input.is_char_boundary(s.end)
}

/// Byte offsets inside the input, on char boundaries, and UTF-16 offsets that match them.
/// One pass over the input for all spans, so this stays cheap on 10 MB inputs.
pub fn check_spans(input: &str, spans: &[(Span, String)]) {
    for (s, what) in spans {
        assert!(s.start <= s.end, "{what} {s:?}: start after end");
        assert!(s.end <= input.len(), "{what} {s:?}: ends past the input ({} bytes)", input.len());
        assert!(input.is_char_boundary(s.start), "{what} {s:?}: start is not on a char boundary");
        assert!(input.is_char_boundary(s.end), "{what} {s:?}: end is not on a char boundary");
    }
    let mut wanted: Vec<usize> = spans.iter().flat_map(|(s, _)| [s.start, s.end]).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let utf16 = utf16_offsets(input, &wanted);
    for (s, what) in spans {
        assert_eq!(s.start_utf16, utf16[&s.start], "{what} {s:?}: start_utf16 does not match byte offset {}", s.start);
        assert_eq!(s.end_utf16, utf16[&s.end], "{what} {s:?}: end_utf16 does not match byte offset {}", s.end);
    }
}

/// The UTF-16 offset of each (sorted, char-boundary) byte offset in `wanted`.
fn utf16_offsets(input: &str, wanted: &[usize]) -> BTreeMap<usize, usize> {
    let mut out = BTreeMap::new();
    let mut next = wanted.iter().copied().peekable();
    let mut units = 0usize;
    for (at, c) in input.char_indices().chain(std::iter::once((input.len(), '\0'))) {
        while let Some(&w) = next.peek() {
            if w > at {
                break;
            }
            out.insert(w, units);
            next.next();
        }
        if next.peek().is_none() {
            break;
        }
        units += c.len_utf16();
    }
    out
}

/// The number of nodes in an outline (for tests that compare against an expected count).
pub fn count_nodes(outline: &[Node]) -> usize {
    outline.iter().map(|n| 1 + count_nodes(&n.children)).sum()
}

/// The deepest level in an outline.
pub fn max_depth(outline: &[Node]) -> u32 {
    outline.iter().map(|n| n.level.max(max_depth(&n.children))).max().unwrap_or(0)
}

/// What the fuzz target and the regression test do with one raw input.
pub fn check_bytes(data: &[u8]) {
    match notice_outline::parse_bytes(data) {
        Ok(notice) => {
            let text = std::str::from_utf8(data).expect("parse_bytes accepted invalid UTF-8");
            check_notice(text, &notice);
        }
        Err(notice_outline::InputError::InvalidUtf8 { offset }) => {
            let valid = std::str::from_utf8(data).err().map(|e| e.valid_up_to());
            assert_eq!(valid, Some(offset), "InvalidUtf8 offset is not the first bad byte");
            // Still exercise the parser on what a lossy reader (the page's FileReader) would give.
            let lossy = String::from_utf8_lossy(data);
            check_notice(&lossy, &notice_outline::parse(&lossy));
        }
    }
}

/// The pieces notices are made of. The `tokens` fuzz target builds its text from these, one
/// per input byte, so libFuzzer explores structure (labels, nesting, statuses, line breaks)
/// instead of spending its time on byte soup.
pub const TOKENS: &[&str] = &[
    "一、",
    "二、",
    "三、",
    "十一、",
    "（一）",
    "（二）",
    "(三)",
    "第一、",
    "第二，",
    "1.",
    "2.",
    "1、",
    "3、",
    "１．",
    "（1）",
    "(2)",
    "1）",
    "2)",
    "①",
    "②",
    "⑳",
    "一是",
    "二是",
    "三是",
    "首先，",
    "其次，",
    "最后，",
    "整改情况：",
    "整改进展：",
    "已完成整改。",
    "正在整改。",
    "未完成整改。",
    "持续推进。",
    "长期坚持。",
    "关于",
    "方面",
    "问题",
    "巡察反馈的3个方面12个问题，已完成整改10个，正在整改2个，整改完成率83.3%。",
    "共制定整改措施36条。",
    "下一步工作打算",
    "联系电话：0571-12345678；",
    "电子邮箱：a@example.cn。",
    "2023年11月20日",
    "2023年4月10日至6月10日，",
    "中共某某县委",
    "。",
    "；",
    "：",
    "，",
    "！",
    "？",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\u{3000}",
    "\t",
    "\u{feff}",
    "\u{200b}",
    "\u{202e}",
    "😀",
    "𠀀",
    "問題",
    "進展",
    "關於",
    "<script>",
    "=",
    "\u{0}",
    "\u{85}",
    "\u{2028}",
    "学习贯彻不够深入",
    "a",
    "9",
    "９",
    "百",
    "零",
];

/// The text a `tokens` fuzz input stands for.
pub fn tokens_text(data: &[u8]) -> String {
    data.iter().map(|&b| TOKENS[b as usize % TOKENS.len()]).collect()
}

/// What the `tokens` fuzz target and the regression test do with one token input.
pub fn check_tokens(data: &[u8]) {
    let text = tokens_text(data);
    check_notice(&text, &notice_outline::parse(&text));
}
