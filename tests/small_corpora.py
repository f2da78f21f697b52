"""Small corpora and fast "fake" indexes, shared by the integration and fault suites.

Importable from any test folder as `small_corpora` (tests/ is on sys.path: it holds the root
conftest and is no package). The "fake" channel is the root conftest's deterministic embedder.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from citeqa.api import Assistant, build_index, open_assistant
from citeqa.config import Settings
from citeqa.models import Answer

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SMALL_DOCS = ("biotherapy-in-lupus-faq.txt", "refract-lupus-nephritis-biopsies.txt")


def make_corpus(folder: Path, names: tuple[str, ...] = SMALL_DOCS) -> Path:
    """A corpus folder holding copies of some bundled documents."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(CORPUS / name, folder / name)
    return folder


def fake_settings(corpus: Path, index: Path, **overrides: object) -> Settings:
    """Settings for a fast index with the conftest's deterministic "fake" channel."""
    return Settings(channels=("fake",), corpus_dir=corpus, index_dir=index, **overrides)


def asked_of_files(folder: Path, files: dict[str, str], question: str) -> Answer:
    """The answer to `question` of a corpus of `files` (name → text, written as given) under
    `folder`, with a fast index beside it (`fake_settings`)."""
    corpus = folder / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8", newline="")
    return open_assistant(fake_settings(corpus, folder / "index")).ask(question)


@dataclass(frozen=True)
class SmallBuild:
    """A small corpus and the folder of its fast index (`small_build`), not built yet."""

    corpus: Path
    index: Path
    settings: Settings
    """`fake_settings` of the two."""

    @property
    def where(self) -> list[str]:
        """The CLI options naming them: --corpus CORPUS --index INDEX."""
        return ["--corpus", str(self.corpus), "--index", str(self.index)]


def small_build(folder: Path, names: tuple[str, ...] = SMALL_DOCS) -> SmallBuild:
    """`make_corpus` of `names` in folder/corpus, and the fake settings of an index in
    folder/index."""
    corpus, index = make_corpus(folder / "corpus", names), folder / "index"
    return SmallBuild(corpus, index, fake_settings(corpus, index))


@pytest.fixture
def small(tmp_path: Path) -> SmallBuild:
    """`small_build` in the test's tmp_path (a conftest imports it to offer it)."""
    return small_build(tmp_path)


def assistant_over(
    files: dict[str, str], corpus: Path, index: Path, **overrides: object
) -> Assistant:
    """An assistant over a corpus of `files` (name → text) written into `corpus`, its index
    (the default channels, or the `overrides`' settings) built into `index` first; a name may
    hold folders ("2024/minutes.md")."""
    for name, text in files.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=index, **overrides)
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


def first_quote(assistant: Assistant, question: str) -> str:
    """The first quote of `assistant`'s answer to `question`, which must answer."""
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    return answer.citations[0].quote


def build_folders(index_dir: Path) -> list[str]:
    """The names of the index folder's builds, sorted."""
    return sorted(p.name for p in index_dir.iterdir() if p.name.startswith("build-"))


def tmp_leftovers(index_dir: Path) -> list[str]:
    """The names of the index folder's temporary builds left behind, sorted."""
    return sorted(p.name for p in index_dir.iterdir() if p.name.startswith(".tmp-"))


ENV_NAMES = frozenset(Settings.model_fields) | {"config_file", "eval_cache"}
"""What a test may set as CITEQA_<NAME>: a setting, or a variable citeqa reads beside them."""


def set_fake_env(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """The "fake" channel and `env` as CITEQA_<NAME> variables; a name that is no setting
    fails the test (CITEQA_CORPUS was silently ignored, so a test asked the bundled corpus)."""
    monkeypatch.setenv("CITEQA_CHANNELS", '["fake"]')
    for name, value in env.items():
        assert name.lower() in ENV_NAMES, f"{name} is no setting: citeqa would ignore it"
        monkeypatch.setenv(f"CITEQA_{name.upper()}", value)
