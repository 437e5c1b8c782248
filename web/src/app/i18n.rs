//! Every user-visible string of the app, in one table per language.
//!
//! A struct (not a key → string map) so a missing translation is a compile error.
//! Strings that carry numbers are small functions on [`Lang`] below the tables.

use notice_outline::export::fixed;
use notice_outline::model::Status;

use super::state::Message;

/// The largest file (in MB) the page reads when dropped or chosen.
pub const MAX_FILE_MB: u32 = 32;

/// The UI language: the one [`Lang`] of the core's vocabulary (field, figure and status names
/// come from there, so the page and the exports use the same words).
pub use notice_outline::export::vocab::Lang;

/// The app's strings for a language. A trait because [`Lang`] lives in the core crate.
pub trait Text: Copy {
    fn s(self) -> &'static Strings;
    fn status(self, status: Status) -> &'static str;
    fn count(self, n: u32, noun: &str) -> String;
    fn measures_count(self, n: u32) -> String;
    fn progress_text(self, done: u32, in_progress: u32, not_done: u32, unknown: u32, total: u32) -> String;
    fn file_loaded(self, name: &str) -> String;
    fn file_too_large(self, mb: u32) -> String;
    fn message(self, message: &Message) -> String;
    fn rows_hidden(self, n: usize) -> String;
    /// The note under the text box while it shows the beginning of a big text.
    fn preview_note(self, megabytes: &str) -> String;
    /// "正在分析 10.0 MB……" while a big text waits for its parse.
    fn parsing_big(self, megabytes: &str) -> String;
    fn rate(self, rate: f64) -> String;
    /// "label: value" with the language's colon (full-width in Chinese, ASCII and a space in English).
    fn colon(self, label: &str, value: &str) -> String;
}

pub struct Strings {
    /// The page's `<title>`: "the notice's title · app_name", or "app_name · app_tagline".
    pub app_name: &'static str,
    pub app_tagline: &'static str,
    pub switch_lang: &'static str,
    pub switch_lang_label: &'static str,
    pub editor_region: &'static str,
    pub editor_label: &'static str,
    pub editor_hint: &'static str,
    pub editor_placeholder: &'static str,
    pub clear: &'static str,
    pub undo_clear: &'static str,
    pub cleared: &'static str,
    pub load_sample: &'static str,
    pub open_file: &'static str,
    pub drop_here: &'static str,
    pub not_utf8: &'static str,
    pub not_text_file: &'static str,
    pub file_read_failed: &'static str,
    pub empty_title: &'static str,
    pub empty_body: &'static str,
    pub empty_example: &'static str,
    pub no_structure_title: &'static str,
    pub no_structure_body: &'static str,
    pub parsing: &'static str,
    pub outline_region: &'static str,
    pub outline_label: &'static str,
    pub expand_all: &'static str,
    pub collapse_all: &'static str,
    pub tree_help: &'static str,
    /// The same help without a text box to show places in (read-only mode).
    pub tree_help_readonly: &'static str,
    pub summary_region: &'static str,
    pub stated_heading: &'static str,
    pub derived_heading: &'static str,
    pub checks_heading: &'static str,
    pub no_checks: &'static str,
    /// Nothing was compared: the notice states no figure the outline also gives.
    pub nothing_to_compare: &'static str,
    /// Beside a stated rate worked out from the stated counts.
    pub rate_computed: &'static str,
    pub show_in_text: &'static str,
    pub not_stated: &'static str,
    pub problems: &'static str,
    pub meta_region: &'static str,
    pub contacts: &'static str,
    pub timeline: &'static str,
    pub no_dates: &'static str,
    pub unknown_value: &'static str,
    pub export_region: &'static str,
    pub copy_json: &'static str,
    pub download_json: &'static str,
    pub download_markdown: &'static str,
    pub download_csv: &'static str,
    pub print: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub downloaded: &'static str,
    pub not_saved: &'static str,
    pub not_saved_last_time: &'static str,
    pub show_more: &'static str,
}

pub static ZH: Strings = Strings {
    app_name: "通报大纲",
    app_tagline: "整改进展情况通报阅读器",
    switch_lang: "English",
    switch_lang_label: "Switch to English",
    editor_region: "通报原文",
    editor_label: "粘贴通报全文",
    editor_hint: "粘贴或拖入整改进展情况通报的全文（.txt），右侧即时生成大纲。文字只保存在本机浏览器中。",
    editor_placeholder: "在此粘贴通报全文，例如“中共某某县……关于巡察反馈意见整改进展情况的通报”",
    clear: "清空",
    undo_clear: "撤销清空",
    cleared: "已清空原文。",
    load_sample: "载入示例",
    open_file: "打开文件",
    drop_here: "松开鼠标以载入文件",
    not_utf8: "无法读取该文件：它不是 UTF-8 编码的文本。请用记事本等工具另存为 UTF-8 后再试。",
    not_text_file: "只能载入纯文本文件（.txt）。",
    file_read_failed: "读取文件失败。",
    empty_title: "还没有通报原文",
    empty_body: "把巡察、巡视、审计或督察整改进展情况通报的全文粘贴到左侧文本框，这里会列出各部分、各问题及其整改状态，并核对通报自述的数字。",
    empty_example: "没有现成的通报？可以先看看示例。",
    no_structure_title: "没有识别出通报结构",
    no_structure_body: "这段文字里没有找到“一、”“（一）”“1.”这样的编号标题。请确认粘贴的是通报全文，包括各级编号。",
    parsing: "正在分析……",
    outline_region: "大纲",
    outline_label: "通报大纲",
    expand_all: "全部展开",
    collapse_all: "全部折叠",
    tree_help: "方向键移动，回车在原文中定位，输入文字可快速跳转。",
    tree_help_readonly: "方向键移动，左右键展开或折叠，输入文字可快速跳转。",
    summary_region: "整改进度",
    stated_heading: "通报自述",
    derived_heading: "大纲统计",
    checks_heading: "核对结果",
    no_checks: "通报自述的数字与大纲一致。",
    nothing_to_compare: "通报没有自述可核对的数字。",
    rate_computed: "按所称数字计算",
    show_in_text: "在原文中定位",
    not_stated: "未说明",
    problems: "问题",
    meta_region: "基本信息",
    contacts: "联系方式",
    timeline: "时间线",
    no_dates: "通报中没有找到日期。",
    unknown_value: "未找到",
    export_region: "导出",
    copy_json: "复制 JSON",
    download_json: "下载 JSON",
    download_markdown: "下载 Markdown",
    download_csv: "下载 CSV 台账",
    print: "打印",
    copied: "已复制到剪贴板。",
    copy_failed: "复制失败，请改用下载。",
    downloaded: "已开始下载。",
    not_saved: "文字太大，无法保存在本机浏览器中：刷新页面后需要重新粘贴。",
    not_saved_last_time: "上次粘贴的文字太大，未能保存在本机浏览器中，请重新粘贴。",
    show_more: "显示更多",
};

pub static EN: Strings = Strings {
    app_name: "Notice Outline",
    app_tagline: "a reader for rectification progress notices",
    switch_lang: "中文",
    switch_lang_label: "切换到中文",
    editor_region: "Notice text",
    editor_label: "Paste the full notice",
    editor_hint: "Paste or drop the full text of a rectification progress notice (.txt); the outline updates as you type. The text stays in this browser.",
    editor_placeholder: "Paste the full text of the notice here",
    clear: "Clear",
    undo_clear: "Undo clear",
    cleared: "Text cleared.",
    load_sample: "Load sample",
    open_file: "Open file",
    drop_here: "Drop the file to load it",
    not_utf8: "This file cannot be read: it is not UTF-8 text. Save it as UTF-8 (e.g. with Notepad) and try again.",
    not_text_file: "Only plain text files (.txt) can be loaded.",
    file_read_failed: "Reading the file failed.",
    empty_title: "No notice yet",
    empty_body: "Paste the full text of an inspection, audit or supervision rectification progress notice on the left. Its parts, problems and their status are listed here, and the figures the notice states are checked.",
    empty_example: "No notice at hand? Try the sample.",
    no_structure_title: "No notice structure found",
    no_structure_body: "No numbered headings such as \"一、\", \"（一）\" or \"1.\" were found. Check that you pasted the whole notice, numbering included.",
    parsing: "Analysing...",
    outline_region: "Outline",
    outline_label: "Notice outline",
    expand_all: "Expand all",
    collapse_all: "Collapse all",
    tree_help: "Arrow keys move, Enter shows the place in the text, typing jumps to a heading.",
    tree_help_readonly: "Arrow keys move, Left and Right collapse and expand, typing jumps to a heading.",
    summary_region: "Progress",
    stated_heading: "As stated",
    derived_heading: "From the outline",
    checks_heading: "Checks",
    no_checks: "The stated figures agree with the outline.",
    nothing_to_compare: "The notice states no figures to check.",
    rate_computed: "computed",
    show_in_text: "Show in text",
    not_stated: "not stated",
    problems: "problems",
    meta_region: "Details",
    contacts: "Contacts",
    timeline: "Timeline",
    no_dates: "No dates found in the notice.",
    unknown_value: "not found",
    export_region: "Export",
    copy_json: "Copy JSON",
    download_json: "Download JSON",
    download_markdown: "Download Markdown",
    download_csv: "Download CSV ledger",
    print: "Print",
    copied: "Copied to the clipboard.",
    copy_failed: "Copying failed; use a download instead.",
    downloaded: "Download started.",
    not_saved: "The text is too large to save in this browser: after a reload you will need to paste it again.",
    not_saved_last_time: "The last text was too large to save in this browser; please paste it again.",
    show_more: "Show more",
};

impl Text for Lang {
    fn s(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    fn status(self, status: Status) -> &'static str {
        status.name(self)
    }

    /// "8个问题" / "8 problems".
    fn count(self, n: u32, noun: &str) -> String {
        match self {
            Lang::Zh => format!("{n}个{noun}"),
            // The nouns are English plurals ("problems"): one problem.
            Lang::En if n == 1 => format!("1 {}", noun.strip_suffix('s').unwrap_or(noun)),
            Lang::En => format!("{n} {noun}"),
        }
    }

    /// "3条措施" / "3 measures": the 一是/二是 steps under a problem.
    fn measures_count(self, n: u32) -> String {
        match self {
            Lang::Zh => format!("{n}条措施"),
            Lang::En => format!("{n} measure{}", if n == 1 { "" } else { "s" }),
        }
    }

    /// A progress line such as "已完成 6 · 正在整改 2 · 共 8" for screen readers and print.
    fn progress_text(self, done: u32, in_progress: u32, not_done: u32, unknown: u32, total: u32) -> String {
        let mut parts = vec![
            format!("{} {done}", self.status(Status::Done)),
            format!("{} {in_progress}", self.status(Status::InProgress)),
        ];
        if not_done > 0 {
            parts.push(format!("{} {not_done}", self.status(Status::NotDone)));
        }
        if unknown > 0 {
            parts.push(format!("{} {unknown}", self.status(Status::Unknown)));
        }
        let total = match self {
            Lang::Zh => format!("共 {total}"),
            Lang::En => format!("of {total}"),
        };
        parts.push(total);
        parts.join(" · ")
    }

    fn file_loaded(self, name: &str) -> String {
        match self {
            Lang::Zh => format!("已载入文件“{name}”。"),
            Lang::En => format!("Loaded \"{name}\"."),
        }
    }

    fn file_too_large(self, mb: u32) -> String {
        let max = MAX_FILE_MB;
        match self {
            Lang::Zh => format!("文件有 {mb} MB，超过了可载入的 {max} MB；请复制其中的通报正文粘贴进来。"),
            Lang::En => {
                format!("The file is {mb} MB, over the {max} MB that can be loaded: paste the notice's text instead.")
            }
        }
    }

    fn message(self, message: &Message) -> String {
        let s = self.s();
        match message {
            Message::Cleared => s.cleared.to_string(),
            Message::FileLoaded(name) => self.file_loaded(name),
            Message::NotUtf8 => s.not_utf8.to_string(),
            Message::NotTextFile => s.not_text_file.to_string(),
            Message::FileTooLarge(mb) => self.file_too_large(*mb),
            Message::FileReadFailed => s.file_read_failed.to_string(),
            Message::Copied => s.copied.to_string(),
            Message::CopyFailed => s.copy_failed.to_string(),
            Message::Downloaded => s.downloaded.to_string(),
            Message::NotSaved => s.not_saved.to_string(),
            Message::NotSavedLastTime => s.not_saved_last_time.to_string(),
        }
    }

    /// "还有 1200 项未显示" / "1200 more rows not shown".
    fn rows_hidden(self, n: usize) -> String {
        match self {
            Lang::Zh => format!("还有 {n} 项未显示"),
            Lang::En => format!("{n} more rows not shown"),
        }
    }

    fn preview_note(self, mb: &str) -> String {
        match self {
            Lang::Zh => format!("文本较大（{mb} MB），文本框只显示开头部分且不可编辑；大纲、核对和导出使用全文。要换一篇，请先清空。"),
            Lang::En => format!(
                "This text is large ({mb} MB): the box shows only its beginning, read-only; the outline, checks and exports use all of it. Clear it to paste another."
            ),
        }
    }

    fn parsing_big(self, mb: &str) -> String {
        match self {
            Lang::Zh => format!("正在分析 {mb} MB 的文本……"),
            Lang::En => format!("Analysing {mb} MB of text..."),
        }
    }

    fn colon(self, label: &str, value: &str) -> String {
        match self {
            Lang::Zh => format!("{label}：{value}"),
            Lang::En => format!("{label}: {value}"),
        }
    }

    fn rate(self, rate: f64) -> String {
        // Stated rates are given to one decimal at most; keep integers clean ("75%").
        if (rate - rate.round()).abs() < 0.05 {
            format!("{}%", rate.round() as i64)
        } else {
            format!("{}%", fixed(rate, 1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn rates_round_cleanly() {
        assert_eq!(Lang::Zh.rate(75.0), "75%");
        assert_eq!(Lang::Zh.rate(94.44), "94.4%");
    }
}
