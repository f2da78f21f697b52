"""Print what a question asking a page, a section or a version costs, warm, in a corpus of about
`--chunks` chunks: the passages of one document read by its chunk numbers (SentenceBank.chunks_of)
rather than by a pass over every chunk of the index (places.page_place,
places.with_section_opening, twofusions._with_missing). Not a test; run it by hand:

    python benchmarks/place_scale.py [--chunks 20000] [--rounds 3] [--baseline-src DIR]

The corpus (in $CITEQA_PLACE_DIR, default /tmp/citeqa-place-scale, built once with this citeqa
and reused) holds a 60-page PDF report (tests/pdf_files.py), a handbook of numbered sections, a
page of rate limits in 30 version folders (v1/ … v30/) and copies of the bundled corpus up to
the size asked; the embedder is benchmarks/scale.py's hashed bag of words, so that citeqa's own
work is timed. Each round asks every question of an open assistant (warmed by one pass first),
in a fresh process per citeqa: this one, and with --baseline-src (the src/ folder of another
citeqa, e.g. an older commit's `git archive`) that one, alternating who goes first; it prints
the median ms per kind of question and the ratio this/baseline, and whether both gave the same
answers.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

from pdf_deck_read import paper
from scale import CHARS_PER_CHUNK, in_child, register, settings

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(os.environ.get("CITEQA_PLACE_DIR", "/tmp/citeqa-place-scale"))
VERSIONS = 30
QUESTIONS = {
    "page": ["What does page 12 say?", "What is written on page 41 of the report?"],
    "section": ["What does section 6.3 say?", "What is in section 14.2?"],
    "version": ["What is the request limit in v7?", "How many retries does v12 allow?"],
}


def handbook(sections: int) -> str:
    """A handbook of `sections` numbered sections of three numbered subsections each."""
    parts = []
    for major in range(1, sections + 1):
        parts.append(f"## {major} Chapter {major} of the handbook\n")
        for minor in range(1, 4):
            parts.append(f"### {major}.{minor} Part {minor} of chapter {major}\n")
            parts.append(
                f"The rule of part {major}.{minor} sets the reserve at {major * minor} units. "
                f"Teams review it every {minor + 2} weeks and report any gap to the board.\n"
            )
    return "\n".join(parts)


def limits_page(version: int) -> str:
    """The rate-limit page of one version folder."""
    return (
        f"# Rate limits\n\nThe request limit is {100 + version * 10} requests a minute.\n\n"
        f"A client may retry {version % 5 + 1} times before the call fails.\n"
    )


def corpus(chunks: int) -> Path:
    """The corpus of about `chunks` chunks (made once)."""
    folder = WORK / f"corpus-{chunks}"
    if folder.is_dir():
        return folder
    partial = folder.with_name(folder.name + ".part")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    (partial / "report.pdf").write_bytes(paper(60))
    (partial / "handbook.md").write_text(handbook(20), encoding="utf-8")
    for version in range(1, VERSIONS + 1):
        (partial / f"v{version}").mkdir()
        (partial / f"v{version}" / "limits.md").write_text(limits_page(version), encoding="utf-8")
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "corpus").glob("*.txt"))]
    total, copy = 0, 0
    while total < chunks * CHARS_PER_CHUNK:
        target = partial / "filler" / f"copy-{copy:04d}"
        target.mkdir(parents=True)
        for number, text in enumerate(texts):
            (target / f"doc-{number}.txt").write_text(text, encoding="utf-8")
            total += len(text)
        copy += 1
    partial.rename(folder)
    return folder


def build(folder: Path) -> Path:
    """The index of `folder`, built with this citeqa when missing."""
    from citeqa.api import build_index

    index = folder.with_name(folder.name + "-index")
    if not index.is_dir():
        register()
        report = build_index(settings(folder, index), rebuild=True)
        print(f"built {report.chunks:,} chunks into {index}", flush=True)
    return index


def ask(folder: str, rounds: str) -> None:
    """In the child: every question once (warm-up), then `rounds` times; JSON of the median ms
    per kind and a digest of the answers."""
    from citeqa.api import open_assistant

    register()
    assistant = open_assistant(
        settings(Path(folder), Path(folder + "-index")), build_if_missing=False
    )
    answers = [
        assistant.ask(q).model_dump_json(exclude={"timings_ms"})
        for kind in QUESTIONS.values()
        for q in kind
    ]
    times: dict[str, list[float]] = {kind: [] for kind in QUESTIONS}
    for _ in range(int(rounds)):
        for kind, questions in QUESTIONS.items():
            for question in questions:
                began = time.perf_counter()
                assistant.ask(question)
                times[kind].append((time.perf_counter() - began) * 1000)
    medians: dict[str, object] = {kind: statistics.median(ms) for kind, ms in times.items()}
    medians["answers"] = hashlib.sha256("\n".join(answers).encode()).hexdigest()[:16]
    print(json.dumps(medians))


def main() -> None:
    if sys.argv[1:2] == ["_ask"]:
        ask(*sys.argv[2:4])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline-src", type=Path)
    args = parser.parse_args()
    folder = corpus(args.chunks)
    build(folder)
    codes = [("this", ROOT / "src")]
    codes += [("baseline", args.baseline_src)] if args.baseline_src else []
    runs: dict[str, list[dict[str, float]]] = {name: [] for name, _ in codes}
    digests: dict[str, set[object]] = {name: set() for name, _ in codes}
    for turn in range(args.rounds):
        for name, src in codes[turn % 2 :] + codes[: turn % 2]:
            result = in_child("_ask", str(folder), "2", src=src, script=__file__)
            digests[name].add(result.pop("answers"))
            runs[name].append(result)
    for kind in QUESTIONS:
        row = {name: statistics.median(run[kind] for run in runs[name]) for name, _ in codes}
        line = "  ".join(f"{name} {ms:8.1f} ms" for name, ms in row.items())
        ratio = f"  ratio {row['this'] / row['baseline']:.2f}" if "baseline" in row else ""
        print(f"{kind:8} warm p50: {line}{ratio}")
    if args.baseline_src:
        same = digests["this"] == digests["baseline"] and len(digests["this"]) == 1
        print("answers: " + ("the same" if same else "DIFFER"))


if __name__ == "__main__":
    main()
