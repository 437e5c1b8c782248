//! Renderings of a parsed [`Notice`](crate::model::Notice) shared by the CLI and the page's export buttons.
//!
//! Pure functions from the model (and, for positions, the source text) to a `String`: no I/O,
//! so the wasm page and the CLI produce byte-identical files.

pub mod check_lines;
pub mod csv;
pub mod figures;
pub mod markdown;
pub mod summary;
pub mod vocab;

/// The model as pretty JSON (the CLI's `--format json`). The page makes the same shape with
/// `JSON.stringify(object, null, 2)` (web `api::notice_to_json`), so the wasm carries no serde_json.
#[cfg(feature = "json")]
pub fn to_json(notice: &crate::model::Notice) -> String {
    serde_json::to_string_pretty(notice).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

pub use crate::format::{decimal, fixed};
pub use check_lines::check_lines;
pub use csv::to_csv;
pub use markdown::to_markdown;
pub use summary::{summary_csv, summary_markdown, SummaryRow};

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
                code: CheckCode::Problems,
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
