//! UTF-16 offsets for every span, so JavaScript can slice its own strings with them.

use crate::model::{Notice, Span};

/// Byte offset → UTF-16 offset in constant time.
///
/// A UTF-8 text has one UTF-16 unit per byte that is not a continuation byte (`10xxxxxx`), plus
/// one more per four-byte lead (`11110xxx`, a surrogate pair). The index stores that count at
/// every [`STEP`] bytes, so a lookup reads one entry and counts at most `STEP - 1` bytes.
pub struct Utf16Index<'a> {
    bytes: &'a [u8],
    checkpoints: Vec<u32>,
}

/// Bytes between checkpoints: two words of eight bytes. A lookup counts at most 15 bytes, one
/// by one; the index takes a quarter of the text's size. (64-byte steps made the lookups cost
/// more than the index saved: 21 M → 16 M instructions for all UTF-16 offsets of the 2 MB
/// synthetic notice, with the lookups in text order below.)
const STEP: usize = 16;
const LOW: u64 = 0x0101_0101_0101_0101;

/// The UTF-16 units of each byte of an eight-byte word, one count per byte lane: 0 for a
/// continuation byte, 2 for a four-byte lead, else 1. Lanes never carry, so the lanes of up to
/// 127 words can be added before they are summed.
#[inline]
fn lanes(w: u64) -> u64 {
    let (top, second) = (w >> 7, w >> 6);
    let continuation = top & !second & LOW;
    // `1111xxxx`: in UTF-8 only a four-byte lead (`11110xxx`) starts so.
    let four_byte_lead = top & second & (w >> 5) & (w >> 4) & LOW;
    LOW - continuation + four_byte_lead
}

/// The sum of a word's byte lanes, each under 256: neighbouring lanes are added into 16-bit
/// lanes (so the total may reach 1,020), then one multiplication adds those, instead of
/// `count_ones`, which has no single instruction on baseline x86-64 or in wasm32's MVP.
#[inline]
fn lane_sum(lanes: u64) -> usize {
    const PAIRS: u64 = 0x00ff_00ff_00ff_00ff;
    let pairs = (lanes & PAIRS) + ((lanes >> 8) & PAIRS);
    (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
}

/// UTF-16 units in a run of UTF-8 bytes.
fn units(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut acc = 0u64;
    let mut total = 0usize;
    for (i, chunk) in (&mut chunks).enumerate() {
        acc += lanes(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        // A lane gains at most 2 per word: sum the lanes before one could reach 256.
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
        // `extend` from an exact-size iterator: no capacity check per checkpoint.
        checkpoints.extend((&mut blocks).map(|block| {
            let acc = block.chunks_exact(8).map(|w| lanes(u64::from_le_bytes(w.try_into().unwrap_or([0; 8])))).sum();
            total += lane_sum(acc);
            total as u32
        }));
        total += units(blocks.remainder());
        checkpoints.push(total as u32);
        Utf16Index { bytes, checkpoints }
    }

    /// The UTF-16 offset of a byte offset on a char boundary.
    pub fn at(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let block = byte / STEP;
        // Fewer than STEP bytes past the checkpoint: byte by byte, as [`lanes`] counts them (a
        // loop over so few bytes costs less than the word-wise [`units`] with its padded tail).
        let rest = &self.bytes[block * STEP..byte];
        self.checkpoints[block] as usize
            + rest.iter().map(|&b| usize::from(b & 0xc0 != 0x80) + usize::from(b >= 0xf0)).sum::<usize>()
    }

    /// Sets both UTF-16 offsets of a span from its byte offsets.
    pub fn fill(&self, span: &mut Span) {
        span.start_utf16 = self.at(span.start);
        span.end_utf16 = self.at(span.end);
    }
}

/// Sets the UTF-16 offsets of the spans outside the outline (metadata, stated counts, checks);
/// the outline's are set as it is built (`parse::nest`), while each node is in cache: a walk over
/// the finished outline cost 8.8 ms of a 10 MB parse, most of it cache misses on the nodes.
pub fn fill_outside_outline(notice: &mut Notice, index: &Utf16Index) {
    let meta = notice.meta.spans.values_mut().flatten();
    let stated = notice.stated.spans.values_mut();
    let checks = notice.checks.iter_mut().flat_map(|c| c.spans.iter_mut());
    meta.chain(stated).chain(checks).for_each(|span| index.fill(span));
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
        // Long runs of ASCII too: 64 words of one unit a byte sum to 512 before the lanes do.
        let text = format!("{}{}", "a甲😀ß\u{7ff}\u{ffff}\u{10ffff}".repeat(200), "ab0😀".repeat(100));
        let bytes = text.as_bytes();
        for from in (0..bytes.len()).filter(|&i| text.is_char_boundary(i)).take(40) {
            for to in (from..bytes.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(units(&bytes[from..to]), text[from..to].encode_utf16().count(), "{from}..{to}");
            }
        }
    }

    #[test]
    fn index_at_every_char() {
        let text = format!("{}😀一、{}ab\r\n{}", "甲".repeat(60), "ab0".repeat(60), "ß😀".repeat(30));
        let index = Utf16Index::new(&text);
        for at in text.char_indices().map(|(i, _)| i).chain([text.len()]) {
            assert_eq!(index.at(at), text[..at].encode_utf16().count(), "{at}");
        }
        let mut span = Span::new(3, text.len());
        index.fill(&mut span);
        assert_eq!((span.start_utf16, span.end_utf16), (1, text.encode_utf16().count()));
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
