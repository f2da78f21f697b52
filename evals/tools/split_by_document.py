"""Split a hand-written set (the notes vault's, the research folder's) into dev and test halves,
reproducibly.

    python evals/tools/split_by_document.py [--set notes|research] [--check]

The questions are written by hand (evals/sets/README.md, "Notes" and "Research folder"); this
script only sets each one's `split`. Questions that share a document, or a follow-up and the
question it follows, form one group, and a group goes whole to one half, so no document holds
the answers of questions of both halves (a question and its rephrasing, asked of the same
document, never straddle the halves). That holds for answerable questions only: a near miss
names no document (its document is on the subject, the answer is not in it), so it may ask
about a document whose answerable questions are in the other half. Groups are placed largest
first (ties in a seeded order), each where it leaves the two halves most even across the kinds
balanced (each set's own: `SETS`) and in size, then moved while that makes them more even; the
first seed from SEED whose halves are within one question of each other in every balanced kind
is kept. Unanswerable questions name no document: each is a group of its own. The split depends
only on the ids, documents, kinds and follow-ups, not on the splits already written, so running
it again changes nothing (tests/unit/test_notes_set.py checks each file is as it leaves it);
`--check` says whether the file is and exits 1 when it is not.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_sets import jsonl_text, read_jsonl

SEED = 20261129
ROOT = Path(__file__).resolve().parents[2]
NOTES = ROOT / "evals" / "sets" / "notes.jsonl"
BALANCED = ("on-topic", "cross-lang", "date", "table", "follow-up", "unanswerable")
"""The notes set's kinds kept even between the halves (`on-topic`: a near miss, the note is
there, the answer is not)."""
RESEARCH = ROOT / "evals" / "sets" / "research.jsonl"
RESEARCH_BALANCED = (
    "on-topic",
    "cross-lang",
    "table",
    "follow-up",
    "unanswerable",
    "pdf",
    "html",
    "mail",
)
"""The research set's: near misses, cross-language, table rows, follow-ups, and the three
readers it measures (PDF papers, wiki HTML pages, mail threads)."""
SETS = {"notes": (NOTES, BALANCED), "research": (RESEARCH, RESEARCH_BALANCED)}
"""Each set this script splits: its file and the kinds kept even."""
HALVES = ("dev", "test")


def read_rows(path: Path = NOTES) -> list[dict]:
    return read_jsonl(path)


def groups(rows: list[dict]) -> list[list[dict]]:
    """Rows joined when they share a document or one follows the other (union-find by id)."""
    parent = {row["id"]: row["id"] for row in rows}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    first_of_doc: dict[str, str] = {}
    for row in rows:
        links = [row["follows"]] if row.get("follows") else []
        if row.get("doc_id"):
            links.append(first_of_doc.setdefault(row["doc_id"], row["id"]))
        for other in links:
            parent[root(row["id"])] = root(other)
    joined: dict[str, list[dict]] = {}
    for row in rows:
        joined.setdefault(root(row["id"]), []).append(row)
    return list(joined.values())


def _imbalance(placed: list[str], counts: list[Counter[str]]) -> int:
    """How far apart the halves are, the first len(placed) groups placed: per balanced kind
    (the counts hold only those), and in size."""
    tally: dict[str, Counter[str]] = {half: Counter() for half in HALVES}
    for half, group_counts in zip(placed, counts, strict=False):  # placed: the first ones
        tally[half].update(group_counts)
    kinds = set(tally["dev"]) | set(tally["test"])
    return sum(abs(tally["dev"][k] - tally["test"][k]) for k in kinds)


def _counts(group: list[dict], balanced: tuple[str, ...]) -> Counter[str]:
    counts: Counter[str] = Counter(all=len(group))
    for row in group:
        counts.update(kind for kind in row["kinds"] if kind in balanced)
    return counts


SEEDS_TRIED = 100
"""Seeds tried, from SEED up, for halves within one question of each other in every kind."""


def split_rows(rows: list[dict], balanced: tuple[str, ...] = BALANCED) -> dict[str, str]:
    """Each question's half, by id: the split of the first seed from SEED whose halves are
    within one question of each other in every balanced kind (one seed's search can end on
    an uneven split it cannot improve by moving one group or swapping two; the seeded order
    decides where it starts, so another seed may not)."""
    for seed in range(SEED, SEED + SEEDS_TRIED):
        halves = split_seeded(rows, seed, balanced)
        if all(abs(gap) <= 1 for gap in _gaps(rows, halves, balanced).values()):
            return halves
    raise SystemExit(f"no seed of {SEEDS_TRIED} from {SEED} splits the set evenly")


def _gaps(rows: list[dict], halves: dict[str, str], balanced: tuple[str, ...]) -> dict[str, int]:
    """Per balanced kind, dev's questions minus test's."""
    gaps = dict.fromkeys(balanced, 0)
    for row in rows:
        for kind in set(row["kinds"]) & set(balanced):
            gaps[kind] += 1 if halves[row["id"]] == "dev" else -1
    return gaps


def split_seeded(
    rows: list[dict], seed: int, balanced: tuple[str, ...] = BALANCED
) -> dict[str, str]:
    """Each question's half, by id, for one seed: groups placed greedily, largest first, then
    one moved or two swapped while that makes the halves more even."""
    ordered = groups(rows)
    random.Random(seed).shuffle(ordered)
    ordered.sort(key=len, reverse=True)  # stable: the seeded order breaks ties
    counts = [_counts(group, balanced) for group in ordered]
    placed: list[str] = []
    for _ in counts:
        placed.append(min(HALVES, key=lambda half: _imbalance([*placed, half], counts)))
    while (better := _better(placed, counts)) is not None:
        placed = better
    return {row["id"]: half for group, half in zip(ordered, placed, strict=True) for row in group}


def _better(placed: list[str], counts: list[Counter[str]]) -> list[str] | None:
    """The first placement, one group moved or two swapped, more even than `placed`."""
    now = _imbalance(placed, counts)
    for first in range(len(placed)):
        for second in range(first, len(placed)):
            if second != first and placed[second] == placed[first]:
                continue
            trial = list(placed)
            trial[first], trial[second] = _other(placed[first]), _other(placed[second])
            if _imbalance(trial, counts) < now:
                return trial
    return None


def _other(half: str) -> str:
    return HALVES[1 - HALVES.index(half)]


def with_splits(rows: list[dict], balanced: tuple[str, ...] = BALANCED) -> list[dict]:
    halves = split_rows(rows, balanced)
    return [{**row, "split": halves[row["id"]]} for row in rows]


def render(rows: list[dict]) -> str:
    return jsonl_text(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="notes", help="the set to split")
    parser.add_argument("--check", action="store_true", help="only say whether it is split")
    args = parser.parse_args(argv)
    path, balanced = SETS[args.set]
    text = render(with_splits(read_rows(path), balanced))
    if args.check:
        same = path.read_text(encoding="utf-8") == text
        print(f"{path.name} is split as this script splits it" if same else f"{path.name} differs")
        return 0 if same else 1
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
