"""A question asking a day a repeating calendar event falls on, on a built folder (s32 trial a35:
"le prochain ramassage des sacs jaunes après le 15 octobre 2025" was refused, "no document
writes 15 October 2025"): the event's line is quoted, the day its rule gives in the label
(series_answers.py); a day the rule does not give still abstains, and no reason says a day the
rule gives is written nowhere."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over


def calendar(name: str, *events: str) -> str:
    body = "".join(f"BEGIN:VEVENT\r\n{event}END:VEVENT\r\n" for event in events)
    return (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//FR\r\nX-WR-CALNAME:{name}\r\n"
        f"{body}END:VCALENDAR\r\n"
    )


FILES = {
    "collecte.ics": calendar(
        "Collecte des déchets",
        "UID:jaunes@x\r\nDTSTART;VALUE=DATE:20250109\r\nDTEND;VALUE=DATE:20250110\r\n"
        "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20251231\r\nEXDATE;VALUE=DATE:20250501\r\n"
        "SUMMARY:Emballages recyclables (sacs jaunes)\r\n"
        "DESCRIPTION:Collecte des sacs jaunes un jeudi sur deux.\r\n",
        "UID:gris@x\r\nDTSTART;VALUE=DATE:20250107\r\nDTEND;VALUE=DATE:20250108\r\n"
        "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20251230\r\nSUMMARY:Ordures ménagères (bac gris)\r\n"
        "DESCRIPTION:Sortir le bac gris la veille au soir.\r\n",
    ),
    "club.ics": calendar(
        "Chess club",
        "UID:chess@x\r\nDTSTART;TZID=Europe/London:20250908T190000\r\n"
        "DTEND;TZID=Europe/London:20250908T210000\r\nRRULE:FREQ=MONTHLY;BYDAY=2MO;COUNT=10\r\n"
        "SUMMARY:Chess tournament\r\nLOCATION:Village hall\r\n"
        "DESCRIPTION:Bring your own chess clock.\r\n",
    ),
    "CR_conseil_2025-06-26.md": (
        "# Conseil municipal du 26 juin 2025\n\n## Décisions\n\n"
        "- Le conseil adopte le règlement de la salle des fêtes.\n"
    ),
    "minutes_2025-09-01.md": (
        "# Club minutes — 1 September 2025\n\n- The committee agreed to buy new chess sets.\n"
    ),
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("rrule"), tmp_path_factory.mktemp("idx")
    return assistant_over(FILES, corpus, index)


@pytest.mark.parametrize(
    ("question", "day", "label", "quoted"),
    [
        (
            "Quand a lieu la collecte des sacs jaunes après le 15 octobre 2025 ?",
            "2025-10-16",
            "Jour calculé d'après la récurrence citée : jeudi 2025-10-16",
            "toutes les 2 semaines le jeudi jusqu'au 2025-12-31",
        ),
        (
            "Y a-t-il une collecte des sacs jaunes le 16 octobre 2025 ?",
            "2025-10-16",
            "jeudi 2025-10-16",
            "toutes les 2 semaines le jeudi",
        ),
        (
            "Le ramassage des sacs jaunes a-t-il lieu le 30 octobre 2025 ?",
            "2025-10-30",
            "jeudi 2025-10-30",
            "toutes les 2 semaines le jeudi",
        ),
        (
            "Is there a chess tournament on 10 November 2025?",
            "2025-11-10",
            "Day computed from the quoted recurrence rule: Monday 2025-11-10",
            "every month on the second Monday 10 times",
        ),
        (
            "When is the next chess tournament after 15 October 2025?",
            "2025-11-10",
            "Monday 2025-11-10",
            "every month on the second Monday",
        ),
        (  # review of s33-rrule: "before" was read as "on" (15 October: no tournament)
            "When was the last chess tournament before 15 October 2025?",
            "2025-10-13",
            "Monday 2025-10-13",
            "every month on the second Monday",
        ),
        (
            "Quand a eu lieu la dernière collecte des sacs jaunes avant le 15 octobre 2025 ?",
            "2025-10-02",
            "jeudi 2025-10-02",
            "toutes les 2 semaines le jeudi",
        ),
    ],
)
def test_a_day_the_rule_gives_quotes_the_series_with_that_day(
    assistant: Assistant, question: str, day: str, label: str, quoted: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    citation = answer.citations[0]
    assert citation.occurrence == day
    assert quoted in citation.quote
    assert label in answer.answer
    assert answer.model_dump()["citations"][0]["occurrence"] == day


@pytest.mark.parametrize(
    "question",
    [
        "Y a-t-il une collecte des sacs jaunes le 15 octobre 2025 ?",  # a Wednesday
        "Y a-t-il une collecte des sacs jaunes le 1er mai 2025 ?",  # its EXDATE
        "Y a-t-il une collecte des sacs jaunes le 8 janvier 2026 ?",  # past its UNTIL
        "Is there a chess tournament on 13 July 2026?",  # a second Monday past its COUNT
    ],
)
def test_a_day_the_rule_does_not_give_is_not_answered_by_it(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.ask(question)
    assert all(citation.occurrence is None for citation in answer.citations)


def test_no_reason_says_a_day_a_series_falls_on_is_unwritten(assistant: Assistant) -> None:
    # main said "Aucun document n’écrit le 30 octobre 2025 ni n’est daté de ce jour"
    answer = assistant.ask("Qu'a décidé le conseil le 30 octobre 2025 ?")
    assert answer.reason is None or "n’écrit le 30 octobre 2025 ni n’est daté de ce jour ;" not in (
        answer.reason
    )
    assert all(citation.occurrence is None for citation in answer.citations)  # not about it


@pytest.mark.parametrize(
    "question",
    [  # review of s33-rrule: each quoted the series, its computed day in the label
        "Who won the chess tournament on 10 November 2025?",
        "How many people attended the chess tournament on 13 October 2025?",
        "Was the chess tournament cancelled on 13 October 2025?",
        "Les sacs jaunes sont-ils abîmés le 30 octobre 2025 ?",
        # "the day after" asks a day the rule does not give, not the next one after
        "When is the chess tournament the day after 15 October 2025?",
    ],
)
def test_a_question_not_asking_when_the_event_takes_place_is_not_answered_by_it(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.ask(question)
    assert all(citation.occurrence is None for citation in answer.citations)


ROTA = {
    "astreintes.ics": calendar(
        "Astreintes du dimanche",
        "UID:rota-a@x\r\nDTSTART;VALUE=DATE:20250105\r\nDTEND;VALUE=DATE:20250106\r\n"
        "RRULE:FREQ=WEEKLY;INTERVAL=3;BYDAY=SU;UNTIL=20251231\r\n"
        "SUMMARY:Astreinte du dimanche - Mme Odile Ferrand\r\n",
        "UID:rota-b@x\r\nDTSTART;VALUE=DATE:20250112\r\nDTEND;VALUE=DATE:20250113\r\n"
        "RRULE:FREQ=WEEKLY;INTERVAL=3;BYDAY=SU;UNTIL=20251231\r\n"
        "EXDATE;VALUE=DATE:20250518\r\nSUMMARY:Astreinte du dimanche - M. Gaspard Lenoir\r\n",
        "UID:rota-c@x\r\nDTSTART;VALUE=DATE:20250119\r\nDTEND;VALUE=DATE:20250120\r\n"
        "RRULE:FREQ=WEEKLY;INTERVAL=3;BYDAY=SU;UNTIL=20251231\r\n"
        "SUMMARY:Astreinte du dimanche - Mme Inès Carvalho\r\n",
        "UID:rota-c@x\r\nRECURRENCE-ID;VALUE=DATE:20250504\r\nDTSTART;VALUE=DATE:20250505\r\n"
        "DTEND;VALUE=DATE:20250506\r\n"
        "SUMMARY:Astreinte du dimanche - Mme Inès Carvalho (déplacée)\r\n",
    ),
    "notes.md": "# Réunion d'équipe\n\n- Les astreintes sont réparties entre trois personnes.\n",
}


@pytest.fixture(scope="module")
def rota(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("rota"), tmp_path_factory.mktemp("rota-idx")
    return assistant_over(ROTA, corpus, index)


@pytest.mark.parametrize(
    ("question", "day", "name"),
    [  # s34 trial a29: refused, its reason naming the event falling that day
        ("Qui est d'astreinte le dimanche 2 février 2025 ?", "2025-02-02", "Lenoir"),
        ("Qui assure l'astreinte du dimanche 9 février 2025 ?", "2025-02-09", "Carvalho"),
        ("Qui est d'astreinte le 16 février 2025 ?", "2025-02-16", "Ferrand"),
    ],
)
def test_who_is_on_a_day_quotes_the_one_series_falling_on_it(
    rota: Assistant, question: str, day: str, name: str
) -> None:
    answer = rota.ask(question)
    assert not answer.abstained, answer.reason
    citation = answer.citations[0]
    assert citation.occurrence == day
    assert name in citation.quote


def test_a_day_without_its_year_is_read_in_the_one_year_the_series_span(rota: Assistant) -> None:
    # s34 trial a92: "qui est de gard le samdi 21 fevrier" (no year) was not read as a series' day
    answer = rota.ask("Qui est d'astreinte le dimanche 16 février ?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].occurrence == "2025-02-16"
    assert "Ferrand" in answer.citations[0].quote


def test_who_is_on_a_day_no_series_falls_on_is_not_answered_by_one(rota: Assistant) -> None:
    answer = rota.ask("Qui est d'astreinte le samedi 8 février 2025 ?")
    assert all(citation.occurrence is None for citation in answer.citations)


def test_a_bare_exdate_between_is_skipped_a_moved_day_is_not(rota: Assistant) -> None:
    # Lenoir: 27 April, 18 May cancelled (EXDATE), 8 June: the rule's next day after 1 May
    answer = rota.ask("Quand est la prochaine astreinte de M. Lenoir après le 1er mai 2025 ?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].occurrence == "2025-06-08"
    assert "Lenoir" in answer.citations[0].quote
    # Carvalho: 4 May moved to 5 May (written elsewhere): no day computed past it
    moved = rota.ask("Quand est la prochaine astreinte de Mme Carvalho après le 1er mai 2025 ?")
    assert all(citation.occurrence is None for citation in moved.citations)  # no day computed
    assert moved.abstained or "déplacée" in moved.citations[0].quote  # the moved day, if any


CLUB = {
    "club.ics": calendar(
        "Club",
        "UID:foot@x\r\nDTSTART;TZID=Europe/Paris:20250301T100000\r\n"
        "DTEND;TZID=Europe/Paris:20250301T120000\r\nRRULE:FREQ=WEEKLY;BYDAY=SA;COUNT=20\r\n"
        "SUMMARY:Entraînement foot U11 au stade\r\n",
        "UID:chess@x\r\nDTSTART;TZID=Europe/Paris:20250301T140000\r\n"
        "DTEND;TZID=Europe/Paris:20250301T180000\r\nRRULE:FREQ=MONTHLY;BYDAY=1SA;COUNT=10\r\n"
        "SUMMARY:Tournoi d'échecs - arbitre M. Paul Girard\r\n",
    ),
    "notes.md": "# Notes du club\n\n- Le club compte 40 adhérents.\n",
}


@pytest.fixture(scope="module")
def club(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("club"), tmp_path_factory.mktemp("club-idx")
    return assistant_over(CLUB, corpus, index)


@pytest.mark.parametrize(
    "question",
    [  # s34 review: a shared word and "quel"/"qui" made the line answer any question of the day
        "Quel est le score de l'entraînement foot du samedi 8 mars 2025 ?",
        "Qui entraîne le foot le samedi 8 mars 2025 ?",  # the line names nobody
    ],
)
def test_only_who_questions_of_a_series_naming_someone_are_answered_by_it(
    club: Assistant, question: str
) -> None:
    answer = club.ask(question)
    assert all(citation.occurrence is None for citation in answer.citations)


def test_who_is_on_a_day_counts_only_the_series_the_question_speaks_of(club: Assistant) -> None:
    # foot and chess both fall on 5 April; the question writes only the chess event's words
    answer = club.ask("Qui arbitre le tournoi d'échecs du samedi 5 avril 2025 ?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].occurrence == "2025-04-05"
    assert "Girard" in answer.citations[0].quote
