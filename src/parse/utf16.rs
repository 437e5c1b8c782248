//! UTF-16 offsets for every span, so JavaScript can slice its own strings with them.

use crate::model::{Node, Notice, Span};

/// Byte offset → UTF-16 offset, with a checkpoint every [`STEP`] bytes so a lookup counts at
/// most one step of text (linear to build, logarithmic plus constant to query).
pub struct Utf16Index<'a> {
    text: &'a str,
    checkpoints: Vec<(usize, usize)>,
}

const STEP: usize = 64;

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 1);
        let (mut next, mut units) = (0, 0);
        for (at, c) in text.char_indices() {
            if at >= next {
                checkpoints.push((at, units));
                next = at + STEP;
            }
            units += c.len_utf16();
        }
        if checkpoints.is_empty() {
            checkpoints.push((0, 0));
        }
        Utf16Index { text, checkpoints }
    }

    /// The UTF-16 offset of a byte offset on a char boundary.
    pub fn at(&self, byte: usize) -> usize {
        let i = self
            .checkpoints
            .partition_point(|&(b, _)| b <= byte)
            .saturating_sub(1);
        let (b, units) = self.checkpoints[i];
        let byte = byte.min(self.text.len());
        units
            + self
                .text
                .get(b..byte)
                .map_or(0, |s| s.chars().map(char::len_utf16).sum())
    }

    pub fn fill(&self, span: &mut Span) {
        span.start_utf16 = self.at(span.start);
        span.end_utf16 = self.at(span.end);
    }
}

/// Sets the UTF-16 offsets of every span in the notice.
pub fn fill_all(notice: &mut Notice, text: &str) {
    let index = Utf16Index::new(text);
    fn nodes(list: &mut [Node], index: &Utf16Index) {
        for n in list {
            for s in [
                &mut n.span,
                &mut n.label_span,
                &mut n.heading_span,
                &mut n.body_span,
            ] {
                index.fill(s);
            }
            nodes(&mut n.children, index);
        }
    }
    nodes(&mut notice.outline, &index);
    notice
        .meta
        .spans
        .values_mut()
        .flatten()
        .for_each(|s| index.fill(s));
    notice.stated.spans.values_mut().for_each(|s| index.fill(s));
    notice
        .checks
        .iter_mut()
        .flat_map(|c| c.spans.iter_mut())
        .for_each(|s| index.fill(s));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_surrogate_pairs() {
        let text = format!("{}😀一、{}", "甲".repeat(60), "乙".repeat(60));
        let index = Utf16Index::new(&text);
        for (at, _) in text.char_indices() {
            assert_eq!(index.at(at), text[..at].encode_utf16().count());
        }
        assert_eq!(index.at(text.len()), text.encode_utf16().count());
    }
}
