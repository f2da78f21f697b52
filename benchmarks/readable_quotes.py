"""Print how many terminal lines the quotes take, verbatim versus laid out by citeqa.readable.

Asks every question of the bundled eval set (evals/questions.jsonl) with the real assistant and
counts, over all citations: the quote's lines as printed verbatim (blank ones included), its
non-blank lines, and the lines of `readable_lines`. Not a test; run it by hand:

    python benchmarks/readable_quotes.py [--set evals/questions.jsonl]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from citeqa.api import open_assistant
from citeqa.readable import readable_lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=Path("evals/questions.jsonl"))
    args = parser.parse_args()
    assistant = open_assistant()
    verbatim = non_blank = laid_out = citations = multi_line = 0
    for line in args.set.read_text(encoding="utf-8").splitlines():
        for citation in assistant.ask(json.loads(line)["question"]).citations:
            rows = citation.quote.strip().splitlines() or [""]
            verbatim += len(rows)
            non_blank += max(1, sum(1 for row in rows if row.strip()))
            laid_out += len(readable_lines(citation.quote))
            citations += 1
            multi_line += len(rows) > 1
    print(f"citations                 {citations:6d} ({multi_line} over several lines)")
    print(f"lines verbatim            {verbatim:6d}")
    print(f"non-blank lines verbatim  {non_blank:6d}")
    print(f"lines laid out (readable) {laid_out:6d}  ({laid_out / verbatim:.2f} of verbatim)")


if __name__ == "__main__":
    main()
