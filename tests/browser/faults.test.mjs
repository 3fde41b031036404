// Faults in real Chromium: the browser killed mid-save, a full storage quota, two tabs handing
// the writer role back and forth, a corrupted record, and working offline (web/sw.js). Each test
// drives the real UI on a copy of one seeded profile (flows.mjs) and checks what the app said was
// saved against what is stored afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { startServer, launch, openApp, click, findItem, hasItem, waitForFirstFrame, limit, pickFile } from './harness.mjs';
import {
  SEED, state, waitState, saved, openTab, unlock, recordNote, eventsOf, exportFile, dumpRecords,
  makeSeedProfile, copyProfile, removeDir, typeInto,
} from './flows.mjs';

let server, seed;
before(async () => {
  server = await startServer();
  seed = await makeSeedProfile(server, launch);
});
after(() => { if (server) server.stop(); if (seed) removeDir(seed.dir); });

// A browser on a copy of the seed profile, the app open and unlocked (or just open: unlocked false).
async function seeded(tag, { unlocked = true } = {}) {
  const dir = copyProfile(seed.dir, tag);
  const b = await launch({ profileDir: dir });
  const { page, record } = await openApp(b.context, server);
  const s = unlocked ? await unlock(page) : await waitState(page, (s) => s.phase === 'locked');
  return { dir, b, page, record, s, close: async () => { await b.close().catch(() => {}); removeDir(dir); } };
}

async function openCase(page, pupil) {
  if ((await state(page)).view === 'case') {
    await click(page, '< All cases');
    await waitState(page, (s) => s.view === 'dashboard');
  }
  await click(page, pupil);
  return waitState(page, (s, p) => s.view === 'case' && s.caseId === (s.cases.find((c) => c.pupil === p) || {}).id, pupil);
}

// The pids of the Chromium processes using this profile: the browser itself (no --type=) first.
function chromiumProcesses(profileDir) {
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let args;
    try { args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0'); } catch { continue; }
    if (!args.some((a) => a === `--user-data-dir=${profileDir}`)) continue;
    found.push({ pid: Number(name), browser: !args.some((a) => a.startsWith('--type=')) });
  }
  return found.sort((a, b) => Number(b.browser) - Number(a.browser));
}

async function waitUntil(pred, what, timeout = 20000) {
  const end = Date.now() + limit(timeout);
  while (Date.now() < end) {
    if (await pred()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting until ' + what);
}

test('the browser killed (SIGKILL) in a stream of saves loses nothing it acknowledged as saved', async () => {
  const t = await seeded('kill');
  let relaunched = null;
  try {
    const { page, b, dir } = t;
    // Watches the screen all along: the highest event count per pupil shown with "Saved".
    const acked = new Map();
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const s = await state(page).catch(() => null);
        if (!s) break;
        if (s.phase === 'open' && saved(s))
          for (const c of s.cases) acked.set(c.pupil, Math.max(acked.get(c.pupil) || 0, c.events));
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    await openCase(page, SEED.robin);
    await recordNote(page, 'Crash note');
    await waitState(page, (s) => eventsOf(s, SEED.robin) === 3 && saved(s));
    // The next note, on the other case: kill the browser the moment the app has it, its write
    // just started.
    await openCase(page, SEED.jo);
    await recordNote(page, 'The note in flight');
    await waitState(page, (s) => eventsOf(s, SEED.jo) === 2, null, 15000);
    const procs = chromiumProcesses(dir);
    assert.ok(procs.length && procs[0].browser, 'the browser process of the profile was found');
    const closed = new Promise((r) => b.context.once('close', r));
    process.kill(procs[0].pid, 'SIGKILL');
    await closed;
    watching = false;
    await watcher;
    // Chromium's helpers go once their browser has; the profile is then free to relaunch.
    await waitUntil(() => chromiumProcesses(dir).length === 0, 'every process of the killed browser has exited');
    assert.ok(acked.get(SEED.robin) >= 3 && acked.get(SEED.jo) >= 1, 'saves were acknowledged before the kill: ' + JSON.stringify([...acked]));

    relaunched = await launch({ profileDir: dir });
    const p2 = (await openApp(relaunched.context, server)).page;
    const s = await unlock(p2);
    assert.deepEqual(s.damaged, [], 'no record is damaged');
    assert.equal(s.cases.length, 2);
    for (const [pupil, events] of acked) {
      const now = eventsOf(s, pupil);
      assert.ok(now >= events, `${pupil}: ${events} events were acknowledged as saved, ${now} are stored`);
    }
    assert.equal(eventsOf(s, SEED.robin), 3);
    const jo = eventsOf(s, SEED.jo);
    assert.ok(jo === 1 || jo === 2, 'the write in flight is there whole or not at all');
  } finally {
    if (relaunched) await relaunched.close().catch(() => {});
    await t.close();
  }
});

test('a full storage quota: a clear message, nothing stored damaged, and the user can still export', async () => {
  const t = await seeded('quota');
  try {
    const { page, b } = t;
    const before = await dumpRecords(page);
    const cdp = await b.context.newCDPSession(page);
    const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin: server.origin });
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.origin, quotaSize: usage });

    await openCase(page, SEED.robin);
    await recordNote(page, 'Written when the disk was full');
    let s = await waitState(page, (s) => s.save.error !== '' && s.save.inFlight === 0);
    assert.equal(s.save.quota, true, 'the failure is reported as a full quota');
    assert.match(s.save.error, /storage .*is full/);
    assert.match(s.save.error, /Export a backup now/);
    assert.equal(s.save.dirty, 1, 'the change is kept in memory, not saved');
    assert.equal(eventsOf(s, SEED.robin), 3, 'and still on screen');

    // Export works with the disk full, and holds the change that could not be saved.
    const file = await exportFile(page, 'courier phrase for the backup');
    const env = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(env.format, 'caseplan-export');
    s = await waitState(page, (s) => /^Saved caseplan-backup-/.test(s.export));

    assert.deepEqual(await dumpRecords(page), before, 'not one stored byte changed while the quota was full');
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.origin });   // quota back to normal
    await page.reload();
    await waitForFirstFrame(page);
    s = await unlock(page);
    assert.deepEqual(s.damaged, []);
    assert.deepEqual(s.cases.map((c) => [c.pupil, c.events]).sort(), seed.cases.map((c) => [c.pupil, c.events]).sort(),
      'every case stored before the quota ran out is intact');

    // The backup made while the disk was full brings the unsaved note back.
    await click(page, 'File');
    await click(page, 'Import…');
    await pickFile(page, file, () => click(page, 'Choose file…'));
    await waitState(page, (s) => s.import.step === 'need_passphrase');
    await typeInto(page, '#importpass', 'courier phrase for the backup');
    await click(page, 'Open file');
    s = await waitState(page, (s) => s.import.step === 'preview');
    assert.equal(s.import.newEvents, 1, 'the export made with a full disk holds the note that could not be saved');
    await click(page, 'Merge into this workspace');
    s = await waitState(page, (s) => s.import.step === 'done' && eventsOf(s, SEED.robin) === 3 && saved(s));
  } finally { await t.close(); }
});

test('two tabs: the second is read-only with a banner, "Use this tab instead" hands over, and no write is lost', async () => {
  const t = await seeded('tabs');
  try {
    const a = t.page;
    assert.equal(t.s.readOnly, false, 'the first tab is the writer');
    await openCase(a, SEED.robin);
    await recordNote(a, 'From tab A, first');
    await waitState(a, (s) => eventsOf(s, SEED.robin) === 3 && saved(s));

    const bTab = await openTab(t.b.context, server);
    let sb = await unlock(bTab);
    assert.equal(sb.readOnly, true, 'the second tab opens read-only');
    assert.equal(eventsOf(sb, SEED.robin), 3, 'and sees what the first saved');
    await findItem(bTab, 'Use this tab instead');
    assert.ok(await hasItem(bTab, 'Use this tab instead'), 'with the read-only banner and its button');

    await bTab.bringToFront();
    await click(bTab, 'Use this tab instead');
    sb = await waitState(bTab, (s) => !s.readOnly);
    let sa = await waitState(a, (s) => s.readOnly);
    assert.match(sa.message, /another tab/, 'the first tab says why it is read-only now');
    await openCase(bTab, SEED.robin);
    await recordNote(bTab, 'From tab B');
    await waitState(bTab, (s) => eventsOf(s, SEED.robin) === 4 && saved(s));

    // And back: tab A takes over again, reads what B wrote, and writes on top of it.
    await a.bringToFront();
    await click(a, 'Use this tab instead');
    sa = await waitState(a, (s) => !s.readOnly && eventsOf(s, SEED.robin) === 4);
    await waitState(bTab, (s) => s.readOnly);
    await recordNote(a, 'From tab A, after taking back');
    await waitState(a, (s) => eventsOf(s, SEED.robin) === 5 && saved(s));
    await bTab.close();

    await a.reload();
    await waitForFirstFrame(a);
    const s = await unlock(a);
    assert.equal(eventsOf(s, SEED.robin), 5, 'the seed\'s 2 events and all three notes, from both tabs, are stored');
    assert.equal(eventsOf(s, SEED.jo), 1);
    assert.deepEqual(s.damaged, []);
  } finally { await t.close(); }
});

// Changes one stored record under the running app: 'flip' one byte inside it, or 'delete' it.
function tamper(page, key, how) {
  return page.evaluate(({ key, how }) => new Promise((resolve, reject) => {
    const req = indexedDB.open('caseplan');
    req.onsuccess = () => {
      const tx = req.result.transaction('records', 'readwrite');
      const store = tx.objectStore('records');
      if (how === 'delete') store.delete(key);
      else store.get(key).onsuccess = (e) => {
        const v = new Uint8Array(e.target.result.v);
        v[Math.floor(v.length / 2)] ^= 0x20;
        store.put({ v }, key);
      };
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onabort = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  }), { key, how });
}

// Robin's record changed before unlocking: reported by name, the rest opens and works, and the
// record is left as it was (never rewritten or removed by the app).
async function damagedAtUnlock(tag, how, reason) {
  const t = await seeded(tag, { unlocked: false });
  try {
    const { page } = t;
    const robin = seed.cases.find((c) => c.pupil === SEED.robin);
    const key = 'case/' + robin.id;
    await tamper(page, key, how);
    const stored = (await dumpRecords(page)).find((r) => r.key === key);
    assert.equal(Boolean(stored), how !== 'delete', 'the record is changed as intended');

    const s = await unlock(page);
    assert.equal(s.damaged.length, 1, 'one damaged record is reported');
    assert.equal(s.damaged[0].case, robin.id);
    assert.equal(s.damaged[0].pupil, SEED.robin, 'by the pupil\'s name, from the case index');
    assert.match(s.damaged[0].reason, reason);
    assert.deepEqual(s.cases.map((c) => c.pupil), [SEED.jo], 'the rest of the workspace opened');
    await click(page, SEED.jo);   // and works
    await waitState(page, (s) => s.view === 'case');
    assert.deepEqual((await dumpRecords(page)).find((r) => r.key === key), stored, 'the record is left as it was');
  } finally { await t.close(); }
}

test('a corrupted case record is detected at unlock, named on screen, and the rest opens', () =>
  damagedAtUnlock('corrupt', 'flip', /changed or damaged/));

test('a deleted case record is noticed at unlock through the case index, named on screen, and the rest opens', () =>
  damagedAtUnlock('deleted', 'delete', /missing/));

// While the passphrase is typed, the engine's paths run over the fictional demo cases (app/warmup.h).
// They must stay in memory: the store is exactly as it was, and the passphrase opens the real cases.
test('the warm-up on the locked screen stores nothing, and the passphrase opens the workspace as stored', async () => {
  const t = await seeded('warmup', { unlocked: false });
  try {
    const { page } = t;
    const stored = await dumpRecords(page);
    const w = (await waitState(page, (s) => s.warmUp.planned > 0 && s.warmUp.done === s.warmUp.planned)).warmUp;
    assert.ok(w.done >= 6, `the demo cases were opened and planned (${w.done} steps)`);
    assert.equal((await state(page)).phase, 'locked', 'still waiting for the passphrase');
    assert.deepEqual(await dumpRecords(page), stored, 'every stored record is as it was');
    const s = await unlock(page);
    assert.deepEqual(s.cases.map((c) => c.pupil).sort(), [SEED.jo, SEED.robin].sort(), 'the seeded cases, and no demo case');
    assert.equal(s.demo, false);
  } finally { await t.close(); }
});

// Last in this file: it stops the server, as a lost network would.
test('offline: after the first visit the app reloads, unlocks, saves and exports with no server at all', async () => {
  const t = await seeded('offline');
  try {
    const { page, b, record } = t;
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: limit(30000) });
    await b.context.setOffline(true);
    server.stop();
    await waitUntil(async () => {
      try { await fetch(server.url); return false; } catch { return true; }
    }, 'the server has stopped');
    const fromNet = record.requests.length;
    const res = await page.reload();
    assert.ok(res.fromServiceWorker(), 'the page came from the service worker\'s copy');
    assert.match(res.headers()['content-security-policy'] || '', /default-src 'self'/, 'with its Content-Security-Policy');
    await waitForFirstFrame(page);
    let s = await unlock(page);   // the key derivation worker loads from the copy too
    assert.equal(s.cases.length, 2);
    await openCase(page, SEED.jo);
    await recordNote(page, 'Written offline');
    s = await waitState(page, (s) => eventsOf(s, SEED.jo) === 2 && saved(s));
    const file = await exportFile(page, 'offline courier phrase');
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).format, 'caseplan-export');
    assert.ok(record.requests.slice(fromNet).every((u) => u.startsWith(server.origin + '/') || u.startsWith('blob:')),
      'nothing was asked of any other origin');
  } finally { await t.close(); }
});
