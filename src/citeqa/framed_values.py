"""Which candidate writing the value a question asks is about more of its subject, each read
with the title of its document and the heading it stands under.

A programme, a guide or a booklet names what a section is about once, in its heading, and its
sentences never write it again: under "## Concert du Nouvel An", "L'orchestre régional joue
Strauss et Offenbach le jeudi 31 décembre 2026 à 21 h." says when the concert starts. The quote
ranker reads a sentence's own words, and rated the price list's `| Concert du Nouvel An | 45 € |
… |` (no time) far over it for "À quelle heure commence le concert du Nouvel An ?", the
children's show's "Durée : 50 minutes." over "Durée : 2 h 10 avec entracte." under "## Le
Misanthrope" for "Combien de temps dure Le Misanthrope ?" (s62 trial). asked_values.value_holder
reads a holder's title only within the best's document. Here, read after it finds none, the
candidate that writes a value of every kind asked takes the best's place when its passage
covers the question as well as the best's and, its title and heading (a table row: its header
row) read with it, it writes more of the words the question names its subject by
(value_frames.subject_words_written: no interrogative, no word framing the value) than the best
does with its own, or, the best writing no value of a kind asked, all of them, while alone it
writes no more than the best with its frame (a sentence writing more on its own is the quote
ranker's to rate). A best writing the value but none of those words, framed or not, gives its
place to the best-rated holder writing one with its frame, wherever it stands, both in the
question's language. No I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from citeqa.asked_values import Written
from citeqa.chunking import section_of
from citeqa.row_context import row_context
from citeqa.sentences import SentenceBank
from citeqa.value_frames import subject_words_written

__all__ = ["Framed", "framed_holder", "framed_subject_words"]


class Framed(NamedTuple):
    """How many of the words a question names its subject by a candidate writes read with its
    frame (`framed`) and alone (`alone`), and of how many (`own`)."""

    framed: int
    alone: int
    own: int


def framed_subject_words(bank: SentenceBank, index: int, focus: str) -> Framed:
    """How many of the words the question `focus` names its subject by the sentence at `index`
    writes with its document's title and the heading it stands under (chunking.section_of), a
    table row with all it is read under (row_context.py: its header row, "| Puissance | Prix du
    kWh (option base) |"), and alone, and of how many (value_frames.subject_words_written)."""
    sentence = bank.sentences[index]
    document = bank.documents[sentence.doc_id]
    chunk = bank.chunks[sentence.chunk_index]
    heading = section_of(document.text, chunk, sentence.start, document.latex) or ""
    frame = row_context(bank, index) or f"{document.title}\n{heading}"
    text = bank.text(index)
    framed, own = subject_words_written(focus, f"{frame}\n{text}")
    return Framed(framed, subject_words_written(focus, text)[0], own)


def framed_holder(
    written: Written,
    scores: Sequence[float],
    cover: Callable[[int], float],
    framed: Callable[[int], Framed],
    in_language: Callable[[int], bool] = lambda number: True,
) -> int | None:
    """The best-rated (by `scores`) of the candidates writing a value of every kind asked
    (`written`: asked_values.values_written) whose passage covers the question as well as the
    best's (`cover`) and which, read with their frames (`framed`: `framed_subject_words` of
    candidate n), write more of the question's subject words than the best does with its
    frame, or all of them where the best writes no value of a kind asked, while alone they
    write no more than the best with its frame; None when there is none. A sentence writing
    more of them on its own is the quote ranker's to rate: "Le mois est défini comme la durée
    moyenne séparant deux nouvelles lunes (29,53 jours environ." writes five of the seven of
    "Combien de jours séparent deux nouvelles lunes au moment du solstice d'été en moyenne ?"
    and the best, "La lunaison varie … de 29,27 jours au solstice d'été …", four with its
    title, and the best answers it (PIAF test, lost in a first version). A best writing the
    value but none of those words, framed or not, is about another subject: the best-rated
    holder writing one with its frame takes its place wherever it stands (for "Combien coûte
    un forfait piéton ?", `| Piéton (3 remontées) | 18 € | … |` under the passes' header
    `| Forfait | Adulte | … |` takes the place of "L'École du Ski Français propose des cours
    collectifs le matin ; six matinées coûtent 185 €.": s62 trial), when both passages are in the
    question's language (`in_language`: candidate n's is): of an English question, French
    minutes write none of its words, and "- La participation par famille est fixée à 18 €."
    answers "How much does each family pay for the end-of-year trip?" (gen set notes, dev,
    lost to "- Payé la cantine d'avril : 110 €." in a first version)."""
    if not written or not len(scores):
        return None
    lead = max(range(len(scores)), key=lambda number: scores[number])
    holders = [
        number for number in range(len(scores)) if all(kind[number] for kind in written.values())
    ]
    if not holders:
        return None
    best = framed(lead)
    lacks_value = not all(kind[lead] for kind in written.values())
    wanted = max(best.own if lacks_value else best.framed + 1, 1)
    if best.framed == 0 and not lacks_value and in_language(lead):  # about none of the subject
        kept = [
            number
            for number in holders
            if number != lead and in_language(number) and framed(number).framed
        ]
        return max(kept, key=lambda number: scores[number], default=None)
    lead_cover = cover(lead)
    kept = [number for number in holders if number != lead and cover(number) >= lead_cover]
    return max(
        (number for number in kept if _framed_past(framed(number), wanted, best.framed)),
        key=lambda number: scores[number],
        default=None,
    )


def _framed_past(words: Framed, wanted: int, best: int) -> bool:
    """Whether a candidate's frame makes it write at least `wanted` subject words, while alone
    it writes no more than the best does with its frame (`best`)."""
    return words.framed >= wanted and words.alone <= best
