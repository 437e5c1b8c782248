//! The one vocabulary of names the reader sees — metadata fields, figures, statuses — in Chinese
//! and English. The page, the Markdown export and the CSV ledger all take their words from here,
//! so `整改单位` on the page is `整改单位` in the download too.

use crate::model::Status;

/// A language for the names below.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Parses a language tag (`zh`, `zh-CN`, `en`, `en-GB`, `?lang=en`'s value …); anything not
    /// English is Chinese, the notices' own language. The one tag parser of the page and the API.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// The BCP 47 tag for `lang` attributes.
    pub fn tag(self) -> &'static str {
        self.pick("zh-CN", "en")
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Picks the word for this language.
    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A metadata field, as the page's details panel and the Markdown's 基本信息 name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetaField {
    Title,
    Issuer,
    InspectedUnit,
    InspectionBody,
    /// `inspection_start`–`inspection_end`.
    InspectionPeriod,
    FeedbackDate,
    SignedDate,
    /// `publicity_start`–`publicity_end`.
    PublicityPeriod,
    Phone,
    Email,
    Postcode,
    Address,
}

impl MetaField {
    /// Every field, in the order the page and the Markdown list them.
    pub const ALL: [MetaField; 12] = [
        MetaField::Title,
        MetaField::Issuer,
        MetaField::InspectedUnit,
        MetaField::InspectionBody,
        MetaField::InspectionPeriod,
        MetaField::FeedbackDate,
        MetaField::SignedDate,
        MetaField::PublicityPeriod,
        MetaField::Phone,
        MetaField::Email,
        MetaField::Postcode,
        MetaField::Address,
    ];

    pub fn name(self, lang: Lang) -> &'static str {
        use MetaField::*;
        match self {
            Title => lang.pick("标题", "Title"),
            Issuer => lang.pick("发布单位", "Issued by"),
            InspectedUnit => lang.pick("整改单位", "Rectifying unit"),
            InspectionBody => lang.pick("反馈机构", "Feedback from"),
            InspectionPeriod => lang.pick("检查期", "Inspection"),
            FeedbackDate => lang.pick("反馈日期", "Feedback"),
            SignedDate => lang.pick("落款日期", "Signed"),
            PublicityPeriod => lang.pick("公示期", "Publicity"),
            Phone => lang.pick("电话", "Phone"),
            Email => lang.pick("电子邮箱", "Email"),
            Postcode => lang.pick("邮政编码", "Postcode"),
            Address => lang.pick("地址", "Address"),
        }
    }
}

/// A figure the notice may state and the outline may give (the figures table's rows).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    Aspects,
    Problems,
    ProblemsDone,
    ProblemsInProgress,
    ProblemsNotDone,
    ProblemsUnknown,
    Measures,
    Rules,
    CompletionRate,
}

impl Figure {
    /// The machine name, as in [`crate::model::Stated::spans`] and check codes.
    pub fn code(self) -> &'static str {
        use Figure::*;
        match self {
            Aspects => "aspects",
            Problems => "problems",
            ProblemsDone => "problems_done",
            ProblemsInProgress => "problems_in_progress",
            ProblemsNotDone => "problems_not_done",
            ProblemsUnknown => "problems_unknown",
            Measures => "measures",
            Rules => "rules",
            CompletionRate => "completion_rate",
        }
    }

    /// The row label (sentence case in English, like every other label).
    pub fn name(self, lang: Lang) -> &'static str {
        use Figure::*;
        match self {
            Aspects => lang.pick("方面", "Aspects"),
            Problems => lang.pick("问题", "Problems"),
            ProblemsDone => Status::Done.name(lang),
            ProblemsInProgress => Status::InProgress.name(lang),
            ProblemsNotDone => Status::NotDone.name(lang),
            ProblemsUnknown => Status::Unknown.name(lang),
            Measures => lang.pick("整改措施", "Measures"),
            Rules => lang.pick("制度", "Rules"),
            CompletionRate => lang.pick("完成率", "Completion"),
        }
    }
}

impl Status {
    /// The status as the page, the ledger's 整改状态 column and the Markdown legend write it.
    pub fn name(self, lang: Lang) -> &'static str {
        lang.pick(self.zh(), self.en())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag(" EN "), Lang::En);
        assert_eq!(Lang::from_tag("zh-Hans"), Lang::Zh);
        assert_eq!(Lang::from_tag(""), Lang::Zh);
        assert_eq!(Lang::from_tag("english"), Lang::Zh);
        assert_eq!(Lang::from_tag("en_US"), Lang::En);
        assert_eq!(Lang::Zh.other(), Lang::En);
    }

    #[test]
    fn english_names_are_ascii_and_sentence_case() {
        let names = MetaField::ALL
            .iter()
            .map(|f| f.name(Lang::En))
            .chain([Status::Done, Status::InProgress, Status::NotDone, Status::Unknown].map(|s| s.name(Lang::En)))
            .chain([Figure::Aspects, Figure::Measures, Figure::CompletionRate].map(|f| f.name(Lang::En)));
        for name in names {
            assert!(name.is_ascii(), "{name}");
            assert!(name.starts_with(|c: char| c.is_ascii_uppercase()), "{name}");
            assert!(!name[1..].contains(|c: char| c.is_ascii_uppercase()), "{name}");
        }
    }
}
