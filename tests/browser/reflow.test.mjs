// Reflow and zoom (issue 15 item 5; WCAG 2.2 1.4.10 and 1.4.4): at 320 CSS pixels wide (a phone, or
// a browser zoomed to 400%) and at 200% zoom on a 1366x768 laptop (683x384 CSS pixels), the first
// run, the case list, a case's plan and every other tab of a case, a record dialog, the export and
// import dialogs, the panel report, the new-case wizard's three steps and Settings lay themselves
// out in the width: every button, field, tick box and tab drawn lies wholly inside the window's
// width and is not cut by the pane that holds it, the controls a row holds
// wrap onto more lines, and the case list keeps rows in view. (Data tables may scroll sideways, as
// the standard allows; the case list's and the panel report's columns are not checked.)
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
  // Past the page's edge, or cut by the edge of the window or pane that holds it. Not cut: a row
  // of a list drawn the list's full width (it reaches into the list's padding equally on both
  // sides), and a tab at the end of a tab bar that scrolls with its arrows.
  const all = await items(page);
  const arrows = all.filter((it) => (it.label === '#<' || it.label === '#>') && it.w > 0);
  const cut = (it) => {
    const left = it.x - it.fullX, right = it.fullX + it.fullW - it.x - it.w;
    if (left < 0.5 && right < 0.5) return false;
    if (Math.abs(left - right) < 1) return false;
    return !arrows.some((a) => a.window === it.window && Math.abs(a.y + a.h / 2 - (it.y + it.h / 2)) < it.h / 2);
  };
  const out = all.filter((it) => it.label && it.w > 0 && it.h > 0 && !/\/(cases|panelreport)_|##schools/.test(it.window) &&
                                 (it.x < -0.5 || it.x + it.w > vw + 0.5 || cut(it)));
  if (process.env.CP_REFLOW_SHOTS) await page.screenshot({ path: `${process.env.CP_REFLOW_SHOTS}/${screen}-${vw}.png` });
  assert.deepEqual(out.map((it) => `${it.label} in ${it.window} (${it.x}..${it.x + it.w} of ${it.fullX}..${it.fullX + it.fullW})`), [],
                   `${screen} at ${vw} px: cut off at the right`);
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

      // The case's other tabs: the register, the documents, the targets, the people and the rest.
      for (const [tab, mustShow] of [['Attendance', ['Attendance register']], ['Targets', []], ['People', []],
                                     ['History', []], ['Documents', []], ['Reviews and meetings', []],
                                     ['Pupil passport', []], ['Timeline', ['Zoom in']]]) {
        await reachTab(page, tab);
        await clickTab(page, tab);
        await settle(page);
        await withinWidth(page, tab, mustShow);
      }

      // The new-case wizard, each of its three steps.
      await click(page, '< All cases');
      await click(page, 'New case');
      await settle(page);
      await withinWidth(page, 'wizard-kind', ['#kind', 'Next', 'Cancel']);
      await click(page, 'Next');
      await findItem(page, 'The pupil has an EHCP');
      await settle(page);
      await withinWidth(page, 'wizard-screening', ['The pupil has an EHCP', 'Back', 'Next']);
      await click(page, 'Next');
      await findItem(page, '#pupil_name');
      await settle(page);
      await withinWidth(page, 'wizard-pupil', ['#pupil_name', 'Back', 'Create case']);
      await click(page, 'Cancel');
      await waitState(page, (st) => !st.wizard.open);

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

// The case's tabs scroll sideways with their arrows when they do not fit, as a person reaches a tab.
async function reachTab(page, tab) {
  for (const arrow of ['#>', '#<'])
    for (let i = 0; i < 9 && !(await hasItem(page, tab)); i++) { await click(page, arrow); await settle(page); }
  await findItem(page, tab);
}

async function menu(page, name, item) {
  await click(page, name);
  await findItem(page, item);
  await click(page, item);
}
