// The page never contradicts itself (issue 11): one test per rule, on invented notices, and the
// general rules again on the corpus seeds (../shared/corpus/seeds) when that folder exists.
//
//   trunk build --release --offline && node --test e2e/consistency.test.mjs
//
// Screenshots of every seed at 320, 390 and 1280 px, in both languages, go to artifacts/consistency/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, ensureDist } from './lib/server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { paste, settled } from './lib/app.mjs';
import { AUDIT_NOTICE } from './lib/notices.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(here, '..');
const artifacts = path.join(repoDir, 'artifacts', 'consistency');
const seedsDir = path.resolve(repoDir, '..', 'shared', 'corpus', 'seeds');
const cliPath = process.env.NOTICE_OUTLINE_CLI ?? path.join(repoDir, 'target', 'release', 'notice-outline');

const lines = (...l) => l.join('\n');

/** States no figures at all. */
const NO_FIGURES = lines(
  '某某县水务局党组关于巡察整改进展情况的通报',
  '一、整改工作开展情况',
  '局党组召开专题会议研究部署整改工作。',
  '二、反馈问题整改情况',
  '（一）关于理论学习方面',
  '1．理论学习不够深入。',
  '整改情况：已完成整改。',
  '2．学习制度执行不严。',
  '整改情况：已完成整改。',
);

/** States one problem done, but its problems are not numbered: 1 stated against 0 derived. */
const STATED_UNMATCHED = lines(
  '某某镇党委关于巡察整改情况的通报',
  '巡察反馈的3个方面问题，已完成整改1个。',
  '一、整改工作开展情况',
  '镇党委召开专题会议研究部署整改工作。',
  '二、下一步工作打算',
  '持续抓好整改落实。',
);

/** States its problems and how many are done, but no rate: the rate is 2/4, from the statement. */
const STATED_COUNTS = lines(
  '某某区文化馆党支部关于巡察整改进展情况的通报',
  '巡察反馈的4个问题，已完成整改2个，正在整改2个。',
  '一、反馈问题整改情况',
  '（一）已完成整改的问题',
  '1．阵地管理不规范。',
  '2．台账记录不完整。',
  '（二）正在整改的问题',
  '1．人员培训不足。',
  '2．经费使用不规范。',
);

/** A stated total, nothing stated about how many are done: the ring draws the outline's statuses. */
const TOTAL_ONLY = lines(
  '某某县档案馆党支部关于巡察整改进展情况的通报',
  '巡察反馈3个问题。',
  '一、反馈问题整改情况',
  '1．借阅登记不完整的问题。已完成整改。',
  '2．库房巡查不及时的问题。已完成整改。',
  '3．数字化进度滞后的问题。正在整改。',
);

/** A measure that runs on as a paragraph. */
const LONG_MEASURE = lines(
  '某某区档案局党组关于巡察整改进展情况的通报',
  '一、反馈问题整改情况',
  '1．学习制度执行不严的问题。',
  '整改情况：一是严格落实学习规则，按照要求制定年度学习计划，认真组织学习研讨，党组每位同志发言交流学习体会；二是加强督促检查。已完成整改。',
);

/** Every figure agrees. */
const AGREES = lines(
  '某某街道党工委关于巡察整改进展情况的通报',
  '巡察反馈的2个问题，已全部完成整改。已完成整改2个，整改完成率100%。',
  '一、反馈问题整改情况',
  '1．议事规则执行不严。',
  '整改情况：已完成整改。',
  '2．档案管理不规范。',
  '整改情况：已完成整改。',
);

/** A stated total the outline does not reach, and metadata for the field names: the shared audit
 * notice without its stated aspects. */
const MISMATCH = AUDIT_NOTICE.replace('巡察反馈的2个方面5个问题', '巡察反馈的5个问题');

const seeds = existsSync(seedsDir)
  ? await Promise.all(
      (await readdir(seedsDir))
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map(async (f) => [f.replace(/\.txt$/, ''), await readFile(path.join(seedsDir, f), 'utf8')]),
    )
  : [];
if (seeds.length === 0) console.log(`# SKIP seed notices: ${seedsDir} is absent; invented notices only`);

const INVENTED = [
  ['no-figures', NO_FIGURES],
  ['stated-unmatched', STATED_UNMATCHED],
  ['stated-counts', STATED_COUNTS],
  ['agrees', AGREES],
  ['mismatch', MISMATCH],
];
const ALL = [...INVENTED, ...seeds];

let site;
let browser;

before(async () => {
  await ensureDist();
  if (!process.env.NOTICE_OUTLINE_CLI) {
    execFileSync('cargo', ['build', '--release', '-q', '--bin', 'notice-outline'], { cwd: repoDir, stdio: 'inherit' });
  }
  site = await startServer();
  browser = await launchBrowser();
  await mkdir(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

function cli(text, format) {
  return execFileSync(cliPath, ['--format', format], { input: text, maxBuffer: 1 << 28 }).toString('utf8');
}

async function openPage(t, viewport = { width: 1280, height: 800 }, query = '') {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  t.after(() => context.close());
  await page.goto(site.url(`/index.html${query}`));
  await page.locator('.no-app').waitFor();
  await settled(page);
  return page;
}

/** The summary as the reader sees it. */
async function summary(page) {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('.no-figures tbody tr')].map((tr) => ({
      code: tr.dataset.field,
      stated: tr.querySelector('[data-stated]').textContent.trim(),
      derived: tr.querySelector('[data-derived]').textContent.replace('≠', '').trim(),
      differs: tr.classList.contains('no-figures__row--mismatch'),
    }));
    const checks = [...document.querySelectorAll('.no-check')].map((li) => li.dataset.code);
    return {
      rows,
      checks,
      ok: document.querySelector('.no-checks__ok')?.textContent ?? null,
      none: document.querySelector('.no-checks__none')?.textContent ?? null,
      ring: document.querySelector('.no-ring')?.dataset.rate ?? null,
      ringFrom: document.querySelector('.no-ring')?.dataset.source ?? null,
      legend: Object.fromEntries([...document.querySelectorAll('.no-ring__legend .no-count')]
        .map((c) => [c.className.replace(/.*no-count--/, ''), Number(c.textContent.replace(/\D+/g, ''))])),
      ringSource: document.querySelector('.no-ring__source')?.textContent ?? null,
    };
  });
}

test('"the figures agree" only when figures were compared and none differs', async (t) => {
  const page = await openPage(t);
  await paste(page, NO_FIGURES);
  let s = await summary(page);
  assert.equal(s.ok, null, 'nothing stated: no green line');
  assert.equal(s.none, '通报没有自述可核对的数字。');

  await paste(page, AGREES);
  s = await summary(page);
  assert.equal(s.ok, '通报自述的数字与大纲一致。');
  assert.deepEqual(s.rows.filter((r) => r.differs), []);
});

test('every ≠ row has a line saying why, and never a green line beside it', async (t) => {
  const page = await openPage(t);
  for (const [name, text] of ALL) {
    await paste(page, text);
    const s = await summary(page);
    const differing = s.rows.filter((r) => r.differs);
    if (differing.length > 0) assert.equal(s.ok, null, `${name}: a green line beside ≠ rows`);
    for (const row of differing) {
      const explained = s.checks.includes(row.code) || (row.code === 'completion_rate' && s.checks.some((c) => c.startsWith('problems')));
      assert.ok(explained, `${name}: the ${row.code} row differs (${row.stated} ≠ ${row.derived}) and nothing says why`);
    }
    // Conversely, a row that looks different is marked.
    for (const row of s.rows) {
      const looksDifferent = row.stated !== '未说明' && row.derived !== '—' && parseFloat(row.stated) !== parseFloat(row.derived);
      if (looksDifferent && row.code !== 'completion_rate') assert.ok(row.differs, `${name}: ${row.code} ${row.stated} vs ${row.derived} is not marked`);
    }
  }
  await paste(page, STATED_UNMATCHED);
  const s = await summary(page);
  assert.ok(s.rows.find((r) => r.code === 'aspects').differs, 'stated 3 aspects against 0');
  assert.match(await page.locator('.no-check[data-unexplained][data-code="aspects"]').textContent(), /方面：通报自述 3，大纲统计 0/);
});

test('one completion rate, from one source, in the ring and the table', async (t) => {
  const page = await openPage(t);
  await paste(page, STATED_COUNTS);
  let s = await summary(page);
  const rateRow = s.rows.find((r) => r.code === 'completion_rate');
  assert.equal(s.ring, '50%');
  assert.equal(rateRow.stated, '50%按所称数字计算', 'the stated rate, and a note that it is computed');
  assert.equal(s.ringSource, '完成率：按通报所称数字计算');
  await paste(page, TOTAL_ONLY);
  s = await summary(page);
  assert.equal(s.ringFrom, 'derived', 'a stated total alone does not colour the ring');
  assert.deepEqual(s.legend, { done: 2, 'in-progress': 1 });
  assert.equal(s.ring, '66.7%');
  for (const [name, text] of [...ALL, ['TOTAL_ONLY', TOTAL_ONLY]]) {
    await paste(page, text);
    s = await summary(page);
    // The ring's segments come from the column its rate comes from.
    const column = s.ringFrom === 'stated' ? 'stated' : 'derived';
    for (const [status, code] of [['done', 'problems_done'], ['in-progress', 'problems_in_progress']]) {
      const row = s.rows.find((r) => r.code === code);
      const figure = Number.parseFloat(row?.[column]);
      if (row && Number.isFinite(figure) && s.legend[status] !== undefined) {
        assert.equal(s.legend[status], figure, `${name}: the ring's ${status} ${s.legend[status]} vs the table's ${column} ${row[column]}`);
      }
    }
    const row = s.rows.find((r) => r.code === 'completion_rate');
    if (s.ring == null || row == null) continue;
    const shown = row.stated.startsWith(s.ring) ? 'stated' : row.derived === s.ring ? 'derived' : null;
    assert.ok(shown, `${name}: the ring shows ${s.ring}, the table ${row.stated} / ${row.derived}`);
    if (shown === 'derived') assert.equal(row.stated, '未说明', `${name}: the ring uses the outline's rate although the notice states one`);
  }
});

test('a check quotes the words that triggered it, and "show in text" lands on them', async (t) => {
  const page = await openPage(t);
  await paste(page, MISMATCH);
  const check = page.locator('.no-check[data-code="problems"]');
  assert.equal(await check.locator('.no-check__quote').textContent(), '5个问题');
  await check.getByRole('button', { name: '在原文中定位' }).click();
  await page.locator('mark.no-mark').waitFor();
  assert.equal(await page.locator('mark.no-mark').textContent(), '5个问题');
});

test('a measure that runs on as a paragraph shows its first clause as its heading', async (t) => {
  const page = await openPage(t);
  await paste(page, LONG_MEASURE);
  await page.getByRole('button', { name: '全部展开' }).click();
  const measure = page.locator('.no-node--measure').first();
  const row = measure.locator('.no-node__row');
  assert.equal(await row.locator('.no-node__label').innerText(), '一是');
  // innerText leaves out what is not shown: the rest of the paragraph (and the drawn ellipsis).
  assert.equal(await row.locator('.no-node__text').innerText(), '一是严格落实学习规则，');
  await row.click();
  assert.match(await row.locator('.no-node__text').innerText(), /^一是严格落实学习规则，按照要求制定年度学习计划，.*交流学习体会$/);
  assert.equal(await page.locator('.no-node--measure').nth(1).locator('.no-node__text').innerText(), '二是加强督促检查');
});

test('English is complete: header, footer, title, html lang, ASCII punctuation', async (t) => {
  const page = await openPage(t);
  await paste(page, MISMATCH);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('tree', { name: 'Notice outline' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // The title follows once the outline is painted.
  await page.waitForFunction(() => / · Notice Outline$/.test(document.title));
  const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
  for (const selector of ['.no-page__header', '.no-page__footer', '.no-status']) {
    const text = await page.locator(selector).innerText();
    assert.doesNotMatch(text, cjk, `${selector}: ${text}`);
  }
  // Labels (not the notice's own words) are English with ASCII punctuation.
  const labels = await page.evaluate(() =>
    [...document.querySelectorAll('.no-figures th, .no-ring__source, .no-meta dt, .no-checks__title, .no-check__message, .no-card__title, .no-tl__item dt')].map((e) => e.textContent),
  );
  for (const label of labels) assert.doesNotMatch(label, cjk, label);
  assert.equal(await page.locator('.no-ring__source').textContent(), 'Completion: as stated');
  // Back to Chinese: the page follows.
  await page.getByRole('button', { name: '切换到中文' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await page.waitForFunction(() => / · 通报大纲$/.test(document.title));
});

test('print shows every problem and measure, the summary and metadata, on A4, with the title', async (t) => {
  const page = await openPage(t);
  await paste(page, MISMATCH);
  const model = JSON.parse(cli(MISMATCH, 'json'));
  const count = (nodes) => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction((n) => document.querySelectorAll('[role="treeitem"]').length === n, count(model.outline));
  for (const selector of ['.no-summary', '.no-meta', '.no-print-title', '.no-figures']) {
    assert.ok(await page.locator(selector).isVisible(), `${selector} is printed`);
  }
  assert.equal(await page.locator('.no-print-title').textContent(), model.meta.title);
  const a4 = await page.evaluate(() =>
    [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule instanceof CSSPageRule && /A4/i.test(rule.style.getPropertyValue('size')))),
  );
  assert.ok(a4, '@page { size: A4 }');
  await page.screenshot({ path: path.join(artifacts, 'print.png'), fullPage: true });
});

test('320 to 1280 px: nothing clipped, no sideways scrolling; timeline labels inside (screenshots)', async (t) => {
  const texts = [['mismatch', MISMATCH], ...seeds];
  for (const width of [320, 390, 1280]) {
    const page = await openPage(t, { width, height: width < 1000 ? 844 : 800 });
    for (const lang of ['zh', 'en']) {
      if (lang === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
      for (const [name, text] of texts) {
        await paste(page, text);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${name} ${width}px ${lang}: ${overflow}px wider than the viewport`);
        const clipped = await page.evaluate(() => {
          const svg = document.querySelector('.no-tl');
          if (!svg) return [];
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('text')]
            .map((t) => [t.textContent, t.getBoundingClientRect()])
            .filter(([, r]) => r.left < box.left - 0.5 || r.right > box.right + 0.5)
            .map(([text]) => text);
        });
        assert.deepEqual(clipped, [], `${name} ${width}px ${lang}: timeline labels clipped`);
        if (name !== 'mismatch' || width === 390) {
          await page.screenshot({ path: path.join(artifacts, `${name}-${width}-${lang}.png`), fullPage: width < 1000 });
        }
      }
    }
  }
});

test('a Chinese character typed in the tree reaches neither the text box nor moves focus away', async (t) => {
  const page = await openPage(t);
  await paste(page, MISMATCH);
  const before = await page.locator('textarea').inputValue();
  await page.locator('[role="treeitem"]').first().focus();
  await page.keyboard.type('审');
  await page.keyboard.insertText('计');
  assert.equal(await page.locator('textarea').inputValue(), before, 'the text is unchanged');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'treeitem', 'focus stays in the tree');
});

test('the same field names on the page and in the Markdown; the ledger gives lines', async (t) => {
  const page = await openPage(t);
  await paste(page, MISMATCH);
  const markdown = cli(MISMATCH, 'markdown');
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll('.no-meta__field')]
      .filter((f) => !f.querySelector('dd').classList.contains('no-muted') && f.dataset.field !== 'title')
      .map((f) => f.querySelector('dt').textContent),
  );
  assert.ok(shown.length >= 2, `fields shown: ${shown}`);
  for (const name of shown) assert.ok(markdown.includes(`- ${name}：`), `Markdown lacks "${name}"`);
  const timeline = await page.locator('.no-tl__item dt').allTextContents();
  for (const name of timeline) assert.ok(markdown.includes(`- ${name}：`), `Markdown lacks the date "${name}"`);
  const csv = cli(MISMATCH, 'csv');
  assert.doesNotMatch(csv, /字节/, 'no byte offsets in the ledger');
  assert.match(csv.split('\r\n')[1], /,第12行$/);
});
