// hello_shell.js: the least a page needs to start an Emscripten module (no inline script, so the
// page runs under the app's Content-Security-Policy). Records the first frame like web/loader.js.
window.cpShell = { firstFrameMs: null, firstFrame: function () { this.firstFrameMs = performance.now(); } };
window.Module = { canvas: document.getElementById('canvas') };
