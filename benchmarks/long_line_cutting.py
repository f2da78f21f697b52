"""Print the CPU seconds of cutting (chunk_document, then document_sentences over its chunks)
a 2 MB text written on one line and the same text hard-wrapped into 80-column paragraphs, under
this tree and under a reference source tree, and each figure's ratio to the reference's. Not a
test; run it by hand:

    python benchmarks/long_line_cutting.py --reference OLD_CHECKOUT/src [--mb 2]

The s15 review of trial-a's cutting: a chunk inside a line had its whole line copied and
scanned to judge its neighbours, so a 2 MB one-line document cost about 43 s to cut against
seconds before (7d34608). Lines are now judged from their head and tail (language._bounded),
and a range's lines are looked for at most LINE_REACH characters around it
(language._lines_around), so each chunk of a one-line text reads its surroundings, not the
whole line: both figures should stay near the reference's. Each tree is timed in its own
process (the `--reference` tree's citeqa imported there), on the same seeded text.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path

_PHRASE = "the value of each sample was stored as a string before the run and read back"
_WORDS = _PHRASE.split()


def make_text(megabytes: float, one_line: bool) -> str:
    """A seeded text of about `megabytes` MB: sentences in paragraphs wrapped at 80 columns,
    or the same words on a single line."""
    rng = random.Random(15)
    paragraphs, size = [], 0
    while size < megabytes * 1_000_000:
        sentences = [" ".join(rng.choices(_WORDS, k=rng.randint(6, 20))).capitalize() + "."]
        sentences += [" ".join(rng.choices(_WORDS, k=rng.randint(6, 20))).capitalize() + "."]
        paragraph = " ".join(sentences * 3)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    if one_line:
        return " ".join(paragraphs)
    return "\n\n".join(textwrap.fill(paragraph, 80) for paragraph in paragraphs)


def cut_seconds(megabytes: float, one_line: bool) -> float:
    """CPU seconds of chunking the text and splitting its chunks' sentences, in this process."""
    import time

    from citeqa.chunking import chunk_document
    from citeqa.models import Document
    from citeqa.tallies import document_sentences

    text = make_text(megabytes, one_line)
    document = Document(doc_id="d", title="d", path="/d.txt", text=text, sha256="0", kind="txt")
    began = time.process_time()
    chunks = chunk_document(document)
    spans = [(number, chunk.start, chunk.end) for number, chunk in enumerate(chunks)]
    document_sentences(text, spans, document.kind)
    return time.process_time() - began


def _timed_in(source: str, megabytes: float, one_line: bool) -> float:
    """cut_seconds run in a child process importing citeqa from `source`."""
    code = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
        f"import long_line_cutting as b; print(b.cut_seconds({megabytes}, {one_line}))"
    )
    env = {**os.environ, "PYTHONPATH": source}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", required=True, help="the older checkout's src folder")
    parser.add_argument("--mb", type=float, default=2.0, help="the text's size in MB")
    args = parser.parse_args()
    here = str(Path(__file__).resolve().parent.parent / "src")
    print(f"{'text':<12}{'this tree s':>14}{'reference s':>14}{'ratio':>8}")
    for label, one_line in (("one line", True), ("wrapped", False)):
        mine = _timed_in(here, args.mb, one_line)
        theirs = _timed_in(args.reference, args.mb, one_line)
        print(f"{label:<12}{mine:>14.2f}{theirs:>14.2f}{mine / theirs:>8.2f}")


if __name__ == "__main__":
    main()
