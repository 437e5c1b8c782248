//! The one model that crosses every boundary: the CLI's JSON, the page, the JS API.
//!
//! The JSON shape is a public contract (see `docs/schema.md`); bump [`SCHEMA_VERSION`]
//! when a field changes meaning or disappears. Adding a field is a minor bump.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the JSON schema produced by [`crate::parse`]. Portals build on it.
pub const SCHEMA_VERSION: &str = "1.0";

/// A half-open range `[start, end)` of the input text.
///
/// `start`/`end` are UTF-8 byte offsets (always on char boundaries); `start_utf16`/`end_utf16`
/// are the same range in UTF-16 code units, so JavaScript can use them with `String.slice`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub start_utf16: usize,
    #[serde(default)]
    pub end_utf16: usize,
}

impl Span {
    /// A byte span; the UTF-16 offsets are filled in once parsing is done.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end, start_utf16: 0, end_utf16: 0 }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The whole result of parsing one notice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub schema_version: String,
    pub meta: Meta,
    pub stated: Stated,
    pub outline: Vec<Node>,
    pub counts: Counts,
    pub checks: Vec<Check>,
}

/// Who inspected whom, when, and where to send feedback.
/// Dates are ISO `YYYY-MM-DD`; a value the notice does not give is `null`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub title: Option<String>,
    /// The body that signs the notice (落款), e.g. `中共某某县委`.
    pub issuer: Option<String>,
    /// The unit that was inspected, e.g. `县交通运输局党组`.
    pub inspected_unit: Option<String>,
    /// The inspecting body, e.g. `市委第五巡察组`.
    pub inspection_body: Option<String>,
    pub inspection_start: Option<String>,
    pub inspection_end: Option<String>,
    pub feedback_date: Option<String>,
    pub signed_date: Option<String>,
    pub publicity_start: Option<String>,
    pub publicity_end: Option<String>,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub postcodes: Vec<String>,
    pub address: Option<String>,
    /// Where each value above stands in the text, by field (`"title"`, `"phones"`, … in JSON).
    /// List fields have one span per value, in the same order.
    pub spans: BTreeMap<MetaField, Vec<Span>>,
}

/// Keys of fixed field sets, serialised as their snake_case names (the JSON is unchanged), ordered
/// by name as the string keys were, and looked up by name too (`spans.get("title")`).
macro_rules! field_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vdoc])* $variant,)* }

        impl $name {
            /// Every field, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The JSON name.
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $text,)* }
            }
        }

        impl Ord for $name {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.name().cmp(other.name())
            }
        }

        impl PartialOrd for $name {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }

        // Eq and Ord agree with the names', so maps keyed by the enum can be read by name.
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                self.name()
            }
        }
    };
}

field_enum!(
    /// A field of [`Meta`].
    MetaField {
        Title = "title",
        Issuer = "issuer",
        InspectedUnit = "inspected_unit",
        InspectionBody = "inspection_body",
        InspectionStart = "inspection_start",
        InspectionEnd = "inspection_end",
        FeedbackDate = "feedback_date",
        SignedDate = "signed_date",
        PublicityStart = "publicity_start",
        PublicityEnd = "publicity_end",
        Phones = "phones",
        Emails = "emails",
        Postcodes = "postcodes",
        Address = "address",
    }
);

field_enum!(
    /// A field of [`Stated`].
    StatedField {
        Aspects = "aspects",
        Problems = "problems",
        ProblemsDone = "problems_done",
        ProblemsInProgress = "problems_in_progress",
        ProblemsNotDone = "problems_not_done",
        Measures = "measures",
        MeasuresDone = "measures_done",
        Rules = "rules",
        CompletionRate = "completion_rate",
    }
);

impl Meta {
    /// The value of a single-valued field; `None` for the lists (phones, emails, postcodes).
    pub fn text_mut(&mut self, field: MetaField) -> Option<&mut Option<String>> {
        use MetaField::*;
        Some(match field {
            Title => &mut self.title,
            Issuer => &mut self.issuer,
            InspectedUnit => &mut self.inspected_unit,
            InspectionBody => &mut self.inspection_body,
            InspectionStart => &mut self.inspection_start,
            InspectionEnd => &mut self.inspection_end,
            FeedbackDate => &mut self.feedback_date,
            SignedDate => &mut self.signed_date,
            PublicityStart => &mut self.publicity_start,
            PublicityEnd => &mut self.publicity_end,
            Address => &mut self.address,
            Phones | Emails | Postcodes => return None,
        })
    }

    /// The values of a list field; `None` for the single-valued ones.
    pub fn list_mut(&mut self, field: MetaField) -> Option<&mut Vec<String>> {
        match field {
            MetaField::Phones => Some(&mut self.phones),
            MetaField::Emails => Some(&mut self.emails),
            MetaField::Postcodes => Some(&mut self.postcodes),
            _ => None,
        }
    }
}

/// The totals the notice states about itself ("反馈的3个方面18个问题，已完成整改17个").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stated {
    pub aspects: Option<u32>,
    pub problems: Option<u32>,
    pub problems_done: Option<u32>,
    pub problems_in_progress: Option<u32>,
    pub problems_not_done: Option<u32>,
    pub measures: Option<u32>,
    pub measures_done: Option<u32>,
    /// Rules (制度) made or revised during rectification.
    pub rules: Option<u32>,
    /// Completion rate in percent as stated (`94.4` for "94.4%").
    pub completion_rate: Option<f64>,
    /// Where each stated figure stands in the text, by field.
    pub spans: BTreeMap<StatedField, Span>,
}

/// What a node is in the notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A part or group of the notice (一、… / （一）关于…方面 / 下一步工作打算).
    Section,
    /// A feedback problem from the inspection, with a rectification status.
    Problem,
    /// A rectification step under a problem (一是… / 1.…).
    Measure,
    /// Any other numbered item.
    Item,
}

/// Rectification status of a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    InProgress,
    NotDone,
    Unknown,
}

impl Status {
    /// The status's Chinese name, as the page, the exports and the checks write it.
    pub fn zh(self) -> &'static str {
        match self {
            Status::Done => "已完成",
            Status::InProgress => "正在整改",
            Status::NotDone => "未完成",
            Status::Unknown => "未知",
        }
    }

    /// The status's English name, as the page, the exports and the checks write it.
    pub fn en(self) -> &'static str {
        match self {
            Status::Done => "Done",
            Status::InProgress => "In progress",
            Status::NotDone => "Not done",
            Status::Unknown => "Unknown",
        }
    }
}

/// The numbering form of a label; levels are assigned by the order in which a document
/// uses these forms, not by a fixed table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum LabelForm {
    /// `一、`
    ChineseComma,
    /// `（一）` and `(一)`
    ChineseParen,
    /// `第一，` / `第一、`
    Ordinal,
    /// `1.` `1、` `1．`
    ArabicDot,
    /// `（1）` and `(1)`
    ArabicParen,
    /// `1）` and `1)`
    ArabicHalfParen,
    /// `①` … `⑳`
    Circled,
    /// `一是` `二是`
    Shi,
    /// `首先` `其次` `再次` `最后`
    Sequence,
    /// `问题1：` `问题一：` (audit reports number their problems by name)
    ProblemNumber,
    /// A heading line with no number (`下一步工作打算`).
    Unnumbered,
}

/// One numbered heading or item, nested as the document nests it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// The label as written (`（一）`, `1.`, `一是`, or empty for an unnumbered heading).
    pub label: String,
    /// The first sentence after the label, up to `。；：？！` or the line's end.
    pub heading: String,
    /// The rest of the node's own text up to its first child or the next node.
    pub body: String,
    pub kind: NodeKind,
    /// Only on problems.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub status: Option<Status>,
    /// The words that decided `status` (`已完成整改`, a status group's heading words); only on
    /// problems whose status the text states.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub status_evidence: Option<Evidence>,
    pub form: LabelForm,
    /// The label's ordinal value (`（三）` → 3); 0 for unnumbered headings.
    pub number: u32,
    /// Depth in the outline, 1 for top-level nodes.
    pub level: u32,
    /// Number of measures (一是/二是 steps) listed under this problem.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub measures: Option<u32>,
    /// Derived progress of the problems inside this node (sections only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub progress: Option<Progress>,
    /// The whole node, label to the end of its last descendant.
    pub span: Span,
    pub label_span: Span,
    pub heading_span: Span,
    pub body_span: Span,
    pub children: Vec<Node>,
}

/// Words of the input quoted as the reason for a finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub text: String,
    pub span: Span,
}

/// Problem counts by status, derived from the tree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub problems: u32,
    pub done: u32,
    pub in_progress: u32,
    pub not_done: u32,
    pub unknown: u32,
    pub measures: u32,
}

/// Summing progress: a section's from its problems, a round's from its notices.
impl std::ops::AddAssign<&Progress> for Progress {
    fn add_assign(&mut self, p: &Progress) {
        self.problems += p.problems;
        self.done += p.done;
        self.in_progress += p.in_progress;
        self.not_done += p.not_done;
        self.unknown += p.unknown;
        self.measures += p.measures;
    }
}

/// Counts derived from the outline for the whole notice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub nodes: u32,
    pub sections: u32,
    /// Top-level groups of problems (the 方面), when the problems are grouped.
    pub aspects: u32,
    #[serde(flatten)]
    pub progress: Progress,
    /// Derived completion rate in percent (done / problems × 100), when there are problems.
    pub completion_rate: Option<f64>,
}

/// How serious a disagreement is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The stated and derived figures disagree.
    Mismatch,
    /// Worth a look, not necessarily wrong (e.g. stated figures that do not add up).
    Notice,
}

/// A place where the notice's own statements and its outline disagree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// Stable machine name (see [`CheckCode`]).
    pub code: CheckCode,
    pub severity: Severity,
    /// The figure the notice states, if the check compares against one.
    pub stated: Option<f64>,
    /// The figure derived from the outline.
    pub derived: Option<f64>,
    /// Plain Chinese message, e.g. `通报称18个问题，大纲列出16个`.
    pub message_zh: String,
    /// The same in English.
    pub message_en: String,
    /// The spans involved: the stated figure first, then the nodes concerned.
    pub spans: Vec<Span>,
}

/// What a [`Check`] is about. Serialised as the snake_case names below, which are part of the
/// JSON schema (`docs/schema.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckCode {
    // Stated figures against the outline (`parse::checks`).
    Problems,
    ProblemsDone,
    ProblemsInProgress,
    ProblemsNotDone,
    Aspects,
    Measures,
    /// The stated rate against the stated figures.
    CompletionRate,
    /// The stated statuses do not add up to the stated total.
    StatedSum,
    /// A problem listed under one status group whose own text says another status.
    ItemStatus,
    // Proofreading (`parse::proofread`).
    /// `一、二、四、`: a number skipped.
    NumberGap,
    /// Two `3.` in one series.
    NumberRepeat,
    /// `（三）` before `（二）`.
    NumberOrder,
    /// One level written two ways: `（一）` and `(二)`, `1.` and `2、`, `1` and `１`.
    LabelStyle,
    /// A level whose form sits above its parent's in the GB/T 9704-2012 ladder (`（一）` under `1.`).
    LevelLadder,
    /// Numbering that runs on across parents in one place and restarts in another.
    NumberingStyle,
    /// The inspection ends before it starts.
    InspectionDates,
    /// Feedback dated before the inspection ended.
    FeedbackDate,
    /// The signature dated before the feedback.
    SignedDate,
    /// A publicity period that ends before it starts.
    PublicityDates,
    /// A date that does not exist (`2月30日`).
    InvalidDate,
    /// A stated rate above 100 %.
    #[serde(rename = "rate_over_100")]
    RateOver100,
    /// More problems stated done than stated in all.
    ProblemsDoneOverTotal,
    /// More measures stated done than stated in all.
    MeasuresDoneOverTotal,
}

impl CheckCode {
    /// Every code, in the order above.
    pub const ALL: [CheckCode; 23] = {
        use CheckCode::*;
        [
            Problems,
            ProblemsDone,
            ProblemsInProgress,
            ProblemsNotDone,
            Aspects,
            Measures,
            CompletionRate,
            StatedSum,
            ItemStatus,
            NumberGap,
            NumberRepeat,
            NumberOrder,
            LabelStyle,
            LevelLadder,
            NumberingStyle,
            InspectionDates,
            FeedbackDate,
            SignedDate,
            PublicityDates,
            InvalidDate,
            RateOver100,
            ProblemsDoneOverTotal,
            MeasuresDoneOverTotal,
        ]
    };

    /// The name used in the JSON (`number_gap`).
    pub fn as_str(self) -> &'static str {
        use CheckCode::*;
        match self {
            Problems => "problems",
            ProblemsDone => "problems_done",
            ProblemsInProgress => "problems_in_progress",
            ProblemsNotDone => "problems_not_done",
            Aspects => "aspects",
            Measures => "measures",
            CompletionRate => "completion_rate",
            StatedSum => "stated_sum",
            ItemStatus => "item_status",
            NumberGap => "number_gap",
            NumberRepeat => "number_repeat",
            NumberOrder => "number_order",
            LabelStyle => "label_style",
            LevelLadder => "level_ladder",
            NumberingStyle => "numbering_style",
            InspectionDates => "inspection_dates",
            FeedbackDate => "feedback_date",
            SignedDate => "signed_date",
            PublicityDates => "publicity_dates",
            InvalidDate => "invalid_date",
            RateOver100 => "rate_over_100",
            ProblemsDoneOverTotal => "problems_done_over_total",
            MeasuresDoneOverTotal => "measures_done_over_total",
        }
    }
}

impl std::fmt::Display for CheckCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod check_code_tests {
    use super::CheckCode;

    #[test]
    fn json_names_are_as_str() {
        for code in CheckCode::ALL {
            assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{}\"", code.as_str()));
        }
    }
}
