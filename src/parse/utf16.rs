//! UTF-16 offsets for every span, so JavaScript can slice its own strings with them.

use crate::model::{Node, Notice, Span};

/// Byte offset → UTF-16 offset in constant time.
///
/// A UTF-8 text has one UTF-16 unit per byte that is not a continuation byte (`10xxxxxx`), plus
/// one more per four-byte lead (`11110xxx`, a surrogate pair). The index stores that count at
/// every [`STEP`] bytes, so a lookup reads one entry and counts at most `STEP - 1` bytes.
pub struct Utf16Index<'a> {
    bytes: &'a [u8],
    checkpoints: Vec<u32>,
}

const STEP: usize = 16;

/// UTF-16 units in a run of UTF-8 bytes: eight bytes at a time, counting continuation bytes
/// (`10xxxxxx`) and four-byte leads (`11110xxx`) with bit masks.
fn units(bytes: &[u8]) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    let mut chunks = bytes.chunks_exact(8);
    let mut continuation = 0u32;
    let mut four_byte_leads = 0u32;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        continuation += ((w >> 7) & !(w >> 6) & LOW).count_ones();
        four_byte_leads += ((w >> 7) & (w >> 6) & (w >> 5) & (w >> 4) & (!(w >> 3)) & LOW).count_ones();
    }
    let tail = chunks.remainder();
    continuation += tail.iter().filter(|&&b| b & 0xc0 == 0x80).count() as u32;
    four_byte_leads += tail.iter().filter(|&&b| b & 0xf8 == 0xf0).count() as u32;
    bytes.len() - continuation as usize + four_byte_leads as usize
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STEP + 1);
        let mut total = 0usize;
        checkpoints.push(0);
        for chunk in bytes.chunks(STEP) {
            total += units(chunk);
            checkpoints.push(total as u32);
        }
        Utf16Index { bytes, checkpoints }
    }

    /// The UTF-16 offset of a byte offset on a char boundary.
    pub fn at(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let block = byte / STEP;
        self.checkpoints[block] as usize + units(&self.bytes[block * STEP..byte])
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
            for s in [&mut n.span, &mut n.label_span, &mut n.heading_span, &mut n.body_span] {
                index.fill(s);
            }
            nodes(&mut n.children, index);
        }
    }
    nodes(&mut notice.outline, &index);
    notice.meta.spans.values_mut().flatten().for_each(|s| index.fill(s));
    notice.stated.spans.values_mut().for_each(|s| index.fill(s));
    notice.checks.iter_mut().flat_map(|c| c.spans.iter_mut()).for_each(|s| index.fill(s));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_match_encode_utf16() {
        for s in ["", "a", "甲乙丙丁戊己庚辛", "😀a😀bc甲", "ab\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}xyz0123"]
        {
            assert_eq!(units(s.as_bytes()), s.encode_utf16().count(), "{s:?}");
        }
    }

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
