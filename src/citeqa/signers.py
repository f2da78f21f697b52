"""Who signed a letter or a contract: the closing line naming its signer.

"Qui a signé la lettre de la mairie ?" was refused, "ils ne mentionnent jamais « signé »" (s56
trial): a letter writes no "signé"; it closes with its signer's name ("Pour le Maire,
L'adjointe à l'urbanisme, Sophie Renaud", "Mary Hudson"). A question asking who signed
(signer_questions.py: "Who signed …?", "Qui a signé …", "Par qui … signé ?") keeps none of its
signing words the corpus never uses as terms (questions._unused_signer_word), and its quote is
the line closing the first-ranked passage's document that names a person (`closing_signer`: a
person's name as asked_values reads one, or a line that is one, no later line naming one, at
most CLOSING_LINES short lines after it); promotions.signer_first puts it first. When no quote
is such a line and the corpus never uses the question's signing words, the answer says so
(answering._signer_refusal): the letter's body names no signer. Where or when a document was
signed is signing.py's. No I/O, no state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citeqa.asked_values import writes_kind
from citeqa.questions import question_words
from citeqa.sentences import ScoredSentence, SentenceBank, is_person_name

__all__ = ["closing_signer", "signer_position"]

CLOSING_LINES = 3
"""The most non-blank lines of a document after its signer's line (an enclosure's, a
postscript's): a name written higher stands in the letter's body."""
CLOSING_CHARS = 160
"""The most characters of those lines: an insurance certificate's "Souscrite le 1er mars 2027
par M. Julien Garnier." followed by three paragraphs of terms is no closing line."""
_MORE_THAN_CLOSING = re.compile(rf"(?:\s*\S){{{CLOSING_CHARS + 1}}}")
"""More non-blank characters than CLOSING_CHARS: matched from a line's end, it tells that the
rest of the document is no closing lines without copying and splitting it (a signer question
reads up to SIGNER_RANKS candidates of the first-ranked passage's document, a long report's
too)."""
SIGNER_RANKS = 30
"""How many of the first candidates are read for the signer's line."""


def closing_signer(text: str, end: int, quote: str) -> bool:
    """Whether `quote`, ending at `end` in its document's `text`, closes it naming a person: its
    last line writes a person's name (`_names_person`) and no line after it does (a letter's
    "Dear Mr Watson," is followed by its signer's "Mary Hudson"), at most CLOSING_LINES
    non-blank lines of CLOSING_CHARS characters standing after it."""
    if _MORE_THAN_CLOSING.match(text, end):
        return False  # more written after it than closing lines hold: found, not copied
    after = [line for line in text[end:].splitlines() if line.strip()]
    if len(after) > CLOSING_LINES or sum(len(line.strip()) for line in after) > CLOSING_CHARS:
        return False
    lines = [line for line in quote.splitlines() if line.strip()]
    return bool(lines) and _names_person(lines[-1]) and not any(map(_names_person, after))


def _names_person(line: str) -> bool:
    """Whether `line` writes a person's name (asked_values' person shape: "L'adjointe à
    l'urbanisme, Sophie Renaud") or is one ("Mary Hudson")."""
    return writes_kind("person", line) or is_person_name(question_words(line))


def signer_position(sentences: Sequence[ScoredSentence], bank: SentenceBank) -> int | None:
    """The position among the first SIGNER_RANKS candidates of the first closing its document
    with its signer's name (`closing_signer`), that document being the first-ranked passage's
    (the one the question names: "la lettre de la mairie"); None when it closes with none: the
    town hall's signer did not sign the plumber's quote."""
    if not sentences:
        return None
    top = min(sentences, key=lambda item: item.passage_rank)
    named = bank.sentences[top.index].doc_id
    text = bank.documents[named].text
    for position, item in enumerate(sentences[:SIGNER_RANKS]):
        sentence = bank.sentences[item.index]
        if sentence.doc_id == named and closing_signer(text, sentence.end, bank.text(item.index)):
            return position
    return None
