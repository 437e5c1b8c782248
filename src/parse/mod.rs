//! The parsing pipeline. Each stage is a module with one concern:
//!
//! | stage | module | reads | produces |
//! |---|---|---|---|
//! | normalise | [`text`] | the input | a folded copy + a map back to input offsets |
//! | layout | [`layout`] | folded text | [`layout::Layout`]: title, closing block, page furniture |
//! | tree | [`tree`] | labelled lines and inline 一是… items | nested [`Node`]s with spans |
//! | metadata | [`meta`], [`dates`] | folded text + layout | [`Meta`] |
//! | stated counts | [`stated`] | folded text | [`Stated`] |
//! | status | [`status`], [`vocab`] | the tree | kinds (problem/measure) and statuses |
//! | checks | [`checks`] | tree + stated | [`Counts`] and [`Check`]s |
//! | proofread | [`proofread`] | tree + metadata + stated + folded text | [`Check`]s on numbering, dates, figures |
//!
//! Metadata and stated counts read phrases with the regex tables of [`patterns`]; labels and the
//! tree stay byte loops (they see every byte of the input).

use crate::model::*;

pub mod checks;
pub mod dates;
pub mod labels;
pub mod layout;
pub mod meta;
pub mod numerals;
pub mod patterns;
pub mod proofread;
pub mod stated;
pub mod status;
pub mod text;
pub mod tree;
pub mod utf16;
pub mod vocab;

/// Input that is not text we can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The bytes are not valid UTF-8; `offset` is the first bad byte.
    InvalidUtf8 { offset: usize },
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::InvalidUtf8 { offset } => write!(
                f,
                "input is not valid UTF-8 (first bad byte at offset {offset}); save the notice as UTF-8 and try again"
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// Parses raw bytes, which must be UTF-8 (a leading BOM is allowed and kept in the offsets).
pub fn parse_bytes(bytes: &[u8]) -> Result<Notice, InputError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(parse(text)),
        Err(e) => Err(InputError::InvalidUtf8 { offset: e.valid_up_to() }),
    }
}

/// What [`parse_with`] computes beyond the outline itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseOptions {
    /// Fill every span's `start_utf16`/`end_utf16` (the page and the JS API slice JavaScript
    /// strings with them). The CLI's ledgers never print them, and skipping them saves a pass
    /// over the text per span; they are then left at 0.
    pub utf16_offsets: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions { utf16_offsets: true }
    }
}

/// Parses the text of a notice. Never panics; text with no numbering gives an empty outline.
pub fn parse(text: &str) -> Notice {
    parse_with(text, ParseOptions::default())
}

/// [`parse`] with a choice of what to compute (see [`ParseOptions`]).
pub fn parse_with(text: &str, options: ParseOptions) -> Notice {
    let src = text::Source::new(text);
    let layout = layout::layout(&src.folded);
    let meta = meta::extract_meta(&src, &layout);
    let stated = stated::extract_stated_from(&src, layout.title_end);
    // The outline lives between the title and the closing block (signature, date).
    let region = (layout.title_end.min(layout.closing_start), layout.closing_start);

    let flat = tree::build(&src.folded, region.0, region.1);
    let roles = status::classify(&src.folded, &flat);
    let mut conflicts = Vec::new();
    let mut outline = nest(&src, &flat, &roles, &mut conflicts);
    let counts = checks::count(&mut outline);
    let mut checks = checks::checks(&stated, &counts, &outline, &conflicts);
    checks.extend(proofread::proofread(&proofread::Input {
        src: &src,
        outline: &outline,
        meta: &meta,
        stated: &stated,
    }));

    let mut notice = Notice { schema_version: SCHEMA_VERSION.to_string(), meta, stated, outline, counts, checks };
    if options.utf16_offsets {
        utf16::fill_all(&mut notice, text);
    }
    notice
}

/// Turns the flat, classified nodes into the nested model, with text sliced from the input.
fn nest(
    src: &text::Source,
    flat: &[tree::FlatNode],
    roles: &[status::Role],
    conflicts: &mut Vec<checks::Conflict>,
) -> Vec<Node> {
    fn build(
        i: usize,
        src: &text::Source,
        flat: &[tree::FlatNode],
        roles: &[status::Role],
        conflicts: &mut Vec<checks::Conflict>,
    ) -> Node {
        let f = &flat[i];
        let role = roles[i];
        let children: Vec<Node> = f.children.iter().map(|&c| build(c, src, flat, roles, conflicts)).collect();
        let span = src.span(f.label.0, f.end);
        // Each span is mapped once and its text sliced from it (what `original_text` does).
        let text_of = |s: Span| src.original[s.start..s.end].to_string();
        if let (Some((own, (a, b))), Some(group)) = (role.own_status_conflict, role.status) {
            let words = src.span(a, b);
            conflicts.push(checks::Conflict {
                problem: span,
                group,
                own,
                words: Evidence { text: text_of(words), span: words },
            });
        }
        let (label_span, heading_span, body_span) =
            (src.span(f.label.0, f.label.1), src.span(f.heading.0, f.heading.1), src.span(f.body.0, f.body.1));
        Node {
            label: text_of(label_span),
            heading: text_of(heading_span),
            body: text_of(body_span),
            kind: role.kind,
            status: role.status,
            status_evidence: role.evidence.map(|(a, b)| {
                let span = src.span(a, b);
                Evidence { text: text_of(span), span }
            }),
            form: f.form,
            number: f.number,
            level: f.depth,
            measures: (role.kind == NodeKind::Problem).then_some(children.len() as u32),
            progress: None,
            span,
            label_span,
            heading_span,
            body_span,
            children,
        }
    }
    (0..flat.len()).filter(|&i| flat[i].parent.is_none()).map(|i| build(i, src, flat, roles, conflicts)).collect()
}
