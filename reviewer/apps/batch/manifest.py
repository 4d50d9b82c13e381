"""The batch's jobs from its folders and its manifest (a CSV naming each file's rep, date and profile)."""

from __future__ import annotations

import csv
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from reviewer.apps.batch.jobs import BatchError, Job
from reviewer.profile import Profile, ProfileError, make_profile
from reviewer.sound.decode import AUDIO_SUFFIXES

ManifestEntry = tuple[str, str, Profile | None]  # rep, date, profile


def find_jobs(dirs: Iterable[str | os.PathLike], manifest: str | os.PathLike | None = None) -> list[Job]:
    """Audio under the folders (recursively); the rep from the manifest, else the parent folder."""
    files: list[Path] = []
    for d in dirs:
        root = Path(d)
        if root.is_file():
            files.append(root)
            continue
        if not root.is_dir():
            raise BatchError(f"{d}: no such folder")
        files.extend(sorted(f for f in root.rglob("*") if f.is_file() and f.suffix.lower() in AUDIO_SUFFIXES))
    by_path, by_name = read_manifest(manifest) if manifest else ({}, {})
    names = Counter(f.name for f in files)
    jobs = []
    for f in files:
        # The folder's rep, unless the manifest names this exact file: by its path, or by a bare
        # name (written without a folder) that no other file in the batch shares.
        entry = by_path.get(str(f.resolve())) or (by_name.get(f.name) if names[f.name] == 1 else None)
        rep, date, profile = entry if entry else (f.parent.name, "", None)
        jobs.append(Job(str(f), rep, date, profile, named=entry is not None))
    return jobs


def read_manifest(path: str | os.PathLike) -> tuple[dict[str, ManifestEntry], dict[str, ManifestEntry]]:
    """CSV with columns file,rep[,date][,name,company,number,region]; file relative to the
    manifest's folder or a bare name. Returns (rep, date, profile) by resolved path, and by name for
    the entries written as bare names; a row with a name, company or number has a profile."""
    p = Path(path)
    try:
        with open(p, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
    except FileNotFoundError:
        raise BatchError(f"{path}: no such manifest file") from None
    except UnicodeDecodeError as exc:
        raise BatchError(f"{path}: the manifest is not UTF-8 text (byte {exc.start}); save it as UTF-8 CSV") from None
    except (OSError, csv.Error) as exc:
        raise BatchError(f"{path}: cannot read the manifest ({exc})") from None
    if not rows or not {"file", "rep"} <= set(rows[0]):
        raise BatchError(f"{path}: a manifest needs a header with at least the columns file,rep[,date]")
    by_path: dict[str, ManifestEntry] = {}
    by_name: dict[str, ManifestEntry] = {}
    for line, row in enumerate(rows, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            continue
        rep = (row.get("rep") or "").strip() or "unknown"
        value = (rep, _manifest_date(row, path, line), _manifest_profile(row, path, line))
        if Path(name).name == name:
            by_name[name] = value
        by_path[str((p.parent / name).resolve())] = value
    return by_path, by_name


def _manifest_date(row: dict, path: str | os.PathLike, line: int) -> str:
    """The row's date as written: a calendar date (YYYY-MM-DD, the day in the coach's zone) or an
    ISO time (with its offset, or local); checked here so a bad one stops the batch before it runs."""
    from reviewer.storage.history import parse_when

    text = (row.get("date") or "").strip()
    try:
        parse_when(text)
    except ValueError:
        raise BatchError(f"{path}: line {line}: date {text!r}: give a date as YYYY-MM-DD (or an ISO time)") from None
    return text


def _manifest_profile(row: dict, path: str | os.PathLike, line: int) -> Profile | None:
    """The profile columns of one manifest row (name, company, number, region), checked."""
    cells = {k: (row.get(k) or "").strip() for k in ("name", "company", "number", "region")}
    if not (cells["name"] or cells["company"] or cells["number"]):
        return None
    try:
        return make_profile(cells["name"], cells["company"], cells["number"], cells["region"] or None) or None
    except ProfileError as exc:
        raise BatchError(f"{path}: line {line}: {str(exc).removeprefix('--')}") from None
