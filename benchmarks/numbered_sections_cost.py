"""Print what finding the sentences under an asked section number costs on a large changelog
(numbered_sections.stands_under: its section, the markdown headings above it,
headingpath.headings_above, and its paragraph's lead line) per candidate sentence, warm (the
document's outline and numbering already read), and what reading a document's numbering
(numbered_sections._read_numbering) costs on two hostile texts: many lines opening with a
digit, and one long line of numbers. Medians of a few rounds in one run. Not a test; run it by
hand, once with each checkout's PYTHONPATH to compare:

    python benchmarks/numbered_sections_cost.py [--megabytes 1.9] [--candidates 40] [--rounds 3]
"""

from __future__ import annotations

import argparse

from fake_corpus import median_seconds

from citeqa.chunking import chunk_document
from citeqa.models import Document
from citeqa.numbered_sections import _read_numbering, stands_under


def changelog(megabytes: float) -> str:
    """A Keep-a-Changelog text of about `megabytes` MB: versions with "Fixed" and "Added" lines."""
    parts = ["# Changelog\n\nAll notable changes.\n"]
    size, version = 0, 0
    while size < megabytes * 1_000_000:
        major, minor, patch = version // 100, version // 10 % 10, version % 10
        part = (
            f"\n## [{major}.{minor}.{patch}] - 2025-01-01\n\n### Fixed\n\n"
            + "".join(f"- Fixed crash number {n} of release {version}.\n" for n in range(8))
            + "\n### Added\n\n- A sync command.\n"
        )
        parts.append(part)
        size += len(part)
        version += 1
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=1.9)
    parser.add_argument("--candidates", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    text = changelog(args.megabytes)
    document = Document(doc_id="c", title="Changelog", path="c.md", text=text, sha256="c")
    chunks = chunk_document(document)
    step = max(1, len(chunks) // args.candidates)
    picked = [chunk for chunk in chunks[::step]][: args.candidates]
    offsets = [(chunk, text.find("- Fixed", chunk.start, chunk.end)) for chunk in picked]
    offsets = [(chunk, offset) for chunk, offset in offsets if offset >= 0]

    def under() -> None:
        for chunk, offset in offsets:
            stands_under(document, chunk, offset, text[offset : offset + 40], "9.9.9")

    under()  # warm: the outline and numbering are read once per document
    seconds = median_seconds(under, args.rounds)
    print(
        f"stands_under on a {len(text) / 1e6:.2f} MB changelog, {len(offsets)} candidates, warm: "
        f"{seconds:.3f} s ({seconds / max(1, len(offsets)) * 1000:.2f} ms per candidate)"
    )
    lines = "".join(f"{n} apples.\n" for n in range(200_000))
    seconds = median_seconds(lambda: _read_numbering(lines, markdown=True), args.rounds)
    print(f"_read_numbering, 200,000 lines opening with a digit: {seconds:.3f} s")
    long_line = " ".join(f"{n}.{n % 7}" for n in range(300_000))
    seconds = median_seconds(lambda: _read_numbering(long_line, markdown=True), args.rounds)
    print(f"_read_numbering, one line of numbers ({len(long_line) / 1e6:.1f} MB): {seconds:.3f} s")


if __name__ == "__main__":
    main()
