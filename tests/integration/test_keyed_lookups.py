"""A row or a line looked up by the key word a question writes is quoted, not the prose the
rankers put first (s21 trial): "How much does the Pro plan cost?" quoted the sentence under the
pricing table, "Extra build minutes cost $0.01 each.", and "les horaires de la mairie le
jeudi" the Lundi and Mardi lines of a timetable read from a PDF as plain lines
(answering.on_named_line, answering._table_named_twice, keyed_lines.py)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

PRICING = """# Plans

| Plan | Price | Included build minutes | Log retention |
|---|---|---|---|
| Standard | $29 per month | 500 | 14 days |
| Pro | $99 per month | 3,000 | 30 days |
| Enterprise | on quote | unlimited | 90 days |

Extra build minutes cost $0.01 each. Annual billing gives two months free.

## Student plans

| Plan | Seats |
|---|---|
| Free | 3 |
| Open | 10 |

Students get any plan at half price with a valid card.
"""

HOURS = """Horaires d'ouverture de la mairie
Lundi 8 h 30 - 12 h 00 13 h 30 - 17 h 30
Mardi 8 h 30 - 12 h 00 13 h 30 - 17 h 30
Mercredi 8 h 30 - 12 h 00 fermé
Jeudi 8 h 30 - 12 h 00 13 h 30 - 19 h 00
Vendredi 8 h 30 - 12 h 00 13 h 30 - 16 h 30
Samedi 9 h 00 - 12 h 00 (permanence état civil, semaines paires)
Pendant les vacances scolaires d'été (juillet-août), la mairie est fermée le samedi et l'après-midi
du vendredi.
Adresse : 1 place de la République, 71390 Saint-Aubin. Téléphone : 03 85 44 12 30.
"""

GYM = """Northside Gym

Hours
Reception 8 h 00 - 18 h 00
Open 7 days a week, 6 h 00 - 22 h 00
Pool 7 h 00 - 20 h 00

The gym is closed on public holidays. Members may bring one guest per visit.
"""

POOL = """Riverside Pool

Opening hours
Monday 7 h 00 - 21 h 00
Free 12 h 00 - 13 h 00
May 9 h 00 - 18 h 00
Sunday 8 h 00 - 12 h 00

The pool closes for cleaning on the first Tuesday of each month, and reopened in 2019.
"""

NOTES = """# Field trial

Resistance in Cougar is conferred by the Stb16q gene, as the earlier trials found.

Cultivar     Day 4     Day 8
Cougar       318       1,236
Longbow      97        412
"""


@pytest.fixture(scope="module")
def keyed(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "pricing.md": PRICING,
        "horaires.txt": HOURS,
        "trial.md": NOTES,
        "gym.txt": GYM,
        "pool.txt": POOL,
    }
    corpus, index = tmp_path_factory.mktemp("keyed"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


def quoted(assistant: Assistant, question: str) -> str:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    return answer.citations[0].quote


def test_a_row_whose_key_and_key_header_the_question_names_is_quoted_over_prose(
    keyed: Assistant,
) -> None:
    assert quoted(keyed, "How much does the Pro plan cost?").startswith("| Pro | $99 per month")


def test_a_line_keyed_by_the_asked_word_is_quoted_alone(keyed: Assistant) -> None:
    thursday = "Jeudi 8 h 30 - 12 h 00 13 h 30 - 19 h 00"
    assert quoted(keyed, "Quels sont les horaires de la mairie le jeudi ?") == thursday
    wednesday = quoted(keyed, "La mairie est-elle ouverte le mercredi après-midi ?")
    assert wednesday == "Mercredi 8 h 30 - 12 h 00 fermé"


def test_prose_writing_the_asked_key_is_not_given_up_for_its_line(keyed: Assistant) -> None:
    assert "Stb16q" in quoted(keyed, "Which gene confers resistance in Cougar?")


def test_a_key_written_as_an_ordinary_word_gives_no_prose_up_for_its_row(
    keyed: Assistant,
) -> None:
    # "free" and "open" are adjectives here, not the `Free` and `Open` plans (s22 review)
    assert quoted(keyed, "Is the plan free for students?").startswith("Students get any plan")
    assert quoted(keyed, "Which plan is open to students?").startswith("Students get any plan")


def test_a_line_is_looked_up_only_by_a_day_or_month_written_as_a_key(keyed: Assistant) -> None:
    # "open" keys no timetable, and "May" stands among lines keyed by other words (s22 review)
    assert "closed on public holidays" in quoted(keyed, "Is the gym open on public holidays?")
    assert quoted(keyed, "Does the pool close in May?").startswith("The pool closes")
    assert quoted(keyed, "When does the pool open on Sunday?") == "Sunday 8 h 00 - 12 h 00"
