"""Print what reading JSON and YAML files costs (readers/structured.py), the hostile ones
included: seconds (median of --rounds) and peak traced memory of each, what it gave (its
text's size and chunks, or the reason it was skipped).

- an OpenAPI-like spec of --records records, as JSON and as YAML, just under the size limit
  (MAX_CHARACTERS) when --records is left at its default: the largest file read;
- a help desk's ticket export, 1,800 tickets of three comments (a passage per ticket), and
  one of --tickets tickets (10,000: past MAX_CHARACTERS, read up to MAX_EXPORT_CHARACTERS);
- a 10 MB JSON file holding no export's list: parsed, then skipped by its size;
- a file past MAX_EXPORT_CHARACTERS: skipped by its size before it is parsed;
- 10,000 nested lists, as JSON and as YAML: json and PyYAML's composer recurse;
- a YAML "billion laughs" (nine aliases of nine aliases... nine levels: 9^9 leaves from 0.4
  KB), a merge-key bomb (nine merges of nine merges..., --merge-levels deep: PyYAML copies
  what it merges before building a mapping), --bomb-documents documents each a merge-key bomb
  of six levels (each under a budget of its own, together far over) and a YAML alias that
  holds itself: refused at their limits.

Not a test; run it by hand:

    python benchmarks/structured_read.py [--records N] [--rounds 3] [--merge-levels 12]
        [--bomb-documents 12]
"""

from __future__ import annotations

import argparse
import json
import time
import tracemalloc
from collections.abc import Callable

import yaml
from fake_corpus import median_seconds

from citeqa.chunking import chunk_document
from citeqa.models import Document
from citeqa.readers import UnreadableDocument, reader_for
from citeqa.readers.structured import MAX_CHARACTERS, MAX_EXPORT_CHARACTERS


def spec(records: int) -> dict[str, object]:
    """An OpenAPI-like spec: `records` operations of a few nested fields each."""
    paths = {
        f"/v1/things/{n}": {
            "get": {
                "operationId": f"getThing{n}",
                "summary": f"Returns thing {n} with its owner and price",
                "parameters": [{"name": "id", "in": "path", "required": True}],
                "responses": {"200": {"description": "OK"}, "404": {"description": "Missing"}},
            }
        }
        for n in range(records)
    }
    return {"openapi": "3.0.0", "info": {"title": "Things", "version": "1"}, "paths": paths}


def ticket_export(tickets: int) -> dict[str, object]:
    """A help desk's export: `tickets` tickets of three comments each (readers/records.py
    reads it a passage per ticket)."""
    comment = "The thermostat lost its connection again after the update, please advise."
    return {
        "tickets": [
            {
                "id": n,
                "subject": f"Ticket {n}: connection lost",
                "status": "solved",
                "tags": ["wifi", "firmware"],
                "comments": [
                    {"author": {"name": f"Agent {k}", "role": "agent"}, "body": comment}
                    for k in range(3)
                ],
            }
            for n in range(tickets)
        ],
        "count": tickets,
    }


def billion_laughs() -> str:
    """Nine levels of nine aliases each of the level below: 9^9 "lol" leaves from 0.4 KB."""
    lines = ["a: &a [" + ", ".join(["lol"] * 9) + "]"]
    for level in range(8):
        name, below = chr(98 + level), chr(97 + level)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{below}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def read(suffix: str, text: str) -> str | UnreadableDocument:
    """The text of `text` read as a file ending in `suffix`, or why it is skipped."""
    reader = reader_for(suffix)
    assert reader is not None
    try:
        return reader.extract(text, f"bench{suffix}").text
    except UnreadableDocument as skipped:
        return skipped


def merge_bomb(levels: int) -> str:
    """`levels` mappings, each merging nine aliases of the one before (`<<: [*a, *a, ...]`)."""
    lines = ["a0: &a0 {x: 1, y: 2}"]
    for level in range(1, levels):
        aliases = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} {{<<: [{aliases}]}}")
    return "\n".join(lines) + "\n"


def merge_bombs(documents: int, levels: int, size: int) -> str:
    """`documents` YAML documents, each a merge-key bomb of `levels` levels padded by a comment
    to make the file `size` characters: the node budget is the file's, sized from it."""
    bomb = merge_bomb(levels)
    padding = max(0, size // documents - len(bomb) - 10)
    return "---\n".join(f"# {'x' * padding}\n{bomb}" for _ in range(documents))


def outcome(suffix: str, text: str) -> str:
    """What reading `text` as a file ending in `suffix` gives: its text's size and chunks (the
    build's default sizes), or the reason it is skipped."""
    read_text = read(suffix, text)
    if isinstance(read_text, UnreadableDocument):
        return f"skipped: {read_text.reason}"
    document = Document(doc_id="b", title="b", path="b", text=read_text, sha256="0")
    return f"{len(read_text) / 1e6:.2f} MB of text, {len(chunk_document(document)):,} chunks"


def peak_mb(run: Callable[[], object]) -> float:
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def measure(name: str, suffix: str, text: str, rounds: int) -> None:
    seconds = median_seconds(lambda: read(suffix, text), rounds)
    memory = peak_mb(lambda: read(suffix, text))
    print(f"{name}: {len(text) / 1e6:.2f} MB file, read in {seconds:.2f} s, peak {memory:.0f} MB")
    print(f"    {outcome(suffix, text)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=0, help="0: just under the size limit")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--merge-levels", type=int, default=12)
    parser.add_argument("--bomb-documents", type=int, default=12, help="21.5 KB each")
    parser.add_argument("--tickets", type=int, default=10_000, help="a large export's tickets")
    args = parser.parse_args()
    records = args.records or _records_under_limit()
    started = time.perf_counter()
    measure(f"spec of {records:,} records, JSON", ".json", json.dumps(spec(records)), args.rounds)
    as_yaml = yaml.safe_dump(spec(records), sort_keys=False)
    measure(f"spec of {records:,} records, YAML", ".yaml", as_yaml, args.rounds)
    export = json.dumps(ticket_export(1_800))
    measure("ticket export of 1,800 tickets, JSON", ".json", export, args.rounds)
    large = json.dumps(ticket_export(args.tickets))
    measure(f"ticket export of {args.tickets:,} tickets, JSON", ".json", large, args.rounds)
    huge = json.dumps({"rows": ["x" * 98] * 100_000})
    measure("10 MB JSON", ".json", huge, args.rounds)
    past = json.dumps({"rows": ["x" * 98] * (MAX_EXPORT_CHARACTERS // 100 + 1)})
    measure("JSON past MAX_EXPORT_CHARACTERS", ".json", past, args.rounds)
    deep = "[" * 10_000 + "]" * 10_000
    measure("10,000 nested lists, JSON", ".json", deep, args.rounds)
    measure("10,000 nested lists, YAML", ".yaml", deep, args.rounds)
    measure("billion laughs, YAML", ".yaml", billion_laughs(), args.rounds)
    measure(
        f"merge-key bomb of {args.merge_levels} levels, YAML",
        ".yaml",
        merge_bomb(args.merge_levels),
        args.rounds,
    )
    measure(
        f"{args.bomb_documents} documents each a merge-key bomb of 6 levels, YAML",
        ".yaml",
        merge_bombs(args.bomb_documents, 6, args.bomb_documents * 21_500),
        args.rounds,
    )
    measure("an alias holding itself, YAML", ".yaml", "a: &a [*a]\n", args.rounds)
    print(f"(all in {time.perf_counter() - started:.0f} s)")


def _records_under_limit() -> int:
    """The most records whose JSON and YAML both stay under MAX_CHARACTERS."""
    per_record = (
        max(len(yaml.safe_dump(spec(100), sort_keys=False)), len(json.dumps(spec(100)))) / 100
    )
    return int(0.98 * MAX_CHARACTERS / per_record)


if __name__ == "__main__":
    main()
