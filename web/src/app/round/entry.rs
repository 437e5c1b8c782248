//! One notice of the round: its name, its text (or why there is none) and its summary row.

use std::rc::Rc;

use notice_outline::export::summary::{readable_text, Unreadable};
use notice_outline::export::SummaryRow;
use notice_outline::ParseOptions;

use super::super::i18n::{Lang, MAX_FILE_MB};

#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    Text(Rc<str>),
    Unreadable(Unreadable),
    /// Over the size the page reads (MB, rounded up).
    TooLarge(u32),
    /// The browser could not read the file (removed or changed since it was chosen).
    ReadFailed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub name: String,
    pub content: Content,
    /// The row the table shows and the CSV exports; an unreadable file's reason is the CLI's.
    pub row: SummaryRow,
}

impl Entry {
    pub fn new(name: String, content: Content) -> Entry {
        let row = match &content {
            // Only the counts are needed here: no UTF-16 offsets (opening the row parses again).
            Content::Text(text) => {
                SummaryRow::of(&name, &notice_outline::parse_with(text, ParseOptions { utf16_offsets: false }))
            }
            Content::Unreadable(why) => SummaryRow::unreadable(&name, &why.to_string()),
            Content::TooLarge(mb) => SummaryRow::unreadable(&name, &format!("file of {mb} MB, over {MAX_FILE_MB} MB")),
            Content::ReadFailed => SummaryRow::unreadable(&name, "cannot read the file"),
        };
        Entry { name, content, row }
    }

    /// A file's bytes: its text without a leading byte-order mark, or why it is not a notice.
    pub fn from_bytes(name: String, bytes: &[u8]) -> Entry {
        let content = match readable_text(bytes) {
            Ok(text) => Content::Text(Rc::from(text.strip_prefix('\u{feff}').unwrap_or(text))),
            Err(why) => Content::Unreadable(why),
        };
        Entry::new(name, content)
    }

    /// The text in the editor, added as the round's `n`th notice.
    pub fn pasted(lang: Lang, n: usize, text: Rc<str>) -> Entry {
        Entry::new(format!("{} {n}", super::strings(lang).pasted), Content::Text(text))
    }

    pub fn text(&self) -> Option<Rc<str>> {
        match &self.content {
            Content::Text(text) => Some(text.clone()),
            _ => None,
        }
    }

    /// Why the notice has no figures, in the page's language.
    pub fn reason(&self, lang: Lang) -> Option<String> {
        match (&self.content, lang) {
            (Content::Text(_), _) => None,
            (Content::Unreadable(why), Lang::Zh) => Some(why.reason_zh()),
            (Content::TooLarge(mb), Lang::Zh) => Some(format!("文件 {mb} MB，超过 {MAX_FILE_MB} MB 上限")),
            (Content::ReadFailed, Lang::Zh) => Some("无法读取该文件".into()),
            (_, Lang::En) => self.row.error.clone(),
        }
    }
}

/// Reads a chosen or dropped file into an entry (never fails: a file that cannot be read gets
/// an entry saying why).
pub async fn read_file(file: web_sys::File) -> Entry {
    let name = file.name();
    let size = file.size();
    if size > MAX_FILE_MB as f64 * 1024.0 * 1024.0 {
        return Entry::new(name, Content::TooLarge((size / (1024.0 * 1024.0)).ceil() as u32));
    }
    match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Entry::from_bytes(name, &js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(_) => Entry::new(name, Content::ReadFailed),
    }
}

// Plain logic: run natively by `cargo test --workspace`.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn entries_from_bytes_get_rows_or_reasons() {
        let ok = Entry::from_bytes(
            "a.txt".into(),
            "\u{feff}一、整改情况\n（一）学习不深入。\n整改情况：已完成整改。\n".as_bytes(),
        );
        assert_eq!(ok.text().as_deref(), Some("一、整改情况\n（一）学习不深入。\n整改情况：已完成整改。\n"));
        assert_eq!(ok.reason(Lang::Zh), None);
        let bin = Entry::from_bytes("b.pdf".into(), b"%PDF\0");
        assert_eq!(bin.content, Content::Unreadable(Unreadable::Binary { offset: 4 }));
        assert_eq!(
            bin.reason(Lang::En).as_deref(),
            Some("binary file (NUL byte at offset 4), not the text of a notice")
        );
        assert!(bin.reason(Lang::Zh).unwrap().starts_with("二进制文件"));
    }
}
