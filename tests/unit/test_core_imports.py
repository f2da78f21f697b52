"""The core never imports the terminal UI libraries, the heavy model stacks or the optional
Qdrant client (imported only when a Qdrant store is used) (DESIGN.md:
dependency direction). Checked in a fresh interpreter, where nothing else has imported them."""

from __future__ import annotations

import json
import subprocess
import sys

CORE = (
    "citeqa.api",
    "citeqa.store",
    "citeqa.retrieval",
    "citeqa.answering",
    "citeqa.indexing",
    "citeqa.readable",
)
FORBIDDEN = ("textual", "rich", "typer", "torch", "sentence_transformers", "qdrant_client")


def _run_python(code: str) -> str:
    """The standard output of `code` run in a fresh interpreter (CalledProcessError if it fails)."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout


def _modules_after_importing(modules: tuple[str, ...]) -> set[str]:
    code = (
        "import importlib, json, sys\n"
        f"for name in {list(modules)!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    return set(json.loads(_run_python(code)))


def test_core_imports_no_ui_and_no_torch() -> None:
    loaded = _modules_after_importing(CORE)
    assert set(CORE) <= loaded
    for name in FORBIDDEN:
        offenders = sorted(m for m in loaded if m == name or m.startswith(name + "."))
        assert not offenders, f"importing the core imported {offenders}"


def test_the_check_can_fail() -> None:
    """The same probe sees a forbidden module when one is imported (so it is not vacuous)."""
    loaded = _modules_after_importing(("citeqa.store", "rich.text"))
    assert "rich" in loaded


def test_the_tally_recipe_loads_no_build_writer() -> None:
    """doctally names PyStemmer's version in its recipe through citeqa.libraries, not through
    the manifest writer (citeqa.writing), which would load the settings, the vector index and
    the verification with it (37 citeqa modules for `import citeqa.doctally`, 24 without)."""
    loaded = _modules_after_importing(("citeqa.doctally",))
    assert "citeqa.libraries" in loaded
    writer = {"citeqa.writing", "citeqa.config", "citeqa.vectorindex", "citeqa.verification"}
    assert not writer & loaded, sorted(writer & loaded)


def test_the_language_data_is_read_once_for_all_its_readers() -> None:
    """lexical's stopwords, domain.language_data and doctally's tally recipe read one copy of
    citeqa/data/language.json's bytes (jsonfiles.language_json): each read the file itself."""
    code = (
        "import pathlib\n"
        "reads = []\n"
        "original = pathlib.Path.read_bytes\n"
        "def counted(self):\n"
        "    reads.append(self.name)\n"
        "    return original(self)\n"
        "pathlib.Path.read_bytes = counted\n"
        "import citeqa.doctally, citeqa.domain\n"
        "citeqa.domain.language_data()\n"
        "citeqa.doctally.tally_recipe()\n"
        "print(reads.count('language.json'))\n"
    )
    assert _run_python(code).strip() == "1"


def test_the_language_data_is_parsed_once_for_stopwords_and_dates() -> None:
    """lexical's stopwords and dates' month names and words share one parse of language.json
    (jsonfiles.language_object): each parsed it before, dates up to three times."""
    code = (
        "import json\n"
        "from citeqa.jsonfiles import language_json\n"
        "parses = []\n"
        "original = json.loads\n"
        "def counted(raw, *args, **kwargs):\n"
        "    parses.append(raw == language_json())\n"
        "    return original(raw, *args, **kwargs)\n"
        "json.loads = counted\n"
        "import citeqa.lexical\n"
        "citeqa.lexical.tokenize('le 14 mars 2026, on 2 May 2026, 14 sept 2026', 'fr')\n"
        "print(parses.count(True))\n"
    )
    assert _run_python(code).strip() == "1"


def test_the_follow_up_rules_read_the_language_data_when_first_asked() -> None:
    """Importing citeqa.followups parses no language data (its word lists are read through
    glossary.language_words and cached functions, as the other modules read theirs); the
    first follow-up question reads it."""
    code = (
        "import citeqa.followups as f\n"
        "from citeqa.domain import language_data\n"
        "print(language_data.cache_info().currsize)\n"
        "print(f.is_follow_up('And at week 52?'), language_data.cache_info().currsize)\n"
    )
    assert _run_python(code).split() == ["0", "True", "1"]
