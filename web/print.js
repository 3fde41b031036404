// print.js: prints one of a case's forms or letters as real HTML, so the browser lays it out on
// A4 with selectable text (a canvas would print as a blurry picture, or not at all).
//
//   window.cpPrint.show(docJson, htmlTitle)   // docJson: documents.h's document_to_json, plus
//                                             // demo, citation, authority, caseId, printed
//
// The document goes into #print-root, which print.css hides on screen and prints alone. Nothing is
// sent anywhere: the browser's own print dialog (or "Save as PDF") is the only way out.
(function () {
  'use strict';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  // A blank the case cannot fill: flagged on screen, a box to write in on paper.
  function missingBox() {
    var box = el('span', 'missing-box');
    box.appendChild(el('span', 'missing-label', 'Missing'));
    return box;
  }

  function fieldRow(f) {
    var tr = el('tr', f.missing ? 'field missing' : 'field');
    tr.appendChild(el('th', 'label', f.label));
    var td = el('td', 'value');
    if (f.missing) td.appendChild(missingBox());
    else td.textContent = f.value;
    tr.appendChild(td);
    return tr;
  }

  function fieldsTable(fields) {
    var table = el('table', 'fields');
    var body = el('tbody');
    fields.forEach(function (f) { body.appendChild(fieldRow(f)); });
    table.appendChild(body);
    return table;
  }

  // Signature lines are grouped into boxes, two to a row, as on the LA forms.
  function signatureBoxes(fields) {
    var grid = el('div', 'signatures');
    fields.forEach(function (f) {
      var box = el('div', 'signature-box');
      box.appendChild(el('span', 'signature-label', f.label));
      box.appendChild(el('span', 'signature-line'));
      grid.appendChild(box);
    });
    return grid;
  }

  // A table of figures (the panel report): { columns: [...], rows: [[...], ...] }, text only.
  function dataTable(t) {
    var table = el('table', 'data');
    var head = el('thead');
    var hr = el('tr');
    (t.columns || []).forEach(function (c) { hr.appendChild(el('th', null, c)); });
    head.appendChild(hr);
    table.appendChild(head);
    var body = el('tbody');
    (t.rows || []).forEach(function (r) {
      var tr = el('tr', r.total ? 'total' : null);
      (r.cells || r).forEach(function (c) { tr.appendChild(el('td', null, c)); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    return table;
  }

  // A chart the app drew as PNG: only data: URLs of PNG images are accepted.
  function picture(img) {
    var fig = el('figure', 'chart');
    if (typeof img.src === 'string' && img.src.indexOf('data:image/png;base64,') === 0) {
      var i = el('img');
      i.src = img.src;
      i.alt = img.alt || '';
      fig.appendChild(i);
    }
    if (img.alt) fig.appendChild(el('figcaption', null, img.alt));
    return fig;
  }

  function section(s) {
    var sec = el('section', 'doc-section');
    sec.appendChild(el('h2', null, s.heading));
    if ((s.paragraphs || []).length) {
      var text = el('div', 'running-text');
      s.paragraphs.forEach(function (p) { text.appendChild(el('p', 'paragraph', p)); });
      sec.appendChild(text);
    }
    var fields = (s.fields || []).filter(function (f) { return !f.signature; });
    var signs = (s.fields || []).filter(function (f) { return f.signature; });
    if (fields.length) sec.appendChild(fieldsTable(fields));
    if (signs.length) sec.appendChild(signatureBoxes(signs));
    if (s.table) sec.appendChild(dataTable(s.table));
    if (s.image) sec.appendChild(picture(s.image));
    return sec;
  }

  // Screen-only: on paper the empty boxes themselves ask to be filled in.
  function missingWarning(missing) {
    var box = el('div', 'missing-warning screen-only');
    box.setAttribute('role', 'status');
    box.appendChild(el('p', 'missing-count', missing.length ? plural(missing.length, 'item', 'items') + ' missing'
                                                               : 'Nothing missing'));
    if (missing.length) {
      var ul = el('ul');
      missing.forEach(function (m) { ul.appendChild(el('li', null, m)); });
      box.appendChild(ul);
    }
    return box;
  }

  function header(doc) {
    var h = el('header', 'doc-head');
    if (doc.authority) h.appendChild(el('p', 'doc-authority', doc.authority));
    h.appendChild(el('h1', null, doc.title));
    var src = doc.citation || (doc.source ? doc.source.text : '');
    if (src) h.appendChild(el('p', 'doc-source', 'Source: ' + src));
    return h;
  }

  function footer(doc) {
    var parts = [];
    if (doc.caseId) parts.push('Case ' + doc.caseId);
    if (doc.printed) parts.push('printed ' + doc.printed + ' from the case planner');
    return el('footer', 'doc-foot', parts.join(' · '));
  }

  function article(doc) {
    var a = el('article', 'doc');
    a.appendChild(header(doc));
    a.appendChild(missingWarning(doc.missing || []));
    (doc.sections || []).forEach(function (s) { a.appendChild(section(s)); });
    a.appendChild(footer(doc));
    return a;
  }

  // The DEMO marker: a fixed header (Chromium and Firefox repeat fixed elements on every printed
  // page) over a repeated table header that keeps room for it, plus a faint watermark.
  function demoFrame(content) {
    var frame = el('table', 'page-frame');
    var head = el('thead');
    var hr = el('tr');
    hr.appendChild(el('td', 'demo-space'));
    head.appendChild(hr);
    var body = el('tbody');
    var br = el('tr');
    var cell = el('td');
    cell.appendChild(content);
    br.appendChild(cell);
    body.appendChild(br);
    frame.appendChild(head);
    frame.appendChild(body);
    return frame;
  }

  function render(root, doc) {
    root.replaceChildren();
    root.classList.toggle('demo', !!doc.demo);
    if (!doc.demo) { root.appendChild(article(doc)); return; }
    root.appendChild(el('div', 'demo-mark', 'DEMO \u2014 training workspace: fictional pupil, not a real record'));
    root.appendChild(el('div', 'demo-watermark', 'DEMO'));
    root.appendChild(demoFrame(article(doc)));
  }

  function rootElement() {
    var root = document.getElementById('print-root');
    if (!root) {
      root = el('div');
      root.id = 'print-root';
      document.body.appendChild(root);
    }
    return root;
  }

  var savedTitle = null;

  // After the dialog closes the pupil's details leave the page again and the tab title comes back.
  window.addEventListener('afterprint', function () {
    if (savedTitle === null) return;
    document.title = savedTitle;
    savedTitle = null;
    rootElement().replaceChildren();
  });

  window.cpPrint = {
    show: function (docJson, htmlTitle) {
      var doc = typeof docJson === 'string' ? JSON.parse(docJson) : docJson;
      render(rootElement(), doc);
      if (savedTitle === null) savedTitle = document.title;
      // Browsers offer the title as the file name of "Save as PDF".
      document.title = htmlTitle || doc.title || savedTitle;
      window.print();
    }
  };
})();
