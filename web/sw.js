// sw.js: lets the case planner start without a network once it has been opened here.
// Network first, cache as the fallback: while the server answers, every file comes from it
// exactly as without this worker (so a new version is picked up at the next load), and a copy
// is kept; when the network fails, the kept copy is served. Only the page's own files, from
// this origin, are kept: never pupil data, which lives in IndexedDB. Registered by loader.js.
'use strict';
var CACHE = 'caseplan-site';
// Everything the page loads, fetched once at install so the first visit already works offline.
var FILES = ['./', 'index.html', 'style.css', 'print.css', 'favicon.svg', 'store.js', 'kdf.js', 'print.js',
             'loader.js', 'caseplan.js', 'caseplan.wasm', 'kdf_worker_main.js', 'kdf_worker.js', 'kdf_worker.wasm'];

self.addEventListener('install', function (event) {
  // 'no-cache' revalidates with the server: a 304 for what the browser already holds.
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(FILES.map(function (f) { return new Request(f, { cache: 'no-cache' }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener('fetch', function (event) {
  var req = event.request, url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  var key = url.origin + url.pathname;   // one copy per file, whatever the query (?test)
  event.respondWith(fetch(req).then(function (res) {
    if (res.ok && res.type === 'basic') {
      var copy = res.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(key, copy); }));
    }
    return res;
  }, function (err) {
    return caches.match(key).then(function (kept) {
      if (kept) return kept;
      throw err;
    });
  }));
});
