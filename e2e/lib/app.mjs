// Driving the page's app in a test: open it, paste a notice, wait for the parse.

/** A fresh page (fresh storage) on index.html with the app mounted; closed when `t` ends. */
export async function openApp(t, browser, site, watchPage, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const seen = watchPage(page);
  t.after(() => context.close());
  await page.goto(site.url('/index.html'));
  await page.locator('.no-app').waitFor();
  await settled(page);
  return { page, seen };
}

/** Waits until the results column has parsed the current text and the outline has all its
 * rows (the rows below the first screenful follow the first paint: the tree is aria-busy). */
export async function settled(page) {
  await page.locator('.no-results[aria-busy="false"]').waitFor();
  await page.locator('[role="tree"][aria-busy="true"]').waitFor({ state: 'detached' });
}

/** Pastes `text` into the text box the way a browser does: a paste event, then the input. */
export async function paste(page, text) {
  await page.locator('textarea').evaluate((el, value) => {
    el.focus();
    el.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: new DataTransfer() }));
    el.value = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  await settled(page);
}
