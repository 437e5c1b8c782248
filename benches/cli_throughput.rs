//! End-to-end CLI throughput: the release binary run on one big file and on 1,000 small files,
//! as the CSV ledger and as JSON, timing read + parse + render + write (stdout to /dev/null).
//!
//!   cargo bench --bench cli_throughput      (prints MB/s per case)
//!
//! The text is the corpus notices of ../shared/corpus (real and seeds) concatenated, or, where
//! ../shared is absent, the invented notice of fixtures/. A plain `main` (harness = false): a
//! run takes a good part of a second, and the figure wanted is the best of a few. Under
//! `cargo test` (no `--bench`) it runs each case once on a small input as a smoke check.
//! Besides wall-clock MB/s it prints the CPU time of the run: on a machine shared with other
//! work the wall clock also counts the time spent waiting for a core.

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

/// CPU time (user + system) of the children reaped so far, from /proc/self/stat (Linux; 10 ms
/// ticks). On a shared machine the wall clock includes waiting for a core; this does not.
fn children_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the `(comm)`: cutime and cstime are the 14th and 15th.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(13)?.parse::<u64>().ok()? + fields.get(14)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// The fastest of `runs` runs of the binary (the least disturbed by other work on the machine):
/// its wall-clock time, and the CPU time of that run when known.
fn best_of(args: &[&str], runs: usize) -> (Duration, Option<Duration>) {
    let mut best = (Duration::MAX, None);
    for _ in 0..runs {
        let cpu_before = children_cpu();
        let started = Instant::now();
        let status = Command::new(BIN).args(args).stdout(Stdio::null()).stderr(Stdio::null()).status().unwrap();
        let wall = started.elapsed();
        assert!(status.success(), "notice-outline {args:?} failed");
        let cpu = children_cpu().zip(cpu_before).map(|(after, before)| after - before);
        if wall < best.0 {
            best = (wall, cpu);
        }
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
        println!("{:<28} {:>8} {:>9} {:>8} {:>8} {:>12}", "case", "MB", "best ms", "MB/s", "CPU ms", "MB/CPU-s");
    }
    for (case, input, bytes) in
        [("one big file", &big_arg, big.len()), (&*format!("{count} small files"), &small_arg, small_bytes)]
    {
        for format in ["csv", "json"] {
            let (time, cpu) = best_of(&["--format", format, input], runs);
            let mb = bytes as f64 / MB as f64;
            if benchmarking {
                let label = format!("{case}, {format}");
                let (cpu_ms, per_cpu) = match cpu.filter(|c| !c.is_zero()) {
                    Some(c) => (format!("{}", c.as_millis()), format!("{:.1}", mb / c.as_secs_f64())),
                    None => ("–".into(), "–".into()),
                };
                let (ms, rate) = (time.as_secs_f64() * 1e3, mb / time.as_secs_f64());
                println!("{label:<28} {mb:>8.2} {ms:>9.1} {rate:>8.1} {cpu_ms:>8} {per_cpu:>12}");
            }
        }
    }
    if !benchmarking {
        println!("cli_throughput: smoke run ok; run `cargo bench --bench cli_throughput` for figures");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
