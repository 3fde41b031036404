// Keyboard only, one whole case (issue 15, "a keyboard-only walkthrough of one full case"): the
// Hammersmith & Fulham walkthrough of walk.mjs, from setting up the workspace to the return and the
// reloaded history, with every press made by the keyboard (harness.mjs, useKeyboardOnly: Tab to the
// item, Enter or Space). The page counts every mouse, pointer, wheel and touch event it receives,
// and there must be none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKeyboardOnly, launch, openApp, click, findItem, keyboardTo, nextFrames, limit } from './harness.mjs';
import { agreement, boardDecides, detail, hostAccepts, noPointer, notice, server as walkServerNow, start, views, walk } from './walk.mjs';
import { openDemo, stubPrint, waitState } from './documents.mjs';

const walkServer = () => walkServerNow;

useKeyboardOnly();

test('keyboard only: a whole Hammersmith & Fulham case, from the first run to the return, without a mouse', async () => {
  await walk('London Borough of Hammersmith & Fulham', 'off-site direction converting to managed move', 'Kit Keyboard',
    { tick: ['The parents agree to the move', 'Their agreement is in writing'] },
    [views, (p) => detail(p, 'Meeting held', { '#kind': ['Initial meeting'] }), hostAccepts, (p) => agreement(p, 6), boardDecides, notice, start],
    ['Meeting held', 'Consent recorded'], noPointer());
});

// The attendance register and the documents, by keyboard alone: a week's register typed and saved
// with Enter, and a document printed (the browser's print dialog stubbed).
test('keyboard only: a week of attendance typed into the register, and a document printed', async () => {
  const b = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const { page, record } = await openApp(b.context, walkServer());
    await stubPrint(page);
    const s = await openDemo(page);
    const c = s.cases.find((x) => x.id === 'DEMO-WO-1');
    await click(page, c.pupil);
    await waitState(page, (st) => st.view === 'case' && st.caseId === 'DEMO-WO-1');
    await click(page, 'Attendance');
    await waitState(page, (st) => st.views && st.views.attendance && st.views.attendance.caseId === 'DEMO-WO-1');
    // The register is one stop: arriving there, the first school week still to record (19/10, missed
    // before half term) is ready for typing.
    await keyboardTo(page, 'Attendance register');
    await waitState(page, (st) => { const a = st.views.attendance; return a.selected && a.selected.week === '19/10/2026' && a.selected.cell === 0; });
    for (const ch of '//////////') { await page.keyboard.type(ch); await nextFrames(page, 1); }
    await page.keyboard.press('Enter');
    await waitState(page, (st) => (st.views.attendance.weeks || []).some((w) => w.week === '19/10/2026' && w.recorded));
    // Escape leaves it, and Tab goes on to what follows.
    await page.keyboard.press('Escape');
    await nextFrames(page, 2);

    await click(page, 'Documents');
    await findItem(page, 'Print…');
    const before = await page.evaluate(() => window.__printed || 0);
    await click(page, 'Print…');
    await page.waitForFunction((n) => (window.__printed || 0) > n, before, { timeout: limit(10000), polling: 50 });
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});
