// flows.mjs: what a person does in the app, for faults.test.mjs and security.test.mjs (the same
// steps as app.test.mjs): create a workspace, unlock, open a case, record a note, export; and
// reading what the screen says from window.cpTest.state (?test mode), plus the raw IndexedDB.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, click, fieldShows, findItem, isKeyboardOnly, keysTaken, nextFrames, waitForFirstFrame, limit } from './harness.mjs';

export const PASS = 'orchard kettle lantern ribbon';
export const SCHOOL = 'Larkspur Test School';

export async function state(page) { return page.evaluate(() => (window.cpTest && window.cpTest.state) || {}); }

// The page's CSP forbids eval, so the predicate runs here, on states polled from the page.
// The state is published at the end of the frame in which it changed, whose items were drawn
// before the change (a click on a pupil's row: the view is "case", the items still the list's).
// So a state that matches is returned once a frame drawn after it is on screen, or once the app
// has no frame left to draw.
export async function waitState(page, pred, arg, timeout = 45000) {
  const end = Date.now() + limit(timeout);
  let s = {};
  while (Date.now() < end) {
    const seen = await page.evaluate(() => {
      const t = window.cpTest;
      return { s: (t && t.state) || {}, frame: t ? t.frame : 0, pending: !!(t && t.pending) };
    });
    s = seen.s;
    if (s.phase && pred(s, arg)) {
      if (seen.pending) {
        await page.waitForFunction((f) => !self.cpTest.pending || self.cpTest.frame > f, seen.frame,
          { timeout: Math.max(1, end - Date.now()), polling: 20 }).catch(() => {});
      }
      return s;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  await page.screenshot({ path: path.join(os.tmpdir(), 'cp-faults-timeout.png') }).catch(() => {});
  throw new Error(`timed out after ${limit(timeout)} ms waiting for ` + pred.toString() + '; last state: ' + JSON.stringify(s).slice(0, 1500));
}

export const saved = (s) => s.save.dirty === 0 && s.save.inFlight === 0 && s.save.error === '' && s.save.savedAt !== '';

// Types into a field as a person does: presses it, selects what it holds when the typing is to
// replace it, enters the text and waits until the app has taken all of it. The text arrives as an
// on-screen keyboard, a dictation or a password manager gives it, in one input event (one frame);
// with `keys`, key by key at a brisk human pace (one frame a key, which is most of a walkthrough's
// time where the GPU is emulated), for the tests about typing itself. Without a mouse the next
// press is Tab, which leaves the field: first see it show what was typed.
export async function typeInto(page, label, text, { replace = false, keys = false, ...opts } = {}) {
  await click(page, label, opts);
  await nextFrames(page);
  if (replace) await page.keyboard.press('Control+A');
  if (keys) await page.keyboard.type(text, { delay: 10 });
  else await page.keyboard.insertText(text);
  await keysTaken(page);
  if (isKeyboardOnly()) await fieldShows(page, label, /pass|confirm/.test(label) ? '*'.repeat(text.length) : text);
}

// A tab of its own on the app (openApp reuses the context's first page).
export async function openTab(context, server, query = '?test') {
  const page = await context.newPage();
  await page.goto(server.url + query);
  await waitForFirstFrame(page);
  return page;
}

export { openApp };

// The first-run form; the local authority is asked, never assumed (Hammersmith & Fulham here).
export const LA = 'London Borough of Hammersmith & Fulham';
export async function chooseLa(page, la = LA) {
  await click(page, '#la');
  await nextFrames(page, 3);   // the list opens on the frame after the press
  await click(page, la);
  await waitState(page, (s) => !s.firstRun || s.firstRun.la === la);
}

export async function createWorkspace(page, pass = PASS, la = LA) {
  await waitState(page, (s) => s.phase === 'first_run');
  await typeInto(page, '#school', SCHOOL);
  await typeInto(page, '#urn', '912345');
  await chooseLa(page, la);
  await typeInto(page, '#staff', 'Ms Test Lead');
  await typeInto(page, '#passphrase', pass);
  await typeInto(page, '#confirm', pass);
  await click(page, 'I understand a forgotten passphrase cannot be recovered');
  await click(page, 'Create workspace');
  return waitState(page, (s) => s.phase === 'open');
}

export async function unlock(page, pass = PASS) {
  await waitState(page, (s) => s.phase === 'locked');
  await typeInto(page, '#unlockpass', pass);
  await click(page, 'Unlock');
  return waitState(page, (s) => s.phase === 'open');
}

// The new-case wizard: protocol and kind, the screening questions left unticked, the pupil.
export async function newCase(page, pupil) {
  await click(page, 'New case');
  await click(page, '#protocol');
  await nextFrames(page, 3);
  await click(page, 'Worcestershire County Council');
  await nextFrames(page, 2);
  await click(page, '#kind');
  await nextFrames(page, 3);   // the list opens on the frame after the press
  await click(page, 'off-site direction');
  await nextFrames(page, 2);
  await click(page, 'Next');
  await findItem(page, 'The pupil has an EHCP');
  await click(page, 'Next');
  await typeInto(page, '#pupil_name', pupil);
  await click(page, 'Create case');
  return waitState(page, (s, p) => s.view === 'case' && s.cases.some((c) => c.pupil === p), pupil);
}

// Records a note on the open case; returns once the click on Record has been made (the save
// may still be in flight).
export async function recordNote(page, text) {
  await click(page, 'Record details, views, consents and notes');
  await findItem(page, '#way');
  await typeInto(page, '#text', text);
  await click(page, 'Record');
}

export const eventsOf = (s, pupil) => (s.cases.find((c) => c.pupil === pupil) || { events: 0 }).events;

// File > Export… with a passphrase; resolves the downloaded file's path.
export async function exportFile(page, pass) {
  await click(page, 'File');
  await click(page, 'Export…');
  await typeInto(page, '#passphrase', pass);
  await typeInto(page, '#confirm', pass);
  const download = page.waitForEvent('download', { timeout: limit(60000) });
  await click(page, 'Export file');
  return (await download).path();
}

// Every record of the app's IndexedDB store as { key, bytes: number[] }, read from the page.
export async function dumpRecords(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('caseplan');
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('records', 'readonly');
      const all = tx.objectStore('records').getAll();
      const keys = tx.objectStore('records').getAllKeys();
      tx.oncomplete = () => {
        resolve(keys.result.map((k, i) => ({ key: k, bytes: Array.from(all.result[i].v) })));
        db.close();
      };
    };
    req.onerror = () => reject(req.error);
  }));
}

// A profile with a workspace in it, made once per test file and copied for each test, so every
// test does not pay for typing a new workspace: two cases, "Robin Seedcase" (opened and one
// note: 2 events) and "Jo Seedcase" (1 event). The service worker has taken control, as after
// any first visit. Origin-bound: only valid with the same server (port) that made it.
export const SEED = { robin: 'Robin Seedcase', jo: 'Jo Seedcase' };

export async function makeSeedProfile(server, launch) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cp-seed-'));
  const b = await launch({ profileDir: dir });
  try {
    const { page } = await openApp(b.context, server);
    await createWorkspace(page);
    await newCase(page, SEED.robin);
    await recordNote(page, 'Seed note');
    await waitState(page, (s) => eventsOf(s, SEED.robin) === 2 && saved(s));
    await click(page, '< All cases');
    await waitState(page, (s) => s.view === 'dashboard');
    await newCase(page, SEED.jo);
    const s = await waitState(page, (s) => s.cases.length === 2 && saved(s));
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: limit(30000) });
    return { dir, cases: s.cases.map((c) => ({ id: c.id, pupil: c.pupil, events: c.events })) };
  } finally { await b.close(); }
}

export function copyProfile(seedDir, tag) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `cp-${tag}-`));
  cpSync(seedDir, dir, { recursive: true, filter: (src) => !path.basename(src).startsWith('Singleton') });
  return dir;
}

export function removeDir(dir) { try { rmSync(dir, { recursive: true, force: true, maxRetries: 5 }); } catch { /* still flushing */ } }
