//! What the results column says before there is any text: what to paste, and the sample.

use yew::prelude::*;

use super::i18n::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct EmptyProps {
    pub lang: Lang,
    pub readonly: bool,
    pub on_sample: Callback<()>,
}

#[function_component(Empty)]
pub fn empty(props: &EmptyProps) -> Html {
    let s = props.lang.s();
    let on_sample = props.on_sample.reform(|_: MouseEvent| ());
    html! {
        <section class="no-card no-empty" aria-label={s.empty_title}>
            <svg class="no-empty__art" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
                <rect x="12" y="6" width="40" height="52" rx="4" class="no-empty__paper" />
                <path d="M20 18h24M20 26h18M24 34h20M24 42h14" class="no-empty__lines" />
            </svg>
            <h2 class="no-card__title">{ s.empty_title }</h2>
            <p>{ s.empty_body }</p>
            if !props.readonly {
                <p class="no-muted">{ s.empty_example }</p>
                <button type="button" class="no-button no-button--primary" onclick={on_sample}>{ s.load_sample }</button>
            }
        </section>
    }
}
