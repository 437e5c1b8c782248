//! Renderings of a parsed [`Notice`] shared by the CLI and the page's export buttons.
//!
//! Pure functions from the model (and, for positions, the source text) to a `String`: no I/O,
//! so the wasm page and the CLI produce byte-identical files.

use crate::model::{Notice, Status};

pub mod csv;
pub mod markdown;

/// The model as pretty JSON (the CLI's `--format json`, the page's JSON export).
pub fn to_json(notice: &Notice) -> String {
    serde_json::to_string_pretty(notice).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

pub use csv::to_csv;
pub use markdown::to_markdown;

/// The ledger's word for a status (整改状态 column, Markdown legend).
pub fn status_zh(status: Status) -> &'static str {
    match status {
        Status::Done => "已完成",
        Status::InProgress => "正在整改",
        Status::NotDone => "未完成",
        Status::Unknown => "未知",
    }
}

/// A percentage as the notice would write it: `83.3`, `100`.
fn percent(rate: f64) -> String {
    decimal(rate, 4)
}

/// `value` with exactly `decimals` digits after the point, like `format!("{value:.decimals$}")`
/// (`fixed(94.44, 1)` → `"94.4"`, `fixed(2.0, 3)` → `"2.000"`), but with integer arithmetic:
/// core's float formatting (about 15 KB of wasm) then stays out of the page. Values beyond
/// ±1e15 lose their decimals; NaN and infinities print as Rust prints them.
pub fn fixed(value: f64, decimals: u32) -> String {
    if !value.is_finite() {
        return if value.is_nan() {
            "NaN"
        } else if value > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .to_string();
    }
    let decimals = decimals.min(9);
    let scale = 10u64.pow(decimals);
    let scaled = value.abs() * scale as f64;
    let sign = if value < 0.0 && scaled.round() > 0.0 { "-" } else { "" };
    if scaled >= 1e15 {
        return format!("{sign}{}", value.abs().round() as u64);
    }
    let scaled = scaled.round() as u64;
    let (whole, frac) = (scaled / scale, scaled % scale);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:0width$}", width = decimals as usize)
    }
}

/// `value` with at most `max_decimals` digits after the point and no trailing zeros:
/// `decimal(83.30, 4)` → `"83.3"`, `decimal(100.0, 4)` → `"100"`.
pub fn decimal(value: f64, max_decimals: u32) -> String {
    let s = fixed(value, max_decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A hand-built notice for the renderers' tests, independent of the parser.
#[cfg(test)]
pub(crate) mod fixture {
    use crate::model::*;

    /// The source text the fixture's spans point into.
    pub const SOURCE: &str = "通报\n一、整改情况\n（一）关于学习方面\n1.学习不深入。\n2.制度\"不全\",待完善\n";

    fn node(label: &str, heading: &str, kind: NodeKind, level: u32, span: (usize, usize)) -> Node {
        Node {
            label: label.into(),
            heading: heading.into(),
            body: String::new(),
            kind,
            status: None,
            status_evidence: None,
            form: LabelForm::ChineseComma,
            number: 1,
            level,
            measures: None,
            progress: None,
            span: Span::new(span.0, span.1),
            label_span: Span::default(),
            heading_span: Span::default(),
            body_span: Span::default(),
            children: vec![],
        }
    }

    fn problem(label: &str, heading: &str, status: Status, measures: u32, span: (usize, usize)) -> Node {
        Node { status: Some(status), measures: Some(measures), ..node(label, heading, NodeKind::Problem, 3, span) }
    }

    pub fn notice() -> Notice {
        let p1 = problem("1.", "学习不深入。", Status::Done, 2, (54, 74));
        let p2 = problem("2.", "制度\"不全\",待完善", Status::InProgress, 0, (75, 101));
        let progress = Progress { problems: 2, done: 1, in_progress: 1, not_done: 0, unknown: 0, measures: 2 };
        let aspect = Node {
            progress: Some(progress),
            children: vec![p1, p2],
            ..node("（一）", "关于学习方面", NodeKind::Section, 2, (26, 101))
        };
        let part = Node {
            progress: Some(progress),
            children: vec![aspect],
            ..node("一、", "整改情况", NodeKind::Section, 1, (7, 101))
        };
        Notice {
            schema_version: SCHEMA_VERSION.into(),
            meta: Meta {
                title: Some("通报".into()),
                inspection_body: Some("县委第一巡察组".into()),
                inspection_start: Some("2023-04-10".into()),
                inspection_end: Some("2023-06-10".into()),
                phones: vec!["0571-12345678".into()],
                ..Meta::default()
            },
            stated: Stated {
                problems: Some(3),
                problems_done: Some(1),
                completion_rate: Some(33.3),
                ..Stated::default()
            },
            outline: vec![part],
            counts: Counts { nodes: 4, sections: 2, aspects: 1, progress, completion_rate: Some(50.0) },
            checks: vec![Check {
                code: "problems".into(),
                severity: Severity::Mismatch,
                stated: Some(3.0),
                derived: Some(2.0),
                message_zh: "通报称3个问题，大纲列出2个".into(),
                message_en: "The notice states 3 problems; the outline lists 2".into(),
                spans: vec![],
            }],
        }
    }
}

#[cfg(test)]
mod number_tests {
    use super::{decimal, fixed};

    #[test]
    fn fixed_matches_rusts_formatting() {
        for &v in &[0.0, 1.0, 94.44, 94.45, 99.95, 100.0, 0.125, 2.5, 123456.789, -3.25, -0.5, 1e-9, 66.666_666] {
            for d in 0..=4u32 {
                let ours = fixed(v, d);
                let rust = format!("{v:.prec$}", prec = d as usize);
                // Halfway cases may round either way in binary floating point; never by more.
                let diff: f64 = ours.parse::<f64>().unwrap() - rust.parse::<f64>().unwrap();
                assert!(diff.abs() <= 10f64.powi(-(d as i32)) + 1e-12, "{v} .{d}: {ours} vs {rust}");
                assert_eq!(ours.split('.').nth(1).map_or(0, str::len), d as usize, "{ours}");
            }
        }
        assert_eq!(fixed(94.44, 1), "94.4");
        assert_eq!(fixed(2.0, 3), "2.000");
        assert_eq!(fixed(-12.345, 1), "-12.3");
        assert_eq!(fixed(-0.01, 1), "0.0");
        assert_eq!(fixed(f64::NAN, 1), "NaN");
    }

    #[test]
    fn decimal_drops_trailing_zeros() {
        assert_eq!(decimal(83.3, 4), "83.3");
        assert_eq!(decimal(100.0, 4), "100");
        assert_eq!(decimal(94.4444, 4), "94.4444");
        assert_eq!(decimal(0.0, 4), "0");
    }
}
