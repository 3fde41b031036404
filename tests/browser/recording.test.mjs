// Recording what happened on a case, as a deputy head does it.
//
// Issue 13 item 5, "Changing a record loses data": a deputy head finds the placement agreement in
// the History of a placement already under way and corrects its length. The correction form opens
// filled in with what was recorded (dates as DD/MM/YYYY, the targets and success criteria one per
// line); only the length is changed, and after Record the agreement still has every target and
// criterion, the plan's end moves by the weeks added, and the history keeps both entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, click, findItem, items } from './harness.mjs';
import { openDemo, clickTab, state, waitState } from './documents.mjs';
import { typeInto } from './flows.mjs';
import { server, choose } from './walk.mjs';   // walk.mjs starts the file's server


const dialogOf = (s) => (s.caseView && s.caseView.dialog) || null;

const typeOver = (page, field, text) => typeInto(page, field, text, { replace: true });

// The demo's case `id`, opened from the list by its pupil's name.
async function openCase(page, id) {
  const c = (await state(page)).cases.find((x) => x.id === id);
  await click(page, c.pupil);
  await waitState(page, (s) => s.view === 'case' && s.caseId === id);
}

// History, filtered to the agreement, and its Correct… button.
async function correctAgreement(page) {
  await clickTab(page, 'History');
  await typeOver(page, '#historyfilter', 'agreement signed');
  await click(page, 'Correct…');
  return waitState(page, (s) => dialogOf(s) && dialogOf(s).corrects);
}

// Issue 13 item 8, "Actions that do two things or ask twice": the button for the return records the
// return (the outcome), not a review first; a review that decided it is the other way offered; and
// neither asks again for the outcome its name already gives.
test('pressing "Record the return" records the return, and asks for its outcome once', async () => {
  const b = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const { page, record } = await openApp(b.context, server);
    await openDemo(page);
    await openCase(page, 'DEMO-WO-1');
    await click(page, 'Record the return to the home school');
    let s = await waitState(page, (st) => dialogOf(st) && dialogOf(st).action === 'return_to_home_school');
    assert.equal(dialogOf(s).type, 'outcome_recorded', 'the return itself, not a review');
    assert.equal(dialogOf(s).values.outcome, 'returned');
    await findItem(page, '#date');
    const shown = async () => (await items(page)).filter((it) => it.w > 0).map((it) => it.label);
    assert.ok(!(await shown()).includes('#outcome'), 'the outcome is not asked for again');
    await choose(page, '#way', 'Review meeting held: Return to the home school');
    s = await waitState(page, (st) => dialogOf(st).type === 'review_held');
    assert.equal(dialogOf(s).values.outcome, 'return');
    await findItem(page, '#date');
    assert.ok(!(await shown()).includes('#outcome'), 'the review does not ask for its outcome a second time');
    await click(page, 'Cancel');
    await click(page, 'Discard');   // another way was picked: Cancel asks first
    await waitState(page, (st) => !dialogOf(st));
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

for (const viewport of [{ width: 1366, height: 768 }, { width: 1024, height: 768 }]) {
  test(`a placement agreement is corrected after the placement started, and nothing else is lost (${viewport.width}x${viewport.height})`, async () => {
    const b = await launch({ viewport, hasTouch: viewport.width === 1024 });
    try {
      const { page, record } = await openApp(b.context, server);
      await openDemo(page);
      await openCase(page, 'DEMO-WO-1');
      await findItem(page, 'Plan');
      const placementEnd = (st) => st.caseView.timeline.find((m) => m.kind === 'placement').until;
      const endBefore = placementEnd(await state(page));

      let s = await correctAgreement(page);
      const was = dialogOf(s).values;
      assert.equal(was.start, '21/09/2026', 'the start date as a person reads it');
      assert.equal(was.duration_weeks, '12');
      assert.equal(was.targets, 'Arrive on time every day\nUse the time-out card instead of leaving lessons');
      assert.equal(was.success_criteria.split('\n').length, 3);
      await findItem(page, 'Record the correction');

      // Record with nothing changed says so and records nothing.
      await click(page, 'Record the correction');
      s = await waitState(page, (st) => dialogOf(st) && dialogOf(st).problems.length > 0);
      assert.match(dialogOf(s).problems[0], /Nothing has been changed yet/);

      await typeOver(page, '#duration_weeks', '14');
      await click(page, 'Record the correction');
      s = await waitState(page, (st) => !dialogOf(st));
      assert.ok(s.caseView.history.includes('Correction of: Placement agreement signed'), JSON.stringify(s.caseView.history));
      assert.ok(s.caseView.history.includes('Placement agreement signed [corrected later]'));

      // Opened again, the correction holds the new length and every target and criterion.
      s = await correctAgreement(page);
      const now = dialogOf(s).values;
      assert.equal(now.duration_weeks, '14');
      for (const k of Object.keys(was)) if (k !== 'duration_weeks') assert.equal(now[k], was[k], k);
      await click(page, 'Cancel');
      await waitState(page, (st) => !dialogOf(st));
      // Two weeks added to a placement still under way: the planned end moves by fourteen days.
      const days = (Date.parse(placementEnd(await state(page))) - Date.parse(endBefore)) / 86400000;
      assert.equal(days, 14, 'the plan follows the corrected agreement');
      assert.deepEqual(record.errors, []);
    } finally { await b.close(); }
  });
}
