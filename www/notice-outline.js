// <notice-outline>: the structured outline of a rectification notice, for any page.
//
// This ES module is the one script a page includes. It loads the WebAssembly once for the whole
// page, defines the custom element and re-exports the JS API (parse, mount, unmount, version,
// schemaVersion). It needs no inline script or style, makes no request except for its own files
// (and a same-origin `src` if asked), and only ever inserts the notice as text.
//
//   <script type="module" src="/notice-outline/notice-outline.js"></script>
//   <notice-outline readonly for="article-body"></notice-outline>
//
// See docs/embed.md for attributes, properties, the event, CSS custom properties and CSP.

import initWasm, * as wasm from './notice-outline-web.js';

const moduleUrl = import.meta.url;
const wasmUrl = new URL('./notice-outline-web_bg.wasm', moduleUrl);
// The shadow root's own reset (:host) and the app's stylesheet, both served next to this file.
const stylesheetUrls = [new URL('./notice-outline.css', moduleUrl), new URL('./app.css', moduleUrl)];

const EVENT_CHANGE = 'notice-outline-change';

// One instantiation for the page, however many elements and API calls there are.
let wasmReady = null;
function startWasm() {
  wasmReady ??= initWasm({ module_or_path: wasmUrl });
  return wasmReady;
}

/** An error the element shows to the reader instead of the outline. */
class EmbedError extends Error {}

const surfaces = new WeakMap(); // host element → its rendering surface

/** Builds (once per host) the isolated rendering surface: stylesheets, app container, message. */
function prepareShadow(host) {
  if (surfaces.has(host)) return surfaces.get(host);
  if (host.shadowRoot) throw new EmbedError('notice-outline: this element already has another shadow root');
  let shadow;
  try {
    shadow = host.attachShadow({ mode: 'open' });
  } catch (error) {
    throw new EmbedError(`notice-outline: cannot render inside <${host.localName}> (${error.message})`);
  }
  const loaded = stylesheetUrls.map((url) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = url.href;
    const done = new Promise((resolve) => {
      // A missing stylesheet must not block the outline: resolve on error too.
      link.addEventListener('load', resolve, { once: true });
      link.addEventListener('error', resolve, { once: true });
    });
    shadow.append(link);
    return done;
  });
  const message = document.createElement('p');
  message.className = 'notice-outline-message';
  message.setAttribute('role', 'alert');
  message.hidden = true;
  shadow.append(message);
  const surface = { shadow, message, stylesheetsLoaded: Promise.all(loaded), container: null, handle: null };
  surfaces.set(host, surface);
  return surface;
}

/** Unmounts whatever is in the surface and mounts a fresh app with `options`. */
function remount(surface, options) {
  clear(surface);
  const container = document.createElement('div');
  container.className = 'notice-outline-root';
  surface.shadow.append(container);
  surface.container = container;
  surface.handle = wasm.mount(container, options);
  return surface.handle;
}

function clear(surface) {
  if (surface.handle) {
    surface.handle.unmount();
    surface.handle.free();
    surface.handle = null;
  }
  surface.container?.remove();
  surface.container = null;
  showMessage(surface, null);
}

function showMessage(surface, text) {
  surface.message.textContent = text ?? '';
  surface.message.hidden = text == null;
}

/** The page's language when the element has none of its own: English only if it says so. */
function langFor(element) {
  const tag = element.getAttribute('lang') || element.closest('[lang]')?.getAttribute('lang') || '';
  return /^en(-|_|$)/i.test(tag.trim()) ? 'en' : 'zh';
}

/** Reads a same-origin URL as text; other origins are refused before any request is made. */
async function fetchSameOrigin(src) {
  const url = new URL(src, document.baseURI);
  if (url.origin !== location.origin) {
    throw new EmbedError(
      `notice-outline: src must be on this site (${location.origin}); refusing to fetch ${url.origin}`,
    );
  }
  // mode 'same-origin' also refuses a redirect that leaves the origin.
  const response = await fetch(url, { credentials: 'same-origin', mode: 'same-origin' });
  if (!response.ok) {
    throw new EmbedError(`notice-outline: could not load ${url.pathname} (HTTP ${response.status})`);
  }
  return response.text();
}

class NoticeOutlineElement extends HTMLElement {
  static observedAttributes = ['text', 'src', 'for', 'readonly', 'lang', 'collapse-depth', 'storage-key', 'sample-if-empty'];

  #textProperty = null; // set through `element.text = …`; wins over every attribute
  #model = null;
  #sourceText = null;
  #surface = null;
  #renders = 0; // guards against an older render finishing after a newer one started

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#renders += 1;
    if (this.#surface) clear(this.#surface);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.isConnected || oldValue === newValue) return;
    if (name === 'text' && this.#textProperty === null && this.#surface?.handle) {
      this.#setText(newValue ?? '');
    } else {
      this.#render();
    }
  }

  /** The text being outlined; setting it re-parses (and wins over attributes). */
  get text() {
    return this.#sourceText ?? '';
  }
  set text(value) {
    this.#textProperty = value == null ? null : String(value);
    if (this.#textProperty !== null && this.#surface?.handle) this.#setText(this.#textProperty);
    else if (this.isConnected) this.#render();
  }

  /** The last model (same shape as `parse()`), or null before the first parse. */
  get model() {
    return this.#model;
  }

  get readonly() {
    return this.hasAttribute('readonly');
  }
  set readonly(value) {
    this.toggleAttribute('readonly', Boolean(value));
  }

  #setText(text) {
    this.#sourceText = text;
    this.#surface.handle.setText(text);
  }

  async #render() {
    const render = ++this.#renders;
    let surface;
    try {
      surface = this.#surface ??= prepareShadow(this);
      const [text] = await Promise.all([this.#readText(), startWasm(), surface.stylesheetsLoaded]);
      if (render !== this.#renders) return;
      this.#sourceText = text;
      remount(surface, this.#options(text));
    } catch (error) {
      if (render !== this.#renders) return;
      if (surface) {
        clear(surface);
        showMessage(surface, error instanceof EmbedError ? error.message : `notice-outline: ${error.message ?? error}`);
      }
      console.error(error);
    }
  }

  async #readText() {
    if (this.#textProperty !== null) return this.#textProperty;
    if (this.hasAttribute('text')) return this.getAttribute('text');
    if (this.hasAttribute('src')) return fetchSameOrigin(this.getAttribute('src'));
    if (this.hasAttribute('for')) {
      const id = this.getAttribute('for');
      const source = this.getRootNode().getElementById?.(id) ?? document.getElementById(id);
      if (!source) throw new EmbedError(`notice-outline: no element with id "${id}" to read the notice from`);
      // innerText keeps the paragraph breaks the parser needs (textContent would join them).
      return source.innerText;
    }
    return this.textContent ?? '';
  }

  #options(text) {
    return {
      text,
      readonly: this.readonly,
      lang: langFor(this),
      collapseDepth: this.getAttribute('collapse-depth') ?? undefined,
      storageKey: this.getAttribute('storage-key') ?? undefined,
      sampleIfEmpty: this.hasAttribute('sample-if-empty'),
      onChange: (model) => {
        this.#model = model;
        this.dispatchEvent(new CustomEvent(EVENT_CHANGE, { detail: model, bubbles: true, composed: true }));
      },
    };
  }
}

if (!customElements.get('notice-outline')) {
  customElements.define('notice-outline', NoticeOutlineElement);
}

// The API below is usable as soon as `import` resolves: the module waits for the wasm here
// (the element is defined above, so a failed load still shows a message in each element).
await startWasm();

/** Parses a notice; returns the model as a plain object (see docs/embed.md and docs/schema.md). */
export function parse(text) {
  return wasm.parse(String(text ?? ''));
}

/**
 * Renders the outline app inside `element`, in its own shadow root (like the custom element).
 * options: { text, readonly, lang: 'zh'|'en', collapseDepth, storageKey, onChange(model) }.
 * Returns a handle: handle.setText(text), handle.unmount(), handle.mounted.
 */
export function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('notice-outline: mount(element, options) needs a DOM element');
  const surface = prepareShadow(element);
  remount(surface, { ...options });
  return {
    setText: (text) => surface.handle?.setText(String(text ?? '')),
    unmount: () => clear(surface),
    get mounted() {
      return surface.handle !== null;
    },
  };
}

/** Same as `handle.unmount()`. */
export function unmount(handle) {
  handle?.unmount();
}

/** The version of this build. */
export function version() {
  return wasm.version();
}

/** The version of the model's schema (`schema_version` in every model), e.g. "1.0". */
export const schemaVersion = wasm.schemaVersion();

export { NoticeOutlineElement };
