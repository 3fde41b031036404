// The local store (web/store.js, window.cpStore) in a real Chromium with real IndexedDB: durable
// writes, reloads and relaunches, one writer among tabs, take-over, a newer database, a full
// quota, ordered loading with progress; and the C++ side (storage_web.cpp) through its ?test probe.
// The app opens the store itself as it starts, so the tests' records live under "t/" and only
// those are compared: whatever the app stores of its own does not matter here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, waitForFirstFrame, limit } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server && server.stop());

// A new tab on the app, started as a person would open it.
async function openPage(context, { query = '?test', before = null } = {}) {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error: ' + e));
  if (before) await before(page);
  await page.goto(server.url + query);
  await waitForFirstFrame(page);
  return page;
}

const open = (page) => page.evaluate(() => cpStore.open());

// Resolves with cpStore's answer, or { rejected } with its rejection.
function write(page, puts, deletes = []) {
  return page.evaluate(({ puts, deletes }) => cpStore.open()
    .then(() => cpStore.write(puts.map((p) => ({ key: p.key, value: new Uint8Array(p.value) })), deletes))
    .then((r) => r, (e) => ({ rejected: e })), { puts, deletes });
}

// The test's records ("t/…"), in the order loadAll gave them.
async function readAll(page) {
  return page.evaluate(async () => {
    await cpStore.open();
    const out = [];
    await cpStore.loadAll((batch) => {
      for (const r of batch) if (r.key.startsWith('t/')) out.push({ key: r.key, value: Array.from(r.value) });
    });
    return out;
  });
}

async function keysOf(page) {
  return page.evaluate(async () => {
    await cpStore.open();
    const out = [];
    await cpStore.loadAll((batch) => { for (const r of batch) if (r.key.startsWith('t/')) out.push(r.key); });
    return out;
  });
}

function records(prefix, n) {
  return Array.from({ length: n }, (_, i) => ({ key: `t/${prefix}/${String(i).padStart(3, '0')}`, value: [i % 256, 7, 0, 255] }));
}

// The store is tested on IndexedDB on disk, as a school's browser keeps it (a browser of its own).
async function withBrowser(fn, options = { own: true }) {
  const b = await launch(options);
  try { return await fn(b.context); } finally { await b.close(); }
}

test('a write answers only after its transaction completed, durably, and another tab reads it', () => withBrowser(async (context) => {
  const a = await openPage(context);
  assert.equal((await open(a)).status, 'ok');
  const log = await a.evaluate(async () => {
    // Watches the store's own transaction: its options, and when it completes.
    const events = [];
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (names, mode, options) {
      const tx = original.call(this, names, mode, options);
      if (mode === 'readwrite') {
        events.push('durability:' + tx.durability);
        tx.addEventListener('complete', () => events.push('complete'));
      }
      return tx;
    };
    try {
      const puts = Array.from({ length: 300 }, (_, i) => ({ key: 't/k/' + i, value: new Uint8Array(2000).fill(i % 256) }));
      await cpStore.write(puts, []);
      events.push('resolved');
    } finally { IDBDatabase.prototype.transaction = original; }
    return events;
  });
  assert.deepEqual(log, ['durability:strict', 'complete', 'resolved']);
  const b = await openPage(context);
  const seen = await readAll(b);
  assert.equal(seen.length, 300, 'the second tab reads every record');
  assert.deepEqual(seen.find((r) => r.key === 't/k/299').value.slice(0, 3), [299 % 256, 299 % 256, 299 % 256]);
}));

test('records survive a reload and a browser relaunch with the same profile', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cp-store-profile-'));
  try {
    const puts = records('case', 5);
    await withBrowser(async (context) => {
      const page = await openPage(context);
      assert.deepEqual(await write(page, puts, []), { status: 'ok' });
      await page.reload();
      await waitForFirstFrame(page);
      assert.deepEqual(await readAll(page), puts, 'after a reload');
    }, { profileDir: dir });
    await withBrowser(async (context) => {
      const page = await openPage(context);
      assert.deepEqual(await readAll(page), puts, 'after closing and relaunching the browser');
      assert.deepEqual(await write(page, [], ['t/case/002']), { status: 'ok' });
    }, { profileDir: dir });
    await withBrowser(async (context) => {
      const page = await openPage(context);
      assert.deepEqual(await keysOf(page), ['t/case/000', 't/case/001', 't/case/003', 't/case/004'],
        'a delete lasts too');
    }, { profileDir: dir });
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('a second tab is read-only: its write is refused and nothing is written', () => withBrowser(async (context) => {
  const a = await openPage(context);
  const b = await openPage(context);
  const infoA = await open(a);
  const infoB = await open(b);
  assert.equal(infoA.writer, true, 'the first tab is the writer');
  assert.equal(infoB.writer, false, 'the second tab is not');
  assert.equal(infoB.status, 'ok');
  assert.deepEqual(await write(a, records('a', 2)), { status: 'ok' });
  const refused = await write(b, [{ key: 't/b/000', value: [1] }], ['t/a/000']);
  assert.equal(refused.rejected && refused.rejected.status, 'read_only');
  assert.deepEqual(await keysOf(a), ['t/a/000', 't/a/001'], 'neither the put nor the delete happened');
}));

test('take-over moves the writer role: the old writer is told and its writes are refused', () => withBrowser(async (context) => {
  const a = await openPage(context);
  const b = await openPage(context);
  assert.equal((await open(a)).writer, true);
  assert.equal((await open(b)).writer, false);
  await a.evaluate(() => { window.lost = 0; cpStore.onLostWriter(() => { window.lost += 1; }); });
  // A large write in flight in the old writer: take-over must wait for it, and it is all or nothing.
  await a.evaluate(() => {
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (names, mode, options) {
      const tx = original.call(this, names, mode, options);
      if (mode === 'readwrite') tx.addEventListener('complete', () => { window.committedAt = Date.now(); });
      return tx;
    };
    const puts = Array.from({ length: 2000 }, (_, i) => ({ key: 't/bulk/' + String(i).padStart(4, '0'), value: new Uint8Array(1024).fill(1) }));
    window.bulk = cpStore.write(puts, []).then((r) => ({ status: r.status, at: window.committedAt }), (e) => ({ status: e.status }));
  });
  const taken = await b.evaluate(() => cpStore.takeOver().then((r) => ({ ...r, at: Date.now() })));
  assert.equal(taken.status, 'ok');
  assert.equal(taken.writer, true);
  const bulkAfterTakeOver = (await keysOf(b)).filter((k) => k.startsWith('t/bulk/')).length;
  const bulk = await a.evaluate(() => window.bulk);
  if (bulk.status === 'ok') {
    assert.equal(bulkAfterTakeOver, 2000);
    assert.ok(bulk.at <= taken.at, 'the old writer\'s write in flight committed before take-over answered');
  } else {
    assert.deepEqual([bulk.status, bulkAfterTakeOver], ['read_only', 0], 'refused as a whole');
  }

  await a.waitForFunction(() => window.lost === 1, null, { timeout: limit(5000) });
  assert.equal((await a.evaluate(() => cpStore.info())).writer, false);
  const refused = await write(a, [{ key: 't/a/late', value: [1] }]);
  assert.equal(refused.rejected && refused.rejected.status, 'read_only');
  assert.deepEqual(await write(b, [{ key: 't/b/new', value: [2] }]), { status: 'ok' });
  const keys = await keysOf(a);
  assert.ok(keys.includes('t/b/new') && !keys.includes('t/a/late'));
  assert.equal(await a.evaluate(() => window.lost), 1, 'told exactly once');
}));

test('a reader is told when the writer has committed', () => withBrowser(async (context) => {
  const a = await openPage(context);
  const b = await openPage(context);
  await open(a);
  await open(b);
  for (const p of [a, b]) await p.evaluate(() => { window.changed = 0; cpStore.onChangedElsewhere(() => { window.changed += 1; }); });
  await b.waitForTimeout(300);
  assert.equal(await b.evaluate(() => window.changed), 0, 'nothing yet');
  assert.deepEqual(await write(a, [{ key: 't/x', value: [1] }]), { status: 'ok' });
  await b.waitForFunction(() => window.changed === 1, null, { timeout: limit(5000) });
  assert.equal(await a.evaluate(() => window.changed), 0, 'the writer is not told of its own write');
}));

test('a database made by a newer version opens read-only as newer_schema and is left as it was', () => withBrowser(async (context) => {
  const page = await openPage(context);
  // What a later version of the app might have left: version 999, a store this one never heard of.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('caseplan', 999);
    req.onupgradeneeded = () => {
      const db = req.result;
      const records = db.objectStoreNames.contains('records') ? req.transaction.objectStore('records') : db.createObjectStore('records');
      records.put({ v: new Uint8Array([1, 2, 3]) }, 't/x');
      db.createObjectStore('future');
    };
    req.onsuccess = () => { req.result.close(); resolve(); };
    req.onerror = () => reject(req.error);
  }));
  const snapshot = () => page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('caseplan');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const all = db.transaction('records').objectStore('records').getAll();
      const keys = db.transaction('records').objectStore('records').getAllKeys();
      keys.onsuccess = () => {
        resolve({ version: db.version, stores: [...db.objectStoreNames], keys: keys.result, values: all.result.map((r) => Array.from(r.v)) });
        db.close();
      };
    };
  }));
  await page.reload();
  await waitForFirstFrame(page);
  const before = await snapshot();
  assert.equal(before.version, 999);
  const opened = await open(page);
  assert.equal(opened.status, 'newer_schema');
  assert.equal(opened.writer, false);
  assert.equal(opened.schema, 999);
  assert.deepEqual(await readAll(page), [{ key: 't/x', value: [1, 2, 3] }], 'what it can read, it reads');
  const refused = await write(page, [{ key: 't/y', value: [9] }], ['t/x']);
  assert.equal(refused.rejected && refused.rejected.status, 'newer_schema');
  const taken = await page.evaluate(() => cpStore.takeOver().then(() => 'taken', (e) => e.status));
  assert.equal(taken, 'newer_schema');
  const held = await page.evaluate(() => navigator.locks.query().then((q) => q.held.map((l) => l.name)));
  assert.ok(!held.includes('caseplan-writer'), 'it did not even take the writer lock');
  assert.deepEqual(await snapshot(), before, 'the database is exactly as it was');
}));

test('a full quota answers quota_exceeded, writes nothing of that transaction and keeps earlier records', () => withBrowser(async (context) => {
  // A real QuotaExceededError: the browser is told this origin may store about 1 MB. Chromium
  // reads the quota when IndexedDB is first used, so this comes before the page loads.
  const page = await openPage(context, { before: async (p) => {
    const cdp = await context.newCDPSession(p);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.origin, quotaSize: 1_000_000 });
  } });
  assert.deepEqual(await write(page, records('case', 10)), { status: 'ok' });
  const full = await page.evaluate(() => {
    const big = new Uint8Array(3_000_000);
    for (let i = 0; i < big.length; i += 65536) crypto.getRandomValues(big.subarray(i, i + 65536));
    return cpStore.write([{ key: 't/case/small', value: new Uint8Array([5]) }, { key: 't/case/big', value: big }], ['t/case/000'])
      .then((r) => r, (e) => ({ rejected: e }));
  });
  assert.equal(full.rejected && full.rejected.status, 'quota_exceeded', JSON.stringify(full));
  assert.deepEqual(await readAll(page), records('case', 10), 'earlier records intact; no part of the failed write');
  assert.deepEqual(await write(page, [{ key: 't/case/after', value: [1] }]), { status: 'ok' }, 'small writes still work');
}));

test('loadAll gives 1000 records in key order, in batches, with progress', () => withBrowser(async (context) => {
  const page = await openPage(context);
  const result = await page.evaluate(async () => {
    await cpStore.open();
    const keys = Array.from({ length: 995 }, (_, i) => 't/case/C-' + String(i).padStart(4, '0'));
    keys.push('t/case/é', 't/case/Z', 't/case/a', 't/case/', 't/case/C-0001x');
    const shuffled = keys.map((k) => [Math.random(), k]).sort((x, y) => x[0] - y[0]).map((p) => p[1]);
    await cpStore.write(shuffled.map((k) => ({ key: k, value: new TextEncoder().encode(k) })), []);
    const got = [], batches = [], progress = [];
    const done = await cpStore.loadAll((b) => { batches.push(b.length); got.push(...b); }, (l, t) => progress.push([l, t]));
    const ours = got.filter((r) => r.key.startsWith('t/'));
    const decoded = ours.every((r) => new TextDecoder().decode(r.value) === r.key);
    const allKeys = got.map((r) => r.key);
    const inOrder = allKeys.every((k, i) => i === 0 || allKeys[i - 1] < k);
    // Only the keys with a prefix (what the locked screen reads): in order, counted alone.
    const some = [], someProgress = [];
    const someDone = await cpStore.loadAll((b) => some.push(...b.map((r) => r.key)), (l, t) => someProgress.push([l, t]), 't/case/C-00');
    return { done, got: got.length, keys: ours.map((r) => r.key), expected: [...keys].sort(), inOrder, batches, progress, decoded,
             some, someDone, someProgress, someExpected: keys.filter((k) => k.startsWith('t/case/C-00')).sort() };
  });
  const n = result.got;   // 1000, and whatever the app keeps of its own
  assert.ok(n >= 1000);
  assert.deepEqual(result.done, { status: 'ok', count: n });
  assert.deepEqual(result.keys, result.expected, 'key order');
  assert.ok(result.inOrder, 'every key after the one before');
  assert.ok(result.decoded, 'each value belongs to its key');
  assert.ok(result.batches.length >= 5 && result.batches.every((b) => b > 0 && b <= 200), `batches ${result.batches}`);
  assert.deepEqual(result.progress[0], [0, n]);
  assert.deepEqual(result.progress.at(-1), [n, n]);
  assert.ok(result.progress.every((p, i) => i === 0 || p[0] > result.progress[i - 1][0]), 'progress only grows');
  assert.equal(result.someExpected.length, 101);   // C-0000..C-0099 and C-0001x
  assert.deepEqual(result.some, result.someExpected, 'a prefix loads exactly its keys, in order');
  assert.deepEqual(result.someDone, { status: 'ok', count: 101 });
  assert.deepEqual(result.someProgress[0], [0, 101]);
  assert.deepEqual(result.someProgress.at(-1), [101, 101]);
}));

test('without IndexedDB the store says unavailable', () => withBrowser(async (context) => {
  await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
  const page = await openPage(context);
  const r = await page.evaluate(() => cpStore.open().then(() => 'opened', (e) => e.status));
  assert.equal(r, 'unavailable');
  await page.evaluate(() => Module.ccall('cp_store_probe', null, ['string'], ['open']));
  await page.waitForFunction(() => window.cpTest.storeProbe && window.cpTest.storeProbe.open, null, { timeout: limit(5000) });
  assert.equal(await page.evaluate(() => window.cpTest.storeProbe.open.status), 4, 'StoreStatus::unavailable in C++');
}));

// ---- The C++ side: storage_web.cpp and storage.lib.js, driven through storage_probe.cpp ----------

const hex = (s) => Buffer.from(s, 'utf8').toString('hex');
const unhex = (h) => Buffer.from(h, 'hex').toString('utf8');

async function probe(page, op) {
  await page.evaluate((op) => {
    if (window.cpTest && window.cpTest.storeProbe) delete window.cpTest.storeProbe[op];
    Module.ccall('cp_store_probe', null, ['string'], [op]);
  }, op);
  await page.waitForFunction((op) => window.cpTest.storeProbe && window.cpTest.storeProbe[op], op, { timeout: limit(10000) });
  return page.evaluate((op) => window.cpTest.storeProbe[op], op);
}

test('C++: open, write bytes, load them back, all answered after the call returned', () => withBrowser(async (context) => {
  const page = await openPage(context);
  assert.deepEqual(await write(page, [{ key: 'probe/gone', value: [1] }, { key: 'probe/a', value: [2, 3] }]), { status: 'ok' });
  const opened = await probe(page, 'open');
  assert.equal(opened.status, 0);
  assert.equal(opened.writer, true);
  assert.equal(opened.schema, 1);
  assert.equal(opened.answeredInside, false);
  const written = await probe(page, 'write');
  assert.deepEqual([written.status, written.answeredInside], [0, false], unhex(written.message));
  const loaded = await probe(page, 'load');
  assert.equal(loaded.status, 0);
  assert.equal(loaded.answeredInside, false);
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString('hex');
  assert.deepEqual(loaded.records.filter((r) => r[0].startsWith(hex('probe/'))), [
    [hex('probe/a'), '0203'], [hex('probe/bytes'), all], [hex('probe/empty'), ''], [hex('probe/ü'), '000007'],
  ]);
  const last = loaded.progress.at(-1);
  assert.ok(last[0] === loaded.records.length && last[1] === last[0], `progress ends complete: ${last}`);
  const stored = await page.evaluate(async () => {
    let bytes = null;
    await cpStore.loadAll((b) => { for (const r of b) if (r.key === 'probe/bytes') bytes = Array.from(r.value); });
    return bytes;
  });
  assert.deepEqual(stored, Array.from({ length: 256 }, (_, i) => i), 'the bytes stored are the bytes C++ gave');
  const info = await probe(page, 'info');
  assert.equal(info.writer, true);
  assert.ok(info.usage >= 0 && info.quota > 0);
}));

test('C++: a read-only tab is refused, is told of changes, and takes over', () => withBrowser(async (context) => {
  const a = await openPage(context);
  const b = await openPage(context);
  assert.equal((await probe(a, 'open')).writer, true);
  const opened = await probe(b, 'open');
  assert.deepEqual([opened.status, opened.writer], [0, false]);
  const refused = await probe(b, 'write');
  assert.equal(refused.status, 2, 'StoreStatus::read_only');
  assert.match(unhex(refused.message), /another tab/);
  assert.deepEqual(await write(a, [{ key: 't/from-a', value: [1] }]), { status: 'ok' });
  await b.waitForFunction(() => window.cpTest.storeProbe.events && window.cpTest.storeProbe.events.changed === 1, null, { timeout: limit(5000) });
  const taken = await probe(b, 'takeOver');
  assert.deepEqual([taken.status, taken.writer, taken.answeredInside], [0, true, false]);
  await a.waitForFunction(() => window.cpTest.storeProbe.events && window.cpTest.storeProbe.events.lost === 1, null, { timeout: limit(5000) });
  assert.equal((await probe(b, 'write')).status, 0);
  assert.equal((await probe(a, 'write')).status, 2, 'the old writer is refused');
}));
