// access.lib.js: the page side of the accessibility mirror (src/app/access.h). The app describes
// its screen as windows of items; this keeps one hidden element per item, over the canvas where
// the item is drawn, so a screen reader, a magnifier and touch exploration find real elements with
// roles, names and states. Updated by difference: an element is made once and changed in place.
mergeInto(LibraryManager.library, {
  cp_js_access_install: function () {
    var root = document.createElement('div');
    root.id = 'cp-access';
    root.className = 'cp-access';
    document.body.insertBefore(root, document.getElementById('canvas').nextSibling);
    // Two live regions, outside the mirror's tree so updating it never repeats them: polite for
    // "Saved" and notes, assertive for blocking errors and failed saves.
    var region = function (id, politeness) {
      var el = document.createElement('div');
      el.id = id;
      el.className = 'cp-access-live';
      el.setAttribute('aria-live', politeness);
      el.setAttribute('role', politeness === 'assertive' ? 'alert' : 'status');
      document.body.appendChild(el);
      return el;
    };
    var state = { root: root, byId: new Map(), windows: new Map(), last: null, said: 0,
                  polite: region('cp-say-polite', 'polite'), urgent: region('cp-say-urgent', 'assertive'),
                  modal: null, opener: null };
    window.cpAccess = state;
    var activate = function (el) {
      var id = Number(el.dataset.id);
      if (id) Module['ccall']('cp_access_activate', null, ['number'], [id >>> 0]);
    };
    // A reader's "press" (Enter or a double tap in browse mode) arrives as a click on the element.
    root.addEventListener('click', function (e) {
      var el = e.target.closest('[data-id]');
      if (el) { e.preventDefault(); activate(el); }
    });
    // A reader's Tab or virtual cursor moving focus onto an element moves ImGui's focus with it
    // (not when the app itself moved the page's focus to where ImGui's already is).
    root.addEventListener('focusin', function (e) {
      var el = e.target.closest('[data-id]');
      var id = el ? Number(el.dataset.id) : 0;
      if (id && !state.quiet && !(state.last && state.last.f === id)) Module['ccall']('cp_access_focus', null, ['number'], [id >>> 0]);
    });
    // Focus the app moves itself (into a dialog, back to its opener) is not a request to move ImGui's.
    state.focus = function (el) {
      state.quiet = true;
      try { el.focus({ preventScroll: true }); } finally { state.quiet = false; }
    };
    state.activate = activate;
    // The first stop for a keyboard entering the page, shown when it has the focus.
    var skip = document.getElementById('cp-skip');
    if (skip) skip.addEventListener('click', function (e) {
      e.preventDefault();
      Module['ccall']('cp_access_skip', 'number', [], []);
      Module['canvas'].focus({ preventScroll: true });
    });
    state.skip = skip;
  },

  // A description of a list scrolled by the wheel, and of nothing else changed, is applied at most
  // every 100 ms, the last one of a burst when the burst ends: rebuilding rows and moving every
  // element once a frame was half of a scrolled frame's time, and no one hears or sees the steps
  // between. Everything else (a new screen, the focus, a message, a dialog) comes with atOnce and
  // is applied there and then.
  cp_js_publish_access__deps: ['$cpAccessApply'],
  cp_js_publish_access: function (json, atOnce) {
    var s = window.cpAccess;
    if (!s) return;
    s.pending = UTF8ToString(json);
    s.published = (s.published || 0) + 1;
    var apply = function () {
      if (s.timer) { clearTimeout(s.timer); s.timer = 0; }
      var text = s.pending;
      s.pending = null;
      s.appliedAt = performance.now();
      if (text !== null) cpAccessApply(JSON.parse(text));
    };
    var wait = 100 - (performance.now() - (s.appliedAt || -1e9));
    if (atOnce || wait <= 0) apply();
    else if (!s.timer) s.timer = setTimeout(apply, wait);
  },

  $cpAccessApply: function (d) {
    var s = window.cpAccess;
    s.last = d;
    s.frame = (s.frame || 0) + 1;
    if (s.skip && s.skip.hidden === !!d.sk) s.skip.hidden = !d.sk;
    var ROLES = { dialog: 'dialog', menu: 'menu', list: 'listbox', group: 'group', region: 'region' };
    var set = function (el, name, value) {
      if (value === null || value === undefined || value === false) {
        if (el.hasAttribute(name)) el.removeAttribute(name);
      } else if (el.getAttribute(name) !== String(value)) {
        el.setAttribute(name, String(value));
      }
    };
    var words = function (r) { return r === 'heading' || r === 'text' || r === 'alert'; };
    var fill = function (el, it) {
      var st = it.s || '';
      set(el, 'role', it.r === 'text' ? null : it.r === 'alert' ? 'note' : it.r);
      if (it.r === 'heading') set(el, 'aria-level', 3);
      var named = it.r === 'textbox' || it.r === 'combobox';
      // Buttons and words speak their text; a field is named by its label and speaks its value.
      if (named) {
        // "Pupil's full name *": the star is said as required, not read out as a star.
        var required = / \*$/.test(it.n);
        set(el, 'aria-label', required ? it.n.slice(0, -2) : it.n);
        set(el, 'aria-required', required ? 'true' : null);
        var shown = it.v || '';
        if (el.textContent !== shown) el.textContent = shown;
      } else if (el.textContent !== it.n) {
        el.textContent = it.n;
      }
      if (!words(it.r)) set(el, 'tabindex', -1);
      var checkable = st.indexOf('c') >= 0 || st.indexOf('u') >= 0;
      set(el, 'aria-checked', checkable ? (st.indexOf('c') >= 0 ? 'true' : 'false') : null);
      var openable = st.indexOf('e') >= 0 || st.indexOf('E') >= 0;
      set(el, 'aria-expanded', openable ? (st.indexOf('e') >= 0 ? 'true' : 'false') : null);
      if (it.r === 'combobox') set(el, 'aria-haspopup', 'listbox');
      set(el, 'aria-selected', it.r === 'tab' || it.r === 'option' ? (st.indexOf('s') >= 0 ? 'true' : 'false') : null);
      set(el, 'aria-disabled', st.indexOf('d') >= 0 ? 'true' : null);
      // Through the style object: the page's policy refuses style attributes.
      var pos = it.x + ',' + it.y + ',' + it.w + ',' + it.h;
      if (el.cpPos !== pos) {
        el.cpPos = pos;
        el.style.left = it.x + 'px';
        el.style.top = it.y + 'px';
        el.style.width = Math.max(1, it.w) + 'px';
        el.style.height = Math.max(1, it.h) + 'px';
      }
    };
    var element = function (it) {
      var el = s.byId.get(it.id);
      if (!el) {
        el = document.createElement(words(it.r) && it.r !== 'heading' ? 'p' : 'div');
        el.dataset.id = it.id;
        el.className = 'cp-access-item';
        s.byId.set(it.id, el);
      }
      fill(el, it);
      return el;
    };
    // Consecutive tabs form a tab list; consecutive items of a menu bar form the menu bar.
    var groupOf = function (it, w) {
      if (it.r === 'tab') return 'tablist';
      if (w.k !== 'menu' && (it.r === 'menuitem' || it.r === 'menuitemcheckbox')) return 'menubar';
      return null;
    };
    var place = function (parent, children) {
      var at = parent.firstChild;
      children.forEach(function (c) {
        if (c !== at) parent.insertBefore(c, at);
        else at = at.nextSibling;
      });
      while (at) { var next = at.nextSibling; parent.removeChild(at); at = next; }
    };
    var seen = new Set();
    var wins = d.w.map(function (w, wi) {
      var key = w.n + '|' + w.k;
      var box = s.windows.get(key);
      if (!box) {
        box = document.createElement('div');
        box.className = 'cp-access-window';
        s.windows.set(key, box);
      }
      set(box, 'role', wi === 0 && w.k === 'region' ? 'main' : ROLES[w.k]);
      set(box, 'aria-label', w.n.replace(/#.*$/, '') || null);
      set(box, 'aria-modal', w.m ? 'true' : null);
      var kids = [], group = null, groupKind = null, groupN = 0;
      // A wrapper kept from frame to frame by key (a table, its rows and cells), emptied the first
      // time it is used in a frame.
      var wrapper = function (wk, role) {
        var el = s.windows.get(wk);
        if (!el) { el = document.createElement('div'); s.windows.set(wk, el); }
        set(el, 'role', role);
        if (el.cpFrame !== s.frame) { el.cpFrame = s.frame; el.cpKids = []; el.cpParts = {}; return { el: el, fresh: true }; }
        return { el: el, fresh: false };
      };
      // An item in a table's cell goes into a cell of a row of the table: a reader says the column's
      // heading and where it is in the table as it moves through it.
      var inTable = function (it, el) {
        var tk = key + '|t' + it.tb;
        var t = wrapper(tk, 'table');
        if (t.fresh) { kids.push(t.el); set(t.el, 'aria-colcount', it.cc); }
        var r = t.el.cpParts[it.ro];
        if (!r) { r = wrapper(tk + '|' + it.ro, 'row').el; t.el.cpParts[it.ro] = r; t.el.cpKids.push(r); }
        var c = r.cpParts[it.co];
        if (!c) {
          c = wrapper(tk + '|' + it.ro + '|' + it.co, it.hr ? 'columnheader' : 'cell').el;
          set(c, 'aria-colindex', it.co + 1);
          r.cpParts[it.co] = c;
          r.cpKids.push(c);
        }
        c.cpKids.push(el);
      };
      w.i.forEach(function (it) {
        seen.add(it.id);
        var el = element(it);
        if (it.tb) { group = null; groupKind = null; inTable(it, el); return; }
        var g = groupOf(it, w);
        if (!g) { group = null; groupKind = null; kids.push(el); return; }
        if (g !== groupKind) {
          groupKind = g; groupN += 1;
          var gk = key + '|' + g + groupN;
          group = s.windows.get(gk);
          if (!group) { group = document.createElement('div'); s.windows.set(gk, group); }
          set(group, 'role', g);
          group.cpKids = [];
          kids.push(group);
        }
        group.cpKids.push(el);
      });
      var placeAll = function (k) { if (k.cpKids) { k.cpKids.forEach(placeAll); place(k, k.cpKids); } };
      kids.forEach(placeAll);
      place(box, kids);
      return box;
    });
    place(s.root, wins);
    s.byId.forEach(function (el, id) { if (!seen.has(id)) s.byId.delete(id); });
    // Tables' row and cell wrappers are kept by row number: those no row used this time (rows
    // scrolled out of a long list) are let go, or scrolling 10,000 cases would keep every one.
    s.windows.forEach(function (el, k) { if (el.cpFrame !== undefined && el.cpFrame !== s.frame) s.windows.delete(k); });
    // Focus follows ImGui's keyboard focus, so a reader speaks what Tab or an arrow moved to; not
    // while a field is being typed in (the text box below has the keys), nor when the mouse moved it.
    // The element that had the focus went with what it mirrored (a panel closed): the keys go
    // back to the canvas rather than to the page, which would lose them.
    if (document.activeElement === document.body && document.hasFocus()) Module['canvas'].focus({ preventScroll: true });
    var active = document.activeElement;
    var ta = document.getElementById('cp-text-input');
    // The text box still has the page's focus on the frame a field is left with Tab.
    var ours = active === Module['canvas'] || active === ta || s.root.contains(active);
    var target = d.f ? s.byId.get(d.f) : null;
    if (ta) {
      // Named by the field being edited; for a frame in which that field has no element here (a
      // menu opening over it), by the name it had; never an unnamed text box.
      var label = d.t && target ? (target.getAttribute('aria-label') || target.textContent) : null;
      if (d.t && !target) label = ta.getAttribute('aria-label');
      set(ta, 'aria-label', label);
      if (!d.t || target) set(ta, 'aria-required', d.t ? target.getAttribute('aria-required') : null);
      set(ta, 'aria-hidden', d.t && label ? null : 'true');
    }
    if (ours && d.kv && !d.t && target && active !== target) s.focus(target);
    if (d.say && d.say.n !== s.said) {
      s.said = d.say.n;
      s.polite.textContent = d.say.polite || '';
      s.urgent.textContent = d.say.urgent || '';
    }
    // A dialog that opens takes the focus (its first control); when it closes, the focus goes back
    // to what opened it.
    // What opened it is the item ImGui last focused before it: the one pressed, by mouse or key.
    var modal = s.root.querySelector('[aria-modal=true]');
    if (modal !== s.modal) {
      var inside = document.activeElement;
      var ours2 = inside === Module['canvas'] || inside === document.body || s.root.contains(inside);
      if (modal && !s.modal) s.opener = s.lastOutside || 0;
      if (modal && ours2 && !modal.contains(inside)) {
        var first = modal.querySelector('[tabindex]');
        if (first) s.focus(first);
      } else if (!modal && ours2) {
        var back = s.opener ? s.byId.get(s.opener) : null;
        if (back && back.isConnected) s.focus(back);
        else if (inside === document.body) Module['canvas'].focus({ preventScroll: true });
        s.opener = 0;
      }
      s.modal = modal;
    }
    // The item focused last outside any dialog: what a dialog opened from it returns to.
    if (!modal && target) s.lastOutside = d.f;
  },
});
