"""Acronyms derived from a corpus's capitalised word runs (acronyms.py), and a question that
writes one in capitals read with the words it stands for (glossary.py)."""

from __future__ import annotations

import numpy as np
import pytest

from citeqa import acronyms, derived_terms
from citeqa.acronyms import AcronymCounts, document_acronyms, initials
from citeqa.doctally import measure
from citeqa.domain import stored_knowledge
from citeqa.glossary import Glossary
from citeqa.mail_candidates import layout_of
from citeqa.mailthreads import mail_text
from citeqa.models import Document


def spelt(text: str, thread: bool = False) -> dict[str, set[str]]:
    """Each candidate acronym of `text` (a mail `thread` or not) with its spelt-out forms."""
    doc = Document(doc_id="d", title="d", path="/d.md", text=text, sha256="0", kind="md")
    layout = layout_of(doc) if thread else None
    assert (layout is not None) == thread
    found: dict[str, set[str]] = {}
    for key in document_acronyms(text, layout):
        acronym, _, form = key.partition("\t")
        found.setdefault(acronym, set()).add(form)
    return found


def test_hyphen_parts_give_initials_and_stopwords_none() -> None:
    assert initials("Non-Disclosure") == "ND"
    assert initials("Check-in") == "C"
    found = spelt(
        "# Mutual Non-Disclosure Agreement\n"
        "Le Comité Social et Économique se réunit.\n"
        "Conditions Générales de Vente"
    )
    assert found["NDA"] == {"non-disclosure agreement"}
    assert found["MNDA"] == {"mutual non-disclosure agreement"}
    assert found["CSE"] == {"comite social et economique"}, "a capitalised stopword opens no run"
    assert found["CGV"] == {"conditions generales de vente"}
    assert "LCSE" not in found


def test_runs_stop_at_lowercase_words_punctuation_and_line_ends() -> None:
    found = spelt(
        "Service level agreement. Data, Protection Officer\nOfficer said Mutual Trust Fund ends"
    )
    assert "SLA" not in found and "DPO" not in found and "OMT" not in found
    assert found == {"MTF": {"mutual trust fund"}}, "and two initials make no acronym"


def test_the_most_frequent_form_is_kept_unless_the_acronym_is_written_as_often() -> None:
    counts = AcronymCounts()
    for text in ["Service Level Agreement"] * 3 + ["Second Life Avatar", "Customer Service Entry"]:
        counts.add(document_acronyms(text))
    written = {"cse": 1}
    chosen = counts.chosen(lambda word: written.get(word, 0))
    assert ["SLA", "service level agreement"] in chosen
    assert ["SLA", "second life avatar"] not in chosen
    assert all(acronym != "CSE" for acronym, _ in chosen), "written once, spelt out once"


def test_the_stored_acronyms_and_the_held_candidates_are_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(acronyms, "MAX_ACRONYMS", 2)
    monkeypatch.setattr(acronyms, "MAX_HELD", 10)
    counts = AcronymCounts()
    counts.add(
        document_acronyms("Alpha Beta Chi. Alpha Beta Chi. Gamma Delta Eta. Gamma Delta Eta.")
    )
    for n in range(12):
        counts.add({f"X{n}\tonce {n}": 1})
    assert len(counts.counts) <= 10
    assert counts.counts["ABC\talpha beta chi"] == 2, "a candidate seen twice survives pruning"
    assert len(counts.chosen(lambda word: 0)) == 2


def test_each_pruning_at_least_halves_the_candidates_held_even_when_all_are_counted_twice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(acronyms, "MAX_HELD", 20)
    counts = AcronymCounts()
    prunings = 0
    for n in range(40):
        before = len(counts.counts)
        counts.add({f"A{n}\tfirst {n}": 2, f"B{n}\tsecond {n}": 2, "KEEP\tkept": 3})
        prunings += len(counts.counts) < before
        assert len(counts.counts) <= 20
    assert prunings <= 40 * 2 // 10, "a pruning every MAX_HELD // 2 new candidates at most"
    assert counts.counts["KEEP\tkept"] == 120, "the most frequent survives every pruning"


def test_an_acronym_that_is_a_stopword_is_never_kept() -> None:
    counts = AcronymCounts()
    for text in [
        "World Health Organization",
        "Lupus Erythemateux Systemique",
        "Thomas Hardy et Anthony Trollope",
        "Not Our Team",
        "Service Level Agreement",
    ]:
        counts.add(document_acronyms(text))
    kept = {acronym for acronym, _ in counts.chosen(lambda word: 0)}
    assert "SLA" in kept
    assert not kept & {"WHO", "LES", "THAT", "NOT"}, "a stopword's count of 0 keeps nothing"


def test_a_question_in_capitals_throughout_expands_no_acronym() -> None:
    glossary = Glossary(
        (), (), [("RENT", "real estate net tax"), ("NDA", "non-disclosure agreement")]
    )
    assert glossary.expansions("WHO PAYS THE RENT?") == []
    assert glossary.expansions("Who pays the RENT?") == ["real estate net tax"]
    assert glossary.expansions("NDA?") == ["non-disclosure agreement"]


def test_an_acronym_written_in_capitals_with_a_capital_plural_s_is_expanded() -> None:
    glossary = Glossary((), (), [("NDA", "non-disclosure agreement"), ("CGVS", "c g v s")])
    assert glossary.expansions("Which NDAS are signed?") == ["non-disclosure agreement"]
    assert glossary.expansions("Which CGVS apply?") == ["c g v s"], "its own S first"


def test_a_question_expands_an_acronym_it_writes_in_capitals_only() -> None:
    glossary = Glossary((), (), [("NDA", "non-disclosure agreement"), ("CSE", "comite social")])
    assert glossary.expansions("How long does the Helix NDA last?") == ["non-disclosure agreement"]
    assert glossary.expansions("Which NDAs are signed?") == ["non-disclosure agreement"]
    assert glossary.expansions("Le budget du CSE ?") == ["comite social"]
    assert glossary.expansions("what is an nda?") == []
    assert glossary.expansions("The NDA (non-disclosure agreement) lasts?") == []


def test_stored_acronyms_reach_the_glossary_and_damaged_ones_are_refused() -> None:
    stored = {"acronyms": [["SLA", "service level agreement"]]}
    assert Glossary.of(stored_knowledge(stored)).expansions("Which SLA applies?") == [
        "service level agreement"
    ]
    for damaged in ([["SLA"]], [["SLA", 3]], {"SLA": "service level agreement"}):
        with pytest.raises(ValueError, match="acronyms"):
            stored_knowledge({"acronyms": damaged})


def test_more_acronyms_or_term_pairs_than_a_build_stores_are_damage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(acronyms, "MAX_ACRONYMS", 3)
    monkeypatch.setattr(derived_terms, "TOP_TERMS", 3)
    four = [["ABC", "alpha beta chi"]] * 4
    with pytest.raises(ValueError, match="acronyms"):
        stored_knowledge({"acronyms": four})
    with pytest.raises(ValueError, match="term pairs"):
        stored_knowledge({"term_pairs": [["kidney", "rein"]] * 4})
    assert stored_knowledge({"acronyms": four[:3], "term_pairs": [["kidney", "rein"]] * 3})


def test_a_document_of_capitalised_words_alone_is_read_in_bounded_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Lines of capitalised words alone (2.3 MB of "Alpha Beta Gamma Delta": 28.6 s) are read
    up to MAX_STRETCHES candidate stretches, no further; ordinary text is read whole."""
    keyed: list[str] = []
    key = acronyms.candidate_key

    def counting(acronym: str, form: str) -> str:
        keyed.append(acronym)
        return key(acronym, form)

    monkeypatch.setattr(acronyms, "candidate_key", counting)
    counts = acronyms.document_acronyms("Alpha Beta Gamma Delta.\n" * 20_000)
    assert len(keyed) == acronyms.MAX_STRETCHES
    assert counts["ABGD\talpha beta gamma delta"] > 1_000
    keyed.clear()
    acronyms.document_acronyms("The Non-Disclosure Agreement binds us.\n" * 10)
    assert len(keyed) == 10 * len(list(acronyms._stretches(["Non-Disclosure", "Agreement"])))


def test_the_headings_citeqa_writes_over_a_mails_asides_spell_out_nothing() -> None:
    """s19 hostile 6: mailthreads' "## Quoted by Sam Self · 8 Mar 2025" (a quote whose original
    the thread lacks) was harvested as "QSS" = "quoted by sam self"; the mail's own words that
    run the same way still are."""
    thread = (
        "From: Sam Self <sam@x.org>\nDate: Sat, 8 Mar 2025 10:00:00 +0000\nSubject: Autoclave\n\n"
        "The Quality Safety Standard applies.\n\nOn Fri, 7 Mar 2025, Dee Quinn wrote:\n"
        "> The autoclave cycle lasts 45 minutes.\n\n-- \nSam Self\nResearch Computing Lab\n"
    )
    read = mail_text(thread)
    assert read is not None and "## Quoted by Sam Self" in read[0]
    assert "## Signature · Sam Self" in read[0] and "## Headers · Sam Self" in read[0]
    assert spelt(read[0], thread=True)["QSS"] == {"quality safety standard"}
    assert spelt("Quoted by Sam Self, the note went out.")["QSS"] == {"quoted by sam self"}


def test_only_a_mail_threads_generated_headings_lose_their_label() -> None:
    """Review of s19-mend-mail: a note's "## Signature Block Design (SBD)" lost "Signature" as
    if mailthreads had written it, so SBD was never spelt out; a build drops the label only in
    a document mail_candidates reads as a thread."""
    note = "# Notes\n\n## Signature Block Design (SBD)\nThe SBD sets the footer.\n"
    assert spelt(note)["SBD"] == {"signature block design"}
    thread = mail_text(
        "From: Sam Self <sam@x.org>\nDate: Sat, 8 Mar 2025 10:00:00 +0000\nSubject: A\n\n"
        "Hello.\n\nOn Fri, 7 Mar 2025, Dee Quinn wrote:\n> Cycle of 45 minutes.\n"
    )
    assert thread is not None
    documents = [
        Document(doc_id=name, title=name, path=f"/{name}.md", text=text, sha256="0", kind="md")
        for name, text in (("note", note), ("thread", thread[0]))
    ]
    tallied = {
        doc.doc_id: measure(doc, [], np.zeros((0, 3), dtype=np.int64), "r") for doc in documents
    }
    assert "SBD\tsignature block design" in tallied["note"].acronyms
    assert not any(key.startswith("QSS\t") for key in tallied["thread"].acronyms)


def test_a_senders_heading_in_a_thread_keeps_its_label() -> None:
    """Third review: in a thread, every heading opening with a label mailthreads writes lost
    it, a sender's "## Signature Block Design (SBD)" too; only the headings the thread's
    layout says mailthreads wrote lose it."""
    read = mail_text(
        "From: Sam Self <sam@x.org>\nDate: Sat, 8 Mar 2025 10:00:00 +0000\nSubject: Footer\n\n"
        "## Signature Block Design (SBD)\nThe SBD sets the footer.\n\n"
        "On Fri, 7 Mar 2025, Dee Quinn wrote:\n> Cycle of 45 minutes.\n"
    )
    assert read is not None and "## Quoted by Sam Self" in read[0]
    found = spelt(read[0], thread=True)
    assert found["SBD"] == {"signature block design"}
    assert "QSS" not in found  # mailthreads' own "## Quoted by Sam Self" still spells nothing


def titled(text: str, title: str) -> dict[str, int]:
    return document_acronyms(text, None, title)


def test_a_sentence_case_title_spells_out_the_initials_of_its_content_words() -> None:
    # s25 trial: "Que dit l'article 13 des CGV ?" abstained on a PDF titled so
    text = "Conditions générales de vente – Verdalis SAS\nLes conditions générales de vente…"
    assert titled(text, "Conditions générales de vente") == {
        "CGV\tconditions generales de vente": 2
    }
    found = titled("", "Politique d'utilisation des cookies")
    assert found == {"PUC\tpolitique d'utilisation des cookies": 1}


@pytest.mark.parametrize(
    "title",
    [
        "Tarifs 2026",
        "procedure-escalade",
        "Mentions légales",
        "Release notes",
        "lower case title",
        "Conditions Générales de vente",
        "A very long title of many words spelt out here",
    ],
)
def test_no_acronym_of_a_title_with_digits_too_few_or_too_many_words_or_not_sentence_case(
    title: str,
) -> None:
    assert titled("", title) == {}


def test_a_title_acronym_the_corpus_writes_as_a_word_more_often_is_not_chosen() -> None:
    counts = AcronymCounts()
    counts.add(titled("Compte rendu de réunion", "Compte rendu de réunion"))
    assert counts.chosen(lambda word: 0) == [["CRR", "compte rendu de reunion"]]
    assert counts.chosen(lambda word: {"crr": 3}.get(word, 0)) == []
