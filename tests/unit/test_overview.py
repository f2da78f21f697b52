"""The corpus overview for the chat's welcome: figures, languages and example questions."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import get_args

import pytest

from citeqa import overview
from citeqa.blocks import headings
from citeqa.corpus import CorpusStamps, corpus_stamps
from citeqa.domain import CorpusManifest, language_data, read_corpus_manifest
from citeqa.errors import CorpusMissing
from citeqa.language import LANGUAGE_NAMES, OTHER
from citeqa.lexical import fold, tokenize
from citeqa.models import DocumentStatus, IndexStatus, Lang
from citeqa.overview import (
    FUNCTION_WORDS,
    DocumentText,
    Example,
    choose,
    corpus_overview,
    human_size,
    salient_terms,
    term_example,
    term_phrase,
    term_question,
    title_examples,
)


def _corpus(tmp_path: Path, manifest: object | None) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "a.txt").write_text("x" * 1500, encoding="utf-8")
    (folder / "b.md").write_text("y" * 500, encoding="utf-8")
    if manifest is not None:
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def _status(
    folder: Path, corpus_bytes: int | None = None, examples: list[Example] | None = None
) -> IndexStatus:
    """A status of two documents, with what its check read of the corpus (`corpus_bytes`
    None: it found no folder)."""
    docs = [
        DocumentStatus(doc_id="a", title="Bees in towns", path="a.txt", chunks=3, lang=["en"]),
        DocumentStatus(doc_id="b", title="Les abeilles", path="b.md", chunks=2, lang=["fr", "en"]),
    ]
    return IndexStatus(
        index_dir="i", corpus_dir=str(folder), built_at="t", format_version=1, documents=docs,
        channels=[], chunk_count=5, size_bytes=1, corpus_bytes=corpus_bytes,
        corpus_examples=examples or [], manifest_hash="h", stale=False,
    )  # fmt: skip


def _asked(document: DocumentText, term: str) -> str | None:
    """term_question on an English document, given the headings of its text."""
    return term_question(document, term, "en", headings(document.text))


def test_manifest_examples_are_offered(tmp_path: Path) -> None:
    examples = [{"question": " How  many hives? ", "lang": "en"}, {"question": 3}, "bad"]
    folder = _corpus(tmp_path, {"examples": examples, "documents": []})
    overview = corpus_overview(folder)
    assert overview.examples == [Example("How many hives?", "en")]
    assert overview.documents == 2 and overview.size_bytes == 2000
    assert overview.summary == "2 files · 2 kB"  # before the index is loaded: its files


def test_without_examples_questions_come_from_the_titles(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, None)
    overview = corpus_overview(folder, _status(folder))
    assert overview.examples == [
        Example("What are the main points of “Bees in towns”?", "en"),
        Example("Quels sont les points principaux de « Les abeilles » ?", "fr"),
    ]
    assert overview.summary == "2 documents · English, French · 2 kB · 5 passages"
    assert overview.name == "papers"


def test_a_status_gives_what_its_check_read_of_the_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _corpus(tmp_path, {"examples": [{"question": "How many hives?", "lang": "en"}]})
    reads: list[str] = []

    def walk(corpus_dir: Path, manifest: CorpusManifest | None) -> CorpusStamps:
        reads.append("walk")
        return corpus_stamps(corpus_dir, manifest)

    def read(corpus_dir: Path) -> CorpusManifest:
        reads.append("manifest")
        return read_corpus_manifest(corpus_dir)

    monkeypatch.setattr(overview, "corpus_stamps", walk)
    monkeypatch.setattr(overview, "read_corpus_manifest", read)
    checked = Example("Where are the hives?", "en")
    shown = corpus_overview(folder, _status(folder, 1_234_567, [checked]))
    assert reads == []  # neither the folder walked nor its manifest read again
    assert shown.examples == [checked] and shown.documents == 2
    assert shown.summary == "2 documents · English, French · 1.2 MB · 5 passages"
    unfound = corpus_overview(folder, _status(folder))  # the check found no folder: read now
    assert reads == ["manifest", "walk"]
    assert unfound.size_bytes == 2000 and unfound.examples == [Example("How many hives?", "en")]


def test_the_welcome_names_a_few_hidden_names_left_out_and_how_many_more(tmp_path: Path) -> None:
    # s38 trial: the welcome counted "40 files" of 42 and never said two were left out
    folder = _corpus(tmp_path, None)
    hidden = [".DS_Store", ".env", "a/.DS_Store", "a\x1b[2J/", "node_modules/", "svc/__pycache__/"]
    status = _status(folder).model_copy(update={"hidden": hidden})
    assert corpus_overview(folder, status).left_out == (
        "6 names left out, hidden or written by a tool: a␛[2J/, node_modules/,"
        " svc/__pycache__/ +3 more (citeqa reads hidden folders of documentation only, such as"
        " .github) — `citeqa status` lists them"
    )
    one = _status(folder).model_copy(update={"hidden": [".env"]})
    assert corpus_overview(folder, one).left_out is not None
    assert corpus_overview(folder, one).left_out.startswith("1 name left out")  # type: ignore[union-attr]
    assert corpus_overview(folder, _status(folder)).left_out is None
    assert corpus_overview(folder).left_out is None  # before the index is loaded


def test_a_broken_manifest_is_ignored(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, None)
    (folder / "manifest.json").write_text("{not json", encoding="utf-8")
    assert corpus_overview(folder).examples == []


def test_a_missing_corpus_is_a_domain_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusMissing):
        corpus_overview(tmp_path / "nowhere")


def test_choose_takes_languages_in_turn() -> None:
    examples = [Example(f"e{n}", "en") for n in range(4)] + [Example("f0", "fr")]
    assert [e.question for e in choose(examples)] == ["e0", "f0", "e1"]
    assert choose([]) == []


def test_title_examples_fall_back_to_english_for_other_languages() -> None:
    assert title_examples([("Bienen", ["de"])]) == [
        Example("What are the main points of “Bienen”?", "en")
    ]


def test_title_examples_skip_a_document_in_neither_language() -> None:
    """Its languages only `other` (a German page): no welcome example from it, on the
    fallback path as in suggestions.suggest."""
    documents = [("Hinweise für deutsche Kunden", [OTHER]), ("Port settings", ["en", OTHER])]
    assert title_examples(documents) == [
        Example("What are the main points of “Port settings”?", "en")
    ]


def test_human_size() -> None:
    assert human_size(999) == "999 bytes"
    assert human_size(412_300) == "412 kB"
    assert human_size(2_500_000) == "2.5 MB"


# ---- examples from the corpus itself ---------------------------------------------------------

BEES = DocumentText(
    "en", "Bees visit the hives. The hives of the town hold bees; a beekeeper opens the hives."
)
ABEILLES = DocumentText(
    "fr", "Les ruches sont en ville. Une ruche urbaine; les ruches et les abeilles du toit."
)
FREQUENCY = {"bee": 9, "hive": 3, "town": 2, "beekeep": 1, "visit": 1, "ruch": 3, "abeill": 8}
"""Sentence frequencies of the stems in a corpus of 40 sentences: bees are everywhere."""


def test_the_salient_term_is_frequent_in_the_document_and_rare_in_the_corpus() -> None:
    assert salient_terms(BEES, FREQUENCY, 40) == ["hives", "Bees"]
    assert salient_terms(ABEILLES, FREQUENCY, 40, limit=1) == ["ruches"]  # French stems
    # said once, or unknown to the index, or a stopword: never a term
    assert salient_terms(DocumentText("en", "the the hives"), FREQUENCY, 40) == []


def test_suggested_examples_speak_the_documents_language_and_never_repeat_a_term() -> None:
    from citeqa.suggestions import TermCounts, suggest

    documents = {
        "hives": DocumentText(BEES.lang, BEES.text, title="Urban hives"),
        "ruches": DocumentText(ABEILLES.lang, ABEILLES.text, title="Les ruches du toit"),
        "town": DocumentText(BEES.lang, BEES.text, title="Town bees"),
    }
    by_lang = {"en": ["hives", "town"], "fr": ["ruches"]}
    counts = TermCounts(FREQUENCY, 40)
    examples = suggest(by_lang, lambda lang, doc_id: documents[doc_id], counts, lambda e: True)
    assert examples == [
        Example("What about “Urban hives”?", "en"),
        Example("Qu'en est-il de « Les ruches du toit » ?", "fr"),
        Example("What about “Town bees”?", "en"),  # "hives" was asked: its next term
    ]
    german = DocumentText("de", "Bienen hives hives", title="Hives")  # no template: English
    assert term_example(german, FREQUENCY, 40) is None  # a one-word title is no question
    german = DocumentText("de", "Bienen hives hives", title="Hives in Berlin")
    found = term_example(german, FREQUENCY, 40)
    assert found is not None and found.example.lang == "en"


def test_a_lone_word_is_never_an_example_but_the_title_holding_it_is() -> None:
    """The session-9 trial's welcome offered "What about Collapse?" and "What about reefs?":
    a word alone says too little. Its document's title, holding it in any form, is asked."""
    reefs = "Bleaching hit 61% of reefs. Reefs with turbid water bleached less."
    titled = DocumentText("en", reefs, title="Coral bleaching on the Great Barrier Reef")
    assert _asked(titled, "reefs") == ("What about “Coral bleaching on the Great Barrier Reef”?")
    assert _asked(DocumentText("en", reefs), "reefs") is None
    assert _asked(DocumentText("en", reefs, title="Corals"), "reefs") is None


def test_suggested_examples_are_used_only_without_manifest_examples(tmp_path: Path) -> None:
    suggested = [Example("What about hives?", "en")]
    folder = _corpus(tmp_path, None)
    assert corpus_overview(folder, _status(folder), lambda: suggested).examples == suggested
    assert (
        corpus_overview(folder, _status(folder), list)
        .examples[0]
        .question.startswith("What are the main points")
    )  # nothing suggested: the titles
    (folder / "manifest.json").write_text(
        json.dumps({"examples": [{"question": "How many hives?"}]}), encoding="utf-8"
    )
    assert corpus_overview(folder, None, lambda: suggested).examples == [
        Example("How many hives?", "en")
    ]


def test_a_term_is_asked_about_with_the_words_it_runs_with() -> None:
    english = "What are the office opening hours? The office opening is at 7."
    assert term_phrase(english, "opening", "en") == "office opening"
    french = "La salle de sport est au sous-sol. Réserver la salle de sport."
    assert term_phrase(french, "salle", "fr") == "salle de sport"
    shed = "La cabane à outils ferme à 20 h. Rangez la cabane à outils."
    assert term_phrase(shed, "outils", "fr") == "cabane à outils"  # joined from before it
    assert term_phrase("Which hives? Hives, hives.", "hives", "en") == "hives"  # alone
    said_once = "The hives of the town hold bees. Bees visit the hives."
    assert term_phrase(said_once, "bees", "en") == "bees"  # not "town hold bees"
    assert term_phrase("Combien de salles ?", "salles", "fr") == "salles"  # no question word
    invoices = "Abonnement télé-actes janvier : 286,00. Abonnement télé-actes février : 286,00."
    assert term_phrase(invoices, "télé", "fr") == "Abonnement télé-actes"  # no compound cut
    assert term_phrase(invoices, "actes", "fr") == "Abonnement télé-actes"


def test_a_title_that_is_a_question_or_a_heading_is_asked_as_a_person_would() -> None:
    faq = DocumentText("en", "Q: Where can I park my bicycle?\nA: The bicycle room, level -1.")
    titled = DocumentText(faq.lang, faq.text, title="Q: Where can I park my bicycle?")
    assert _asked(titled, "bicycle") == "Where can I park my bicycle?"
    page = DocumentText("en", "Benefits\n\nLeave entitlements\n\n| Leave | Days |\n| a | 1 |\n")
    assert _asked(page, "entitlements") == ("What about “Leave entitlements”?")
    assert _asked(page, "Days") is None  # a word alone: no question
    assert _asked(faq, "room") is None
    said_lower = DocumentText("en", "## Leave entitlements\n\nAnnual leave is 27 days; leave.")
    assert _asked(said_lower, "leave") == "What about “Leave entitlements”?"
    assert _asked(said_lower, "LEAVE") == "What about “Leave entitlements”?"
    twice = DocumentText("en", faq.text + " Lock the bicycle room.")
    assert _asked(twice, "room") == (  # no title: the words it runs with
        "What about bicycle room?"
    )


def test_a_heading_is_one_chunking_finds_never_a_list_item_or_a_question() -> None:
    listed = DocumentText("en", "Results\n\n- Efficacy of rituximab shown\n- Safety of rituximab")
    assert _asked(listed, "rituximab") is None  # no heading: the word alone
    faq = DocumentText("en", "What is rituximab for?\n\nIt treats lupus when other drugs fail.")
    assert _asked(faq, "rituximab") is None
    names = DocumentText("en", "Project partners\n\nKarolinska Institutet\n\nLupus Europe\n")
    assert _asked(names, "Karolinska") is None
    bold = DocumentText("en", "**Rituximab in lupus nephritis**\n\nA trial of rituximab ran.")
    assert _asked(bold, "rituximab") == "What about “Rituximab in lupus nephritis”?"


STOPWORDS = frozenset(language_data().stopwords)


def _sentence_frequency(documents: list[DocumentText]) -> tuple[dict[str, int], int]:
    """Per stem, the sentences of `documents` holding it, and how many sentences there are."""
    sentences = [s for d in documents for s in d.text.split(".") if s.strip()]
    frequency: Counter[str] = Counter()
    for sentence in sentences:
        frequency.update(set(tokenize(sentence, "fr")))
    return dict(frequency), len(sentences)


FRENCH_DOCS = [
    DocumentText(
        "fr",
        "Après la pluie, les rosiers fleurissent. Après la taille, les rosiers repartent."
        " Après l'hiver, on taille encore. Après tout, le jardin vit aussi l'hiver.",
        title="Rosiers grimpants",
    ),
    DocumentText(
        "fr",
        "Pendant l'été, la cabane reste ouverte. Pendant les vacances, elle ferme aussi."
        " Pendant l'hiver, la cabane garde les outils. Pendant ce temps, rien ne bouge.",
        title="Cabane partagée",
    ),
    DocumentText(
        "fr", "Le potager donne des tomates. Les tomates mûrissent en août.", title="Tomates mûres"
    ),
]
"""Each titled, a title holding its salient term: a word alone is never asked about."""


def test_welcome_examples_of_a_french_corpus_never_ask_about_a_function_word() -> None:
    frequency, sentences = _sentence_frequency(FRENCH_DOCS)
    assert frequency[tokenize("après", "fr")[0]] == 4  # said often, in one document only

    found = [term_example(document, frequency, sentences) for document in FRENCH_DOCS]
    examples = [each.example for each in found if each is not None]

    assert [e.lang for e in examples] == ["fr", "fr", "fr"]
    for example in examples:
        asked = example.question.removeprefix("Qu'en est-il de « ").removesuffix(" » ?")
        words = {fold(word) for word in re.findall(r"\w+", asked)}
        assert not words & (FUNCTION_WORDS["fr"] | STOPWORDS), example.question
    assert [salient_terms(d, frequency, sentences, limit=1) for d in FRENCH_DOCS] == [
        ["rosiers"],
        ["cabane"],
        ["tomates"],
    ]


def test_term_example_finds_a_documents_headings_once_for_all_its_terms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import citeqa.overview as overview

    found: list[str] = []

    def counted(text: str, latex: bool = False) -> list[str]:
        found.append(text)
        return headings(text, latex)

    monkeypatch.setattr(overview, "headings", counted)
    plain = DocumentText("en", BEES.text)  # no title: every salient term is tried
    assert len(salient_terms(plain, FREQUENCY, 40)) >= 2
    assert term_example(plain, FREQUENCY, 40) is None
    assert len(found) == 1


def test_a_hostile_manifest_gives_a_welcome_of_short_examples(tmp_path: Path) -> None:
    """Languages that are no list of names ("languages": 5 raised TypeError in the welcome's
    worker, "en" read as the languages e and n), and examples or titles of 100,000 characters
    (offered whole, filling the welcome): a welcome all the same, of examples short enough to
    read, the too long ones left out as malformed ones are."""
    huge = "Q" * 100_000
    documents = [
        {"file": "a.txt", "title": "Bees in towns", "languages": 5},
        {"file": "b.md", "title": "Les abeilles", "languages": "fr"},
        {"file": "c.md", "title": "T" * 100_000, "languages": [None, {"a": 1}, "en"]},
    ]
    folder = _corpus(tmp_path, {"documents": documents, "examples": [{"question": huge}]})
    overview = corpus_overview(folder)
    assert overview.languages == ["en", "fr"]
    assert overview.examples == [
        Example("What are the main points of “Bees in towns”?", "en"),
        Example("Quels sont les points principaux de « Les abeilles » ?", "fr"),
    ]


def test_a_manifest_language_of_100000_letters_is_shown_by_its_ends(tmp_path: Path) -> None:
    """A hand-made manifest naming a language of 100,000 letters filled the welcome's summary
    (review s11-3): a code other than English's or French's is one of the other languages."""
    documents = [
        {"file": "a.txt", "title": "Bees", "languages": ["x" * 100_000, *"abcdefgh", "en"]}
    ]
    overview = corpus_overview(_corpus(tmp_path, {"documents": documents}))
    assert overview.languages == ["en", OTHER]
    assert "English, other languages ·" in overview.summary and len(overview.summary) < 100


def test_one_table_names_the_languages_for_every_reader() -> None:
    """The welcome's summary and an abstention's advice ("try asking in French") read one table:
    each language a question can be asked in (models.Lang) names every language citeqa tells
    apart, the other languages included."""
    assert set(LANGUAGE_NAMES) == set(get_args(Lang))
    assert all(set(names) == {*get_args(Lang), OTHER} for names in LANGUAGE_NAMES.values())
    summary = overview.Overview("c", documents=2, size_bytes=10, languages=["fr", OTHER]).summary
    assert summary.startswith(f"2 files · {LANGUAGE_NAMES['en']['fr']}, other languages ·")


REEF_HEADS = ["Coral reefs in 2025", "Why does it matter?", "Bleaching", "Coral reef surveys"]
FAQ_HEADS = ["FAQ", "How do I reset my password?", "Where is the office?", "Who pays lunch?"]


def test_a_question_heading_without_a_salient_term_is_not_offered_outside_a_faq() -> None:
    assert overview.question_heading(REEF_HEADS, ["coral", "reef"]) is None
    assert overview.question_heading([*REEF_HEADS, "Why do reefs bleach?"], ["reefs"]) == (
        "reefs",
        "Why do reefs bleach?",
    )


def test_a_faq_offers_its_first_question_heading_without_a_salient_term() -> None:
    assert overview.question_heading(FAQ_HEADS, ["lunch"]) == ("lunch", "Who pays lunch?")
    assert overview.question_heading(FAQ_HEADS, ["parking"]) == (
        "how do i reset my password?",
        "How do I reset my password?",
    )
