//! Building the outline: labels become nodes, nested by the order in which the document
//! uses its numbering forms.
//!
//! The rule is a stack of open nodes. A new label whose form is already open becomes that
//! node's sibling; a form not yet open nests under the innermost open node. So in
//!
//! ```text
//! 一、整改落实情况
//! （一）关于…方面
//! 1.学习不深入。
//! 整改情况：一是…；二是…。
//! 2.…
//! （二）关于…方面
//! 3.…
//! ```
//!
//! `1.` is `（一）`'s child because it comes after it, `一是` is `1.`'s child, `2.` closes the
//! `一是` series, and `3.` stays under `（二）` although its numbering runs on.
//! When the same form is open twice (an inline `1.` series inside item `1.`), the one whose
//! number the new label continues is chosen.
//!
//! Labels are found at line starts, after sentence punctuation inside a line (inline series
//! such as `整改情况：一是…；二是…`) or after a space where a page joined paragraphs, and in one-line pastes (a line over
//! [`LONG_LINE`] bytes) also right after a heading with no punctuation (`一、加强领导（一）成立…`).

use super::labels::{label_at, next_in_series, Label};
use crate::model::LabelForm;

/// A line longer than this (in bytes) is treated as a paste that lost its line breaks.
pub const LONG_LINE: usize = 1200;
/// The deepest nesting kept; deeper labels become siblings (bounds recursion everywhere after).
pub const MAX_DEPTH: usize = 24;
/// How far ahead (in bytes) an inline series' second label must appear for its first to count.
const SERIES_WINDOW: usize = 4000;

/// Why a node has no label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unnumbered {
    /// A new part of the notice: `下一步工作打算`. Closes every open node.
    Part,
    /// A status group inside the problem section: `已完成整改的问题（10个）`.
    Group,
    /// A line heading one problem: `针对“执行章程不严格”问题的整改进展情况。`; the `一是…` measures
    /// after it are its children.
    Problem,
}

/// A node while the tree is built: offsets are in the folded text; nesting by index.
#[derive(Clone, Debug, PartialEq)]
pub struct FlatNode {
    pub form: LabelForm,
    pub number: u32,
    pub unnumbered: Option<Unnumbered>,
    pub label: (usize, usize),
    pub heading: (usize, usize),
    pub body: (usize, usize),
    /// End of the node's own text and all its descendants'.
    pub end: usize,
    pub parent: Option<usize>,
    pub depth: u32,
    /// This node or an ancestor is a status group heading.
    pub in_group: bool,
    /// Opened inside a paragraph (`…方面。一是…；二是…`), not at a line start.
    pub inline: bool,
    /// Found in a line over [`LONG_LINE`] bytes, which may be a paste that lost its line breaks.
    pub pasted: bool,
    pub children: Vec<usize>,
}

struct Builder<'t> {
    text: &'t str,
    region_end: usize,
    nodes: Vec<FlatNode>,
    stack: Vec<usize>,
    /// The form of the first numbered node: what the top level of this document looks like.
    outer_form: Option<LabelForm>,
    /// The number of the last node of each form, open or closed, for numbering that runs on
    /// across parents (`5.` under `（二）`, `6.` under `（三）`).
    /// Indexed by `LabelForm as usize` (a map hashed the form on every label).
    last_number: [Option<u32>; LabelForm::Unnumbered as usize + 1],
    /// The current line is over [`LONG_LINE`] bytes.
    in_paste: bool,
}

/// Builds the flat outline of `text[start..end]` (folded text).
pub fn build(text: &str, start: usize, end: usize) -> Vec<FlatNode> {
    Build::new(text, start, end).finish()
}

/// [`build`] a stretch of lines at a time: the parser's stages ([`super::Stages`]) read a long
/// text's lines over several steps, so the page is never held for the whole tree at once.
pub struct Build<'t> {
    builder: Builder<'t>,
    /// Where the next line starts.
    next_line: usize,
    end: usize,
}

impl<'t> Build<'t> {
    pub fn new(text: &'t str, start: usize, end: usize) -> Self {
        let builder = Builder {
            text,
            region_end: end,
            nodes: Vec::new(),
            stack: Vec::new(),
            outer_form: None,
            last_number: Default::default(),
            in_paste: false,
        };
        Build { next_line: after_contents(text, start, end), builder, end }
    }

    /// Reads whole lines until `bytes` more are read or the region ends; `true` while lines are
    /// left.
    pub fn advance(&mut self, bytes: usize) -> bool {
        let text = self.builder.text;
        let stop = self.next_line.saturating_add(bytes);
        while self.next_line < self.end && self.next_line < stop {
            let start = self.next_line;
            let line_end = memchr::memchr(b'\n', &text.as_bytes()[start..self.end]).map_or(self.end, |i| start + i);
            self.builder.line(start, line_end);
            self.next_line = line_end + 1;
        }
        self.next_line < self.end
    }

    /// Reads the lines left and returns the outline.
    pub fn finish(mut self) -> Vec<FlatNode> {
        while self.advance(usize::MAX) {}
        self.builder.finish()
    }
}

/// Where the outline's text starts: after a table of contents that a web page puts before the
/// notice, repeating its headings (`一、提高政治站位` `二、加强组织领导` … then the title and
/// `一、提高政治站位，统一思想认识`). A table of contents is two or more heading-only label lines
/// at the start, followed by an unnumbered line (the title), the first of which starts a line
/// again later. (A notice pasted twice starts with numbered lines that have text under them.)
fn after_contents(text: &str, start: usize, end: usize) -> usize {
    let mut at = start;
    let mut first: Option<&str> = None;
    let mut entries = 0;
    // What follows the contents is the notice's title or prose, not a numbered line.
    let mut then_prose = false;
    while at < end {
        let line_end = memchr::memchr(b'\n', &text.as_bytes()[at..end]).map_or(end, |i| at + i);
        let content = text[at..line_end].trim_matches(is_space);
        let entry = label_at(content).is_some() && content.chars().count() <= 60 && !content.contains(clause_end);
        if !content.is_empty() {
            if !entry {
                then_prose = label_at(content).is_none();
                break;
            }
            first.get_or_insert(content);
            entries += 1;
        }
        at = line_end + 1;
    }
    let at = at.min(end);
    let repeated = || {
        first.is_some_and(|f| text[at..end].split('\n').any(|line| line.trim_start_matches(is_space).starts_with(f)))
    };
    if entries >= 2 && then_prose && repeated() {
        at
    } else {
        start
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\n'
}

/// The end of a clause: a heading ends at the first of these (or the line's end), and an inline
/// label may start right after one.
pub fn clause_end(c: char) -> bool {
    matches!(c, '。' | '；' | '：' | '！' | '？')
}

impl Builder<'_> {
    fn line(&mut self, line_start: usize, line_end: usize) {
        let raw = &self.text[line_start..line_end];
        let content = raw.trim_matches(is_space);
        if content.is_empty() {
            return;
        }
        let content_start = line_start + (raw.len() - raw.trim_start_matches(is_space).len());
        let content_end = content_start + content.len();
        let long = content.len() > LONG_LINE;
        self.in_paste = long;

        let mut scan_from = content_start;
        if let Some(label) = label_at(content) {
            if self.try_open(label, content_start, line_end, Position::LineStart) {
                scan_from = content_start + label.len;
            }
        } else if let Some(kind) = self.unnumbered_heading(content) {
            self.open_unnumbered(kind, content_start, content_end);
            return;
        } else if self.next_steps_paragraph(content) {
            // `下一步，…。一是…`: the paragraph is a part; its heading ends at the first sentence end.
            let heading_end = memchr::memchr2_iter(0xe3, 0xef, &self.text.as_bytes()[content_start..content_end])
                .map(|i| content_start + i)
                .find(|&i| self.text[i..].starts_with(clause_end))
                .unwrap_or(content_end);
            self.open_unnumbered(Unnumbered::Part, content_start, heading_end);
            scan_from = heading_end;
        }

        // Inline labels: after sentence punctuation, and in one-line pastes anywhere.
        if long {
            self.scan_anywhere(scan_from, content_end, line_end);
        } else {
            self.scan_after_punctuation(scan_from, content_end, line_end);
        }
    }

    /// Inline labels right after `。；：！？，`. Full-width punctuation is the only text whose
    /// UTF-8 starts with byte E3 or EF in a Chinese line (ideographs start with E4–E9), so a
    /// byte search finds the candidates without decoding every character.
    /// Also after a space that follows an ideograph: a page that ran its paragraphs together
    /// leaves a space where a heading without punctuation ended (`二、反馈问题整改情况 1.水利…`);
    /// such a label counts as one after a sentence end (only as part of a series).
    fn scan_after_punctuation(&mut self, from: usize, content_end: usize, line_end: usize) {
        let mut next_free = from;
        for p in memchr::memchr3_iter(0xE3, 0xEF, b' ', &self.text.as_bytes()[from..content_end]) {
            let p = from + p;
            if p < next_free {
                continue;
            }
            let Some(c) = self.text[p..content_end].chars().next() else { break };
            let position = if clause_end(c) {
                Position::AfterBreak
            } else if c == '，' {
                Position::AfterComma
            } else if c == ' ' && self.text[..p].ends_with(|b: char| ('\u{4e00}'..='\u{9fff}').contains(&b)) {
                Position::AfterBreak
            } else {
                continue;
            };
            // A page that ran its paragraphs together leaves spaces after the sentence end.
            let after = p + c.len_utf8();
            let at = after
                + (self.text[after..content_end].len() - self.text[after..content_end].trim_start_matches(' ').len());
            let rest = &self.text[at..content_end];
            if !rest.starts_with(may_start_label) {
                continue;
            }
            if let Some(label) = label_at(rest) {
                if self.try_open(label, at, line_end, position) {
                    next_free = at + label.len;
                }
            }
        }
    }

    /// Inline labels in a line that lost its line breaks: after punctuation, or anywhere a
    /// bracketed label or a continuing series fits.
    fn scan_anywhere(&mut self, from: usize, content_end: usize, line_end: usize) {
        let mut prev: Option<char> = self.text[..from].chars().next_back();
        // The last character before a run of spaces (`…予以通报。 一、…`).
        let mut before_spaces = prev;
        let mut i = from;
        while i < content_end {
            let rest = &self.text[i..content_end];
            let Some(c) = rest.chars().next() else { break };
            let after_break =
                prev.is_some_and(clause_end) || (prev == Some(' ') && before_spaces.is_some_and(clause_end));
            let after_comma = prev == Some('，');
            // Never start inside a number ("21." read from its "1.", "十一是" from its "一是").
            let inside_number = prev.is_some_and(|p| {
                p.is_ascii_digit() || super::numerals::chinese_digit(p).is_some() || matches!(p, '十' | '百' | '、')
            });
            if may_start_label(c) && !inside_number {
                if let Some(label) = label_at(rest) {
                    let position = if after_break {
                        Position::AfterBreak
                    } else if after_comma {
                        Position::AfterComma
                    } else {
                        Position::Anywhere
                    };
                    if self.try_open(label, i, line_end, position) {
                        prev = self.text[..i + label.len].chars().next_back();
                        before_spaces = prev;
                        i += label.len;
                        continue;
                    }
                }
            }
            if c != ' ' {
                before_spaces = Some(c);
            }
            prev = Some(c);
            i += c.len_utf8();
        }
    }

    /// A paragraph opening the next steps (`下一步，区文联将…。一是…`) outside a numbered part
    /// that already opened them (`三、下一步工作打算` holds its items directly).
    fn next_steps_paragraph(&self, content: &str) -> bool {
        let Some(rest) = content.strip_prefix("下一步") else { return false };
        if !rest.starts_with(['，', '：']) || self.outer_form.is_none() {
            return false;
        }
        let part = self.stack.first().map(|&p| &self.text[self.nodes[p].heading.0..self.nodes[p].heading.1]);
        !part.is_some_and(is_next_steps)
    }

    /// An unnumbered line that starts a part, a status group or a problem; see [`Unnumbered`].
    fn unnumbered_heading(&self, content: &str) -> Option<Unnumbered> {
        // Inside the outline only: before the first numbered node such a line is the title's kin.
        if self.outer_form.is_some() && is_problem_heading(content) {
            return Some(Unnumbered::Problem);
        }
        // Headings are short and are not sentences.
        if content.len() > 24 * 4 || content.chars().count() > 24 || content.contains(['。', '，', '；', '！', '？'])
        {
            return None;
        }
        let body = content.trim_end_matches('：');
        if body.contains('：') {
            return None;
        }
        // "整改情况：" and its kin introduce a problem's rectification text; they are not nodes.
        if INTRODUCERS.iter().any(|w| body.starts_with(w)) {
            return None;
        }
        const GROUP_WORDS: [&str; 10] =
            ["已完成", "已整改", "完成整改", "整改完成", "正在", "推进", "未完成", "尚未", "持续", "长期"];
        if (body.contains("问题") || body.contains("事项")) && GROUP_WORDS.iter().any(|w| body.contains(w)) {
            return Some(Unnumbered::Group);
        }
        if self.outer_form.is_some() && is_next_steps(body) {
            return Some(Unnumbered::Part);
        }
        None
    }

    fn open_unnumbered(&mut self, kind: Unnumbered, start: usize, end: usize) {
        match kind {
            Unnumbered::Part => self.stack.clear(),
            Unnumbered::Problem => {
                // Beside the measures and problems before it, under their section.
                while self.stack.last().is_some_and(|&top| {
                    let n = &self.nodes[top];
                    n.unnumbered == Some(Unnumbered::Problem) || is_measure_form(n.form)
                }) {
                    self.stack.pop();
                }
            }
            Unnumbered::Group => {
                // A group sits under the innermost top-level section, beside other groups.
                while let Some(&top) = self.stack.last() {
                    let n = &self.nodes[top];
                    if n.in_group || Some(n.form) != self.outer_form {
                        self.stack.pop();
                    } else {
                        break;
                    }
                }
            }
        }
        let heading_end = start + self.text[start..end].trim_end_matches(['：', '。']).len();
        self.push(FlatNode {
            form: LabelForm::Unnumbered,
            number: 0,
            unnumbered: Some(kind),
            label: (start, start),
            heading: (start, heading_end),
            body: (end, end),
            end,
            parent: None,
            depth: 0,
            in_group: false,
            inline: false,
            pasted: false,
            children: Vec::new(),
        });
    }

    /// Decides whether `label` at `at` is a node, and where it goes; opens it if so.
    fn try_open(&mut self, label: Label, at: usize, line_end: usize, position: Position) -> bool {
        let Some(parent_depth) = self.place(&label, at, position) else {
            return false;
        };
        let mut parent_depth = parent_depth.min(MAX_DEPTH - 1);
        // Line-start numbering is never the child of an inline series it does not continue.
        if position == Position::LineStart {
            if let Some(first_inline) = self.stack[..parent_depth].iter().position(|&i| self.nodes[i].inline) {
                parent_depth = first_inline;
            }
        }
        self.stack.truncate(parent_depth);
        if self.outer_form.is_none() {
            self.outer_form = Some(label.form);
        }
        // An inline label ends the heading of the node before it on the same line.
        // (without the spaces a run-together page left before it).
        let before_spaces = self.text[..at].trim_end_matches(is_space).len();
        if let Some(prev) = self.nodes.last_mut() {
            if prev.heading.1 > at {
                prev.heading.1 = before_spaces.max(prev.heading.0);
            }
        }
        let label_end = at + label.len;
        let heading_start = label_end
            + (self.text[label_end..line_end].len()
                - self.text[label_end..line_end].trim_start_matches(is_space).len());
        // Every terminator is full-width punctuation (UTF-8 lead byte E3 or EF).
        let heading_end = memchr::memchr2_iter(0xe3, 0xef, &self.text.as_bytes()[heading_start..line_end])
            .map(|i| heading_start + i)
            .find(|&i| self.text[i..].starts_with(clause_end))
            .unwrap_or(line_end);
        let number = if label.form == LabelForm::Sequence && label.number == 0 {
            // 最后 continues the open series.
            self.open_of_form(LabelForm::Sequence).map_or(1, |i| self.nodes[i].number + 1)
        } else {
            label.number
        };
        self.last_number[label.form as usize] = Some(number);
        let inline = position != Position::LineStart;
        let pasted = self.in_paste;
        self.push(FlatNode {
            form: label.form,
            number,
            unnumbered: None,
            label: (at, label_end),
            heading: (heading_start, heading_end),
            body: (heading_end, heading_end),
            end: heading_end,
            parent: None,
            depth: 0,
            in_group: false,
            inline,
            pasted,
            children: Vec::new(),
        });
        true
    }

    fn open_of_form(&self, form: LabelForm) -> Option<usize> {
        self.stack.iter().rev().copied().find(|&i| self.nodes[i].form == form)
    }

    /// The stack depth the new node's parent is at (its parent is `stack[depth - 1]`),
    /// or `None` if the label is not a node here.
    fn place(&self, label: &Label, at: usize, position: Position) -> Option<usize> {
        use LabelForm::*;
        let form = label.form;
        // Which inline positions each form may take.
        let allowed = match position {
            Position::LineStart => true,
            Position::AfterBreak => true,
            Position::AfterComma => matches!(form, Shi | Sequence | Circled | Ordinal),
            Position::Anywhere => matches!(form, ChineseParen | ArabicParen | Shi | Circled | ArabicDot | ChineseComma),
        };
        if !allowed {
            return None;
        }
        // The depths of the open nodes of this form, innermost first.
        let mut same = (0..self.stack.len()).rev().filter(|&d| self.nodes[self.stack[d]].form == form);
        // The open node this label continues (二是 after 一是, 最后 after 其次).
        let continues = same.clone().find(|&d| {
            let open = &self.nodes[self.stack[d]];
            label.number == open.number + 1 || (form == Sequence && label.number == 0)
        });
        if let Some(d) = continues {
            return Some(d);
        }
        let series_starts = || self.series_continues(label, at);
        let first_of_series = label.number == 1;
        match position {
            Position::LineStart => {
                match form {
                    // Words and markers that are also ordinary prose need a second item nearby.
                    Shi | Sequence | Ordinal | Circled if first_of_series && !series_starts() => return None,
                    Sequence if label.number != 1 => return None,
                    _ => {}
                }
                if let Some(d) = same.next() {
                    let top_has_form = self.nodes[*self.stack.last()?].form == form;
                    // Numbering that starts again two or more levels below an open node of its
                    // form is a restart (a second notice pasted after the first: `一、` under
                    // `一是`), not a new series that deep: it becomes that node's sibling.
                    let levels_below = self.stack.len() - 1 - d;
                    if first_of_series && levels_below >= 2 {
                        return Some(d);
                    }
                    if first_of_series && !top_has_form {
                        // A new series under an item of the same form: `1.` … `整改情况：` `1.` `2.`
                        return Some(self.stack.len());
                    }
                    // Skipped or repeated numbers: still a sibling of the open one.
                    return Some(d);
                }
                Some(self.stack.len())
            }
            _ if self.last_number[form as usize].is_some_and(|n| n + 1 == label.number) && form != ChineseComma => {
                // Runs on from the same form under an earlier parent.
                Some(self.stack.len())
            }
            _ => {
                // "一、" inside prose ("统一、规范") is only a label when it continues a series.
                if position == Position::Anywhere && form == ChineseComma {
                    return None;
                }
                // An inline series may nest once under an item of its own form, never twice.
                let n = self.stack.len();
                let twice = n >= 2 && self.stack[n - 2..].iter().all(|&t| self.nodes[t].form == form);
                if !first_of_series || twice || !series_starts() {
                    return None;
                }
                Some(self.stack.len())
            }
        }
    }

    /// Whether the label's series has its next item within [`SERIES_WINDOW`] bytes.
    fn series_continues(&self, label: &Label, at: usize) -> bool {
        let Some(next) = next_in_series(label) else {
            return false;
        };
        let from = at + label.len;
        let mut to = (from + SERIES_WINDOW).min(self.region_end);
        while !self.text.is_char_boundary(to) {
            to -= 1;
        }
        let window = &self.text[from..to];
        if label.form == LabelForm::ArabicDot {
            return [format!("{next}."), format!("{next}、")].iter().any(|n| window.contains(n.as_str()));
        }
        window.contains(next.as_str())
    }

    fn push(&mut self, mut node: FlatNode) {
        let index = self.nodes.len();
        let parent = self.stack.last().copied();
        node.parent = parent;
        node.depth = self.stack.len() as u32 + 1;
        node.in_group = node.unnumbered == Some(Unnumbered::Group) || parent.is_some_and(|p| self.nodes[p].in_group);
        if let Some(p) = parent {
            self.nodes[p].children.push(index);
        }
        self.nodes.push(node);
        self.stack.push(index);
    }

    /// Bodies run from the heading's end to the next node; ends cover descendants.
    fn finish(mut self) -> Vec<FlatNode> {
        let text = self.text;
        let count = self.nodes.len();
        for i in 0..count {
            let next_start = if i + 1 < count { self.nodes[i + 1].label.0 } else { self.region_end };
            let heading_end = self.nodes[i].heading.1;
            // Skip the heading's terminator; an unnumbered heading has none.
            let mut body_start = heading_end;
            if let Some(c) = text[heading_end..next_start].chars().next() {
                if clause_end(c) {
                    body_start += c.len_utf8();
                }
            }
            let body = &text[body_start..next_start];
            let trimmed_start = body_start + (body.len() - body.trim_start_matches(is_space).len());
            let trimmed_end = body_start + body.trim_end_matches(is_space).len();
            self.nodes[i].body =
                if trimmed_end > trimmed_start { (trimmed_start, trimmed_end) } else { (body_start, body_start) };
            // The node's own text ends with its body, or with its heading when the body is empty.
            self.nodes[i].end = self.nodes[i].body.1.max(self.nodes[i].heading.1);
        }
        // Children come after parents, so a reverse pass sees every child's end first.
        for i in (0..count).rev() {
            if let Some(p) = self.nodes[i].parent {
                if self.nodes[i].end > self.nodes[p].end {
                    self.nodes[p].end = self.nodes[i].end;
                }
            }
        }
        self.nodes
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Position {
    LineStart,
    /// After `。；：！？` inside a line.
    AfterBreak,
    /// After `，` inside a line (only 一是-like markers).
    AfterComma,
    /// Anywhere in a one-line paste.
    Anywhere,
}

/// Words that introduce a problem's rectification text: `整改情况：`, `整改措施：`.
pub const INTRODUCERS: [&str; 6] = ["整改情况", "整改结果", "整改成效", "整改进展", "整改措施", "整改落实情况"];

/// Whether `body` ends by introducing what follows as rectification (`…。整改情况：`): the
/// numbered items after it are measures.
pub fn introduces_measures(body: &str) -> bool {
    let body = body.trim_end_matches([' ', '\n']);
    let Some(before) = body.strip_suffix('：') else { return false };
    INTRODUCERS.iter().any(|w| before.ends_with(w))
}

/// Forms that list a problem's measures (`一是…`, `首先…`, `①…`) rather than problems.
pub fn is_measure_form(form: LabelForm) -> bool {
    matches!(form, LabelForm::Shi | LabelForm::Sequence | LabelForm::Circled)
}

/// Whether a part's heading opens the next steps (`下一步工作打算`, `今后工作计划`).
pub fn is_next_steps(heading: &str) -> bool {
    const WORDS: [&str; 6] = ["打算", "工作安排", "工作计划", "下步", "努力方向", "工作思路"];
    heading.starts_with("下一步") || WORDS.iter().any(|w| heading.contains(w))
}

/// An unnumbered line heading one problem: `针对“执行章程不严格”问题的整改进展情况。`,
/// `关于“规矩意识不强”问题的整改情况：`. One clause, opened by 针对/关于, naming a 问题 and
/// closed by 情况.
fn is_problem_heading(content: &str) -> bool {
    let body = content.trim_end_matches(['。', '：', ':']);
    (body.starts_with("针对") || body.starts_with("关于"))
        && body.contains("问题")
        && body.ends_with("情况")
        && body.chars().count() <= 80
        && !body.contains(['。', '；', '！', '？', '：'])
}

fn may_start_label(c: char) -> bool {
    matches!(
        c,
        '（' | '0'
            ..='9'
                | '第'
                | '首'
                | '其'
                | '再'
                | '最'
                | '问'
                | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
    ) || ('①'..='⑳').contains(&c)
        || ('㉑'..='㉟').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `label|heading` per node, indented by depth.
    fn outline(text: &str) -> String {
        let nodes = build(text, 0, text.len());
        nodes
            .iter()
            .map(|n| {
                format!(
                    "{}{}|{}",
                    "  ".repeat(n.depth as usize - 1),
                    &text[n.label.0..n.label.1],
                    &text[n.heading.0..n.heading.1]
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn nests_by_document_order() {
        let t = "一、整改情况\n（一）关于甲方面\n1.问题甲。\n整改情况：一是做甲；二是做乙。\n2.问题乙。\n（二）关于乙方面\n3.问题丙。\n二、下一步\n";
        assert_eq!(
            outline(t),
            "一、|整改情况\n  （一）|关于甲方面\n    1.|问题甲\n      一是|做甲\n      二是|做乙\n    2.|问题乙\n  （二）|关于乙方面\n    3.|问题丙\n二、|下一步"
        );
    }

    #[test]
    fn shi_under_paren_and_unnumbered_part() {
        let t =
            "一、做法\n（一）强化领导\n一是成立小组。\n二是压实责任。\n下一步工作打算\n1.持续巩固。\n2.建立机制。\n";
        assert_eq!(
            outline(t),
            "一、|做法\n  （一）|强化领导\n    一是|成立小组\n    二是|压实责任\n|下一步工作打算\n  1.|持续巩固\n  2.|建立机制"
        );
    }

    #[test]
    fn groups_sit_under_the_top_section() {
        let t = "二、问题整改情况\n已完成整改的问题（2个）\n1.甲。\n2.乙。\n正在整改的问题（1个）\n3.丙。\n三、打算\n";
        assert_eq!(
            outline(t),
            "二、|问题整改情况\n  |已完成整改的问题（2个）\n    1.|甲\n    2.|乙\n  |正在整改的问题（1个）\n    3.|丙\n三、|打算"
        );
    }

    #[test]
    fn inline_restart_nests_and_line_start_continues() {
        let t = "1.问题甲。整改情况：1.建章；2.立制。\n2.问题乙。\n";
        assert_eq!(outline(t), "1.|问题甲\n  1.|建章\n  2.|立制\n2.|问题乙");
    }

    #[test]
    fn a_series_after_a_space_left_by_joined_paragraphs() {
        let t = "一、整改情况 1.问题甲。已完成。 2.问题乙。 二、下一步打算\n";
        assert_eq!(outline(t), "一、|整改情况\n  1.|问题甲\n  2.|问题乙\n二、|下一步打算");
        // A lone label after a space is prose.
        assert_eq!(outline("一、整改情况 1.问题甲。\n"), "一、|整改情况 1.问题甲");
    }

    #[test]
    fn lone_markers_are_prose() {
        let t = "1.问题甲。首先，要学习。最后，要落实。一是好的。\n";
        assert_eq!(outline(t), "1.|问题甲");
    }

    #[test]
    fn preamble_series_never_parents_line_start_numbering() {
        let t = "局党组高度重视。一是召开会议；二是制定方案。现通报如下。\n一、整改情况\n（一）关于甲方面\n";
        assert_eq!(outline(t), "一是|召开会议\n二是|制定方案\n一、|整改情况\n  （一）|关于甲方面");
        // Inside a node's paragraph the series is that node's; the next line-start label is not its child.
        let t = "1.问题甲。整改情况：一是建章；二是立制。\n（1）问题乙。\n";
        assert_eq!(outline(t), "1.|问题甲\n  一是|建章\n  二是|立制\n  （1）|问题乙");
    }

    #[test]
    fn unnumbered_problem_headings_hold_their_measures() {
        let t = "一、在甲方面\n（一）关于乙问题的整改进展情况\n针对“丙”问题的整改进展情况。\n一是做甲；二是做乙。\n针对“丁”问题的整改进展情况。\n一是做丙；二是做丁。\n二、在戊方面\n";
        assert_eq!(
            outline(t),
            "一、|在甲方面\n  （一）|关于乙问题的整改进展情况\n    |针对“丙”问题的整改进展情况\n      一是|做甲\n      二是|做乙\n    |针对“丁”问题的整改进展情况\n      一是|做丙\n      二是|做丁\n二、|在戊方面"
        );
    }

    #[test]
    fn next_steps_paragraph_is_a_part_unless_a_part_opened_them() {
        let t = "一、整改情况\n1.问题甲。\n下一步，我局将巩固成果。一是压实责任；二是健全机制。\n";
        assert_eq!(outline(t), "一、|整改情况\n  1.|问题甲\n|下一步，我局将巩固成果\n  一是|压实责任\n  二是|健全机制");
        let t = "一、整改情况\n二、下一步工作打算\n下一步，我局将巩固成果。一是压实责任；二是健全机制。\n";
        assert_eq!(outline(t), "一、|整改情况\n二、|下一步工作打算\n  一是|压实责任\n  二是|健全机制");
    }

    #[test]
    fn a_table_of_contents_before_the_notice_is_skipped() {
        let t = "一、提高站位\n二、整改情况\n（一）关于甲方面\n关于整改的通报\n现通报如下。\n一、提高站位，统一认识\n二、整改情况\n";
        assert_eq!(outline(t), "一、|提高站位，统一认识\n二、|整改情况");
        // Heading-only lines that do not come again are the outline itself.
        let t = "一、提高站位\n二、整改情况\n（一）关于甲方面\n";
        assert_eq!(outline(t), "一、|提高站位\n二、|整改情况\n  （一）|关于甲方面");
    }

    #[test]
    fn run_together_paragraphs_keep_their_labels() {
        let t = "现予以通报。 一、提高站位 党委高度重视。 二、查找根源 原因如下：一是认识不深；二是标准不熟。 三、聚焦问题\n";
        assert_eq!(
            outline(t),
            "一、|提高站位 党委高度重视\n二、|查找根源 原因如下\n  一是|认识不深\n  二是|标准不熟\n三、|聚焦问题"
        );
    }

    #[test]
    fn one_line_paste() {
        let filler = "内容".repeat(400);
        let t = format!(
            "一、加强领导（一）成立小组。{filler}（二）压实责任。{filler}二、整改情况1.问题甲。{filler}2.问题乙。"
        );
        let got = outline(&t);
        assert_eq!(got, "一、|加强领导\n  （一）|成立小组\n  （二）|压实责任\n二、|整改情况\n  1.|问题甲\n  2.|问题乙");
    }
}
