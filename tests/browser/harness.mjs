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

// Every wait in the browser tests is a condition with a deadline, and every deadline scales with
// how fast this machine draws the app: calibrate() measures the time a frame takes after input on
// the first page opened (a loaded 2-core machine with software GL can be ten times slower than an
// idle one) and the machine's load. CP_TEST_TIME_SCALE multiplies it further, e.g. under a debugger.
let timeScale = 1;
const extraScale = Number(process.env.CP_TEST_TIME_SCALE) || 1;
export function limit(ms) { return Math.round(ms * timeScale * extraScale); }
export function currentTimeScale() { return timeScale * extraScale; }

// Measured once per test process, on the first page that draws: the median of a few settles.
let calibrated = false;
async function calibrate(page) {
  if (calibrated) return;
  calibrated = true;
  const times = [];
  for (let i = 0; i < 5; ++i) {
    const t0 = Date.now();
    if (isKeyboardOnly()) await page.keyboard.press('Shift');   // input that moves nothing, without a mouse
    else await page.mouse.move(10 + i * 7, 10 + i * 3);
    await settle(page, 60000);
    times.push(Date.now() - t0);
  }
  times.sort((a, b) => a - b);
  const perSettle = times[2];
  const load = os.loadavg()[0] / Math.max(1, os.cpus().length);
  // An idle machine settles in about 100 ms (three frames); the deadlines were set for that.
  timeScale = Math.min(10, Math.max(1, perSettle / 100, 1 + load));
  if (process.env.CP_TEST_VERBOSE) console.error(`harness: settle ${perSettle} ms, load ${load.toFixed(2)}, time scale ${timeScale.toFixed(2)}`);
}

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
    const timer = setTimeout(() => reject(new Error('serve.py did not start: ' + output)), limit(30000));
    const onData = (d) => { output += d; if (output.includes('Serving')) { clearTimeout(timer); resolve(); } };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited ${code}: ${output}`)); });
  });
  return { url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, port, stop: () => proc.kill() };
}

// Where a test's pages run:
//   launch()                  a context of its own in the test file's one browser: its storage is its
//                             own and in memory, as in a private window. Starting Chromium for every
//                             test was a sixth of the browser layer's time. The page's service worker
//                             is not started there (it copies the whole site into Cache Storage, about
//                             a CPU-second per page on this machine); { serviceWorker: true } starts
//                             it, and the browsers on a profile below always do (faults.test.mjs
//                             tests working offline on one).
//   launch({ own: true })     a browser of its own on a fresh profile on disk (IndexedDB on disk, as
//                             a school's browser keeps it; a cold start for the benchmark)
//   launch({ profileDir })    a browser of its own on that profile (IndexedDB survives a relaunch)
export async function launch({ profileDir = null, own = false, deviceScaleFactor = 1, viewport = { width: 1280, height: 800 },
                               hasTouch = false, serviceWorker = false } = {}) {
  const page = { viewport, deviceScaleFactor, hasTouch, locale: 'en-GB', timezoneId: 'Europe/London',
                 permissions: ['clipboard-read', 'clipboard-write'] };
  const options = { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, ...page };
  if (profileDir) {
    const context = await chromium.launchPersistentContext(profileDir, options);
    context.setDefaultTimeout(limit(30000));
    return { context, close: () => context.close() };
  }
  if (!own) return sharedContext({ ...page, serviceWorkers: serviceWorker ? 'allow' : 'block' });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cp-profile-'));
  const context = await chromium.launchPersistentContext(tmp, options);
  context.setDefaultTimeout(limit(30000));
  return { context, close: async () => { await context.close(); rmSync(tmp, { recursive: true, force: true }); } };
}

// The file's browser, closed half a second after its last context closes (so the test process can
// end) and started again if another test then asks for one.
const shared = { browser: null, open: 0, idle: null };

async function sharedContext(page) {
  clearTimeout(shared.idle);
  if (!shared.browser) shared.browser = chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const browser = await shared.browser;
  shared.open += 1;
  const context = await browser.newContext(page);
  context.setDefaultTimeout(limit(30000));
  return { context, close: async () => {
    await context.close();
    if (--shared.open > 0) return;
    shared.idle = setTimeout(() => {
      const closing = shared.browser;
      shared.browser = null;
      closing.then((b) => b.close()).catch(() => {});
    }, 500);
  } };
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

export async function waitForFirstFrame(page, timeout = 60000) {
  await page.waitForFunction(() => (window.cpShell && (window.cpShell.firstFrameMs !== null || window.cpShell.error)),
    null, { timeout: limit(timeout) });
  const error = await page.evaluate(() => window.cpShell.error);
  if (error) throw new Error('the app showed an error screen: ' + error);
  await calibrate(page);
}

export async function items(page) {
  return page.evaluate(() => (window.cpTest && window.cpTest.items) || []);
}

// Waits until an item with this visible label is on screen (optionally inside a given window).
// With { visible: false } it also finds items scrolled out of view (x..h are then empty).
export async function findItem(page, label, { window: win = null, timeout = 10000, visible = true } = {}) {
  timeout = limit(timeout);
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
export async function scrollIntoView(page, label, { window: win = null, timeout = 10000 } = {}) {
  const end = Date.now() + limit(timeout);
  const start = Date.now();
  let notches = 0, scrolls = 0;
  // Bounded by the deadline (which scales with the machine), not by a count of turns: on a loaded
  // machine the turns spent waiting for the item to be drawn would use up a fixed count.
  while (Date.now() < end && scrolls < 60) {
    const { all, pending } = await page.evaluate(() => ({ all: (self.cpTest && self.cpTest.items) || [],
                                                          pending: !self.cpTest || self.cpTest.pending }));
    const it = all.find((x) => x.label === label && (!win || x.window === win));
    if (!it) {
      // ImGui names only the items it draws, so a field far below a scrolled form has no label
      // yet: once the app has drawn what it was asked to (or after a moment, if it keeps drawing),
      // scroll the forms (child windows) down a notch at a time.
      const forms = all.filter((x) => x.w > 0 && x.h > 0 && x.window.endsWith('/') && (!win || x.window.startsWith(win)));
      const waiting = pending && Date.now() - start < limit(1000);
      if (waiting || !forms.length || notches >= 16) { await settle(page); await sleep(50); continue; }
      const last = forms[forms.length - 1];
      await page.mouse.move(last.x + last.w / 2, last.y + last.h / 2);
      await settle(page);
      await page.mouse.wheel(0, 120);
      await settle(page);
      ++notches;
      continue;
    }
    if (it.w > 0 && it.h > 0) return true;
    if (!(it.fullH > 0)) return false;
    const anchor = all.find((x) => x.window === it.window && x.w > 0 && x.h > 0);
    if (!anchor) { await settle(page); await sleep(50); continue; }   // window not drawn yet
    await page.mouse.move(anchor.x + anchor.w / 2, anchor.y + anchor.h / 2);
    await settle(page);
    await page.mouse.wheel(0, it.fullY > anchor.y ? 120 : -120);
    await settle(page);
    ++scrolls;
  }
  return false;
}

// ---- keyboard only (issue 15 item 4) -----------------------------------------------------------
// After useKeyboardOnly(), click() reaches an item as a person without a mouse does: Tab until the
// app's keyboard focus (the focused item the accessibility mirror reports) is on it, then Enter, or
// Space for a checkbox; a text field takes typing once it has the focus. No mouse event is sent, and
// ImGui scrolls the focused item into view itself.
let keyboardOnly = false;
export function useKeyboardOnly(on = true) { keyboardOnly = on; }
// True when no mouse is used: keyboard only, or the accessibility mirror only (below).
export function isKeyboardOnly() { return keyboardOnly || mirrorOnly; }

// ---- the accessibility mirror only (issue 15, "one through the mirror only") -------------------
// After useMirrorOnly(), click() reaches an item as a screen reader does: it finds the item's
// element in the page's accessibility mirror (#cp-access), moves the page's focus to it (a reader's
// cursor or Tab) and clicks the element (a reader's "press": Enter or a double tap in browse mode);
// a text field then takes typing from the keyboard. No mouse event and no Tab is sent.
let mirrorOnly = false;
export function useMirrorOnly(on = true) { mirrorOnly = on; }

async function mirrorPress(page, label, { window: win = null, timeout = 10000 } = {}) {
  let found;
  try {
    const handle = await page.waitForFunction(({ label, win }) => {
      if (!window.cpAccess) return null;
      const all = (self.cpTest && self.cpTest.items) || [];
      const it = all.find((i) => i.label === label && (!win || i.window === win) && cpAccess.byId.has(i.id) &&
                                 cpAccess.byId.get(i.id).isConnected);
      return it ? { id: it.id, role: cpAccess.byId.get(it.id).getAttribute('role') || '' } : null;
    }, { label, win }, { timeout: limit(timeout), polling: 50 });
    found = await handle.jsonValue();
  } catch {
    const named = await page.evaluate(() => [...document.querySelectorAll('#cp-access [data-id]')]
      .map((el) => el.getAttribute('aria-label') || el.textContent).filter(Boolean));
    throw new Error(`the accessibility mirror has no element for "${label}"${win ? ` in "${win}"` : ''}; ` +
                    `it has: ${JSON.stringify(named).slice(0, 1500)}`);
  }
  // Focus that is already there asks for no frame: then nothing is waited for.
  await page.evaluate((id) => cpAccess.byId.get(id).focus(), found.id);
  await nextFrames(page, 2);
  const since = await frameNow(page);
  await page.evaluate((id) => cpAccess.byId.get(id).click(), found.id);
  await settledAfter(page, since).catch((e) => { throw new Error(`pressing "${label}" through the mirror: ${e.message}`); });
  if (found.role === 'textbox') {
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'cp-text-input',
                               null, { timeout: limit(10000), polling: 30 })
      .catch(() => { throw new Error(`"${label}" was pressed through the mirror but does not take typing`); });
  }
  return found;
}

// Waits until the field with the keyboard shows `want` (what was typed; stars for a passphrase);
// fails saying what it shows instead.
export async function fieldShows(page, label, want) {
  const shown = () => { const el = cpAccess.byId.get(cpAccess.last.f); return el ? el.textContent : null; };
  await page.waitForFunction((w) => { const el = cpAccess.byId.get(cpAccess.last.f); return el && el.textContent === w; },
                             want, { timeout: limit(10000), polling: 50 }).catch(async () => {
    throw new Error(`"${label}" shows ${JSON.stringify(await page.evaluate(shown))} after typing ${JSON.stringify(want)}`);
  });
}

async function focusedItem(page) {
  return page.evaluate(() => {
    const f = window.cpAccess && cpAccess.last ? cpAccess.last.f : 0;
    const it = ((self.cpTest && self.cpTest.items) || []).find((i) => i.id === f);
    const el = window.cpAccess && cpAccess.byId.get(f);
    return { id: f, label: it ? it.label : '', window: it ? it.window : '', role: el ? el.getAttribute('role') || '' : '',
             inTable: !!cpAccess.last.gr };
  });
}

// Presses Tab until the item labelled `label` has the keyboard; in an open list (its options) or a
// table (one stop, its rows reached with the arrows) the arrows move instead, down and then, at the
// end, up; a table left without finding it is left with Tab. Fails naming the stops it passed.
export async function keyboardTo(page, label, { window: win = null, max = 150 } = {}) {
  const seen = [];
  let down = true, before = null, turns = 0;
  for (let i = 0; i < max; i++) {
    const now = await focusedItem(page);
    if (now.label === label && (!win || now.window === win)) return now;
    seen.push(now.label || `(nothing: ${now.id})`);
    const inList = now.role === 'option' || now.inTable;
    if (!inList) turns = 0;
    else if (before === now.id && ++turns <= 2) down = !down;   // the end of the list: turn back
    before = now.id;
    const since = await frameNow(page);
    await page.keyboard.press(inList && turns < 2 ? (down ? 'ArrowDown' : 'ArrowUp') : 'Tab');
    await settledAfter(page, since);
  }
  await page.screenshot({ path: `${process.env.TMPDIR || '/tmp'}/cp-keyboard.png` }).catch(() => {});
  throw new Error(`the keyboard never reached "${label}"${win ? ` in "${win}"` : ''}; the last stops: ${JSON.stringify(seen.slice(-40))}`);
}

async function keyboardPress(page, label, opts) {
  const it = await keyboardTo(page, label, opts);
  if (it.role === 'textbox') {
    // A person types once the field shows its caret: the page's text input has the focus then, and
    // not a frame before (what is typed into the canvas in between does not reach the field).
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'cp-text-input',
                               null, { timeout: limit(10000), polling: 30 })
      .catch(async () => {
        await page.screenshot({ path: `${process.env.TMPDIR || '/tmp'}/cp-keyboard.png` }).catch(() => {});
        const d = await page.evaluate(() => ({ f: cpAccess.last.f, t: cpAccess.last.t, kv: cpAccess.last.kv, nw: cpAccess.last.nw, ae: document.activeElement.id || document.activeElement.tagName }));
        throw new Error(`"${label}" has the keyboard but is not taking typing: ${JSON.stringify(d)}`);
      });
    return it;
  }
  const since = await frameNow(page);
  await page.keyboard.press(it.role === 'checkbox' ? 'Space' : 'Enter');
  await settledAfter(page, since);
  return it;
}

// A real mouse click at the middle of the item, as a person would: the pointer moves there and
// a frame is drawn (so the item is hovered), then the button goes down and up in separate
// frames (menu items act on a release they saw pressed). An item that is still moving when the
// pointer arrives (a dialog growing to fit its contents) is aimed at again once it is drawn in
// the same place twice; if it never stays put, the click fails saying where it was.
export async function click(page, label, opts = {}) {
  if (keyboardOnly) return keyboardPress(page, label, opts);
  if (mirrorOnly) return mirrorPress(page, label, opts);
  await scrollIntoView(page, label, opts).catch(() => false);
  let it = await findItem(page, label, opts);
  const seen = [];
  let stillBefore = false;
  for (let aim = 0; ; ++aim) {
    const frame = await page.evaluate(() => (self.cpTest ? self.cpTest.frame : 0));
    // In one step: a pointer drawn on its way, over the menu bar's next title while a menu is open
    // (File's items lie below and to the right of View), switched to that menu. Nudged first, so
    // the page sees a move, and draws a frame, even when the pointer is already there.
    await page.mouse.move(it.x + it.w / 2 + (it.w > 2 ? 1 : 0), it.y + it.h / 2);
    await page.mouse.move(it.x + it.w / 2, it.y + it.h / 2);
    // Pressed only once ImGui has drawn the item with the pointer over it (its HoveredRect status
    // flag), so the press lands on the item where it is now, not where it was a frame ago.
    const over = await hoveredAt(page, label, opts.window || null, frame);
    const now = over || await findItem(page, label, opts);
    seen.push(`(${Math.round(now.x)},${Math.round(now.y)})${over ? '' : ' not under the pointer'}`);
    // The centre, not the corner: a list that gains a scroll bar keeps its rows' corners and
    // narrows them, which put the pointer over a column's border (a press there resizes the column).
    const still = Math.abs(now.x + now.w / 2 - (it.x + it.w / 2)) < 1 && Math.abs(now.y + now.h / 2 - (it.y + it.h / 2)) < 1;
    it = now;
    // Some items (tabs) never report the flag: still in the same place twice under the pointer will do.
    if (still && (over || (aim > 0 && stillBefore))) break;
    stillBefore = still;
    if (aim === 10) throw new Error(`"${label}" kept moving and was not clicked; drawn at ${seen.join(' ')}`);
  }
  const down = await frameNow(page);
  await page.mouse.down();
  await framesDrawn(page, down, 1);
  const up = await frameNow(page);
  await page.mouse.up();
  await framesDrawn(page, up, 1);
  return it;
}

// The item, once a frame drawn after the pointer moved (frame `since`) shows it hovered; null when
// three such frames did not (the item moved away, or is one, like a tab, that never says so).
// Only such a frame counts: one drawn before could show the item hovered where it no longer is
// (the likely way a CI run lost the second of two presses on the wizard's "Back").
const HOVERED_RECT = 1;  // ImGuiItemStatusFlags_HoveredRect, as the locator publishes it
async function hoveredAt(page, label, win, since) {
  try {
    const handle = await page.waitForFunction(({ label, win, flag, since }) => {
      const t = self.cpTest;
      if (!t || t.frame <= since) return false;
      const it = (t.items || []).find((i) => i.label === label && (!win || i.window === win) && i.w > 0 && (i.flags & flag));
      return it || (t.frame >= since + 3 || (t.frame > since && !t.pending) ? 'not hovered' : false);
    }, { label, win, flag: HOVERED_RECT, since }, { timeout: limit(5000), polling: 20 });
    const found = await handle.jsonValue();
    return found === 'not hovered' ? null : found;
  } catch { return null; }
}

// The count of frames the app has drawn, read before an input for framesDrawn or settledAfter.
const frameNow = (page) => page.evaluate(() => (self.cpTest ? self.cpTest.frame : 0));

// Waits until the app has drawn n frames since `since` (read before the input), or at least one and
// has nothing left to draw. Counting from before the input matters: the frames an input asks for
// can all be drawn before a count read after it, and none would follow.
async function framesDrawn(page, since, n) {
  await page.waitForFunction(({ s, n }) => self.cpTest && (self.cpTest.frame >= s + n || (self.cpTest.frame > s && !self.cpTest.pending)),
    { s: since, n }, { timeout: limit(20000), polling: 20 }).catch((e) => {
    throw new Error(`no frame was drawn after a press within ${limit(20000)} ms: ${e.message}`);
  });
}

// After a key: until the app has drawn a frame since `since` and has nothing left to draw, which it
// has once ImGui has taken the key and settled (frames go on while the keyboard's item moves). A
// fixed count of frames could end before a Tab had moved the keyboard, and the next look would see
// the item before it: then one Tab too many was pressed, and an Enter landed on the wrong button.
async function settledAfter(page, since) {
  await page.waitForFunction((s) => self.cpTest && self.cpTest.frame > s && !self.cpTest.pending, since,
    { timeout: limit(20000), polling: 20 }).catch((e) => {
    throw new Error(`the app did not settle within ${limit(20000)} ms after a key: ${e.message}`);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Waits until the screen has caught up with the input so far: the app has drawn every frame its
// input asked for (window.cpTest.pending, set by the platform layer in test mode), or three more
// frames if it keeps drawing (something on screen animates). Fails, saying so, only if frames are
// asked for and not drawn.
// After typing: until the app has taken every key. ImGui takes a burst of typing a few keys a frame,
// and the app keeps drawing until its input queue is empty; a fixed count of frames may end first.
export async function keysTaken(page, timeout = 20000) {
  await idle(page, timeout, 'after the typing');
}

// Waits until the app has drawn every frame it asked for (nothing animates, no input is queued).
export async function idle(page, timeout = 20000, after = '') {
  await page.waitForFunction(() => self.cpTest && !self.cpTest.pending, null, { timeout: limit(timeout), polling: 20 })
    .catch((e) => { throw new Error(`the app was still drawing ${limit(timeout)} ms ${after}: ${e.message}`); });
}

export async function settle(page, timeout = 20000) {
  await nextFrames(page, 3, timeout);
}

// Waits for n more frames, or until the app has nothing left to draw (frames are drawn on demand,
// so after the last frame an input asked for no further frame comes).
// Picks a file as a person does in the browser's own chooser: `open` does what opens it (a click
// or a key), and the file is given once the chooser has opened. Waiting for the hidden input to
// exist is not enough: one left from an earlier choice already exists, and files set on it before
// the app asks again are cleared by the new request and never read.
export async function pickFile(page, file, open) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: limit(20000) }), open()]);
  await chooser.setFiles(file);
}

export async function nextFrames(page, n = 2, timeout = 20000) {
  const start = await page.evaluate(() => (self.cpTest ? self.cpTest.frame : 0));
  try {
    await page.waitForFunction((s) => self.cpTest && (self.cpTest.frame >= s || !self.cpTest.pending), start + n,
      { timeout: limit(timeout), polling: 20 });
  } catch (e) {
    throw new Error(`no new frame within ${limit(timeout)} ms although one was asked for: ${e.message}`);
  }
}
