// The school directory, as a deputy head meets it (issue 13 item 3, "A Norfolk step asks for JSON").
//
// Before: "Nearest schools named by LA Admissions" wanted a "(JSON list)" and schools existed only
// as URNs, so history and letters read "URN 121185". Now a school is picked by typing part of its
// name, a school not in the list is added there and then, the nearest schools are a table with a
// row per school, Settings keeps the list with addresses, and the history names every school.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, click, findItem, hasItem, items, nextFrames } from './harness.mjs';
import { openDemo, state, waitState } from './documents.mjs';
import { server, typeInto, choose, createWorkspace, PASS } from './walk.mjs';   // walk.mjs starts the file's server

const dialogOf = (s) => (s.caseView && s.caseView.dialog) || null;
const SNAKE = /\b[a-z]+_[a-z_]+\b/;

async function openCase(page, id) {
  const c = (await state(page)).cases.find((x) => x.id === id);
  await click(page, c.pupil);
  await waitState(page, (s) => s.view === 'case' && s.caseId === id);
}

// Every item of the open popup lies inside the page: nothing to drag into view.
async function allOnScreen(page, viewport, labels) {
  for (const label of labels) {
    // Waited for: a popup's new part is laid out in the frame after the click that opens it.
    const it = await findItem(page, label);
    assert.ok(it.y >= 0 && it.y + it.h <= viewport.height && it.x + it.w <= viewport.width,
      `"${label}" lies on screen at ${viewport.width}x${viewport.height}: ${JSON.stringify(it)}`);
  }
}

for (const [viewport, hasTouch] of [[{ width: 1366, height: 768 }, false], [{ width: 1024, height: 768 }, true]]) {
  test(`a host's decision names the school picked by typing its name (${viewport.width}x${viewport.height})`, async () => {
    const b = await launch({ viewport, hasTouch });
    try {
      const { page, record } = await openApp(b.context, server);
      await openDemo(page);
      await openCase(page, 'DEMO-NO-1');
      let s = await state(page);
      const nearest = s.caseView.history.indexOf('Nearest schools named by LA Admissions');
      assert.ok(nearest >= 0);
      assert.match(s.caseView.historyDetails[nearest], /Marshgate High School \(fictional\) \(URN 900042\), moves in 2, moves out 1/);

      await click(page, 'Approach a host school / record its decision');
      await findItem(page, 'Cancel', { window: 'Record what happened' });
      await choose(page, '#way', 'Host school decision');
      await click(page, '#urn');
      await nextFrames(page, 3);
      await typeInto(page, '#find', 'reed');
      const option = 'Reedham Park Academy (fictional) (URN 900043)';
      await findItem(page, option);
      assert.ok(!(await hasItem(page, 'Marshgate High School (fictional) (URN 900042)')), 'typing narrows the list');
      await allOnScreen(page, viewport, [option, 'Not in the list? Add a school…']);
      await click(page, 'Not in the list? Add a school…');
      await nextFrames(page, 2);
      await allOnScreen(page, viewport, [option, '#school_urn', 'Add and choose']);
      await page.screenshot({ path: `${process.env.TMPDIR || '/tmp'}/cp-school-picker-${viewport.width}.png` });
      await click(page, option);
      await nextFrames(page, 2);
      await click(page, 'Accepted *');
      s = await waitState(page, (st) => dialogOf(st) && dialogOf(st).values.urn === '900043');
      const before = s.caseView.history.length;
      await click(page, 'Record');
      s = await waitState(page, (st) => !dialogOf(st) && st.caseView.history.length > before);
      const last = s.caseView.historyDetails[s.caseView.historyDetails.length - 1];
      assert.match(last, /Host school: Reedham Park Academy \(fictional\) \(URN 900043\)/);
      for (const d of s.caseView.historyDetails) assert.doesNotMatch(d, SNAKE, `no internal word in the history: ${d}`);
      assert.deepEqual(record.errors, []);
    } finally { await b.close(); }
  });
}

test('a fresh workspace: the empty list hint on the page, asking the browser to keep the data, and the school list in Settings (add with an address, refuse a URN already listed, edit, keep after a reload)', async () => {
  const viewport = { width: 1366, height: 768 };
  const b = await launch({ viewport });
  try {
    const { page, record } = await openApp(b.context, server, { query: '?test&today=2026-11-09' });
    await waitState(page, (s) => s.phase === 'first_run');
    await createWorkspace(page, 'Norfolk County Council');
    // Issue 13 item 10: the empty list's hint is on the page, not below its edge.
    const fresh = await waitState(page, (x) => x.dashboard.hint !== '');
    assert.match(fresh.dashboard.hint, /^No cases yet/);
    assert.ok(fresh.dashboard.hintBottom > 0 && fresh.dashboard.hintBottom <= viewport.height, JSON.stringify(fresh.dashboard));
    await click(page, 'File');
    await click(page, 'Settings…');
    await findItem(page, 'Add a school');
    // Issue 13 item 10: storage not yet kept safe is explained, and the browser can be asked again.
    let st = await state(page);
    if (!st.storage.persistent) {
      await click(page, 'Ask the browser to keep it');
      st = await waitState(page, (x) => x.storage.askedToKeep);
    }
    await click(page, 'Add a school');
    await typeInto(page, '#school_name', 'Marshgate High School');
    await typeInto(page, '#school_urn', '121185');
    await typeInto(page, '#school_address', 'Marsh Road, Broadwater');
    await click(page, 'Add the school');
    let s = await waitState(page, (st) => st.schools && st.schools.length === 1);
    assert.deepEqual(s.schools[0], { name: 'Marshgate High School', urn: '121185', address: 'Marsh Road, Broadwater' });

    // The same URN again is refused with the school it belongs to, and nothing is added.
    await click(page, 'Add a school');
    await typeInto(page, '#school_name', 'Marshgate again');
    await typeInto(page, '#school_urn', '121185');
    await click(page, 'Add the school');
    s = await waitState(page, (st) => st.schoolList.problem !== '');
    assert.equal(s.schoolList.problem, 'URN 121185 is already in the school list, as Marshgate High School.');
    assert.equal(s.schools.length, 1);
    await click(page, 'Cancel');

    await click(page, 'Edit');
    await typeInto(page, '#school_address', '2 Marsh Road, Broadwater NR1');
    await click(page, 'Save the school');
    s = await waitState(page, (st) => st.schools[0].address === '2 Marsh Road, Broadwater NR1');
    await page.screenshot({ path: `${process.env.TMPDIR || '/tmp'}/cp-school-settings.png` });
    await waitState(page, (st) => st.save.dirty === 0 && st.save.inFlight === 0);

    await page.reload();
    await waitState(page, (st) => st.phase === 'locked');
    await typeInto(page, '#unlockpass', PASS);
    await click(page, 'Unlock');
    s = await waitState(page, (st) => st.phase === 'open');
    assert.deepEqual(s.schools, [{ name: 'Marshgate High School', urn: '121185', address: '2 Marsh Road, Broadwater NR1' }]);
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

// Norfolk Managed Move Scheme: LA Admissions names the 4 nearest schools and the moves in
// and out of each. The entry is a table with a row per school, opened as a correction with the four
// rows recorded; one number changed, the other rows are kept as they were.
test('the nearest schools are a table, corrected row by row, with no JSON', async () => {
  const viewport = { width: 1366, height: 768 };
  const b = await launch({ viewport });
  try {
    const { page, record } = await openApp(b.context, server);
    await openDemo(page);
    await openCase(page, 'DEMO-NO-1');
    await click(page, 'Record details, views, consents and notes');
    await findItem(page, 'Cancel', { window: 'Record what happened' });
    await choose(page, '#way', 'Nearest schools named by LA Admissions');
    let s = await waitState(page, (st) => dialogOf(st) && dialogOf(st).type === 'step_recorded');
    assert.ok(dialogOf(s).corrects, 'recorded once: it opens as a correction of what was recorded');
    for (const cell of ['#urn_1', '#urn_4', '#moves_in_4', '#moves_out_4', 'Add a row']) await findItem(page, cell);
    const shown = (await items(page)).filter((it) => it.w > 0).map((it) => it.label);
    assert.ok(!shown.some((l) => /JSON/.test(l)), 'nothing asks for JSON');
    await page.screenshot({ path: `${process.env.TMPDIR || '/tmp'}/cp-nearest-schools.png` });
    await typeInto(page, '#moves_in_4', '5');
    await click(page, 'Record the correction');
    s = await waitState(page, (st) => !dialogOf(st));
    const details = s.caseView.historyDetails[s.caseView.historyDetails.length - 1];
    assert.match(details, /Marshgate High School \(fictional\) \(URN 900042\), moves in 2, moves out 1/);
    assert.match(details, /Wherry Lane Academy \(fictional\) \(URN 900045\), moves in 5, moves out 0/);
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});
