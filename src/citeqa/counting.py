"""Whether a question asks to count or rank the records of a table ("How many tickets were about
login in March?", "Quel pourcentage des tickets a une satisfaction « bad » ?"): citeqa quotes
passages, it does not count rows, so such a question abstains saying so instead of quoting one
row or one sentence with confidence (s25 trial: the three such questions were answered by a
password-reset macro, a ticket row and a JSON comment).

A question counts records when it writes a count cue of the language data (`count_cues`: "how
many <noun>", "combien de <noun>", "what percentage of <noun>", "which agent resolved the most
<noun>"; their group "noun" the records counted, a plural that is no unit of `unit_words`:
"combien de jours", "how many hours" ask a length) and a table, or the records of a JSON or
YAML list, among the passages the answer reads or shows stands in a document whose title or
file name writes that noun ("tickets" of "export-tickets-2026-S1.csv"), or whose passages name
a list of records so ("comments" of a ticket's "comments #2 · …" lines, or of "comments:" over
a table of them, as records.py writes them): the records counted are its rows. "How many eggs
in the banana bread?" counts no table's records (no document of a table is named "eggs"), and
is answered as before. Only the documents of the passages the answer reads count (not a
low-ranked table among the retrieved), and a line of those passages writing a number then the noun
("A total of 120 patients were enrolled", "412 tickets ont été ouverts"; two words may stand
between) or the noun then a colon and a number ("Patients enrolled: 120") answers a count: the
question is answered as before (s25 review D). A number keyed by a word (`count_key_words`:
"Priority 1 tickets") or after a limit (`count_limit_cues`: "up to 3 tickets a day") writes no
count, and a question ranking records (`rank_cues`: "which agent resolved the most tickets") is
answered by no written count (s25 review E).

No I/O; the cues are the language data's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from citeqa.domain import language_data
from citeqa.glossary import fold, language_words
from citeqa.models import Document, Hit
from citeqa.readers.records import NESTED_LEAD, READER_KIND
from citeqa.readers.treetext import SEPARATOR

__all__ = ["counted_records"]

_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)
"""A row of a markdown table, as the readers write a spreadsheet's or a CSV file's."""
_RECORD_LINE = re.compile(
    rf"^[^\n]+?{re.escape(SEPARATOR)}[^\n]+?{re.escape(SEPARATOR)}", re.MULTILINE
)
"""A value of a record of a list in a JSON or YAML file, as treetext writes it: its path of
two steps or more ("tickets › 5533 › status: solved")."""
_RECORD_HEADING = re.compile(rf"^#+ [^\n]+?{re.escape(SEPARATOR)}", re.MULTILINE)
"""The heading of a record of an export's list, as records.py writes it ("## tickets › 5533 ·
Commande 50321 : double prélèvement"): its passage holds one record."""
_LIST_KEYS = re.compile(rf"{NESTED_LEAD.pattern}|^(?P<table_key>[^\n|]+):\n[ \t]*\|", re.MULTILINE)
"""A list of records' key: a nested record's opening line (records.NESTED_LEAD: "comments
#2 · author: Julien Moreau", its group "name") or a key line ("comments:") over a table of
them."""
_RECORD_SHAPES = (_TABLE_ROW, _RECORD_LINE, _RECORD_HEADING)
"""The lines a passage holding records writes (_is_record_line reads a line by them)."""
_NAME_WORDS = re.compile(r"[^\W\d_]+")
_NUMBER = r"(?<![\w.,])(?!(?:19|20)\d\d\b)\d{1,3}(?:[ \u00a0\u202f,.]?\d{3})*(?![\w.,]\d)"
"""A whole number (its thousands maybe grouped: "1 204", "1,204"), no year ("In 2024 tickets
moved")."""
_BETWEEN = r"(?:[ \t]+[^\W\d_]+){0,2}[ \t]+"
"""A space, maybe one or two words ("120 adult female"): the noun after it is counted."""
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")


@cache
def _compiled(field: str) -> tuple[re.Pattern[str], ...]:
    """The cues of language data `field` ("count_cues", "rank_cues"), each compiled alone
    (each names its group "noun", so they cannot be one pattern)."""
    return tuple(re.compile(cue) for cue in getattr(language_data(), field))


def asked_count(question: str) -> str | None:
    """The records (a folded plural noun) the question asks to count or rank, or None."""
    return _asked(question, (*_compiled("count_cues"), *_compiled("rank_cues")))


def asked_rank(question: str) -> str | None:
    """The records (a folded plural noun) the question asks to rank by a count, or None."""
    return _asked(question, _compiled("rank_cues"))


def _asked(question: str, cues: Iterable[re.Pattern[str]]) -> str | None:
    """The group "noun" of the first of `cues` the folded question writes, unless a unit."""
    folded = fold(question)
    found = (cue.search(folded) for cue in cues)
    noun = next((match["noun"] for match in found if match is not None), None)
    return None if noun in language_words("unit_words") else noun


def counted_records(
    question: str, hits: Sequence[Hit], documents: Mapping[str, Document]
) -> str | None:
    """The title of the document of one of `hits` (the passages the answer reads) whose
    table's rows (or list's records) the question asks to count or rank, unless it asks to
    count and a sentence of `hits` writes the count (the module's rules); or None."""
    noun = asked_count(question)
    if noun is None or (asked_rank(question) is None and _count_written(noun, hits)):
        return None
    holding = [hit for hit in hits if _holds_records(hit, documents)]
    for doc_id in dict.fromkeys(hit.chunk.doc_id for hit in holding):
        document = documents[doc_id]
        if noun in _name_words([document.title, doc_id]):
            return document.title
        keys = _list_keys(
            hit for hit in holding if hit.chunk.doc_id == doc_id and _in_record(hit, document)
        )
        if noun in _name_words(keys):  # read only when the file's names do not name it
            return document.title
    return None


def _list_keys(hits: Iterable[Hit]) -> list[str]:
    """The keys of the lists of records the passages under a record's heading write
    (`_LIST_KEYS`: "comments" of a ticket's "comments #2 · author: …" or of "comments:" over a
    table of them): what a question counting them names when the file's name does not (s26
    hostile probe: "How many comments does ticket 1 have?" quoted four of a ticket's 100,000
    comments at .72)."""
    return [
        found["name"] or found["table_key"]
        for hit in hits
        for found in _LIST_KEYS.finditer(hit.chunk.text)
    ]


def _in_record(hit: Hit, document: Document | None) -> bool:
    """Whether the passage is under a record's heading of a document records.py wrote (its
    READER_KIND; "tickets › 1 · big"): a "Formats:" line over a table of a note, "Known issues
    #3 — …" under a note's "Guide › Issues" name no list of records."""
    kind = document.kind if document is not None else None
    return kind == READER_KIND and SEPARATOR in (hit.chunk.section or "")


def _count_written(noun: str, hits: Sequence[Hit]) -> bool:
    """Whether a line of the passages, other than a table's row or a record's value, writes a
    number then the folded plural `noun` ("A total of 120 patients were enrolled"), or the
    noun then a colon and a number ("Patients enrolled: 120"); a number keyed by a word before
    it ("priority 1 tickets") or after a limit ("up to 3 tickets") writes none."""
    noun_after = re.compile(rf"{_NUMBER}{_BETWEEN}{re.escape(noun)}\b")
    noun_before = re.compile(rf"\b{re.escape(noun)}\b([^:\n]*):[ \t]*{_NUMBER}")
    for hit in hits:
        for line in (fold(line) for line in hit.chunk.text.splitlines()):
            if _is_record_line(line):
                continue
            if any(not _keyed(line[: found.start()]) for found in noun_after.finditer(line)):
                return True
            if any(not _keyed(found[1]) for found in noun_before.finditer(line)):
                return True
    return False


def _keyed(before: str) -> bool:
    """Whether the folded text before a number makes it a label or a limit, no count."""
    before = before.rstrip()
    last = _LAST_WORD.search(before)
    if last is not None and last[1] in language_words("count_key_words"):
        return True
    limits = language_words("count_limit_cues")
    return any(re.search(rf"(?<!\w){re.escape(cue)}$", before) for cue in limits)


def _is_record_line(line: str) -> bool:
    """Whether a line is a table's row or a record's value of a structured file."""
    shapes = (_TABLE_ROW.fullmatch, _RECORD_LINE.match, _RECORD_HEADING.match)
    return any(shape(line) is not None for shape in shapes)


def _holds_records(hit: Hit, documents: Mapping[str, Document]) -> bool:
    """Whether the passage holds a table's rows or the records of a structured file's list,
    or, under a record's heading, records of its lists ("comments #2 · …")."""
    text = hit.chunk.text
    if any(shape.search(text) is not None for shape in _RECORD_SHAPES):
        return True
    in_record = _in_record(hit, documents.get(hit.chunk.doc_id))
    return in_record and NESTED_LEAD.search(text) is not None


def _name_words(names: Iterable[str]) -> set[str]:
    """The folded words of a document's names (its title, its path: "export-tickets-2026-S1")."""
    return {fold(word) for name in names for word in _NAME_WORDS.findall(name)}
