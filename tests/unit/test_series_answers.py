"""series_answers.answering_series: which ranked passage's series answers an asked day."""

from __future__ import annotations

from pathlib import Path

from citeqa.corpus import read_document
from citeqa.lexical import about_terms, undated_terms
from citeqa.models import Chunk, Document, Hit, Series
from citeqa.questions import QuestionTerms, _DatesOf
from citeqa.series_answers import answering_series, falling_on

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


YOGA_EN = "Yoga class: 2025-11-06, every 2 weeks on Thursday"
BOARD_EN = "Board meeting: 2025-11-25, every week on Tuesday"
TEXT_EN = f"# Agenda\n\n## Yoga class\n\n{YOGA_EN}\n\n## Board meeting\n\n{BOARD_EN}\n"
AGENDA_EN = Document(
    doc_id="agenda-en",
    title="Agenda",
    path="/folder/agenda-en.ics",
    text=TEXT_EN,
    sha256="1",
    series=[
        Series(
            start=TEXT_EN.index(YOGA_EN),
            end=TEXT_EN.index(YOGA_EN) + len(YOGA_EN),
            first="2025-11-06",
            rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
        ),
        Series(
            start=TEXT_EN.index(BOARD_EN),
            end=TEXT_EN.index(BOARD_EN) + len(BOARD_EN),
            first="2025-11-25",
            rule="FREQ=WEEKLY;BYDAY=TU",
        ),
    ],
)


def _hit_en(line: str, rank: int) -> Hit:
    start = TEXT_EN.index(line)
    chunk = Chunk(
        chunk_id=f"agenda-en:{rank}",
        doc_id="agenda-en",
        start=start,
        end=start + len(line),
        text=line,
        lang="en",
    )
    return Hit(chunk=chunk, chunk_index=rank, score=1.0 - rank / 10)


def _stems(word: str) -> frozenset[str]:
    """The terms a question's analysis weighs `word` by."""
    return about_terms(undated_terms(word))


def _asked(question: str, day: str, iso: str) -> QuestionTerms:
    return QuestionTerms(focus=question, unwritten_days=[(day, iso)])


def test_a_generic_word_of_another_series_falling_that_day_does_not_answer() -> None:
    # s34 stop re-read: "class" of "Yoga class" answered a dance class's question
    terms = _asked("Is there a dance class on 4 December 2025?", "4 December 2025", "2025-12-04")
    hits = [_hit_en(BOARD_EN, 0), _hit_en(YOGA_EN, 1)]
    assert answering_series(terms, hits, {"agenda-en": AGENDA_EN}) is None


def test_the_series_the_question_names_falling_that_day_still_answers() -> None:
    terms = _asked("Is there a yoga class on 4 December 2025?", "4 December 2025", "2025-12-04")
    hits = [_hit_en(BOARD_EN, 0), _hit_en(YOGA_EN, 1)]
    found = answering_series(terms, hits, {"agenda-en": AGENDA_EN})
    assert found is not None and found.series == AGENDA_EN.series[0]


def test_a_common_word_the_summary_lacks_does_not_stop_the_series() -> None:
    # weights as the question's analysis gives them: "club" common, "yoga" rare
    question = "Is there a yoga class at the club on 4 December 2025?"
    terms = QuestionTerms(
        focus=question,
        terms=[(_stems("yoga"), 5.0), (_stems("class"), 3.0), (_stems("club"), 1.0)],
        focus_terms=3,
        unwritten_days=[("4 December 2025", "2025-12-04")],
    )
    hits = [_hit_en(BOARD_EN, 0), _hit_en(YOGA_EN, 1)]
    found = answering_series(terms, hits, {"agenda-en": AGENDA_EN})
    assert found is not None and found.series == AGENDA_EN.series[0]


def test_a_rarer_word_the_summary_lacks_stops_the_series() -> None:
    question = "Is there a yoga class in Lyon on 4 December 2025?"
    terms = QuestionTerms(
        focus=question,
        terms=[(_stems("yoga"), 3.0), (_stems("class"), 2.0), (_stems("Lyon"), 6.0)],
        focus_terms=3,
        unwritten_days=[("4 December 2025", "2025-12-04")],
    )
    hits = [_hit_en(BOARD_EN, 0), _hit_en(YOGA_EN, 1)]
    assert answering_series(terms, hits, {"agenda-en": AGENDA_EN}) is None


def test_a_lower_passage_answers_the_event_it_names_when_the_first_holds_others() -> None:
    # s34 hostile M2: the first series passage held only the yoga series
    question = "Quand a lieu la prochaine réunion du bureau après le 2 décembre 2025 ?"
    terms = QuestionTerms(focus=question, unwritten_days=[("2 décembre 2025", "2025-12-02")])
    found = answering_series(terms, [_hit(YOGA, 0), _hit(BUREAU, 1)], {"agenda": AGENDA})
    assert found is not None and found.series == AGENDA.series[1]
    assert found.day.isoformat() == "2025-12-09"


def test_a_series_of_unknown_days_leaves_out_the_days_its_rule_rules_out() -> None:
    # s34 hostile: a "last weekday of the month" series (BYSETPOS: days unknown) read first
    # made every later day one a series may fall on, so no day was ever said unwritten
    last_weekday = Series(
        start=TEXT.index(YOGA),
        end=TEXT.index(YOGA) + len(YOGA),
        first="2025-01-31",
        rule="",
        bounds="FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;UNTIL=20251231",
    )
    agenda = AGENDA.model_copy(update={"series": [last_weekday, AGENDA.series[1]]})
    named = falling_on([agenda])
    assert named("2025-12-06") == []  # a Saturday
    assert named("2025-12-02") is None  # a Tuesday: the bureau's, and maybe the last weekday's
    assert named("2026-01-30") == []  # past its UNTIL (and a Friday the bureau skips)
    unbounded = last_weekday.model_copy(update={"bounds": ""})
    assert falling_on([AGENDA.model_copy(update={"series": [unbounded]})])("2025-12-06") is None


CHANT = "Cours de chant: 2025-01-08, chaque semaine le mercredi"
DANSE = "Cours de danse: 2025-01-08, chaque semaine le mercredi"
COURS = f"# Cours\n\n## Cours de chant\n\n{CHANT}\n\n## Cours de danse\n\n{DANSE}\n"


def test_a_word_whose_stem_is_a_stopword_still_tells_two_series_apart() -> None:
    # s34 hostile M3: "danse" stems to "dans", a stopword; both series tied on "cours"
    series = [
        Series(
            start=COURS.index(line),
            end=COURS.index(line) + len(line),
            first="2025-01-08",
            rule="FREQ=WEEKLY;BYDAY=WE",
        )
        for line in (CHANT, DANSE)
    ]
    cours = Document(
        doc_id="cours",
        title="Cours",
        path="/folder/cours.ics",
        text=COURS,
        sha256="2",
        series=series,
    )
    start = COURS.index(CHANT)
    end = COURS.index(DANSE) + len(DANSE)
    chunk = Chunk(
        chunk_id="cours:0",
        doc_id="cours",
        start=start,
        end=end,
        text=COURS[start:end],
        lang="fr",
    )
    terms = _asked("Y a-t-il cours de danse le 22 janvier 2025 ?", "22 janvier 2025", "2025-01-22")
    found = answering_series(terms, [Hit(chunk=chunk, chunk_index=0, score=1.0)], {"cours": cours})
    assert found is not None and found.series == series[1]


def test_a_yearless_day_takes_the_one_year_the_series_spans() -> None:
    # s34 trial a92: "qui est de gard le samdi 21 fevrier" never reached the series reading
    question = "Quand a lieu la réunion du bureau le mardi 3 mars ?"
    terms = QuestionTerms(focus=question, yearless_days=[("3 mars", "--03-03")])
    bounded = [
        one.model_copy(update={"rule": one.rule + ";UNTIL=20260630"}) for one in AGENDA.series
    ]
    agenda = AGENDA.model_copy(update={"series": bounded})
    found = answering_series(terms, [_hit(BUREAU, 0)], {"agenda": agenda})
    assert found is not None and found.series == bounded[1]
    assert found.day.isoformat() == "2026-03-03"
    # a series with no end: no one year told
    assert answering_series(terms, [_hit(BUREAU, 0)], {"agenda": AGENDA}) is None
    # spans holding the day in two years
    longer = [
        one.model_copy(update={"rule": one.rule + ";UNTIL=20270630"}) for one in AGENDA.series
    ]
    two_years = AGENDA.model_copy(update={"series": longer})
    unnamed_weekday = QuestionTerms(
        focus="Quand a lieu la réunion du bureau le 3 mars ?", yearless_days=terms.yearless_days
    )
    assert answering_series(unnamed_weekday, [_hit(BUREAU, 0)], {"agenda": two_years}) is None
    # the typed weekday tells: 3 March 2027 is a Wednesday (s35 review)
    found = answering_series(terms, [_hit(BUREAU, 0)], {"agenda": two_years})
    assert found is not None and found.day.isoformat() == "2026-03-03"


def _calendar(tmp_path: Path, *events: str) -> Document:
    """The document the calendar reader makes of a .ics holding `events` (each the lines of
    one VEVENT)."""
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:{n}@x\r\n{one}END:VEVENT\r\n" for n, one in enumerate(events)
    )
    text = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//FR\r\n{body}END:VCALENDAR\r\n"
    (tmp_path / "cours.ics").write_text(text, encoding="utf-8", newline="")
    return read_document(tmp_path / "cours.ics", tmp_path, {})


def _weekly(summary: str, start: str, day: str, until: str = ";UNTIL=20260630") -> str:
    rule = f"RRULE:FREQ=WEEKLY;BYDAY={day}{until}\r\n"
    return f"SUMMARY:{summary}\r\nDTSTART;VALUE=DATE:{start}\r\n{rule}"


def _series_hit(document: Document, word: str, rank: int) -> Hit:
    """A passage of `document` holding the line of the series whose line writes `word`."""
    series = next(one for one in document.series if word in document.text[one.start : one.end])
    chunk = Chunk(
        chunk_id=f"{document.doc_id}:{rank}",
        doc_id=document.doc_id,
        start=series.start,
        end=series.end,
        text=document.text[series.start : series.end],
        lang="fr",
    )
    return Hit(chunk=chunk, chunk_index=rank, score=1.0 - rank / 10)


def _yearless(question: str, typed: str) -> QuestionTerms:
    """The terms of `question` writing the yearless day `typed` as questions.analyse yields it."""
    (day,) = [one for one in _DatesOf(question).yearless_days() if one[0] == typed]
    return QuestionTerms(focus=question, yearless_days=[day])


COURSES = (
    _weekly("Cours de yoga", "20250901", "MO"),
    _weekly("Cours de danse", "20250902", "TU"),
    _weekly("Cours de judo", "20250903", "WE"),
)


def test_the_month_of_a_yearless_day_names_no_event(tmp_path: Path) -> None:
    # s35 review: "janvier", written by no sentence, counted as the rarest word asked, so the
    # dance class's own series did not name the event
    document = _calendar(tmp_path, *COURSES)
    terms = _yearless("Y a-t-il cours de danse le mardi 13 janvier ?", "13 janvier")
    hits = [_series_hit(document, "judo", 0), _series_hit(document, "danse", 1)]
    found = answering_series(terms, hits, {document.doc_id: document})
    assert found is not None and "danse" in document.text[found.series.start : found.series.end]
    assert found.day.isoformat() == "2026-01-13"


def test_a_yearless_day_on_another_weekday_than_typed_asks_no_day(tmp_path: Path) -> None:
    # s35 review: "le lundi 13 janvier" was answered for Tuesday 13 January 2026
    document = _calendar(tmp_path, *COURSES)
    terms = _yearless("Y a-t-il cours de danse le lundi 13 janvier ?", "13 janvier")
    hits = [_series_hit(document, "danse", 0)]
    assert answering_series(terms, hits, {document.doc_id: document}) is None


def test_the_year_of_a_yearless_day_is_read_from_the_series_asked_only(tmp_path: Path) -> None:
    # s35 review: an unrelated open-ended series gave no year, another's span a second one
    for other in (
        _weekly("Réunion des bénévoles", "20250904", "TH", until=""),
        _weekly("Stage d'hiver", "20261201", "WE", until=";UNTIL=20270228"),
    ):
        folder = tmp_path / str(len(other))
        folder.mkdir()
        document = _calendar(folder, *COURSES, other)
        terms = _yearless("Y a-t-il cours de danse le 13 janvier ?", "13 janvier")
        hits = [_series_hit(document, "danse", 0)]
        found = answering_series(terms, hits, {document.doc_id: document})
        assert found is not None and found.day.isoformat() == "2026-01-13"
