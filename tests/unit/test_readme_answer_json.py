"""The README documents the answer JSON itself, key by key, as `Answer.model_dump()` gives it
(a fresh clone or a wheel has no `../shared/DESIGN.md` to point to)."""

from __future__ import annotations

import re
from pathlib import Path

from citeqa.models import Answer, Citation, Passage

README = Path(__file__).resolve().parents[2] / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("### The answer JSON")
    return text[start : text.index("\n#", start + 1)]


def _documented(lines: list[str], indent: str) -> list[str]:
    """The keys of the bullets at `indent`, in order ("- `a`, `b`: ..." names a and b)."""
    keys: list[str] = []
    for line in lines:
        if line.startswith(indent + "- `"):
            head = line[len(indent) + 2 :].split(":", 1)[0]
            keys += re.findall(r"`([a-z_]+)`", head)
    return keys


def _example() -> dict:
    citation = Citation(n=1, doc_id="a", title="A", path="a.md", start=0, end=1, quote="x")
    passage = Passage(
        rank=1, doc_id="a", title="A", path="a.md", start=0, end=1, text="x", lang="en", score=1.0
    )
    answer = Answer(
        question="q", abstained=False, confidence=0.5, answer="“x” [1]",
        citations=[citation], passages=[passage],
    )  # fmt: skip
    return answer.model_dump(mode="json")


def test_every_key_of_the_answer_json_is_documented_in_order() -> None:
    lines = _section().splitlines()
    dumped = _example()
    assert _documented(lines, "") == list(dumped)
    nested = _documented(lines, "  ")
    cited = list(dumped["citations"][0])
    assert nested[: len(cited)] == cited
    assert nested[len(cited) :] == list(dumped["passages"][0])


def test_the_readme_points_to_nothing_outside_the_repository() -> None:
    assert "../shared" not in README.read_text(encoding="utf-8")
