"""A question naming a document that holds only its title abstains and names that document
(abstention.only_its_title), rather than quoting another document's passage; a one-line document
that says more than the question names is left to the answer models."""

from __future__ import annotations

from pathlib import Path

import pytest
from integration_helpers import assert_abstains, fake_settings, make_corpus

from citeqa.api import Assistant, build_index, open_assistant

ALL_DOCS = tuple(p.name for p in (Path(__file__).parents[2] / "corpus").glob("*.txt"))


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    root = tmp_path_factory.mktemp("titleonly")
    corpus = make_corpus(root / "corpus", ALL_DOCS)
    (corpus / "a-classer.md").write_text("# À classer\n", encoding="utf-8")
    (corpus / "deadline.md").write_text("Submission deadline: 1 March 2025\n", encoding="utf-8")
    (corpus / "notes.md").write_text("# Notes\n", encoding="utf-8")
    settings = fake_settings(corpus, root / "index")
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


@pytest.mark.parametrize(
    "question",
    [
        "À classer",
        "Que contient « À classer » ?",
        "Qu'y a-t-il dans À classer ?",
        "Que dit le document À classer ?",
        "Contenu de À classer",
        "Que contient la note À classer ?",
    ],
)
def test_a_document_named_that_holds_only_its_title_abstains_naming_it(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.ask(question)
    assert_abstains(
        answer,
        "Le document le plus proche, “À classer”, ne contient que son titre :"
        " il n’en dit pas plus.",
    )
    assert answer.passages[0].doc_id == "a-classer"


def test_a_one_line_document_saying_more_than_asked_answers(assistant: Assistant) -> None:
    answer = assistant.ask("Submission deadline")  # its one line is its title, and says more
    assert answer.passages[0].doc_id == "deadline"
    assert not answer.abstained  # the models decide, as for any question


@pytest.mark.parametrize("question", ["Where are the notes?", "Read the README notes"])
def test_a_question_asking_more_than_the_title_is_not_told_it_holds_only_its_title(
    assistant: Assistant, question: str
) -> None:
    """A title word in a question that asks something else (a place, a README) is no naming of
    the document "# Notes": the answer models decide (s17 review)."""
    answer = assistant.ask(question)
    assert "Notes" in {assistant.document(p.doc_id).title for p in answer.passages}
    assert "holds only its title" not in (answer.reason or "")
