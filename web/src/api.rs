//! wasm-bindgen JS API: parse, mount, unmount (embed owner).
