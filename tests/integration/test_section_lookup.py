"""A citation names the version or part its quoted line sits under, and a question naming a
section's number (a version, an article, a clause) finds that section (found by the session-17
user trial: a changelog's "Fixed" lines were cited as "Changelog · Fixed", no version on
screen, and "What changed in version 3.5.1?" quoted another version's line; "Que prévoit
l'article 5 des CGV ?" quoted Article 10; a plain-text release note's quote ran from one
release into the next)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.models import Answer
from small_corpora import assistant_over

CHANGELOG = """# Changelog

All notable changes to Quillon are documented in this file.

## [2.4.1] - 2025-05-02

### Fixed

- Fixed crash when a notebook title contains a tab character.
- Fixed wrong totals on pages with more than 500 rows.

## [2.4.0] - 2025-04-10

### Added

- `quillon sync --dry-run` to preview a synchronisation.

### Fixed

- Fixed crash when the disk is full during export.

## [2.3.1] - 2025-02-20

### Fixed

- Fixed crash when the notebook folder is empty.

## [2.3.0] - 2025-01-08

### Changed

- The minimum supported Node version is now 18.
- Support for Python 3.9 was dropped.
"""

RELEASES = """ORBITEL - RELEASE NOTES
=======================

Release 2026.03 (released 9 March 2026)
  * New: exports to spreadsheets.
  * Fixed: the map showed distances in miles.
  * Known issue: long routes may time out; split them.

Release 2026.02 (released 9 February 2026)
  * New: offline maps for the whole region.
  * Fixed: the map showed every stop twice.
"""

CONTRACT = """# Contrat de maintenance — Société Verdal

## Article 1 — Objet

Le présent contrat définit la maintenance des ascenseurs du siège.

## Article 2 — Durée

Le contrat est conclu pour une durée de trois ans.

## Article 3 — Prix

Le prix annuel est de 9 600 euros hors taxes.

## Article 4 — Délais d'intervention

Le Prestataire intervient dans un délai de quatre heures ouvrées après l'appel ; tout
retard est soumis à l'article 6.

## Article 5 — Assurance

Le Prestataire souscrit une assurance de responsabilité civile professionnelle.

## Article 6 — Pénalités

Chaque heure au-delà coûte 80 euros au Prestataire, au plus 2 000 euros par an.
"""


SMPC = """# Lisoprel tablets — summary of product characteristics

## 4.1 Therapeutic indications

Lisoprel treats hypertension in adults.

## 4.2 Posology and method of administration

The recommended starting dose is 2.5 mg once daily. Patients with renal impairment start
at 2.5 mg every other day.

## 4.3 Contraindications

Lisoprel must not be taken during pregnancy.

## 5.1 Pharmacodynamic properties

Lisoprel inhibits the angiotensin-converting enzyme.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "CHANGELOG.md": CHANGELOG,
        "RELEASES.txt": RELEASES,
        "contrat.md": CONTRACT,
        "smpc.md": SMPC,
    }
    return assistant_over(
        files, tmp_path_factory.mktemp("sections"), tmp_path_factory.mktemp("index")
    )


def _sections(answer: Answer) -> list[str]:
    return [citation.section or "" for citation in answer.citations]


def test_a_changelog_line_is_cited_under_its_version(assistant: Assistant) -> None:
    answer = assistant.ask("Which version fixed the crash when a notebook title contains a tab?")
    assert not answer.abstained
    assert "tab character" in answer.citations[0].quote
    assert answer.citations[0].section == "[2.4.1] - 2025-05-02 › Fixed"


def test_the_document_title_is_left_out_of_the_path(assistant: Assistant) -> None:
    answer = assistant.ask("Quel est le prix annuel du contrat de maintenance ?")
    assert "9 600" in answer.citations[0].quote
    assert answer.citations[0].section == "Article 3 — Prix"


@pytest.mark.parametrize(
    ("question", "version", "words"),
    [
        ("What changed in version 2.3.1?", "[2.3.1]", "notebook folder is empty"),
        ("What changed in version 2.3.0?", "[2.3.0]", "Node version"),
        ("2.4.0", "[2.4.0]", "quillon sync"),
    ],
)
def test_a_version_asked_is_quoted_from_its_section(
    assistant: Assistant, question: str, version: str, words: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert all(section.startswith(version) for section in _sections(answer))
    assert any(words in citation.quote for citation in answer.citations)
    first, cited = answer.passages[0], answer.citations[0]
    assert (first.rank, first.doc_id) == (1, cited.doc_id)
    assert first.start <= cited.start < first.end  # the section asked is the first passage
    assert [passage.rank for passage in answer.passages] == list(range(1, len(answer.passages) + 1))


@pytest.mark.parametrize(
    ("question", "article", "words"),
    [
        ("Que prévoit l'article 5 du contrat de maintenance ?", "Article 5", "assurance"),
        ("Que dit l'article 2 du contrat ?", "Article 2", "trois ans"),
    ],
)
def test_an_article_asked_is_quoted_from_its_section(
    assistant: Assistant, question: str, article: str, words: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert _sections(answer)[0].startswith(article)
    assert words in answer.citations[0].quote


def test_a_version_no_heading_holds_is_not_answered_from_another(assistant: Assistant) -> None:
    answer = assistant.ask("What changed in version 2.9?")
    assert answer.abstained
    assert "“2.9”" in (answer.reason or "")
    assert "2.4.1" in (answer.reason or "")


def test_a_release_quote_stays_in_its_release(assistant: Assistant) -> None:
    answer = assistant.ask("What was fixed in Orbitel release 2026.02?")
    assert not answer.abstained
    quoted = " ".join(citation.quote for citation in answer.citations)
    assert "Release 2026.03" not in quoted
    assert "miles" not in quoted and "time out" not in quoted


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("What is the starting dose, 2.5 mg?", "starting dose"),
        ("Should patients with renal impairment take 2.5 mg?", "renal impairment"),
        ("When was support for python 3.9 dropped in Quillon?", "Python 3.9"),
    ],
)
def test_a_number_asked_without_a_cue_is_no_missing_section(
    assistant: Assistant, question: str, words: str
) -> None:
    """Review of s17-sections, item 1: these abstained "No section of … is numbered “2.5”"."""
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    assert any(words in citation.quote for citation in answer.citations)


def test_the_article_asked_is_the_head_not_the_one_referring_to_it(assistant: Assistant) -> None:
    """Trial s17: "Que dit l'article 9 auquel renvoie l'article 4 du bail ?" quoted article 4,
    which names article 9: the number in the relative clause is no section asked."""
    answer = assistant.ask("Que dit l'article 6 auquel renvoie l'article 4 du contrat ?")
    assert not answer.abstained
    assert _sections(answer)[0].startswith("Article 6"), _sections(answer)
    assert "80 euros" in answer.citations[0].quote


def test_a_follow_up_naming_another_article_quotes_that_article(assistant: Assistant) -> None:
    """Trial s17: "et l'article 9 ?" after a question on article 7 quoted article 4, the one
    sentence writing "9" (the follow-up's new word); article 9's own sentences write none."""
    session = assistant.session()
    session.ask("Que dit l'article 2 du contrat de maintenance ?")
    answer = session.ask("et l'article 6 ?")
    assert not answer.abstained
    assert _sections(answer)[0].startswith("Article 6"), _sections(answer)
    assert "80 euros" in answer.citations[0].quote


LEASE = "# Bail des entrepôts de Vénissieux\n\n" + "".join(
    f"## Article {number} — {title}\n\n{text}\n\n"
    for number, title, text in [
        (1, "Objet", "Le présent bail porte sur un entrepôt de 900 m²."),
        (2, "Durée", "Le bail est conclu pour neuf années entières."),
        (3, "Loyer", "Le loyer annuel est de 40 000 euros hors taxes."),
        (4, "Charges", "Les charges sont réparties au prorata des surfaces."),
        (5, "Travaux", "Le preneur ne réalise aucun travail sans accord écrit."),
        (6, "Assurance", "Le preneur assure les locaux contre l'incendie."),
        (7, "Cession", "Toute cession est soumise à l'accord du bailleur."),
        (8, "Sous-location", "La sous-location est interdite."),
        (9, "Restitution", "Les clés sont rendues le dernier jour, après un état des lieux."),
    ]
)
NOTES = {
    f"note-{n}.md": (
        f"# Note juridique {n}\n\nSelon la note {n}, l'article 9 du bail type dit ce que dit"
        f" l'article 9 de tout bail : l'article 9 du bail règle la fin du bail, et la note {n}"
        " commente l'article 9 du bail.\n"
    )
    for n in range(1, 8)
}
"""Seven notes naming "l'article 9 du bail" again and again, which outrank the lease's own
article 9 for "Que dit l'article 9 du bail ?"."""


def test_an_article_asked_below_the_cut_reaches_the_passages_read(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """sectionhits.py: no passage among the five first holds article 9; the lease's passage
    holding it takes the last place, and its article is quoted."""
    over = assistant_over(
        {"bail.md": LEASE, **NOTES},
        tmp_path_factory.mktemp("crowded"),
        tmp_path_factory.mktemp("crowded-index"),
    )
    question = "Que dit l'article 9 du bail ?"
    answer = over.ask(question)
    assert _sections(answer)[0].startswith("Article 9"), _sections(answer)
    assert "clés sont rendues" in answer.citations[0].quote
    _, evidence, _ = over._retrievals(question, over._query_vectors(question), None)
    read = [hit.chunk.doc_id for hit in evidence.hits]
    assert read[-1] == "bail" and "bail" not in read[:-1], read
