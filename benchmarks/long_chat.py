"""Print whether a long chat makes an open assistant grow: one session answering many varied
questions on the index `scale.py pipeline` built. Not a test; run it by hand (after pipeline):

    python benchmarks/long_chat.py [--size 100000] [--questions 2000]
        [--checkpoints 100 500 1000 2000] [--before OTHER/src [--same-index]]

The questions are sentences of the corpus reworded (a few of their words, in another order,
under a question form of their language; fixed seed), so that a cache keyed by a question, a
term, a chunk or a document meets a new key at almost every question, as in a long real chat.
At each checkpoint, in a fresh process per code (`--before` runs another checkout's src/ after
this one, on the same questions and the index that code built in the same pipeline run, or with
`--same-index` on this code's index, for a code that reads its format): the
resident set (RSS; `anon` is the process's own memory, `file` the index's mapped pages, which
the kernel may drop), Python's allocated blocks, the p50 of the last stretch's questions, and
the entries of each per-process cache the assistant keeps (-1: that code has no such cache);
at the last checkpoint, what the biggest caches weigh. A cache that grows with the questions
without a bound shows as a column rising from checkpoint to checkpoint with the anon RSS.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from scale import ROOT, in_child, index_of, register, settings, sources, synthetic_corpus

FORMS = {
    "en": ("What about {}?", "What does it say about {}?", "Which {}?", "How is {} described?"),
    "fr": ("Que dit-on de {} ?", "Quel est {} ?", "Comment {} ?", "Qu'en est-il de {} ?"),
}
FRENCH = re.compile(r"\b(?:le|la|les|des|est|une|dans|pour|sur|qui)\b")
WORD = re.compile(r"[^\W_][\w'’-]*")


def corpus_sentences(corpus: Path) -> list[str]:
    """The corpus's sentences of 6 words or more, in a fixed order (of its first copy only,
    when it is scale.py's copies of one set of documents)."""
    found: list[str] = []
    for path in sorted(corpus.glob("copy-0000/*.txt")) or sorted(corpus.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found += [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 6]
    return found


def reworded(sentence: str, rng: random.Random) -> str:
    """A question made from 3-6 of the sentence's longer words, lightly reordered."""
    words = [w for w in WORD.findall(sentence) if len(w) > 3] or sentence.split()
    start = rng.randrange(max(1, len(words) - 3))
    picked = words[start : start + rng.randint(3, 6)]
    if rng.random() < 0.5:
        rng.shuffle(picked)
    lang = "fr" if len(FRENCH.findall(sentence.lower())) >= 2 else "en"
    return rng.choice(FORMS[lang]).format(" ".join(picked))


def questions(corpus: Path, count: int) -> list[str]:
    rng = random.Random(9)
    sentences = corpus_sentences(corpus)
    return [reworded(rng.choice(sentences), rng) for _ in range(count)]


def memory() -> dict[str, float]:
    """This process's resident set now, in MB: all, its own (anon) and mapped files."""
    fields = dict(
        line.split(":", 1)
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines()
    )
    mb = {key: int(fields[key].split()[0]) / 1024 for key in ("VmRSS", "RssAnon", "RssFile")}
    return {"rss": mb["VmRSS"], "anon": mb["RssAnon"], "file": mb["RssFile"]}


def cache_sizes(assistant: Any) -> dict[str, int]:
    """How many entries each cache the open assistant keeps holds (-1: this code has none; a
    prefilled index's token sets, a list, count every sentence's)."""
    bank = assistant._loaded.bank
    lexical = getattr(assistant._loaded.index, "lexical", None)
    found = {
        "bank.tables": _size(bank, "_tables"),
        "bank.headers": _size(bank, "_headers"),
        "bank.contexts": _size(bank, "_contexts"),
        "bank.words": _size(bank, "_words"),
        "tokens": len(bank.tokens)
        if isinstance(bank.tokens, list)
        else _size(bank.tokens, "_cache"),
        "vectors": _size(bank.vectors, "_cache"),
        "sentences": _size(bank.sentences, "_made"),
        "bm25.checked": _size(getattr(lexical, "_bm25", lexical), "_checked"),
        "word_vectors": _word_vectors(assistant._loaded),
    }
    for name in (
        "citeqa.topic_terms:_title_tokens",
        "citeqa.chunking:_inner_headings",
        "citeqa.sentences:_heading_tokens",
    ):
        module, function = name.split(":")
        cached = getattr(sys.modules.get(module), function, None)
        found[function.strip("_")] = cached.cache_info().currsize if cached else -1
    return found


def cache_megabytes(assistant: Any) -> dict[str, float]:
    """What the biggest caches' entries weigh, in MB (sys.getsizeof of the entries and of what
    they hold, each object once; the table-row caches' entries are small ints and bools)."""
    bank = assistant._loaded.bank
    found = {}
    for name, owner, attribute in (
        ("tokens_mb", bank.tokens, "_cache"),
        ("vectors_mb", bank.vectors, "_cache"),
        ("sentences_mb", bank.sentences, "_made"),
        ("tables_mb", bank, "_tables"),
    ):
        cache = getattr(owner, attribute, None)
        items = getattr(cache, "_items", cache)
        if isinstance(cache, functools._lru_cache_wrapper):
            items = None  # an lru_cache's entries are not reachable: bounded by its maxsize
        found[name] = _deep(items) / 1e6 if isinstance(items, dict) else -1.0
    return found


def _deep(items: dict[Any, Any]) -> int:
    seen: set[int] = set()
    total = sys.getsizeof(items)
    for value in items.values():
        for part in (value, *_parts(value)):
            if id(part) not in seen:
                seen.add(id(part))
                total += sys.getsizeof(part) + _viewed(part)
    return total


def _viewed(value: Any) -> int:
    """The bytes a numpy view shows of its base (getsizeof counts only an owner's data)."""
    import numpy as np

    return value.nbytes if isinstance(value, np.ndarray) and not value.flags.owndata else 0


def _parts(value: Any) -> list[Any]:
    if isinstance(value, frozenset):
        return list(value)
    if hasattr(value, "text") and isinstance(value.text, str):  # tables.TableHeaders
        return [value.text, value.__dict__]
    return list(getattr(value, "__dict__", {}).values())


def _word_vectors(loaded: Any) -> int:
    """How many passage words' vectors the multilingual channels keep
    (passage_translation.WordVectors, bounded by KEPT_WORDS; -1: this code has none)."""
    kept = getattr(loaded, "_word_vectors", None)
    return -1 if kept is None else sum(len(vectors._vectors) for vectors in kept.values())


def _size(owner: object, attribute: str) -> int:
    value = getattr(owner, attribute, None)
    if value is None:
        return -1
    if isinstance(value, functools._lru_cache_wrapper):
        return int(value.cache_info().currsize)
    return len(value)


def chat(corpus: Path, index: Path, count: int, *checkpoints: int) -> dict[str, Any]:
    """One session asks `count` questions; the figures at each checkpoint."""
    from citeqa.api import open_assistant

    register()
    assistant = open_assistant(settings(corpus, index), build_if_missing=False)
    session = assistant.session()
    asked = questions(corpus, count)
    rows, times = [], []
    for number, question in enumerate(asked, 1):
        began = time.perf_counter()
        session.ask(question)
        times.append((time.perf_counter() - began) * 1000)
        if number in checkpoints:
            rows.append(
                {"questions": number, "p50_ms": statistics.median(times)}
                | memory()
                | {"blocks_k": sys.getallocatedblocks() / 1000}
                | cache_sizes(assistant)
                | (cache_megabytes(assistant) if number == max(checkpoints) else {})
            )
            times = []
    return {"rows": rows}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_chat":
        numbers = [int(arg) for arg in sys.argv[4:]]
        print(json.dumps(chat(Path(sys.argv[2]), Path(sys.argv[3]), *numbers)))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--checkpoints", type=int, nargs="+", default=[100, 500, 1000, 2000])
    parser.add_argument("--before", type=Path, default=None, help="another checkout's src/")
    parser.add_argument(
        "--same-index", action="store_true", help="--before asks this code's index too"
    )
    args = parser.parse_args()
    corpus = synthetic_corpus(args.size) if args.size else ROOT / "corpus"
    versions = sources(args.before)
    for code, src in versions:
        built = "this" if args.same_index else code  # by default, the index that code built
        index = index_of(f"{args.size:,}" if args.size else "bundled", built)
        counts = [str(args.questions), *map(str, args.checkpoints)]
        rows = in_child("_chat", str(corpus), str(index), *counts, src=src, script=__file__)
        print(f"{code} ({src}): {args.questions} questions, one session, on {index}")
        _print(rows["rows"])  # type: ignore[arg-type]


def _print(rows: list[dict[str, float]]) -> None:
    keys = list(rows[0])
    print(" ".join(f"{key:>{max(8, len(key))}}" for key in keys))
    for row in rows:
        print(" ".join(f"{row[key]:>{max(8, len(key))}.{_digits(key)}f}" for key in keys))
    print(
        "at the last checkpoint:",
        ", ".join(f"{k} {v:.1f}" for k, v in rows[-1].items() if k.endswith("_mb")),
    )


def _digits(key: str) -> int:
    return 1 if key in ("p50_ms", "rss", "anon", "file", "blocks_k") else 0


if __name__ == "__main__":
    main()
