//! Who inspected whom, the timeline, and where to send feedback (tel:/mailto: links).

use notice_outline::export::vocab::MetaField;
use yew::prelude::*;

use super::i18n::{Lang, Text};
use super::state::NoticeRef;
use super::timeline::Timeline;

#[derive(Properties, PartialEq)]
pub struct MetaProps {
    pub lang: Lang,
    pub notice: NoticeRef,
}

/// A `tel:` URI: digits and the `+` a dialler understands; separators dropped.
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    format!("tel:{digits}")
}

#[function_component(MetaPanel)]
pub fn meta_panel(props: &MetaProps) -> Html {
    let lang = props.lang;
    let s = lang.s();
    let meta = &props.notice.0.meta;
    let field = |field: MetaField, value: &Option<String>, key: &str| {
        html! {
            <div class="no-meta__field" data-field={key.to_string()}>
                <dt>{ field.name(lang) }</dt>
                <dd class={classes!(value.is_none().then_some("no-muted"))}>
                    { value.clone().unwrap_or_else(|| s.unknown_value.to_string()) }
                </dd>
            </div>
        }
    };
    let has_contacts =
        !meta.phones.is_empty() || !meta.emails.is_empty() || !meta.postcodes.is_empty() || meta.address.is_some();
    html! {
        <section class="no-card no-meta" aria-label={s.meta_region}>
            <h2 class="no-card__title">{ s.meta_region }</h2>
            <dl class="no-meta__fields">
                if meta.title.is_some() { { field(MetaField::Title, &meta.title, "title") } }
                { field(MetaField::InspectedUnit, &meta.inspected_unit, "inspected_unit") }
                { field(MetaField::InspectionBody, &meta.inspection_body, "inspection_body") }
                { field(MetaField::Issuer, &meta.issuer, "issuer") }
            </dl>
            <h3 class="no-meta__subtitle">{ s.timeline }</h3>
            <Timeline meta={meta.clone()} lang={lang} />
            if has_contacts {
                <h3 class="no-meta__subtitle">{ s.contacts }</h3>
                <ul class="no-contacts">
                    { for meta.phones.iter().map(|p| html! {
                        <li><span class="no-contacts__kind">{ MetaField::Phone.name(lang) }</span><a href={tel_href(p)}>{ p.clone() }</a></li>
                    }) }
                    { for meta.emails.iter().map(|e| html! {
                        <li><span class="no-contacts__kind">{ MetaField::Email.name(lang) }</span><a href={format!("mailto:{e}")}>{ e.clone() }</a></li>
                    }) }
                    { for meta.postcodes.iter().map(|p| html! {
                        <li><span class="no-contacts__kind">{ MetaField::Postcode.name(lang) }</span>{ p.clone() }</li>
                    }) }
                    if let Some(address) = &meta.address {
                        <li><span class="no-contacts__kind">{ MetaField::Address.name(lang) }</span>{ address.clone() }</li>
                    }
                </ul>
            }
        </section>
    }
}
