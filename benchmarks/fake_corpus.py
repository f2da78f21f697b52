"""What the hand-run benchmarks share: two small bundled documents and the tests' deterministic
"fake" embedder, so a benchmark times citeqa's own work rather than a model's.

Imported as `fake_corpus` by scripts run as `python benchmarks/NAME.py` (their folder is first
on sys.path).
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("biotherapy-in-lupus-faq.txt", "refract-lupus-nephritis-biopsies.txt")


def register_fake() -> None:
    """Register the "fake" vector channel (tests/conftest.py does so when imported)."""
    spec = importlib.util.spec_from_file_location("citeqa_fakes", ROOT / "tests" / "conftest.py")
    assert spec is not None and spec.loader is not None
    spec.loader.exec_module(importlib.util.module_from_spec(spec))


def copy_docs(corpus: Path) -> None:
    """Copy DOCS from the bundled corpus into `corpus` (which must exist)."""
    for name in DOCS:
        shutil.copyfile(ROOT / "corpus" / name, corpus / name)
