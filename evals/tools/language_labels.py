"""How the languages citeqa names for documents change with language.document_languages.

    python evals/tools/language_labels.py INDEX [INDEX...] [--expect en/=en --expect fr/=fr]

Reads each built index folder's documents and chunks (documents.jsonl, chunks.jsonl, files.jsonl
of its `current` build) and prints, per index, how many documents carry each label as stored
(computed when the index was built) and as `document_languages` names them now, the label
changes and, with `--expect PREFIX=LABEL`, how many documents whose id starts with PREFIX are
labelled exactly LABEL before and after. Nothing is rebuilt: chunks keep the language they
were given, so only the document labels (`citeqa status`, the welcome, eval filing) can change.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from citeqa.language import document_languages


def _lines(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def stored_labels(build: Path) -> dict[str, str]:
    """doc_id -> the label the index was built with ("en,fr")."""
    with (build / "files.jsonl").open(encoding="utf-8") as lines:
        columns = json.loads(next(lines))["columns"]
        table = dict(zip(columns, (json.loads(line) for line in lines), strict=True))
    labels = zip(table["doc_id"], table["lang"], strict=True)
    return {doc_id: ",".join(langs) for doc_id, langs in labels}


def current_labels(build: Path) -> dict[str, str]:
    """doc_id -> the label document_languages gives the document now."""
    chunks: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for chunk in _lines(build / "chunks.jsonl"):
        chunks[chunk["doc_id"]].append((chunk["start"], chunk["end"], chunk["lang"]))
    return {
        doc["doc_id"]: ",".join(document_languages(doc["text"], chunks[doc["doc_id"]]))
        for doc in _lines(build / "documents.jsonl")
    }


def report(index: Path, expected: dict[str, str]) -> None:
    """Print one index's label counts and changes."""
    build = index / "current"
    before, after = stored_labels(build), current_labels(build)
    print(f"== {index}: {len(after)} documents")
    print(f"  before: {dict(Counter(before.values()).most_common())}")
    print(f"  after:  {dict(Counter(after.values()).most_common())}")
    changes = Counter((before.get(d, "?"), new) for d, new in after.items() if before.get(d) != new)
    for (old, new), count in changes.most_common():
        print(f"  {old} -> {new}: {count}")
    for prefix, label in expected.items():
        ids = [d for d in after if d.startswith(prefix)]
        right_before = sum(before.get(d) == label for d in ids)
        right_after = sum(after[d] == label for d in ids)
        print(f"  {prefix}* labelled {label}: {right_before} -> {right_after} of {len(ids)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("indexes", nargs="+", type=Path)
    parser.add_argument("--expect", action="append", default=[], help="PREFIX=LABEL")
    args = parser.parse_args()
    expected = dict(item.split("=", 1) for item in args.expect)
    for index in args.indexes:
        report(index, expected)


if __name__ == "__main__":
    main()
