"""A record of a delimited export asked by its identifier is quoted, not a neighbour's (s43
research dev): "What is the host of isolate ZT-ES-12?" quoted the line of ZT-DK-07, the record
above it, and "… of isolate FG-UK-33?" a note's sentence on hosts: the rankers read the
identifier as its pieces ("zt", "es", "12"), and an identifier of two letter groups and two
digits was no record's (record_ids.asked_ids, AskedRecords.names_another). A short record is
quoted alone, as a table's row is (quoting._stands_as_row), under the export's field names
(language.record_header)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FILES = {
    "isolate_collection.txt": (
        "NCPG isolate collection (export 2025-09-01)\n"
        "isolate_id;species;country;year;host;freezer;notes\n"
        "IPO323;Zymoseptoria tritici;Netherlands;1981;wheat;F-80-A;reference strain\n"
        "ZT-DK-07;Zymoseptoria tritici;Denmark;2021;wheat cv. Sheriff;F-80-A;fast at 10 °C\n"
        "ZT-ES-12;Zymoseptoria tritici;Spain;2022;durum wheat;F-80-A;heat tolerant\n"
        "PH-1;Fusarium graminearum;USA;1996;wheat;F-80-A;LAMP positive control\n"
        "FG-UK-33;Fusarium graminearum;UK;2023;wheat cv. Skyfall;F-80-A;high DON producer\n"
        "WAR-11;Puccinia striiformis;Denmark;2011;wheat;F-80-B;Warrior race\n"
    ),
    "orders.txt": (
        "Purchase orders, autumn 2025\n"
        "order_id;customer;items;status\n"
        "PO-7780;Bolt & Sons;12 pallets of screws;shipped 2025-10-02\n"
        "PO-7781;Garnier SA;3 industrial fans;awaiting payment\n"
        "PO-7782;Bolt & Sons;40 m of copper cable;delivered 2025-10-20\n"
        "PO-7783;Lemoine;2 lathes;cancelled\n"
    ),
    "notes.md": (
        "# Lab notes\n\nThe isolates are kept at minus eighty degrees; each host plant is"
        " recorded when the isolate is collected.\nWheat is the usual host of Zymoseptoria,"
        " and durum wheat hosts it in Spain too.\n"
    ),
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("isolates"), tmp_path_factory.mktemp("ix"))


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("What is the host of isolate ZT-ES-12?", "ZT-ES-12;Zymoseptoria tritici;Spain;2022"),
        ("What is the host of isolate FG-UK-33?", "FG-UK-33;Fusarium graminearum;UK;2023"),
        ("Which country does ZT-DK-07 come from?", "ZT-DK-07;Zymoseptoria tritici;Denmark"),
    ],
)
def test_the_asked_record_is_quoted_not_its_neighbour(
    assistant: Assistant, question: str, record: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.answer
    assert record in answer.citations[0].quote, answer.answer
    others = {"ZT-DK-07", "ZT-ES-12", "FG-UK-33"} - {record.split(";")[0]}
    assert not any(other in answer.citations[0].quote for other in others), answer.answer


def test_a_short_record_is_quoted_alone_not_with_its_neighbours(assistant: Assistant) -> None:
    """A record shorter than a short quote took in the lines around it as its labels: "What
    is the status of PO-7781?" quoted the title, the field names, PO-7780 and PO-7782 too."""
    answer = assistant.ask("What is the status of PO-7781?")
    assert not answer.abstained, answer.answer
    assert answer.citations[0].quote == "PO-7781;Garnier SA;3 industrial fans;awaiting payment"
    header = answer.citations[0].header  # its field names, as a table row's header row
    assert header is not None and header.text == "order_id;customer;items;status"


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (
            "What is the host of isolate ZT-ES-99?",
            "No document names “ZT-ES-99”; the documents name ZT-DK-07 and ZT-ES-12.",
        ),
        (
            "Quel est l'hôte de l'isolat ZT-FR-03 ?",
            "Aucun document ne nomme “ZT-FR-03” ; les documents nomment ZT-DK-07 et ZT-ES-12.",
        ),
    ],
)
def test_a_record_of_the_collection_no_line_holds_abstains_naming_the_closest(
    assistant: Assistant, question: str, reason: str
) -> None:
    """s44: "What is the host of isolate ZT-ES-99?" quoted ZT-DK-07's line at .18."""
    answer = assistant.ask(question)
    assert answer.abstained and not answer.citations, answer.answer
    assert answer.answer.startswith(reason), answer.answer
