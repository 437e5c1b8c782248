//! Per-stage timing of the phrase-grammar stages on a 1 MB synthetic notice (a quick check;
//! criterion figures come from `cargo bench --bench parse`): `cargo run --release --example prof_parse`.
//!
//! With a file, parses it once and exits, for instruction counts of `parse()` alone:
//! `valgrind --tool=callgrind --toggle-collect='notice_outline::parse::parse_with*'
//! target/release/examples/prof_parse /tmp/2mb.txt`.

#[path = "../benches/support/mod.rs"]
mod support;

use notice_outline::parse::{layout, meta, stated, text};
use std::time::Instant;

fn main() {
    if let Some(path) = std::env::args().nth(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let notice = std::hint::black_box(notice_outline::parse(&text));
        println!("{} top-level nodes, {} checks", notice.outline.len(), notice.checks.len());
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
