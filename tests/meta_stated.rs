//! Stated counts on invented sentences: every form the `stated` module documents.

use notice_outline::model::Stated;
use notice_outline::parse::stated::extract_stated;
use notice_outline::parse::text::Source;

fn st(text: &str) -> Stated {
    let s = extract_stated(&Source::new(text));
    for (key, span) in &s.spans {
        assert!(span.start < span.end && span.end <= text.len(), "{key}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{key}");
    }
    s
}

/// `(aspects, problems, done, in progress, not done)`
type Problems = (Option<u32>, Option<u32>, Option<u32>, Option<u32>, Option<u32>);

fn problems(s: &Stated) -> Problems {
    (s.aspects, s.problems, s.problems_done, s.problems_in_progress, s.problems_not_done)
}

#[test]
fn the_usual_statement() {
    let text = "截至目前，巡察反馈的3个方面18个问题，已完成整改17个，正在整改1个，整改完成率94.4%。共制定整改措施56条，已完成52条；建立完善制度12项。";
    let s = st(text);
    assert_eq!(problems(&s), (Some(3), Some(18), Some(17), Some(1), None));
    assert_eq!((s.measures, s.measures_done, s.rules, s.completion_rate), (Some(56), Some(52), Some(12), Some(94.4)));
    let sp = s.spans["problems_done"];
    assert_eq!(&text[sp.start..sp.end], "已完成整改17个");
    let sp = s.spans["problems"];
    assert_eq!(&text[sp.start..sp.end], "18个问题");
    let sp = s.spans["completion_rate"];
    assert_eq!(&text[sp.start..sp.end], "整改完成率94.4%");
}

#[test]
fn chinese_numerals() {
    let s = st("巡察反馈的三个方面十八个问题，已完成整改十七个，正在整改一个。");
    assert_eq!(problems(&s), (Some(3), Some(18), Some(17), Some(1), None));
    let s = st("反馈意见涉及两个方面二十三个具体问题，已完成整改二十个，尚未完成三个。");
    assert_eq!(problems(&s), (Some(2), Some(23), Some(20), None, Some(3)));
}

#[test]
fn traditional_and_half_width() {
    let s = st("巡視反饋的2個方面5個問題,已完成整改4個,正在整改1個,整改完成率80%.");
    assert_eq!(problems(&s), (Some(2), Some(5), Some(4), Some(1), None));
    assert_eq!(s.completion_rate, Some(80.0));
    let s = st("已完成整改１７個，整改完成率９４．４％。");
    assert_eq!((s.problems_done, s.completion_rate), (Some(17), Some(94.4)));
}

#[test]
fn aspect_forms() {
    assert_eq!(st("巡察反馈3大方面12个问题。").aspects, Some(3));
    assert_eq!(st("巡察组反馈问题共4方面15个。").aspects, Some(4));
    assert_eq!(st("巡察指出的3个大方面问题。").aspects, Some(3));
    assert_eq!(st("反馈意见涉及五个方面。").aspects, Some(5));
    // Not about the feedback.
    assert_eq!(st("从三个方面推进工作。").aspects, None);
    // An ordinal.
    assert_eq!(st("巡察反馈的第3个方面问题。").aspects, None);
}

#[test]
fn total_forms() {
    assert_eq!(st("巡察反馈问题18个，已完成整改16个。").problems, Some(18));
    assert_eq!(st("巡察反馈问题共计18个。").problems, Some(18));
    assert_eq!(st("问题清单共18项。").problems, Some(18));
    assert_eq!(st("涉及18项问题。").problems, Some(18));
    assert_eq!(st("反馈的18条问题。").problems, Some(18));
    assert_eq!(st("需整改问题18个。").problems, Some(18));
    // Sub-counts are not the total.
    let s = st("其中个性问题10个，共性问题5个。");
    assert_eq!(s.problems, None);
    let s = st("反馈的15个问题中，其中共性问题5个、个性问题10个。");
    assert_eq!(s.problems, Some(15));
    assert_eq!(st("其中，立行立改问题3个。").problems, None);
}

#[test]
fn done_forms() {
    for text in [
        "已完成整改17个。",
        "已整改完成17个。",
        "已完成17个。",
        "完成整改17项。",
        "整改到位17个。",
        "已销号17个。",
        "已落实17个。",
        "17个已完成整改。",
        "17个问题已完成整改。",
        "已完成整改的问题17个。",
        "已完成整改的有17个。",
        "已完成整改17个问题。",
    ] {
        assert_eq!(st(text).problems_done, Some(17), "{text}");
    }
}

#[test]
fn all_done() {
    let s = st("巡察反馈的18个问题已全部整改完成。");
    assert_eq!((s.problems, s.problems_done), (Some(18), Some(18)));
    let s = st("反馈的6个问题均已完成整改。");
    assert_eq!((s.problems, s.problems_done), (Some(6), Some(6)));
}

#[test]
fn total_after_an_aspects_count() {
    let s = st("巡察反馈问题共计3大类12个，已全部完成整改，整改完成率100%。");
    assert_eq!(problems(&s), (Some(3), Some(12), Some(12), None, None));
    assert_eq!(s.completion_rate, Some(100.0));
    let s = st("反馈问题4个方面15个，已完成整改13个。");
    assert_eq!(problems(&s), (Some(4), Some(15), Some(13), None, None));
}

#[test]
fn two_kinds_of_open_problems_add_up() {
    let s = st("巡察反馈的三个方面十二个问题中，已完成整改十个，基本完成一个，需长期坚持的一个。");
    assert_eq!(problems(&s), (Some(3), Some(12), Some(10), Some(2), None));
    // A sub-count does not add.
    let s = st("反馈的12个问题，已完成整改10个，正在整改2个，其中基本完成1个。");
    assert_eq!(s.problems_in_progress, Some(2));
    // Nor a count in a later sentence.
    let s = st("反馈的12个问题，已完成整改10个，正在整改2个。第二部分正在整改1个。");
    assert_eq!(s.problems_in_progress, Some(2));
}

#[test]
fn total_then_status_in_one_clause() {
    let s = st("反馈的18个问题中已完成整改17个。");
    assert_eq!((s.problems, s.problems_done), (Some(18), Some(17)));
    let s = st("18个问题已完成整改17个，剩余1个正在整改。");
    assert_eq!((s.problems, s.problems_done, s.problems_in_progress), (Some(18), Some(17), Some(1)));
}

#[test]
fn in_progress_forms() {
    // 基本完成 and long-term items are not closed: in progress.
    for text in [
        "正在整改1个。",
        "正在推进整改1个。",
        "持续推进1个。",
        "基本完成1个。",
        "需长期坚持的1个。",
        "阶段性完成1个。",
        "1个正在整改。",
        "整改中1个。",
    ] {
        let s = st(text);
        assert_eq!((s.problems_in_progress, s.problems_done), (Some(1), None), "{text}");
    }
}

#[test]
fn not_done_forms() {
    for text in
        ["未完成1个。", "尚未完成1个。", "暂未完成1个。", "未整改1个。", "尚未完成整改的问题1个。", "未完成整改1个。"]
    {
        let s = st(text);
        assert_eq!((s.problems_not_done, s.problems_done), (Some(1), None), "{text}");
    }
}

#[test]
fn measures() {
    assert_eq!(st("制定整改措施56条。").measures, Some(56));
    assert_eq!(st("细化整改措施56条。").measures, Some(56));
    assert_eq!(st("明确56项整改措施。").measures, Some(56));
    assert_eq!(st("整改措施共56条。").measures, Some(56));
    assert_eq!(st("制定56条具体措施。").measures, Some(56));
    let s = st("针对反馈的18个问题，制定整改措施56条，已落实52项。");
    assert_eq!((s.problems, s.measures, s.measures_done, s.problems_done), (Some(18), Some(56), Some(52), None));
    let s = st("制定整改措施56条，已完成整改问题17个。");
    assert_eq!((s.measures_done, s.problems_done), (None, Some(17)));
    let s = st("制定的56项整改措施已全部落实。");
    assert_eq!((s.measures, s.measures_done), (Some(56), Some(56)));
}

#[test]
fn rules() {
    assert_eq!(st("建立完善制度12项。").rules, Some(12));
    assert_eq!(st("制定（修订）制度12个。").rules, Some(12));
    assert_eq!(st("制定(修订)制度12个。").rules, Some(12));
    assert_eq!(st("出台12项规章制度。").rules, Some(12));
    assert_eq!(st("建章立制12项。").rules, Some(12));
    assert_eq!(st("建立健全制度机制共12项。").rules, Some(12));
    assert_eq!(st("新建和修订制度12项。").rules, Some(12));
    assert_eq!(st("出台制度文件12个。").rules, Some(12));
    assert_eq!(st("建立健全长效机制12项。").rules, Some(12));
    // New and revised stated separately: their sum.
    let text = "新建制度5项，修订制度7项。";
    let s = st(text);
    assert_eq!(s.rules, Some(12));
    let sp = s.spans["rules"];
    assert_eq!(&text[sp.start..sp.end], "新建制度5项，修订制度7项");
    // A later sentence does not add to it.
    assert_eq!(st("新建制度5项。修订完善方案7项。").rules, Some(5));
}

#[test]
fn completion_rates() {
    assert_eq!(st("整改完成率94.4%。").completion_rate, Some(94.4));
    assert_eq!(st("完成率达94.4%。").completion_rate, Some(94.4));
    assert_eq!(st("整改率为100%。").completion_rate, Some(100.0));
    assert_eq!(st("问题销号率达到85.71%。").completion_rate, Some(85.71));
    assert_eq!(st("同比增长12.5%。").completion_rate, None);
}

#[test]
fn dates_years_and_ordinals_are_not_counts() {
    let s = st("2023年4月10日至6月10日，县委第3巡察组对某某局开展了巡察，第3个问题正在整改，用时3个月完成。");
    assert_eq!(problems(&s), (None, None, None, None, None));
    let s = st("已完成2名干部交流，开展研讨3次，完成整改3个月。");
    assert_eq!(s.problems_done, None);
    let s = st("统一部署，一是完成整改；二是正在推进。");
    assert_eq!(problems(&s), (None, None, None, None, None));
}

#[test]
fn first_occurrence_wins() {
    let s = st("巡察反馈的2个方面6个问题，已完成整改5个。\n一、关于党建方面（共4个问题，已完成整改4个）\n二、关于业务方面（共2个问题，已完成整改1个，正在整改1个）");
    assert_eq!(problems(&s), (Some(2), Some(6), Some(5), Some(1), None));
}

#[test]
fn garbage_does_not_panic() {
    for text in [
        "",
        "个",
        "%",
        "1%",
        "99999999999999999999个问题",
        "4294967295个问题",
        "十万万万个问题",
        "已完成整改",
        "已完成整改一",
        "已完成整改１７",
        "制度",
        "12项",
        "新建制度5项，修订",
        "。。。1.2.3.4%",
        "问题问题问题18",
        "措施措施",
        "\u{200b}十八个问题\u{feff}",
    ] {
        let _ = st(text);
    }
    let long = "已完成整改17个，".repeat(20000);
    assert_eq!(st(&long).problems_done, Some(17));
}

/// The rules for what counts, each on an invented notice with its exact expectation.
mod counting_rules {
    use notice_outline::model::Stated;
    use notice_outline::parse::stated::extract_stated;
    use notice_outline::parse::text::Source;

    fn st(s: &str) -> Stated {
        extract_stated(&Source::new(s))
    }

    fn fields(s: &Stated) -> [Option<u32>; 5] {
        [s.aspects, s.problems, s.problems_done, s.problems_in_progress, s.problems_not_done]
    }

    #[test]
    fn categories_broken_down_count_the_specific_problems() {
        let s = st("市委巡察组反馈了12类问题，细化为39个具体问题，已完成整改35个。");
        assert_eq!(fields(&s), [None, Some(39), Some(35), None, None]);
    }

    #[test]
    fn one_status_split_over_phrases_is_summed() {
        let s = st("巡察反馈问题29个，其中已解决12项；将于年底基本完成11项；正在推动解决3项；尚未完成3项。");
        assert_eq!(fields(&s), [None, Some(29), Some(12), Some(14), Some(3)]);
    }

    #[test]
    fn counts_in_words() {
        let s = st("巡察组反馈了三个方面十八个问题，已完成整改十六个，正在整改两个。");
        assert_eq!(fields(&s), [Some(3), Some(18), Some(16), Some(2), None]);
    }

    #[test]
    fn counts_of_other_things_are_not_figures() {
        // Slogans, people, lessons, names in quotes.
        let s = st("坚持解决一个、销号一个、巩固一个，确保一件一件落实。约谈4人，讲党课72次，做到“两个维护”。");
        assert_eq!(fields(&s), [None; 5]);
        // Tasks (事项), not problems.
        let s = st("会议确定事项22件，截至9月14日，已办结6件；正在办理16件。");
        assert_eq!(fields(&s), [None; 5]);
        // The parts of a plan, not aspects of the feedback.
        let s = st("逐项明确责任领导、责任科室、责任人、整改时限4个方面，形成整改清单。");
        assert_eq!(fields(&s), [None; 5]);
    }

    #[test]
    fn only_this_rounds_figures() {
        let s = st("针对上一轮巡察反馈的5个问题，一并整改。本轮巡察反馈问题16个，已完成整改15个。");
        assert_eq!(fields(&s), [None, Some(16), Some(15), None, None]);
        let s =
            st("现报告我市2017年度预算执行审计查出问题的整改情况。某镇对2016年经责审计提出的21个问题进行持续整改。");
        assert_eq!(fields(&s), [None; 5]);
    }

    #[test]
    fn a_table_of_contents_before_the_title_gives_no_counts() {
        let text = "（一）聚焦决策部署落实方面（7个问题）\n（二）聚焦基层党组织建设方面（5个问题）\n中共某某局党组关于巡察整改进展情况的通报\n根据市委统一部署，市委第三巡察组对某某局党组开展了常规巡察。\n";
        let n = notice_outline::parse(text);
        assert_eq!(fields(&n.stated), [None; 5]);
        assert_eq!(n.meta.title.as_deref(), Some("中共某某局党组关于巡察整改进展情况的通报"));
    }
}
