// Where the time of a paste goes: a Chromium performance trace of one paste (the same paste as
// e2e/bench-paste.mjs), from the paste until the frame after the outline is in the DOM, broken
// down by what the main thread did. Not a test: it prints a table.
//
//   bash scripts/profile-build.sh && node e2e/trace-paste.mjs [sizes in KB, default 20 1024]
//
// Reads dist-profile/ (a wasm that keeps function names; PROFILE_DIST overrides it). Each size is
// pasted twice to warm up, then traced RUNS times (through Playwright's CDP session:
// Tracing.start/end with the timeline and V8 sampling categories); the table gives the median
// of each row.
//
// How the main thread's time is split:
// - trace events give style (UpdateLayoutTree), layout, paint (PrePaint, Paint, Layerize,
//   Commit…), GC and script (FunctionCall, EventDispatch, TimerFire, RunMicrotasks…), each event
//   counting its self time (a Layout forced from script counts as layout);
// - script time is split by V8's CPU samples: each sample goes to the first frame, from the
//   leaf up, that belongs to a named part (generic frames — core, alloc, memcpy, dlmalloc — are
//   skipped so an allocation counts for whoever allocated):
//     parse            notice_outline::… (the core crate)
//     model→view       notice_outline_web::app::… (outline index, components building the VDOM)
//     yew diff + patch yew::dom_bundle::… (reconciling the VDOM against the DOM)
//     yew other        the rest of yew (scheduler, VDOM node constructors)
//     DOM calls        the JS side of DOM calls (createElement, setAttribute, insertBefore…)
//     text box ↔ wasm  reading the text box and copying strings across the wasm boundary
//     editor overlay   notice_outline_web::app::editor::…
//     storage          saving the text (localStorage, IndexedDB)
//     exports          JSON for onChange / export (notice_outline::export, serde_json)
//     worker           posting to and reading from the parse worker
//     other            any other script

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './lib/server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { makeNotice, pasteOnce } from './bench-paste.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = process.env.PROFILE_DIST ?? path.join(here, '..', 'dist-profile');
const RUNS = Number(process.env.RUNS ?? 5);
const sizesKb = process.argv.slice(2).map(Number).filter((n) => n > 0);

const CATEGORIES = [
  'disabled-by-default-devtools.timeline',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'v8.execute',
  'v8',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.gc',
  'toplevel',
  '__metadata',
];

/** Rust's legacy symbol mangling (`_ZN14notice_outline5parse…17h…E`) → `notice_outline::parse::…`. */
function demangle(name) {
  let out = name;
  const at = name.indexOf('_ZN');
  if (at >= 0) {
    const parts = [];
    let p = at + 3;
    while (p < name.length && name[p] !== 'E') {
      const digits = /^\d+/.exec(name.slice(p));
      if (!digits) break;
      p += digits[0].length;
      parts.push(name.slice(p, p + Number(digits[0])));
      p += Number(digits[0]);
    }
    out = parts.join('::');
  }
  return out
    .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$RF\$/g, '&').replace(/\$BP\$/g, '*')
    .replace(/\$C\$/g, ',').replace(/\$u20\$/g, ' ').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}')
    .replace(/\$u5b\$/g, '[').replace(/\$u5d\$/g, ']').replace(/\.\./g, '::')
    .replace(/::h[0-9a-f]{16}$/, '');
}

// Frames that say nothing about who is working (an allocation belongs to its caller).
const GENERIC = /^(<)?(core|alloc|std|dlmalloc|compiler_builtins|hashbrown|wasm_bindgen::(convert|__rt|externref|closure)|js_sys|web_sys|__rust|__rdl|__rg|memcpy|memmove|memset|memcmp|rust_begin_unwind|__wbindgen_(malloc|realloc|free|exn_store|export))|^\$?(func\d+)?$|^wasm-function|^(handleError|getObject|addHeapObject|takeObject|dropObject|getUint8ArrayMemory0|getDataViewMemory0|isLikeNone|debugString)$/;
const DOM_VERBS = /(createElement|createTextNode|createElementNS|setAttribute|removeAttribute|appendChild|insertBefore|removeChild|replaceChild|textContent|nodeValue|set_?data|cloneNode|addEventListener|removeEventListener|classList|setProperty|innerHTML|firstChild|nextSibling|parentNode|namespaceURI|querySelector|remove|append|checked|set_?value|setvalue|defaultValue|set_?className|setclassName)/i;

const RULES = [
  ['worker', (f) => /notice_outline_web::worker|postMessage|parse-worker|__wbg_postMessage/i.test(f)],
  ['storage', (f) => /save_text|big_text|setItem|getItem|localStorage|indexedDB|IdbObjectStore|__wbg_put_/i.test(f)],
  ['exports', (f) => /notice_outline::export|serde_json|notice_to_js|emit_model|JSON\.parse|__wbg_parse_/.test(f)],
  ['text box ↔ wasm', (f) => /passStringToWasm|getStringFromWasm|decodeText|encodeString|cachedText(De|En)coder|TextDecoder|TextEncoder|__wbg_value_|^get value$|^value$/.test(f)],
  ['editor overlay', (f) => /notice_outline_web::app::editor/.test(f)],
  ['parse', (f) => /(^|<)notice_outline::/.test(f)],
  ['yew diff + patch', (f) => /yew::dom_bundle/.test(f)],
  ['model→view', (f) => /notice_outline_web::/.test(f)],
  ['yew other', (f) => /yew::|implicit_clone|gloo|indexmap/.test(f)],
  ['DOM calls', (f) => /^__wbg_/.test(f) ? DOM_VERBS.test(f) : DOM_VERBS.test(f) && !/::/.test(f)],
];
const SCRIPT_PARTS = [...RULES.map(([name]) => name), 'other script'];

/** The part a CPU sample's stack (leaf first) belongs to. */
function classifyStack(frames) {
  for (const frame of frames) {
    if (GENERIC.test(frame)) continue;
    for (const [name, test] of RULES) if (test(frame)) return name;
  }
  return 'other script';
}

/** A trace event's kind, by name; `null` for events whose self time belongs to their parent. */
function eventKind(name) {
  if (name === 'UpdateLayoutTree' || name === 'RecalculateStyles' || name === 'ParseAuthorStyleSheet' || name === 'InvalidateLayout') return 'style';
  if (name === 'Layout' || name === 'UpdateLayout') return 'layout';
  if (/^(PrePaint|Paint|PaintImage|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit|RasterTask|Decode.*|ScrollLayer|PaintSetup)$/.test(name)) return 'paint';
  if (/GC|Sweep|Mark|Scavenge|Heap/i.test(name) && !/Message/.test(name)) return 'gc';
  if (/^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|RunMicrotasks|EvaluateScript|v8\.run|v8\.callFunction|V8\.Execute|v8\.compile|v8\.compileModule|V8\.CompileCode|FireIdleCallback|XHRReadyStateChange|HandlePostMessage|ResourceReceivedData|v8\.wasm.*|wasm\..*)$/.test(name)) return 'script';
  if (name === 'RunTask' || name === 'ThreadControllerImpl::RunTask') return 'task';
  return null;
}

async function trace(page, cdp, text) {
  const events = [];
  const collect = (data) => events.push(...data.value);
  cdp.on('Tracing.dataCollected', collect);
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: CATEGORIES, excludedCategories: ['*'] },
  });
  const timing = await pasteOnce(page, text);
  // Let anything the app left for idle time run inside the trace too (it is reported apart).
  await page.waitForTimeout(300);
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  return { timing, ...analyse(events) };
}

function analyse(events) {
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('user_timing'));
  const start = mark('bench:paste');
  const end = mark('bench:painted');
  if (!start || !end) throw new Error('trace: the bench marks are missing');
  const { pid, tid } = start;
  const [t0, t1] = [start.ts, end.ts];

  // Complete events of the main thread, clipped to the window, with their self time.
  const open = new Map();
  const spans = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X' && e.dur != null) spans.push({ name: e.name, ts: e.ts, end: e.ts + e.dur });
    else if (e.ph === 'B') open.set(e.name, e);
    else if (e.ph === 'E' && open.has(e.name)) {
      spans.push({ name: e.name, ts: open.get(e.name).ts, end: e.ts });
      open.delete(e.name);
    }
  }
  const inWindow = spans
    .map((s) => ({ ...s, ts: Math.max(s.ts, t0), end: Math.min(s.end, t1) }))
    .filter((s) => s.end > s.ts)
    .sort((a, b) => a.ts - b.ts || b.end - a.end);
  const totals = { script: 0, style: 0, layout: 0, paint: 0, gc: 0, task: 0 };
  const stack = [];
  const notScript = []; // intervals of style/layout/paint/gc (samples there are not script)
  for (const s of inWindow) {
    while (stack.length && stack.at(-1).end <= s.ts) stack.pop();
    const parent = stack.at(-1);
    s.kind = eventKind(s.name) ?? parent?.kind ?? 'task';
    s.self = s.end - s.ts;
    if (parent) parent.self -= s.end - s.ts;
    stack.push(s);
    if (s.kind !== 'script' && s.kind !== 'task') notScript.push(s);
  }
  for (const s of inWindow) totals[s.kind] += Math.max(0, s.self);

  // CPU samples of the main thread's isolate, attributed to parts of the script.
  const nodes = new Map();
  const samples = [];
  const profiles = new Map();
  for (const e of events) {
    if (e.name === 'Profile' && e.pid === pid) profiles.set(e.id, { time: e.args.data.startTime, tid: e.tid });
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || !profiles.has(e.id)) continue;
    const profile = profiles.get(e.id);
    const data = e.args.data;
    for (const n of data.cpuProfile?.nodes ?? []) {
      nodes.set(`${e.id}:${n.id}`, { name: demangle(n.callFrame.functionName || n.callFrame.url || '(anonymous)'), parent: n.parent != null ? `${e.id}:${n.parent}` : null });
    }
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      profile.time += deltas[i] ?? 0;
      samples.push({ ts: profile.time, node: `${e.id}:${ids[i]}`, profile: e.id });
    }
  }
  samples.sort((a, b) => a.ts - b.ts);
  const parts = Object.fromEntries(SCRIPT_PARTS.map((p) => [p, 0]));
  const leaves = new Map();
  let sampled = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    if (s.ts < t0 || s.ts >= t1) continue;
    const weight = Math.min((samples[i + 1]?.ts ?? s.ts) - s.ts, 2000);
    const frames = [];
    for (let n = nodes.get(s.node); n; n = n.parent ? nodes.get(n.parent) : null) frames.push(n.name);
    if (!frames.length || /^\((idle|program|garbage collector|root)\)$/.test(frames[0])) continue;
    if (notScript.some((x) => x.ts <= s.ts && s.ts < x.end)) continue;
    const part = classifyStack(frames);
    parts[part] += weight;
    sampled += weight;
    const leaf = frames.find((f) => !GENERIC.test(f)) ?? frames[0];
    leaves.set(`${part}: ${leaf}`, (leaves.get(`${part}: ${leaf}`) ?? 0) + weight);
  }
  // Samples give shares; the script total comes from the trace events.
  const script = Object.fromEntries(SCRIPT_PARTS.map((p) => [p, sampled ? (parts[p] / sampled) * totals.script / 1000 : 0]));
  const top = [...leaves].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name, us]) => [name, us / sampled * totals.script / 1000]);
  const ms = (us) => us / 1000;
  return {
    window: ms(t1 - t0),
    busy: ms(totals.script + totals.style + totals.layout + totals.paint + totals.gc + totals.task),
    style: ms(totals.style),
    layout: ms(totals.layout),
    paint: ms(totals.paint),
    gc: ms(totals.gc),
    task: ms(totals.task),
    scriptTotal: ms(totals.script),
    script,
    top,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f1 = (x) => x.toFixed(1);

async function main() {
  const site = await startServer({ root: ROOT });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(site.url('/index.html'));
    await page.locator('.no-results[aria-busy="false"]').waitFor();
    const cdp = await page.context().newCDPSession(page);
    console.log(`Chromium ${browser.version()}, ${ROOT}, ${RUNS} traced pastes each, median ms`);
    for (const kb of sizesKb.length ? sizesKb : [20, 1024]) {
      const text = makeNotice(kb * 1024);
      for (let i = 0; i < 2; i++) await pasteOnce(page, text);
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await trace(page, cdp, text));
      const m = (get) => f1(median(runs.map(get)));
      const rows = [
        ['paste → painted (window)', (r) => r.window],
        ['main thread busy', (r) => r.busy],
        ...SCRIPT_PARTS.map((p) => [`script: ${p}`, (r) => r.script[p]]),
        ['style', (r) => r.style],
        ['layout', (r) => r.layout],
        ['paint, layerize, commit', (r) => r.paint],
        ['GC', (r) => r.gc],
        ['task overhead, other', (r) => r.task],
      ];
      console.log(`\n${(Buffer.byteLength(text) / 1024).toFixed(0)} KB (${runs[0].timing.rows} rows), parse mark ${m((r) => r.timing.parse)} ms`);
      console.log('| part | ms |\n|---|---:|');
      for (const [name, get] of rows) {
        const v = median(runs.map(get));
        if (v >= 0.05 || !name.startsWith('script:')) console.log(`| ${name} | ${f1(v)} |`);
      }
      console.log('\nheaviest frames (leaf, last traced run):');
      for (const [name, v] of runs.at(-1).top) console.log(`  ${f1(v).padStart(7)} ms  ${name}`);
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

await main();
