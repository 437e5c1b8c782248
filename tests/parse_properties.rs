//! Property tests: for arbitrary input, parsing never panics, every span lies on char
//! boundaries inside the input, children lie inside their parents and siblings are in order.
//! The invariants are the ones the fuzz target checks (`fuzz/invariants.rs`), shared.

#[path = "../fuzz/invariants.rs"]
mod invariants;

use proptest::prelude::*;

/// Pieces notices are made of: labels of every form, punctuation, whitespace, status words.
const PIECES: &[&str] = &[
    "一、",
    "二、",
    "十一、",
    "（一）",
    "(二)",
    "（三）、",
    "1.",
    "2、",
    "３．",
    "10.",
    "（1）",
    "(2)",
    "3）",
    "4)",
    "①",
    "②",
    "⑳",
    "第一，",
    "第二、",
    "一是",
    "二是",
    "三是",
    "首先，",
    "其次，",
    "最后，",
    "。",
    "；",
    "：",
    ":",
    ";",
    ",",
    ".",
    "！",
    "\n",
    "\r\n",
    "\r",
    "\u{3000}",
    " ",
    "\t",
    "整改情况：",
    "已完成整改",
    "正在推进整改",
    "尚未完成",
    "问题",
    "关于",
    "方面",
    "下一步工作打算",
    "已完成整改的问题（3个）",
    "反馈问题整改情况",
    // Dates and figures for the proofreading rules (order, nonexistent dates, impossible rates).
    "2023年6月31日",
    "2月30日",
    "至",
    "巡察",
    "反馈",
    "公示期",
    "整改完成率120%",
    "已完成整改5个",
    "18个问题",
    "2023年4月10日至6月10日",
    "联系电话：",
    "\u{feff}",
    "\u{200b}",
    "\u{202e}",
    "😀",
    "問題",
    "（",
    "）",
    "(",
    ")",
    "、",
    "是",
    "0",
    "9",
];

fn notice_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => any::<char>().prop_map(|c| c.to_string()),
            1 => "[\\u{4e00}-\\u{4e80}]{1,12}",
        ],
        0..120,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn notice_like_text_keeps_every_invariant(text in notice_like()) {
        let notice = notice_outline::parse(&text);
        invariants::check_notice(&text, &notice);
        invariants::check_exports(&text, &notice);
    }

    #[test]
    fn arbitrary_unicode_keeps_every_invariant(text in any::<String>()) {
        let notice = notice_outline::parse(&text);
        invariants::check_notice(&text, &notice);
    }

    /// The page runs the stages one per task and may finish at any point: the same notice, with
    /// progress counting up at every step.
    #[test]
    fn the_stages_one_at_a_time_give_the_parse(text in notice_like(), stop in 0usize..20) {
        use notice_outline::parse::{text::Source, ParseOptions, Stages};
        let src = Source::new(&text);
        let mut stages = Stages::new(&src, ParseOptions::default());
        let mut last = stages.progress();
        for _ in 0..stop {
            if !stages.step() {
                break;
            }
            let now = stages.progress();
            prop_assert!(now.0 > last.0 && now.0 < now.1 && now.1 == last.1, "{:?} after {:?}", now, last);
            last = now;
        }
        prop_assert_eq!(stages.finish(), notice_outline::parse(&text));
    }

    /// A long text's tree is read over several steps, a stretch of lines each: the same outline
    /// as in one go, wherever the stretches end.
    #[test]
    fn the_tree_read_in_stretches_is_the_tree(text in notice_like(), stretch in 1usize..200) {
        use notice_outline::parse::{text::Source, tree};
        let src = Source::new(&text);
        let end = src.folded.len();
        let mut build = tree::Build::new(&src.folded, 0, end);
        while build.advance(stretch) {}
        prop_assert_eq!(build.finish(), tree::build(&src.folded, 0, end));
    }

    /// The nesting of a long text is built over several steps, the nodes of a stretch of text
    /// each: the same outline, counts and conflicts as in one go, wherever the stretches end.
    #[test]
    fn the_outline_nested_in_stretches_is_the_outline(text in notice_like(), stretch in 1usize..200) {
        use notice_outline::parse::{nest, status, text::Source, tree, utf16::Utf16Index};
        let src = Source::new(&text);
        let flat = tree::build(&src.folded, 0, src.folded.len());
        let roles = status::classify(&src.folded, &flat);
        let index = Utf16Index::new(&text);
        let input = nest::Input { src: &src, flat: &flat, roles: &roles, utf16: Some(&index) };
        let mut stepped = nest::Nest::default();
        let mut until = 0;
        while stepped.advance(&input, until) {
            until += stretch;
        }
        let (stepped, at_once) = (stepped.finish(&input), nest::Nest::default().finish(&input));
        prop_assert_eq!(stepped.outline, at_once.outline);
        prop_assert_eq!(stepped.counts, at_once.counts);
        prop_assert_eq!(stepped.conflicts, at_once.conflicts);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        invariants::check_bytes(&bytes);
    }

    /// Ragged indentation, CRLF and blank lines do not change the outline. (Blank lines among
    /// the first lines may: they end a title, `关于…整改情况` + blank + `一、…`.)
    #[test]
    fn whitespace_does_not_change_the_outline(text in notice_like(), indent in prop::sample::select(vec!["", "  ", "\u{3000}\u{3000}", "\t"])) {
        let messy: String = text
            .lines()
            .enumerate()
            .map(|(i, l)| if i < 4 { format!("{indent}{l}\r\n") } else { format!("{indent}{l}\r\n\r\n") })
            .collect();
        let clean: String = text.lines().map(|l| format!("{l}\n")).collect();
        let shape = |t: &str| {
            fn walk(nodes: &[notice_outline::model::Node], out: &mut Vec<(u32, String, String)>) {
                for n in nodes {
                    out.push((n.level, n.label.clone(), n.heading.trim().to_string()));
                    walk(&n.children, out);
                }
            }
            let mut out = Vec::new();
            walk(&notice_outline::parse(t).outline, &mut out);
            out
        };
        prop_assert_eq!(shape(&messy), shape(&clean));
    }
}

/// Simplified → traditional for every character the parser folds back (`问`→`問`).
fn traditional_of() -> std::collections::HashMap<char, char> {
    let mut map = std::collections::HashMap::new();
    for t in '\u{4e00}'..='\u{9fff}' {
        if let Some(s) = notice_outline::parse::text::fold_char(t) {
            if s != t {
                map.entry(s).or_insert(t);
            }
        }
    }
    map
}

/// Everything in the model but the text itself: structure, kinds, statuses, spans, counts, the
/// stated figures and the checks' codes.
fn model_apart_from_text(n: &notice_outline::model::Notice) -> String {
    fn walk(nodes: &[notice_outline::model::Node], out: &mut String) {
        for n in nodes {
            let evidence = n.status_evidence.as_ref().map(|e| e.span);
            out.push_str(&format!(
                "{}|{:?}|{:?}|{:?}|{}|{:?}|{:?}|{:?}\n",
                n.level, n.kind, n.status, n.form, n.number, n.measures, n.span, evidence
            ));
            walk(&n.children, out);
        }
    }
    let mut out = String::new();
    walk(&n.outline, &mut out);
    let mut stated = n.stated.clone();
    stated.spans.clear();
    let checks: Vec<&str> = n.checks.iter().map(|c| c.code.as_str()).collect();
    format!("{out}{:?}\n{stated:?}\n{checks:?}", n.counts)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Traditional and simplified characters give the same model apart from the text itself,
    /// whichever characters of an invented notice are written in traditional form.
    #[test]
    fn traditional_and_simplified_give_the_same_model(
        name in prop::sample::select(vec!["status-groups.txt", "problem-rules.txt", "county-transport.txt", "audit-rectification.txt", "provincial-paragraph-measures.txt"]),
        seed in any::<u64>(),
    ) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name);
        let simplified = std::fs::read_to_string(path).unwrap();
        let map = traditional_of();
        // A pseudo-random half of the characters that have a traditional form take it.
        let mut state = seed | 1;
        let traditional: String = simplified
            .chars()
            .map(|c| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                match map.get(&c) {
                    Some(&t) if state & 1 == 1 => t,
                    _ => c,
                }
            })
            .collect();
        prop_assume!(traditional != simplified);
        let a = model_apart_from_text(&notice_outline::parse(&simplified));
        let b = model_apart_from_text(&notice_outline::parse(&traditional));
        prop_assert_eq!(a, b);
    }
}
