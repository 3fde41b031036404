// The app shell in a real browser: first frame, clicks by label, typing, clipboard, HiDPI text,
// no request to any other origin, and the server's security headers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, click, findItem, hasItem, idle, nextFrames, limit } from './harness.mjs';
import { sharpness } from './image.mjs';
import { openDemo } from './documents.mjs';

let server;

// Help > About this case planner, through the real menu.
async function openAbout(page) {
  // Once the store has been read: the loading panel then gives way to the start panel.
  await page.waitForFunction(() => self.cpTest && self.cpTest.state && !['starting', 'working'].includes(self.cpTest.state.phase),
                             null, { timeout: limit(30000), polling: 50 });
  await click(page, 'Help');
  await click(page, 'About this case planner');
  await findItem(page, 'Close', { window: 'About this case planner', visible: false });
}
before(async () => { server = await startServer(); });
after(() => server && server.stop());

test('first frame renders with no console errors and no foreign requests', async () => {
  const b = await launch();
  try {
    const { page, record } = await openApp(b.context, server);
    assert.ok(await findItem(page, '#school'), 'the first-run form is on screen (once the store has answered)');
    assert.ok(await findItem(page, 'Open the training demo'), 'the training demo button is on screen');
    assert.equal(await page.locator('#loading').isHidden(), true, 'the loading screen is gone');
    assert.deepEqual(record.errors, []);
    assert.deepEqual(record.foreign, []);
    assert.ok(record.requests.some((u) => u.endsWith('/caseplan.wasm')), 'the wasm was fetched from our origin');
  } finally { await b.close(); }
});

test('clicking a labelled button opens the About panel, and Close shuts it', async () => {
  const b = await launch();
  try {
    const { page, record } = await openApp(b.context, server);
    assert.equal(await hasItem(page, 'About this case planner'), false);
    await openAbout(page);
    await findItem(page, 'Close', { window: 'About this case planner' });
    await click(page, 'Close', { window: 'About this case planner' });
    await nextFrames(page);
    assert.equal(await hasItem(page, 'Close'), false, 'the About panel closed');
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

// Issue 13 item 10: Help holds a short guide; with a workspace open it lists the steps of that
// workspace's own protocol and what each needs, in plain words with the document to look it up in.
test('Help > Guide explains the two instruments and lists the steps of the workspace\'s protocol', async () => {
  const b = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const { page, record } = await openApp(b.context, server);
    await openDemo(page);
    await click(page, 'Help');
    await click(page, 'Guide to the case planner');
    for (const section of ['Managed moves and off-site directions', 'The steps of your protocol', 'Using the keyboard',
                           'Where your data is', 'Moving to a new computer'])
      await findItem(page, section, { window: 'Guide to the case planner/' });   // its scrolling body
    await click(page, 'The steps of your protocol', { window: 'Guide to the case planner/' });
    await nextFrames(page, 2);
    const guide = await page.evaluate(() => self.cpTest.state.guide);
    assert.equal(guide.open, true);
    assert.ok(guide.steps.length >= 3, JSON.stringify(guide.steps));
    for (const { step, needs } of guide.steps) {
      assert.ok(needs.length > 0, step);
      for (const line of [step, ...needs]) {
        assert.doesNotMatch(line, /\b[a-z]+_[a-z_]+\b/, 'no internal word: ' + line);
        assert.doesNotMatch(line, /\.(md|json|txt|pdf|docx)\b/, 'no file name: ' + line);
      }
    }
    await click(page, 'Close', { window: 'Guide to the case planner' });
    await page.waitForFunction(() => !self.cpTest.state.guide.open, null, { timeout: limit(10000), polling: 50 });
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

// Issue 13 item 11: a trainer presenting to a room turns on View > Presenting: the text grows to at
// least 140% and the contrast goes up; turning it off gives back the size the user had, and nothing
// of it is stored with the workspace.
test('View > Presenting makes the text larger for a room, and turning it off restores it', async () => {
  const b = await launch({ viewport: { width: 1920, height: 1080 } });
  try {
    const { page, record } = await openApp(b.context, server);
    await openDemo(page);
    const look = () => page.evaluate(() => self.cpTest.state.appearance);
    const before = await look();
    assert.equal(before.presenting, false);
    const title = await findItem(page, 'New case');
    await click(page, 'View');
    await click(page, 'Presenting (larger text, stronger contrast)');
    await page.waitForFunction(() => self.cpTest.state.appearance.presenting, null, { timeout: limit(10000), polling: 50 });
    assert.ok((await look()).shownPercent >= 140, JSON.stringify(await look()));
    await nextFrames(page, 3);
    const bigger = await findItem(page, 'New case');
    // Its label is 40% wider; the padding round it does not grow.
    assert.ok(bigger.w > title.w * 1.25 && bigger.h > title.h, `the button grew with the text: ${title.w}x${title.h} -> ${bigger.w}x${bigger.h}`);
    await click(page, 'View');
    await click(page, 'Presenting (larger text, stronger contrast)');
    await page.waitForFunction(() => !self.cpTest.state.appearance.presenting, null, { timeout: limit(10000), polling: 50 });
    assert.equal((await look()).shownPercent, before.shownPercent);
    assert.equal((await look()).textPercent, before.textPercent, 'nothing stored');
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

test('typing into a field, copying it out and pasting text in reach the system clipboard', async () => {
  const b = await launch();
  try {
    const { page } = await openApp(b.context, server);
    await click(page, '#school');
    await page.keyboard.type('Zoë Ashworth-Ng');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await page.waitForFunction(() => window.cpLastCopied !== undefined, null, { timeout: limit(5000) });
    assert.equal(await page.evaluate(() => window.cpLastCopied), 'Zoë Ashworth-Ng', 'typed text copied out of the field');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Zoë Ashworth-Ng', 'it reached the system clipboard');

    await page.evaluate(() => navigator.clipboard.writeText('UPN A123456789012'));
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await nextFrames(page);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await page.waitForFunction(() => window.cpLastCopied === 'UPN A123456789012', null, { timeout: limit(5000) });
  } finally { await b.close(); }
});

test('keys typed into another page element are not stolen by the canvas', async () => {
  const b = await launch();
  try {
    const { page } = await openApp(b.context, server);
    const value = await page.evaluate(async () => {
      const input = document.createElement('input');
      input.id = 'probe';
      input.style.cssText = 'position:fixed;top:0;left:0;z-index:9';
      document.body.appendChild(input);
      input.focus();
      return input.id;
    });
    assert.equal(value, 'probe');
    await page.keyboard.type('abc');
    assert.equal(await page.inputValue('#probe'), 'abc');
  } finally { await b.close(); }
});

test('text is rasterised for the screen: at devicePixelRatio 2 the frame is twice the size and as sharp', async () => {
  const shots = {};
  for (const dpr of [1, 2]) {
    const b = await launch({ deviceScaleFactor: dpr, viewport: { width: 900, height: 600 } });
    try {
      const { page } = await openApp(b.context, server);
      const it = await findItem(page, '#school');
      const clip = { x: 0, y: 0, width: 600, height: Math.ceil(it.y + it.h + 80) };
      shots[dpr] = { png: await page.screenshot({ clip }), clip, page, b };
      const size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
      assert.deepEqual(size, [900 * dpr, 600 * dpr], 'the canvas backing store follows devicePixelRatio');
      shots[dpr].stats = await sharpness(page, shots[dpr].png);
    } finally { await b.close(); }
  }
  assert.equal(shots[2].stats.width, shots[1].stats.width * 2);
  // An upscaled frame halves the steepest edges; text rasterised at 2x keeps them as steep.
  assert.ok(shots[2].stats.edge > 0.8 * shots[1].stats.edge,
    `edges at dpr 2 (${shots[2].stats.edge.toFixed(1)}) are as steep as at dpr 1 (${shots[1].stats.edge.toFixed(1)})`);
  assert.ok(shots[2].stats.detail > 1.5 * shots[1].stats.detail,
    `dpr 2 has more edge pixels (${shots[2].stats.detail}) than dpr 1 (${shots[1].stats.detail})`);
});

test('the server sends the security headers and the wasm MIME type', async () => {
  const page = await fetch(server.url);
  const csp = page.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(page.headers.get('cross-origin-opener-policy'), 'same-origin');
  const wasm = await fetch(server.url + 'caseplan.wasm');
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  const html = await page.text();
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'no inline script in index.html');
});

// Counts the page's calls of WebAssembly.instantiateStreaming and WebAssembly.instantiate.
function countCompiles() {
  const calls = (window.__compiles = { streaming: 0, bytes: 0 });
  const streaming = WebAssembly.instantiateStreaming, bytes = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = function () { calls.streaming += 1; return streaming.apply(this, arguments); };
  WebAssembly.instantiate = function () { calls.bytes += 1; return bytes.apply(this, arguments); };
}

test('the wasm is compiled as it downloads, and from a host that sends it with another type the page still starts', async () => {
  const b = await launch();
  try {
    const page = await b.context.newPage();
    await page.addInitScript(countCompiles);
    await openApp(b.context, server);
    assert.deepEqual(await page.evaluate(() => window.__compiles), { streaming: 1, bytes: 0 });
  } finally { await b.close(); }
  const c = await launch();
  try {
    const page = await c.context.newPage();
    await page.addInitScript(countCompiles);
    await page.route('**/caseplan.wasm', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ status: 200, body: await response.body(), headers: { 'content-type': 'application/octet-stream' } });
    });
    const { record } = await openApp(c.context, server);
    assert.deepEqual(await page.evaluate(() => window.__compiles), { streaming: 0, bytes: 1 });
    assert.ok(await findItem(page, 'Open the training demo'), 'the start screen is on screen');
    assert.deepEqual(record.errors, []);
  } finally { await c.close(); }
});

test('an idle page stops drawing, and input brings frames back', async () => {
  const b = await launch();
  try {
    const { page } = await openApp(b.context, server);
    // Let the after-load frames and the late wake pass: wait until a whole second goes by without a frame.
    const frames = () => page.evaluate(() => window.cpStats.frames);
    let last = await frames();
    let since = Date.now();
    const end = Date.now() + limit(30000);
    while (Date.now() - since < 1000) {
      assert.ok(Date.now() < end, 'the page kept drawing frames with no input');
      await page.waitForTimeout(100);
      const n = await frames();
      if (n !== last) { last = n; since = Date.now(); }
    }
    const idleStart = await frames();
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => window.cpStats.frames), idleStart, 'no frame drawn while idle');
    await page.mouse.move(200, 200);
    await page.waitForFunction((n) => window.cpStats.frames > n, idleStart, { timeout: limit(3000) });
  } finally { await b.close(); }
});

// Frames after an input mostly settle ImGui's state and would draw what is on screen already; drawing
// them anyway costs the most where the GPU is emulated in software (and a tablet's battery).
test('a frame that would show the same picture is not drawn and the screen keeps it; a field being edited blinks about twice a second', async () => {
  const b = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page } = await openApp(b.context, server);
    await page.waitForFunction(() => self.cpTest && self.cpTest.state && self.cpTest.state.phase === 'first_run', null,
                               { timeout: limit(30000), polling: 50 });
    // The pointer comes onto the page, over its empty background right of the start panel.
    await page.mouse.move(1200, 600);
    await idle(page);
    const stats = () => page.evaluate(() => ({ ...window.cpStats }));
    const before = await page.screenshot();
    const s0 = await stats();
    // It moves about there: each move asks for frames.
    for (const x of [1160, 1220, 1180]) { await page.mouse.move(x, 600); await idle(page); }
    const s1 = await stats();
    assert.ok(s1.frames >= s0.frames + 3, `the moves asked for frames (${s1.frames - s0.frames})`);
    assert.equal(s1.drawn, s0.drawn, `${s1.frames - s0.frames} frames showed the same picture and none was drawn`);
    assert.ok((await page.screenshot()).equals(before), 'the screen kept its picture');
    // Over a button, which lights up: drawn.
    const button = await findItem(page, 'Open the training demo');
    await page.mouse.move(button.x + button.w / 2, button.y + button.h / 2);
    await idle(page);
    assert.ok((await stats()).drawn > s1.drawn, 'a hovered button is drawn');
    assert.ok(!(await page.screenshot()).equals(before), 'and shows on the screen');
    // Each key typed into a field wakes the page; the caret's blink must not multiply with them.
    await click(page, '#school');
    await page.keyboard.type('Larkspur High School');
    await idle(page);
    await page.waitForTimeout(700);   // the last key's late wake has passed
    const t0 = await stats();
    await page.waitForTimeout(2000);
    const blinks = (await stats()).frames - t0.frames;
    // A blink is a frame that changes the picture and one more that finds nothing left to change:
    // about 8 frames in 2 s. (Each key used to add a wake of its own: 63 frames in 2 s.)
    assert.ok(blinks >= 2 && blinks <= 12, `a field being edited drew ${blinks} frames in 2 s (its caret blinks every 530 ms)`);
  } finally { await b.close(); }
});

test('the mouse cursor follows ImGui: an I-beam over a text field', async () => {
  const b = await launch();
  try {
    const { page } = await openApp(b.context, server);
    const field = await findItem(page, '#school');
    await page.mouse.move(field.x + 40, field.y + field.h / 2);
    await page.waitForFunction(() => document.getElementById('canvas').style.cursor === 'text', null, { timeout: limit(3000) });
    await page.mouse.move(5, 500);
    await page.waitForFunction(() => document.getElementById('canvas').style.cursor === 'default', null, { timeout: limit(3000) });
  } finally { await b.close(); }
});

test('resizing the window re-lays out the page at the new size', async () => {
  const b = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page } = await openApp(b.context, server);
    await openAbout(page);
    const before = await findItem(page, 'Close', { window: 'About this case planner' });
    assert.equal((await findItem(page, 'Case planner')).w, 1280);
    await page.setViewportSize({ width: 800, height: 600 });
    await page.waitForFunction(() => document.getElementById('canvas').width === 800, null, { timeout: limit(3000) });
    await page.mouse.move(10, 10);
    await nextFrames(page);
    const after = await findItem(page, 'Close', { window: 'About this case planner' });
    assert.ok(after.x + after.w <= 800 && after.y + after.h <= 600, 'the panel is inside the smaller window');
    assert.notDeepEqual([after.x, after.y], [before.x, before.y], 'the panel re-centred');
    assert.equal((await findItem(page, 'Case planner')).w, 800, 'the main window fills the new width');
  } finally { await b.close(); }
});

test('the mouse wheel scrolls down when turned towards the user, by a few lines per notch', async () => {
  const b = await launch({ viewport: { width: 900, height: 240 } });
  try {
    const { page } = await openApp(b.context, server);
    await openAbout(page);
    const close = await findItem(page, 'Close', { window: 'About this case planner', visible: false });
    const win = await findItem(page, 'About this case planner');
    // The About panel is taller than this short window allows; scroll it.
    await page.mouse.move(win.x + win.w / 2, win.y + 60);
    await page.mouse.wheel(0, 100);   // one notch of a typical mouse wheel
    await nextFrames(page);
    const moved = await findItem(page, 'Close', { window: 'About this case planner', visible: false });
    const dy = close.fullY - moved.fullY;
    assert.ok(dy > 10 && dy < 200, `content moved up by a sane amount (${dy} px)`);
  } finally { await b.close(); }
});

test('on a touch screen a tap works as a click, controls grow to finger size, and a tapped field takes the on-screen keyboard', async () => {
  const b = await launch({ hasTouch: true, viewport: { width: 1024, height: 768 } });
  try {
    const { page } = await openApp(b.context, server);
    await page.waitForFunction(() => self.cpTest && self.cpTest.state && self.cpTest.state.phase === 'first_run', null, { timeout: limit(30000), polling: 50 });
    const before = await findItem(page, 'Open the training demo');
    assert.ok(before.h < 36, `mouse-sized button before any touch (${before.h} px)`);
    const field = await findItem(page, '#school');
    await page.touchscreen.tap(field.x + 20, field.y + field.h / 2);
    await nextFrames(page, 3);
    // The hidden textarea has the focus: that is what brings up a tablet's on-screen keyboard.
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'cp-text-input');
    await page.waitForFunction(() => self.cpTest.state.appearance && self.cpTest.state.appearance.touch === true, null, { timeout: limit(5000), polling: 50 });
    await nextFrames(page, 2);
    const after = await findItem(page, 'Open the training demo');
    assert.ok(after.h >= 40, `finger-sized button after a touch (${after.h} px)`);
    await page.touchscreen.tap(after.x + after.w / 2, after.y + after.h / 2);
    await page.waitForFunction(() => self.cpTest.state.demo === true, null, { timeout: limit(10000), polling: 50 });
  } finally { await b.close(); }
});
