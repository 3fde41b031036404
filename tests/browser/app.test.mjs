// The case planner end to end in real Chromium: first run, the encrypted workspace in real
// IndexedDB, unlock after a reload and a browser restart, wrong passphrase, the training demo,
// recording through the engine, undo, and export/import between two browser profiles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, openApp, click, findItem, hasItem, nextFrames, waitForFirstFrame, limit, pickFile } from './harness.mjs';
import { PASS, state, waitState, typeInto, newCase, chooseLa } from './flows.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server && server.stop());

// The same steps as flows.mjs: one password, the state read from window.cpTest. The first-run form
// is typed key by key at a brisk human pace (machine-speed bursts into a password field once lost
// characters); elsewhere text arrives in one input event, as from an on-screen keyboard.
// "Choose file…" opens the browser's chooser; the test answers it as a person picks the file.
async function chooseFile(page, file) {
  await pickFile(page, file, () => click(page, 'Choose file…'));
}

async function createWorkspace(page) {
  await typeInto(page, '#school', 'Larkspur Test School', { keys: true });
  await typeInto(page, '#urn', '912345', { keys: true });
  await chooseLa(page);
  await typeInto(page, '#staff', 'Ms Test Lead', { keys: true });
  await typeInto(page, '#passphrase', PASS, { keys: true });
  await typeInto(page, '#confirm', PASS, { keys: true });
  await click(page, 'I understand a forgotten passphrase cannot be recovered');
  await click(page, 'Create workspace');
  await waitState(page, (s) => s.phase === 'open');
}

// The new-case wizard: protocol and kind, screening questions, then the pupil.
async function recordNote(page, text) {
  await click(page, 'Record details, views, consents and notes');
  await findItem(page, '#way');   // Note is the first way offered, so it is already chosen
  await typeInto(page, '#text', text);
  await click(page, 'Record');
}

// A workspace with one case and a note, exported as a backup under `phrase`: the file's path.
async function caseExported(page, pupil, phrase) {
  await waitState(page, (s) => s.phase === 'first_run');
  await createWorkspace(page);
  await newCase(page, pupil);
  await recordNote(page, 'Week one went well');
  await waitState(page, (s) => s.cases[0].events === 2 && s.save.dirty === 0);
  await click(page, 'File');
  await click(page, 'Export…');
  await typeInto(page, '#passphrase', phrase);
  await typeInto(page, '#confirm', phrase);
  const download = page.waitForEvent('download');
  await click(page, 'Export file');
  return (await download).path();
}

test('a new workspace is stored encrypted, survives a browser restart and opens only with its passphrase', async () => {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cp-app-'));
  try {
    let b = await launch({ profileDir: profile });
    let { page, record } = await openApp(b.context, server);
    await waitState(page, (s) => s.phase === 'first_run');
    await createWorkspace(page);
    await newCase(page, 'Robin Testpupil');
    await recordNote(page, 'Phoned parent about the move');
    let s = await waitState(page, (s) => s.cases[0].events === 2 && s.save.dirty === 0 && s.save.inFlight === 0 && s.save.savedAt !== '');
    assert.equal(s.save.error, '');
    // The stored bytes hold neither the pupil's name, the school's name, the note nor the passphrase.
    const dump = await page.evaluate(() => new Promise((resolve, reject) => {
      const req = indexedDB.open('caseplan');
      req.onsuccess = () => {
        const tx = req.result.transaction('records', 'readonly');
        const all = tx.objectStore('records').getAll();
        const keys = tx.objectStore('records').getAllKeys();
        tx.oncomplete = () => {
          const text = all.result.map((r) => new TextDecoder('latin1').decode(r.v)).join('\n');
          resolve({ keys: keys.result, text });
          req.result.close();
        };
      };
      req.onerror = () => reject(req.error);
    }));
    assert.ok(dump.keys.includes('meta/lock') && dump.keys.some((k) => k.startsWith('case/')), 'lock and case records stored');
    for (const secret of ['Robin Testpupil', 'Larkspur Test School', 'Phoned parent', PASS])
      assert.ok(!dump.text.includes(secret), `stored bytes must not contain "${secret}"`);
    const ls = await page.evaluate(() => JSON.stringify(localStorage));
    assert.ok(!ls.includes(PASS));
    assert.deepEqual(record.errors, []);
    await b.close();

    b = await launch({ profileDir: profile });
    ({ page } = await openApp(b.context, server));
    await waitState(page, (s) => s.phase === 'locked');
    // The passphrase field has the keyboard as the screen appears: type, Enter, no click.
    await findItem(page, '#unlockpass');
    await nextFrames(page, 2);
    await page.keyboard.type('wrong words entirely here', { delay: 12 });
    await page.keyboard.press('Enter');
    s = await waitState(page, (s) => s.phase === 'locked' && s.message !== '');
    assert.match(s.message, /does not open this workspace/);
    await typeInto(page, '#unlockpass', PASS);
    await click(page, 'Unlock');
    s = await waitState(page, (s) => s.phase === 'open');
    assert.equal(s.cases.length, 1);
    assert.equal(s.cases[0].pupil, 'Robin Testpupil');
    assert.equal(s.cases[0].events, 2, 'the note recorded before the restart is there');
    assert.deepEqual(s.damaged, []);
    // Lock now wipes the open workspace and asks again.
    await click(page, 'File');
    await click(page, 'Lock now');
    s = await waitState(page, (s) => s.phase === 'locked');
    assert.equal(s.cases.length, 0);
    await b.close();
  } finally { try { rmSync(profile, { recursive: true, force: true, maxRetries: 5 }); } catch { /* Chromium may still be flushing */ } }
});

test('undo withdraws the last entry with a compensating event and the plan is as before; an open form asks before the tab closes', async () => {
  const b = await launch();
  try {
    const { page } = await openApp(b.context, server);
    await waitState(page, (s) => s.phase === 'first_run');
    await createWorkspace(page);
    const before = await newCase(page, 'Sam Undotest');
    const allowedBefore = before.cases[0].allowed;
    await recordNote(page, 'A note to undo');
    let s = await waitState(page, (s) => s.cases[0].events === 2 && s.undo !== '');
    await page.keyboard.press('Control+Z');
    s = await waitState(page, (s) => s.cases[0].events === 3 && s.undo === '');
    assert.deepEqual(s.cases[0].allowed, allowedBefore);
    await click(page, 'History');
    await findItem(page, 'History');
    // Unsaved-changes protection: with a form open, closing the tab asks first; staying keeps it.
    await click(page, 'Plan');
    await click(page, 'Record details, views, consents and notes');
    await findItem(page, '#way');
    await typeInto(page, '#text', 'Half-written note');
    const asked = new Promise((resolve) => page.once('dialog', async (d) => { const t = d.type(); await d.dismiss(); resolve(t); }));
    await page.close({ runBeforeUnload: true });
    assert.equal(await Promise.race([asked, new Promise((r) => setTimeout(() => r('no prompt'), limit(5000)))]), 'beforeunload');
    assert.equal(page.isClosed(), false, 'the tab stays open when the user stays');
    await findItem(page, 'Record');   // the form and what was typed are still there
    await click(page, 'Cancel');
    await click(page, 'Discard', { window: 'Discard?' });   // typed work is thrown away only when asked
    await waitState(page, (s) => s.save.dirty === 0 && s.save.inFlight === 0);
    await nextFrames(page, 2);
    let promptedAgain = false;
    page.once('dialog', async (d) => { promptedAgain = true; await d.dismiss(); });
    await page.close({ runBeforeUnload: true });
    if (!page.isClosed()) await page.waitForEvent('close', { timeout: limit(5000) });
    assert.equal(promptedAgain, false, 'nothing pending: the tab closes without asking');
  } finally { await b.close(); }
});

test('the training demo opens in one click, is marked DEMO, is never stored, and one click leaves it', async () => {
  const b = await launch();
  try {
    const { page, record } = await openApp(b.context, server);
    await waitState(page, (s) => s.phase === 'first_run');
    await click(page, 'Open the training demo');
    let s = await waitState(page, (s) => s.phase === 'open' && s.demo);
    assert.equal(s.today, '2026-11-20');
    assert.ok(s.cases.length >= 6);
    assert.ok(s.cases.every((c) => c.pupil.includes('(fictional)')));
    await findItem(page, 'Leave the demo');
    await click(page, s.cases[0].pupil);
    await waitState(page, (s) => s.view === 'case');
    await findItem(page, 'Plan');
    const stored = await page.evaluate(() => new Promise((resolve) => {
      const req = indexedDB.open('caseplan');
      req.onsuccess = () => { const c = req.result.transaction('records').objectStore('records').count(); c.onsuccess = () => resolve(c.result); };
    }));
    assert.equal(stored, 0, 'nothing of the demo is stored');
    await click(page, 'Leave the demo');
    s = await waitState(page, (s) => s.phase === 'first_run' && !s.demo);
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

test('a case package exported by one school imports into another browser, with a preview, and a re-import adds nothing', async () => {
  const a = await launch();
  const bb = await launch();
  try {
    const { page } = await openApp(a.context, server);
    const file = await caseExported(page, 'Alex Exporttest', 'second courier phrase here');
    const bytes = readFileSync(file, 'utf8');
    const env = JSON.parse(bytes);
    assert.equal(env.format, 'caseplan-export');
    assert.ok(!bytes.includes('Alex Exporttest'));
    const s1 = await waitState(page, (s) => s.daysSinceExport === 0);
    assert.equal(s1.daysSinceExport, 0, 'a backup export resets the reminder');

    const other = (await openApp(bb.context, server)).page;
    await waitState(other, (s) => s.phase === 'first_run');
    await click(other, 'Open the training demo');
    await waitState(other, (s) => s.phase === 'open');
    const importOnce = async () => {
      await click(other, 'File');
      await click(other, 'Import…');
      await chooseFile(other, file);
      await waitState(other, (s) => s.import.step === 'need_passphrase');
      await typeInto(other, '#importpass', 'not the passphrase');
      await click(other, 'Open file');
      let s = await waitState(other, (s) => s.import.step === 'need_passphrase' && s.import.error !== '');
      assert.match(s.import.error, /passphrase/i);
      await typeInto(other, '#importpass', 'second courier phrase here');
      await click(other, 'Open file');
      return waitState(other, (s) => s.import.step === 'preview');
    };
    let s = await importOnce();
    assert.equal(s.import.newCases, 1);
    assert.equal(s.import.newEvents, 2);
    const before = s.cases.length;
    await click(other, 'Merge into this workspace');
    s = await waitState(other, (s) => s.import.step === 'done');
    assert.equal(s.cases.length, before + 1);
    assert.ok(s.cases.some((c) => c.pupil === 'Alex Exporttest' && c.events === 2));
    await click(other, 'Close');
    s = await importOnce();
    assert.equal(s.import.newCases, 0);
    assert.equal(s.import.newEvents, 0);
  } finally { await a.close(); await bb.close(); }
});

// Issue 13 item 10: a new computer restores a backup from the first screen, without setting up an
// empty workspace first; the restored workspace is the school's (its name, its cases and history)
// and opens with the passphrase chosen while restoring. A case package cannot be restored.
test('a fresh browser restores a backup from the first screen, under a passphrase chosen then', async () => {
  const a = await launch();
  const bb = await launch();
  try {
    const { page } = await openApp(a.context, server);
    const file = await caseExported(page, 'Robin Restoretest', 'backup courier phrase here');

    const other = (await openApp(bb.context, server)).page;
    await waitState(other, (s) => s.phase === 'first_run');
    await click(other, 'Restore from a backup file…');
    await chooseFile(other, file);
    await waitState(other, (s) => s.import.step === 'need_passphrase');
    await typeInto(other, '#importpass', 'backup courier phrase here');
    await click(other, 'Open file');
    let s = await waitState(other, (s) => s.import.step === 'preview');
    assert.equal(s.import.newCases, 1);
    // The dialog's own fields (the set-up form's are behind it).
    await typeInto(other, '#passphrase', 'new computer garden phrase', { window: 'Import/' });
    await typeInto(other, '#confirm', 'new computer garden phrase', { window: 'Import/' });
    await click(other, 'Restore workspace');
    s = await waitState(other, (s) => s.phase === 'open');
    assert.ok(s.cases.some((c) => c.pupil === 'Robin Restoretest' && c.events === 2), JSON.stringify(s.cases));
    await waitState(other, (s) => s.save.dirty === 0 && s.save.inFlight === 0);
    // Stored under the new passphrase: lock, and the old file's passphrase does not open it.
    await click(other, 'File');
    await click(other, 'Lock now');
    await waitState(other, (s) => s.phase === 'locked');
    await typeInto(other, '#unlockpass', 'new computer garden phrase');
    await click(other, 'Unlock');
    s = await waitState(other, (s) => s.phase === 'open');
    assert.ok(s.cases.some((c) => c.pupil === 'Robin Restoretest'));
  } finally { await a.close(); await bb.close(); }
});

test('a damaged file is refused with its own message and nothing changes', async () => {
  const b = await launch();
  try {
    const { page } = await openApp(b.context, server);
    await waitState(page, (s) => s.phase === 'first_run');
    await click(page, 'Open the training demo');
    const s0 = await waitState(page, (s) => s.phase === 'open');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cp-bad-'));
    const bad = path.join(dir, 'not-an-export.json');
    (await import('node:fs')).writeFileSync(bad, '{"hello": "world"}');
    await click(page, 'File');
    await click(page, 'Import…');
    await chooseFile(page, bad);
    const s = await waitState(page, (s) => s.import.step === 'failed');
    assert.match(s.import.error, /not a case planner export|export/i);
    assert.equal(s.cases.length, s0.cases.length);
    rmSync(dir, { recursive: true, force: true });
  } finally { await b.close(); }
});
