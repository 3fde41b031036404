// files.lib.js: downloads, the file chooser, timestamps and the page address (--js-library).
mergeInto(LibraryManager.library, {
  cp_js_download: function (name, data, len, mime) {
    var bytes = HEAPU8.slice(data, data + len);
    var blob = new Blob([bytes], { type: UTF8ToString(mime) });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
  },
  cp_js_pick_file: function (id, accept) {
    var input = document.getElementById('cp-file-input');
    if (!input) {
      input = document.createElement('input');
      input.type = 'file';
      input.id = 'cp-file-input';
      input.hidden = true;
      document.body.appendChild(input);
    }
    input.accept = UTF8ToString(accept);
    input.value = '';
    var answer = function (name, bytes, error) {
      var n = lengthBytesUTF8(name) + 1, e = lengthBytesUTF8(error) + 1;
      var pn = _malloc(n), pe = _malloc(e), pb = _malloc(Math.max(1, bytes.length));
      stringToUTF8(name, pn, n); stringToUTF8(error, pe, e); HEAPU8.set(bytes, pb);
      Module['_cp_file_picked'](id, pn, pb, bytes.length, pe);
      _free(pn); _free(pe); _free(pb);
    };
    input.onchange = function () {
      var f = input.files && input.files[0];
      if (!f) { answer('', new Uint8Array(0), ''); return; }
      // Refuse before reading: a huge file must not be pulled into memory.
      if (f.size > 80 * 1024 * 1024) { answer(f.name, new Uint8Array(0), 'too_large'); return; }
      f.arrayBuffer().then(function (buf) { answer(f.name, new Uint8Array(buf), ''); },
                           function (err) { answer(f.name, new Uint8Array(0), String(err)); });
    };
    // A cancelled chooser answers nothing: the request is simply replaced by the next one.
    input.oncancel = null;
    input.click();
  },
  cp_js_now_utc: function (out, size) {
    stringToUTF8(new Date().toISOString().slice(0, 19) + 'Z', out, size);
  },
  cp_js_url_param: function (name, out, size) {
    var v = new URLSearchParams(location.search).get(UTF8ToString(name)) || '';
    stringToUTF8(v, out, size);
  },
  cp_js_publish_state: function (json) {
    var t = window.cpTest || (window.cpTest = { frame: 0 });
    t.state = JSON.parse(UTF8ToString(json));
  },
  // The root element's font size is the browser's text size setting (the page sets none of its own).
  cp_js_preferred_text_scale: function () {
    var px = parseFloat(getComputedStyle(document.documentElement).fontSize);
    return px > 0 ? px / 16 : 1;
  },
  cp_js_prefers_reduced_motion: function () {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
  },
  cp_js_redraw_after: function (ms) {
    setTimeout(function () { Module['_cp_request_redraw'](); }, ms);
  },
});
