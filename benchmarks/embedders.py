"""Print the speed and memory of each vector channel's embedder on the bundled corpus.

For each channel, in a fresh child process (so import time and peak memory are its own):
importing citeqa.embedding, loading the model (its library imports included), single-query
latency p50/p95 over 50 questions from evals/questions.jsonl, throughput in chunks/s on 200
chunks of the bundled corpus (chunked as the index does, cycled to reach 200), and the
process's peak RSS. Not a test; run it by hand:

    python benchmarks/embedders.py [--channels use minilm] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = 50
CHUNKS = 200


def questions(count: int) -> list[str]:
    """The first `count` questions of the known-fact set."""
    lines = (ROOT / "evals" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()][:count]


def corpus_chunks(count: int) -> list[str]:
    """`count` chunk texts of the bundled corpus, as the index cuts them (cycled if fewer)."""
    from citeqa.chunking import chunk_document
    from citeqa.corpus import read_corpus

    documents = read_corpus(ROOT / "corpus").documents
    texts = [chunk.text for doc in documents for chunk in chunk_document(doc)]
    return list(islice(cycle(texts), count))


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(channel: str) -> dict[str, float | str | int]:
    """All the figures for one channel, measured in this process."""
    started = time.perf_counter()
    from citeqa.embedding import get_embedder

    imported = time.perf_counter() - started
    embedder = get_embedder(channel)
    started = time.perf_counter()
    embedder.embed_batch(["warm-up"])  # first call loads the model
    loaded = time.perf_counter() - started
    latencies = []
    for question in questions(QUERIES):
        started = time.perf_counter()
        embedder.embed_batch([question])
        latencies.append((time.perf_counter() - started) * 1000)
    texts = corpus_chunks(CHUNKS)
    started = time.perf_counter()
    embedder.embed_batch(texts)
    encode = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=20)
    return {
        "channel": channel,
        "model": embedder.model,
        "version": embedder.version,
        "dim": embedder.dim,
        "import_s": imported,
        "load_s": loaded,
        "query_p50_ms": statistics.median(latencies),
        "query_p95_ms": cuts[18],
        "chunks": len(texts),
        "mean_chunk_chars": sum(map(len, texts)) / len(texts),
        "chunks_per_s": len(texts) / encode,
        "peak_rss_mb": peak_rss_mb(),
    }


def run_child(channel: str) -> dict[str, float | str | int]:
    """`measure(channel)` in a fresh interpreter."""
    command = [sys.executable, __file__, "--child", channel]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, float | str | int] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def print_table(rows: list[dict[str, float | str | int]]) -> None:
    print("channel  dim   import     load  query p50  query p95  chunks/s  peak RSS")
    for r in rows:
        print(
            f"{r['channel']:<7} {r['dim']:>4}  {r['import_s']:5.2f} s  {r['load_s']:5.2f} s"
            f"  {r['query_p50_ms']:6.1f} ms  {r['query_p95_ms']:6.1f} ms"
            f"  {r['chunks_per_s']:8.1f}  {r['peak_rss_mb']:5.0f} MB"
        )
    print("import: citeqa.embedding; load: first embed_batch (model library imports included).")
    mean = float(rows[0]["mean_chunk_chars"]) if rows else 0.0
    print(f"\n{QUERIES} queries from evals/; {CHUNKS} corpus chunks, mean {mean:.0f} chars.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", nargs="+", default=["use", "minilm"])
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    rows = [run_child(channel) for channel in args.channels]
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print_table(rows)


if __name__ == "__main__":
    main()
