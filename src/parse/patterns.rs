//! The phrase grammar of metadata and stated counts, as tables of named patterns.
//!
//! Each [`Phrase`] is one way of writing something, with an example it must match (checked by
//! `tests/patterns.rs`, which compiles every table with both engines the parser runs on: `regex`
//! natively and `regex-lite` in the wasm, and checks they find the same matches). Neither engine
//! has Unicode class tables — so no `\d`, `\s`, `\w` or `\p{…}` here;
//! write `[0-9]` and list characters instead. A table compiles once, on first use
//! (`LazyLock`), into one regex whose alternatives are the phrases in table order, each a named
//! group, so a match says which phrasing it was.
//!
//! What stays hand-written, and why: finding labels and building the tree (`labels.rs`,
//! `tree.rs`) run over every byte of the input and are faster as byte loops (README,
//! "Performance"); walking back from an anchor to the start of a name (`市委第五巡察组`) is a
//! loop over stop words, which a regex without look-behind cannot say.
//!
//! To add a phrasing: add a line to the table, with the form it matches as its example.

// One API, two engines: `regex` natively, `regex-lite` in the wasm (Cargo.toml says why).
#[cfg(not(target_arch = "wasm32"))]
pub use regex::{Captures, Regex};
#[cfg(target_arch = "wasm32")]
pub use regex_lite::{Captures, Regex};
use std::sync::LazyLock;

/// One phrasing: a name (the regex group it becomes), the pattern and an example it matches.
#[derive(Debug)]
pub struct Phrase {
    pub name: &'static str,
    pub pattern: &'static str,
    pub example: &'static str,
}

const fn p(name: &'static str, pattern: &'static str, example: &'static str) -> Phrase {
    Phrase { name, pattern, example }
}

/// A family of phrasings compiled into one regex.
pub struct Table {
    pub name: &'static str,
    pub phrases: &'static [Phrase],
    /// Words every match begins with, when the table knows them (`["电话", "热线", "手机"]`);
    /// empty otherwise. A scan of a long text then looks for these words by substring search and
    /// tries the anchored regex only where one starts: what the native engine's literal
    /// prefilter does by itself, and what regex-lite (the wasm's engine) lacks. Measured on a
    /// 21 KB notice with regex-lite: the contact scans were 65 % of the parse before.
    /// `tests/patterns.rs` checks every example starts with a lead and the scan finds what the
    /// regex finds.
    pub leads: &'static [&'static str],
    re: LazyLock<Regex>,
    /// The same, anchored at the start (`^(?:…)`): a match at the start of a slice is looked for
    /// there only, not by scanning the rest of the slice.
    at_start: LazyLock<Regex>,
}

impl Table {
    /// The compiled regex: `(?P<name>pattern)|…` in table order.
    pub fn regex(&self) -> &Regex {
        &self.re
    }

    /// The phrase a match came from.
    pub fn which(&self, caps: &Captures) -> &'static str {
        self.phrases.iter().find(|ph| caps.name(ph.name).is_some()).map_or("", |ph| ph.name)
    }

    /// Every match in `s`: `(phrase name, start, end)`.
    pub fn find_all<'t>(&'t self, s: &'t str) -> impl Iterator<Item = (&'static str, usize, usize)> + 't {
        self.captures_all(s).into_iter().map(move |(offset, c)| {
            let m = c.get(0).expect("group 0 is the whole match");
            (self.which(&c), offset + m.start(), offset + m.end())
        })
    }

    /// Every match in `s`, leftmost first and not overlapping, as `(offset, captures)`: the
    /// captures' positions are relative to `offset` in `s`. Scans by [`Table::leads`] when the
    /// table has them, else with the regex.
    pub fn captures_all<'t>(&self, s: &'t str) -> Vec<(usize, Captures<'t>)> {
        if self.leads.is_empty() {
            return self.re.captures_iter(s).map(|c| (0, c)).collect();
        }
        let mut starts: Vec<usize> = self.leads.iter().flat_map(|lead| s.match_indices(lead).map(|(i, _)| i)).collect();
        starts.sort_unstable();
        starts.dedup();
        let mut out = Vec::new();
        let mut done_to = 0;
        for start in starts {
            if start < done_to {
                continue;
            }
            if let Some(c) = self.at_start.captures(&s[start..]) {
                // As the regex's own scan: the next match starts after this one (after an empty
                // match, further on).
                done_to = start + c.get(0).map_or(0, |m| m.end()).max(1);
                out.push((start, c));
            }
        }
        out
    }

    /// Whether any phrase occurs in `s`.
    pub fn is_match(&self, s: &str) -> bool {
        self.re.is_match(s)
    }

    /// The anchored regex: matches only at the start of the haystack.
    pub fn at_start(&self) -> &Regex {
        &self.at_start
    }

    /// The length of a match at the very start of `s`, if any.
    pub fn prefix_len(&self, s: &str) -> Option<usize> {
        self.at_start.find(s).map(|m| m.end())
    }
}

/// `(?P<a>x)|(?P<b>y)`: the alternation of a table's phrases, in order.
pub fn alternation(phrases: &[Phrase]) -> String {
    phrases.iter().map(|ph| format!("(?P<{}>{})", ph.name, ph.pattern)).collect::<Vec<_>>().join("|")
}

fn compile(phrases: &[Phrase]) -> Regex {
    // Cannot fail: tests/patterns.rs compiles every table with the same features.
    Regex::new(&alternation(phrases)).expect("pattern tables compile (tests/patterns.rs)")
}

fn compile_at_start(phrases: &[Phrase]) -> Regex {
    Regex::new(&format!("^(?:{})", alternation(phrases))).expect("pattern tables compile (tests/patterns.rs)")
}

macro_rules! table {
    ($(#[$doc:meta])* $name:ident = $phrases:expr) => {
        table!($(#[$doc])* $name = $phrases, leads = &[]);
    };
    ($(#[$doc:meta])* $name:ident = $phrases:expr, leads = $leads:expr) => {
        $(#[$doc])*
        pub static $name: Table = Table {
            name: stringify!($name),
            phrases: $phrases,
            leads: $leads,
            re: LazyLock::new(|| compile($phrases)),
            at_start: LazyLock::new(|| compile_at_start($phrases)),
        };
    };
}

// ---------------------------------------------------------------------------------------------
// Dates (dates.rs). Values are checked there (month 1–12, day 1–31, year 1900–2100).

table!(
    /// A date as written. Groups: `iy im id` (numeric) or `y m d` (with 年月日).
    DATE = &[
        // 2023-11-20, 2023.11.20, 2023/11/20 (the two separators must agree: checked in code)
        p("numeric", "(?P<iy>[0-9]{4})(?P<s1>[-./])(?P<im>[0-9]{1,2})(?P<s2>[-./])(?P<id>[0-9]{1,2})", "2023-11-20"),
        // 2023年11月20日, 2023 年 11 月 20 号, 二〇二三年十一月二十日, 11月20日, 2023年11月;
        // a year in Chinese digits may use the look-alikes people type for 〇 (○ O Ｏ 零)
        p(
            "written",
            "(?:(?P<y>[0-9]{4}|[〇○零Oo0Ｏ一二三四五六七八九]{4}) *年 *)?(?P<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九]) *(?P<mo>月)(?: *(?P<d>[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]) *[日号])?",
            "二〇二三年十一月二十日",
        ),
    ]
);

table!(
    /// Between the two dates of a range, after the first date.
    RANGE_SEPARATOR = &[
        // 4月10日至6月10日, 4月10日起至6月10日止, 4月10日 — 6月10日
        p("word", " *(?:起 *)?(?:至|到) *", "起至"),
        // 4月10日—6月10日, 7月6日-9月6日, 4月10日~6月10日; `一` when a digit follows (checked in code)
        p("dash", " *(?:起 *)?(?:——|—|–|-|~|〜|―|一|－) *", "——"),
    ]
);

table!(
    /// A bare day ending a range in the same month: `4月10日至20日`.
    DAY = &[p("day", "(?P<d>[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]) *[日号]", "20日")]
);

table!(
    /// A day with its 日 left out, at the end of a range: `2022年8月19日至2022年11月15市委…`.
    DAY_WITHOUT_MARK = &[p("day", "(?P<d>[0-9]{1,2})", "15")]
);

// ---------------------------------------------------------------------------------------------
// Contacts (meta.rs).

table!(
    /// Where a phone number is announced.
    PHONE_ANCHOR = &[
        // 联系电话：… 举报电话 监督热线 手机
        p("phone", "电话|热线|手机", "热线"),
    ],
    leads = &["电话", "热线", "手机"]
);

table!(
    /// What may stand between an anchor (or a list separator) and the number.
    CONTACT_LEAD = &[
        // ：/ 为 / 是 / spaces / 号码 热线 专线 电话, repeated: `电话号码为：`
        p("words", "(?:[：: ]|为|是|号码|热线|专线|电话)+", "号码为："),
        // a note in brackets without digits: `（传真）`
        p("note", "（[^0-9（）]{0,10}）", "（传真）"),
    ]
);

table!(
    /// A phone number (5 to 16 digits, counted in code).
    PHONE = &[
        // 0571-12345678, 0571—12345678, 0571 12345678, 0571-6612 3456, 0571-1234567转801
        // (a space joins a group of at most four digits to one of at least three)
        p(
            "number",
            "(?:（[0-9]{3,4}）[- ]?)?(?:[0-9]+[-—–－转~])*(?:[0-9]{1,4} [0-9]{3,}(?:[-—–－转~][0-9]+)*|[0-9]+)",
            "（0571）12345678",
        ),
    ]
);

table!(
    /// Between two numbers of one list: `0571-1234567、13800138000或12388`.
    PHONE_LIST = &[p("separator", "[、，/ ]|或|和|及", "或")]
);

table!(
    /// An email address.
    EMAIL = &[
        // jw@example.gov.cn
        p("email", "[A-Za-z0-9_%+-][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}", "jw@example.gov.cn"),
    ]
);

table!(
    /// A postcode: six digits after 邮编/邮政编码 (not the start of a longer number: checked in code).
    POSTCODE = &[
        // 邮政编码：311000, （邮编311000）
        p("postcode", "(?:邮编|邮政编码)(?:[：: ]|为|是)*(?P<code>[0-9]{6})", "邮政编码：311000"),
    ],
    leads = &["邮编", "邮政编码"]
);

// ---------------------------------------------------------------------------------------------
// Who inspected (meta.rs). The name before an anchor is found by walking back (meta.rs).

table!(
    /// The end of an inspecting group's name, most specific first.
    BODY_GROUP = &[
        // 市委对村巡察第四组 (a group named by its number after the word)
        p("numbered", "(?:对村)?(?:巡察|巡视)第[一二三四五六七八九十0-9]+组", "对村巡察第四组"),
        // 市委第五巡察组, 中央第九巡视组, 巡察工作组, 区委营商环境专项巡察组
        p("group", "(?:巡察|巡视|督察|审计|督导|督查)(?:工作)?组", "巡察组"),
    ]
);

table!(
    /// An inspecting office, when no group is named: audits and supervision offices.
    BODY_OFFICE = &[
        // 审计署 (the national audit office, named alone)
        p("national_audit", "审计署", "审计署"),
        // 省审计厅, 宁波市审计局, 市审计局
        p("audit", "审计[厅局]", "审计厅"),
        // 县政府督查室, 市委督查办
        p("supervision", "督查[室办]", "督查室"),
    ]
);

table!(
    /// An inspection round, when no group or office is named.
    BODY_ROUND = &[
        // 中央生态环境保护督察“回头看”
        p("review", "(?:督察|巡视|巡察)“回头看”", "督察“回头看”"),
        // 十二届区委第二轮巡察
        p("round", "第[一二三四五六七八九十]+轮(?:巡察|巡视)", "第二轮巡察"),
    ]
);

// ---------------------------------------------------------------------------------------------
// Page furniture (layout.rs): what a web page puts around a notice.

table!(
    /// A line that belongs to the page, not the notice.
    FURNITURE = &[
        // 当前位置：首页 > 通知公告
        p("breadcrumb", "当前位置|您的位置|您现在的位置|您当前的位置|首页|>", "您当前的位置"),
        // 发布时间：2023-11-21 来源：… 浏览次数
        p(
            "stamp",
            "发布时间|发布日期|发布机构|成文日期|公开日期|公开方式|公开形式|公开目录|公开责任部门|来源：|来源:|信息来源|浏览次数|浏览量|阅读次数|点击数|点击量|作者 *[：:]",
            "发布日期",
        ),
        // 索引号 / 信息索引号 / 发文字号 / 签发人 / 文号 | … / 有效性
        p("index", "索引号|文件名称|发文字号|签发人|文件编号|有效性|内容概述|主题分类", "索引号"),
        // 【字号：大 中 小】 打印本页 分享到 朗读 无障碍
        p("reading", "字号|字体：|【大|打印本页|分享到|分享：|分享:|朗读|无障碍|长者助手|关闭窗口|色调调节", "朗读"),
        // a document-sharing site: 上传人：… 文档编号 第1页 / 共61页 下面是小编为大家整理的…
        p("sharing", "上传人|文档编号|上传时间|第[0-9]+页 */ *共[0-9]+页|小编|供大家参考|资源描述|点击查看更多", "第1页 / 共61页"),
        // a table row: 文件名称 | … | ||
        p("table_row", " \\| |\\|\\|", " | "),
    ]
);

table!(
    /// The page's own field for the title: `文件名称：…`, `文件名称 | … |`, `标题：…`.
    TITLE_FIELD = &[p("title_field", "^[•· ]*(?:文件名称|标题|名称)(?: *[：:|] *)", "文件名称 | ")]
);

table!(
    /// A title line's tail that is not the title: a site tag `（精选文档）`, a delivery line
    /// `——2023年4月在…会议上`.
    TITLE_TAIL = &[
        // 生态环境保护整改情况自查报告(精选文档)
        p("site_tag", "[（(](?:精选|范文|最新|完整版|推荐|通用|word版|WORD版|优选|汇编)[^（()）]{0,6}[）)]$", "(精选文档)"),
        // …整改情况的报告——2023年4月在深圳市七届人大常委会第十七次会议上
        p("delivery", "——[^—]*(?:会议上|讲话)$", "——2023年4月在某某市人大常委会会议上"),
    ]
);

// ---------------------------------------------------------------------------------------------
// Stated counts (stated.rs): the words around a number.

table!(
    /// The words before a percentage that make it the completion rate.
    RATE = &[
        // 整改完成率94.4%, 完成率达98.71%, 问题整改率100%, 销号率, 办结率
        p("rate", "完成率|整改率|销号率|办结率|完成比例|落实率|完成进度", "完成率"),
    ]
);

table!(
    /// The noun after a number that makes it a count of aspects.
    ASPECTS = &[
        // 3个方面, 三大方面, 4方面, 3个大方面
        p("aspects", "^(?:个大方面|个方面|大方面|方面)", "个方面"),
        // 2大类, 3个大类, 5个领域
        p("classes", "^(?:个大类|大类|个领域)", "大类"),
    ]
);

table!(
    /// A bare verb of completion right before a count, when the status vocabulary (vocab.rs) says
    /// nothing: the count is of done items.
    DONE_VERB_BEFORE = &[
        // 完成整改17项, 落实17个, 销号17个, 办结17件
        p("verb_before", "(?:完成|落实|销号|办结|清零)(?:整改)?了?$", "完成整改"),
    ]
);

table!(
    /// The same verb right after a count: `17个完成整改`, `56项整改措施已全部落实`.
    DONE_VERB_AFTER = &[p("verb_after", "^(?:完成|落实|销号|办结|清零)", "落实")]
);

table!(
    /// The year whose work a notice reports on.
    YEAR_OF_WORK = &[
        // 2017年度本级预算执行, 2022年度绩效审计
        p("year_of_work", "(?P<y>[0-9]{4}) *年度", "2017年度"),
    ]
);

table!(
    /// Words before a count that make it another round's (the year is compared in code).
    OTHER_ROUND = &[
        // 上一轮巡察反馈的5个问题, 以往/历次/往年
        p("earlier", "上一轮|上轮|以往|历次|往年", "上一轮"),
        // 对2016年经责审计提出的21个问题 (a year naming work, not a date: no month after it)
        p("year", "(?P<y>[0-9]{4}) *年度?(?:审计|巡察|巡视|督察|经责)", "2016年经责"),
    ]
);

/// Every table, for the compile test.
pub fn all() -> [&'static Table; 22] {
    [
        &DATE,
        &RANGE_SEPARATOR,
        &DAY,
        &DAY_WITHOUT_MARK,
        &PHONE_ANCHOR,
        &CONTACT_LEAD,
        &PHONE,
        &PHONE_LIST,
        &EMAIL,
        &POSTCODE,
        &BODY_GROUP,
        &BODY_OFFICE,
        &BODY_ROUND,
        &FURNITURE,
        &TITLE_FIELD,
        &TITLE_TAIL,
        &RATE,
        &ASPECTS,
        &DONE_VERB_BEFORE,
        &DONE_VERB_AFTER,
        &YEAR_OF_WORK,
        &OTHER_ROUND,
    ]
}
