"""How far a quote runs: a sentence of prose is quoted alone; a short slide label runs on
through the lines below it until it holds a number."""

from __future__ import annotations

import pytest

from citeqa.models import Chunk, Citation, Document, Hit, Sentence, TableHeader
from citeqa.questions import QuestionTerms
from citeqa.quoting import answer_text, citations_of, quote_spans, verified
from citeqa.sentences import ScoredSentence, SentenceBank


def _bank(text: str, cuts: list[tuple[int, int]]) -> tuple[SentenceBank, list[Hit]]:
    doc = Document(doc_id="d", title="d", path="/d.txt", text=text, sha256="0")
    chunk = Chunk(chunk_id="d:0", doc_id="d", start=0, end=len(text), text=text)
    sentences = [Sentence(doc_id="d", chunk_index=0, start=a, end=b) for a, b in cuts]
    bank = SentenceBank({"d": doc}, [chunk], sentences, None, [frozenset() for _ in cuts])
    return bank, [Hit(chunk=chunk, chunk_index=0, score=1.0)]


def _quoted(text: str, cuts: list[tuple[int, int]], index: int) -> str:
    bank, hits = _bank(text, cuts)
    item = ScoredSentence(index, 1.0, 0.0, 0.0, 0.0, 1)
    spans = quote_spans([item], bank, hits)
    return " | ".join(text[s.start : s.end] for s in spans)


def _cuts(parts: list[str], separator: str) -> tuple[str, list[tuple[int, int]]]:
    text, cuts = "", []
    for part in parts:
        if text:
            text += separator
        cuts.append((len(text), len(text) + len(part)))
        text += part
    return text, cuts


def test_a_sentence_of_prose_without_a_number_is_quoted_alone() -> None:
    first = "The artist placed the human body at the centre of his work, in video and sculpture."
    second = "Later works turned to sound installations in empty rooms of the museum."
    text, cuts = _cuts([first, second], " ")
    assert _quoted(text, cuts, 0) == first


def test_a_sentence_closed_by_a_quotation_mark_stands_alone_too() -> None:
    first = "« Je n'ai jamais rencontré un homme qui m'ait autant étonné par son intelligence. »"
    text, cuts = _cuts([first, "Il le dit souvent, et à tous ceux qui voulaient l'entendre."], " ")
    assert _quoted(text, cuts, 0) == first


def test_a_short_label_runs_on_until_it_holds_a_number() -> None:
    lines = ["Response rate", "Anifrolumab versus placebo", "at week fifty-two", "56.2 %", "P"]
    text, cuts = _cuts(lines, "\n")
    assert _quoted(text, cuts, 0) == "\n".join(lines[:4])


def test_a_long_label_line_without_a_full_stop_still_runs_on_to_its_value() -> None:
    label = "Proportion of patients reaching the primary end point of the trial"
    text, cuts = _cuts([label, "46.4 %", "Placebo 33.1 %"], "\n")
    assert _quoted(text, cuts, 0) == f"{label}\n46.4 %"


def test_a_short_quote_never_reaches_back_across_a_heading_nor_opens_on_its_own() -> None:
    text, cuts = _cuts(["## Pension", "Paid monthly.", "## Gym", "€20 a month"], "\n\n")
    assert _quoted(text, cuts, 3) == "€20 a month"  # the citation's section names "Gym"


def test_a_short_quote_never_runs_on_across_a_heading() -> None:
    text, cuts = _cuts(["## Gym", "Subsidy", "## Pension", "Paid monthly, 6 %"], "\n\n")
    assert _quoted(text, cuts, 1) == "Subsidy"


def test_a_short_quote_still_takes_in_label_lines_of_its_own_section() -> None:
    text, cuts = _cuts(["## Results", "Response rate", "at week 52", "56.2 %"], "\n")
    assert _quoted(text, cuts, 3) == "Response rate\nat week 52\n56.2 %"


def test_a_quote_opening_on_a_markdown_heading_starts_at_its_words() -> None:
    text, cuts = _cuts(
        ["Intro.", "  ##\tCombien coûte la mutuelle ?", "30 € par mois pour un salarié seul."],
        "\n\n",
    )
    bank, hits = _bank(text, cuts)
    spans = quote_spans([ScoredSentence(1, 1.0, 0.0, 0.0, 0.0, 1)], bank, hits)
    cited = citations_of(spans, bank.documents)
    assert [c.quote for c in cited] == ["Combien coûte la mutuelle ?"]
    assert verified(cited, bank.documents) and text[: cited[0].start].endswith("\n  ##\t")


def test_hash_marks_that_open_no_heading_stay_in_the_quote() -> None:
    for line in (
        "#3 on the list of causes of hospital stays in the region in the year 2024.",
        "Room # 4 holds 120 seats for the written exams of the spring session.",
    ):
        text, cuts = _cuts(["Intro.", line], "\n")
        assert _quoted(text, cuts, 1) == line


TABLE = "Yields.\n\n| Variety | Yield (kg) |\n|---|---|\n| Roma | 5.6 |\n| Sungold | 3.2 |\n"


def _table_citations(chosen: list[int], table: str = TABLE) -> list[Citation]:
    lines = table.split("\n")
    text, cuts, offset = table, [], 0
    for line in lines:
        if line:
            cuts.append((offset, offset + len(line)))
        offset += len(line) + 1
    bank, hits = _bank(text, cuts)
    items = [ScoredSentence(i, 1.0, 0.0, 0.0, 0.0, 1) for i in chosen]
    return citations_of(quote_spans(items, bank, hits), bank.documents)


def test_table_rows_are_one_citation_with_their_header_row_as_context() -> None:
    cited = _table_citations([4, 3])  # Sungold, then Roma: adjacent rows, one quote
    assert [c.quote for c in cited] == ["| Roma | 5.6 |\n| Sungold | 3.2 |"]
    header = cited[0].header
    assert header is not None and header.text == "| Variety | Yield (kg) |"
    assert TABLE[header.start : header.end] == header.text
    assert answer_text(cited) == "“| Variety | Yield (kg) |” “| Roma | 5.6 | | Sungold | 3.2 |” [1]"
    documents = {"d": Document(doc_id="d", title="d", path="/d.txt", text=TABLE, sha256="0")}
    assert verified(cited, documents)
    altered = TableHeader(start=header.start, end=header.end, text="| Variety | Yield (t) |")
    assert not verified([cited[0].model_copy(update={"header": altered})], documents)


def test_a_header_row_quoted_itself_is_not_shown_again_as_a_row_s_context() -> None:
    cited = _table_citations([1, 3])  # the header row, then Roma's row
    assert [c.quote for c in cited] == ["| Variety | Yield (kg) |", "| Roma | 5.6 |"]
    assert [c.header for c in cited] == [None, None]
    assert answer_text(cited).count("Variety") == 1


def test_two_rows_of_one_table_apart_show_its_header_once() -> None:
    """Rows of one table that are not adjacent are two citations; each carried the header, so
    the answer showed it twice (whole-change review): the first carries it."""
    table = TABLE + "| Brandywine | 4.1 |\n"
    cited = _table_citations([5, 3], table)  # Brandywine, then Roma: a row apart
    assert [c.quote for c in cited] == ["| Brandywine | 4.1 |", "| Roma | 5.6 |"]
    assert cited[0].header is not None and cited[1].header is None
    assert answer_text(cited).count("Variety") == 1


RUNBOOK_STEPS = ["1.", "Stop the service.", "2.", "Drain the node now.", "3.", "Run fsck."]


def _runbook(steps: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A numbered list cut as sentences cut it: each item's mark a sentence of its own."""
    text, cuts = "", []
    for part in steps:
        cuts.append((len(text), len(text) + len(part)))
        text += part + (" " if part.endswith(".") and part[:-1].isdigit() else "\n")
    return text, cuts


def test_a_short_list_item_is_quoted_alone_not_with_the_steps_around_it() -> None:
    """s20 hostile probe: "What is step 3 of the disk runbook?" quoted steps 2 to 4: a short
    item ran back and on into the other items as a slide's label runs on to its value."""
    text, cuts = _runbook([*RUNBOOK_STEPS, "4.", "Reboot."])
    assert _quoted(text, cuts, 5) == "Run fsck."
    assert _quoted(text, cuts, 3) == "Drain the node now."


def test_an_item_mark_is_quoted_with_its_item_and_nothing_above() -> None:
    """The quote ranker may choose the mark "3." itself (it holds the asked number): it is
    quoted as its item, not with the items above and below it."""
    text, cuts = _runbook([*RUNBOOK_STEPS, "4.", "Reboot."])
    assert _quoted(text, cuts, 4) == "3. Run fsck."
    assert _quoted(text, cuts, 6) == "4. Reboot."


def test_a_list_item_without_a_full_stop_still_runs_on_as_a_slide_label() -> None:
    lines = ["- Response rate at week 52", "- 56.2 %"]
    text, cuts = _cuts(lines, "\n")
    cuts = [(2, cuts[0][1]), (cuts[1][0] + 2, cuts[1][1])]
    assert _quoted(text, cuts, 0) == "Response rate at week 52\n- 56.2 %"


def test_a_list_item_going_on_below_its_line_still_runs_on() -> None:
    """Review of the first version: "- Who approves a repair?" over its indented answer was
    quoted alone, its answer lost."""
    text = "- Who approves a repair?\n  The on-call lead.\n- Who pays?\n"
    cuts = [(2, 24), (27, 44), (47, 56)]
    assert _quoted(text, cuts, 0).startswith("Who approves a repair?\n  The on-call lead.")


def test_a_list_item_over_a_heading_is_quoted_alone() -> None:
    """Final read B: a heading after an item counted as the item going on, so the last item
    over a heading ran back into the item above it as a short quote does."""
    text = "- Drain the tank.\n- Restart the pump.\n## Checks\nLook at the gauge.\n"
    cuts = [(2, 17), (20, 37), (38, 47), (48, 66)]
    assert _quoted(text, cuts, 1) == "Restart the pump."


def test_a_short_paragraph_complete_with_its_full_stop_is_quoted_alone() -> None:
    """A Word document's short paragraphs: the middle one, under 60 characters, was quoted with
    both its neighbours as if it were a slide's label (s23 trial, failure 3)."""
    paragraphs = [
        "Staff may claim travel costs for journeys made on Trust business.",
        "Claims above GBP 500 need the approval of the director.",
        "Mileage in a private car is paid at 45 pence per mile.",
    ]
    text, cuts = _cuts(paragraphs, "\n\n")
    assert _quoted(text, cuts, 1) == paragraphs[1]
    assert _quoted(text, cuts, 2) == paragraphs[2]


def test_a_short_value_takes_in_no_paragraph_of_prose_above() -> None:
    prose = "The chair thanked everyone for coming to the meeting today."
    text, cuts = _cuts([prose, "Apologies: Ben Carter"], "\n\n")
    assert _quoted(text, cuts, 1) == "Apologies: Ben Carter"


def test_a_slides_label_and_value_lines_run_across_blank_lines_but_not_into_prose() -> None:
    text, cuts = _cuts(["Intro.", "Response rate at week 52", "56.2 %"], "\n\n")
    assert _quoted(text, cuts, 1) == "Response rate at week 52\n\n56.2 %"
    assert _quoted(text, cuts, 2) == "Response rate at week 52\n\n56.2 %"


def test_a_paragraph_of_prose_holding_a_question_word_the_sentence_lacks_is_taken_in() -> None:
    """The research set's "Who approves orders between 500 and 5,000 GBP?" chose the short
    sentence below the answer; its paragraph of prose above holds the question's "GBP"."""
    above = "Orders from 500 to 5,000 GBP: approved by Lena Hartmann."
    chosen = "Primers are ordered from Eurofins every Tuesday."
    text, cuts = _cuts([above, chosen], "\n\n")
    doc = Document(doc_id="d", title="d", path="/d.txt", text=text, sha256="0")
    chunk = Chunk(chunk_id="d:0", doc_id="d", start=0, end=len(text), text=text)
    sentences = [Sentence(doc_id="d", chunk_index=0, start=a, end=b) for a, b in cuts]
    tokens = [frozenset({"gbp", "500"}), frozenset({"tuesday"})]
    bank = SentenceBank({"d": doc}, [chunk], sentences, None, tokens)
    hits = [Hit(chunk=chunk, chunk_index=0, score=1.0)]
    asked = QuestionTerms(
        focus="Who approves orders between 500 and 5,000 GBP?",
        terms=[(frozenset({"gbp"}), 1.0), (frozenset({"tuesday"}), 1.0)],
        focus_terms=2,
    )
    chosen_item = [ScoredSentence(1, 1.0, 0.0, 0.0, 0.0, 1)]
    assert [text[s.start : s.end] for s in quote_spans(chosen_item, bank, hits, asked)] == [text]
    no_word = QuestionTerms(focus="When?", terms=[(frozenset({"tuesday"}), 1.0)], focus_terms=1)
    assert [text[s.start : s.end] for s in quote_spans(chosen_item, bank, hits, no_word)] == [
        chosen
    ]


def test_a_short_sentence_leading_into_a_list_of_lines_takes_in_its_first_item() -> None:
    """The research set's "What is the wiki's procedure for submitting samples for Illumina
    sequencing?": an HTML page's lead-in over its <ol>, whose items are read as lines. The
    lead-in, a complete sentence, stood alone and held no step (s23 integration, test half)."""
    lead = "Illumina sequencing goes to the Genomics Core Facility."
    steps = "Quantify DNA with Qubit (not Nanodrop).\nSend 20 µL at 10 ng/µL per sample."
    text = f"{lead}\n\n{steps}\n\nTurnaround is about 3 weeks."
    first = text.index("Quantify")
    second = text.index("Send")
    last = text.index("Turnaround")
    cuts = [(0, len(lead)), (first, second - 1), (second, last - 2), (last, len(text))]
    assert _quoted(text, cuts, 0) == f"{lead}\n\nQuantify DNA with Qubit (not Nanodrop)."


def test_a_short_quote_takes_in_no_piece_cut_from_a_long_line_above_it() -> None:
    heading, line = "Relevé de compte", "€ 1 234,56 " * 200
    text = f"{heading}\n{line}\nLe solde est de 42 €."
    cut = text.index("234,56", len(text) - 60)  # a chunk cut between two groups of a number
    cuts = [(0, len(heading)), (cut, len(heading) + len(line)), (text.index("Le solde"), len(text))]
    assert _quoted(text, cuts, 2) == "Le solde est de 42 €."


@pytest.mark.parametrize("end", [".", ".)", '."', ".»", ";"])
def test_a_short_quote_still_takes_in_a_label_opening_after_a_sentence_on_its_line(
    end: str,
) -> None:
    """s28 review F: after ".)", '."', ".»" or ";" the label was read as a piece of a long
    line cut by a chunk, and "56,2 %" was quoted alone."""
    opening = "Les chiffres de l'année, service par service et mois par mois, " * 3
    text = opening.rstrip(", ") + end + " Taux de réponse\n56,2 %"  # a line of 200 characters
    cuts = [
        (0, text.index(" Taux")),
        (text.index("Taux"), text.index("\n")),
        (text.index("56"), len(text)),
    ]
    assert _quoted(text, cuts, 2) == "Taux de réponse\n56,2 %"
