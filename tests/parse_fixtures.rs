//! Fixture notices (invented, in the genre's style) with exact expected output.
//!
//! Each `fixtures/NAME.txt` has `fixtures/NAME.expected.json`, the whole model as the CLI prints
//! it. After a deliberate change, regenerate with `UPDATE_FIXTURES=1 cargo test --test parse_fixtures`
//! and review the diff. The shape tests below state the outlines by hand, independently.

use notice_outline::model::{Node, NodeKind, Status};
use std::path::Path;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_fixture_matches_its_snapshot() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 5, "fixtures missing: {names:?}");
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    let mut failed = Vec::new();
    for name in &names {
        let got = notice_outline::export::to_json(&notice_outline::parse(&fixture(name)));
        let expected_path = dir.join(name.replace(".txt", ".expected.json"));
        if update {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got.trim_end() != expected.trim_end() {
            failed.push(name.clone());
        }
    }
    assert!(
        failed.is_empty(),
        "output differs from the snapshot for {failed:?}; rerun with UPDATE_FIXTURES=1 and review the diff"
    );
}

/// `label|heading|kind|status` per node, indented two spaces per level.
fn shape(nodes: &[Node]) -> String {
    fn walk(nodes: &[Node], out: &mut Vec<String>) {
        for n in nodes {
            let kind = match n.kind {
                NodeKind::Section => "section",
                NodeKind::Problem => "problem",
                NodeKind::Measure => "measure",
                NodeKind::Item => "item",
            };
            let status = match n.status {
                Some(Status::Done) => "|done",
                Some(Status::InProgress) => "|in_progress",
                Some(Status::NotDone) => "|not_done",
                Some(Status::Unknown) => "|unknown",
                None => "",
            };
            out.push(format!("{}{}|{}|{kind}{status}", "  ".repeat(n.level as usize - 1), n.label, n.heading));
            walk(&n.children, out);
        }
    }
    let mut out = Vec::new();
    walk(nodes, &mut out);
    out.join("\n")
}

const COUNTY_SHAPE: &str = "\
一、|提高政治站位，压实整改责任|section
  （一）|强化组织领导|item
  （二）|细化整改措施|item
二、|巡察反馈问题整改落实情况|section
  （一）|关于贯彻落实党的路线方针政策和上级决策部署方面|section
    1.|学习贯彻党的创新理论不够深入|problem|done
      一是|完善党组理论学习中心组学习制度|measure
      二是|开展专题研讨3次|measure
    2.|重点项目推进缓慢|problem|in_progress
      一是|建立重点项目周调度机制|measure
      二是|倒排工期、挂图作战|measure
      三是|加强督查考核|measure
  （二）|关于落实全面从严治党责任方面|section
    3.|“一岗双责”落实不到位|problem|done
    4.|公务用车管理不规范|problem|done
      一是|修订公务用车管理办法|measure
      二是|安装车辆定位系统|measure
  （三）|关于领导班子和干部队伍建设方面|section
    5.|干部交流轮岗不够|problem|done
    6.|基层党组织建设薄弱|problem|done
    7.|档案管理不规范|problem|in_progress
三、|下一步工作打算|section
  （一）|持续巩固整改成果|item
  （二）|建立长效机制|item";

#[test]
fn county_notice_outline() {
    let n = notice_outline::parse(&fixture("county-transport.txt"));
    assert_eq!(shape(&n.outline), COUNTY_SHAPE);
    assert_eq!(
        n.meta.title.as_deref(),
        Some("中共青石县交通运输局党组关于县委第三巡察组巡察反馈意见整改进展情况的通报")
    );
    assert_eq!(n.meta.inspection_start.as_deref(), Some("2023-04-10"));
    assert_eq!(n.meta.signed_date.as_deref(), Some("2023-11-20"));
    assert_eq!((n.stated.problems, n.stated.problems_done, n.stated.problems_in_progress), (Some(7), Some(5), Some(2)));
    assert_eq!((n.counts.progress.problems, n.counts.progress.done, n.counts.progress.in_progress), (7, 5, 2));
    // Heading and body of one problem, and its spans pointing back into the text.
    let text = fixture("county-transport.txt");
    let p2 = &n.outline[1].children[0].children[1];
    assert_eq!(p2.body, "整改情况：");
    assert_eq!(&text[p2.label_span.start..p2.heading_span.end], "2.重点项目推进缓慢");
    assert_eq!(p2.measures, Some(3));
}

/// A paste that lost its line breaks gives the same outline as the clean text.
#[test]
fn one_line_paste_parses_like_the_clean_form() {
    let clean = notice_outline::parse(&fixture("county-transport.txt"));
    let one_line = notice_outline::parse(&fixture("one-line-paste.txt"));
    assert_eq!(shape(&one_line.outline), shape(&clean.outline));
    assert_eq!(one_line.meta.title, clean.meta.title);
    assert_eq!(one_line.stated.problems, clean.stated.problems);
}

#[test]
fn traditional_halfwidth_crlf_parses_like_the_clean_form() {
    let n = notice_outline::parse(&fixture("traditional-halfwidth-crlf.txt"));
    assert_eq!(
        shape(&n.outline),
        "\
一、|整改工作開展情況|section
  (一)|加強組織領導|item
  (二)|健全工作機制|item
二、|反饋問題整改情況|section
  (一)|關於審計監督職能發揮方面|section
    １．|審計整改跟蹤不到位|problem|done
      ①|建立審計整改跟蹤台賬|measure
      ②|開展整改情況專項檢查|measure
    ２．|審計結果運用不充分|problem|done
  (二)|關於幹部隊伍建設方面|section
    ３．|年輕幹部培養力度不夠|problem|in_progress
      1)|制定年輕幹部培養計劃|measure
      2)|開展業務培訓|measure
    ４．|專業人才短缺|problem|done
    ５．|考核激勵不足|problem|done
三、|下一步工作打算|section
  (一)|鞏固整改成果|item
  (二)|強化成果運用|item"
    );
    assert_eq!(n.stated.problems_done, Some(4));
    assert_eq!(n.meta.phones, vec!["0731-87654321".to_string()]);
}

#[test]
fn status_groups_sequence_and_ordinal_forms() {
    let n = notice_outline::parse(&fixture("status-groups.txt"));
    assert_eq!(
        shape(&n.outline),
        "\
一、|整改工作总体情况|section
  首先，|召开专题会议研究部署|item
  其次，|制定整改方案，明确责任分工|item
  最后，|建立整改台账，逐项销号|item
二、|反馈问题整改落实情况|section
  |已完成整改的问题（4个）|section
    1.|村级财务管理不规范|problem|done
      第一，|开展村级财务专项清理|measure
      第二，|规范报账流程|measure
    2.|惠民政策落实有偏差|problem|done
    3.|“三重一大”事项决策程序不规范|problem|done
    4.|作风建设有松懈|problem|done
  |正在整改的问题（1个）|section
    5.|人居环境整治不到位|problem|in_progress
      （1）|制定人居环境整治方案|measure
      （2）|开展“清洁家园”行动|measure
  |尚未完成的问题（1个）|section
    6.|历史遗留土地纠纷未化解|problem|not_done
三、|下一步工作打算|section
  一是|持续抓好整改|item
  二是|建立长效机制|item
  三是|强化监督检查|item"
    );
    assert!(n.checks.is_empty(), "{:?}", n.checks);
}

#[test]
fn text_without_numbering_keeps_its_metadata() {
    let n = notice_outline::parse(&fixture("no-structure.txt"));
    assert!(n.outline.is_empty());
    assert_eq!(n.meta.signed_date.as_deref(), Some("2024-07-20"));
}

#[test]
fn disagreements_are_checked_with_spans() {
    // The notice claims 4 problems, 4 done; the outline lists 3, one in progress.
    let text = "巡察反馈问题4个，已完成整改4个。\n二、反馈问题整改情况\n1.甲问题。已完成整改。\n2.乙问题。已完成整改。\n3.丙问题。正在推进整改。\n";
    let n = notice_outline::parse(text);
    let codes: Vec<&str> = n.checks.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["problems", "problems_done"]);
    assert_eq!(n.checks[0].message_zh, "通报称问题4个，大纲列出3个");
    let stated = n.checks[0].spans[0];
    assert!(text[stated.start..stated.end].ends_with("问题4个"), "{:?}", &text[stated.start..stated.end]);
    // The done check points at the problem that is not done.
    let pointed = n.checks[1].spans[1];
    assert!(text[pointed.start..pointed.end].starts_with("3.丙问题"));
}

/// `fixtures/problem-rules.txt`: one invented notice with every problem rule of the corpus README,
/// each line of the shape below showing one (see `src/parse/status.rs`):
/// the opening paragraph's 一是… series stays top level and never parents `一、`; the
/// responsibility part and its organising items hold no problems; a 方面 with no numbered
/// children is a problem (status from its text, 已完成); a problem named `…有待进一步加强问题` says
/// nothing about its status (unknown); `正在推进` in a measure is in progress; unnumbered
/// `针对“…”问题的整改进展情况` lines are problems holding the 一是 after them; `暂时不满足…条件，
/// 待…后` is not done; a `下一步，…` paragraph is a `""` part holding its series.
#[test]
fn problem_rules() {
    let n = notice_outline::parse(&fixture("problem-rules.txt"));
    assert_eq!(
        shape(&n.outline),
        "\
一是|召开专题会议传达反馈意见|section
二是|制定整改方案，明确责任分工|section
三是|建立整改台账，实行销号管理|section
一、|履行巡察整改主体责任情况|section
  （一）|提高政治站位，加强组织领导|item
  （二）|细化整改任务，压实整改责任|item
二、|巡察整改任务落实情况|section
  （一）|关于上一轮巡察问题整改方面|problem|done
  （二）|关于贯彻落实上级决策部署不够有力方面|section
    1.|关于意识形态工作有待进一步加强问题|problem|unknown
      一是|修订意识形态工作责任清单|measure
      二是|每季度专题研究意识形态工作|measure
    2.|关于乡村振兴项目推进缓慢问题|problem|in_progress
      一是|建立项目周调度机制|measure
      二是|对滞后项目挂牌督办，目前正在推进3个项目的建设|measure
  （三）|关于基层党组织建设方面|section
    |针对“机关党支部设置不规范”问题的整改进展情况|problem|not_done
      一是|调整党支部设置方案|measure
      二是|暂时不满足成立第二党支部条件，待满足条件后及时成立|measure
    |针对“党员教育管理不严格”问题的整改进展情况|problem|done
      一是|完善党员积分管理办法|measure
      二是|开展党员集中轮训，该问题已整改到位|measure
|下一步，局党组将持续巩固整改成果|section
  一是|压实整改责任|item
  二是|健全长效机制|item
  三是|强化监督检查|item"
    );
    // The deciding words are kept, where they stand in the input.
    let text = fixture("problem-rules.txt");
    let evidence: Vec<(String, &str)> = problems(&n.outline)
        .iter()
        .filter_map(|p| p.status_evidence.as_ref().map(|e| (p.heading.as_str(), e)))
        .map(|(h, e)| {
            assert_eq!(&text[e.span.start..e.span.end], e.text);
            (h.chars().take(4).collect(), e.text.as_str())
        })
        .collect();
    assert_eq!(
        evidence,
        vec![
            ("关于上一".to_string(), "已完成"),
            ("关于乡村".to_string(), "正在"),
            ("针对“机".to_string(), "暂时不满足成立第二党支部条件"),
            ("针对“党".to_string(), "已整改")
        ]
    );
}

fn problems(nodes: &[Node]) -> Vec<&Node> {
    let mut out = Vec::new();
    for n in nodes {
        if n.kind == NodeKind::Problem {
            out.push(n);
        }
        out.extend(problems(&n.children));
    }
    out
}
