"""The welcome's examples follow the corpus's main language, then the other, and are never
made from a numbered template ("Réponse pratique numéro 1…40"): found by the session-10 trial,
whose mostly English corpus was greeted by two French examples, one of them that filler."""

from __future__ import annotations

from collections import Counter

from citeqa.lexical import tokenize
from citeqa.overview import DocumentText, Example, term_examples, untemplated
from citeqa.suggestions import EXAMPLE_DOCUMENTS, TermCounts, suggest

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
    examples = term_examples([DocumentText("fr", FAQ + FILLER, "FAQ")], counts.frequency,
                             counts.sentence_count)  # fmt: skip
    assert examples, "the FAQ's own questions still give one"
    assert all("pratique" not in e.question and "numéro" not in e.question for e in examples)


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


def _suggest(by_lang: dict[str, list[str]], read_log: list[str]) -> list[Example]:
    documents = {**ENGLISH, **FRENCH}
    counts = _counts([d.text for d in documents.values()] * 3, "en")

    def read(lang: str, doc_id: str) -> DocumentText:
        read_log.append(doc_id)
        return documents[doc_id]

    return suggest(by_lang, read, counts, lambda example: True)


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
