"""chunking.py and language.py on the bundled corpus and on hand-made cases."""

from __future__ import annotations

import itertools
import re
from functools import cache
from pathlib import Path

import pytest

from citeqa.blocks import headings
from citeqa.chunking import (
    SECTION_CHARS,
    chunk_document,
    section_bounds,
    section_of,
    split_sentences,
)
from citeqa.chunkpass import passage_text
from citeqa.corpus import read_corpus
from citeqa.language import detect_lang
from citeqa.models import Chunk, Document
from citeqa.tables import TableHeaders

CORPUS = Path(__file__).parents[2] / "corpus"
SLIDES = "targeted-therapies-lupus-slides"


@cache
def bundled() -> dict[str, Document]:
    return {document.doc_id: document for document in read_corpus(CORPUS).documents}


@cache
def bundled_chunks(doc_id: str) -> list[Chunk]:
    return chunk_document(bundled()[doc_id])


def make_doc(text: str, doc_id: str = "doc") -> Document:
    return Document(doc_id=doc_id, title="t", path="/tmp/doc.txt", text=text, sha256="0")


def chunk_holding(chunks: list[Chunk], needle: str) -> Chunk:
    holding = [chunk for chunk in chunks if needle in chunk.text]
    assert holding, f"no chunk holds {needle!r}"
    return holding[0]


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


# ---- invariants on the bundled corpus ------------------------------------------------------


@pytest.mark.parametrize("doc_id", sorted(bundled()))
def test_bundled_chunks_keep_every_invariant(doc_id: str) -> None:
    document = bundled()[doc_id]
    chunks = bundled_chunks(doc_id)
    covered = [False] * len(document.text)
    for number, chunk in enumerate(chunks):
        assert document.text[chunk.start : chunk.end] == chunk.text
        assert chunk.text == chunk.text.strip() and chunk.text
        assert len(chunk.text) <= 900
        assert chunk.chunk_id == f"{doc_id}#{number}"
        assert chunk.doc_id == doc_id
        covered[chunk.start : chunk.end] = [True] * (chunk.end - chunk.start)
    assert [chunk.start for chunk in chunks] == sorted(chunk.start for chunk in chunks)
    missed = [i for i, char in enumerate(document.text) if not covered[i] and not char.isspace()]
    assert missed == []


def test_bundled_chunks_are_mostly_mid_sized() -> None:
    lengths = [len(chunk.text) for doc_id in bundled() for chunk in bundled_chunks(doc_id)]
    in_range = [length for length in lengths if 200 <= length <= 900]
    assert len(in_range) >= 0.9 * len(lengths)


def test_small_slide_fragments_are_packed_together() -> None:
    block = "Réponse BICLA à S52\n\n56,2 %\n\np=0,0002\n\n37,1 %\n\nAnifrolumab\n\nPlacebo"
    assert block in bundled()[SLIDES].text
    chunk = chunk_holding(bundled_chunks(SLIDES), "56,2 %\n\np=0,0002")
    assert block in chunk.text


def test_long_paragraphs_overlap_by_whole_sentences() -> None:
    doc_id = "cellules-stromales-lupus-phase1"
    chunks = bundled_chunks(doc_id)
    overlaps = [
        (left, right) for left, right in itertools.pairwise(chunks) if right.start < left.end
    ]
    spans = split_sentences(bundled()[doc_id].text)
    starts, ends = {start for start, _ in spans}, {end for _, end in spans}
    assert overlaps
    for left, right in overlaps:
        shared = left.text[right.start - left.start :]
        assert right.text.startswith(shared)
        assert len(shared) <= 150 * 3 // 2
        assert right.start in starts and left.end in ends  # whole sentences (or heading lines)


# ---- structure: tables, lists, sections ----------------------------------------------------


def test_table_stays_whole_with_its_header() -> None:
    document = bundled()[SLIDES]
    header_at = document.text.index("Lupus systémique\t")
    last_row_at = document.text.index("Suivi max de 48 mois")
    chunk = chunk_holding(bundled_chunks(SLIDES), "Lupus systémique\t")
    assert chunk.start <= header_at and last_row_at < chunk.end
    assert chunk.block == "table"
    small = chunk_holding(bundled_chunks(SLIDES), "\tOBI (n=151)\tPBO (n=151)")
    assert "SAE justifiant arrêt\t2%\t2%" in small.text


def test_long_table_is_split_between_rows() -> None:
    rows = [f"row {i}\tvalue {i}\tnote {i}" for i in range(40)]
    text = "Intro paragraph.\n\nName\tValue\tNote\n" + "\n".join(rows) + "\n\nAfter text."
    chunks = chunk_document(make_doc(text), size=200, overlap=40)
    starts = {text.index(row) for row in rows} | {0, text.index("After")}
    ends = {text.index(row) + len(row) for row in rows} | {len(text)}
    assert len(chunks) > 3
    for chunk in chunks:
        assert chunk.start in starts and chunk.end in ends
    tables = [chunk for chunk in chunks if chunk.block == "table"]
    assert len(tables) >= len(chunks) - 1
    assert "Name\tValue\tNote\nrow 0" in chunks[0].text


def test_table_headers() -> None:
    text = bundled()[SLIDES].text
    header = TableHeaders(text).header(text.index("Miltenyi CAR-T"))
    assert header is not None
    assert text[header[0] : header[1]] == "Lupus systémique"
    obi = TableHeaders(text).header(text.index("décès\t0,7%"))
    assert obi is not None and text[obi[0] : obi[1]] == "OBI (n=151)\tPBO (n=151)"
    assert TableHeaders(text).header(text.index("Réponse BICLA")) is None
    lone = text.index("Tanya Siddiqi | City")  # one line with a pipe is not a table
    assert TableHeaders(text).header(lone) is None
    pipes = "Intro\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert TableHeaders(pipes).header(pipes.index("| 1")) == (6, 15)
    assert TableHeaders(pipes).header(len(pipes) + 5) is None


def test_lists_are_one_block() -> None:
    chunk = chunk_holding(bundled_chunks(SLIDES), "- Early combination therapy")
    assert chunk.block == "list"
    assert "Taper to ≤5 mg/day by 4–6 months" in chunk.text
    assert chunk.section == "Immune treatment"


@pytest.mark.parametrize(
    ("needle", "section"),
    [
        ("A total of 271 patients", "RESULTS"),
        ("Single cell gene expression profiling", "Interim results"),
        ("Population à l'inclusion", "Anifrolumab SC : essai TULIP-SC"),
        (
            "R.A. Furie,¹ B.H. Rovin",
            "Efficacy and Safety of Obinutuzumab in Active Lupus Nephritis",
        ),
        ("cibler la voie CD40-CD40L", "Le B, mais pas seulement : cibler la voie CD40-CD40L"),
    ],
)
def test_sections_come_from_the_nearest_heading(needle: str, section: str) -> None:
    chunks = [chunk for doc_id in bundled() for chunk in bundled_chunks(doc_id)]
    assert chunk_holding(chunks, needle).section == section


def test_markdown_and_bold_headings_are_stripped_and_start_sections() -> None:
    body = "Sentence of filler text that goes on. " * 8
    text = f"# Intro\n\n{body}\n\n## **Methods**\n\n{body}\n\n**Results**\n\n{body}"
    chunks = chunk_document(make_doc(text), size=400, overlap=50)
    assert [chunk.section for chunk in chunks] == ["Intro", "Methods", "Results"]
    assert chunks[1].text.startswith("## **Methods**")


def test_a_heading_does_not_end_a_chunk() -> None:
    body = "Filler sentence number one is here. " * 6
    text = f"{body}\n\nShort Heading\n\n{body}"
    chunks = chunk_document(make_doc(text), size=260, overlap=0)
    assert all(not chunk.text.endswith("Short Heading") for chunk in chunks)
    assert chunk_holding(chunks, "Short Heading").section == "Short Heading"


def test_overlong_sentence_is_cut_at_whitespace() -> None:
    words = [f"word{i:03d}" for i in range(120)]
    document = make_doc(" ".join(words))
    chunks = chunk_document(document, size=100, overlap=20)
    for chunk in chunks:
        assert len(chunk.text) <= 100
        assert all(token in words for token in chunk.text.split())


def test_page_comes_from_the_document() -> None:
    text = "Page one text.\n\nPage two text."
    document = Document(
        doc_id="p",
        title="t",
        path="/p.pdf",
        text=text,
        sha256="0",
        kind="pdf",
        page_starts=[0, text.index("Page two")],
    )
    chunks = chunk_document(document, size=16, overlap=0)
    assert [(chunk.text, chunk.page) for chunk in chunks] == [
        ("Page one text.", 1),
        ("Page two text.", 2),
    ]


def test_bad_sizes_are_refused() -> None:
    with pytest.raises(ValueError):
        chunk_document(make_doc("x"), size=100, overlap=100)
    with pytest.raises(ValueError):
        chunk_document(make_doc("x"), size=0, overlap=0)


# ---- language ------------------------------------------------------------------------------


def test_language_of_bundled_chunks() -> None:
    for doc_id in ("cellules-stromales-lupus-phase1",):
        assert {chunk.lang for chunk in bundled_chunks(doc_id)} == {"fr"}
    for doc_id in ("biotherapy-in-lupus-faq", "refract-lupus-nephritis-biopsies"):
        assert {chunk.lang for chunk in bundled_chunks(doc_id)} == {"en"}
    slides = bundled_chunks(SLIDES)
    for french in ("Réponse BICLA", "Les biomédicaments peuvent", "Critère principal S28"):
        assert chunk_holding(slides, french).lang == "fr"
    for english in ("A total of 271 patients", "Kidney biopsy", "Thromboembolic complications"):
        assert chunk_holding(slides, english).lang == "en"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Quelle est la dose de corticoïdes ?", "fr"),
        ("What dose of steroids?", "en"),
        ("Qu'est-ce que le lupus", "fr"),
        ("Is belimumab approved for children?", "en"),
        ("Anifrolumab", "en"),
        ("", "en"),
        ("Schett G, et al. Nat Rev Rheumatol.", "en"),
        ("Ronald F. van Vollenhoven, M.D., Li Wang, M.D.", "en"),
    ],
)
def test_detect_lang(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


# ---- sentences -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Schett G, et al. Nat Rev Rheumatol showed it.",
        "Biologics, e.g. belimumab, i.e. an antibody, vs. placebo.",
        "Seen by Dr. Furie, Pr. Farge, Prof. Mariette and M. Dupont together.",
        "See Fig. 2 and No. 5 for approx. 3 patients.",
        "Response was better (p=0.02) than expected.",
        "Réponse BICLA p = 0,0002 et 56,2 % des patients.",
        "Dose cible ≤ 5 mg/j si possible.",
        "Continue with 0.3–0.7 mg/kg/day prednisone.",
        "N Engl J Med 2025;392:1471–83.",
        "R.A. Furie, B.H. Rovin and J.P. Garg reported it.",
        "It was 46.4% of the patients ([CI], 2.0 to 24.8; P=0.02).",
        "La voie sous-cutanée offre\ndes bénéfices cliniques\n(BICLA, épargne) durables.",
    ],
)
def test_sentences_do_not_split_inside_abbreviations_and_numbers(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It works. Then it stops.", ["It works.", "Then it stops."]),
        ("Really! Yes? 2025 was good.", ["Really!", "Yes?", "2025 was good."]),
        ("He said “Stop.” Then left.", ["He said “Stop.”", "Then left."]),
        ("Pourquoi c'est important ? Parce que.", ["Pourquoi c'est important ?", "Parce que."]),
        ("Pourquoi c'est important ?\nParce que", ["Pourquoi c'est important ?", "Parce que"]),
        ("Blood cells… The signs.", ["Blood cells…", "The signs."]),
        ("- item one\n- item two\n 1. item three", ["- item one", "- item two", "1. item three"]),
        ("Tolérance\nProfil favorable.", ["Tolérance", "Profil favorable."]),
        ("First para\n\nsecond para", ["First para", "second para"]),
        ("a\tb\nc\td", ["a\tb", "c\td"]),
        ("Line one.\r\nLine two.\r\n", ["Line one.", "Line two."]),
    ],
)
def test_sentences_split_where_they_end(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The lease was signed on Jan. 15, 2024 by both parties.",
        "Dates were between Jan. 1, 1999, and Dec. 30, 2009 here.",
        "La réunion du 3 janv. 2024 a validé le budget.",
        "Le 3 févr. 2024 et le 9 sept. 2025 furent fériés.",
        "Voir art. 12 du règlement et art. 259-1 CGI.",
        "Conformément à l'art. 12 des statuts, le conseil se réunit.",
        "Call Building B2 ext. 4470 for help.",
        "Lady Margaret Butler (c. 1454-1539) was his daughter.",
        "L'astronome Kidinnu (IVe siècle av. J.-C.) a calculé le mois.",
        "É. Zola et A. Dreyfus se rencontrent.",
        "Le musée (имени А. С. Пушкина) fut fondé en 1912.",
    ],
)
def test_sentences_do_not_split_after_dated_and_numbered_abbreviations(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Du réalisme de son art. Ce réalisme dure.",
            ["Du réalisme de son art.", "Ce réalisme dure."],
        ),
        ("I met Jan. He was late.", ["I met Jan.", "He was late."]),
        ("It lasted 20 min. 12 patients left.", ["It lasted 20 min.", "12 patients left."]),
    ],
)
def test_number_abbreviations_end_a_sentence_before_no_digit(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


def test_sentences_of_a_slice_use_absolute_offsets() -> None:
    text = "Ignored. First one. Second one. Ignored too."
    start, end = text.index("First"), text.index(" Ignored too")
    spans = split_sentences(text, start, end)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one."]
    assert spans[0][0] == start


def test_section_bounds_hold_exactly_the_offsets_under_the_same_heading() -> None:
    document = bundled()[SLIDES]
    under_inner = 0
    for chunk in bundled_chunks(SLIDES)[:40]:
        for offset in range(chunk.start, chunk.end, 7):
            low, high = section_bounds(document.text, chunk, offset)
            assert chunk.start <= low <= max(offset, chunk.start) < high <= chunk.end
            own = section_of(document.text, chunk, offset)
            for other in range(chunk.start + 1, chunk.end):
                same = section_of(document.text, chunk, other) == own
                assert same or not low < other < high
            under_inner += low > chunk.start
    assert under_inner > 0  # some offsets stand under a heading inside their chunk


def test_headings_are_the_ones_a_build_finds() -> None:
    text = "# Results\n\nThe rate was 56 %.\n\nLeave entitlements\n\n- a day\n- two days\n"
    assert headings(text) == ["Results", "Leave entitlements"]
    assert headings("- Efficacy shown\n- Safety shown\n") == []


# ---- hard-wrapped plain text and PDF text: sentences and headings inside paragraphs ---------

WRAPPED = (
    "Land surface temperature was taken from 86 cloud-free Landsat 8 scenes acquired at about\n"
    "10:30 local time. Canopy cover came from the Copernicus Street Tree Layer at 10 m and\n"
    "the mean difference in sleep quality was small (difference −2.1; 95% CI from the model\n"
    "−3.0 to −1.2) according to the trial's own registered protocol from January 2020 to\n"
    "March 2021. Cities with less than 15% canopy had the largest heat islands overall in\n"
    "Europe."
)


def test_a_full_line_of_a_wrapped_paragraph_carries_its_sentence_on() -> None:
    assert sentences(WRAPPED) == [
        WRAPPED[: WRAPPED.index(" Canopy")],
        WRAPPED[WRAPPED.index("Canopy") : WRAPPED.index(" Cities")],
        WRAPPED[WRAPPED.index("Cities") :],
    ]


FABRIQUE = (  # a PDF's page (the s15 trial's tiers-lieu review): the value's unit opens a line
    "L'atelier a animé 18 stages pour les jeunes pendant les\n"
    "vacances scolaires.\n"
    "Modèle économique\n"
    "Les recettes propres (abonnements, café, prestations) couvrent 47 % des dépenses, contre 35\n"
    "% la première année. Le reste est financé par l'État au titre du programme Fabriques de\n"
    "territoire (75 000 euros par an pendant trois ans), par la région et par la commune, qui met\n"
    "le bâtiment à disposition gratuitement."
)


def test_a_range_ending_inside_a_wrapped_paragraph_is_cut_as_the_whole_text_is() -> None:
    """A chunk ending at a sentence's end mid-line: its last line's neighbours past the chunk
    still make the line above it a full wrapped line, so the sentence is not cut at its break."""
    whole = FABRIQUE.index("Les recettes")
    ends = FABRIQUE.index(" Le reste")
    assert (whole, ends) in split_sentences(FABRIQUE)
    assert split_sentences(FABRIQUE, 0, ends)[-1] == (whole, ends)
    assert split_sentences(FABRIQUE, whole, ends) == [(whole, ends)]


@pytest.mark.parametrize(
    "text",
    [
        # a slide: short lines, each an item
        "Cohorte modélisée\n1000 patients\nÂge moyen 41 ans\nScore SLEDAI-2K > 0",
        # a title over its authors and journal line: much longer than the lines around it
        "Urban Tree Canopy and Surface Temperature: Evidence from 12 European Cities\n"
        "Sofia Andersen, Marco Bellini, Katarzyna Nowak\nUrban Climate Letters, 2024",
        # a caption over the rows of a plain-line table
        "Table 2. Cooling per 10 points of canopy cover (degrees C)\nMadrid 2.1\nAthens 1.9",
    ],
)
def test_lines_that_are_items_stay_apart(text: str) -> None:
    assert all("\n" not in sentence for sentence in sentences(text))


HEADERS = (  # a package's METADATA, as the session 13 trial indexed it
    "Metadata-Version: 2.4\n"
    "Name: attrs\n"
    "Project-URL: Documentation, https://www.attrs.org/\n"
    "Project-URL: Changelog, https://www.attrs.org/en/stable/changelog.html\n"
    "Project-URL: GitHub, https://github.com/python-attrs/attrs\n"
    "License-Expression: MIT\n"
    "Classifier: Programming Language :: Python :: Implementation :: CPython\n"
    "Classifier: Programming Language :: Python :: Implementation :: PyPy\n"
    "Requires-Python: >=3.9"
)


def test_each_header_line_is_a_sentence_of_its_own() -> None:
    """Long `Key: value` lines were read as a hard-wrapped paragraph: "Project-URL: Changelog…"
    ran on into "Project-URL: GitHub…", two Classifier lines into one sentence."""
    assert sentences(HEADERS) == HEADERS.split("\n")
    front_matter = "language: en\nlicense: apache-2.0\nLocale: de\nName: attrs"
    assert sentences(front_matter) == front_matter.split("\n")  # a code, no joining word


CONTACTS = """Landlord: Claire Morel, +33 6 12 34 56 78, claire.morel@example.fr
Emergency plumber: Plomberie Dubois, 04 78 11 22 33 (24/7)
Heating engineer: Chauffage Lyonnais, 04 78 55 66 77
Bailleur : Claire Morel, 22 avenue Berthelot, 69007 Lyon, troisième étage
Locataire : Thomas Lefèvre, 14 rue des Tanneurs, 69007 Lyon, appartement 3B"""


def test_each_labelled_line_of_a_list_is_a_sentence_of_its_own() -> None:
    """Lines opening with a label of a few words ("Emergency plumber:", "Bailleur :"), as long
    as a hard-wrapped paragraph's lines, ran into one sentence: "Who is the landlord?" could
    quote the landlord's line only with the plumber's (s55 trial, an HTML list of contacts)."""
    assert sentences(CONTACTS) == CONTACTS.split("\n")


def test_a_wrapped_line_opening_in_lower_case_with_a_colon_runs_on() -> None:
    """Only a capitalised label opens a field: a hard-wrapped sentence's line that happens to
    hold a colon after its first words still carries the sentence on."""
    text = (
        "Results: the trial showed that in the treatment group the patients had\n"
        "fewer flares: the difference was significant at week 52 in the primary analysis."
    )
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Note: the value is stored as a\nstring: not an integer.",
        "Warning: the cache keeps keys,\nvalues: and their times, for a day.",
        "Tip: keep the old index –\nnote: it is read until the new one is written.",
    ],
)
def test_a_line_ending_mid_sentence_runs_on_though_both_lines_look_like_headers(text: str) -> None:
    """Two `Key: value` lines split a hard-wrapped sentence cut after "a" or a comma."""
    assert sentences(text) == [text]


SOIL = """Soil Microbial Diversity Under No-Till Management

Abstract
Tillage disturbs soil structure and the microbial communities that sustain nutrient cycling.

2. Materials and methods
2.1 Site and design
The experiment was established in 1997 on a silt loam soil. Mean annual rainfall is 580 mm.

3. Results
Bacterial Shannon diversity was similar in both systems (6.8 under no-till, 6.7 otherwise).
Grain yield averaged 3.1 t/ha under no-till.
Discussion
The absence of a yield penalty contrasts with earlier reports from wetter regions.
"""

RULES = """TITRE II - ACCÈS ET TARIFS

Article 4 - Conditions d'accès
Les enfants de moins de 10 ans doivent être accompagnés d'une personne majeure en tenue.
Article 5 - Tarifs
L'entrée adulte coûte 4,20 euros. La carte de 10 entrées adulte est vendue 36 euros.
"""


def test_numbered_lines_over_prose_are_headings_in_plain_text() -> None:
    assert headings(SOIL) == [
        "Soil Microbial Diversity Under No-Till Management",
        "2. Materials and methods",
        "2.1 Site and design",
        "3. Results",
    ]
    assert headings(RULES) == [
        "TITRE II - ACCÈS ET TARIFS",
        "Article 4 - Conditions d'accès",
        "Article 5 - Tarifs",
    ]


def test_a_quote_in_plain_text_stands_under_its_article() -> None:
    document = make_doc(RULES)
    chunks = chunk_document(document, size=400, overlap=0)
    price = RULES.index("L'entrée adulte")
    chunk = chunk_holding(chunks, "L'entrée adulte")
    assert section_of(RULES, chunk, price) == "Article 5 - Tarifs"
    spans = split_sentences(RULES)
    assert (
        RULES[slice(*next(s for s in spans if s[1] > price))] == "L'entrée adulte coûte 4,20 euros."
    )


MINUTES = """PROCÈS-VERBAL DE L'ASSEMBLÉE GÉNÉRALE
Tessera SAS – capital social 120 000 €

PREMIÈRE RÉSOLUTION – Approbation des comptes
L'assemblée approuve les comptes de l'exercice clos le 31 décembre 2024.
Cette résolution est adoptée à l'unanimité.

DEUXIÈME RÉSOLUTION – Affectation du résultat
L'assemblée décide d'affecter le bénéfice à la réserve légale et au report à nouveau.
Cette résolution est adoptée par 10 200 voix pour, 800 voix contre et 0 abstention.
"""


def test_parts_numbered_in_words_over_prose_are_headings() -> None:
    assert headings(MINUTES)[-2:] == [
        "PREMIÈRE RÉSOLUTION – Approbation des comptes",
        "DEUXIÈME RÉSOLUTION – Affectation du résultat",
    ]
    votes = MINUTES.index("10 200 voix")
    chunk = chunk_holding(chunk_document(make_doc(MINUTES), size=2000, overlap=0), "10 200")
    assert section_of(MINUTES, chunk, votes) == "DEUXIÈME RÉSOLUTION – Affectation du résultat"
    for line in ("Article premier – Objet", "First Schedule: Fees"):
        assert headings(ENDED_LINE + line + PROSE_UNDER) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Troisième partie – Durée",
        "Titre premier – Dispositions générales",
        "Livre premier – Des personnes",
        "Première partie : le contexte",
        "Second Part: Fees",
    ],
)
def test_parts_and_titles_numbered_in_words_are_headings(line: str) -> None:
    # review D (session 21): "partie", "titre", "livre" and "Part" are no section cues
    # ("partie 3" asks no section), yet an ordinal numbers them in a heading
    assert headings(ENDED_LINE + line + PROSE_UNDER) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Deuxième étape de la procédure",
        "First of all – read this",
        "Second thoughts",
        "First name: Jean",  # a form's label: "name" names no part (session 21)
        "Premier trimestre – chiffre d'affaires",
    ],
)
def test_an_ordinal_line_without_a_part_and_a_title_is_no_heading(line: str) -> None:
    assert headings(ENDED_LINE + line + PROSE_UNDER) == []


ENDED_LINE = "The trial ran for a year and its results were clear to everyone.\n"
PROSE_UNDER = "\nThe intervention arm had lower HbA1c at every visit after baseline.\n"


@pytest.mark.parametrize(
    "text",
    [
        "1. Preheat the oven\n2. Add the flour and the butter, then mix them for two minutes.",
        "Project lead\nB Lauwerys\nCliniques Universitaires Saint-Luc",
        "Madrid 2.1\nParks larger than 10 hectares cooled the surrounding 300 m further.",
    ],
)
def test_list_items_and_label_lines_are_no_headings(text: str) -> None:
    assert headings(text) == []


ENDED = "The trial ran for a year and its results were clear to everyone.\n"
OVER_PROSE = "\nThe intervention arm had lower HbA1c at every visit after baseline.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Page 12",  # a PDF page's running header, a word and a number alone
        "Figure 3. Mean HbA1c by arm",
        "Table 2. Baseline",
        "Fig. 1 - Flow of participants",
        "Tableau 4 : Effectifs",
    ],
)
def test_a_running_header_or_a_caption_over_prose_is_no_heading(line: str) -> None:
    assert headings(ENDED + line + OVER_PROSE) == []
    assert headings(ENDED + "Article 5 - Tarifs" + OVER_PROSE) == ["Article 5 - Tarifs"]


@pytest.mark.parametrize(
    "stamp",
    [
        "Updated March 3, 2026 · 2 min read",
        "Last edited by Lena Hartmann on 7 February 2025",
        "Last modified on 5 March 2026 by the web team",  # a byline after the date (cutting 12)
        "Modifié le 5 mars 2026 par l’équipe web",
    ],
)
def test_a_line_stamping_an_edit_is_no_heading(stamp: str) -> None:
    """s20 trial: every help page's section was its "Updated March 3, 2026 · 2 min read"."""
    page = f"# Setting up webhooks\n\n{stamp}\n{OVER_PROSE}"
    assert headings(page) == ["Setting up webhooks"]
    assert headings(page.replace(stamp, "Signing requests")) == [
        "Setting up webhooks",
        "Signing requests",
    ]


def test_a_line_of_closing_marks_alone_ends_no_sentence() -> None:
    text = "He wrote that the cohort (followed for years\n)\n3. Results" + OVER_PROSE
    assert headings(text) == []
    assert headings(text.replace("years\n)", "years.)")) == ["3. Results"]  # ")" after "."


def test_wrapped_prose_opening_with_a_number_is_no_heading() -> None:
    """A full line of wrapped prose that opens with a number ("12 of them were…") runs on; a
    number after a comma does not open a heading either."""
    wrapped = (
        "The study enrolled patients at twelve sites across the west of France.\n"
        "12 of them were university hospitals, the others were in the regions of\n"
        "Brittany and Normandy, where the follow-up visits took place every month.\n"
    )
    assert headings(wrapped) == []
    after_comma = (
        "The follow-up ended at the sites in France,\n12 weeks after randomisation" + OVER_PROSE
    )
    assert headings(after_comma) == []


def test_a_numbered_line_is_matched_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A numbered line over prose was matched against the numbered-heading pattern twice (by
    _heads_prose, then by _numbered_leads); once now."""
    from citeqa import blocks

    pattern, matched = blocks._NUMBERED_HEADING, []

    class Counting:
        def match(self, line: str) -> re.Match[str] | None:
            matched.append(line)
            return pattern.match(line)

    monkeypatch.setattr(blocks, "_NUMBERED_HEADING", Counting())
    text = "Intro.\n\n3. Results\nBacterial diversity was similar in both systems overall."
    assert headings(text) == ["3. Results"]
    assert matched == ["3. Results"]


def test_a_long_heading_is_carried_cut_into_each_chunk_and_what_it_embeds() -> None:
    """A 100 KB heading was copied whole into each of its chunks' section and passage text
    (113 chunks of 101 KB): each carries at most SECTION_CHARS of it, a short heading whole."""
    heading = "Version " + "9" * 100_000
    text = f"## {heading}\n\n" + "The release fixes the sync command. " * 200 + "\n"
    chunks = list(chunk_document(make_doc(text)))
    assert len(chunks) > 1
    for chunk in chunks:
        assert chunk.section == heading[: SECTION_CHARS - 1] + "…"
        assert len(passage_text(chunk)) <= len(chunk.text) + SECTION_CHARS + 1
    short = list(chunk_document(make_doc("## Fixed\n\n" + "A line. " * 400)))
    assert {chunk.section for chunk in short} == {"Fixed"}


def test_a_numbered_list_items_number_opens_its_sentence() -> None:
    text = (
        "Illumina sequencing goes to the Genomics Core Facility.\n\n"
        "1. Quantify DNA with Qubit.\n  12. Fill in the submission sheet.\n"
        "We met in 2021. 12 people came."
    )
    sentences = [text[start:end] for start, end in split_sentences(text)]
    assert sentences == [
        "Illumina sequencing goes to the Genomics Core Facility.",
        "1. Quantify DNA with Qubit.",
        "12. Fill in the submission sheet.",
        "We met in 2021.",
        "12 people came.",
    ]
