"""A question asking of a year its answer's passages never write, while they write a sibling
year, abstains (s23 trial, failure 5: "Q3 2027 travel budget" quoted the 2026 sheet's row)."""

from __future__ import annotations

from citeqa.abstention import no_held_id
from citeqa.later_statements import asks_of_a_meeting
from citeqa.models import Chunk, Citation, Document, Hit
from citeqa.unheld_years import answer_texts, asked_years, unheld_year

SHEET = "## 2026\n\n| Budget line | Q3 |\n| --- | --- |\n| Travel | 2100 |\n"


def _answer() -> tuple[list[str], list[str]]:
    doc = Document(doc_id="b", title="Budget", path="/b.xlsx", text=SHEET, sha256="0")
    chunk = Chunk(chunk_id="b:0", doc_id="b", start=0, end=len(SHEET), text=SHEET, section="2026")
    start = SHEET.index("| Travel")
    cited = Citation(
        n=1, doc_id="b", title="Budget", path="/b.xlsx", start=start, end=start + 17,
        quote=SHEET[start : start + 17], section="2026", score=1.0,
    )  # fmt: skip
    other = Chunk(chunk_id="p:0", doc_id="p", start=0, end=30, text="Minibus replacement: 2027")
    hits = [Hit(chunk=other, chunk_index=1, score=1.0), Hit(chunk=chunk, chunk_index=0, score=0.9)]
    return answer_texts([cited], hits, {"b": doc})


def test_a_year_the_answers_passage_never_writes_beside_a_sibling_is_unheld() -> None:
    unheld = unheld_year("Q3 2027 travel budget", *_answer())
    assert unheld is not None and unheld.year == "2027"
    assert unheld.held == ["2026"]  # the sheet's name, not the amount 2100
    assert "“2027”" in no_held_id(unheld.year, unheld.held, "en")


def test_a_year_the_answer_stands_under_or_none_asked_keeps_the_answer() -> None:
    assert unheld_year("Q3 2026 travel budget", *_answer()) is None
    assert unheld_year("travel budget in Q3", *_answer()) is None
    assert unheld_year("code INC-2027-04 or 2027-03-01", *_answer()) is None  # no year alone


def test_a_year_within_the_years_written_or_their_decade_or_among_several_keeps_the_answer() -> (
    None
):
    """PIAF dev questions the rule first refused, answered before: an election of 1859 in a
    life "1811 - 1861", a change "après 1965" in "les années 1960", three seasons asked."""
    life = ["Edward Dickinson Baker (24 février 1811 - 21 octobre 1861) est un politicien."]
    assert unheld_year("Quelle élection briguée Baker en 1859", [], life) is None
    sixties = ["Dans les années 1960, la haute couture subit les critiques."]
    assert unheld_year("Quel concept changea la couture après 1965?", [], sixties) is None
    seasons = "Quelle position en 1968, 1969 et 1970 ?"
    assert unheld_year(seasons, [], ["Il a fini deuxième depuis 1953."]) is None
    assert unheld_year("Quelle dette en 2017 ?", [], ["En 2004 et 2008, le budget."]) is not None


def test_passages_writing_no_year_keep_the_answer() -> None:
    """Undated prose: no sibling year, the question may be about it all the same."""
    assert unheld_year("What did the 2019 survey find?", ["Survey"], ["Most said yes."]) is None
    assert unheld_year("What happened in 2019?", [], ["On 2019-05-02 the board met."]) is None


def test_an_amount_or_a_lists_number_is_no_year() -> None:
    """Review C of session 23: "orders above 2000 GBP" and "extension 2105" read as years."""
    assert asked_years("Who approves orders above 2000 GBP?") == []
    assert asked_years("Qui est au poste 1873, salle 2101 ?") == []
    assert asked_years("What costs $2000 or 1900 €?") == []
    assert asked_years("Is port 2049 open in 2027?") == ["2027"]


def test_a_number_the_answers_passage_writes_is_held_year_or_not() -> None:
    row = "| Name | Extension | Room |\n| Dana Reyes | 2105 | B12 |"
    assert unheld_year("Who is 2105?", ["Phone directory 2025"], [row]) is None
    policy = "Orders above 2,000 GBP are approved by Lena Hartmann (policy of 2024)."
    assert unheld_year("Who approves orders above 2000?", ["Approvals"], [policy]) is None


def test_a_year_keying_a_row_of_the_quoted_document_keeps_the_answer() -> None:
    """Session 24, research test e17: "How many isolates were tested in 2021…?" quoted the
    paper's introduction (2012 only) while the paper's table has a row for 2021."""
    intro = ["Les SDHI sont utilisés contre la septoriose depuis 2012."]
    question = "How many isolates were tested in 2021 in the SDHI study?"
    table = "Année  Isolats  CE50\n2019    58        0,12\n2021    63        0,22\n"
    piped = "| Year | Isolates |\n| --- | --- |\n| 2021 | 63 |\n"
    assert unheld_year(question, [], intro, [table]) is None
    assert unheld_year(question, [], intro, [piped]) is None
    prose = "Traps were run in 2021 and 2022.\n2021: a dry year.\n2021 was dry, 63 isolates.\n"
    unheld = unheld_year(question, [], intro, [prose, table.replace("2021", "2020")])
    assert unheld is not None and unheld.held == ["2012"]  # prose, or another year's row


def test_a_timeline_or_a_reference_list_opening_with_the_year_keys_no_row() -> None:
    """A line opening with the year, two spaces and a digit is no table row unless it is one:
    a number alone in a cell, beside a line of as many cells."""
    intro = ["Les SDHI sont utilisés contre la septoriose depuis 2012."]
    question = "How many isolates were tested in 2021 in the SDHI study?"
    timeline = "2019   Founded in Lyon\n2021   Opened 3 offices\n2022   Hired 40 people\n"
    references = "2020  Martin P. Plant Dis. 4:12\n2021  Smith J. Pest Sci. 12:34\n"
    lone = "Notes\n2021    63\nThe end.\n"  # cells, but no table around them
    for text in (timeline, references, lone):
        unheld = unheld_year(question, [], intro, [text])
        assert unheld is not None and unheld.held == ["2012"], text
    one_row = "| Year | Isolates | EC50 |\n| 2021 | 63 | 0.22 |\n"
    assert unheld_year(question, [], intro, [one_row]) is None  # its header beside it


def test_a_year_written_only_as_a_span_end_under_another_years_label_is_unheld() -> None:
    """s29 trial: minutes "du 15 juin 2024" writing "comptes 2023-2024" answered "the 2023
    meeting", a convocation "le 20 mai 2025" writing "cotisations 2025-2026" the 2026 one."""
    minutes = ["Le trésorier présente les comptes 2023-2024 : un excédent de 1 460 €."]
    labels = ["Rapport financier", "Procès-verbal de l'assemblée du 15 juin 2024"]
    asked = "Qui a été élu trésorier lors de l'assemblée 2023 ?"
    unheld = unheld_year(asked, labels, minutes, of_a_meeting=True)
    assert unheld is not None and unheld.held == ["2024"]
    call = ["Ordre du jour : montant des cotisations 2025-26, élection du bureau."]
    asked = "Quelle est la date de l'assemblée 2026 ?"
    unheld = unheld_year(asked, ["Le 20 mai 2025"], call, of_a_meeting=True)
    assert unheld is not None and unheld.year == "2026" and unheld.held == ["2025"]


def test_a_span_end_is_held_under_a_season_label_a_label_naming_it_or_when_written_alone() -> None:
    """A season's budget is of both its years; a label naming the asked year, or the year
    written alone in the passage too, holds it; so does a label of a date's year beside it."""
    season = ["| Cotisation U13 | 150 | saison 2025-2026 |"]
    assert unheld_year("Cotisation U13 en 2026 ?", ["Budget 2025-2026"], season) is None
    assert unheld_year("Cotisation U13 en 2026 ?", ["Budget", "2026"], season) is None
    alone = ["Comptes 2023-2024, approuvés en 2023 par le bureau."]
    assert unheld_year("Comptes de 2023 ?", ["Le 15 juin 2024"], alone) is None
    assert unheld_year("Comptes de 2023 ?", ["Bureau"], ["Comptes 2023-2024."]) is None
    dated = ["Réunion du 2024-06-15 : comptes 2023-2024."]
    assert unheld_year("Comptes de 2024 ?", ["Le 15 juin 2024"], dated) is None


def test_a_span_end_is_held_in_a_document_of_no_meeting() -> None:
    """s30 review A: an annual report dated 2025 writing "FY 2023-2024", a price list updated
    in 2024 writing "saison 2024-2025" hold values of both years (main answered them)."""
    report = ["Revenue for FY 2023-2024 was 2.1 million pounds."]
    labels = ["Annual report, 30 June 2025"]
    assert unheld_year("What was revenue in 2024?", labels, report) is None
    prices = ["La cotisation de la saison 2024-2025 est de 120 euros."]
    labels = ["Tarifs du club (mis à jour le 2 septembre 2024)"]
    assert unheld_year("Quelle est la cotisation pour 2025 ?", labels, prices) is None
    minutes = ["Le trésorier présente les comptes 2023-2024."]
    labels = ["Compte rendu de la réunion du 15 juin 2024"]
    assert unheld_year("Quels comptes en 2023 ?", labels, minutes, of_a_meeting=True)


def test_the_answer_layer_reads_a_meeting_from_the_labels() -> None:
    """The minutes' and the convocation's titles name a meeting; an annual report's does not."""
    assert asks_of_a_meeting("Compte rendu de la réunion du 15 juin 2024")
    assert not asks_of_a_meeting("Annual report, 30 June 2025")
    assert not asks_of_a_meeting("Tarifs du club (mis à jour le 2 septembre 2024)")
