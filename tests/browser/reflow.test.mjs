// Reflow and zoom (issue 15 item 5; WCAG 2.2 1.4.10 and 1.4.4): at 320 CSS pixels wide (a phone, or
// a browser zoomed to 400%) and at 200% zoom on a 1366x768 laptop (683x384 CSS pixels), the first
// run, the case list, a case's plan and a record dialog lay themselves out in the width: every
// button, field, tick box and tab drawn lies wholly inside the window's width, the controls a row
// holds wrap onto more lines, and the case list keeps rows in view. (Data tables may scroll
// sideways, as the standard allows; the case list's columns are not checked.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, click, findItem, items, nextFrames, settle } from './harness.mjs';
import { waitState } from './flows.mjs';
import { openDemo, clickTab } from './documents.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server && server.stop());

// Every labelled item drawn (not a table cell, whose table may scroll sideways), wholly inside
// the width; fails naming those that are not.
async function withinWidth(page, screen, mustShow) {
  const vw = page.viewportSize().width;
  // Those a person needs on this screen are drawn at all (an item pushed past the right edge is not).
  for (const label of mustShow) await findItem(page, label, { timeout: 5000 });
  const out = (await items(page)).filter((it) => it.label && it.w > 0 && it.h > 0 && !/\/cases_|##schools/.test(it.window) &&
                                                  (it.x < -0.5 || it.x + it.w > vw + 0.5));
  if (process.env.CP_REFLOW_SHOTS) await page.screenshot({ path: `${process.env.CP_REFLOW_SHOTS}/${screen}-${vw}.png` });
  assert.deepEqual(out.map((it) => `${it.label} (${it.x}..${it.x + it.w})`), [], `${screen} at ${vw} px: cut off at the right`);
}

for (const viewport of [{ width: 320, height: 640 }, { width: 683, height: 384 }]) {
  test(`at ${viewport.width}x${viewport.height} CSS pixels every screen fits its width`, async () => {
    const b = await launch({ viewport, deviceScaleFactor: 2 });
    try {
      const { page } = await openApp(b.context, server);
      await waitState(page, (s) => s.phase === 'first_run');
      await findItem(page, 'Open the training demo');
      await settle(page);
      await withinWidth(page, 'first-run', ['Open the training demo', 'Restore from a backup file…', '#role', '#school']);
      await openDemo(page);
      await findItem(page, 'New case');
      await settle(page);
      await withinWidth(page, 'dashboard', ['Leave the demo', '#search', '#stage', 'Overdue only', 'New case']);
      // The case list shows some rows, below the week's deadlines.
      const rows = (await items(page)).filter((it) => /\/cases_/.test(it.window) && /\(fictional\)$/.test(it.label) && it.h > 0);
      assert.ok(rows.length >= 1, 'the case list has a row in view');
      await click(page, 'Alex Turner (fictional)');
      await waitState(page, (s) => s.view === 'case');
      await clickTab(page, 'Plan');
      await settle(page);
      await withinWidth(page, 'case-plan', ['< All cases', 'Plan', 'Record details, views, consents and notes']);
      await click(page, 'Record details, views, consents and notes');
      await findItem(page, 'Record');
      await settle(page);
      await withinWidth(page, 'record-dialog', ['#way', '#text', 'Record', 'Cancel']);
    } finally { await b.close(); }
  });
}
