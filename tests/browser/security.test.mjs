// Security checks on what is really served and stored: the headers of every served file, no
// eval or inline script (in the files, and at run time under the page's CSP), no request to any
// other origin, and the passphrase and derived key nowhere a person or program could find them
// later: IndexedDB (every database and store), localStorage, sessionStorage, Cache Storage,
// cookies, the console, an export file outside its ciphertext, and the wasm heap after locking.
//
// How the key is known: the test wraps window.cpKdf.derive (web/kdf.js), the one door through
// which every key derived from a passphrase reaches the app, and keeps a copy of each key. The
// app itself exposes no key, in ?test mode or otherwise.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, openApp, click, nextFrames, pickFile } from './harness.mjs';
import {
  PASS, SCHOOL, waitState, saved, createWorkspace, newCase, recordNote, exportFile, typeInto,
} from './flows.mjs';

const SITE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'wasm', 'site');

let server;
before(async () => { server = await startServer(); });
after(() => server && server.stop());

// What serve.py must send (README, "Deploying"), written out here rather than read from serve.py.
const CSP = {
  'default-src': ["'self'"], 'script-src': ["'self'", "'wasm-unsafe-eval'"], 'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'], 'font-src': ["'self'"], 'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'], 'object-src': ["'none'"], 'base-uri': ["'none'"],
  'form-action': ["'none'"], 'frame-ancestors': ["'none'"],
};
const HEADERS = {
  'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin', 'cache-control': 'no-cache',
};

function parseCsp(text) {
  const out = {};
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    out[name] = values;
  }
  return out;
}

const siteFiles = () => readdirSync(SITE).filter((f) => !f.startsWith('.')).sort();

test('every served file carries the CSP and the other security headers, with the right types', async () => {
  const files = siteFiles();
  for (const need of ['index.html', 'caseplan.js', 'caseplan.wasm', 'kdf_worker_main.js', 'kdf_worker.wasm', 'sw.js'])
    assert.ok(files.includes(need), `${need} is in the site`);
  for (const f of ['', ...files]) {
    const res = await fetch(server.url + f);
    assert.equal(res.status, 200, `/${f}`);
    await res.arrayBuffer();
    const csp = res.headers.get('content-security-policy');
    assert.ok(csp, `/${f} has a Content-Security-Policy`);
    assert.deepEqual(parseCsp(csp), CSP, `/${f}: the CSP`);
    for (const [name, value] of Object.entries(HEADERS)) assert.equal(res.headers.get(name), value, `/${f}: ${name}`);
    assert.match(res.headers.get('permissions-policy') || '', /camera=\(\).*microphone=\(\).*geolocation=\(\)/, `/${f}: permissions-policy`);
    const type = res.headers.get('content-type');
    if (f === '' || f.endsWith('.html')) assert.equal(type, 'text/html; charset=utf-8', `/${f}`);
    if (f.endsWith('.js')) assert.equal(type, 'text/javascript', `/${f}`);
    if (f.endsWith('.wasm')) assert.equal(type, 'application/wasm', `/${f}`);
  }
  // Nothing in the CSP lets script in from elsewhere or from strings.
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', 'data:'])
    assert.ok(!CSP['script-src'].includes(bad) && !CSP['default-src'].includes(bad));
});

test('no eval, no new Function, no string timers and no inline script in the served html and js', async () => {
  const scanned = [];
  for (const f of siteFiles().filter((f) => /\.(js|html)$/.test(f))) {
    const text = await (await fetch(server.url + f)).text();
    scanned.push(f);
    // Word boundaries, so Emscripten's "entryFunction(" (a variable) is not taken for Function(.
    assert.doesNotMatch(text, /(^|[^\w$.])eval\s*\(/, `${f}: eval(`);
    assert.doesNotMatch(text, /\bnew\s+Function\b/, `${f}: new Function`);
    assert.doesNotMatch(text, /(^|[^\w$.])Function\s*\(/, `${f}: Function(`);
    assert.doesNotMatch(text, /\bset(Timeout|Interval)\s*\(\s*['"`]/, `${f}: a timer given a string`);
    if (f.endsWith('.html')) {
      const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      assert.ok(scripts.length > 0, `${f} loads scripts`);
      for (const [, attrs, body] of scripts) {
        assert.match(attrs, /\bsrc="[^":]+\.js"/, `${f}: every script is a same-origin file`);
        assert.equal(body.trim(), '', `${f}: no inline script`);
      }
      assert.doesNotMatch(text, /\son[a-z]+\s*=/i, `${f}: no inline event handler`);
      assert.doesNotMatch(text, /javascript:/i, `${f}: no javascript: URL`);
      assert.doesNotMatch(text, /<(link|img|script|iframe)[^>]+(src|href)="(https?:)?\/\//i, `${f}: nothing from another origin`);
    }
  }
  assert.ok(scanned.includes('caseplan.js') && scanned.includes('kdf_worker.js') && scanned.includes('index.html'));
});

// Every way a value could be written down, for searching raw bytes.
function forms(bytes) {
  const b = Buffer.from(bytes);
  return [b, Buffer.from(b.toString('hex')), Buffer.from(b.toString('hex').toUpperCase()), Buffer.from(b.toString('base64')),
    Buffer.from(b.toString('base64url')), Buffer.from(b.toString('utf16le'), 'latin1')];
}
function textForms(text) {
  const b = Buffer.from(text, 'utf8');
  return [...forms(b), Buffer.from(text, 'utf16le'), Buffer.from(JSON.stringify(text))];
}
function findAny(haystack, needles) {
  const h = Buffer.isBuffer(haystack) ? haystack : Buffer.from(haystack);
  return needles.find((n) => n.length >= 8 && h.includes(n)) || null;
}

// Where each needle (bytes) first occurs in the app's wasm heap, or -1. Searched in the page: the
// heap is tens of megabytes, too much to copy out.
async function findInHeap(page, needles) {
  return page.evaluate((needles) => {
    const heap = window.Module.HEAPU8;
    const found = needles.map((n) => {
      for (let i = heap.indexOf(n[0]); i >= 0 && i <= heap.length - n.length; i = heap.indexOf(n[0], i + 1)) {
        let j = 1;
        while (j < n.length && heap[i + j] === n[j]) j++;
        if (j === n.length) return i;
      }
      return -1;
    });
    return { size: heap.length, found };
  }, needles.map((n) => Array.from(n)));
}

test('the passphrase and the derived key are in no storage, console output, export header or request; the heap forgets the key on lock', async (t) => {
  const b = await launch({ serviceWorker: true });   // its cache is searched too
  try {
    const console = [];
    const { page, record } = await openApp(b.context, server);
    page.on('console', (m) => console.push(m.text()));
    // Keeps a copy of every key the app is given, and every CSP violation the page reports.
    await page.evaluate(() => {
      window.__keys = [];
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
      const derive = window.cpKdf.derive;
      window.cpKdf.derive = function () {
        return derive.apply(this, arguments).then((r) => { window.__keys.push(Array.from(r.key)); return r; });
      };
    });

    const EXPORT_PASS = 'courier phrase sent by phone';
    const PUPIL = 'Morgan Secretpupil', NOTE = 'Confidential note about home';
    await createWorkspace(page);
    await newCase(page, PUPIL);
    await recordNote(page, NOTE);
    await waitState(page, (s) => s.cases[0].events === 2 && saved(s));
    const file = await exportFile(page, EXPORT_PASS);
    await waitState(page, (s) => /^Saved /.test(s.export) && saved(s));
    await click(page, 'Close');
    // Import the file back: the whole exchange, and one more key derivation.
    await click(page, 'File');
    await click(page, 'Import…');
    await pickFile(page, file, () => click(page, 'Choose file…'));
    await waitState(page, (s) => s.import.step === 'need_passphrase');
    await typeInto(page, '#importpass', EXPORT_PASS);
    await click(page, 'Open file');
    const s = await waitState(page, (s) => s.import.step === 'preview');
    assert.equal(s.import.newEvents, 0);
    await click(page, 'Close');
    await waitState(page, (s) => s.import.step === 'none');

    const keys = (await page.evaluate(() => window.__keys)).map((k) => Buffer.from(k));
    assert.equal(keys.length, 3, 'three keys derived: the workspace, the export and the import');
    assert.ok(keys.every((k) => k.length === 32 && k.some((x) => x !== 0)));
    assert.ok(keys[1].equals(keys[2]), 'export and import derived the same key');
    const secrets = [...textForms(PASS), ...textForms(EXPORT_PASS), ...keys.flatMap(forms)];
    const plaintext = [...textForms(PUPIL), ...textForms(NOTE), ...textForms(SCHOOL)];

    // Every IndexedDB database and store, whatever it holds, as bytes.
    const stored = await page.evaluate(async () => {
      const out = [];
      const enc = new TextEncoder();
      const asBytes = (v) => (v instanceof Uint8Array ? Array.from(v) : v instanceof ArrayBuffer ? Array.from(new Uint8Array(v))
        : v && typeof v === 'object' && 'v' in v ? asBytes(v.v) : Array.from(enc.encode(JSON.stringify(v))));
      for (const info of await indexedDB.databases()) {
        const db = await new Promise((res, rej) => { const r = indexedDB.open(info.name); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
        for (const name of db.objectStoreNames) {
          const [ks, vs] = await new Promise((res) => {
            const tx = db.transaction(name, 'readonly');
            const k = tx.objectStore(name).getAllKeys(), v = tx.objectStore(name).getAll();
            tx.oncomplete = () => res([k.result, v.result]);
          });
          ks.forEach((k, i) => out.push({ where: `${info.name}/${name}/${k}`, bytes: asBytes(vs[i]).concat(Array.from(enc.encode(String(k)))) }));
        }
        db.close();
      }
      return out;
    });
    assert.ok(stored.some((r) => r.where.startsWith('caseplan/records/case/')), 'the case is stored');
    for (const r of stored) {
      assert.equal(findAny(r.bytes, secrets), null, `${r.where} holds a passphrase or key`);
      assert.equal(findAny(r.bytes, plaintext), null, `${r.where} holds pupil data in plain text`);
    }
    const webStorage = await page.evaluate(() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie]));
    assert.equal(findAny(webStorage, secrets), null, 'localStorage, sessionStorage and cookies');
    assert.deepEqual(await b.context.cookies(), []);
    // The service worker's cache holds the site's own files and nothing else.
    const cached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;   // installed: the site is in its cache
      const urls = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      return urls;
    });
    const files = new Set(['/', ...siteFiles().map((f) => '/' + f)]);
    assert.ok(cached.includes('/caseplan.wasm'), 'the service worker kept the site: ' + JSON.stringify(cached));
    assert.ok(cached.every((u) => files.has(u)), 'Cache Storage holds only site files: ' + JSON.stringify(cached));
    assert.equal(findAny(console.join('\n'), secrets), null, 'the console');

    // The export: nothing outside the ciphertext may carry a secret (decoded binary fields too).
    const text = readFileSync(file, 'utf8');
    const env = JSON.parse(text);
    const header = JSON.stringify({ ...env, ciphertext: undefined });
    assert.equal(findAny(header, [...secrets, ...plaintext]), null, 'the export header');
    for (const v of [env.kdf.salt, env.aead.nonce, env.key_check, env.header_mac])
      assert.equal(findAny(Buffer.from(v, 'base64'), keys), null, 'a binary header field');
    assert.equal(findAny(text, secrets), null, 'the export file');

    // Lock now: the workspace key must be gone from the app's memory.
    await click(page, 'File');
    await click(page, 'Lock now');
    await waitState(page, (s) => s.phase === 'locked');
    await nextFrames(page, 2);
    const inHeap = await findInHeap(page, [keys[0], keys[1], Buffer.from(PASS), Buffer.from(EXPORT_PASS)]);
    assert.ok(inHeap.size > 1 << 20, 'the wasm heap was searched');
    assert.deepEqual(inHeap.found.slice(0, 2), [-1, -1], 'neither the workspace key nor the export key is in the wasm heap after locking');
    // Typed text lives on in ImGui's edit buffers until reused: the app wipes them when it locks.
    assert.deepEqual(inHeap.found.slice(2), [-1, -1], 'neither passphrase is in the wasm heap after locking');

    // No request left this origin, and the CSP was never tripped in the whole session...
    assert.deepEqual(record.foreign, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    // ...while it is really enforced: code from a string (a timer given text: the page compiles it
    // later, itself; an eval inside this evaluate would be exempt as DevTools code) and an
    // injected inline script are refused, and reported.
    const probe = await page.evaluate(async () => {
      window.__stringRan = false;
      window.__inlineRan = false;
      setTimeout('window.__stringRan = true', 0);
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 300));
      return { stringRan: window.__stringRan, inlineRan: window.__inlineRan, violations: window.__violations };
    });
    assert.equal(probe.stringRan, false, 'code from a string does not run');
    assert.equal(probe.inlineRan, false, 'an inline script does not run');
    assert.ok(probe.violations.some((v) => /script-src/.test(v) && /eval/.test(v)), 'the string code is reported: ' + JSON.stringify(probe.violations));
    assert.ok(probe.violations.some((v) => /script-src/.test(v) && /inline/.test(v)), 'the inline script is reported: ' + JSON.stringify(probe.violations));
  } finally { await b.close(); }
});

// A passphrase typed and then abandoned (the export dialog closed, the import dialog escaped)
// never reached the session: the dialogs must forget it themselves, on closing and on a lock.
test('an export or import passphrase typed and then cancelled is gone from the wasm heap, and stays gone after locking', async () => {
  const b = await launch();
  try {
    const { page } = await openApp(b.context, server);
    const FILE_PASS = 'parcel phrase for the round trip';
    const CANCELLED_EXPORT = 'abandoned export passphrase quokka';
    const CANCELLED_IMPORT = 'abandoned import passphrase wombat';
    await createWorkspace(page);
    await waitState(page, (s) => s.phase === 'open' && saved(s));
    const file = await exportFile(page, FILE_PASS);
    await waitState(page, (s) => /^Saved /.test(s.export) && saved(s));
    await click(page, 'Close');

    // Export: both fields typed, then Close.
    await click(page, 'File');
    await click(page, 'Export…');
    await typeInto(page, '#passphrase', CANCELLED_EXPORT);
    await typeInto(page, '#confirm', CANCELLED_EXPORT);
    await click(page, 'Close');
    // Import: the file chosen, its passphrase typed, then Escape.
    await click(page, 'File');
    await click(page, 'Import…');
    await pickFile(page, file, () => click(page, 'Choose file…'));
    await waitState(page, (s) => s.import.step === 'need_passphrase');
    await typeInto(page, '#importpass', CANCELLED_IMPORT);
    await page.keyboard.press('Escape');
    await waitState(page, (s) => s.import.step === 'none');
    await nextFrames(page, 2);
    const needles = [Buffer.from(CANCELLED_EXPORT), Buffer.from(CANCELLED_IMPORT)];
    const cancelled = await findInHeap(page, needles);
    assert.ok(cancelled.size > 1 << 20, 'the wasm heap was searched');
    assert.deepEqual(cancelled.found, [-1, -1], 'neither cancelled passphrase is in the wasm heap once its dialog closed');

    await click(page, 'File');
    await click(page, 'Lock now');
    await waitState(page, (s) => s.phase === 'locked');
    await nextFrames(page, 2);
    const locked = await findInHeap(page, needles);
    assert.deepEqual(locked.found, [-1, -1], 'neither cancelled passphrase is in the wasm heap after locking');
  } finally { await b.close(); }
});
