// platform_web.lib.js: the few browser calls the C++ platform layer makes (linked with --js-library).
mergeInto(LibraryManager.library, {
  cp_js_install_listeners: function () {
    var canvas = Module['canvas'];
    // Mouse-down is prevented (no page text selection), which also blocks focusing: do it here.
    canvas.addEventListener('mousedown', function () { canvas.focus(); });
    canvas.addEventListener('touchstart', function () { canvas.focus(); }, { passive: true });
    // Text arrives through a hidden textarea while ImGui edits text: it receives IME composition,
    // dead keys, on-screen keyboards and characters a key event cannot carry.
    var ta = document.createElement('textarea');
    ta.id = 'cp-text-input';
    ta.setAttribute('autocomplete', 'off');
    ta.setAttribute('autocapitalize', 'off');
    ta.setAttribute('spellcheck', 'false');
    ta.setAttribute('aria-hidden', 'true');
    ta.tabIndex = -1;  // reached only while ImGui edits text, never by the page's Tab
    ta.className = 'cp-text-input';
    document.body.appendChild(ta);
    var sendText = function (t) { if (t) Module['ccall']('cp_on_text', null, ['string'], [t]); };
    ta.addEventListener('input', function (e) {
      if (e.isComposing) return;
      var t = ta.value; ta.value = '';
      if (e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop') {
        if (t) Module['ccall']('cp_on_paste', null, ['string'], [t]);
      } else {
        sendText(t);
      }
    });
    ta.addEventListener('compositionend', function (e) { ta.value = ''; sendText(e.data); });
    // Paste is the browser's own: it lands in the text input above and reaches the field through
    // 'input'. Nothing here cancels a paste (a page that did would keep people from pasting, as
    // Lighthouse's check says).
    canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
    document.addEventListener('visibilitychange', function () { Module['ccall']('cp_request_redraw', null, [], []); });
    if (window.matchMedia) {
      // Zoom or a move to another screen changes devicePixelRatio without always firing resize.
      var watch = function () {
        var mq = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
        mq.addEventListener('change', function () { Module['ccall']('cp_request_redraw', null, [], []); watch(); }, { once: true });
      };
      watch();
    }
    canvas.focus();
  },
  cp_js_text_input: function (active, x, y) {
    var ta = document.getElementById('cp-text-input');
    var canvas = Module['canvas'];
    if (active) {
      ta.style.left = x + 'px';
      ta.style.top = y + 'px';
      // From the canvas, or from an element of the accessibility mirror a reader pressed.
      var mirror = document.getElementById('cp-access');
      var from = document.activeElement;
      if (from === canvas || (mirror && mirror.contains(from))) ta.focus({ preventScroll: true });
    } else if (document.activeElement === ta) {
      canvas.focus({ preventScroll: true });
    }
  },
  cp_js_set_cursor: function (css) {
    Module['canvas'].style.cursor = UTF8ToString(css);
  },
  cp_js_write_clipboard: function (text) {
    var s = UTF8ToString(text);
    window.cpLastCopied = s;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(s).catch(function (err) { console.warn('Copy to the clipboard was refused: ' + err); });
    }
  },
  cp_js_set_title: function (title) { document.title = UTF8ToString(title); },
  // While a change is not yet stored, or a form is open, closing or leaving the tab asks first.
  cp_js_set_leave_warning: function (on) {
    if (!window.cpLeave) {
      window.cpLeave = { on: false };
      window.addEventListener('beforeunload', function (e) {
        if (!window.cpLeave.on) return;
        e.preventDefault();
        e.returnValue = '';
      });
    }
    window.cpLeave.on = !!on;
  },
  cp_js_test_mode: function () { return new URLSearchParams(location.search).has('test') ? 1 : 0; },
  cp_js_publish_items: function (json) {
    var t = window.cpTest || (window.cpTest = { frame: 0 });
    t.items = JSON.parse(UTF8ToString(json));
    t.frame += 1;
  },
  // Test mode: whether the app still has a frame to draw for the input it has had, so a test
  // waits until the screen has settled instead of for a fixed number of frames or seconds.
  cp_js_frames_pending: function (pending) {
    if (window.cpTest) window.cpTest.pending = !!pending;
  },
  cp_js_today: function (out, size) {
    var d = new Date();
    var s = d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
    stringToUTF8(s, out, size);
  },
  cp_js_first_frame_done: function () {
    if (window.cpShell) window.cpShell.firstFrame();
  },
  // accessMs: the part of the frame spent describing it for the accessibility mirror; drawn: 0 when
  // the frame's picture was the one on the canvas already, so nothing was drawn.
  cp_js_frame_stats: function (cpuMs, accessMs, drawn) {
    var s = window.cpStats || (window.cpStats = { frames: 0, drawn: 0, cpuMs: 0, last: 0 });
    s.frames += 1; s.drawn += drawn; s.cpuMs += cpuMs; s.lastAccess = accessMs; s.last = cpuMs;
  },
});
