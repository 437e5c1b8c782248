// Model → JS object: serde-wasm-bindgen's object vs JSON text + JSON.parse, in Node.
// Build: cargo build --release --target wasm32-unknown-unknown -p notice-outline-web --features boundary-bench
//        wasm-bindgen --target nodejs --out-dir target/boundary-bench target/wasm32-unknown-unknown/release/notice_outline_web.wasm
// Run:   node scripts/bench-boundary.mjs
// Prints a Markdown table for the README's "Packages" section.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// Some web-sys glue expects a window; the parse path never touches it.
globalThis.window ??= globalThis;
const wasm = require(path.join(here, '../target/boundary-bench/notice_outline_web.js'));
const { makeNotice } = await import(path.join(here, '../e2e/bench-paste.mjs'));

console.log('| notice | parse | model → object (serde-wasm-bindgen) | model → JSON text + JSON.parse | faster |');
console.log('|---|---:|---:|---:|---|');
for (const [label, bytes, runs] of [['2 KB', 2 << 10, 200], ['20 KB', 20 << 10, 100], ['1 MB', 1 << 20, 30]]) {
  const text = makeNotice(bytes);
  wasm.benchBoundary(text, 2); // warm up
  const [parse, object, json] = wasm.benchBoundary(text, runs);
  const faster = object < json ? 'object' : 'JSON';
  console.log(`| ${label} | ${parse.toFixed(2)} ms | ${object.toFixed(2)} ms | ${json.toFixed(2)} ms | ${faster} |`);
}
