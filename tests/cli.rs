//! The `notice-outline` binary as analysts run it: formats, stdin vs file, errors, exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_notice-outline");

/// An invented notice: one part with one aspect holding two problems of different statuses
/// (one with two measures), then a closing part.
const NOTICE: &str = "一、巡察反馈问题整改落实情况\n\
（一）关于学习贯彻方面\n\
1.学习不深入。\n\
整改情况：一是建立学习制度；二是开展专题研讨。该问题已完成整改。\n\
2.制度\"不全\",待完善。\n\
整改情况：正在整改。\n\
二、下一步工作打算\n\
持续抓好整改。\n";

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the notice-outline binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("notice-outline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn csv_ledger_lists_each_problem_with_its_section_status_and_position() {
    let out = run(&["--format", "csv"], NOTICE.as_bytes());
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let expected = "\u{feff}序号,所属部分,问题,整改状态,整改措施数,位置\r\n\
        1,一、巡察反馈问题整改落实情况 / （一）关于学习贯彻方面,1.学习不深入,已完成,2,第3行\r\n\
        2,一、巡察反馈问题整改落实情况 / （一）关于学习贯彻方面,\"2.制度\"\"不全\"\",待完善\",正在整改,0,第5行\r\n";
    assert_eq!(stdout(&out), expected);
}

#[test]
fn markdown_outline_nests_with_status_marks() {
    let out = run(&["--format=markdown", "-"], NOTICE.as_bytes());
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let md = stdout(&out);
    let outline = md.split("## 大纲\n\n").nth(1).and_then(|rest| rest.split("\n## ").next()).unwrap();
    assert_eq!(
        outline,
        "- 一、巡察反馈问题整改落实情况（问题 2：✅ 1 · ⏳ 1）\n\
         \x20 - （一）关于学习贯彻方面（问题 2：✅ 1 · ⏳ 1）\n\
         \x20   - ✅ 1.学习不深入（整改措施 2 条）\n\
         \x20     - 一是建立学习制度\n\
         \x20     - 二是开展专题研讨\n\
         \x20   - ⏳ 2.制度\"不全\",待完善\n\
         - 二、下一步工作打算\n"
    );
    assert!(md.contains("| 大纲统计 | 1 | 2 | 1 | 1 | 0 | 0 | 2 | 50% |\n"), "{md}");
}

#[test]
fn json_is_the_library_model_and_file_equals_stdin() {
    let path = temp_file("notice.txt", NOTICE.as_bytes());
    let from_file = run(&[path.to_str().unwrap()], b"");
    let from_stdin = run(&["--format", "json"], NOTICE.as_bytes());
    assert!(from_file.status.success(), "stderr: {}", stderr(&from_file));
    assert_eq!(stdout(&from_file), stdout(&from_stdin));
    let expected = notice_outline::export::to_json(&notice_outline::parse(NOTICE)) + "\n";
    assert_eq!(stdout(&from_file), expected);
    let value: serde_json::Value = serde_json::from_str(&stdout(&from_file)).unwrap();
    assert_eq!(value["schema_version"], notice_outline::SCHEMA_VERSION);
    assert_eq!(value["outline"][0]["children"][0]["children"][1]["status"], "in_progress");
    assert_eq!(value["counts"]["problems"], 2);
}

#[test]
fn text_without_numbering_prints_metadata_and_an_empty_outline() {
    let out = run(&[], "这是一段没有编号的文字。".as_bytes());
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(value["outline"], serde_json::json!([]));
    assert!(value["meta"].is_object());
    assert_eq!(value["counts"]["nodes"], 0);

    let csv = run(&["-f", "csv"], "没有编号".as_bytes());
    assert_eq!(stdout(&csv), "\u{feff}序号,所属部分,问题,整改状态,整改措施数,位置\r\n");
}

#[test]
fn invalid_utf8_names_the_byte_offset_and_fails() {
    let out = run(&[], b"\xe4\xb8\x80\xe3\x80\x81ok\xff\xfe");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr(&out),
        "notice-outline: -: input is not valid UTF-8 (first bad byte at offset 8); \
         save the notice as UTF-8 and try again\n"
    );
}

#[test]
fn missing_file_fails_with_its_name() {
    let out = run(&["/nonexistent/notice.txt"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(err.starts_with("notice-outline: cannot read /nonexistent/notice.txt: "), "{err}");
}

#[test]
fn bad_usage_prints_usage_and_exits_2() {
    for args in [&["--bogus"][..], &["--format", "xml"], &["--format"], &["a.txt", "-"]] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            stderr(&out).contains("Usage: notice-outline [--format json|markdown|csv|summary] [FILE… | DIR | -]"),
            "{args:?}"
        );
    }
}

#[test]
fn help_and_version() {
    let help = run(&["--help"], b"");
    assert!(help.status.success());
    assert!(stdout(&help).starts_with("Usage: notice-outline [--format json|markdown|csv|summary] [FILE… | DIR | -]\n"));
    let version = run(&["--version"], b"");
    assert!(version.status.success());
    assert_eq!(
        stdout(&version),
        format!("notice-outline {} (schema {})\n", env!("CARGO_PKG_VERSION"), notice_outline::SCHEMA_VERSION)
    );
}

/// Every field path of a JSON value (`outline[].children[].status`), arrays collapsed to `[]`
/// and the keys of the `spans` maps (field names) to `*`.
fn field_paths(value: &serde_json::Value, prefix: &str, out: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                let key = if prefix.ends_with("meta.spans") || prefix.ends_with("stated.spans") { "*" } else { key };
                let path = if prefix.is_empty() { key.to_string() } else { format!("{prefix}.{key}") };
                out.insert(path.clone());
                field_paths(v, &path, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| field_paths(v, &format!("{prefix}[]"), out)),
        _ => {}
    }
}

/// The text of the fenced block between `<!-- NAME:start -->` and `<!-- NAME:end -->`.
fn doc_block<'a>(doc: &'a str, name: &str) -> &'a str {
    let start = doc.find(&format!("<!-- {name}:start -->")).unwrap_or_else(|| panic!("no {name} in docs/schema.md"));
    let end = doc.find(&format!("<!-- {name}:end -->")).unwrap();
    let block = &doc[start..end];
    let body = &block[block.find("```").unwrap()..];
    let body = &body[body.find('\n').unwrap() + 1..];
    &body[..body.rfind("```").unwrap()]
}

#[test]
fn schema_doc_example_has_exactly_the_fields_the_cli_prints() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/schema.md")).unwrap();
    let input = doc_block(&doc, "schema-example-input");
    let documented: serde_json::Value =
        serde_json::from_str(doc_block(&doc, "schema-example-output")).expect("the example is valid JSON");
    let out = run(&["--format", "json"], input.as_bytes());
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let (mut want, mut got) = (Default::default(), Default::default());
    field_paths(&documented, "", &mut want);
    field_paths(&printed, "", &mut got);
    assert_eq!(want, got, "docs/schema.md's example and the CLI's output have different fields");
    assert_eq!(documented["schema_version"], notice_outline::SCHEMA_VERSION);
}
