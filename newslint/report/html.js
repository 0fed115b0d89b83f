// Light on purpose: the text and its marks are rendered by newslint; this only
// shows messages, filters and moves between findings.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("findings-data").textContent) || {findings: []};
  var findings = data.findings || [];
  var tip = document.getElementById("tip"), detail = document.getElementById("detail");
  var segments = Array.prototype.slice.call(document.querySelectorAll(".m"));
  var segmentsOf = {};
  segments.forEach(function (el) {
    el._ids = el.getAttribute("data-f").split(" ").map(Number);
    el._ids.forEach(function (id) { (segmentsOf[id] = segmentsOf[id] || []).push(el); });
  });
  var shown = {severity: {}, family: {}, rule: {}};
  var rank = {error: 3, warning: 2, info: 1};
  var current = -1;

  function visible(id) {
    var f = findings[id];
    return !shown.severity[f.severity] && !shown.family[f.family] && !shown.rule[f.rule];
  }
  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; });
  }
  function describe(f, full) {
    var out = '<div class="f"><p><span class="rule">' + esc(f.rule) + "</span>（" + esc(f.severity) + "，" + esc(f.where) + "）</p><p>" + esc(f.message) + "</p>";
    if (f.suggestion) out += "<p>建议：" + esc(f.suggestion) + "</p>";
    if (f.fix) out += "<p>修改：" + esc(f.fix) + "</p>";
    if (full) f.related.forEach(function (r, k) {
      out += '<p><button type="button" data-related="' + f.id + "-" + k + '">相关位置 ' + esc(r.where) + "</button> " + esc(r.message) + "</p>";
    });
    return out + "</div>";
  }
  // Filters: a hidden finding's checkbox is unticked; `shown` holds what is off.
  function applyFilters() {
    segments.forEach(function (el) {
      var best = 0;
      el._ids.forEach(function (id) { if (visible(id)) best = Math.max(best, rank[findings[id].severity]); });
      el.classList.toggle("off", best === 0);
      el.classList.remove("s1", "s2", "s3");
      if (best) el.classList.add("s" + best);
      el.classList.toggle("multi", el._ids.filter(visible).length > 1);
    });
  }
  var side = document.getElementById("side");  // the outline page has no findings to filter
  if (side) side.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.getAttribute("data-filter")) return;
    shown[box.getAttribute("data-filter")][box.value] = !box.checked;
    applyFilters();
  });
  function select(id) {
    document.querySelectorAll(".cur").forEach(function (el) { el.classList.remove("cur"); });
    document.querySelectorAll(".rel-on").forEach(function (el) { el.classList.remove("rel-on"); });
    current = id;
    var els = segmentsOf[id] || [];
    els.forEach(function (el) { el.classList.add("cur"); });
    if (els.length) els[0].scrollIntoView({block: "center"});
    detail.innerHTML = describe(findings[id], true);
    detail.hidden = false;
  }
  function step(direction) {
    var n = findings.length;
    var start = current < 0 ? (direction > 0 ? -1 : n) : current;
    for (var k = 1; k <= n; k++) {
      var id = ((start + direction * k) % n + n) % n;
      if (visible(id) && segmentsOf[id]) { select(id); return; }
    }
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || /INPUT|TEXTAREA/.test(event.target.tagName)) return;
    if (event.key === "j" || event.key === "n") step(1);
    else if (event.key === "k" || event.key === "p") step(-1);
    else if (event.key === "Escape") { detail.hidden = true; }
  });
  document.addEventListener("mouseover", function (event) {
    var el = event.target.closest && event.target.closest(".m");
    if (!el || el.classList.contains("off")) { tip.hidden = true; return; }
    tip.innerHTML = el._ids.filter(visible).map(function (id) { return describe(findings[id], false); }).join("");
    var box = el.getBoundingClientRect();
    tip.style.left = (window.scrollX + box.left) + "px";
    tip.style.top = (window.scrollY + box.bottom + 4) + "px";
    tip.hidden = false;
  });
  document.addEventListener("click", function (event) {
    var related = event.target.getAttribute && event.target.getAttribute("data-related");
    if (related) {
      document.querySelectorAll(".rel-on").forEach(function (el) { el.classList.remove("rel-on"); });
      var places = document.querySelectorAll('[data-r~="' + related + '"]');
      places.forEach(function (el) { el.classList.add("rel-on"); });
      if (places.length) places[0].scrollIntoView({block: "center"});
      return;
    }
    var rule = event.target.getAttribute && event.target.getAttribute("data-next-rule");
    if (rule) {
      event.preventDefault();
      for (var k = 1; k <= findings.length; k++) {
        var id = (Math.max(current, -1) + k) % findings.length;
        if (findings[id].rule === rule && segmentsOf[id]) { select(id); return; }
      }
      return;
    }
    var el = event.target.closest && event.target.closest(".m");
    if (el && !el.classList.contains("off")) {
      var ids = el._ids.filter(visible);
      select(ids[0]);
      detail.innerHTML = ids.map(function (id) { return describe(findings[id], true); }).join("");
    }
  });
  window.newslintReport = {findings: findings, select: select, step: step, current: function () { return current; }};
})();
