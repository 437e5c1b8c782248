//! Every user-visible string of the app, in one table per language.
//!
//! A struct (not a key → string map) so a missing translation is a compile error.
//! Strings that carry numbers are small functions on [`Lang`] below the tables.

use notice_outline::export::fixed;
use notice_outline::model::{NodeKind, Status};

use super::state::Message;

/// The largest file (in MB) the page reads when dropped or chosen.
pub const MAX_FILE_MB: u32 = 32;

/// The UI language. Chinese is the default: the notices and most readers are Chinese.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Parses a `lang` attribute value (`zh`, `zh-CN`, `en`, `en-GB` …); anything else is Chinese.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    pub fn s(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

pub struct Strings {
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
    pub show_in_text: &'static str,
    pub not_stated: &'static str,
    pub aspects: &'static str,
    pub problems: &'static str,
    pub done: &'static str,
    pub in_progress: &'static str,
    pub not_done: &'static str,
    pub unknown: &'static str,
    pub measures: &'static str,
    pub rules: &'static str,
    pub completion_rate: &'static str,
    pub sections: &'static str,
    pub nodes: &'static str,
    pub meta_region: &'static str,
    pub title: &'static str,
    pub inspected_unit: &'static str,
    pub inspection_body: &'static str,
    pub issuer: &'static str,
    pub contacts: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub postcode: &'static str,
    pub address: &'static str,
    pub timeline: &'static str,
    pub inspection_period: &'static str,
    pub feedback: &'static str,
    pub signed: &'static str,
    pub publicity: &'static str,
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
    pub kind_section: &'static str,
    pub kind_problem: &'static str,
    pub kind_measure: &'static str,
    pub kind_item: &'static str,
}

pub static ZH: Strings = Strings {
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
    show_in_text: "在原文中定位",
    not_stated: "未说明",
    aspects: "方面",
    problems: "问题",
    done: "已完成",
    in_progress: "正在整改",
    not_done: "未完成",
    unknown: "未知",
    measures: "整改措施",
    rules: "制度",
    completion_rate: "完成率",
    sections: "部分",
    nodes: "条目",
    meta_region: "基本信息",
    title: "标题",
    inspected_unit: "整改单位",
    inspection_body: "反馈机构",
    issuer: "发布单位",
    contacts: "联系方式",
    phone: "电话",
    email: "电子邮箱",
    postcode: "邮政编码",
    address: "地址",
    timeline: "时间线",
    inspection_period: "检查期",
    feedback: "反馈",
    signed: "落款",
    publicity: "公示期",
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
    kind_section: "部分",
    kind_problem: "问题",
    kind_measure: "措施",
    kind_item: "条目",
};

pub static EN: Strings = Strings {
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
    no_structure_body: "No numbered headings such as “一、”, “（一）” or “1.” were found. Check that you pasted the whole notice, numbering included.",
    parsing: "Analysing…",
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
    show_in_text: "Show in text",
    not_stated: "not stated",
    aspects: "aspects",
    problems: "problems",
    done: "Done",
    in_progress: "In progress",
    not_done: "Not done",
    unknown: "Unknown",
    measures: "measures",
    rules: "rules",
    completion_rate: "completion",
    sections: "sections",
    nodes: "items",
    meta_region: "Details",
    title: "Title",
    inspected_unit: "Rectifying unit",
    inspection_body: "Feedback from",
    issuer: "Issued by",
    contacts: "Contacts",
    phone: "Phone",
    email: "Email",
    postcode: "Postcode",
    address: "Address",
    timeline: "Timeline",
    inspection_period: "Inspection",
    feedback: "Feedback",
    signed: "Signed",
    publicity: "Publicity",
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
    kind_section: "Section",
    kind_problem: "Problem",
    kind_measure: "Measure",
    kind_item: "Item",
};

impl Lang {
    pub fn status(self, status: Status) -> &'static str {
        let s = self.s();
        match status {
            Status::Done => s.done,
            Status::InProgress => s.in_progress,
            Status::NotDone => s.not_done,
            Status::Unknown => s.unknown,
        }
    }

    pub fn kind(self, kind: NodeKind) -> &'static str {
        let s = self.s();
        match kind {
            NodeKind::Section => s.kind_section,
            NodeKind::Problem => s.kind_problem,
            NodeKind::Measure => s.kind_measure,
            NodeKind::Item => s.kind_item,
        }
    }

    /// "8个问题" / "8 problems".
    pub fn count(self, n: u32, noun: &str) -> String {
        match self {
            Lang::Zh => format!("{n}个{noun}"),
            Lang::En => format!("{n} {noun}"),
        }
    }

    /// "3条措施" / "3 measures": the 一是/二是 steps under a problem.
    pub fn measures_count(self, n: u32) -> String {
        match self {
            Lang::Zh => format!("{n}条措施"),
            Lang::En => format!("{n} measure{}", if n == 1 { "" } else { "s" }),
        }
    }

    /// A progress line such as "已完成 6 · 正在整改 2 · 共 8" for screen readers and print.
    pub fn progress_text(self, done: u32, in_progress: u32, not_done: u32, unknown: u32, total: u32) -> String {
        let s = self.s();
        let mut parts = vec![format!("{} {done}", s.done), format!("{} {in_progress}", s.in_progress)];
        if not_done > 0 {
            parts.push(format!("{} {not_done}", s.not_done));
        }
        if unknown > 0 {
            parts.push(format!("{} {unknown}", s.unknown));
        }
        let total = match self {
            Lang::Zh => format!("共 {total}"),
            Lang::En => format!("of {total}"),
        };
        parts.push(total);
        parts.join(" · ")
    }

    pub fn file_loaded(self, name: &str) -> String {
        match self {
            Lang::Zh => format!("已载入文件“{name}”。"),
            Lang::En => format!("Loaded “{name}”."),
        }
    }

    pub fn file_too_large(self, mb: u32) -> String {
        let max = MAX_FILE_MB;
        match self {
            Lang::Zh => format!("文件有 {mb} MB，超过了可载入的 {max} MB；请复制其中的通报正文粘贴进来。"),
            Lang::En => {
                format!("The file is {mb} MB, over the {max} MB that can be loaded: paste the notice's text instead.")
            }
        }
    }

    pub fn message(self, message: &Message) -> String {
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
    pub fn rows_hidden(self, n: usize) -> String {
        match self {
            Lang::Zh => format!("还有 {n} 项未显示"),
            Lang::En => format!("{n} more rows not shown"),
        }
    }

    pub fn rate(self, rate: f64) -> String {
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
    fn lang_tags() {
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("zh-Hans"), Lang::Zh);
        assert_eq!(Lang::from_tag(""), Lang::Zh);
        assert_eq!(Lang::Zh.other(), Lang::En);
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn rates_round_cleanly() {
        assert_eq!(Lang::Zh.rate(75.0), "75%");
        assert_eq!(Lang::Zh.rate(94.44), "94.4%");
    }
}
