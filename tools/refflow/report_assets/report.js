/* report.js: sorting and filtering of index.html's findings table, for
 * refflow's HTML report. Without it the table is complete and plain.
 * The filter and sort state lives in the URL fragment
 * (#check=leak&file=a.c&q=text&new=1&sort=location&desc=1); a query
 * string (?check=leak) is read too, so links from anywhere work. */
(function () {
  "use strict";
  var table = document.getElementById("findings");
  var form = document.getElementById("filters");
  if (!table || !form) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var ui = {
    check: document.getElementById("f-check"),
    file: document.getElementById("f-file"),
    q: document.getElementById("f-q"),
    fresh: document.getElementById("f-new"),
    shown: document.getElementById("shown")
  };
  var state = { check: "", file: "", q: "", fresh: false, sort: "", desc: false };

  function distinct(attr) {
    var seen = {}, out = [];
    rows.forEach(function (r) {
      var v = r.getAttribute(attr);
      if (!seen.hasOwnProperty(v)) { seen[v] = true; out.push(v); }
    });
    return out.sort();
  }
  var commonDir = table.getAttribute("data-common-dir") || "";
  function shortFile(v) {
    return commonDir && v.indexOf(commonDir) === 0 ? v.slice(commonDir.length) : v;
  }
  function fill(select, values, label) {
    values.forEach(function (v) {
      var o = document.createElement("option");
      o.value = v; o.textContent = label ? label(v) : v;
      select.appendChild(o);
    });
  }

  function parse(text) {
    var out = {};
    text.replace(/^[?#]/, "").split("&").forEach(function (kv) {
      if (!kv) return;
      var i = kv.indexOf("="), k = i < 0 ? kv : kv.slice(0, i);
      var v = i < 0 ? "" : kv.slice(i + 1);
      try { out[decodeURIComponent(k)] = decodeURIComponent(v.replace(/\+/g, " ")); }
      catch (e) { /* a malformed escape: ignore that pair */ }
    });
    return out;
  }
  function readUrl() {
    var p = parse(location.search), h = parse(location.hash);
    for (var k in h) if (h.hasOwnProperty(k)) p[k] = h[k];
    state.check = p.check || "";
    state.file = p.file || "";
    state.q = p.q || "";
    state.fresh = p["new"] === "1";
    state.sort = p.sort || "";
    state.desc = p.desc === "1";
  }
  function writeUrl() {
    var parts = [];
    if (state.check) parts.push("check=" + encodeURIComponent(state.check));
    if (state.file) parts.push("file=" + encodeURIComponent(state.file));
    if (state.q) parts.push("q=" + encodeURIComponent(state.q));
    if (state.fresh) parts.push("new=1");
    if (state.sort) parts.push("sort=" + encodeURIComponent(state.sort));
    if (state.sort && state.desc) parts.push("desc=1");
    var url = location.pathname + (parts.length ? "#" + parts.join("&") : "");
    try { history.replaceState(null, "", url); } catch (e) { /* file:// may refuse */ }
  }
  function setOption(select, value) {
    select.value = value;
    if (select.value !== value) {   /* a value no row has: show it, match nothing */
      fill(select, [value]);
      select.value = value;
    }
  }
  function toUi() {
    setOption(ui.check, state.check);
    setOption(ui.file, state.file);
    ui.q.value = state.q;
    ui.fresh.checked = state.fresh;
  }

  function matches(r) {
    if (state.check && r.getAttribute("data-check") !== state.check) return false;
    if (state.file && r.getAttribute("data-file") !== state.file) return false;
    if (state.fresh && r.getAttribute("data-new") !== "1") return false;
    if (state.q && r.textContent.toLowerCase().indexOf(state.q.toLowerCase()) < 0) return false;
    return true;
  }
  function filter() {
    var n = 0;
    rows.forEach(function (r) {
      var ok = matches(r);
      r.hidden = !ok;
      if (ok) n++;
    });
    ui.shown.textContent = "showing " + n + " of " + rows.length;
    table.setAttribute("data-shown", String(n));
  }

  function key(r, col, numeric) {
    var cell = r.cells[col];
    var v = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    return numeric ? parseFloat(v) || 0 : v.toLowerCase();
  }
  function sort() {
    heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
    var col = -1;
    heads.forEach(function (h, i) { if (h.getAttribute("data-key") === state.sort) col = i; });
    var order = rows.slice();
    if (col >= 0) {
      var numeric = heads[col].getAttribute("data-type") === "num";
      heads[col].setAttribute("aria-sort", state.desc ? "descending" : "ascending");
      order = order.map(function (r, i) { return [key(r, col, numeric), i, r]; });
      order.sort(function (a, b) {
        var c = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
        return (state.desc ? -c : c) || a[1] - b[1];
      });
      order = order.map(function (x) { return x[2]; });
    }
    order.forEach(function (r) { tbody.appendChild(r); });
  }

  function update() { filter(); sort(); writeUrl(); }

  fill(ui.check, distinct("data-check"));
  fill(ui.file, distinct("data-file"), shortFile);
  readUrl();
  toUi();
  filter();
  sort();
  form.hidden = false;
  table.classList.add("sortable");

  ui.check.addEventListener("change", function () { state.check = ui.check.value; update(); });
  ui.file.addEventListener("change", function () { state.file = ui.file.value; update(); });
  ui.q.addEventListener("input", function () { state.q = ui.q.value; update(); });
  ui.fresh.addEventListener("change", function () { state.fresh = ui.fresh.checked; update(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  heads.forEach(function (h) {
    h.setAttribute("tabindex", "0");
    function click() {
      var k = h.getAttribute("data-key");
      state.desc = state.sort === k ? !state.desc : false;
      state.sort = k;
      update();
    }
    h.addEventListener("click", click);
    h.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); click(); }
    });
  });
  window.addEventListener("hashchange", function () { readUrl(); toUi(); filter(); sort(); });
})();
