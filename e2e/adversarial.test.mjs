// Adversarial pastes on the release build, served with the strict CSP: the page never hangs,
// never runs what it is shown, says so when there is nothing to outline, and a reload still
// holds the text. Each paste's times are printed and written to artifacts/adversarial-e2e.json.
//
//   trunk build --release --offline && node --test e2e/adversarial.test.mjs
//
// Time is measured, not asserted, except for the generous "still answers" bound below: a busy
// CI machine must not fail the suite, a hung page must.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, ensureDist } from './lib/server.mjs';
import { launchBrowser, watchPage } from './lib/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const artifacts = path.join(here, '..', 'artifacts');

/** How long the page may take to answer again after a paste before we call it hung. */
const ANSWER_WITHIN_MS = 60_000;

// ---------------------------------------------------------------------------------------------
// Inputs (invented), the same shapes as tests/adversarial.rs.

const NOTICE = readFileSync(path.join(here, '..', 'fixtures', 'short-notice.txt'), 'utf8');

const utf8Length = (s) => Buffer.byteLength(s, 'utf8');
/** `unit` repeated until the text holds `bytes` bytes of UTF-8. */
const repeatTo = (unit, bytes) => unit.repeat(Math.ceil(bytes / utf8Length(unit)));
const MB = 1024 * 1024;

/** The UTF-8 bytes of `text` read as Latin-1 (a mislabelled page). */
const utf8AsLatin1 = (text) => Buffer.from(text, 'utf8').toString('latin1');

// Every payload sets window.__pwned or opens a dialog if it ever runs.
const PAYLOADS = [
  '<script>window.__pwned = 1; alert(1)</script>',
  '<img src=x onerror="window.__pwned = 2; alert(2)">',
  '<svg onload="window.__pwned = 3">',
  '<iframe srcdoc="<script>parent.__pwned = 4</script>"></iframe>',
  '[点此查看](javascript:window.__pwned=5)',
  '<a href="javascript:window.__pwned=6">链接</a>',
  '"><script>window.__pwned = 7</script>',
  "'; window.__pwned = 8; '",
  '{{constructor.constructor("window.__pwned = 9")()}}',
  '=HYPERLINK("http://example.com","x")',
];

const PAYLOAD_NOTICE = [
  '关于<script>window.__pwned = 10</script>巡察整改进展情况的通报',
  '一、整改落实情况',
  ...PAYLOADS.map((p, i) => `（${i + 1}）${p}问题。\n整改情况：已完成整改。`),
  '二、<b onmouseover="window.__pwned = 11">悬停</b>',
  '',
].join('\n');

const CASES = [
  { name: 'empty', text: '', nothing: 'empty' },
  { name: 'whitespace only', text: ' \t\u3000\n\n\u00a0 \r\n   ', nothing: 'any' },
  { name: 'invisible only', text: '\ufeff\u200b\u200d\u202e\u2066', nothing: 'any' },
  { name: '10 MB of notices', text: repeatTo(NOTICE, 10 * MB), big: true },
  {
    name: '100 000 labelled lines',
    text: '一、整改\n'.repeat(100_000),
    big: true,
  },
  { name: '100 000 labels in a row', text: '一、'.repeat(100_000) },
  { name: '5 MB line, no break', text: repeatTo('巡察反馈问题整改落实情况良好，', 5 * MB), nothing: 'nostructure', big: true },
  {
    name: 'deep nesting × 20 000',
    text: '一、第一部分\n（一）第一组\n1.第一项\n（1）第一小项\n1）第一细项\n①第一点。\n一是第一步。\n'.repeat(20_000),
    big: true,
  },
  {
    // More than localStorage holds (about 5 million characters in Chromium): the text must still
    // be kept, or the page must say plainly that it could not keep it.
    name: '24 MB of lines, over the storage quota',
    text: repeatTo('巡察反馈问题整改落实情况良好，\n', 24 * MB),
    nothing: 'nostructure',
    big: true,
  },
  {
    name: 'control, bidi, emoji',
    text: '\ufeff一、关于\u0000作风\u0001方面\u0007\n（一）\u200b会议\u200d过多\u202e问题\u202c。整改情况：已完成整改。\n' +
      '（二）检查😀过多👨‍👩‍👧问题🇨🇳。整改情况：正在整改。\u2028（三）\u001b[31m红字\u001b[0m问题\u007f。\r\n二、\u2066隔离\u2069\ufffd𠀀𪚥\n',
  },
  { name: 'mojibake (UTF-8 read as Latin-1)', text: utf8AsLatin1(NOTICE) },
  { name: 'HTML and script payloads', text: PAYLOAD_NOTICE, payloads: true },
];

// ---------------------------------------------------------------------------------------------

let site;
let browser;
const figures = [];

before(async () => {
  await ensureDist();
  site = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await mkdir(artifacts, { recursive: true });
  await writeFile(path.join(artifacts, 'adversarial-e2e.json'), JSON.stringify(figures, null, 2));
  console.log('\nadversarial pastes (release build, headless Chromium):');
  for (const f of figures) {
    console.log(`  ${f.name.padEnd(34)} ${f.megabytes.toFixed(2).padStart(6)} MB  ` +
      `paste→rendered ${String(f.renderedMs).padStart(6)} ms (parse ${f.parseMs} ms, render ${f.renderMs} ms)  ` +
      `answers after ${String(f.answerMs).padStart(6)} ms  click ${f.clickMs} ms  ` +
      `reload→text ${String(f.reloadMs).padStart(6)} ms  rows ${f.rows}  kept ${f.kept}`);
  }
});

/** A fresh context (fresh localStorage) on index.html, with the app mounted and idle. */
async function openPage(t) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const seen = watchPage(page);
  const dialogs = [];
  // Chromium asks for /favicon.ico on its own; any other missing file is a failure.
  const missing = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') missing.push(`${r.status()} ${r.url()}`);
  });
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  t.after(() => context.close());
  await page.goto(site.url('/index.html'));
  await page.locator('.no-app').waitFor();
  await page.locator('.no-results[aria-busy="false"]').waitFor();
  return { page, seen, dialogs, missing };
}

/** A cheap fingerprint of a string, computed the same way in Node and in the page. */
function fingerprint(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${s.length}:${h.toString(16)}`;
}
const fingerprintInPage = `(s) => { let h = 0x811c9dc5; for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; } return s.length + ':' + h.toString(16); }`;

/** What the text box shows of `text`: all of it, or from 2 MB (UTF-8) its first 65 536 UTF-16
 * units, without a split surrogate pair (web/src/app/preview.rs). */
function previewOf(text) {
  if (utf8Length(text) < 2 * MB) return text;
  const end = /[\ud800-\udbff]/.test(text[65535] ?? '') ? 65535 : 65536;
  return text.slice(0, end);
}

async function textBoxFingerprint(page) {
  return page.locator('textarea').evaluate((el, fn) => (0, eval)(fn)(el.value), fingerprintInPage);
}

/** How many times the app has rendered a parse (it marks each one for benchmarks). */
const renders = (page) => page.evaluate(() => performance.getEntriesByName('notice-outline:rendered').length);

/** Pastes `text` as a browser does (paste event, value, input event) and returns the times. */
async function paste(page, text) {
  const before = await renders(page);
  const started = Date.now();
  await page.locator('textarea').evaluate((el, value) => {
    window.__pasteAt = performance.now();
    el.focus();
    el.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: new DataTransfer() }));
    el.value = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  // The main thread answers again (a parse runs on it): the page is not hung.
  const answered = await withTimeout(page.evaluate(() => 1), ANSWER_WITHIN_MS, 'the page does not answer');
  assert.equal(answered, 1);
  const answerMs = Date.now() - started;
  if (text.length > 0) {
    await page.waitForFunction((n) => performance.getEntriesByName('notice-outline:rendered').length > n, before, {
      timeout: ANSWER_WITHIN_MS,
      polling: 100,
    });
  }
  await page.locator('.no-results[aria-busy="false"]').waitFor({ timeout: ANSWER_WITHIN_MS });
  // The app's own marks: when the parse finished and when its render was committed.
  const marks = await page.evaluate(() => {
    const last = (name) => performance.getEntriesByName(name).at(-1)?.startTime;
    const at = window.__pasteAt;
    const parsed = last('notice-outline:parsed');
    const rendered = last('notice-outline:rendered');
    return {
      parseMs: parsed > at ? Math.round(parsed - at) : null,
      renderMs: rendered > parsed && parsed > at ? Math.round(rendered - parsed) : null,
    };
  });
  return { answerMs, renderedMs: Date.now() - started, ...marks };
}

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`${message} within ${ms} ms`)), ms); }),
  ]);
}

/** Elements and attributes through which pasted markup could run, counted over the document. */
function liveMarkup(page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('img').length,
      frames: document.querySelectorAll('iframe, object, embed').length,
      handlers: all.filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).map((el) => el.outerHTML.slice(0, 80)),
      jsLinks: all.filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? '')).map((el) => el.outerHTML.slice(0, 80)),
      pwned: window.__pwned,
    };
  });
}

for (const c of CASES) {
  test(`adversarial paste: ${c.name}`, { timeout: 5 * 60_000, todo: c.todo }, async (t) => {
    const { page, seen, dialogs, missing } = await openPage(t);
    const before = await liveMarkup(page);

    const times = await paste(page, c.text);

    // A button still answers a click: the language switch relabels the page, and back.
    const clickStarted = Date.now();
    const langSwitch = page.locator('button.no-lang');
    const label = await langSwitch.textContent();
    await langSwitch.click({ timeout: ANSWER_WITHIN_MS });
    await page.waitForFunction((was) => document.querySelector('button.no-lang')?.textContent !== was, label, { timeout: ANSWER_WITHIN_MS });
    await langSwitch.click({ timeout: ANSWER_WITHIN_MS });
    await page.waitForFunction((was) => document.querySelector('button.no-lang')?.textContent === was, label, { timeout: ANSWER_WITHIN_MS });
    const clickMs = Date.now() - clickStarted;

    // Nothing to outline: a clear message (the empty-text card, or "no structure found").
    if (c.nothing === 'empty') await page.locator('.no-empty').waitFor();
    if (c.nothing === 'nostructure') await page.locator('.no-nostructure').waitFor();
    if (c.nothing === 'any') await page.locator('.no-empty, .no-nostructure').first().waitFor();
    const rows = await page.locator('[role="treeitem"]').count();
    if (c.nothing) assert.equal(rows, 0, 'no outline rows for text with no structure');

    // Nothing ran, nothing was injected.
    await page.waitForTimeout(c.payloads ? 500 : 0);
    const afterPaste = await liveMarkup(page);
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.equal(afterPaste.pwned, undefined, 'no payload ran');
    assert.equal(afterPaste.scripts, before.scripts, 'no <script> element added');
    assert.equal(afterPaste.images, before.images, 'no <img> element added');
    assert.equal(afterPaste.frames, before.frames, 'no frame added');
    assert.deepEqual(afterPaste.handlers, [], 'no inline event handler in the DOM');
    assert.deepEqual(afterPaste.jsLinks, [], 'no javascript: link in the DOM');
    if (c.payloads) {
      // The markup is shown as text, in the outline (expanded: the items may start collapsed).
      await page.getByRole('button', { name: '全部展开' }).click();
      await page.locator('[role="tree"]').getByText('<img src=x onerror=', { exact: false }).first().waitFor();
      const shown = (await page.locator('[role="tree"]').textContent()) ?? '';
      assert.ok(shown.includes('<img src=x onerror='), `payload shown as text: ${shown.slice(0, 200)}`);
    }
    assert.equal(await page.locator('[data-notice-outline-failed]').count(), 0, 'the app did not fail');

    // The text box holds exactly what was pasted, and a reload brings it back.
    // A textarea's value has every \r\n and lone \r as \n (HTML spec), whatever was pasted.
    // From 2 MB the box shows a read-only preview of the text's beginning (the whole text is
    // parsed and kept; web/src/app/preview.rs).
    const shown = previewOf(c.text.replace(/\r\n?/g, '\n'));
    const expected = fingerprint(shown);
    assert.equal(await textBoxFingerprint(page), expected, 'the text box holds the paste');
    const saidBeforeReload = await page.locator('[role="alert"], [role="status"]').allTextContents();
    const reloadStarted = Date.now();
    await page.reload();
    await page.locator('.no-app').waitFor({ timeout: ANSWER_WITHIN_MS });
    await page.locator('.no-results[aria-busy="false"]').waitFor({ timeout: ANSWER_WITHIN_MS });
    // A text over localStorage's quota comes back from IndexedDB a moment after the app mounts.
    const length = shown.length;
    await page
      .waitForFunction((n) => document.querySelector('textarea')?.value.length === n, length, { timeout: ANSWER_WITHIN_MS, polling: 100 })
      .catch(() => {});
    const reloadMs = Date.now() - reloadStarted;
    const kept = (await textBoxFingerprint(page)) === expected;
    const reloaded = await liveMarkup(page);
    assert.equal(reloaded.pwned, undefined, 'no payload ran after the reload');
    assert.deepEqual(dialogs, [], 'no dialog opened after the reload');

    figures.push({
      name: c.name,
      megabytes: utf8Length(c.text) / MB,
      answerMs: times.answerMs,
      renderedMs: times.renderedMs,
      parseMs: times.parseMs,
      renderMs: times.renderMs,
      clickMs,
      reloadMs,
      rows,
      kept,
    });
    // Every text comes back, also one over localStorage's quota (it is kept in IndexedDB).
    const said = [...saidBeforeReload, ...(await page.locator('[role="alert"], [role="status"]').allTextContents())];
    assert.ok(kept, `a reload still holds the text (the page said: ${said.join(' | ')})`);

    assert.deepEqual(missing, [], 'every file the page asks for is there');
    const problems = seen.problems().filter((p) => !/too large to keep in localStorage|status of 404/.test(p));
    assert.deepEqual(problems, [], 'no console error, uncaught exception or failed request');
  });
}
