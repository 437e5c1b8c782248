//! notice-outline: turns the text of a Chinese rectification notice
//! (巡察/巡视/审计/督察整改进展情况的通报) into a structured outline with progress counts.
//!
//! The crate is a pure parsing core: no I/O, no web APIs. The CLI (`src/bin`), the page and the
//! JS API (`web/`) all call [`parse`] and render the one [`model::Notice`] it returns.
//!
//! ```
//! let notice = notice_outline::parse("一、整改情况\n（一）学习不深入。\n整改情况：已完成整改。\n");
//! assert_eq!(notice.outline[0].label, "一、");
//! assert_eq!(notice.outline[0].children[0].heading, "学习不深入");
//! ```

pub mod export;
pub mod format;
pub mod model;
pub mod parse;

pub use model::{Notice, SCHEMA_VERSION};
pub use parse::{parse, parse_bytes, parse_with, InputError, ParseOptions};
