"""Which output of a notebook answers: the one printed by the code that names what is asked.

A notebook's text (readers/notebook.py) writes each code cell as a fence and its outputs as
"```output" blocks under it. Its outputs are bare figures ("1248000", "124"): the ranker reads
nothing in them that tells one from another, and a notebook counting trips, then stations,
had its trips' "1248000" quoted for "Combien de stations dans le projet vélos ?" (s33 trial
a81) while the "124" printed by `df['station'].nunique()` stood under it. `named_output`
finds, when the best candidate is an output whose code quotes no word of the question as a
string, the first other candidate that is an output of the same document whose code does,
when it is the only output of that document so named.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from citeqa.fences import Fences, cached_fences, is_output_fence
from citeqa.lexical import query_tokens, terms_both_ways
from citeqa.sentences import SentenceBank

_STRING_LITERAL = re.compile(r"(['\"])([^'\"\n]{1,80})\1")
"""A one-line string literal of code: a column key (`df['station']`), a file name."""


def named_output(bank: SentenceBank, indices: Sequence[int], focus: str) -> int | None:
    """The position in `indices` (candidate sentences, best first) of the first output line of
    the best's document whose code quotes a word of the question (`focus`) as a string (a
    column key: `df['station']`), when the best is an output line whose code quotes none and
    no other output of that document has code quoting one; else None. A variable's name
    ("rows = df[…]") counts for nothing: it names no column of what is printed."""
    if not indices or not focus:
        return None
    asked = frozenset(query_tokens(focus))
    best = _key_words(bank, indices[0])
    if best is None or best & asked:
        return None
    doc_id = bank.sentences[indices[0]].doc_id
    for position, index in enumerate(indices[1:], start=1):
        if bank.sentences[index].doc_id != doc_id:
            continue
        words = _key_words(bank, index)
        if words is not None and words & asked:
            return position if _outputs_naming(bank, doc_id, asked) == 1 else None
    return None


def _outputs_naming(bank: SentenceBank, doc_id: str, asked: frozenset[str]) -> int:
    """How many output blocks of document `doc_id` are printed by code quoting a word of
    `asked`."""
    printed = _printing_code_words(bank.documents[doc_id].text).values()
    return sum(words is not None and bool(words & asked) for words in printed)


def _key_words(bank: SentenceBank, index: int) -> frozenset[str] | None:
    """The words (stemmed both ways: lexical.terms_both_ways) of the string literals of the code
    cell printing the output that sentence `index` lies in; None when it lies in no output
    block of a Markdown text right under a code fence."""
    sentence = bank.sentences[index]
    doc = bank.documents[sentence.doc_id]
    if doc.kind != "md":
        return None
    output = cached_fences(doc.text).around(sentence.start)
    if output is None or not is_output_fence(doc.text, output[0]):
        return None
    return _printing_code_words(doc.text)[output[0]]


@lru_cache(maxsize=8)
def _printing_code_words(text: str) -> Mapping[int, frozenset[str] | None]:
    """For each output block of `text` (by its fence's start), `_code_words` of the code fence
    printing it, read once for the last few documents asked about (as fences.cached_fences),
    not again per question."""
    fences = cached_fences(text)
    return {
        start: _code_words(text, fences, start)
        for start in fences.starts
        if is_output_fence(text, start)
    }


def _code_words(text: str, fences: Fences, output: int) -> frozenset[str] | None:
    """The words of the string literals of the code fence right above the output block opening
    at `output` (a fence start); None when no code fence stands there. Only the gap between
    the fence before and `output` is read for blankness: copying the text up to each output
    cost a notebook's size per output."""
    index = bisect.bisect_left(fences.starts, output)
    if index == 0 or text[fences.ends[index - 1] : output].strip():
        return None
    code = fences.starts[index - 1], fences.ends[index - 1]
    if is_output_fence(text, code[0]):
        return None
    literals = " ".join(m.group(2) for m in _STRING_LITERAL.finditer(text, code[0], code[1]))
    return terms_both_ways(literals)
