// kdf_worker_main.js: the Web Worker that runs Argon2id (kdf_worker.wasm, libsodium) away from the
// page's main thread. Started by kdf.js; answers one message per request, in order.
//   in:  { id, pass: Uint8Array (UTF-8, transferred), salt: Uint8Array(16), opslimit, memlimit }
//        or { id, op: 'ready' } (answered once the module has started) or { id, op: 'heap' } (tests)
//   out: { id, key: Uint8Array(32) (transferred), ms }  or  { id, error: 'oom'|'params'|'failed', message }
// 'failed' means the module could not start or aborted: kdf.js then replaces this worker.
// Every copy of the passphrase and the key made here is zeroed before the answer is posted.
'use strict';
importScripts('kdf_worker.js');

var RESULT = { 0: null, 1: 'oom', 2: 'params', 3: 'failed' };   // cp_kdf_derive's return codes
var KEY_BYTES = 32, SALT_BYTES = 16;
var ready = createKdfModule();

// One heap block holds passphrase, salt and key, so one zeroing covers every secret copy.
// HEAPU8 is re-read after the call: growing the memory for Argon2 replaces the view.
function derive(mod, msg) {
  var pass = msg.pass, size = pass.length + SALT_BYTES + KEY_BYTES;
  if (!msg.salt || msg.salt.length !== SALT_BYTES) { pass.fill(0); return { error: 'params' }; }
  var base = mod._malloc(size);
  if (!base) { pass.fill(0); return { error: 'oom' }; }
  var saltAt = base + pass.length, keyAt = saltAt + SALT_BYTES;
  try {
    mod.HEAPU8.set(pass, base);
    mod.HEAPU8.set(msg.salt, saltAt);
    var t0 = performance.now();
    var rc = mod._cp_kdf_derive(base, pass.length, saltAt, msg.opslimit, msg.memlimit, keyAt);
    var ms = performance.now() - t0;
    if (RESULT[rc] !== null) return { error: RESULT[rc] || 'failed' };
    return { key: mod.HEAPU8.slice(keyAt, keyAt + KEY_BYTES), ms: ms };
  } finally {
    mod.HEAPU8.fill(0, base, base + size);
    mod._free(base);
    pass.fill(0);
  }
}

// Tests only: how many heap bytes are non-zero, to show no Argon2 blocks are left behind.
function heapNonZero(mod) {
  var h = mod.HEAPU8, n = 0;
  for (var i = 0; i < h.length; i++) if (h[i] !== 0) n++;
  return { nonZero: n, heapBytes: h.length };
}

function answer(msg, result) {
  result.id = msg.id;
  if (result.error) result.message = describe(result.error, msg) + (result.detail ? ' (' + result.detail + ')' : '');
  self.postMessage(result, result.key ? [result.key.buffer] : []);
}

function describe(error, msg) {
  if (error === 'oom') return 'not enough memory: the browser could not give ' + Math.round(msg.memlimit / 1048576) + ' MiB';
  if (error === 'params') return 'parameters out of range (opslimit ' + msg.opslimit + ', memlimit ' + msg.memlimit +
                                 ', salt ' + (msg.salt ? msg.salt.length : 0) + ' bytes)';
  return 'the key derivation module failed';
}

self.onmessage = function (e) {
  var msg = e.data;
  ready.then(function (mod) {
    if (msg.op === 'ready') return {};
    return msg.op === 'heap' ? heapNonZero(mod) : derive(mod, msg);
  })
    .catch(function (err) {
      if (msg.pass) msg.pass.fill(0);
      return { error: 'failed', detail: String((err && err.message) || err) };
    })
    .then(function (result) { answer(msg, result); });
};
