//! Wall time of each parser stage ([`Stages::step`]) on a file, best of N runs:
//! `cargo run --release --example prof_stages -- FILE [N]`.

use notice_outline::parse::{text::Source, ParseOptions, Stages};
use std::time::{Duration, Instant};

fn main() {
    let path = std::env::args().nth(1).expect("usage: prof_stages FILE [N]");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let runs: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(5);
    let mut best: Vec<Duration> = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let src = Source::new(&text);
        let mut times = vec![t.elapsed()];
        let t = Instant::now();
        let mut stages = Stages::new(&src, ParseOptions::default());
        times.push(t.elapsed());
        loop {
            let t = Instant::now();
            let more = stages.step();
            times.push(t.elapsed());
            if !more {
                break;
            }
        }
        let t = Instant::now();
        std::hint::black_box(stages.finish());
        times.push(t.elapsed());
        best = if best.is_empty() { times } else { best.iter().zip(times).map(|(&a, b)| a.min(b)).collect() };
    }
    for (i, t) in best.iter().enumerate() {
        println!("step {i:2}: {:8.2} ms", t.as_secs_f64() * 1e3);
    }
    println!("sum: {:.2} ms", best.iter().sum::<Duration>().as_secs_f64() * 1e3);
}
