// The accessibility mirror (issue 15 items 1 and 2): the canvas is invisible to a screen reader,
// so every item the app draws has a hidden page element with its role, name and state, over the
// place it is drawn, and pressing that element acts as a click. Checked through Chromium's own
// accessibility tree (CDP Accessibility.getFullAXTree), as a screen reader would see it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer, launch, openApp, click, findItem, items, nextFrames, settle, limit } from './harness.mjs';
import { state, waitState, createWorkspace } from './flows.mjs';
import { openDemo, clickTab } from './documents.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server && server.stop());

// A field's star is said as "required", not read out: "Pupil's full name *" is named "Pupil's full name".
const norm = (s) => String(s || '').replace(/\s+/g, ' ').trim().replace(/ \*$/, '');

// Every visible labelled item the locator reports against the accessibility tree: found by name,
// every text field and list named, and no internal identifier in any name.
async function coverage(page, cdp, where) {
  await settle(page);
  await nextFrames(page, 2);
  const shown = (await items(page)).filter((it) => it.w > 1 && it.h > 1 && it.label !== it.window && !it.label.startsWith('#'));
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const live = nodes.filter((n) => !n.ignored && n.role);
  const names = new Set(live.map((n) => norm(n.name && n.name.value)).filter(Boolean));
  const missing = shown.filter((it) => !names.has(norm(it.label))).map((it) => it.label);
  const fields = live.filter((n) => ['textbox', 'combobox'].includes(n.role.value));
  const unnamed = fields.filter((n) => !norm(n.name && n.name.value)).length;
  const internal = [...names].filter((n) => /^#|\b[a-z]+_[a-z_]+\b|\.json\b/.test(n));
  const result = { where, visible: shown.length, inTree: shown.length - missing.length, fields: fields.length, unnamed };
  console.log(`# accessibility tree, ${where}: ${result.inTree} of ${result.visible} visible items, ${fields.length} fields (${unnamed} unnamed)`);
  assert.deepEqual(missing, [], `${where}: items with no accessibility node of the same name`);
  assert.equal(unnamed, 0, `${where}: every text field and list has a name`);
  assert.deepEqual(internal, [], `${where}: no internal identifier in a name`);
  await axeViolations(page, where);
  return { result, live };
}

// axe-core (npm, pinned in package.json) over the whole page, mirror included, for the WCAG 2.0, 2.1
// and 2.2 A and AA rules. Evaluated through the debugging protocol: the site's CSP rightly refuses
// an injected script.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function axeViolations(page, where) {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE);
  const { violations, checked } = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    const nodes = (list) => list.reduce((n, x) => n + x.nodes.length, 0);
    return {
      checked: nodes(r.passes) + nodes(r.violations),
      violations: r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}; ` +
        v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`).join(' | ')),
    };
  }, WCAG_AA);
  console.log(`# axe-core, ${where}: ${violations.length} violations in ${checked} checks of elements`);
  assert.ok(checked > 20, `${where}: axe-core checked the page's elements (${checked})`);
  assert.deepEqual(violations, [], `${where}: axe-core finds no WCAG 2.2 A or AA violation`);
}

const role = (live, r, name) => live.find((n) => n.role.value === r && norm(n.name && n.name.value) === name);

// Presses a mirrored element the way a screen reader does (a click on the element itself).
async function press(page, roleName, name) {
  const ok = await page.evaluate(({ roleName, name }) => {
    const els = [...document.querySelectorAll('#cp-access [data-id]')];
    const el = els.find((e) => (e.getAttribute('role') || '') === roleName &&
                               (e.getAttribute('aria-label') || e.textContent).trim() === name);
    if (!el) return false;
    el.click();
    return true;
  }, { roleName, name });
  assert.ok(ok, `a ${roleName} element named "${name}" to press`);
  await nextFrames(page, 3);
}

async function mirrorHas(page, roleName, name, timeout = limit(10000)) {
  await page.waitForFunction(({ roleName, name }) => [...document.querySelectorAll('#cp-access [data-id]')]
    .some((e) => (e.getAttribute('role') || '') === roleName && (e.getAttribute('aria-label') || e.textContent).trim() === name),
  { roleName, name }, { timeout, polling: 50 });
}

test('first run, a new workspace, its settings and the new-case wizard: every item has its node', async () => {
  const b = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const { page, record } = await openApp(b.context, server);
    const cdp = await b.context.newCDPSession(page);
    await waitState(page, (s) => s.phase === 'first_run');
    let { live } = await coverage(page, cdp, 'first run');
    // The check can fail: a mirrored button with no name, put in for a moment, is found.
    const broken = await page.evaluate(async (tags) => {
      const el = document.createElement('div');
      el.setAttribute('role', 'button');
      el.className = 'cp-access-item';
      document.getElementById('cp-access').appendChild(el);
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      el.remove();
      return r.violations.map((v) => v.id);
    }, WCAG_AA);
    assert.ok(broken.includes('aria-command-name'), `axe-core finds an unnamed button: ${broken}`);
    assert.ok(role(live, 'textbox', 'Your name (written into every record you make)'), 'a field is named by its visible label');
    assert.ok(role(live, 'combobox', 'Local authority protocol'), 'a list is named by its label');
    // A field says what it holds without being entered (the job title is filled in for the person).
    const title = role(live, 'textbox', 'Your job title');
    assert.equal(title && title.value && title.value.value, 'Deputy Headteacher', 'a field is read with its value');
    assert.ok(role(live, 'heading', 'Set up the case planner'), 'the panel title is a heading');
    const create = role(live, 'button', 'Create workspace');
    assert.ok(create && (create.properties || []).some((p) => p.name === 'disabled' && p.value.value), 'a disabled button says so');
    const box = role(live, 'checkbox', 'I understand a forgotten passphrase cannot be recovered');
    assert.ok(box && box.properties.some((p) => p.name === 'checked' && p.value.value === 'false'));
    await createWorkspace(page);
    // Item 3: "Saved" is said politely once the new workspace is stored.
    await page.waitForFunction(() => document.getElementById('cp-say-polite').textContent === 'Saved', null,
                               { timeout: limit(20000) });
    await click(page, 'File');
    await nextFrames(page, 2);
    ({ live } = await coverage(page, cdp, 'File menu'));
    assert.ok(role(live, 'menuitem', 'Settings…'), 'a menu entry is a menu item');
    await click(page, 'Settings…');
    await findItem(page, 'Add a school');
    ({ live } = await coverage(page, cdp, 'settings'));
    const dialog = live.find((n) => n.role.value === 'dialog' && (n.properties || []).some((p) => p.name === 'modal' && p.value.value));
    assert.ok(dialog, 'the settings dialog is a modal dialog');
    const focusIn = () => page.evaluate(() => !!document.activeElement.closest('[aria-modal=true]'));
    assert.ok(await focusIn(), 'opening a dialog moves the focus into it');
    await click(page, 'Close');
    await page.waitForFunction(() => !document.querySelector('#cp-access [aria-modal=true]'), null, { timeout: limit(10000) });
    await click(page, 'New case');
    await findItem(page, 'Next');
    await nextFrames(page, 2);
    assert.ok(await focusIn(), 'the wizard has the focus');
    ({ live } = await coverage(page, cdp, 'new-case wizard'));
    assert.ok(live.some((n) => n.role.value === 'combobox' && norm(n.name.value)), 'the kind of case is a named list');
    await click(page, 'Cancel');
    await page.waitForFunction(() => document.activeElement.textContent === 'New case', null, { timeout: limit(10000) });
    // A wrong passphrase is said at once (assertive), not only drawn in red.
    await click(page, 'File');
    await click(page, 'Lock now');
    await waitState(page, (s) => s.phase === 'locked');
    await findItem(page, '#unlockpass');
    await nextFrames(page, 2);
    await page.keyboard.type('wrong words entirely here', { delay: 12 });
    await page.keyboard.press('Enter');
    await waitState(page, (s) => s.phase === 'locked' && s.message !== '');
    await page.waitForFunction(() => /does not open this workspace/.test(document.getElementById('cp-say-urgent').textContent), null,
                               { timeout: limit(10000) });
    assert.ok(!(await page.evaluate(() => document.body.textContent.includes('wrong words'))), 'a passphrase is never copied into the page');
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

test('the demo through the mirror only: open it, a case, its tabs and the wizard by pressing elements', async () => {
  const b = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const { page, record } = await openApp(b.context, server);
    const cdp = await b.context.newCDPSession(page);
    await waitState(page, (s) => s.phase === 'first_run');
    await mirrorHas(page, 'button', 'Open the training demo');
    await press(page, 'button', 'Open the training demo');
    let s = await waitState(page, (x) => x.phase === 'open' && x.demo);
    const { live: dash } = await coverage(page, cdp, 'dashboard');
    const pupil = s.cases[0].pupil;
    // The case list is a table: a reader hears the column's heading with each cell.
    assert.ok(dash.some((n) => n.role.value === 'table'), 'the case list is a table');
    assert.ok(role(dash, 'columnheader', 'Pupil') && role(dash, 'columnheader', 'Next deadline'), 'its columns have headings');
    const [first, heading] = await page.evaluate(() => {
      const cell = document.querySelector('#cp-access [role=table] [role=cell]');
      const table = cell && cell.closest('[role=table]');
      const head = table && [...table.querySelectorAll('[role=columnheader]')]
        .find((h) => h.getAttribute('aria-colindex') === cell.getAttribute('aria-colindex'));
      return [cell && cell.textContent, head ? head.textContent : null];
    });
    assert.ok(s.cases.some((c) => c.pupil === first), `the first cell (${first}) is a pupil's name`);
    assert.equal(heading, 'Pupil', `the cell of ${first} is under the heading Pupil`);
    await mirrorHas(page, 'button', pupil);
    await press(page, 'button', pupil);
    s = await waitState(page, (x) => x.view === 'case');
    let { live } = await coverage(page, cdp, "a case's plan");
    const tabs = live.filter((n) => n.role.value === 'tab');
    assert.ok(tabs.length >= 8, `the case's tabs are tabs (${tabs.length})`);
    assert.ok(live.some((n) => n.role.value === 'tablist'), 'inside a tab list');
    const selected = tabs.filter((n) => (n.properties || []).some((p) => p.name === 'selected' && p.value.value));
    assert.deepEqual(selected.map((n) => n.name.value), ['Plan'], 'the shown tab is the selected one');
    await press(page, 'tab', 'History');
    await page.waitForFunction(() => [...document.querySelectorAll('#cp-access [role=tab]')]
      .some((e) => e.textContent === 'History' && e.getAttribute('aria-selected') === 'true'), null, { timeout: limit(10000) });
    await coverage(page, cdp, 'history');
    for (const tab of ['Attendance', 'Documents']) {
      await press(page, 'tab', tab);
      await page.waitForFunction((t) => [...document.querySelectorAll('#cp-access [role=tab]')]
        .some((e) => e.textContent === t && e.getAttribute('aria-selected') === 'true'), tab, { timeout: limit(10000) });
      await coverage(page, cdp, `the ${tab} tab`);
    }
    await press(page, 'tab', 'Plan');
    await mirrorHas(page, 'button', 'Record details, views, consents and notes');
    await press(page, 'button', 'Record details, views, consents and notes');
    await page.waitForFunction(() => document.querySelector('#cp-access [role=dialog][aria-modal=true]'), null, { timeout: limit(10000) });
    await coverage(page, cdp, 'an action dialog');
    await press(page, 'button', 'Cancel');
    await page.waitForFunction(() => !document.querySelector('#cp-access [role=dialog][aria-modal=true]'), null, { timeout: limit(10000) });
    await mirrorHas(page, 'button', '< All cases');
    await press(page, 'button', '< All cases');
    await waitState(page, (x) => x.view === 'dashboard');
    await press(page, 'button', 'New case');
    await page.waitForFunction(() => document.querySelector('#cp-access [role=dialog][aria-modal=true]'), null, { timeout: limit(10000) });
    ({ live } = await coverage(page, cdp, 'wizard in the demo'));
    await press(page, 'button', 'Cancel');
    await page.waitForFunction(() => !document.querySelector('#cp-access [role=dialog][aria-modal=true]'), null, { timeout: limit(10000) });
    await press(page, 'menuitem', 'Reports');
    await mirrorHas(page, 'menuitem', 'Panel report…');
    await press(page, 'menuitem', 'Panel report…');
    await waitState(page, (x) => x.views && x.views.report && x.views.report.from !== undefined);
    await coverage(page, cdp, 'the panel report');
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

test('the keyboard moves focus in the page too, so a screen reader speaks where Tab went', async () => {
  const b = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const { page } = await openApp(b.context, server);
    await waitState(page, (s) => s.phase === 'first_run');
    await page.focus('#canvas');
    const spoken = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      await nextFrames(page, 3);
      spoken.push(await page.evaluate(() => {
        const a = document.activeElement;
        if (a && a.closest('#cp-access')) return `${a.getAttribute('role')}: ${a.getAttribute('aria-label') || a.textContent}`;
        // Tab into a text field starts typing in it: the page's text box has the keys, and the field's name.
        if (a && a.id === 'cp-text-input') return `textbox: ${a.getAttribute('aria-label') || ''}`;
        return (a && a.id) || '';
      }));
    }
    assert.ok(spoken.every((t) => /^(button|textbox|combobox|checkbox): \S/.test(t)), `focus followed Tab: ${JSON.stringify(spoken)}`);
    assert.ok(new Set(spoken).size >= 3, `Tab moved through different items: ${JSON.stringify(spoken)}`);
  } finally { await b.close(); }
});

// WCAG 1.4.4 and 2.3.3: the text size set in the browser (Settings > Appearance > Font size, here
// "Large", 20 px) is the app's 100%, and a system set to reduce motion gets a caret that does not blink.
test("the browser's text size and its reduced-motion setting are followed", async () => {
  const firstRun = async (profileDir, reduce) => {
    const b = await launch({ viewport: { width: 1366, height: 768 }, profileDir });
    try {
      if (reduce) await (b.context.pages()[0] || await b.context.newPage()).emulateMedia({ reducedMotion: 'reduce' });
      const { page, record } = await openApp(b.context, server);
      const s = await waitState(page, (x) => x.phase === 'first_run');
      const field = await findItem(page, '#staff', { visible: false });
      // Reachable at the larger size too: the form scrolls under the wheel, as a person would.
      const pane = await findItem(page, '#start');
      await page.mouse.move(pane.x + pane.w / 2, pane.y + pane.h / 2);
      for (let i = 0; i < 5; ++i) { await page.mouse.wheel(0, 240); await settle(page); }
      await findItem(page, 'Create workspace');
      assert.deepEqual(record.errors, []);
      return { ...s.appearance, fieldHeight: field.fullH };
    } finally { await b.close(); }
  };
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cp-large-text-'));
  try {
    mkdirSync(path.join(profile, 'Default'));
    writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: 20 } } }));
    const large = await firstRun(profile, true);
    const usual = await firstRun(null, false);
    console.log(`# browser text size: usual ${usual.browserPercent}% (a field ${usual.fieldHeight} px high), large ${large.browserPercent}% (${large.fieldHeight} px)`);
    assert.equal(usual.browserPercent, 100);
    assert.equal(large.browserPercent, 125, 'a 20 px browser text size is 125% of the usual 16 px');
    assert.equal(large.textPercent, 100, "the app's own setting stays 100%: it is relative to the browser's");
    assert.ok(large.fieldHeight > usual.fieldHeight * 1.1, 'the text, and the fields around it, are larger');
    assert.equal(usual.caretBlinks, true);
    assert.equal(large.caretBlinks, false, 'reduced motion: the caret does not blink');
  } finally { rmSync(profile, { recursive: true, force: true }); }
});

// The mirror keeps a table's rows and cells by row number. Rows scrolled out of a long list are let
// go: scrolling 10,000 cases would otherwise keep an element for every row ever shown.
test('the mirror lets go of the rows a scrolled list no longer shows', async () => {
  const b = await launch({ viewport: { width: 1366, height: 520 } });
  try {
    const { page, record } = await openApp(b.context, server);
    const s = await openDemo(page);
    const first = await findItem(page, s.cases.map((c) => c.pupil).sort()[0]);
    await page.mouse.move(first.x + first.w / 2, first.y + first.h / 2);
    for (let i = 0; i < 6; ++i) { await page.mouse.wheel(0, 120); await settle(page); }
    const kept = await page.evaluate(() => {
      const wrappers = [...cpAccess.windows.values()].filter((el) => el.cpFrame !== undefined);
      return { all: wrappers.length, detached: wrappers.filter((el) => !el.isConnected).length,
               rows: document.querySelectorAll('#cp-access [role=row]').length };
    });
    assert.ok(kept.rows > 0, 'the list has rows in the mirror');
    assert.equal(kept.detached, 0, `wrappers of rows no longer shown are kept: ${JSON.stringify(kept)}`);
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

// A list scrolled by the wheel changes the description every frame; the mirror applies a burst at
// most every 100 ms and its last step when it pauses, so what a reader finds is what is drawn.
test('a list scrolled quickly is described when the scrolling pauses, as it then is, not at every step', async () => {
  const b = await launch({ viewport: { width: 1366, height: 520 } });
  try {
    const { page, record } = await openApp(b.context, server);
    const s = await openDemo(page);
    const pupils = s.cases.map((c) => c.pupil);
    const first = await findItem(page, [...pupils].sort()[0]);
    const mirrorSettled = async () => {
      await settle(page);
      await page.waitForFunction(() => !cpAccess.timer && cpAccess.pending === null, null,
        { timeout: limit(5000), polling: 20 });
    };
    await mirrorSettled();
    // Ten notches down and up, each with the frame it draws, as fast as the page draws them.
    const burst = await page.evaluate(async ({ x, y }) => {
      const canvas = document.getElementById('canvas');
      const drawn = () => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
      const a0 = cpAccess.frame, p0 = cpAccess.published || 0, t0 = performance.now();
      for (let i = 0; i < 10; ++i) {
        canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: i % 2 ? -120 : 120, deltaMode: 0, clientX: x, clientY: y,
                                                       bubbles: true, cancelable: true }));
        await drawn();
      }
      return { applied: cpAccess.frame - a0, published: cpAccess.published - p0, ms: performance.now() - t0 };
    }, { x: first.x + first.w / 2, y: first.y + first.h / 2 });
    assert.ok(burst.published >= 10, `each notch changed what the list shows: ${JSON.stringify(burst)}`);
    assert.ok(burst.applied <= Math.floor(burst.ms / 100) + 2, `the mirror was rebuilt at every step: ${JSON.stringify(burst)}`);

    await page.mouse.move(first.x + first.w / 2, first.y + first.h / 2);
    await page.mouse.wheel(0, 240);
    await mirrorSettled();
    const drawn = (await items(page))
      .filter((it) => it.window.startsWith('Case planner/cases_') && pupils.includes(it.label) && it.w > 0 && it.h > 0)
      .map((it) => String(it.id)).sort();
    const mirrored = await page.evaluate((names) => [...document.querySelectorAll('#cp-access [role=row] [data-id]')]
      .filter((el) => names.includes(el.textContent)).map((el) => el.dataset.id).sort(), pupils);
    assert.ok(drawn.length > 0, 'the list shows rows');
    assert.notDeepEqual(drawn, [String(first.id)], 'the list has scrolled');
    assert.deepEqual(mirrored, drawn, 'the mirror has the rows drawn once the list stops');
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});
