"""Small corpora and fast "fake" indexes, shared by the integration and fault suites, and
`read_corpus`, every document of a folder read into memory, for the tests that inspect them.

Importable from any test folder as `small_corpora` (tests/ is on sys.path: it holds the root
conftest and is no package). The "fake" channel is the root conftest's deterministic embedder.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from citeqa.config import Settings
from citeqa.corpus import scan_corpus
from citeqa.domain import Domain
from citeqa.models import Document

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SMALL_DOCS = ("biotherapy-in-lupus-faq.txt", "refract-lupus-nephritis-biopsies.txt")


def make_corpus(folder: Path, names: tuple[str, ...] = SMALL_DOCS) -> Path:
    """A corpus folder holding copies of some bundled documents."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(CORPUS / name, folder / name)
    return folder


@dataclass
class CorpusReading:
    """What `read_corpus` found: the documents, and what it skipped or noticed on the way."""

    documents: list[Document]
    skipped: list[str]
    """Each "relative/path: reason"."""
    warnings: list[str]
    domain: Domain | None = None
    """The corpus's domain file, when its manifest names a readable one."""


def read_corpus(corpus_dir: Path) -> CorpusReading:
    """Read every document of `corpus_dir` (corpus.scan_corpus, keeping their texts); raise
    CorpusMissing or CorpusEmpty."""
    documents: list[Document] = []
    scan = scan_corpus(corpus_dir, documents.append)
    return CorpusReading(documents, scan.skipped, scan.warnings, scan.domain)


def fake_settings(corpus: Path, index: Path, **overrides: object) -> Settings:
    """Settings for a fast index with the conftest's deterministic "fake" channel."""
    return Settings(channels=("fake",), corpus_dir=corpus, index_dir=index, **overrides)
