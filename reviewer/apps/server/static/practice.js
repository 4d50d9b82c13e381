// The practice page's behaviour (reviewer serve, GET /static/practice.js; its charts are
// charts.js). Its settings come in the page's JSON block; every figure and moment of a review
// comes ready from the server (the review's `summary`). Data reaches the DOM through
// textContent or SVG attributes set one by one, never through innerHTML.
// The page's pure helpers, outside the page's wiring so that the tests run them under Node
// (tests/test_summary.py): what they compute is checked, not how their source reads.
var ReviewerPage = (function () {
  "use strict";
  // m:ss, the second a moment falls in: the rule of summary.clock, which writes every moment the
  // server sends (fixes, figures); this one is for the words and the charts' axes only.
  function clock(t) {
    if (t === null || t === undefined) return "";
    t = Math.floor(Math.max(0, t));
    return Math.floor(t / 60) + ":" + String(t % 60).padStart(2, "0");
  }
  // The DOM helpers both scripts build with (called only in a page): text, never markup.
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  return {clock: clock, el: el, clear: clear};
})();
if (typeof module === "object" && module.exports) module.exports = ReviewerPage;

if (typeof document !== "undefined") (function () {
  "use strict";
  var S = JSON.parse(document.getElementById("settings").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var MARK = {pass: "✓", warn: "!", fail: "✗"};

  var el = ReviewerPage.el, clear = ReviewerPage.clear, clock = ReviewerPage.clock;
  function fmt(v, d) { return v === null || v === undefined ? "—" : Number(v).toFixed(d); }

  $("model").textContent = "model " + S.model + " · recordings up to " + clock(S.max_duration_s) + " and " +
    Math.round(S.max_upload_bytes / 1e6) + " MB";
  $("limit").textContent = "of " + clock(S.max_duration_s);

  // ---- who and what --------------------------------------------------------------------
  var repInput = $("rep");
  try { repInput.value = localStorage.getItem("reviewer.rep") || ""; } catch (e) { /* private mode */ }
  function rep() { return repInput.value.replace(/\s+/g, " ").trim(); }
  function goal() { return document.querySelector("input[name=goal]:checked").value; }
  var repTimer = null;
  repInput.addEventListener("input", function () {
    clearTimeout(repTimer);
    repTimer = setTimeout(function () {
      try { localStorage.setItem("reviewer.rep", rep()); } catch (e) { /* private mode */ }
      loadHistory(null);
    }, 350);
  });

  var storedScripts = {};
  function loadScripts(select) {
    fetch("/api/scripts").then(function (r) { return r.ok ? r.json() : {scripts: []}; }).then(function (data) {
      var pick = $("script-pick"), keep = select || pick.value;
      while (pick.options.length > 2) pick.remove(1);
      storedScripts = {};
      data.scripts.forEach(function (sc) {
        storedScripts[sc.name] = sc.text;
        var o = el("option", null, sc.name + " (" + sc.attempts + (sc.attempts === 1 ? " attempt)" : " attempts)"));
        o.value = sc.name;
        pick.insertBefore(o, pick.options[pick.options.length - 1]);
      });
      if (keep && (keep === "__new__" || storedScripts[keep] !== undefined)) pick.value = keep;
      showScript();
    }).catch(function () { /* the picker is a convenience */ });
  }
  function showScript() {
    var pick = $("script-pick").value;
    $("script-new").hidden = pick !== "__new__";
    $("script-text").hidden = !pick || pick === "__new__";
    $("script-text").textContent = storedScripts[pick] || "";
  }
  $("script-pick").addEventListener("change", showScript);

  function loadReps() {
    fetch("/api/reps").then(function (r) { return r.ok ? r.json() : {reps: []}; }).then(function (data) {
      var list = $("reps");
      clear(list);
      data.reps.forEach(function (name) { var o = el("option"); o.value = name; list.appendChild(o); });
    }).catch(function () { /* the picker is a convenience */ });
  }

  // ---- status and errors ---------------------------------------------------------------
  var busy = false;
  function setBusy(on, text) {
    busy = on;
    $("status").hidden = !on;  // in the review pane, where the review will show
    $("placeholder").hidden = on || !$("review").hidden;
    $("review").classList.toggle("stale", on);  // the review on screen is the previous one
    $("status-text").textContent = text || "";
    $("record").disabled = on || recording !== null || !micAvailable;
    $("file").disabled = on;
  }
  function showError(text) { $("error").textContent = text; $("error").hidden = !text; }
  function needRep() {
    if (rep()) return false;
    showError("Type your name first, so the attempt goes into your history.");
    repInput.focus();
    return true;
  }

  // ---- recording -----------------------------------------------------------------------
  var micAvailable = !!(window.isSecureContext && navigator.mediaDevices && window.MediaRecorder);
  if (!micAvailable) {
    $("record").disabled = true;
    $("mic-hint").textContent = "Recording needs this page on https or on localhost; upload a recording instead.";
  }
  var recording = null;

  function pickType() {
    var types = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4", "audio/webm"];
    for (var i = 0; i < types.length; i++) if (MediaRecorder.isTypeSupported(types[i])) return types[i];
    return "";
  }

  $("record").addEventListener("click", function () {
    showError("");
    if (needRep() || busy || recording) return;
    navigator.mediaDevices.getUserMedia({audio: {echoCancellation: false, noiseSuppression: false, autoGainControl: false}})
      .then(startRecording)
      .catch(function (e) {
        showError("The microphone could not be opened (" + e.name + "). Allow microphone access for this page, or upload a recording.");
      });
  });

  function startRecording(stream) {
    var type = pickType();
    var recorder = new MediaRecorder(stream, type ? {mimeType: type} : undefined);
    var ctx = new (window.AudioContext || window.webkitAudioContext)();
    var analyser = ctx.createAnalyser();
    analyser.fftSize = 2048;
    ctx.createMediaStreamSource(stream).connect(analyser);
    var r = {stream: stream, recorder: recorder, ctx: ctx, analyser: analyser, chunks: [], t0: performance.now(),
             buf: new Float32Array(analyser.fftSize), raf: 0, tick: 0, loudest: -100,
             live: S.streaming ? openStream() : null};
    recording = r;
    $("timer").firstChild.nodeValue = "0:00";
    recorder.ondataavailable = function (e) {
      if (!e.data || !e.data.size) return;
      r.chunks.push(e.data);  // kept for the upload, should streaming fail
      streamPiece(r.live, e.data);
    };
    recorder.onstop = function () { finishRecording(r); };
    recorder.start(250);
    $("recorder").parentNode.classList.add("recording");
    $("record").disabled = true;
    $("stop").disabled = false;
    $("file").disabled = true;
    r.tick = setInterval(function () {
      var t = (performance.now() - r.t0) / 1000;
      $("timer").firstChild.nodeValue = clock(Math.floor(t));
      if (t >= S.max_duration_s - 0.5) stopRecording();
    }, 200);
    (function meter() {
      analyser.getFloatTimeDomainData(r.buf);
      var sum = 0;
      for (var i = 0; i < r.buf.length; i++) sum += r.buf[i] * r.buf[i];
      var db = 10 * Math.log10(sum / r.buf.length + 1e-12);
      r.loudest = Math.max(r.loudest - 0.3, db);
      $("meter").style.width = Math.max(0, Math.min(100, (db + 60) / 60 * 100)).toFixed(1) + "%";
      $("level-note").textContent = r.loudest < -45 ? "too quiet? move closer" : r.loudest > -3 ? "too loud" : "good";
      r.raf = requestAnimationFrame(meter);
    })();
  }

  function stopRecording() {
    var r = recording;
    if (!r || r.recorder.state === "inactive") return;
    r.recorder.stop();
  }
  $("stop").addEventListener("click", stopRecording);

  function finishRecording(r) {
    clearInterval(r.tick);
    cancelAnimationFrame(r.raf);
    r.stream.getTracks().forEach(function (t) { t.stop(); });
    r.ctx.close();
    recording = null;
    $("recorder").parentNode.classList.remove("recording");
    $("meter").style.width = "0";
    $("level-note").textContent = "";
    $("stop").disabled = true;
    var type = r.recorder.mimeType || "audio/webm";
    var ext = type.indexOf("ogg") >= 0 ? ".ogg" : type.indexOf("mp4") >= 0 ? ".m4a" : ".webm";
    var stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, "-");
    var blob = new Blob(r.chunks, {type: type}), name = "practice-" + stamp + ext;
    if (r.live && !r.live.broken) reviewStream(r.live, blob, name);
    else { dropStream(r.live); submit(blob, name); }
  }

  // ---- streaming: the take reaches the server while it is recorded -------------------------
  // Each piece MediaRecorder gives goes to the server at once, in order; the server works on the
  // review as the audio arrives, so after Stop little is left to do. The review is the same as
  // for an upload of the same take. If streaming fails at any point (no stream to be had, a
  // piece refused, the stream gone), the take is uploaded after Stop, as a file would be.
  function openStream() {
    var live = {id: null, seq: 0, broken: false};
    live.chain = fetch("/api/streams", {method: "POST"})
      .then(function (res) {
        if (!res.ok) throw new Error("no stream (" + res.status + ")");
        return res.json();
      })
      .then(function (body) { live.id = body.id; });
    live.chain.catch(function () { live.broken = true; });
    return live;
  }
  function streamPiece(live, blob) {
    if (!live || live.broken) return;
    var seq = live.seq++;
    live.chain = live.chain.then(function () {
      return fetch("/api/streams/" + live.id + "/chunks/" + seq,
        {method: "POST", body: blob, headers: {"Content-Type": "application/octet-stream"}})
        .then(function (res) { if (!res.ok) throw new Error("piece " + seq + " refused (" + res.status + ")"); });
    });
    live.chain.catch(function () { live.broken = true; });
  }
  function dropStream(live) {
    if (live && live.id) fetch("/api/streams/" + live.id, {method: "DELETE"}).catch(function () { /* it times out */ });
  }
  function reviewStream(live, blob, name) {
    setBusy(true, "Reviewing your message…");
    var fallback = function () { dropStream(live); submit(blob, name); };
    live.chain
      .then(function () {
        var form = fields();
        form.append("name", name);
        return fetch("/api/streams/" + live.id + "/review", {method: "POST", body: form});
      })
      .then(function (res) {
        // The stream is gone (idle, the server restarted) or the server failed: upload instead.
        if (res.status === 404 || res.status >= 500) { fallback(); return; }
        answer(res, name);
      }, fallback);
  }

  $("file").addEventListener("change", function () {
    showError("");
    var f = this.files && this.files[0];
    if (!f) return;
    if (needRep()) { this.value = ""; return; }
    submit(f, f.name);
    this.value = "";
  });

  // ---- review --------------------------------------------------------------------------
  function fields() {
    var form = new FormData();
    form.append("rep", rep());
    form.append("goal", goal());
    var pick = $("script-pick").value;
    if (pick === "__new__") {
      var text = $("script").value.trim(), named = $("script-name").value.trim();
      if (text) form.append("script", text);
      if (text && named) form.append("script_name", named);
    } else if (pick) {
      form.append("script_name", pick);
    }
    return form;
  }

  function submit(blob, name) {
    if (blob.size > S.max_upload_bytes) {
      showError("That file is too large: at most " + Math.round(S.max_upload_bytes / 1e6) + " MB.");
      setBusy(false);
      return;
    }
    var form = fields();
    form.append("file", blob, name);
    setBusy(true, "Reviewing your message… usually a few seconds.");
    fetch("/api/review", {method: "POST", body: form})
      .then(function (res) { answer(res, name); })
      .catch(function (e) { setBusy(false); showError("Could not reach the server (" + e.message + ")."); });
  }

  function answer(res, name) {
    var status = res.status;
    res.json()
      .catch(function () { return {error: "the server answered " + status}; })
      .then(function (body) {
        setBusy(false);
        if (status !== 200) {
          showError("Could not review " + name + ": " + (body.error || "error " + status));
          return;
        }
        renderReview(body);
        loadHistory(body.history ? body.history.attempt : null);
        loadReps();
        loadScripts(body.script ? body.script.name : null);
      })
      .catch(function (e) { setBusy(false); showError("Could not reach the server (" + e.message + ")."); });
  }

  function renderReview(r) {
    $("placeholder").hidden = true;
    $("review").hidden = false;
    $("review").dataset.attempt = (r.history && r.history.attempt) || "";  // the attempt shown
    var box = $("scorebox");
    box.className = "scorebox " + (r.band || "");  // good, fair or poor: the review's band
    $("score").textContent = r.score;
    $("title").textContent = r.recording ? r.recording.name : r.file;
    $("meta").textContent = (r.goal === "educate" ? "Goal: educate" : "Goal: get a call back") + " · model " + r.model +
      (r.script ? " · script " + Math.round((1 - r.script.wer) * 100) + "% word for word" : "");
    var line = r.history && (r.history.line || r.history.error);
    $("comparison").textContent = line || "";
    $("comparison").hidden = !line;

    // figures and fixes, ready from the server (the review's summary, as the CSV and the report have them)
    var summary = r.summary || {tiles: [], fixes: []};
    var tiles = $("tiles");
    clear(tiles);
    summary.tiles.forEach(function (t) {
      var card = el("div", "tile " + t.status);
      card.dataset.figure = t.key;
      card.appendChild(el("div", "k", t.key));
      var v = el("div", "v", t.value);
      if (t.unit) v.appendChild(el("small", null, " " + t.unit));
      card.appendChild(v);
      card.appendChild(el("div", "d", t.detail));
      tiles.appendChild(card);
    });

    // the three fixes
    var fixes = $("fixes");
    clear(fixes);
    summary.fixes.forEach(function (f) {
      var li = el("li", f.status);
      li.dataset.check = f.check;
      var body = el("div", null, f.message);
      if (f.at) { body.appendChild(document.createTextNode(" ")); body.appendChild(el("span", "at", "at " + f.at)); }
      li.appendChild(body);
      fixes.appendChild(li);
    });
    if (!fixes.firstChild) { var ok = el("li", "pass"); ok.appendChild(el("div", null, "Nothing to fix: every check passed.")); fixes.appendChild(ok); }

    // player and transcript
    var player = $("player");
    if (r.recording) player.src = r.recording.url; else player.removeAttribute("src");
    var tr = $("transcript");
    clear(tr);
    (r.words || []).forEach(function (w, i) {
      if (i) tr.appendChild(document.createTextNode(" "));
      var kind = w.filler ? "filler" : w.phone ? "phone" : w.unsure ? "unsure" : "";
      var s = el("span", "w" + (kind ? " " + kind : ""), w.text);
      s.title = clock(w.start);
      s.addEventListener("click", function () { player.currentTime = Math.max(0, w.start - 0.2); player.play(); });
      tr.appendChild(s);
    });

    ReviewerCharts.pace(r, S);
    ReviewerCharts.pitch(r, S);

    var list = $("findings");
    clear(list);
    (r.findings || []).forEach(function (f) {
      var li = el("li", "finding " + f.status);
      li.dataset.status = f.status;
      li.appendChild(el("span", "mark", MARK[f.status] || "?"));
      li.appendChild(el("span", "check", f.check));
      li.appendChild(el("span", "msg", f.message));
      list.appendChild(li);
    });
    var fails = (r.findings || []).filter(function (f) { return f.status === "fail"; }).length;
    $("checks-summary").textContent = "All checks (" + (r.findings || []).length + ", " + fails + " failed)";
  }

  // ---- history ---------------------------------------------------------------------------
  var historyAudio = null, historyButton = null;
  function loadHistory(current) {
    var name = rep();
    var rows = $("history-rows"), table = rows.parentNode;
    if (!name) { clear(rows); table.hidden = true; $("spark").setAttribute("hidden", ""); $("history-empty").hidden = false;
      $("history-empty").textContent = "Type your name to see your earlier attempts."; return; }
    fetch("/api/history?rep=" + encodeURIComponent(name))
      .then(function (res) { return res.ok ? res.json() : {attempts: []}; })
      .then(function (data) {
        if (data.rep !== undefined && data.rep !== rep()) return;  // the name changed meanwhile
        var attempts = data.attempts || [];
        clear(rows);
        table.hidden = !attempts.length;
        $("history-empty").hidden = !!attempts.length;
        $("history-empty").textContent = "No attempts yet for " + name + ". Record your first one.";
        $("history-h").lastChild.nodeValue = "Your attempts" + (attempts.length ? " (" + attempts.length + ")" : "");
        attempts.slice().reverse().forEach(function (a) {
          var n = "#" + a.attempt;  // the attempt's id, as `reviewer history` and notes name it
          var tr = el("tr", a.attempt === current ? "current" : "");
          tr.dataset.attempt = a.attempt;
          tr.appendChild(el("td", null, n));
          // a manifest's calendar date ("2026-11-23") is that day wherever the coach is: no time, no shift
          var day = /^\d{4}-\d{2}-\d{2}$/.test(a.reviewed_at);
          var at = day ? new Date(+a.reviewed_at.slice(0, 4), +a.reviewed_at.slice(5, 7) - 1, +a.reviewed_at.slice(8, 10))
            : new Date(a.reviewed_at);
          var when = el("td", "when", at.toLocaleDateString([], {month: "short", day: "numeric"}) + (day ? "" : " " +
            at.toLocaleTimeString([], {hour: "2-digit", minute: "2-digit", hour12: false})));
          when.title = a.name + (a.script ? " · " + a.script : "");
          tr.appendChild(when);
          var sc = el("td", "score " + (a.band || ""), fmt(a.score, 0));
          tr.appendChild(sc);
          tr.appendChild(el("td", null, fmt(a.words_per_minute, 0)));
          tr.appendChild(el("td", null, fmt(a.filler_count, 0)));
          tr.appendChild(el("td", null, fmt(a.number_digits_per_second, 1)));
          var cell = el("td");
          if (a.recording_url) {
            var b = el("button", "play", "▶");
            b.type = "button";
            b.title = "Play this attempt";
            b.addEventListener("click", function () {
              var same = historyButton === b;
              if (historyAudio) { historyAudio.pause(); historyButton.textContent = "▶"; historyAudio = historyButton = null; }
              if (same) return;
              historyAudio = new Audio(a.recording_url);
              historyButton = b;
              b.textContent = "❚❚";
              historyAudio.addEventListener("ended", function () { b.textContent = "▶"; historyAudio = historyButton = null; });
              historyAudio.play();
            });
            cell.appendChild(b);
          }
          tr.appendChild(cell);
          var coachCell = el("td", "coach");
          var star = el("button", a.best ? "best on" : "best", a.best ? "★" : "☆");
          star.type = "button";
          star.title = a.best ? "A best take (click to remove it from the library)" : "Mark as a best take, for the team's library";
          star.addEventListener("click", function () {
            if (!a.best) { coach(a.attempt, {best: true}); return; }
            if (window.confirm("Remove attempt " + n + " from the best takes (the team's library)?")) coach(a.attempt, {unstar: true});
          });
          var pen = el("button", a.note ? "note on" : "note", "✎");
          pen.type = "button";
          pen.title = a.note ? "Coach's note: " + a.note : "Add a coach's note";
          pen.addEventListener("click", function () {
            var text = window.prompt("Coach's note on attempt " + n + " (empty removes it)", a.note || "");
            if (text === null || text.trim() === (a.note || "")) return;
            if (a.note && !window.confirm("Attempt " + n + " already has a note:\n\n" + a.note + "\n\n" +
                (text.trim() ? "Replace it with:\n\n" + text.trim() : "Remove it?"))) return;
            coach(a.attempt, {note: text, replace: !!a.note});
          });
          coachCell.appendChild(star);
          coachCell.appendChild(pen);
          tr.appendChild(coachCell);
          var del = el("button", "delete", "✕");
          del.type = "button";
          del.title = "Delete this attempt and its recording";
          del.addEventListener("click", function () {
            if (!window.confirm("Delete attempt " + n + " and its recording? This cannot be undone.")) return;
            forget("/api/attempts/" + a.attempt);
          });
          var dcell = el("td");
          dcell.appendChild(del);
          tr.appendChild(dcell);
          rows.appendChild(tr);
          if (a.note) {
            tr.classList.add("noted");
            var noteRow = el("tr", "note-row"), noteCell = el("td", "note", "Coach: " + a.note);
            noteCell.colSpan = 9;
            noteRow.appendChild(noteCell);
            rows.appendChild(noteRow);
          }
        });
        $("forget").hidden = !attempts.length;
        ReviewerCharts.sparkline(attempts.map(function (a) { return a.score; }));
      }).catch(function () { /* shown again on the next review */ });
  }

  function coach(attempt, change) {
    fetch("/api/attempts/" + attempt + "/coach", {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify(change)})
      .then(function (res) { return res.json().then(function (body) { return [res.ok, body]; }); })
      .then(function (answer) { if (!answer[0]) showError(answer[1].error || "Could not save."); loadHistory(null); })
      .catch(function () { showError("Could not reach the server to save."); });
  }

  function forget(url) {
    fetch(url, {method: "DELETE"})
      .then(function (res) { return res.json().then(function (body) { return [res.ok, body]; }); })
      .then(function (answer) { if (!answer[0]) showError(answer[1].error || "Could not delete."); loadHistory(null); })
      .catch(function () { showError("Could not reach the server to delete."); });
  }
  $("forget").addEventListener("click", function () {
    var name = rep();
    if (!name || !window.confirm("Delete every attempt and recording of " + name + "? This cannot be undone.")) return;
    forget("/api/history?rep=" + encodeURIComponent(name));
  });

  loadReps();
  loadScripts();
  loadHistory(null);
})();
