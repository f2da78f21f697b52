"""What a table row's figures are read under: the words naming its unit elsewhere than in it.

A table's rows rarely write their unit: "| Loyer | 850 € |" is a monthly rent because the
sentence leading its table in says "Montants en euros par mois.", "| France | 39,000 |" a GDP
per person because "Figures are GDP per person" does, a sheet's "Loyer;850" because its column
is "Montant mensuel" or its sheet "Charges mensuelles". `row_context` joins those texts: the
table's header row, the section heading the row stands under (its chunk's heading path), the
sentence just before the table and the document's title (a sheet's or file's name), for
asked_values.writes_kind to read a rate's unit in (review C, s30). Any other sentence has none.
"""

from __future__ import annotations

import bisect

from citeqa.sentences import SentenceBank


def row_context(bank: SentenceBank, index: int) -> str:
    """The texts sentence `index`, a table row, is read under (its table's header row, its
    section's heading path, the sentence before its table, its document's title), one a line;
    "" for a sentence that is no table row."""
    if not bank.facts(index).table_row:
        return ""
    sentence = bank.sentences[index]
    document = bank.documents[sentence.doc_id]
    table = bank.table_of(index)
    start = sentence.start if table is None else table[1]
    header = bank.header_span(sentence.doc_id, sentence.start)
    section = bank.chunks[sentence.chunk_index].section
    parts = [
        "" if header is None else document.text[header[0] : header[1]],
        section or "",
        _lead_in(bank, sentence.doc_id, start),
        document.title,
    ]
    return "\n".join(part for part in parts if part)


def _lead_in(bank: SentenceBank, doc_id: str, start: int) -> str:
    """The text of the document's sentence just before offset `start` (its table's first line),
    "" when none comes before."""
    numbers, starts = bank.sentences.in_document(doc_id)
    position = bisect.bisect_left(starts, start)
    return bank.text(numbers[position - 1]) if position else ""
