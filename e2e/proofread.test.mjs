// Proofreading checks on the page: a numbering gap and dates in the wrong order are listed with
// the other checks, in the UI's language, and "show in text" marks the faulty place.
//
//   trunk build --release --offline && node --test e2e/proofread.test.mjs
//
// The notices and what each must show are the Rust tests' fixtures: fixtures/proofread/NAME.txt
// and NAME.checks (the `--check` line, then the text of every span).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, ensureDist } from './lib/server.mjs';
import { launchBrowser, watchPage } from './lib/browser.mjs';
import { openApp, paste } from './lib/app.mjs';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'proofread');

let site;
let browser;

before(async () => {
  await ensureDist();
  site = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** The fixture's text and its expected checks: code, Chinese and English message, span texts. */
async function fixture(name) {
  const text = await readFile(path.join(fixtures, `${name}.txt`), 'utf8');
  const lines = (await readFile(path.join(fixtures, `${name}.checks`), 'utf8')).trimEnd().split('\n');
  const checks = [];
  for (let i = 0; i < lines.length; i += 2) {
    const [, code, zh, en] = lines[i].match(/^[^ ]+ (?:mismatch|notice) ([a-z_0-9]+): (.*) \| (.*)$/);
    const spans = [...lines[i + 1].matchAll(/«([^»]*)»/g)].map((m) => m[1]);
    checks.push({ code, zh, en, spans });
  }
  return { text, checks };
}

for (const [name, code] of [['gap', 'number_gap'], ['feedback-date', 'feedback_date'], ['inspection-dates', 'inspection_dates']]) {
  test(`${name}: the ${code} check is listed and shows its place in the text`, async (t) => {
    const { text, checks } = await fixture(name);
    const expected = checks.find((c) => c.code === code);
    assert.ok(expected, `${name}.checks lists ${code}`);
    const { page, seen } = await openApp(t, browser, site, watchPage);
    await paste(page, text);

    // Listed with the other checks, exactly the parser's checks, in order.
    const shown = await page.locator('.no-check').evaluateAll((els) => els.map((el) => [el.dataset.code, el.querySelector('.no-check__message').textContent]));
    assert.deepEqual(shown, checks.map((c) => [c.code, c.zh]));

    // "Show in text" marks the faulty place (the check's first span).
    await page.locator(`.no-check[data-code="${code}"] button`).click();
    const mark = page.locator('.no-backdrop mark');
    await mark.waitFor();
    assert.equal(await mark.textContent(), expected.spans[0]);
    assert.deepEqual(seen.problems(), []);
  });
}

test('the checks follow the UI language', async (t) => {
  const { text, checks } = await fixture('gap');
  const { page } = await openApp(t, browser, site, watchPage);
  await paste(page, text);
  await page.locator('.no-lang').click();
  assert.equal(await page.locator('.no-check[data-code="number_gap"] .no-check__message').textContent(), checks[0].en);
});
