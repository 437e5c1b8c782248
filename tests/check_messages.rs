//! The stated-vs-outline checks' English messages count in good English: "1 problem", "2 problems".
//! Invented notice.

use notice_outline::model::CheckCode;

const NOTICE: &str = "巡察反馈的2个问题，已完成整改1个，正在整改1个。\n\
一、巡察反馈问题整改落实情况\n\
1.学习制度执行不严。整改情况：已完成整改。\n\
2.台账更新不及时。整改情况：已完成整改。\n";

#[test]
fn a_stated_figure_of_one_is_singular_in_english() {
    let notice = notice_outline::parse(NOTICE);
    let message = |code: CheckCode| {
        notice.checks.iter().find(|c| c.code == code).map(|c| c.message_en.clone()).unwrap_or_default()
    };
    assert_eq!(message(CheckCode::ProblemsDone), "The notice states 1 problem done; the outline lists 2");
    assert_eq!(message(CheckCode::ProblemsInProgress), "The notice states 1 problem in progress; the outline lists 0");
}
