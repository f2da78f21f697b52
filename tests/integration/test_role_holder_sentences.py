"""A question asking who holds a role by its verb ("Who chairs the board?", "Who coordinates
the project?") whose best quote names no one (the statutes' "The board elects a chair, a
treasurer and a secretary…") quotes instead a sentence among the candidates writing the role
or its verb and naming someone ("Helen Carter was elected chair of the board", "Technical
University of Delft (coordinator)"): role_labels.py. Main quoted the sentence naming no one
(s45 trial). A common word opening a sentence ("Minutes of the previous meeting…") names no
one (role_holders.names_someone); and with no sentence naming the holder, "a chair" is the
role's noun, not its verb: the answer abstains naming the role. A day or a month names no one
either ("The project started on 1 October 2022…" was quoted for "Who coordinates the project?"
over the consortium's sentence, s45 trial). Nor does a place after its preposition ("… in
Porto."), and a "who is the <role>" question whose quote names no one quotes a sentence naming
the holder in a document writing its other words (role_labels.HolderSentences)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.models import Answer
from citeqa.role_holders import names_someone
from small_corpora import assistant_over

STATUTES = (
    "# Statutes of the Riverside Rowing Association\n\n"
    "## Article 8 – The board\n\n"
    "The board consists of five to seven members elected by the general meeting for two "
    "years. The board elects a chair, a treasurer and a secretary from among its members.\n\n"
    "## Article 9 – General meeting\n\n"
    "The general meeting is held at least once a year.\n"
)
AGM = (
    "# Minutes of the Annual General Meeting 2024\n\n"
    "The annual general meeting took place on 8 June 2024 in the clubhouse.\n\n"
    "## Election of the board\n\n"
    "Helen Carter was elected chair of the board with 58 votes. Marcus Doyle was re-elected "
    "treasurer.\n"
)
REPORT = (
    "# GREENGRID project – Final technical report\n\n"
    "## Consortium\n\n"
    "The consortium brings together five partners: Technical University of Delft "
    "(coordinator), Fraunhofer ISE, Enel Grids, the University of Porto and GridSoft Ltd.\n\n"
    "## Duration\n\n"
    "The project started on 1 October 2022 and ends on 31 March 2026.\n"
)
ADVISORY = (
    "# Advisory board\n\n"
    "The advisory board meets once a year. It is chaired by Dr. Maria Jensen of the Danish "
    "Energy Agency.\n\n"
    "Members: Dr. Maria Jensen, Prof. Luca Bianchi, Ms. Sarah Whitfield.\n\n"
    "The next advisory board meeting is planned for 12 February 2026 in Porto.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "statutes.md": STATUTES,
        "agm_2024.md": AGM,
        "final_report.md": REPORT,
        "advisory_board.md": ADVISORY,
    }
    corpus, index = tmp_path_factory.mktemp("holders"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


@pytest.mark.parametrize(
    ("question", "holder"),
    [
        ("Who chairs the board?", "Helen Carter"),
        ("Who coordinates the project?", "Technical University of Delft (coordinator)"),
    ],
)
def test_a_sentence_naming_the_holder_is_quoted(
    assistant: Assistant, question: str, holder: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert holder in answer.citations[0].quote


def test_a_common_word_opening_a_sentence_names_no_one() -> None:
    text = "Minutes of the previous meeting were approved without changes."
    assert not names_someone(text, text, ["who", "chairs", "the", "board"])
    assert names_someone("Approved. Okafor chaired it.", "Okafor chaired it.", [])


def test_statutes_defining_the_chair_name_no_one(tmp_path_factory: pytest.TempPathFactory) -> None:
    corpus, index = tmp_path_factory.mktemp("statutes"), tmp_path_factory.mktemp("index")
    answer: Answer = assistant_over({"statutes.md": STATUTES}, corpus, index).ask(
        "Who chairs the board?"
    )
    assert answer.abstained
    assert "chair" in answer.answer


GRANT_REPORT = (
    "# GREENGRID project – Final technical report\n\n"
    "Project reference: GA-101058. Report version 1.2, 30 September 2025.\n\n"
    "## Summary\n\n"
    "GREENGRID develops open tools to forecast the load of low-voltage distribution grids. "
    "The project is funded by the European Union's Horizon Europe programme under grant "
    "agreement 101058.\n\n"
    "## Consortium\n\n"
    "The consortium brings together five partners: Technical University of Delft "
    "(coordinator), Fraunhofer ISE, Enel Grids, the University of Porto and GridSoft Ltd.\n\n"
    "## Duration\n\n"
    "The project started on 1 October 2022 and ends on 31 March 2026.\n\n"
    "## Budget\n\n"
    "The total budget is 4.2 million EUR, of which the EU contribution is 3.8 million EUR.\n\n"
    "## Results\n\n"
    "The forecasting model reduced the error on day-ahead load by 18 % compared with the "
    "baseline.\n"
)


def test_a_date_sentence_names_no_holder(tmp_path_factory: pytest.TempPathFactory) -> None:
    corpus, index = tmp_path_factory.mktemp("report"), tmp_path_factory.mktemp("index")
    answer = assistant_over({"final_report.md": GRANT_REPORT}, corpus, index).ask(
        "Who coordinates the project?"
    )
    assert not answer.abstained
    assert "Technical University of Delft (coordinator)" in answer.citations[0].quote


@pytest.mark.parametrize(
    "quote",
    [
        "The project started on 1 October 2022 and ends on 31 March 2026.",
        "La réunion a lieu le Mardi 4 Mars.",
    ],
)
def test_days_and_months_name_no_one(quote: str) -> None:
    assert not names_someone(quote, quote, ["who", "coordinates", "the", "project"])


def test_a_name_beside_a_month_still_names_someone() -> None:
    quote = "Since March 2024 the project is coordinated by Ingrid Halvorsen."
    assert names_someone(quote, quote, ["who", "coordinates", "the", "project"])


@pytest.mark.parametrize(
    "question", ["Who chairs the advisory board?", "Who is the chair of the advisory board?"]
)
def test_a_place_names_no_holder(assistant: Assistant, question: str) -> None:
    """ "… planned for 12 February 2026 in Porto." names a place, not the chair (s45 trial)."""
    answer = assistant.ask(question)
    assert not answer.abstained
    assert "Dr. Maria Jensen" in answer.citations[0].quote


ADVISORY_MEETINGS = (
    "# Advisory board\n\n"
    "The advisory board meets once a year.\n\n"
    "The next advisory board meeting is planned for 12 February 2026 in Porto.\n"
)


def test_another_bodys_chair_is_no_holder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The rowing club's chair is not the advisory board's: the answer names no one."""
    corpus, index = tmp_path_factory.mktemp("bodies"), tmp_path_factory.mktemp("index")
    files = {"statutes.md": STATUTES, "agm_2024.md": AGM, "advisory_board.md": ADVISORY_MEETINGS}
    answer = assistant_over(files, corpus, index).ask("Who is the chair of the advisory board?")
    assert answer.abstained
    assert "chair" in answer.answer


@pytest.mark.parametrize(
    ("quote", "named"),
    [
        ("The next advisory board meeting is planned for 12 February 2026 in Porto.", False),
        ("La prochaine réunion aura lieu en Bretagne.", False),
        ("The meeting in New York was chaired by Helen Carter.", True),
        ("La présidence a été confiée à Paul Martin.", True),
    ],
)
def test_a_place_after_its_preposition_names_no_one(quote: str, named: bool) -> None:
    assert names_someone(quote, quote, ["who", "chairs", "the", "advisory", "board"]) is named
