"""A previous build's stored runs (doctally.StoredRuns) that fit no run, whatever their bytes:
each is refused with ValueError when opened, so the build computes every share again
(reuse._runs gives None), rather than a traceback or another key read for the one stored."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from citeqa.compounds import corpus_compounds
from citeqa.doctally import (
    TERMS,
    StoredRuns,
    runs_names,
    save_runs,
    stem_keys,
    stem_pairs,
    words_and_compounds,
)
from citeqa.models import Chunk
from citeqa.reuse import _runs
from citeqa.tallies import PIECE_CHARS, TermIds, text_pieces

RUNS = [["lupus", "belimumab"], [], ["lupus", "rituximab", "lupus"]]


def _saved(folder: Path) -> Path:
    runs = TermIds()
    for run in RUNS:
        runs.add(run)
    save_runs(folder, TERMS, runs)
    save_runs(folder, "stems", runs)
    return folder


def _npy(array: Any) -> bytes:
    stream = io.BytesIO()
    np.save(stream, np.asarray(array), allow_pickle=False)
    return stream.getvalue()


def test_stored_runs_are_read_back_by_chunk(tmp_path: Path) -> None:
    stored = StoredRuns(_saved(tmp_path), TERMS, len(RUNS))
    assert [stored.run(number) for number in range(len(RUNS))] == RUNS


IDS, ENDS = runs_names(TERMS)[:2]
HOSTILE: dict[str, tuple[str, Callable[[np.ndarray], bytes]]] = {
    "empty ids": (IDS, lambda ids: b""),
    "empty ends": (ENDS, lambda ends: b""),
    "cut ids": (IDS, lambda ids: _npy(ids)[:70]),
    "float ids": (IDS, lambda ids: _npy(ids.astype(np.float32))),
    "2-d ids": (IDS, lambda ids: _npy(ids.reshape(-1, 1))),
    "a negative id": (IDS, lambda ids: _npy(np.where(ids == 0, -1, ids))),
    "an id past the vocabulary": (IDS, lambda ids: _npy(np.where(ids == 0, 3, ids))),
    "float ends": (ENDS, lambda ends: _npy(ends.astype(np.float64))),
    "ends going down": (ENDS, lambda ends: _npy([0, 3, 2, ends[-1]])),
    "ends not from 0": (ENDS, lambda ends: _npy(ends + 1)),
    "ends short of the ids": (ENDS, lambda ends: _npy(np.minimum(ends, 3))),
    "a run too few": (ENDS, lambda ends: _npy(ends[:-1])),
}


@pytest.mark.parametrize("hostile", sorted(HOSTILE))
def test_stored_runs_that_fit_no_run_are_refused(tmp_path: Path, hostile: str) -> None:
    """Before: an empty .npy raised EOFError, float or 2-d ids TypeError (tracebacks out of a
    build), and a negative id read the vocabulary's last key silently."""
    folder = _saved(tmp_path)
    name, alter = HOSTILE[hostile]
    path = folder / name
    path.write_bytes(alter(np.load(path, allow_pickle=False)))
    with pytest.raises(ValueError):
        StoredRuns(folder, TERMS, len(RUNS))
    loaded = SimpleNamespace(
        folder=folder,
        chunks=[None] * len(RUNS),
        manifest=SimpleNamespace(
            index_files=dict.fromkeys([*runs_names(TERMS), *runs_names("stems")])
        ),
    )
    assert _runs(loaded) is None  # type: ignore[arg-type]


def test_words_and_compounds_refuses_one_text_alone() -> None:
    """A str is an iterable of str: read as texts, each character would be a text."""
    with pytest.raises(TypeError):
        words_and_compounds("two words")


def test_a_document_typeset_by_groff_holds_its_options_as_compounds() -> None:
    words, compounds = words_and_compounds(
        ["the \u2010\u2010max\u2010size option, the --keep-\n  daily one"]
    )
    assert {"maxsize", "keepdaily"} <= compounds
    assert {"max", "size", "keep", "daily"} <= words


def test_a_name_split_across_lines_at_a_piece_edge_is_one_compound() -> None:
    """The final read of s15: each 64 KB piece was read as code spells names on its own, so a
    name split across lines ("--max-\nsize") whose break fell at a piece's edge was two words
    here and one compound for compounds.corpus_compounds, which reads the text whole."""
    text = "word " + "1" * PIECE_CHARS + " --max-\nsize option"
    assert next(text_pieces(text)).endswith("--max-\n")  # the edge falls at the split
    words, compounds = words_and_compounds([text])
    assert {"max", "size"} <= words
    assert "maxsize" in compounds
    assert compounds == set(corpus_compounds([text]))


def test_a_stems_key_holds_letters_but_a_french_months_term() -> None:
    """doctally.STEMS says what a key's stem holds (review of s17-typos: it said letters only,
    and English "march" was keyed "--03" too): a French month's name is keyed by its month's
    term, an English one (a folded word has lost its capital) by its stem, as any other word."""
    french = Chunk(chunk_id="f", doc_id="f", start=0, end=30, text="Réunion en mars.", lang="fr")
    english = Chunk(
        chunk_id="e", doc_id="e", start=0, end=30, text="They march in March.", lang="en"
    )
    assert "mars --03" in stem_keys(french)
    assert stem_keys(english) == ["march march"]
    assert dict(stem_pairs(stem_keys(french)))["mars"] == "--03"
