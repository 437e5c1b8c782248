// End-to-end tests of the embed: <notice-outline> and the JS API, on the built dist/, served the
// way a strict portal serves it (CSP header on every response, no third-party origin).
//
//   trunk build --offline && node --test e2e/embed.test.mjs
//
// DIST_DIR overrides where the built site is (default: dist/). Server and browser: e2e/lib/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, ensureDist, DIST_DIR, STRICT_CSP as CSP } from './lib/server.mjs';
import { launchBrowser } from './lib/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(here, '..');
const require = createRequire(import.meta.url);
// Rows of the outline tree inside the element's shadow root (the page engineer's markup).
const TREE_ITEM = '[role="treeitem"]';


// A notice invented for these tests, with characters outside the BMP (𠀾, 🙂) before the outline
// so UTF-16 offsets differ from both byte offsets and code-point offsets.
const NOTICE = [
  '中共某某市𠀾水务局党组关于市委第一巡察组',
  '巡察反馈意见整改进展情况的通报🙂',
  '',
  '根据市委统一部署，2024年3月1日至4月30日，市委第一巡察组对市水务局党组开展了常规巡察。2024年6月5日，巡察组反馈了巡察意见。',
  '巡察反馈的2个方面3个问题，已完成整改2个，正在整改1个。',
  '',
  '一、巡察反馈问题整改落实情况',
  '（一）关于落实主体责任方面',
  '1.议事规则执行不严格。',
  '整改情况：一是修订党组议事规则；二是建立会议纪要审核制度。该问题已完成整改。',
  '2.干部教育培训不系统。',
  '整改情况：正在推进整改。',
  '（二）关于作风建设方面',
  '1.调查研究不够深入。',
  '整改情况：一是制定调研计划；二是建立调研成果转化机制。该问题已完成整改。',
  '二、下一步工作打算',
  '持续巩固整改成果。',
  '',
  '中共某某市水务局党组',
  '2024年9月10日',
].join('\n');

// Pages the test server makes up, beside dist/. All follow the CSP (no inline script or style).
// host.css gives both elements the same width on both pages, so their rows can be compared.
const HOST_CSS = 'body { margin: 0; } notice-outline { width: 640px; margin: 8px 0; }';
// Every element of the body, the host included, gets the worst a careless site stylesheet does.
const HOSTILE_CSS = `
body, body * { display: inline !important; color: red !important; font-size: 40px !important;
    line-height: 0 !important; font-family: cursive !important; letter-spacing: 9px !important;
    text-transform: uppercase !important; text-align: right !important; white-space: pre !important; }
div, p, ul, li, button, a, span { padding: 30px !important; border: 5px solid red !important; }
`;
// Many portals size everything from the root (`html { font-size: 62.5% }` and rem units).
const ROOT_FONT_CSS = 'html { font-size: 40px !important; }';

function htmlPage({ title, head = '', body }) {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<meta http-equiv="Content-Security-Policy" content="${CSP}">
${head}</head><body>
${body}
</body></html>`;
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const noticeParagraphs = NOTICE.split('\n').filter(Boolean).map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');

/** The snippet as written in docs/embed.md and README.md, to prove it works as written. */
async function documentedSnippet() {
  const docs = await readFile(path.join(repoDir, 'docs', 'embed.md'), 'utf8');
  const match = docs.match(/<!-- snippet:start -->\s*```html\n([\s\S]*?)```\s*<!-- snippet:end -->/);
  assert.ok(match, 'docs/embed.md has a snippet between <!-- snippet:start --> and <!-- snippet:end -->');
  const readme = await readFile(path.join(repoDir, 'README.md'), 'utf8');
  assert.ok(readme.includes('```html\n' + match[1] + '```'), 'README shows the same snippet');
  return match[1];
}

function testPages(snippet) {
  const element = (attrs = '') => `<notice-outline ${attrs} text="${escapeHtml(NOTICE)}"></notice-outline>`;
  return {
    // The browser asks for it on every page; a portal has its own. Not the element's request.
    '/favicon.ico': Buffer.alloc(0),
    '/test/host.css': HOST_CSS,
    '/test/hostile.css': HOSTILE_CSS,
    '/test/root-font.css': ROOT_FONT_CSS,
    '/test/plain.html': htmlPage({
      title: 'plain host',
      head: '<link rel="stylesheet" href="/test/host.css"><script type="module" src="/notice-outline.js"></script>',
      body: element('id="first" readonly') + element('id="second" lang="en"'),
    }),
    '/test/hostile.html': htmlPage({
      title: 'hostile host',
      head: '<link rel="stylesheet" href="/test/host.css"><link rel="stylesheet" href="/test/hostile.css"><script type="module" src="/notice-outline.js"></script>',
      body: element('id="first" readonly') + element('id="second" lang="en"'),
    }),
    '/test/root-font.html': htmlPage({
      title: 'host with a large root font size',
      head: '<link rel="stylesheet" href="/test/host.css"><link rel="stylesheet" href="/test/root-font.css"><script type="module" src="/notice-outline.js"></script>',
      body: element('id="first" readonly') + element('id="second" lang="en"'),
    }),
    '/test/cross-origin.html': htmlPage({
      title: 'cross-origin src',
      head: '<script type="module" src="/notice-outline.js"></script>',
      body: '<notice-outline id="remote" readonly src="http://example.invalid/notice.txt"></notice-outline>',
    }),
    '/test/same-origin-src.html': htmlPage({
      title: 'same-origin src',
      head: '<script type="module" src="/notice-outline.js"></script>',
      body: '<notice-outline id="local" readonly src="/test/notice.txt"></notice-outline>',
    }),
    '/test/notice.txt': NOTICE,
    '/test/api.html': htmlPage({
      title: 'api',
      head: '<script type="module" src="/notice-outline.js"></script>',
      body: '<div id="host"></div>',
    }),
    '/test/attributes.html': htmlPage({
      title: 'attributes',
      head: '<script type="module" src="/notice-outline.js"></script>',
      body: element('id="el" readonly lang="en" collapse-depth="1"') +
        `<notice-outline id="inline" readonly>${escapeHtml(NOTICE)}</notice-outline>`,
    }),
    '/test/full.html': htmlPage({
      title: 'full mode',
      head: '<script type="module" src="/notice-outline.js"></script>',
      body: `<main><h1>Full mode</h1>${element('id="full"')}</main>`,
    }),
    // The documented snippet, verbatim, on a page that keeps the files under /notice-outline/.
    '/site/notice.html': htmlPage({
      title: 'portal page using the documented snippet',
      head: '',
      body: `<main><h1>通报</h1><div id="notice-body">${noticeParagraphs}</div>\n${snippet}</main>`,
    }),
  };
}

let server;
let origin;
let snippet;
let browser;

before(async () => {
  await ensureDist();
  server = await startServer({
    // dist/ at the root, and again under /notice-outline/ where the documented snippet expects it.
    mounts: ['/', '/notice-outline/'],
    pages: testPages((snippet = await documentedSnippet())),
    // Same origin as the page, so axe runs under the page's CSP too.
    files: { '/test/axe.min.js': require.resolve('axe-core/axe.min.js') },
  });
  origin = server.origin;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens a page and records everything that would make an embed unsafe or noisy:
 * CSP violations, console errors and warnings, uncaught errors, and every request.
 */
async function openPage(pathname) {
  const page = await browser.newPage();
  const seen = { violations: [], console: [], errors: [], requests: [] };
  // Init scripts run through the DevTools protocol, so the page's CSP does not block them.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    window.__changes = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    document.addEventListener('notice-outline-change', (e) => window.__changes.push({ id: e.target.id, model: e.detail }));
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') seen.console.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('request', (request) => seen.requests.push(request.url()));
  await page.goto(origin + pathname);
  return { page, seen };
}

/**
 * Waits until the element `selector` shows at least one outline row, in its shadow root (the
 * custom element, mount()) or in itself (the stand-alone page's #app); returns the row count.
 */
async function waitForRows(page, selector) {
  const count = ({ selector, row }) => {
    const element = document.querySelector(selector);
    return element ? (element.shadowRoot ?? element).querySelectorAll(row).length : 0;
  };
  // A count of 0 is falsy, so waitForFunction waits for the first row.
  await page.waitForFunction(count, { selector, row: TREE_ITEM }, { timeout: 20_000 });
  return page.evaluate(count, { selector, row: TREE_ITEM });
}

/** Nodes in a model's outline, counted recursively. */
function countNodes(nodes) {
  return nodes.reduce((sum, node) => sum + 1 + countNodes(node.children), 0);
}

/**
 * The rows the app shows before anyone expands or collapses anything (no collapse-depth, a
 * small outline): every node, except that a problem whose children are all measures (一是/二是)
 * starts collapsed, its row saying how many measures it has.
 */
function shownByDefault(nodes) {
  const onlyMeasures = (node) =>
    node.kind === 'problem' && node.children.length > 0 && node.children.every((child) => child.kind === 'measure');
  return nodes.reduce((sum, node) => sum + 1 + (onlyMeasures(node) ? 0 : shownByDefault(node.children)), 0);
}

/** Clicks the outline's "expand all" button in the app inside `selector`; returns the row count. */
async function expandAll(page, selector) {
  await page.evaluate(
    ({ selector }) => {
      const element = document.querySelector(selector);
      (element.shadowRoot ?? element).querySelector('.no-outline .no-card__actions button').click();
    },
    { selector },
  );
  // yew re-renders on its scheduler: wait until the count stops changing.
  let last = -1;
  let same = 0;
  while (same < 3) {
    const rows = await page.evaluate(
      ({ selector, row }) => {
        const element = document.querySelector(selector);
        return (element.shadowRoot ?? element).querySelectorAll(row).length;
      },
      { selector, row: TREE_ITEM },
    );
    same = rows === last ? same + 1 : 0;
    last = rows;
    await page.waitForTimeout(100);
  }
  return last;
}

async function assertClean(page, seen) {
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(violations, [], 'no CSP violation');
  assert.deepEqual(seen.console, [], 'no console error or warning');
  assert.deepEqual(seen.errors, [], 'no uncaught error');
  const foreign = seen.requests.filter((url) => new URL(url).origin !== origin);
  assert.deepEqual(foreign, [], 'every request goes to the page’s own origin');
}

test('demo page: the element outlines the notice beside it, under the strict CSP', async () => {
  const { page, seen } = await openPage('/embed-demo.html');
  const rows = await waitForRows(page, '#outline');
  const expected = await page.evaluate(async () => {
    const { parse } = await import('/notice-outline.js');
    const text = document.getElementById('notice-body').innerText;
    const model = parse(text);
    return { text, model, elementText: document.getElementById('outline').text };
  });
  assert.equal(expected.elementText, expected.text, 'the element read the article it points at (for="notice-body")');
  const nodes = countNodes(expected.model.outline);
  assert.ok(nodes >= 5, `the demo notice has an outline (got ${nodes} nodes)`);
  assert.equal(rows, shownByDefault(expected.model.outline), 'one row per node shown by default');
  assert.ok(rows < nodes, 'the demo has measures that start collapsed');
  assert.equal(await expandAll(page, '#outline'), nodes, 'expanded, one tree row per node of parse(text)');
  assert.equal(expected.model.counts.nodes, nodes, 'counts.nodes agrees with the outline');

  // The change event bubbled out of the shadow root to the document with the model.
  await page.waitForFunction(() => window.__changes.length > 0);
  const changes = await page.evaluate(() => window.__changes);
  assert.deepEqual(changes.map((c) => c.id), ['outline'], 'one event for the one parse');
  assert.deepEqual(changes[0].model, expected.model, 'event detail is the model parse() returns');

  const shown = await page.evaluate(() => document.querySelector('.snippet-code').textContent);
  assert.equal(shown.trim(), snippet.trim(), 'the page shows the documented snippet, as text');

  // Readonly: no editor in the element.
  const editors = await page.evaluate(() => document.getElementById('outline').shadowRoot.querySelectorAll('textarea').length);
  assert.equal(editors, 0, 'readonly shows no text box');

  await assertClean(page, seen);
  const wasmLoads = seen.requests.filter((url) => url.endsWith('.wasm'));
  assert.equal(wasmLoads.length, 1, 'the wasm is fetched once');
  console.log(`# demo page: ${seen.requests.length} requests, all to ${origin}: ${seen.requests.map((u) => new URL(u).pathname).join(' ')}`);
  await page.close();
});

test('parse() returns the documented model, with UTF-8 and UTF-16 spans that find each label and heading', async () => {
  const { page, seen } = await openPage('/test/api.html');
  const result = await page.evaluate(async (text) => {
    const api = await import('/notice-outline.js');
    const model = api.parse(text);
    const bytes = new TextEncoder().encode(text);
    const decode = (span) => new TextDecoder().decode(bytes.slice(span.start, span.end));
    const rows = [];
    const walk = (nodes) => {
      for (const node of nodes) {
        rows.push({
          label: node.label,
          heading: node.heading,
          labelUtf16: text.slice(node.label_span.start_utf16, node.label_span.end_utf16),
          headingUtf16: text.slice(node.heading_span.start_utf16, node.heading_span.end_utf16),
          labelUtf8: decode(node.label_span),
          headingUtf8: decode(node.heading_span),
        });
        walk(node.children);
      }
    };
    walk(model.outline);
    return {
      model,
      rows,
      schemaVersion: api.schemaVersion,
      version: api.version(),
      isPlain: Object.getPrototypeOf(model) === Object.prototype && Object.getPrototypeOf(model.meta.spans) === Object.prototype,
      roundTrip: JSON.stringify(JSON.parse(JSON.stringify(model))) === JSON.stringify(model),
    };
  }, NOTICE);

  const { model } = result;
  assert.deepEqual(Object.keys(model).sort(), ['checks', 'counts', 'meta', 'outline', 'schema_version', 'stated'].sort());
  assert.match(model.schema_version, /^\d+\.\d+$/);
  assert.equal(result.schemaVersion, model.schema_version, 'schemaVersion export matches the model');
  assert.match(result.version, /^\d+\.\d+\.\d+/);
  assert.ok(result.isPlain, 'a plain object (maps become objects, not Map)');
  assert.ok(result.roundTrip, 'JSON-compatible');
  assert.ok(Array.isArray(model.checks));
  assert.equal(typeof model.counts.nodes, 'number');
  // Absent values are null, as in the CLI's JSON (not undefined).
  assert.ok(Object.values(model.meta).every((value) => value !== undefined));

  assert.equal(result.rows.length, countNodes(model.outline));
  assert.ok(result.rows.length >= 6, `outline found (${result.rows.length} nodes)`);
  for (const row of result.rows) {
    assert.equal(row.labelUtf16, row.label, 'label_span (UTF-16) slices the JS string to the label');
    assert.equal(row.headingUtf16, row.heading, 'heading_span (UTF-16) slices the JS string to the heading');
    assert.equal(row.labelUtf8, row.label, 'label_span (UTF-8 bytes) finds the label');
    assert.equal(row.headingUtf8, row.heading, 'heading_span (UTF-8 bytes) finds the heading');
  }
  await assertClean(page, seen);
  await page.close();
});

test('mount()/unmount() from the JS API render into an isolated shadow root and clean up', async () => {
  const { page, seen } = await openPage('/test/api.html');
  const outline = await page.evaluate(async (text) => (await import('/notice-outline.js')).parse(text).outline, NOTICE);
  const shown = shownByDefault(outline);
  const result = await page.evaluate(
    async ({ text, row, shown }) => {
      const api = await import('/notice-outline.js');
      const host = document.getElementById('host');
      const models = [];
      const rowsNow = () => host.shadowRoot.querySelectorAll(row).length;
      // yew renders on its scheduler, not inside mount(): wait for a condition, with a bound.
      const until = async (condition) => {
        for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 25));
      };
      const expected = api.parse(text).counts.nodes;
      const handle = api.mount(host, { text, readonly: true, lang: 'en', onChange: (model) => models.push(model) });
      await until(() => rowsNow() === shown);
      const rowsWhileMounted = rowsNow();
      const lang = host.shadowRoot.querySelector('[lang]')?.getAttribute('lang');
      // A problem with no measures: one row and one node fewer.
      handle.setText(text.replace('2.干部教育培训不系统。\n整改情况：正在推进整改。\n', ''));
      // onChange runs in an effect after the render: wait for both.
      await until(() => rowsNow() === shown - 1 && models.at(-1)?.counts.nodes === expected - 1);
      const rowsAfterSetText = rowsNow();
      api.unmount(handle);
      return {
        expected,
        lang,
        rowsWhileMounted,
        rowsAfterSetText,
        rowsAfterUnmount: host.shadowRoot.querySelectorAll(row).length,
        mounted: handle.mounted,
        models: models.map((model) => model.counts.nodes),
        lightDom: host.childNodes.length,
      };
    },
    { text: NOTICE, row: TREE_ITEM, shown },
  );
  assert.ok(result.expected >= 6);
  assert.equal(result.rowsWhileMounted, shown, 'mount renders one row per node shown by default');
  assert.equal(result.lang, 'en', 'options.lang reaches the app');
  assert.equal(result.rowsAfterSetText, shown - 1, 'setText re-parses');
  assert.equal(result.rowsAfterUnmount, 0, 'unmount removes the app');
  assert.equal(result.mounted, false);
  assert.equal(result.lightDom, 0, 'nothing is added to the host page’s own DOM');
  assert.deepEqual(result.models.slice(-1), [result.expected - 1], 'onChange received the re-parsed model');
  await assertClean(page, seen);
  await page.close();
});

test('setting element.text re-parses and fires notice-outline-change', async () => {
  const { page, seen } = await openPage('/test/plain.html');
  await waitForRows(page, '#first');
  const shorter = NOTICE.replace('（二）关于作风建设方面\n1.调查研究不够深入。\n整改情况：一是制定调研计划；二是建立调研成果转化机制。该问题已完成整改。\n', '');
  const before = await page.evaluate(() => window.__changes.filter((c) => c.id === 'first').length);
  await page.evaluate((text) => {
    document.getElementById('first').text = text;
  }, shorter);
  await page.waitForFunction((n) => window.__changes.filter((c) => c.id === 'first').length > n, before);
  const { detail, expected, rows } = await page.evaluate(async ({ text, row }) => {
    const { parse } = await import('/notice-outline.js');
    const first = document.getElementById('first');
    return {
      detail: window.__changes.filter((c) => c.id === 'first').at(-1).model,
      expected: parse(text),
      rows: first.shadowRoot.querySelectorAll(row).length,
      model: first.model,
    };
  }, { text: shorter, row: TREE_ITEM });
  assert.deepEqual(detail, expected);
  assert.equal(rows, shownByDefault(expected.outline));
  await assertClean(page, seen);
  await page.close();
});

/** Rows of #first (count, computed styles, boxes) and the wasm loads on a test page. */
const measure = async (pathname) => {
  const { page, seen } = await openPage(pathname);
  const rows = await waitForRows(page, '#first');
  await waitForRows(page, '#second');
  const styles = await page.evaluate((row) => {
    const pick = (element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        display: style.display,
        color: style.color,
        fontSize: style.fontSize,
        fontFamily: style.fontFamily,
        letterSpacing: style.letterSpacing,
        textTransform: style.textTransform,
        lineHeight: style.lineHeight,
        width: Math.round(box.width),
        height: Math.round(box.height),
      };
    };
    const first = document.getElementById('first');
    const rows = [...first.shadowRoot.querySelectorAll(row)];
    return {
      host: pick(first).display,
      hostBox: first.getBoundingClientRect().height,
      rows: rows.slice(0, 4).map(pick),
    };
  }, TREE_ITEM);
  const wasmLoads = seen.requests.filter((url) => url.endsWith('.wasm')).length;
  await assertClean(page, seen);
  await page.close();
  return { rows, styles, wasmLoads };
};

test('attributes reach the app, and changing them re-renders: text content, lang, collapse-depth, readonly', async () => {
  const { page, seen } = await openPage('/test/attributes.html');
  const state = () =>
    page.evaluate((row) => {
      const root = document.getElementById('el').shadowRoot;
      return {
        rows: root.querySelectorAll(row).length,
        lang: root.querySelector('.no-app')?.getAttribute('lang'),
        editors: root.querySelectorAll('textarea').length,
      };
    }, TREE_ITEM);
  const levels = await page.evaluate(async (text) => {
    const { parse } = await import('/notice-outline.js');
    const count = (nodes, depth) => nodes.reduce((n, node) => n + 1 + (depth > 1 ? count(node.children, depth - 1) : 0), 0);
    const outline = parse(text).outline;
    return { upToTwo: count(outline, 2), all: count(outline, 99), outline };
  }, NOTICE);
  assert.ok(levels.all > levels.upToTwo, 'the test notice is deeper than two levels');
  const shown = shownByDefault(levels.outline);

  // The element's own text content is the text when nothing else is given.
  const inlineRows = await waitForRows(page, '#inline');
  assert.equal(inlineRows, shown);
  assert.equal(await page.evaluate(() => document.getElementById('inline').text), NOTICE);

  await waitForRows(page, '#el');
  // collapse-depth="1": top-level rows open, so their children show but nothing deeper.
  assert.deepEqual(await state(), { rows: levels.upToTwo, lang: 'en', editors: 0 });
  // Read-only: no text box to show places in, so the help does not promise it.
  const hint = await page.evaluate(() => document.getElementById('el').shadowRoot.querySelector('.no-outline .no-hint').textContent);
  assert.match(hint, /Left and Right collapse and expand/);

  await page.evaluate(() => {
    const el = document.getElementById('el');
    el.removeAttribute('collapse-depth');
    el.setAttribute('lang', 'zh');
    el.readonly = false;
  });
  await page.waitForFunction(() => document.getElementById('el').shadowRoot.querySelector('textarea'));
  await page.waitForFunction(
    ({ row, shown }) => document.getElementById('el').shadowRoot.querySelectorAll(row).length === shown,
    { row: TREE_ITEM, shown },
  );
  const after = await state();
  assert.equal(after.rows, shown, 'without collapse-depth: everything but the measures under each problem');
  assert.equal(await expandAll(page, '#el'), levels.all, 'expand all shows every node');
  assert.match(after.lang, /^zh/);
  assert.equal(after.editors, 1, 'full mode has the text box');
  await assertClean(page, seen);
  await page.close();
});

test('a hostile host stylesheet cannot break the element', async () => {
  // Same elements, with and without `body * { display: inline !important; color: red !important; … }`.
  const plain = await measure('/test/plain.html');
  const hostile = await measure('/test/hostile.html');
  assert.equal(hostile.rows, plain.rows);
  assert.equal(hostile.styles.host, 'block', 'the host stays a block');
  assert.ok(hostile.styles.hostBox > 0);
  assert.deepEqual(hostile.styles.rows, plain.styles.rows, 'rows inside the shadow root look the same');
  assert.ok(!hostile.styles.rows.some((row) => row.color === 'rgb(255, 0, 0)'));
  assert.equal(plain.wasmLoads, 1, 'two elements share one wasm instance');
});

test(
  'a host page’s root font size does not rescale the element',
  async () => {
    const plain = await measure('/test/plain.html');
    const scaled = await measure('/test/root-font.html');
    assert.deepEqual(scaled.styles.rows, plain.styles.rows, 'rows keep their size and spacing');
  },
);

test('src: same-origin text is fetched; another origin is refused before any request', async () => {
  {
    const { page, seen } = await openPage('/test/same-origin-src.html');
    const rows = await waitForRows(page, '#local');
    const outline = await page.evaluate(async (text) => (await import('/notice-outline.js')).parse(text).outline, NOTICE);
    assert.equal(rows, shownByDefault(outline));
    await assertClean(page, seen);
    await page.close();
  }
  {
    const { page, seen } = await openPage('/test/cross-origin.html');
    await page.waitForFunction(() => {
      const message = document.getElementById('remote').shadowRoot?.querySelector('[role="alert"]');
      return message && !message.hidden;
    });
    const message = await page.evaluate(
      () => document.getElementById('remote').shadowRoot.querySelector('[role="alert"]').textContent,
    );
    assert.match(message, /refusing to fetch http:\/\/example\.invalid/);
    assert.deepEqual(seen.requests.filter((url) => new URL(url).origin !== origin), []);
    await page.close();
  }
});

test('the snippet in docs/embed.md works as written', async () => {
  const { page, seen } = await openPage('/site/notice.html');
  const rows = await waitForRows(page, 'notice-outline');
  const outline = await page.evaluate(async () => {
    const { parse } = await import('/notice-outline/notice-outline.js');
    return parse(document.getElementById('notice-body').innerText).outline;
  });
  assert.ok(outline.length > 0);
  assert.equal(rows, shownByDefault(outline));
  assert.equal(await expandAll(page, 'notice-outline'), countNodes(outline));
  await assertClean(page, seen);
  await page.close();
});

test('the main page boots with no inline script or style', async () => {
  const html = await readFile(path.join(DIST_DIR, 'index.html'), 'utf8');
  const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
    ([, attrs, body]) => !/\bsrc=/.test(attrs) || body.trim() !== '',
  );
  assert.deepEqual(inlineScripts.map(([tag]) => tag.slice(0, 120)), [], 'dist/index.html has no inline script');
  assert.doesNotMatch(html, /<style\b/i, 'no <style> element');
  assert.doesNotMatch(html, /\sstyle=/i, 'no style attribute');

  const { page, seen } = await openPage('/');
  const rows = await waitForRows(page, '#app');
  assert.ok(rows > 0, 'the sample notice is outlined');
  await assertClean(page, seen);
  await page.close();
});

test('axe-core finds no serious or critical accessibility violation (page and inside the element)', async () => {
  const report = {};
  for (const [pathname, selector] of [
    ['/embed-demo.html', '#outline'],
    ['/test/full.html', '#full'],
  ]) {
    const { page } = await openPage(pathname);
    await waitForRows(page, selector);
    // Served from this origin, so the page's CSP allows it.
    await page.addScriptTag({ url: '/test/axe.min.js' });
    const violations = await page.evaluate(async () => {
      // axe walks open shadow roots, so this covers the element's contents too.
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.length,
        targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
      }));
    });
    report[pathname] = violations;
    await page.close();
  }
  console.log(`# axe: ${JSON.stringify(report)}`);
  for (const [pathname, violations] of Object.entries(report)) {
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(severe, [], `${pathname}: no serious/critical violation`);
  }
});
