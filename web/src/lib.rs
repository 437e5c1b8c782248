//! The browser side of notice-outline: the yew app, the custom element's mount API and the JS API.
//! All parsing is done by the `notice-outline` core crate; this crate only renders and wires.

pub mod api;
pub mod app;
pub mod panic;
