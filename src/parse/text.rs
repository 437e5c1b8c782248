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
        let mut prev = '\n';
        let mut at = 0;
        while at < bytes.len() {
            // Fast paths for what most of a notice is, without decoding a char: ideographs
            // U+4E00–U+9FFF (lead byte E4–E9) that are not traditional forms, and ASCII
            // letters and digits. `at` is always on a char boundary.
            let b = bytes[at];
            if (0xe4..=0xe9).contains(&b) {
                let code =
                    ((b as u32 & 0x0f) << 12) | ((bytes[at + 1] as u32 & 0x3f) << 6) | (bytes[at + 2] as u32 & 0x3f);
                if !is_traditional_code(code) {
                    prev = char::from_u32(code).unwrap_or('\n');
                    at += 3;
                    continue;
                }
            } else if b.is_ascii_alphanumeric() {
                prev = b as char;
                at += 1;
                continue;
            }
            let Some(c) = original[at..].chars().next() else { break };
            let next = || original[at + c.len_utf8()..].chars().next();
            let folded_char = match c {
                // A half-width full stop ending a Chinese sentence ("加強領導.成立小組") is a 。;
                // after a digit ("1.") or in "example.org" it stays a dot.
                '.' if ends_chinese_sentence(prev, next()) => Some('。'),
                // "\r\n" folds to "\n"; a lone "\r" is a line end of its own.
                '\r' if next() == Some('\n') => None,
                '\r' => Some('\n'),
                _ => fold_char(c),
            };
            prev = c;
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
        let mut original = original.min(self.original.len());
        while !self.original.is_char_boundary(original) {
            original -= 1;
        }
        original
    }

    /// The input span of a folded range.
    pub fn span(&self, folded_start: usize, folded_end: usize) -> Span {
        let start = self.to_original(folded_start);
        let mut end = self.to_original(folded_end).max(start);
        // A range's end maps past any characters that folded to nothing (a "\r" before "\n",
        // a zero-width mark); leave those out so a heading never ends in an invisible char.
        while let Some(c) = self.original[start..end].chars().next_back() {
            if c == '\r' || fold_char(c).is_none() {
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

/// The largest char boundary `<= i` (and `<= s.len()`): where to cut a byte window.
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary `>= i` (and `<= s.len()`).
pub fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Whether a `.` between `prev` and `next` is a Chinese full stop written half-width.
fn ends_chinese_sentence(prev: char, next: Option<char>) -> bool {
    let chinese_before = matches!(prev, '\u{4e00}'..='\u{9fff}' | '”' | '’' | '」' | '》')
        && !matches!(prev, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十');
    chinese_before && !next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '.')
}

/// Folds one character; `None` drops it.
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        // Invisible characters that copy-paste brings along: BOM, zero-width, bidi controls.
        '\u{feff}'
        | '\u{200b}'..='\u{200d}'
        | '\u{2060}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => return None,
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
/// metadata phrases use (and their common neighbours). Sorted by the traditional character.
const TRADITIONAL: [(char, char); 1024] = {
    const PAIRS: &str = concat!(
        "萬万與与專专業业東东個个們们為为麼么義义烏乌樂乐習习書书買买亂乱爭争於于虧亏雲云",
        "亞亚產产親亲億亿僅仅從从會会傳传體体傷伤價价優优儲储兒儿黨党內内兩两冊册寫写準准",
        "減减幾几鳳凤憑凭劃划則则剛刚創创劉刘劑剂勸劝動动務务勝胜勞劳勢势區区醫医華华協协",
        "單单賣卖衛卫廠厂歷历壓压厲厉縣县參参雙双發发變变敘叙號号嘆叹嚴严營营問问啟启報报",
        "場场壞坏塊块墳坟執执堅坚滅灭聲声處处備备復复夠够頭头奪夺獎奖婦妇媽妈孫孙學学寶宝",
        "實实審审寬宽對对導导尋寻將将層层屬属歲岁嶺岭幣币師师帶带幫帮廣广莊庄庫库應应開开",
        "張张強强歸归當当錄录徹彻徵征後后徑径總总戀恋懷怀態态憲宪懸悬戰战戶户擴扩執执掃扫",
        "揚扬換换據据擔担擬拟擇择攜携擁拥撥拨數数斷断時时晉晋顯显曉晓暫暂機机殺杀權权條条來来",
        "楊杨極极構构標标檢检樣样歡欢歐欧殘残氣气漢汉湯汤溝沟決决沒没況况淺浅測测濟济濱滨",
        "潔洁灣湾無无煙烟熱热燈灯爾尔牆墙狀状獨独獲获環环現现璽玺產产畢毕畫画異异當当療疗",
        "發发盡尽監监盤盘眾众睜睁礎础確确碼码禮礼稅税種种稱称積积穩稳窮穷竊窃競竞筆笔築筑",
        "範范節节簡简糧粮紀纪約约級级紅红納纳純纯紙纸組组細细織织終终經经結结給给絡络絕绝統统",
        "絲丝維维綱纲網网綜综綠绿緊紧線线練练編编緣缘縮缩績绩繼继續续缺缺罰罚羅罗義义習习聯联",
        "聽听職职腦脑與与舉举興兴舊旧艱艰艷艳節节範范葉叶著着蘇苏處处虛虚號号術术衝冲補补裝装",
        "製制複复規规視视親亲覺觉覽览觀观計计訂订認认討讨讓让訓训議议記记講讲許许論论設设訪访",
        "證证評评識识試试話话詢询該该詳详誠诚誤误說说請请諸诸課课調调談谈謀谋謝谢謹谨譽誉護护",
        "讀读變变貝贝負负財财責责貫贯貨货質质購购貿贸費费資资賬账賠赔賞赏賢贤賴赖贊赞趕赶趙赵",
        "跡迹踐践車车軍军軟软較较載载輔辅輕轻輛辆輸输辦办辭辞農农這这進进遠远連连運运違违過过",
        "達达遲迟邊边遺遗選选還还郵邮鄉乡鄧邓鄭郑醜丑釋释裏里野野量量針针銀银銷销鋼钢錢钱錯错",
        "鍵键鎮镇長长門门閉闭開开閒闲間间閱阅關关陸陆陳陈陰阴陽阳際际險险隨随隊队隱隐難难雜杂",
        "離离電电靈灵靜静響响頁页頂顶項项順顺預预領领頻频題题額额類类顧顾風风飛飞養养餘余館馆",
        "馬马駐驻驗验體体髮发鬥斗魚鱼鳥鸟麥麦齊齐齡龄龍龙龜龟舊旧糾纠紛纷規规巡巡視视察察",
        "圍围國国園园圖图團团壽寿奮奋專专導导屆届崗岗廳厅彙汇徵征慣惯憂忧懲惩戲戏據据擊击",
        "攤摊敗败斂敛顏颜檔档歸归測测湧涌滯滞漲涨濫滥瀆渎燒烧獻献環环產产畝亩瘡疮盜盗礙碍",
        "禍祸稈秆穀谷窩窝篩筛糾纠緩缓縱纵繁繁罷罢聞闻臨临蓋盖薦荐藥药蟲虫襲袭覆覆訴诉詐诈",
        "詞词誌志諾诺謊谎謂谓譯译贈赠贏赢贓赃輪轮轉转辯辩迴回郵邮鄰邻釀酿鑑鉴鑒鉴閥阀闡阐",
        "隸隶雖虽雞鸡霧雾韓韩頒颁頓顿頗颇頸颈餐餐饑饥駁驳騙骗驅驱鬆松麗丽齒齿夥伙製制",
        "賓宾腐腐敗败貪贪紮扎濤涛擾扰懶懒懈懈鬧闹飯饭飲饮儉俭奢奢靡靡歪歪風风彙汇匯汇塗涂",
        "蹤踪舖铺鋪铺償偿剩剩償偿掛挂盪荡礦矿鐵铁廢废貸贷債债撥拨帳帐據据糧粮郵邮遞递碼码",
        "饋馈繫系訊讯箋笺嚮向"
    );
    let mut out = [('\0', '\0'); 1024];
    let bytes = PAIRS.as_bytes();
    // Each pair is two 3-byte CJK characters.
    let mut i = 0;
    let mut n = 0;
    while i + 6 <= bytes.len() {
        out[n] = (decode3(bytes, i), decode3(bytes, i + 3));
        n += 1;
        i += 6;
    }
    out
};

const fn decode3(b: &[u8], i: usize) -> char {
    let v = ((b[i] as u32 & 0x0f) << 12) | ((b[i + 1] as u32 & 0x3f) << 6) | (b[i + 2] as u32 & 0x3f);
    match char::from_u32(v) {
        Some(c) => c,
        None => '\0',
    }
}

/// One bit per BMP character, set for the traditional characters of the table: a bit test is
/// far cheaper than a search, and this runs for every ideograph of the input.
static TRADITIONAL_BITS: [u64; 0x10000 / 64] = {
    let mut bits = [0u64; 0x10000 / 64];
    let mut i = 0;
    while i < TRADITIONAL.len() {
        let (t, s) = TRADITIONAL[i];
        if t != '\0' && t != s {
            bits[t as usize / 64] |= 1 << (t as usize % 64);
        }
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
    use std::sync::OnceLock;
    if !is_traditional(c) {
        return c;
    }
    static SORTED: OnceLock<Vec<(char, char)>> = OnceLock::new();
    let table = SORTED.get_or_init(|| {
        let mut v: Vec<(char, char)> = TRADITIONAL.iter().copied().filter(|&(t, s)| t != '\0' && t != s).collect();
        v.sort_unstable();
        v.dedup_by_key(|p| p.0);
        v
    });
    match table.binary_search_by_key(&c, |p| p.0) {
        Ok(i) => table[i].1,
        Err(_) => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps_back() {
        let s = Source::new("\u{feff}（１）問題:\r\n");
        assert_eq!(s.folded, "（1）问题：\n");
        let start = s.folded.find('1').unwrap();
        assert_eq!(&s.original[s.span(start, start + 1).start..s.span(start, start + 1).end], "１");
        assert_eq!(s.original_text(0, s.folded.len() - 1), "（１）問題:");
        assert_eq!(Source::new("加強領導.成立1.5萬.见a.cn").folded, "加强领导。成立1.5万。见a.cn");
    }

    #[test]
    fn table_pairs_are_all_cjk() {
        for &(t, s) in TRADITIONAL.iter().filter(|p| p.0 != '\0') {
            assert_eq!(t.len_utf8(), 3, "{t}");
            assert_eq!(s.len_utf8(), 3, "{s}");
        }
        assert_eq!(to_simplified('題'), '题');
        assert_eq!(to_simplified('問'), '问');
        assert_eq!(to_simplified('饋'), '馈');
        assert_eq!(to_simplified('进'), '进');
    }
}
