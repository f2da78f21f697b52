"""Turning chosen sentences into verbatim quotes and citations.

A quote never cuts a word, number or unit in half; a short one (a value on a slide) takes in
the label lines above it and runs on until it holds a number (an enumeration's item ending in
";" stops before the next item), but never across a heading into another section nor across a
markup line (a heading's underline, a code fence), nor into boilerplate (a disclaimer) unless
it is boilerplate of the same paragraph; a quote
opening on a Markdown heading starts at its words, after the "#" marks, and one running on
past a heading (of any kind a build reads) into text under it starts under it (the citation
names the heading as its section) unless the heading repeats no title and, past its section
number, holds a value of a kind the question asks for (a date for "when"), or, chosen itself,
any digit;
a line looked up by the key word opening it (keyed_lines.py) is quoted alone, with the line
labelling its columns by years above it as its header (keyed_lines.header_line);
adjacent sentences of one passage under one heading merge into one quote; a table row is
quoted with its table's header row as context (`Citation.header`, verbatim too), unless another
quote of the answer holds that header row; a sentence too long to read at a glance is cut to
its clauses that answer (clauses.py); a quote of several settings' lines to the one assigning
the name the question asks (assigned_lines.py: "CANARY_PERCENT=10"); a quote opening by
referring back takes in the sentence before it, a short next sentence holding a question word
it lacks is taken in, a list item comes with its list's lead-in (quote_context.py). Citations
carry the exact offsets, and `verified` checks every quote against the document text before an
answer is returned. `answer_text` writes them as the answer reads them (readable.quote_line).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from citeqa.answer_features import Wants, holds_asked_name, holds_asked_value
from citeqa.answerlabels import quote_lines
from citeqa.assigned_lines import asked_line, opens_on_comment
from citeqa.blocks import heading_title
from citeqa.chunking import heading_at, section_bounds, section_of
from citeqa.citedsection import citation_section
from citeqa.clauses import best_clauses
from citeqa.code_results import with_result_or_block
from citeqa.dates import day_spans
from citeqa.durations import DURATION
from citeqa.field_lines import field_label
from citeqa.footnotes import cited_notes, note_mark
from citeqa.keyed_lines import header_line, names_line
from citeqa.language import (
    SENTENCE_ENDS,
    is_markdown_heading,
    is_record_line,
    is_table_row,
    line_end,
    line_start,
    past_heading_marks,
    record_header,
)
from citeqa.lexical import fold
from citeqa.mail_candidates import MailLayouts
from citeqa.markup import markup_between, opens_item
from citeqa.models import Chunk, Citation, Document, Hit, QuotedNote, Sentence, TableHeader
from citeqa.numbered_sections import opens_numbered_title
from citeqa.questions import QuestionTerms
from citeqa.quote_context import with_neighbours
from citeqa.sentences import CONTEXT_SENTENCES, SHORT_QUOTE, ScoredSentence, SentenceBank
from citeqa.stated_values import values


@dataclass(frozen=True)
class Span:
    doc_id: str
    start: int
    end: int
    score: float
    chunk: Chunk
    header: tuple[int, int] | None = None
    """The header row of the table the span's rows belong to, shown with them as context."""


def quote_spans(
    chosen: list[ScoredSentence],
    bank: SentenceBank,
    hits: list[Hit],
    terms: QuestionTerms | None = None,
) -> list[Span]:
    """Spans to quote: whole words, adjacent sentences merged, a table row with its header
    row as context;
    given the question's `terms`, an over-long sentence is cut to its best clauses; a
    neighbour the quote needs is taken in (quote_context.with_neighbours), and so are a code
    quote's result and a lead-in's block (code_results.py)."""
    chunk_of = {hit.chunk_index: hit.chunk for hit in hits}
    spans: list[Span] = []
    commented: set[tuple[str, int]] = set()  # spans asked_line opened on a comment line
    for item in chosen:
        sentence = bank.sentences[item.index]
        doc = bank.documents[sentence.doc_id]
        text = doc.text
        chunk = _holding_chunk(chunk_of, sentence, bank)
        keyed = terms is not None and names_line(text, sentence.start, sentence.end, terms)
        if keyed:
            start, end = sentence.start, sentence.end  # a line looked up by its key: alone
        else:
            start, end = _whole_words(text, *quoted_lines(bank, item.index, chunk, terms))
        if terms is not None:
            start, end = best_clauses(text, start, end, terms, chunk.lang)
        widened = with_neighbours(bank, item.index, (start, end), chunk, terms)
        for opening, end in with_result_or_block(bank, item.index, widened, terms):
            comment = False
            if terms is not None:
                cut = asked_line(text, opening, end, terms.focus)
                comment = cut != (opening, end) and opens_on_comment(text, cut[0])
                opening, end = cut
            start = min(past_heading_marks(text, opening), end)
            if comment:
                commented.add((sentence.doc_id, start))
            header = bank.header_span(sentence.doc_id, start)
            if keyed and header is None:  # its years' header line, as a table row's header row
                header = header_line(text, start)
            if header is None and is_record_line(text, sentence.start, sentence.end):
                header = record_header(text, start)  # an export's field names, likewise
            span = Span(sentence.doc_id, start, end, item.score, chunk, _above(header, start))
            spans = _add(spans, span, doc)
    starts = {
        (bank.sentences[item.index].doc_id, bank.sentences[item.index].start) for item in chosen
    }
    wants = Wants.of(terms.focus) if terms is not None else Wants(frozenset())  # once a call
    names_day = terms is not None and bool(day_spans(fold(terms.focus)))
    layouts = MailLayouts(bank.documents)  # each thread's layout read once a call
    spans = [
        span
        if (span.doc_id, span.start) in commented
        else _past_heading(layouts, span, starts, wants, names_day)
        for span in spans
    ]
    return _without_quoted_headers(spans)


def _past_heading(
    layouts: MailLayouts,
    span: Span,
    chosen: set[tuple[str, int]],
    wants: Wants,
    names_day: bool,
) -> Span:
    """A span opening on a heading (a Markdown "## Fixed", an underlined title, an HTML page's
    heading, a plain-text heading line: whatever a build reads as one, chunking.heading_at)
    with text under it, opened at that text instead, heading after heading: the citation names
    the heading as its section, and a quote of "Fixed" over "- Fixed crash when the customer
    name is empty." or of "Notes" over "- Churn in December was 3.4%…" read the heading as the
    answer's first words (session 16 and 17 trials). A heading quoted alone stays, and so does
    one that may hold the answer itself (`_heading_answers`), but a heading mailthreads wrote
    over a mail message ("## Dee Quinn · 7 Mar 2025") only for a question asking when it was
    sent (`wants` a date: "When did Dee reply?"): its day is no answer to "How long does the
    autoclave cycle last?" (s19 hostile #4); `names_day`: the question writes a day ("the dose
    on July 14?"), whose heading answers it."""
    doc = layouts.documents[span.doc_id]
    heading = heading_at(doc.text, span.chunk, span.start, doc.latex)
    if heading is None:
        return span
    start, end, words = heading
    under_heading = doc.text[end : span.end]
    under = end + len(under_heading) - len(under_heading.lstrip())
    if under >= span.end:
        return span
    picked = any(doc_id == doc.doc_id and start <= at < end for doc_id, at in chosen)
    asked_of_mail = "date" in wants.kinds or not layouts.is_mail_heading(doc.doc_id, start)
    if asked_of_mail and _heading_answers(words, doc.title, picked, wants, names_day):
        return span
    return _past_heading(layouts, replace(span, start=under), chosen, wants, names_day)


_TURN_TIME = re.compile(r"(?<= · )\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?(?![\d:])")
"""The time of day of a transcript turn's heading, after its speaker ("Maria Lopez · 10:02 AM",
transcripts.Turn.heading): when the turn was said, no amount a question asks for; any other
"d:dd" of a heading ("Bleach dilution 1:10") may be one."""


def _heading_answers(
    heading: str, title: str, picked: bool, wants: Wants, names_day: bool = False
) -> bool:
    """Whether a heading may hold the answer, not only name its section: past its section
    number (blocks.heading_title: the "1." of "1. Controller") it holds a value of a kind the
    question asks for (`wants`; answer_features.holds_asked_value: "Helix 2.8 (12 February 2026)"
    for "When was it released?"), or, `picked` (chosen as a sentence itself), any digit (a
    date, an amount: "## Deadline moved to 31 March 2026") or a name asked for (who, where:
    "Jean Dupont" chosen for "Who signed for the landlord?"); and it is no repeat of the
    document's `title` (a note's "# Crêpes (pour 15 crêpes)": the subject the citation names
    already). A time of day in it counts for neither (a meeting export's "## Maria Lopez · 10:02
    AM" opened quotes of her first sentence for "How much…?"). For a question asking a number
    but no date ("How long …?"), a day in the heading is no such value (`_without_dates`),
    unless the question writes a day itself (`names_day`: "What was the dose on July 14?"). A
    heading holding only the question's words ("Churn" asked about churn) names what the
    question asks about, as the citation's section does: no answer."""
    if " ".join(heading.split()).casefold() == " ".join(title.split()).casefold():
        return False
    words = _TURN_TIME.sub("", heading_title(heading))
    valued = _without_dates(words) if _asks_no_date(wants) and not names_day else words
    if picked and (any(char.isdigit() for char in valued) or holds_asked_name(wants, words)):
        return True
    return holds_asked_value(wants, valued)


def _asks_no_date(wants: Wants) -> bool:
    """Whether a question asks a number but no date ("How long does the cycle last?"): a
    heading's day is then no value it asks for."""
    asked = wants.kinds
    return bool(asked & {"number", DURATION}) and not asked & {"date", "since"}


def _without_dates(words: str) -> str:
    """`words` folded, its dates (dates.day_spans) taken out: "review on 31 march 2026" → "review
    on "."""
    folded = fold(words)
    kept, at = [], 0
    for start, end, _ in day_spans(folded):
        kept.append(folded[at:start])
        at = end
    return "".join([*kept, folded[at:]])


def _above(header: tuple[int, int] | None, start: int) -> tuple[int, int] | None:
    """A table's header row as a quote's context when it lies above the quote's `start`."""
    return header if header is not None and header[1] <= start else None


def _without_quoted_headers(spans: list[Span]) -> list[Span]:
    """The spans, a table header dropped as context where another span already quotes it (the
    header row was chosen itself) or an earlier span carries it (two rows of one table apart):
    the answer shows it once."""
    kept: list[Span] = []
    for span in spans:
        header = span.header
        if header is not None and (
            any(_quotes(other, span.doc_id, header) for other in spans)
            or any(other.doc_id == span.doc_id and other.header == header for other in kept)
        ):
            span = replace(span, header=None)
        kept.append(span)
    return kept


def _quotes(span: Span, doc_id: str, bounds: tuple[int, int]) -> bool:
    """Whether `span` quotes the text at `bounds` of document `doc_id`."""
    return span.doc_id == doc_id and span.start <= bounds[0] and bounds[1] <= span.end


def quoted_lines(
    bank: SentenceBank, index: int, chunk: Chunk, terms: QuestionTerms | None = None
) -> tuple[int, int]:
    """Where a quote of sentence `index` starts and ends, before it is cut to whole words and
    its best clauses: the sentence with the lines a short one takes in above and below it
    (across a paragraph break, a paragraph of prose only when it holds a word of the question,
    `terms`, that the sentence lacks: `_lacked_word`)."""
    return _extended_start(bank, index, chunk, terms), _extended_end(bank, index, chunk, terms)


def _extended_start(
    bank: SentenceBank, index: int, chunk: Chunk, terms: QuestionTerms | None = None
) -> int:
    """Where a quote starts: a short one (a number on a slide) takes in the short label lines
    just above it, so "56.2 %" is quoted under "Response rate at week 52", but never reaches
    back across a heading into the section above (its own heading line it may take), nor
    across a markup line (a heading's underline, a code fence: markup.py), nor into boilerplate
    (`_into_boilerplate`) or a signing line (signing.py), nor into a piece of a long line
    (`_piece_of_long_line`), nor across a line titling a numbered part ("Release 2026.02
    (released …)" over its indented items: numbered_sections.opens_numbered_title; it may take
    its own). A table's row stands alone (`_headed_row`): its header row is quoted with it
    instead, and so does a record of a delimited export (`_stands_as_row`)."""
    sentence = bank.sentences[index]
    start = sentence.start
    if sentence.end - sentence.start >= SHORT_QUOTE or _stands_as_row(bank, index):
        return start
    doc = bank.documents[sentence.doc_id]
    if _whole_item(doc.text, start, sentence.end) or _item_mark(doc.text, start, sentence.end):
        return start
    if opens_numbered_title(doc.text, start):
        return start
    section_start, _ = section_bounds(doc.text, chunk, max(start, sentence.end - 1), doc.latex)
    complete = _complete_sentence(doc.text[start : sentence.end])
    fielded = _field_line(doc.text, sentence)
    for before in reversed(bank.preceding(index, section_start, CONTEXT_SENTENCES)):
        previous = bank.sentences[before]
        if fielded and _field_above(doc.text, previous, start):
            break
        if (
            complete
            and _field_line(doc.text, previous)
            and not _lacked_word(bank, index, before, terms)
        ):
            break  # "Sommelier: Antoine Roux" over "Staff meals are served at 11:15 and 18:30."
        if complete and _needless_statement(bank, index, before, start, terms):
            break
        too_long = previous.end - previous.start > 2 * SHORT_QUOTE
        if (
            too_long
            or _piece_of_long_line(doc.text, previous)
            or _in_table(bank, before)
            or not _same_page(doc, previous.start, sentence.end)
        ):
            break
        if _into_boilerplate(bank, index, before) or bank.facts(before).edit_stamp:
            break
        if markup_between(doc.text, previous.end, start, doc.latex):  # an underline
            break
        if _prose_apart(doc.text, previous, start) and not _lacked_word(bank, index, before, terms):
            break
        if bank.facts(before).signing:  # "Fait à Lyon, le …": signing.py
            break
        start = previous.start
        if opens_numbered_title(doc.text, start):
            break
    return start


def _stands_as_row(bank: SentenceBank, index: int) -> bool:
    """Whether sentence `index` is quoted alone as a record: a table's row under its header row
    (`_headed_row`), or a record of a delimited export saved as text (language.is_record_line:
    "PO-7781;Garnier SA;3 industrial fans;awaiting payment", one record a line), whose short
    neighbours are other records, not its labels (s44: "What is the status of PO-7781?"
    quoted the file's title, its field names and the records PO-7780 and PO-7782 with it)."""
    if _headed_row(bank, index):
        return True
    sentence = bank.sentences[index]
    return is_record_line(bank.documents[sentence.doc_id].text, sentence.start, sentence.end)


def _headed_row(bank: SentenceBank, index: int) -> bool:
    """Whether sentence `index` is a table's row under its header row: a markdown table's
    (SentenceBank.table_header), or a row of pipes whose table's header stands above it
    (SentenceBank.header_span: a PDF's "Indicateur | Cible | Réalisé" rows, no `|---|` rule).
    It is quoted alone, its header as context: taking in the short rows above it as labels
    quoted another record first (s35 trial a15, "Apprenants accompagnés | 400 | 412" above
    the asked "Apprenants gagnant au moins un niveau (CECRL) | 60 % | 57 %")."""
    if bank.table_header(index) is not None:
        return True
    sentence = bank.sentences[index]
    if not is_table_row(bank.text(index)):
        return False
    header = bank.header_span(sentence.doc_id, sentence.start)
    if header is None or header[1] > sentence.start:
        return False
    text = bank.documents[sentence.doc_id].text
    return _header_row(text, *header)


def _header_row(text: str, start: int, end: int) -> bool:
    """Whether the row at `start`:`end` of `text` reads as a header: it writes no values
    (stated_values) and the line above it is no row. The first row of a run of pipes is none
    when it is data: a contacts list's first person, or the row closing a cell wrapped on two
    lines ("Apprenants gagnant au" / "moins un niveau (CECRL) | 60 % | 57 %")."""
    if values(text[start:end], "en"):
        return False
    above = text[:start].rstrip("\n").rpartition("\n")[2]
    return not is_table_row(above)


def _piece_of_long_line(text: str, sentence: Sentence) -> bool:
    """Whether `sentence` is a piece of a line too long to be a label: it opens inside its line,
    not after a sentence's end (where a chunk cut a line of megabytes, between two groups of
    "1 234,56" maybe: chunking._cut_long), and its line up to its end runs past 2 ×
    SHORT_QUOTE characters. A short quote takes in no such piece above it."""
    opens = line_start(text, sentence.start, reach=2 * SHORT_QUOTE)
    before = text[opens : sentence.start].rstrip().rstrip(_CLOSERS)
    return bool(before) and before[-1] not in _ENDS and sentence.end - opens > 2 * SHORT_QUOTE


_CLOSERS = ")]}\"'»”’"
"""What may close a sentence after its end mark ("(voir l'annexe 3.)", "« … . »")."""
_ENDS = SENTENCE_ENDS + ";"
"""What ends the text before a sentence that opens mid-line after a sentence, not a cut
(`_piece_of_long_line`; s28 review F: a label after ".)", '."', ".»" or ";" was cut off)."""


def _extended_end(
    bank: SentenceBank, index: int, chunk: Chunk, terms: QuestionTerms | None = None
) -> int:
    """Where a quote ends: a short one (a slide label) runs on through the next lines of its
    passage until it holds a number and is long enough to stand alone, but never across a
    heading into the next section, nor across a markup line, nor into boilerplate, nor into a
    signing line ("Fait à Lyon, le 2 décembre 2025.": signing.py), nor into a line titling a
    numbered part (numbered_sections.opens_numbered_title). A sentence of prose (long
    enough, ending as a sentence does) stands alone as it is: running it on into the next one
    only lengthens the quote."""
    sentence = bank.sentences[index]
    end = sentence.end
    doc = bank.documents[sentence.doc_id]
    text = doc.text
    if _stands_alone(text[sentence.start : sentence.end]) or _stands_as_row(bank, index):
        return end
    if _enumerated_item(text, sentence.start, sentence.end):
        return end
    if _whole_item(text, sentence.start, end):
        return end
    if _item_mark(text, sentence.start, end):
        return _item_sentence_end(bank, index, end)
    _, section_end = section_bounds(text, chunk, sentence.start, doc.latex)
    own = text[sentence.start : end]
    stated, whole = _states_a_value(own), _complete_sentence(own)
    fielded = _field_line(text, sentence)
    for following in bank.following(index, section_end):
        quote = text[sentence.start : end]
        if fielded and _field_below(text, end, bank.sentences[following]):
            break
        needless = _statement_apart(text, end, bank.sentences[following], stated, whole)
        if needless and not _lacked_word(bank, index, following, terms):
            break
        if len(quote) >= SHORT_QUOTE and any(c.isdigit() for c in quote):
            break
        reach = bank.sentences[following].end
        if _in_table(bank, following) or not _same_page(doc, sentence.start, reach):
            break
        if _into_boilerplate(bank, index, following) or bank.facts(following).edit_stamp:
            break
        if markup_between(text, end, bank.sentences[following].start, doc.latex):
            break
        new_paragraph = _blank_line(text, end, bank.sentences[following].start)
        complete = new_paragraph and _complete_sentence(text[sentence.start : end])
        opens_list = new_paragraph and _line_list(text, bank.sentences[following].start)
        if new_paragraph and _title_line(text, bank.sentences[following]):
            break  # "Exclusions" over its paragraph: the next part's title, not this one's
        if complete and not opens_list and not _lacked_word(bank, index, following, terms):
            break
        into_prose = new_paragraph and _prose_paragraph(text, bank.sentences[following])
        if opens_numbered_title(text, bank.sentences[following].start):
            break
        if bank.facts(following).signing:  # "Fait à Lyon, le …": signing.py
            break
        end = reach
        if into_prose or end - sentence.start > 3 * SHORT_QUOTE:
            break
    return end


def _into_boilerplate(bank: SentenceBank, index: int, other: int) -> bool:
    """Whether a quote of sentence `index` running on into sentence `other` would take in
    boilerplate (boilerplate.py: a mail's disclaimer under a signature) that it is not, or
    boilerplate of another paragraph: a signature's phone line quoted ran on past the blank
    line under it into the disclaimer."""
    if not bank.facts(other).boilerplate:
        return False
    if not bank.facts(index).boilerplate:
        return True
    first, second = sorted((bank.sentences[index], bank.sentences[other]), key=lambda s: s.start)
    between = bank.documents[first.doc_id].text[first.end : second.start]
    return "\n\n" in between.replace("\r", "")


def _in_table(bank: SentenceBank, index: int) -> bool:
    """A markdown table's row under its header, or its frame: what a quote of other lines
    never runs into (a row is quoted with its header instead)."""
    return bank.table_header(index) is not None or bank.is_table_frame(index)


_SENTENCE_END = re.compile(rf"[{SENTENCE_ENDS}](?:\s*['’\"”»)\]])*\s*$")
"""How a sentence of prose ends: a full stop, question or exclamation mark, maybe closed by
quotation marks or brackets (« ... . » in French)."""


def _stands_alone(sentence: str) -> bool:
    """Whether a sentence reads on its own: at least SHORT_QUOTE long and ending as a sentence
    (a slide's label line has no final full stop)."""
    return len(sentence) >= SHORT_QUOTE and _SENTENCE_END.search(sentence) is not None


_FULL_STOP = re.compile(r"[.!…](?:\s*['’\"”»)\]])*\s*$")
"""How a complete statement ends: a full stop or exclamation mark (a question's short line
still runs on to its answer below)."""
_WORD = re.compile(r"[^\W\d_]{2,}")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def _complete_sentence(sentence: str) -> bool:
    """Whether a sentence is complete as it stands: it ends with a full stop and holds at least
    two words ("Paid monthly."), unlike a slide's label line, a value ("56.2 %") or an item's
    mark ("1.")."""
    return _FULL_STOP.search(sentence) is not None and len(_WORD.findall(sentence)) >= 2


def _states_a_value(sentence: str) -> bool:
    """Whether a short sentence states a value of its own: complete (`_complete_sentence`), with
    a figure and at least three words ("Recommended tyre pressure is 2.5 to 3.5 bar.", "E03 -
    Speed sensor not detected."), unlike a slide's value under its label ("56.2 %"). Such a
    sentence ending its line runs on into no line below it (a manual's paragraph of one
    statement a line was quoted whole, s54 trial), unless that line holds a word of the
    question it lacks (`_lacked_word`). Any complete short sentence ending its line runs on
    into no complete statement on the next ("Principal: Dr. Anita Kowalski." over
    "Vice-principal: Marc Tremblay."), nor takes in one ending the line above it
    (`_needless_statement`): a label has no full stop."""
    return (
        _complete_sentence(sentence)
        and any(c.isdigit() for c in sentence)
        and len(_WORD.findall(sentence)) >= _STATED_VALUE_WORDS
    )


_STATED_VALUE_WORDS = 3


def _title_line(text: str, sentence: Sentence) -> bool:
    """Whether `sentence` is a whole line titling the paragraph it opens: at most TITLE_WORDS
    words, no figure, no list mark, nothing ending it as a sentence or a lead-in does, and a
    line below it ("Exclusions" over "Claims arising from alcohol … are not covered.": a plain
    text's part titles; s54: a quote of the part above ended on it)."""
    line = text[sentence.start : sentence.end]
    if "\n" in line.strip() or line_end(text, sentence.start) > sentence.end:
        return False
    words = line.split()
    if not words or len(words) > TITLE_WORDS or any(c.isdigit() for c in line):
        return False
    if line.rstrip()[-1] in ".!?…:;,)" or not line.lstrip()[0].isalpha():
        return False
    below = text[sentence.end : sentence.end + 2]
    return below.startswith("\n") and not below[1:].isspace() and len(below) == 2


TITLE_WORDS = 5


def _field_line(text: str, sentence: Sentence) -> bool:
    """Whether `sentence` is a whole field line ("Last day of school: Friday, June 25, 2027":
    field_lines.field_label). A field line takes in no field line above or below it: they are
    other fields of a list, not its labels (s54 trial: a school calendar's line quoted with
    the two above it); and a short complete sentence takes in no field line above it ("Staff
    meals are served at 11:15 and 18:30." under a staff list's "Restaurant manager: …" and
    "Sommelier: …", s55 trial) unless that line holds a word of the question the quote lacks
    (`_lacked_word`: "Orders from 500 to 5,000 GBP: approved by Lena Hartmann." over
    "Primers are ordered…")."""
    return field_label(text, sentence.start, sentence.end) is not None


def _field_above(text: str, above: Sentence, start: int) -> bool:
    """Whether sentence `above` is a field line on the line above a quote starting at `start`."""
    return _next_line(text, above.end, start) and _field_line(text, above)


def _field_below(text: str, end: int, below: Sentence) -> bool:
    """Whether sentence `below` is a field line on the next line of a quote ending at `end`."""
    return _next_line(text, end, below.start) and _field_line(text, below)


def _next_line(text: str, end: int, start: int) -> bool:
    """Whether text[end:start] breaks a line within a paragraph: a line break, no blank line."""
    return "\n" in text[end:start] and not _blank_line(text, end, start)


def _statement_apart(text: str, end: int, below: Sentence, stated: bool, complete: bool) -> bool:
    """Whether sentence `below` opens the next line of the paragraph of a quote ending at `end`
    that needs no line below it: one stating a value (`stated`), or a complete one
    (`complete`) above a complete statement. Across a blank line, the paragraph's own rules
    hold (a lead-in runs on into its list's first item: `_line_list`)."""
    if not _next_line(text, end, below.start):
        return False
    return stated or (complete and _complete_sentence(text[below.start : below.end]))


def _needless_statement(
    bank: SentenceBank, index: int, before: int, start: int, terms: QuestionTerms | None
) -> bool:
    """Whether sentence `before` is a complete statement ending the line of its paragraph above
    a quote of sentence `index` starting at `start` (not a label: a label has no full stop)
    that holds no word of the question that `index` lacks (`_lacked_word`)."""
    text = bank.documents[bank.sentences[index].doc_id].text
    previous = bank.sentences[before]
    return (
        _next_line(text, previous.end, start)
        and _complete_sentence(text[previous.start : previous.end])
        and not _lacked_word(bank, index, before, terms)
    )


def _lacked_word(bank: SentenceBank, index: int, other: int, terms: QuestionTerms | None) -> bool:
    """Whether sentence `other` holds a word of the question's own (`terms`) that sentence
    `index` lacks: "Who approves orders between 500 and 5,000 GBP?" chose "Primers are ordered
    from Eurofins every Tuesday.", and the paragraph above, "Orders from 500 to 5,000 GBP:
    approved by Lena Hartmann.", answers it."""
    if terms is None:
        return False
    held, offered = bank.tokens[index], bank.tokens[other]
    focus = terms.own_terms
    return any(not words & held and words & offered for words, _ in focus)


def _prose_apart(text: str, previous: Sentence, start: int) -> bool:
    """Whether sentence `previous` is prose that a paragraph break parts from a quote
    starting at `start`."""
    return _prose_paragraph(text, previous) and _blank_line(text, previous.end, start)


def _line_list(text: str, start: int) -> bool:
    """Whether the paragraph opening at `start` is a list of lines (two lines or more before the
    next blank line, as an HTML page's <ol> or a Word list is read): a short sentence leading
    into it ("Illumina sequencing goes to the Genomics Core Facility." over its steps) runs on
    into its first item, where a paragraph of prose would be left apart."""
    paragraph_end = _BLANK_LINE.search(text, start)
    stop = paragraph_end.start() if paragraph_end else len(text)
    return "\n" in text[start:stop].strip()


def _blank_line(text: str, start: int, end: int) -> bool:
    """Whether a blank line lies in text[start:end]: a paragraph break (a Word document's
    paragraphs are parted by them)."""
    return _BLANK_LINE.search(text, start, end) is not None


def _prose_paragraph(text: str, sentence: Sentence) -> bool:
    """Whether a sentence a quote would take in across a paragraph break is prose (ends as a
    sentence): a slide's or a PDF's label and value lines have no final full stop and are taken
    in across blank lines; a short value reaches back to no paragraph of prose, and a label runs
    on into one at most."""
    return _SENTENCE_END.search(text, sentence.start, sentence.end) is not None


def _enumerated_item(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is an enumeration's item long enough to read alone, ending in a
    semicolon, with another item on the next line ("(c) ne réaliser aucuns travaux… ;" over
    "(d) laisser le Bailleur visiter…"): the next item is another obligation, not more of
    this one, and a question it answers chooses it itself. Only an item's own line: a sentence
    of prose ending in ";" over a list runs on into it as any short quote does."""
    if end - start < SHORT_QUOTE or not text[start:end].rstrip().endswith(";"):
        return False
    mark = opens_item(text, line_start(text, start))
    if mark is None or start > mark.end():
        return False
    close = line_end(text, end)
    if text[end:close].strip():
        return False
    below = text.find("\n", close)
    return below >= 0 and opens_item(text, below + 1) is not None


def _whole_item(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a list item's whole text, a sentence ending as one ("3. Run
    fsck on the disk."): short as it is, it reads alone, and the items around it are other
    steps, not its label nor its value (a short quote took in step 2 above and step 4 below,
    s20 hostile probe). A slide's label line has no full stop and still runs on."""
    mark = opens_item(text, line_start(text, start))
    if mark is None or text[mark.end() : start].strip():
        return False
    close = line_end(text, end)
    if text[end:close].strip() or _SENTENCE_END.search(text[start:end]) is None:
        return False
    return not _item_goes_on(text, close)


def _item_goes_on(text: str, close: int) -> bool:
    """Whether the line after the one ending at `close` goes on with its item: neither blank,
    nor the text's end, nor another item, nor a Markdown heading (final read B: "- Restart the
    pump." over "## Checks" ran on into the next section) — "- Who approves a repair?" over its
    indented "The on-call lead." does (review of the first version, which quoted the question
    alone)."""
    below = text.find("\n", close)
    if below < 0:
        return False
    following = below + 1
    line = text[following : line_end(text, following)]
    if not line.strip() or is_markdown_heading(line):
        return False
    return opens_item(text, following) is None


def _item_mark(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is only a list item's mark ("4.", "b)"), which sentences split
    off as a sentence of its own: quoted, it is its item, never the items above it."""
    mark = opens_item(text, line_start(text, start))
    return mark is not None and mark.start() <= start and end <= mark.end()


def _item_sentence_end(bank: SentenceBank, index: int, end: int) -> int:
    """Where a quote of an item's mark (sentence `index`, ending at `end`) ends: with the
    item's first sentence, opening on the mark's line (it may wrap to the next ones)."""
    text = bank.documents[bank.sentences[index].doc_id].text
    paragraph = text.find("\n\n", end)
    for following in bank.following(index, len(text) if paragraph < 0 else paragraph):
        sentence = bank.sentences[following]
        return sentence.end if sentence.start <= line_end(text, end) else end
    return end


def _holding_chunk(chunk_of: dict[int, Chunk], sentence: Sentence, bank: SentenceBank) -> Chunk:
    for chunk in chunk_of.values():
        if chunk.doc_id == sentence.doc_id and chunk.start <= sentence.start < chunk.end:
            return chunk
    return bank.chunks[sentence.chunk_index]


WORD_MAX = 60
"""A span is widened by at most this many characters on each side to finish a word: text with
no spaces (a sequence, an identifier dump) would otherwise widen a quote to the whole file."""


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span so it never cuts a word, number or unit in half (up to WORD_MAX each side)."""
    low, high = max(0, start - WORD_MAX), min(len(text), end + WORD_MAX)
    while start > low and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < high and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


def _same_page(doc: Document, start: int, end: int) -> bool:
    """Whether [start, end) lies on one page (always, for documents without pages)."""
    return doc.page_at(start) == doc.page_at(max(start, end - 1))


def _one_section(doc: Document, low: Span, far: Span) -> bool:
    """Whether a quote from `low`'s start to `far`'s end stands under one heading, each end
    read in its own span's passage."""
    latex = doc.latex
    first = section_of(doc.text, low.chunk, low.start, latex)
    return first == section_of(doc.text, far.chunk, max(low.start, far.end - 1), latex)


def _add(spans: list[Span], new: Span, doc: Document) -> list[Span]:
    """Append `new`, merging it with a span of the same document it touches or overlaps, unless
    the merged quote would run across a page break (a citation names one page) or a heading
    into another section."""
    text = doc.text
    for number, old in enumerate(spans):
        if old.doc_id != new.doc_id:
            continue
        low, high = sorted((old, new), key=lambda s: s.start)
        far = max((low, high), key=lambda s: s.end)
        end = far.end
        if not _same_page(doc, low.start, end) or not _one_section(doc, low, far):
            continue
        if high.start <= low.end or not text[low.end : high.start].strip():
            context = _above(low.header or high.header, low.start)
            score = max(old.score, new.score)
            merged = Span(old.doc_id, low.start, end, score, old.chunk, context)
            return [*spans[:number], merged, *spans[number + 1 :]]
    return [*spans, new]


def citations_of(spans: list[Span], documents: Mapping[str, Document]) -> list[Citation]:
    """Citations for the spans (blank spans dropped); `verified` checks them afterwards."""
    citations: list[Citation] = []
    for span in spans:
        doc = documents[span.doc_id]
        quote = doc.text[span.start : span.end]
        if not quote.strip():
            continue
        citations.append(
            Citation(
                n=len(citations) + 1,
                doc_id=doc.doc_id,
                title=doc.title,
                path=doc.path,
                start=span.start,
                end=span.end,
                quote=quote,
                page=doc.page_at(span.start),
                section=citation_section(doc.text, span.chunk, span.start, doc.latex),
                score=round(span.score, 4),
                header=_table_header(doc, span.header),
                notes=quoted_notes(doc, span.start, span.end),
            )
        )
    return citations


def quoted_notes(doc: Document, start: int, end: int) -> list[QuotedNote]:
    """The footnotes a quote of doc.text[start:end] cites, when `doc` is a Markdown note
    (footnotes.cited_notes): each shown after the quote, verbatim."""
    if doc.kind != "md":
        return []
    return [
        QuotedNote(mark=note_mark(label), start=low, end=high, text=doc.text[low:high])
        for label, (low, high) in cited_notes(doc.text, start, end)
    ]


def _table_header(doc: Document, span: tuple[int, int] | None) -> TableHeader | None:
    return (
        None
        if span is None
        else TableHeader(start=span[0], end=span[1], text=doc.text[slice(*span)])
    )


def verified(citations: list[Citation], documents: Mapping[str, Document]) -> bool:
    """Every quote (and table header and footnote shown with it) equals the document text at
    its offsets."""
    return all(
        documents[c.doc_id].text[c.start : c.end] == c.quote
        and (
            c.header is None
            or documents[c.doc_id].text[c.header.start : c.header.end] == c.header.text
        )
        and all(documents[c.doc_id].text[n.start : n.end] == n.text for n in c.notes)
        for c in citations
    )


def answer_text(citations: list[Citation], lang: str = "en") -> str:
    """The readable answer: one `quote_line` a citation, a quote of another document that says
    otherwise after its label in `lang` (answerlabels.quote_lines)."""
    return "\n".join(quote_lines(citations, lang))
