"""A question naming a document and one of its numbered parts reads that document's part, and
parts numbered in words head their sections (found by the session-20 user trial: "Que dit
l'article 7 des CGV ?" quoted the house rules' article 7, "article 2 de l'avenant" the
contract's, and the votes of a PV's third resolution were given for the second, whose
"DEUXIÈME RÉSOLUTION – …" line was read as prose)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

TERMS = """# Conditions générales de vente – Orvane SAS

Les présentes conditions générales de vente (CGV) régissent les abonnements au logiciel Orvane.

## Article 6 – Retard de paiement

Tout retard de paiement entraîne une indemnité forfaitaire de 40 euros pour frais de recouvrement.

## Article 7 – Résiliation

Chaque partie peut résilier l'abonnement à tout moment, avec effet à la fin de la période en cours.

## Article 8 – Disponibilité

Orvane s'engage sur une disponibilité mensuelle de 99,9 % du service, hors maintenance.
"""

RULES = """RÈGLEMENT INTÉRIEUR
Orvane SAS – établissement de Nantes

Article 6 – Horaires
Les horaires de travail sont affichés dans chaque service et s'imposent à tous les salariés.

Article 7 – Usage du matériel
Le matériel confié au salarié est réservé à un usage professionnel, sauf accord écrit.

Article 8 – Sanctions
Les sanctions vont de l'avertissement au licenciement, selon la gravité de la faute commise.
"""

CONTRACT = """CONTRAT DE MAINTENANCE N° CM-2031

Article 1 – Objet
Le présent contrat a pour objet la maintenance corrective de l'instance Orvane du Client.

Article 2 – Redevance
Le Client verse une redevance annuelle forfaitaire de 8 400 euros hors taxes, payable par trimestre.

Fait à Nantes, le 18 septembre 2025, en deux exemplaires originaux.
"""

AMENDMENT = """AVENANT N° 1 AU CONTRAT DE MAINTENANCE N° CM-2031

Article 1 – Objet de l'avenant
Le présent avenant étend le périmètre du contrat à la seconde instance Orvane du Client.

Article 2 – Redevance
À compter du 1er janvier 2026, la redevance annuelle forfaitaire est portée à 9 900 euros HT.

Fait à Nantes, le 2 décembre 2025.
"""

MINUTES = """PROCÈS-VERBAL DE L'ASSEMBLÉE GÉNÉRALE ORDINAIRE
Orvane SAS – capital social 90 000 € – RCS Nantes 912 345 678

PREMIÈRE RÉSOLUTION – Approbation des comptes
L'assemblée générale approuve les comptes de l'exercice clos le 31 décembre 2024.
Cette résolution est adoptée à l'unanimité des voix exprimées.

DEUXIÈME RÉSOLUTION – Affectation du résultat
L'assemblée décide d'affecter le bénéfice à la réserve légale et au report à nouveau.
Cette résolution est adoptée par 10 200 voix pour, 800 voix contre et 0 abstention.

TROISIÈME RÉSOLUTION – Conventions réglementées
L'assemblée approuve la convention de prestation de services conclue avec la société Roche.
Cette résolution est adoptée par 7 400 voix pour, 600 voix contre et 0 abstention.
"""

STATUTES = """STATUTS DE LA SOCIÉTÉ ORVANE SAS

Article premier – Forme
La société est une société par actions simplifiée à associé unique, régie par les présents statuts.

Article 2 – Siège social
Le siège social est fixé au 4 quai de la Fosse à Nantes, en Loire-Atlantique.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "cgv-orvane.md": TERMS,
        "reglement-interieur.txt": RULES,
        "contrat-maintenance.txt": CONTRACT,
        "avenant-1.txt": AMENDMENT,
        "pv-ag-2025.txt": MINUTES,
        "statuts-orvane.txt": STATUTES,
    }
    return assistant_over(
        files, tmp_path_factory.mktemp("legal"), tmp_path_factory.mktemp("legal-index")
    )


@pytest.mark.parametrize(
    ("question", "doc_id", "quoted"),
    [
        ("Que dit l'article 7 des CGV ?", "cgv-orvane", "résilier l'abonnement"),
        (
            "Que dit l'article 7 des conditions générales de vente ?",
            "cgv-orvane",
            "résilier l'abonnement",
        ),
        ("Que dit l'article 7 du règlement intérieur ?", "reglement-interieur", "matériel"),
        ("Que prévoit l'article 8 du règlement intérieur ?", "reglement-interieur", "sanctions"),
        ("article 2 de l'avenant", "avenant-1", "9 900"),
        ("Que prévoit l'article 2 du contrat de maintenance ?", "contrat-maintenance", "8 400"),
        # session 21: the document named before the article; "Article premier" is article 1
        ("Selon les CGV, que dit l'article 7 ?", "cgv-orvane", "résilier l'abonnement"),
        ("Selon le règlement intérieur, que dit l'article 7 ?", "reglement-interieur", "matériel"),
        ("Que dit l'article 1 des statuts ?", "statuts-orvane", "actions simplifiée"),
    ],
)
def test_the_article_of_the_document_named_is_quoted(
    assistant: Assistant, question: str, doc_id: str, quoted: str
) -> None:
    answer = assistant.ask(question)
    assert answer.citations, answer.answer
    citation = answer.citations[0]
    assert (citation.doc_id, quoted in citation.quote.lower()) == (doc_id, True), citation


def test_votes_are_read_under_the_resolution_numbered_in_words(assistant: Assistant) -> None:
    answer = assistant.ask("Combien de voix contre pour l'affectation du résultat ?")
    assert answer.citations, answer.answer
    assert "800 voix contre" in answer.citations[0].quote, answer.citations[0].quote
    assert answer.citations[0].section == "DEUXIÈME RÉSOLUTION – Affectation du résultat"
