"""series_answers.answering_series: which ranked passage's series answers an asked day."""

from __future__ import annotations

from citeqa.models import Chunk, Document, Hit, Series
from citeqa.questions import QuestionTerms
from citeqa.series_answers import answering_series

YOGA = "Cours de yoga: 2025-11-06, toutes les 2 semaines le jeudi"
BUREAU = "Réunion du bureau: 2025-11-25, chaque semaine le mardi"
TEXT = f"# Agenda\n\n## Cours de yoga\n\n{YOGA}\n\n## Réunion du bureau\n\n{BUREAU}\n"


def _series(line: str, first: str, rule: str) -> Series:
    return Series(start=TEXT.index(line), end=TEXT.index(line) + len(line), first=first, rule=rule)


AGENDA = Document(
    doc_id="agenda",
    title="Agenda",
    path="/folder/agenda.ics",
    text=TEXT,
    sha256="0",
    series=[
        _series(YOGA, "2025-11-06", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"),
        _series(BUREAU, "2025-11-25", "FREQ=WEEKLY;BYDAY=TU"),
    ],
)


def _hit(line: str, rank: int) -> Hit:
    start = TEXT.index(line)
    chunk = Chunk(
        chunk_id=f"agenda:{rank}",
        doc_id="agenda",
        start=start,
        end=start + len(line),
        text=line,
        lang="fr",
    )
    return Hit(chunk=chunk, chunk_index=rank, score=1.0 - rank / 10)


def test_the_first_series_passage_answers_the_event_it_holds() -> None:
    question = "Quand a lieu la réunion du bureau le 2 décembre 2025 ?"
    terms = QuestionTerms(focus=question, unwritten_days=[("2 décembre 2025", "2025-12-02")])
    found = answering_series(terms, [_hit(BUREAU, 0), _hit(YOGA, 1)], {"agenda": AGENDA})
    assert found is not None and found.series == AGENDA.series[1]
    assert found.day.isoformat() == "2025-12-02"


def test_a_passage_further_down_is_not_taken_for_a_generic_word() -> None:
    # s34 review of the hostile M2 fix: trying lower passages let "cours" pick the yoga series
    # for a dance class no heading names
    question = "Quand a lieu le prochain cours de danse après le 2 décembre 2025 ?"
    terms = QuestionTerms(focus=question, unwritten_days=[("2 décembre 2025", "2025-12-02")])
    hits = [_hit(BUREAU, 0), _hit(YOGA, 1)]
    assert answering_series(terms, hits, {"agenda": AGENDA}) is None
