// Draws the province page's coverage chart as SVG, from the JSON in #coverage-data:
// [{metric, place, figures: [{date, value, article_id, id}], targets: [...]}, ...],
// one series per metric and place (a line never joins two places).
// Self-written so the page needs nothing from the internet.
(function () {
  "use strict";
  var COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];
  var NS = "http://www.w3.org/2000/svg";
  var W = 720, M = {top: 20, right: 20, bottom: 40, left: 45}, PLOT = 240, ROW = 18, PER_ROW = 2;

  function el(name, attrs, parent, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    parent.appendChild(node);
    return node;
  }
  function time(d) { return Date.parse(d.length === 4 ? d + "-12-31" : d); }
  function targetTime(d) { return Date.UTC(parseInt(d.slice(0, 4), 10), 11, 1); }
  function label(metric) { return metric.replace(/_/g, " "); }

  function draw(svg, series) {
    var places = {}, metrics = {};
    series.forEach(function (s) { places[s.place] = 1; metrics[s.metric] = 1; });
    var manyPlaces = Object.keys(places).length > 1, manyMetrics = Object.keys(metrics).length > 1;
    function name(s) {
      if (manyPlaces && manyMetrics) return s.place + ", " + label(s.metric);
      return manyPlaces ? s.place : label(s.metric);
    }
    var H = M.top + PLOT + M.bottom + Math.ceil(series.length / PER_ROW) * ROW;
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    var points = [];
    series.forEach(function (s) {
      points = points.concat(s.figures, s.targets.map(function (p) {
        return {date: new Date(targetTime(p.date)).toISOString().slice(0, 10), value: p.value};
      }));
    });
    points = points.filter(function (p) { return !isNaN(time(p.date)) && p.value !== null; });
    if (!points.length) return;
    // Whole years: a gridline where each year starts, its label in the middle of it, and a
    // target "by 2025" drawn in December 2025 (not at the 2026 gridline).
    var ts = points.map(function (p) { return time(p.date); });
    var y0 = new Date(Math.min.apply(null, ts)).getUTCFullYear();
    var y1 = new Date(Math.max.apply(null, ts)).getUTCFullYear();
    var t0 = Date.UTC(y0, 0, 1), t1 = Date.UTC(y1 + 1, 0, 1);
    var vs = points.map(function (p) { return p.value; });
    var v0 = Math.max(0, Math.floor(Math.min.apply(null, vs) / 10) * 10 - 10);
    var v1 = Math.min(100, Math.ceil(Math.max.apply(null, vs) / 10) * 10);
    if (v1 <= v0) v1 = v0 + 10;
    var x = function (t) { return M.left + (t - t0) / (t1 - t0) * (W - M.left - M.right); };
    var base = M.top + PLOT;
    var y = function (v) { return base - (v - v0) / (v1 - v0) * PLOT; };

    for (var v = v0; v <= v1; v += 10) {
      el("line", {x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), "class": "grid"}, svg);
      el("text", {x: M.left - 6, y: y(v) + 4, "text-anchor": "end"}, svg, v + " %");
    }
    var step = Math.max(1, Math.ceil((y1 - y0 + 1) / 10));
    for (var yr = y0; yr <= y1 + 1; yr++) {
      var t = Date.UTC(yr, 0, 1);
      el("line", {x1: x(t), x2: x(t), y1: M.top, y2: base, "class": "grid"}, svg);
      if (yr <= y1 && (yr - y0) % step === 0) {
        el("text", {x: x(Date.UTC(yr, 6, 1)), y: base + 16, "text-anchor": "middle", "class": "year"}, svg, String(yr));
      }
    }
    el("line", {x1: M.left, x2: W - M.right, y1: base, y2: base, "class": "axis"}, svg);
    el("line", {x1: M.left, x2: M.left, y1: M.top, y2: base, "class": "axis"}, svg);

    series.forEach(function (s, i) {
      var colour = COLOURS[i % COLOURS.length];
      var figs = s.figures.slice().sort(function (a, b) { return time(a.date) - time(b.date); });
      if (figs.length > 1) {
        el("polyline", {fill: "none", stroke: colour, "stroke-width": 2, "class": "series",
          points: figs.map(function (p) { return x(time(p.date)) + "," + y(p.value); }).join(" ")}, svg);
      }
      figs.forEach(function (p) {
        var c = el("circle", {cx: x(time(p.date)), cy: y(p.value), r: 4.5, fill: colour,
          "class": "point figure-point"}, svg);
        el("title", {}, c, name(s) + ": " + p.value + " % (" + p.date + ")");
        c.addEventListener("click", function () { location.href = "/article/" + p.article_id + "#item-" + p.id; });
      });
      s.targets.forEach(function (p) {
        var cx = x(targetTime(p.date)), cy = y(p.value), r = 7;
        var d = el("polygon", {points: [cx, cy - r, cx + r, cy, cx, cy + r, cx - r, cy].join(" "),
          fill: "#fff", stroke: colour, "stroke-width": 2, "class": "point target-point",
          "data-year": p.date.slice(0, 4)}, svg);
        el("title", {}, d, "target, " + name(s) + ": " + p.value + " % by " + p.date.slice(0, 4));
        d.addEventListener("click", function () { location.href = "/article/" + p.article_id + "#item-" + p.id; });
      });
      var ly = base + 38 + Math.floor(i / PER_ROW) * ROW, lx = M.left + (i % PER_ROW) * 330;
      el("circle", {cx: lx + 5, cy: ly - 4, r: 4.5, fill: colour}, svg);
      el("text", {"class": "legend", x: lx + 14, y: ly}, svg, name(s));
    });
    svg.setAttribute("data-points", String(points.length));
    svg.setAttribute("data-drawn", "true");
  }

  function start() {
    var svg = document.getElementById("coverage-chart");
    var data = document.getElementById("coverage-data");
    if (svg && data) draw(svg, JSON.parse(data.textContent));
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
