"""What a corpus is, in one line, and example questions to start with: for the chat's welcome.

`corpus_overview` counts the corpus's files, their size and languages (from the corpus's
manifest.json, or the index status once it is loaded: its check read the corpus's size and the
manifest's examples, read here no more) and picks example questions: the ones the manifest
lists under "examples" (`{"question": ..., "lang": ...}`); for a corpus without any, once its
index is loaded, questions on the salient term of a few documents (`term_example`, for the
documents suggestions.py picks: a heading that is itself a question, a FAQ's, asked as it is,
the one holding the salient term first; else a word frequent in the document and rare in the
corpus, by the index's sentence frequencies, asked about as a person would: the document's
title when it is itself a question holding the term, else a short heading holding it, else the
words the term runs with in the text, "salle de sport" rather than "salle", a hyphenated
compound whole, else the title holding it; never the word alone, "What about reefs?"; in the
document's language; lines that repeat but for their numbers, "Réponse pratique numéro 1…40",
are a template, not a topic, and left out); before that, or when no term stands out, questions
made from the document titles. Nothing here knows any particular corpus; the bundled one brings
its examples in its own manifest.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from citeqa.blocks import headings
from citeqa.buildnotes import welcome_hidden_line
from citeqa.corpus import corpus_stamps
from citeqa.domain import language_data, read_corpus_manifest
from citeqa.language import LANGUAGE_NAMES, OTHER
from citeqa.lexical import content_words, fold, tokenize
from citeqa.models import Example, IndexStatus, counted, documents_read
from citeqa.questions import interrogatives
from citeqa.titles import running_header
from citeqa.unread import welcome_line

EXAMPLE_COUNT = 3
"""Example questions offered."""
EXAMPLE_MAX_CHARS = 300
"""A longer example is not offered (a manifest's example or title of 100,000 characters filled
the welcome): one to read at a glance, such as the question on a title of 250 characters."""

TITLE_TEMPLATES = {
    "en": "What are the main points of “{title}”?",
    "fr": "Quels sont les points principaux de « {title} » ?",
}
"""Questions made from a document title, by the document's language (English otherwise)."""

TERM_TEMPLATES = {
    "en": "What about {term}?",
    "fr": "Qu'en est-il de « {term} » ?",
}
"""Questions on a document's salient term (or the words it runs with), by the document's
language (English otherwise). Their own words are all stopwords: a template word the corpus
never says ("documents", "known") would make the question abstain on that word."""
HEADING_TEMPLATES = {
    "en": "What about “{heading}”?",
    "fr": "Qu'en est-il de « {heading} » ?",
}
"""Questions on a short heading holding a document's salient term."""
PHRASE_WORDS = 4
"""The words a term runs with are at most this many, the term included."""
_LABEL = re.compile(r"[^\W\d_]{1,3}\s?:\s+")
"""A short label opening a title ("Q: "), left out of a title asked as it is."""
_JOINS = frozenset({" ", "-"})
_SENTENCE_ENDS = (".", "!", "?", ":", ";", ",")
"""A heading ending so is a sentence or a lead-in, not a subject to ask about."""

TEMPLATE_REPEATS = 3
"""A line with a number said this often, numbers aside, is a template ("Réponse pratique numéro
1", "… 2", …; a changelog's "## 4.2.1 — 2026-09-14"): no topic to offer (`untemplated`)."""
_NUMBER = re.compile(r"\d+")
_NUMBERED_WORD = re.compile(r"(\D+)\d+")
"""A word numbered at its end ("integer1", "file2")."""

QUESTION_HEADING_WORDS = 3
"""A heading ending with "?" asks a question when it has at least this many words."""

TEXT_SAMPLE = 20_000
"""Characters read from the start of a document to find its salient term."""

TERMS_TRIED = 3
"""Salient terms of a document tried in turn until one makes a question worth asking."""
MIN_TERM_LENGTH = 4
MIN_TERM_COUNT = 2
"""A term is a word of at least this many letters, said at least this often in the sample."""

_WORD = re.compile(r"[^\W\d_][^\W_]*")
FUNCTION_WORDS = {lang: frozenset(words) for lang, words in language_data().function_words.items()}
"""Per language, function words BM25 keeps ("après", "however"; citeqa/data/language.json):
never a term asked about, nor part of a phrase asked about (the stopwords neither)."""

LANGUAGE_SHOWN = LANGUAGE_NAMES["en"]
"""A corpus's languages as its summary names them (the welcome is in English)."""


@dataclass(frozen=True)
class Overview:
    """The corpus in figures, and example questions."""

    name: str
    documents: int
    """The documents the index read, or before it is loaded (`chunks` None) the corpus's
    files."""
    size_bytes: int
    languages: list[str] = field(default_factory=list)
    chunks: int | None = None
    examples: list[Example] = field(default_factory=list)
    unread: str | None = None
    """What the welcome says once of the files the build did not read (unread.welcome_line),
    None when it read every file it tried or before the index is loaded."""
    files: int | None = None
    """The corpus's files, read or not (the index's documents and the files it skipped), once
    the index is loaded; None before."""
    left_out: str | None = None
    """What the welcome says once of the hidden names and tools' folders the corpus's walk
    passed over, not counted in `files` (buildnotes.welcome_hidden_line), None when there are
    none or before the index is loaded."""

    @property
    def summary(self) -> str:
        """ "5 documents · English, French · 412 kB · 106 passages"; before the index is
        loaded, the files: "7 files · 412 kB"; once loaded, the files it did not read too:
        "5 documents read of 7 files · …" (`documents_read`), as the chat's header says."""
        first = (
            counted(self.documents, "file")
            if self.chunks is None
            else documents_read(self.documents, self.files)
        )
        parts = [first]
        if self.languages:
            parts.append(", ".join(LANGUAGE_SHOWN.get(lang, lang) for lang in self.languages))
        parts.append(human_size(self.size_bytes))
        if self.chunks is not None:
            parts.append(counted(self.chunks, "passage"))
        return " · ".join(parts)


def human_size(size: int) -> str:
    """1234567 -> "1.2 MB" (decimal units)."""
    value = float(size)
    for unit in ("bytes", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit in ("bytes", "kB") else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} bytes"


def manifest_examples(manifest: dict[str, object]) -> list[Example]:
    """The manifest's "examples" that are well formed (others are skipped)."""
    entries = manifest.get("examples")
    examples = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("question"), str):
            lang = entry.get("lang") if isinstance(entry.get("lang"), str) else "en"
            examples.append(Example(" ".join(entry["question"].split()), str(lang)))
    return [example for example in examples if example.question]


def title_examples(documents: list[tuple[str, list[str]]]) -> list[Example]:
    """One question per (title, languages) document, in the document's first language; a
    document in neither language (its languages only language.OTHER) offers none, as in
    suggestions.suggest (its title would be asked about in a language it is not in)."""
    examples = []
    for title, langs in documents:
        if langs and all(lang == OTHER for lang in langs):
            continue
        lang = next((lang for lang in langs if lang in TITLE_TEMPLATES), "en")
        examples.append(Example(TITLE_TEMPLATES[lang].format(title=" ".join(title.split())), lang))
    return examples


@dataclass(frozen=True)
class DocumentText:
    """A document as `term_example` reads it: its language, its text (only its first
    TEXT_SAMPLE characters are read) and its title."""

    lang: str
    text: str
    title: str = ""
    latex: bool = False
    """Whether the document is a LaTeX source (models.Document.latex): its sectioning lines are
    its headings (blocks.headings)."""


def salient_terms(
    document: DocumentText, frequency: Mapping[str, int], sentence_count: int, limit: int = 2
) -> list[str]:
    """The words of `document` said often in it and rarely in the corpus, best first: scored
    count in the document x log(corpus sentences / sentences holding the word's stem) (tf-idf;
    a damped count favoured words said twice); each in its most frequent spelling."""
    lang = document.lang if document.lang in TERM_TEMPLATES else "en"
    spellings: dict[str, Counter[str]] = {}
    for match in _WORD.finditer(document.text[:TEXT_SAMPLE]):
        word = match.group()
        stems = tokenize(word, lang) if len(word) >= MIN_TERM_LENGTH else []
        if len(stems) == 1 and not stems[0].isdigit() and not _function_word(word, lang):
            spellings.setdefault(stems[0], Counter())[word] += 1
    scored = []
    placeholders = _numbered_variants(spellings)  # stems, with how each was written
    for stem, spelled in spellings.items():
        count = sum(spelled.values())
        if count >= MIN_TERM_COUNT and stem in frequency and stem not in placeholders:
            rarity = math.log((sentence_count + 1) / (frequency[stem] + 1))
            scored.append((count * rarity, spelled.most_common(1)[0][0]))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [term for score, term in scored[:limit] if score > 0]


def _numbered_variants(spellings: dict[str, Counter[str]]) -> set[str]:
    """The stems that are one word in capitals numbered several ways ("INTEGER1" and
    "INTEGER2", "FILE1" and "FILE2": a placeholder of a command's syntax, "INTEGER1 -eq
    INTEGER2"), no topic. A word numbered otherwise is a topic ("Python2" and "Python3",
    "IPv4" and "IPv6")."""
    numbered: dict[str, set[str]] = {}
    for stem, spelled in spellings.items():
        found = _NUMBERED_WORD.fullmatch(stem)
        if found and spelled.most_common(1)[0][0].isupper():
            numbered.setdefault(found.group(1), set()).add(stem)
    return {stem for variants in numbered.values() if len(variants) > 1 for stem in variants}


def untemplated(text: str) -> str:
    """`text` with its template lines (TEMPLATE_REPEATS) blanked: the terms, headings and
    phrases a document is asked about are found in the rest."""
    lines = text.splitlines(keepends=True)
    shapes = Counter(_NUMBER.sub("#", line.strip()) for line in lines if _NUMBER.search(line))
    return "".join(
        "\n" if shapes.get(_NUMBER.sub("#", line.strip()), 0) >= TEMPLATE_REPEATS else line
        for line in lines
    )


class TermExample(NamedTuple):
    """An example and the term it asks about (folded as `term_example`'s `asked` holds it)."""

    term: str
    example: Example


def term_example(
    sampled: DocumentText,
    frequency: Mapping[str, int],
    sentence_count: int,
    asked: Collection[str] = (),
) -> TermExample | None:
    """A heading of the document that asks a question (`question_heading`), else a question on
    its most salient term a person would ask about (`term_question`), read in its first
    TEXT_SAMPLE characters, its template lines left out; a term (or question) in `asked`
    (casefolded) is passed over. None when nothing makes a question."""
    document = replace(sampled, text=untemplated(sampled.text[:TEXT_SAMPLE]))
    lang = document.lang if document.lang in TERM_TEMPLATES else "en"
    terms = salient_terms(document, frequency, sentence_count, limit=TERMS_TRIED)
    heads = headings(document.text, document.latex)
    faq = question_heading(heads, terms, asked)
    if faq is not None:
        return TermExample(faq[0], Example(faq[1], lang))
    for term in (t for t in terms if t.casefold() not in asked):
        question = term_question(document, term, lang, heads)
        if question is not None:
            return TermExample(term.casefold(), Example(question, lang))
    return None


def question_heading(
    heads: Sequence[str], terms: Sequence[str], asked: Collection[str] = ()
) -> tuple[str, str] | None:
    """A heading that is itself a question (a FAQ's "Combien coûte la mutuelle ?"), asked as it
    is: the first holding one of `terms` (best first), else, in a FAQ (most `heads` are
    questions), the first; with the key it enters `asked` by (the term, else the question,
    casefolded). None when no heading asks a question, when none holding a term is left
    outside a FAQ ("Why does it matter?" in a report on coral reefs says nothing of them), or
    when each one's key is in `asked`."""
    questions = [
        (_LABEL.sub("", heading, count=1), [word.casefold() for word in _WORD.findall(heading)])
        for heading in heads
        if heading.endswith("?")
    ]
    questions = [(q, words) for q, words in questions if len(words) >= QUESTION_HEADING_WORDS]
    for term in terms:
        key = term.casefold()
        holding = (q for q, words in questions if key in words)
        if key not in asked and (question := next(holding, None)) is not None:
            return key, question
    if len(questions) * 2 <= len(heads):
        return None
    return next(((q.casefold(), q) for q, _ in questions if q.casefold() not in asked), None)


def term_question(document: DocumentText, term: str, lang: str, heads: Sequence[str]) -> str | None:
    """A question on `term` as a person would ask it: the document's title when it is a
    question holding the term, else a question on a short heading holding it (`heads`: the
    headings of the text's sample, blocks.headings), else on the words it runs with
    in the text (`term_phrase`) when they are several, else on the title when it holds the
    term; None when there is nothing but the word itself to ask about ("What about reefs?"
    says too little to be worth asking)."""
    title = " ".join(document.title.split())
    if title.endswith("?") and term.casefold() in title.casefold():
        return _LABEL.sub("", title, count=1)
    heading = _heading_with(heads, term)
    if heading is not None:
        return HEADING_TEMPLATES[lang].format(heading=heading)
    phrase = term_phrase(document.text[:TEXT_SAMPLE], term, lang)
    if len(_WORD.findall(phrase)) >= 2:
        return TERM_TEMPLATES[lang].format(term=phrase)
    if _holds(title, term, lang) and len(_WORD.findall(title)) >= 2:
        return HEADING_TEMPLATES[lang].format(heading=title)
    return None


def _holds(title: str, term: str, lang: str) -> bool:
    """Whether `title` says `term`, in any form (its stem: "Reef" says "reefs")."""
    return bool(set(tokenize(term, lang)) & set(tokenize(title, lang)))


def _heading_with(heads: Sequence[str], term: str) -> str | None:
    """The first of `heads` (headings found as chunking finds them) of two words or more
    holding `term` (in any case, as the title is matched), never a running header ("XZ(1)
    XZ Utils XZ(1)": titles.running_header)."""
    wanted = term.casefold()
    for heading in heads:
        words = [word.casefold() for word in _WORD.findall(heading)]
        asks = len(words) >= 2 and wanted in words and not heading.endswith(_SENTENCE_ENDS)
        if asks and not running_header(heading):
            return heading
    return None


def term_phrase(text: str, term: str, lang: str) -> str:
    """The words `term` runs with: around each time it is said, the words just before it
    that are not stopwords ("office opening", "cabane à outils"), then a short stopword and
    such a word after it ("salle de sport"), in one run of at most PHRASE_WORDS words; the
    longest run said at least MIN_TERM_COUNT times (a run said once is as likely a verb as a
    name), else the term alone. Its first letter is lower case when it is also said so."""
    words = list(_WORD.finditer(text))
    found: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    alone = term
    for at, word in enumerate(words):
        if word.group().casefold() != term.casefold():
            continue
        if word.group()[0].islower():
            alone = word.group()
        first, last = _run_around(text, words, at, lang)
        phrase = text[words[first].start() : words[last].end()]
        key = phrase.casefold()
        found[key] += 1
        if key not in spelled or (spelled[key][0].isupper() and phrase[0].islower()):
            spelled[key] = phrase
    folded = text.casefold()
    recurring = [key for key in found if " " in key and folded.count(key) >= MIN_TERM_COUNT]
    if not recurring:
        return alone
    return spelled[max(recurring, key=lambda key: (len(key.split()), found[key], key))]


def _run_around(text: str, words: list[re.Match[str]], at: int, lang: str) -> tuple[int, int]:
    """The first and last word of the run around `words[at]` (`term_phrase`): words before it
    that are not stopwords, or a short stopword between two such ("cabane à outils"), then one
    short stopword and such a word after it."""
    first = last = at

    def joined(left: int) -> bool:
        return text[words[left].end() : words[left + 1].start()] in _JOINS

    def linked(near: int, far: int) -> bool:
        """Whether `words[far]` joins the run through the short stopword `words[near]`."""
        return (
            0 <= far < len(words)
            and joined(near - 1)
            and joined(near)
            and _connector(words[near].group(), lang)
            and _content(words[far].group(), lang)
        )

    while first > 0 and last - first + 1 < PHRASE_WORDS and joined(first - 1):
        if _content(words[first - 1].group(), lang):
            first -= 1
        elif last - first + 2 < PHRASE_WORDS and linked(first - 1, first - 2):
            first -= 2
        else:
            break
    if last + 1 < len(words) and last - first + 3 <= PHRASE_WORDS and linked(last + 1, last + 2):
        last += 2
    return _whole_compounds(text, words, first, last)


def _whole_compounds(
    text: str, words: list[re.Match[str]], first: int, last: int
) -> tuple[int, int]:
    """The run widened so that no hyphenated compound is cut: "Abonnement télé-actes", not
    "Abonnement télé" (s37 trial: a welcome example cut mid-word)."""

    def glued(left: int) -> bool:
        return text[words[left].end() : words[left + 1].start()] == "-"

    while first > 0 and glued(first - 1):
        first -= 1
    while last + 1 < len(words) and glued(last):
        last += 1
    return first, last


def _content(word: str, lang: str) -> bool:
    """A word that is no stopword, number or question word."""
    words = content_words(word)
    return (
        len(words) == 1
        and not words[0].isdigit()
        and fold(word) not in interrogatives()
        and not _function_word(word, lang)
    )


def _function_word(word: str, lang: str) -> bool:
    """A function word of `lang` that BM25 keeps (FUNCTION_WORDS)."""
    return fold(word) in FUNCTION_WORDS.get(lang, frozenset())


def _connector(word: str, lang: str) -> bool:
    """A short stopword in lower case that may join two words of a name ("de", "of")."""
    return len(word) <= 3 and word.islower() and not content_words(word)


def choose(examples: list[Example], count: int = EXAMPLE_COUNT) -> list[Example]:
    """`count` examples, taking each language in turn so that every language is offered."""
    by_lang: dict[str, list[Example]] = {}
    for example in examples:
        by_lang.setdefault(example.lang, []).append(example)
    chosen: list[Example] = []
    while len(chosen) < count and any(by_lang.values()):
        for queue in by_lang.values():
            if queue and len(chosen) < count:
                chosen.append(queue.pop(0))
    return chosen


def _manifest_documents(manifest: dict[str, object]) -> list[tuple[str, list[str]]]:
    """(title, languages) of each document the corpus's manifest lists with a title; its
    languages are the codes its "languages" lists, or the one it names alone ("en"), any code
    but English's and French's read as other languages (a hand-made manifest's 100,000-letter
    name filled the welcome)."""
    entries = manifest.get("documents")
    documents = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("title"), str):
            langs = entry.get("languages")
            listed = [langs] if isinstance(langs, str) else langs if isinstance(langs, list) else []
            names = {_language(lang) for lang in listed if isinstance(lang, str)}
            documents.append((entry["title"], sorted(names)))
    return documents


def _language(code: str) -> str:
    """A manifest's language code as the welcome names it: "en", "fr", or OTHER."""
    return code if code in LANGUAGE_SHOWN else OTHER


class _Found(NamedTuple):
    """What the overview reads of a corpus (`_found`)."""

    documents: list[tuple[str, list[str]]]
    """Each document's title and languages."""
    document_count: int
    """The documents (the files, before the index is loaded)."""
    size: int
    """The corpus's files' size in bytes."""
    examples: list[Example]
    """The corpus manifest's examples."""


def _found(corpus_dir: Path, status: IndexStatus | None) -> _Found:
    """What the overview reads of the corpus: from `status` when its check found the corpus
    (then the folder is neither walked nor its manifest read again), else from a walk of the
    folder and its manifest, with the documents of `status` when there is one."""
    if status is not None and status.corpus_bytes is not None:
        documents = _status_documents(status)
        return _Found(documents, len(documents), status.corpus_bytes, status.corpus_examples)
    manifest = read_corpus_manifest(corpus_dir)
    files = corpus_stamps(corpus_dir, manifest)
    if status is not None:
        documents = _status_documents(status)
        count = len(documents)
    else:
        documents, count = _manifest_documents(manifest.data), len(files.names)
    return _Found(documents, count, sum(files.sizes), manifest_examples(manifest.data))


def _status_documents(status: IndexStatus) -> list[tuple[str, list[str]]]:
    return [(doc.title, list(doc.lang)) for doc in status.documents]


def _short(examples: list[Example]) -> list[Example]:
    """The examples short enough to offer (EXAMPLE_MAX_CHARS)."""
    return [example for example in examples if len(example.question) <= EXAMPLE_MAX_CHARS]


def corpus_overview(
    corpus_dir: Path,
    status: IndexStatus | None = None,
    suggest: Callable[[], list[Example]] | None = None,
) -> Overview:
    """The corpus in figures with examples; `status` (once the index is loaded) adds the
    passages and the languages found, and gives what its check read of the corpus (`_found`:
    its size and its manifest's examples, not read again); `suggest` gives examples from the
    corpus when its manifest has none (`Assistant.suggested_examples`). Raises CorpusMissing
    when the folder is not there."""
    found = _found(corpus_dir, status)
    languages = sorted({lang for _, langs in found.documents for lang in langs})
    examples = (
        _short(found.examples)
        or _short(suggest() if suggest is not None else [])
        or _short(title_examples(found.documents))
    )
    return Overview(
        name=corpus_dir.absolute().name,
        documents=found.document_count,
        size_bytes=found.size,
        languages=languages,
        chunks=status.chunk_count if status is not None else None,
        examples=choose(examples),
        unread=welcome_line(status.unread) if status is not None else None,
        files=status.corpus_files if status is not None else None,
        left_out=welcome_hidden_line(status.hidden) if status is not None else None,
    )
