//! Normalisation: one folded copy of the input that every later stage reads, and a map
//! from folded offsets back to input offsets so every span points into what the user typed.
//!
//! Folding makes the messy forms of web pastes look like the clean form:
//!
//! | input | folded | why |
//! |---|---|---|
//! | `（１）` `(1)` | `（1）` | full-width digits, half-width brackets |
//! | `1．` | `1.` | full-width full stop used as a label dot |
//! | `,` `:` `;` `?` `!` | `，` `：` `；` `？` `！` | half-width punctuation from web pages |
//! | U+3000, NBSP, tab | space | ragged indentation |
//! | `\r\n`, lone `\r` | `\n` | Windows and old Mac line ends |
//! | BOM, zero-width and bidi marks | (removed) | invisible characters from copy-paste |
//! | `問題` `進展` | `问题` `进展` | traditional characters |
//!
//! Output strings (headings, titles) are always sliced from the *input*, never from the folded
//! copy, so traditional characters and the user's punctuation are kept as written.

use crate::model::Span;

/// The input and its folded copy.
pub struct Source<'a> {
    pub original: &'a str,
    pub folded: String,
    /// `(folded_offset, original_offset)` at every point where the two stop advancing in step.
    /// Between two breakpoints one byte of folded text is one byte of input.
    breaks: Vec<(u32, u32)>,
}

impl<'a> Source<'a> {
    pub fn new(original: &'a str) -> Self {
        let mut folded = String::with_capacity(original.len() + original.len() / 8);
        let mut breaks: Vec<(u32, u32)> = Vec::new();
        // Characters that fold to themselves are copied a run at a time.
        let bytes = original.as_bytes();
        let mut run_start = 0;
        let mut at = 0;
        while at < bytes.len() {
            // Fast paths for what most of a notice is, without decoding a char: ideographs
            // U+4E00–U+9FFF (lead byte E4–E9) that are not traditional forms, and ASCII
            // letters and digits. `at` is always on a char boundary. (The character before a
            // `.` is read back when one comes, not tracked here: 32 M → 26 M instructions for
            // the 2 MB synthetic notice.)
            let b = bytes[at];
            if let (0xe4..=0xe9, Some(&[b1, b2])) = (b, bytes.get(at + 1..at + 3)) {
                let code = ((b as u32 & 0x0f) << 12) | ((b1 as u32 & 0x3f) << 6) | (b2 as u32 & 0x3f);
                if !is_traditional_code(code) {
                    at += 3;
                    continue;
                }
            } else if let (0xe2 | 0xe3 | 0xef, Some(&[b1, b2])) = (b, bytes.get(at + 1..at + 3)) {
                // [`SELF_FOLDING_PUNCTUATION`], most of the rest of a notice (a test checks
                // that these fold to themselves): 26 M → 21 M instructions for the 2 MB synthetic notice.
                if SELF_FOLDING_PUNCTUATION.contains(&[b, b1, b2]) {
                    at += 3;
                    continue;
                }
            } else if b.is_ascii_alphanumeric() {
                at += 1;
                continue;
            }
            let Some(c) = original[at..].chars().next() else { break };
            let next = || original[at + c.len_utf8()..].chars().next();
            let folded_char = match c {
                // A half-width full stop ending a Chinese sentence ("加強領導.成立小組") is a 。;
                // after a digit ("1.") or in "example.org" it stays a dot.
                '.' if ends_chinese_sentence(original[..at].chars().next_back().unwrap_or('\n'), next()) => Some('。'),
                // "\r\n" folds to "\n"; a lone "\r" is a line end of its own.
                '\r' if next() == Some('\n') => None,
                '\r' => Some('\n'),
                _ => fold_char(c),
            };
            let here = at;
            at += c.len_utf8();
            if folded_char == Some(c) {
                continue;
            }
            folded.push_str(&original[run_start..here]);
            if let Some(f) = folded_char {
                folded.push(f);
            }
            run_start = at;
            if folded_char.map_or(0, char::len_utf8) != c.len_utf8() {
                breaks.push((folded.len() as u32, run_start as u32));
            }
        }
        folded.push_str(&original[run_start..]);
        Source { original, folded, breaks }
    }

    /// The input offset of a folded offset (which must be on a folded char boundary).
    pub fn to_original(&self, folded_offset: usize) -> usize {
        let i = self.breaks.partition_point(|&(f, _)| (f as usize) <= folded_offset);
        let original = if i == 0 {
            folded_offset
        } else {
            let (f, o) = self.breaks[i - 1];
            o as usize + (folded_offset - f as usize)
        };
        // A folded offset inside a run of removed characters maps to the run's end, which is a
        // char boundary; clamp and step back to a boundary for safety against any drift.
        floor_char_boundary(self.original, original)
    }

    /// The input span of a folded range.
    pub fn span(&self, folded_start: usize, folded_end: usize) -> Span {
        let start = self.to_original(folded_start);
        let mut end = self.to_original(folded_end).max(start);
        // A range's end maps past any characters that folded to nothing (a "\r" before "\n",
        // a zero-width mark); leave those out so a heading never ends in an invisible char.
        while let Some(c) = self.original[start..end].chars().next_back() {
            if c == '\r' || is_invisible(c) {
                end -= c.len_utf8();
            } else {
                break;
            }
        }
        Span::new(start, end)
    }

    /// The input text of a folded range, as the user wrote it.
    pub fn original_text(&self, folded_start: usize, folded_end: usize) -> &'a str {
        let s = self.span(folded_start, folded_end);
        &self.original[s.start..s.end]
    }
}

/// The largest char boundary of `s` at or before `i` (clamped to `s.len()`): the one place that
/// rounds a byte offset into UTF-8 text, so a slice `&s[..i]` can never panic.
///
/// ```
/// use notice_outline::parse::text::{ceil_char_boundary, floor_char_boundary};
/// assert_eq!(floor_char_boundary("一二", 4), 3);
/// assert_eq!(ceil_char_boundary("一二", 4), 6);
/// assert_eq!(floor_char_boundary("一二", 99), 6);
/// ```
pub fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `text` in blocks of whole lines of about `size` bytes, as `(start, end)` (each block ends
/// after a `\n` or at the end of the text). A stage that searches the text for several marks
/// does so a block at a time, so that all but the first search read the block from cache, not
/// from memory: with several passes over a 10 MB text, memory was the cost.
pub fn line_blocks(text: &str, size: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let from = (start + size.max(1)).min(bytes.len());
        let end = memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |i| from + i + 1);
        let block = (start, end);
        start = end;
        Some(block)
    })
}

/// The block size for [`line_blocks`]: well within a core's L2 cache.
pub const BLOCK: usize = 1 << 16;

/// The smallest char boundary of `s` at or after `i` (clamped to `s.len()`).
pub fn ceil_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Whether a `.` between `prev` and `next` is a Chinese full stop written half-width; also after a
/// percentage closing the sentence (`整改完成率83.3%. 二、反馈问题整改情况`).
fn ends_chinese_sentence(prev: char, next: Option<char>) -> bool {
    let chinese_before = matches!(prev, '\u{4e00}'..='\u{9fff}' | '”' | '’' | '」' | '》' | '%' | '％')
        && !matches!(prev, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十');
    chinese_before && !next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '.')
}

/// The punctuation of Chinese prose, which folds to itself (UTF-8): `、。“”（），：；！？`.
const SELF_FOLDING_PUNCTUATION: [[u8; 3]; 11] = [
    [0xe3, 0x80, 0x81], // 、
    [0xe3, 0x80, 0x82], // 。
    [0xe2, 0x80, 0x9c], // “
    [0xe2, 0x80, 0x9d], // ”
    [0xef, 0xbc, 0x88], // （
    [0xef, 0xbc, 0x89], // ）
    [0xef, 0xbc, 0x8c], // ，
    [0xef, 0xbc, 0x9a], // ：
    [0xef, 0xbc, 0x9b], // ；
    [0xef, 0xbc, 0x81], // ！
    [0xef, 0xbc, 0x9f], // ？
];

/// Invisible characters that copy-paste brings along and folding drops: BOM, zero-width, bidi
/// controls. (Asked directly by [`Source::span`] rather than through [`fold_char`], which would
/// look an ideograph up in the traditional table for nothing.)
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{feff}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Folds one character; `None` drops it.
pub fn fold_char(c: char) -> Option<char> {
    if is_invisible(c) {
        return None;
    }
    Some(match c {
        '\t' | '\u{3000}' | '\u{a0}' | '\u{2002}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => ' ',
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}' => ' ',
        '\u{2028}' | '\u{2029}' | '\u{85}' => '\n',
        // Half-width punctuation to the full-width forms Chinese text uses.
        '(' => '（',
        ')' => '）',
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '?' => '？',
        '!' => '！',
        '\u{ff64}' => '、',
        '\u{ff61}' => '。',
        // Full-width brackets and sentence punctuation stay as they are.
        '（' | '）' | '，' | '：' | '；' | '？' | '！' => c,
        // Other full-width ASCII (digits, letters, ．＠－％…) to ASCII.
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' => to_simplified(c),
        _ => c,
    })
}

/// Traditional to simplified for the characters that the parser's keywords, numerals and
/// metadata phrases use (and their common neighbours): 543 pairs, sorted by the traditional
/// character with no repeats and no identity pairs (a test checks), so lookup is a binary search.
#[rustfmt::skip]
const TRADITIONAL: &[(char, char)] = &[
    ('亂', '乱'), ('亞', '亚'), ('來', '来'), ('個', '个'), ('們', '们'), ('備', '备'), ('傳', '传'), ('債', '债'), ('傷', '伤'), ('僅', '仅'),
    ('價', '价'), ('億', '亿'), ('儉', '俭'), ('償', '偿'), ('優', '优'), ('儲', '储'), ('兒', '儿'), ('內', '内'), ('兩', '两'), ('冊', '册'),
    ('則', '则'), ('剛', '刚'), ('創', '创'), ('劃', '划'), ('劉', '刘'), ('劑', '剂'), ('動', '动'), ('務', '务'), ('勝', '胜'), ('勞', '劳'),
    ('勢', '势'), ('勸', '劝'), ('匯', '汇'), ('區', '区'), ('協', '协'), ('厲', '厉'), ('參', '参'), ('問', '问'), ('啟', '启'), ('單', '单'),
    ('嘆', '叹'), ('嚮', '向'), ('嚴', '严'), ('國', '国'), ('圍', '围'), ('園', '园'), ('圖', '图'), ('團', '团'), ('執', '执'), ('堅', '坚'),
    ('報', '报'), ('場', '场'), ('塊', '块'), ('塗', '涂'), ('墳', '坟'), ('壓', '压'), ('壞', '坏'), ('壽', '寿'), ('夠', '够'), ('夥', '伙'),
    ('奪', '夺'), ('奮', '奋'), ('婦', '妇'), ('媽', '妈'), ('孫', '孙'), ('學', '学'), ('實', '实'), ('審', '审'), ('寫', '写'), ('寬', '宽'),
    ('寶', '宝'), ('將', '将'), ('專', '专'), ('尋', '寻'), ('對', '对'), ('導', '导'), ('屆', '届'), ('層', '层'), ('屬', '属'), ('崗', '岗'),
    ('嶺', '岭'), ('師', '师'), ('帳', '帐'), ('帶', '带'), ('幣', '币'), ('幫', '帮'), ('幾', '几'), ('庫', '库'), ('廠', '厂'), ('廢', '废'),
    ('廣', '广'), ('廳', '厅'), ('張', '张'), ('強', '强'), ('彙', '汇'), ('後', '后'), ('徑', '径'), ('從', '从'), ('復', '复'), ('徵', '征'),
    ('徹', '彻'), ('態', '态'), ('慣', '惯'), ('憂', '忧'), ('憑', '凭'), ('憲', '宪'), ('應', '应'), ('懲', '惩'), ('懶', '懒'), ('懷', '怀'),
    ('懸', '悬'), ('戀', '恋'), ('戰', '战'), ('戲', '戏'), ('戶', '户'), ('掃', '扫'), ('掛', '挂'), ('揚', '扬'), ('換', '换'), ('撥', '拨'),
    ('擁', '拥'), ('擇', '择'), ('擊', '击'), ('擔', '担'), ('據', '据'), ('擬', '拟'), ('擴', '扩'), ('擾', '扰'), ('攜', '携'), ('攤', '摊'),
    ('敗', '败'), ('敘', '叙'), ('數', '数'), ('斂', '敛'), ('斷', '断'), ('於', '于'), ('時', '时'), ('晉', '晋'), ('暫', '暂'), ('曉', '晓'),
    ('書', '书'), ('會', '会'), ('東', '东'), ('條', '条'), ('楊', '杨'), ('業', '业'), ('極', '极'), ('構', '构'), ('樂', '乐'), ('標', '标'),
    ('樣', '样'), ('機', '机'), ('檔', '档'), ('檢', '检'), ('權', '权'), ('歐', '欧'), ('歡', '欢'), ('歲', '岁'), ('歷', '历'), ('歸', '归'),
    ('殘', '残'), ('殺', '杀'), ('氣', '气'), ('決', '决'), ('沒', '没'), ('況', '况'), ('淺', '浅'), ('減', '减'), ('測', '测'), ('湧', '涌'),
    ('湯', '汤'), ('準', '准'), ('溝', '沟'), ('滅', '灭'), ('滯', '滞'), ('漢', '汉'), ('漲', '涨'), ('潔', '洁'), ('濟', '济'), ('濤', '涛'),
    ('濫', '滥'), ('濱', '滨'), ('瀆', '渎'), ('灣', '湾'), ('為', '为'), ('烏', '乌'), ('無', '无'), ('煙', '烟'), ('熱', '热'), ('燈', '灯'),
    ('燒', '烧'), ('營', '营'), ('爭', '争'), ('爾', '尔'), ('牆', '墙'), ('狀', '状'), ('獎', '奖'), ('獨', '独'), ('獲', '获'), ('獻', '献'),
    ('現', '现'), ('環', '环'), ('璽', '玺'), ('產', '产'), ('畝', '亩'), ('畢', '毕'), ('畫', '画'), ('異', '异'), ('當', '当'), ('瘡', '疮'),
    ('療', '疗'), ('發', '发'), ('盜', '盗'), ('盡', '尽'), ('監', '监'), ('盤', '盘'), ('盪', '荡'), ('眾', '众'), ('睜', '睁'), ('確', '确'),
    ('碼', '码'), ('礎', '础'), ('礙', '碍'), ('礦', '矿'), ('禍', '祸'), ('禮', '礼'), ('稅', '税'), ('稈', '秆'), ('種', '种'), ('稱', '称'),
    ('穀', '谷'), ('積', '积'), ('穩', '稳'), ('窩', '窝'), ('窮', '穷'), ('竊', '窃'), ('競', '竞'), ('筆', '笔'), ('箋', '笺'), ('節', '节'),
    ('範', '范'), ('築', '筑'), ('篩', '筛'), ('簡', '简'), ('糧', '粮'), ('糾', '纠'), ('紀', '纪'), ('約', '约'), ('紅', '红'), ('納', '纳'),
    ('純', '纯'), ('紙', '纸'), ('級', '级'), ('紛', '纷'), ('紮', '扎'), ('細', '细'), ('終', '终'), ('組', '组'), ('結', '结'), ('絕', '绝'),
    ('絡', '络'), ('給', '给'), ('統', '统'), ('絲', '丝'), ('經', '经'), ('綜', '综'), ('綠', '绿'), ('維', '维'), ('綱', '纲'), ('網', '网'),
    ('緊', '紧'), ('線', '线'), ('緣', '缘'), ('編', '编'), ('緩', '缓'), ('練', '练'), ('縣', '县'), ('縮', '缩'), ('縱', '纵'), ('總', '总'),
    ('績', '绩'), ('織', '织'), ('繫', '系'), ('繼', '继'), ('續', '续'), ('罰', '罚'), ('罷', '罢'), ('羅', '罗'), ('義', '义'), ('習', '习'),
    ('聞', '闻'), ('聯', '联'), ('聲', '声'), ('職', '职'), ('聽', '听'), ('腦', '脑'), ('臨', '临'), ('與', '与'), ('興', '兴'), ('舉', '举'),
    ('舊', '旧'), ('舖', '铺'), ('艱', '艰'), ('艷', '艳'), ('莊', '庄'), ('華', '华'), ('萬', '万'), ('葉', '叶'), ('著', '着'), ('蓋', '盖'),
    ('薦', '荐'), ('藥', '药'), ('蘇', '苏'), ('處', '处'), ('虛', '虚'), ('號', '号'), ('虧', '亏'), ('蟲', '虫'), ('術', '术'), ('衛', '卫'),
    ('衝', '冲'), ('裏', '里'), ('補', '补'), ('裝', '装'), ('製', '制'), ('複', '复'), ('襲', '袭'), ('規', '规'), ('視', '视'), ('親', '亲'),
    ('覺', '觉'), ('覽', '览'), ('觀', '观'), ('訂', '订'), ('計', '计'), ('訊', '讯'), ('討', '讨'), ('訓', '训'), ('記', '记'), ('訪', '访'),
    ('設', '设'), ('許', '许'), ('訴', '诉'), ('詐', '诈'), ('評', '评'), ('詞', '词'), ('詢', '询'), ('試', '试'), ('話', '话'), ('該', '该'),
    ('詳', '详'), ('誌', '志'), ('認', '认'), ('誠', '诚'), ('誤', '误'), ('說', '说'), ('課', '课'), ('調', '调'), ('談', '谈'), ('請', '请'),
    ('論', '论'), ('諸', '诸'), ('諾', '诺'), ('謀', '谋'), ('謂', '谓'), ('謊', '谎'), ('講', '讲'), ('謝', '谢'), ('謹', '谨'), ('證', '证'),
    ('識', '识'), ('譯', '译'), ('議', '议'), ('護', '护'), ('譽', '誉'), ('讀', '读'), ('變', '变'), ('讓', '让'), ('貝', '贝'), ('負', '负'),
    ('財', '财'), ('貨', '货'), ('貪', '贪'), ('貫', '贯'), ('責', '责'), ('買', '买'), ('貸', '贷'), ('費', '费'), ('貿', '贸'), ('資', '资'),
    ('賓', '宾'), ('賞', '赏'), ('賠', '赔'), ('賢', '贤'), ('賣', '卖'), ('質', '质'), ('賬', '账'), ('賴', '赖'), ('購', '购'), ('贈', '赠'),
    ('贊', '赞'), ('贏', '赢'), ('贓', '赃'), ('趕', '赶'), ('趙', '赵'), ('跡', '迹'), ('踐', '践'), ('蹤', '踪'), ('車', '车'), ('軍', '军'),
    ('軟', '软'), ('較', '较'), ('載', '载'), ('輔', '辅'), ('輕', '轻'), ('輛', '辆'), ('輪', '轮'), ('輸', '输'), ('轉', '转'), ('辦', '办'),
    ('辭', '辞'), ('辯', '辩'), ('農', '农'), ('迴', '回'), ('這', '这'), ('連', '连'), ('進', '进'), ('運', '运'), ('過', '过'), ('達', '达'),
    ('違', '违'), ('遞', '递'), ('遠', '远'), ('遲', '迟'), ('選', '选'), ('遺', '遗'), ('還', '还'), ('邊', '边'), ('郵', '邮'), ('鄉', '乡'),
    ('鄧', '邓'), ('鄭', '郑'), ('鄰', '邻'), ('醜', '丑'), ('醫', '医'), ('釀', '酿'), ('釋', '释'), ('針', '针'), ('銀', '银'), ('銷', '销'),
    ('鋪', '铺'), ('鋼', '钢'), ('錄', '录'), ('錢', '钱'), ('錯', '错'), ('鍵', '键'), ('鎮', '镇'), ('鐵', '铁'), ('鑑', '鉴'), ('鑒', '鉴'),
    ('長', '长'), ('門', '门'), ('閉', '闭'), ('開', '开'), ('閒', '闲'), ('間', '间'), ('閥', '阀'), ('閱', '阅'), ('關', '关'), ('闡', '阐'),
    ('陰', '阴'), ('陳', '陈'), ('陸', '陆'), ('陽', '阳'), ('隊', '队'), ('際', '际'), ('隨', '随'), ('險', '险'), ('隱', '隐'), ('隸', '隶'),
    ('雖', '虽'), ('雙', '双'), ('雜', '杂'), ('雞', '鸡'), ('離', '离'), ('難', '难'), ('雲', '云'), ('電', '电'), ('霧', '雾'), ('靈', '灵'),
    ('靜', '静'), ('韓', '韩'), ('響', '响'), ('頁', '页'), ('頂', '顶'), ('項', '项'), ('順', '顺'), ('預', '预'), ('頒', '颁'), ('頓', '顿'),
    ('頗', '颇'), ('領', '领'), ('頭', '头'), ('頸', '颈'), ('頻', '频'), ('題', '题'), ('額', '额'), ('顏', '颜'), ('類', '类'), ('顧', '顾'),
    ('顯', '显'), ('風', '风'), ('飛', '飞'), ('飯', '饭'), ('飲', '饮'), ('養', '养'), ('餘', '余'), ('館', '馆'), ('饋', '馈'), ('饑', '饥'),
    ('馬', '马'), ('駁', '驳'), ('駐', '驻'), ('騙', '骗'), ('驅', '驱'), ('驗', '验'), ('體', '体'), ('髮', '发'), ('鬆', '松'), ('鬥', '斗'),
    ('鬧', '闹'), ('魚', '鱼'), ('鳥', '鸟'), ('鳳', '凤'), ('麗', '丽'), ('麥', '麦'), ('麼', '么'), ('黨', '党'), ('齊', '齐'), ('齒', '齿'),
    ('齡', '龄'), ('龍', '龙'), ('龜', '龟'),
];

/// One bit per BMP character, set for the traditional characters of the table: a bit test is
/// far cheaper than a search, and this runs for every ideograph of the input.
static TRADITIONAL_BITS: [u64; 0x10000 / 64] = {
    let mut bits = [0u64; 0x10000 / 64];
    let mut i = 0;
    while i < TRADITIONAL.len() {
        let t = TRADITIONAL[i].0 as usize;
        bits[t / 64] |= 1 << (t % 64);
        i += 1;
    }
    bits
};

fn is_traditional(c: char) -> bool {
    is_traditional_code(c as u32)
}

fn is_traditional_code(code: u32) -> bool {
    let code = code as usize;
    code < 0x10000 && TRADITIONAL_BITS[code / 64] & (1 << (code % 64)) != 0
}

fn to_simplified(c: char) -> char {
    if !is_traditional(c) {
        return c;
    }
    match TRADITIONAL.binary_search_by_key(&c, |p| p.0) {
        Ok(i) => TRADITIONAL[i].1,
        Err(_) => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_blocks_are_whole_lines_covering_the_text() {
        for text in ["", "a", "甲\n", "一\n二\n三", "a\nbb\nccc\ndddd\n", &"长行".repeat(40)] {
            for size in [0, 1, 2, 5, 64] {
                let blocks: Vec<_> = line_blocks(text, size).collect();
                let mut at = 0;
                for &(start, end) in &blocks {
                    assert_eq!(start, at, "{text:?} {size}");
                    assert!(end > start && (end == text.len() || text.as_bytes()[end - 1] == b'\n'), "{text:?} {size}");
                    at = end;
                }
                assert_eq!(at, text.len(), "{text:?} {size}");
            }
        }
    }

    #[test]
    fn self_folding_punctuation_folds_to_itself() {
        for bytes in SELF_FOLDING_PUNCTUATION {
            let c = std::str::from_utf8(&bytes).ok().and_then(|s| s.chars().next());
            assert!(c.is_some_and(|c| c.len_utf8() == 3 && fold_char(c) == Some(c)), "{c:?}");
        }
        assert_eq!(Source::new("、。“”（），：；！？").folded, "、。“”（），：；！？");
    }

    #[test]
    fn folds_and_maps_back() {
        let s = Source::new("\u{feff}（１）問題:\r\n");
        assert_eq!(s.folded, "（1）问题：\n");
        let start = s.folded.find('1').unwrap();
        assert_eq!(&s.original[s.span(start, start + 1).start..s.span(start, start + 1).end], "１");
        assert_eq!(s.original_text(0, s.folded.len() - 1), "（１）問題:");
        assert_eq!(Source::new("加強領導.成立1.5萬.见a.cn").folded, "加强领导。成立1.5万。见a.cn");
        assert_eq!(Source::new("完成率83.3%. 二、整改 达95%.5").folded, "完成率83.3%。 二、整改 达95%.5");
    }

    #[test]
    fn table_pairs_are_all_cjk() {
        for &(t, s) in TRADITIONAL {
            assert_eq!(t.len_utf8(), 3, "{t}");
            assert_eq!(s.len_utf8(), 3, "{s}");
        }
        assert_eq!(to_simplified('題'), '题');
        assert_eq!(to_simplified('問'), '问');
        assert_eq!(to_simplified('饋'), '馈');
        assert_eq!(to_simplified('进'), '进');
    }

    #[test]
    fn table_is_sorted_without_repeats_or_identity_pairs() {
        for pair in TRADITIONAL.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{:?} must come before {:?}", pair[0], pair[1]);
        }
        for &(t, s) in TRADITIONAL {
            assert_ne!(t, s, "identity pair {t}");
            assert!(!is_traditional(s), "{t}→{s}: the simplified form is itself mapped");
        }
    }
}
