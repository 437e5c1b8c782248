//! Parse throughput on large synthetic notices (made by `support::notice`).
//! `cargo bench --bench parse` reports MB/s for 1, 5 and 10 MB; linear growth shows as the
//! same throughput at every size.

mod support;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn throughput(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    for mb in [1usize, 5, 10] {
        let text = support::notice(mb << 20);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(format!("{mb}MB")), &text, |b, t| {
            b.iter(|| notice_outline::parse(std::hint::black_box(t)))
        });
    }
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
