//! The `item_status` check (issue 11, "a check points at what it names"): a problem listed under a
//! status group whose own words say otherwise is reported with those words quoted, and its first
//! span is those words (the page's 在原文中定位 lands on them), the second the whole problem.
//! Invented notice.

use notice_outline::model::CheckCode;

const NOTICE: &str = "中共某某区某某局党组关于区委第二巡察组巡察反馈意见整改进展情况的通报\n\
二、巡察反馈问题整改落实情况\n\
（一）已完成整改的问题\n\
1.干部教育培训计划执行不到位。整改情况：修订年度培训计划，目前持续推进相关课程建设。\n\
2.固定资产台账更新不及时。整改情况：已完成资产清查。\n";

#[test]
fn item_status_quotes_the_problems_own_words_and_points_at_them_first() {
    let notice = notice_outline::parse(NOTICE);
    let checks: Vec<_> = notice.checks.iter().filter(|c| c.code == CheckCode::ItemStatus).collect();
    assert_eq!(checks.len(), 1, "{:#?}", notice.checks);
    let c = checks[0];
    assert_eq!(c.message_zh, "该问题列在“已完成”下，但其整改情况写明“持续推进”（正在整改）");
    assert_eq!(c.message_en, "This problem is listed under “Done”, but its own text says “持续推进” (In progress)");
    let spans: Vec<&str> = c.spans.iter().map(|s| &NOTICE[s.start..s.end]).collect();
    assert_eq!(
        spans,
        ["持续推进", "1.干部教育培训计划执行不到位。整改情况：修订年度培训计划，目前持续推进相关课程建设。"]
    );
}
