"""owner_fields: a citation stands for an owner whose record lacks the asked field only when
it writes the owner outside that record."""

from __future__ import annotations

from citeqa.models import Citation, Document
from citeqa.owner_fields import unanswered_owner
from citeqa.record_fields import asked_words

STAFF = (
    "# Staff contacts\n\n"
    "Name: Helen Price\nRole: Office manager\nRoom: 3.14\nPhone: +44 20 7946 1001\n\n"
    "Name: Tom Baker\nRole: Network engineer\nRoom: 2.07\nEmail: tom.baker@example.com\n"
)
PERSONNEL = (
    "# Personnel\n\n"
    "Nom : Sophie Bernard\nFonction : assistante\nBureau : A101\nTéléphone : 01 45 22 33 12\n\n"
    "Nom : Paul Girard\nFonction : trésorier\nBureau : B12\nCourriel : paul.girard@exemple.fr\n"
)


def _citation(text: str, first: str, last: str) -> Citation:
    start, end = text.index(first), text.index(last) + len(last)
    return Citation(
        n=1, doc_id="d", title="d", path="/d.md", start=start, end=end, quote=text[start:end]
    )


def test_a_passage_running_from_another_card_into_the_owner_s_does_not_stand_for_it() -> None:
    # s38 review: Helen Price's "Phone:" line, quoted with Tom Baker's first lines, stood for
    # "Tom Baker's phone" since the passage wrote his name inside his own phoneless card
    for text, question, first, last, aside in (
        (
            STAFF,
            "What is Tom Baker's phone number?",
            "Role: Office",
            "Name: Tom Baker",
            "Tom Baker shares the phone of the office.",
        ),
        (
            PERSONNEL,
            "Quel est le téléphone de Paul Girard ?",
            "Fonction : assistante",
            "Nom : Paul Girard",
            "Paul Girard partage le téléphone du bureau.",
        ),
    ):
        document = Document(doc_id="d", title="d", path="/d.md", text=text, sha256="0", kind="md")
        words = asked_words(question)
        lacking = unanswered_owner(question, words, [_citation(text, first, last)], [document])
        assert lacking is not None, question
        # a passage writing the owner outside the card still stands for the owner
        text = f"{text}\n{aside}\n"
        document = Document(doc_id="d", title="d", path="/d.md", text=text, sha256="0", kind="md")
        aside_cited = [_citation(text, aside, aside)]
        assert unanswered_owner(question, words, aside_cited, [document]) is None, question


def test_the_refusal_names_the_owner_without_the_possessive_ending() -> None:
    question = "What is Tom Baker's phone number?"
    document = Document(doc_id="d", title="d", path="/d.md", text=STAFF, sha256="0", kind="md")
    cited = [_citation(STAFF, "Role: Office", "+44 20 7946 1001")]
    lacking = unanswered_owner(question, asked_words(question), cited, [document])
    assert lacking is not None and lacking.owner == "Tom Baker"
