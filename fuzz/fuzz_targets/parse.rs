//! Arbitrary bytes → `parse_bytes` → every invariant in `fuzz/invariants.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_bytes(data);
});
