//! End-to-end CLI throughput: the release binary run on one big file and on 1,000 small files,
//! as the CSV ledger and as JSON, timing read + parse + render + write (stdout to /dev/null).
//!
//!   cargo bench --bench cli_throughput      (prints MB/s per case)
//!
//! The text is the corpus notices of ../shared/corpus (real and seeds) concatenated, or, where
//! ../shared is absent, the invented notice of fixtures/. A plain `main` (harness = false): a
//! run takes a good part of a second, and the figure wanted is the best of a few. Under
//! `cargo test` (no `--bench`) it runs each case once on a small input as a smoke check.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_notice-outline");
const MB: usize = 1_000_000;

/// Every corpus notice, or the invented one; and where they came from.
fn notices() -> (Vec<String>, &'static str) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut paths: Vec<PathBuf> = ["real", "seeds"]
        .iter()
        .filter_map(|d| std::fs::read_dir(corpus.join(d)).ok())
        .flat_map(|entries| entries.filter_map(Result::ok).map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    if texts.is_empty() {
        (vec![include_str!("../fixtures/short-notice.txt").to_string()], "the invented fixtures/short-notice.txt")
    } else {
        (texts, "the corpus notices (../shared/corpus/real + seeds)")
    }
}

/// The fastest of `runs` runs of the binary (the least disturbed by other work on the machine).
fn best_of(args: &[&str], runs: usize) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let started = Instant::now();
        let status = Command::new(BIN).args(args).stdout(Stdio::null()).stderr(Stdio::null()).status().unwrap();
        best = best.min(started.elapsed());
        assert!(status.success(), "notice-outline {args:?} failed");
    }
    best
}

fn main() {
    let benchmarking = std::env::args().any(|a| a == "--bench");
    let (texts, source) = notices();
    let dir = std::env::temp_dir().join(format!("notice-outline-cli-bench-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("small")).unwrap();

    // One big file: the notices concatenated, repeated to about 21 MB (the real file).
    let joined = texts.concat();
    let big_size = if benchmarking { 21 * MB } else { 64 * 1024 };
    let big = joined.repeat(big_size.div_ceil(joined.len()));
    let big_path = dir.join("big.txt");
    std::fs::write(&big_path, &big).unwrap();

    // 1,000 small files: the notices one per file, cycled.
    let count = if benchmarking { 1000 } else { 20 };
    let mut small_bytes = 0;
    for i in 0..count {
        let text = &texts[i % texts.len()];
        small_bytes += text.len();
        std::fs::write(dir.join("small").join(format!("{i:04}.txt")), text).unwrap();
    }

    let big_arg = big_path.display().to_string();
    let small_arg = dir.join("small").display().to_string();
    let runs = if benchmarking { 5 } else { 1 };
    if benchmarking {
        println!("input: {source}; {} cores", std::thread::available_parallelism().map_or(1, |n| n.get()));
        println!("{:<28} {:>8} {:>9} {:>8}", "case", "MB", "best ms", "MB/s");
    }
    for (case, input, bytes) in
        [("one big file", &big_arg, big.len()), (&*format!("{count} small files"), &small_arg, small_bytes)]
    {
        for format in ["csv", "json"] {
            let time = best_of(&["--format", format, input], runs);
            let mb = bytes as f64 / MB as f64;
            if benchmarking {
                let label = format!("{case}, {format}");
                println!("{label:<28} {mb:>8.2} {:>9.1} {:>8.1}", time.as_secs_f64() * 1e3, mb / time.as_secs_f64());
            }
        }
    }
    if !benchmarking {
        println!("cli_throughput: smoke run ok; run `cargo bench --bench cli_throughput` for figures");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
