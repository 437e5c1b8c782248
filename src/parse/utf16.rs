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

/// Bytes between checkpoints: eight words of eight bytes.
const STEP: usize = 64;
const LOW: u64 = 0x0101_0101_0101_0101;

/// The UTF-16 units of each byte of an eight-byte word, one count per byte lane: 0 for a
/// continuation byte, 2 for a four-byte lead, else 1. Lanes never carry, so the lanes of up to
/// 127 words can be added before they are summed.
#[inline]
fn lanes(w: u64) -> u64 {
    let continuation = (w >> 7) & !(w >> 6) & LOW;
    let four_byte_lead = (w >> 7) & (w >> 6) & (w >> 5) & (w >> 4) & !(w >> 3) & LOW;
    LOW - continuation + four_byte_lead
}

/// The sum of a word's byte lanes (each total must stay under 256). One multiplication instead
/// of `count_ones`, which has no single instruction on baseline x86-64 or in wasm32's MVP.
#[inline]
fn lane_sum(lanes: u64) -> usize {
    (lanes.wrapping_mul(LOW) >> 56) as usize
}

/// UTF-16 units in a run of UTF-8 bytes.
fn units(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut acc = 0u64;
    let mut total = 0usize;
    for (i, chunk) in (&mut chunks).enumerate() {
        acc += lanes(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        // Lanes hold at most 2 per word: sum them before they reach 256.
        if i % 64 == 63 {
            total += lane_sum(acc);
            acc = 0;
        }
    }
    total += lane_sum(acc);
    let tail = chunks.remainder();
    let mut last = [0u8; 8];
    last[..tail.len()].copy_from_slice(tail);
    // Zero padding bytes count 1 each: take them off again.
    total + lane_sum(lanes(u64::from_le_bytes(last))) - (8 - tail.len())
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STEP + 2);
        let mut total = 0usize;
        checkpoints.push(0);
        let mut blocks = bytes.chunks_exact(STEP);
        for block in &mut blocks {
            let mut acc = 0u64;
            for word in block.chunks_exact(8) {
                acc += lanes(u64::from_le_bytes(word.try_into().unwrap_or([0; 8])));
            }
            total += lane_sum(acc);
            checkpoints.push(total as u32);
        }
        total += units(blocks.remainder());
        checkpoints.push(total as u32);
        Utf16Index { bytes, checkpoints }
    }

    /// The UTF-16 offset of a byte offset on a char boundary.
    pub fn at(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let block = byte / STEP;
        // Fewer than STEP bytes past the checkpoint: at most seven whole words and a tail.
        let rest = &self.bytes[block * STEP..byte];
        let mut words = rest.chunks_exact(8);
        let mut acc = 0u64;
        for word in &mut words {
            acc += lanes(u64::from_le_bytes(word.try_into().unwrap_or([0; 8])));
        }
        let tail = words.remainder();
        let mut last = [0u8; 8];
        last[..tail.len()].copy_from_slice(tail);
        acc += lanes(u64::from_le_bytes(last));
        // The zero padding bytes counted 1 each.
        self.checkpoints[block] as usize + lane_sum(acc) - (8 - tail.len())
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
            if let Some(e) = &mut n.status_evidence {
                index.fill(&mut e.span);
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
    fn units_of_every_length_and_alignment() {
        let text = "a甲😀ß\u{7ff}\u{ffff}\u{10ffff}".repeat(200);
        let bytes = text.as_bytes();
        for from in (0..bytes.len()).filter(|&i| text.is_char_boundary(i)).take(40) {
            for to in (from..bytes.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(units(&bytes[from..to]), text[from..to].encode_utf16().count(), "{from}..{to}");
            }
        }
        let index = Utf16Index::new(&text);
        for (at, _) in text.char_indices() {
            assert_eq!(index.at(at), text[..at].encode_utf16().count());
        }
        assert_eq!(index.at(text.len()), text.encode_utf16().count());
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
