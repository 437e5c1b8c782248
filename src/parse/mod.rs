//! The parsing pipeline. Each stage is a module with one concern:
//!
//! | stage | module | reads | produces |
//! |---|---|---|---|
//! | normalise | [`text`] | the input | a folded copy + a map back to input offsets |
//! | layout | [`layout`] | folded text | [`layout::Layout`]: title, closing block, page furniture |
//! | tree | [`tree`] | labelled lines and inline 一是… items | flat nodes in document order, with spans |
//! | metadata | [`meta`], [`dates`] | folded text + layout | [`Meta`] |
//! | stated counts | [`stated`] | folded text | [`Stated`] |
//! | status | [`status`], [`vocab`] | the tree | kinds (problem/measure) and statuses |
//! | UTF-16 offsets | [`utf16`] | the input | an index from byte to UTF-16 offsets |
//! | nest | [`nest`] | flat nodes + statuses | nested [`Node`]s with their text; [`Counts`] |
//! | checks | [`checks`] | outline + stated | [`Check`]s |
//! | proofread | [`proofread`] | tree + metadata + stated + folded text | [`Check`]s on numbering, dates, figures |
//!
//! Metadata and stated counts read phrases with the regex tables of [`patterns`]; labels and the
//! tree stay byte loops (they see every byte of the input). [`Stages`] runs the stages one per
//! step (the page parses a big text a step per task); [`parse_with`] runs them at once.

use crate::model::*;

pub mod checks;
pub mod dates;
pub mod labels;
pub mod layout;
pub mod meta;
pub mod nest;
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

/// [`parse`] with a choice of what to compute (see [`ParseOptions`]): the [`Stages`] run at once.
pub fn parse_with(text: &str, options: ParseOptions) -> Notice {
    let src = text::Source::new(text);
    let mut stages = Stages::new(&src, options);
    while stages.step() {}
    stages.finish()
}

/// The pipeline, one stage per [`Stages::step`], for a caller that must not be busy for a whole
/// parse at once: the page parses a text of megabytes a stage per task, so the browser answers
/// input and paints between them, and a newer text can stop an older parse. The tree, the one
/// stage that reads every line, takes [`TREE_STEP_BYTES`] of them per step, and the nesting the
/// nodes of the same stretches; each proofreading rule is a step of its own. The normalised text ([`text::Source`], the first stage) is the
/// caller's, so the stages can borrow it.
///
/// ```
/// use notice_outline::parse::{text::Source, ParseOptions, Stages};
/// let text = "一、整改情况\n1．台账不全的问题。已完成整改。";
/// let src = Source::new(text);
/// let mut stages = Stages::new(&src, ParseOptions::default());
/// while stages.step() {
///     let (done, of) = stages.progress();
///     assert!(done < of);
/// }
/// assert_eq!(stages.finish(), notice_outline::parse(text));
/// ```
pub struct Stages<'a> {
    src: &'a text::Source<'a>,
    options: ParseOptions,
    next: Stage,
    layout: layout::Layout,
    /// Steps the tree takes ([`TREE_STEP_BYTES`] of text each, at least one).
    tree_steps: usize,
    tree: Option<tree::Build<'a>>,
    meta: Meta,
    stated: Stated,
    flat: Vec<tree::FlatNode>,
    roles: Vec<status::Role>,
    /// Made before the nested model when [`ParseOptions::utf16_offsets`] asks for them.
    utf16: Option<utf16::Utf16Index<'a>>,
    nest: Option<nest::Nest>,
    outline: Vec<Node>,
    conflicts: Vec<checks::Conflict>,
    counts: Counts,
    checks: Vec<Check>,
    /// What the proofreading rules run so far found.
    proofread: Vec<Check>,
    /// The outline as the proofreading rules read it, made with it.
    proofread_view: Vec<proofread::NodeView>,
}

/// Text the tree reads per step, and whose nodes the nesting builds per step: ~1 MB is ~20 ms
/// in the browser (2.4 ms natively) for the tree, ~9 ms for the nesting.
pub const TREE_STEP_BYTES: usize = 1 << 20;

/// The stages after normalising and layout, in order; [`Stages::finish`] assembles the notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Phrases,
    /// The tree's `k`-th stretch of lines.
    Tree(usize),
    Classify,
    /// The UTF-16 offsets' index, if asked for.
    Utf16,
    /// The nested model's nodes in the tree's `k`-th stretch of text.
    Nest(usize),
    Checks,
    /// The proofreading rule [`proofread::RULES`]`[i]`.
    Proofread(usize),
    Done,
}

impl<'a> Stages<'a> {
    /// Finds the layout of the normalised text (title, closing block, page furniture).
    pub fn new(src: &'a text::Source<'a>, options: ParseOptions) -> Self {
        let layout = layout::layout(&src.folded);
        let tree_steps = layout.closing_start.saturating_sub(layout.title_end).div_ceil(TREE_STEP_BYTES).max(1);
        Stages {
            src,
            options,
            next: Stage::Phrases,
            layout,
            tree_steps,
            tree: None,
            meta: Meta::default(),
            stated: Stated::default(),
            flat: Vec::new(),
            roles: Vec::new(),
            utf16: None,
            nest: None,
            outline: Vec::new(),
            conflicts: Vec::new(),
            counts: Counts::default(),
            checks: Vec::new(),
            proofread: Vec::new(),
            proofread_view: Vec::new(),
        }
    }

    /// Runs the next stage; `false` once every stage has run (then call [`Stages::finish`]).
    pub fn step(&mut self) -> bool {
        let src = self.src;
        self.next = match self.next {
            Stage::Phrases => {
                self.meta = meta::extract_meta(src, &self.layout);
                self.stated = stated::extract_stated_from(src, self.layout.title_end);
                Stage::Tree(0)
            }
            Stage::Tree(k) => {
                let layout = &self.layout;
                let build = self.tree.get_or_insert_with(|| {
                    // The outline lives between the title and the closing block (signature, date).
                    let end = layout.closing_start;
                    tree::Build::new(&src.folded, layout.title_end.min(end), end)
                });
                // The last planned step reads whatever is left.
                let bytes = if k + 1 >= self.tree_steps { usize::MAX } else { TREE_STEP_BYTES };
                if build.advance(bytes) {
                    Stage::Tree(k + 1)
                } else {
                    self.flat = self.tree.take().map(tree::Build::finish).unwrap_or_default();
                    Stage::Classify
                }
            }
            Stage::Classify => {
                self.roles = status::classify(&src.folded, &self.flat);
                Stage::Utf16
            }
            Stage::Utf16 => {
                self.utf16 = self.options.utf16_offsets.then(|| utf16::Utf16Index::new(src.original));
                Stage::Nest(0)
            }
            Stage::Nest(k) => {
                let input = nest::Input { src, flat: &self.flat, roles: &self.roles, utf16: self.utf16.as_ref() };
                let build = self.nest.get_or_insert_with(nest::Nest::default);
                // The same stretches of text as the tree's steps; the last takes what is left.
                let region_start = self.layout.title_end.min(self.layout.closing_start);
                let until =
                    if k + 1 >= self.tree_steps { usize::MAX } else { region_start + (k + 1) * TREE_STEP_BYTES };
                if build.advance(&input, until) {
                    Stage::Nest(k + 1)
                } else {
                    let nested = self.nest.take().unwrap_or_default().finish(&input);
                    (self.outline, self.counts, self.conflicts) = (nested.outline, nested.counts, nested.conflicts);
                    self.proofread_view = nested.view;
                    Stage::Checks
                }
            }
            Stage::Checks => {
                self.checks = checks::checks(&self.stated, &self.counts, &self.outline, &self.conflicts);
                Stage::Proofread(0)
            }
            Stage::Proofread(i) => {
                let input = proofread::Input {
                    src,
                    outline: &self.outline,
                    meta: &self.meta,
                    stated: &self.stated,
                    view: &self.proofread_view,
                };
                if let Some(rule) = proofread::RULES.get(i) {
                    rule.run(&input, &mut self.proofread);
                }
                if i + 1 < proofread::RULES.len() {
                    Stage::Proofread(i + 1)
                } else {
                    Stage::Done
                }
            }
            Stage::Done => return false,
        };
        self.next != Stage::Done
    }

    /// `(stages run, stages in all)`, counting normalising and layout as the first and the
    /// notice's assembly as the last.
    pub fn progress(&self) -> (usize, usize) {
        (1 + self.index(self.next), 2 + self.index(Stage::Done))
    }

    /// The place of `stage` in the order of the steps.
    fn index(&self, stage: Stage) -> usize {
        let after_tree = 1 + self.tree_steps;
        match stage {
            Stage::Phrases => 0,
            Stage::Tree(k) => 1 + k.min(self.tree_steps - 1),
            Stage::Classify => after_tree,
            Stage::Utf16 => after_tree + 1,
            Stage::Nest(k) => after_tree + 2 + k.min(self.tree_steps - 1),
            Stage::Checks => after_tree + 2 + self.tree_steps,
            Stage::Proofread(i) => after_tree + 3 + self.tree_steps + i,
            Stage::Done => after_tree + 3 + self.tree_steps + proofread::RULES.len(),
        }
    }

    /// Runs what is left and assembles the notice (the UTF-16 offsets of the spans outside the
    /// outline too, if asked for).
    pub fn finish(mut self) -> Notice {
        while self.step() {}
        self.checks.extend(proofread::without_repeats(self.proofread));
        let mut notice = Notice {
            schema_version: SCHEMA_VERSION.to_string(),
            meta: self.meta,
            stated: self.stated,
            outline: self.outline,
            counts: self.counts,
            checks: self.checks,
        };
        if let Some(index) = &self.utf16 {
            utf16::fill_outside_outline(&mut notice, index);
        }
        notice
    }
}
