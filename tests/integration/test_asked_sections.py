"""A question asking a section of a document by its heading's word is answered under that
heading, in any format the build reads headings of (section_answers.under_asked_heading): two
French leaflets, in Markdown and as plain text with headings in capitals. "Quelle est la
posologie du Doliprane ?" quoted "Ce médicament contient du paracétamol…" under "QU'EST-CE QUE
DOLIPRANE ET DANS QUELS CAS EST-IL UTILISÉ" (a heading writing the question's "Doliprane", which
the leaflet's title writes too), and "Comment conserver Doliprane ?" the contra-indications;
the one-word headings "POSOLOGIE" and "CONSERVATION" were asked by no rule, and a plain-text
leaflet's headings by none."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from leaflets import ADVIL, DOLIPRANE, as_plain_text
from small_corpora import assistant_over


@pytest.fixture(scope="module", params=["md", "txt"])
def leaflets(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    texts = {"doliprane": DOLIPRANE, "advil": ADVIL}
    if request.param == "txt":
        texts = {name: as_plain_text(text) for name, text in texts.items()}
    return assistant_over(
        {f"{name}.{request.param}": text for name, text in texts.items()},
        tmp_path_factory.mktemp("leaflets"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "doc_id", "section", "written"),
    [
        ("Quelle est la posologie du Doliprane ?", "doliprane", "POSOLOGIE", "comprimé"),
        ("Comment conserver Doliprane ?", "doliprane", "CONSERVATION", "30 °C"),
        # a section writing more of the question's words is no asked heading's to move from
        (
            "Quels sont les effets indésirables du Doliprane ?",
            "doliprane",
            "EFFETS INDÉSIRABLES",
            "effets indésirables",
        ),
    ],
)
def test_the_section_the_question_names_is_quoted(
    leaflets: Assistant, question: str, doc_id: str, section: str, written: str
) -> None:
    answer = leaflets.ask(question)
    assert not answer.abstained, answer.reason
    quote = answer.citations[0]
    assert (quote.doc_id, quote.section) == (doc_id, section), quote.quote
    assert written in quote.quote
