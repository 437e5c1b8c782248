// Boots the stand-alone page: loads the wasm (built by Trunk next to this file) and mounts the
// app into #app. A module script of our own, not Trunk's inline loader, so the page runs under
// the strict CSP it declares.
import init, { startPage } from './notice-outline-web.js';

const wasmUrl = new URL('./notice-outline-web_bg.wasm', import.meta.url);

try {
  await init({ module_or_path: wasmUrl });
  startPage();
} catch (error) {
  const main = document.getElementById('app');
  const message = document.createElement('p');
  message.className = 'no-page__noscript';
  message.setAttribute('role', 'alert');
  message.textContent = `页面载入失败（${error?.message ?? error}）。请使用最新版的 Chrome、Edge、Firefox 或 Safari。`;
  main?.replaceChildren(message);
  throw error;
}
