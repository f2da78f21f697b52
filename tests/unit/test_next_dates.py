"""next_dates: a question asking the next date is answered by the newest document's line
stating it, or by the calendar's line of the occurrence that moved it."""

from __future__ import annotations

import numpy as np
import pytest

from citeqa.candidates import Candidates
from citeqa.lexical import written_terms
from citeqa.models import Chunk, Document, Hit, Sentence, Series
from citeqa.next_dates import (
    asks_next,
    next_dated_position,
    next_in_series,
    next_line,
    older_next_line,
    reference_note,
    subject_terms,
)
from citeqa.promotions import DISPLACED_SHARE, next_dated_first
from citeqa.questions import QuestionTerms, Vocabulary, analyse
from citeqa.sentences import ScoredSentence, SentenceBank

RULE = "Site meetings are held fortnightly on Tuesdays at 9:00 in the site hut."
SERIES_LINE = "Site meeting: 2026-01-13 09:00 – 10:00, every 2 weeks on Tuesday, Site hut"
MOVED_LINE = "Site meeting (moved: crane delivery): 2026-03-26 09:00 – 10:00, Site hut"


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("When is the next site meeting?", True),
        ("What is the date of the next site meeting?", True),
        ("C'est quand la prochaine réunion de chantier ?", True),
        ("Quelle est la date du prochain rendez-vous de signature ?", True),
        ("When is the next board meeting?", True),
        ("Quelle est la date de la réunion de chantier suivante ?", True),
        ("How often are site meetings held?", False),
        ("Who chairs the next site meeting?", False),  # asks no date
        ("When was the site meeting moved?", False),  # asks no next one
        ("Quand est le prochain ramassage après le 15 octobre 2025 ?", False),  # a day named
    ],
)
def test_a_question_asking_the_next_date(question: str, asks: bool) -> None:
    assert asks_next(question) is asks


def _document(doc_id: str, title: str, lines: list[str], series: list[Series]) -> Document:
    text = "\n\n".join([f"# {title}", *lines])
    return Document(
        doc_id=doc_id, title=title, path=f"/f/{doc_id}.md", text=text, sha256="0", series=series
    )


def _bank(documents: list[Document]) -> SentenceBank:
    """Each document one chunk, each of its lines but the title one sentence."""
    chunks, sentences, tokens = [], [], []
    for document in documents:
        text = document.text
        chunks.append(
            Chunk(
                chunk_id=f"{document.doc_id}:0",
                doc_id=document.doc_id,
                start=0,
                end=len(text),
                text=text,
            )
        )
        start = 0
        for line in text.split("\n"):
            if line and not line.startswith("#"):
                sentences.append(
                    Sentence(
                        doc_id=document.doc_id,
                        chunk_index=len(chunks) - 1,
                        start=start,
                        end=start + len(line),
                    )
                )
                tokens.append(written_terms(line))
            start += len(line) + 1
    return SentenceBank({d.doc_id: d for d in documents}, chunks, sentences, None, tokens)


def _minutes(day: str, next_day: str, next_label: str = "Next meeting") -> Document:
    return _document(
        f"minutes-{day}",
        "Site meeting minutes",
        [
            f"Date: {day}",
            "Roofing of block B is half done.",
            f"{next_label}: {next_day}, site hut.",
        ],
        [],
    )


SCHEDULE = _document("schedule", "Project schedule", [RULE], [])


def _calendar(skipped: list[str]) -> Document:
    text = f"# site-meetings.ics\n\n## Site meeting\n\n{SERIES_LINE}\n\n## Moved\n\n{MOVED_LINE}"
    start = text.index(SERIES_LINE)
    series = Series(
        start=start,
        end=start + len(SERIES_LINE),
        first="2026-01-13T09:00:00",
        rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20260630T090000",
        excluded=["2026-03-24"],
        skipped=skipped,
    )
    return Document(
        doc_id="site-meetings",
        title="site-meetings.ics",
        path="/f/site-meetings.ics",
        text=text,
        sha256="0",
        series=[series],
    )


ASKED_EN = "When is the next site meeting?"
ASKED_FR = "Quand est la prochaine réunion de chantier ?"


def _french_calendar() -> Document:
    line = "Réunion de chantier : 2026-01-13 09:00 – 10:00, toutes les 2 semaines le mardi"
    text = f"# chantier.ics\n\n{line}"
    start = text.index(line)
    series = Series(
        start=start,
        end=start + len(line),
        first="2026-01-13T09:00:00",
        rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20260630T090000",
    )
    return Document(
        doc_id="chantier",
        title="chantier.ics",
        path="/f/chantier.ics",
        text=text,
        sha256="0",
        series=[series],
    )


def _asked(question: str) -> QuestionTerms:
    vocabulary = Vocabulary(
        [f"{RULE} {SERIES_LINE} Next meeting réunion de chantier prochaine"],
        {"site": 3, "meet": 3, "reunion": 2, "chanti": 2},
        3,
    )
    return analyse(question, None, vocabulary)


def _ranked(bank: SentenceBank, order: list[int]) -> list[ScoredSentence]:
    return [ScoredSentence(index, 1.0, 0.0, 0.0, 0.0, 1) for index in order]


def _index_of(bank: SentenceBank, text: str) -> int:
    return next(n for n in range(len(bank.tokens)) if bank.text(n) == text)


def test_the_newest_minutes_next_date_comes_before_the_rule_and_older_minutes() -> None:
    """s37 trial: "When is the next site meeting?" quoted the schedule's rule or the first
    minutes' "Next meeting" line, not the last minutes' date."""
    bank = _bank(
        [SCHEDULE, _minutes("2026-02-24", "10 March 2026"), _minutes("2026-03-10", "24 March 2026")]
    )
    rule = _index_of(bank, RULE)
    old = _index_of(bank, "Next meeting: 10 March 2026, site hut.")
    new = _index_of(bank, "Next meeting: 24 March 2026, site hut.")
    ranked = _ranked(bank, [rule, old, new])
    assert next_dated_position(ranked, bank, _asked("When is the next site meeting?")) == 2
    assert next_dated_position(ranked, bank, _asked("How often are site meetings held?")) is None
    assert (
        next_dated_position(
            _ranked(bank, [new, rule, old]), bank, _asked("When is the next site meeting?")
        )
        is None
    )  # first already
    assert (
        next_dated_position(
            _ranked(bank, [rule, old]), bank, _asked("When is the next site meeting?")
        )
        == 1
    )


def test_french_minutes_and_a_line_naming_another_subject() -> None:
    older = _minutes("2026-02-17", "mardi 3 mars 2026", "Prochaine réunion de chantier")
    newer = _minutes("2026-03-03", "mardi 17 mars 2026", "Prochaine réunion de chantier")
    bank = _bank([SCHEDULE, older, newer])
    ranked = _ranked(bank, [0, 3, 6])  # the rule, then each minutes' last line
    asked = _asked("C'est quand la prochaine réunion de chantier ?")
    assert bank.text(6).startswith("Prochaine réunion de chantier: mardi 17 mars")
    assert next_dated_position(ranked, bank, asked) == 2
    asked = _asked("C'est quand la prochaine visite de sécurité ?")  # no line names it
    assert next_dated_position(ranked, bank, asked) is None


def test_a_calendar_occurrence_moving_the_stated_day_gives_its_new_day() -> None:
    """The calendar moves the 24 March occurrence (RECURRENCE-ID) to 26 March: its line is
    quoted; a bare EXDATE (a day skipped, no line moving it) leaves the minutes' line."""
    minutes = _minutes("2026-03-10", "24 March 2026")
    asked = _asked("When is the next site meeting?")
    for skipped, expected in (([], MOVED_LINE), (["2026-03-24"], None)):
        bank = _bank([SCHEDULE, minutes, _calendar(skipped)])
        order = [
            _index_of(bank, RULE),
            _index_of(bank, "Next meeting: 24 March 2026, site hut."),
            _index_of(bank, SERIES_LINE),
            _index_of(bank, MOVED_LINE),
        ]
        position = next_dated_position(_ranked(bank, order), bank, asked)
        expected_position = 1 if expected is None else 3
        assert position == expected_position


def test_an_older_minutes_next_date_is_no_other_version_of_the_quoted_one() -> None:
    bank = _bank([_minutes("2026-02-24", "10 March 2026"), _minutes("2026-03-10", "24 March 2026")])
    old = _index_of(bank, "Next meeting: 10 March 2026, site hut.")
    new = _index_of(bank, "Next meeting: 24 March 2026, site hut.")
    asked = _asked("When is the next site meeting?")
    assert older_next_line(bank, asked, old, "minutes-2026-03-10")
    assert not older_next_line(bank, asked, new, "minutes-2026-02-24")
    assert not older_next_line(
        bank, _asked("What was decided about the roofing?"), old, "minutes-2026-03-10"
    )


def test_answering_quotes_the_newest_next_date_alone() -> None:
    """The line moved first is rated as the best was, the others at most DISPLACED_SHARE of
    it: the rule and the first minutes' date are no longer quoted beside it."""
    bank = _bank(
        [SCHEDULE, _minutes("2026-02-24", "10 March 2026"), _minutes("2026-03-10", "24 March 2026")]
    )
    order = [
        _index_of(bank, RULE),
        _index_of(bank, "Next meeting: 10 March 2026, site hut."),
        _index_of(bank, "Next meeting: 24 March 2026, site hut."),
    ]
    candidates = Candidates(_ranked(bank, order), np.array([0.9, 0.8, 0.7]), np.zeros((3, 1)))
    moved = next_dated_first(candidates, bank, _asked("When is the next site meeting?"))
    assert [item.index for item in moved.sentences] == [order[2], order[0], order[1]]
    assert moved.probabilities.tolist() == [0.9, 0.9 * DISPLACED_SHARE, 0.9 * DISPLACED_SHARE]
    kept = next_dated_first(candidates, bank, _asked("How often are site meetings held?"))
    assert kept is candidates


def _hit(document: Document) -> Hit:
    """The document's whole text as one passage read."""
    chunk = Chunk(
        chunk_id=f"{document.doc_id}:0",
        doc_id=document.doc_id,
        start=0,
        end=len(document.text),
        text=document.text,
    )
    return Hit(chunk=chunk, chunk_index=0, score=1.0)


def _calendar_hit(calendar: Document) -> Hit:
    return _hit(calendar)


def _plain_minutes(day: str) -> Document:
    """Site minutes dated `day` stating no next date."""
    return _document(
        f"minutes-{day}", "Site meeting minutes", [f"Date: {day}", "Roofing is half done."], []
    )


def test_with_no_minutes_the_calendar_gives_its_first_day_after_the_newest_document() -> None:
    """No line states the next date: the series' first day after the folder's newest
    document date (2 March 2026, site minutes read) is given, never the clock's."""
    calendar = _calendar([])
    bank = _bank([SCHEDULE, calendar, _plain_minutes("2026-03-02"), _plain_minutes("2026-03-12")])
    ranked = _ranked(bank, [_index_of(bank, RULE), _index_of(bank, SERIES_LINE)])
    asked = _asked("When is the next site meeting?")
    hits = [_calendar_hit(calendar), *map(_hit, list(bank.documents.values())[2:])]
    found = next_in_series(ranked, hits, bank, asked, lambda: {"2026-03-02"})
    assert found is not None and found.answer.day.isoformat() == "2026-03-10"
    assert found.answer.series == calendar.series[0]
    assert found.after.isoformat() == "2026-03-02"
    assert "2026-03-02" in reference_note(found.after, "fr")
    later = next_in_series(ranked, hits, bank, asked, lambda: {"2026-03-02", "2026-03-12"})
    assert later is None  # 24 March, its next day, is moved (to 26 March): no rule's day
    unasked = _asked("How often are site meetings held?")
    assert next_in_series(ranked, hits, bank, unasked, lambda: {"2026-03-02"}) is None
    assert next_in_series(ranked, hits, bank, asked, lambda: set()) is None  # nothing dated


def test_no_day_is_counted_from_a_newer_document_naming_another_subject() -> None:
    """Review repro C: a budget plan dated 15 April 2026 is the folder's newest document; the
    site meeting's next day is not counted from it (21 April), nor from the site minutes (an
    occurrence may have been held since): no day is computed."""
    calendar = _calendar([])
    plan = _document("budget-plan", "Budget plan", ["Date: 2026-04-15", "The budget grows."], [])
    minutes = _plain_minutes("2026-03-02")
    bank = _bank([calendar, minutes, plan])
    ranked = _ranked(bank, [_index_of(bank, SERIES_LINE)])
    asked = _asked("When is the next site meeting?")
    hits = [_hit(calendar), _hit(minutes), _hit(plan)]
    assert next_in_series(ranked, hits, bank, asked, lambda: {"2026-03-02"}) is not None
    assert next_in_series(ranked, hits, bank, asked, lambda: {"2026-03-02", "2026-04-15"}) is None


def test_no_day_is_computed_when_a_passage_read_writes_it_of_the_subject() -> None:
    """Review repro I: a notice dated 12 March moves "the site meeting of Tuesday 10 March"
    (the day the rule gives): the rule's day would hide it."""
    calendar = _calendar([])
    notice = _document(
        "notice",
        "Notice to site staff",
        ["Date: 2026-03-02", "The site meeting of Tuesday 10 March 2026 moves to 11 March 2026."],
        [],
    )
    other = _document(
        "notice",
        "Notice to site staff",
        ["Date: 2026-03-02", "The site meeting agenda is ready."],
        [],
    )
    asked = _asked("When is the next site meeting?")
    for document, computed in ((notice, False), (other, True)):
        bank = _bank([calendar, document])
        ranked = _ranked(bank, [_index_of(bank, SERIES_LINE)])
        hits = [_hit(calendar), _hit(document)]
        found = next_in_series(ranked, hits, bank, asked, lambda: {"2026-03-02"})
        assert (found is not None) is computed


def test_a_next_date_line_among_the_candidates_is_preferred_to_the_calendar() -> None:
    calendar = _calendar([])
    bank = _bank([SCHEDULE, _minutes("2026-03-10", "24 March 2026"), calendar])
    line = _index_of(bank, "Next meeting: 24 March 2026, site hut.")
    ranked = _ranked(bank, [_index_of(bank, RULE), line, _index_of(bank, SERIES_LINE)])
    asked = _asked("When is the next site meeting?")
    hits = [_calendar_hit(calendar)]
    assert next_in_series(ranked, hits, bank, asked, lambda: {"2026-03-02"}) is None


def test_a_newer_line_naming_less_of_the_subject_is_not_preferred() -> None:
    """A board's later minutes' "Next meeting: 3 June 2026" writes "meeting", its title no
    "site": the site minutes' line, naming both, answers "the next site meeting"."""
    board = _document(
        "board-2026-04-01",
        "Board minutes",
        ["Date: 2026-04-01", "Next meeting: 3 June 2026, head office."],
        [],
    )
    bank = _bank([SCHEDULE, _minutes("2026-03-10", "24 March 2026"), board])
    order = [
        _index_of(bank, RULE),
        _index_of(bank, "Next meeting: 3 June 2026, head office."),
        _index_of(bank, "Next meeting: 24 March 2026, site hut."),
    ]
    asked = _asked("When is the next site meeting?")
    assert next_dated_position(_ranked(bank, order), bank, asked) == 2


def test_a_line_naming_part_of_a_two_word_subject_does_not_answer() -> None:
    """ "When is the next board meeting?" of site minutes: their "Next meeting" line and title
    write "meeting", not "board"."""
    bank = _bank([SCHEDULE, _minutes("2026-03-10", "24 March 2026")])
    order = [_index_of(bank, RULE), _index_of(bank, "Next meeting: 24 March 2026, site hut.")]
    asked = _asked("When is the next board meeting?")
    assert next_dated_position(_ranked(bank, order), bank, asked) is None
    asked = _asked("When is the next site meeting held?")  # "held": a cue word, no subject
    assert next_dated_position(_ranked(bank, order), bank, asked) == 1


def test_an_older_next_date_line_does_not_displace_a_newer_first_candidate() -> None:
    """Review repro J: the first candidate, a notice dated 18 March ("the site meeting will be
    held on Thursday 26 March"), writes no next word; the older minutes' "Next meeting" line is
    not put before it. An undated first candidate is still displaced."""
    notice = _document(
        "notice-2026-03-18",
        "Site meeting change",
        ["Date: 2026-03-18", "The site meeting will be held on Thursday 26 March 2026."],
        [],
    )
    bank = _bank([SCHEDULE, _minutes("2026-03-10", "24 March 2026"), notice])
    line = _index_of(bank, "Next meeting: 24 March 2026, site hut.")
    moved = _index_of(bank, "The site meeting will be held on Thursday 26 March 2026.")
    asked = _asked("When is the next site meeting?")
    assert next_dated_position(_ranked(bank, [moved, line]), bank, asked) is None
    assert next_dated_position(_ranked(bank, [_index_of(bank, RULE), line]), bank, asked) == 1


def test_an_undated_next_date_line_is_still_another_version() -> None:
    """Review repro D: an undated notice board's "Next meeting: 26 March" is not known to be
    older than the dated minutes quoted: its disagreement is shown."""
    board = _document("board", "Site notice board", ["Next meeting: 26 March 2026, site hut."], [])
    bank = _bank([_minutes("2026-03-10", "24 March 2026"), board])
    undated = _index_of(bank, "Next meeting: 26 March 2026, site hut.")
    asked = _asked("When is the next site meeting?")
    assert not older_next_line(bank, asked, undated, "minutes-2026-03-10")


CANCELLED = "The board meeting of 10 February 2026 was cancelled; "


@pytest.mark.parametrize(
    ("question", "line", "document_date", "stated"),
    [
        (
            "When is the next board meeting?",
            "The next board meeting is on 3 March 2026.",
            "2026-02-01",
            "2026-03-03",
        ),
        (
            "When is the next board meeting?",
            "Following the board meeting of 3 March 2026, the budget was approved.",
            "2026-03-03",
            None,
        ),
        (
            "When is the next board meeting?",
            "The board meeting room next to the library opened on 30 May 2026.",
            "2026-05-30",
            None,
        ),
        (
            "When is the next board meeting?",
            CANCELLED + "the next one is on 3 March 2026.",
            "2026-02-20",
            "2026-03-03",
        ),
        (
            "When is the next board meeting?",
            CANCELLED + "the next one will be agreed by phone.",
            "2026-02-20",
            None,
        ),
        (
            "When is the next board meeting?",
            "Next board meeting: 14 January.",
            "2025-12-10",
            "2025-01-14",
        ),
        (
            ASKED_FR,
            "Prochaine réunion de chantier : mardi 3 mars 2026.",
            "2026-02-10",
            "2026-03-03",
        ),
        (
            ASKED_FR,
            "La réunion de chantier du 24 février 2026 a été annulée ; on en reparle bientôt, "
            "la semaine prochaine.",
            "2026-02-26",
            None,
        ),
        (
            ASKED_FR,
            "Suivant les consignes, la réunion de chantier du 3 mars 2026 a lieu ici.",
            "2026-02-10",
            None,
        ),
        (
            ASKED_EN,
            "Further to our meeting of 3 March 2026, the next site meeting will be held on "
            "Tuesday 24 March.",
            "2026-03-10",
            "2026-03-24",
        ),
        (
            ASKED_FR,
            "Suite à la visite du 5 mars 2026, la prochaine réunion de chantier aura lieu le "
            "mardi 31 mars.",
            "2026-03-12",
            "2026-03-31",
        ),
    ],
)
def test_a_next_line_states_a_day_not_before_its_document_with_a_next_word_in_that_sense(
    question: str, line: str, document_date: str, stated: str | None
) -> None:
    """s38 probe H2: "Following the board meeting of 3 March…", "next to the library", a
    cancelled past day beside "next"/"prochaine" state no next date; a day without its year
    is not read as past, nor dropped beside a past day with its year (s38 review)."""
    found = next_line(0, line, "", subject_terms(_asked(question)), document_date)
    assert (found.stated if found is not None else None) == stated


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("Quand a lieu la prochaine réunion de chantier ?", ASKED_FR),
        ("Quand se tient la prochaine réunion de chantier ?", ASKED_FR),
        ("When does the next site meeting take place?", ASKED_EN),
        ("When is the next site meeting held?", ASKED_EN),
    ],
)
def test_an_event_verb_is_no_subject_term(question: str, plain: str) -> None:
    assert subject_terms(_asked(question)) == subject_terms(_asked(plain))


def test_a_fixed_rate_names_the_subject_not_an_event_verb() -> None:
    # s39 hostile H6: the bare "fixe" of "prêt à taux fixe" was dropped as an event verb
    fixed = subject_terms(_asked("Quand est la prochaine échéance du prêt à taux fixe ?"))
    plain = subject_terms(_asked("Quand est la prochaine échéance du prêt à taux ?"))
    assert set(fixed) > set(plain)
    # s39 second review: "fixé" of a passive question is still an event verb
    passive = subject_terms(_asked("Le prochain comité de pilotage a été fixé à quelle date ?"))
    assert passive == subject_terms(_asked("Quelle est la date du prochain comité de pilotage ?"))


@pytest.mark.parametrize(
    ("question", "old_line", "new_line"),
    [
        (
            "Quand a lieu la prochaine réunion de chantier ?",
            "La prochaine réunion de chantier aura lieu le mardi 16 janvier 2024.",
            "La prochaine réunion de chantier est fixée au mardi 7 avril 2026.",
        ),
        (
            "When does the next site meeting take place?",
            "The next site meeting will take place on 16 January 2024.",
            "The next site meeting is set for 7 April 2026.",
        ),
    ],
)
def test_the_newest_line_answers_though_an_older_one_writes_the_question_s_verb(
    question: str, old_line: str, new_line: str
) -> None:
    """s38 probe H3: a 2024 mail's "aura lieu" no longer outweighs the 2026 minutes' line."""
    mail = _document("mail-2024", "Mail", ["Date: 2024-01-08", old_line], [])
    minutes = _document("cr-2026", "Minutes", ["Date: 2026-03-03", new_line], [])
    bank = _bank([mail, minutes])
    order = [_index_of(bank, old_line), _index_of(bank, new_line)]
    assert next_dated_position(_ranked(bank, order), bank, _asked(question)) == 1


@pytest.mark.parametrize(
    ("question", "notice", "computed"),
    [
        (ASKED_EN, "Site meetings are suspended until further notice.", False),
        (ASKED_EN, "Site meetings are cancelled from now on.", False),
        (ASKED_EN, "The site meeting of 10 February 2026 was cancelled.", True),  # a past one
        (ASKED_EN, "The site meeting agenda is ready.", True),
        (ASKED_FR, "Les réunions de chantier sont suspendues jusqu'à nouvel ordre.", False),
        (ASKED_FR, "Les réunions de chantier sont annulées.", False),
        (ASKED_FR, "L'ordre du jour de la réunion de chantier est prêt.", True),
    ],
)
def test_no_day_is_computed_past_a_newer_notice_stopping_the_series(
    question: str, notice: str, computed: bool
) -> None:
    """s38 probe H6: the folder's newest document says the meetings are suspended: the rule's
    next Tuesday is no next meeting."""
    calendar = _calendar([]) if question == ASKED_EN else _french_calendar()
    paper = _document("notice", "Notice", ["Date: 2026-03-02", notice], [])
    bank = _bank([calendar, paper])
    series = calendar.series[0]
    ranked = _ranked(bank, [_index_of(bank, calendar.text[series.start : series.end])])
    hits = [_hit(calendar), _hit(paper)]
    found = next_in_series(ranked, hits, bank, _asked(question), lambda: {"2026-03-02"})
    assert (found is not None) is computed


@pytest.mark.parametrize(
    ("question", "notice", "position"),
    [
        (ASKED_EN, "Site meetings are suspended until further notice.", 1),
        (ASKED_EN, "The site meeting of 10 March was cancelled.", None),  # one meeting
        (ASKED_EN, "The site meeting agenda is ready.", None),
        (ASKED_FR, "Les réunions de chantier sont suspendues jusqu'à nouvel ordre.", 1),
        (ASKED_FR, "Les réunions de chantier n'auront plus lieu.", 1),
        (ASKED_FR, "L'ordre du jour de la réunion de chantier est prêt.", None),
        (ASKED_EN, "Tuesday's site meeting is cancelled because of the public holiday.", None),
        (ASKED_FR, "La réunion de chantier de mardi est annulée.", None),
    ],
)
def test_a_newer_notice_stopping_the_series_is_quoted_before_the_rule(
    question: str, notice: str, position: int | None
) -> None:
    """s38 probe H6: the newest document's "suspended until further notice" answers."""
    calendar = _calendar([]) if question == ASKED_EN else _french_calendar()
    paper = _document("notice", "Notice", ["Date: 2026-03-02", notice], [])
    bank = _bank([calendar, paper])
    series = calendar.series[0]
    order = [_index_of(bank, calendar.text[series.start : series.end]), _index_of(bank, notice)]
    assert next_dated_position(_ranked(bank, order), bank, _asked(question)) == position


@pytest.mark.parametrize(
    ("question", "notice", "computed"),
    [
        (ASKED_EN, "Site access via Gate B is suspended until further notice.", True),
        (ASKED_EN, "The site canteen contract was cancelled.", True),
        (ASKED_EN, "Tuesday's site meeting is cancelled because of the public holiday.", True),
        (ASKED_EN, "Site meetings are suspended until further notice.", False),
        (ASKED_FR, "L'accès au chantier par la porte B est suspendu jusqu'à nouvel ordre.", True),
        (ASKED_FR, "La réunion de chantier de mardi est annulée.", True),
        (ASKED_FR, "Les réunions de chantier sont suspendues jusqu'à nouvel ordre.", False),
    ],
)
def test_only_a_line_naming_the_subject_and_stopping_the_whole_series_stops_it(
    question: str, notice: str, computed: bool
) -> None:
    """s38 review: a notice about the site meetings suspending site access, cancelling the
    canteen or one meeting ("Tuesday's site meeting is cancelled") stops no series."""
    calendar = _calendar([]) if question == ASKED_EN else _french_calendar()
    title = "Site meeting notice" if question == ASKED_EN else "Avis réunion de chantier"
    paper = _document("notice", title, ["Date: 2026-03-02", notice], [])
    bank = _bank([calendar, paper])
    series = calendar.series[0]
    ranked = _ranked(bank, [_index_of(bank, calendar.text[series.start : series.end])])
    hits = [_hit(calendar), _hit(paper)]
    found = next_in_series(ranked, hits, bank, _asked(question), lambda: {"2026-03-02"})
    assert (found is not None) is computed
