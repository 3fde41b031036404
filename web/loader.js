// loader.js: checks the browser can run the app, downloads the wasm with visible progress,
// then starts the Emscripten runtime. No inline script, so the page's CSP can forbid it.
(function () {
  'use strict';
  var bar = document.getElementById('loading-bar');
  var text = document.getElementById('loading-text');

  var messages = {
    wasm: 'This browser cannot run WebAssembly, which the case planner needs. Please use an up-to-date ' +
          'version of Chrome, Edge, Firefox or Safari. If your school manages this computer, ask for ' +
          'WebAssembly not to be blocked.',
    webgl2: 'This browser or computer cannot draw with WebGL 2, which the case planner needs. Please use an ' +
            'up-to-date version of Chrome, Edge, Firefox or Safari, and check that hardware acceleration ' +
            'is switched on in the browser settings.',
    download: 'The case planner could not be downloaded. Check your internet connection and reload the page.',
    crash: 'The case planner stopped unexpectedly. Reload the page to continue.'
  };

  function showError(kind, detail) {
    document.getElementById('loading').hidden = true;
    var box = document.getElementById('error');
    document.getElementById('error-text').textContent = (messages[kind] || kind) + (detail ? ' (' + detail + ')' : '');
    box.hidden = false;
    window.cpShell.error = kind;
  }

  window.cpShell = {
    started: performance.now(),
    firstFrameMs: null,
    error: null,
    firstFrame: function () {
      this.firstFrameMs = performance.now();
      document.getElementById('loading').hidden = true;
    }
  };
  window.cpShowError = showError;

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    showError('wasm');
    return;
  }
  // Creating a context here to test would cost a second GL context at start-up; the app reports
  // a failure to create its own (main_web.cpp), so only the API's presence is checked here.
  if (typeof WebGL2RenderingContext === 'undefined') {
    showError('webgl2');
    return;
  }

  function setProgress(loaded, total) {
    if (total > 0) {
      var pct = Math.min(100, Math.round(100 * loaded / total));
      bar.value = pct;
      text.textContent = 'Loading the case planner… ' + pct + '%';
    } else {
      bar.removeAttribute('value');
    }
  }

  // The wasm is compiled while it downloads (instantiateStreaming; the browser may also keep the
  // compiled code for the next visit), and a copy of the same response is counted for the bar.
  function fetchWasm(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status + ' for ' + url);
      // The reader sees decoded bytes; a compressed response's Content-Length counts encoded ones, so
      // it is only a total when nothing was encoded (else the bar just moves, without a percentage).
      var encoded = (res.headers.get('Content-Encoding') || 'identity') !== 'identity';
      var total = Number(res.headers.get('X-Uncompressed-Length')) ||
                  (encoded ? 0 : Number(res.headers.get('Content-Length'))) || 0;
      var counted = res.clone();
      if (counted.body && counted.body.getReader) {
        var reader = counted.body.getReader(), loaded = 0;
        var pump = function () {
          reader.read().then(function (r) {
            if (r.done) return;
            loaded += r.value.length;
            setProgress(loaded, total);
            pump();
          }, function () { /* the compile's own copy reports any failure */ });
        };
        pump();
      }
      return res;
    });
  }

  // Streaming needs the host to send the wasm as application/wasm; from a host that does not, it is
  // compiled from the downloaded bytes instead.
  function instantiate(url, imports) {
    var streaming = typeof WebAssembly.instantiateStreaming === 'function';
    return fetchWasm(url).then(function (res) {
      if (!streaming || res.headers.get('Content-Type') !== 'application/wasm') {
        return res.arrayBuffer().then(function (bytes) { return WebAssembly.instantiate(bytes, imports); });
      }
      return WebAssembly.instantiateStreaming(res, imports);
    });
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    print: function (s) { console.log(s); },
    printErr: function (s) { console.error(s); },
    onAbort: function (what) { showError('crash', String(what)); },
    instantiateWasm: function (imports, done) {
      instantiate('caseplan.wasm', imports)
        .then(function (r) {
          window.cpShell.instantiatedMs = performance.now();
          text.textContent = 'Starting…';
          done(r.instance, r.module);
        })
        .catch(function (err) { showError('download', String(err && err.message || err)); });
      return {};
    }
  };

  // Keeps a copy of the page's own files so it starts offline too (sw.js). After loading, so it
  // never competes with the download; where unavailable (plain http on a network address) the
  // page simply needs the network to start.
  if ('serviceWorker' in navigator) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('sw.js').catch(function () { /* works online as before */ });
    }, { once: true });
  }

  var script = document.createElement('script');
  script.src = 'caseplan.js';
  script.onerror = function () { showError('download', 'caseplan.js'); };
  document.body.appendChild(script);
})();
