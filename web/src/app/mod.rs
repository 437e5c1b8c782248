//! The yew app (page owner).
