// storage.lib.js: the bridge from storage_web.cpp to window.cpStore (web/store.js), linked with
// --js-library. Each call starts a cpStore promise; its answer goes back through the exported
// _cp_store_* functions from a promise callback, so never inside the C++ call that asked.
// Bytes cross by copy: into the heap with _malloc (freed once C++ has copied them), and out
// of it with HEAPU8.slice.
mergeInto(LibraryManager.library, {
  $cpStoreBridge__deps: ['malloc', 'free'],
  $cpStoreBridge: {
    // The order of StoreStatus in src/platform/storage.h.
    statuses: ['ok', 'quota_exceeded', 'read_only', 'newer_schema', 'unavailable', 'failed'],
    writes: {},   // request id -> { puts, deletes } being gathered before commit

    code: function (status) {
      var i = cpStoreBridge.statuses.indexOf(status);
      return i < 0 ? cpStoreBridge.statuses.indexOf('failed') : i;
    },
    // Starts a cpStore call a microtask later, so a missing store.js or a sync throw is an answer too.
    call: function (fn) {
      return Promise.resolve().then(function () {
        if (!window.cpStore) throw { status: 'unavailable', name: '', message: 'store.js is not loaded' };
        return fn(window.cpStore);
      });
    },
    // A rejection as (status code, "Name: message").
    failure: function (err) {
      var e = err || {};
      var text = e.name && e.message ? e.name + ': ' + e.message : (e.message || e.name || String(err));
      return { code: cpStoreBridge.code(e.status || 'failed'), text: text };
    },
    // Copies `bytes` (Uint8Array or UTF-8 of a string) into the heap for fn(ptr, len), then frees it.
    withHeapCopy: function (bytes, fn) {
      if (typeof bytes === 'string') {
        var n = lengthBytesUTF8(bytes);
        var s = _malloc(n + 1);
        stringToUTF8(bytes, s, n + 1);
        try { return fn(s, n); } finally { _free(s); }
      }
      var p = _malloc(Math.max(1, bytes.length));
      HEAPU8.set(bytes, p);
      try { return fn(p, bytes.length); } finally { _free(p); }
    },
    info: function (id, code, text, i) {
      cpStoreBridge.withHeapCopy(text, function (msg) {
        _cp_store_info_answer(id, code, msg, i.writer ? 1 : 0, i.persistent ? 1 : 0,
          i.usage, i.quota, i.schema | 0);
      });
    },
    // open() and takeOver() answer the same way: a status and the store's info.
    answerWithInfo: function (id, promise) {
      promise.then(function (i) {
        cpStoreBridge.info(id, cpStoreBridge.code(i.status || 'ok'), '', i);
      }, function (err) {
        var f = cpStoreBridge.failure(err);
        cpStoreBridge.info(id, f.code, f.text, { writer: false, persistent: false, usage: -1, quota: -1, schema: 0 });
      });
    },
    // info() and askToKeep() answer the info only; a failure reads as "unknown", never as an error.
    refreshed: function (id, promise) {
      promise.then(function (i) {
        cpStoreBridge.info(id, 0, '', i);
      }, function () {
        cpStoreBridge.info(id, 0, '', { writer: false, persistent: false, usage: -1, quota: -1, schema: 0 });
      });
    },
  },

  cp_js_store_open__deps: ['$cpStoreBridge'],
  cp_js_store_open: function (id) {
    cpStoreBridge.answerWithInfo(id, cpStoreBridge.call(function (s) { return s.open(); }));
  },

  cp_js_store_take_over__deps: ['$cpStoreBridge'],
  cp_js_store_take_over: function (id) {
    cpStoreBridge.answerWithInfo(id, cpStoreBridge.call(function (s) { return s.takeOver(); }));
  },

  cp_js_store_info__deps: ['$cpStoreBridge'],
  cp_js_store_info: function (id) {
    cpStoreBridge.refreshed(id, cpStoreBridge.call(function (s) { return s.info(); }));
  },

  cp_js_store_ask_to_keep__deps: ['$cpStoreBridge'],
  cp_js_store_ask_to_keep: function (id) {
    cpStoreBridge.refreshed(id, cpStoreBridge.call(function (s) { return s.askToKeep(); }));
  },

  cp_js_store_load_all__deps: ['$cpStoreBridge'],
  cp_js_store_load_all: function (id, prefix) {
    var only = prefix ? UTF8ToString(prefix) : '';
    var onBatch = function (records) {
      records.forEach(function (r) {
        cpStoreBridge.withHeapCopy(r.key, function (key, keyLen) {
          cpStoreBridge.withHeapCopy(r.value, function (value, valueLen) {
            _cp_store_record(id, key, keyLen, value, valueLen);
          });
        });
      });
    };
    var onProgress = function (loaded, total) { _cp_store_progress(id, loaded, total); };
    cpStoreBridge.call(function (s) { return s.loadAll(onBatch, onProgress, only); }).then(function () {
      _cp_store_loaded(id, 0, 0);
    }, function (err) {
      var f = cpStoreBridge.failure(err);
      cpStoreBridge.withHeapCopy(f.text, function (msg) { _cp_store_loaded(id, f.code, msg); });
    });
  },

  // A write is gathered by begin, put and delete calls, then handed to cpStore by commit.
  cp_js_store_write_begin__deps: ['$cpStoreBridge'],
  cp_js_store_write_begin: function (id) {
    cpStoreBridge.writes[id] = { puts: [], deletes: [] };
  },

  cp_js_store_write_put__deps: ['$cpStoreBridge'],
  cp_js_store_write_put: function (id, key, keyLen, value, valueLen) {
    cpStoreBridge.writes[id].puts.push({
      key: UTF8ToString(key, keyLen),
      value: HEAPU8.slice(value, value + valueLen),
    });
  },

  cp_js_store_write_delete__deps: ['$cpStoreBridge'],
  cp_js_store_write_delete: function (id, key, keyLen) {
    cpStoreBridge.writes[id].deletes.push(UTF8ToString(key, keyLen));
  },

  cp_js_store_write_commit__deps: ['$cpStoreBridge'],
  cp_js_store_write_commit: function (id) {
    var w = cpStoreBridge.writes[id];
    delete cpStoreBridge.writes[id];
    cpStoreBridge.call(function (s) { return s.write(w.puts, w.deletes); }).then(function () {
      _cp_store_written(id, 0, 0);
    }, function (err) {
      var f = cpStoreBridge.failure(err);
      cpStoreBridge.withHeapCopy(f.text, function (msg) { _cp_store_written(id, f.code, msg); });
    });
  },

  // Subscribes once; storage_web.cpp keeps the C++ handlers.
  cp_js_store_listen__deps: ['$cpStoreBridge'],
  cp_js_store_listen: function () {
    cpStoreBridge.call(function (s) {
      s.onLostWriter(function () { _cp_store_lost_writer(); });
      s.onChangedElsewhere(function () { _cp_store_changed_elsewhere(); });
    }).catch(function (err) { console.error('cpStore: ' + cpStoreBridge.failure(err).text); });
  },
});
