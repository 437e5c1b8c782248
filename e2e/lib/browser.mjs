// Headless Chromium for the end-to-end tests: Debian's /usr/bin/chromium through playwright-core
// (no browser download). CHROMIUM overrides the executable.
//
//   import { launchBrowser, watchPage } from './lib/browser.mjs';
//   const browser = await launchBrowser();
//   const page = await browser.newPage();
//   const seen = watchPage(page);   // … later: assert.deepEqual(seen.problems(), []);

import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Root needs --no-sandbox; the rest keeps Chromium from reaching the network on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--lang=zh-CN',
];

/** Launches headless Chromium; `options` go to playwright's `chromium.launch`. */
export function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/**
 * Records what would make a page unsafe or noisy: console errors and warnings (CSP violations
 * show up there), uncaught exceptions, failed requests, and requests to other origins than
 * `allowedOrigin` (default: the page's first origin). `problems()` lists them as strings.
 */
export function watchPage(page, { allowedOrigin } = {}) {
  const seen = { console: [], errors: [], failed: [], foreign: [], requests: [] };
  let origin = allowedOrigin;
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      // "Failed to load resource" does not say which one; the location does.
      const where = message.location()?.url;
      const suffix = where && !message.text().includes(where) ? ` (${where})` : '';
      seen.console.push(`${message.type()}: ${message.text()}${suffix}`);
    }
  });
  page.on('pageerror', (error) => seen.errors.push(String(error?.stack ?? error)));
  page.on('requestfailed', (request) => seen.failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    seen.requests.push(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    origin ??= url.origin;
    if (url.origin !== origin) seen.foreign.push(request.url());
  });
  seen.problems = () => [
    ...seen.console,
    ...seen.errors.map((e) => `uncaught: ${e}`),
    ...seen.failed.map((f) => `request failed: ${f}`),
    ...seen.foreign.map((u) => `request to another origin: ${u}`),
  ];
  return seen;
}
