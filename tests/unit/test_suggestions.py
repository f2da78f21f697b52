"""The welcome's examples follow the corpus's main language, then the other, and are never
made from a numbered template ("Réponse pratique numéro 1…40"): found by the session-10 trial,
whose mostly English corpus was greeted by two French examples, one of them that filler."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from citeqa.lexical import tokenize
from citeqa.overview import EXAMPLE_COUNT, DocumentText, Example, term_example, untemplated
from citeqa.suggestions import EXAMPLE_DOCUMENTS, TermCounts, current_by_language, suggest

FILLER = "".join(
    f"## Question pratique numéro {n} sur la synchronisation ?\n\n"
    f"Réponse pratique numéro {n} : redémarrez le service puis patientez {n} secondes.\n\n"
    for n in range(1, 41)
)
FAQ = (
    "# FAQ\n\n## Comment activer la télémétrie du serveur ?\n\nLa télémétrie du serveur"
    " s'active dans le fichier de configuration ; la télémétrie du serveur reste locale.\n\n"
)


def _counts(texts: list[str], lang: str) -> TermCounts:
    """Sentence frequencies of the stems of `texts` (a sentence: a line)."""
    sentences = [line for text in texts for line in text.splitlines() if line.strip()]
    frequency: Counter[str] = Counter()
    for sentence in sentences:
        frequency.update(set(tokenize(sentence, lang)))
    return TermCounts(dict(frequency), len(sentences))


def test_lines_repeated_but_for_their_numbers_are_left_out() -> None:
    text = untemplated(FAQ + FILLER + "## 4.2.1\n\nVersion 4.2.1 fixes a crash.\n")
    assert "numéro" not in text and "pratique" not in text
    assert "télémétrie" in text and "Version 4.2.1 fixes a crash." in text  # said once: kept


def test_a_numbered_template_is_never_an_example() -> None:
    other = "Le serveur démarre. Le client se connecte au serveur. Le fichier est lu."
    counts = _counts([FAQ + FILLER, other], "fr")
    found = term_example(
        DocumentText("fr", FAQ + FILLER, "FAQ"), counts.frequency, counts.sentence_count
    )
    assert found is not None, "the FAQ's own questions still give one"
    assert "pratique" not in found.example.question and "numéro" not in found.example.question


def _page(lang: str, heading: str, body: str) -> DocumentText:
    return DocumentText(lang, f"# {heading}\n\n{heading} {body}\n")


ENGLISH = {  # the first two say nothing worth asking: no term said twice
    "a": DocumentText("en", "Hinweise.\n"),
    "b": DocumentText("en", "Changelog.\n"),
    "c": _page("en", "Pairing two agents", "takes a phrase. Pairing ends."),
    "d": _page("en", "Backup folders", "hold copies. Backup runs nightly."),
    "e": _page("en", "Proxy settings", "name a host. Proxy hosts vary."),
}
FRENCH = {
    "f": _page("fr", "Ports réseau", "sont ouverts. Les ports ferment."),
    "g": _page("fr", "Licence annuelle", "coûte peu. La licence dure."),
}


NIGHTLY = {"h": DocumentText("en", "The nightly backup copies a folder.\n\nA nightly backup ends.")}
"""A page whose salient term, "backup", is also the first English page's ("d")."""


def _suggest(
    by_lang: dict[str, list[str]],
    read_log: list[str],
    worth: Callable[[Example], bool] = lambda example: True,
    count: int = EXAMPLE_COUNT,
) -> list[Example]:
    documents = {**ENGLISH, **FRENCH, **NIGHTLY}
    counts = _counts([d.text for d in documents.values()] * 3, "en")

    def read(lang: str, doc_id: str) -> DocumentText:
        read_log.append(doc_id)
        return documents[doc_id]

    return suggest(by_lang, read, counts, worth, count)


def test_the_main_language_comes_first_then_the_other() -> None:
    read: list[str] = []
    examples = _suggest({"fr": list(FRENCH), "en": list(ENGLISH)}, read)  # French listed first
    assert [e.lang for e in examples] == ["en", "fr", "en"]
    assert "Pairing two agents" in examples[0].question  # past two documents with nothing
    assert read[:3] == ["a", "b", "c"]


def test_documents_read_are_bounded_whatever_the_corpus_size() -> None:
    read: list[str] = []
    many = {"en": ["a", "b"] * 50}  # documents that never give an example
    assert _suggest(many, read) == []
    assert len(read) == EXAMPLE_DOCUMENTS


def test_an_example_not_worth_offering_passes_to_the_next_document() -> None:
    """`worth` rejects the first document's example: the next document's is offered, and only
    the documents needed are read. The rejected example's term ("backup") is not taken as
    asked (it was: the nightly page was passed over and a third page read)."""
    read: list[str] = []

    def not_folders(example: Example) -> bool:
        return "Backup folders" not in example.question

    examples = _suggest({"en": ["d", "h", "e"]}, read, not_folders, count=1)
    assert examples == [Example("What about nightly backup?", "en")]
    assert read == ["d", "h"]


def test_an_offered_example_s_term_is_not_asked_again() -> None:
    read: list[str] = []
    examples = _suggest({"en": ["d", "h", "e"]}, read, count=2)
    assert [e.question for e in examples] == [
        "What about “Backup folders”?",
        "What about “Proxy settings”?",  # the nightly page, on backup again, offers none
    ]
    assert read == ["d", "h", "e"]


def test_only_current_documents_offer_examples() -> None:
    # s38 trial: "What about “Queue too long”?" came from the archived 2024 runbook
    documents = [("README", ["en"]), ("archive/runbook_2024", ["en"]), ("guide", ["fr", "en"])]
    documents += [("notes", []), ("archive/tarifs_2025", ["fr"])]
    old = {"archive/runbook_2024", "archive/tarifs_2025"}
    assert current_by_language(documents, old.__contains__) == {
        "en": ["README", "notes"],
        "fr": ["guide"],
    }
    assert current_by_language(documents, None)["en"] == ["README", "archive/runbook_2024", "notes"]
