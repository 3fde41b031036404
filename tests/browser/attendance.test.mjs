// The Attendance and Targets tabs in real Chromium, on the training demo: the register grid shows
// the host school's recorded weeks, a week is entered by keyboard alone and saved with Enter, the
// percentages and the persistent-absence alert follow the engine (checked against the native
// CLI's plan of the same demo), the chart saves as a PNG of the expected size, and progress on
// the agreement's targets is recorded and shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, click, findItem, nextFrames } from './harness.mjs';
import { openDemo, clickTab, state, waitState } from './documents.mjs';
import { cli, demoWorkspace, download, describePng } from './charts.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server && server.stop());

const VIEWPORT = { width: 1400, height: 1300 };
const att = (s) => (s.views && s.views.attendance) || {};
const week = (s, uk) => (att(s).weeks || []).find((w) => w.week === uk);

async function openCaseTab(page, caseId, tab) {
  const s = await state(page);
  const c = s.cases.find((x) => x.id === caseId);
  await click(page, c.pupil);
  await waitState(page, (st, id) => st.view === 'case' && st.caseId === id, caseId);
  await clickTab(page, tab);
  return c;
}

// One key, then a frame: the grid reads characters before keys within a frame, so a test that
// mixes them waits for each to land, as a person's keystrokes would.
async function key(page, k) {
  if (k.length === 1) await page.keyboard.type(k); else await page.keyboard.press(k);
  await nextFrames(page, 1);
}

// The engine's own numbers for a demo case, from the native CLI.
function cliPlan(caseId) {
  const out = JSON.parse(cli('plan', '--today', '2026-11-20', demoWorkspace()));
  return out.plans.find((p) => p.case === caseId);
}

test('attendance: recorded weeks shown, a week typed by keyboard and saved with Enter, % and alerts follow', async () => {
  const b = await launch({ viewport: VIEWPORT });
  try {
    const { page, record } = await openApp(b.context, server);
    await openDemo(page);
    await openCaseTab(page, 'DEMO-WO-1', 'Attendance');
    let s = await waitState(page, (st) => att(st).caseId === 'DEMO-WO-1');

    // The host school's recorded weeks (the same events an imported case package brings) are rows.
    const recorded = Object.fromEntries(att(s).weeks.filter((w) => w.recorded).map((w) => [w.week, w.sessions]));
    assert.deepEqual(recorded, {
      '21/09/2026': '//////////', '28/09/2026': '////////LL', '05/10/2026': '//////I///',
      '12/10/2026': '//////////', '02/11/2026': '--////////', '09/11/2026': '////////NN',
    });
    assert.equal(week(s, '05/10/2026').percent, 90);
    // Before the entry: the engine's figures, and no persistent-absence alert.
    const before = cliPlan('DEMO-WO-1').attendance;
    assert.equal(att(s).present, before.present);
    assert.equal(att(s).possible, before.possible);
    assert.equal(att(s).percent, before.percent);
    assert.equal(att(s).summary, `Attendance to date: ${before.percent.toFixed(1)}% (${before.present} of ${before.possible} possible sessions, 6 weeks)`);
    assert.deepEqual(att(s).alerts, []);
    const pa = att(s).checks.find((c) => c.rule === 'england/persistent-absence');
    assert.ok(pa && pa.met && pa.threshold === 90, JSON.stringify(att(s).checks));
    assert.ok(att(s).chart.thresholds.some((t) => t.value === 90), 'the persistent-absence line is on the chart');
    assert.equal(week(s, '16/11/2026').recorded, false, 'the week of 16/11/2026 is still to record');

    // Keyboard entry: select Monday AM, a wrong letter is refused, then ten codes and Enter.
    await click(page, '#att-2026-11-16-0');
    s = await waitState(page, (st) => att(st).selected && att(st).selected.week === '16/11/2026' && att(st).selected.cell === 0);
    await page.keyboard.type('A');
    s = await waitState(page, (st) => /not a register code/.test(att(st).message));
    assert.equal(week(s, '16/11/2026').sessions.trim(), '', 'a refused letter changes nothing');
    await page.keyboard.type('//////OOOX', { delay: 15 });
    s = await waitState(page, (st) => week(st, '16/11/2026').sessions === '//////OOOX');
    assert.equal(att(s).selected.cell, 9, 'the cursor moved on with each code');
    // Arrows and Backspace: back to Thursday PM, correct it, then fix Friday PM.
    await key(page, 'ArrowLeft');
    await key(page, 'ArrowLeft');
    await key(page, 'o');   // lower case is taken as the code
    s = await waitState(page, (st) => att(st).selected.cell === 8);
    await key(page, 'Backspace');
    s = await waitState(page, (st) => week(st, '16/11/2026').sessions === '//////OO X');
    await key(page, 'Tab');
    await key(page, 'O');
    s = await waitState(page, (st) => week(st, '16/11/2026').sessions === '//////OOOX');
    assert.equal(week(s, '16/11/2026').edited, true);
    await key(page, 'Tab');   // Tab at the last cell stays
    await key(page, 'Backspace');
    await key(page, 'Enter');
    // The engine's one check for a week, the same message the Record form gives.
    s = await waitState(page, (st) => /the week of 16\/11\/2026 has 1 session left blank/.test(att(st).message));
    assert.equal(week(s, '16/11/2026').recorded, false, 'an incomplete week is not saved');
    await key(page, 'Tab');
    await key(page, 'o');
    await key(page, 'Enter');
    s = await waitState(page, (st) => week(st, '16/11/2026') && week(st, '16/11/2026').recorded);
    assert.equal(week(s, '16/11/2026').sessions, '//////OOOO');
    assert.equal(week(s, '16/11/2026').percent, 60);
    assert.match(att(s).message, /^Recorded the week of 16\/11\/2026/);

    // 61 of 68 sessions: 89.7%, at or below 90%, so the plan raises persistent absence.
    assert.equal(att(s).present, before.present + 6);
    assert.equal(att(s).possible, before.possible + 10);
    assert.equal(att(s).percent, Math.round(1000 * (before.present + 6) / (before.possible + 10)) / 10);
    assert.equal(att(s).percent, 89.7);
    assert.match(att(s).summary, /^Attendance to date: 89\.7% \(61 of 68 possible sessions, 7 weeks\)$/);
    const alert = att(s).alerts.find((a) => a.rule === 'england/persistent-absence');
    assert.ok(alert, 'persistent absence is alerted: ' + JSON.stringify(att(s).alerts));
    assert.match(alert.message, /persistent absence.*89\.7% \(61 of 68 sessions\)/);
    assert.equal(att(s).checks.find((c) => c.rule === 'england/persistent-absence').met, false);
    const c = s.cases.find((x) => x.id === 'DEMO-WO-1');
    assert.ok(c.events > 0);

    // The chart as PNG: the expected size, drawn (not blank), with the red threshold line in it.
    const { name, bytes } = await download(page, () => click(page, 'Save chart as PNG'));
    assert.equal(name, 'attendance-DEMO-WO-1.png');
    const png = await describePng(page, bytes);
    assert.equal(png.width, 900);
    assert.equal(png.height, 420);
    assert.ok(png.inked > 0.03 && png.inked < 0.9, `part of the picture is drawn: ${png.inked}`);
    assert.ok(png.colours > 20, `bars, lines, text and antialiasing give many colours: ${png.colours}`);
    assert.ok(png.probeHits > 100, `the persistent-absence line is drawn in red: ${png.probeHits}`);
    s = await state(page);
    assert.deepEqual(s.views.png, { file: 'attendance-DEMO-WO-1.png', width: 900, height: 420, bytes: bytes.length });
    assert.deepEqual(record.errors, []);
    assert.deepEqual(record.foreign, []);
  } finally { await b.close(); }
});

test('targets: the agreement\'s targets, progress recorded at a review, shown per review', async () => {
  const b = await launch({ viewport: VIEWPORT });
  try {
    const { page, record } = await openApp(b.context, server);
    await openDemo(page);
    await openCaseTab(page, 'DEMO-WO-2', 'Targets');
    const tg = (s) => (s.views && s.views.targets) || {};
    let s = await waitState(page, (st) => tg(st).caseId === 'DEMO-WO-2');
    assert.deepEqual(tg(s).targets, ['Arrive on time every day', 'Use the time-out card instead of leaving lessons']);
    assert.deepEqual(tg(s).reviews, []);

    // At the first review (05/10/2026): 1 and 2.
    await click(page, '#ratingdate');
    await click(page, '05/10/2026');
    await nextFrames(page, 2);
    await click(page, '#rating-0');
    await click(page, '1 Some progress');
    await nextFrames(page, 2);
    await click(page, '#rating-1');
    await click(page, '2 Progressing');
    await nextFrames(page, 2);
    await click(page, 'Save progress');
    s = await waitState(page, (st) => tg(st).reviews.length === 1);
    assert.deepEqual(tg(s).reviews[0], { date: '05/10/2026', ratings: { 'Arrive on time every day': 1, 'Use the time-out card instead of leaving lessons': 2 } });
    assert.match(tg(s).message, /05\/10\/2026/);

    // At the second review (09/11/2026): both met.
    await click(page, '#ratingdate');
    await click(page, '09/11/2026');
    await nextFrames(page, 2);
    for (const i of [0, 1]) {
      await click(page, `#rating-${i}`);
        await click(page, '4 Met');
      await nextFrames(page, 2);
    }
    await click(page, 'Save progress');
    s = await waitState(page, (st) => tg(st).reviews.length === 2);
    assert.deepEqual(tg(s).reviews.map((r) => r.date), ['05/10/2026', '09/11/2026']);
    assert.deepEqual(Object.values(tg(s).reviews[1].ratings), [4, 4]);
    await findItem(page, 'Save chart as PNG');
    const { bytes } = await download(page, () => click(page, 'Save chart as PNG'));
    const png = await describePng(page, bytes, [70, 130, 200]);
    assert.equal(png.width, 900);
    assert.ok(png.probeHits > 50, 'the first target\'s line is drawn');
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});
