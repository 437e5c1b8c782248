//! The browser side of notice-outline: the yew app, the custom element and the JS API.
