// kdf.js: Argon2id key derivation off the main thread, so the page keeps drawing while a
// passphrase is stretched (64 MiB / 3 passes: about 0.2 s in desktop Chromium, several times that
// on a slow laptop; the 256 MiB maximum far longer).
//
//   cpKdf.derive(passphrase, salt, opslimit, memlimit) -> Promise<{ key: Uint8Array(32), ms }>
//     passphrase  a string (its UTF-8 bytes are used, no normalisation) or a Uint8Array of those bytes
//     salt        Uint8Array(16)
//     opslimit    passes over memory;  memlimit  bytes of memory (libsodium crypto_pwhash, ALG_ARGON2ID13)
//     ms          time of the derivation itself inside the worker
//   Rejects with an Error whose .code is 'oom' (the memory could not be had), 'params' (out of
//   libsodium's range) or 'failed' (the worker could not start or crashed).
//
//   cpKdf.prepare() -> Promise   starts the worker now; resolves once its module is running
//
// One long-lived worker (kdf_worker_main.js over kdf_worker.wasm) serves every request in order.
// It is started when the page is idle after loading, so downloading and compiling it is not on
// the way of the first unlock.
// The bytes sent are a private copy that is transferred, so no copy of the passphrase is left on
// this side; the worker zeroes its own. The caller owns, and should zero, the key it receives.
(function () {
  'use strict';
  var SALT_BYTES = 16;
  var worker = null;
  var pending = new Map();   // request id -> { resolve, reject }
  var nextId = 1;

  function kdfError(code, message) {
    var err = new Error(message);
    err.code = code;
    return err;
  }

  // A worker that failed is dropped, and every request it held is refused, so the next request
  // starts a fresh one instead of waiting for an answer that will never come.
  function failAll(message) {
    if (worker) worker.terminate();
    worker = null;
    var waiting = Array.from(pending.values());
    pending.clear();
    waiting.forEach(function (p) { p.reject(kdfError('failed', message)); });
  }

  function onAnswer(e) {
    var msg = e.data, p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (!msg.error) { p.resolve(msg); return; }
    p.reject(kdfError(msg.error, 'Key derivation failed: ' + msg.message));
    if (msg.error === 'failed') failAll('Key derivation failed: the worker stopped');
  }

  function getWorker() {
    if (worker) return worker;
    worker = new Worker('kdf_worker_main.js');
    worker.onmessage = onAnswer;
    worker.onerror = function (e) {
      e.preventDefault();
      failAll('Key derivation failed: the worker could not run (' + (e.message || 'no details') + ')');
    };
    return worker;
  }

  function post(message, transfer) {
    var id = nextId++;
    message.id = id;
    return new Promise(function (resolve, reject) {
      pending.set(id, { resolve: resolve, reject: reject });
      getWorker().postMessage(message, transfer || []);
    });
  }

  // A fresh copy, never a view: transferring a view would detach the caller's buffer (or throw,
  // for a view into WebAssembly memory).
  function passBytes(passphrase) {
    if (typeof passphrase === 'string') return new TextEncoder().encode(passphrase);
    if (passphrase instanceof Uint8Array) return new Uint8Array(passphrase);
    return null;
  }

  function derive(passphrase, salt, opslimit, memlimit) {
    var pass = passBytes(passphrase);
    if (!pass) return Promise.reject(new TypeError('cpKdf.derive: the passphrase must be a string or a Uint8Array'));
    if (!(salt instanceof Uint8Array) || salt.length !== SALT_BYTES) {
      pass.fill(0);
      return Promise.reject(new TypeError('cpKdf.derive: the salt must be a Uint8Array of ' + SALT_BYTES + ' bytes'));
    }
    var message = { pass: pass, salt: new Uint8Array(salt), opslimit: Number(opslimit), memlimit: Number(memlimit) };
    return post(message, [pass.buffer]).then(function (r) { return { key: r.key, ms: r.ms }; });
  }

  function prepare() { return post({ op: 'ready' }).then(function () {}); }

  // Tests only: how many bytes of the worker's heap are non-zero (no Argon2 blocks left behind).
  function heapStats() { return post({ op: 'heap' }); }

  function prepareWhenIdle() {
    var start = function () { prepare().catch(function () { /* the first derive reports it */ }); };
    if (window.requestIdleCallback) window.requestIdleCallback(start, { timeout: 3000 });
    else setTimeout(start, 500);
  }

  window.cpKdf = { derive: derive, prepare: prepare, heapStats: heapStats };
  window.addEventListener('load', prepareWhenIdle, { once: true });
})();
