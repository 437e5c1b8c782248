//! Finding which of a fixed set of words occur in a text, in one pass.
//!
//! Status and marker detection ask "does this problem's text contain any of these 40 words?";
//! forty `str::contains` calls read the text forty times. This reads it once: a character that
//! starts no word is skipped after one bit test in a 4096-bit table (few ideographs collide).

/// A set of up to 64 words, each starting with a three-byte character (CJK).
pub struct Words {
    words: &'static [&'static str],
    /// Bit `c % 4096` is set for the first character `c` of every word.
    first: [u64; 64],
    /// Each word's first character, compared before the word itself.
    word_first: [u32; 64],
}

impl Words {
    pub const fn new(words: &'static [&'static str]) -> Self {
        assert!(words.len() <= 64);
        let mut first = [0u64; 64];
        let mut word_first = [0u32; 64];
        let mut i = 0;
        while i < words.len() {
            // The byte scan decodes only three-byte characters.
            assert!(words[i].as_bytes()[0] >= 0xe0 && words[i].as_bytes()[0] <= 0xef);
            word_first[i] = first_char(words[i].as_bytes());
            let bit = word_first[i] % 4096;
            first[(bit / 64) as usize] |= 1 << (bit % 64);
            i += 1;
        }
        Words { words, first, word_first }
    }

    /// Bit `i` is set when word `i` occurs in `text`.
    pub fn find_in(&self, text: &str) -> u64 {
        let mut found = 0u64;
        self.scan(text, |i| {
            found |= 1 << i;
            false
        });
        found
    }

    /// Calls `hit` with the index of each word found, until it returns true. Reads the bytes
    /// directly: every word starts with a three-byte character, so only three-byte leads
    /// (E0–EF) are decoded and tested.
    fn scan(&self, text: &str, mut hit: impl FnMut(usize) -> bool) {
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            let width = match b {
                0x00..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xf0..=0xff => 4,
                0x80..=0xbf => 1,
                0xe0..=0xef => 3,
            };
            if width == 3 && at + 2 < bytes.len() {
                let code =
                    ((b as u32 & 0x0f) << 12) | ((bytes[at + 1] as u32 & 0x3f) << 6) | (bytes[at + 2] as u32 & 0x3f);
                if self.may_start(code) {
                    for (i, w) in self.words.iter().enumerate() {
                        if self.word_first[i] == code && bytes[at..].starts_with(w.as_bytes()) && hit(i) {
                            return;
                        }
                    }
                }
            }
            at += width;
        }
    }

    fn may_start(&self, code: u32) -> bool {
        let bit = code % 4096;
        self.first[(bit / 64) as usize] & (1 << (bit % 64)) != 0
    }

    /// Whether any of the words occurs in `text`.
    pub fn any_in(&self, text: &str) -> bool {
        let mut any = false;
        self.scan(text, |_| {
            any = true;
            true
        });
        any
    }
}

/// The code point of the first character of a UTF-8 word (1 to 4 bytes).
const fn first_char(b: &[u8]) -> u32 {
    match b[0] {
        0x00..=0x7f => b[0] as u32,
        0xc0..=0xdf => ((b[0] as u32 & 0x1f) << 6) | (b[1] as u32 & 0x3f),
        0xe0..=0xef => ((b[0] as u32 & 0x0f) << 12) | ((b[1] as u32 & 0x3f) << 6) | (b[2] as u32 & 0x3f),
        _ => {
            ((b[0] as u32 & 0x07) << 18)
                | ((b[1] as u32 & 0x3f) << 12)
                | ((b[2] as u32 & 0x3f) << 6)
                | (b[3] as u32 & 0x3f)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_word_once() {
        const W: Words = Words::new(&["已完成", "正在", "尚未"]);
        assert_eq!(W.find_in("一是已完成；二是正在推进。"), 0b011);
        assert_eq!(W.find_in("无关文字"), 0);
        assert!(W.any_in("该问题尚未完成"));
        assert!(!W.any_in(""));
    }
}
