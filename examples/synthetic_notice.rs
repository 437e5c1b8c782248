//! Prints the synthetic notice of the benchmarks (`benches/support`) of at least N MB (default 2),
//! for load-independent counts: `cargo run --release --example synthetic_notice -- 2 > /tmp/2mb.txt`
//! then `valgrind --tool=callgrind target/release/notice-outline /tmp/2mb.txt > /dev/null`.

#[path = "../benches/support/mod.rs"]
mod support;

fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2);
    print!("{}", support::notice(mb << 20));
}
