"""Print what the chat's ctrl+r costs after one file of a corpus is edited: a rebuild from
scratch (what ctrl+r did before session 13: build_index(rebuild=True)) against the update it
does now (chat_cmd._update, as `citeqa index`), wall and CPU seconds in one run, and the ratio.
Not a test; run it by hand:

    python benchmarks/chat_update.py --corpus DIR [--embedder default|hash]

The corpus is copied into a temporary folder and indexed once (not timed); then one file is
edited and the index rebuilt from scratch, then another file is edited and the index updated
as ctrl+r now does. `--embedder default` uses the settings' channels (the real models, as a
user's chat does); `hash` benchmarks/scale.py's hashed bag of words (citeqa's own cost only).
The s13 user trial waited 7.5 min for ctrl+r after editing 3 files of 1,596.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale

from citeqa.api import build_index
from citeqa.cli.chat_cmd import _update
from citeqa.config import Settings
from citeqa.models import BuildReport


def _edited(corpus: Path, nth: int) -> Path:
    """The `nth` file of the corpus (sorted), with a line appended."""
    path = sorted(p for p in corpus.rglob("*") if p.is_file())[nth]
    with path.open("a", encoding="utf-8") as file:
        file.write("\nA line added for the benchmark of the chat's update.\n")
    return path


def _timed(run: Callable[[], BuildReport]) -> tuple[float, float, BuildReport]:
    wall, cpu = time.perf_counter(), time.process_time()
    report = run()
    return time.perf_counter() - wall, time.process_time() - cpu, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--embedder", choices=("default", "hash"), default="default")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="citeqa-chat-update-") as scratch:
        corpus, index = Path(scratch) / "corpus", Path(scratch) / "index"
        shutil.copytree(args.corpus, corpus)
        if args.embedder == "hash":
            scale.register()
            settings = scale.settings(corpus, index)
        else:
            settings = Settings(corpus_dir=corpus, index_dir=index)
        first = build_index(settings)
        print(f"corpus: {first.documents} documents, {first.chunks} chunks ({args.embedder})")
        _edited(corpus, 0)
        rows = [("rebuild (ctrl+r before)", *_timed(lambda: build_index(settings, rebuild=True)))]
        _edited(corpus, 1)
        noop = lambda stage, done, total: None  # noqa: E731
        rows.append(("update (ctrl+r now)", *_timed(lambda: _update(settings, noop))))
        for label, wall, cpu, report in rows:
            done = f"{report.verb}, {len(report.updated)} file(s) updated"
            print(f"{label:26} {wall:7.1f} s wall {cpu:7.1f} s CPU  {done}")
        walls, cpus = rows[0][1] / rows[1][1], rows[0][2] / rows[1][2]
        print(f"ratio before/after: {walls:.1f}x wall, {cpus:.1f}x CPU")


if __name__ == "__main__":
    main()
