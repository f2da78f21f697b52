"""The cue lists of the package's data files (citeqa/data/*.json) hold each cue once: a cue
written twice in one list is a sign that one of its two languages was copied over the other's,
and a reader of the list cannot tell which of the two copies is meant."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json

DATA_FILES = sorted(
    entry.name
    for entry in resources.files("citeqa").joinpath("data").iterdir()
    if entry.name.endswith(".json")
)


def _cue_lists(value: Any, path: str = "", cued: bool = False) -> Iterator[tuple[str, list[str]]]:
    """Each list of strings in `value` under a key naming cues ("decision_cues", "cues"), with
    its path of keys."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _cue_lists(item, f"{path}/{key}", cued or "cue" in key)
    elif isinstance(value, list):
        if cued and value and all(isinstance(item, str) for item in value):
            yield path, value
        else:
            for at, item in enumerate(value):
                yield from _cue_lists(item, f"{path}/{at}", cued)


def _twice(words: list[str]) -> list[str]:
    return [word for word, count in Counter(words).items() if count > 1]


def test_the_data_files_hold_cue_lists() -> None:
    """The walk below finds the lists it checks (a renamed key would leave it none)."""
    lists = [path for name in DATA_FILES for path, _ in _cue_lists(data_json(name))]
    assert "/decision_cues" in lists and len(lists) > 20


@pytest.mark.parametrize("name", DATA_FILES)
def test_no_cue_list_of_a_data_file_holds_a_cue_twice(name: str) -> None:
    twice = {path: _twice(cues) for path, cues in _cue_lists(data_json(name)) if _twice(cues)}
    assert not twice, (name, twice)


def test_the_dated_documents_cues_differ_once_folded() -> None:
    """later_statements matches these cues folded (its `_word_starts`): "décision" and
    "decision" are one cue there."""
    data = data_json("dated_documents.json")
    lists = {key: value for key, value in data.items() if isinstance(value, list)}
    twice = {key: _twice([fold(cue) for cue in cues]) for key, cues in lists.items()}
    assert not {key: words for key, words in twice.items() if words}
