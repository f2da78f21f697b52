"""What opening a stored BM25 index costs (lexical.StoredBM25), against the scan of every score
that opening did before (each document number's range, each term's offsets: O(postings)),
on the lexical folders given and on a synthetic index of N documents. Not a test; run it by
hand:

    python benchmarks/bm25_open.py [--lexical DIR ...] [--docs 20000] [--per-doc 240] [--runs 7]

The synthetic index is written straight in bm25s's format (Zipf-distributed terms, about
docs x per-doc scores), with the dtypes and parameters of a small index bm25s really built.
Prints per index: scores, terms, the median open now (and of parsing its vocabulary's JSON
alone, O(terms)), the median of the old scan alone on the
same mapped arrays (interleaved with the opens), and the median cost of the per-term check a
question now pays for the scores it reads (its five most frequent terms). Then, per index, the
median open + first lookup (five terms, two absent) with the sorted vocabulary (sortedvocab.py)
and with bm25s's JSON one alone (an index built before it), alternated.

    python benchmarks/bm25_open.py --layouts 100000 1000000

compares, at each vocabulary size, the two sorted layouts considered: a fixed-width unicode
array searched by np.searchsorted, and UTF-8 bytes + offsets searched in Python (chosen): open,
a question's lookups (twenty terms, half absent), and file sizes.

    python benchmarks/bm25_open.py --ask-docs 20000

builds a citeqa index of that many synthetic documents (the tests' fake embedder) and times a
cold `citeqa ask` (a new process) on it and on a copy without the sorted vocabulary, alternated.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from citeqa import sortedvocab
from citeqa.lexical import LexicalIndex, StoredBM25


def synthetic(folder: Path, docs: int, per_doc: int, seed: int = 5) -> None:
    """A bm25s-format index of `docs` documents and about docs * per_doc scores."""
    LexicalIndex.build([["alpha", "beta"], ["beta"]]).save(folder)
    params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
    kinds = {n: np.load(folder / f"{n}.csc.index.npy").dtype for n in StoredBM25.ARRAYS}
    rng = np.random.default_rng(seed)
    terms = max(1000, docs * 5)
    weights = 1.0 / np.arange(1, terms + 1)
    frequency = np.minimum(docs, np.maximum(1, weights / weights.sum() * docs * per_doc))
    counts = frequency.astype(np.int64)
    indices = np.concatenate([np.sort(rng.choice(docs, size=c, replace=False)) for c in counts])
    indptr = np.concatenate([[0], np.cumsum(counts)])
    arrays = {
        "data": rng.random(len(indices)).astype(kinds["data"]),
        "indices": indices.astype(kinds["indices"]),
        "indptr": indptr.astype(kinds["indptr"]),
    }
    for name, array in arrays.items():
        np.save(folder / f"{name}.csc.index.npy", array, allow_pickle=False)
    vocab = {f"t{n}": n for n in range(terms)}
    (folder / "vocab.index.json").write_text(json.dumps(vocab), encoding="utf-8")
    sortedvocab.write_sorted(folder, vocab)
    params["num_docs"] = docs
    (folder / "params.index.json").write_text(json.dumps(params), encoding="utf-8")
    meta = {"format": 1, "documents": docs, "terms": terms}
    (folder / "lexical.json").write_text(json.dumps(meta), encoding="utf-8")


def _words(count: int, seed: int) -> list[str]:
    """`count` distinct word-like terms (3-14 letters, some accented), as a corpus's are."""
    rng = np.random.default_rng(seed)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyzabcdeiouéèç"))
    words: dict[str, None] = {}
    while len(words) < count:
        lengths = rng.integers(3, 15, size=count)
        text = "".join(rng.choice(letters, size=int(lengths.sum())))
        ends = np.cumsum(lengths)
        words.update(dict.fromkeys(text[e - n : e] for e, n in zip(ends, lengths, strict=True)))
    return list(words)[:count]


def _timed(function: Callable[[], object], runs: int) -> float:
    """The median milliseconds of `runs` calls."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        function()
        times.append(time.perf_counter() - began)
    return 1000 * statistics.median(times)


def compare_layouts(terms: int, runs: int) -> None:
    """Open and a question's lookups (twenty terms, half absent), for the two layouts."""
    words = _words(terms, seed=terms)
    vocab = {word: number for number, word in enumerate(words)}
    question = words[:: max(1, terms // 10)][:10] + [word + "q" for word in words[:10]]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        sortedvocab.write_sorted(folder, vocab)
        ordered = sorted(words)
        fixed = np.array(ordered)
        np.save(folder / "fixed.npy", fixed, allow_pickle=False)
        np.save(folder / "fixed.ids.npy", np.array([vocab[w] for w in ordered]), allow_pickle=False)
        opened = sortedvocab.SortedVocab(folder, terms)
        mapped = np.load(folder / "fixed.npy", mmap_mode="r", allow_pickle=False)

        def fixed_lookup() -> list[int | None]:
            found = np.searchsorted(mapped, question)
            return [
                int(place) if place < terms and mapped[place] == word else None
                for place, word in zip(found, question, strict=True)
            ]

        size = sum((folder / name).stat().st_size for name in sortedvocab.FILES)
        print(
            f"{terms:,} terms: bytes+offsets (chosen) open"
            f" {_timed(lambda: sortedvocab.SortedVocab(folder, terms), runs):.3f} ms,"
            f" question lookups {_timed(lambda: [opened.get(w) for w in question], runs):.3f} ms,"
            f" {size / 1e6:.1f} MB; fixed-width {fixed.dtype} open"
            f" {_timed(lambda: np.load(folder / 'fixed.npy', mmap_mode='r'), runs):.3f} ms,"
            f" question lookups {_timed(fixed_lookup, runs):.3f} ms,"
            f" {(fixed.nbytes + 8 * terms) / 1e6:.1f} MB (one 120-character term would make it"
            f" {(4 * 120 + 8) * terms / 1e6:.0f} MB)"
        )


def old_scan(stored: StoredBM25) -> None:
    """What the open checked before, in full: every offset's order, every document number."""
    bool(np.any(np.diff(stored.indptr) < 0))
    if len(stored.indices):
        stored.indices.min(), stored.indices.max()


def measure(folder: Path, runs: int) -> None:
    meta = json.loads((folder / "lexical.json").read_text(encoding="utf-8"))
    opens, scans, checks, vocabs = [], [], [], []
    for _ in range(runs):
        began = time.perf_counter()
        stored = StoredBM25(folder, meta["documents"], meta["terms"])
        opens.append(time.perf_counter() - began)
        began = time.perf_counter()
        json.loads((folder / "vocab.index.json").read_bytes())
        vocabs.append(time.perf_counter() - began)
        began = time.perf_counter()
        old_scan(stored)
        scans.append(time.perf_counter() - began)
        widths = np.diff(stored.indptr)
        began = time.perf_counter()
        for term in np.argsort(-widths)[:5]:
            stored._postings(int(stored.indptr[term]), int(stored.indptr[term + 1]))
        checks.append(time.perf_counter() - began)
    print(
        f"{folder}: {len(stored.data):,} scores, {meta['terms']:,} terms;"
        f" open {1000 * statistics.median(opens):.2f} ms"
        f" (its vocabulary's JSON alone {1000 * statistics.median(vocabs):.2f} ms),"
        f" old full scan {1000 * statistics.median(scans):.2f} ms,"
        f" per-question check (5 most frequent terms) {1000 * statistics.median(checks):.3f} ms"
    )


def _older_view(folder: Path, view: Path) -> Path:
    """`view`: links to the files of `folder` but its sorted vocabulary (an older index)."""
    view.mkdir()
    for path in folder.iterdir():
        if path.name not in sortedvocab.FILES:
            (view / path.name).symlink_to(path.resolve())
    return view


def _with_json_vocab(folder: Path, copy: Path) -> Path:
    """`folder`, or when its build did not keep bm25s's JSON vocabulary (none does now), `copy`:
    the folder with that JSON written from its sorted vocabulary, so both can be timed."""
    if (folder / sortedvocab.JSON_VOCAB).is_file():
        return folder
    shutil.copytree(folder, copy)
    vocab = json.dumps(sortedvocab.read_whole(copy))
    (copy / sortedvocab.JSON_VOCAB).write_text(vocab, encoding="utf-8")
    return copy


def open_and_lookup(folder: Path, runs: int, scratch: Path) -> None:
    """Median open + first lookup (five terms, two absent), sorted vocabulary against bm25s's
    JSON alone, alternated; `folder` is copied and given its sorted vocabulary when it has none."""
    new = scratch / "new"
    shutil.copytree(folder, new)
    vocab = json.loads((new / sortedvocab.JSON_VOCAB).read_bytes())
    if not (new / sortedvocab.TERMS).is_file():
        sortedvocab.write_sorted(new, vocab)
    old = _older_view(new, scratch / "old")
    meta = json.loads((new / "lexical.json").read_text(encoding="utf-8"))
    terms = [*list(vocab)[:: max(1, len(vocab) // 3)][:3], "zzzabsent", "éabsent"]
    times: dict[str, list[float]] = {"new": [], "old": []}
    for _ in range(runs):
        for name, where in (("new", new), ("old", old)):
            began = time.perf_counter()
            ids = StoredBM25(where, meta["documents"], meta["terms"]).get_tokens_ids(terms)
            times[name].append(time.perf_counter() - began)
            assert ids == [vocab[term] for term in terms if term in vocab]
    new_ms, old_ms = (1000 * statistics.median(times[name]) for name in ("new", "old"))
    print(
        f"  open + first lookup: sorted vocabulary {new_ms:.2f} ms,"
        f" JSON vocabulary (older index) {old_ms:.2f} ms, ratio old/new {old_ms / new_ms:.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexical", type=Path, nargs="*", default=[])
    parser.add_argument("--docs", type=int, nargs="*", default=[20_000])
    parser.add_argument("--per-doc", type=int, default=240)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--layouts", type=int, nargs="*", default=[])
    parser.add_argument("--ask-docs", type=int, default=0)
    args = parser.parse_args()
    for terms in args.layouts:
        compare_layouts(terms, args.runs)
    with tempfile.TemporaryDirectory() as scratch:
        for number, given in enumerate(args.lexical):
            folder = _with_json_vocab(given, Path(scratch) / f"json{number}")
            measure(folder, args.runs)
            open_and_lookup(folder, args.runs, Path(scratch) / f"given{number}")
        for docs in args.docs:
            made = Path(scratch) / f"synthetic{docs}"
            synthetic(made, docs, args.per_doc)
            measure(made, args.runs)
            open_and_lookup(made, args.runs, Path(scratch) / f"copy{docs}")
    if args.ask_docs:
        from bm25_cold_ask import cold_ask

        cold_ask(args.ask_docs, args.runs)


if __name__ == "__main__":
    main()
