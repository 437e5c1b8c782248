//! Metadata: title, signature (issuer and date), who inspected whom and when, the publicity
//! period and the contact details.
//!
//! Everything is read from the folded text, in bounded windows so the cost does not grow with
//! the notice: the title from the first 8 KB, the signature from the last 4 KB, the inspection
//! sentences from the 8 KB after the title, and the contacts / publicity period from the first
//! 16 KB and the last 8 KB. Values are sliced from the input with [`Source::original_text`], so
//! they keep the user's characters (`聯繫電話`, `0571—12345678`).

use super::dates::{self, DateHit, DateParts, RangeHit};
use super::layout::{is_org, lines, trailing_date, Layout};
use super::patterns;
use super::text::Source;
pub(crate) use super::text::{ceil_char_boundary, floor_char_boundary};
use crate::model::{Meta, MetaField};

const INTRO_WINDOW: usize = 8 * 1024;
const CONTACT_HEAD: usize = 16 * 1024;
const CONTACT_TAIL: usize = 8 * 1024;
/// How far a sentence is looked for around an anchor, each way.
const SENTENCE_REACH: usize = 600;

/// Reads the metadata of a notice, given its [`Layout`] (title, signature, page furniture).
pub fn extract_meta(src: &Source, layout: &Layout) -> Meta {
    let f = src.folded.as_str();
    let mut meta = Meta::default();

    let title = &layout.title;
    let signature = &layout.signature;
    let Layout { title_end, closing_start, .. } = *layout;

    if let Some(segs) = &title {
        let text: String = segs.iter().map(|&(a, b)| src.original_text(a, b).trim()).collect();
        if !text.is_empty() {
            let (a, b) = (segs[0].0, segs[segs.len() - 1].1);
            meta.title = Some(text);
            meta.spans.insert(MetaField::Title, vec![src.span(a, b)]);
        }
    }
    // No title in the text: the page's own field for it (`文件名称 | … |`).
    if meta.title.is_none() {
        if let Some((a, b)) = layout.title_field {
            put(&mut meta, src, MetaField::Title, a, b);
        }
    }

    let mut signed_year = None;
    if let Some(sig) = &signature {
        if !sig.issuer.is_empty() {
            let text: Vec<&str> = sig.issuer.iter().map(|&(a, b)| src.original_text(a, b).trim()).collect();
            meta.issuer = Some(text.join(" "));
            let (a, b) = (sig.issuer[0].0, sig.issuer[sig.issuer.len() - 1].1);
            meta.spans.insert(MetaField::Issuer, vec![src.span(a, b)]);
        }
        if let Some((parts, a, b)) = sig.date {
            signed_year = parts.year;
            put_date(&mut meta, src, MetaField::SignedDate, parts.iso(), a, b);
        }
    }
    // No signature at the end: a date line right under the title (`（2023年11月20日）`) is the
    // signing date.
    if meta.signed_date.is_none() && title_end > 0 {
        let hi = ceil_char_boundary(f, title_end + 200);
        // Not a page's publishing stamp (`发布日期：2023-05-04`).
        if let Some((a, b)) = lines(f, title_end, hi).find(|&(a, b)| a < b).filter(|&(a, b)| !layout.in_furniture(a, b))
        {
            if let Some((parts, ds, de)) =
                trailing_date(&f[a..b]).filter(|&(_, ds, _)| f[a..a + ds].trim_matches(['（', '(', ' ']).is_empty())
            {
                if put_date(&mut meta, src, MetaField::SignedDate, parts.iso(), a + ds, a + de) {
                    signed_year = parts.year;
                }
            }
        }
    }
    // No signature: the issuer is the title's prefix before 关于
    // ("中共某某县交通运输局党组关于…的通报" → "中共某某县交通运输局党组").
    // A first title line that is only the issuer (`中共某某局党组` / `关于…的通报`) counts too.
    if meta.issuer.is_none() {
        let segs = title.as_deref().unwrap_or(&[]);
        let cut = match segs {
            [(a, b), rest @ ..] => match f[*a..*b].find("关于") {
                Some(p) if p > 0 => Some((*a, *a + p)),
                _ => {
                    rest.first().filter(|&&(c, d)| f[c..d].starts_with("关于") && is_org(&f[*a..*b])).map(|_| (*a, *b))
                }
            },
            [] => None,
        };
        if let Some((a, b)) = cut {
            let (s, e) = trim(f, a, b);
            if s < e && f[s..e].chars().count() <= 40 {
                put(&mut meta, src, MetaField::Issuer, s, e);
            }
        }
    }

    // The opening paragraphs: who inspected whom, when, and when the feedback came.
    let intro_lo = title_end;
    let intro_hi = ceil_char_boundary(f, intro_lo.saturating_add(INTRO_WINDOW).min(closing_start)).max(intro_lo);
    // Up to the second part (`二、反馈问题整改情况`): dates in the problems' own text (meetings,
    // deadlines) are not the inspection's.
    let intro_hi = second_part(&f[intro_lo..intro_hi]).map_or(intro_hi, |p| intro_lo + p);
    let intro = &f[intro_lo..intro_hi];
    let intro_dates = dates::find_dates(intro);
    let intro_ranges = dates::find_ranges(intro, &intro_dates);

    let body_at = inspection_body(intro)
        .map(|(a, b)| (a + intro_lo, b + intro_lo))
        .or_else(|| title.as_ref()?.iter().find_map(|&(a, b)| inspection_body(&f[a..b]).map(|(s, e)| (s + a, e + a))));
    if let Some((a, b)) = body_at {
        put(&mut meta, src, MetaField::InspectionBody, a, b);
    }
    if let Some((a, b)) = inspected_unit(intro) {
        put(&mut meta, src, MetaField::InspectedUnit, a + intro_lo, b + intro_lo);
    }

    let mut inspection_end_parts: Option<DateParts> = None;
    if let Some(r) = inspection_range(intro, &intro_ranges) {
        let year = r.start.parts.year.or_else(|| dates::year_before(intro, r.start.start, 2000)).or(signed_year);
        let (start, end) = complete_range(&r, year);
        inspection_end_parts = Some(end);
        put_date(
            &mut meta,
            src,
            MetaField::InspectionStart,
            start.iso(),
            r.start.start + intro_lo,
            r.start.end + intro_lo,
        );
        put_date(&mut meta, src, MetaField::InspectionEnd, end.iso(), r.end.start + intro_lo, r.end.end + intro_lo);
    } else if let Some(hit) = entry_date(intro, &intro_dates) {
        // "2023年4月10日，市委第五巡察组进驻…" gives the start only.
        let year = hit.parts.year.or_else(|| dates::year_before(intro, hit.start, 2000)).or(signed_year);
        put_date(
            &mut meta,
            src,
            MetaField::InspectionStart,
            hit.parts.iso_with_year(year),
            hit.start + intro_lo,
            hit.end + intro_lo,
        );
        // "…进驻，6月28日结束": the day the inspectors left.
        if let Some(exit) = exit_date(intro, &intro_dates, &hit) {
            let year = exit.parts.year.or(year);
            inspection_end_parts = Some(DateParts { year, ..exit.parts });
            put_date(
                &mut meta,
                src,
                MetaField::InspectionEnd,
                exit.parts.iso_with_year(year),
                exit.start + intro_lo,
                exit.end + intro_lo,
            );
        }
    }

    if let Some(hit) = feedback_date(intro, &intro_dates, &intro_ranges) {
        let year = hit
            .parts
            .year
            .or_else(|| {
                // A bare 8月15日 follows the inspection: the year it ended, or the next one if the
                // month comes before the month it ended.
                let end = inspection_end_parts?;
                let (y, m) = (end.year?, end.month?);
                if hit.parts.month? < m {
                    y.checked_add(1)
                } else {
                    Some(y)
                }
            })
            .or_else(|| dates::year_before(intro, hit.start, 2000))
            .or(signed_year);
        put_date(
            &mut meta,
            src,
            MetaField::FeedbackDate,
            hit.parts.iso_with_year(year),
            hit.start + intro_lo,
            hit.end + intro_lo,
        );
    }

    // Contacts and the publicity period: the first and last parts of the notice.
    let windows = contact_windows(f);
    for &(lo, hi) in &windows {
        let w = &f[lo..hi];
        if meta.publicity_start.is_none() && meta.publicity_end.is_none() {
            // Not a page's 公开日期 row.
            if let Some((start, end)) = publicity(w).filter(|(d, _)| !layout.in_furniture(d.start + lo, d.end + lo)) {
                let ctx = |h: &DateHit| h.parts.year.or_else(|| dates::year_before(w, h.start, 2000)).or(signed_year);
                let (start_parts, end_parts) = match end {
                    Some(e) => {
                        let r = RangeHit { start, end: e };
                        let (s, e) = complete_range(&r, ctx(&start));
                        (s, Some(e))
                    }
                    None => (DateParts { year: ctx(&start), ..start.parts }, None),
                };
                put_date(
                    &mut meta,
                    src,
                    MetaField::PublicityStart,
                    start_parts.iso(),
                    start.start + lo,
                    start.end + lo,
                );
                if let Some(e) = end {
                    put_date(
                        &mut meta,
                        src,
                        MetaField::PublicityEnd,
                        end_parts.and_then(|p| p.iso()),
                        e.start + lo,
                        e.end + lo,
                    );
                }
            }
        }
        for (a, b) in phones(w) {
            // As digits, the area code joined by `-`: `（0571）87654321` → `0571-87654321`.
            let value = phone_value(&src.folded[a + lo..b + lo]);
            push_unique(&mut meta, src, MetaField::Phones, &value, a + lo, b + lo);
        }
        for (a, b) in emails(w) {
            push_unique(&mut meta, src, MetaField::Emails, src.original_text(a + lo, b + lo).trim(), a + lo, b + lo);
        }
        for (a, b) in postcodes(w) {
            let value = src.original_text(a + lo, b + lo).trim();
            push_unique(&mut meta, src, MetaField::Postcodes, value, a + lo, b + lo);
        }
        if meta.address.is_none() {
            if let Some((a, b)) = address(w) {
                put(&mut meta, src, MetaField::Address, a + lo, b + lo);
            }
        }
    }

    meta
}

// ---------------------------------------------------------------------------------------------
// Small text helpers (shared with `stated`).

/// `[a, b)` without surrounding whitespace.
pub(crate) fn trim(s: &str, a: usize, b: usize) -> (usize, usize) {
    let t = &s[a..b];
    let start = a + (t.len() - t.trim_start().len());
    let end = start + t.trim().len();
    (start, end)
}

/// The offset just after the last char of `s` matching `pred`, or 0.
pub(crate) fn after_last(s: &str, pred: impl Fn(char) -> bool) -> usize {
    s.char_indices().rev().find(|&(_, c)| pred(c)).map_or(0, |(i, c)| i + c.len_utf8())
}

/// Ends a sentence: `。；！？` and line ends.
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | '！' | '？' | '\n')
}

/// The sentence around `pos` in `s`: from after the previous sentence end to before the next,
/// looking at most [`SENTENCE_REACH`] bytes each way.
pub(crate) fn sentence(s: &str, pos: usize) -> (usize, usize) {
    let pos = floor_char_boundary(s, pos);
    let lo = floor_char_boundary(s, pos.saturating_sub(SENTENCE_REACH));
    let hi = ceil_char_boundary(s, pos.saturating_add(SENTENCE_REACH));
    let start = lo + after_last(&s[lo..pos], is_sentence_end);
    let end = s[pos..hi].find(is_sentence_end).map_or(hi, |i| pos + i);
    (start, end)
}

/// Every start offset of `needle` in `s`.
pub(crate) fn find_all<'s>(s: &'s str, needle: &'s str) -> impl Iterator<Item = usize> + 's {
    let mut from = 0;
    std::iter::from_fn(move || {
        let p = s.get(from..)?.find(needle)? + from;
        from = p + needle.len().max(1);
        Some(p)
    })
}

fn contains_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// Sets a text field to the input under the folded range `[a, b)`, with its span.
fn put(meta: &mut Meta, src: &Source, field: MetaField, a: usize, b: usize) {
    let value = src.original_text(a, b).trim().to_string();
    let Some(slot) = meta.text_mut(field) else { return };
    if value.is_empty() {
        return;
    }
    *slot = Some(value);
    meta.spans.insert(field, vec![src.span(a, b)]);
}

/// Sets a date field, with the span of the date as written; returns whether there was a date.
fn put_date(meta: &mut Meta, src: &Source, field: MetaField, date: Option<String>, a: usize, b: usize) -> bool {
    let (Some(date), Some(slot)) = (date, meta.text_mut(field)) else { return false };
    *slot = Some(date);
    meta.spans.insert(field, vec![src.span(a, b)]);
    true
}

/// Adds a list value (`value`, read from folded `a..b`) unless it is already there; its span is
/// the text as written.
fn push_unique(meta: &mut Meta, src: &Source, field: MetaField, value: &str, a: usize, b: usize) {
    let Some(list) = meta.list_mut(field) else { return };
    if value.is_empty() || list.iter().any(|v| v == value) {
        return;
    }
    list.push(value.to_string());
    meta.spans.entry(field).or_default().push(src.span(a, b));
}

/// A phone number (folded text, [`patterns::PHONE`]) as digits: an area code (`0` and two or
/// three more digits, bracketed or before the first space or dash) joined to the number by `-`;
/// dashes between groups as `-`, spaces inside the number dropped (`0571-6612 3456` →
/// `0571-66123456`, `138 0013 8000` → `13800138000`); an extension (`转801`) kept.
fn phone_value(written: &str) -> String {
    let written = written.trim();
    let mut out = String::with_capacity(written.len());
    // The bracketed area code: `（0571）`.
    let rest = match written.strip_prefix('（').and_then(|r| r.split_once('）')) {
        Some((area, rest)) => {
            out.push_str(area);
            out.push('-');
            rest.trim_start_matches(['-', ' '])
        }
        None => written,
    };
    let mut groups = 0;
    let mut pending: Option<char> = None;
    for c in rest.chars() {
        if c.is_ascii_digit() {
            if let Some(sep) = pending.take() {
                let area_code = groups == 1 && out.starts_with('0') && (3..=4).contains(&out.len());
                match sep {
                    ' ' if area_code => out.push('-'),
                    ' ' => {}
                    '-' | '—' | '–' | '－' => out.push('-'),
                    other => out.push(other),
                }
                groups += 1;
            } else if groups == 0 {
                groups = 1;
            }
            out.push(c);
        } else {
            pending = Some(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Inspection: body, unit, period, feedback.

const INSPECTION_WORDS: &[&str] = &["巡察", "巡视", "审计", "督察", "巡查", "督导", "进驻"];

/// Words that end the phrase before an inspecting body when walking back from it
/// (`根据市委统一部署市委第五巡察组…` → `市委第五巡察组`).
const BODY_STOP: &[&str] = &[
    "部署", "安排", "要求", "统一", "关于", "接受", "配合", "根据", "按照", "依据", "由", "的", "和", "与", "及", "经",
    "对", "向", "是", "年", "月", "日", "号", "起", "期间", "后", "前", "将", "受", "委托",
];

/// Where the second part of the notice starts: `二、` at a line start or after a full stop.
fn second_part(s: &str) -> Option<usize> {
    find_all(s, "二、").find(|&p| {
        let before = s[..p].trim_end_matches(' ');
        before.is_empty() || before.ends_with(['\n', '。'])
    })
}

/// The inspecting body, as first written in full: a group ([`patterns::BODY_GROUP`]: `市委第五巡察组`,
/// `中央第九巡视组`, `市委对村巡察第四组`), else an office ([`patterns::BODY_OFFICE`]: `省审计厅`,
/// `审计署`, `县政府督查室`), else a round ([`patterns::BODY_ROUND`]: `中央生态环境保护督察“回头看”`).
/// The name before the anchor is walked back to the previous punctuation or a word like
/// 部署/安排/由 (`根据县委统一部署，县委第三巡察组于…` → `县委第三巡察组`; `十一届县委第三轮巡察第二巡察组`
/// is kept whole). A bare `巡察组` or `审计局` with nothing before it is skipped. Returns the range in `s`.
fn inspection_body(s: &str) -> Option<(usize, usize)> {
    [&patterns::BODY_GROUP, &patterns::BODY_OFFICE, &patterns::BODY_ROUND].into_iter().find_map(|table| {
        table.find_all(s).find_map(|(name, p, end)| {
            let start = walk_back_name(s, p);
            (start < p || name == "national_audit").then_some((start, end))
        })
    })
}

/// The start of the name that ends at `p`: back over at most 30 characters, stopping at
/// punctuation, digits, spaces or a [`BODY_STOP`] word.
fn walk_back_name(s: &str, p: usize) -> usize {
    let mut start = p;
    let mut n = 0;
    while let Some(c) = s[..start].chars().next_back() {
        if n >= 30
            || c.is_ascii_digit()
            || c.is_whitespace()
            || "，。；：、！？“”‘’《》（）()【】[],;:".contains(c)
            || BODY_STOP.iter().any(|w| s[..start].ends_with(w))
        {
            break;
        }
        start -= c.len_utf8();
        n += 1;
    }
    start
}

/// The inspected unit: `对<X>开展了常规巡察` / `对<X>进行了巡视` / `对<X>党组开展为期两个月的巡察` /
/// `进驻<X>开展巡察`, or `向<X>反馈了巡察意见`. The verb must be followed by an inspection word
/// within the sentence. Returns the range in `s`.
fn inspected_unit(s: &str) -> Option<(usize, usize)> {
    const VERBS: &[&str] = &["开展", "进行", "实施"];
    let mut best: Option<(usize, usize)> = None;
    for marker in ["对", "进驻"] {
        for p in find_all(s, marker) {
            if best.is_some_and(|(a, _)| p >= a) {
                break;
            }
            let from = p + marker.len();
            if marker == "对" {
                let next = s[from..].chars().next();
                let prev = s[..p].chars().next_back();
                if next.is_some_and(|c| "照标于待象接比表口外应此其".contains(c))
                    || prev.is_some_and(|c| "针面核比相绝反应校派".contains(c))
                {
                    continue;
                }
            }
            let window = &s[from..ceil_char_boundary(s, from + 150)];
            let window = &window[..window.find(is_sentence_end).unwrap_or(window.len())];
            let Some((vp, vlen)) = VERBS.iter().filter_map(|v| window.find(v).map(|i| (i, v.len()))).min() else {
                continue;
            };
            let after = &window[vp + vlen..];
            let after = &after[..floor_char_boundary(after, 90)];
            if !contains_any(after, INSPECTION_WORDS) {
                continue;
            }
            let (a, b) = trim(s, from, from + vp);
            let unit = &s[a..b];
            if a < b && unit.chars().count() <= 40 && !unit.contains(['，', '：', '。']) {
                best = Some((a, b));
            }
        }
    }
    if best.is_some() {
        return best;
    }
    // 向<X>反馈了巡察意见 / 向<X>进行了集中反馈
    for p in find_all(s, "向") {
        let from = p + "向".len();
        let reach = ceil_char_boundary(s, from + 120);
        let Some(fp) = s[from..reach].find("反馈") else { continue };
        let mut unit = s[from..from + fp].trim_end();
        for suffix in ["进行了", "进行", "集中", "正式", "作了", "做了", "了"] {
            unit = unit.strip_suffix(suffix).unwrap_or(unit).trim_end();
        }
        if !unit.is_empty() && unit.chars().count() <= 40 && !unit.contains(['，', '：', '。', '；']) {
            return Some(trim(s, from, from + unit.len()));
        }
    }
    None
}

/// The inspection period: the first date range whose sentence names an inspection
/// (巡察/巡视/审计/督察/进驻) and is not a publicity period. `2023年4月10日至6月10日，县委第三巡察组
/// 对…开展了常规巡察`.
fn inspection_range(s: &str, ranges: &[RangeHit]) -> Option<RangeHit> {
    ranges.iter().copied().find(|r| {
        let (a, b) = sentence(s, r.start.start);
        let sent = &s[a..b];
        contains_any(sent, INSPECTION_WORDS) && !contains_any(sent, &["公示", "公开期"])
    })
}

/// A single entry date: `2023年4月10日，市委第五巡察组进驻…` (the sentence has 进驻 and one full
/// date).
fn entry_date(s: &str, ds: &[DateHit]) -> Option<DateHit> {
    let p = s.find("进驻")?;
    let (a, b) = sentence(s, p);
    ds.iter().copied().find(|d| d.start >= a && d.end <= b && d.parts.day.is_some())
}

/// The day the inspectors left, after an entry date in its sentence: `于2024年3月28日进驻，6月28日
/// 结束` / `6月28日撤离`.
fn exit_date(s: &str, ds: &[DateHit], entry: &DateHit) -> Option<DateHit> {
    let (_, b) = sentence(s, entry.start);
    ds.iter().copied().find(|d| {
        d.start > entry.end
            && d.end <= b
            && d.parts.day.is_some()
            && ["结束", "撤离", "离开"].iter().any(|w| s[d.end..].trim_start_matches(['，', ' ']).starts_with(w))
    })
}

/// The feedback date: in the first sentence with 反馈 that has a full date (year optional) that is
/// not part of a range, the last such date before 反馈, else the first after it.
/// `2023年8月15日，巡察组向…反馈了巡察意见` / `…并于7月2日反馈了巡察意见`.
fn feedback_date(s: &str, ds: &[DateHit], ranges: &[RangeHit]) -> Option<DateHit> {
    let in_range = |d: &DateHit| ranges.iter().any(|r| r.start.start == d.start || r.end.start == d.start);
    let mut checked_to = 0;
    let mut anchors: Vec<usize> = find_all(s, "反馈").collect();
    anchors.sort_unstable();
    for p in anchors {
        if p < checked_to {
            continue;
        }
        let (a, b) = sentence(s, p);
        checked_to = b;
        let cands: Vec<&DateHit> =
            ds.iter().filter(|d| d.start >= a && d.end <= b && d.parts.day.is_some() && !in_range(d)).collect();
        if let Some(d) = cands.iter().rev().find(|d| d.end <= p).or_else(|| cands.iter().find(|d| d.start >= p)) {
            return Some(**d);
        }
    }
    None
}

/// Completes a range with a context year when the start has none.
fn complete_range(r: &RangeHit, year: Option<u32>) -> (DateParts, DateParts) {
    let mut start = r.start.parts;
    let mut end = r.end.parts;
    if start.year.is_none() {
        start.year = year;
    }
    if end.year.is_none() {
        if let (Some(y), Some(sm), Some(em)) = (start.year, start.month, end.month) {
            end.year = if em < sm { y.checked_add(1) } else { Some(y) };
        }
    }
    (start, end)
}

// ---------------------------------------------------------------------------------------------
// Contacts and publicity.

fn contact_windows(f: &str) -> Vec<(usize, usize)> {
    if f.len() <= CONTACT_HEAD + CONTACT_TAIL {
        return vec![(0, f.len())];
    }
    vec![(0, ceil_char_boundary(f, CONTACT_HEAD)), (floor_char_boundary(f, f.len() - CONTACT_TAIL), f.len())]
}

/// The publicity period: the first sentence with 公示/公开 that also says 期/时间/日期/工作日/天/起
/// and has a full date: `公示时间：2024年1月1日至1月7日` (start and end), `公示期为5个工作日
/// （2024年1月1日—1月7日）`, `自2024年1月1日起公示5个工作日` (start only: an end counted in days is
/// not computed).
fn publicity(w: &str) -> Option<(DateHit, Option<DateHit>)> {
    let mut anchors: Vec<usize> = find_all(w, "公示").chain(find_all(w, "公开")).collect();
    anchors.sort_unstable();
    let mut checked_to = 0;
    for p in anchors {
        if p < checked_to {
            continue;
        }
        let (a, b) = sentence(w, p);
        checked_to = b;
        let sent = &w[a..b];
        if !contains_any(sent, &["期", "时间", "日期", "工作日", "天", "起"])
            || contains_any(sent, &["巡察组", "巡视组"])
        {
            continue;
        }
        let ds = dates::find_dates(sent);
        let rs = dates::find_ranges(sent, &ds);
        let shift = |d: DateHit| DateHit { start: d.start + a, end: d.end + a, ..d };
        if let Some(r) = rs.iter().find(|r| r.start.parts.day.is_some()) {
            return Some((shift(r.start), Some(shift(r.end))));
        }
        if let Some(d) = ds.iter().find(|d| d.parts.day.is_some()) {
            return Some((shift(*d), None));
        }
    }
    None
}

/// Skips `：` `为` `是` spaces and notes like `（传真）` after a contact keyword
/// ([`patterns::CONTACT_LEAD`]).
fn skip_contact_lead(s: &str, mut i: usize) -> usize {
    while let Some(n) = patterns::CONTACT_LEAD.prefix_len(&s[i..]).filter(|&n| n > 0) {
        i += n;
    }
    i
}

/// A bracketed note with no digits (`（传真）`; `（工作日9:00前）` is not one): its length.
fn paren_note(s: &str) -> Option<usize> {
    let c = patterns::CONTACT_LEAD.at_start().captures(s)?;
    Some(c.name("note")?.end())
}

/// The length of a phone number at the start of `s` ([`patterns::PHONE`]): `0571-12345678`,
/// `（0571）12345678`, `0571 12345678`, `12388`, `0571-1234567转801`; 5 to 16 digits in all.
fn phone_at(s: &str) -> Option<usize> {
    let n = patterns::PHONE.prefix_len(s)?;
    let digits = s[..n].bytes().filter(u8::is_ascii_digit).count();
    (5..=16).contains(&digits).then_some(n)
}

/// Phone numbers after 电话 / 热线 / 手机 (`联系电话：0571-12345678`, `举报电话：12388`,
/// `监督电话：0571-1234567、13800138000或12388`), in order. Ranges in `w`.
fn phones(w: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut done_to = 0;
    for (_, _, anchor_end) in patterns::PHONE_ANCHOR.find_all(w) {
        if anchor_end < done_to {
            continue;
        }
        let mut i = skip_contact_lead(w, anchor_end);
        while let Some(len) = phone_at(&w[i..]) {
            out.push((i, i + len));
            i += len;
            done_to = i;
            if let Some(n) = paren_note(&w[i..]) {
                i += n;
            }
            match patterns::PHONE_LIST.prefix_len(&w[i..]) {
                Some(n) => i = skip_contact_lead(w, i + n),
                None => break,
            }
        }
    }
    out
}

/// Email addresses (`abc@example.cn`, [`patterns::EMAIL`]), in order. Ranges in `w`.
fn emails(w: &str) -> Vec<(usize, usize)> {
    // No `@`, no address: skip the regex scan of the whole window.
    if memchr::memchr(b'@', w.as_bytes()).is_none() {
        return Vec::new();
    }
    patterns::EMAIL.regex().find_iter(w).map(|m| (m.start(), m.end())).collect()
}

/// Postcodes: six digits after 邮编 / 邮政编码 (`邮政编码：311000`, `（邮编311000）`,
/// [`patterns::POSTCODE`]), not the start of a longer number.
fn postcodes(w: &str) -> Vec<(usize, usize)> {
    patterns::POSTCODE
        .captures_all(w)
        .into_iter()
        .filter_map(|(offset, c)| c.name("code").map(|m| (offset + m.start(), offset + m.end())))
        .filter(|&(_, end)| !w[end..].starts_with(|c: char| c.is_ascii_digit()))
        .collect()
}

/// The postal address after 地址：(通信地址/通讯地址/邮寄地址/来信地址/联系地址), else 邮政信箱：,
/// else 来信请寄: up to `；。，` or the line end, a `（邮编…` or another contact keyword.
/// `通信地址：某某市某某路1号（邮编：310000）` → `某某市某某路1号`.
fn address(w: &str) -> Option<(usize, usize)> {
    for k in ["地址", "邮政信箱", "来信请寄", "信件请寄", "来信寄至"] {
        for p in find_all(w, k) {
            let mut i = p + k.len();
            i += w[i..].len() - w[i..].trim_start_matches(' ').len();
            if k.ends_with("地址") || k == "邮政信箱" {
                if w[i..].starts_with('：') {
                    i += '：'.len_utf8();
                } else if w[i..].starts_with('为') {
                    i += '为'.len_utf8();
                } else {
                    continue;
                }
            } else if w[i..].starts_with('：') {
                i += '：'.len_utf8();
            }
            let hi = ceil_char_boundary(w, i + 300);
            let rest = &w[i..hi];
            let mut end = rest.find(['；', '。', '，', '\n']).unwrap_or(rest.len());
            for stop in ["（邮编", "（邮政编码", "邮编", "邮政编码", "联系电话", "电话", "电子邮箱", "邮箱"]
            {
                if let Some(q) = rest[..end].find(stop) {
                    end = q;
                }
            }
            let (a, b) = trim(w, i, i + end);
            if a < b && w[a..b].chars().any(|c| !c.is_ascii_digit()) {
                return Some((a, b));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_forms() {
        for (s, want) in [
            ("0571-12345678；", "0571-12345678"),
            ("0571—12345678。", "0571—12345678"),
            ("（0571）12345678", "（0571）12345678"),
            ("0571 12345678", "0571 12345678"),
            ("0571-6612 3456。", "0571-6612 3456"),
            ("12388 2023年", "12388"),
            ("13800138000", "13800138000"),
            ("12388，", "12388"),
            ("0571-1234567转801", "0571-1234567转801"),
        ] {
            assert_eq!(phone_at(s).map(|n| &s[..n]), Some(want), "{s}");
        }
        for (s, want) in [
            ("0571-12345678", "0571-12345678"),
            ("0571—12345678", "0571-12345678"),
            ("（0571）12345678", "0571-12345678"),
            ("（0571）-12345678", "0571-12345678"),
            ("0571 12345678", "0571-12345678"),
            ("0571-6612 3456", "0571-66123456"),
            ("138 0013 8000", "13800138000"),
            ("12388", "12388"),
            ("0571-1234567转801", "0571-1234567转801"),
            ("400-123-4567", "400-123-4567"),
        ] {
            assert_eq!(phone_value(s), want, "{s}");
        }
        assert_eq!(phone_at("1234"), None);
        assert_eq!(phone_at("（工作日）"), None);
    }

    #[test]
    fn sentences_and_helpers() {
        let s = "甲。乙丙；丁";
        let p = s.find('丙').unwrap();
        assert_eq!(&s[sentence(s, p).0..sentence(s, p).1], "乙丙");
        assert_eq!(find_all("ababa", "aba").collect::<Vec<_>>(), vec![0]);
    }

    #[test]
    fn inspection_bodies() {
        let body = |s: &str| inspection_body(s).map(|(a, b)| s[a..b].to_string());
        // A group before an office; the name walked back to punctuation or a stop word.
        assert_eq!(body("根据市委统一部署，市委第五巡察组于4月进驻，市审计局配合").as_deref(), Some("市委第五巡察组"));
        assert_eq!(body("2024年9月至12月，市委对村巡察第四组对某村开展巡察").as_deref(), Some("市委对村巡察第四组"));
        // An office when no group is named.
        assert_eq!(body("受省政府委托，省审计厅厅长作了报告").as_deref(), Some("省审计厅"));
        assert_eq!(body("现将县审计局审计发现问题的整改情况公告如下").as_deref(), Some("县审计局"));
        assert_eq!(body("审计署进一步巩固整改机制").as_deref(), Some("审计署"));
        assert_eq!(body("近期，县政府督查室开展了专项督查").as_deref(), Some("县政府督查室"));
        // A round when nothing else is named; a bare 巡察组 is not a name.
        assert_eq!(body("针对中央生态环境保护督察“回头看”反馈意见").as_deref(), Some("中央生态环境保护督察“回头看”"));
        assert_eq!(body("巡察组指出的问题"), None);
    }
}
