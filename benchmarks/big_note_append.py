"""Print what `citeqa index` costs after one line is appended to a long note (a ~300 KB journal)
in a small corpus: its CPU and wall time and how many vectors it embeds (chunks and sentences).
Not a test; run it by hand:

    python benchmarks/big_note_append.py [--baseline-src OTHER/src] [--rounds 3] [--fake]
        [--size 300000]

The corpus is the bundled one plus `journal.md`, dated entries of sentences drawn (with a fixed
seed) from the bundled corpus's words, `--size` characters long. It is indexed once by this
worktree's code (a fresh build, which textmatch.py leaves unchanged); then, each round, for this
code and `--baseline-src`'s in turn (on a shared, noisy machine: before and after in one run),
corpus and index are copied to a scratch folder, a line is appended to the journal and the index
updated in a child process. Its CPU time (user + system, interpreter start included: the load of
a shared machine moves it far less than the wall time) and wall time are the figures, medians
over the rounds; the child counts the texts its build passes to `embed_texts` for chunks and
sentences (contents.py). With --fake the tests' deterministic "fake" channel stands in for the
default model (what citeqa's own work costs); without it, the default channels embed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from fake_corpus import child_cost

ROOT = Path(__file__).resolve().parents[1]
THIS_SRC = ROOT / "src"
JOURNAL = "journal.md"

CHILD = """
import json, sys
from pathlib import Path
if sys.argv[3] == "fake":
    sys.path.insert(0, sys.argv[4])
    from fake_corpus import register_fake
    register_fake()
import citeqa.contents as contents
from citeqa.api import build_index
from citeqa.config import Settings
embedded = [0]
real = contents.embed_texts
def counting(embedder, texts, **options):
    embedded[0] += len(texts)
    return real(embedder, texts, **options)
contents.embed_texts = counting
channels = {"channels": ("fake",)} if sys.argv[3] == "fake" else {}
settings = Settings(corpus_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2]), **channels)
report = build_index(settings)
print(json.dumps({"embedded": embedded[0], "updated": report.updated, "chunks": report.chunks}))
"""


def journal(size: int) -> str:
    """Dated entries of 3 to 6 sentences of 6 to 16 words drawn from the bundled corpus's words
    (a fixed seed: the same text every run), until the text is `size` characters long."""
    words = sorted(
        {
            w
            for p in (ROOT / "corpus").glob("*.txt")
            for w in re.findall(r"[^\W\d_]{3,}", p.read_text(encoding="utf-8"))
        }
    )
    pick = random.Random(16)
    parts, length, day = ["# Journal\n"], 0, 0
    while length < size:
        sentences = [
            " ".join(pick.choices(words, k=pick.randint(6, 16))).capitalize() + "."
            for _ in range(pick.randint(3, 6))
        ]
        entry = f"\n## Day {day}\n\n" + " ".join(sentences) + "\n"
        parts.append(entry)
        length += len(entry)
        day += 1
    return "".join(parts)


def run_build(src: Path, corpus: Path, index: Path, fake: bool) -> dict[str, float]:
    """A build (or update) of `index` by the code at `src` in a child process: its CPU s, wall s
    and the texts it embedded."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    mode = "fake" if fake else "default"
    command = [sys.executable, "-c", CHILD, str(corpus), str(index), mode]
    command.append(str(Path(__file__).resolve().parent))
    cpu, wall, stdout = child_cost(command, env, "the build")
    found = json.loads(stdout.strip().splitlines()[-1])
    return {"cpu": cpu, "wall": wall, "embedded": found["embedded"], "chunks": found["chunks"]}


def update(src: Path, primed: Path, scratch: Path, fake: bool) -> dict[str, float]:
    """Copy the primed corpus and index, append a line to the journal, update the index."""
    work = scratch / "work"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(primed, work, symlinks=True)
    with (work / "corpus" / JOURNAL).open("a", encoding="utf-8") as stream:
        stream.write("\n## Today\n\nAppended one line to the journal.\n")
    figures = run_build(src, work / "corpus", work / "index", fake)
    shutil.rmtree(work)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-src", type=Path, default=None, metavar="DIR")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--size", type=int, default=300_000)
    parser.add_argument("--fake", action="store_true")
    args = parser.parse_args()
    codes = {"this": THIS_SRC} | ({"baseline": args.baseline_src} if args.baseline_src else {})
    with tempfile.TemporaryDirectory(prefix="big-note-append-") as folder:
        scratch = Path(folder)
        primed = scratch / "primed"
        shutil.copytree(ROOT / "corpus", primed / "corpus")
        (primed / "corpus" / JOURNAL).write_text(journal(args.size), encoding="utf-8")
        first = run_build(THIS_SRC, primed / "corpus", primed / "index", args.fake)
        print(
            f"corpus: {sum(1 for _ in (primed / 'corpus').glob('*.*'))} files,"
            f" journal {(primed / 'corpus' / JOURNAL).stat().st_size:,} bytes;"
            f" full build: {first['chunks']} chunks, {first['embedded']:,} texts embedded,"
            f" {first['cpu']:.1f} s CPU, {first['wall']:.1f} s wall"
        )
        found: dict[str, list[dict[str, float]]] = {name: [] for name in codes}
        for _ in range(args.rounds):
            for name, src in codes.items():
                found[name].append(update(src, primed, scratch, args.fake))
    medians = {
        name: {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        for name, runs in found.items()
    }
    for name, figures in medians.items():
        print(
            f"{name:>8}: update after one appended line: {figures['cpu']:6.2f} s CPU,"
            f" {figures['wall']:6.2f} s wall, {figures['embedded']:7,.0f} texts embedded"
        )
    if "baseline" in medians:
        this, base = medians["this"], medians["baseline"]
        print(
            f"baseline / this: CPU {base['cpu'] / this['cpu']:.2f}x, wall"
            f" {base['wall'] / this['wall']:.2f}x, texts embedded"
            f" {base['embedded'] / max(this['embedded'], 1):.0f}x"
        )


if __name__ == "__main__":
    main()
