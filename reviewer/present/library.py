"""The team's library of best takes, written as files a coach can share: each recording (copied,
when it is still there), its transcript and figures in a text file, library.csv and an index page.

The history's attempts marked best (`History.best_takes`) and their reviews go in; the files in
a folder come out, as a batch's results do (writers.py).
"""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

from reviewer.present.new_files import write_new_files
from reviewer.present.textsafe import csv_row
from reviewer.storage.attempts import local_time
from reviewer.storage.history import History, take_name


def safe_file_name(text: str, limit: int = 40) -> str:
    """A name for a file we write: letters, digits, - and _ only."""
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:limit]
    return name or "take"


_CORE = re.compile(r"^(\W*)(.*?)(\W*)$")  # a word's leading punctuation, its letters, its trailing punctuation


def _norm(word: str) -> str:
    return re.sub(r"[^\w]", "", word).lower()


def _proper_words(script: str | None, profile: dict | None) -> tuple[list[str], set[str]]:
    """The script's words, and which of them are names to spell as written: the profile's name
    and company, and the script's capitalised words not at a sentence's start."""
    words = (script or "").split()
    names = {_norm(w) for key in ("name", "company") for w in str((profile or {}).get(key) or "").split()}
    for k, w in enumerate(words):
        core = _CORE.match(w).group(2)
        if core[:1].isupper() and k and not words[k - 1].endswith((".", "!", "?")):
            names.add(_norm(core))
    return words, names


def hand_out_transcript(review: dict, script: str | None = None) -> str:
    """The transcript as a coach hands it out: each phone number written as a number
    ("503-827-1946", not Whisper's "503 -827 -1946"), and a name Whisper heard as another word
    ("Senior Health") in the script's and profile's spelling ("Cedar Health") where the words
    line up with the script one for one. Without words, the transcript as stored."""
    from difflib import SequenceMatcher

    from reviewer.record.summary import format_digits

    tokens: list[str | None] = [w["text"].strip() for w in review.get("words") or []]
    if not tokens:
        return review.get("transcript", "")
    for n in review.get("phone_numbers") or []:
        at = [i for i in n.get("word_indices") or [] if 0 <= i < len(tokens) and tokens[i] is not None]
        if at and n.get("digits"):
            tail = _CORE.match(tokens[at[-1]] or "").group(3)
            tokens[at[0]] = format_digits(n["digits"]) + tail.lstrip("-")
            for i in at[1:]:
                tokens[i] = None
    script_words, names = _proper_words(script, review.get("profile"))
    kept = [i for i, t in enumerate(tokens) if t is not None]
    heard = [_norm(tokens[i]) for i in kept]
    matcher = SequenceMatcher(None, heard, [_norm(w) for w in script_words], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace" or i2 - i1 != j2 - j1:
            continue
        for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
            written = _CORE.match(script_words[j]).group(2)
            if _norm(written) in names and not any(c.isdigit() for c in written):
                lead, _, tail = _CORE.match(tokens[kept[i]]).groups()
                tokens[kept[i]] = lead + written + tail
    _respell_profile(tokens, review.get("profile"))
    return " ".join(t for t in tokens if t)


def _respell_profile(tokens: list[str | None], profile: dict | None) -> None:
    """The profile's name and company in its own spelling where Whisper heard them as another
    capitalised word beside a word of them ("Senior Health" for "Cedar Health"); a lower-case
    word ("good health") is the rep's own and is kept."""
    kept = [i for i, t in enumerate(tokens) if t is not None]
    for key in ("name", "company"):
        phrase = str((profile or {}).get(key) or "").split()
        if len(phrase) < 2:
            continue
        for start in range(len(kept) - len(phrase) + 1):
            at = kept[start : start + len(phrase)]
            same = [_norm(tokens[i]) == _norm(w) for i, w in zip(at, phrase, strict=True)]
            if not any(same) or all(same):
                continue
            odd = [i for i, ok in zip(at, same, strict=True) if not ok]
            if all(_CORE.match(tokens[i]).group(2)[:1].isupper() for i in odd) and at[0] > 0:
                for i, w in zip(at, phrase, strict=True):
                    lead, _, tail = _CORE.match(tokens[i]).groups()
                    tokens[i] = lead + _CORE.match(w).group(2) + tail


def recorded_on(file: str, reviewed_at: str) -> str:
    """When the take was recorded: a manifest's calendar date as written, else the recording's
    own time (its file's modification time, local), else the review's time, said as such."""
    from datetime import datetime

    if len(reviewed_at) == 10:  # a calendar date (a manifest's), never shifted by a time zone
        return reviewed_at
    path = Path(file)
    if path.is_file():
        local = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
        offset = local.strftime("%z")
        return f"{local:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}"
    return " ".join(local_time(reviewed_at)) + " (reviewed; the recording is gone)"


def _take_files(db: History, k: int, a) -> tuple[dict[str, bytes | Path], dict, str]:
    """One best take (the k-th): its files (the recording, when it is still there, and the text
    file), its row in library.csv and its entry in index.html."""
    review = db.review_json(a.id)
    stem = f"{k:02d}-{safe_file_name(a.rep, 20)}-{a.id}"
    files: dict[str, bytes | Path] = {}
    audio = ""
    source = Path(a.file)
    if source.is_file():
        audio = stem + source.suffix.lower()
        files[audio] = source
    when = recorded_on(a.file, a.reviewed_at)
    transcript = hand_out_transcript(review, db.script(a.script) if a.script else None)
    name = take_name(db, a)
    lines = [
        f"Rep: {a.rep}",
        f"Recorded: {when}",
        f"Recording: {name}",
        f"Script: {a.script or '-'}",
        f"Score: {a.score}/100",
        f"Length: {a.duration_s:.1f} s, {a.word_count} words at {a.words_per_minute:.0f} words per minute",
        f"Coach's note: {a.note or '-'}",
        "",
        transcript,
        "",
    ]
    files[f"{stem}.txt"] = "\n".join(lines).encode("utf-8")
    row = {
        "attempt": a.id,
        "rep": a.rep,
        "reviewed_at": a.reviewed_at,
        "recording": name,
        "audio": audio,
        "transcript_file": f"{stem}.txt",
        "script": a.script or "",
        "score": a.score,
        "duration_s": a.duration_s,
        "words_per_minute": a.words_per_minute,
        "fillers": a.filler_count,
        "note": a.note or "",
        "recorded": when,
        "transcript": transcript,
    }
    e = html.escape
    # its length written out: a browser shows 0:00 for a page's recording (WebM has no duration)
    length = f"{a.duration_s:.0f} s" if a.duration_s is not None else "length unknown"
    player = f'<audio controls preload="metadata" src="{e(audio)}"></audio>' if audio else "<p>(recording not kept)</p>"
    entry = (
        f"<article><h2>{e(a.rep)}: {a.score}/100</h2><p class=meta>{e(when)} · {length} · {e(name)}"
        f" · script {e(a.script or '-')}</p>{player}<blockquote>{e(transcript)}</blockquote>"
        f"<p class=note>{'Coach: ' + e(a.note) if a.note else ''}</p></article>"
    )
    return files, row, entry


def export_library(db: History, out: Path, replace: bool = False) -> int:
    """Each best take: its recording (copied, when it is still there), its transcript and figures
    in a text file, a row in library.csv and an entry in index.html; all owner-only, as new files
    (a folder that already holds any of them is refused unless `replace`, and a link there is never
    followed: new_files.py). Returns how many."""
    takes = db.best_takes()
    files: dict[str, bytes | Path] = {}
    rows, entries = [], []
    for k, a in enumerate(takes, 1):
        mine, row, entry = _take_files(db, k, a)
        files.update(mine)
        rows.append(row)
        entries.append(entry)
    table = io.StringIO(newline="")
    writer = csv.DictWriter(table, fieldnames=list(rows[0]) if rows else ["attempt"])
    writer.writeheader()
    writer.writerows(csv_row(r) for r in rows)
    files["library.csv"] = table.getvalue().encode("utf-8")
    page = (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Best takes</title>"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        "<style>body{font:15px system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}"
        "article{border:1px solid #ddd;border-radius:8px;padding:.5rem 1rem;margin:1rem 0}"
        ".meta{color:#666}.note{font-style:italic}audio{width:100%}</style></head><body>"
        f"<h1>Best takes ({len(takes)})</h1>"
        + ("".join(entries) or "<p>No best takes marked yet.</p>")
        + "</body></html>"
    )
    files["index.html"] = page.encode("utf-8")
    write_new_files(out, files, replace)
    return len(takes)
