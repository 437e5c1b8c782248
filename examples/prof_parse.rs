//! Per-stage timing of the phrase-grammar stages on a 1 MB synthetic notice (a quick check;
//! criterion figures come from `cargo bench --bench parse`): `cargo run --release --example prof_parse`.
//!
//! With a file, parses it N times (default 1) and exits, for instruction counts of `parse()`
//! alone: `valgrind --tool=callgrind target/release/examples/prof_parse /tmp/2mb.txt [N]`, then
//! `callgrind_annotate --inclusive=yes` and read `parse_with`. The first parse also compiles the
//! phrase patterns (once per process); N = 2 minus N = 1 is what one more parse costs.

#[path = "../benches/support/mod.rs"]
mod support;

use notice_outline::parse::{layout, meta, stated, text};
use std::time::Instant;

fn main() {
    if let Some(path) = std::env::args().nth(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let times: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(1);
        for _ in 0..times {
            let notice = std::hint::black_box(notice_outline::parse(&text));
            println!("{} top-level nodes, {} checks", notice.outline.len(), notice.checks.len());
        }
        return;
    }
    let text = support::notice(1 << 20);
    let n = 20;
    let src = text::Source::new(&text);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(layout::layout(&src.folded));
    }
    println!("layout {:?}", t.elapsed() / n);
    let l = layout::layout(&src.folded);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(meta::extract_meta(&src, &l));
    }
    println!("meta {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(stated::extract_stated_from(&src, l.title_end));
    }
    println!("stated {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(notice_outline::parse(&text));
    }
    println!("parse {:?}", t.elapsed() / n);
}
