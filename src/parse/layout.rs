//! The layout stage: where the notice's title is, where its closing block (signature, date)
//! starts, and which lines around it belong to the web page it was copied from (page
//! furniture: 索引号, 发布机构, 发布日期, 朗读, breadcrumbs, a table of contents repeating the
//! headings). The outline is built between the title and the closing block; metadata reads the
//! title and signature from here and never takes a date from the furniture.
//!
//! Reads the folded text, in bounded windows: the first 8 KB for the title, the last 4 KB for
//! the signature.

use super::dates::{self, DateParts};
use super::meta::{find_all, trim};
use super::patterns;
use super::text::{ceil_char_boundary, floor_char_boundary};

/// Where the title ends and the closing block starts, in folded offsets, and what was found there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The title's lines, as folded ranges (one per line), when the text has a title.
    pub title: Option<Vec<(usize, usize)>>,
    /// The page's own field for the title (`文件名称：…`), when the page gives one.
    pub title_field: Option<(usize, usize)>,
    /// The signature block at the end.
    pub signature: Option<Signature>,
    /// Lines of page furniture before the notice's body, as folded ranges.
    pub furniture: Vec<(usize, usize)>,
    /// Folded offset just after the title lines (0 if no title found).
    pub title_end: usize,
    /// Folded offset where the closing block starts: the signature block (issuer line(s) + date at
    /// the end), or `folded.len()` if none. The outline tree is built only from
    /// `[title_end, closing_start)`.
    pub closing_start: usize,
}

const TITLE_WINDOW: usize = 8 * 1024;
const SIGNATURE_WINDOW: usize = 4 * 1024;

/// Finds the layout of the folded text `f`.
pub fn layout(f: &str) -> Layout {
    let head = scan_head(f);
    let signature = find_signature(f);
    let title_end = head.title.as_ref().map_or(0, |t| t.last().map_or(0, |s| s.1));
    let closing_start = signature.as_ref().map_or(f.len(), |s| s.start).max(title_end);
    Layout {
        title: head.title,
        title_field: head.title_field,
        signature,
        furniture: head.furniture,
        title_end,
        closing_start,
    }
}

/// Whether `[a, b)` lies in a furniture line.
impl Layout {
    pub fn in_furniture(&self, a: usize, b: usize) -> bool {
        self.furniture.iter().any(|&(fa, fb)| fa <= a && b <= fb)
    }
}

/// Non-empty lines of `s[lo..hi]`, trimmed, as absolute ranges.
pub(crate) fn lines(s: &str, lo: usize, hi: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = lo;
    std::iter::from_fn(move || {
        if at >= hi {
            return None;
        }
        let end = memchr::memchr(b'\n', &s.as_bytes()[at..hi]).map_or(hi, |i| at + i);
        let line = (at, end);
        at = end + 1;
        Some(line)
    })
    .map(move |(a, b)| trim(s, a, b))
}

// ---------------------------------------------------------------------------------------------
// Title.

/// Words a title ends with. The strong ones close a title; `情况` may be followed by `的通报`
/// on the next line.
const TITLE_END_STRONG: &[&str] = &["通报", "公告", "公示", "通告", "报告", "说明", "通知", "决定", "公开"];

fn ends_title(t: &str) -> bool {
    let t = without_tail(t).trim_end_matches(['）', ')']);
    TITLE_END_STRONG.iter().any(|w| t.ends_with(w))
}

fn has_title_word(t: &str) -> bool {
    TITLE_END_STRONG.iter().any(|w| t.contains(w)) || t.contains("情况") || t.contains("关于")
}

/// Starts of the first body paragraph: `根据县委统一部署，…`, `按照…`, `为深入贯彻…`, `2023年4月…`.
const BODY_START: &[&str] = &[
    "根据",
    "按照",
    "依据",
    "遵照",
    "依照",
    "为深入",
    "为进一步",
    "为全面",
    "为认真",
    "为贯彻",
    "为切实",
    "为做好",
    "为推动",
    "为推进",
    "为落实",
    "为扎实",
    "今年",
    "去年",
    "近日",
    "近期",
    "日前",
    "经",
    "现将",
    "现就",
    "截至",
    "截止",
    "自",
    "于",
];

fn starts_body(t: &str) -> bool {
    if BODY_START.iter().any(|w| t.starts_with(w)) {
        return true;
    }
    // A date: 2023年4月… / 二〇二三年… / 4月10日…
    if dates::leading_year(t).is_some_and(|(_, l)| t[l..].trim_start().starts_with(['年', '-', '.', '/'])) {
        return true;
    }
    dates::parse_date_at(t).is_some() || starts_label(t)
}

/// A numbering label at the start of a line: `一、` `（一）` `1.` `1、` `（1）` `1）` `①` `第一，`.
/// Not `一是`/`首先`: those words also open ordinary sentences.
fn starts_label(t: &str) -> bool {
    use crate::model::LabelForm::{Sequence, Shi};
    super::labels::label_at(t).is_some_and(|l| !matches!(l.form, Shi | Sequence))
}

/// Page furniture ([`patterns::FURNITURE`]): breadcrumbs, "发布时间：… 来源：…", 索引号, 朗读,
/// table rows (`文件名称 | … |`), a document-sharing site's lines; also document numbers
/// (`云水党〔2023〕12号`) and a red header (`中共某某县水利局党组文件`).
fn is_furniture(t: &str) -> bool {
    patterns::FURNITURE.is_match(t)
        || (t.contains(['〔', '[']) && t.contains(['〕', ']']) && t.ends_with('号'))
        // The red header of a printed document: `中共某某县水利局党组文件`.
        || (t.ends_with("文件") && t.chars().count() <= 30)
}

/// A furniture label whose value is on the next line (`发布机构:` / `婺城区文旅体局`).
fn is_furniture_label(t: &str) -> bool {
    t.ends_with([':', '：']) && t.chars().count() <= 8 && is_furniture(t)
}

/// A line with only a date or a date and time (`2023-11-21 10:30`), as pages print above a title.
fn is_date_only(t: &str) -> bool {
    dates::parse_date_at(t).is_some_and(|(_, n)| t[n..].chars().all(|c| c.is_ascii_digit() || c == '：' || c == ' '))
}

fn is_title_line(t: &str) -> bool {
    let n = t.chars().count();
    !t.ends_with(['。', '；', '：', '，', '、', '！', '？'])
        && !t.starts_with(['（', '【', '['])
        && !t.contains('。')
        // No title starts with a label, not even `一是`.
        && super::labels::label_at(t).is_none()
        && (n <= 40 || (n <= 80 && has_title_word(t)))
}

fn looks_like_body(t: &str) -> bool {
    t.ends_with(['。', '；', '：', '！'])
        || t.contains('。')
        || t.chars().count() > 80
        || (starts_body(t) && !ends_title(t))
}

/// What the head of the text holds: the title, the page's title field and furniture lines.
#[derive(Default)]
struct Head {
    title: Option<Vec<(usize, usize)>>,
    title_field: Option<(usize, usize)>,
    furniture: Vec<(usize, usize)>,
}

/// The title: the last block of title lines before the first body paragraph that has a title
/// word (else the last block), as folded ranges (one per line). Page furniture between blocks
/// is skipped and recorded, and so is a table of contents (label lines before any title).
///
/// - `中共某某县交通运输局党组关于县委第三巡察组` + `巡察反馈意见整改进展情况的通报` → both lines
///   (up to three; a blank line between is allowed while the title is not complete yet).
/// - `Title` / `您当前的位置：首页 > …` / `关于…的通报` / `发布时间：…` → `关于…的通报`.
/// - `一、提高政治站位` / `二、加强组织领导` / `中共某某局党组关于…的通报` / `根据…` → the title; the
///   label lines above it are a table of contents.
/// - `…自查报告(精选文档)` → `…自查报告`; `…的报告——2023年4月在…会议上` → `…的报告`
///   ([`patterns::TITLE_TAIL`]).
/// - One-line paste `关于…情况的通报根据县委统一部署，…` → the prefix up to `通报` ([`title_prefix`]).
/// - A short first line with no title word (`通  报`) is still a title; a line with no Chinese
///   character (`Title`, `-`, an index number) is not.
fn scan_head(f: &str) -> Head {
    let hi = ceil_char_boundary(f, TITLE_WINDOW);
    // Whole lines only: a line cut by the window is not a title.
    let hi = if hi < f.len() { f[..hi].rfind('\n').unwrap_or(hi) } else { hi };
    let mut head = Head::default();
    let mut blocks: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut cur: Vec<(usize, usize)> = Vec::new();
    let mut blank_seen = false;
    let mut value_next = false;
    let mut field_next = false;
    for (a, b) in lines(f, 0, hi) {
        if a == b {
            blank_seen |= !cur.is_empty();
            continue;
        }
        let (a, b) = (a + bullet_len(&f[a..b]), b);
        let a = a + column_tag_len(&f[a..b]);
        let t = &f[a..b];
        // Furniture, and the value under a furniture label.
        let toc = blocks.is_empty() && cur.is_empty() && super::labels::label_at(t).is_some() && !t.contains('。');
        if value_next || is_furniture(t) || is_date_only(t) || toc {
            if field_next {
                head.title_field = Some((a, b));
            } else if let Some(n) = patterns::TITLE_FIELD.prefix_len(t) {
                let v = &t[n..];
                let v = v.split(" |").next().unwrap_or("").trim();
                if !v.is_empty() {
                    head.title_field = Some((a + n, a + n + v.len()));
                }
            }
            field_next = !value_next && is_furniture_label(t) && patterns::TITLE_FIELD.prefix_len(t).is_some();
            value_next = !value_next && is_furniture_label(t);
            head.furniture.push((a, b));
            close(&mut blocks, &mut cur, &mut blank_seen);
            continue;
        }
        let Some(&(la, lb)) = cur.last() else {
            if looks_like_body(t) || !is_title_line(t) {
                if blocks.is_empty() {
                    if let Some(k) = title_prefix(t) {
                        blocks.push(vec![trim(f, a, a + k)]);
                    }
                }
                break;
            }
            cur.push((a, b));
            continue;
        };
        let last = without_tail(&f[la..lb]);
        let continues = t.starts_with(['的', '之', '和', '及', '暨']);
        // A line with no title word that is not an issuer's name (`详细介绍`) is a block of its own.
        let complete = ends_title(last)
            || (blank_seen && last.ends_with("情况"))
            || (cur.len() == 1 && !has_title_word(last) && !is_org(last));
        if looks_like_body(t) || !is_title_line(t) {
            break;
        }
        if (complete && !continues) || cur.len() >= 3 {
            close(&mut blocks, &mut cur, &mut blank_seen);
        }
        cur.push((a, b));
    }
    close(&mut blocks, &mut cur, &mut blank_seen);
    let has_han = |seg: &[(usize, usize)]| seg.iter().any(|&(a, b)| f[a..b].chars().any(is_han));
    blocks.retain(|seg| has_han(seg));
    let pick = blocks
        .iter()
        .rposition(|seg| seg.iter().any(|&(a, b)| has_title_word(&f[a..b])))
        .or(blocks.len().checked_sub(1));
    if let Some(mut segs) = pick.map(|i| blocks.swap_remove(i)) {
        // Cut a site tag or a delivery line off the last line.
        if let Some(last) = segs.last_mut() {
            let t = &f[last.0..last.1];
            if let Some(m) = patterns::TITLE_TAIL.regex().find(t) {
                last.1 = trim(f, last.0, last.0 + m.start()).1;
            }
        }
        let total: usize = segs.iter().map(|&(a, b)| f[a..b].chars().count()).sum();
        if total <= 160 && segs.iter().all(|&(a, b)| a < b) {
            head.title = Some(segs);
        }
    }
    head
}

/// Ends the block of title lines being read.
fn close(blocks: &mut Vec<Vec<(usize, usize)>>, cur: &mut Vec<(usize, usize)>, blank_seen: &mut bool) {
    if !cur.is_empty() {
        blocks.push(std::mem::take(cur));
    }
    *blank_seen = false;
}

/// A list bullet a page puts before a line (`• `, `· `): its length.
fn bullet_len(t: &str) -> usize {
    t.len() - t.trim_start_matches(['•', '·', ' ']).len()
}

/// A site's column tag before a title (`【巡察整改】中共某某乡委员会关于…的通报`): its length, when
/// a title-like text follows it (a tag of at most 10 ideographs; `【浏览字号 :大 中 小】` is not one).
fn column_tag_len(t: &str) -> usize {
    let Some(inner) = t.strip_prefix('【') else { return 0 };
    let Some((tag, rest)) = inner.split_once('】') else { return 0 };
    let tag_len = tag.chars().count();
    if !(1..=10).contains(&tag_len) || !tag.chars().all(is_han) || rest.trim().is_empty() {
        return 0;
    }
    t.len() - rest.trim_start().len()
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The line without a tail that is not the title ([`patterns::TITLE_TAIL`]).
fn without_tail(t: &str) -> &str {
    patterns::TITLE_TAIL.regex().find(t).map_or(t, |m| t[..m.start()].trim_end())
}

/// In a one-line paste, the length of the title prefix: up to the first title word (`通报`,
/// `公告`, `公示`, `报告`, `情况`, …) that is followed by body text (`根据…`, `2023年…`) or by a
/// space. `中共某某局党组关于…整改进展情况的通报根据县委统一部署，…` → `…的通报`.
fn title_prefix(t: &str) -> Option<usize> {
    let head = &t[..floor_char_boundary(t, 600)];
    let stop = head.find('。').unwrap_or(head.len());
    let head = &head[..stop];
    let mut best: Option<usize> = None;
    for kw in TITLE_END_STRONG.iter().chain(["情况"].iter()) {
        for p in find_all(head, kw) {
            let e = p + kw.len();
            if best.is_some_and(|b| e >= b) {
                break;
            }
            let rest = &t[e..];
            let rest_trim = rest.trim_start();
            let spaced = rest.len() != rest_trim.len();
            if rest_trim.is_empty() {
                continue;
            }
            if starts_body(rest_trim) || (spaced && !rest_trim.starts_with(['的', '和', '及'])) {
                best = Some(e);
                break;
            }
        }
    }
    best.filter(|&e| t[..e].chars().count() >= 6)
}

// ---------------------------------------------------------------------------------------------
// Signature.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// Where the closing block starts.
    pub start: usize,
    /// The issuer's line(s).
    pub issuer: Vec<(usize, usize)>,
    /// The date's parts and range.
    pub date: Option<(DateParts, usize, usize)>,
}

/// Last characters of an organisation name: 党组 党委 县委 委员会 人民政府 局 办公室 公司 支部 …
const ORG_END: &str = "组委局办司团心院校部厅处会站所队社馆镇乡道村区府行署场室科股园学盟联协织";

/// An organisation name as signatures write it: `中共某某县交通运输局党组`, `某某县人民政府`,
/// `中共某某县委 某某县人民政府`. Short, no digits or sentence punctuation, ends like an
/// organisation.
pub(crate) fn is_org(t: &str) -> bool {
    let n = t.chars().count();
    (2..=40).contains(&n)
        && !t.bytes().any(|b| b.is_ascii_digit())
        && !t.contains(['。', '；', '：', '，', '！', '？', '“', '”', '《', '》', '@'])
        && !t.contains("通报")
        && !starts_label(t)
        && t.chars().next_back().is_some_and(|c| ORG_END.contains(c))
}

/// The date a line ends with, as `(parts, start, end)` relative to the line, when the date has at
/// least a year and a month: `2023年11月20日`, `（2023年11月20日）`, `中共某某局党组2023年11月20日`.
pub(crate) fn trailing_date(t: &str) -> Option<(DateParts, usize, usize)> {
    let body = t.trim_end_matches(['）', ')', ' ']);
    let lo = floor_char_boundary(body, body.len().saturating_sub(60));
    let tail = &body[lo..];
    let hit = *dates::find_dates(tail).last()?;
    let after = tail[hit.end..].trim();
    if !(after.is_empty() || after == "印发" || after == "发布") {
        return None;
    }
    if hit.parts.year.is_none() || hit.parts.month.is_none() {
        return None;
    }
    Some((hit.parts, lo + hit.start, lo + hit.end))
}

/// The signature block at the end: the issuer line(s) and the date line under them
/// (`中共某某县交通运输局党组` / `2023年11月20日`, or `二〇二三年十一月二十日`), or both on one
/// line (`中共某某局党组 2023年11月20日`, also at the end of a one-line paste after `。`).
/// Up to five lines of page chrome after the date are allowed.
fn find_signature(f: &str) -> Option<Signature> {
    let lo0 = floor_char_boundary(f, f.len().saturating_sub(SIGNATURE_WINDOW));
    let lo = if lo0 == 0 { 0 } else { f[lo0..].find('\n').map_or(lo0, |i| lo0 + i + 1) };
    let ls: Vec<(usize, usize)> = lines(f, lo, f.len()).filter(|&(a, b)| a < b).collect();
    let first = ls.len().saturating_sub(6);
    for idx in (first..ls.len()).rev() {
        let (a, b) = ls[idx];
        let t = &f[a..b];
        let Some((parts, ds, de)) = trailing_date(t) else { continue };
        let prefix = t[..ds].trim_end_matches(['（', '(', ' ']);
        let date = Some((parts, a + ds, a + de));
        if prefix.trim().is_empty() {
            // Issuer lines above the date line.
            let mut issuer = Vec::new();
            for j in (idx.saturating_sub(2)..idx).rev() {
                let (ia, ib) = ls[j];
                if !is_org(&f[ia..ib]) {
                    break;
                }
                issuer.insert(0, (ia, ib));
            }
            let start = issuer.first().map_or(a, |s| s.0);
            return Some(Signature { start, issuer, date });
        }
        // The issuer on the date's line: after the last sentence punctuation, or the last space.
        let cut = prefix.rfind(['。', '；', '！', '？', '：', '，']).map_or(0, |i| i + '。'.len_utf8());
        let mut cand = trim(prefix, cut, prefix.len());
        if !is_org(&prefix[cand.0..cand.1]) {
            let sp = prefix[..cand.1].trim_end().rfind(' ').map_or(cand.0, |i| i + 1);
            cand = trim(prefix, sp.max(cand.0), cand.1);
        }
        if is_org(&prefix[cand.0..cand.1]) {
            let issuer = vec![(a + cand.0, a + cand.1)];
            return Some(Signature { start: a + cand.0, issuer, date });
        }
        // A line that only ends with a date ("整改时限：2023年12月31日") is not a signature.
        return None;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(text: &str) -> Option<String> {
        let l = layout(text);
        l.title.map(|segs| segs.iter().map(|&(a, b)| &text[a..b]).collect())
    }

    #[test]
    fn labels_and_orgs() {
        assert!(starts_label("（一）关于"));
        assert!(starts_label("一、总体"));
        assert!(starts_label("1.学习"));
        assert!(starts_label("3）反馈问题整改情况"));
        assert!(starts_label("①第一点"));
        assert!(!starts_label("一是"));
        assert!(is_org("中共某某县交通运输局党组"));
        assert!(!is_org("联系电话"));
        assert!(!is_org("特此通报。"));
    }

    #[test]
    fn layout_offsets() {
        let text =
            "关于巡察整改情况的通报\n\n根据县委部署，开展了巡察。\n一、总体情况\n\n中共某某局党组\n2023年11月20日\n";
        let l = layout(text);
        assert_eq!(title(text).as_deref(), Some("关于巡察整改情况的通报"));
        assert_eq!(l.title_end, "关于巡察整改情况的通报".len());
        assert_eq!(&text[l.closing_start..], "中共某某局党组\n2023年11月20日\n");
    }

    #[test]
    fn a_column_tag_is_not_the_title() {
        let text = "【巡察整改】中共某某乡委员会关于巡察整改进展情况的通报\n根据县委统一部署，开展了巡察。\n";
        assert_eq!(title(text).as_deref(), Some("中共某某乡委员会关于巡察整改进展情况的通报"));
        assert_eq!(column_tag_len("【浏览字号 :大 中 小】"), 0);
        assert_eq!(column_tag_len("【巡察整改】"), 0);
    }

    #[test]
    fn page_furniture_around_the_title() {
        // Site chrome above and below; the title is the block with a title word.
        let page = "Title\n您当前的位置：首页 > 通知公告\n中共某某县水务局党组关于巡察整改进展情况的通报\n发布日期：2024-05-06 来源：县水务局 分享：\n根据县委统一部署，开展了巡察。\n";
        assert_eq!(title(page).as_deref(), Some("中共某某县水务局党组关于巡察整改进展情况的通报"));
        let l = layout(page);
        assert_eq!(l.furniture.len(), 2);
        // A table of contents before the title is furniture; the outline starts after the title.
        let toc = "一、提高站位\n二、压实责任\n中共某某局党组关于巡察整改情况的通报\n根据市委部署，开展了巡察。\n一、提高站位\n";
        assert_eq!(title(toc).as_deref(), Some("中共某某局党组关于巡察整改情况的通报"));
        assert!(&toc[layout(toc).title_end..].starts_with("\n根据"));
        // A site tag and a delivery line are not the title.
        assert_eq!(
            title("某某县整改工作情况自查报告(精选文档)\n根据部署，开展自查。").as_deref(),
            Some("某某县整改工作情况自查报告")
        );
        assert_eq!(
            title(
                "详细介绍\n某某市审计查出问题整改情况的报告——2023年4月在某某市人大常委会会议上\n根据决定，现报告如下。"
            )
            .as_deref(),
            Some("某某市审计查出问题整改情况的报告")
        );
        // A line with no Chinese character is never a title.
        assert_eq!(title("-\n根据区委部署，开展了巡察。"), None);
    }

    #[test]
    fn the_pages_title_field() {
        let rows = "文件名称 | 某某县重点事项落实情况的通报 | ||\n索引号 | 0001/2022-1 | 公开目录: | 督查 |\n近期，县政府督查室开展了专项督查，现通报如下。\n";
        let l = layout(rows);
        assert_eq!(l.title, None);
        assert_eq!(l.title_field.map(|(a, b)| &rows[a..b]), Some("某某县重点事项落实情况的通报"));
        let stacked = "• 文件名称:\n\n  某某局关于巡察整改情况的通报\n• 发布机构:\n  某某局\n根据部署，开展了巡察。";
        let l = layout(stacked);
        assert_eq!(l.title_field.map(|(a, b)| &stacked[a..b]), Some("某某局关于巡察整改情况的通报"));
    }
}
