//! Every phrase table compiles, natively, under the regex features the wasm build has — so no
//! pattern can fail at run time in the browser — and every phrase matches its own example.
//!
//! The core's Cargo.toml gives regex `default-features = false` and no `unicode-*` feature (the
//! wasm gets `std` + `perf-literal`; native builds add performance features, which never change
//! which patterns compile); nothing else in the workspace names regex (checked below), and without the `unicode-*` features a pattern that needs a Unicode
//! class table (`\d` `\s` `\w` `\p{Han}` `(?i)`) does not compile. So compiling here is
//! compiling there.

use notice_outline::parse::patterns::{self, alternation};

#[test]
fn every_table_compiles_and_every_example_matches() {
    for table in patterns::all() {
        // The table as a whole, as the parser builds it.
        let whole = regex::Regex::new(&alternation(table.phrases));
        assert!(whole.is_ok(), "table {} does not compile: {:?}", table.name, whole.err());
        assert!(!table.phrases.is_empty(), "table {} is empty", table.name);
        for ph in table.phrases {
            let re = regex::Regex::new(ph.pattern)
                .unwrap_or_else(|e| panic!("{}.{} does not compile: {e}", table.name, ph.name));
            let m = re.find(ph.example);
            assert_eq!(
                m.map(|m| m.as_str()),
                Some(ph.example),
                "{}.{}: the example is not matched whole",
                table.name,
                ph.name
            );
            // The compiled table says which phrase matched.
            let caps = table.regex().captures(ph.example).expect("the table matches the example");
            assert!(!table.which(&caps).is_empty(), "{}.{}: no phrase named", table.name, ph.name);
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
fn regex_features_are_the_wasm_builds() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let core = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    // Every regex line: no Unicode feature anywhere (performance features do not change syntax).
    let lines: Vec<&str> = core.lines().filter(|l| l.starts_with("regex ")).collect();
    assert!(!lines.is_empty(), "the core depends on regex");
    for line in lines {
        assert!(line.contains("default-features = false"), "{line}");
        assert!(!line.contains("unicode"), "{line}");
    }
    // Nothing else may widen them (features unify across the workspace).
    let web = std::fs::read_to_string(root.join("web/Cargo.toml")).unwrap();
    assert!(!web.lines().any(|l| l.trim_start().starts_with("regex")), "web/Cargo.toml names regex");
    let dev = core.split("[dev-dependencies]").nth(1).unwrap_or("");
    assert!(!dev.lines().any(|l| l.trim_start().starts_with("regex")), "a dev-dependency names regex");
}
