//! Command-line arguments: `[--format F] [FILE… | DIR | -]`.

pub const USAGE: &str = "\
Usage: notice-outline [--format json|markdown|csv|summary] [FILE… | DIR | -]

Reads the text of a rectification notice (整改进展情况的通报) from FILE, or from stdin when
FILE is absent or `-`, and prints its outline. Given several files, or a directory (its .txt
files, sorted by name), it reads a whole round: the files are parsed in parallel and printed in
the order given.

Options:
  -f, --format FORMAT  json (default): the full model, see docs/schema.md;
                         for a round, JSON Lines: one notice per line, with its \"file\"
                       markdown: metadata, counts, the outline with status marks, checks;
                         for a round, a summary table first, then each notice
                       csv: the rectification ledger (整改台账), one row per problem,
                         UTF-8 with BOM and CRLF line ends (opens in Excel);
                         for a round, one ledger whose first columns are the file and its unit
                       summary: one CSV row per notice (unit, problems, done, in progress,
                         not done, unknown, completion, checks) and the totals
      --check          print only the checks (proofreading and figures), one per line:
                       FILE:LINE:COLUMN: SEVERITY CODE: 中文 | English;
                       exits 1 when any check is a `mismatch`
  -h, --help           print this help
  -V, --version        print the version and the JSON schema version

A file that cannot be read (missing, binary, not UTF-8) is named on stderr and gets its own
row; the others still run, and the exit code is then 1.
";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
    Csv,
    Summary,
    /// `--check`: the checks only.
    Check,
}

#[derive(Debug, PartialEq)]
pub enum Command {
    Help,
    Version,
    /// `inputs` empty means stdin.
    Run {
        format: Format,
        inputs: Vec<String>,
    },
}

pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut format = Format::Json;
    let mut inputs = Vec::new();
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
                    "summary" => Format::Summary,
                    other => return Err(format!("unknown format `{other}` (expected json, markdown, csv or summary)")),
                };
            }
            "--check" => format = Format::Check,
            "-" => inputs.push(arg),
            _ if arg.starts_with('-') => return Err(format!("unknown option `{arg}`")),
            _ => inputs.push(arg),
        }
    }
    if inputs.len() > 1 && inputs.iter().any(|i| i == "-") {
        return Err("stdin (`-`) cannot be mixed with files".into());
    }
    Ok(Command::Run { format, inputs })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Command, String> {
        parse_args(list.iter().map(|s| s.to_string()))
    }

    fn run(format: Format, inputs: &[&str]) -> Result<Command, String> {
        Ok(Command::Run { format, inputs: inputs.iter().map(|s| s.to_string()).collect() })
    }

    #[test]
    fn reads_format_and_inputs_in_any_order() {
        assert_eq!(args(&[]), run(Format::Json, &[]));
        assert_eq!(args(&["--format", "csv", "a.txt"]), run(Format::Csv, &["a.txt"]));
        assert_eq!(args(&["a.txt", "--format=markdown", "b.txt"]), run(Format::Markdown, &["a.txt", "b.txt"]));
        assert_eq!(args(&["-f", "md", "-"]), run(Format::Markdown, &["-"]));
        assert_eq!(args(&["dir", "-f", "summary"]), run(Format::Summary, &["dir"]));
        assert_eq!(args(&["--check", "a.txt"]), run(Format::Check, &["a.txt"]));
        assert_eq!(args(&["--help", "--bogus"]), Ok(Command::Help));
    }

    #[test]
    fn rejects_bad_usage() {
        assert_eq!(args(&["--bogus"]), Err("unknown option `--bogus`".into()));
        assert_eq!(args(&["--format"]), Err("--format needs a value".into()));
        assert_eq!(
            args(&["--format", "xml"]),
            Err("unknown format `xml` (expected json, markdown, csv or summary)".into())
        );
        assert_eq!(args(&["a", "-"]), Err("stdin (`-`) cannot be mixed with files".into()));
    }
}
