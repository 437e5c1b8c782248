//! Every phrase table compiles with both engines the parser uses — `regex` natively and
//! `regex-lite` in the wasm build (Cargo.toml) — so no pattern can fail at run time in the
//! browser; every phrase matches its own example in both, and both find the same matches in the
//! fixture notices (and the corpus, when `../shared/corpus` is present).
//!
//! Neither engine is built with Unicode class tables, so a pattern that needs one (`\d` `\s` `\w`
//! `\p{Han}` `(?i)`) would not compile; a test below keeps them out of the tables.

use notice_outline::parse::patterns::{self, alternation};

#[test]
fn every_table_compiles_and_every_example_matches() {
    for table in patterns::all() {
        assert!(!table.phrases.is_empty(), "table {} is empty", table.name);
        // The table as a whole, as the parser builds it, in both engines.
        let whole = regex::Regex::new(&alternation(table.phrases));
        assert!(whole.is_ok(), "table {} does not compile: {:?}", table.name, whole.err());
        let lite = regex_lite::Regex::new(&alternation(table.phrases));
        assert!(lite.is_ok(), "table {} does not compile with regex-lite: {:?}", table.name, lite.err());
        for ph in table.phrases {
            let re = regex::Regex::new(ph.pattern)
                .unwrap_or_else(|e| panic!("{}.{} does not compile: {e}", table.name, ph.name));
            assert_eq!(
                re.find(ph.example).map(|m| m.as_str()),
                Some(ph.example),
                "{}.{}: the example is not matched whole",
                table.name,
                ph.name
            );
            let re = regex_lite::Regex::new(ph.pattern)
                .unwrap_or_else(|e| panic!("{}.{} does not compile with regex-lite: {e}", table.name, ph.name));
            assert_eq!(
                re.find(ph.example).map(|m| m.as_str()),
                Some(ph.example),
                "{}.{}: regex-lite does not match the example whole",
                table.name,
                ph.name
            );
            // The compiled table says which phrase matched.
            let caps = table.regex().captures(ph.example).expect("the table matches the example");
            assert!(!table.which(&caps).is_empty(), "{}.{}: no phrase named", table.name, ph.name);
        }
    }
}

/// Every match of every table, with the phrase group that matched: `(start, end, group)`.
fn matches_regex(re: &regex::Regex, names: &[&str], text: &str) -> Vec<(usize, usize, String)> {
    re.captures_iter(text)
        .map(|c| {
            let m = c.get(0).unwrap();
            let group = names.iter().find(|n| c.name(n).is_some()).copied().unwrap_or("");
            (m.start(), m.end(), group.to_string())
        })
        .collect()
}

fn matches_lite(re: &regex_lite::Regex, names: &[&str], text: &str) -> Vec<(usize, usize, String)> {
    re.captures_iter(text)
        .map(|c| {
            let m = c.get(0).unwrap();
            let group = names.iter().find(|n| c.name(n).is_some()).copied().unwrap_or("");
            (m.start(), m.end(), group.to_string())
        })
        .collect()
}

/// The texts both engines are compared on: the invented fixtures, and the corpus when present.
fn sample_texts() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["fixtures", "fixtures/proofread", "../shared/corpus/seeds", "../shared/corpus/real"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
        for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
            if path.extension().is_some_and(|e| e == "txt") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    // The parser matches on the folded text (full-width forms folded, traditional
                    // characters simplified), so that is what is compared.
                    let folded = notice_outline::parse::text::Source::new(&text).folded.clone();
                    out.push((path.display().to_string(), folded));
                }
            }
        }
    }
    out
}

#[test]
fn both_engines_find_the_same_matches() {
    let texts = sample_texts();
    assert!(texts.len() >= 20, "fixtures missing: {} texts", texts.len());
    for table in patterns::all() {
        let names: Vec<&str> = table.phrases.iter().map(|ph| ph.name).collect();
        let pattern = alternation(table.phrases);
        let native = regex::Regex::new(&pattern).unwrap();
        let lite = regex_lite::Regex::new(&pattern).unwrap();
        let anchored = format!("^(?:{pattern})");
        let (native_start, lite_start) =
            (regex::Regex::new(&anchored).unwrap(), regex_lite::Regex::new(&anchored).unwrap());
        for (name, text) in &texts {
            assert_eq!(
                matches_regex(&native, &names, text),
                matches_lite(&lite, &names, text),
                "table {} on {name}: regex and regex-lite disagree",
                table.name
            );
            // Anchored searches start at every line (the parser looks for prefixes at line starts).
            for line in text.lines() {
                assert_eq!(
                    native_start.find(line).map(|m| m.end()),
                    lite_start.find(line).map(|m| m.end()),
                    "table {} anchored on a line of {name}: {line}",
                    table.name
                );
            }
        }
    }
}

#[test]
fn patterns_need_no_unicode_tables() {
    for table in patterns::all() {
        for ph in table.phrases {
            for class in ["\\d", "\\s", "\\w", "\\p", "\\P", "\\b", "(?i", "\\D", "\\S", "\\W"] {
                assert!(
                    !ph.pattern.contains(class),
                    "{}.{} uses {class}, which needs a regex Unicode feature the wasm build does not have",
                    table.name,
                    ph.name
                );
            }
        }
    }
}

#[test]
fn the_wasm_build_uses_regex_lite_and_no_unicode_tables() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let core = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let wasm = core.split("[target.'cfg(target_arch = \"wasm32\")'.dependencies]").nth(1).unwrap_or("");
    let wasm = wasm.split("\n[").next().unwrap_or("");
    assert!(wasm.lines().any(|l| l.starts_with("regex-lite ")), "the wasm build's phrase engine is regex-lite");
    assert!(!wasm.lines().any(|l| l.starts_with("regex ")), "regex would put its compiler in the wasm");
    // Native regex: no Unicode feature (the same patterns must compile in both engines).
    let lines: Vec<&str> = core.lines().filter(|l| l.starts_with("regex ")).collect();
    assert!(!lines.is_empty(), "the core depends on regex");
    for line in lines {
        assert!(line.contains("default-features = false"), "{line}");
        assert!(!line.contains("unicode"), "{line}");
    }
    // Nothing else may widen them (features unify across the workspace).
    let web = std::fs::read_to_string(root.join("web/Cargo.toml")).unwrap();
    assert!(!web.lines().any(|l| l.trim_start().starts_with("regex")), "web/Cargo.toml names regex");
}

/// A table with lead words scans by them ([`patterns::Table::leads`]): every phrase's example
/// starts with a lead, and on every sample text (and on each lead put mid-sentence) the scan
/// finds exactly the matches the regex finds.
#[test]
fn scanning_by_lead_words_finds_what_the_regex_finds() {
    let texts = sample_texts();
    let led: Vec<_> = patterns::all().into_iter().filter(|t| !t.leads.is_empty()).collect();
    assert!(!led.is_empty(), "some table scans by lead words");
    for table in led {
        for ph in table.phrases {
            assert!(
                table.leads.iter().any(|lead| ph.example.starts_with(lead)),
                "{}.{}: the example {} starts with no lead word {:?}",
                table.name,
                ph.name,
                ph.example,
                table.leads
            );
        }
        let examples: String =
            table.phrases.iter().map(|ph| format!("见{}，又{}{}。", ph.example, ph.example, ph.example)).collect();
        for (name, text) in texts.iter().map(|(n, t)| (n.as_str(), t.as_str())).chain([("examples", examples.as_str())])
        {
            let by_regex: Vec<(usize, usize)> = table.regex().find_iter(text).map(|m| (m.start(), m.end())).collect();
            let by_leads: Vec<(usize, usize)> = table.find_all(text).map(|(_, start, end)| (start, end)).collect();
            assert_eq!(by_leads, by_regex, "table {} on {name}", table.name);
        }
    }
}
