"""A question naming one of several sibling documents by a capitalised word of its title quotes
that document (named_document_quotes.py): two medicine leaflets with the same sections,
"Combien de comprimés de Doliprane par jour au maximum ?" quoted the Advil leaflet's dose, whose
"POSOLOGIE" section outranked the Doliprane one's (each section its own passage, neither naming
its medicine); and not the line naming its active substance under its title ("Paracétamol":
titleonly._subtitle)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

DOLIPRANE = (
    "# DOLIPRANE 1000 mg, comprimé\n"
    "Paracétamol\n"
    "\n"
    "\n"
    "## QU'EST-CE QUE DOLIPRANE ET DANS QUELS CAS EST-IL UTILISÉ\n"
    "\n"
    "Ce médicament contient du paracétamol, un antalgique et un antipyrétique.\n"
    "Il est indiqué dans le traitement symptomatique des douleurs d'intensité légère à "
    "modérée et des états fébriles.\n"
    "\n"
    "## POSOLOGIE\n"
    "\n"
    "Chez l'adulte et l'enfant de plus de 50 kg, la dose habituelle est de 1 comprimé à "
    "1000 mg par prise, à renouveler si besoin au bout de 4 heures minimum.\n"
    "Ne pas dépasser 3 comprimés par jour sans avis médical.\n"
    "\n"
    "## CONTRE-INDICATIONS\n"
    "\n"
    "Ne prenez jamais Doliprane en cas d'allergie au paracétamol ou en cas de maladie "
    "grave du foie.\n"
    "\n"
    "## EFFETS INDÉSIRABLES\n"
    "\n"
    "Comme tous les médicaments, ce médicament peut provoquer des effets indésirables, "
    "mais ils ne surviennent pas systématiquement chez tout le monde.\n"
    "Rarement, une réaction allergique peut survenir : éruption cutanée, urticaire ou "
    "brusque gonflement du visage.\n"
    "Très exceptionnellement, une baisse des plaquettes a été observée.\n"
    "\n"
    "## CONSERVATION\n"
    "\n"
    "À conserver à une température ne dépassant pas 30 °C, hors de la vue et de la portée "
    "des enfants.\n"
)
ADVIL = (
    "# ADVIL 200 mg, comprimé enrobé\n"
    "Ibuprofène\n"
    "\n"
    "\n"
    "## QU'EST-CE QUE ADVIL ET DANS QUELS CAS EST-IL UTILISÉ\n"
    "\n"
    "Ce médicament contient de l'ibuprofène, un anti-inflammatoire non stéroïdien.\n"
    "Il est indiqué chez l'adulte dans le traitement des douleurs légères à modérées, "
    "comme les maux de tête et les règles douloureuses.\n"
    "\n"
    "## POSOLOGIE\n"
    "\n"
    "La dose habituelle est de 1 à 2 comprimés par prise, à renouveler si besoin au bout "
    "de 6 heures.\n"
    "Ne pas dépasser 6 comprimés par jour.\n"
    "\n"
    "## CONTRE-INDICATIONS\n"
    "\n"
    "Ne prenez jamais Advil à partir du 6e mois de grossesse, ni en cas d'ulcère de l'estomac.\n"
    "\n"
    "## EFFETS INDÉSIRABLES\n"
    "\n"
    "Les effets indésirables les plus fréquents sont des troubles digestifs : nausées, "
    "vomissements, douleurs d'estomac.\n"
    "Des maux de tête, des vertiges et des réactions cutanées peuvent également survenir.\n"
    "\n"
    "## CONSERVATION\n"
    "\n"
    "Ce médicament ne nécessite pas de précautions particulières de conservation.\n"
)


@pytest.fixture(scope="module")
def leaflets(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"doliprane.md": DOLIPRANE, "advil.md": ADVIL},
        tmp_path_factory.mktemp("leaflets"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "doc_id", "written"),
    [
        ("Combien de comprimés de Doliprane par jour au maximum ?", "doliprane", "3 comprimés"),
        ("Combien de comprimés d'Advil par jour au maximum ?", "advil", "comprimés"),
        # not "Paracétamol", the line under the title (titleonly._subtitle)
        ("Quel est le délai entre deux prises de Doliprane ?", "doliprane", "4 heures"),
    ],
)
def test_the_named_leaflet_is_quoted(
    leaflets: Assistant, question: str, doc_id: str, written: str
) -> None:
    answer = leaflets.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.citations[0].doc_id == doc_id, [c.quote for c in answer.citations]
    assert written in answer.citations[0].quote
