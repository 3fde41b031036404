// store.js: the app's records in this browser (window.cpStore), a small promise API over
// IndexedDB. Written for this app instead of Emscripten's IDBFS, which lets a stale second tab
// delete what it has not loaded, never reports a full quota and writes with relaxed durability
// (see docs/toolchain.md). Plain script, no modules and nothing inline, for the page's CSP.
//
// Every function returns a promise and never throws. Failures reject with
// { status, name, message }: status is one of 'quota_exceeded', 'read_only', 'newer_schema',
// 'unavailable', 'failed' (the names of StoreStatus in src/platform/storage.h).
//
// Index
//   - Schema        migrations
//   - Tab state     state, listeners, errors
//   - Database      openDb, attach, shutDown
//   - Writer lock   acquireWriter, stillWriter, withWriteMutex, lostWriter
//   - Other tabs    the BroadcastChannel
//   - API           open, loadAll, write, takeOver, info, onLostWriter, onChangedElsewhere
(function () {
  'use strict';
  var DB_NAME = 'caseplan';
  var STORE = 'records';
  var WRITER_LOCK = 'caseplan-writer';   // held for as long as this tab is the writer
  var WRITE_MUTEX = 'caseplan-write';    // held around each write transaction
  var CHANNEL = 'caseplan';
  var BATCH = 200;                       // records per read while loading, so progress can show
  var PERSIST_WAIT_MS = 500;             // Firefox may prompt; do not hold the app up for it

  // ---- Schema ---------------------------------------------------------------------------------
  // migrations[n] takes the database from version n to n + 1. A shipped step is never edited:
  // databases already upgraded by it would not be upgraded again. Append new steps instead.
  var migrations = [
    function toVersion1(db) { db.createObjectStore(STORE); },   // key: string, value: { v: Uint8Array }
  ];
  var SCHEMA = migrations.length;

  // ---- Tab state ------------------------------------------------------------------------------
  var state = {
    opening: null,       // the promise of open(); later calls share it
    db: null,
    schema: 0,
    newer: false,        // the database is newer than this code: read-only, never written
    closedReason: '',    // why the database was closed under us
    writer: false,
    lockGen: 0,          // only the latest writer-lock request may report the lock lost
    releaseWriter: null,
  };
  var tabId = Math.random().toString(36).slice(2) + Date.now().toString(36);
  var tabLock = 'caseplan-tab-' + tabId;   // identifies this tab in navigator.locks.query()
  var listeners = { lost: [], changed: [] };
  var channel = null;

  function emit(kind) {
    listeners[kind].slice().forEach(function (fn) {
      try { fn(); } catch (e) { console.error(e); }
    });
  }

  function subscribe(kind, fn) {
    listeners[kind].push(fn);
    return function () { listeners[kind] = listeners[kind].filter(function (f) { return f !== fn; }); };
  }

  function problem(status, err, fallback) {
    return {
      status: status,
      name: (err && err.name) || '',
      message: (err && err.message) || fallback || '',
    };
  }

  // A failed transaction or request: only a full quota gets its own status.
  function classify(err) {
    if (err && err.name === 'QuotaExceededError') return problem('quota_exceeded', err, 'the storage quota for this site is full');
    return problem('failed', err, 'the transaction was aborted');
  }

  function hasLocks() { return typeof navigator !== 'undefined' && !!navigator.locks; }

  // ---- Database -------------------------------------------------------------------------------
  // version 0 opens whatever version exists, without upgrading (the newer-schema case).
  function openDb(version) {
    return new Promise(function (resolve, reject) {
      var req;
      try {
        req = version ? indexedDB.open(DB_NAME, version) : indexedDB.open(DB_NAME);
      } catch (e) {   // SecurityError: opaque origins, some privacy modes
        reject(e);
        return;
      }
      req.onupgradeneeded = function (ev) {
        for (var v = ev.oldVersion; v < ev.newVersion; v++) migrations[v](req.result, req.transaction);
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function (ev) { ev.preventDefault(); reject(req.error); };
      // onblocked: a tab of an older build holds the database open. The open waits until that
      // tab closes it (ours do so on versionchange), so nothing to do but wait.
    });
  }

  function attach(db) {
    state.db = db;
    state.schema = db.version;
    db.onversionchange = function () {
      shutDown('A newer version of the case planner opened its data in another tab. Reload this page.');
    };
    db.onclose = function () { shutDown('The browser closed the database (storage cleared?). Reload this page.'); };
  }

  // The connection is gone for good: stop writing, let the upgrading tab proceed.
  function shutDown(reason) {
    if (!state.db) return;
    try { state.db.close(); } catch (e) { /* already closed */ }
    state.db = null;
    state.closedReason = reason;
    if (state.releaseWriter) state.releaseWriter();
    state.releaseWriter = null;
    lostWriter();
  }

  // Waits for open() and for the connection to still be there.
  function ready() {
    if (!state.opening) return Promise.reject(problem('failed', null, 'the store is not open: call cpStore.open() first'));
    return state.opening.then(function () {
      if (!state.db) throw problem('failed', null, state.closedReason);
    });
  }

  function withTimeout(promise, ms, fallback) {
    return Promise.race([promise, new Promise(function (r) { setTimeout(function () { r(fallback); }, ms); })]);
  }

  function askPersistence() {
    if (!navigator.storage || !navigator.storage.persist) return Promise.resolve(false);
    return withTimeout(navigator.storage.persist().catch(function () { return false; }), PERSIST_WAIT_MS, false);
  }

  // ---- Writer lock ----------------------------------------------------------------------------
  // Holds a lock named after this tab for its whole life, so that navigator.locks.query() can
  // tell which held lock is ours (it reports client ids, not lock handles).
  function holdTabLock() {
    if (!hasLocks()) return Promise.resolve();
    return new Promise(function (resolve) {
      navigator.locks.request(tabLock, function () {
        resolve();
        return new Promise(function () {});
      }).catch(function () { resolve(); });
    });
  }

  // Resolves true once this tab holds the writer lock, false when another tab has it. The lock
  // is kept by never settling the callback's promise until releaseWriter; a steal by another
  // tab rejects the request with AbortError.
  function acquireWriter(steal) {
    if (!hasLocks()) {
      // No Web Locks (an insecure context): nothing can arbitrate, so every tab writes.
      state.writer = true;
      return Promise.resolve(true);
    }
    var gen = ++state.lockGen;
    return new Promise(function (resolve) {
      var options = steal ? { steal: true } : { ifAvailable: true };
      navigator.locks.request(WRITER_LOCK, options, function (lock) {
        if (!lock) { resolve(false); return undefined; }
        state.writer = true;
        resolve(true);
        return new Promise(function (release) { state.releaseWriter = release; });
      }).catch(function () {
        if (gen === state.lockGen) lostWriter();
        resolve(false);
      });
    });
  }

  // Asks the browser's lock manager, not our own flag: a steal reaches us as a later event.
  function stillWriter() {
    if (!state.writer) return Promise.resolve(false);
    if (!hasLocks()) return Promise.resolve(true);
    return navigator.locks.query().then(function (snapshot) {
      var held = snapshot.held || [];
      var mine = held.filter(function (l) { return l.name === tabLock; })[0];
      if (!mine || mine.clientId === undefined) return state.writer;   // no client ids: trust the flag
      return held.some(function (l) { return l.name === WRITER_LOCK && l.clientId === mine.clientId; });
    });
  }

  // Serialises writes across tabs, so a take-over waits for the old writer's transaction in
  // flight, and a write checks the lock with nobody able to commit in between.
  function withWriteMutex(fn) {
    if (!hasLocks()) return Promise.resolve().then(fn);
    return navigator.locks.request(WRITE_MUTEX, fn);
  }

  function lostWriter() {
    if (!state.writer) return;
    state.writer = false;
    if (state.releaseWriter) state.releaseWriter();   // settles the stolen lock's callback
    state.releaseWriter = null;
    emit('lost');
  }

  // ---- Other tabs -----------------------------------------------------------------------------
  function broadcast(type) {
    if (channel) channel.postMessage({ type: type, from: tabId });
  }

  function listen() {
    if (channel || typeof BroadcastChannel === 'undefined') return;
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = function (ev) {
      var m = ev.data || {};
      if (m.from === tabId) return;
      if (m.type === 'changed' && !state.writer) emit('changed');
      // Backs up the AbortError of a stolen lock; checked, as we may have taken it back since.
      if (m.type === 'writer' && state.writer) {
        stillWriter().then(function (ok) { if (!ok) lostWriter(); });
      }
    };
  }

  // ---- API ------------------------------------------------------------------------------------
  function info() {
    var storage = navigator.storage || {};
    var estimate = storage.estimate ? storage.estimate().catch(function () { return {}; }) : Promise.resolve({});
    var persisted = storage.persisted ? storage.persisted().catch(function () { return false; }) : Promise.resolve(false);
    return Promise.all([estimate, persisted]).then(function (r) {
      var e = r[0] || {};
      return {
        writer: state.writer,
        persistent: !!r[1],
        usage: typeof e.usage === 'number' ? e.usage : -1,
        quota: typeof e.quota === 'number' ? e.quota : -1,
        schema: state.schema,
      };
    });
  }

  function withStatus(i) {
    i.status = state.newer ? 'newer_schema' : 'ok';
    return i;
  }

  // Opens (creating or migrating) the database and tries to become the writer. Resolves
  // { status: 'ok' | 'newer_schema', writer, persistent, usage, quota, schema }.
  function open() {
    if (!state.opening) {
      state.opening = openOnce().catch(function (err) {
        state.opening = null;   // let the app try again
        throw err;
      });
    }
    return state.opening;
  }

  function openOnce() {
    if (typeof indexedDB === 'undefined' || !indexedDB) {
      return Promise.reject(problem('unavailable', null, 'this browser offers no IndexedDB'));
    }
    return openDb(SCHEMA).catch(function (err) {
      if (!err || err.name !== 'VersionError') throw problem('unavailable', err);
      state.newer = true;   // made by a newer build: read what we can, write nothing
      return openDb(0).catch(function (e) { throw problem('unavailable', e); });
    }).then(function (db) {
      attach(db);
      listen();
      return Promise.all([askPersistence(), holdTabLock()]);
    }).then(function () {
      return state.newer ? false : acquireWriter(false);
    }).then(info).then(withStatus);
  }

  // Every record in key order, or only those whose key starts with `prefix`. onBatch([{ key,
  // value: Uint8Array }]) per batch of up to 200, onProgress(loaded, total) after each. One
  // readonly transaction: a consistent snapshot even while another tab writes. Resolves
  // { status: 'ok', count }.
  function loadAll(onBatch, onProgress, prefix) {
    return ready().then(function () {
      if (!state.db.objectStoreNames.contains(STORE)) throw problem('failed', null, 'the database has no records store');
      return new Promise(function (resolve, reject) {
        try {
          readBatches(onBatch, onProgress, prefix || '', resolve, reject);
        } catch (e) {   // InvalidStateError: the connection is closing
          reject(classify(e));
        }
      });
    });
  }

  function readBatches(onBatch, onProgress, prefix, resolve, reject) {
    var tx = state.db.transaction(STORE, 'readonly');
    var store = tx.objectStore(STORE);
    var total = 0, loaded = 0, failure = null;
    tx.oncomplete = function () { resolve({ status: 'ok', count: loaded }); };
    tx.onabort = function () { reject(failure || classify(tx.error)); };
    function deliver(fn, arg1, arg2) {
      try {
        if (fn) fn(arg1, arg2);
      } catch (e) {
        failure = problem('failed', e);
        tx.abort();
      }
    }
    var upper = prefix ? prefix + '\uffff' : null;   // keys are ASCII: every key with the prefix sorts below
    function span(lower, open) {
      if (upper === null) return lower === null ? null : IDBKeyRange.lowerBound(lower, open);
      return IDBKeyRange.bound(lower === null ? prefix : lower, upper, open, false);
    }
    function next(after) {
      var range = after === null ? span(null, false) : span(after, true);
      var keys = store.getAllKeys(range, BATCH);
      var values = store.getAll(range, BATCH);
      values.onsuccess = function () {   // requests complete in order: keys are already here
        var batch = keys.result.map(function (key, i) { return { key: key, value: bytes(values.result[i]) }; });
        var odd = batch.filter(function (r) { return !r.value; })[0];
        if (odd) {   // not written by this store: refuse rather than hand over empty bytes
          failure = problem('failed', null, 'record "' + odd.key + '" does not hold bytes');
          tx.abort();
          return;
        }
        loaded += batch.length;
        if (batch.length) {
          deliver(onBatch, batch);
          deliver(onProgress, loaded, Math.max(total, loaded));
        }
        if (!failure && batch.length === BATCH) next(keys.result[BATCH - 1]);
      };
    }
    store.count(span(null, false)).onsuccess = function (ev) {
      total = ev.target.result;
      deliver(onProgress, 0, total);
      if (!failure) next(null);
    };
  }

  // A record's bytes as a Uint8Array, or null when it holds something else.
  function bytes(record) {
    var v = record && record.v;
    if (v instanceof Uint8Array) return v;
    if (v instanceof ArrayBuffer) return new Uint8Array(v);
    if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    return null;
  }

  function checkWriteArgs(puts, deletes) {
    if (!Array.isArray(puts) || !Array.isArray(deletes)) return 'puts and deletes must be arrays';
    for (var i = 0; i < puts.length; i++) {
      var p = puts[i];
      if (!p || typeof p.key !== 'string' || !(p.value instanceof Uint8Array)) return 'puts[' + i + '] needs a string key and a Uint8Array value';
    }
    for (var j = 0; j < deletes.length; j++) {
      if (typeof deletes[j] !== 'string') return 'deletes[' + j + '] is not a string key';
    }
    return '';
  }

  // One readwrite transaction with durability 'strict': deletes, then puts (so a key in both is
  // kept). Resolves { status: 'ok' } only after the complete event; then readers are told.
  function write(puts, deletes) {
    deletes = deletes || [];
    var bad = checkWriteArgs(puts, deletes);
    if (bad) return Promise.reject(problem('failed', { name: 'TypeError', message: bad }));
    return ready().then(function () {
      refuseIfNotWriter();
      return withWriteMutex(function () {
        return stillWriter().then(function (ok) {
          if (!ok) {
            lostWriter();   // stolen, and the AbortError has not reached us yet
            refuseIfNotWriter();
          }
          return commit(puts, deletes);
        });
      });
    }).then(function () {
      broadcast('changed');
      return { status: 'ok' };
    });
  }

  function refuseIfNotWriter() {
    if (state.newer) throw problem('newer_schema', null, 'the data was saved by a newer version of the case planner (schema ' + state.schema + '); this version only reads it');
    if (!state.writer) throw problem('read_only', null, 'another tab is the writer');
  }

  function commit(puts, deletes) {
    if (!state.db) return Promise.reject(problem('failed', null, state.closedReason));   // closed while queued
    return new Promise(function (resolve, reject) {
      var tx, failure = null;
      try {
        tx = state.db.transaction(STORE, 'readwrite', { durability: 'strict' });
        tx.oncomplete = function () { resolve(); };
        tx.onabort = function () { reject(failure || classify(tx.error)); };
        var store = tx.objectStore(STORE);
        deletes.forEach(function (key) { store.delete(key); });
        puts.forEach(function (p) { store.put({ v: p.value }, p.key); });
      } catch (e) {   // DataError, DataCloneError, InvalidStateError: nothing was committed
        failure = classify(e);
        if (tx) {
          try { tx.abort(); } catch (ignored) { reject(failure); }
        } else {
          reject(failure);
        }
      }
    });
  }

  // Takes the writer lock from whichever tab holds it. That tab's onLostWriter handlers run and
  // its writes are refused from then on. Resolves like open() once the old writer's transaction
  // in flight, if any, has finished.
  function takeOver() {
    return ready().then(function () {
      if (state.newer) refuseIfNotWriter();
      if (state.writer) return undefined;
      return acquireWriter(true).then(function (got) {
        if (!got) throw problem('failed', null, 'the writer lock could not be taken');
        broadcast('writer');
        return withWriteMutex(function () {});
      });
    }).then(info).then(withStatus);
  }

  window.cpStore = {
    schema: SCHEMA,
    open: open,
    loadAll: loadAll,
    write: write,
    takeOver: takeOver,
    info: info,
    // Asks the browser again to keep this site's data (a person pressed the button in Settings).
    askToKeep: function () { return askPersistence().then(info); },
    onLostWriter: function (fn) { return subscribe('lost', fn); },
    onChangedElsewhere: function (fn) { return subscribe('changed', fn); },
  };
})();
