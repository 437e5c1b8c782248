//! Large notices made up for the benchmarks (not part of the library's API) and stress tests: the genre's structure
//! (parts, aspects, problems, 整改情况 with 一是/二是 measures) repeated to any size.

use std::fmt::Write;

/// A notice of at least `min_bytes` bytes of UTF-8, deterministic for a given size.
pub fn notice(min_bytes: usize) -> String {
    let mut text = String::with_capacity(min_bytes + 4096);
    text.push_str("中共某某县某某局党组关于县委第一巡察组巡察反馈意见整改进展情况的通报\n\n");
    text.push_str("根据县委统一部署，2023年4月10日至6月10日，县委第一巡察组对县某某局党组开展了常规巡察。2023年8月15日，巡察组反馈了巡察意见。\n\n");
    let mut part = 0u32;
    let mut problem = 0u32;
    while text.len() < min_bytes {
        part += 1;
        let _ = writeln!(text, "{}、巡察反馈问题整改落实情况（第{}部分）", cn(part.min(99)), part);
        for aspect in 1..=5u32 {
            let _ = writeln!(text, "（{}）关于落实全面从严治党责任方面", cn(aspect));
            for _ in 0..6 {
                problem += 1;
                let _ = writeln!(text, "{problem}.落实“三重一大”决策制度不够严格，部分事项未经集体研究。");
                let status = if problem % 5 == 0 {
                    "目前，该问题正在推进整改。"
                } else {
                    "该问题已完成整改。"
                };
                let _ = writeln!(
                    text,
                    "整改情况：一是修订完善议事规则，明确决策事项范围；二是开展专项检查，对{problem}项历史事项逐一复核；三是加强监督，纳入年度考核。{status}"
                );
            }
        }
    }
    text.push_str("\n中共某某县某某局党组\n2023年11月20日\n");
    text
}

fn cn(n: u32) -> String {
    notice_outline::parse::labels::chinese_ordinal(n).unwrap_or_else(|| n.to_string())
}
