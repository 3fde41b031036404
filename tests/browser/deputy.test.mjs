// A deputy head gets a case through alone (issue 13): every dialog keeps its buttons on screen
// whatever opens inside it, on a 1366x768 laptop and a 1024x768 tablet, with a body that scrolls
// with the wheel, a finger and the keyboard; the wizard saves the kind chosen last and offers the
// kind the protocol recommends; Escape closes the innermost popup only, and typed work is never
// thrown away without asking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, click, findItem, hasItem, items, nextFrames, settle, limit } from './harness.mjs';
import { state, waitState, typeInto } from './flows.mjs';
import { openDemo } from './documents.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server && server.stop());

const LAPTOP = { viewport: { width: 1366, height: 768 } };
const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true };

// The item is drawn, wholly inside the browser window (not merely inside a dialog hanging off it).
async function onScreen(page, label, opts = {}) {
  const it = await findItem(page, label, opts);
  const vp = page.viewportSize();
  assert.ok(it.w > 0 && it.h > 0 && it.x >= 0 && it.y >= 0 && it.x + it.w <= vp.width + 0.5 && it.y + it.h <= vp.height + 0.5,
    `"${label}" is not wholly on screen (${vp.width}x${vp.height}): ${JSON.stringify(it)}`);
  return it;
}

// A visible item, now (no waiting): for "is it scrolled into view yet?".
async function visibleNow(page, label) {
  const vp = page.viewportSize();
  return (await items(page)).some((it) => it.label === label && it.w > 0 && it.h > 0 && it.y >= 0 && it.y + it.h <= vp.height + 0.5);
}

// CP_DEPUTY_SHOTS=dir keeps a screenshot of each screen checked, to look at.
async function shot(page, name) {
  if (!process.env.CP_DEPUTY_SHOTS) return;
  const vp = page.viewportSize();
  await page.screenshot({ path: `${process.env.CP_DEPUTY_SHOTS}/${name}-${vp.width}x${vp.height}.png` });
}

async function pressKey(page, key) {
  await page.keyboard.press(key);
  await settle(page);
  await nextFrames(page, 2);
}

// A finger swipe (CDP touch events, as a tablet sends them) from (x, y0) to (x, y1), a frame a step.
async function swipe(page, cdp, x, y0, y1) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  await settle(page);
  for (let i = 1; i <= 10; ++i) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + ((y1 - y0) * i) / 10 }] });
    await settle(page);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await settle(page);
}

async function pickFromCombo(page, combo, option) {
  await click(page, combo);
  await nextFrames(page, 3);   // the list opens on the frame after the press
  await click(page, option);
  await nextFrames(page, 2);
}

async function openWizard(page) {
  await click(page, 'New case');
  await waitState(page, (s) => s.wizard.open);
  await findItem(page, '#kind');
}

// New case -> Next -> EHCP ticked -> Next -> More details opened: Back/Next and then Create case
// stay on screen, and the optional fields below are reached by wheel, by finger or by keyboard.
async function dialogsKeepTheirButtons(b, how) {
  const { page } = await openApp(b.context, server);
  await openDemo(page);
  if (how === 'touch') {   // the first tap makes a tablet of it: controls grow to finger size
    await page.touchscreen.tap(5, 700);
    await waitState(page, (s) => s.appearance.touch);
  }
  await openWizard(page);
  await pickFromCombo(page, '#protocol', 'Worcestershire County Council');
  await click(page, 'Next');
  await click(page, 'The pupil has an EHCP');
  await waitState(page, (s) => s.wizard.gates.some((g) => g.topic === 'ehcp'));
  await click(page, 'The pupil is a child looked after (CLA)');
  await click(page, 'Interventions have been tried and the evidence is held');
  await onScreen(page, 'Next');
  await onScreen(page, 'Back');
  await onScreen(page, 'Cancel');
  await shot(page, `screening-${how}`);
  await click(page, 'Next');
  await waitState(page, (s) => s.wizard.step === 2);
  await click(page, 'More details (optional)');
  await nextFrames(page, 3);
  await onScreen(page, 'Create case');
  await onScreen(page, 'Save draft');
  const last = 'Pupil at risk of permanent exclusion';
  await typeInto(page, '#pupil_name', 'Ola Fitsonscreen');
  const first = await onScreen(page, '#pupil_name');
  if (!(await visibleNow(page, last))) {
    if (how === 'wheel') {
      await page.mouse.move(first.x + first.w / 2, first.y + first.h / 2);
      for (let i = 0; i < 20 && !(await visibleNow(page, last)); ++i) { await page.mouse.wheel(0, 120); await settle(page); }
    } else if (how === 'touch') {
      const cdp = await page.context().newCDPSession(page);
      const x = Math.min(first.x + first.w + 40, page.viewportSize().width - 40);   // the body beside the fields
      for (let i = 0; i < 8 && !(await visibleNow(page, last)); ++i) await swipe(page, cdp, x, 600, 250);
    } else {
      for (let i = 0; i < 6 && !(await visibleNow(page, last)); ++i) await pressKey(page, 'PageDown');
    }
  }
  await onScreen(page, last);
  await onScreen(page, 'Create case');
  await shot(page, `pupil-${how}`);
  await click(page, 'Create case');
  await waitState(page, (s) => s.view === 'case' && s.cases.some((c) => c.pupil === 'Ola Fitsonscreen'));
  return page;
}

test('the wizard keeps Back, Next and Create case on a 1366x768 screen; the wheel reaches every field', async () => {
  const b = await launch(LAPTOP);
  try {
    const page = await dialogsKeepTheirButtons(b, 'wheel');
    // The Plan's action dialog is drawn the same way: its longest form keeps Record on screen.
    await click(page, 'Record details, views, consents and notes');
    await findItem(page, '#way');
    await onScreen(page, 'Record');
    await onScreen(page, 'Cancel');
    await shot(page, 'note');
  } finally { await b.close(); }
});

test('on a 1024x768 tablet a finger swipe scrolls the wizard and its buttons stay on screen', async () => {
  const b = await launch(TABLET);
  try { await dialogsKeepTheirButtons(b, 'touch'); } finally { await b.close(); }
});

test('Page Down scrolls a long dialog body from the keyboard', async () => {
  const b = await launch(LAPTOP);
  try { await dialogsKeepTheirButtons(b, 'keys'); } finally { await b.close(); }
});

test('the case is saved with the kind chosen last, and a protocol offers the kind its rules allow', async () => {
  const b = await launch(LAPTOP);
  try {
    const { page } = await openApp(b.context, server);
    await openDemo(page);
    await openWizard(page);
    await pickFromCombo(page, '#protocol', 'Worcestershire County Council');
    await pickFromCombo(page, '#kind', 'off-site direction');
    await click(page, 'Next');
    await click(page, 'Next');
    await findItem(page, '#pupil_name');
    const step = (await state(page)).wizard.step;
    await click(page, 'Back');
    await waitState(page, (x, n) => x.wizard.step === n - 1, step);
    await click(page, 'Back');
    await waitState(page, (x, n) => x.wizard.step === n - 2, step);
    await pickFromCombo(page, '#kind', 'off-site direction converting to managed move');
    await click(page, 'Next');
    await click(page, 'Next');
    await typeInto(page, '#pupil_name', 'Rae Kindtest');
    await click(page, 'Create case');
    const s = await waitState(page, (s) => s.view === 'case' && s.caseView && s.cases.some((c) => c.pupil === 'Rae Kindtest'));
    assert.equal(s.caseView.kind, 'osd_to_managed_move', 'the kind chosen on the second pass');

    // Every protocol's default kind is one its screening does not mark "Not allowed".
    await click(page, '< All cases');
    await waitState(page, (s) => s.view === 'dashboard');
    await openWizard(page);
    const before = new Set((await items(page)).map((it) => it.label));
    await click(page, '#protocol');
    await nextFrames(page, 3);
    const protocols = [...new Set((await items(page)).filter((it) => it.w > 0 && !it.label.startsWith('#') && !before.has(it.label)).map((it) => it.label))];
    assert.ok(protocols.length >= 5, `every protocol is offered: ${JSON.stringify(protocols)}`);
    await pressKey(page, 'Escape');
    for (const la of protocols) {
      await pickFromCombo(page, '#protocol', la);
      const w = (await waitState(page, (s) => s.wizard.open)).wizard;
      assert.ok(!w.gates.some((g) => g.bars), `${la}: the default kind ${w.kind} is not barred: ${JSON.stringify(w.gates)}`);
    }
  } finally { await b.close(); }
});

test('Escape closes a list or a calendar, not the wizard; discarding typed work asks first', async () => {
  const b = await launch(LAPTOP);
  try {
    const { page } = await openApp(b.context, server);
    const s0 = await openDemo(page);
    // Nothing typed: Escape closes the wizard at once.
    await openWizard(page);
    await pressKey(page, 'Escape');
    await waitState(page, (s) => !s.wizard.open);
    // A combo's list: Escape closes the list only.
    await openWizard(page);
    await click(page, '#kind');
    await findItem(page, 'off-site direction converting to managed move');
    await pressKey(page, 'Escape');
    assert.ok((await state(page)).wizard.open, 'the wizard is still open after Escape closed the list');
    assert.ok(!(await hasItem(page, 'off-site direction converting to managed move')), 'the list closed');
    await click(page, 'Next');
    await click(page, 'Next');
    await findItem(page, '#pupil_name');
    // The calendar: Escape closes the calendar only.
    await click(page, 'Calendar');
    await findItem(page, '<');
    await pressKey(page, 'Escape');
    assert.ok((await state(page)).wizard.open, 'the wizard is still open after Escape closed the calendar');
    assert.ok(!(await hasItem(page, '<')), 'the calendar closed');
    // Typed work: Escape asks; Escape again (or Keep) keeps it.
    await typeInto(page, '#pupil_name', 'Sol Escapetest');
    await pressKey(page, 'Escape');   // in the field: it keeps the text and asks
    await findItem(page, 'Keep', { window: 'Discard?' });   // asking: "Discard this new case? What you typed will be lost."
    assert.ok((await state(page)).wizard.open);
    await pressKey(page, 'Escape');
    assert.ok(!(await hasItem(page, 'Discard')), 'Escape answers the question with Keep');
    assert.ok((await state(page)).wizard.open, 'Keep keeps the wizard');
    assert.equal((await state(page)).wizard.pupil.pupil_name, 'Sol Escapetest', 'Escape in the field kept what was typed');
    // Cancel asks too; Discard throws it away.
    await click(page, 'Cancel');
    await click(page, 'Discard');
    await waitState(page, (s) => !s.wizard.open);
    assert.equal((await state(page)).cases.length, s0.cases.length, 'nothing was saved');
    // Keep, then finish: what was typed is all there.
    await openWizard(page);
    await click(page, 'Next');
    await click(page, 'Next');
    await typeInto(page, '#pupil_name', 'Sol Kepttest');
    await click(page, 'Cancel');
    await click(page, 'Keep');
    await click(page, 'Create case');
    await waitState(page, (s) => s.view === 'case' && s.cases.some((c) => c.pupil === 'Sol Kepttest'));
    // The Plan's action dialog asks the same way.
    await click(page, 'Record details, views, consents and notes');
    await findItem(page, '#way');
    await typeInto(page, '#text', 'Half a note');
    await click(page, 'Cancel');
    await findItem(page, 'Keep', { window: 'Discard?' });
    await click(page, 'Keep');
    assert.ok(await hasItem(page, 'Record'), 'the note stays open');
  } finally { await b.close(); }
});

// Issue 13, item 4: no internal word (host_identified, alternative_provision, home_lead …) on screen.
const INTERNAL = /^[a-z]+(_[a-z]+)+$/;
const ONE_OF_FIELDS = ['#setting', '#section', '#role', '#what', '#who', '#gate', '#outcome', '#kind', '#by', '#reason', '#category'];

async function internalWords(page) {
  return (await items(page)).filter((it) => it.w > 0 && INTERNAL.test(it.label)).map((it) => it.label);
}

// Opens each list the dialog shows and returns the internal words found in it or around it.
async function listsOnScreen(page, found, where) {
  found.push(...(await internalWords(page)).map((w) => `${where}: ${w}`));
  for (const combo of ONE_OF_FIELDS) {
    if (!(await hasItem(page, combo))) continue;
    await click(page, combo);
    await nextFrames(page, 3);
    // Some of these names are text fields on some forms (a reason typed in words): only a list
    // that opened is closed with Escape, which in a field would go on to close the dialog.
    if (!(await items(page)).some((it) => it.label.startsWith('#Combo_') && it.w > 0)) continue;
    found.push(...(await internalWords(page)).map((w) => `${where} ${combo}: ${w}`));
    await pressKey(page, 'Escape');
  }
}

test('no internal word appears in the wizard or the Plan\'s action dialogs', async () => {
  const b = await launch(LAPTOP);
  try {
    const { page } = await openApp(b.context, server);
    const s0 = await openDemo(page);
    const found = [];
    await openWizard(page);
    for (const combo of ['#protocol', '#kind']) {
      await click(page, combo);
      await nextFrames(page, 3);
      found.push(...(await internalWords(page)).map((w) => `wizard ${combo}: ${w}`));
      await pressKey(page, 'Escape');
    }
    await click(page, 'Next');
    await findItem(page, 'The pupil has an EHCP');
    found.push(...(await internalWords(page)).map((w) => `screening: ${w}`));
    await click(page, 'Next');
    await click(page, 'More details (optional)');
    await listsOnScreen(page, found, 'pupil');
    await click(page, 'Cancel');
    await waitState(page, (s) => !s.wizard.open);
    // A case in placement offers the most actions.
    const c = s0.cases.find((x) => x.stage === 'placement') || s0.cases[0];
    await click(page, c.pupil);
    await waitState(page, (s) => s.view === 'case');
    const planActions = async () => (await items(page)).filter((it) => it.w > 0 && it.window.startsWith('Case planner/') &&
      /^(Record|Share|Send|Schedule|Hold|Agree|End|Return|Withdraw|Propose|Convert|Notify|Sign|Start)/.test(it.label)).map((it) => it.label);
    let actions = await planActions();
    for (const end = Date.now() + limit(10000); actions.length < 3 && Date.now() < end; actions = await planActions()) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(actions.length >= 3, `the Plan offers actions: ${JSON.stringify(actions)}`);
    for (const action of [...new Set(actions)]) {
      await click(page, action);
      await waitState(page, (s) => s.caseView && s.caseView.dialog);
      await listsOnScreen(page, found, action);
      if (await hasItem(page, '#way')) {
        const before = new Set((await items(page)).map((it) => it.label));
        await click(page, '#way');
        await nextFrames(page, 3);
        const ways = [...new Set((await items(page)).filter((it) => it.w > 0 && !it.label.startsWith('#') && !before.has(it.label)).map((it) => it.label))];
        found.push(...ways.filter((w) => INTERNAL.test(w) || INTERNAL.test(w.split(': ').pop())).map((w) => `${action} #way: ${w}`));
        await pressKey(page, 'Escape');
        for (const way of ways.slice(1)) {
          await pickFromCombo(page, '#way', way);
          await listsOnScreen(page, found, `${action} / ${way}`);
        }
      }
      await click(page, 'Cancel');
      await waitState(page, (s) => !s.caseView.dialog, null, 3000).catch(() => {});   // or it asks first
      if ((await state(page)).caseView.dialog) await click(page, 'Discard', { window: 'Discard?' });
      await waitState(page, (s) => !s.caseView.dialog);
    }
    assert.deepEqual(found, []);
  } finally { await b.close(); }
});

// Issue 13, item 10: the first run asks for the local authority instead of assuming one.
test('the first run asks which local authority, and the workspace follows the one chosen', async () => {
  const b = await launch(LAPTOP);
  try {
    const { page } = await openApp(b.context, server);
    let s = await waitState(page, (st) => st.phase === 'first_run');
    assert.equal(s.firstRun.la, '', 'no local authority is chosen for the user');
    await typeInto(page, '#school', 'Larkspur Test School');
    await typeInto(page, '#urn', '912345');
    await typeInto(page, '#staff', 'Ms Test Lead');
    await typeInto(page, '#passphrase', 'orchard kettle lantern ribbon');
    await typeInto(page, '#confirm', 'orchard kettle lantern ribbon');
    await click(page, 'I understand a forgotten passphrase cannot be recovered');
    await click(page, 'Create workspace');   // not yet: the button is disabled
    await nextFrames(page, 3);
    assert.equal((await state(page)).phase, 'first_run');
    await click(page, '#la');
    await nextFrames(page, 3);
    await click(page, 'Norfolk County Council');
    s = await waitState(page, (st) => st.firstRun.la === 'Norfolk County Council');
    await click(page, 'Create workspace');
    await waitState(page, (st) => st.phase === 'open');
    await click(page, 'New case');
    await waitState(page, (st) => st.wizard.open && st.wizard.pack === 'norfolk');   // the workspace's protocol
  } finally { await b.close(); }
});
