"""Answers from a Markdown note with footnotes, with the real model: a quote citing a note
("withdrawn in 2019[^2]") carries the note's text (Citation.notes, verbatim at its own
characters, shown after the quote) and reads its mark as the note shows it ("2019²"); the raw
"[^2]" showed and what the note adds never reached the answer."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.cli.ask_cmd import print_answer
from citeqa.tui.conversation import citation_ref
from small_corpora import assistant_over

VELAREX = """# Velarex: regulatory history

Velarex is an oral anticoagulant first approved in 2011 for atrial fibrillation.
Its use spread quickly in hospitals across Europe and North America.

## Safety

Cases of liver injury were reported from 2016 onwards[^1].
The drug was withdrawn in 2019[^2], after a review of 42 serious cases.
Patients were switched to warfarin or to another direct anticoagulant.

## Legacy

Velarex remains a case study in post-marketing surveillance.

[^1]: Mostly in patients over 75 years of age.
[^2]: Only in the European Union; it stayed on the US market until 2021.
"""
TRIVEL = """# Trivel : historique réglementaire

Le Trivel est un antidiabétique oral autorisé en 2012 pour le diabète de type 2.

## Sécurité

Le médicament a été retiré du marché en 2020[^a], après l'examen de 31 cas graves.
Les patients ont été orientés vers la metformine.

[^a]: Seulement en France ; il est resté vendu en Belgique jusqu'en 2022.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"velarex.md": VELAREX, "trivel.md": TRIVEL}
    return assistant_over(files, tmp_path_factory.mktemp("notes"), tmp_path_factory.mktemp("index"))


@pytest.mark.parametrize(
    ("question", "cited", "shown", "note"),
    [
        (
            "When was Velarex withdrawn?",
            "withdrawn in 2019[^2]",
            "in 2019², after",
            ("²", "Only in the European Union; it stayed on the US market until 2021."),
        ),
        (
            "Quand le Trivel a-t-il été retiré du marché ?",
            "retiré du marché en 2020[^a]",
            "en 2020*, après",
            ("*", "Seulement en France ; il est resté vendu en Belgique jusqu'en 2022."),
        ),
    ],
)
def test_a_quote_citing_a_note_carries_its_text(
    assistant: Assistant, question: str, cited: str, shown: str, note: tuple[str, str]
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.answer
    first = answer.citations[0]
    assert cited in first.quote  # the quote stays verbatim
    assert [(quoted.mark, quoted.text) for quoted in first.notes] == [note]
    text = assistant.document(first.doc_id).text
    assert all(text[quoted.start : quoted.end] == quoted.text for quoted in first.notes)
    assert "[^" not in answer.answer
    assert shown in answer.answer
    assert f"“{note[0]} {note[1]}”" in answer.answer


def test_the_cli_and_the_chat_show_the_note_under_the_quote(
    assistant: Assistant, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = assistant.ask("When was Velarex withdrawn?")
    print_answer(answer, caution_below=0.0)
    printed = capsys.readouterr().out
    assert "in 2019², after" in printed and "[^2]" not in printed
    assert " ² Only in the European Union; it stayed on the US market until 2021." in printed
    ref = citation_ref(answer.citations[0], answer.passages)
    assert ref.notes == ("² Only in the European Union; it stayed on the US market until 2021.",)
