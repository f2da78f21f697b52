"""Print what the `e5` channel costs beside the default (`use` alone), as ratios in one run:

    python benchmarks/e5_channel.py [--rounds 2] [--cold-runs 3] [--chunks 64]

- build of the bundled corpus from scratch, `use` then `use` + `e5`, alternated `--rounds`
  times (medians and their ratio);
- chunks per second of each model on `--chunks` chunks of the PIAF corpus (900-character
  Wikipedia paragraphs), alternated, and the embedding time of a 10,000-chunk build that
  follows from them (embedding is most of a large build: benchmarks/scale.py);
- warm `ask`: every question of evals/questions.jsonl asked of both assistants in turn
  (p50 / p95 each), and the question's embedding alone with each model;
- cold `citeqa ask --json` in a fresh process, alternated `--cold-runs` times.
Indexes go to a temporary folder, removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from scale import percentile  # benchmarks/scale.py

ROOT = Path(__file__).resolve().parents[1]
PIAF = ROOT / "evals" / "sets" / "piaf" / "corpus"
QUESTION = "What was the complete renal response with obinutuzumab at week 76?"
SETUPS = {"use": ("use",), "use+e5": ("use", "e5")}


def questions() -> list[str]:
    """The bundled evaluation questions' texts."""
    lines = (ROOT / "evals" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines]


def settings_for(folder: Path, channels: tuple[str, ...]) -> Any:
    from citeqa.config import Settings

    return Settings(index_dir=folder / "-".join(channels), channels=channels)


def timed(call: Callable[[], object]) -> float:
    began = time.perf_counter()
    call()
    return time.perf_counter() - began


def builds(folder: Path, rounds: int) -> dict[str, list[float]]:
    from citeqa.api import build_index

    seconds: dict[str, list[float]] = {name: [] for name in SETUPS}
    for _ in range(rounds):
        for name, channels in SETUPS.items():
            settings = settings_for(folder, channels)
            seconds[name].append(timed(partial(build_index, settings, rebuild=True)))
    return seconds


def throughput(count: int) -> dict[str, float]:
    """Chunks per second of each model on PIAF chunks (models loaded first)."""
    from citeqa.embedding import get_embedder

    texts = [p.read_text(encoding="utf-8")[:900] for p in sorted(PIAF.glob("*"))[:count]]
    models = {name: get_embedder(name) for name in ("use", "e5")}
    for model in models.values():
        model.embed_batch(["warm-up"])
    spent = {name: 0.0 for name in models}
    for half in (texts[: count // 2], texts[count // 2 :]):
        for name, model in models.items():
            spent[name] += timed(partial(model.embed_batch, half))
    return {name: len(texts) / seconds for name, seconds in spent.items()}


def warm(folder: Path) -> dict[str, list[float]]:
    from citeqa.api import open_assistant

    assistants = {n: open_assistant(settings_for(folder, c)) for n, c in SETUPS.items()}
    millis: dict[str, list[float]] = {name: [] for name in SETUPS}
    for question in questions():
        for name, assistant in assistants.items():
            millis[name].append(1000 * timed(partial(assistant.ask, question)))
    return millis


def question_vectors() -> dict[str, list[float]]:
    from citeqa.embedding import embed_questions, get_embedder

    millis: dict[str, list[float]] = {"use": [], "e5": []}
    for text in questions():
        for name in millis:
            model = get_embedder(name)
            millis[name].append(1000 * timed(partial(embed_questions, model, [text])))
    return millis


def cold(folder: Path, runs: int) -> dict[str, list[float]]:
    seconds: dict[str, list[float]] = {name: [] for name in SETUPS}
    for _ in range(runs):
        for name, channels in SETUPS.items():
            env = {**os.environ, "CITEQA_CHANNELS": json.dumps(list(channels))}
            command = [sys.executable, "-m", "citeqa.cli", "ask", "--json", QUESTION]
            command += ["--index", str(settings_for(folder, channels).index_dir)]
            run = lambda c=command, e=env: subprocess.run(c, env=e, check=True, capture_output=True)  # noqa: E731
            seconds[name].append(timed(run))
    return seconds


def show(title: str, figures: dict[str, list[float]], unit: str, tail: bool = False) -> None:
    medians = {name: statistics.median(values) for name, values in figures.items()}
    names = list(medians)
    parts = [f"{n} p50 {medians[n]:.1f}{unit}" for n in names]
    if tail:
        parts = [
            f"{part} p95 {percentile(figures[n], 0.95):.1f}{unit}"
            for part, n in zip(parts, names, strict=True)
        ]
    ratio = medians[names[1]] / medians[names[0]]
    print(f"{title:34} {'   '.join(parts)}   ratio {ratio:.2f}x", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--chunks", type=int, default=64)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="citeqa-e5-") as tmp:
        folder = Path(tmp)
        show("build, bundled corpus", builds(folder, args.rounds), " s")
        rates = throughput(args.chunks)
        print(
            f"{'embedding, PIAF chunks':34} use {rates['use']:.1f}/s   e5 {rates['e5']:.1f}/s"
            f"   -> 10,000 chunks: use {10_000 / rates['use'] / 60:.1f} min, use+e5"
            f" {10_000 * (1 / rates['use'] + 1 / rates['e5']) / 60:.1f} min"
            f"   ratio {1 + rates['use'] / rates['e5']:.2f}x",
            flush=True,
        )
        show("question vector", question_vectors(), " ms", tail=True)
        show("warm ask", warm(folder), " ms", tail=True)
        show("cold `citeqa ask --json`", cold(folder, args.cold_runs), " s")


if __name__ == "__main__":
    main()
