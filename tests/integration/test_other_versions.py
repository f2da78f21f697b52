"""An answer quoting one version of a text shows, labelled, another document among those it
reads that states the asked value otherwise (an amendment, a draft beside the signed text), and
stays quiet for documents that only share a template (found by the session-17 user trial: the
replaced rent and a repealed policy's allowance were quoted alone)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

LEASE = """# Bail commercial

## Article 2 — Durée

Le bail est conclu pour une durée de neuf années entières et consécutives.

## Article 3 — Loyer

3.1 Le Loyer annuel est fixé à 48 000 euros hors taxes, payable par trimestre et d'avance.

3.2 Le Loyer est indexé chaque année au 1er mars sur l'indice des loyers.
"""
AMENDMENT = """# Avenant n° 1 au bail commercial

Les parties conviennent de modifier le bail commercial comme suit.

## Article 1 — Loyer

À compter du 1er juillet 2025, l'article 3.1 du bail est remplacé par : \
« Le Loyer annuel est fixé à 52 800 euros hors taxes, payable par mois et d'avance. »
"""
DRAFT = """# Letter to the landlord (draft)

Dear landlord,

The leak under the kitchen sink reported on 2 February is still not repaired.
I ask you to repair the leak within fifteen days, failing which I will call a plumber.
"""
FINAL = """# Letter to the landlord

Dear landlord,

The leak under the kitchen sink reported on 2 February is still not repaired.
I ask you to repair the leak within eight days, failing which I will call a plumber at your cost.
"""
SUPPLIER = """# Contrat de prestation {name}

## Article 1 — Objet

{name} fournit au Client le service décrit en annexe.

## Article 2 — Prix

La redevance mensuelle est de {fee} euros hors taxes.

## Article 3 — Durée

Le contrat est conclu pour un an, renouvelable par tacite reconduction.
"""
FILES = {
    "bail.md": LEASE,
    "avenant.md": AMENDMENT,
    "letter-draft.md": DRAFT,
    "letter.md": FINAL,
    "contrat-orbis.md": SUPPLIER.format(name="Orbis", fee="1450"),
    "contrat-velto.md": SUPPLIER.format(name="Velto", fee="99"),
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"))


def test_the_amendment_is_shown_beside_the_article_it_replaces(assistant: Assistant) -> None:
    answer = assistant.ask("Quel est le loyer annuel ?")
    assert not answer.abstained
    first, *others = answer.citations
    assert not first.otherwise
    assert [(c.doc_id, c.otherwise) for c in others] == [("avenant", True)]
    quoted = {c.doc_id: c.quote for c in answer.citations}
    assert "48 000" in quoted["bail"] and "52 800" in quoted["avenant"]
    assert "Un autre document dit autre chose :" in answer.answer, "labelled in French"
    assert (
        answer.answer.index("48 000")
        < answer.answer.index("autre chose")
        < answer.answer.index("52 800")
    )
    assert sum(len(c.quote) for c in answer.citations) <= 400


def test_a_draft_and_the_final_text_are_both_shown_with_their_number_words(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("Within how many days must the landlord repair the leak?")
    assert not answer.abstained
    assert {c.doc_id for c in answer.citations} == {"letter-draft", "letter"}
    assert [c.otherwise for c in answer.citations] == [False, True]
    assert "Another document says otherwise:" in answer.answer
    quoted = "\n".join(c.quote for c in answer.citations)
    assert "fifteen days" in quoted and "eight days" in quoted


def test_contracts_sharing_a_template_are_not_shown_as_other_versions(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("Quelle est la redevance mensuelle du contrat Orbis ?")
    assert not answer.abstained
    assert [c.doc_id for c in answer.citations] == ["contrat-orbis"]
    assert not any(c.otherwise for c in answer.citations)
    assert "autre chose" not in answer.answer


SAME_VALUE_FILES = {
    "cdi.md": """# Contrat de travail à durée indéterminée

## Article 6 — Congés payés

Le salarié bénéficie de 25 jours ouvrés de congés payés par année complète de travail.
""",
    "politique-conges.md": """# Politique de congés

## Congés payés

Le salarié bénéficie de vingt-cinq jours ouvrés de congés payés par année complète de travail.
""",
    "bail-lyon.md": """# Bail commercial des bureaux de Lyon

## Article 3 — Loyer

Le loyer annuel des bureaux est fixé à 48 000 euros hors taxes, payable par trimestre.
""",
    "bail-lyon-copie.md": """# Bail commercial des bureaux de Lyon (copie)

## Article 3 — Loyer

Le loyer annuel des bureaux est fixé à 48,000 euros hors taxes, payable par trimestre.
""",
}


@pytest.fixture(scope="module")
def same_values(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        SAME_VALUE_FILES, tmp_path_factory.mktemp("same"), tmp_path_factory.mktemp("same-index")
    )


@pytest.mark.parametrize(
    ("question", "documents"),
    [
        ("Combien de jours de congés payés ?", {"cdi", "politique-conges"}),
        ("Quel est le loyer annuel des bureaux de Lyon ?", {"bail-lyon", "bail-lyon-copie"}),
    ],
)
def test_one_value_written_two_ways_is_no_other_version(
    same_values: Assistant, question: str, documents: set[str]
) -> None:
    """ "vingt-cinq" is 25 (not 20 and 5), "48,000" is "48 000": the documents agree."""
    answer = same_values.ask(question)
    assert not answer.abstained
    assert answer.citations[0].doc_id in documents
    assert not any(c.otherwise for c in answer.citations), [c.quote for c in answer.citations]
    assert "autre chose" not in answer.answer


HANDBOOK = """# Staff handbook (English summary)

## Expenses

Hotel cap per night: €160 in Paris, €110 in Lyon, €95 elsewhere.

Meal cap: €25 in Paris, €22 in Lyon, €20 elsewhere.

## Paid leave

Up to 5 unused days can be carried over until 31 December.
"""
POLICY = """# Politique notes de frais

## Plafonds de remboursement

| Dépense | Paris | Lyon | Autres villes |
|---|---|---|---|
| Hôtel (nuit, petit-déjeuner inclus) | 150 € | 110 € | 95 € |
| Repas (midi ou soir) | 25 € | 22 € | 20 € |

## Congés

Toute demande de plus de 5 jours consécutifs est faite 4 semaines à l'avance.
"""


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"handbook.md": HANDBOOK, "notes-de-frais.md": POLICY}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("idx"))


def test_a_translation_stating_another_value_is_shown_beside_it(bilingual: Assistant) -> None:
    answer = bilingual.ask("What is the hotel cap per night in Paris?")
    assert not answer.abstained
    quoted = [(c.doc_id, c.otherwise) for c in answer.citations]
    assert ("notes-de-frais", True) in quoted and not answer.citations[0].otherwise
    shown = "\n".join(c.quote for c in answer.citations)
    assert "160" in shown and "150 €" in shown
    assert "Another document says otherwise:" in answer.answer


def test_a_translation_stating_the_same_values_or_one_shared_number_is_not_shown(
    bilingual: Assistant,
) -> None:
    for question in ("What is the meal cap in Paris?", "Can I carry over unused days?"):
        answer = bilingual.ask(question)
        assert not answer.abstained
        assert not any(c.otherwise for c in answer.citations), question


PRICING = """# Pricing

## Plans

The Basic plan costs €49 a month, the Pro plan €99 a month and the Team plan €199 a month.
"""
DELIVERY = """# Conditions de livraison

## Frais

Les frais de livraison sont de 49 € en France, 99 € en Europe et 149 € dans le reste du monde.
"""


def test_another_language_s_unrelated_price_list_sharing_two_prices_is_not_shown(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    files = {"pricing.md": PRICING, "livraison.md": DELIVERY}
    shop = assistant_over(files, tmp_path_factory.mktemp("shop"), tmp_path_factory.mktemp("si"))
    answer = shop.ask("How much does the Pro plan cost?")
    assert answer.citations and answer.citations[0].doc_id == "pricing"
    assert not any(c.otherwise for c in answer.citations)


def test_each_candidate_s_asked_terms_are_read_once_an_answer(
    bilingual: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    import collections

    from citeqa import disagreement

    read: collections.Counter[int] = collections.Counter()
    asked_in = disagreement._asked_in

    def counted(bank: object, index: int, asked: list[frozenset[str]]) -> frozenset[int]:
        read[index] += 1
        return asked_in(bank, index, asked)  # type: ignore[arg-type]

    monkeypatch.setattr(disagreement, "_asked_in", counted)
    for question in ("What is the hotel cap per night in Paris?", "What is the meal cap?"):
        read.clear()
        bilingual.ask(question)
        assert read and max(read.values()) == 1, (question, read)
