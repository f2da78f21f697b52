"""A cold `citeqa ask` (a new process) on an index of many synthetic documents, with the sorted
BM25 vocabulary (sortedvocab.py) and on a copy without it (an index built before it, whose
open parses bm25s's JSON vocabulary), alternated. Not a test; run it by hand:

    python benchmarks/bm25_cold_ask.py [--docs 20000] [--runs 7]

(or through `benchmarks/bm25_open.py --ask-docs N`). The documents are 60 words each drawn from
about five distinct words a document (so the vocabulary grows with the corpus, as a real
one's does), plus two bundled documents the question is about; the tests' fake embedder
stands in for the model so that the build takes minutes, not hours.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from fake_corpus import copy_docs, register_fake

from citeqa import sortedvocab

QUESTION = "Is belimumab approved for children?"
HERE = Path(__file__).resolve().parent
ASK = (
    f"import sys; sys.path.insert(0, {str(HERE)!r}); from fake_corpus import register_fake;"
    " register_fake(); from citeqa.cli import main; main()"
)


def write_corpus(corpus: Path, docs: int, seed: int = 11) -> None:
    """`docs` synthetic documents (60 words each) and two bundled ones, in `corpus`."""
    corpus.mkdir(parents=True)
    copy_docs(corpus)
    rng = np.random.default_rng(seed)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    words = ["".join(rng.choice(letters, size=int(n))) for n in rng.integers(4, 12, docs * 5)]
    weights = 1.0 / np.arange(1, len(words) + 1) ** 0.8
    weights /= weights.sum()
    for number in range(docs):
        chosen = rng.choice(len(words), size=60, p=weights)
        text = " ".join(words[n] for n in chosen)
        (corpus / f"doc{number:06d}.txt").write_text(f"Document {number}.\n\n{text}.\n")


def older_copy(index: Path, copy: Path) -> None:
    """`copy`: the index as built before the sorted vocabulary: bm25s's JSON one in its place
    (a build no longer keeps it), its manifest listing that instead."""
    shutil.copytree(index, copy, symlinks=True)
    build = (copy / "current").resolve()
    manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    vocab = build / "lexical" / sortedvocab.JSON_VOCAB
    vocab.write_text(json.dumps(sortedvocab.read_whole(vocab.parent)), encoding="utf-8")
    manifest["index_files"][f"lexical/{vocab.name}"] = hashlib.sha256(
        vocab.read_bytes()
    ).hexdigest()
    for name in sortedvocab.FILES:
        (build / "lexical" / name).unlink()
        del manifest["index_files"][f"lexical/{name}"]
    (build / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def _ask(corpus: Path, index: Path) -> float:
    """Seconds of a cold `citeqa ask` in a new process (which must succeed)."""
    env = {**os.environ, "CITEQA_CHANNELS": "fake"}
    command = [sys.executable, "-c", ASK, "ask", QUESTION, "--corpus", str(corpus)]
    began = time.perf_counter()
    subprocess.run([*command, "--index", str(index)], env=env, check=True, capture_output=True)
    return time.perf_counter() - began


def cold_ask(docs: int, runs: int) -> None:
    """Build, then time cold asks on the index and its older copy, alternated."""
    register_fake()
    from citeqa.api import build_index
    from citeqa.config import Settings

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        write_corpus(root / "corpus", docs)
        began = time.perf_counter()
        settings = Settings(channels=("fake",), corpus_dir=root / "corpus", index_dir=root / "new")
        build_index(settings)
        built = time.perf_counter() - began
        older_copy(root / "new", root / "old")
        meta = json.loads((root / "new/current/lexical/lexical.json").read_text(encoding="utf-8"))
        times: dict[str, list[float]] = {"new": [], "old": []}
        for name in ("new", "old"):  # a first ask each, untimed (files read once into the cache)
            _ask(root / "corpus", root / name)
        for _ in range(runs):
            for name in ("new", "old"):
                times[name].append(_ask(root / "corpus", root / name))
        new, old = (1000 * statistics.median(times[name]) for name in ("new", "old"))
        print(
            f"cold ask, {docs:,} documents ({meta['terms']:,} terms, built in {built:.0f} s):"
            f" sorted vocabulary {new:.0f} ms, JSON vocabulary (older index) {old:.0f} ms,"
            f" ratio new/old {new / old:.3f} (median of {runs}, alternated)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cold_ask(args.docs, args.runs)


if __name__ == "__main__":
    main()
