// Touch (issue 15 item 6): on a 1024x768 tablet a finger dragged over the case list scrolls it as
// far as the finger moved, and a flick carries on after the finger lifts, slowing to a stop (and
// then no more frames are drawn); a system that asks for less motion gets no coasting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, items, settle, limit } from './harness.mjs';
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
    if (pupils.includes(it.label) && /\/cases_/.test(it.window) && it.w > 0 && it.h > 0) out.set(it.label, it.y);
  return out;
}

// How far the list moved between two readings (negative: its rows went up), by a row in both.
function moved(a, b) {
  for (const [label, y] of a) if (b.has(label)) return b.get(label) - y;
  throw new Error('no row is in view in both readings');
}

async function touch(cdp, type, x, y) {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
}

// The finger goes down, moves `dy` in `steps` moves a frame apart (16 ms) and lifts: at once (a
// flick), or after resting (a finger that stops before lifting throws nothing). Returns the rows as
// drawn just before it lifted, or for a flick just after.
async function drag(page, cdp, pupils, x, y, dy, steps, { flick = false } = {}) {
  await touch(cdp, 'touchStart', x, y);
  await settle(page);
  for (let i = 1; i < steps; ++i) {
    await touch(cdp, 'touchMove', x, y + (dy * i) / steps);
    await new Promise((r) => setTimeout(r, 16));
  }
  if (flick) {   // the last move and the lift together, as a finger flicks off the glass
    await Promise.all([touch(cdp, 'touchMove', x, y + dy), touch(cdp, 'touchEnd')]);
    return rows(page, pupils);
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
  const first = [...(await rows(page, pupils)).values()];
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

    // A flick down: the list goes back towards its top, and on after the finger lifts.
    const lifted = await drag(page, cdp, pupils, x, y - 100, 60, 4, { flick: true });
    const end = await stopped(page, pupils);
    const coasted = moved(lifted, end);
    assert.ok(coasted > 20, `after the finger lifted the list moved ${coasted} px more`);
    assert.ok(moved(slow, end) > 60, 'the flick carried the list further than the finger moved');
  } finally { await b.close(); }
});

test('with less motion asked for, a flick does not coast', async () => {
  const { b, page, cdp, pupils, x, y } = await tablet(true);
  try {
    await drag(page, cdp, pupils, x, y, -120, 12);
    const before = await stopped(page, pupils);
    const lifted = await drag(page, cdp, pupils, x, y - 100, 60, 4, { flick: true });
    const end = await stopped(page, pupils);
    assert.ok(Math.abs(moved(lifted, end)) <= 8, `the list moved ${moved(lifted, end)} px after the finger lifted`);
    assert.ok(moved(before, end) > 20, 'the finger itself still scrolled it');
  } finally { await b.close(); }
});
