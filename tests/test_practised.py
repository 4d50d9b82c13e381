"""The script practised (reviewer/apps/practised.py): one resolution for `review --script` and the
practice page, against the scripts stored in the history. No model."""

from __future__ import annotations

import pytest

from reviewer.apps.practised import (
    NoSuchScript,
    ScriptNameTaken,
    UnreadableScript,
    pasted_name,
    script_for_command_line,
    script_for_page,
)
from reviewer.storage.history import History

TEXT = "Hi Maria, this is Sarah from Keystone Freight. Call me at 612-437-2968."


def test_a_script_file_is_stored_under_its_name_the_first_time(tmp_path):
    file = tmp_path / "oak_street.txt"
    file.write_text(TEXT + "\n", encoding="utf-8")
    heard = []
    with History(tmp_path / "h.sqlite") as db:
        assert script_for_command_line(str(file), db, None, heard.append) == ("oak_street", TEXT)
        assert db.script("oak_street") == TEXT
        # The same text however spaced or capitalised: nothing to say.
        file.write_text(TEXT.upper().replace(" ", "  "), encoding="utf-8")
        assert script_for_command_line(str(file), db, None, heard.append)[1] == TEXT.upper().replace(" ", "  ")
        assert heard == []
        # Another text: the review uses the file, the stored one is kept, and the caller hears why.
        file.write_text("Another script.", encoding="utf-8")
        assert script_for_command_line(str(file), db, None, heard.append) == ("oak_street", "Another script.")
        assert db.script("oak_street") == TEXT
    assert heard == [f"the stored script oak_street differs from {file}; this review uses the file"]


def test_a_stored_script_is_found_by_its_name_without_creating_a_database(tmp_path):
    db_path = tmp_path / "h.sqlite"
    with History(db_path) as db:
        db.add_script("oak_street", TEXT)
        assert script_for_command_line("oak_street", db, None) == ("oak_street", TEXT)
    assert script_for_command_line("oak_street", None, str(db_path)) == ("oak_street", TEXT)  # --no-history
    missing = tmp_path / "none.sqlite"
    with pytest.raises(NoSuchScript, match="^nope: no such script file, and no stored script of that name"):
        script_for_command_line("nope", None, str(missing))
    assert not missing.exists()


def test_an_unreadable_script_file_is_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(UnreadableScript, match="the script is empty"):
        script_for_command_line(str(empty), None, None)


def test_the_page_picks_a_stored_script_or_stores_a_pasted_one(tmp_path):
    db_path = tmp_path / "h.sqlite"
    assert script_for_page(db_path, "", TEXT) == (pasted_name(TEXT), TEXT)  # no name: one made from the text
    assert script_for_page(db_path, "", TEXT.lower()) == (pasted_name(TEXT), TEXT.lower())  # found by its text
    assert script_for_page(db_path, pasted_name(TEXT), "") == (pasted_name(TEXT), TEXT)
    assert script_for_page(db_path, "oak_street", TEXT) == ("oak_street", TEXT)
    with pytest.raises(ScriptNameTaken, match="^another script is already stored as 'oak_street'; choose another"):
        script_for_page(db_path, "oak_street", "Another script.")
    with pytest.raises(NoSuchScript, match="^no stored script named 'nope'$"):
        script_for_page(db_path, "nope", "")
