//! Property tests for metadata and stated counts: on input built from the pieces these modules
//! look for, extraction never panics, spans lie on char boundaries inside the input, single-line
//! values are exactly the input under their span, dates are valid ISO dates and the layout is
//! ordered.

use notice_outline::parse::layout::layout;
use notice_outline::parse::meta::extract_meta;
use notice_outline::parse::stated::extract_stated;
use notice_outline::parse::text::Source;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "关于",
    "的通报",
    "情况",
    "中共某某局党组",
    "县委第三巡察组",
    "巡视组",
    "对",
    "开展了",
    "进行了",
    "巡察",
    "进驻",
    "向",
    "反馈",
    "反饋",
    "2023年",
    "二〇二三年",
    "4月",
    "十一月",
    "10日",
    "二十日",
    "号",
    "至",
    "—",
    "-",
    "~",
    "到",
    "起",
    "公示时间：",
    "公开期限",
    "5个工作日",
    "联系电话：",
    "电话",
    "0571-12345678",
    "（0571）",
    "12388",
    "、",
    "或",
    "邮编：",
    "311000",
    "邮政编码",
    "地址：",
    "邮政信箱：",
    "a@b.cn",
    "@",
    ".",
    "．",
    "个方面",
    "个问题",
    "问题",
    "已完成整改",
    "正在整改",
    "尚未完成",
    "基本完成",
    "整改措施",
    "条",
    "项",
    "个",
    "制度",
    "新建",
    "修订",
    "完成率",
    "%",
    "％",
    "94.4",
    "十八",
    "两",
    "第",
    "。",
    "，",
    ",",
    "；",
    "：",
    "（",
    "）",
    "(",
    ")",
    "\n",
    "\r\n",
    " ",
    "\u{3000}",
    "\u{200b}",
    "\u{feff}",
    "聯繫電話",
    "個",
    "問題",
    "1",
    "9",
    "0",
    "〇",
    "○",
    "根据",
    "🎉",
    "é",
];

fn notice() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
}

/// The value of an ASCII or full-width digit.
fn digit(c: char) -> Option<u32> {
    c.to_digit(10).or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))
}

fn is_iso(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn extraction_is_total_and_consistent(text in notice()) {
        let src = Source::new(&text);
        let layout = layout(&src.folded);
        let m = extract_meta(&src, &layout);
        let st = extract_stated(&src);
        prop_assert!(layout.title_end <= layout.closing_start);
        prop_assert!(layout.closing_start <= src.folded.len());
        prop_assert!(src.folded.is_char_boundary(layout.title_end));
        prop_assert!(src.folded.is_char_boundary(layout.closing_start));
        for spans in m.spans.values() {
            for s in spans {
                prop_assert!(s.start <= s.end && s.end <= text.len());
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
        for s in st.spans.values() {
            prop_assert!(s.start <= s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        for (key, v) in [("inspected_unit", &m.inspected_unit), ("inspection_body", &m.inspection_body), ("address", &m.address)] {
            if let Some(v) = v {
                let s = m.spans[key][0];
                prop_assert_eq!(&text[s.start..s.end], v.as_str());
            }
        }
        for (key, list) in [("phones", &m.phones), ("emails", &m.emails), ("postcodes", &m.postcodes)] {
            let spans = m.spans.get(key).cloned().unwrap_or_default();
            prop_assert_eq!(spans.len(), list.len());
            for (s, v) in spans.iter().zip(list) {
                if key == "phones" {
                    // Given as digits joined by `-`; the span is the number as written.
                    let digits = |t: &str| t.chars().filter_map(digit).collect::<Vec<_>>();
                    prop_assert_eq!(digits(&text[s.start..s.end]), digits(v));
                } else {
                    prop_assert_eq!(&text[s.start..s.end], v.as_str());
                }
            }
        }
        for d in [&m.inspection_start, &m.inspection_end, &m.feedback_date, &m.signed_date, &m.publicity_start, &m.publicity_end].into_iter().flatten() {
            prop_assert!(is_iso(d), "{}", d);
        }
        if let Some(r) = st.completion_rate {
            prop_assert!(r.is_finite());
        }
    }

    #[test]
    fn arbitrary_text_does_not_panic(text in "\\PC{0,300}") {
        let src = Source::new(&text);
        let _ = extract_meta(&src, &layout(&src.folded));
        let _ = extract_stated(&src);
    }
}
