//! `notice-outline [--format json|markdown|csv] [FILE|-]`: the outline of one notice on stdout.
//!
//! Exit codes: 0 success, 1 unreadable input (missing file, invalid UTF-8) or, with `--check`,
//! a `mismatch` found, 2 bad usage.

use notice_outline::export;
use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
Usage: notice-outline [--format json|markdown|csv] [FILE|-]

Reads the text of a rectification notice (整改进展情况的通报) from FILE, or from stdin when
FILE is absent or `-`, and prints its outline.

Options:
  -f, --format FORMAT  json (default): the full model, see docs/schema.md
                       markdown: metadata, counts, the outline with status marks, checks
                       csv: the rectification ledger (整改台账), one row per problem,
                            UTF-8 with BOM and CRLF line ends (opens in Excel)
      --check          print only the checks (proofreading and figures), one per line:
                       FILE:LINE:COLUMN: SEVERITY CODE: 中文 | English;
                       exits 1 when any check is a `mismatch`
  -h, --help           print this help
  -V, --version        print the version and the JSON schema version
";

#[derive(Clone, Copy, Debug, PartialEq)]
enum Format {
    Json,
    Markdown,
    Csv,
    /// `--check`: the checks only.
    Check,
}

#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Version,
    Run { format: Format, input: Option<String> },
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut format = Format::Json;
    let mut input = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline_value) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "-f" | "--format" => {
                let value = inline_value.or_else(|| args.next()).ok_or("--format needs a value")?;
                format = match value.as_str() {
                    "json" => Format::Json,
                    "markdown" | "md" => Format::Markdown,
                    "csv" => Format::Csv,
                    other => return Err(format!("unknown format `{other}` (expected json, markdown or csv)")),
                };
            }
            "--check" => format = Format::Check,
            "-" => input = set_input(input, arg)?,
            _ if arg.starts_with('-') => return Err(format!("unknown option `{arg}`")),
            _ => input = set_input(input, arg)?,
        }
    }
    Ok(Command::Run { format, input })
}

fn set_input(current: Option<String>, arg: String) -> Result<Option<String>, String> {
    match current {
        Some(first) => Err(format!("one input at a time (got `{first}` and `{arg}`)")),
        None => Ok(Some(arg)),
    }
}

fn read_input(input: Option<&str>) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    match input {
        None | Some("-") => {
            io::stdin().read_to_end(&mut bytes).map(|_| bytes).map_err(|e| format!("cannot read stdin: {e}"))
        }
        Some(path) => std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}")),
    }
}

fn main() -> ExitCode {
    let command = match parse_args(std::env::args().skip(1)) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("notice-outline: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let (format, input) = match command {
        Command::Help => return emit(USAGE),
        Command::Version => {
            let version =
                format!("notice-outline {} (schema {})\n", env!("CARGO_PKG_VERSION"), notice_outline::SCHEMA_VERSION);
            return emit(&version);
        }
        // Waiting for typed input would look like a hang: explain instead.
        Command::Run { input: None, .. } if io::stdin().is_terminal() => {
            eprintln!("notice-outline: no input (give a FILE, or pipe the notice into stdin)\n\n{USAGE}");
            return ExitCode::from(2);
        }
        Command::Run { format, input } => (format, input),
    };
    let bytes = match read_input(input.as_deref()) {
        Ok(bytes) => bytes,
        Err(message) => {
            eprintln!("notice-outline: {message}");
            return ExitCode::FAILURE;
        }
    };
    let notice = match notice_outline::parse_bytes(&bytes) {
        Ok(notice) => notice,
        Err(e) => {
            eprintln!("notice-outline: {}: {e}", input.as_deref().unwrap_or("-"));
            return ExitCode::FAILURE;
        }
    };
    let rendered = match format {
        Format::Json => export::to_json(&notice) + "\n",
        Format::Markdown => export::to_markdown(&notice),
        // parse_bytes succeeded, so the bytes are UTF-8.
        Format::Csv => export::to_csv(&notice, std::str::from_utf8(&bytes).unwrap_or_default()),
        Format::Check => {
            let text = std::str::from_utf8(&bytes).unwrap_or_default();
            let lines = export::check_lines(&notice, text, input.as_deref().unwrap_or("-"));
            let mismatch = notice.checks.iter().any(|c| c.severity == notice_outline::model::Severity::Mismatch);
            return match emit(&lines) {
                code if code == ExitCode::SUCCESS && mismatch => ExitCode::FAILURE,
                code => code,
            };
        }
    };
    emit(&rendered)
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a message.
fn emit(text: &str) -> ExitCode {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("notice-outline: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Command, String> {
        parse_args(list.iter().map(|s| s.to_string()))
    }

    #[test]
    fn reads_format_and_input_in_any_order() {
        let run = |format, input: Option<&str>| Ok(Command::Run { format, input: input.map(String::from) });
        assert_eq!(args(&[]), run(Format::Json, None));
        assert_eq!(args(&["--format", "csv", "a.txt"]), run(Format::Csv, Some("a.txt")));
        assert_eq!(args(&["a.txt", "--format=markdown"]), run(Format::Markdown, Some("a.txt")));
        assert_eq!(args(&["-f", "md", "-"]), run(Format::Markdown, Some("-")));
        assert_eq!(args(&["--check", "a.txt"]), run(Format::Check, Some("a.txt")));
        assert_eq!(args(&["--help", "--bogus"]), Ok(Command::Help));
    }

    #[test]
    fn rejects_bad_usage() {
        assert_eq!(args(&["--bogus"]), Err("unknown option `--bogus`".into()));
        assert_eq!(args(&["--format"]), Err("--format needs a value".into()));
        assert_eq!(args(&["--format", "xml"]), Err("unknown format `xml` (expected json, markdown or csv)".into()));
        assert_eq!(args(&["a", "b"]), Err("one input at a time (got `a` and `b`)".into()));
    }
}
