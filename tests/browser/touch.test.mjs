// Touch (issue 15 item 6): on a 1024x768 tablet a finger dragged over the case list scrolls it as
// far as the finger moved, and a flick carries on after the finger lifts, slowing to a stop (and
// then no more frames are drawn); a system that asks for less motion gets no coasting. A tap on
// one field after another keeps the on-screen keyboard (the page's text input) for each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, items, settle, limit, findItem, fieldShows, keysTaken } from './harness.mjs';
import { waitState } from './flows.mjs';
import { openDemo } from './documents.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server && server.stop());

// Where the case list's rows are drawn now: pupil name -> top edge, for rows in view (the list is a
// table of its own, below the week's deadlines, which name pupils too).
async function rows(page, pupils) {
  const out = new Map();
  for (const it of await items(page))
    if (pupils.includes(it.label) && /\/cases_/.test(it.window) && it.w > 0 && it.h > 0) out.set(it.label, it);
  return out;
}

// How far the list moved between two readings (negative: its rows went up), by a row wholly in
// view in both (a row cut by the list's edge is reported as far as it shows).
function moved(a, b) {
  const full = Math.max(...[...a.values()].map((it) => it.h));
  for (const [label, it] of a) {
    const there = b.get(label);
    if (it.h === full && there && there.h === full) return there.y - it.y;
  }
  throw new Error('no row is wholly in view in both readings');
}

// `at`: when the finger did it (ms since the epoch), as a tablet stamps its touch events; by
// default, as it is sent. A busy page receives a flick's moves late and together, and goes by their
// stamps.
async function touch(cdp, type, x, y, at) {
  const event = { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] };
  if (at !== undefined) event.timestamp = at / 1000;
  await cdp.send('Input.dispatchTouchEvent', event);
}

// The finger goes down, moves `dy` in `steps` moves a frame apart (16 ms) and lifts: at once (a
// flick), or after resting (a finger that stops before lifting throws nothing). Returns the rows as
// drawn just before it lifted (for a flick, nothing: a busy page may have coasted to the end of the
// list before they could be read).
async function drag(page, cdp, pupils, x, y, dy, steps, { flick = false } = {}) {
  await touch(cdp, 'touchStart', x, y);
  await settle(page);
  const start = Date.now();
  for (let i = 1; i < steps; ++i) {
    await touch(cdp, 'touchMove', x, y + (dy * i) / steps, start + 16 * i);
    await new Promise((r) => setTimeout(r, 16));
  }
  if (flick) {   // the last move and the lift together, as a finger flicks off the glass
    const at = start + 16 * steps;
    await Promise.all([touch(cdp, 'touchMove', x, y + dy, at), touch(cdp, 'touchEnd', x, y + dy, at + 4)]);
    return null;
  }
  await touch(cdp, 'touchMove', x, y + dy);
  await settle(page);
  const held = await rows(page, pupils);
  await touch(cdp, 'touchEnd');
  return held;
}

// Until the list stops moving and the app draws nothing more.
async function stopped(page, pupils) {
  await page.waitForFunction(() => self.cpTest && !self.cpTest.pending, null, { timeout: limit(15000), polling: 50 });
  return rows(page, pupils);
}

async function tablet(reducedMotion) {
  const b = await launch({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  const { page } = await openApp(b.context, server);
  if (reducedMotion) await page.emulateMedia({ reducedMotion: 'reduce' });
  const s = await openDemo(page);
  await page.touchscreen.tap(5, 740);   // the first tap makes a tablet of it: rows grow to finger size
  await waitState(page, (st) => st.appearance.touch);
  await settle(page);
  const pupils = s.cases.map((c) => c.pupil);
  const cdp = await page.context().newCDPSession(page);
  // The middle of the list, on the pupils' names.
  const first = [...(await rows(page, pupils)).values()].map((it) => it.y);
  assert.ok(first.length >= 3, `the case list shows ${first.length} rows`);
  return { b, page, cdp, pupils, x: 120, y: Math.round((Math.min(...first) + 768) / 2) + 40 };
}

test('a finger scrolls the case list as far as it moves, and a flick coasts on and stops', async () => {
  const { b, page, cdp, pupils, x, y } = await tablet(false);
  try {
    const before = await rows(page, pupils);
    const held = await drag(page, cdp, pupils, x, y, -120, 12);
    const d = moved(before, held);
    assert.ok(d < -100 && d > -130, `a 120 px drag moved the list ${d} px while the finger was down`);
    const slow = await stopped(page, pupils);

    // A flick down, 50 px: the list goes back towards its top (about 120 px away), and on after
    // the finger lifts. The finger's own 50 px move it by 40-62 (see the test below).
    await drag(page, cdp, pupils, x, y - 100, 50, 4, { flick: true });
    const end = await stopped(page, pupils);
    const d2 = moved(slow, end);
    assert.ok(d2 > 80, `a 50 px flick moved the list ${d2} px: it did not coast on after the finger lifted`);
  } finally { await b.close(); }
});

test('with less motion asked for, a flick does not coast', async () => {
  const { b, page, cdp, pupils, x, y } = await tablet(true);
  try {
    await drag(page, cdp, pupils, x, y, -120, 12);
    const before = await stopped(page, pupils);
    await drag(page, cdp, pupils, x, y - 100, 50, 4, { flick: true });
    const end = await stopped(page, pupils);
    const d = moved(before, end);
    assert.ok(d >= 40 && d <= 62, `a 50 px flick moved the list ${d} px: as far as the finger, and no further`);
  } finally { await b.close(); }
});

// A tablet shows its keyboard for the page's text input only. A tap on a second field while the
// first was edited gave the canvas the focus and kept it: the keyboard went away, and what a
// hardware keyboard typed arrived as bare key presses (no dead keys, no IME).
test('a tap on one field after another keeps the keyboard for each, and the typing lands in each', async () => {
  const b = await launch({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  try {
    const { page } = await openApp(b.context, server);
    await waitState(page, (s) => s.phase === 'first_run');
    for (const [field, text] of [['#school', 'Larkspur Test School'], ['#urn', '912345'], ['#staff', 'Ms Test Lead']]) {
      const it = await findItem(page, field);
      await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'cp-text-input', null,
                                 { timeout: limit(10000), polling: 30 })
        .catch(async () => {
          const now = await page.evaluate(() => document.activeElement && (document.activeElement.id || document.activeElement.tagName));
          throw new Error(`after a tap on ${field} the page's text input does not have the focus (${now} has)`);
        });
      await page.keyboard.type(text, { delay: 10 });
      await keysTaken(page);
      await fieldShows(page, field, text);
    }
  } finally { await b.close(); }
});
