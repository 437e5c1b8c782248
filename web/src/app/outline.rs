//! A flat, document-order index of the outline tree: what keyboard navigation, the caret →
//! node lookup and the expansion state need, without walking the nested model each time.
//! A row's index is its position in a pre-order walk, which is also how the tree renders it.

use std::rc::Rc;

use notice_outline::model::{Node, NodeKind, Notice, Span};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub parent: Option<usize>,
    /// Depth in the rendered tree, 1 for top-level rows (aria-level).
    pub level: u32,
    /// 1-based position among siblings, and the number of siblings (aria-posinset/setsize).
    pub posinset: u32,
    pub setsize: u32,
    pub has_children: bool,
    /// A problem whose children are all measures (一是/二是…): detail, collapsed by default.
    pub only_measures: bool,
    /// Index just past the last descendant.
    pub end: usize,
    /// Labels from the root down (`二、/（一）/3.`): survives edits to headings, so expansion and
    /// selection stay put while the user types.
    pub key: Rc<str>,
    pub span: Span,
    /// Lower-cased heading and label for type-ahead.
    heading: String,
    label: String,
}

impl Item {
    /// Whether type-ahead text (ASCII letters already lower-cased) matches this row.
    pub fn matches(&self, typed: &str) -> bool {
        self.heading.starts_with(typed) || self.label.starts_with(typed)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    pub items: Vec<Item>,
}

impl Outline {
    pub fn build(notice: &Notice) -> Self {
        let mut items = Vec::new();
        push_level(&mut items, &notice.outline, None, 1, "");
        Outline { items }
    }

    /// The deepest row whose span contains the UTF-16 offset (a caret position).
    pub fn at_utf16(&self, offset: usize) -> Option<usize> {
        // Pre-order: a descendant comes after its ancestors, so the last match is the deepest.
        // A caret just after a node's last character still belongs to it.
        let mut found = None;
        let mut i = 0;
        while i < self.items.len() {
            let span = self.items[i].span;
            if span.start_utf16 <= offset && offset <= span.end_utf16 && span.end_utf16 > span.start_utf16 {
                found = Some(i);
                i += 1;
            } else {
                // Skip the subtree: children lie inside their parent's span.
                i = self.items[i].end;
            }
        }
        found
    }
}

fn push_level(items: &mut Vec<Item>, nodes: &[Node], parent: Option<usize>, level: u32, prefix: &str) {
    let setsize = nodes.len() as u32;
    for (n, node) in nodes.iter().enumerate() {
        let index = items.len();
        let key: Rc<str> = if prefix.is_empty() {
            Rc::from(format!("{}{}", node.label, n_if_unlabelled(node, n)))
        } else {
            Rc::from(format!("{prefix}/{}{}", node.label, n_if_unlabelled(node, n)))
        };
        items.push(Item {
            parent,
            level,
            posinset: n as u32 + 1,
            setsize,
            has_children: !node.children.is_empty(),
            only_measures: node.kind == NodeKind::Problem
                && !node.children.is_empty()
                && node.children.iter().all(|c| c.kind == NodeKind::Measure),
            end: index + 1,
            key: key.clone(),
            span: node.span,
            heading: node.heading.to_ascii_lowercase(),
            label: node.label.to_ascii_lowercase(),
        });
        push_level(items, &node.children, Some(index), level + 1, &key);
        items[index].end = items.len();
    }
}

/// Unnumbered headings have no label; their position keeps their keys apart.
fn n_if_unlabelled(node: &Node, n: usize) -> String {
    if node.label.is_empty() {
        format!("#{n}")
    } else {
        String::new()
    }
}
