// Pagebook exported page runtime: keeps the saved outputs visible, starts PyScript (from the CDN,
// from the site's own folder, or from assets embedded in this very file), runs the cells through
// the Pagebook driver and swaps each cell's saved outputs for its live ones.
(() => {
  'use strict';
  const manifest = JSON.parse(document.getElementById('pagebook-export').textContent);
  const CELL_TYPE = 'text/x-pagebook-py';
  const OFFLINE_BASE = 'https://pagebook-offline.invalid/';
  const cells = [];
  const timings = { start: performance.now() };
  let statusElement = null;
  let finished = false;

  function status(text, failed = false) {
    if (!statusElement) {
      statusElement = document.createElement('div');
      statusElement.id = 'pagebook-status';
      statusElement.setAttribute('role', 'status');
      document.body.append(statusElement);
    }
    statusElement.textContent = text;
    statusElement.classList.toggle('pagebook-failed', failed);
  }

  function fail(reason) {
    if (finished) return;
    finished = true;
    timings.failed = performance.now();
    document.documentElement.dataset.pagebook = 'failed';
    status(`Python could not start (${reason}). The outputs shown are the saved ones.`, true);
  }

  function targetOf(cell) {
    const id = cell.getAttribute('target');
    let target = id && document.getElementById(id);
    if (!target) {
      target = document.createElement('div');
      if (id) target.id = id;
      cell.after(target);
    }
    return target;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The same markup the notebook writer saves (docs/format.md), so saved and live outputs match.
  const ANSI = /\u001b\[[0-9;]*m/g;
  function renderOutput(output) {
    switch (output.output_type) {
      case 'stream':
        return element('pre', `pagebook-stream pagebook-${output.name}`, output.text);
      case 'error':
        return element('pre', 'pagebook-error', output.traceback.join('\n').replace(ANSI, ''));
      default: {
        const data = output.data;
        for (const type of ['text/html', 'image/svg+xml']) {
          if (type in data) {
            const node = element('div', 'pagebook-display');
            node.innerHTML = data[type];
            return node;
          }
        }
        for (const type of ['image/png', 'image/jpeg', 'image/gif']) {
          if (type in data) {
            const node = element('img', 'pagebook-display');
            node.alt = 'output';
            node.src = `data:${type};base64,${data[type].replace(/\s/g, '')}`;
            return node;
          }
        }
        return element('pre', 'pagebook-display', data['application/json'] ?? data['text/plain'] ?? '');
      }
    }
  }

  // What a cell wrote into the page (a document.getElementById(...) write, display(target=...))
  // is recorded as the kernel records it: per element with an id, its new inner HTML, as a
  // display_data output with metadata {"pagebook": {"target": id}}. Such outputs are already in
  // the page, so they are not rendered again in the cell's own output element.
  const isPageWrite = output => Boolean(output.metadata && output.metadata.pagebook
    && output.metadata.pagebook.target);
  let pageObserver = null;
  let pageRecords = [];
  function ignoredNode(node) {
    if (!node || !node.isConnected || !document.body.contains(node)) return true;
    const owner = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return !owner || Boolean(owner.closest('script, py-config, #pagebook-status, .pagebook-output'))
      || cells.some(cell => cell.getAttribute('target') && owner.closest(`[id="${CSS.escape(cell.getAttribute('target'))}"]`));
  }
  function anchorOf(node) {
    let anchor = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    while (anchor && anchor !== document.body && !anchor.id) anchor = anchor.parentElement;
    return anchor && anchor !== document.body ? anchor : null;
  }

  function outputData(json) {
    const node = element('script', 'pagebook-output-data', json);
    node.type = 'application/json';
    return node;
  }

  window.pagebook = {
    timings,
    cells: () => cells.map(cell => ({ id: cell.id, source: cell.textContent })),
    /** JSON {relative path: source} of the notebook's own modules the cells import. */
    modules: () => JSON.stringify(manifest.modules || {}),
    /** The kernel's magics module (Python source), or '' when no cell uses a magic. */
    magics: () => manifest.magics || '',
    showOutputs(cellId, json) {
      const cell = document.getElementById(cellId);
      const shown = JSON.parse(json).filter(output => !isPageWrite(output)).map(renderOutput);
      targetOf(cell).replaceChildren(outputData(json), ...shown);
      timings.firstLive ??= performance.now();
      status(`Running cells ${cells.indexOf(cell) + 1}/${cells.length}`);
    },
    watchPage() {
      pageObserver?.disconnect();
      pageRecords = [];
      pageObserver = new MutationObserver(records => pageRecords.push(...records));
      pageObserver.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    },
    /** JSON [[id, innerHTML], ...] of the elements changed since watchPage(), outermost only. */
    pageChanges() {
      const records = pageObserver ? [...pageRecords, ...pageObserver.takeRecords()] : [];
      pageRecords = [];
      pageObserver?.disconnect();
      pageObserver = null;
      const changed = [];
      for (const record of records) {
        if (ignoredNode(record.target)) continue;
        const anchor = anchorOf(record.target);
        if (anchor && !changed.includes(anchor)) changed.push(anchor);
      }
      const outermost = changed.filter(e => !changed.some(other => other !== e && other.contains(e)));
      return JSON.stringify(outermost.map(e => [e.id, e.innerHTML]));
    },
    finished() {
      finished = true;
      timings.live = performance.now();
      document.documentElement.dataset.pagebook = 'live';
      if (statusElement) statusElement.classList.add('pagebook-done');
      dispatchEvent(new Event('pagebook:live'));
    },
    failed: fail,
  };

  // Cells are run by the driver, not by PyScript itself, so their type changes in the live DOM
  // only (the file keeps type="py"); PyScript's own config moves to the driver.
  function adoptCells() {
    for (const script of document.querySelectorAll('script[type="py"]')) {
      if (script.hasAttribute('worker') || script.hasAttribute('src')) continue;
      if (!script.id) script.id = `pagebook-cell-${cells.length + 1}`;
      script.type = CELL_TYPE;
      cells.push(script);
    }
    for (const config of document.querySelectorAll('py-config')) config.remove();
  }

  async function unpack(asset) {
    const text = document.getElementById(asset.id).textContent.trim();
    const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(text)
      : Uint8Array.from(atob(text), c => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Blob([await new Response(stream).arrayBuffer()], { type: asset.type });
  }

  // Offline: every runtime file lives in this page. Pyodide asks for them by URL under a
  // reserved base; the page answers those fetches itself, so nothing leaves the page.
  async function mountEmbeddedAssets() {
    status('Unpacking Python');
    const files = new Map(await Promise.all(
      Object.entries(manifest.assets).map(async ([name, asset]) => [name, await unpack(asset)])));
    const networkFetch = globalThis.fetch.bind(globalThis);
    globalThis.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.startsWith(OFFLINE_BASE)) return networkFetch(input, init);
      const file = files.get(url.slice(OFFLINE_BASE.length));
      return Promise.resolve(file
        ? new Response(file, { headers: { 'Content-Type': file.type } })
        : new Response('not embedded in this page', { status: 404 }));
    };
    const urls = Object.fromEntries([...files].map(([name, blob]) => [name, URL.createObjectURL(blob)]));
    timings.unpacked = performance.now();
    return {
      core: urls['pyscript-core.js'],
      css: urls['pyscript-core.css'],
      pyodide: async () => ({
        module: await import(urls['pyodide.mjs']),
        options: {
          indexURL: OFFLINE_BASE,
          packageBaseUrl: OFFLINE_BASE,
          stdLibURL: `${OFFLINE_BASE}python_stdlib.zip`,
          lockFileContents: await files.get('pyodide-lock.json').text(),
          createPyodideModule: (await import(urls['pyodide.asm.mjs'])).default,
        },
      }),
    };
  }

  function siteAssets() {
    const index = new URL(manifest.pyodideDir, location.href).href;
    if ('serviceWorker' in navigator && manifest.serviceWorker) {
      navigator.serviceWorker.register(manifest.serviceWorker).catch(error => console.warn(error));
    }
    return {
      core: new URL(manifest.core, location.href).href,
      pyodide: async () => ({
        module: await import(`${index}pyodide.mjs`),
        options: { indexURL: index, packageBaseUrl: index, lockFileURL: `${index}pyodide-lock.json` },
      }),
    };
  }

  // PyScript imports its interpreter from a URL and expects Pyodide's module shape; this one
  // hands PyScript's options to the real loadPyodide with the page's own files and packages.
  function interpreterModule(assets) {
    globalThis.__pagebookLoadPyodide = async options => {
      status('Starting Python');
      try {
        const { module, options: own } = await assets.pyodide();
        const merged = { ...options, ...own, packages: manifest.packages };
        if (own.lockFileURL) delete merged.lockFileContents;
        const pyodide = await module.loadPyodide(merged);
        timings.interpreter = performance.now();
        status('Running cells');
        return pyodide;
      } catch (error) {
        fail(error.message || String(error));
        throw error;
      }
    };
    const source = `export const version = ${JSON.stringify(manifest.pyodideVersion)};\n`
      + 'export const loadPyodide = options => globalThis.__pagebookLoadPyodide(options);\n';
    // PyScript takes only scheme:// URLs as interpreter locations (not blob:), so the module gets
    // a reserved https name that an import map points at the blob.
    const name = `${OFFLINE_BASE}pagebook-interpreter.mjs`;
    const map = document.createElement('script');
    map.type = 'importmap';
    map.textContent = JSON.stringify({
      imports: { [name]: URL.createObjectURL(new Blob([source], { type: 'text/javascript' })) },
    });
    document.head.append(map);
    return name;
  }

  function startDriver(config) {
    const driver = document.createElement('script');
    driver.type = 'py';
    driver.id = 'pagebook-driver';
    driver.setAttribute('async', '');
    driver.setAttribute('config', JSON.stringify(config));
    driver.textContent = manifest.driver;
    document.body.append(driver);
  }

  async function boot() {
    status('Loading Python');
    adoptCells();
    const config = { ...manifest.config };
    let core;
    let css = manifest.css && new URL(manifest.css, location.href).href;
    if (manifest.mode === 'linked') {
      core = manifest.core;
      config.interpreter = manifest.interpreter;
    } else {
      const assets = manifest.mode === 'offline' ? await mountEmbeddedAssets() : siteAssets();
      core = assets.core;
      css = assets.css || css;
      config.interpreter = interpreterModule(assets);
    }
    // PyScript's stylesheet comes with the runtime, after the saved outputs were painted.
    if (css) {
      const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: css });
      document.head.append(link);
    }
    startDriver(config);
    await import(core);
  }

  addEventListener('error', event => { if (!finished && event.error) fail(event.message); });
  addEventListener('unhandledrejection', event => {
    if (!finished) fail(event.reason && event.reason.message || String(event.reason));
  });
  setTimeout(() => fail('it did not finish within 5 minutes'), 300000);
  // The saved outputs are painted first: PyScript's module (large), its stylesheet and the
  // offline unpacking all start after the first frame (or 250 ms where frames are paused, as in
  // a background tab).
  const afterFirstPaint = () => new Promise(resolve => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 250);
  });
  const start = () => afterFirstPaint().then(boot).catch(error => fail(error.message || String(error)));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
