//! The parser uses hand-written scanners, not regular expressions: they are faster, keep the
//! wasm small, and cannot fail at run time. A regex compiled only in the browser could fail
//! there (`\d` needs the `unicode-perl` feature the wasm build might trim). So if anyone adds
//! one, this test fails and asks for a native test that compiles it under the wasm feature set.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn shipped_code_compiles_no_regex() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("web/src"), &mut files);
    assert!(files.len() > 10, "source files not found under {}", root.display());
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for needle in ["Regex::new", "RegexBuilder", "use regex", "regex::"] {
            assert!(
                !text.contains(needle),
                "{} uses a regex ({needle}): add a native test that compiles it with the wasm build's regex features",
                file.display()
            );
        }
    }
    for manifest in ["Cargo.toml", "web/Cargo.toml"] {
        let text = std::fs::read_to_string(root.join(manifest)).unwrap();
        let deps = text.split("[dev-dependencies]").next().unwrap_or("");
        assert!(
            !deps.lines().any(|l| l.trim_start().starts_with("regex")),
            "{manifest} depends on regex: compile every pattern in a native test under the wasm feature set"
        );
    }
}
