"""The section numbers a question asks, the numbers a heading or a line opens with, and the
headings a section stands under (numbered_sections.py, headingpath.py)."""

from __future__ import annotations

import re

import pytest

from citeqa import numbered_sections
from citeqa.chunking import chunk_document
from citeqa.citedsection import citation_section
from citeqa.headingpath import ANCESTORS_SHOWN, headings_above, markdown_headings
from citeqa.models import Document
from citeqa.numbered_sections import (
    Asked,
    asked_numbers,
    asked_sections,
    asks_step,
    opening_number,
    opens_numbered_title,
    section_numbers,
    stands_under,
    unheld_section,
)


@pytest.mark.parametrize(
    ("question", "numbers"),
    [
        ("What changed in version 3.5.1?", ["3.5.1"]),
        ("Que prévoit l'article 5 des CGV ?", ["5"]),
        ("What does clause 4.3 of the agreement say?", ["4.3"]),
        ("3.6.1", ["3.6.1"]),
        ("What changed in 3.9?", ["3.9"]),
        ("Quelle est la portée de l'art. 12 ?", ["12"]),
        ("What does §7 require?", ["7"]),
        ("Which release fixed it in v2.5?", ["2.5"]),
        ("Que dit l'article 9 auquel renvoie l'article 4 ?", ["9"]),  # the head, not the relative
        ("Quelle différence entre l'article 3 et l'article 5 ?", ["3", "5"]),
        ("Que dit l'article 9, dont parle l'article 4 ?", ["9"]),
        # a comparison's "que", "than that", "that" are no relative clause's openers
        ("L'article 3 est-il plus strict que l'article 5 ?", ["3", "5"]),
        ("Is the notice in clause 4 longer than that in clause 7?", ["4", "7"]),
        ("What is in section 4.2 that section 4.1 lacks?", ["4.2", "4.1"]),
        ("Que prévoit l'article 2 qu'ignore l'article 6 ?", ["2", "6"]),
        # a record's number: past a number mark, of two hyphenated groups after a cue
        ("Quel a été le vote de la délibération 2025-16 ?", ["2025-16"]),
        ("Délibération n° 2025-16", ["2025-16"]),
        ("n° 2025-16", ["2025-16"]),
        ("Que dit le n° 2025-16 ?", ["2025-16"]),  # a mark after any word (s21 review)
        ("What did the No. 2024-07 approve?", ["2024-07"]),
        ("What did Resolution 2024-07 approve?", ["2024-07"]),
        ("What did Decision No. 12 decide?", ["12"]),
        ("Who resolved ticket #4512?", ["4512"]),
    ],
)
def test_numbers_a_question_asks_as_sections(question: str, numbers: list[str]) -> None:
    assert [asked.number for asked in asked_numbers(question)] == numbers


@pytest.mark.parametrize(
    "question",
    [
        "Which Helix version deprecated the REST API v1?",  # a letter-glued whole number
        "How many users signed up in 2025?",  # a year, no cue
        "What is the dose for a child of 12 kg?",
        "Which invoice was sent on 2026-01-19?",  # a date's parts
        # a quantity, a caption's number (review of s17-sections, item 1)
        "What is the starting dose, 2.5 mg?",
        "Should patients with renal impairment take 2.5 mg?",
        "Is the default timeout 2.5 seconds?",
        "What share of patients, 56.2 %?",
        "Was the fee 12.50 € or $2.50?",
        "Is 0.5 ml injected?",
        "What does table 4.2 show?",
        "What is plotted in Figure 3.1?",
        # hyphenated groups without a cue: a range or a season; a date is none even after one
        "What happened in 2024-2025?",
        "Were 10-15 patients enrolled?",
        "What did the release of 2026-01-19 fix?",
        "Who merged PR #312?",  # "PR" is no section cue: the key of a row (questions.py)
        # a range after a cue in the plural (s21 review)
        "Que disent les articles 2-4 ?",
        "What do steps 3-5 say?",
        "Que détaillent les étapes 2-4 ?",
    ],
)
def test_numbers_asked_as_no_section(question: str) -> None:
    assert asked_numbers(question) == []


def _doc(text: str, title: str = "Notes") -> Document:
    return Document(
        doc_id="d", title=title, path="/d.md", text=text, sha256=str(hash(text)), kind="md"
    )


def test_a_number_after_a_name_is_a_section_where_headings_write_that_name() -> None:
    notes = _doc("# Release notes\n\n## Helix 2.7 (20 November 2025)\n\nA fix.\n")
    assert asked_sections("What changed in Helix 2.9?", notes) == ["2.9"]
    assert asked_sections("Which Helix version dropped Python 3.9?", notes) == []
    cloud = _doc("Release 2026.03 (March)\n  * A fix.\n", title="ORBIT CLOUD - NOTES")
    assert asked_sections("What was fixed in Orbit Cloud 2026.02?", cloud) == ["2026.02"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("## [3.6.1] - 2026-01-19", "3.6.1"),
        ("Article 5 — Disponibilité", "5"),
        ("4. Term", "4"),
        ("4.3 On request, each Party shall return it.", "4.3"),
        ("Release 2026.02 (released 9 February 2026)", "2026.02"),
        ("**4.1** The rent", "4.1"),
        ("- Fixed crash when the disk is full", None),
        ("2026-01-19 stand-up", None),
        ("Délibération n° 2025-16 – Subventions aux associations", "2025-16"),
        ("Decision No. 12: Budget", "12"),
        ("## Resolution 2024-07 – Fees", "2024-07"),
        ("PR #312: Fix the cache", "312"),
        ("Support for Python 3.8 and 3.9.", None),
        # session 21: a part numbered in words opens with its ordinal's number
        ("Article premier – Objet", "1"),
        ("## First Schedule: Fees", "1"),
        ("**DEUXIÈME RÉSOLUTION** – Affectation", "2"),
        ("First name: Jean", None),
    ],
)
def test_the_number_a_text_opens_with(text: str, number: str | None) -> None:
    assert opening_number(text) == number


CHANGELOG = (
    "# Changelog\n\nNotes.\n\n## [2.0.0] - 2025-01-01\n\n### Fixed\n\n- Crash on start.\n\n"
    "## [1.9.0] - 2024-06-01\n\n### Added\n\n- A sync command.\n"
)


def test_a_heading_is_read_under_the_headings_above_it_but_the_title() -> None:
    offset = CHANGELOG.index("Crash")
    assert headings_above(CHANGELOG, offset, "Fixed") == ["[2.0.0] - 2025-01-01"]
    assert headings_above(CHANGELOG, offset, "Another heading") == []
    parts = "# Part 1\n\n## A\n\nText.\n\n# Part 2\n\n## B\n\nMore.\n"
    assert headings_above(parts, parts.index("More"), "B") == ["Part 2"]  # no title: two


def test_at_most_a_few_headings_are_named_above() -> None:
    deep = "# T\n\n## A\n\n### B\n\n#### C\n\n##### D\n\nText.\n"
    above = headings_above(deep, deep.index("Text"), "D")
    assert above == ["A", "B", "C"][-ANCESTORS_SHOWN:]
    assert headings_above(deep, deep.index("Text"), "D", shown=6) == ["A", "B", "C"]


def test_a_hash_line_in_a_code_fence_is_no_heading_above() -> None:
    notes = "# T\n\n## Install\n\n```bash\n# a comment\npip install x\n```\n\n### Linux\n\nRun.\n"
    assert headings_above(notes, notes.index("Run"), "Linux") == ["Install"]


RELEASES = (
    "NOTES\n=====\n\nRelease 3 (May)\n  * Fixed: a crash.\n\n"
    "Release 2 (April)\n  * Fixed: a leak.\n"
)


def test_an_item_stands_under_the_numbered_line_leading_its_paragraph() -> None:
    leak = RELEASES.index("* Fixed: a leak")
    chunk = chunk_document(_doc(RELEASES))[0]
    assert stands_under(_doc(RELEASES), chunk, leak, "* Fixed: a leak.", "2")
    assert not stands_under(_doc(RELEASES), chunk, leak, "* Fixed: a leak.", "3")
    assert opens_numbered_title(RELEASES, RELEASES.index("Release 2"))
    assert not opens_numbered_title(RELEASES, leak)
    assert not opens_numbered_title("Position 2.1 : 36 000\nPosition 2.3 : 45 500\n", 0)


def test_a_section_number_no_document_holds() -> None:
    changelog = Document(doc_id="c", title="Changelog", path="c.md", text=CHANGELOG, sha256="c")
    unheld = unheld_section("What changed in version 2.9?", [changelog], [changelog], [])
    assert unheld is not None
    assert (unheld.number, unheld.numbered, unheld.more) == ("2.9", ["2.0.0", "1.9.0"], False)
    assert unheld.title == "Changelog"
    assert unheld_section("What changed in version 1.9?", [changelog], [changelog], []) is None
    other = Document(
        doc_id="o", title="Other", path="o.md", text="## 2.9 Limits\n\nText.\n", sha256="o"
    )
    both = [changelog, other]
    assert unheld_section("What changed in version 2.9?", [changelog], both, []) is None
    prose = Document(
        doc_id="p", title="P", path="p.md", text="# P\n\n## Intro\n\nText.\n", sha256="p"
    )
    assert unheld_section("What changed in version 2.9?", [prose], [prose], []) is None
    # the closest document that numbers its sections so is read, not only the first
    found = unheld_section(
        "What changed in version 2.9?", [prose, changelog], [prose, changelog], []
    )
    assert found is not None and found.title == "Changelog"


SMPC = Document(
    doc_id="s",
    title="Summary of product characteristics",
    path="s.md",
    text=(
        "# Summary of product characteristics\n\n## 4.1 Therapeutic indications\n\nHypertension.\n"
        "\n## 4.2 Posology\n\nThe starting dose is 2.5 mg once daily.\n\n## 4.3 Contraindications"
        "\n\nPregnancy.\n\n## 5.1 Pharmacodynamic properties\n\nAn ACE inhibitor.\n"
    ),
    sha256="s",
)


@pytest.mark.parametrize(
    "question",
    [
        "When was support for python 3.9 dropped?",
        "What is the timeout, 1.5 or 2.5 seconds?",
        "Is 10.0.0.1 the gateway?",
        "What changed in 2.5?",
    ],
)
def test_a_number_asked_without_a_cue_never_abstains(question: str) -> None:
    assert unheld_section(question, [SMPC], [SMPC], []) is None


@pytest.mark.parametrize("question", ["What does section 2.5 say?", "2.5", "v2.5?"])
def test_a_cued_or_bare_number_no_section_holds_abstains(question: str) -> None:
    unheld = unheld_section(question, [SMPC], [SMPC], ["## 4.1 Therapeutic indications"])
    assert unheld is not None and unheld.number == "2.5"


def test_a_number_a_passage_read_writes_never_abstains() -> None:
    passages = ["## 4.2 Posology", "The starting dose is 2.5 mg once daily."]
    assert unheld_section("What does section 2.5 say?", [SMPC], [SMPC], passages) is None
    assert unheld_section("What does section 2.5 say?", [SMPC], [SMPC], ["12.5 mg"]) is not None


BOLD = "# Changelog\n\n## **[1.0.0]**\n\n### **Fixed**\n\n- A crash.\n\n## Later\n\nText.\n"


def test_headings_above_are_compared_and_named_cleaned() -> None:
    """Review of s17-sections, item 3: "### **Fixed**" had no path, "**[1.0.0]**" kept its "**"."""
    assert headings_above(BOLD, BOLD.index("A crash"), "Fixed") == ["[1.0.0]"]
    assert headings_above(BOLD, BOLD.index("A crash"), "**Fixed**") == ["[1.0.0]"]


def test_a_citation_path_shows_no_control_character() -> None:
    """Review of s17-sections, item 4: an ancestor heading's escape reached the terminal."""
    text = "# Log\n\n## [1.0.0] \x1b[31mRED\x07 - 2024\n\n### Fixed\n\n- A crash.\n"
    offset = text.index("A crash")
    chunk = next(c for c in chunk_document(_doc(text)) if c.start <= offset < c.end)
    section = citation_section(text, chunk, offset)
    assert section is not None and "Fixed" in section and "1.0.0" in section
    assert not any(ord(character) < 0x20 for character in section), repr(section)


HELIX = Document(
    doc_id="helix/release-notes",
    title="Helix Pipeline — Release notes",
    path="r.html",
    text="Helix 2.8 (January 2026)\n\nA fix.\n\nHelix 2.7 (November 2025)\n\nA leak.\n",
    sha256="h",
)
ORBIT = Document(
    doc_id="orbit-cli/CHANGELOG", title="Changelog", path="c.md", text=CHANGELOG, sha256="o"
)


@pytest.mark.parametrize(
    ("question", "document", "numbered"),
    [
        ("What changed in Helix 2.9?", HELIX, ["2.8", "2.7"]),  # the name its headings write
        ("When was Orbit CLI 5.0 released?", ORBIT, ["2.0.0", "1.9.0"]),  # its path's name
    ],
)
def test_a_number_after_the_name_of_a_numbered_document_no_section_holds_abstains(
    question: str, document: Document, numbered: list[str]
) -> None:
    """Trial s17: "What changed in Helix 2.9?" and "When was Ardoise CLI 5.0 released?" were
    answered (or abstained naming no version): a number right after the name the document
    goes by is a version cue where its sections are numbered that way."""
    unheld = unheld_section(question, [document], [document], ["A fix."])
    assert unheld is not None and unheld.numbered == numbered


@pytest.mark.parametrize(
    "question",
    [
        "When did Python 3.9 support end?",  # a name the document does not go by
        "What changed in Helix 2.8?",  # held
        "Is Orbit CLI 1.9 still supported?",  # under 1.9.0
    ],
)
def test_a_number_after_another_name_or_a_held_one_never_abstains(question: str) -> None:
    assert unheld_section(question, [HELIX, ORBIT], [HELIX, ORBIT], []) is None


FENCED = (
    "# Guide\n\n## 1.0 Setup\n\nText.\n\n```bash\n# 2.0 not a heading\n3.0 = 1\n```\n\n"
    "~~~\n## 4.0 neither\n~~~\n\n## 1.1 Usage\n\nMore.\n"
)


def test_numbered_lines_in_code_fences_are_no_sections() -> None:
    """ "#" lines and numbered lines in a ``` or ~~~ fence are code (as headingpath reads them);
    a "~~~" underlining a title opens no fence."""
    assert section_numbers(_doc(FENCED)) == ["1.0", "1.1"]
    underlined = "Intro\n~~~~~\n\n## 2.0 Setup\n\nText.\n\nUsage\n~~~~~\n\n## 3.0 Run\n"
    assert section_numbers(_doc(underlined)) == ["2.0", "3.0"]
    assert headings_above(FENCED, FENCED.index("More"), "1.1 Usage") == []


CONTRACT_TXT = (
    "CONTRAT\n\n~~~~~~~~~~\n\nArticle 1 Objet\n\nArticle 2 Prix\n\n~~~~~~~~~~\n\n"
    "Article 3 Durée\n\nArticle 4 Résiliation\n\n~~~~~~~~~~\n\nArticle 5 Litiges\n"
)


def test_tilde_lines_of_a_plain_text_or_rst_document_open_no_fence() -> None:
    """Only a Markdown document has code fences: a .txt contract's "~~~~~~~~~~" separators hid
    the articles between alternate ones (3, 4 only), an RST overline/underline pair the rest."""
    contract = Document(
        doc_id="t", title="Contrat", path="/c.txt", text=CONTRACT_TXT, sha256="t", kind="text"
    )
    assert section_numbers(contract) == ["1", "2", "3", "4", "5"]
    rst = "~~~~~~~\nProcess\n~~~~~~~\n\n1.1 Scope\n\n1.2 Steps\n"
    manual = Document(doc_id="r", title="Process", path="/p.rst", text=rst, sha256="r", kind="rst")
    assert section_numbers(manual) == ["1.1", "1.2"]


def test_a_fence_never_closed_hides_no_later_heading() -> None:
    """An unclosed "~~~" or "```" of a Markdown document opens no fence, as the build's block
    reader reads it (blocks._fenced_lines): every later numbered heading is kept."""
    unclosed = "# Guide\n\n## 1.0 Setup\n\n~~~\n\n## 2.0 Usage\n\n## 3.0 Run\n"
    assert section_numbers(_doc(unclosed)) == ["1.0", "2.0", "3.0"]
    assert headings_above(unclosed, unclosed.index("## 3.0"), "3.0 Run") == []


def test_the_words_before_each_asked_number_are_read_in_bounded_steps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A question of many numbers is read in linear steps: the text searched before each number
    for its word is bounded, not the whole question so far (quadratic: 1,000 numbers took 0.9 s,
    200 KB never ended)."""
    searched: list[int] = []
    word_before = numbered_sections._WORD_BEFORE

    class Counting:
        def search(self, text: str) -> re.Match[str] | None:
            searched.append(len(text))
            return word_before.search(text)

    monkeypatch.setattr(numbered_sections, "_WORD_BEFORE", Counting())
    numbers = 2_000
    assert asked_numbers("Article " + "5 " * numbers) == [Asked("5", "", True)]
    assert len(searched) == numbers
    assert sum(searched) <= numbers * numbered_sections.LOOK_BEHIND
    assert asked_numbers("What changed in version 3.6.1?") == [Asked("3.6.1", "", True)]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("## Refund" + " " * 20_000 + "policy", "Refund" + " " * 20_000 + "policy"),
        ("## Fixed ##", "Fixed"),
        ("## Fixed\t#  \r", "Fixed"),
        ("## C# notes", "C# notes"),
        ("## Fixed#", "Fixed#"),
        ("## #", "#"),
        ("##  ##", "##"),
        ("#### a # #", "a #"),
    ],
)
def test_a_markdown_heading_reads_its_text_without_its_closing_hashes(
    line: str, title: str
) -> None:
    assert [(h.level, h.title) for h in markdown_headings(f"{line}\nText.\n")] == [
        (line.index(" "), title)
    ]


PROCEDURE = (
    "# Procédure : bascule de la téléphonie\n\n"
    "1. Prévenir le canal #support-fr.\n"
    "2. Dans la console de l'opérateur, activer le renvoi.\n"
    "3. Vérifier en appelant le numéro principal.\n"
)


def test_a_step_asked_is_an_ordered_list_item() -> None:
    """s19 trial: "l'étape 2 de la bascule" quoted another document's action item 2; the
    splitter cuts "2." off its item, so the item's text stands under 2 by its own line."""
    assert [asked.number for asked in asked_numbers("Quelle est l'étape 2 de la bascule ?")] == [
        "2"
    ]
    assert [asked.number for asked in asked_numbers("What is step 3 of the runbook?")] == ["3"]
    item = PROCEDURE.index("Dans la console")
    chunk = chunk_document(_doc(PROCEDURE))[0]
    sentence = "Dans la console de l'opérateur, activer le renvoi."
    assert stands_under(_doc(PROCEDURE), chunk, item, sentence, "2")
    assert not stands_under(_doc(PROCEDURE), chunk, item, sentence, "3")


INCIDENT = "# Failover\n\nIn 2 regions the failover failed. Traffic was rerouted by hand.\n"
STEPS = "# Runbook\n\n2. Stop writes on the primary. Then wait for replication.\n"


def test_only_a_list_items_first_sentence_stands_under_its_own_line() -> None:
    """Review of s19-slides: a line opening "In 2 regions" is no list item, so its second
    sentence stands under no step 2; nor does a list item's second sentence."""
    later = INCIDENT.index("Traffic")
    chunk = chunk_document(_doc(INCIDENT))[0]
    assert not stands_under(_doc(INCIDENT), chunk, later, "Traffic was rerouted by hand.", "2")
    then = STEPS.index("Then")
    chunk = chunk_document(_doc(STEPS))[0]
    assert not stands_under(_doc(STEPS), chunk, then, "Then wait for replication.", "2")
    first = STEPS.index("Stop")
    assert stands_under(_doc(STEPS), chunk, first, "Stop writes on the primary.", "2")


def test_only_a_step_is_looked_up_in_one_document() -> None:
    """Review of s19-slides: the lookup kept to the best candidate's document applied to every
    section cue; a version or an article asked may stand in another document."""
    assert asks_step("What is step 3 of the database failover runbook?")
    assert asks_step("Quelle est l'étape 2 de la bascule de la téléphonie ?")
    assert not asks_step("What changed in version 2.4?")
    assert not asks_step("Que dit l'article 5 ?")


MINUTES = (
    "Séance du 27 mars 2025\n\n"
    "Délibération n° 2025-12 – Compte administratif 2024\n\n"
    "Le conseil approuve le compte administratif. Vote : 18 pour, 0 contre.\n\n"
    "Délibération n° 2025-16 – Subventions aux associations\n\n"
    "Le conseil attribue 6 500 € au comité des fêtes. Vote : 20 pour, 0 contre.\n"
)


def test_a_decisions_vote_stands_under_its_numbered_heading() -> None:
    """s21 trial: "vote de la délibération 2025-16" quoted 2025-12's vote, as neither the
    question's "2025-16" nor the heading "Délibération n° 2025-16 – …" was read as a number."""
    minutes = Document(
        doc_id="m", title="Minutes", path="/m.txt", text=MINUTES, sha256="m", kind="txt"
    )
    chunks = chunk_document(minutes)
    votes = [MINUTES.index("Vote : 18"), MINUTES.index("Vote : 20")]
    under = [
        stands_under(minutes, chunk, vote, "Vote.", "2025-16")
        for vote in votes
        for chunk in chunks
        if chunk.start <= vote < chunk.end
    ]
    assert under == [False, True]
    assert asked_sections("vote de la délibération 2025-16", minutes) == ["2025-16"]
    assert section_numbers(minutes, clauses=False) == ["2025-12", "2025-16"]


def test_a_decision_number_no_minutes_hold_abstains() -> None:
    minutes = Document(
        doc_id="m", title="Minutes", path="/m.txt", text=MINUTES, sha256="m", kind="txt"
    )
    unheld = unheld_section(
        "Quel est le montant de la délibération n° 2025-19 ?", [minutes], [minutes], []
    )
    assert unheld is not None and unheld.numbered == ["2025-12", "2025-16"]
    held = unheld_section("Quel est le vote de la délibération 2025-16 ?", [minutes], [minutes], [])
    assert held is None
    # a passage writing the number holds it
    assert unheld_section("délibération 2025-19", [minutes], [minutes], ["voir 2025-19."]) is None
    # a dotted number asked is not read against hyphenated headings' shape
    assert unheld_section("What does article 7 say?", [minutes], [minutes], []) is None


STATUTES = """STATUTS DE LA SOCIÉTÉ ORVANE

Article premier – Forme
La société est une société par actions simplifiée.

Article 2 – Objet
La société a pour objet l'édition de logiciels.

Article 3 – Siège
Le siège est fixé à Nantes.

First Schedule: Fees
The fees are paid yearly by bank transfer, within thirty days of the invoice.
"""


def test_a_part_numbered_in_words_is_the_section_its_number_asks() -> None:
    document = _doc(STATUTES)
    assert section_numbers(document) == ["1", "2", "3"]  # "1" once, in order
    form = STATUTES.index("La société est")
    chunk = chunk_document(document)[0]
    assert stands_under(document, chunk, form, "La société est une société", "1")
    assert not stands_under(document, chunk, form, "La société est une société", "2")
    fees = STATUTES.index("The fees")
    assert stands_under(
        document,
        chunk,
        fees,
        "The fees are paid yearly by bank transfer, within thirty days of the invoice.",
        "1",
    )
    assert asked_sections("What does schedule 1 say?", document) == ["1"]
    assert unheld_section("Que dit l'article 1 ?", [document], [document], []) is None
