"""A question asking who holds a role by the verb of holding it ("Who leads REFRACT?", "Qui
préside le club ?") is answered by the line labelling the role with its holder ("Project lead"
over "B Lauwerys", "Présidente : Marie Dupont"): the verb counts as its role nouns
(role_holders.json `holding`, role_labels.py, promotions.role_label_first). Main quoted the
project's description sentence (s44: "In REFRACT, we use kidney biopsies…" at .29). A verb
question whose quotes name no one abstains naming the role, as "Who is the chair?" does."""

from __future__ import annotations

import pytest
from integration_helpers import fake_settings, make_corpus

from citeqa.api import Assistant, build_index, open_assistant
from small_corpora import assistant_over

PROJECT = (
    "# REFRACT – Refractory lupus nephritis: a tissue-based approach\n\n"
    "Lupus nephritis remains a severe complication of lupus.\n\n"
    "In REFRACT, we use kidney biopsies from patients to study the mechanisms of refractory "
    "disease.\n\n"
    "One hypothesis is that the kidney acts as a lymphoid organ hosting immune processes.\n\n"
    "Facts and figures\n\n"
    "Project lead\n"
    "B Lauwerys\n"
    "Cliniques Universitaires Saint-Luc\n"
    "Research grant: € 298.860\n"
    "2016 - 2019\n"
)
NEWS = (
    "# HELIOS reaches its first milestone\n\n"
    "The HELIOS project installed its twelfth ground sensor in March.\n\n"
    "Forecasts produced by HELIOS now cover all twelve villages.\n"
)
HELIOS = (
    "# HELIOS – Solar forecasting for rural microgrids\n\n"
    "HELIOS develops short-term solar forecasting methods for rural microgrids.\n\n"
    "The project combines satellite imagery with ground sensors at twelve village sites.\n\n"
    "## Key facts\n\n"
    "Coordinator\n"
    "Jane Doe\n"
    "University of Xanadu\n"
)
CLUB = (
    "# Club d'échecs de Villeneuve\n\n"
    "Le club accueille les joueurs de tous niveaux le mardi et le vendredi soir.\n\n"
    "## Le bureau\n\n"
    "Présidente : Marie Dupont\n"
    "Trésorier : Luc Bernard\n\n"
    "## Tarifs\n\n"
    "Adhésion annuelle : 40 €.\n"
)
REPORT = (
    "# Rapport moral 2025 de l'association Les Jardins Partagés\n\n"
    "L'association compte 84 adhérents et gère trois jardins dans le quartier.\n\n"
    "Le bureau est présidé par Paul Martin.\n\n"
    "Le projet de compostage collectif a été lancé avec la mairie.\n"
)
BOARD = (
    "# Board of the Riverside Tenants Association\n\n"
    "The board meets every first Monday of the month in the community room.\n\n"
    "The board approved the 2025 budget and the new recycling rules.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "refract.txt": PROJECT,
        "helios-news.md": NEWS,
        "helios.md": HELIOS,
        "club.md": CLUB,
        "rapport.md": REPORT,
        "board.md": BOARD,
    }
    corpus, index = tmp_path_factory.mktemp("roles"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


def _quoted(assistant: Assistant, question: str) -> str:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    return " ".join(citation.quote for citation in answer.citations)


@pytest.mark.parametrize(
    ("question", "holder"),
    [
        ("Who leads REFRACT?", "B Lauwerys"),
        ("Who heads REFRACT?", "B Lauwerys"),
        ("Qui dirige le projet REFRACT ?", "B Lauwerys"),
        ("Who coordinates HELIOS?", "Jane Doe"),
        ("Who leads the HELIOS project?", "Jane Doe"),
        ("Qui préside le club d'échecs ?", "Marie Dupont"),
        ("Qui préside le bureau de l'association ?", "Paul Martin"),
    ],
)
def test_who_holds_a_role_asked_by_its_verb_quotes_its_holder(
    assistant: Assistant, question: str, holder: str
) -> None:
    assert holder in _quoted(assistant, question)


def test_who_holds_a_role_no_page_names_quotes_no_one(assistant: Assistant) -> None:
    answer = assistant.ask("Who chairs the board?")
    quoted = " ".join(citation.quote for citation in answer.citations)
    for person in ("Marie Dupont", "Paul Martin", "Jane Doe", "B Lauwerys"):
        assert person not in quoted


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    folder = tmp_path_factory.mktemp("bundled")
    settings = fake_settings(make_corpus(folder / "corpus"), folder / "index")
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


@pytest.mark.parametrize(
    "question",
    ["Who leads REFRACT?", "Who heads REFRACT?", "Who directs REFRACT?", "Qui dirige REFRACT ?"],
)
def test_who_leads_the_bundled_project_quotes_its_facts_box(
    bundled: Assistant, question: str
) -> None:
    quoted = _quoted(bundled, question)
    assert quoted.startswith("Project lead")
    assert "B Lauwerys" in quoted
