"""What the chat's welcome costs once the index is loaded, on a corpus of many files: the corpus
overview given a status that carries what its check read of the corpus (`IndexStatus`'s
`corpus_bytes` and `corpus_examples`: neither the folder walked nor its manifest read again, as
now) against one without them (the folder walked and the manifest read again, as before),
alternated in one run, and what reading the manifest alone costs. Not a test; run it by hand:

    python benchmarks/welcome_overview.py [--documents 36612] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from citeqa.corpus import corpus_stamps
from citeqa.domain import read_corpus_manifest
from citeqa.filelist import FileList
from citeqa.models import DocumentStatus, IndexStatus
from citeqa.overview import corpus_overview
from citeqa.status import corpus_now


def write_corpus(folder: Path, documents: int) -> None:
    """`documents` short files in folders of a thousand, and a manifest listing their titles."""
    entries = []
    for n in range(documents):
        name = f"part-{n // 1000:03d}/report-{n:05d}.txt"
        path = folder / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"Report {n} on renal response and biopsies.\n", encoding="utf-8")
        entries.append({"file": name, "title": f"Report {n:05d}", "languages": ["en"]})
    manifest = {"examples": [{"question": "What about renal response?", "lang": "en"}]}
    (folder / "manifest.json").write_text(json.dumps({**manifest, "documents": entries}))


def status_of(folder: Path, checked: bool) -> IndexStatus:
    """A status of the corpus's documents, with what a check read of the corpus (`checked`:
    its size and the manifest's examples, as `citeqa.status.corpus_now` gives them), or as a
    status that did not give them (as before: the welcome walked and read them again)."""
    found = corpus_now(FileList.of([]), folder, None)
    names = corpus_stamps(folder, read_corpus_manifest(folder)).names
    return IndexStatus(
        index_dir="/data/index", corpus_dir=str(folder), built_at="2026-11-29T00:00:00",
        format_version=1, channels=[], chunk_count=len(names), size_bytes=1,
        corpus_bytes=found.corpus_bytes if checked else None,
        corpus_examples=found.examples if checked else [], manifest_hash="0" * 64, stale=False,
        documents=[
            DocumentStatus(doc_id=name, title=name, path=name, chunks=1, lang=["en"])
            for name in names
        ],
    )  # fmt: skip


def alternate(functions: list[Callable[[], object]], runs: int) -> list[float]:
    """Median seconds of each function, run alternately `runs` times each."""
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(runs):
        for slot, function in enumerate(functions):
            began = time.perf_counter()
            function()
            times[slot].append(time.perf_counter() - began)
    return [statistics.median(slot) for slot in times]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=36612)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="citeqa-welcome-") as temporary:
        folder = Path(temporary)
        write_corpus(folder, args.documents)
        walked, given = status_of(folder, False), status_of(folder, True)
        assert corpus_overview(folder, walked) == corpus_overview(folder, given)
        before, now, manifest = alternate(
            [
                lambda: corpus_overview(folder, walked),
                lambda: corpus_overview(folder, given),
                lambda: read_corpus_manifest(folder),
            ],
            args.runs,
        )
    print(f"welcome overview of {args.documents} files, with a status (median of {args.runs})")
    print(f"  folder walked, manifest read again (before): {before * 1000:8.1f} ms")
    print(f"  what the status's check read (now):          {now * 1000:8.1f} ms", end="")
    print(f" · ratio {before / now:.0f}x")
    print(f"  (of before, the manifest's read alone:       {manifest * 1000:8.1f} ms)")


if __name__ == "__main__":
    main()
