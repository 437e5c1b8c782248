//! Bytes → a notice built from `invariants::TOKENS` (one token per byte) → `parse` → every
//! invariant. Finds structural bugs (nesting, spans, statuses) far sooner than raw bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_tokens(data);
});
