//! Nesting: the flat, classified nodes of [`super::tree`] become the model's tree of [`Node`]s,
//! with their text sliced from the input and, if asked for, the UTF-16 offsets of their spans.
//! While each node is at hand (in cache) it is also tallied ([`checks::Tally`]) and written into
//! the proofreading rules' compact view ([`proofread::View`]): walks over the finished outline
//! cost more than the work they did (cache misses on ~330-byte nodes scattered over the heap).
//!
//! The flat nodes come in document order, each after its parent (`一、` before its `（一）`), so
//! the tree is built with a stack of the nodes still open, and the work can stop after any node
//! and go on later ([`Nest::advance`]): the page builds a big outline a step per task.
//!
//! ```text
//! 一、…        open 一、
//! （一）…      open （一）under 一、
//! （二）…      close （一）into 一、; open （二）
//! 二、…        close （二）, close 一、 into the outline; open 二、
//! ```

use super::{checks, proofread, status, text, tree, utf16};
use crate::model::*;

/// The nested model under construction.
#[derive(Default)]
pub struct Nest {
    /// The next flat node to open.
    next: usize,
    /// The nodes opened and not yet closed, outermost first.
    open: Vec<Open>,
    outline: Vec<Node>,
    /// The problems of the closed top-level nodes' subtrees.
    problems: Progress,
    tally: checks::Tally,
    view: proofread::View,
    conflicts: Vec<checks::Conflict>,
}

/// A node whose children are still being built.
struct Open {
    /// Its place among the flat nodes.
    index: usize,
    node: Node,
    /// The problems of its closed children's subtrees.
    below: Progress,
    /// Its place in the proofreading view.
    at: usize,
    /// The status its own words give against its group's, and those words.
    conflict: Option<(Status, Status, Span)>,
}

/// What the stages before nesting made, which every step reads.
pub struct Input<'s, 'a> {
    pub src: &'s text::Source<'a>,
    pub flat: &'s [tree::FlatNode],
    pub roles: &'s [status::Role],
    pub utf16: Option<&'s utf16::Utf16Index<'a>>,
}

/// The finished outline and what was gathered while building it.
pub struct Nested {
    pub outline: Vec<Node>,
    pub counts: Counts,
    pub view: Vec<proofread::NodeView>,
    pub conflicts: Vec<checks::Conflict>,
}

impl Input<'_, '_> {
    /// The input span of a folded range, with its UTF-16 offsets.
    fn span(&self, (start, end): (usize, usize)) -> Span {
        let mut span = self.src.span(start, end);
        if let Some(index) = self.utf16 {
            index.fill(&mut span);
        }
        span
    }

    /// The input text of a span (what `original_text` gives).
    fn text_of(&self, span: Span) -> String {
        self.src.original[span.start..span.end].to_string()
    }
}

impl Nest {
    /// Builds the nodes whose labels start before `until` (a folded byte offset); `false` once
    /// every node is built and closed.
    pub fn advance(&mut self, input: &Input, until: usize) -> bool {
        while let Some(f) = input.flat.get(self.next) {
            if f.label.0 >= until {
                return true;
            }
            // Everything open that is not this node's parent is finished.
            while self.open.last().is_some_and(|o| Some(o.index) != f.parent) {
                self.close_last(input);
            }
            self.open_next(input);
        }
        while !self.open.is_empty() {
            self.close_last(input);
        }
        false
    }

    /// Builds what is left and hands over the outline.
    pub fn finish(mut self, input: &Input) -> Nested {
        while self.advance(input, usize::MAX) {}
        Nested {
            outline: self.outline,
            counts: self.tally.finish(self.problems),
            view: self.view.finish(),
            conflicts: self.conflicts,
        }
    }

    /// Opens flat node `next`: its own text and spans, before its children's.
    fn open_next(&mut self, input: &Input) {
        let i = self.next;
        self.next += 1;
        let f = &input.flat[i];
        let role = input.roles[i];
        let at = self.view.open(f.form, f.number, self.open.last().map(|o| o.at));
        let (label_span, heading_span, body_span) = (input.span(f.label), input.span(f.heading), input.span(f.body));
        let status_evidence = role.evidence.map(|words| {
            let span = input.span(words);
            Evidence { text: input.text_of(span), span }
        });
        let conflict = match (role.own_status_conflict, role.status) {
            (Some((own, words)), Some(group)) => Some((own, group, input.span(words))),
            _ => None,
        };
        let node = Node {
            label: input.text_of(label_span),
            heading: input.text_of(heading_span),
            body: input.text_of(body_span),
            kind: role.kind,
            status: role.status,
            status_evidence,
            form: f.form,
            number: f.number,
            level: f.depth,
            measures: None,
            progress: None,
            // Its end is known when it closes.
            span: Span::default(),
            label_span,
            heading_span,
            body_span,
            children: Vec::with_capacity(f.children.len()),
        };
        self.open.push(Open { index: i, node, below: Progress::default(), at, conflict });
    }

    /// Closes the innermost open node, after all its children, into its parent or the outline.
    fn close_last(&mut self, input: &Input) {
        let Some(Open { index, mut node, below, at, conflict }) = self.open.pop() else { return };
        let f = &input.flat[index];
        // The node's span starts with its label and ends after its last descendant.
        let mut span = input.src.span(f.label.0, f.end);
        span.start_utf16 = node.label_span.start_utf16;
        if let Some(index) = input.utf16 {
            span.end_utf16 = index.at(span.end);
        }
        node.span = span;
        if node.kind == NodeKind::Problem {
            node.measures = Some(node.children.len() as u32);
        }
        if let Some((own, group, words)) = conflict {
            let words = Evidence { text: input.text_of(words), span: words };
            self.conflicts.push(checks::Conflict { problem: span, group, own, words });
        }
        let progress = self.tally.add(&mut node, below);
        self.view.close(at, &node);
        match self.open.last_mut() {
            Some(parent) => {
                parent.below += &progress;
                parent.node.children.push(node);
            }
            None => {
                self.problems += &progress;
                self.outline.push(node);
            }
        }
    }
}
