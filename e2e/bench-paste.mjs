// Paste → rendered outline, timed in headless Chromium on the built page (not a test: it prints
// figures). A notice is generated at each target size, pasted (a paste event, then the input),
// and timed with Performance API marks:
//
//   parse                  the app's marks around the parse (notice-outline:parse-start → parsed)
//   paste → outline in DOM from just before the input event until the tree element is in the DOM
//                          (a MutationObserver callback, which runs right after the DOM change)
//   paste → next frame     until the animation frame after that: layout and paint done
//
// Then one keystroke is typed at the end of the big text, timing the input handler (typing must
// never wait for a parse: parsing is debounced). For scale, the same paste into a bare <textarea>
// on an empty page (the browser's own layout of the text, no app) is timed too: the app's paste
// and the bare one take turns (RUNS pairs, default 15), and the median of the pairs' ratios is
// printed, so a change in the machine's load during the run weighs on both alike.
//
//   trunk build --release --offline && node e2e/bench-paste.mjs [sizes in KB, default 20 1024]

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer, ensureDist } from './lib/server.mjs';
import { launchBrowser } from './lib/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.RUNS ?? 15);
const sizesKb = process.argv.slice(2).map(Number).filter((n) => n > 0);

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 12 → 十二, 47 → 四十七 (up to 99). */
function zh(n) {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS[tens] : ''}${tens > 0 ? '十' : ''}${DIGITS[ones]}`;
}

/** An invented notice of about `bytes` UTF-8 bytes: aspects × problems × 一是/二是 measures. */
export function makeNotice(bytes) {
  const problem = (a, p) => [
    `${p}.关于第${a}方面第${p}项问题的整改情况说明，存在制度执行不到位、监督检查不够有力等情况。`,
    `整改情况：一是修订完善相关管理制度，明确责任分工和完成时限；二是开展专项检查，对发现的问题逐项建立台账并督促整改到位；三是加强日常监督。${p % 4 === 0 ? '目前正在整改。' : '该问题已完成整改。'}`,
  ].join('\n');
  const problemBytes = Buffer.byteLength(problem(10, 10)) + 1;
  const perAspect = 40;
  const total = Math.max(3, Math.round(bytes / problemBytes));
  const aspects = Math.min(99, Math.max(1, Math.ceil(total / perAspect)));
  const perAspectActual = Math.max(1, Math.round(total / aspects));
  const lines = [
    '中共某某市基准测试局党组关于市委第一巡察组',
    '巡察反馈意见整改进展情况的通报',
    '',
    '根据市委统一部署，2024年3月1日至4月30日，市委第一巡察组对市基准测试局党组开展了常规巡察。2024年6月5日，巡察组反馈了巡察意见。',
    `巡察反馈的${aspects}个方面${aspects * perAspectActual}个问题。`,
    '',
    '一、提高政治站位，压实整改责任',
    '（一）加强组织领导。成立整改工作领导小组。',
    '二、巡察反馈问题整改落实情况',
  ];
  for (let a = 1; a <= aspects; a++) {
    lines.push(`（${zh(a)}）关于第${zh(a)}个方面的问题`);
    for (let p = 1; p <= perAspectActual; p++) lines.push(problem(a, p));
  }
  lines.push('三、下一步工作打算', '持续巩固整改成果。', '', '中共某某市基准测试局党组', '2024年9月10日');
  return lines.join('\n');
}

/** One paste of `text` into the page's text box, timed (see the header); also leaves the marks
 * `bench:paste` and `bench:painted` for traces (e2e/trace-paste.mjs). */
export async function pasteOnce(page, text) {
  return page.locator('textarea').evaluate(async (el, value) => {
    performance.clearMarks();
    el.value = '';
    el.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 400)); // let the empty text settle
    performance.clearMarks();
    // The outline is in the DOM when the tree element appears (a MutationObserver callback runs
    // as a microtask right after the DOM change); it is on screen at the next animation frame.
    const root = el.getRootNode();
    let inDom = 0;
    const painted = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!inDom && root.querySelector('[role="tree"]')) {
          inDom = performance.now();
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => {
            performance.mark('bench:painted');
            resolve(performance.now());
          }, 0));
        }
      });
      observer.observe(root.body ?? root, { childList: true, subtree: true });
    });
    el.focus();
    el.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: new DataTransfer() }));
    el.value = value;
    performance.mark('bench:paste');
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    const framed = await painted;
    const at = (name) => performance.getEntriesByName(name, 'mark').at(-1)?.startTime;
    const start = at('bench:paste');
    return {
      parse: at('notice-outline:parsed') - at('notice-outline:parse-start'),
      rendered: inDom - start,
      frame: framed - start,
      rows: root.querySelectorAll('[role="treeitem"]').length,
    };
  }, text);
}

/** The browser's own cost: the same paste into a bare textarea (no app) until the next frame. */
async function bareTextarea(browser, text) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.setContent('<textarea style="width: 600px; height: 600px"></textarea>');
  const ms = await page.locator('textarea').evaluate(async (el, value) => {
    const start = performance.now();
    el.value = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - start;
  }, text);
  await page.close();
  return ms;
}

/** One keystroke at the end of the text: time spent in the input handler (synchronous work). */
async function keystroke(page) {
  return page.locator('textarea').evaluate((el) => {
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    el.value += '。';
    const start = performance.now();
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: '。' }));
    return performance.now() - start;
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

/** Runs the benchmark when this file is run (not when imported for `makeNotice`). */
async function main() {
await ensureDist();
const site = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(site.url('/index.html'));
  await page.locator('.no-results[aria-busy="false"]').waitFor();
  console.log(`Chromium ${browser.version()}, ${RUNS} runs each, median (min–max)`);
  for (const kb of sizesKb.length ? sizesKb : [20, 1024]) {
    const text = makeNotice(kb * 1024);
    // The app's paste and the bare textarea's take turns, so a change in the machine's load
    // during the run weighs on both columns alike.
    const runs = [];
    const bare = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await pasteOnce(page, text));
      bare.push(await bareTextarea(browser, text));
    }
    const typing = [];
    for (let i = 0; i < RUNS; i++) typing.push(await keystroke(page));
    const line = (key) => `${fmt(median(runs.map((r) => r[key])))} (${fmt(Math.min(...runs.map((r) => r[key])))}–${fmt(Math.max(...runs.map((r) => r[key])))})`;
    console.log(`${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, ${runs[0].rows} rows rendered:`);
    console.log(`  parse:                   ${line('parse')}`);
    console.log(`  paste → outline in DOM:  ${line('rendered')}`);
    console.log(`  paste → next frame:      ${line('frame')}`);
    console.log(`  keystroke input handler: ${fmt(median(typing))}`);
    console.log(`  baseline, bare textarea paste → next frame: ${fmt(median(bare))}`);
    const ratios = runs.map((r, i) => r.frame / bare[i]);
    console.log(`  paste → next frame ÷ bare textarea, paired: ${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`);
  }
} finally {
  await browser.close();
  await site.close();
}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
