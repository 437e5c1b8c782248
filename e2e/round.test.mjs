// End-to-end tests of the round (web/src/app/round): three invented notices and one binary file
// dropped at once give four rows in the order dropped, the bad file with its reason; sorting by a
// header sets aria-sort and reorders the rows; the exported CSV is byte for byte the CLI's
// `--format summary` of the same files; a row opens its notice; a reload keeps the round.
//
//   trunk build --release --offline && node --test e2e/round.test.mjs
//
// DIST_DIR overrides the built site (default dist/); NOTICE_OUTLINE_CLI the CLI binary (default
// target/release/notice-outline, rebuilt first so it matches the page's parser).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, ensureDist } from './lib/server.mjs';
import { launchBrowser, watchPage } from './lib/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(here, '..');
const cliPath = process.env.NOTICE_OUTLINE_CLI ?? path.join(repoDir, 'target', 'release', 'notice-outline');

// Invented notices (fixtures/), renamed so that their names do not sort in the order dropped.
const FILES = [
  ['县交通局.txt', 'county-transport.txt'],
  ['红岭镇.txt', 'status-groups.txt'],
  ['审计局.txt', 'audit-rectification.txt'],
];
const BINARY = ['扫描件.txt', Buffer.from('%PDF-1.4\n\u0000\u0000\u0001binary', 'latin1')];

let site;
let browser;
let files;

before(async () => {
  await ensureDist();
  if (!process.env.NOTICE_OUTLINE_CLI) {
    execFileSync('cargo', ['build', '--release', '-q', '--bin', 'notice-outline'], { cwd: repoDir, stdio: 'inherit' });
  }
  files = [];
  for (const [name, fixture] of FILES) {
    files.push([name, await readFile(path.join(repoDir, 'fixtures', fixture))]);
  }
  files.push(BINARY);
  site = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** The CLI's summary CSV of the same files, named as the page names them (no directory). */
async function cliSummary() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'notice-outline-round-e2e-'));
  for (const [name, bytes] of files) await writeFile(path.join(dir, name), bytes);
  try {
    execFileSync(cliPath, ['--format', 'summary', ...files.map(([name]) => name)], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
    assert.fail('the CLI exits 1 when a file is unreadable');
  } catch (error) {
    assert.equal(error.status, 1);
    return error.stdout.toString('utf8');
  }
}

async function openPage(t) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const seen = watchPage(page);
  t.after(() => context.close());
  await page.goto(site.url('/index.html'));
  await page.locator('.no-round').waitFor();
  return { page, seen };
}

/** Drops `list` ([name, bytes]) on the round, as one drag of several files. */
async function drop(page, list) {
  const payload = list.map(([name, bytes]) => [name, [...bytes]]);
  const dataTransfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const [name, bytes] of items) dt.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/plain' }));
    return dt;
  }, payload);
  await page.locator('.no-round').dispatchEvent('drop', { dataTransfer });
}

const rowNames = (page) => page.locator('.no-round__table tbody tr th').allTextContents();
const column = (page, i) => page.locator('.no-round__table tbody tr').evaluateAll((rows, i) => rows.map((r) => r.children[i].textContent), i);

test('dropped files give one row each, the binary one saying why; export equals the CLI summary', async (t) => {
  const { page, seen } = await openPage(t);
  await drop(page, files);
  await page.locator('.no-round__table tbody tr').nth(3).waitFor();
  assert.deepEqual((await rowNames(page)).map((s) => s.trim()), files.map(([name]) => name), 'rows in the order dropped');
  const notes = await column(page, 9);
  assert.match(notes[3], /^二进制文件（偏移 9 处有 NUL 字节）/);
  assert.deepEqual(notes.slice(0, 3), ['', '', '']);
  assert.equal(await page.locator('.no-round__table tbody tr.no-round__row--error').count(), 1);
  assert.match(await page.locator('.no-round__table tfoot').textContent(), /4 份通报.*1 份无法读取/);

  const expected = await cliSummary();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出汇总 CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'round-summary.csv');
  assert.equal(await readFile(await download.path(), 'utf8'), expected, 'the page exports the CLI summary byte for byte');
  assert.deepEqual(seen.problems(), []);
});

test('headers sort with aria-sort; a row opens its notice; a reload keeps the round', async (t) => {
  const { page, seen } = await openPage(t);
  await drop(page, files);
  await page.locator('.no-round__table tbody tr').nth(3).waitFor();

  const problemsHeader = page.locator('.no-round__table thead th').nth(2);
  assert.equal(await page.locator('.no-round__table thead th[aria-sort]').count(), 0, 'unsorted: no aria-sort');
  await problemsHeader.getByRole('button').click();
  assert.equal(await problemsHeader.getAttribute('aria-sort'), 'descending');
  assert.equal(await page.locator('.no-round__table thead th[aria-sort]').count(), 1, 'aria-sort on the sorted column only');
  const down = (await column(page, 2)).map((c) => (c === '' ? -1 : Number(c)));
  assert.deepEqual(down, [...down].sort((a, b) => b - a), 'largest first');
  assert.equal(down.at(-1), -1, 'the unreadable file sorts last');
  // Keyboard: the header's button takes Enter.
  await problemsHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  assert.equal(await problemsHeader.getAttribute('aria-sort'), 'ascending');
  const up = (await column(page, 2)).map((c) => (c === '' ? -1 : Number(c)));
  assert.deepEqual(up, [...up].sort((a, b) => a - b));

  await page.getByRole('button', { name: `打开 ${FILES[1][0]} 的大纲` }).click();
  await page.locator('.no-results[aria-busy="false"]').waitFor();
  assert.equal(await page.locator('textarea').inputValue(), files[1][1].toString('utf8'), 'the row opened its notice');
  assert.equal(await page.locator('.no-round__table tbody tr th button').count(), 3, 'the binary file has nothing to open');

  await page.reload();
  await page.locator('.no-round__table tbody tr').nth(3).waitFor();
  assert.deepEqual((await rowNames(page)).map((s) => s.trim()), files.map(([name]) => name), 'kept over a reload, in order');
  assert.match((await column(page, 9))[3], /^二进制文件/);

  // The text in the editor joins the round as one more row.
  await page.getByRole('button', { name: '加入当前文本' }).click();
  await page.locator('.no-round__table tbody tr').nth(4).waitFor();
  assert.equal((await rowNames(page))[4].trim(), '粘贴的通报 5');
  await page.getByRole('button', { name: '清空汇总' }).click();
  await page.locator('.no-round__empty').waitFor();
  await page.reload();
  await page.locator('.no-round__empty').waitFor();
  assert.deepEqual(seen.problems(), []);
});
