// The practice page's charts (reviewer serve, GET /static/charts.js): small inline SVGs of a
// review's pace and pitch over time, and the score over a rep's attempts. practice.js draws
// them with the review the server sent and the page's settings (the pace target, the monotone
// edge); data reaches the DOM through SVG attributes and textContent set one by one, never
// through innerHTML.
var ReviewerCharts = (function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var SVGNS = "http://www.w3.org/2000/svg";
  var clock = ReviewerPage.clock, el = ReviewerPage.el, clear = ReviewerPage.clear;  // practice.js, loaded first
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) e.textContent = String(text);
    return e;
  }

  // ---- charts: small inline SVGs ---------------------------------------------------------
  var W = 560, H = 170, M = {l: 34, r: 10, t: 10, b: 22};
  function frame(host, r, yLo, yHi, yTicks, yUnit) {
    var old = host.querySelector("svg");
    if (old) host.removeChild(old);
    var s = svg("svg", {viewBox: "0 0 " + W + " " + H, role: "img"});
    var x = function (t) { return M.l + (W - M.l - M.r) * Math.max(0, Math.min(1, t / r.duration_s)); };
    var y = function (v) { return M.t + (H - M.t - M.b) * (1 - (Math.max(yLo, Math.min(yHi, v)) - yLo) / (yHi - yLo)); };
    yTicks.forEach(function (v) {
      s.appendChild(svg("line", {x1: M.l, x2: W - M.r, y1: y(v), y2: y(v), stroke: "#eaeef2"}));
      s.appendChild(svg("text", {x: M.l - 4, y: y(v) + 3, "text-anchor": "end"}, v + (yUnit || "")));
    });
    var d = r.duration_s, step = d > 90 ? 20 : d > 40 ? 10 : d > 12 ? 5 : d > 5 ? 2 : 1;
    for (var t = 0; t <= r.duration_s + 1e-6; t += step) {
      s.appendChild(svg("text", {x: x(t), y: H - 6, "text-anchor": "middle"}, clock(t)));
    }
    s.appendChild(svg("line", {x1: M.l, x2: W - M.r, y1: H - M.b, y2: H - M.b, stroke: "#d8dee4"}));
    host.insertBefore(s, host.querySelector(".note"));
    return {s: s, x: x, y: y};
  }

  function wordWeight(w) {
    if (w.filler) return 0;
    if (w.phone) { var d = (w.text.match(/\d/g) || []).length; return d || 1; }
    return 1;
  }

  function paceChart(r, S) {
    var host = $("pace-chart");
    var words = r.words || [];
    var half = 2.0, pts = [], peak = 0;
    for (var t = r.speech_start_s; t <= r.speech_end_s; t += 0.25) {
      var a = Math.max(r.speech_start_s, t - half), b = Math.min(r.speech_end_s, t + half), n = 0;
      words.forEach(function (w) { var m = (w.start + w.end) / 2; if (m >= a && m < b) n += wordWeight(w); });
      if (b - a >= 1.5) { var rate = n / (b - a) * 60; pts.push([t, rate]); peak = Math.max(peak, rate); }
    }
    var hi = Math.max(250, Math.ceil((peak + 20) / 50) * 50);
    var ticks = [];
    for (var v = 50; v < hi; v += 50) ticks.push(v);
    var c = frame(host, r, 0, hi, ticks);
    c.s.setAttribute("aria-label", "Words per minute over time; target " + S.pace[0] + " to " + S.pace[1]);
    c.s.insertBefore(svg("rect", {x: M.l, width: W - M.l - M.r, y: c.y(S.pace[1]), height: c.y(S.pace[0]) - c.y(S.pace[1]),
      fill: "#dcf5e3"}), c.s.childNodes[0]);
    c.s.appendChild(svg("text", {x: W - M.r - 2, y: c.y(S.pace[1]) + 11, "text-anchor": "end", fill: "#1a7f37"}, "target"));
    (r.phone_numbers || []).forEach(function (n) {
      c.s.appendChild(svg("rect", {x: c.x(n.start), width: Math.max(2, c.x(n.end) - c.x(n.start)), y: M.t,
        height: H - M.t - M.b, fill: "#cfe6ff", opacity: 0.55}));
      c.s.appendChild(svg("text", {x: (c.x(n.start) + c.x(n.end)) / 2, y: M.t + 9, "text-anchor": "middle", fill: "#063a6e"}, "number"));
    });
    var phrases = (r.tonality && r.tonality.phrases) || [];
    phrases.forEach(function (p) {
      var colour = p.verdict === "rushed" ? "#c4242f" : p.verdict === "dragging" ? "#bf8700" : "#8c959f";
      var seg = svg("line", {x1: c.x(p.start), x2: c.x(p.end), y1: c.y(p.words_per_minute), y2: c.y(p.words_per_minute),
        stroke: colour, "stroke-width": 5, "stroke-linecap": "round", opacity: 0.55});
      seg.appendChild(svg("title", {}, "“" + p.text + "”: " + Math.round(p.words_per_minute) + " wpm inside the phrase (" + p.verdict + ")"));
      c.s.appendChild(seg);
    });
    if (pts.length) {
      c.s.appendChild(svg("polyline", {points: pts.map(function (p) { return c.x(p[0]).toFixed(1) + "," + c.y(p[1]).toFixed(1); }).join(" "),
        fill: "none", stroke: "#0b5cad", "stroke-width": 2, "stroke-linejoin": "round"}));
    }
    (r.fillers || []).forEach(function (f) {
      var px = c.x(f.start), py = H - M.b;
      var m = svg("path", {d: "M" + (px - 4) + "," + py + " L" + px + "," + (py - 7) + " L" + (px + 4) + "," + py + " Z",
        fill: "#e3b300", stroke: "#8a5a00", "stroke-width": 0.6});
      m.appendChild(svg("title", {}, "“" + f.text + "” at " + clock(f.start)));
      c.s.appendChild(m);
    });
    var pace = (r.summary && r.summary.tiles || []).filter(function (t) { return t.key === "pace"; })[0];
    $("pace-note").textContent = pace ? pace.value + " wpm overall" : "";
    var note = host.querySelector(".note") || host.appendChild(el("p", "note"));
    note.textContent = "Blue: words per minute over 4 s. Grey bars: phrases (red rushed, amber dragging). Green: the target. ▲ fillers.";
  }

  function pitchChart(r, S) {
    var host = $("pitch-chart");
    var ton = r.tonality || {};
    var c = frame(host, r, -10, 10, [-8, -4, 0, 4, 8], "");
    c.s.setAttribute("aria-label", "Pitch in semitones from your middle pitch over time");
    c.s.appendChild(svg("line", {x1: M.l, x2: W - M.r, y1: c.y(0), y2: c.y(0), stroke: "#8c959f", "stroke-dasharray": "3 3"}));
    var contour = (r.pitch_contour && r.pitch_contour.st) || [], hop = (r.pitch_contour && r.pitch_contour.hop_s) || 0.05;
    var run = [];
    function flush() {
      if (run.length > 1) c.s.appendChild(svg("polyline", {points: run.join(" "), fill: "none", stroke: "#8250df", "stroke-width": 1.4, "stroke-linejoin": "round"}));
      else if (run.length === 1) { var p = run[0].split(","); c.s.appendChild(svg("circle", {cx: p[0], cy: p[1], r: 1.2, fill: "#8250df"})); }
      run = [];
    }
    contour.forEach(function (v, k) {
      if (v === null) { flush(); return; }
      run.push(c.x(k * hop).toFixed(1) + "," + c.y(v).toFixed(1));
    });
    flush();
    (ton.endings || []).forEach(function (e) {
      // the rubric's word on the ending (rubric/voice.py ending_verdict): a rise before a comma carries on
      var colour = e.verdict === "question_like" ? "#c4242f" : e.direction === "falling" ? "#1a7f37" : "#59636e";
      var px = c.x(e.end), tip = c.y(e.change_st), base = c.y(0), up = e.change_st >= 0;
      var g = svg("g", {});
      g.appendChild(svg("line", {x1: px, x2: px, y1: base, y2: tip, stroke: colour, "stroke-width": 2}));
      g.appendChild(svg("path", {d: "M" + (px - 4) + "," + (tip + (up ? 6 : -6)) + " L" + px + "," + tip + " L" + (px + 4) + "," + (tip + (up ? 6 : -6)) + " Z", fill: colour}));
      g.appendChild(svg("title", {}, "“" + e.text + "” ends " + e.direction + " (" + e.change_st.toFixed(1) + " st)"));
      c.s.appendChild(g);
    });
    var range = ton.pitch_range_st;
    $("pitch-note").textContent = range === null || range === undefined ? "too little voiced speech"
      : "range " + range.toFixed(1) + " st" + (ton.monotone ? " · monotone" : "");
    var note = host.querySelector(".note") || host.appendChild(el("p", "note"));
    note.textContent = "Semitones from your middle pitch" + (ton.pitch_median_hz ? " (" + Math.round(ton.pitch_median_hz) + " Hz)" : "") +
      ". Arrows: how each statement ends (red rising sounds unsure). Under " + S.monotone_st + " st of range sounds monotone.";
  }

  function sparkline(scores) {
    var s = $("spark");
    clear(s);
    s.toggleAttribute("hidden", scores.length < 2);
    if (scores.length < 2) return;
    var w = 330, h = 40, x = function (i) { return 4 + (w - 8) * i / (scores.length - 1); };
    var lo = Math.max(0, Math.min.apply(null, scores) - 15), hi = Math.min(100, Math.max.apply(null, scores) + 15);
    var y = function (v) { return 4 + (h - 8) * (1 - ((v || 0) - lo) / (hi - lo || 1)); };
    s.appendChild(svg("polyline", {points: scores.map(function (v, i) { return x(i) + "," + y(v); }).join(" "),
      fill: "none", stroke: "#0b5cad", "stroke-width": 2, "vector-effect": "non-scaling-stroke"}));
    scores.forEach(function (v, i) { s.appendChild(svg("circle", {cx: x(i), cy: y(v), r: 2.5, fill: "#0b5cad"})); });
  }

  return {pace: paceChart, pitch: pitchChart, sparkline: sparkline};
})();
