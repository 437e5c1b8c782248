//! A round: many notices in, one output, parsed in parallel and printed in input order.

use crate::args::Format;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use notice_outline::export::{self, summary, SummaryRow};
use notice_outline::model::Severity;
use notice_outline::{Notice, ParseOptions};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// One file of the round: `name` is how the output names it (the path as given, or DIR/file).
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub name: String,
    pub path: PathBuf,
}

/// FILE… | DIR → the files to read. A directory gives its `.txt` files sorted by name; a
/// directory with none is an error (returned, so the caller can name it) rather than silence.
pub fn expand(args: &[String]) -> (Vec<Input>, Vec<String>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        if !path.is_dir() {
            inputs.push(Input { name: arg.clone(), path: path.to_path_buf() });
            continue;
        }
        let entries = match std::fs::read_dir(path) {
            Ok(entries) => entries,
            Err(e) => {
                errors.push(format!("{arg}: cannot read the directory: {e}"));
                continue;
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt")))
            .collect();
        if files.is_empty() {
            errors.push(format!("{arg}: no .txt files in this directory (a round reads DIR/*.txt)"));
        }
        files.sort();
        inputs.extend(files.into_iter().map(|p| Input { name: p.display().to_string(), path: p }));
    }
    (inputs, errors)
}

/// Bytes → `then(parsed notice, its text)`, or why the bytes are not a notice we can read
/// (binary, not UTF-8: see [`summary::readable_text`]). The text is borrowed, validated once.
pub fn load<R>(bytes: &[u8], options: ParseOptions, then: impl FnOnce(Notice, &str) -> R) -> Result<R, String> {
    let text = summary::readable_text(bytes).map_err(|e| e.to_string())?;
    Ok(then(notice_outline::parse_with(text, options), text))
}

/// What the single-notice formats print (the CLI's output for one FILE, named `name`, or stdin).
pub fn render_one(format: Format, notice: &Notice, text: &str, name: &str) -> String {
    match format {
        Format::Json => export::to_json(notice) + "\n",
        Format::Markdown => export::to_markdown(notice),
        Format::Csv => export::to_csv(notice, text),
        Format::Summary => summary::summary_csv(&[SummaryRow::of(name, notice)]),
        Format::Check => export::check_lines(notice, text, name),
    }
}

/// Whether `--check` should exit 1 for this notice.
pub fn has_mismatch(notice: &Notice) -> bool {
    notice.checks.iter().any(|c| c.severity == Severity::Mismatch)
}

/// The UTF-16 offsets appear only in the JSON model; skip them for every other format.
pub fn options(format: Format) -> ParseOptions {
    ParseOptions { utf16_offsets: format == Format::Json }
}

/// One file's share of the output, rendered on a worker thread.
struct Piece {
    row: SummaryRow,
    text: String,
    error: Option<String>,
    /// `--check` found a mismatch in this notice.
    mismatch: bool,
}

fn piece(format: Format, input: &Input) -> Piece {
    let name = input.name.as_str();
    let loaded = std::fs::read(&input.path).map_err(|e| format!("cannot read: {e}")).and_then(|bytes| {
        load(&bytes, options(format), |notice, source| {
            let text = match format {
                Format::Csv => summary::round_ledger_rows(name, &notice, source),
                Format::Json => json_line(name, &notice),
                Format::Markdown => summary::round_markdown_section(name, &notice),
                Format::Summary => String::new(),
                Format::Check => export::check_lines(&notice, source, name),
            };
            let mismatch = format == Format::Check && has_mismatch(&notice);
            Piece { row: SummaryRow::of(name, &notice), text, error: None, mismatch }
        })
    });
    match loaded {
        Ok(piece) => piece,
        Err(reason) => {
            let text = match format {
                Format::Csv => summary::round_ledger_unreadable(name, &reason),
                Format::Json => {
                    let (n, r) = (serde_json::Value::from(name), serde_json::Value::from(reason.as_str()));
                    format!("{{\"file\":{n},\"error\":{r}}}\n")
                }
                Format::Markdown | Format::Summary | Format::Check => String::new(),
            };
            Piece { row: SummaryRow::unreadable(name, &reason), text, error: Some(reason), mismatch: false }
        }
    }
}

/// The notice's model on one line with its `file` first: `{"file":"a.txt","schema_version":…}`.
fn json_line(name: &str, notice: &Notice) -> String {
    let model = serde_json::to_string(notice).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    // The model is an object with fields, so it starts with `{"`.
    format!("{{\"file\":{},{}\n", serde_json::Value::from(name), &model[1..])
}

/// Parses every input on all cores and returns the output (in input order), the errors
/// (`name: reason`, in input order too) and whether `--check` found a mismatch.
pub fn run(format: Format, inputs: &[Input]) -> (String, Vec<String>, bool) {
    let bar = Progress::new(inputs.len());
    let pieces: Vec<Piece> = inputs
        .par_iter()
        .map(|input| {
            let p = piece(format, input);
            bar.tick();
            p
        })
        .collect();
    bar.done();

    let mut out = String::with_capacity(pieces.iter().map(|p| p.text.len()).sum::<usize>() + 1024);
    let rows = || pieces.iter().map(|p| p.row.clone()).collect::<Vec<_>>();
    match format {
        Format::Csv => out.push_str(&summary::round_ledger_header()),
        Format::Markdown => out.push_str(&export::summary_markdown(&rows())),
        Format::Summary => out.push_str(&export::summary_csv(&rows())),
        Format::Json | Format::Check => {}
    }
    for p in &pieces {
        out.push_str(&p.text);
    }
    let errors = pieces
        .iter()
        .zip(inputs)
        .filter_map(|(p, input)| p.error.as_ref().map(|e| format!("{}: {e}", input.name)))
        .collect();
    (out, errors, pieces.iter().any(|p| p.mismatch))
}

/// A progress bar on stderr that appears only when stderr is a terminal and the round has
/// already taken a second: short runs and pipes never see it.
struct Progress {
    bar: ProgressBar,
    terminal: bool,
    shown: AtomicBool,
    start: Instant,
}

impl Progress {
    fn new(total: usize) -> Self {
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} notices, {elapsed} (about {eta} left)") {
            bar.set_style(style);
        }
        Progress {
            bar,
            terminal: std::io::stderr().is_terminal(),
            shown: AtomicBool::new(false),
            start: Instant::now(),
        }
    }

    fn tick(&self) {
        self.bar.inc(1);
        if self.terminal && self.start.elapsed() > Duration::from_secs(1) && !self.shown.swap(true, Ordering::Relaxed) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn done(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_refuses_binary_and_non_utf8_with_the_reason() {
        let opts = ParseOptions { utf16_offsets: false };
        let count = |n: Notice, _: &str| n.counts.nodes;
        assert_eq!(
            load(b"PK\x03\x04\0\0", opts, count).unwrap_err(),
            "binary file (NUL byte at offset 4), not the text of a notice"
        );
        assert!(load(b"\xff\xfe", opts, count)
            .unwrap_err()
            .starts_with("input is not valid UTF-8 (first bad byte at offset 0)"));
        assert!(load("一、整改情况\n".as_bytes(), opts, count).is_ok());
    }

    #[test]
    fn json_line_puts_the_file_first_and_stays_on_one_line() {
        let notice = notice_outline::parse("一、整改情况\n（一）学习不深入。\n整改情况：已完成整改。\n");
        let line = json_line("a\"b.txt", &notice);
        assert!(line.starts_with("{\"file\":\"a\\\"b.txt\",\"schema_version\":"), "{line}");
        assert_eq!(line.matches('\n').count(), 1);
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["outline"][0]["label"], "一、");
    }
}
