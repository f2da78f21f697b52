"""Content-free and off-topic questions abstain with a reason a person understands, in the
Answer JSON (`reason`), in `ask`'s text output; answered questions carry no reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from integration_helpers import CliResult, assert_abstains, fake_settings, make_corpus

from citeqa.abstention import COURTESY_ONLY
from citeqa.api import Assistant, build_index, open_assistant

ALL_DOCS = tuple(p.name for p in (Path(__file__).parents[2] / "corpus").glob("*.txt"))


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    root = tmp_path_factory.mktemp("reasons")
    settings = fake_settings(make_corpus(root / "corpus", ALL_DOCS), root / "index")
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


@pytest.mark.parametrize(
    "question",
    ["???", "...", "the", "🙂🙂", "[]", "What is it?", "Qui ?", "Pourquoi ?", "comment", "Why?"],
)
def test_content_free_questions_abstain_with_nothing_to_search(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.ask(question)
    assert answer.abstained and not answer.citations
    assert not answer.passages, "nothing was searched, so no passage is offered"
    assert answer.confidence == 0.0
    assert answer.reason is not None
    assert answer.reason.startswith(("Nothing to search for", "Rien à chercher"))
    assert answer.reason in answer.answer
    assert answer.model_dump()["reason"] == answer.reason


@pytest.mark.parametrize(
    "question", ["How do I bake sourdough bread?", "Où acheter une guitare électrique ?"]
)
def test_questions_whose_words_the_documents_never_use_abstain(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.ask(question)
    assert answer.abstained and not answer.citations
    assert answer.reason in (  # the bundled corpus has English and French documents
        # mostly English: a question none of whose words occurs is not told to ask in French
        # unless the multilingual channel reads it close to a French passage (s20 trial)
        # in either language (s26 trial: a French one on a mostly English folder neither)
        "No word of the question occurs in the documents.",
        "Aucun mot de la question n’apparaît dans les documents.",
    )
    assert answer.answer.startswith(answer.reason)


EXTINGUISHERS = (
    "Note de service - Sécurité incendie\n\nLe bâtiment compte 34 extincteurs, vérifiés chaque"
    " année par un prestataire agréé. Les consignes d'évacuation sont affichées à chaque étage.\n"
)


def test_a_question_in_another_language_than_the_documents_is_told_to_ask_in_theirs(
    tmp_path: Path,
) -> None:
    """The user trial: an English question about French documents, none of whose words they
    use, abstained saying only that no word of the question occurs in the documents."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "incendie.txt").write_text(EXTINGUISHERS, encoding="utf-8")
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    assistant = open_assistant(settings, build_if_missing=False)
    answer = assistant.ask("How many fire extinguishers are in the building?")
    assert answer.abstained and answer.confidence == 0.0
    assert answer.reason == (
        "No word of the question occurs in the documents. The documents are in French: try"
        " asking in French."
    )
    french = assistant.ask("Combien de parapluies dans le hall ?")
    assert french.reason == "Aucun mot de la question n’apparaît dans les documents."


def test_an_answered_question_has_no_reason(assistant: Assistant) -> None:
    answer = assistant.ask("What was the complete renal response with obinutuzumab at week 76?")
    assert not answer.abstained
    assert answer.reason is None
    assert answer.model_dump()["reason"] is None


def test_ask_prints_the_reason(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", ALL_DOCS)
    result = cli("ask", "🙂🙂", corpus_dir=str(corpus), index_dir=str(tmp_path / "index"))
    assert result.code == 0, result.err
    assert "Nothing to search for" in result.out
    assert "Closest passages" not in result.out  # there are none to list


CREDITS = (
    "Hello from the study team.\n\nThanks to every patient who took part, and thank you to the"
    " nurses of the renal unit for their help.\n\nMerci aux infirmières du service de"
    " néphrologie. Bonjour à toutes les familles.\n\nEvery consent form was checked: OK, cool."
    " Le comité a dit d'accord, entendu.\n"
)


@pytest.fixture(scope="module")
def thanked(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The bundled documents and a credits page that says hello, thanks, ok and d'accord (the
    s13 trial's "hello" .69 and "thanks!" .57 quoted package credits, the s15 trial's "ok" a
    NODE_OK constant at .41)."""
    root = tmp_path_factory.mktemp("courtesy")
    corpus = make_corpus(root / "corpus", ALL_DOCS)
    (corpus / "credits.txt").write_text(CREDITS, encoding="utf-8")
    settings = fake_settings(corpus, root / "index")
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("hello", COURTESY_ONLY["en"]),
        ("thanks!", COURTESY_ONLY["en"]),
        ("Thank you very much.", COURTESY_ONLY["en"]),
        ("Hi, thanks :)", COURTESY_ONLY["en"]),
        ("Merci !", COURTESY_ONLY["fr"]),
        ("Bonjour", COURTESY_ONLY["fr"]),
        ("ok", COURTESY_ONLY["en"]),
        ("Okay, got it.", COURTESY_ONLY["en"]),
        ("Okay, thanks", COURTESY_ONLY["en"]),
        ("D'accord", COURTESY_ONLY["fr"]),
        ("Ok merci !", COURTESY_ONLY["fr"]),
        ("ok, merci beaucoup", COURTESY_ONLY["fr"]),  # review of s15-trial-b: both searched
        ("ok d'accord", COURTESY_ONLY["fr"]),
        ("aide", COURTESY_ONLY["fr"]),  # s34 trial c08: answered with an "aide-mémoire" title
        ("Aidez-moi !", COURTESY_ONLY["fr"]),
        ("help", COURTESY_ONLY["en"]),
        ("Help me!", COURTESY_ONLY["en"]),
    ],
)
def test_a_question_that_only_greets_thanks_or_acknowledges_abstains_and_says_so(
    thanked: Assistant, question: str, reason: str
) -> None:
    answer = thanked.ask(question)
    assert_abstains(answer, reason)
    assert not answer.passages


@pytest.mark.parametrize(
    "question",
    [
        "hello from the study team",
        "Merci aux infirmières de quel service ?",
        "ok consent form",
        "cool, thanks",  # 'cool' approves, as 'great' does: a search (review of s15-trial-b)
        "help with the consent form",
    ],
)
def test_a_courtesy_word_with_content_is_a_question(thanked: Assistant, question: str) -> None:
    answer = thanked.ask(question)
    assert answer.reason not in COURTESY_ONLY.values()
    assert answer.passages


def test_thanks_in_a_conversation_abstains_and_keeps_the_subject(thanked: Assistant) -> None:
    session = thanked.session()
    session.ask("Which nurses took part?")
    subject = session.previous
    answer = session.ask("thanks!")
    assert answer.abstained and answer.reason == COURTESY_ONLY["en"] and not answer.passages
    assert session.previous == subject
