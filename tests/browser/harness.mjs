// harness.mjs: shared setup for the browser tests. Starts serve.py on a free port, launches
// Debian's Chromium through playwright-core, records every network request, and finds ImGui
// widgets by label through the app's locator (window.cpTest.items, published in ?test mode).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader', '--disable-features=Translate,MediaRouter,OptimizationHints',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    srv.on('error', reject);
  });
}

// Starts serve.py (the real server with its real headers) on a free port.
export async function startServer() {
  const port = await freePort();
  const proc = spawn('python3', [path.join(ROOT, 'serve.py'), '--no-build', '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CP_SERVE_QUIET: '1' } });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve.py did not start: ' + output)), 15000);
    const onData = (d) => { output += d; if (output.includes('Serving')) { clearTimeout(timer); resolve(); } };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited ${code}: ${output}`)); });
  });
  return { url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, port, stop: () => proc.kill() };
}

// A persistent profile when `profileDir` is given (IndexedDB survives a relaunch), else a fresh one.
export async function launch({ profileDir = null, deviceScaleFactor = 1, viewport = { width: 1280, height: 800 }, hasTouch = false } = {}) {
  const options = {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
    viewport, deviceScaleFactor, hasTouch, locale: 'en-GB', timezoneId: 'Europe/London',
    permissions: ['clipboard-read', 'clipboard-write'],
  };
  if (profileDir) {
    const context = await chromium.launchPersistentContext(profileDir, options);
    return { context, close: () => context.close() };
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cp-profile-'));
  const context = await chromium.launchPersistentContext(tmp, options);
  return { context, close: async () => { await context.close(); rmSync(tmp, { recursive: true, force: true }); } };
}

// Opens the app and records console errors and every request; fails fast on foreign origins.
export async function openApp(context, server, { query = '?test' } = {}) {
  const page = context.pages()[0] || await context.newPage();
  const record = { errors: [], requests: [], foreign: [] };
  page.on('console', (m) => { if (m.type() === 'error') record.errors.push(m.text()); });
  page.on('pageerror', (e) => record.errors.push(String(e)));
  context.on('request', (r) => {
    const u = r.url();
    record.requests.push(u);
    if (!u.startsWith(server.origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) record.foreign.push(u);
  });
  await page.goto(server.url + query);
  await waitForFirstFrame(page);
  return { page, record };
}

export async function waitForFirstFrame(page, timeout = 30000) {
  await page.waitForFunction(() => (window.cpShell && (window.cpShell.firstFrameMs !== null || window.cpShell.error)),
    null, { timeout });
  const error = await page.evaluate(() => window.cpShell.error);
  if (error) throw new Error('the app showed an error screen: ' + error);
}

export async function items(page) {
  return page.evaluate(() => (window.cpTest && window.cpTest.items) || []);
}

// Waits until an item with this visible label is on screen (optionally inside a given window).
// With { visible: false } it also finds items scrolled out of view (x..h are then empty).
export async function findItem(page, label, { window: win = null, timeout = 5000, visible = true } = {}) {
  try {
    const handle = await page.waitForFunction(({ label, win, visible }) => {
      const all = (self.cpTest && self.cpTest.items) || [];
      return all.find((it) => it.label === label && (!win || it.window === win) && (!visible || (it.w > 0 && it.h > 0))) || null;
    }, { label, win, visible }, { timeout, polling: 50 });
    return handle.jsonValue();
  } catch (e) {
    // Say what was on screen instead, so a failing test explains itself.
    const shown = (await items(page).catch(() => [])).filter((it) => it.w > 0).map((it) => it.label);
    await page.screenshot({ path: `${process.env.TMPDIR || '/tmp'}/cp-no-item.png` }).catch(() => {});
    throw new Error(`no item labelled "${label}"${win ? ` in window "${win}"` : ''} appeared within ${timeout} ms; ` +
                    `on screen: ${JSON.stringify(shown).slice(0, 1500)}`);
  }
}

export async function hasItem(page, label, opts = {}) {
  const all = await items(page);
  return all.some((it) => it.label === label && (!opts.window || it.window === opts.window) && it.w > 0);
}

// An item laid out below (or above) what its window shows is scrolled into view with the mouse
// wheel over a visible item of the same window, as a person scrolls a long form. Gives up
// quietly: findItem then says what was on screen.
export async function scrollIntoView(page, label, { window: win = null, timeout = 5000 } = {}) {
  const end = Date.now() + timeout;
  const start = Date.now();
  let notches = 0;
  for (let turn = 0; turn < 60 && Date.now() < end; ++turn) {
    const all = await items(page);
    const it = all.find((x) => x.label === label && (!win || x.window === win));
    if (!it) {
      // ImGui names only the items it draws, so a field far below a scrolled form has no label
      // yet: after a moment, scroll the forms (child windows) down a notch at a time.
      const forms = all.filter((x) => x.w > 0 && x.h > 0 && x.window.endsWith('/') && (!win || x.window.startsWith(win)));
      if (Date.now() - start < 1000 || !forms.length || notches >= 16) { await new Promise((r) => setTimeout(r, 50)); continue; }
      const last = forms[forms.length - 1];
      await page.mouse.move(last.x + last.w / 2, last.y + last.h / 2);
      await nextFrames(page, 1).catch(() => {});
      await page.mouse.wheel(0, 120);
      await nextFrames(page, 2).catch(() => {});
      ++notches;
      continue;
    }
    if (it.w > 0 && it.h > 0) return true;
    if (!(it.fullH > 0)) return false;
    const anchor = all.find((x) => x.window === it.window && x.w > 0 && x.h > 0);
    if (!anchor) { await new Promise((r) => setTimeout(r, 50)); continue; }   // window not drawn yet
    await page.mouse.move(anchor.x + anchor.w / 2, anchor.y + anchor.h / 2);
    await nextFrames(page, 1).catch(() => {});
    await page.mouse.wheel(0, it.fullY > anchor.y ? 120 : -120);
    await nextFrames(page, 2).catch(() => {});
  }
  return false;
}

// A real mouse click at the middle of the item, as a person would.
export async function click(page, label, opts = {}) {
  await scrollIntoView(page, label, opts).catch(() => false);
  let it = await findItem(page, label, opts);
  // Hover first for a frame, as a hand does: ImGui tabs take a click only on a hovered item.
  // A dialog that is still growing (or being moved back on screen) carries its items with it:
  // aim again until the item stays put under the pointer for a frame.
  for (let aim = 0; aim < 10; ++aim) {
    await page.mouse.move(it.x + it.w / 2, it.y + it.h / 2, { steps: 3 });
    await nextFrames(page, 1).catch(() => {});
    const now = await findItem(page, label, { ...opts, timeout: 1000 }).catch(() => it);
    const still = Math.abs(now.x - it.x) < 1 && Math.abs(now.y - it.y) < 1;
    it = now;
    if (still) break;
  }
  // Press and release in separate frames too: menu items act on a release they saw pressed.
  await page.mouse.down();
  await nextFrames(page, 1).catch(() => {});
  await page.mouse.up();
  return it;
}

// Frames are drawn on demand; after input, wait until the locator has published a newer frame.
export async function nextFrames(page, n = 2) {
  const start = await page.evaluate(() => (self.cpTest ? self.cpTest.frame : 0));
  await page.waitForFunction((s) => self.cpTest && self.cpTest.frame >= s, start + n, { timeout: 5000, polling: 20 });
}
