"""A reference manual read as a person reads it (session 14 trial, 1,010 manual pages rendered
to text): its running header gives way to the line naming what it is about as its title (past
a heading in capitals such as NAME), a sentence that is only a title, a heading or a running
header is never quoted alone, and the welcome asks about neither a running header nor the
numbered placeholders of a command's syntax."""

from __future__ import annotations

import numpy as np
import pytest
from tests.one_document_banks import one_document_bank, sentence_opening

from citeqa import citedsection, lexical
from citeqa.answering import quotable
from citeqa.blocks import headings
from citeqa.candidates import Candidates
from citeqa.chunking import chunk_document
from citeqa.citedsection import citation_section, own_heading
from citeqa.glossary import language_words
from citeqa.models import Document
from citeqa.overview import DocumentText, salient_terms, term_example
from citeqa.recently_used import RecentlyUsed
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.titleonly import only_title
from citeqa.titles import capitals_heading, derived_title, running_header

PAGE = (
    "UNIQ(1)                          User Commands                         UNIQ(1)\n"
    "\n"
    "NAME\n"
    "       uniq - report or omit repeated lines\n"
    "\n"
    "SYNOPSIS\n"
    "       uniq [OPTION]... [INPUT [OUTPUT]]\n"
    "\n"
    "DESCRIPTION\n"
    "       Filter  adjacent matching lines from INPUT (or standard input), writing\n"
    "       to OUTPUT (or standard output).\n"
    "\n"
    "       -c, --count\n"
    "              prefix lines by the number of occurrences\n"
    "\n"
    "              The default is:\n"
    "\n"
    "                     uniq -c input.txt\n"
    "\n"
    "EXIT STATUS\n"
    "       Zero on success, non-zero when an input could not be read.\n"
)


def test_what_is_no_heading_in_capitals() -> None:
    assert capitals_heading("EXIT STATUS", "       Zero on success.")
    assert not capitals_heading("ALLAN D. KIRK", " DAVID M. HARLAN")  # a signature
    assert not capitals_heading("NAME", "uniq - report")  # not indented under it
    assert not capitals_heading("    NAME", "       uniq")  # not at column 0
    assert not capitals_heading("Name", "       uniq")
    assert not capitals_heading("ONE TWO THREE FOUR FIVE SIX", "       text")
    assert not capitals_heading("NOTE:", "       text")


def test_a_running_header_gives_way_to_the_line_naming_the_page() -> None:
    assert derived_title(PAGE, "uniq.1.txt") == "uniq - report or omit repeated lines"
    wrapped = PAGE.replace(
        "uniq - report or omit repeated lines\n",
        "uniq - report or omit repeated lines of a file given as the input of the com‐\n"
        "       mand\n",
    )
    assert derived_title(wrapped, "uniq.1.txt") == (
        "uniq - report or omit repeated lines of a file given as the input of the command"
    )
    assert derived_title("XZ(1) XZ Utils XZ(1)\n", "xz.1.txt") == "XZ(1)"
    plain = "Ask what a reader asks, then Ask"  # its repeated word is a plain word
    assert derived_title(f"{plain}\n\nBody.\n", "a.txt") == plain
    assert derived_title("Release notes for 2024\n\nBody.\n", "r.txt") == "Release notes for 2024"


def _bank(text: str, title: str) -> SentenceBank:
    return one_document_bank(text, "txt", title)


def test_a_title_or_heading_alone_is_no_quote() -> None:
    bank = _bank(PAGE, derived_title(PAGE, "uniq.1.txt"))
    header, answer = sentence_opening(bank, "UNIQ(1)"), sentence_opening(bank, "-c, --count")
    assert only_title(bank, header)
    assert not only_title(bank, answer)
    notes = "Release notes\n\nThe first release.\n\nKnown issues\n\nThe -c option counts wrong.\n"
    guide = _bank(notes, "Release notes")
    assert only_title(guide, sentence_opening(guide, "Release notes"))
    assert only_title(guide, sentence_opening(guide, "Known issues"))
    assert not only_title(guide, sentence_opening(guide, "The -c option"))
    html = "systemctl(1)\n\nsystemctl may be used to introspect and control the state of systemd.\n"
    page = _bank(html, "systemctl(1)")
    assert only_title(page, sentence_opening(page, "systemctl(1)"))


def test_the_quote_is_chosen_past_a_title_the_ranker_puts_first() -> None:
    bank = _bank(PAGE, derived_title(PAGE, "uniq.1.txt"))
    order = [
        sentence_opening(bank, "UNIQ(1)"),
        sentence_opening(bank, "-c, --count"),
        sentence_opening(bank, "UNIQ(1)"),
    ]
    items = [ScoredSentence(i, 1.0, 0.0, 0.0, 0.0, 1) for i in order]
    candidates = Candidates(items, np.array([0.9, 0.6, 0.5]), np.zeros((3, 2)))  # header twice
    kept = quotable(candidates, bank)
    assert [s.index for s in kept.sentences] == [order[1]]
    assert kept.probabilities.tolist() == [0.6]


def test_welcome_examples_skip_placeholders_and_running_headers() -> None:
    """The session 14 trial's welcome offered "What about INTEGER1 is less?" (the placeholders
    of `test`'s syntax) and questions on a manual page's running header."""
    syntax = "INTEGER1 -eq INTEGER2 and INTEGER1 -lt INTEGER2: INTEGER1 is less than INTEGER2. "
    frequency = {"integer1": 1, "integer2": 1, "compar": 1, "number": 30}
    page = DocumentText("en", syntax + "Compare numbers. Compare them.", title="test")
    assert "INTEGER1" not in salient_terms(page, frequency, 40)
    assert salient_terms(page, frequency, 40, limit=1) == ["Compare"]
    header = "GREP(1) User Commands GREP(1)"
    text = f"{header}\n\nNAME\n       grep - print lines\n\nDESCRIPTION\n" + (
        "       grep searches files; grep prints lines; grep again.\n"
    )
    found = term_example(DocumentText("en", text, title="grep - print lines"), {"grep": 1}, 40)
    assert found is not None
    assert found.example.question == "What about “grep - print lines”?"  # its title, not header


@pytest.mark.parametrize(
    "sentence",
    ["NASA a lancé la mission NASA", "UNESCO lists the site, a choice UNESCO"],
)
def test_a_sentence_opening_and_ending_with_one_acronym_is_no_running_header(
    sentence: str,
) -> None:
    """An acronym in capitals alone opening and closing a sentence is prose, quotable."""
    assert not running_header(sentence)


@pytest.mark.parametrize(
    "line",
    ["COVID-19 Weekly Report COVID-19", "C++ coding guide for C++", "e-mail policy for e-mail"],
)
def test_a_running_header_names_a_page_with_its_section(line: str) -> None:
    """Only a page's name with its section in brackets ("XZ(1)") opens and ends a running
    header: other marked words opening and ending a line are titles, kept as such."""
    assert not running_header(line)
    assert derived_title(f"{line}\n\nCases rose 12% this week.\n", "r.txt") == line


def test_when_only_titles_are_left_the_best_is_quoted() -> None:
    """A one-line document is its own title: the answer quotes it rather than abstaining."""
    bank = _bank("Deadline: 1 March 2025\n", "Deadline: 1 March 2025")
    line = sentence_opening(bank, "Deadline")
    assert only_title(bank, line)
    items = [ScoredSentence(line, 1.0, 0.0, 0.0, 0.0, 1)]
    candidates = Candidates(items, np.array([0.7]), np.zeros((1, 2)))
    assert [s.index for s in quotable(candidates, bank).sentences] == [line]


@pytest.mark.parametrize(
    "text", ['"The fee is 40 euros."\n\nMore.\n', "« Le tarif est de 40 €. »\n\nSuite.\n"]
)
def test_a_first_sentence_in_quotation_marks_is_prose(text: str) -> None:
    first = text.split("\n")[0]
    bank = _bank(text, first)
    assert not only_title(bank, 0)


def test_a_word_numbered_in_lower_case_stays_a_topic() -> None:
    """Placeholders are numbered words in capitals; "Python2" and "Python3" are topics."""
    text = "Python2 and Python3 differ. Python3 is current. Python2 is old. Python3 wins. " * 2
    frequency = {"python2": 1, "python3": 1, "differ": 5}
    terms = salient_terms(DocumentText("en", text, title="t"), frequency, 40)
    assert {"Python2", "Python3"} <= set(terms)


@pytest.mark.parametrize(
    ("line", "heads"),
    [
        ("Supported tests:", True),
        ("Horaires d'ouverture :", True),
        ("Installation", True),
        ("The default is:", False),
        ("The variables available are:", False),
        ("Les tarifs sont les suivants :", False),
        ("You'll know if you need it :)", False),
        ("Some people like this ;)", False),
    ],
)
def test_a_line_ending_in_a_colon_heads_only_as_a_label(line: str, heads: bool) -> None:
    """The session 14 trial's citations named "The default is:" or jq's "You'll know if you
    need it :)" as the section of what followed them."""
    text = f"Guide\n\nThe guide opens with a sentence.\n\n{line}\n\n{'A paragraph of text. ' * 3}\n"
    assert (line.rstrip(" :") in " | ".join(headings(text))) is heads


def test_cutting_reads_its_own_lead_in_words_not_the_search_stopwords(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Editing the stopwords BM25 drops (search data, recorded for the tallies) must not change
    how a document is cut: the lead-in rule reads the cutting data's `lead_in_words`."""
    monkeypatch.setattr(lexical, "_STOPWORDS", frozenset())
    text = f"Guide\n\nThe guide opens with a sentence.\n\nThe default is:\n\n{'Text. ' * 9}\n"
    assert "The default is" not in " | ".join(headings(text))
    assert language_words("lead_in_words") >= {"is", "are", "est", "sont", "the", "of"}


def test_a_manual_pages_lead_in_is_no_section() -> None:
    page = PAGE.replace("uniq -c input.txt", "uniq -c input.txt > counted-lines.txt")
    assert "The default is" not in " | ".join(headings(page))
    document = Document(doc_id="d", title="uniq", path="/d", text=page, sha256="0")
    assert all(chunk.section != "The default is:" for chunk in chunk_document(document, 120, 0))


def test_a_citation_in_a_manual_page_names_its_heading_in_capitals() -> None:
    """The session 14 trial's man-page citations named the running header ("UNIQ(1) User
    Commands UNIQ(1)") as the section of every quote; the passage is cut and scored as before
    (its section, which carries the command's name into the context score, is unchanged)."""
    document = Document(doc_id="d", title="uniq", path="/d", text=PAGE, sha256="0")
    chunks = chunk_document(document, size=120, overlap=0)
    count = next(c for c in chunks if "--count" in c.text)
    assert count.section == "UNIQ(1) User Commands UNIQ(1)"
    at = PAGE.index("-c, --count")
    assert citation_section(PAGE, count, at) == "UNIQ(1) › DESCRIPTION"
    last = chunks[-1]
    assert citation_section(PAGE, last, PAGE.index("Zero on success")) == "UNIQ(1) › EXIT STATUS"
    assert citation_section(PAGE, chunks[0], 0) == "UNIQ(1) User Commands UNIQ(1)"
    headless = PAGE.split("\n", 2)[2]  # no running header: the heading alone
    first = chunk_document(Document(doc_id="e", title="u", path="/e", text=headless, sha256="0"))
    spot = headless.index("Zero on success")
    assert citation_section(headless, first[0], spot) == "EXIT STATUS"
    notes = (
        "Notes\n\nSUMMARY\n    The first release.\n\nDetails\n\nIt counts the lines of a file.\n"
    )
    plain = chunk_document(Document(doc_id="f", title="n", path="/f", text=notes, sha256="0"))
    assert citation_section(notes, plain[0], notes.index("counts")) == "Details"  # no manual
    assert own_heading("UNIQ(1) › EXIT STATUS") == "EXIT STATUS" == own_heading("EXIT STATUS")


@pytest.mark.parametrize(
    ("text", "quoted", "section"),
    [
        (
            "USAGE\n    pip install foo\n\n## Configuration\n\n"
            "Set the FOO variable to the folder where foo keeps its cache files.\n",
            "Set the FOO",
            "Configuration",
        ),
        (
            "TERMS OF SERVICE\n\tThese terms bind every user of the service.\n\nPayment\n\n"
            "You pay the fee each month, before the fifth day of the month.\n",
            "You pay",
            "Payment",
        ),
        (
            "NOM\n       uniq - signaler ou omettre les lignes répétées\n\n"
            "CODE DE RETOUR\n       Zéro en cas de succès, sinon un autre nombre.\n",
            "Zéro en cas",
            "CODE DE RETOUR",
        ),
    ],
)
def test_headings_in_capitals_name_quotes_only_in_a_manual_page(
    text: str, quoted: str, section: str
) -> None:
    """The review of s15-sections: a document opening with any heading in capitals over indented
    text named every later quote after it, past a markdown heading or a short heading line; only
    a page opening with its running header or the heading naming it (NAME, NOM) is read so."""
    document = Document(doc_id="d", title="t", path="/d", text=text, sha256="0")
    chunk = chunk_document(document)[0]
    assert citation_section(text, chunk, text.index(quoted)) == section


def test_the_manual_headings_cache_keeps_no_whole_document() -> None:
    """Keyed by the document's text, the cache kept up to 64 whole documents alive; keyed by
    its id and a digest it keeps small keys, as many as CACHED_DOCUMENTS, and reads a document
    whose text changed under the same id again."""
    long_page = PAGE + "\n" + "DETAILS\n       Some more text about uniq.\n" * 2000
    chunk = chunk_document(Document(doc_id="d", title="u", path="/d", text=PAGE, sha256="0"))[0]
    for number in range(citedsection.CACHED_DOCUMENTS + 6):
        citation_section(
            long_page + str(number), chunk.model_copy(update={"doc_id": f"d{number}"}), 0
        )
    keys = list(citedsection._CACHE)
    assert len(keys) == citedsection.CACHED_DOCUMENTS
    assert all(len(part) < 100 for key in keys for part in key)
    notes = "Notes\n\nDetails\n\nIt counts the lines of a file, one after the other.\n"
    same_id = chunk_document(Document(doc_id="d1", title="n", path="/f", text=notes, sha256="0"))
    assert citation_section(notes, same_id[0], notes.index("counts")) == "Details"


def test_a_document_that_is_no_manual_page_is_neither_digested_nor_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The final read of s15: every citation digested its whole document for the cache's key,
    though a document that is no manual page is told from its first two lines; it is now told
    first, and only a manual page is digested and kept."""
    digested: list[int] = []
    real = citedsection.hashlib.blake2b

    def counting(data: bytes, **options: int) -> object:
        digested.append(len(data))
        return real(data, **options)

    monkeypatch.setattr(citedsection.hashlib, "blake2b", counting)
    monkeypatch.setattr(citedsection, "_CACHE", RecentlyUsed(citedsection.CACHED_DOCUMENTS))
    notes = "Notes\n\nDetails\n\nIt counts the lines of a file, one after the other.\n"
    plain = chunk_document(Document(doc_id="n", title="n", path="/n", text=notes, sha256="0"))
    assert citation_section(notes, plain[0], notes.index("counts")) == "Details"
    assert digested == [] and not citedsection._CACHE
    page = chunk_document(Document(doc_id="p", title="u", path="/p", text=PAGE, sha256="0"))
    assert citation_section(PAGE, page[-1], PAGE.index("Zero on success")) == (
        "UNIQ(1) › EXIT STATUS"
    )
    assert len(digested) == 1 and [key[0] for key in citedsection._CACHE] == ["p"]


def test_only_the_page_name_citedsection_put_before_a_heading_is_taken_off() -> None:
    assert own_heading("UNIQ(1) › EXIT STATUS") == "EXIT STATUS" == own_heading("EXIT STATUS")
    assert own_heading("Settings › Display") == "Settings › Display"
    assert own_heading("GIT-REBASE(1) › Options › Display") == "GIT-REBASE(1) › Options › Display"


@pytest.mark.parametrize(
    "lead_in",
    [
        "The `sync status` command shows, for each file in flight, one of these states:",
        "Les tarifs de la cantine sont les suivants :",
        "Example::",
        "**Run it with these options:**",
    ],
)
def test_a_lead_in_is_no_quote_of_its_own(lead_in: str) -> None:
    """Found on the tables set's test half (tab052): once a line ending in a colon stopped
    being a heading (CUTTING_VERSION 6), "… one of these states:" was quoted instead of the
    table row under it; what follows a lead-in answers, the lead-in alone does not."""
    table = "| State | Meaning |\n|---|---|\n| held | Paused: the peer is full |\n"
    text = f"Sync\n\n{lead_in}\n\n{table}"
    bank = _bank(text, "Sync")
    assert only_title(bank, sentence_opening(bank, lead_in[:8]))
    assert not only_title(bank, sentence_opening(bank, "| held"))
    ratio = _bank("Sync\n\nThe ratio is 3:1 in most cases: see below.\n", "Sync")
    assert not only_title(ratio, sentence_opening(ratio, "The ratio"))


def test_a_huge_heading_names_a_citation_cut_as_names_are() -> None:
    """A 100 KB heading in capitals over indented text was the citation's section whole (the
    JSON's and the Sources line's, 100,010 characters): it is cut as names are (visible.cut),
    in the label's one producer, so every output shows the same; a markdown heading's too."""
    from citeqa.visible import cut

    heading = "W" * 100_000
    page = PAGE.replace("EXIT STATUS\n", heading + "\n")
    document = Document(doc_id="huge", title="uniq", path="/h", text=page, sha256="0")
    last = chunk_document(document, size=120, overlap=0)[-1]
    section = citation_section(page, last, page.index("Zero on success"))
    assert section == cut(f"UNIQ(1) › {heading}")
    assert section is not None and len(section) < 200 and "(100,010 characters)" in section
    notes = "# " + "Details " * 20_000 + "\n\nIt counts the lines of a file.\n"
    plain = chunk_document(Document(doc_id="g", title="n", path="/g", text=notes, sha256="0"))
    markdown = citation_section(notes, plain[-1], notes.index("counts"))
    assert markdown is not None and len(markdown) < 200, "a markdown heading's too"
