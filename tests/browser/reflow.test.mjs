// Reflow and zoom (issue 15 item 5; WCAG 2.2 1.4.10 and 1.4.4): at 320 CSS pixels wide (a phone, or
// a browser zoomed to 400%) and at 200% zoom on a 1366x768 laptop (683x384 CSS pixels), the first
// run, the case list, a case's plan, a record dialog, the attendance register, the export and
// import dialogs, the panel report and Settings lay themselves out in the width: every button,
// field, tick box and tab drawn lies wholly inside the window's width, the controls a row holds
// wrap onto more lines, and the case list keeps rows in view. (Data tables may scroll sideways, as
// the standard allows; the case list's columns are not checked.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, click, findItem, hasItem, items, scrollIntoView, settle } from './harness.mjs';
import { waitState } from './flows.mjs';
import { openDemo, clickTab } from './documents.mjs';
import { server, createWorkspace } from './walk.mjs';   // walk.mjs starts the file's server

const SIZES = [{ width: 320, height: 640 }, { width: 683, height: 384 }];

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

for (const viewport of SIZES) {
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
      await click(page, 'Cancel');
      await waitState(page, (s) => !s.caseView.dialog);

      // The register: the tabs scroll sideways with their arrows, as a person reaches a tab.
      for (let i = 0; i < 8 && !(await hasItem(page, 'Attendance')); i++) { await click(page, '#>'); await settle(page); }
      await clickTab(page, 'Attendance');
      await settle(page);
      await withinWidth(page, 'attendance', ['Attendance register']);

      await menu(page, 'File', 'Export…');
      await click(page, 'Case package: chosen cases');
      await settle(page);
      await withinWidth(page, 'export', ['Backup of the whole workspace', 'Case package: chosen cases', 'Export file', 'Close']);
      await click(page, 'Close');
      await menu(page, 'File', 'Import…');
      await settle(page);
      await withinWidth(page, 'import', ['Choose file…', 'Close']);
      await click(page, 'Close');
      await menu(page, 'Reports', 'Panel report…');
      await settle(page);
      await withinWidth(page, 'panel-report', ['#period', 'Save CSV', 'Print…']);
    } finally { await b.close(); }
  });

  // Settings are not offered in the demo: a workspace of its own, set up on a laptop's screen.
  test(`at ${viewport.width}x${viewport.height} CSS pixels Settings fit the width, top to bottom`, async () => {
    const b = await launch({ viewport: { width: 1366, height: 768 } });
    try {
      const { page } = await openApp(b.context, server, { query: '?test&today=2026-11-09' });
      await waitState(page, (s) => s.phase === 'first_run');
      await createWorkspace(page, 'Norfolk County Council');
      await page.setViewportSize(viewport);
      await settle(page);
      await menu(page, 'File', 'Settings…');
      await settle(page);
      await withinWidth(page, 'settings', ['#idle_lock', '#backup_reminder', 'Close']);
      for (const label of ['#text_size', 'Dark theme', 'Add a school']) {
        await scrollIntoView(page, label);
        await settle(page);
        await withinWidth(page, `settings-${label.replace(/\W/g, '')}`, [label, 'Close']);
      }
    } finally { await b.close(); }
  });
}

async function menu(page, name, item) {
  await click(page, name);
  await findItem(page, item);
  await click(page, item);
}
