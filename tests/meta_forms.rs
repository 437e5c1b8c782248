//! Metadata extraction on invented notices: every form the `meta` module documents, with exact
//! expectations, plus span checks (each value is the input text its span points at).

use notice_outline::model::Meta;
use notice_outline::parse::layout::{layout, Layout};
use notice_outline::parse::meta::extract_meta;
use notice_outline::parse::text::Source;

fn meta(text: &str) -> (Meta, Layout) {
    let src = Source::new(text);
    let l = layout(&src.folded);
    let m = extract_meta(&src, &l);
    check_spans(text, &m);
    (m, l)
}

/// Every single-line value is exactly the input text under its span.
fn check_spans(text: &str, m: &Meta) {
    let single =
        [("inspected_unit", &m.inspected_unit), ("inspection_body", &m.inspection_body), ("address", &m.address)];
    for (key, value) in single {
        if let Some(v) = value {
            let s = m.spans[key][0];
            assert_eq!(&text[s.start..s.end], v, "{key}");
        }
    }
    for (key, list) in [("phones", &m.phones), ("emails", &m.emails), ("postcodes", &m.postcodes)] {
        let spans = m.spans.get(key).map_or(&[][..], |v| &v[..]);
        assert_eq!(spans.len(), list.len(), "{key}");
        for (s, v) in spans.iter().zip(list) {
            if key == "phones" {
                // A phone is given as digits joined by `-`; its span is the number as written.
                let digit =
                    |c: char| c.to_digit(10).or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32));
                let digits = |t: &str| t.chars().filter_map(digit).collect::<Vec<_>>();
                assert_eq!(digits(&text[s.start..s.end]), digits(v), "{key}");
            } else {
                assert_eq!(&text[s.start..s.end], v, "{key}");
            }
        }
    }
    for key in
        ["title", "issuer", "inspection_start", "inspection_end", "feedback_date", "signed_date", "publicity_start"]
    {
        if let Some(s) = m.spans.get(key) {
            assert_eq!(s.len(), 1, "{key}");
            assert!(s[0].start < s[0].end && s[0].end <= text.len(), "{key}");
        }
    }
}

const FULL: &str = "中共云溪县水利局党组关于县委第二巡察组
巡察反馈意见整改进展情况的通报

根据县委统一部署，2023年3月6日至5月12日，县委第二巡察组对县水利局党组开展了常规巡察。2023年7月18日，巡察组向县水利局党组反馈了巡察意见。现将整改进展情况予以公布。

巡察反馈的4个方面21个问题，已完成整改19个，正在整改2个，整改完成率90.5%。

一、整改工作开展情况
（一）加强组织领导。
二、反馈问题整改情况
1.理论学习不深入。
整改情况：已完成整改。

公示时间：2023年11月21日至11月27日。欢迎广大干部群众监督。联系电话：0578-6123456、13905780000或12388；邮政编码：323300；电子邮箱：yxsl@example.cn；通信地址：云溪县解放路18号（邮编：323300）。

中共云溪县水利局党组
2023年11月20日
";

#[test]
fn full_notice() {
    let (m, l) = meta(FULL);
    assert_eq!(m.title.as_deref(), Some("中共云溪县水利局党组关于县委第二巡察组巡察反馈意见整改进展情况的通报"));
    assert_eq!(m.issuer.as_deref(), Some("中共云溪县水利局党组"));
    assert_eq!(m.inspection_body.as_deref(), Some("县委第二巡察组"));
    assert_eq!(m.inspected_unit.as_deref(), Some("县水利局党组"));
    assert_eq!(m.inspection_start.as_deref(), Some("2023-03-06"));
    assert_eq!(m.inspection_end.as_deref(), Some("2023-05-12"));
    assert_eq!(m.feedback_date.as_deref(), Some("2023-07-18"));
    assert_eq!(m.signed_date.as_deref(), Some("2023-11-20"));
    assert_eq!(m.publicity_start.as_deref(), Some("2023-11-21"));
    assert_eq!(m.publicity_end.as_deref(), Some("2023-11-27"));
    assert_eq!(m.phones, ["0578-6123456", "13905780000", "12388"]);
    assert_eq!(m.emails, ["yxsl@example.cn"]);
    assert_eq!(m.postcodes, ["323300"]);
    assert_eq!(m.address.as_deref(), Some("云溪县解放路18号"));
    // The layout: the title ends after its second line, the closing block is the signature.
    assert_eq!(&FULL[..l.title_end], "中共云溪县水利局党组关于县委第二巡察组\n巡察反馈意见整改进展情况的通报");
    assert_eq!(&FULL[l.closing_start..], "中共云溪县水利局党组\n2023年11月20日\n");
    let title = m.spans["title"][0];
    assert_eq!(&FULL[title.start..title.end], &FULL[..l.title_end]);
    let signed = m.spans["signed_date"][0];
    assert_eq!(&FULL[signed.start..signed.end], "2023年11月20日");
}

#[test]
fn title_lines_separated_by_a_blank_line() {
    let text = "中共云溪县林业局党组关于市委第四巡察组\n\n巡察反馈意见整改情况的通报\n\n按照市委部署，市委第四巡察组对县林业局党组进行了巡察。\n";
    let (m, _) = meta(text);
    assert_eq!(m.title.as_deref(), Some("中共云溪县林业局党组关于市委第四巡察组巡察反馈意见整改情况的通报"));
    assert_eq!(m.inspection_body.as_deref(), Some("市委第四巡察组"));
    assert_eq!(m.inspected_unit.as_deref(), Some("县林业局党组"));
}

#[test]
fn title_split_before_de_tongbao() {
    let text = "中共青川镇委员会关于巡察整改进展情况\n的通报\n\n根据县委安排，县委第一巡察组对青川镇党委开展了巡察。\n";
    let (m, _) = meta(text);
    assert_eq!(m.title.as_deref(), Some("中共青川镇委员会关于巡察整改进展情况的通报"));
    // No signature: the issuer comes from the title.
    assert_eq!(m.issuer.as_deref(), Some("中共青川镇委员会"));
}

#[test]
fn title_then_issuer_and_date_lines_under_it() {
    let text =
        "关于巡察整改情况的通报\n中共云溪县教育局党组\n\n根据县委部署，县委第三巡察组对县教育局党组开展了巡察。\n";
    let (m, l) = meta(text);
    assert_eq!(m.title.as_deref(), Some("关于巡察整改情况的通报"));
    assert_eq!(l.title_end, "关于巡察整改情况的通报".len());
}

#[test]
fn date_under_the_title() {
    let text = "中共云溪县民政局党组\n关于巡察整改进展情况的通报\n（2024年3月1日）\n\n根据县委部署，县委第一巡察组对县民政局党组开展了巡察。\n";
    let (m, l) = meta(text);
    assert_eq!(m.title.as_deref(), Some("中共云溪县民政局党组关于巡察整改进展情况的通报"));
    assert_eq!(m.signed_date.as_deref(), Some("2024-03-01"));
    assert_eq!(m.issuer.as_deref(), Some("中共云溪县民政局党组"));
    assert_eq!(&text[..l.title_end], "中共云溪县民政局党组\n关于巡察整改进展情况的通报");
}

#[test]
fn web_page_chrome_around_the_title() {
    let text = "当前位置：首页 > 信息公开 > 巡察整改\n关于县委第二巡察组巡察反馈意见整改情况的通报\n发布时间：2023-11-21 来源：云溪县文旅局\n根据县委统一部署，县委第二巡察组对县文旅局党组开展了巡察。\n";
    let (m, _) = meta(text);
    assert_eq!(m.title.as_deref(), Some("关于县委第二巡察组巡察反馈意见整改情况的通报"));
    let text = "2023-11-21 10:30\n关于巡察整改情况的通报\n根据县委统一部署，县委第二巡察组对县文旅局党组开展了巡察。\n";
    assert_eq!(meta(text).0.title.as_deref(), Some("关于巡察整改情况的通报"));
    let text = "中共云溪县水利局党组文件\n\n云水党〔2023〕12号\n\n中共云溪县水利局党组\n关于巡察整改进展情况的通报\n\n根据县委统一部署，县委第二巡察组对县水利局党组开展了巡察。\n";
    assert_eq!(meta(text).0.title.as_deref(), Some("中共云溪县水利局党组关于巡察整改进展情况的通报"));
}

#[test]
fn one_line_paste() {
    let text = "中共云溪县水利局党组关于县委第二巡察组巡察反馈意见整改进展情况的通报 根据县委统一部署，2023年3月6日至5月12日，县委第二巡察组对县水利局党组开展了常规巡察，并于7月18日反馈了巡察意见。截至目前，已完成整改19个。联系电话：0578-6123456。中共云溪县水利局党组 2023年11月20日";
    let (m, l) = meta(text);
    assert_eq!(m.title.as_deref(), Some("中共云溪县水利局党组关于县委第二巡察组巡察反馈意见整改进展情况的通报"));
    assert_eq!(m.issuer.as_deref(), Some("中共云溪县水利局党组"));
    assert_eq!(m.signed_date.as_deref(), Some("2023-11-20"));
    assert_eq!(m.inspection_start.as_deref(), Some("2023-03-06"));
    assert_eq!(m.inspection_end.as_deref(), Some("2023-05-12"));
    assert_eq!(m.feedback_date.as_deref(), Some("2023-07-18"));
    assert_eq!(m.phones, ["0578-6123456"]);
    assert_eq!(&text[l.closing_start..], "中共云溪县水利局党组 2023年11月20日");
    assert!(text[l.title_end..].starts_with(" 根据"));
}

#[test]
fn one_line_paste_without_space_and_ending_with_qingkuang() {
    let text = "关于市委第五巡察组反馈意见整改情况根据市委部署，市委第五巡察组对市民政局党组开展了巡察。";
    let (m, _) = meta(text);
    assert_eq!(m.title.as_deref(), Some("关于市委第五巡察组反馈意见整改情况"));
    assert_eq!(m.inspection_body.as_deref(), Some("市委第五巡察组"));
    assert_eq!(m.inspected_unit.as_deref(), Some("市民政局党组"));
}

#[test]
fn missing_signature() {
    let text = "中共云溪县卫健局党组关于巡察整改情况的通报\n\n根据县委部署，县委第四巡察组于2023年4月3日至5月31日对县卫健局党组开展了巡察。\n一、整改情况\n（一）已完成整改。\n";
    let (m, l) = meta(text);
    assert_eq!(m.issuer.as_deref(), Some("中共云溪县卫健局党组"));
    assert_eq!(m.signed_date, None);
    assert_eq!(l.closing_start, Source::new(text).folded.len());
    assert_eq!(m.inspection_start.as_deref(), Some("2023-04-03"));
    assert_eq!(m.inspection_end.as_deref(), Some("2023-05-31"));
}

#[test]
fn chinese_numeral_dates() {
    let text = "关于巡察整改情况的通报\n\n根据县委部署，县委第一巡察组于二〇二三年三月六日至五月十二日对县统计局党组开展了巡察，并于二〇二三年七月十八日反馈了巡察意见。\n\n中共云溪县统计局党组\n二〇二三年十一月二十日\n";
    let (m, _) = meta(text);
    assert_eq!(m.inspection_start.as_deref(), Some("2023-03-06"));
    assert_eq!(m.inspection_end.as_deref(), Some("2023-05-12"));
    assert_eq!(m.feedback_date.as_deref(), Some("2023-07-18"));
    assert_eq!(m.signed_date.as_deref(), Some("2023-11-20"));
    assert_eq!(m.issuer.as_deref(), Some("中共云溪县统计局党组"));
    let (m, _) = meta("通报\n\n正文。\n\n云溪县人民政府\n（二○二四年一月五日）\n");
    assert_eq!(m.signed_date.as_deref(), Some("2024-01-05"));
    assert_eq!(m.issuer.as_deref(), Some("云溪县人民政府"));
}

#[test]
fn joint_issuers_on_two_lines() {
    let text = "关于巡察整改情况的通报\n\n正文。\n\n中共云溪县委员会\n云溪县人民政府\n2024年2月1日\n";
    let (m, l) = meta(text);
    assert_eq!(m.issuer.as_deref(), Some("中共云溪县委员会 云溪县人民政府"));
    assert_eq!(&text[l.closing_start..], "中共云溪县委员会\n云溪县人民政府\n2024年2月1日\n");
}

#[test]
fn signature_followed_by_page_chrome() {
    let text =
        "关于巡察整改情况的通报\n\n正文。\n\n中共云溪县审计局党组\n2024年3月8日\n（此件公开发布）\n打印本页 关闭窗口\n";
    let (m, _) = meta(text);
    assert_eq!(m.issuer.as_deref(), Some("中共云溪县审计局党组"));
    assert_eq!(m.signed_date.as_deref(), Some("2024-03-08"));
}

#[test]
fn a_deadline_at_the_end_is_not_a_signature() {
    let text = "关于巡察整改情况的通报\n\n正文。\n整改时限：2023年12月31日\n";
    let (m, l) = meta(text);
    assert_eq!(m.signed_date, None);
    assert_eq!(l.closing_start, text.len());
}

#[test]
fn inspection_bodies() {
    for (sentence, body) in [
        ("根据市委统一部署，市委第五巡察组于2023年3月1日至4月30日对市民政局党组开展了常规巡察。", "市委第五巡察组"),
        (
            "根据县委巡察工作安排，十一届县委第三轮巡察第二巡察组对县商务局党组开展了巡察。",
            "十一届县委第三轮巡察第二巡察组",
        ),
        ("根据中央统一部署，中央第十巡视组对某某省进行了巡视。", "中央第十巡视组"),
        ("按照省委部署，由省委第三巡视组对某某市开展了巡视。", "省委第三巡视组"),
        ("根据统一部署市委第六巡察组对某某局开展了巡察。", "市委第六巡察组"),
        ("2023年4月，省环保督察组对某某县开展了专项督察。", "省环保督察组"),
    ] {
        let text = format!("关于巡察整改情况的通报\n\n{sentence}\n");
        let (m, _) = meta(&text);
        assert_eq!(m.inspection_body.as_deref(), Some(body), "{sentence}");
    }
    // Only in the title.
    let (m, _) = meta("中共某某局党组关于县委第三巡察组巡察反馈意见整改情况的通报\n\n现将整改情况公布如下。\n");
    assert_eq!(m.inspection_body.as_deref(), Some("县委第三巡察组"));
}

#[test]
fn inspected_units() {
    for (sentence, unit) in [
        ("县委第二巡察组对县水利局党组开展了常规巡察。", "县水利局党组"),
        ("市委第一巡察组对市文广旅局党组进行了为期两个月的巡察。", "市文广旅局党组"),
        ("市委第一巡察组进驻市体育局开展了专项巡察。", "市体育局"),
        ("对照问题清单，县委第二巡察组于8月2日向县农业农村局党组反馈了巡察意见。", "县农业农村局党组"),
    ] {
        let text = format!("关于整改情况的通报\n\n{sentence}\n");
        let (m, _) = meta(&text);
        assert_eq!(m.inspected_unit.as_deref(), Some(unit), "{sentence}");
    }
}

fn intro(sentence: &str) -> Meta {
    let text = format!("关于巡察整改情况的通报\n\n{sentence}\n\n中共某某局党组\n2024年6月30日\n");
    meta(&text).0
}

#[test]
fn inspection_periods() {
    let m = intro("县委第二巡察组于2023年4月10日至2023年6月10日对某某局党组开展了巡察。");
    assert_eq!((m.inspection_start.as_deref(), m.inspection_end.as_deref()), (Some("2023-04-10"), Some("2023-06-10")));
    let m = intro("县委第二巡察组于2023年4月10日—6月10日对某某局党组开展了巡察。");
    assert_eq!((m.inspection_start.as_deref(), m.inspection_end.as_deref()), (Some("2023-04-10"), Some("2023-06-10")));
    let m = intro("县委第二巡察组于2023年4月10日-6月10日对某某局党组开展了巡察。");
    assert_eq!(m.inspection_end.as_deref(), Some("2023-06-10"));
    let m = intro("县委第二巡察组于2023年4月10日~6月10日对某某局党组开展了巡察。");
    assert_eq!(m.inspection_end.as_deref(), Some("2023-06-10"));
    let m = intro("县委第二巡察组于2023年4月10日到6月10日对某某局党组开展了巡察。");
    assert_eq!(m.inspection_end.as_deref(), Some("2023-06-10"));
    // The year from context.
    let m = intro("根据县委2023年巡察工作计划，4月10日至6月10日，县委第二巡察组对某某局党组开展了巡察。");
    assert_eq!((m.inspection_start.as_deref(), m.inspection_end.as_deref()), (Some("2023-04-10"), Some("2023-06-10")));
    // No year anywhere before: the signature's year.
    let m = intro("4月10日至6月10日，县委第二巡察组对某某局党组开展了巡察。");
    assert_eq!(m.inspection_start.as_deref(), Some("2024-04-10"));
    // Across the new year.
    let m = intro("县委第二巡察组于2023年11月6日至1月5日对某某局党组开展了巡察。");
    assert_eq!((m.inspection_start.as_deref(), m.inspection_end.as_deref()), (Some("2023-11-06"), Some("2024-01-05")));
    // Months without days are not turned into dates.
    let m = intro("2020年10月至2021年1月，县委第二巡察组对某某局党组开展了巡察。");
    assert_eq!((m.inspection_start, m.inspection_end), (None, None));
    // Full-width digits and a half-width comma.
    let m = intro("２０２３年４月１０日至６月１０日,县委第二巡察组对某某局党组开展了巡察。");
    assert_eq!(m.inspection_end.as_deref(), Some("2023-06-10"));
    // Only an entry date.
    let m = intro("2023年4月10日，县委第二巡察组进驻某某局开展巡察。");
    assert_eq!((m.inspection_start.as_deref(), m.inspection_end), (Some("2023-04-10"), None));
    // An entry date and the day the inspectors left.
    let m = intro("县委第二巡察组于2023年4月10日进驻某某局，6月10日结束，8月15日反馈了巡察意见。");
    assert_eq!(
        (m.inspection_start.as_deref(), m.inspection_end.as_deref(), m.feedback_date.as_deref()),
        (Some("2023-04-10"), Some("2023-06-10"), Some("2023-08-15"))
    );
}

#[test]
fn feedback_dates() {
    let m = intro("县委第二巡察组于2023年4月10日至6月10日对某某局党组开展了巡察，并于8月15日反馈了巡察意见。");
    assert_eq!(m.feedback_date.as_deref(), Some("2023-08-15"));
    let m = intro("县委第二巡察组于2023年4月10日至6月10日对某某局党组开展了巡察。2023年8月15日，巡察组向某某局党组反馈了巡察意见。");
    assert_eq!(m.feedback_date.as_deref(), Some("2023-08-15"));
    // A feedback month before the month the inspection ended is in the next year.
    let m = intro("县委第二巡察组于2023年11月1日至12月20日对某某局党组开展了巡察，于1月10日反馈巡察意见。");
    assert_eq!(m.feedback_date.as_deref(), Some("2024-01-10"));
    // The date after 反馈.
    let m = intro("县委第二巡察组对某某局党组开展了巡察，反馈会于2023年9月1日召开。");
    assert_eq!(m.feedback_date.as_deref(), Some("2023-09-01"));
    // 反馈 without a date leaves it empty.
    let m = intro("现将巡察反馈意见整改情况公布如下。");
    assert_eq!(m.feedback_date, None);
}

#[test]
fn dates_in_the_second_part_are_not_the_inspection() {
    let text = "关于巡察整改情况的通报\n\n根据县委部署，县委第二巡察组对某某局党组开展了巡察。\n一、总体情况\n已完成整改5个。\n二、具体整改情况\n（一）2023年9月1日至9月30日开展巡察整改“回头看”。2023年9月5日召开巡察反馈问题整改专题会。\n";
    let (m, _) = meta(text);
    assert_eq!(m.inspection_body.as_deref(), Some("县委第二巡察组"));
    assert_eq!((m.inspection_start, m.inspection_end, m.feedback_date), (None, None, None));
    // One-line paste: 二、 after a full stop.
    let text = "关于巡察整改情况的通报 根据县委部署，县委第二巡察组对某某局党组开展了巡察。一、总体情况。二、具体整改情况（一）2023年9月5日召开巡察反馈问题整改专题会。";
    assert_eq!(meta(text).0.feedback_date, None);
}

#[test]
fn publicity_periods() {
    let m = intro("公示时间：2024年1月2日至1月8日。");
    assert_eq!((m.publicity_start.as_deref(), m.publicity_end.as_deref()), (Some("2024-01-02"), Some("2024-01-08")));
    let m = intro("公示期为5个工作日（2024年1月2日—2024年1月8日）。");
    assert_eq!((m.publicity_start.as_deref(), m.publicity_end.as_deref()), (Some("2024-01-02"), Some("2024-01-08")));
    let m = intro("公开期限：2024年1月2日至1月8日。");
    assert_eq!(m.publicity_end.as_deref(), Some("2024-01-08"));
    let m = intro("自2024年1月2日起公示5个工作日。");
    assert_eq!((m.publicity_start.as_deref(), m.publicity_end), (Some("2024-01-02"), None));
    let m = intro("现将整改情况予以公开。");
    assert_eq!(m.publicity_start, None);
}

#[test]
fn contacts() {
    let m = intro("联系电话：0571-12345678；举报电话：12388。");
    assert_eq!(m.phones, ["0571-12345678", "12388"]);
    let m = intro("监督电话：0571—12345678、（0571）87654321，手机：13800138000。");
    assert_eq!(m.phones, ["0571-12345678", "0571-87654321", "13800138000"]);
    let m = intro("联系电话:(0571)12345678;邮编:310000;电子邮箱:jc@example.gov.cn.");
    assert_eq!(m.phones, ["0571-12345678"]);
    assert_eq!(m.postcodes, ["310000"]);
    assert_eq!(m.emails, ["jc@example.gov.cn"]);
    let m = intro("聯繫電話：0571-12345678（工作日）或0571-12345679。");
    assert_eq!(m.phones, ["0571-12345678", "0571-12345679"]);
    let m = intro("电子邮箱：ｊｃ＠ｅｘａｍｐｌｅ．ｃｎ。");
    assert_eq!(m.emails, ["ｊｃ＠ｅｘａｍｐｌｅ．ｃｎ"]);
    let m = intro("邮政信箱：云溪县人民路8号县水利局办公室；邮政编码：323300。");
    assert_eq!(m.address.as_deref(), Some("云溪县人民路8号县水利局办公室"));
    assert_eq!(m.postcodes, ["323300"]);
    let m = intro("来信请寄：云溪县人民路8号，邮编323300。");
    assert_eq!(m.address.as_deref(), Some("云溪县人民路8号"));
    let m = intro("通讯地址：云溪县人民路8号 邮编：323300");
    assert_eq!(m.address.as_deref(), Some("云溪县人民路8号"));
    // The same number twice is listed once.
    let m = intro("联系电话：12388。举报电话：12388。");
    assert_eq!(m.phones, ["12388"]);
    // 电话 with no number.
    let m = intro("开通举报电话，接受群众监督。");
    assert!(m.phones.is_empty());
}

#[test]
fn traditional_and_half_width() {
    let text = "中共白石縣財政局黨組關於縣委第三巡察組\r\n巡察反饋意見整改進展情況的通報\r\n\r\n根據縣委統一部署,2023年4月10日至6月10日,縣委第三巡察組對縣財政局黨組開展了常規巡察.2023年8月15日,巡察組向縣財政局黨組反饋了巡察意見.\r\n\r\n聯繫電話:0571-12345678;郵政編碼:311000.\r\n\r\n中共白石縣財政局黨組\r\n2023年11月20日\r\n";
    let (m, _) = meta(text);
    assert_eq!(m.title.as_deref(), Some("中共白石縣財政局黨組關於縣委第三巡察組巡察反饋意見整改進展情況的通報"));
    assert_eq!(m.issuer.as_deref(), Some("中共白石縣財政局黨組"));
    assert_eq!(m.inspection_body.as_deref(), Some("縣委第三巡察組"));
    assert_eq!(m.inspected_unit.as_deref(), Some("縣財政局黨組"));
    assert_eq!(m.inspection_start.as_deref(), Some("2023-04-10"));
    assert_eq!(m.feedback_date.as_deref(), Some("2023-08-15"));
    assert_eq!(m.phones, ["0571-12345678"]);
    assert_eq!(m.postcodes, ["311000"]);
    assert_eq!(m.signed_date.as_deref(), Some("2023-11-20"));
}

#[test]
fn garbage_does_not_panic() {
    let samples = [
        "",
        "\n\n\n",
        "。。。。",
        "年月日至年月日",
        "2023年",
        "电话：",
        "电话：（",
        "电话：（0571",
        "@@@",
        "a@b",
        "x@.cn",
        "邮编：12345",
        "地址：",
        "公示时间：2024年13月40日至2月30日",
        "对",
        "对开展巡察",
        "向反馈",
        "巡察组",
        "第二巡察组",
        "关于",
        "关于的通报",
        "中共某某局党组\n2023年11月20日",
        "二〇二三年十一月二十日",
        "9999999999999999999个问题",
        "\u{feff}\u{200b}（）",
        "𝕏𝕐𝕫 🎉 emoji 巡察组🎉对🎉开展了巡察",
    ];
    for s in samples {
        let _ = meta(s);
    }
    // Long runs of one anchor.
    let long = "巡察组".repeat(5000) + &"电话：".repeat(5000) + &"年月".repeat(5000);
    let _ = meta(&long);
}
