//! Proofreading (`parse::proofread`) on invented notices, one fault each, with exact expected checks.
//!
//! `fixtures/proofread/NAME.txt` is the clean notice `clean.txt` with one fault put in;
//! `NAME.checks` is what `notice-outline --check` prints for it, each line followed by the text
//! of every span of that check. After a deliberate change, regenerate with
//! `UPDATE_FIXTURES=1 cargo test --test proofread` and review the diff.

use notice_outline::model::{CheckCode, Notice};
use notice_outline::parse::proofread::RULES;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/proofread")
}

fn fixtures() -> Vec<(String, String)> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names.into_iter().map(|n| (n.clone(), std::fs::read_to_string(dir().join(&n)).unwrap())).collect()
}

/// The `--check` lines, each followed by the text of the check's spans.
fn render(notice: &Notice, text: &str, name: &str) -> String {
    let lines = notice_outline::export::check_lines(notice, text, name);
    let mut out = String::new();
    for (line, check) in lines.lines().zip(&notice.checks) {
        let spans: Vec<String> = check.spans.iter().map(|s| format!("«{}»", &text[s.start..s.end])).collect();
        out.push_str(&format!("{line}\n  spans: {}\n", spans.join(" ")));
    }
    out
}

#[test]
fn every_fault_gives_exactly_its_checks() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    let fixtures = fixtures();
    assert!(fixtures.len() >= 19, "fixtures missing: {}", fixtures.len());
    let mut failed = Vec::new();
    for (name, text) in &fixtures {
        let got = render(&notice_outline::parse(text), text, name);
        let path = dir().join(name.replace(".txt", ".checks"));
        if update {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if got != expected {
            failed.push(format!("{name}\n--- expected\n{expected}--- got\n{got}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn the_clean_notice_gives_no_check() {
    let text = std::fs::read_to_string(dir().join("clean.txt")).unwrap();
    let checks = notice_outline::parse(&text).checks;
    assert!(checks.is_empty(), "{checks:?}");
}

#[test]
fn every_proofreading_code_has_a_fixture() {
    let fired: BTreeSet<CheckCode> =
        fixtures().iter().flat_map(|(_, text)| notice_outline::parse(text).checks).map(|c| c.code).collect();
    let missing: Vec<CheckCode> =
        RULES.iter().flat_map(|r| r.codes.iter().copied()).filter(|c| !fired.contains(c)).collect();
    assert!(missing.is_empty(), "no fixture fires {missing:?}");
}

/// Every fixture differs from `clean.txt` in a few lines: what fires is the fault put in.
#[test]
fn fixtures_are_one_edit_from_the_clean_notice() {
    let clean = std::fs::read_to_string(dir().join("clean.txt")).unwrap();
    for (name, text) in fixtures() {
        let differing = text.lines().filter(|l| !clean.lines().any(|c| c == *l)).count();
        assert!(name == "clean.txt" || (1..=6).contains(&differing), "{name}: {differing} lines differ");
    }
}

/// The well-formed notices of the corpus: no proofreading check fires (see the README's table).
#[test]
fn no_proofreading_check_fires_on_the_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !corpus.is_dir() {
        println!("SKIP corpus proofreading: ../shared/corpus not found");
        return;
    }
    let proofreading: BTreeSet<CheckCode> = RULES.iter().flat_map(|r| r.codes.iter().copied()).collect();
    let mut fired = Vec::new();
    for sub in ["seeds", "real"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join(sub))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for path in files {
            let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            for c in notice_outline::parse(&text).checks.iter().filter(|c| proofreading.contains(&c.code)) {
                fired.push(format!("{}: {} {}", path.display(), c.code, c.message_en));
            }
        }
    }
    assert!(fired.is_empty(), "{}", fired.join("\n"));
}
