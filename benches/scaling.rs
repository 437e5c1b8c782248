//! Parse throughput at 1, 10 and 50 MB: time must grow linearly with the input.
//!
//!   cargo bench --bench scaling            (prints MB/s per size and shape)
//!
//! A plain `main` (harness = false) rather than criterion: at 50 MB one run takes seconds, and the
//! point is the ratio between sizes, not a confidence interval. Under `cargo test` (no `--bench`
//! argument) it runs one small parse as a smoke check.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// An invented notice, repeated to the size wanted.
const NOTICE: &str = "中共某某县交通运输局党组关于县委第三巡察组
巡察反馈意见整改进展情况的通报

根据县委统一部署，2023年4月10日至6月10日，县委第三巡察组对县交通运输局党组开展了常规巡察。现将整改进展情况予以公布。

巡察反馈的2个方面3个问题，已完成整改2个，正在整改1个，整改完成率66.7%。共制定整改措施7条。

一、提高政治站位，压实整改责任
（一）强化组织领导。成立整改工作领导小组，党组书记任组长。
二、巡察反馈问题整改落实情况
（一）关于贯彻落实党的路线方针政策方面
1.学习贯彻党的创新理论不够深入。
整改情况：一是完善学习制度；二是开展专题研讨。该问题已完成整改。
2.落实重大决策部署有偏差。
整改情况：一是建立调度机制；二是加强督查。正在推进整改。
（二）关于落实全面从严治党责任方面
3.公务用车管理不规范。
整改情况：一是修订管理办法；二是安装定位系统；三是开展检查。已完成整改。
三、下一步工作打算
继续巩固整改成果，建立长效机制。
欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0571-12345678；电子邮箱：xcjt@example.cn。

中共某某县交通运输局党组
2023年11月20日
";

const MB: usize = 1024 * 1024;

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// The fastest of `runs` parses (the least disturbed by other work on the machine).
fn best_of(text: &str, runs: usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut nodes = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let notice = notice_outline::parse(black_box(text));
        best = best.min(started.elapsed());
        nodes = notice.counts.nodes as usize;
        drop(black_box(notice));
    }
    (best, nodes)
}

fn main() {
    let benchmarking = std::env::args().any(|a| a == "--bench");
    if !benchmarking {
        let (time, nodes) = best_of(&repeat_to(NOTICE, 64 * 1024), 1);
        assert!(nodes > 0);
        println!("scaling: smoke run ok ({nodes} nodes in {time:?}); run `cargo bench --bench scaling` for figures");
        return;
    }

    let shapes: [(&str, &str); 3] = [
        ("notices", NOTICE),
        ("label lines", "一、整改\n"),
        ("one long line", "巡察反馈问题整改落实情况良好，已完成整改。"),
    ];
    println!("{:<14} {:>6} {:>10} {:>9} {:>10} {:>12}", "shape", "MB", "best ms", "MB/s", "nodes", "ms per MB");
    for (name, unit) in shapes {
        let mut per_mb_at_1 = None;
        for (size, runs) in [(1, 5), (10, 3), (50, 2)] {
            let text = repeat_to(unit, size * MB);
            let (time, nodes) = best_of(&text, runs);
            let secs = time.as_secs_f64();
            let mb = text.len() as f64 / MB as f64;
            let per_mb = secs * 1000.0 / mb;
            let base = *per_mb_at_1.get_or_insert(per_mb);
            println!(
                "{name:<14} {size:>6} {:>10.1} {:>9.1} {nodes:>10} {per_mb:>9.2} ({:.2}x of 1 MB)",
                secs * 1000.0,
                mb / secs,
                per_mb / base
            );
        }
    }
}
