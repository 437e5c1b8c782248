//! Replays every committed fuzz input natively, through the same invariant checks as the fuzz
//! target (`fuzz/invariants.rs`), so `cargo test` catches a regression without nightly or
//! cargo-fuzz.
//!
//! - `fuzz/regressions/`: inputs that once crashed or broke an invariant (one file per finding);
//! - `fuzz/seeds/`: the hand-written seed notices;
//! - `fuzz/regressions-tokens/`, `fuzz/seeds-tokens/`: the same for the `tokens` target, whose
//!   bytes stand for pieces of a notice (`invariants::tokens_text`); its seeds are 16 inputs kept
//!   from a long run's minimised corpus.
//!
//! The large minimised corpora of long runs (`fuzz/corpus-min*/`, made by `scripts/fuzz-long.sh`)
//! stay on the machine that made them: `scripts/fuzz-smoke.sh` replays them there.

#[path = "../fuzz/invariants.rs"]
mod invariants;

use std::path::{Path, PathBuf};

fn inputs_in(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.file_name().is_some_and(|n| !n.to_string_lossy().starts_with('.')))
            // fixtures/ also holds the expected JSON of each notice: only the notices are input.
            .filter(|p| p.extension().is_none_or(|e| e != "json"))
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

/// Runs every input, collecting failures so one bad input does not hide the others.
fn replay(dir: &str) -> usize {
    replay_with(dir, invariants::check_bytes)
}

fn replay_with(dir: &str, check: fn(&[u8])) -> usize {
    let files = inputs_in(dir);
    let mut failures = Vec::new();
    for path in &files {
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let outcome = std::panic::catch_unwind(|| check(&data));
        if let Err(cause) = outcome {
            let message = cause
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| cause.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("{}: {message}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs in {dir} fail:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    files.len()
}

#[test]
fn regression_inputs_hold_every_invariant() {
    let n = replay("fuzz/regressions");
    eprintln!("fuzz/regressions: {n} inputs replayed");
}

#[test]
fn token_inputs_hold_every_invariant() {
    let n = replay_with("fuzz/regressions-tokens", invariants::check_tokens)
        + replay_with("fuzz/seeds-tokens", invariants::check_tokens);
    assert!(n >= 10, "the tokens seed set is missing ({n} files)");
    eprintln!("fuzz/*-tokens: {n} inputs replayed");
}

#[test]
fn fixture_notices_hold_every_invariant() {
    let n = replay("fixtures");
    eprintln!("fixtures: {n} notices replayed");
}

#[test]
fn seed_notices_hold_every_invariant() {
    let n = replay("fuzz/seeds");
    assert!(n >= 10, "the seed corpus is missing ({n} files)");
}

/// The checks themselves must catch what they claim to: a span off a char boundary and UTF-16
/// offsets that disagree with the bytes.
#[test]
fn invariant_checks_reject_broken_spans() {
    use notice_outline::model::Span;
    let text = "一、a";
    let good = Span { start: 0, end: 6, start_utf16: 0, end_utf16: 2 };
    invariants::check_spans(text, &[(good, "good".into())]);
    quiet_panics_on_this_thread();
    for (bad, why) in [
        (Span { start: 1, end: 6, start_utf16: 0, end_utf16: 2 }, "char boundary"),
        (Span { start: 0, end: 6, start_utf16: 0, end_utf16: 6 }, "end_utf16"),
        (Span { start: 0, end: 9, start_utf16: 0, end_utf16: 3 }, "past the input"),
        (Span { start: 6, end: 3, start_utf16: 2, end_utf16: 1 }, "start after end"),
    ] {
        let result = std::panic::catch_unwind(|| invariants::check_spans(text, &[(bad, "bad".into())]));
        let message = result.expect_err(why);
        let message = message.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(message.contains(why), "expected a complaint about {why}, got {message}");
    }
}

/// The panics this thread expects (and catches) print nothing, so a passing run shows no
/// "panicked at" line; a panic on any other thread still prints as before.
fn quiet_panics_on_this_thread() {
    let this = std::thread::current().id();
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() != this {
            default(info);
        }
    }));
}
