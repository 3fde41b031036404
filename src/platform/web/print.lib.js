// print.lib.js: hands a document (JSON) to the page's printer, web/print.js (--js-library).
mergeInto(LibraryManager.library, {
  cp_js_print_document: function (title, json) {
    var t = UTF8ToString(title), j = UTF8ToString(json);
    if (!window.cpPrint) { console.error('print.js is not loaded: cannot print'); return; }
    // Out of the frame callback: the print dialog blocks, and the app's frame should finish first.
    setTimeout(function () { window.cpPrint.show(j, t); }, 0);
  },
});
