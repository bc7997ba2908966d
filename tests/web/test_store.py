"""Saved interviews: only their user can read them, a save is whole or absent, and no request can
name a file outside the folder."""

from __future__ import annotations

import os
import stat

import pytest

from respond.web.store import Store

posix = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@posix
def test_saved_answers_are_readable_only_by_their_user(tmp_path):
    store = Store(tmp_path / "interviews")
    interview = store.new_id()
    path = store.save(interview, {"defendant": {"name": "张三", "id_number": "11010519900307123X"}})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert store.load(interview)["defendant"]["name"] == "张三"
    store.save(interview, {"step": 2})  # a second save replaces the first, still 0600
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and store.load(interview) == {"step": 2}
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


@pytest.mark.parametrize("name", ["../secret", "a" * 32 + "/../x", "", "ABCDEF" * 6, "0" * 31])
def test_a_name_the_server_did_not_make_is_refused(tmp_path, name):
    store = Store(tmp_path)
    with pytest.raises(KeyError):
        store.save(name, {})
    assert store.load(name) is None


def test_resume_lists_newest_first(tmp_path):
    store = Store(tmp_path)
    first, second = store.new_id(), store.new_id()
    store.save(first, {})
    os.utime(store.path(first), (1_700_000_000, 1_700_000_000))
    store.save(second, {})
    (tmp_path / "notes.json").write_text("{}")  # not an interview
    assert store.saved() == [second, first]
