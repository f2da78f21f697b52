"""Memory running out (a `ulimit -v` limit, a full machine) in the middle of a build or an
answer (probe s10-pr): a MemoryError ended in a traceback. It is now one line (exit code 1),
the build's temporary folder is gone, and the previous index still loads and answers.

Under a low `ulimit -v`, importing faiss crashed the interpreter (a segmentation fault, no
message at all), and a thread that could not start ended in a traceback: both are one line
now (session 11)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import (
    QUESTION,
    Indexed,
    build_folders,
    chat_load_error,
    indexed_copy,
    make_corpus,
    snapshot,
)

from small_corpora import tmp_leftovers

Shared = Indexed
"""The module's corpus and index (fault_helpers.shared_index): the answering tests read them
only; the building ones add a file, to a copy."""


def _no_memory(*_args: Any, **_kwargs: Any) -> Any:
    raise MemoryError


def test_memory_running_out_mid_embedding_keeps_the_last_index(
    shared_index: Shared,
    tmp_path: Path,
    cli: Any,
    monkeypatch: pytest.MonkeyPatch,
    fake_embedder: Any,
) -> None:
    corpus, index, where = indexed_copy(shared_index, tmp_path)
    builds, before = build_folders(index), snapshot(index)
    (corpus / "new.txt").write_text("Belimumab is a monoclonal antibody. " * 40, encoding="utf-8")
    monkeypatch.setattr(type(fake_embedder), "embed_batch", _no_memory)
    result = cli("index", *where)
    assert result.code == 1
    assert result.error_line().startswith("citeqa: out of memory: stopped.")
    assert build_folders(index) == builds and tmp_leftovers(index) == []
    monkeypatch.undo()
    after = {name: kind for name, kind in snapshot(index).items() if not name.startswith(".")}
    assert after == {name: kind for name, kind in before.items() if not name.startswith(".")}
    answered = cli("ask", QUESTION, *where)
    assert answered.code == 0 and "“" in answered.out


def test_memory_running_out_mid_answer_is_one_line(
    shared_index: Shared, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citeqa import api

    _, index, where = shared_index
    before = snapshot(index)
    monkeypatch.setattr(api.Assistant, "ask", _no_memory)
    result = cli("ask", QUESTION, *where)
    assert result.code == 1
    assert result.error_line().startswith("citeqa: out of memory: stopped.")
    assert snapshot(index) == before  # the shared index, only read


def test_too_low_an_address_space_limit_for_faiss_is_one_line(
    shared_index: Shared, tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citeqa import vectorindex

    corpus, index, where = indexed_copy(shared_index, tmp_path)
    before = snapshot(index)
    (corpus / "new.txt").write_text("Belimumab is a monoclonal antibody. " * 40, encoding="utf-8")
    monkeypatch.delitem(sys.modules, "faiss", raising=False)  # as in a new process
    monkeypatch.setattr(vectorindex, "address_space_limit", lambda: 500 << 20)
    for command in ("index", "ask"):
        result = cli(command, *(["Belimumab?"] if command == "ask" else []), *where)
        assert result.code == 1, command
        assert result.error_line() == (
            "citeqa: this process may use at most 500 MB of memory (`ulimit -v`), too little"
            " for the vector search library (FAISS; citeqa needs 768 MB): raise the limit and"
            " try again."
        )
    assert "faiss" not in sys.modules
    monkeypatch.undo()
    assert snapshot(index) == before
    assert cli("ask", QUESTION, *where).code == 0


def test_faiss_is_not_imported_under_a_low_limit_in_a_real_process() -> None:
    """In a process whose address space is capped at 500 MB, loading FAISS raises citeqa's
    error instead of importing faiss (here a bare import crashed between 250 and 460 MB, a
    build at 900 MB); the limit is set in the child only."""
    script = (
        "import resource, sys\n"
        "hard = resource.getrlimit(resource.RLIMIT_AS)[1]\n"
        "resource.setrlimit(resource.RLIMIT_AS, (500 << 20, hard))\n"
        "from citeqa.errors import AddressSpaceTooSmall\n"
        "from citeqa.vectorindex import faiss_module\n"
        "try:\n"
        "    faiss_module()\n"
        "except AddressSpaceTooSmall as err:\n"
        "    print(err)\n"
        "print('faiss' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "this process may use at most 500 MB of memory (`ulimit -v`), too little for the vector"
        " search library (FAISS; citeqa needs 768 MB): raise the limit and try again.",
        "False",
    ]


def test_a_thread_that_cannot_start_is_one_line(
    shared_index: Shared, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citeqa import api

    def no_thread(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("can't start new thread")

    _, index, where = shared_index
    before = snapshot(index)
    monkeypatch.setattr(api.Assistant, "ask", no_thread)
    result = cli("ask", QUESTION, *where)
    assert result.code == 1
    assert result.error_line().startswith("citeqa: could not start a thread (")
    assert "ulimit -v" in result.error_line()
    assert snapshot(index) == before  # the shared index, only read


@pytest.mark.parametrize(
    ("error", "line"),
    [
        (MemoryError(), "out of memory: stopped."),
        (RuntimeError("can't start new thread"), "could not start a thread ("),
    ],
)
def test_the_chat_says_the_limit_as_the_cli_does(error: BaseException, line: str) -> None:
    """Opening the index in the chat ran out of memory, or of threads: the chat said
    "unexpected MemoryError" (as for a bug); it now says the CLI's line."""

    def open_failing(progress: Any) -> Any:
        raise error

    shown = chat_load_error(open_failing)
    assert shown is not None and shown.startswith(line)
    assert "unexpected" not in shown and "ulimit -v" in shown


def test_a_build_loads_faiss_before_reading_any_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """How much address space importing faiss needs depends on what the process holds: after
    the embedding, a first build of the bundled corpus crashed under a 900 MB limit; loaded
    first, it builds at 820 MB and says "out of memory" below. So the build loads it first."""
    from citeqa import indexing
    from citeqa.config import Settings

    calls: list[str] = []

    def no_faiss() -> Any:
        calls.append("faiss")
        raise MemoryError

    monkeypatch.setattr(indexing, "faiss_module", no_faiss)
    monkeypatch.setattr(indexing, "write_documents", lambda *_a: calls.append("reading"))
    corpus = make_corpus(tmp_path / "corpus")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    with pytest.raises(MemoryError):
        indexing.build_index(settings)
    assert calls == ["faiss"]
    assert not (tmp_path / "index").exists()


def test_libraries_that_cannot_be_mapped_are_memory_running_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Under a limit just too low for its libraries, `import faiss` raises ImportError ("failed
    to map segment from shared object"): that is memory, said as such, not a missing package."""
    import builtins

    from citeqa import vectorindex

    real_import = builtins.__import__

    def unmappable(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "faiss":
            raise ImportError("libfaiss.so: failed to map segment from shared object")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "faiss", raising=False)
    monkeypatch.setattr(vectorindex, "address_space_limit", lambda: None)
    monkeypatch.setattr(builtins, "__import__", unmappable)
    with pytest.raises(MemoryError, match="failed to map segment"):
        vectorindex.faiss_module()
