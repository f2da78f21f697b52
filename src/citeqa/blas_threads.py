"""One BLAS thread while a question is answered: the process-wide limit, held while any
question of the process is being answered and lifted when the last one ends.

Answering a question multiplies small matrices (a question's vector by a corpus's stored
words, corpus_translation.py; by passages' words, passage_translation.py), too small to share
between threads: OpenBLAS's default two threads then spin for a core after each product. On a
2-core machine with one core busy, the bundled questions took 34-36 ms at the median against
25-30 ms on one thread, and on an idle one the same wall time for half the CPU time
(benchmarks/ask_latency.py; s53). Encoding a question was already held to one thread
(embedding.UseEmbedder._encode), as faiss's search is (vectorindex._search_one_thread).

The limit is process-wide (OpenBLAS's pthreads build has one thread count), so it is counted,
not nested: were two questions answered at once, the first to end must not lift it while the
other is still answered (threadpoolctl's own limit restores what it found on entering).
threadpoolctl lets one living thread at a time set OpenBLAS's count and ignores the others:
the CLI answers in its main thread, the chat each question in a worker thread of its own,
which takes the control once the previous worker has ended. A build in the same process keeps
its threads but while a question is answered. The libraries are read at the first question:
faiss's own OpenBLAS, when loaded later, is left alone (faiss calls it for a search of 20
queries or more at once, never for one question's).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar

__all__ = ["on_one_blas_thread", "one_blas_thread"]

_P = ParamSpec("_P")
_R = TypeVar("_R")

_lock = threading.Lock()
_holders = 0
_limiter: Any = None
"""threadpoolctl's limiter while a question is answered (its original limits restored when
the last ends), else None."""
_controller: Any = None
"""threadpoolctl's ThreadpoolController, made at the first question (2 ms: the libraries
loaded then, numpy's OpenBLAS among them); False when threadpoolctl cannot read them."""


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Hold the process's BLAS libraries to one thread while the block runs (no limit where
    threadpoolctl cannot read them)."""
    global _holders, _limiter
    with _lock:
        if _holders == 0:
            controller = _blas_controller()
            _limiter = controller.limit(limits=1, user_api="blas") if controller else None
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _limiter is not None:
                _limiter.restore_original_limits()
                _limiter = None


def on_one_blas_thread(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """`function`, run holding one BLAS thread (`one_blas_thread`)."""

    @functools.wraps(function)
    def held(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with one_blas_thread():
            return function(*args, **kwargs)

    return held


def _blas_controller() -> Any:
    """The process's ThreadpoolController, made once (under the caller's lock); None when
    threadpoolctl fails to read the loaded libraries."""
    global _controller
    if _controller is None:
        try:
            from threadpoolctl import ThreadpoolController

            _controller = ThreadpoolController()
        except Exception:  # an unreadable library: answer on the default threads
            _controller = False
    return _controller or None
