"""The definition of the term a question quotes (defined_terms.py, answering.defining_asked_terms),
and the language data that reads definitions and asked amounts (`definition_cues`,
`answer_types`)."""

from __future__ import annotations

import numpy as np
import pytest

from citeqa.answer_features import Wants
from citeqa.answering import defining_asked_terms
from citeqa.candidates import Candidates
from citeqa.glossary import fold
from citeqa.lexical import tokenize
from citeqa.models import Chunk, Document, Sentence
from citeqa.sentences import ScoredSentence, SentenceBank, language_rules

DEFINITIONS = [
    "« Données » désigne l'ensemble des informations saisies par le Client dans le service.",
    "« Client » désigne toute personne agissant à titre professionnel qui souscrit.",
    '2.3 "Affiliate" means any entity that controls a Party.',
]


def _bank(parts: list[str]) -> SentenceBank:
    text, cuts = "", []
    for part in parts:
        text += "\n" if text else ""
        cuts.append((len(text), len(text) + len(part)))
        text += part
    doc = Document(doc_id="d", title="d", path="/d.md", text=text, sha256="0")
    chunk = Chunk(chunk_id="d:0", doc_id="d", start=0, end=len(text), text=text)
    sentences = [Sentence(doc_id="d", chunk_index=0, start=a, end=b) for a, b in cuts]
    tokens = [frozenset(tokenize(text[a:b], "fr")) for a, b in cuts]
    return SentenceBank({"d": doc}, [chunk], sentences, None, tokens)


def _kept(question: str) -> list[int]:
    """The sentences of DEFINITIONS kept for `question`, the ranker's order being theirs."""
    bank = _bank(DEFINITIONS)
    items = [ScoredSentence(n, 1.0, 0.0, 0.0, 0.0, 1) for n in range(len(DEFINITIONS))]
    n = len(items)
    kept = defining_asked_terms(Candidates(items, np.ones(n), np.zeros((n, 1))), bank, question)
    return [item.index for item in kept.sentences]


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("Que désigne « Client » dans les CGV ?", [1]),
        ('What does "Affiliate" mean in the agreement?', [2]),
        ("Que désigne « Abonnement » ?", [0, 1, 2]),  # no definition of it: the ranker's order
        ("Quel est le montant payé par le « Client » ?", [0, 1, 2]),  # no meaning asked
    ],
)
def test_only_the_definition_of_the_quoted_term_asked_about_is_kept(
    question: str, kept: list[int]
) -> None:
    assert _kept(question) == kept


@pytest.mark.parametrize(
    "sentence",
    [
        DEFINITIONS[1],
        DEFINITIONS[2],
        "“Term” shall mean one year.",
        "- « Loyer » s’entend hors taxes et hors charges.",
    ],
)
def test_a_quoted_term_followed_by_designe_or_means_reads_as_a_definition(sentence: str) -> None:
    assert language_rules().definition.search(fold(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Le CSE désigne parmi ses membres un trésorier.",
        "This means the fee is due in March.",
        'Clicking "Save" means the file is written to disk.',
        "He said the users’ means of payment are stored by the bank.",
        "‘Quick’ mode, as the users’ means of payment allow, is the default.",
        "What do you mean by that, asked the tenant?",
        "What does this mean for you?",
    ],
)
def test_designe_or_means_without_a_quoted_term_is_no_definition(sentence: str) -> None:
    assert not language_rules().definition.search(fold(sentence))


def test_a_question_asking_the_montant_of_something_wants_a_number() -> None:
    assert "number" in Wants.of("Quel est le montant du dépôt de garantie du bail ?").kinds


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ('What does "Affiliate" mean in the agreement?', True),
        ("Que désigne « Client » dans les CGV ?", True),
        ("What is the definition of a business day?", True),
        ("How much is the rent?", False),
    ],
)
def test_the_asking_cues_are_read_on_questions_only(question: str, asks: bool) -> None:
    rules = language_rules()
    assert bool(rules.asks_definition.search(fold(question))) is asks
    assert bool(rules.definition.search(fold(question))) is ("definition" in question)


def test_a_term_between_single_curly_quotes_is_a_quoted_term() -> None:
    assert _kept("What does ‘Affiliate’ mean?") == [2]
