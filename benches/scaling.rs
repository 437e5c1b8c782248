//! Parse throughput at 1, 10 and 50 MB: time must grow linearly with the input.
//!
//!   cargo bench --bench scaling            (prints MB/s per size and shape)
//!
//! A plain `main` (harness = false) rather than criterion: at 50 MB one run takes seconds, and the
//! point is the ratio between sizes, not a confidence interval. Under `cargo test` (no `--bench`
//! argument) it runs one small parse as a smoke check.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// An invented notice, repeated to the size wanted.
const NOTICE: &str = include_str!("../fixtures/short-notice.txt");

const MB: usize = 1024 * 1024;

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// The fastest of `runs` parses (the least disturbed by other work on the machine).
fn best_of(text: &str, runs: usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut nodes = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let notice = notice_outline::parse(black_box(text));
        best = best.min(started.elapsed());
        nodes = notice.counts.nodes as usize;
        drop(black_box(notice));
    }
    (best, nodes)
}

fn main() {
    let benchmarking = std::env::args().any(|a| a == "--bench");
    if !benchmarking {
        let (time, nodes) = best_of(&repeat_to(NOTICE, 64 * 1024), 1);
        assert!(nodes > 0);
        println!("scaling: smoke run ok ({nodes} nodes in {time:?}); run `cargo bench --bench scaling` for figures");
        return;
    }

    let shapes: [(&str, &str); 3] = [
        ("notices", NOTICE),
        ("label lines", "一、整改\n"),
        ("one long line", "巡察反馈问题整改落实情况良好，已完成整改。"),
    ];
    println!("{:<14} {:>6} {:>10} {:>9} {:>10} {:>12}", "shape", "MB", "best ms", "MB/s", "nodes", "ms per MB");
    for (name, unit) in shapes {
        let mut per_mb_at_1 = None;
        for (size, runs) in [(1, 5), (10, 3), (50, 2)] {
            let text = repeat_to(unit, size * MB);
            let (time, nodes) = best_of(&text, runs);
            let secs = time.as_secs_f64();
            let mb = text.len() as f64 / MB as f64;
            let per_mb = secs * 1000.0 / mb;
            let base = *per_mb_at_1.get_or_insert(per_mb);
            println!(
                "{name:<14} {size:>6} {:>10.1} {:>9.1} {nodes:>10} {per_mb:>9.2} ({:.2}x of 1 MB)",
                secs * 1000.0,
                mb / secs,
                per_mb / base
            );
        }
    }
}
