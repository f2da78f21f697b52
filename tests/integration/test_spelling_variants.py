"""A question word spelt the British way where the documents write another form of the American
spelling's stem is read as that word (s47 trial b09: "plagiarising" was refused as never
mentioned though the policy writes "plagiarism": the stemmer joins "plagiarizing" and
"plagiarism", not "plagiarising"; spelling_variants.py, questions.variant_spelling)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

POLICY = (
    "Academic Integrity Policy\n\n"
    "1. Plagiarism is presenting the work of others as your own without acknowledgement.\n"
    "2. A first offence of minor plagiarism is dealt with by the module convenor, and the work "
    "is marked at zero with a resubmission allowed.\n"
    "3. Serious or repeated cases are referred to the Academic Misconduct Panel.\n"
)
LIGHTS = (
    "Status light\n\n"
    "The status light turns red when the filter must be replaced.\n"
    "A blue light means the purifier is running in night mode.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"plagiarism-policy.txt": POLICY, "status.md": LIGHTS},
        tmp_path_factory.mktemp("variants"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    "question",
    ["What happens to minor plagiarising?", "How is plagiarising punished the first time?"],
)
def test_a_british_spelling_reads_the_documents_word(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert "first offence of minor plagiarism" in answer.citations[0].quote
