"""Print what a question asking the latest release costs on a changelog of many releases
(latest_release.py): the release headings read (`latest_release`) and the changelog's tokens
read for a question writing other terms ("… of tidepool?": `asked_latest`, kept for the next
reading), each against the former reading (a pattern compiled per heading's number; the
changelog's tokens read each time), kept here. CPU seconds, medians of a few rounds. Not a
test; run it by hand:

    python benchmarks/latest_release_cost.py [--releases 59000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import re

from fake_corpus import cpu_median

from citeqa import latest_release
from citeqa.glossary import fold
from citeqa.lexical import query_tokens
from citeqa.models import Document


def changelog(releases: int) -> Document:
    """A changelog of `releases` release headings, each with one item."""
    text = "# Changelog\n\n" + "".join(
        f"## {i // 100}.{i % 100}.0 - 2024-01-01\n\n- Change {i} fixed the reader of files.\n\n"
        for i in range(releases)
    )
    return Document(doc_id="CHANGELOG", title="Changelog", path="/c.md", text=text, sha256="0")


def former_names_release(folded_title: str, number: str) -> bool:
    """The release cue test before s47: a pattern holding the heading's number."""
    return re.match(rf"\W*(?:version|release|v)\W*{re.escape(number)}", folded_title) is not None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--releases", type=int, default=59_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    document = changelog(args.releases).model_copy(update={"kind": "md"})
    question = "What is the latest version?"
    now = cpu_median(lambda: latest_release.latest_release(question, [document]), args.rounds)
    titles = [f"{i // 100}.{i % 100}.0 - 2024-01-01" for i in range(args.releases)]
    former = cpu_median(
        lambda: [former_names_release(fold(t), t.split()[0]) for t in titles], args.rounds
    )
    print(f"{args.releases} release headings, {len(document.text) / 1e6:.1f} MB")
    print(f"latest_release (headings read, cue tested): {now:.2f} s")
    print(f"former cue test alone (a pattern per number): {former:.2f} s")
    tokens = cpu_median(lambda: frozenset(query_tokens(document.text)), 1)
    latest_release._text_tokens(document.text)
    kept = cpu_median(lambda: latest_release._text_tokens(document.text), args.rounds)
    print(f"changelog's tokens read: {tokens:.2f} s; read again (kept): {kept:.4f} s")


if __name__ == "__main__":
    main()
