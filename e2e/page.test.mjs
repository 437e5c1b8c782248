// End-to-end tests of the stand-alone page (www/index.html) on the built dist/, served with the
// strict CSP: paste → outline agrees with the CLI's JSON, click → text highlight, keyboard,
// reload keeps the text, accessibility audit, and screenshots in artifacts/.
//
//   trunk build --release --offline && node --test e2e/page.test.mjs
//
// DIST_DIR overrides the built site (default dist/); NOTICE_OUTLINE_CLI the CLI binary (default
// target/release/notice-outline, rebuilt first so it matches the page's parser). Notices in
// ../shared/corpus/seeds (*.txt), when that folder exists, are pasted too.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, ensureDist } from './lib/server.mjs';
import { launchBrowser, watchPage } from './lib/browser.mjs';
import { AUDIT_NOTICE } from './lib/notices.mjs';
import { openApp, paste, settled } from './lib/app.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const artifacts = path.join(repoDir, 'artifacts');
const seedsDir = path.resolve(repoDir, '..', 'shared', 'corpus', 'seeds');
const cliPath = process.env.NOTICE_OUTLINE_CLI ?? path.join(repoDir, 'target', 'release', 'notice-outline');

const SAMPLE = await readFile(path.join(repoDir, 'www', 'sample-notice.txt'), 'utf8');
// A second notice of our own (e2e/lib/notices.mjs).
const FIXTURE = AUDIT_NOTICE;

let site;
let browser;

function cli(text) {
  return JSON.parse(execFileSync(cliPath, ['--format', 'json'], { input: text, maxBuffer: 1 << 28 }).toString('utf8'));
}

function flatten(nodes, out = []) {
  for (const node of nodes) {
    out.push(node);
    flatten(node.children, out);
  }
  return out;
}

before(async () => {
  await ensureDist();
  // The CLI must be the parser the page was built from: (re)build it unless one is given.
  if (!process.env.NOTICE_OUTLINE_CLI) {
    execFileSync('cargo', ['build', '--release', '-q', '--bin', 'notice-outline'], { cwd: repoDir, stdio: 'inherit' });
  }
  site = await startServer({ files: { '/axe.min.js': require.resolve('axe-core/axe.min.js') } });
  browser = await launchBrowser();
  await mkdir(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** A fresh page (fresh localStorage) on index.html, with the app mounted. */
function openPage(t, viewport) {
  return openApp(t, browser, site, watchPage, viewport);
}

async function expandAll(page) {
  await page.getByRole('button', { name: '全部展开' }).click();
}

/** What the figures table shows, by field: { stated: {...}, derived: {...} }. */
async function figures(page) {
  return page.locator('.no-figures').evaluate((table) => {
    const read = (attr) => Object.fromEntries([...table.querySelectorAll(`[${attr}]`)].map((cell) => [cell.getAttribute(attr), cell.firstChild?.textContent?.trim() ?? '']));
    return { stated: read('data-stated'), derived: read('data-derived') };
  });
}

const rate = (r) => (Math.abs(r - Math.round(r)) < 0.05 ? `${Math.round(r)}%` : `${r.toFixed(1)}%`);

/** The page shows exactly the CLI's outline and counts for `text`. */
async function assertMatchesCli(page, text, label) {
  const model = cli(text);
  await paste(page, text);
  const nodes = flatten(model.outline);
  if (nodes.length === 0) {
    await page.locator('.no-nostructure').waitFor();
    return;
  }
  await expandAll(page);
  const items = page.locator('[role="treeitem"]');
  assert.equal(await items.count(), nodes.length, `${label}: one tree item per node`);
  assert.equal(nodes.length, model.counts.nodes, `${label}: the CLI's own node count`);
  // Row by row: the label and heading shown are the model's.
  const shown = await items.evaluateAll((els) => els.map((el) => el.querySelector(':scope > .no-node__row .no-node__text').textContent));
  assert.deepEqual(shown, nodes.map((n) => `${n.label}${n.heading}`), `${label}: labels and headings`);
  const chips = await page.locator('.no-node--problem > .no-node__row .no-chip').evaluateAll((els) => els.map((el) => el.dataset.status));
  const statuses = nodes.filter((n) => n.kind === 'problem').map((n) => n.status.replace('_', '-'));
  assert.deepEqual(chips, statuses, `${label}: status chips`);

  const { stated, derived } = await figures(page);
  const p = model.counts;
  assert.equal(derived.problems, String(p.problems), `${label}: problems`);
  assert.equal(derived.problems_done, String(p.done), `${label}: done`);
  for (const [field, value] of [['problems_in_progress', p.in_progress], ['problems_not_done', p.not_done], ['problems_unknown', p.unknown], ['measures', p.measures]]) {
    if (field in derived) assert.equal(derived[field], String(value), `${label}: ${field}`);
    else assert.equal(value, 0, `${label}: ${field} is left out only when 0`);
  }
  if (p.completion_rate != null) assert.equal(derived.completion_rate, rate(p.completion_rate), `${label}: rate`);
  for (const field of ['aspects', 'problems', 'problems_done', 'problems_in_progress', 'problems_not_done', 'measures', 'rules']) {
    if (model.stated[field] != null) assert.equal(stated[field], String(model.stated[field]), `${label}: stated ${field}`);
  }
  // Section progress bars carry the section's numbers.
  const sectionBars = await page.locator('.no-node--section > .no-node__row .no-progress').evaluateAll((els) => els.map((el) => el.dataset.problems));
  const sections = nodes.filter((n) => n.kind === 'section' && n.progress?.problems > 0).map((n) => String(n.progress.problems));
  assert.deepEqual(sectionBars, sections, `${label}: section progress`);
  // One line per check, in the language of the UI.
  const checks = await page.locator('.no-check:not([data-unexplained]) .no-check__message').allTextContents();
  assert.deepEqual(checks, model.checks.map((c) => c.message_zh), `${label}: checks`);
}

test('opens with the sample notice, no console errors, no foreign requests', async (t) => {
  const { page, seen } = await openPage(t);
  const value = await page.locator('textarea').inputValue();
  assert.equal(value, SAMPLE, 'a first visit opens with the sample');
  assert.ok(await page.locator('[role="treeitem"]').count() > 0);
  assert.deepEqual(seen.problems(), []);
});

test('the outline and the numbers equal the CLI for the same text', async (t) => {
  const { page, seen } = await openPage(t);
  await assertMatchesCli(page, SAMPLE, 'sample');
  await assertMatchesCli(page, FIXTURE, 'fixture');
  if (existsSync(seedsDir)) {
    for (const name of (await readdir(seedsDir)).filter((n) => n.endsWith('.txt')).sort()) {
      await assertMatchesCli(page, await readFile(path.join(seedsDir, name), 'utf8'), name);
    }
  } else {
    t.diagnostic(`SKIP the corpus seeds: ${seedsDir} not found`);
  }
  assert.deepEqual(seen.problems(), []);
});

test('clicking a node highlights its text; the caret selects its node', async (t) => {
  const { page } = await openPage(t);
  await paste(page, FIXTURE);
  const nodes = flatten(cli(FIXTURE).outline);
  const target = nodes.findLast((n) => n.kind === 'problem');
  const index = nodes.indexOf(target);
  await page.locator(`[data-index="${index}"] > .no-node__row`).click();
  const mark = page.locator('.no-backdrop mark');
  await mark.waitFor();
  assert.equal(await mark.textContent(), FIXTURE.slice(target.span.start_utf16, target.span.end_utf16));
  // The mark is scrolled into the visible part of the text box.
  const [box, marked] = await Promise.all([page.locator('textarea').boundingBox(), mark.boundingBox()]);
  assert.ok(marked.y >= box.y && marked.y < box.y + box.height, 'the highlight is inside the visible text box');

  const first = nodes.find((n) => n.kind === 'problem');
  await page.locator('textarea').evaluate((el, at) => {
    el.focus();
    el.setSelectionRange(at, at);
    el.dispatchEvent(new Event('select', { bubbles: true }));
  }, first.heading_span.start_utf16 + 1);
  await page.locator(`[data-index="${nodes.indexOf(first)}"][aria-selected="true"]`).waitFor();
});

test('checks point at their place in the text', async (t) => {
  const { page } = await openPage(t);
  await paste(page, FIXTURE);
  const model = cli(FIXTURE);
  const check = model.checks.find((c) => c.spans.length > 0);
  if (!check) return t.skip('the parser reports no check with a span for the fixture');
  await page.locator(`.no-check[data-code="${check.code}"] button`).first().click();
  assert.equal(await page.locator('.no-backdrop mark').textContent(), FIXTURE.slice(check.spans[0].start_utf16, check.spans[0].end_utf16));
});

test('the tree works with the keyboard', async (t) => {
  const { page } = await openPage(t);
  const items = page.locator('[role="treeitem"]');
  assert.equal(await page.locator('[role="treeitem"][tabindex="0"]').count(), 1, 'one tab stop');
  await items.first().focus();
  const focused = () => page.evaluate(() => document.activeElement?.dataset.index);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), '1');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), '0', 'Left goes to the parent');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await items.first().getAttribute('aria-expanded'), 'false', 'Left collapses');
  await page.keyboard.press('ArrowRight');
  assert.equal(await items.first().getAttribute('aria-expanded'), 'true', 'Right expands');
  await page.keyboard.press('End');
  const last = await items.last().getAttribute('data-index');
  assert.equal(await focused(), last, 'End goes to the last row');
  await page.keyboard.press('Home');
  assert.equal(await focused(), '0');
  await page.keyboard.press('Enter');
  await page.locator('.no-backdrop mark').waitFor();
});

test('a reload keeps the text; clear is undoable', async (t) => {
  const { page } = await openPage(t);
  await paste(page, FIXTURE);
  await page.reload();
  await page.locator('.no-app').waitFor();
  await settled(page);
  assert.equal(await page.locator('textarea').inputValue(), FIXTURE);
  await page.getByRole('button', { name: '清空', exact: true }).click();
  await page.locator('.no-empty').waitFor();
  assert.equal(await page.locator('textarea').inputValue(), '');
  await page.getByRole('button', { name: '撤销清空' }).click();
  await settled(page);
  assert.equal(await page.locator('textarea').inputValue(), FIXTURE);
  await page.getByRole('button', { name: '清空', exact: true }).click();
  await page.reload();
  await page.locator('.no-empty').waitFor();
  assert.equal(await page.locator('textarea').inputValue(), '', 'a cleared text stays cleared (no sample)');
  await page.locator('.no-empty').getByRole('button', { name: '载入示例' }).click();
  await settled(page);
  assert.equal(await page.locator('textarea').inputValue(), SAMPLE);
});

test('text without numbered headings gets a message, not a blank pane', async (t) => {
  const { page } = await openPage(t);
  await paste(page, '这是一段普通的文字，没有任何编号标题。\n第二行也没有。');
  const message = page.locator('.no-nostructure');
  await message.waitFor();
  assert.match(await message.textContent(), /没有识别出通报结构/);
});

test('a dropped non-UTF-8 file is refused with a clear message', async (t) => {
  const { page } = await openPage(t);
  await page.locator('.no-textbox').evaluate((box) => {
    const data = new DataTransfer();
    // "整改" in GBK: not UTF-8.
    data.items.add(new File([new Uint8Array([0xd5, 0xfb, 0xb8, 0xc4])], 'gbk.txt', { type: 'text/plain' }));
    box.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  });
  await page.locator('.no-status', { hasText: 'UTF-8' }).waitFor();
  assert.equal(await page.locator('textarea').inputValue(), SAMPLE, 'the text is left alone');
});

test('a dropped file over 32 MB is refused with its size, and the text box is left alone', async (t) => {
  const { page } = await openPage(t);
  await page.locator('.no-textbox').evaluate((box) => {
    const data = new DataTransfer();
    // 33 MB of zero bytes: only its size is looked at, before any of it is read.
    data.items.add(new File([new Uint8Array(33 * 1024 * 1024)], 'huge.txt', { type: 'text/plain' }));
    box.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  });
  await page.locator('.no-status', { hasText: '33 MB' }).waitFor();
  assert.match(await page.locator('.no-status').textContent(), /超过了可载入的 32 MB/);
  assert.equal(await page.locator('textarea').inputValue(), SAMPLE, 'the text is left alone');
});

test('English switch translates the interface', async (t) => {
  const { page } = await openPage(t);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('tree', { name: 'Notice outline' }).waitFor();
  assert.equal(await page.locator('.no-app').getAttribute('lang'), 'en');
  await page.getByRole('button', { name: '切换到中文' }).click();
  await page.getByRole('tree', { name: '通报大纲' }).waitFor();
});

test('axe finds no serious accessibility problems', async (t) => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const { page } = await openPage(t, viewport);
    await page.addScriptTag({ url: site.url('/axe.min.js') });
    const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [], `${viewport.width}px`);
  }
});

test('screenshots at 1280×800 and 390×844 (artifacts/)', async (t) => {
  for (const [width, height, name] of [[1280, 800, 'page-1280'], [390, 844, 'page-390']]) {
    const { page } = await openPage(t, { width, height });
    await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
    await page.screenshot({ path: path.join(artifacts, `${name}-full.png`), fullPage: true });
    // Nothing wider than the viewport: no sideways scrolling on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${width}px: page is ${overflow}px wider than the viewport`);
  }
  const { page } = await openPage(t);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('textarea').isVisible(), false, 'print hides the text box');
  await page.screenshot({ path: path.join(artifacts, 'page-print.png'), fullPage: true });
});
