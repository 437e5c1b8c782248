//! The totals a notice states about itself: "巡察反馈的3个方面18个问题，已完成整改17个，正在整改1个，
//! 整改完成率94.4%。共制定整改措施56条，已完成52条，建立完善制度12项。"
//!
//! One pass over the first [`REGION`] bytes of the folded text finds every number (digits, or a
//! Chinese numeral followed by a classifier: `十八个`, `两个`, `三大方面`) and reads what stands
//! right before and after it. Each field takes its first occurrence. The rules, each with the
//! text it handles:
//!
//! | field | forms |
//! |---|---|
//! | `aspects` | `3个方面` `三大方面` `4方面` `3个大方面` `2大类` — in a sentence about the feedback (反馈/巡察/问题/…) |
//! | `problems` | `18个问题` `18个具体问题` `18项问题` `18项巡察反馈问题` `问题18个` `问题共计18个` `问题清单18项` — not `共性问题5个` / `其中…` / `剩余…` sub-counts |
//! | `problems_done` | `已完成整改17个` `已整改完成17个` `已完成17个` `完成整改17项` `整改到位17个` `已销号17个` `已落实17个` `17个已完成整改` `已完成整改的问题17个` |
//! | `problems_in_progress` | `正在整改1个` `正在推进整改1个` `持续推进1个` `基本完成1个` `需长期坚持的1个` `阶段性完成1个` `整改中1个` |
//! | `problems_not_done` | `未完成1个` `尚未完成1个` `暂未完成1个` `未整改1个` `未销号1个` `1个问题因客观原因暂未完成` |
//! | `measures` | `制定整改措施56条` `整改措施共56条` `56项整改措施` `56条具体措施` |
//! | `measures_done` | `已完成52条` / `已落实52项` when the sentence last spoke of 措施 rather than 问题 (unless counted in the problems' classifier, not the measures': `问题15个，措施48条，已完成整改13个` → problems); `56项整改措施已全部落实` |
//! | `rules` | `建立完善制度12项` `制定（修订）制度12个` `12项规章制度` `建章立制12项` `建立健全长效机制12项` `新建制度5项，修订制度7项` (→ 12) |
//! | `completion_rate` | `整改完成率94.4%` `完成率达94.4%` `整改率94.4%` `销号率100%` |
//!
//! Choices: 基本完成 (basically done), 持续推进 and 长期坚持 (long-term) count as in progress, as
//! the problem is not closed. When new and revised rules are stated separately (`新建制度5项，
//! 修订制度7项`) the rules figure is their sum; `新建和修订制度12项` is 12. `18个问题已全部整改完成`
//! states both the total and the done count. A number after `第` is an ordinal, and numbers
//! followed by 月/工作日/人/次/名… are not counts.

use super::meta::{after_last, ceil_char_boundary, floor_char_boundary, is_sentence_end};
use super::numerals::{chinese_digit, is_chinese_numeral, leading_chinese};
use super::text::Source;
use super::{patterns, vocab};
use crate::model::{Stated, StatedField as Field, Status};

/// The statements are in the opening paragraphs or in section 二; a real notice has them in its
/// first few KB. Bounding the scan keeps the cost flat on very long input.
pub const REGION: usize = 64 * 1024;

/// Reads the stated totals from the folded text.
pub fn extract_stated(src: &Source) -> Stated {
    extract_stated_from(src, 0)
}

/// Reads the stated totals from folded offset `from` on (the title's end: what a page puts
/// before the title, such as a table of contents with per-section counts, is not the notice's).
pub fn extract_stated_from(src: &Source, from: usize) -> Stated {
    let f = src.folded.as_str();
    let from = floor_char_boundary(f, from);
    let r = &f[..ceil_char_boundary(f, from.saturating_add(REGION))];
    let notice_year = notice_year(&r[from..]);
    let mut reader = Reader { r, found: Found::default(), pending_new_rules: None, after_aspects: None, notice_year };
    let mut prev_end = from;
    for tok in
        Tokens::new(&r[from..]).map(|t| Token { start: t.start + from, end: t.end + from, after: t.after + from, ..t })
    {
        let bound = prev_end;
        prev_end = tok.after;
        if reader.found.complete() {
            break;
        }
        reader.read(&tok, bound);
    }
    let mut stated = Stated::default();
    for (field, value, a, b) in reader.found.hits {
        stated.spans.insert(field, src.span(a, b));
        match field {
            Field::Aspects => stated.aspects = Some(value as u32),
            Field::Problems => stated.problems = Some(value as u32),
            Field::ProblemsDone => stated.problems_done = Some(value as u32),
            Field::ProblemsInProgress => stated.problems_in_progress = Some(value as u32),
            Field::ProblemsNotDone => stated.problems_not_done = Some(value as u32),
            Field::Measures => stated.measures = Some(value as u32),
            Field::MeasuresDone => stated.measures_done = Some(value as u32),
            Field::Rules => stated.rules = Some(value as u32),
            Field::CompletionRate => stated.completion_rate = Some(value),
        }
    }
    stated
}

#[derive(Default)]
struct Found {
    /// `(field, value, folded start, folded end)`, one per field.
    hits: Vec<(Field, f64, usize, usize)>,
}

impl Found {
    fn has(&self, f: Field) -> bool {
        self.hits.iter().any(|h| h.0 == f)
    }
    fn set(&mut self, f: Field, v: f64, a: usize, b: usize) -> bool {
        if self.has(f) {
            return false;
        }
        self.hits.push((f, v, a, b));
        true
    }
    fn complete(&self) -> bool {
        self.hits.len() == 9
    }
}

/// A number in the text.
#[derive(Clone, Copy, Debug)]
struct Token {
    /// Integer value (the integer part of a decimal).
    value: u32,
    /// The value with its decimals (`94.4`).
    exact: f64,
    start: usize,
    /// End of the number.
    end: usize,
    /// End of the number and its classifier (个/项/条/…/%), if any.
    after: usize,
    /// The classifier right after the number.
    classifier: Option<&'static str>,
}

/// The classifier right after a number: 个 项 条 件 处 类 大 % 方面.
fn classifier(s: &str) -> Option<&'static str> {
    Some(match s.chars().next()? {
        '个' => "个",
        '项' => "项",
        '条' => "条",
        '件' => "件",
        '处' => "处",
        '类' => "类",
        '大' => "大",
        '%' => "%",
        '方' if s.starts_with("方面") => "方面",
        _ => return None,
    })
}

/// Numbers in order: every run of ASCII digits (with decimals), and Chinese numerals that are
/// followed by a classifier (`十八个`, `两项`, `三大`) — a bare `一` as in `统一`/`一是` is not one.
struct Tokens<'a> {
    s: &'a str,
    at: usize,
    prev: Option<char>,
}

impl<'a> Tokens<'a> {
    fn new(s: &'a str) -> Self {
        Tokens { s, at: 0, prev: None }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;
    fn next(&mut self) -> Option<Token> {
        let s = self.s;
        let b = s.as_bytes();
        while self.at < s.len() {
            let i = self.at;
            let prev = self.prev;
            let c = s[i..].chars().next()?;
            self.prev = Some(c);
            self.at = i + c.len_utf8();
            if c.is_ascii_digit() && !prev.is_some_and(|p| p.is_ascii_digit() || p == '.') {
                let mut j = i;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                let int_end = j;
                if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
                    j += 1;
                    while j < b.len() && b[j].is_ascii_digit() {
                        j += 1;
                    }
                }
                self.at = j;
                self.prev = Some(b[j - 1] as char);
                let value = if int_end - i <= 9 { s[i..int_end].parse().unwrap_or(u32::MAX) } else { u32::MAX };
                let exact = if j > int_end { decimal_value(&s[i..j]) } else { value as f64 };
                let cl = classifier(&s[j..]);
                let after = j + cl.map_or(0, str::len);
                return Some(Token { value, exact, start: i, end: j, after, classifier: cl });
            }
            if (chinese_digit(c).is_some() || c == '十') && !prev.is_some_and(is_chinese_numeral) {
                // The numeral run, then its classifier; only then its value.
                let run: usize = s[i..].chars().take_while(|&c| is_chinese_numeral(c)).map(char::len_utf8).sum();
                let Some(cl) = classifier(&s[i + run..]).filter(|&c| c != "%") else { continue };
                if let Some((v, len)) = leading_chinese(&s[i..]).filter(|&(_, len)| len == run) {
                    self.at = i + len;
                    self.prev = s[..i + len].chars().next_back();
                    let after = i + len + cl.len();
                    return Some(Token {
                        value: v,
                        exact: v as f64,
                        start: i,
                        end: i + len,
                        after,
                        classifier: Some(cl),
                    });
                }
            }
        }
        None
    }
}

/// Ends a clause for the words before a number.
fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | '：' | '、' | '（' | '）')
}

/// The status a clause states about a count: the words of [`vocab`] (the parser's one table of
/// status words), else a bare verb of completion governing the count ([`patterns::DONE_VERB_BEFORE`]:
/// `完成整改17项`, `已落实17个`). Returns the status and where its words start in `s`.
fn status_at(s: &str, verbs: &patterns::Table) -> Option<(Field, usize)> {
    // Most clauses before a number hold no status word: ask vocab only when one could start here.
    static LEADS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
        let tables =
            [vocab::NOT_DONE, vocab::IN_PROGRESS, vocab::DONE, vocab::WEAK_IN_PROGRESS, vocab::NOT_DONE_UNLESS_DONE];
        let mut leads: Vec<char> = tables.iter().flat_map(|t| t.iter().filter_map(|p| p.chars().next())).collect();
        leads.sort_unstable();
        leads.dedup();
        leads
    });
    let status = if s.chars().any(|c| LEADS.binary_search(&c).is_ok()) { vocab::status_of_text(s) } else { None };
    if let Some((st, (a, _))) = status {
        let field = match st {
            Status::Done => Field::ProblemsDone,
            Status::InProgress => Field::ProblemsInProgress,
            Status::NotDone => Field::ProblemsNotDone,
            Status::Unknown => return None,
        };
        return Some((field, a));
    }
    verbs.regex().find(s).map(|m| (Field::ProblemsDone, m.start()))
}

/// The status of the clause before a count.
fn status_in(s: &str) -> Option<Field> {
    status_at(s, &patterns::DONE_VERB_BEFORE).map(|(f, _)| f)
}

/// A status phrase right after a count: `17个已完成整改`, `1个正在整改`, `18个问题均已整改完成`.
/// Returns the status, whether it says all (`全部`/`均`/`都`), and the phrase's end.
fn status_after(r: &str, at: usize) -> Option<(Field, bool, usize)> {
    let rest = &r[at..ceil_char_boundary(r, at + 120)];
    let clause = rest.find(is_clause_end).unwrap_or(rest.len());
    let clause = &rest[..clause];
    let head = &clause[..floor_char_boundary(clause, 30)];
    let mut h = head;
    let mut all = false;
    for w in ["均", "都", "已经全部", "已全部", "全部"] {
        if let Some(x) = h.strip_prefix(w) {
            h = x;
            all = true;
        }
    }
    // The status words must open the phrase (`17个已完成整改`, `1个正在整改`, `1个需长期坚持`).
    let (st, p) = status_at(h, &patterns::DONE_VERB_AFTER)?;
    let lead = h[..p].trim_start_matches(['需', '要', '已', '经']);
    // …or follow a short cause: `2个问题因客观原因暂未完成`.
    let cause = ["因", "由于", "受"].iter().any(|w| lead.starts_with(w)) && lead.chars().count() <= 10;
    if !lead.is_empty() && !cause {
        return None;
    }
    // "18个问题已完成整改17个": the status belongs to the number after it.
    if has_count(clause) {
        return None;
    }
    Some((st, all, at + clause.len()))
}

/// Whether `s` holds a count (a digit, or a Chinese numeral before a classifier).
fn has_count(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
        || s.char_indices().any(|(i, c)| {
            chinese_digit(c).is_some()
                && leading_chinese(&s[i..]).is_some_and(|(_, l)| classifier(&s[i + l..]).is_some())
        })
}

/// Drops words between a noun and its count: `整改措施共56条`, `问题共计18个`, `制度有12项`.
fn strip_fillers(mut p: &str) -> &str {
    const FILLERS: &[&str] = &[
        "共计", "合计", "总计", "累计", "一共", "共有", "共", "计", "有", "达到", "达", "为", "是", "数量", "总数",
        "数", "分别", "约",
    ];
    loop {
        let before = p.len();
        p = p.trim_end();
        if let Some(w) = FILLERS.iter().find(|w| p.ends_with(**w)) {
            p = &p[..p.len() - w.len()];
        }
        if p.len() == before {
            return p;
        }
    }
}

/// After a count, the words that make it a time, a person count or an ordinal's neighbour.
const NOT_COUNTED: &[&str] =
    &["月", "工作日", "小时", "星期", "季度", "百分点", "人", "年", "天", "次", "批", "名", "单位", "部门", "轮"];

fn ends_with_problems(p: &str) -> bool {
    let p = p.strip_suffix("清单").unwrap_or(p);
    p.ends_with("问题")
        && !p.ends_with("性问题")
        && !p.ends_with("类问题")
        && !p.ends_with("立改问题")
        && !p.ends_with("即改问题")
}

fn is_subcount(p: &str) -> bool {
    ["其中", "个性", "共性", "剩余", "余下", "另有", "还有", "立行立改", "即知即改"].iter().any(|w| p.contains(w))
}

fn is_rules_prefix(p: &str) -> bool {
    if p.ends_with("制度") || p.ends_with("建章立制") || p.ends_with("长效机制") {
        return true;
    }
    let tail = &p[floor_char_boundary(p, p.len().saturating_sub(18))..];
    tail.contains("制度") && ["机制", "文件", "成果", "规定", "办法", "清单"].iter().any(|w| p.ends_with(w))
}

/// What the sentence before `at` last spoke of: measures (措施/举措), rules (制度), other things
/// (事项/任务: `确定事项22件，已办结6件` counts tasks, not problems) or problems.
#[derive(PartialEq)]
enum Topic {
    Problems,
    Measures,
    Rules,
    Other,
}

fn topic_before(r: &str, at: usize) -> Topic {
    let lo = floor_char_boundary(r, at.saturating_sub(600));
    let s = &r[lo..at];
    // Back to the sentence's start; a `；` only separates its parts (`已办结6件；正在办理16件`).
    let s = &s[after_last(s, |c| is_sentence_end(c) && c != '；')..];
    let last = |ws: &[&str]| ws.iter().filter_map(|w| s.rfind(w)).max();
    let problems = last(&["问题"]);
    let measures = last(&["措施", "举措"]);
    let rules = last(&["制度"]);
    let other = last(&["事项", "任务"]);
    if other > problems && other > measures && other > rules {
        Topic::Other
    } else if measures > problems && measures >= rules {
        Topic::Measures
    } else if rules > problems && rules > measures {
        Topic::Rules
    } else {
        Topic::Problems
    }
}

/// Whether a bare status count after a sentence that spoke last of measures counts problems all
/// the same, by its classifier: in `认领问题15个，制定整改措施48条，已完成整改13个` the 13 is counted
/// in 个 as the problems were, not in 条 as the measures were (or when the measures have no count:
/// `对照反馈的18个问题，逐项制定整改措施，已整改完成15个`).
fn counted_like_problems(r: &str, tok: &Token) -> bool {
    let lo = floor_char_boundary(r, tok.start.saturating_sub(600));
    let s = &r[lo..tok.start];
    let s = &s[after_last(s, |c| is_sentence_end(c) && c != '；')..];
    let (Some(own), Some(problems)) = (tok.classifier.and_then(|c| c.chars().next()), count_classifier(s, &["问题"]))
    else {
        return false;
    };
    // Measures named without a count (`逐项制定整改措施`) do not claim it either.
    own == problems && count_classifier(s, &["措施", "举措"]) != Some(own)
}

/// The classifier of the count written next to the last of `nouns` in `s`: `问题15个`,
/// `48条整改措施`, `整改措施共48条`.
fn count_classifier(s: &str, nouns: &[&str]) -> Option<char> {
    let (at, noun) = nouns.iter().filter_map(|w| s.rfind(w).map(|i| (i, *w))).max()?;
    let counted = |t: &str| {
        let mut prev: Option<char> = None;
        t.chars().find(|&c| {
            let hit = "个项条件".contains(c) && prev.is_some_and(|p| p.is_ascii_digit() || is_chinese_numeral(p));
            prev = Some(c);
            hit
        })
    };
    let after = &s[at + noun.len()..];
    let after = &after[..ceil_char_boundary(after, 15)];
    let before = &s[floor_char_boundary(s, at.saturating_sub(15))..at];
    counted(after).or_else(|| counted(before))
}

/// The end of a noun after a count: classifier, up to two filler words, then one of `nouns`.
fn noun_after(r: &str, tok: &Token, classifiers: &[&str], fillers: &[&str], nouns: &[&str]) -> Option<usize> {
    let cl = tok.classifier?;
    if !classifiers.contains(&cl) {
        return None;
    }
    let mut k = tok.after;
    for _ in 0..2 {
        if let Some(w) = fillers.iter().find(|w| r[k..].starts_with(**w)) {
            k += w.len();
        }
    }
    nouns.iter().find(|n| r[k..].starts_with(**n)).map(|n| k + n.len())
}

struct Reader<'a> {
    r: &'a str,
    found: Found,
    /// After `新建制度5项`: the end of its sentence, where a `修订制度7项` would be added.
    pending_new_rules: Option<usize>,
    /// After an aspects count (`问题共计3大类`): where its noun ends, and the words before it, which
    /// a count right after (`12个`) shares: `问题共计3大类12个` → 12 problems.
    after_aspects: Option<(usize, usize, usize)>,
    /// The year whose work the notice reports on (`2017年度`), if it says.
    notice_year: Option<u32>,
}

impl Reader<'_> {
    fn read(&mut self, tok: &Token, bound: usize) {
        let link = self.after_aspects.take().filter(|&(end, _, _)| end == tok.start);
        let (r, found, pending_new_rules) = (self.r, &mut self.found, &mut self.pending_new_rules);
        if let Some(e) = read_token(r, tok, bound, link, found, pending_new_rules, self.notice_year) {
            self.after_aspects = Some(e);
        }
    }
}

/// Reads one number; returns `(noun end, prefix start, number start)` when it was an aspects count.
fn read_token(
    r: &str,
    tok: &Token,
    bound: usize,
    link: Option<(usize, usize, usize)>,
    found: &mut Found,
    pending_new_rules: &mut Option<usize>,
    notice_year: Option<u32>,
) -> Option<(usize, usize, usize)> {
    let cl = tok.classifier?;
    // The words before the number, back to the previous number or clause punctuation; right after
    // an aspects count, the words before that count.
    let (prefix, prefix_at) = match link {
        Some((_, a, b)) => (&r[a..b], a),
        None => {
            let lo = floor_char_boundary(r, tok.start.saturating_sub(120)).max(bound);
            let before = &r[lo..tok.start];
            let prefix = &before[after_last(before, is_clause_end)..];
            (prefix, tok.start - prefix.len())
        }
    };
    // An ordinal (`第3个`), a name in quotes (`“两个维护”`), a slogan's series (`解决一个、销号一个`,
    // `一件一件落实`): not counts.
    if prefix.trim_end().ends_with(['第', '“']) || tok.value == u32::MAX || in_series(r, tok) {
        return None;
    }
    if other_round(clause_before(r, tok.start), notice_year) {
        return None;
    }
    let v = tok.value as f64;

    if cl == "%" {
        const RATE: &[&str] = &["完成率", "整改率", "销号率", "办结率", "完成比例", "落实率", "完成进度"];
        if RATE.iter().any(|w| prefix.contains(w)) && tok.exact.is_finite() {
            found.set(Field::CompletionRate, tok.exact, prefix_at, tok.after);
        }
        return None;
    }

    // Rules stated as new and revised separately: 新建制度5项，修订制度7项 → 12.
    if let Some(sentence_end) = *pending_new_rules {
        if tok.start < sentence_end && ["修订", "修改", "完善"].iter().any(|w| prefix.contains(w)) {
            if let Some(h) = found.hits.iter_mut().find(|h| h.0 == Field::Rules) {
                h.1 += v;
                h.3 = tok.after;
            }
            *pending_new_rules = None;
            return None;
        }
        if tok.start >= sentence_end {
            *pending_new_rules = None;
        }
    }

    // 3个方面 / 三大方面 / 4方面
    let aspect_end = patterns::ASPECTS.prefix_len(&r[tok.end..]).map(|n| tok.end + n);
    if let Some(e) = aspect_end {
        // Aspects of the feedback: the clause before says so (`巡察反馈的3个方面`, `问题共计3大类`),
        // or problems follow (`3个方面的问题`, `3个方面18个问题`) — not the parts of a plan
        // (`明确责任人、整改时限5个方面`).
        const ABOUT: &[&str] = &["反馈", "巡察", "巡视", "审计", "督察", "指出", "涉及", "问题", "意见"];
        let after = &r[e..ceil_char_boundary(r, e + 30)];
        let problems_follow = after.trim_start_matches(['的', '共', '计']).starts_with("问题") || has_count(after);
        if ABOUT.iter().any(|w| clause_before(r, tok.start).contains(w)) || problems_follow {
            found.set(Field::Aspects, v, tok.start, e);
        }
        return Some((e, prefix_at, tok.start));
    }

    let status = status_in(prefix);

    // 18个问题 / 18个具体问题 / 31项巡察反馈问题 / 已完成整改17个问题 / 18个问题已全部整改完成
    let count_cls = ["个", "项", "条", "件", "处"];
    let problem_fill = ["具体", "突出", "主要", "方面", "方面的", "大", "巡察", "巡视", "审计", "反馈", "反馈的"];
    if let Some(e) = noun_after(r, tok, &count_cls, &problem_fill, &["问题"]) {
        if let Some(st) = status {
            set_status(found, r, st, v, (prefix_at, e), prefix);
        } else if let Some((st, all, se)) = status_after(r, e) {
            set_status(found, r, st, v, (tok.start, se), prefix);
            if all {
                found.set(Field::Problems, v, tok.start, e);
            }
        } else if !is_subcount(prefix) && found.set(Field::Problems, v, tok.start, e) {
            if let Some(se) = all_done_after(r, e) {
                found.set(Field::ProblemsDone, v, tok.start, se);
            }
        }
        return None;
    }

    // 56项整改措施 / 56条具体措施 / 56项整改措施已全部落实
    let measure_fill = ["具体", "整改", "细化", "工作", "落实", "有效"];
    if let Some(e) = noun_after(r, tok, &["条", "项", "个", "大", "件"], &measure_fill, &["措施", "举措"]) {
        found.set(Field::Measures, v, tok.start, e);
        if let Some((Field::ProblemsDone, true, se)) = status_after(r, e) {
            found.set(Field::MeasuresDone, v, tok.start, se);
        }
        return None;
    }

    // 12项制度 / 12项规章制度 / 12个管理制度
    if ["项", "个", "件", "条", "份", "套"].contains(&cl) {
        let look = &r[tok.after..ceil_char_boundary(r, tok.after + 21)];
        if let Some(p) = look.find("制度") {
            if !look[..p].contains(is_clause_end) && !has_count(&look[..p]) {
                found.set(Field::Rules, v, tok.start, tok.after + p + "制度".len());
                return None;
            }
        }
    }

    // The noun before the count.
    let stripped = strip_fillers(prefix);
    if status.is_none() && (stripped.ends_with("措施") || stripped.ends_with("举措")) {
        found.set(Field::Measures, v, prefix_at, tok.after);
        return None;
    }
    if status.is_none() && is_rules_prefix(stripped) {
        if found.set(Field::Rules, v, prefix_at, tok.after)
            && ["新建", "新制定", "新出台", "新增"].iter().any(|w| prefix.contains(w))
            && !["修订", "修改"].iter().any(|w| prefix.contains(w))
        {
            let hi = ceil_char_boundary(r, tok.after + 600);
            let se = r[tok.after..hi].find(is_sentence_end).map_or(hi, |i| tok.after + i);
            *pending_new_rules = Some(se);
        }
        return None;
    }

    if !count_cls.contains(&cl) || NOT_COUNTED.iter().any(|w| r[tok.after..].starts_with(w)) {
        return None;
    }
    if ends_with_problems(stripped) {
        match status {
            Some(st) => set_status(found, r, st, v, (prefix_at, tok.after), prefix),
            None if !is_subcount(prefix) && found.set(Field::Problems, v, prefix_at, tok.after) => {
                if let Some(se) = all_done_after(r, tok.after) {
                    found.set(Field::ProblemsDone, v, prefix_at, se);
                }
            }
            None => {}
        }
        return None;
    }

    // A bare count with a status before it (已完成整改17个) or after it (17个已完成整改): a problem
    // count, or a measure count when the sentence last spoke of measures.
    let (st, a, b) = match status {
        Some(st) => (st, prefix_at, tok.after),
        None => match status_after(r, tok.after) {
            Some((st, _, se)) => (st, tok.start, se),
            None => return None,
        },
    };
    match topic_before(r, tok.start) {
        Topic::Problems => set_status(found, r, st, v, (a, b), prefix),
        Topic::Measures if counted_like_problems(r, tok) => set_status(found, r, st, v, (a, b), prefix),
        Topic::Measures => {
            if st == Field::ProblemsDone {
                found.set(Field::MeasuresDone, v, a, b);
            }
        }
        Topic::Rules | Topic::Other => {}
    }
    None
}

/// The clause before `at`, back to the previous clause punctuation (at most 120 bytes).
fn clause_before(r: &str, at: usize) -> &str {
    let before = &r[floor_char_boundary(r, at.saturating_sub(120))..at];
    &before[after_last(before, is_clause_end)..]
}

/// The year whose work the notice reports on: the first `2017年度` in its opening.
fn notice_year(r: &str) -> Option<u32> {
    let head = &r[..ceil_char_boundary(r, 4096)];
    let c = patterns::YEAR_OF_WORK.regex().captures(head)?;
    c.name("y")?.as_str().parse().ok()
}

/// Whether the clause before a count speaks of another round ([`patterns::OTHER_ROUND`]:
/// `上一轮巡察反馈的`, `对2016年经责审计提出的` in a notice on 2017's work): this round's figures only.
fn other_round(prefix: &str, notice_year: Option<u32>) -> bool {
    patterns::OTHER_ROUND.regex().captures_iter(prefix).any(|c| match c.name("y") {
        Some(y) => notice_year.is_some_and(|n| y.as_str().parse::<u32>().is_ok_and(|y| y != n)),
        None => true,
    })
}

/// Whether a count written in words repeats right after itself (`一件一件`) or in the next item
/// of a list (`解决一个、销号一个、巩固一个`): a slogan, not a figure.
fn in_series(r: &str, tok: &Token) -> bool {
    let word = &r[tok.start..tok.after];
    if word.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let rest = &r[tok.after..ceil_char_boundary(r, tok.after + 24)];
    let before = &r[floor_char_boundary(r, tok.start.saturating_sub(24))..tok.start];
    let item_before = before.rfind('、').is_some_and(|i| before[..i].ends_with(word) && before.len() - i <= 12);
    rest.starts_with(word)
        || before.ends_with(word)
        || item_before
        || rest.strip_prefix('、').is_some_and(|x| x.find(word).is_some_and(|i| i <= 9))
}

/// Sets a problem status count. One open status split over several phrases of one sentence adds
/// up (`已完成整改10个，基本完成1个，需长期坚持的1个` → 2 in progress; `已解决12项；将于年底基本完成
/// 11项；正在推动解决3项` → 14 in progress; `；` only separates the parts) when the stated total
/// and done count are known and the sum of every status stays within the total; a `其中…`
/// sub-count of an open status never adds.
fn set_status(found: &mut Found, r: &str, st: Field, v: f64, (a, b): (usize, usize), prefix: &str) {
    let open = matches!(st, Field::ProblemsInProgress | Field::ProblemsNotDone);
    if found.set(st, v, a, b) || !open || prefix.contains("其中") {
        return;
    }
    let get = |f: Field| found.hits.iter().find(|h| h.0 == f).map_or(0.0, |h| h.1);
    let Some(total) = found.hits.iter().find(|h| h.0 == Field::Problems).map(|h| h.1) else { return };
    if !found.has(Field::ProblemsDone) {
        return;
    }
    let stated_sum = get(Field::ProblemsDone) + get(Field::ProblemsInProgress) + get(Field::ProblemsNotDone);
    let Some(h) = found.hits.iter_mut().find(|h| h.0 == st) else { return };
    let same_sentence = h.3 <= a && !r[h.3..a].contains(|c| is_sentence_end(c) && c != '；');
    if same_sentence && stated_sum + v <= total {
        h.1 += v;
        h.3 = b;
    }
}

/// `问题共计12个，已全部完成整改`: an all-done clause right after a total.
fn all_done_after(r: &str, at: usize) -> Option<usize> {
    r.get(at..)?.strip_prefix('，')?;
    match status_after(r, at + '，'.len_utf8()) {
        Some((Field::ProblemsDone, true, end)) => Some(end),
        _ => None,
    }
}

/// `94.4` → 94.4: the ASCII decimal `digits.digits` as an f64, without `str::parse::<f64>` (whose
/// tables would add about 10 KB to the wasm). An integer divided by a power of ten is correctly
/// rounded while both fit in 2^53, so the result equals `parse`'s; longer numbers are NaN.
fn decimal_value(s: &str) -> f64 {
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = whole.len() + frac.len();
    if digits == 0 || digits > 15 || !whole.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return f64::NAN;
    }
    let mut n: u64 = 0;
    for b in whole.bytes().chain(frac.bytes()) {
        n = n * 10 + u64::from(b - b'0');
    }
    n as f64 / 10u64.pow(frac.len() as u32) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(s: &str) -> Stated {
        extract_stated(&Source::new(s))
    }

    #[test]
    fn the_usual_sentence() {
        let s = st("巡察反馈的3个方面18个问题，已完成整改17个，正在整改1个，整改完成率94.4%。共制定整改措施56条，已完成52条，建立完善制度12项。");
        assert_eq!(s.aspects, Some(3));
        assert_eq!(s.problems, Some(18));
        assert_eq!(s.problems_done, Some(17));
        assert_eq!(s.problems_in_progress, Some(1));
        assert_eq!(s.problems_not_done, None);
        assert_eq!(s.completion_rate, Some(94.4));
        assert_eq!(s.measures, Some(56));
        assert_eq!(s.measures_done, Some(52));
        assert_eq!(s.rules, Some(12));
    }

    #[test]
    fn a_status_after_a_cause() {
        let s = st("反馈问题20个，完成整改18个，还有2个问题因客观原因暂未完成。");
        assert_eq!((s.problems_done, s.problems_not_done), (Some(18), Some(2)));
        let s = st("梳理出的26项问题中，已整改到位24项，剩余2项按计划推进。");
        assert_eq!((s.problems, s.problems_done, s.problems_in_progress), (Some(26), Some(24), Some(2)));
    }

    #[test]
    fn feedback_words_between_count_and_problem() {
        let s = st("截至2024年9月底，31项反馈问题中，28项已完成整改，3项正在推进。");
        assert_eq!((s.problems, s.problems_done, s.problems_in_progress), (Some(31), Some(28), Some(3)));
        assert_eq!(st("对照18个巡察反馈问题逐项整改。").problems, Some(18));
    }

    #[test]
    fn a_status_count_takes_the_classifier_of_what_it_counts() {
        let s = st("党组共认领问题15个，制定整改措施48条，截至目前，已完成整改13个，剩余2个问题已取得阶段性成效。");
        assert_eq!((s.problems, s.problems_done, s.measures, s.measures_done), (Some(15), Some(13), Some(48), None));
        let s = st("对照反馈的18个问题，逐项制定整改措施，已整改完成15个、基本完成2个、长期坚持1个。");
        assert_eq!((s.problems_done, s.problems_in_progress, s.measures_done), (Some(15), Some(3), None));
        let s = st("反馈问题12个，制定整改措施40项，已完成整改38项。");
        assert_eq!((s.problems_done, s.measures_done), (None, Some(38)));
    }

    #[test]
    fn tokens_skip_plain_chinese_one() {
        let toks: Vec<u32> = Tokens::new("统一部署一是十八个两项2023年").map(|t| t.value).collect();
        assert_eq!(toks, vec![18, 2, 2023]);
    }
}

#[cfg(test)]
mod decimal_value_tests {
    use super::decimal_value;

    #[test]
    fn equals_str_parse() {
        for s in ["94.4", "0.5", "100", "66.67", "12.345678", "0.1", "99.95", "1.0", "007.50"] {
            assert_eq!(decimal_value(s), s.parse::<f64>().unwrap(), "{s}");
        }
        assert!(decimal_value("1234567890123456.7").is_nan());
        assert!(decimal_value(".").is_nan());
    }
}
