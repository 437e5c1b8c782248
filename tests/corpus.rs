//! Scores the CLI's JSON against the annotated corpus of real notices, when it is present.
//!
//! The corpus lives outside the repository (`../shared/corpus`, third-party text that must not
//! be copied in); `../shared/tools/score-corpus` runs the binary on every notice and prints
//! `corpus: nodes=… tree=… stated=… meta=… problems=… status=… failures=N` as its last line.

use std::path::Path;
use std::process::Command;

/// The lowest acceptable figure for each score: a ratchet, raised to just under what the parser
/// scores whenever it gets better, so a regression on the corpus fails the test run.
const THRESHOLDS: [(&str, f64); 6] =
    [("nodes", 0.99), ("tree", 0.99), ("stated", 0.99), ("meta", 0.98), ("problems", 0.99), ("status", 0.99)];

#[test]
fn corpus_scores_meet_thresholds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus");
    let seeds = corpus.join("seeds");
    if !seeds.is_dir() {
        println!("SKIP corpus scoring: ../shared/corpus not found");
        return;
    }
    let dirs: Vec<_> = ["seeds", "real"].iter().map(|d| corpus.join(d)).filter(|d| d.is_dir()).collect();
    let (ok, report) = score(&dirs);
    println!("{report}");
    assert!(ok, "score-corpus failed:\n{report}");

    let last = report.lines().rev().find(|l| l.starts_with("corpus:")).unwrap_or_else(|| {
        panic!("score-corpus printed no `corpus:` line:\n{report}");
    });
    let problems = judge(last);
    assert!(problems.is_empty(), "corpus scores below thresholds: {}\n\n{report}", problems.join("; "));
}

/// The scorer reads the fields it expects from the CLI's JSON: an invented notice annotated by
/// hand scores 1 on every figure it annotates.
#[test]
fn cli_json_fits_the_scorer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scorer = root.join("../shared/tools/score-corpus");
    if !scorer.is_file() {
        println!("SKIP scorer check: ../shared/tools/score-corpus not found");
        return;
    }
    let dir = std::env::temp_dir().join(format!("notice-outline-scorer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("invented.txt"),
        "巡察反馈的2个问题，已完成整改1个，正在整改1个。\n\
         一、巡察反馈问题整改落实情况\n\
         （一）关于学习贯彻方面\n\
         1.学习不深入。\n整改情况：一是建立学习制度；二是开展专题研讨。该问题已完成整改。\n\
         2.制度不健全。\n整改情况：正在整改。\n",
    )
    .unwrap();
    let annotation = serde_json::json!({
        "stated": {"problems": 2, "problems_done": 1, "problems_in_progress": 1},
        "outline": [{"label": "一、", "heading": "巡察反馈问题整改落实情况", "children": [
            {"label": "（一）", "heading": "关于学习贯彻方面", "children": [
                {"label": "1.", "heading": "学习不深入", "children": [
                    {"label": "一是", "heading": "建立学习制度", "children": []},
                    {"label": "二是", "heading": "开展专题研讨", "children": []}]},
                {"label": "2.", "heading": "制度不健全", "children": []}]}]}],
        "problems": [
            {"path": ["一、", "（一）", "1."], "heading": "学习不深入", "status": "done"},
            {"path": ["一、", "（一）", "2."], "heading": "制度不健全", "status": "in_progress"}]
    });
    std::fs::write(dir.join("invented.json"), annotation.to_string()).unwrap();
    let (_, report) = score(std::slice::from_ref(&dir));
    let last = report.lines().last().unwrap_or_default();
    assert_eq!(
        last, "corpus: nodes=1.000 tree=1.000 stated=1.000 meta=- problems=1.000 status=1.000 failures=0",
        "{report}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs score-corpus with this test build's binary over `dirs`: (exit success, all output).
fn score(dirs: &[std::path::PathBuf]) -> (bool, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scorer = root.join("../shared/tools/score-corpus");
    let cmd = format!("{} --format json", shell_quote(env!("CARGO_BIN_EXE_notice-outline")));
    let output = Command::new("python3")
        .arg(&scorer)
        .arg("--cmd")
        .arg(&cmd)
        .args(dirs)
        .current_dir(root)
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 {}: {e}", scorer.display()));
    let report = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.success(), report)
}

/// What is wrong with a `corpus: …` line: each figure under its threshold, and any failures.
/// A figure of `-` means the corpus annotates nothing of that kind, so there is nothing to miss.
fn judge(line: &str) -> Vec<String> {
    let value =
        |key: &str| line.split_whitespace().find_map(|kv| kv.strip_prefix(key).and_then(|rest| rest.strip_prefix('=')));
    let mut problems = Vec::new();
    for (key, min) in THRESHOLDS {
        match value(key) {
            None => problems.push(format!("{key} missing")),
            Some("-") => {}
            Some(v) => match v.parse::<f64>() {
                Ok(score) if score >= min => {}
                Ok(score) => problems.push(format!("{key}={score} < {min}")),
                Err(_) => problems.push(format!("{key}={v} is not a number")),
            },
        }
    }
    match value("failures").map(str::parse::<u32>) {
        Some(Ok(0)) => {}
        Some(Ok(n)) => problems.push(format!("failures={n} (crashes, timeouts or bad JSON)")),
        _ => problems.push("failures missing".into()),
    }
    problems
}

/// Quotes a path for score-corpus, which splits `--cmd` with Python's `shlex.split`.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

#[test]
fn judge_reads_the_score_line() {
    let good = "corpus: nodes=1.000 tree=1.000 stated=1.000 meta=1.000 problems=1.000 status=- failures=0";
    assert_eq!(judge(good), Vec::<String>::new());
    let bad = "corpus: nodes=0.100 tree=1.000 stated=1.000 meta=1.000 problems=0.200 status=- failures=2";
    let min = |key: &str| THRESHOLDS.iter().find(|(k, _)| *k == key).unwrap().1;
    assert_eq!(
        judge(bad),
        [
            format!("nodes=0.1 < {}", min("nodes")),
            format!("problems=0.2 < {}", min("problems")),
            "failures=2 (crashes, timeouts or bad JSON)".to_string()
        ]
    );
    assert_eq!(
        judge("corpus: nodes=1.000"),
        ["tree missing", "stated missing", "meta missing", "problems missing", "status missing", "failures missing"]
            .map(String::from)
    );
}
