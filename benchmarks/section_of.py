"""What finding a quote's heading costs: CPU seconds of `chunking.section_of` (called as a
quote runs on or back line by line and as spans merge) over every chunk of a corpus, at an
offset every `--step` characters, for this citeqa and (with --baseline-src, the src/ folder of
another citeqa, e.g. an older commit's `git archive`) for that one's `chunking.py`, in turn
(alternating who goes first), in one run; the answers must agree. The first pass of a round
reads each chunk once (the heading offsets are cached by the chunk's text), later calls reuse
it. Not a test; run it by hand:

    python benchmarks/section_of.py [--corpus DIR] [--rounds 3] [--step 37] [--baseline-src DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from citeqa import chunking
from citeqa.config import BUNDLED_CORPUS
from citeqa.models import Document


def baseline_section_of(src: Path) -> Callable[..., Any]:
    """`section_of` from another citeqa's chunking.py (it imports this citeqa's other modules)."""
    spec = importlib.util.spec_from_file_location("baseline_chunking", src / "citeqa/chunking.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["baseline_chunking"] = module  # dataclasses look the module up
    spec.loader.exec_module(module)
    return module.section_of


def calls_for(corpus: Path, step: int) -> list[tuple[str, Any, int]]:
    """(document text, chunk, offset) for every chunk of the corpus's text files."""
    calls = []
    for path in sorted(corpus.glob("*.txt")) + sorted(corpus.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        doc = Document(doc_id=path.stem, title=path.stem, path=str(path), text=text, sha256="0")
        for chunk in chunking.chunk_document(doc, 900, 150):
            calls += [(text, chunk, offset) for offset in range(chunk.start, chunk.end, step)]
    return calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=BUNDLED_CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--step", type=int, default=37)
    parser.add_argument("--baseline-src", type=Path, default=None)
    args = parser.parse_args()
    calls = calls_for(args.corpus, args.step)
    functions = [("this", chunking.section_of)]
    if args.baseline_src is not None:
        functions.insert(0, ("baseline", baseline_section_of(args.baseline_src)))
    for round_number in range(args.rounds):
        chunking._inner_headings.cache_clear()  # each round starts cold
        answers = []
        turn = functions if round_number % 2 == 0 else functions[::-1]  # alternate who is first
        for name, section_of in turn:
            for label in ("first pass", "second pass"):
                started = time.process_time()
                answers.append([section_of(*call) for call in calls])
                spent = time.process_time() - started
                print(f"round {round_number} {name} {label}: {len(calls)} calls {spent:.4f} s")
        assert all(found == answers[0] for found in answers), "the answers differ"


if __name__ == "__main__":
    main()
