"""A question is answered on one BLAS thread, and the process's own count comes back when the
last question being answered ends (blas_threads.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from threadpoolctl import ThreadpoolController, threadpool_limits

import citeqa.api
from citeqa import blas_threads
from citeqa.blas_threads import one_blas_thread
from small_corpora import assistant_over


def _blas_threads() -> set[int]:
    """The thread counts of numpy's BLAS library (faiss's own, loaded later, serves only
    searches of 20 queries or more: blas_threads.py)."""
    libraries = ThreadpoolController().select(user_api="blas").info()
    return {info["num_threads"] for info in libraries if "numpy" in info["filepath"]}


@pytest.fixture
def two_threads() -> Iterator[None]:
    """The process's BLAS libraries on two threads (one-core machines too) for the test."""
    with threadpool_limits(limits=2, user_api="blas"):
        assert _blas_threads() == {2}
        yield


@pytest.mark.usefixtures("two_threads")
def test_the_limit_lasts_until_the_last_holder_ends() -> None:
    first, second = one_blas_thread(), one_blas_thread()
    first.__enter__()
    assert _blas_threads() == {1}
    second.__enter__()
    first.__exit__(None, None, None)  # the first question ends while the second is answered
    assert _blas_threads() == {1}
    second.__exit__(None, None, None)
    assert _blas_threads() == {2}


@pytest.mark.usefixtures("two_threads")
def test_a_failing_answer_lifts_the_limit() -> None:
    with pytest.raises(RuntimeError), one_blas_thread():
        raise RuntimeError("a question that failed")
    assert _blas_threads() == {2}
    assert blas_threads._holders == 0


@pytest.mark.usefixtures("two_threads")
def test_an_assistant_answers_on_one_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"hours.md": "# Opening hours\n\nThe library opens at 9:00 and closes at 18:00.\n"}
    assistant = assistant_over(files, tmp_path / "corpus", tmp_path / "index")
    during: list[set[int]] = []
    compose = citeqa.api.compose

    def watched_compose(*args: Any, **kwargs: Any) -> Any:
        during.append(_blas_threads())
        return compose(*args, **kwargs)

    monkeypatch.setattr(citeqa.api, "compose", watched_compose)
    answer = assistant.ask("When does the library open?")
    assert not answer.abstained and "9:00" in answer.citations[0].quote
    assert during and all(counts == {1} for counts in during)
    assert _blas_threads() == {2}
    assistant.retrieve("When does the library close?")
    assert _blas_threads() == {2}
