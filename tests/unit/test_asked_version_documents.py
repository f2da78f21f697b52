"""A version a question asks ("la version 2 du protocole") that a document's title or path
names: every sentence of that document stands under it (section_answers.under_asked_section). s30
trial a02: only the protocol's line "Version 2 — 14 octobre 2025 — rédigé par …" opened with the
asked number (numbered_sections.standing_under), so it was quoted for how long fixation lasts;
the step saying so is a list item under no heading naming the version."""

from __future__ import annotations

import numpy as np

from citeqa.candidates import Candidates
from citeqa.chunking import chunk_document
from citeqa.models import Document, Sentence
from citeqa.section_answers import under_asked_section
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.tallies import document_sentences
from citeqa.version_documents import asked_version_documents

PROTOCOLS = {
    "methodes/marquage_v1": (
        "Marquage des coupes (v1)",
        "# Marquage des coupes (v1)\n\nVersion 1 — 3 mars 2026 — rédigé par Léa Morel.\n\n"
        "## Étapes\n\n1. Rincer les coupes au PBS.\n2. Fixer 20 min à température ambiante.\n",
    ),
    "methodes/marquage_v2": (
        "Marquage des coupes (v2)",
        "# Marquage des coupes (v2)\n\nVersion 2 — 9 juin 2026 — rédigé par Léa Morel.\n\n"
        "## Étapes\n\n1. Rincer les coupes au PBS.\n2. Fixer 40 min à 4 °C.\n",
    ),
    "rapports/bilan": (
        "Bilan du semestre",
        "# Bilan du semestre\n\nLa fixation dure désormais plus longtemps qu'en mars.\n",
    ),
}


def _bank(papers: dict[str, tuple[str, str]] = PROTOCOLS) -> SentenceBank:
    documents, chunks, sentences = {}, [], []
    for doc_id, (title, text) in papers.items():
        documents[doc_id] = Document(
            doc_id=doc_id, title=title, path=f"/{doc_id}.md", text=text, sha256="0"
        )
        first = len(chunks)
        cut = chunk_document(documents[doc_id])
        chunks += cut
        spans = [(first + i, c.start, c.end) for i, c in enumerate(cut)]
        for chunk, start, end in document_sentences(text, spans, "md"):
            sentences.append(
                Sentence(doc_id=doc_id, chunk_index=int(chunk), start=int(start), end=int(end))
            )
    return SentenceBank(documents, chunks, sentences, None, [frozenset()] * len(sentences))


def _candidates(bank: SentenceBank, openings: list[tuple[str, str]]) -> Candidates:
    order = [
        next(
            i
            for i, s in enumerate(bank.sentences)
            if s.doc_id == doc_id and bank.text(i).startswith(words)
        )
        for doc_id, words in openings
    ]
    items = [ScoredSentence(i, 0.5, 0.5, 0.5, 0.5, 1) for i in order]
    return Candidates(items, np.linspace(0.5, 0.1, len(items)), np.zeros((len(items), 2)))


def _under(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """section_answers.under_asked_section, the documents of the asked version read of the
    candidates' documents, the best first (as answering reads them of its top passages:
    version_documents.version_documents_read)."""
    documents = dict.fromkeys(bank.sentences[item.index].doc_id for item in candidates.sentences)
    versioned = asked_version_documents(question, (bank.documents[d] for d in documents))
    return under_asked_section(candidates, bank, question, versioned)


def test_every_sentence_of_the_asked_versions_document_stands_under_it() -> None:
    bank = _bank()
    candidates = _candidates(
        bank,
        [
            ("methodes/marquage_v2", "Version 2"),
            ("rapports/bilan", "La fixation"),
            ("methodes/marquage_v1", "2. Fixer"),
            ("methodes/marquage_v2", "2. Fixer"),
        ],
    )
    question = "Combien de temps dure la fixation dans la version 2 du protocole ?"
    kept = _under(candidates, bank, question)
    assert [bank.text(item.index) for item in kept.sentences] == ["2. Fixer 40 min à 4 °C."]


def test_a_section_number_that_is_no_version_keeps_to_its_section() -> None:
    """ "l'étape 2" asks a numbered step, not version 2: the v2 document is not read whole."""
    bank = _bank()
    candidates = _candidates(
        bank,
        [("rapports/bilan", "La fixation"), ("methodes/marquage_v2", "Version 2")],
    )
    kept = _under(candidates, bank, "Que dit l'article 2 du protocole ?")
    assert [bank.text(item.index)[:9] for item in kept.sentences] == ["Version 2"]


def test_a_document_is_of_the_asked_version_or_one_under_it() -> None:
    """ "version 2" asks a page of v2.1 too; "version 3.5.1" asks a section of a changelog
    titled "(v3)", not all of it."""
    pages = [
        Document(doc_id="docs/v2.1/limits", title="Limits", path="/l", text="x", sha256="0"),
        Document(doc_id="changelog", title="Changelog (v3)", path="/c", text="x", sha256="0"),
    ]
    assert asked_version_documents("What are the limits in version 2?", pages) == {
        "docs/v2.1/limits"
    }
    assert asked_version_documents("What changed in version 3.5.1?", pages) == frozenset()


QUOTES = {
    "offers/Q-31_shelves_v1": (
        "Offer Q-31",
        "# Offer Q-31\n\n1. Oak shelves: 900.\n2. Fitting: 150.\n\nTotal: 1,050.\n",
    ),
    "offers/Q-31_shelves-V2": (
        "Offer Q-31",
        "# Offer Q-31\n\n1. Walnut shelves: 1,200.\n2. Fitting: 150.\n\nTotal: 1,350.\n",
    ),
    "safety/sheet": (
        "Safety sheet",
        "# Safety sheet\n\n## 2. Hazards\n\nTotal exposure must stay short.\n",
    ),
}


def test_a_version_ending_a_file_name_holds_that_document() -> None:
    """s31 trial a18/a19: "devis … version 2" quoted another document's "2. …" section; a
    file named "…_v2" is that version whole, however the question writes it."""
    bank = _bank(QUOTES)
    documents = bank.documents.values()
    for question, wanted in (
        ("What is the total of version 2 of offer Q-31?", "offers/Q-31_shelves-V2"),
        ("What is the total of the v2 offer?", "offers/Q-31_shelves-V2"),
        ("Total of v1?", "offers/Q-31_shelves_v1"),
        ("What did the first version of the offer total?", "offers/Q-31_shelves_v1"),
        ("Quel était le total de la première version ?", "offers/Q-31_shelves_v1"),
    ):
        assert asked_version_documents(question, documents) == {wanted}, question
    assert asked_version_documents("What is the total of the offer?", documents) == set()
    candidates = _candidates(
        bank,
        [
            ("safety/sheet", "Total exposure"),
            ("offers/Q-31_shelves_v1", "Total: 1,050"),
            ("offers/Q-31_shelves-V2", "Total: 1,350"),
        ],
    )
    for question, total in (
        ("What is the total of version 2 of the offer?", "Total: 1,350."),
        ("What is the total of the v2 offer?", "Total: 1,350."),
        ("What was the total in the first version of the offer?", "Total: 1,050."),
    ):
        kept = _under(candidates, bank, question)
        assert [bank.text(item.index) for item in kept.sentences] == [total], question


def test_a_version_number_is_taken_from_the_best_candidates_document_only() -> None:
    """A "2." section of another document than the best candidate's is no version 2 of it."""
    bank = _bank(QUOTES)
    candidates = _candidates(
        bank,
        [
            ("offers/Q-31_shelves_v1", "Total: 1,050"),
            ("safety/sheet", "Total exposure"),
            ("offers/Q-31_shelves_v1", "2. Fitting"),
        ],
    )
    kept = _under(candidates, bank, "What is the total of version 2?")
    assert [bank.text(item.index) for item in kept.sentences] == ["2. Fitting: 150."]


PAPERS = {
    "devis/devis_cuisine": (
        "Devis cuisine",
        "# Devis cuisine\n\nVersion 2 du 3 mars 2026.\n\nMeubles noyer : 5 100 €.\n\n"
        "Total TTC : 5 900 €.\n",
    ),
    "planning/planning_chantier_v2": (
        "Planning chantier",
        "# Planning chantier\n\nPose cuisine : semaine 12.\n\nTotal des heures : 40.\n",
    ),
    "fournisseurs": ("Fournisseurs", "# Fournisseurs\n\nBois : scierie Martin.\n"),
}


def test_another_papers_file_name_version_is_no_version_of_the_asked_one() -> None:
    """s32 review: "planning_chantier_v2" took over "la v2 du devis" from the quote the best
    candidate is of; a file name's version counts for the best document, its copies and the
    documents the question names only."""
    bank = _bank(PAPERS)
    documents = list(bank.documents.values())
    for question in (
        "Quel est le total TTC de la v2 du devis ?",
        "Quel est le total TTC de la version 2 ?",
    ):
        assert asked_version_documents(question, documents) == frozenset(), question
    assert asked_version_documents("Combien d'heures prévoit la v2 du planning ?", documents) == {
        "planning/planning_chantier_v2"
    }
    assert asked_version_documents("Quelles heures dans la v2 ?", documents[1:]) == {
        "planning/planning_chantier_v2"
    }
    candidates = _candidates(
        bank,
        [
            ("devis/devis_cuisine", "Total TTC"),
            ("planning/planning_chantier_v2", "Total des heures"),
            ("devis/devis_cuisine", "Version 2"),
        ],
    )
    kept = _under(candidates, bank, "Quel est le total TTC de la v2 du devis ?")
    assert bank.text(kept.sentences[0].index) == "Total TTC : 5 900 €."


def test_a_number_asked_as_a_version_keeps_to_documents_that_have_one() -> None:
    """s32 review: with no document of a version among the candidates, the best one's line
    opening with the number ("Version 2 du 3 mars 2026.") was kept alone for its total."""
    bank = _bank(PAPERS)
    candidates = _candidates(
        bank,
        [
            ("devis/devis_cuisine", "Total TTC"),
            ("fournisseurs", "Bois"),
            ("devis/devis_cuisine", "Version 2"),
        ],
    )
    kept = _under(candidates, bank, "Quel est le total TTC du devis version 2 ?")
    assert kept is candidates


def _budget(doc_id: str, total: str) -> tuple[str, tuple[str, str]]:
    text = f"Budget prévisionnel\n\nLe budget total est de {total}.\n"
    return doc_id, ("Budget prévisionnel", text)


def test_a_file_of_the_best_s_name_counts_its_version_not_another_name_s() -> None:
    """A file of the best's name less its version counts its file-name version (budget_v1 of
    budget_v3); another name writing the asked word does not (s34 review M1a: notes_v7, titled
    as the budgets, and another client's devis_dupont_v2 beside devis_martin_v3 were counted)."""
    papers = dict(
        [
            _budget("budget_v3", "8000"),
            _budget("notes_v7", "7000"),
            _budget("budget_v1", "4000"),
            _budget("x_v2_v3_v99999999", "1000"),
            _budget("budget_v0", "500"),
        ]
    )
    documents = list(_bank(papers).documents.values())
    assert asked_version_documents("Quel est le budget de la v1 ?", documents) == {"budget_v1"}
    assert asked_version_documents("Quel est le budget de la v0 ?", documents) == {"budget_v0"}
    # a question naming none of the best's (notes_v7) name words keeps to it and its copies
    assert asked_version_documents("Quel est le total de la v1 ?", documents[1:]) == frozenset()
    quotes = {
        f"devis/devis_{who}_v{n}": (f"Devis {who}", f"Devis {who}\n\nMontant : {n}000 euros.\n")
        for who, n in (("martin", 3), ("dupont", 2), ("martin", 2))
    }
    ranked = list(_bank(quotes).documents.values())
    assert asked_version_documents("Quel est le montant du devis v2 ?", ranked) == {
        "devis/devis_martin_v2"
    }
