"""The neighbour a quote needs (quote_context.py): the sentence before one that opens by
referring back, a short next sentence holding a question word the quote lacks; one span of the
source's exact characters, within one paragraph and PAIR_MAX characters."""

from __future__ import annotations

import pytest

from citeqa.lexical import query_tokens, tokenize
from citeqa.models import Chunk, Document, Hit, Sentence
from citeqa.questions import QuestionTerms
from citeqa.quote_context import PAIR_MAX
from citeqa.quoting import citations_of, quote_spans, verified
from citeqa.sentences import ScoredSentence, SentenceBank


def _quoted(
    parts: list[str], separator: str, index: int, question: str | None = None, title: str = "d"
) -> str:
    """The quote of sentence `index` of `parts` joined by `separator`, for `question`, in a
    document titled `title`."""
    text, cuts = "", []
    for part in parts:
        text += separator if text else ""
        cuts.append((len(text), len(text) + len(part)))
        text += part
    doc = Document(doc_id="d", title=title, path="/d.txt", text=text, sha256="0")
    chunk = Chunk(chunk_id="d:0", doc_id="d", start=0, end=len(text), text=text)
    sentences = [Sentence(doc_id="d", chunk_index=0, start=a, end=b) for a, b in cuts]
    tokens = [frozenset(tokenize(text[a:b], "en")) for a, b in cuts]
    bank = SentenceBank({"d": doc}, [chunk], sentences, None, tokens)
    hits = [Hit(chunk=chunk, chunk_index=0, score=1.0)]
    terms = None if question is None else _terms(question)
    spans = quote_spans([ScoredSentence(index, 1.0, 0.0, 0.0, 0.0, 1)], bank, hits, terms)
    citations = citations_of(spans, {"d": doc})
    assert verified(citations, {"d": doc})
    return " | ".join(c.quote for c in citations)


def _terms(question: str) -> QuestionTerms:
    words = [w for w in question.rstrip("?").split() if len(w) > 3]
    found = [(frozenset(query_tokens(w)), 1.0) for w in words]
    return QuestionTerms(focus=question, terms=found, focus_terms=len(found))


RULE = "Le préavis est de trois mois."
REDUCED = "Il est réduit à un mois en cas de mutation professionnelle ou de perte d'emploi."


def test_a_quote_opening_with_a_pronoun_takes_in_the_sentence_it_refers_to() -> None:
    assert _quoted([RULE, REDUCED], " ", 1) == f"{RULE} {REDUCED}"


@pytest.mark.parametrize("opening", ["These", "This", "They", "Cette", "Celui-ci", "Cela"])
def test_english_and_french_demonstratives_refer_back_too(opening: str) -> None:
    before = "The trial enrolled 120 patients in four centres across France."
    after = f"{opening} were followed for two years by the same team of nurses."
    assert _quoted([before, after], " ", 1) == f"{before} {after}"


@pytest.mark.parametrize(
    "impersonal",
    [
        "Il y a trois salles de réunion au premier étage du bâtiment.",
        "Il faut prévenir le bailleur par lettre recommandée avec accusé de réception.",
        "It is important to store the vials below eight degrees at all times.",
    ],
)
def test_an_impersonal_opening_refers_to_nothing_and_stands_alone(impersonal: str) -> None:
    assert _quoted([RULE, impersonal], " ", 1) == impersonal


def test_a_sentence_of_another_paragraph_is_never_taken_in() -> None:
    assert _quoted([RULE, REDUCED], "\n\n", 1) == REDUCED


def test_the_sentence_before_is_left_out_when_the_pair_is_over_the_limit() -> None:
    long_rule = "Le préavis est de trois mois" + ", sauf exception" * 30 + "."
    assert len(long_rule) + 1 + len(REDUCED) > PAIR_MAX
    assert _quoted([long_rule, REDUCED], " ", 1) == REDUCED


TAB = "tab_size (int, optional): Number of spaces used to replace a tab character."


def test_a_short_next_sentence_holding_a_question_word_the_quote_lacks_is_taken_in() -> None:
    quote = _quoted([TAB, "Defaults to 8."], " ", 0, "What is the default tab size?")
    assert quote == f"{TAB} Defaults to 8."


def test_a_next_sentence_the_question_does_not_ask_for_is_left_out() -> None:
    assert _quoted([TAB, "Defaults to 8."], " ", 0, "What does tab size replace?") == TAB


def test_a_long_next_sentence_is_left_out_even_with_a_question_word() -> None:
    long_next = "Defaults to 8, the width most terminals use, unless the console's setting says so."
    assert _quoted([TAB, long_next], " ", 0, "What is the default tab size?") == TAB


def test_a_question_word_of_the_title_names_the_subject_and_pulls_nothing_in() -> None:
    cost = "Le coût total est estimé à 2 360 000 euros HT, études comprises."
    fund = "Le Fonds chaleur pourrait financer 45 % de l'investissement."
    question = "Combien coûtera au total le réseau de chaleur ?"
    assert _quoted([cost, fund], " ", 0, question, "Note sur le réseau") == f"{cost} {fund}"
    assert _quoted([cost, fund], " ", 0, question, "Note sur le réseau de chaleur") == cost
