// Big pastes: a 10 MB notice shows a read-only preview of its beginning in the text box (the
// browser never lays out 10 MB there), says it is being analysed with a progress bar, is parsed a
// stage per task, and its outline follows; a newer paste stops an older parse. Served with the
// strict CSP header.
//
//   trunk build --release --offline && node --test e2e/big-paste.test.mjs
//
// No timing is asserted except one generous bound (our rule: figures go to the README): no
// main-thread task from the paste until the outline is painted runs 500 ms or more (Long Tasks
// API). The figures the test sees are printed for the README.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ensureDist, STRICT_CSP } from './lib/server.mjs';
import { launchBrowser, watchPage } from './lib/browser.mjs';
import { makeNotice } from './bench-paste.mjs';

const MB = 1024 * 1024;
const BLOCK_BOUND_MS = 500;

/** A small notice, told apart from the generated big ones by its one section heading. */
const SMALL = [
  '中共某某县审计局党组关于巡察整改进展情况的通报',
  '一、小样本问题整改落实情况',
  '（一）关于台账方面',
  '1.台账登记不及时。',
  '整改情况：一是建立周报制度；二是明确专人负责。该问题已完成整改。',
].join('\n');

let site;
let browser;

before(async () => {
  await ensureDist();
  site = await startServer({
    pages: {
      '/favicon.ico': Buffer.alloc(0),
      // A portal page under the strict CSP (header), with the element and the policy as a meta too.
      '/test/embed.html': `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>big text embed</title>
<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">
<script type="module" src="/notice-outline.js"></script></head>
<body><notice-outline id="el" readonly></notice-outline></body></html>`,
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** The page with a Long Tasks observer collecting every main-thread task over 50 ms. */
async function openPage(t) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  t.after(() => page.close());
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const seen = watchPage(page);
  await page.goto(site.url('/index.html'));
  await page.locator('.no-results[aria-busy="false"]').waitFor();
  return { page, seen };
}

/** Pastes each text in turn, in one task (a paste event, the value, the input event). */
function paste(page, ...texts) {
  return page.locator('textarea').evaluate((el, texts) => {
    for (const value of texts) {
      // A big text leaves a read-only preview: a reader clears it first; the test pastes straight
      // over it, so that the new paste lands before the old text's parse has started.
      el.readOnly = false;
      el.focus();
      el.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: new DataTransfer() }));
      el.value = value;
      performance.mark('test:paste');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }
  }, texts);
}

/** Waits until the results are settled with a row that shows `heading`; then one frame. */
async function outlinePainted(page, heading) {
  await page.waitForFunction((heading) => document.querySelector('.no-results')?.getAttribute('aria-busy') === 'false' &&
    [...document.querySelectorAll('[role="treeitem"]')].some((row) => row.textContent.includes(heading)), heading, { timeout: 60_000 });
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))));
}

test('a 10 MB paste: a read-only preview, "analysing" painted first, parsed a stage per task with progress, no long block, the outline painted', async (t) => {
  const { page, seen } = await openPage(t);
  const text = makeNotice(10 * MB);
  await page.evaluate(() => {
    window.__analysingPainted = null;
    window.__progressSeen = [];
    new MutationObserver(() => {
      const bar = document.querySelector('.no-parse-progress');
      const value = bar && `${bar.value}/${bar.max}`;
      if (value && window.__progressSeen.at(-1) !== value) window.__progressSeen.push(value);
      if (window.__analysingPainted === null && document.querySelector('.no-results .no-pending')) {
        // The frame that shows it: its animation-frame callbacks run just before its paint.
        window.__analysingPainted = 0;
        requestAnimationFrame(() => { window.__analysingPainted = performance.now(); });
      }
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['value'] });
  });
  await paste(page, text);
  assert.match(await page.locator('.no-results .no-pending').textContent(), /正在分析 10\.\d MB 的文本/);
  const box = await page.locator('textarea').evaluate((el) => ({ readOnly: el.readOnly, length: el.value.length }));
  assert.deepEqual(box, { readOnly: true, length: 65536 }, 'the box holds the first 64 K UTF-16 units, read-only');
  assert.match(await page.locator('.no-preview-note').textContent(), /文本较大（10\.\d MB）/);

  const painted = await outlinePainted(page, '下一步工作打算');
  const result = await page.evaluate((painted) => {
    const at = (name) => performance.getEntriesByName(name, 'mark').at(-1)?.startTime;
    const pasteAt = at('test:paste');
    const [parseStart, parseEnd] = [at('notice-outline:parse-start'), at('notice-outline:parsed')];
    const tasks = window.__longTasks.filter((t) => t.start + t.duration >= pasteAt && t.start <= painted);
    // The test's own task that puts 10 MB into the box starts before the paste: only the part
    // after it (the app's input handler) counts.
    const spans = tasks.map((t) => ({ start: Math.max(t.start, pasteAt), end: t.start + t.duration }));
    return {
      analysing: window.__analysingPainted - pasteAt,
      parseStart: parseStart - pasteAt,
      parse: parseEnd - parseStart,
      painted: painted - pasteAt,
      longest: Math.max(0, ...spans.map((s) => s.end - s.start)),
      busy: spans.reduce((sum, s) => sum + s.end - s.start, 0),
      tasks: spans.map((s) => `${(s.start - pasteAt).toFixed(0)}+${(s.end - s.start).toFixed(0)}`).join(' '),
      progressSeen: window.__progressSeen,
      // How long each stage took (the app marks the end of each): ms, in order.
      stages: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('notice-outline:stage-') || m.name === 'notice-outline:parse-start' || m.name === 'notice-outline:parsed')
        .filter((m) => m.startTime >= parseStart).map((m, i, all) => (i ? (m.startTime - all[i - 1].startTime).toFixed(0) : null)).filter(Boolean),
    };
  }, painted);
  console.log(`10 MB paste: the frame saying "analysing" ${result.analysing.toFixed(0)} ms after the paste; parse from ` +
    `${result.parseStart.toFixed(0)} to ${(result.parseStart + result.parse).toFixed(0)} ms, a stage per task; outline painted ` +
    `${result.painted.toFixed(0)} ms after the paste, ${(result.painted - result.parseStart - result.parse).toFixed(0)} ms after the parse; ` +
    `longest main-thread task ${result.longest.toFixed(0)} ms, long tasks ${result.busy.toFixed(0)} ms in all ` +
    `(start+duration, ms after the paste: ${result.tasks}); progress values seen: ${result.progressSeen.join(' ')}; ` +
    `from one stage's end to the next, ms (yields included): ${result.stages.join(' ')}`);
  assert.ok(result.analysing > 0 && result.analysing < result.parseStart, 'the page says it is analysing before the parse starts');
  assert.ok(result.longest < BLOCK_BOUND_MS, `no main-thread task over ${BLOCK_BOUND_MS} ms (longest ${result.longest.toFixed(0)} ms)`);
  assert.ok(result.progressSeen.length >= 3, `the progress bar moved: ${result.progressSeen.join(' ')}`);
  assert.equal(await page.locator('.no-results .no-pending').count(), 0, 'the "analysing" line is gone once the outline is shown');
  // Clearing a preview makes the box editable again.
  await page.getByRole('button', { name: '清空', exact: true }).click();
  assert.deepEqual(await page.locator('textarea').evaluate((el) => ({ readOnly: el.readOnly, length: el.value.length })), { readOnly: false, length: 0 });
  assert.equal(await page.locator('.no-preview-note').count(), 0);
  assert.deepEqual(seen.problems(), [], 'no CSP violation, no error');
});

test('a newer paste wins: a big text replaced before its parse starts is never parsed', async (t) => {
  const { page, seen } = await openPage(t);
  const big = makeNotice(3 * MB);
  const parses = () => page.evaluate(() => performance.getEntriesByName('notice-outline:parsed').length);
  const before = await parses();
  // Big, then small in the same task: only the small one is parsed.
  await paste(page, big, SMALL);
  await outlinePainted(page, '小样本问题整改落实情况');
  await page.waitForTimeout(1000);
  assert.equal(await parses(), before + 1, 'one parse: the small text');
  assert.equal(await page.locator('[role="treeitem"]', { hasText: '下一步工作打算' }).count(), 0);
  assert.equal(await page.locator('textarea').evaluate((el) => el.readOnly), false);
  // Big, then another big one: the second wins.
  const other = big.replace('三、下一步工作打算', '三、下一步工作安排');
  await paste(page, big, other);
  await outlinePainted(page, '下一步工作安排');
  await page.waitForTimeout(1000);
  assert.equal(await page.locator('[role="treeitem"]', { hasText: '下一步工作打算' }).count(), 0);
  assert.equal(await page.locator('.no-results .no-pending').count(), 0);
  assert.deepEqual(seen.problems(), []);
});

test('the embed takes a big text under the strict CSP: parsed a stage per task, the change event carries the model', async (t) => {
  const page = await browser.newPage();
  t.after(() => page.close());
  const seen = watchPage(page);
  await page.goto(site.url('/test/embed.html'));
  await page.waitForFunction(() => customElements.get('notice-outline'));
  const text = makeNotice(3 * MB);
  await page.evaluate((text) => {
    window.__changes = [];
    document.addEventListener('notice-outline-change', (e) => window.__changes.push(e.detail));
    document.getElementById('el').text = text;
  }, text);
  await page.waitForFunction(() => {
    const root = document.getElementById('el').shadowRoot;
    return root?.querySelector('.no-results')?.getAttribute('aria-busy') === 'false' &&
      [...root.querySelectorAll('[role="treeitem"]')].some((row) => row.textContent.includes('下一步工作打算'));
  }, null, { timeout: 60_000 });
  await page.waitForFunction(() => window.__changes.length > 0);
  const stagesRun = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('notice-outline:stage-')).length);
  assert.ok(stagesRun >= 5, `parsed a stage per task (${stagesRun} stage marks)`);
  const expected = await page.evaluate(async (text) => (await import('/notice-outline.js')).parse(text).counts, text);
  assert.deepEqual(await page.evaluate(() => window.__changes.at(-1).counts), expected, 'the event carries the model parse() returns');
  assert.deepEqual(seen.problems(), [], 'no CSP violation, no error');
});
