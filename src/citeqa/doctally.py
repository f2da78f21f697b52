"""What a build's chunk pass tallies (chunkpass.Tally) stored in the index, so that the next build
takes it back for a document whose file is unchanged (reuse.Previous) instead of tokenising the
document again (most of a build's CPU time besides embedding): an update then costs what its
changed documents cost, not the corpus. What the pass adds up from stored tallies is what it
adds up from computed ones, and a share is taken only when it was computed as this build would
compute it (`tally_recipe`), so an updated index is the one a full rebuild writes.

Stored, beside the sentence table (which already holds each document's sentences):
- per chunk, its BM25 terms and the (word, stem) keys it adds to the frequent-word counts
  (derived_terms.py), as the build's own flat id arrays (`save_runs`: `<name>.ids.npy`,
  `<name>.ends.npy`, `<name>.vocab.json`, with TERMS and STEMS as names), which the pass holds
  anyway (tallies.TermIds: an int32 a term), so storing them costs no memory;
- per document, a line of `TALLIES_FILE` (`DocumentTally`): how many of its sentences hold each
  token, its languages, its words and compound keys (each the size of its vocabulary) and the
  acronyms it spells out (acronyms.py), its lines' keys (boilerplate.py), and its candidate
  lower-case terms (term_acronyms.py).

Each share carries the recipe it was computed by (`tally_recipe`: TALLY_VERSION, the code's
version, bumped by hand, and a digest of the data and library the code reads): a build takes no
share of another recipe (nor anything from an index that stored none), it computes it again.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath

import numpy as np
from pydantic import BaseModel, ConfigDict

from citeqa.acronyms import document_acronyms
from citeqa.boilerplate import document_lines, own_boilerplate_blanked
from citeqa.compounds import folded_compounds
from citeqa.derived_terms import LANGUAGES, stemmed_words
from citeqa.glossary import fold
from citeqa.identifiers import code_text
from citeqa.jsonfiles import language_json, parse_json
from citeqa.jsonlines import save_array, write_file
from citeqa.language import document_languages
from citeqa.latex import without_command_names
from citeqa.lexical import stopwords, tokenize
from citeqa.libraries import library_version
from citeqa.mail_candidates import layout_of
from citeqa.models import Chunk, Document
from citeqa.questions import folded_words
from citeqa.superseding import document_statements
from citeqa.tallies import ROWS_AT_A_TIME, TermIds, text_pieces
from citeqa.term_acronyms import document_terms

TALLIES_FILE = "tallies.jsonl"
TERMS = "terms"
"""The stored BM25 terms of each chunk (`save_runs`)."""
STEMS = "stems"
"""The stored frequent-word keys of each chunk (`save_runs`): "word stem", space-separated
(a counted word is letters only, so holds no space, nor does its stem: letters, but a
French month's name's, its month's term, "mars --03", lexical.tokenize)."""
TALLY_VERSION = 32
"""The version of the code the stored tallies come from: bump it when any of that code
(tokenize, the frequent words, the language labels and the function words they read, the word
and compound keys, the candidate acronyms) changes what it gives (the sentences are
CUTTING_VERSION's: a kept document's come from sentences.npy). `tally_recipe` follows by
itself only the data and library that code reads: a change in the code itself is seen only
through this number, so a change left without a bump leaves stale shares in every later
update. 2: a document's languages are read from its prose words chunk by chunk
(document_languages); 3: a title's
"~~~~" underline opens no code fence there (language.prose_words); 4: a line's opening marks
("|" gutter, "> " quote marks) are no words of its prose for the language labels, and the
compound keys are read on identifiers.code_text (typographic dashes, escaped "-"/"_", a name
split after "-"); 5: tokenize adds the canonical terms of the dates a text holds (dates.py:
"14 mars 2026" and "2026-03-14" both hold "2026-03-14" and "--03-14"); 6 (one release, three
changes): a month's full name is its month's term, not its stem (dates.month_term: "March" and
"mars" are "--03", which "marché" is not), an English one only capitalised ("soldiers march"
keeps its stem), and a document's candidate acronyms (acronyms.py); 7: and its lines' keys
(boilerplate.document_lines), and its languages are read past the lines it repeats and its
signature blocks (boilerplate.own_boilerplate_blanked); 8: the compound keys hold the dates
that name no day (dates.impossible_date_keys); 9: the headings mailthreads writes over a mail's
asides ("## Quoted by Sam Self · …") spell out no candidate acronym; and tokenize reads digits
after a comma as a decimal only when they are one to three (lexical.DECIMAL: "40001,2025" is
two numbers); 10: only in a document read as a mail thread (a note's "## Signature Block
Design (SBD)" spells out SBD); 11: tokenize reads four digits or more after a comma as a
decimal too when no comma or hyphen follows them ("3,14159" is "3.14159" again,
"40001,2025-07-02" stays two numbers); 12: a chunk opening inside a table, below its header
row, indexes that row's words too (chunkpass.chunk_tokens), and tokenize reads a number written
in groups of thousands as one ("61 250,50" and "61,250.50" are "61250.50": lexical.GROUPED); 13: a
number grouped by spaces gives its pieces' terms too ("2 125,00": 2125.00, 2, 125.00); 14: a
chunk opening inside a table indexes the header row's cells over its own columns only,
at most tables.HEADER_CARRIED characters (tables.TableHeaders.header_over: a chunk of a row
thousands of cells wide no longer carries the whole header row); 15: a chunk of whole rows
carries the whole header row however long (tables._carried); 16: a document of tables alone
whose words fit neither language has no language, not language.OTHER (document_languages); 17: a
sentence-case title spells out its acronym (acronyms.title_acronym); 18: a document with no prose
line is in the languages its chunks' words say plainly (language.evident_language: a terse English
policy schedule was "other"); 19: a .eml or .mbox document is read as a mail thread too
(mail_candidates.MAIL_KINDS), so the headings mailthreads writes over its messages spell out no
candidate acronym, as version 10 made them for a mail saved as text; 20: a capitalised month's
name followed by a capitalised word is a person's, stemmed, not its month ("Avril Dupont":
dates.is_a_name); 21: a decomposed text (NFD) names its months as a composed one does
(dates.capitalised_months reads it NFC); 22: a capitalised month's name before another month's
name or a word the text also writes lowercase is its month ("Budget Avril Mai Juin"); 23: a
document's candidate lower-case terms whose initials it or its file name writes in capitals
(term_acronyms.py: "assemblée générale" in PV_AG_2025-06-14.md gives AG); 25: a date of year
0 is no date ("5 mai 0000": no term "0000-05-05", an impossible date's key instead); 26: a
document of tables alone with no prose is in the language its distinct cells say
(language._distinct_cells: a French salary scale's repeated "0 an" made it "—"); 27: a
document's identifiers and its statements that another replaces it or it replaces another
(superseding.document_statements: "Status: Superseded by ADR-008"); 28: those statements
name a document only right after the expression or after a document noun, a status's value is
the expression itself, a proposal states nothing, "ISO 9001:2008" is whole (s39 review); 29: a
word written with an accent is no stopword unless its accented form is one
(language.json accented_stopwords: "thèse" and "maïs" are terms, "these" and "mais" none); 30:
a code block's lines state nothing, an unsettled status at either end silences both ends, a
scope after the identifier states nothing (s40 hostile H1, H2, M1); 31: compound keys read
Unicode's and the non-breaking hyphen as "-" ("FA‑2025‑014"); 32: a French word closing in a
folded "ee", "ees", "iere" or "ieres" is stemmed as one closing in "e", "es", "ière", "ières"
(lexical._FoldedFrench: "arrivée" as "arrivé", "première" as "premier", s59 trial)."""


class DocumentTally(BaseModel):
    """One document's share of the tallies that is not per chunk (a line of TALLIES_FILE)."""

    model_config = ConfigDict(frozen=True)

    recipe: str
    """The `tally_recipe` it was computed by."""
    doc_id: str
    frequency: dict[str, int]
    """How many of its sentences hold each token (in their chunk's language), by token."""
    languages: list[str]
    words: list[str]
    """Its folded words (questions.corpus_words), sorted."""
    compounds: list[str]
    """Its compound keys (compounds.corpus_compounds), sorted."""
    acronyms: dict[str, int]
    """How often it spells out each candidate acronym (acronyms.document_acronyms)."""
    lines: dict[str, int] = {}
    """How often it writes each keyed line (boilerplate.document_lines)."""
    lower_terms: dict[str, int] = {}
    """How often it writes each candidate lower-case term whose initials it or its file name
    writes in capitals (term_acronyms.document_terms)."""
    identifiers: list[str] = []
    """The identifiers its file name or title opens with (superseding.own_identifiers)."""
    supersession: list[str] = []
    """Its statements that another document replaces it or it replaces another
    (superseding.document_statements)."""

    def fits(self, doc_id: str, recipe: str) -> bool:
        """Whether this is the document's, computed by `recipe` (else it is computed again)."""
        return self.recipe == recipe and self.doc_id == doc_id


def tally_recipe() -> str:
    """How this build computes the tallies, as each stored share carries it: TALLY_VERSION,
    then a digest of what that code reads besides itself: citeqa/data/language.json (its
    bytes, and the stopwords in force, lexical.stopwords), the installed PyStemmer and the
    Unicode database of Python that folding and every word pattern read (the chunks' cutting,
    which the sentences and terms also follow, is previousindex.CUTTING_VERSION's: a changed
    cutting rebuilds in full). Computed once per build: a digest of a few kilobytes."""
    read = {
        "language.json": hashlib.sha256(language_json()).hexdigest(),
        "stopwords": sorted(stopwords()),
        "PyStemmer": library_version("PyStemmer") or "unknown",  # the manifest records it too
        "unicode": unicodedata.unidata_version,
    }
    digest = hashlib.sha256(json.dumps(read, sort_keys=True).encode()).hexdigest()
    return f"{TALLY_VERSION}:{digest[:16]}"


def measure(
    doc: Document, located: list[tuple[int, int, str]], found: np.ndarray, recipe: str
) -> DocumentTally:
    """The document's share, computed by `recipe` (`tally_recipe`), given its chunks as (start,
    end, language) and its sentences (`found`: rows of chunk's place in the document, start,
    end; tallies.document_sentences)."""
    langs = [lang for _, _, lang in located]
    worded = without_command_names(doc.text) if doc.latex else doc.text
    words, compounds = words_and_compounds([worded])
    lines = document_lines(doc.text)
    identifiers, supersession = document_statements(doc.doc_id, doc.text)
    return DocumentTally(
        recipe=recipe,
        doc_id=doc.doc_id,
        frequency=_sentence_frequency(worded, found, langs),
        # named only: chunks keep theirs; read past the lines it repeats (boilerplate.py)
        languages=document_languages(own_boilerplate_blanked(doc.text, lines), located),
        words=sorted(words),
        compounds=sorted(compounds),
        acronyms=document_acronyms(doc.text, layout_of(doc), doc.title),
        lines=lines,
        lower_terms=document_terms(worded, PurePath(doc.path).stem),
        identifiers=identifiers,
        supersession=supersession,
    )


def stem_keys(chunk: Chunk) -> list[str]:
    """What the chunk adds to a build's frequent-word counts (which count LANGUAGES), as
    STEMS keys, sorted."""
    if chunk.lang not in LANGUAGES:
        return []
    return sorted(f"{word} {stem}" for word, stem in stemmed_words(chunk).items())


def stem_pairs(keys: list[str]) -> Iterator[tuple[str, str]]:
    """The (word, stem) pairs of STEMS keys."""
    for key in keys:
        word, _, stem = key.partition(" ")
        yield word, stem


def words_and_compounds(texts: Iterable[str]) -> tuple[set[str], set[str]]:
    """questions.corpus_words and compounds.corpus_compounds of `texts` (a document's text, or
    a corpus's: contents.token_statistics), each read as code spells its names
    (identifiers.code_text), then a piece at a time (tallies.text_pieces), each piece folded
    once. One text alone is refused: iterating a str would read each
    character as a text."""
    if isinstance(texts, str):
        raise TypeError("words_and_compounds takes texts, not one str: pass [text]")
    words: set[str] = set()
    compounds: set[str] = set()
    for text in texts:
        # code_text before cutting: a name split across lines ("--max-\nsize") is joined
        # whatever piece edge falls at its break, as compounds.corpus_compounds reads it whole
        for piece in text_pieces(code_text(text)):
            folded = fold(piece)
            words.update(folded_words(folded))
            compounds.update(folded_compounds(folded))
    return words, compounds


def _sentence_frequency(text: str, rows: np.ndarray, langs: list[str]) -> dict[str, int]:
    """How many of the sentences (place, start, end) hold each BM25 token of their chunk's
    language (what tallies.SentenceFrequency adds up over the documents)."""
    counts: Counter[str] = Counter()
    for part in range(0, len(rows), ROWS_AT_A_TIME):
        for place, start, end in rows[part : part + ROWS_AT_A_TIME].tolist():
            counts.update(frozenset(tokenize(text[start:end], langs[place])))
    return dict(sorted(counts.items()))  # stored in this order whatever the set order was


# ---- the per-chunk runs ----------------------------------------------------------------------


def save_runs(folder: Path, name: str, runs: TermIds) -> None:
    """Save each chunk's run of keys as the build holds them: the flat ids, where each chunk's
    run ends, and the keys in id order."""
    ids, ends = runs.arrays()
    save_array(folder / f"{name}.ids.npy", ids)
    save_array(folder / f"{name}.ends.npy", ends)
    write_file(folder / f"{name}.vocab.json", json.dumps(list(runs.vocab)).encode())


def runs_names(name: str) -> tuple[str, str, str]:
    """The files `save_runs` writes for `name`."""
    return f"{name}.ids.npy", f"{name}.ends.npy", f"{name}.vocab.json"


class StoredRuns:
    """Runs a previous build saved (`save_runs`), read by chunk number: the vocabulary is read
    whole (it grows with the vocabulary), the ids memory-mapped (checked once, a pass over the
    pages the build reads anyway)."""

    def __init__(self, folder: Path, name: str, chunk_count: int) -> None:
        """ValueError when the files do not hold `chunk_count` runs of known keys: the ids a
        1-d integer array of vocabulary numbers, the ends a 1-d integer array going from 0,
        never down, to the ids' count. A file that is no .npy array of its own (empty, cut,
        pickled) is a ValueError too, never numpy's EOFError or TypeError."""
        ids_name, ends_name, vocab_name = runs_names(name)
        try:
            self._ids = np.load(folder / ids_name, mmap_mode="r", allow_pickle=False)
            self._ends = np.load(folder / ends_name, allow_pickle=False)
        except (EOFError, TypeError) as err:
            raise ValueError(f"{ids_name} or {ends_name} is not an array") from err
        vocab = parse_json((folder / vocab_name).read_bytes())
        if not isinstance(vocab, list) or not all(isinstance(key, str) for key in vocab):
            raise ValueError(f"{vocab_name} is not a list of keys")
        self._vocab: list[str] = vocab
        if not _are_ids(self._ids, len(vocab)):
            raise ValueError(f"{ids_name} does not hold numbers of {vocab_name}'s keys")
        if not _are_ends(self._ends, chunk_count, len(self._ids)):
            raise ValueError(f"{ends_name} does not hold a run for each chunk")

    def run(self, chunk: int) -> list[str]:
        """The keys of the previous build's chunk number `chunk`, in order; IndexError when the
        files do not hold them."""
        start, end = int(self._ends[chunk]), int(self._ends[chunk + 1])
        if not 0 <= start <= end <= len(self._ids):
            raise IndexError(chunk)
        vocab = self._vocab
        return [vocab[key] for key in self._ids[start:end].tolist()]


def _are_ids(ids: np.ndarray, keys: int) -> bool:
    """Whether `ids` is a 1-d integer array of numbers below `keys`, none negative."""
    if ids.ndim != 1 or ids.dtype.kind not in "iu":
        return False
    return not len(ids) or (int(ids.min()) >= 0 and int(ids.max()) < keys)


def _are_ends(ends: np.ndarray, chunk_count: int, ids: int) -> bool:
    """Whether `ends` is where each of `chunk_count` runs of `ids` ids ends, from a leading 0."""
    if ends.ndim != 1 or ends.dtype.kind not in "iu" or len(ends) != chunk_count + 1:
        return False
    return int(ends[0]) == 0 and int(ends[-1]) == ids and bool(np.all(np.diff(ends) >= 0))
