// Keyboard only (issue 15 item 4): a person who cannot use a mouse sets up a workspace, opens a
// case with the wizard, records a note and locks the workspace with Tab, Shift+Tab, the arrows,
// Enter, Space and typing. No mouse or touch event is sent. Where the keyboard is at each step is
// read from the page's focus (the accessibility mirror), as a screen reader would announce it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, openApp, nextFrames, settle, idle, limit, click, pickFile } from './harness.mjs';
import { waitState, PASS } from './flows.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server && server.stop());

// What has the keyboard now, as "role: name".
async function focused(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a) return '';
    if (a === document.querySelector('canvas') && window.cpAccess) { const d = cpAccess.last; return `canvas (the focused item ${d.f} in ${d.nw} has no element)`; }
    if (a.id === 'cp-text-input') return `textbox: ${a.getAttribute('aria-label') || ''}`;
    if (a.closest('#cp-access')) return `${a.getAttribute('role') || ''}: ${(a.getAttribute('aria-label') || a.textContent).trim()}`;
    return a.id || a.tagName;
  });
}

async function key(page, k) {
  await page.keyboard.press(k);
  await nextFrames(page, 3);
}

// Presses Tab (or another key) until `want` has the keyboard; fails with the stops it passed.
async function moveTo(page, want, { keyName = 'Tab', max = 60 } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    const now = await focused(page);
    if (now === want) return;
    seen.push(now);
    await key(page, keyName);
  }
  if (process.env.CP_KB_SHOT) await page.screenshot({ path: process.env.CP_KB_SHOT });
  const s = await page.evaluate(() => (window.cpTest && window.cpTest.state) || null).catch(() => null);
  throw new Error(`${keyName} never reached "${want}"; it went through ${JSON.stringify(seen)}; the app: ${JSON.stringify(s && { firstRun: s.firstRun, wizard: s.wizard, view: s.view })}`);
}

// Types into the focused field and checks the field now shows it (a password shows stars).
async function typeHere(page, text, { secret = false } = {}) {
  await page.keyboard.type(text, { delay: 10 });
  const want = secret ? '*'.repeat(text.length) : text;
  const shown = () => { const el = cpAccess.byId.get(cpAccess.last.f); return el ? el.textContent : null; };
  // ImGui takes queued keys a few a frame: the field catches up within frames, not seconds.
  await page.waitForFunction((w) => { const el = cpAccess.byId.get(cpAccess.last.f); return el && el.textContent === w; },
                             want, { timeout: limit(5000), polling: 50 }).catch(() => {});
  assert.equal(await page.evaluate(shown), want, 'what was typed is in the field');
}

// A list (combo): Enter opens it, Down moves to the wanted option, Enter chooses it.
async function chooseFrom(page, combo, option) {
  await moveTo(page, `combobox: ${combo}`);
  await key(page, 'Enter');
  // The list opens showing where the keyboard is in it, so Enter or Space chooses the option shown
  // (Dear ImGui alone hid it, and the first Enter did nothing).
  assert.equal(await page.evaluate(() => cpAccess.last.kv), true, `the keyboard's place in the list "${combo}" is shown`);
  await moveTo(page, `option: ${option}`, { keyName: 'ArrowDown', max: 30 });
  await key(page, 'Enter');
}

// The first run's form, from the keyboard: the open workspace's state.
async function keyboardWorkspace(page) {
  await moveTo(page, 'textbox: Your school or service');
  await typeHere(page, 'Larkspur Keyboard School');
  await moveTo(page, 'textbox: URN (6 or 7 digits)');
  await typeHere(page, '912345');
  await key(page, 'Tab');
  await chooseFrom(page, 'Local authority protocol', 'Worcestershire County Council');
  await moveTo(page, 'textbox: Your name (written into every record you make)');
  await typeHere(page, 'Ms Key Board');
  await moveTo(page, 'textbox: Passphrase');
  await typeHere(page, PASS, { secret: true });
  await moveTo(page, 'textbox: Type it again');
  await typeHere(page, PASS, { secret: true });
  await moveTo(page, 'checkbox: I understand a forgotten passphrase cannot be recovered');
  await key(page, 'Space');
  await moveTo(page, 'button: Create workspace');
  await key(page, 'Enter');
  return waitState(page, (x) => x.phase === 'open');
}

// The menu bar from the keyboard: Alt, the arrows to the menu, Enter, the arrows to the item, Enter.
// The first-run screen's training demo, opened from the keyboard; returns the state once it is open.
async function keyboardDemo(page) {
  await waitState(page, (s) => s.phase === 'first_run');
  await settle(page);
  await moveTo(page, 'button: Open the training demo');
  await key(page, 'Enter');
  return waitState(page, (x) => x.phase === 'open' && x.demo);
}

// The export dialog's passphrase, typed twice.
async function exportPassphrase(page) {
  await moveTo(page, 'textbox: Passphrase');
  await typeHere(page, PASS, { secret: true });
  await moveTo(page, 'textbox: Type it again');
  await typeHere(page, PASS, { secret: true });
}

async function menuBar(page, name, item) {
  await key(page, 'Alt');
  await moveTo(page, `menuitem: ${name}`, { keyName: 'ArrowRight', max: 6 });
  await key(page, 'Enter');
  await moveTo(page, `menuitem: ${item}`, { keyName: 'ArrowDown', max: 12 });
  await key(page, 'Enter');
}

test('keyboard only: set up a workspace, open a case with the wizard, record a note and lock', async () => {
  const b = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const { page, record } = await openApp(b.context, server);
    await waitState(page, (s) => s.phase === 'first_run');
    await settle(page);
    assert.match(await focused(page), /^canvas/, 'the app has the keyboard when it opens');
    let s = await keyboardWorkspace(page);
    assert.equal(s.cases.length, 0);

    await moveTo(page, 'button: New case');
    await key(page, 'Enter');
    await waitState(page, (x) => x.wizard && x.wizard.open);
    await chooseFrom(page, 'Kind of case', 'off-site direction');
    await moveTo(page, 'button: Next');
    await key(page, 'Enter');
    await nextFrames(page, 3);
    await moveTo(page, 'button: Next');
    await key(page, 'Enter');
    await moveTo(page, 'textbox: Pupil\'s full name');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-required')), 'true', 'a starred field is said to be required');
    await typeHere(page, 'Kit Keyboard');
    await moveTo(page, 'button: Create case');
    await key(page, 'Enter');
    s = await waitState(page, (x) => x.view === 'case' && x.cases.some((c) => c.pupil === 'Kit Keyboard'));
    const events = s.cases[0].events;

    await moveTo(page, 'button: Record details, views, consents and notes');
    await key(page, 'Enter');
    await moveTo(page, 'textbox: Note');
    await typeHere(page, 'Typed with the keyboard alone.');
    await moveTo(page, 'button: Record');
    await key(page, 'Enter');
    s = await waitState(page, (x, n) => x.cases[0].events === n + 1 && x.save.dirty === 0 && x.save.inFlight === 0, events);
    // Escape closes what is open, never the case itself.
    await key(page, 'Escape');
    await key(page, 'Escape');
    assert.equal((await waitState(page, (x) => x.phase === 'open')).view, 'case', 'Escape does not leave the case');

    // The menu bar: Alt moves the keyboard to it, then the arrows and Enter.
    await key(page, 'Alt');
    await moveTo(page, 'menuitem: File', { keyName: 'ArrowLeft', max: 6 });
    await key(page, 'Enter');
    await moveTo(page, 'menuitem: Lock now', { keyName: 'ArrowDown', max: 12 });
    await key(page, 'Enter');
    await waitState(page, (x) => x.phase === 'locked');
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

test('"Skip to the case list" is the first stop for a keyboard entering the page, and goes to the list', async () => {
  const b = await launch({ viewport: { width: 1024, height: 768 } });
  try {
    const { page, record } = await openApp(b.context, server);
    await waitState(page, (x) => x.phase === 'first_run');
    assert.equal(await page.evaluate(() => document.getElementById('cp-skip').hidden), true, 'no list to skip to before a workspace is open');
    await click(page, 'Open the training demo');
    const s = await waitState(page, (x) => x.phase === 'open' && x.demo);
    await click(page, s.cases[0].pupil);
    await waitState(page, (x) => x.view === 'case');
    // The keyboard arrives from the browser's own controls: out of the page with Tab, then Tab again
    // comes back in at the page's first stop, which is the link. Once the page is still: while it
    // draws, a focus fallen to the page's body goes back to the canvas (the element that had it
    // went with a closed panel), which is what blur() looks like.
    await idle(page, 20000, 'after the case opened');
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    for (let i = 0; i < 3 && await page.evaluate(() => document.activeElement.id !== 'cp-skip'); i++) await page.keyboard.press('Tab');
    const link = await page.evaluate(() => { const a = document.activeElement; const r = a.getBoundingClientRect();
      return { id: a.id, text: a.id === 'cp-skip' ? a.textContent : a.tagName + ' ' + a.className + ' ' + a.getAttribute('role') + ' ' + a.tabIndex + ' ' + getComputedStyle(a).overflow, shown: r.top >= 0 && r.bottom <= innerHeight && r.width > 0 }; });
    assert.deepEqual(link, { id: 'cp-skip', text: 'Skip to the case list', shown: true }, 'the link is first and seen when focused');
    await page.keyboard.press('Enter');
    await waitState(page, (x) => x.view === 'dashboard');
    await page.waitForFunction(() => document.activeElement.id === 'cp-text-input' &&
                               /^Search/.test(document.activeElement.getAttribute('aria-label') || ''), null, { timeout: limit(10000) });
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

// A key held down repeats as the computer is set to (the browser's repeated key downs), and never
// because a frame was slow: ImGui's own repeat counted a key as held for as long as the next frame
// took to come, so a Tab pressed just before a pause moved the keyboard two stops.
test('a key held repeats as the computer repeats it, and one press moves the keyboard one stop however long it is held', async () => {
  const b = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page } = await openApp(b.context, server);
    await waitState(page, (x) => x.phase === 'first_run');
    await moveTo(page, 'textbox: Your school or service');
    // Held for a second without the browser repeating it (the page's late wake draws a frame meanwhile).
    await page.keyboard.down('Tab');
    await page.waitForTimeout(1000);
    await page.keyboard.up('Tab');
    await idle(page);
    assert.equal(await focused(page), 'textbox: URN (6 or 7 digits)', 'one press, one stop');
    // Held while the browser repeats it twice: three stops.
    await page.keyboard.down('Tab');
    await idle(page);
    for (let i = 0; i < 2; i++) { await page.keyboard.down('Tab'); await idle(page); }
    await page.keyboard.up('Tab');
    await idle(page);
    assert.equal(await focused(page), 'textbox: Your job title', 'a press and two repeats, three stops');
  } finally { await b.close(); }
});

// Lighthouse's "prevents paste" finding: the page cancelled every paste and replayed it itself.
// Now a paste lands in the field like typing, and a paste event sent to any input is not cancelled.
test('Ctrl+V pastes into a field, and the page cancels no paste', async () => {
  const b = await launch();
  try {
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page } = await openApp(b.context, server);
    await waitState(page, (s) => s.phase === 'first_run');
    await click(page, '#staff');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'cp-text-input', null, { timeout: limit(10000) });
    await page.evaluate(() => navigator.clipboard.writeText('Pat Pasted'));
    await page.keyboard.press('Control+V');
    await page.waitForFunction(() => { const el = cpAccess.byId.get(cpAccess.last.f); return el && el.textContent === 'Pat Pasted'; },
                               null, { timeout: limit(10000), polling: 50 });
    const cancelled = await page.evaluate(() => [...document.querySelectorAll('input, textarea, canvas')].map((el) => {
      const e = new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: new DataTransfer() });
      el.dispatchEvent(e);
      return e.defaultPrevented ? el.id || el.tagName : null;
    }).filter(Boolean));
    assert.deepEqual(cancelled, [], 'a paste sent to these was cancelled');
  } finally { await b.close(); }
});

// Keyboard only, the rest of a school's routine (issue 15 item 4): open the demo, export a backup
// under a passphrase, open the panel report and save it as CSV, all from the menus and the dialogs'
// fields with Alt, the arrows, Tab, typing and Enter.
test('keyboard only: a backup exported and the panel report saved, from the menus', async () => {
  const b = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const { page, record } = await openApp(b.context, server);
    await keyboardDemo(page);

    const menu = (name, item) => menuBar(page, name, item);
    await menu('File', 'Export…');
    await exportPassphrase(page);
    const download = page.waitForEvent('download', { timeout: limit(60000) });
    await moveTo(page, 'button: Export file');
    await key(page, 'Enter');
    const file = await download;
    assert.match(file.suggestedFilename(), /\.json$/, 'the backup is downloaded');
    await moveTo(page, 'button: Close');
    await key(page, 'Enter');

    await menu('Reports', 'Panel report…');
    const csv = page.waitForEvent('download', { timeout: limit(60000) });
    await moveTo(page, 'button: Save CSV');
    await key(page, 'Enter');
    assert.match((await csv).suggestedFilename(), /\.csv$/, 'the report is saved as CSV');
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

// Keyboard only, the rest of the routine (issue 15 item 4): a case package made in the demo, then
// in a school's own workspace Settings changed, a school added to its list, and the package
// imported and merged; all with Alt, the arrows, Tab, typing, Space, Enter and Escape.
test('keyboard only: a case package exported, Settings changed and the package imported', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cp-kb-'));
  const b = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const { page, record } = await openApp(b.context, server);
    const demo = await keyboardDemo(page);
    const pupil = demo.cases[0].pupil;
    await menuBar(page, 'File', 'Export…');
    await moveTo(page, 'radio: Case package: chosen cases');
    await key(page, 'Space');
    await moveTo(page, `checkbox: ${pupil}`);
    await key(page, 'Space');
    await exportPassphrase(page);
    const download = page.waitForEvent('download', { timeout: limit(60000) });
    await moveTo(page, 'button: Export file');
    await key(page, 'Enter');
    const file = path.join(dir, 'package.json');
    await (await download).saveAs(file);
    await key(page, 'Escape');
    await menuBar(page, 'File', 'Leave the training demo');
    await waitState(page, (x) => x.phase === 'first_run');
    await settle(page);
    await keyboardWorkspace(page);

    await menuBar(page, 'File', 'Settings…');
    await moveTo(page, 'textbox: Lock after this many minutes without use (0 = never)');
    await typeHere(page, '25');
    await key(page, 'Enter');
    await moveTo(page, 'checkbox: Dark theme');
    await key(page, 'Space');
    await waitState(page, (x) => x.appearance.dark && x.settings.idleLockMinutes === 25);
    await moveTo(page, 'button: Add a school');
    await key(page, 'Enter');
    await moveTo(page, 'textbox: Name of the school');
    await typeHere(page, 'Fenwick Keyboard Academy');
    await moveTo(page, 'textbox: URN (6 or 7 digits, from Get Information About Schools)');
    await typeHere(page, '934567');
    await moveTo(page, 'button: Add the school');
    await key(page, 'Enter');
    await waitState(page, (x) => x.schools.some((sc) => sc.urn === '934567' && sc.name === 'Fenwick Keyboard Academy'));
    await key(page, 'Escape');
    await waitState(page, (x) => !x.settings.open);

    await menuBar(page, 'File', 'Import…');
    await moveTo(page, 'button: Choose file…');
    // The browser's own file chooser answers, as a person picks the file in it.
    await pickFile(page, file, () => key(page, 'Enter'));
    await waitState(page, (x) => x.import.step === 'need_passphrase');
    await moveTo(page, 'textbox: The passphrase this file was exported with');
    await typeHere(page, PASS, { secret: true });
    await key(page, 'Enter');
    await waitState(page, (x) => x.import.step === 'preview' && x.import.newCases === 1);
    await moveTo(page, 'button: Merge into this workspace');
    await key(page, 'Enter');
    const s = await waitState(page, (x) => x.import.step === 'done' && x.cases.length === 1);
    assert.equal(s.cases[0].pupil, pupil, 'the case chosen in the demo is in the workspace');
    await moveTo(page, 'button: Close');
    await key(page, 'Enter');
    await waitState(page, (x) => x.import.step === 'none');
    assert.deepEqual(record.errors, []);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
