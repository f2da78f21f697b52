"""Print how citeqa scales with the number of chunks. Not a test; run it by hand:

    python benchmarks/scale.py pipeline [--sizes 10000 100000] [--before OTHER/src] [--reuse]
    python benchmarks/scale.py cold [--sizes 100000] [--repeats 5] [--before OTHER/src]
        # (cold: after pipeline)
    python benchmarks/scale.py warm [--sizes 100000] [--questions 200] [--before OTHER/src]
        # (warm: after pipeline)
    python benchmarks/scale.py vectors [--sizes 100000] [--kinds flat hnsw ivf-sq8 pq]
        [--data random clustered]
    python benchmarks/scale.py vectors --sizes 1000000 --kinds pq    # the 1M row, ~5 min
    python benchmarks/scale.py throughput --corpus DIR

`throughput` compares, in one run on the same corpus with the real `use` model, the embedder
alone (the corpus's chunk texts through `embed_texts`) with a whole build (reading, chunking,
embedding, BM25, statistics, writing), once with sentences embedded at build time and once
without (`embed_sentences_max=0`, what a large corpus gets): chunks/s, the ratio to the embedder
alone, and each process's peak RSS.

`pipeline` builds a real citeqa index of N chunks (a synthetic corpus made of the bundled and
../shared/benchmarks documents, copied until it holds about N chunks) and prints build time,
index size, the build's peak RSS, cold `ask` (a fresh process: open the index, load the model,
answer one question), cold CLI (another fresh process doing what `citeqa ask` does before it
prints: the same, plus the check that the corpus has not changed since the build), the next
question, the first to name a compound (COMPOUND_QUESTION), and
warm ask p50/p95 with the open process's peak RSS, next to the same
figures for the bundled corpus. So that the citeqa side is timed on its own, the embedder is a
hashed bag of words (`scale-hash`, 512 dimensions, numpy); the real model's own throughput is
what benchmarks/embedders.py prints.

`cold` asks again, cold, the indexes `pipeline` built with this code, alternating the bundled
corpus and each size in every round (medians, and ratios to the bundled corpus): the machine's
load changes between a pipeline's rows; alternating makes the ratio robust to it. It also
prints the cold CLI process's CPU time (user + system, interpreter start included), which the
load of a shared machine moves far less than the wall time.

`warm` opens, in one process, the bundled corpus's index and each size's that `pipeline` built
with this code, and asks each question of every one in turn: warm p50/p95 per corpus and the
ratio to the bundled corpus, robust to a load that moves between a pipeline's rows. With
`before`, another process does the same with that code, on the indexes it built.

`vectors` times the vector store alone (benchmarks/scale_vectors.py says how).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from citeqa.config import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"
WORK = Path(os.environ.get("CITEQA_SCALE_DIR", "/tmp/citeqa-scale"))
DIM = 512
CHARS_PER_CHUNK = 700
"""About how many corpus characters make one chunk (measured on the bundled corpus)."""
QUERIES = 200
COMPOUND_QUESTION = "What was the SRI-4 response in TULIP-2?"
"""Asked right after the cold question: the first question naming a compound (has_compound)."""


def peak_rss_mb() -> float:
    """This process's own peak resident set, in MB: VmHWM, the high-water mark of the memory
    image the process got at exec. Not ru_maxrss: on Linux, exec folds the replaced image's
    peak into it, and a child started by fork (or vfork) + exec inherits that image from its
    parent, so a 13 MB child of a 300 MB parent reports 313 MB."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii").splitlines()
    except OSError:  # not Linux: the rusage figure, with the caveat above
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


# ---- the hashed embedder (pipeline) ----------------------------------------------------------


class HashEmbedder:
    """Bag of words hashed into fixed random directions: cheap, deterministic across processes."""

    name = "scale-hash"
    model = "scale-hash"
    package = "citeqa-benchmarks"
    version = "0"
    dim = DIM
    default_weight = 0.4

    def __init__(self) -> None:
        self._table = np.random.default_rng(0).standard_normal((4096, DIM)).astype(np.float32)

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIM), np.float32)
        for row, text in enumerate(texts):
            ids = [zlib.crc32(word.lower().encode()) % 4096 for word in text.split()]
            if ids:
                out[row] = self._table[ids].sum(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out


def register() -> None:
    from citeqa.embedding import register_embedder

    register_embedder(HashEmbedder.name, HashEmbedder)


def settings(corpus: Path, index: Path) -> Settings:
    from citeqa.config import Settings

    return Settings(corpus_dir=corpus, index_dir=index, channels=(HashEmbedder.name,))


def questions() -> list[str]:
    lines = (ROOT / "evals" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    found = [json.loads(line)["question"] for line in lines if line.strip()]
    for name in ("piaf-dev", "pubmedqa-dev"):
        path = SHARED / name / "questions.jsonl"
        if path.is_file():
            found += [json.loads(line)["question"] for line in path.read_text().splitlines()[:60]]
    return found


def corpora(sizes: Sequence[int]) -> list[tuple[str, Path]]:
    """The bundled corpus, then a synthetic corpus of about each size, with their labels
    ("bundled", "100,000")."""
    return [("bundled", ROOT / "corpus")] + [(f"{n:,}", synthetic_corpus(n)) for n in sizes]


def index_of(label: str, code: str) -> Path:
    """The index `pipeline` built of a corpus (bundled, or a size as "100,000") with a code
    (this, before)."""
    return WORK / f"index-{label.replace(',', '')}-{code}"


def sources(before: Path | None) -> list[tuple[str, Path]]:
    """The code versions a run compares: (name, src folder), this checkout's first, then
    `before`'s when given."""
    return [("this", ROOT / "src")] + ([("before", before)] if before else [])


def synthetic_corpus(chunks: int) -> Path:
    """A folder of copies of the bundled and shared documents holding about `chunks` chunks."""
    folder = WORK / f"corpus-{chunks}"
    if folder.is_dir():
        return folder
    files = sorted((ROOT / "corpus").glob("*.txt"))
    for name in ("piaf-dev", "pubmedqa-dev"):
        files += sorted((SHARED / name / "corpus").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    partial = folder.with_name(folder.name + ".part")
    shutil.rmtree(partial, ignore_errors=True)
    total, copy = 0, 0
    while total < chunks * CHARS_PER_CHUNK:
        target = partial / f"copy-{copy:04d}"
        target.mkdir(parents=True)
        for number, text in enumerate(texts):
            (target / f"doc-{number:04d}.txt").write_text(text, encoding="utf-8")
            total += len(text)
            if total >= chunks * CHARS_PER_CHUNK:
                break
        copy += 1
    partial.rename(folder)
    return folder


def pipeline_build(corpus: Path, index: Path) -> dict[str, float]:
    from citeqa.api import build_index

    register()
    began = time.perf_counter()
    report = build_index(settings(corpus, index), rebuild=True)
    return {
        "chunks": report.chunks,
        "build_s": time.perf_counter() - began,
        "index_mb": folder_mb(index),
        "build_rss_mb": peak_rss_mb(),
    }


def pipeline_ask(corpus: Path, index: Path, count: int) -> dict[str, float]:
    """Open the index and ask one question (the cold figure), then `count` more (warm)."""
    began = time.perf_counter()
    from citeqa.api import open_assistant

    register()
    assistant = open_assistant(settings(corpus, index), build_if_missing=False)
    asked = questions()
    assistant.ask(asked[0])
    cold = time.perf_counter() - began
    start = time.perf_counter()
    assistant.ask(COMPOUND_QUESTION)
    compound = time.perf_counter() - start
    warm = []
    for question in asked[1 : count + 1]:
        start = time.perf_counter()
        assistant.ask(question)
        warm.append((time.perf_counter() - start) * 1000)
    return {
        "cold_s": cold,
        "compound_s": compound,
        "warm_p50_ms": statistics.median(warm),
        "warm_p95_ms": percentile(warm, 0.95),
        "ask_rss_mb": peak_rss_mb(),
    }


def pipeline_cli(corpus: Path, index: Path) -> dict[str, float]:
    """What `citeqa ask QUESTION` does, in a fresh process: the CLI's own opening (the model
    preloaded, the index opened, the corpus checked for changes since the build, a warning
    when it is stale), then one question. Only the terminal rendering is left out."""
    began = time.perf_counter()
    from citeqa.cli.common import open_for_questions

    register()
    assistant = open_for_questions(settings(corpus, index))
    assistant.ask(questions()[0]).model_dump_json()
    used = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "cold_cli_s": time.perf_counter() - began,
        "cli_cpu_s": used.ru_utime + used.ru_stime,
        "cli_rss_mb": peak_rss_mb(),
    }


def in_child(*args: str, src: Path = ROOT / "src", script: str = __file__) -> dict[str, float]:
    """Run a hidden sub-command of `script` (this one unless said) in a fresh process (citeqa
    from `src`); its JSON."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, script, *args], check=True, capture_output=True, text=True, env=env
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def pipeline(sizes: list[int], before: Path | None, reuse: bool = False) -> None:
    """One row per corpus; with `before` (another checkout's src/), its row follows each.
    With `reuse`, an index this code built earlier is asked as it is, by both codes (its
    build columns are then left empty): a real build of 100k chunks takes minutes."""
    rows = corpora(sizes)
    print(
        f"{'corpus':>10} {'code':>6} {'chunks':>7} {'build s':>8} {'index MB':>9}"
        f" {'build RSS':>9} {'cold ask s':>10} {'cold CLI s':>10} {'compound s':>10}"
        f" {'warm p50':>9} {'warm p95':>9} {'ask RSS':>8}"
    )
    versions = sources(before)
    for label, corpus in rows:
        for code, src in versions:
            index, kept = index_of(label, code), index_of(label, "this")
            if reuse and kept.is_dir():
                index, building = kept, f"{'-':>7} {'-':>8} {'-':>9} {'-':>9}"
            else:
                built = in_child("_build", str(corpus), str(index), src=src)
                building = (
                    f"{built['chunks']:>7.0f} {built['build_s']:>8.1f}"
                    f" {built['index_mb']:>9.1f} {built['build_rss_mb']:>8.0f}M"
                )
            asked = in_child("_ask", str(corpus), str(index), "100", src=src)
            cli = in_child("_cli", str(corpus), str(index), src=src)
            print(
                f"{label:>10} {code:>6} {building}"
                f" {asked['cold_s']:>10.2f} {cli['cold_cli_s']:>10.2f}"
                f" {asked['compound_s']:>10.2f}"
                f" {asked['warm_p50_ms']:>7.1f}ms"
                f" {asked['warm_p95_ms']:>7.1f}ms {asked['ask_rss_mb']:>7.0f}M",
                flush=True,
            )


def cold(sizes: list[int], repeats: int, before: Path | None = None) -> None:
    """Cold ask and cold CLI of the indexes `pipeline` left ("this" code), alternated: each
    round asks the bundled corpus then each size, so that a change of the machine's load
    between rows shows in every row alike; medians over `repeats` rounds, and each size's
    ratio to the bundled corpus. With `before` (another checkout's src/), each round also asks
    the same indexes with that code, and its rows follow."""
    rows = corpora(sizes)
    versions = sources(before)
    times: dict[tuple[str, str, str], list[float]] = {}
    for _ in range(repeats):
        for label, corpus in rows:
            for code, src in versions:
                index = index_of(label, "this")
                asked = in_child("_ask", str(corpus), str(index), "1", src=src)
                cli = in_child("_cli", str(corpus), str(index), src=src)
                times.setdefault((code, label, "ask"), []).append(asked["cold_s"])
                times.setdefault((code, label, "cli"), []).append(cli["cold_cli_s"])
                times.setdefault((code, label, "cpu"), []).append(cli["cli_cpu_s"])
    header = f"{'cold ask s':>10} {'ratio':>6} {'cold CLI s':>10} {'ratio':>6}"
    print(f"{'corpus':>10} {'code':>6} {header} {'CLI CPU s':>10} {'ratio':>6}")
    kinds = ("ask", "cli", "cpu")
    for code, _ in versions:
        base = {kind: statistics.median(times[(code, "bundled", kind)]) for kind in kinds}
        for label, _ in rows:
            figures = [
                f"{statistics.median(times[(code, label, kind)]):>10.2f}"
                f" {statistics.median(times[(code, label, kind)]) / base[kind]:>5.2f}x"
                for kind in kinds
            ]
            print(f"{label:>10} {code:>6} {' '.join(figures)}", flush=True)


def warm_alternated(built: str, count: int, *sizes: int) -> dict[str, list[float]]:
    """Each question asked of the bundled corpus's assistant and each size's in turn, on the
    indexes the code `built` names (this, before) built."""
    from citeqa.api import open_assistant

    register()
    rows = corpora(sizes)
    opened = [
        (label, open_assistant(settings(corpus, index_of(label, built)), build_if_missing=False))
        for label, corpus in rows
    ]
    times: dict[str, list[float]] = {label: [] for label, _ in rows}
    for question in questions()[: count + 1]:
        for label, assistant in opened:
            start = time.perf_counter()
            assistant.ask(question)
            times[label].append((time.perf_counter() - start) * 1000)
    return {
        label: [statistics.median(found[1:]), percentile(found[1:], 0.95)]
        for label, found in times.items()
    }


def _check_built(sizes: list[int], before: Path | None) -> None:
    """`warm` never builds (a missing index would be built inside the timed child): exit
    naming the `pipeline` command that builds the indexes it lacks."""
    codes = [code for code, _ in sources(before)]
    labels = ["bundled", *(f"{size:,}" for size in sizes)]  # not corpora(): it writes them
    missing = [
        str(index_of(label, code))
        for code in codes
        for label in labels
        if not (index_of(label, code) / "current").exists()
    ]
    if missing:
        again = ["--sizes", *map(str, sizes)] + (["--before", str(before)] if before else [])
        raise SystemExit(
            f"No index at {', '.join(missing)}: build them first with"
            f" `python benchmarks/scale.py pipeline {' '.join(again)}`."
        )


def warm(sizes: list[int], before: Path | None, count: int) -> None:
    versions = sources(before)
    _check_built(sizes, before)
    print(f"{'corpus':>10} {'code':>6} {'warm p50':>9} {'ratio':>6} {'warm p95':>9} {'ratio':>6}")
    for code, src in versions:
        found: dict[str, list[float]]
        found = in_child("_warm", code, str(count), *map(str, sizes), src=src)  # type: ignore[assignment]
        base = found["bundled"]
        for label, (p50, p95) in found.items():
            print(
                f"{label:>10} {code:>6} {p50:>7.1f}ms {p50 / base[0]:>5.2f}x"
                f" {p95:>7.1f}ms {p95 / base[1]:>5.2f}x",
                flush=True,
            )


def throughput_embed(corpus: Path) -> dict[str, float]:
    from citeqa.chunking import chunk_document
    from citeqa.chunkpass import passage_text
    from citeqa.corpus import read_corpus
    from citeqa.embedding import embed_texts, get_embedder

    embedder = get_embedder("use")
    embedder.embed_batch(["warm-up"])  # model load is not throughput
    chunks = [c for doc in read_corpus(corpus).documents for c in chunk_document(doc)]
    began = time.perf_counter()
    embed_texts(embedder, [passage_text(chunk) for chunk in chunks])
    seconds = time.perf_counter() - began
    return {"chunks": len(chunks), "seconds": seconds, "rss_mb": peak_rss_mb()}


def throughput_build(corpus: Path, index: Path, sentences_max: int) -> dict[str, float]:
    from citeqa.config import Settings
    from citeqa.embedding import get_embedder
    from citeqa.indexing import build_index

    get_embedder("use").embed_batch(["warm-up"])
    settings = Settings(corpus_dir=corpus, index_dir=index, embed_sentences_max=sentences_max)
    began = time.perf_counter()
    report = build_index(settings, rebuild=True)
    seconds = time.perf_counter() - began
    return {"chunks": report.chunks, "seconds": seconds, "rss_mb": peak_rss_mb()}


def throughput(corpus: Path) -> None:
    index = WORK / "index-throughput"
    alone = in_child("_embed", str(corpus))
    rows = [("embedder alone", alone)]
    rows.append(("build, sentences on demand", in_child("_tbuild", str(corpus), str(index), "0")))
    big = str(10**9)
    rows.append(("build, sentences at build", in_child("_tbuild", str(corpus), str(index), big)))
    print(f"{'':>28} {'chunks':>7} {'seconds':>8} {'chunks/s':>9} {'ratio':>6} {'peak RSS':>9}")
    for label, row in rows:
        rate = row["chunks"] / row["seconds"]
        ratio = rate / (alone["chunks"] / alone["seconds"])
        print(
            f"{label:>28} {row['chunks']:>7.0f} {row['seconds']:>8.1f} {rate:>9.1f}"
            f" {ratio:>6.2f} {row['rss_mb']:>8.0f}M",
            flush=True,
        )


def main() -> None:
    hidden = {
        "_build": pipeline_build,
        "_ask": pipeline_ask,
        "_cli": pipeline_cli,
        "_embed": throughput_embed,
        "_tbuild": throughput_build,
        "_warm": warm_alternated,
    }
    if len(sys.argv) > 1 and sys.argv[1] in hidden:
        given = sys.argv[2:]
        if sys.argv[1] == "_warm":  # the code's name (this, before), then numbers
            call: list[object] = [given[0], *map(int, given[1:])]
        else:
            paths = [Path(arg) for arg in given if not arg.isdigit()]
            call = [*paths, *(int(arg) for arg in given if arg.isdigit())]
        print(json.dumps(hidden[sys.argv[1]](*call)))  # type: ignore[operator]
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("pipeline", "cold", "warm", "vectors", "throughput"))
    parser.add_argument("--repeats", type=int, default=5, help="cold: rounds of alternated asks")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument(
        "--before", type=Path, default=None, help="pipeline, cold: also run another checkout's src/"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="pipeline: ask the indexes built before, unbuilt"
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=None)
    parser.add_argument("--questions", type=int, default=200, help="warm: questions asked")
    parser.add_argument("--kinds", nargs="+", default=["flat", "hnsw", "ivf-sq8", "pq"])
    parser.add_argument("--data", nargs="+", default=None, help="vectors: random, clustered")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    if args.what == "throughput":
        throughput(args.corpus)
    elif args.what == "pipeline":
        pipeline(args.sizes or [10_000, 100_000], args.before, args.reuse)
    elif args.what == "cold":
        cold(args.sizes or [100_000], args.repeats, args.before)
    elif args.what == "warm":
        warm(args.sizes or [100_000], args.before, args.questions)
    else:
        vectors_command(parser, args)


def vectors_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """The `vectors` sub-command: scale_vectors.py, imported only here (it imports this module
    as `scale`); its child processes run that script, not this one."""
    import scale_vectors

    unknown = sorted(set(args.data or ()) - set(scale_vectors.DATA))
    if unknown:
        parser.error(
            f"argument --data: invalid choice: {unknown[0]!r} (choose from {scale_vectors.DATA})"
        )
    scale_vectors.vectors(
        args.sizes or [100_000], args.kinds, args.data or list(scale_vectors.DATA)
    )


if __name__ == "__main__":
    main()
