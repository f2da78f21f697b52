"""A project's required Python version is found whatever word the question asks it with
(s22-25 trials: "requires-python" of a pyproject.toml was found only by a question writing
"required"; "What version of Python do I need?" quoted mypy's `python_version`, whose key
writes both "python" and "version"). "need" and "requis(e)" search "required" too (language
data `groups`)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

PYPROJECT = """[project]
name = "orbit-sync"
version = "0.9.0"
description = "Synchronise calendars between providers"
requires-python = ">=3.11"
dependencies = ["httpx>=0.27", "typer>=0.12"]

[tool.ruff]
line-length = 100

[tool.mypy]
strict = true
python_version = "3.11"
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("project"), tmp_path_factory.mktemp("projidx")
    return assistant_over({"pyproject.toml": PYPROJECT}, corpus, index)


@pytest.mark.parametrize(
    "question",
    [
        "Which Python version is required?",
        "What version of Python do I need?",
    ],
)
def test_the_required_python_version_is_quoted(project: Assistant, question: str) -> None:
    answer = project.ask(question)
    assert not answer.abstained, answer.reason
    assert "requires-python: >=3.11" in answer.citations[0].quote
