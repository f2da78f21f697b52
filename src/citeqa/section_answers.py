"""Candidates kept for a question asking a numbered section, a heading, a version or a place.

A question asking "version 3.5.1", "l'article 5" or "clause 4.3" keeps the candidates standing
under that section (`under_asked_section`, numbered_sections.py; a version's whole document:
version_documents.py); one asking a heading by its words those right under it
(`under_asked_heading`, asked_headings.py); one asking a page or a section by a place word those
at the place (`at_asked_place`, places.py). answering.py calls these while choosing the quote.
"""

from __future__ import annotations

from citeqa.answer_location import Reading
from citeqa.asked_headings import asked_words, asks_heading, heading_words
from citeqa.candidates import Candidates, subset
from citeqa.document_names import named_among
from citeqa.lexical import about_terms, undated_terms
from citeqa.numbered_sections import (
    asked_numbers,
    opening_number,
    standing_under,
)
from citeqa.places import (
    AskedPlace,
    heading_over,
    place_rows,
)
from citeqa.sentences import (
    ScoredSentence,
    SentenceBank,
)
from citeqa.version_documents import (
    asks_version,
    versioned_documents,
)
from citeqa.versions import asked_file_versions, asked_mentions, written_versions


def under_asked_section(
    candidates: Candidates,
    bank: SentenceBank,
    question: str,
    versioned: frozenset[str],
) -> Candidates:
    """The candidates, but for a question asking a numbered section ("version 3.5.1", "l'article
    5", "clause 4.3": numbered_sections.asked_sections) only those standing under it, when any
    does (numbered_sections.standing_under: the sentence, its paragraph's numbered lead line or
    a heading above it opens with that number), in the quote ranker's order. The rankers read
    the number as one word among others: "What changed in version 3.5.1?" quoted 3.3.0's
    "Changed" line (trial s17). When those stand in several documents and the question names
    some (document_names.named_among: "l'article 7 des CGV"), only the named ones' are kept.
    When the asked number is a version a candidate's document names by its path or title
    ("la version 2 du protocole" of "Protocole … (v2)": `_of_asked_version`; `versioned`: those
    documents as Reading.versioned holds them), that document's candidates
    are kept, wherever they stand (a version a file name ends with, "devis_v2",
    or asked by an ordinal, "la première version", too: version_documents.asks_version).
    Otherwise, for a number asked as a version, only the named documents' or, when the
    question names none, those of documents that have a version (their path, file name or
    title names one) or are copies of one (version_documents.versioned_documents) are kept,
    and when none has, the best candidate's document's when one of them stands under a
    heading opening with the version (`_sectioned_best`: a changelog's "## [2.3.1]"), else
    the candidates are: another document's section of that number is no version of what is
    asked (s31 trial a18: "le devis … version 2" quoted a safety sheet's
    "2. Hazards identification"; s32 review: an unversioned quote's line "Version 2 du 3 mars
    2026." was kept alone for its total); an article's number is looked for in any
    document (notes citing "l'article 9 du bail" outrank the lease's own article 9)."""
    if not candidates.sentences or not asks_version(question):
        return candidates
    of_version = _of_asked_version(candidates, bank, question, versioned)
    if of_version:
        return subset(candidates, of_version)
    if not asked_numbers(question):
        return candidates
    under = standing_under(question, bank, [item.index for item in candidates.sentences])
    rows = [number for number, standing in enumerate(under) if standing]
    doc_of = [bank.sentences[candidates.sentences[n].index].doc_id for n in rows]
    named = named_among(question, (bank.documents[doc_id] for doc_id in dict.fromkeys(doc_of)))
    if not named and asked_file_versions(question):
        named = versioned_documents(bank.documents[doc_id] for doc_id in dict.fromkeys(doc_of))
        if not named:
            named = _sectioned_best(candidates, bank, question, rows)
        if not named:
            return candidates
    if named:
        rows = [n for n, doc_id in zip(rows, doc_of, strict=True) if doc_id in named]
    return subset(candidates, rows) if rows and rows != list(range(len(under))) else candidates


def _sectioned_best(
    candidates: Candidates, bank: SentenceBank, question: str, rows: list[int]
) -> set[str]:
    """The best candidate's document when one of `rows` (the candidates standing under the
    asked version) of it stands under a heading or lead line opening with that version rather
    than opening with it itself (a changelog's "## [2.3.1]" section); else none: a line
    "Version 2 du 3 mars 2026." says which version its whole document is, it is no section."""
    best = bank.sentences[candidates.sentences[0].index].doc_id
    versions = set(asked_file_versions(question))
    for number in rows:
        index = candidates.sentences[number].index
        text = bank.text(index)
        if bank.sentences[index].doc_id == best and (
            opening_number(text) is None or versions.isdisjoint(written_versions(text))
        ):
            return {best}
    return set()


def _of_asked_version(
    candidates: Candidates, bank: SentenceBank, question: str, asked: frozenset[str]
) -> list[int]:
    """The positions of the candidates of the documents `asked` (those whose path or title names
    the version the question asks: version_documents.version_documents_read, every sentence of
    "Protocole … (v2)" is of "la version 2"), a line opening with that version ("Version 2 — 14
    octobre 2025 — rédigé par …": it names the version, its steps say what it holds) only when
    no other is; [] when no candidate is of such a document. Other documents' lines opening with
    the number ("2. Fixer 20 min …" of v1) are not of it: the number names a version, no
    section. Another document's sentence writing the asked version and a word of the question
    that none of the version's documents' candidates writes (their titles and headings counted)
    is about that version: it is kept too, in the ranker's order ("When was version 2 of the
    guide released?": notes.md's "Version 2 of the guide was released in May.", not the guide's
    installer line: s31 review; `_about_version`)."""
    doc_of = [bank.sentences[item.index].doc_id for item in candidates.sentences]
    rows = [number for number, doc_id in enumerate(doc_of) if doc_id in asked]
    if not rows:
        return []
    versions = set(asked_file_versions(question))
    texts = [bank.text(item.index) for item in candidates.sentences]
    naming = [
        number
        for number in rows
        if opening_number(texts[number]) is not None
        and not versions.isdisjoint(written_versions(texts[number]))
    ]
    kept = set([number for number in rows if number not in naming] or naming)
    return sorted(kept.union(_about_version(candidates, bank, question, rows)))


def _about_version(
    candidates: Candidates, bank: SentenceBank, question: str, rows: list[int]
) -> list[int]:
    """The positions of the candidates not in `rows` (the asked version's documents') writing
    the asked version and a word of the question, its version's mention aside, that none of
    `rows` writes in its sentence, heading or title (`_of_asked_version`)."""
    mentions = asked_mentions(question)
    versions = {version for version, _ in mentions}
    words = question
    for _, written in mentions:
        words = words.replace(written, " ")
    asked = about_terms(undated_terms(words))
    held: set[str] = set()
    for number in rows:
        sentence = bank.sentences[candidates.sentences[number].index]
        section = bank.chunks[sentence.chunk_index].section or ""
        title = bank.documents[sentence.doc_id].title or ""
        held |= undated_terms(
            f"{bank.text(candidates.sentences[number].index)}\n{section}\n{title}"
        )
    unheld = asked - held
    return [
        number
        for number, item in enumerate(candidates.sentences)
        if number not in rows
        and unheld & undated_terms(text := bank.text(item.index))
        and not versions.isdisjoint(written_versions(text))
    ]


def under_asked_heading(candidates: Candidates, reading: Reading) -> Candidates:
    """The candidates, but when the best's document has a section whose heading the question
    asks (asked_headings.asks_heading: "Root cause" for "What was the root cause of the May
    2026 email outage?", "POSOLOGIE" for "Quelle est la posologie du Doliprane ?") and the best
    stands under none, those standing right under one (places.heading_over), in the quote
    ranker's order: the rankers rated the page's key/value rows, read with its title, over the
    sentence under "## Root cause" (s24 trial). Not when the best stands under a heading
    writing a word of the question that its document's title does not: "## Apollo" answers
    "What is the status of project Apollo?" over "## Project status", while "QU'EST-CE QUE
    DOLIPRANE…" of the leaflet titled "DOLIPRANE…" answers no "posologie du Doliprane". Another
    document's such sections are another record's."""
    if not candidates.sentences:
        return candidates
    bank, best = reading.bank, candidates.sentences[0]
    doc_id = bank.sentences[best.index].doc_id
    lang = reading.hits[best.passage_rank - 1].chunk.lang
    title = heading_words(bank.documents[doc_id].title, lang)
    best_heading = heading_words(heading_over(bank, best.index), lang)
    if not asked_words(reading.terms).isdisjoint(best_heading - title):
        return candidates  # "## Apollo" for "What is the status of project Apollo?"
    rows = [
        number
        for number, item in enumerate(candidates.sentences)
        if bank.sentences[item.index].doc_id == doc_id
        and asks_heading(
            heading_words(heading_over(bank, item.index), lang), title, reading.terms, lang
        )
    ]
    return subset(candidates, rows) if rows and rows[0] != 0 else candidates


def at_asked_place(candidates: Candidates, reading: Reading, asked: AskedPlace) -> Candidates:
    """The candidates a question asking a place keeps (places.place_rows): those at the place,
    and of them only its opening body sentence when the question names nothing else."""
    indices = [item.index for item in candidates.sentences]
    rows = place_rows(indices, reading.bank, reading.hits, reading.terms.focus, asked)
    return candidates if rows is None else subset(candidates, rows)


def in_best_document(
    rows: list[ScoredSentence], candidates: Candidates, bank: SentenceBank
) -> list[ScoredSentence]:
    """The `rows` standing in the document of the best of the `candidates`."""
    best = bank.sentences[candidates.sentences[0].index].doc_id
    return [item for item in rows if bank.sentences[item.index].doc_id == best]
