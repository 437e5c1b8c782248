//! Renderings of a parsed [`Notice`] shared by the CLI and the page's export buttons.

use crate::model::Notice;

pub mod csv;
pub mod markdown;

/// The model as pretty JSON (the CLI's `--format json`, the page's JSON export).
pub fn to_json(notice: &Notice) -> String {
    serde_json::to_string_pretty(notice).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

pub use csv::to_csv;
pub use markdown::to_markdown;
