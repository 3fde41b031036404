// kdf.lib.js: the bridge from kdf_web.cpp to window.cpKdf (web/kdf.js), linked with --js-library.
// Answers arrive later through _cp_kdf_done, always from a promise callback, so never inside the
// C++ call that asked. The key is copied into the wasm heap for the answer, and both that copy
// and the JS array are zeroed as soon as the C++ side has taken it.
mergeInto(LibraryManager.library, {
  cp_js_kdf_derive__deps: ['malloc', 'free'],
  cp_js_kdf_derive: function (id, pass, passLen, salt, saltLen, opslimit, memlimit) {
    var answer = function (key, ms) {
      var at = key ? _malloc(key.length) : 0;
      if (at) HEAPU8.set(key, at);
      try {
        _cp_kdf_done(id, at, at ? key.length : 0, ms);
      } finally {
        if (at) { HEAPU8.fill(0, at, at + key.length); _free(at); }
        if (key) key.fill(0);
      }
    };
    // derive() copies the bytes before it returns, so a view of the heap is safe to hand over.
    var passView = HEAPU8.subarray(pass, pass + passLen);
    var saltCopy = HEAPU8.slice(salt, salt + saltLen);
    var started = window.cpKdf
      ? window.cpKdf.derive(passView, saltCopy, opslimit, memlimit)
      : Promise.reject(new Error('kdf.js is not loaded'));
    started.then(function (r) { answer(r.key, r.ms); }, function (err) {
      console.error(String((err && err.message) || err));
      answer(null, 0);
    });
  },
  cp_js_kdf_probe_result: function (tag, keyHex, ms, answeredInside) {
    var t = window.cpTest || (window.cpTest = { frame: 0 });
    (t.kdfProbe || (t.kdfProbe = {}))[tag] = { key: UTF8ToString(keyHex), ms: ms, answeredInside: !!answeredInside };
  },
});
