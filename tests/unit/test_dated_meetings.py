"""Which days and months a question names, and whether a document's date falls on them."""

from __future__ import annotations

import pytest

from citeqa.dated_meetings import (
    MEETING_CHARS,
    asked_dates,
    falls_on,
    in_asked_meeting,
    with_asked_meeting,
)
from citeqa.glossary import Glossary
from citeqa.later_statements import asks_of_a_meeting, states_a_decision
from citeqa.lexical import tokenize
from citeqa.models import Chunk, Document, Hit, Sentence
from citeqa.questions import QuestionTerms, Vocabulary, analyse
from citeqa.sentences import ScoredSentence, SentenceBank


def terms(*alternatives: set[str]) -> QuestionTerms:
    """The question's own terms, each its alternatives, as questions.analyse weighs them."""
    own = [(frozenset(words), 1.0) for words in alternatives]
    return QuestionTerms(focus="", terms=own, focus_terms=len(own))


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        (terms({"tom"}, {"--01"}, {"board"}), ["--01"]),
        (terms({"comit"}, {"--04-14", "--04"}), ["--04-14"]),  # "14 April": not all April
        (terms({"2026-03-09", "--03-09", "--03"}), ["2026-03-09"]),  # nor 9 March 2025
        (terms({"2026-03-09", "--03-09", "2026"}, {"9", "--03-09"}), ["2026-03-09"]),
        (terms({"decid"}, {"2026"}), []),
        (terms({"attend"}, {"board"}), []),
    ],
)
def test_the_days_and_months_a_question_names(asked: QuestionTerms, expected: list[str]) -> None:
    assert sorted(asked_dates(asked)) == sorted(expected)


@pytest.mark.parametrize(
    ("focus", "expected"),
    [
        ("Who attended the March 2026 CODIR?", ["2026-03"]),  # not March 2025
        ("Qui était au CODIR de mars 2026 ?", ["2026-03"]),
        ("Who attended the March CODIR on the 2027 budget?", ["--03"]),  # the budget's year
    ],
)
def test_a_year_written_after_the_month_names_the_month_of_that_year(
    focus: str, expected: list[str]
) -> None:
    asked = terms({"--03"}, {"2026"}, {"2027"})
    asked.focus = focus
    assert asked_dates(asked) == expected


@pytest.mark.parametrize(
    ("date", "asked", "falls"),
    [
        ("2026-01-12", "--01", True),
        ("2026-01-12", "--01-12", True),
        ("2026-01-12", "--01-13", False),
        ("2026-11-02", "--01", False),
        ("2026-01-12", "2026-01-12", True),
        ("2025-01-12", "2026-01-12", False),
        ("2026-03-16", "2026-03", True),
        ("2025-03-16", "2026-03", False),
    ],
)
def test_a_document_date_falls_on_the_asked_day_or_month(
    date: str, asked: str, falls: bool
) -> None:
    assert falls_on(date, asked) is falls


@pytest.mark.parametrize(
    ("question", "meeting"),
    [
        ("Was Tom Becker at the January CODIR?", True),
        ("Who attended the board meeting of 14 April?", True),
        ("Qui était à la réunion de mars ?", True),
        ("What do the minutes of 3 August say?", True),
        ("Is the help desk open in the afternoon in August?", False),
        ("How many minutes is the lunch break in August?", False),  # a length, no meeting
        ("Le support est-il ouvert en août ?", False),
    ],
)
def test_only_a_question_naming_a_meeting_asks_of_a_meeting(question: str, meeting: bool) -> None:
    assert asks_of_a_meeting(question) is meeting


JANUARY = "# Compte rendu CODIR du 12 janvier 2026\n\nLe CODIR décide d'ouvrir un bureau à Lyon."
SEPTEMBER = "# Compte rendu CODIR du 8 septembre 2026\n\nLe projet de bureau à Lyon est abandonné."


def _minutes_bank() -> SentenceBank:
    """January's decision, then September's heading and reversal, as the ranker ordered them
    for an 840 KB September minutes (s28 hostile probe #10)."""
    documents, chunks, sentences = {}, [], []
    for name, text in (("2026-01-12-codir", JANUARY), ("2026-09-08-codir", SEPTEMBER)):
        title = text.split("\n\n")[0]
        documents[name] = Document(
            doc_id=name, title=title[2:], path=f"/m/{name}.md", text=text, sha256="0"
        )
        chunks.append(Chunk(chunk_id=f"{name}:0", doc_id=name, start=0, end=len(text), text=text))
        for start, end in ((0, len(title)), (len(title) + 2, len(text))):
            sentences.append(
                Sentence(doc_id=name, chunk_index=len(chunks) - 1, start=start, end=end)
            )
    tokens = [
        frozenset({"compt", "rendu", "codir", "janvi", "2026"}),
        frozenset({"codir", "decid", "ouvr", "bureau", "lyon"}),
        frozenset({"compt", "rendu", "codir", "septembr", "2026"}),
        frozenset({"projet", "bureau", "lyon", "abandon"}),
    ]
    return SentenceBank(documents, chunks, sentences, None, tokens)


def test_a_question_asking_only_what_a_dated_meeting_decided_quotes_its_decisions() -> None:
    """ "Qu'a décidé le CODIR en septembre ?" quoted January's "Le CODIR décide…": no sentence
    of September's minutes writes "décidé", so they were not put first; one stating a decision
    answers it (its heading does not)."""
    bank = _minutes_bank()
    asked = terms({"decid"}, {"codir", "cod"}, {"--09"})
    asked.focus = "Qu'a décidé le CODIR en septembre ?"
    ranked = [ScoredSentence(index, 1.0, 0.0, 0.0, 0.0, 1) for index in (1, 2, 3)]
    assert in_asked_meeting(ranked, bank, asked) == [2]  # the reversal alone, not the heading
    asked = terms({"tom"}, {"codir", "cod"}, {"--09"})  # another word no sentence writes
    asked.focus = "Tom était-il au CODIR de septembre ?"
    assert in_asked_meeting(ranked, bank, asked) == []


@pytest.mark.parametrize(
    ("sentence", "decides"),
    [
        ("Le projet de bureau à Lyon est abandonné.", True),
        ("Présents : 8 membres, 2 excusés. Séance ouverte à 9 h 30.", False),
        ("Page 2 sur 3", False),
        ("Compte rendu CODIR du 8 septembre 2026", False),
    ],
)
def test_a_sentence_of_minutes_states_a_decision_by_a_cue_not_a_number(
    sentence: str, decides: bool
) -> None:
    """s28 review F: "Qu'a décidé le CODIR en septembre ?" quoted September's attendance line,
    a number counting as a decision."""
    assert states_a_decision(sentence, "2026-09-08") is decides


def _dated_minutes(*dates: str, meeting: str = "CODIR") -> SentenceBank:
    """One `meeting` minutes per day ("9 mars 2026"), its heading then "Excusé : Tom Becker." """
    documents, chunks, sentences, tokens = {}, [], [], []
    for day in dates:
        heading = f"Compte rendu {meeting} du {day}"
        text = f"# {heading}\n\nExcusé : Tom Becker."
        name = day.replace(" ", "-")
        documents[name] = Document(
            doc_id=name, title=heading, path=f"/m/{name}.md", text=text, sha256="0"
        )
        chunks.append(Chunk(chunk_id=f"{name}:0", doc_id=name, start=0, end=len(text), text=text))
        for start, end in ((2, len(heading) + 2), (len(heading) + 4, len(text))):
            sentences.append(
                Sentence(doc_id=name, chunk_index=len(chunks) - 1, start=start, end=end)
            )
        tokens += [frozenset({"compt", "rendu", "codir"}), frozenset({"excus", "tom", "becker"})]
    return SentenceBank(documents, chunks, sentences, None, tokens)


@pytest.mark.parametrize(
    ("question", "dates", "first"),
    [
        ("Qui était excusé au CODIR du 9 mars 2026 ?", ["16 mars 2026", "9 mars 2025"], []),
        ("Qui était excusé au CODIR du 9 mars 2026 ?", ["9 mars 2025", "9 mars 2026"], [3, 2]),
        ("Who was excused at the CODIR of 9 March?", ["16 March 2026"], []),
        ("Who was excused at the CODIR of 9 March?", ["9 March 2025"], [1, 0]),
        ("Who was excused at the March 2026 CODIR?", ["16 March 2025"], []),
        ("Who was excused at the March 2026 CODIR?", ["16 March 2025", "2 March 2026"], [3, 2]),
        ("Qui était excusé au CODIR de mars ?", ["16 mars 2025"], [1, 0]),
        ("Qui était excusé au CODIR du 09/03 ?", ["16 mars 2026", "9 mars 2025"], []),
    ],
)
def test_only_minutes_of_the_asked_day_month_and_year_are_quoted_first(
    question: str, dates: list[str], first: list[int]
) -> None:
    """s28 re-read: "9 March 2026" quoted first the minutes of 16 March 2026 (its "--03") and
    of 9 March 2025 (its "--03-09"): a day must match the day, and the year both write."""
    bank = _dated_minutes(*dates)
    vocabulary = Vocabulary(["codir excusé tom becker"], {"codir": 1, "excus": 1}, 1)
    asked = analyse(question, None, vocabulary)
    ranked = [ScoredSentence(index, 1.0, 0.0, 0.0, 0.0, 1) for index in range(len(bank.tokens))]
    assert in_asked_meeting(ranked, bank, asked) == first


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Did the CODIR of 9 March 2026 change what the CODIR of March 2025 decided?",
            ["2025-03", "2026-03-09"],
        ),
        ("Who attended the CODIR of 9 March 2026?", ["2026-03-09"]),
    ],
)
def test_a_named_days_month_of_another_year_is_still_asked(
    question: str, expected: list[str]
) -> None:
    """s29 review C: the day's month was dropped of every year, March 2025's with it."""
    vocabulary = Vocabulary(["codir"], {"codir": 1}, 1)
    assert asked_dates(analyse(question, None, vocabulary)) == expected


def test_a_meeting_named_by_an_acronym_the_corpus_spells_out_is_asked() -> None:
    """s29 trial: "Combien de membres étaient présents à l'AG du 14 juin 2025 ?" names the
    assemblée générale by its initials: read with the words the corpus gives them
    (term_acronyms.py), it asks the minutes of that day, as the spelt-out question does."""
    bank = _dated_minutes("9 mars 2026", "16 mars 2026", meeting="AG")
    words = ["assemblée générale excusé tom becker ag"]
    frequency = {"assembl": 1, "general": 1, "excus": 1, "ag": 1}
    ranked = [ScoredSentence(index, 1.0, 0.0, 0.0, 0.0, 1) for index in range(len(bank.tokens))]
    question = "Qui était excusé à l'AG du 16 mars 2026 ?"
    plain = analyse(question, None, Vocabulary(words, frequency, 1))
    assert in_asked_meeting(ranked, bank, plain) == []
    glossary = Glossary((), acronyms=[("AG", "assemblee generale")])
    spelt = analyse(question, None, Vocabulary(words, frequency, 1, glossary=glossary))
    assert spelt.spelt_out == ["assemblee generale"]
    assert in_asked_meeting(ranked, bank, spelt) == [3, 2]


NOTES = (
    "# Team meeting — 16 September 2025\nPresent: Ann Lee, Bob Hart.\n\n## Discussion\n"
    "- Data sharing with partners: raw images are large.\n\n## Decisions\n"
    "- Images are shared on a public archive only after publication.\n"
    "- We switch our antibody supplier to Acme Labs.\n"
)
OTHER = "# Team meeting — 23 September 2025\nPresent: Ann Lee.\n\n## Decisions\n- We keep Acme.\n"


def _notes_bank(*extra: str) -> SentenceBank:
    """Two meetings' notes, each in two passages (the second from its "## Decisions" on), a line
    a sentence; `extra` lines make the 16 September notes longer."""
    documents, chunks, sentences, tokens = {}, [], [], []
    for name, text in (("2025-09-16", NOTES + "".join(extra)), ("2025-09-23", OTHER)):
        documents[name] = Document(
            doc_id=name, title=text.split("\n")[0][2:], path=f"/n/{name}.md", text=text, sha256="0"
        )
        middle = text.index("## Decisions")
        for start, end in ((0, middle), (middle, len(text))):
            chunks.append(
                Chunk(
                    chunk_id=f"{name}:{start}",
                    doc_id=name,
                    start=start,
                    end=end,
                    text=text[start:end],
                )
            )
        at = 0
        for line in text.split("\n"):
            if line.strip():
                chunk = len(chunks) - (1 if at >= middle else 2)
                sentences.append(
                    Sentence(doc_id=name, chunk_index=chunk, start=at, end=at + len(line))
                )
                tokens.append(frozenset(tokenize(line, "en")))
            at += len(line) + 1
    return SentenceBank(documents, chunks, sentences, None, tokens)


def _asked(question: str) -> QuestionTerms:
    vocabulary = Vocabulary([NOTES], {"meeting": 2, "data": 1, "sharing": 1, "decid": 1}, 2)
    return analyse(question, None, vocabulary)


def test_the_asked_meetings_notes_are_read_beyond_the_passage_retrieved() -> None:
    """s30 trial: "What was decided at the 16 September meeting?" retrieved the notes' first
    passage (title, date, discussion); their "## Decisions" passage writes neither the date nor
    "meeting", and was never read. The asked notes' other passages are; another meeting's not."""
    bank = _notes_bank()
    top = [Hit(chunk=bank.chunks[0], chunk_index=0, score=0.4)]
    top.append(Hit(chunk=bank.chunks[2], chunk_index=2, score=0.3))
    read = with_asked_meeting(top, bank, _asked("What was decided at the 16 September meeting?"))
    assert [hit.chunk_index for hit in read] == [0, 2, 1]
    assert read[-1].score == 0.4
    undated = _asked("What was decided at the meeting?")
    assert with_asked_meeting(top, bank, undated) == top


def test_an_asked_meetings_notes_are_read_up_to_a_bound() -> None:
    """A "meeting notes" file of many pages is read no further than MEETING_CHARS characters."""
    bank = _notes_bank("- Item.\n" * (MEETING_CHARS // 8))
    top = [Hit(chunk=bank.chunks[0], chunk_index=0, score=0.4)]
    read = with_asked_meeting(top, bank, _asked("What was decided at the 16 September meeting?"))
    assert read == top


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("What was decided at the 16 September meeting?", [5, 6]),
        ("What did the 16 September meeting decide about data sharing?", [5]),
    ],
)
def test_lines_under_a_decisions_heading_state_the_asked_meetings_decisions(
    question: str, first: list[int]
) -> None:
    """s30 trial: "We switch our secondary antibody supplier to …" writes no decision cue; it
    stands under "## Decisions". Asked about data sharing, the decision writing it is quoted, not
    the discussion line writing it too (rated higher by the ranker)."""
    bank = _notes_bank()
    ranked = [ScoredSentence(index, 1.0, 0.0, 0.0, 0.0, 1) for index in (3, 0, 1, 5, 6)]
    assert [ranked[n].index for n in in_asked_meeting(ranked, bank, _asked(question))] == first


@pytest.mark.parametrize(
    ("heading", "names"),
    [
        ("## Decisions", True),
        ("## Décisions prises", True),
        ("## Relevé de décisions", True),
        ("## Résolutions", True),
        ("## Décisions à prendre", False),
        ("## Decisions to be taken", False),
        ("## Decisions pending", False),
        ("## Décideurs", False),
        ("## Résolution des problèmes", False),
        ("## Outcomes proposed", False),
    ],
)
def test_only_a_heading_naming_decisions_taken_makes_its_lines_decisions(
    heading: str, names: bool
) -> None:
    """s30 review G: "## Décisions à prendre" (decisions still to take) lines were quoted as
    decided, and "Décideurs" or "Résolution des problèmes" opened like a decisions heading."""
    from citeqa.dated_meetings import _states_decision

    bank = _notes_bank(f"\n{heading}\n- We use Zenodo for the images.\n")
    line = next(n for n in range(len(bank.sentences)) if "Zenodo" in bank.text(n))
    assert _states_decision(bank, line, "2025-09-16") is names


def test_a_line_asking_under_a_decisions_heading_states_no_decision() -> None:
    from citeqa.dated_meetings import _states_decision

    bank = _notes_bank("- Should the images go to Zenodo?\n")
    line = next(n for n in range(len(bank.sentences)) if "Zenodo" in bank.text(n))
    assert _states_decision(bank, line, "2025-09-16") is False
