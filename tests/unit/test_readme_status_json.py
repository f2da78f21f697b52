"""The README names every key of `citeqa status --json`, as `IndexStatus.model_dump()` gives it."""

from __future__ import annotations

import re
from pathlib import Path

from citeqa.models import DocumentStatus, IndexStatus

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_names_every_key_of_the_status_json() -> None:
    (line,) = [
        line
        for line in README.read_text(encoding="utf-8").splitlines()
        if line.startswith("`citeqa status --json` prints")
    ]
    named = set(re.findall(r"`([a-z_]+)`", line))
    assert set(IndexStatus.model_fields) | set(DocumentStatus.model_fields) <= named
