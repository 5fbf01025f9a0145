// Pagebook preview bridge: the DOM operations the kernel's DomBridge needs, over handles.
// Injected by the app after each load. It exposes nothing of the host to the page: events go
// out only as window.status strings, which the app parses (the page could send the same clicks).
(function () {
  if (window.__pagebook) { return; }
  var nodes = new Map(), handles = new WeakMap(), next = 1, seq = 0;
  // Handles from an earlier load of the page must not name this load's elements: the kernel may
  // still hold them, and a click on an unrelated element would run the old element's handler.
  var load = Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36);
  var listened = new Set(), changed = new Set();
  var FORWARDED = ["click", "dblclick", "input", "change", "submit", "keydown", "keyup", "mouseover", "mouseout", "focus", "blur"];
  function handle(node) {
    var h = handles.get(node);
    if (!h) { h = "h" + load + "-" + (next++); handles.set(node, h); nodes.set(h, node); }
    return h;
  }
  function node(h) {
    if (h === null || h === undefined) { return document; }
    var n = nodes.get(h);
    if (!n) { throw new Error("unknown element handle " + h); }
    return n;
  }
  function touched(n) {
    var el = n && n.nodeType === 1 ? n : (n && n.parentElement);
    var withId = el && el.closest ? el.closest("[id]") : null;
    if (withId && withId.isConnected) { changed.add(withId.id); }
  }
  function send(target, type) {
    window.status = "pagebook-event " + (++seq) + " " + handle(target) + " " + type;
  }
  function forward(ev) {
    var t = ev.target && ev.target.nodeType === 1 ? ev.target : (ev.target && ev.target.parentElement);
    if (!t) { return; }
    if (listened.has(ev.type) || (t.closest && t.closest("[py-" + ev.type + "]"))) {
      if (ev.type === "submit") { ev.preventDefault(); }
      send(t, ev.type);
    }
  }
  FORWARDED.forEach(function (type) { document.addEventListener(type, forward, true); });
  var ops = {
    select: function (scope, css) { return Array.prototype.map.call(node(scope).querySelectorAll(css), handle); },
    createElement: function (tag) { return handle(document.createElement(tag)); },
    getProperty: function (h, name) {
      var n = node(h);
      if (name === "tagName") { return n.tagName ? n.tagName.toUpperCase() : null; }
      var v = n[name];
      return v === undefined || v === null ? null : String(v);
    },
    setProperty: function (h, name, value) { var n = node(h); n[name] = value; touched(n); return null; },
    getAttribute: function (h, name) { return node(h).getAttribute(name); },
    setAttribute: function (h, name, value) { var n = node(h); n.setAttribute(name, value); touched(n); return null; },
    removeAttribute: function (h, name) { var n = node(h); n.removeAttribute(name); touched(n); return null; },
    appendChild: function (p, c) { var n = node(p); n.appendChild(node(c)); touched(n); return null; },
    insertBefore: function (p, c, r) { var n = node(p); n.insertBefore(node(c), node(r)); touched(n); return null; },
    removeElement: function (h) { var n = node(h), parent = n.parentNode; if (parent) { touched(parent); parent.removeChild(n); } return null; },
    parent: function (h) { var p = node(h).parentElement; return p ? handle(p) : null; },
    children: function (h) { return Array.prototype.map.call(node(h).children, handle); },
    matches: function (h, css) { return node(h).matches(css); },
    listen: function (h, type) {
      node(h);
      if (!listened.has(type)) {
        listened.add(type);
        if (FORWARDED.indexOf(type) < 0) { document.addEventListener(type, forward, true); }
      }
      return null;
    },
    pageProperty: function (name) {
      switch (name) {
        case "title": return document.title;
        case "href": case "location": return String(window.location.href);
        case "readyState": return document.readyState;
        default: return null;
      }
    },
    drainChanges: function () {
      var out = {};
      changed.forEach(function (id) { var el = document.getElementById(id); if (el) { out[id] = el.innerHTML; } });
      changed.clear();
      return out;
    },
    replaceOutputs: function (cellId, html) {
      var out = document.getElementById(cellId + "-output");
      if (!out) {
        var cell = document.getElementById(cellId);
        if (!cell || !cell.parentNode) { return false; }
        out = document.createElement("div");
        out.id = cellId + "-output";
        out.className = "pagebook-output";
        cell.parentNode.insertBefore(out, cell.nextSibling);
      }
      out.innerHTML = html;
      return true;
    },
    scroll: function () { return [window.scrollX, window.scrollY]; },
    scrollTo: function (x, y) { window.scrollTo(x, y); return null; }
  };
  Object.defineProperty(window, "__pagebook", {
    value: Object.freeze({
      call: function (op, argsJson) {
        try {
          return JSON.stringify({ ok: ops[op].apply(null, JSON.parse(argsJson)) });
        } catch (e) {
          return JSON.stringify({ error: String(e && e.message || e) });
        }
      }
    })
  });
})();
