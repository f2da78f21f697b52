"""A question asking a duration ("délai", "how long") asks a number that only a number of a
duration holds (s21 trial: the passport's "86 €" held the number of "Quel est le délai pour
obtenir une carte d'identité ?"; s24: "| Emails delayed | 310,000 |" that of "How long did
the outage last?"). Documents are cut as a build cuts them."""

from __future__ import annotations

from citeqa.answer_features import MATCH_FEATURES, Wants, match_features
from citeqa.answer_location import Reading
from citeqa.chunking import chunk_document
from citeqa.lexical import tokenize
from citeqa.models import Document, Hit, Sentence
from citeqa.questions import QuestionTerms
from citeqa.sentences import QuestionScores, SentenceBank
from citeqa.tallies import document_sentences


def _read(text: str) -> tuple[SentenceBank, list[Hit], list[str]]:
    """The bank of one document cut as a build cuts it, its passages and its sentences' texts."""
    doc = Document(doc_id="d", title="Carte", path="/d.md", text=text, sha256="0", kind="md")
    chunks = list(chunk_document(doc))
    rows = document_sentences(text, [(n, c.start, c.end) for n, c in enumerate(chunks)], "md")
    sentences = [Sentence(doc_id="d", chunk_index=n, start=a, end=b) for n, a, b in rows.tolist()]
    cut = [text[s.start : s.end] for s in sentences]
    tokens = [frozenset(tokenize(sentence, "fr")) for sentence in cut]
    bank = SentenceBank({"d": doc}, chunks, sentences, None, tokens)
    hits = [Hit(chunk=chunk, chunk_index=n, score=1.0) for n, chunk in enumerate(chunks)]
    return bank, hits, cut


DURATIONS = (
    "# Carte d'identité\n\n"
    "Le passeport coûte 86 € pour un majeur ; la carte d'identité est gratuite.\n\n"
    "Le délai moyen d'obtention est de 6 semaines.\n"
)


def test_a_question_asking_a_duration_is_answered_by_a_duration_not_any_number() -> None:
    question = "Quel est le délai pour obtenir une carte d'identité ?"
    wants = Wants.of(question)
    assert {"number", "duration"} <= wants.kinds
    assert "duration" not in Wants.of("Combien coûte un passeport ?").kinds
    bank, hits, cut = _read(DURATIONS)
    terms = QuestionTerms(focus=question, terms=[(frozenset({"cart"}), 1.0)])
    scored = QuestionScores(bank, terms, None).scored(hits)
    rows = match_features(scored, Reading(bank, hits, terms), wants)
    held = {
        cut[item.index]: row[MATCH_FEATURES.index("wants_number_has")]
        for item, row in zip(scored, rows, strict=True)
    }
    assert held["Le délai moyen d'obtention est de 6 semaines."] == 1.0
    price = "Le passeport coûte 86 € pour un majeur ; la carte d'identité est gratuite."
    assert held[price] == 0.0
    bonus = {cut[item.index]: item.score for item in scored}
    asked_price = QuestionTerms(focus="Combien coûte la carte ?", terms=terms.terms)
    priced = {cut[i.index]: i.score for i in QuestionScores(bank, asked_price, None).scored(hits)}
    assert bonus[price] < priced[price]  # the number bonus goes only to a duration


def test_durations_are_told_from_other_numbers() -> None:
    asks = Wants.of("How long did the email delivery outage last?")
    assert {"number", "duration"} <= asks.kinds
    rows = [
        "| Duration | 2 hours 13 minutes |",
        "Un jeton est valable 15 minutes.",
        "New workspaces get a 21-day trial.",
    ]
    bank, hits, cut = _read("\n\n".join(["# Outage", *rows, "| Emails delayed | 310,000 |"]))
    terms = QuestionTerms(focus="How long did the outage last?", terms=[(frozenset({"x"}), 1.0)])
    scored = QuestionScores(bank, terms, None).scored(hits)
    held = match_features(scored, Reading(bank, hits, terms), asks)
    number = MATCH_FEATURES.index("wants_number_has")
    found = {cut[item.index]: row[number] for item, row in zip(scored, held, strict=True)}
    assert [found[row] for row in rows] == [1.0, 1.0, 1.0]  # "21-day" too (s20 trial)
    assert found["| Emails delayed | 310,000 |"] == 0.0
