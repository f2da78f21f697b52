"""The chat's welcome examples for a corpus whose manifest lists none read like questions a
person asks (found by the session-8 user trial: "What is known about opening?", "Que sait-on
de « salle » ?"): a document titled by a question offers that question, a page offers its
heading or the words its salient term runs with, never one bare word in a template."""

from __future__ import annotations

from pathlib import Path

import pytest
from integration_helpers import fake_settings

from citeqa.api import open_assistant
from citeqa.models import Citation
from citeqa.overview import Example
from small_corpora import assistant_over

FAQ = {
    "hours.txt": "Q: What are the office opening hours?\nA: The office is open from 7:00 to"
    " 21:00; the opening hours change in August.",
    "bikes.txt": "Q: Where can I park my bicycle?\nA: The bicycle room on level -1 has 60"
    " racks; the bicycle room closes at 22:00.",
    "sport.txt": "Q: Où se trouve la salle de sport ?\nR : La salle de sport est au sous-sol;"
    " la salle de sport ouvre à 7 h.",
}
PAGES = {
    "garden.md": "# Allotment rules\n\n## Water butts\n\nEach plot has two water butts. Water"
    " butts are emptied in October. Hoses are not allowed.\n",
    "jardin.md": "# Règlement du jardin\n\nLa cabane à outils ferme à 20 h. La cabane à outils"
    " reste propre. Les outils restent dans la cabane à outils.\n",
}


def _examples(root: Path, files: dict[str, str]) -> list[Example]:
    corpus = root / "corpus"
    corpus.mkdir()
    return assistant_over(files, corpus, root / "index", channels=("fake",)).suggested_examples()


def test_documents_titled_by_a_question_offer_that_question(tmp_path: Path) -> None:
    examples = _examples(tmp_path, FAQ)
    assert examples
    titles = {text.split("\n")[0].removeprefix("Q: ") for text in FAQ.values()}
    assert {example.question for example in examples} <= titles
    assert {example.lang for example in examples} == {"en", "fr"}


def test_pages_offer_their_headings_or_the_words_a_term_runs_with(tmp_path: Path) -> None:
    examples = _examples(tmp_path, PAGES)
    assert examples
    for example in examples:
        assert example.question.startswith(("What about", "Qu'en est-il de"))
        asked = example.question.split("«")[-1].split("“")[-1].split("about ")[-1]
        assert len(asked.strip(" ?»”").split()) >= 2, example  # a heading or a phrase
    assert any("outils" in e.question or "Water butts" in e.question for e in examples)


@pytest.mark.parametrize("files", [FAQ, PAGES])
def test_every_example_is_answered(tmp_path: Path, files: dict[str, str]) -> None:
    examples = _examples(tmp_path, files)
    assistant = open_assistant(fake_settings(tmp_path / "corpus", tmp_path / "index"))
    assert all(not assistant.ask(example.question).abstained for example in examples)


TRIAL_PAGES = {  # the session-8 trial's corpus: "What about cafeteria?" quoted "# Cafeteria"
    "cafeteria.md": "# Cafeteria\n\n## Opening hours\n\nThe cafeteria opens at 11:45 and closes"
    " at 14:15 on weekdays. It is closed on Saturdays and Sundays.\n\n## Prices\n\nA main course"
    " costs €6.50 for employees and €9 for visitors. Coffee is free before 10:00.\n",
    "onboarding.md": "# Onboarding guide\n\n## First day\n\nNew employees receive their laptop"
    " from the IT desk on the second floor at 9:30. Bring a photo ID so that security can print"
    " your badge.\n\n## Payroll\n\nSalaries are paid on the 25th of each month. Expense claims"
    " submitted before the 10th are reimbursed with that month's salary.\n\n## Holidays\n\nEvery"
    " full-time employee gets 27 days of paid leave per year, plus public holidays. Unused days"
    " can be carried over until the end of March.\n",
    "security.md": "# Security policy\n\n## Passwords\n\nPasswords must be at least 14"
    " characters long and are rotated only after a suspected compromise. A password manager is"
    " provided to every employee.\n\n## Lost devices\n\nReport a lost laptop or phone to"
    " security@example.org within two hours. The device is wiped remotely once the report is"
    " confirmed.\n",
}


def test_an_example_offered_answers_with_more_than_a_heading(tmp_path: Path) -> None:
    examples = _examples(tmp_path, TRIAL_PAGES)
    assistant = open_assistant(
        fake_settings(tmp_path / "corpus", tmp_path / "index"), build_if_missing=False
    )
    assert examples
    for example in examples:
        answer = assistant.ask(example.question)
        assert not answer.abstained
        assert not all(map(_only_a_heading, answer.citations)), (example.question, answer)


def _only_a_heading(citation: Citation) -> bool:
    """Whether the quote is nothing but its section's heading or its document's title (a quote
    opening on a heading starts after its "#" marks, so the marks tell nothing)."""
    quote = " ".join(citation.quote.split())
    return quote in {" ".join((citation.section or "").split()), " ".join(citation.title.split())}


FAQ_PAGES = {  # the session-11 trial: an HR FAQ of question headings offered "Qu'en est-il de
    # « Jardins et parcelles » ?" and a user guide "What about “tidyup 3.2 — User Guide”?"
    "faq-rh.md": "# FAQ Ressources humaines\n\nMise à jour : mars 2026.\n\n## Combien de jours"
    " de congés payés ai-je par an ?\n\nChaque salarié acquiert 2,5 jours de congés payés par"
    " mois, soit 30 jours de congés par an.\n\n## Comment fonctionne le télétravail ?\n\nLe"
    " télétravail est ouvert après la période d'essai, 2 jours de télétravail par semaine.\n\n"
    "## Jardins et parcelles\n\nLes parcelles du jardin sont attribuées par tirage au sort; les"
    " parcelles libres sont affichées au jardin.\n",
    "guide.md": "# Parcel lockers guide\n\n## Collecting a parcel\n\nParcel lockers stand in"
    " the lobby. Each parcel locker opens with the code sent by email; parcel lockers are"
    " emptied after 5 days.\n",
}


def test_a_faq_offers_its_question_headings(tmp_path: Path) -> None:
    examples = _examples(tmp_path, FAQ_PAGES)
    faq = FAQ_PAGES["faq-rh.md"]
    questions = [line[3:] for line in faq.splitlines() if line.startswith("## ")]
    french = [example for example in examples if example.lang == "fr"]
    assert french and all(example.question in questions[:2] for example in french), examples
    assistant = open_assistant(
        fake_settings(tmp_path / "corpus", tmp_path / "index"), build_if_missing=False
    )
    assert all(not assistant.ask(example.question).abstained for example in examples)


def test_an_archived_document_never_offers_an_example(tmp_path: Path) -> None:
    """s38 trial: the welcome offered "What about “Queue too long”?", a heading of the archived
    2024 runbook of a message broker replaced since (archive/ beside the current files)."""
    files = {
        "archive/runbook_broker_2024.md": "# Broker runbook (2024)\n\n## Queue too long\n\n"
        "When the queue is too long, restart the queue consumers; the queue drains in minutes.\n",
        "ops/streams.md": "# Event streams\n\n## Consumer lag\n\nWhen consumer lag grows, add"
        " stream consumers; consumer lag is shown on the dashboard.\n",
    }
    examples = _examples(tmp_path, files)
    assert examples and not any("queue" in example.question.lower() for example in examples)
