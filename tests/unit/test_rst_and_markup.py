"""reStructuredText is read verbatim, and the light markup of .rst, .md and .txt files is read
as markup: an underlined title is a heading (its underline no text), a code fence or an
underline is no sentence and no quote runs across one (session 13 trial, bugs 3 and "Markup
quoted as text")."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.blocks import headings, split_blocks
from citeqa.chunking import chunk_document
from citeqa.corpus import read_corpus
from citeqa.language import is_bullet, split_sentences
from citeqa.markup import (
    LIST_MARKER,
    front_matter_chars,
    indent_width,
    is_directive,
    is_fence,
    is_link_line,
    is_markup_line,
    is_no_text,
    is_rst_comment,
    rst_comment_spans,
    underlines,
)
from citeqa.models import Chunk, Document, Hit, Sentence
from citeqa.quoting import quote_spans
from citeqa.readers import reader_for, reader_versions
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.tallies import document_sentences

RST = (
    "=========\n"
    "Overview\n"
    "=========\n"
    "\n"
    "The tool copies files. It keeps their dates.\n"
    "\n"
    "Parameters\n"
    "~~~~~~~~~~\n"
    "* source : a folder, required\n"
    "\n"
    ".. note::\n"
    "\n"
    "    Dates are kept only on Linux.\n"
    "\n"
    ".. code-block:: shell\n"
    "\n"
    "    copy --keep-dates a b\n"
)


def test_an_rst_file_is_read_verbatim_and_its_underlined_titles_are_headings(
    tmp_path: Path,
) -> None:
    (tmp_path / "guide.rst").write_bytes(RST.replace("\n", "\r\n").encode())
    (document,) = read_corpus(tmp_path).documents
    assert document.kind == "rst"
    assert document.text == RST.replace("\n", "\r\n")  # byte for byte: offsets are exact
    assert document.title == "Overview"  # the overline is passed over
    assert headings(document.text) == ["Overview", "Parameters"]


def test_an_underline_is_no_text_of_the_next_lines() -> None:
    text = "Parameters\n~~~~~~~~~~\n* iterable : iterable, optional\n"
    kinds = [(block.kind, text[block.start : block.end]) for block in split_blocks(text)]
    assert kinds == [
        ("heading", "Parameters\n~~~~~~~~~~"),
        ("list", "* iterable : iterable, optional"),
    ]


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Install\n=======\n\nRun the installer first.\n", "Install"),  # RST, setext
        ("Usage\n---\n\nRun it with care, always.\n", "Usage"),  # half its length will do
        ("####\nNews\n####\n\nThe new version is out now.\n", "News"),  # over and under
    ],
)
def test_titles_over_underlines_are_headings(text: str, heading: str) -> None:
    assert headings(text) == [heading]


@pytest.mark.parametrize(
    "text",
    [
        "A line of a paragraph\nthen its last line\n----------\n\nMore.\n",  # not its first
        "A long title line of forty characters..\n---\n\nBody text goes here.\n",  # too short
        "====\nNews\n----\n\nThe new version is out now.\n",  # over and under differ
    ],
)
def test_other_lines_over_adornments_are_no_headings(text: str) -> None:
    assert headings(text) == []


def test_markup_lines_are_told_apart_from_text() -> None:
    assert underlines("Parameters", "~~~~~~~~~~") and underlines("Parameters", "=====")
    assert not underlines("Parameters", "~~~~") and not underlines("~~~~", "~~~~")
    assert is_fence("```shell") and is_fence("~~~") and not is_fence("``code``")
    assert is_directive(".. code-block:: python") and is_directive(".. |PyPI| image:: x.svg")
    assert is_directive(".. _install: https://example.org/install")
    assert not is_directive(".. note:: Back up first.")  # prose on its line stays text
    assert is_rst_comment(".. This data file has been placed in the public domain.")
    assert not is_rst_comment(".. note::") and not is_rst_comment("... and so on")
    assert not is_markup_line("| --- | --- |") and not is_markup_line("Total: 3")


def test_a_code_fence_carries_no_sentence_on_and_is_no_indexed_sentence() -> None:
    text = "Install it:\n\n```python\nimport httpx\n```\n"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["Install it:", "```python", "import httpx", "```"]
    document = Document(doc_id="d", title="t", path="/d.md", text=text, sha256="0", kind="md")
    chunks = [(n, c.start, c.end) for n, c in enumerate(chunk_document(document))]
    rows = document_sentences(text, chunks, document.kind).tolist()
    assert [text[start:end] for _, start, end in rows] == ["Install it:", "import httpx"]


def _quoted(text: str, cuts: list[tuple[int, int]], index: int) -> str:
    """The quote of sentence `index` of a one-chunk document cut into `cuts`."""
    doc = Document(doc_id="d", title="d", path="/d.txt", text=text, sha256="0")
    chunk = Chunk(chunk_id="d:0", doc_id="d", start=0, end=len(text), text=text)
    sentences = [Sentence(doc_id="d", chunk_index=0, start=a, end=b) for a, b in cuts]
    bank = SentenceBank({"d": doc}, [chunk], sentences, None, [frozenset() for _ in cuts])
    item = ScoredSentence(index, 1.0, 0.0, 0.0, 0.0, 1)
    spans = quote_spans([item], bank, [Hit(chunk=chunk, chunk_index=0, score=1.0)])
    return " | ".join(text[s.start : s.end] for s in spans)


def test_a_short_quote_takes_no_label_across_an_underline_or_a_fence() -> None:
    text = "Parameters\n~~~~~~~~~~\n* leave : bool\n"
    assert _quoted(text, [(0, 10), (22, 36)], 1) == "* leave : bool"
    text = "Install\n```shell\n$ pip install httpx[http2]\n```\n"
    assert _quoted(text, [(0, 7), (17, 43)], 1) == "$ pip install httpx[http2]"


def test_markup_changes_bumped_the_text_readers_versions() -> None:
    """An index built by the version-1 text readers (titles from the first line) is stale, and
    so is one built before they read a mail as its messages (version 4, mailthreads.py), or
    before they kept its headers and signature (version 5), or its From and Date lines, whole
    display names and lines ending "wrote:" that are no attribution (version 6); a .txt file
    is read again since it reads a transcript as its turns (version 7, transcripts.py), and both
    since a deck opening with "Slide 1" is titled by its first slide's title (.txt 8, .md 7),
    as are a .rst file (3) and a .html page without a <title> (11), which title it alike; both
    keep a mail's "Re:" subject since it marks a reply (.txt 9, .md 8); a .html
    page is read again since its headings are markdown headings and its chrome is left out (12).
    Every reader of a decoded format is read again since a non-UTF-8 line of a UTF-8 file, a
    stray NUL byte and binary content after the first 8 KB read otherwise (textdecoding.py:
    .txt 10, .md 9, .rst 4, .csv and .tsv 4, .vtt and .srt 2); a .html page since a block by a
    button is chrome by its phrases only and a cell's "|" escaped (14), by that decoding (15),
    and since a statement beside a button is never chrome (16), and since a documentation
    site's furniture is left out (17); every one again since a file with CR line ends is
    decoded line by line (textdecoding.VERSION 2: .txt 11, .md 10, .rst 5, .html 19 with a
    cookie banner's message in a closed `<p>` left out, .csv and .tsv 5, .vtt and .srt 3);
    each once more since a UTF-16 file's stray byte is replaced, not the file skipped
    (textdecoding.VERSION 3), and since a short cp1252 file is no longer guessed an East Asian
    code page (4), and since random bytes behind a UTF-16 mark are binary (5); a .txt file again
    since a transcript in it is of the transcript's kind, for the speaker filter (15), and a .html
    page since an element whose id names a breadcrumb trail is left out (23); a .md file since
    its title passes over HTML tags, MyST targets and fenced blocks (14), a .html page since an
    ordered list's items keep their numbers (24); every one once more since a Cyrillic code
    page is chosen by how its text reads (textdecoding.VERSION 6); a .html page since a page
    tree that is most of a page is left out (26); a .md file since only known HTML tags are
    dropped from its title, "Vec<T>" kept (16), a .html page since an item's `value` and a
    reversed list number its items (27), and since an unclosed comment ending it is dropped
    and a "<![" naming no section is text (28), and since a list's `start` and `value` are read
    by HTML's integer rules, held to 32 bits (29); a .csv/.tsv file since a doubled quote inside
    a quoted field is a quote (10), a backslash escapes a quote only before text (11) and any
    other backslash is kept (12); every one once more since East Asian UTF-16 without its mark
    is read (textdecoding.VERSION 7); a .md and a .txt file since a mail's section label writes
    its day in the language of its message (18); a .md, a .txt and a .rst file since a derived
    title is no longer cut at an abbreviation's period (19, 19, 11); a .md and a .txt file since
    a table aligned with spaces has a tab at each gap between its columns (20, 20); a .csv/.tsv
    file since a record wider than its header has the fields a decimal comma cut joined (14);
    every one once more since a file whose lines end in CR alone has them read as LF
    (textdecoding.VERSION 8)."""
    assert reader_for(".rst") is not None
    versions = reader_versions()
    assert (versions[".md"], versions[".txt"], versions[".rst"], versions[".html"]) == (
        21,
        21,
        12,
        31,
    )
    assert (versions[".csv"], versions[".tsv"], versions[".vtt"], versions[".srt"]) == (
        15,
        15,
        9,
        9,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Usage:\n```\npip install x\n```\n",  # a backtick fence is no underline
        "Run:\n~~~\nmake all\n~~~\n",  # nor a tilde fence
        "Run\n~~~\nmake all\n~~~\n",  # closed by a later line of its paragraph
        "```\nmake\n```\n",  # nor an over- and underline
        "~~~~\nmake\n~~~~\n",
        "Wait\n...\n",  # an ellipsis
        ">>> x\n>>>\n",  # a prompt
        'a docstring\n"""\n',
        "a docstring\n'''\n",
        "int x;\n///\n",
        "Note\n:::\n",  # a fenced div
    ],
)
def test_code_prompts_and_quotes_over_punctuation_lines_are_no_headings(text: str) -> None:
    assert headings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Drug         Dose\n-----------------\nAspirin      100 mg\n",  # a table's header row
        "Drug\tDose\n---------\nAspirin\t100 mg\n",
        "Total   42\n=====\n",
        "1.  Drug    Dose\n----------------\n",  # a numbered row is a row
        "12   Aspirin\n------------\n",  # a number is a cell, no enumerator
        "---\nid: 12\n---\n\nThe body of the note.\n",  # YAML front matter with one key
        "---\nid: 12\n\nkey: 3\n---\n\nThe body of the note.\n",  # with a blank line in it
        "The dose was raised after the second week.\n------------------------------------------\n",
        "Results.\n========\n",
    ],
)
def test_table_rows_front_matter_and_sentences_over_rules_are_no_headings(text: str) -> None:
    assert headings(text) == []


def test_a_table_header_over_its_rule_stays_text() -> None:
    text = "Drug         Dose\n-----------------\nAspirin      100 mg\n"
    assert [block.kind for block in split_blocks(text)] == ["text"]


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("What is new?\n============\n\nThe new version is out now.\n", "What is new?"),
        ("Notes\n^^^^^\n\nKeep them short.\n", "Notes"),
        ("1.  Scope\n=========\n\nThis policy covers staff.\n", "1. Scope"),  # a typed gap
        ("IV.  Fees\n---------\n\nFees are due monthly.\n", "IV. Fees"),
        ("2.1  Site\n---------\n\nThe site is in Lyon.\n", "2.1 Site"),
        ("Constructs:\n-----------\n\nThey are pickled by value.\n", "Constructs:"),
        ("User Guide\n..........\n\nRead it first, please.\n", "User Guide"),  # RST's quiet
        ("Preparation\n'''''''''''\n\nInstall it first, please.\n", "Preparation"),  # ones
        ('Unit tests\n""""""""""\n\nRun them all, always.\n', "Unit tests"),
        ("---\ntitle: A\n---\n\nInstall\n=======\n\nRun the installer first.\n", "Install"),
    ],
)
def test_section_titles_stay_headings(text: str, heading: str) -> None:
    assert headings(text) == [heading]


def test_rst_underlines_and_overlines_are_as_long_as_their_title() -> None:
    assert underlines("Parameters", "=====")  # Markdown setext: any length
    assert not underlines("Parameters", "^^^^^^^^^") and underlines("Parameters", "^" * 10)
    assert headings("###\nNews\n####\n\nThe new version is out now.\n") == []
    assert not underlines("User Guide", ".........") and not underlines("Go", "...")


def test_a_directive_with_prose_on_its_line_keeps_that_prose() -> None:
    assert not is_directive(".. warning:: Irreversible.")
    assert not is_markup_line(".. warning:: Irreversible.")
    assert is_directive(".. warning:: irreversible") and is_directive(".. image:: logo.png")
    assert is_directive(".. _install: https://example.org/install/")


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("---\nid: 1\n---\nBody.\n", len("---\nid: 1\n---")),
        ("---\r\nid: 1\r\n...\r\n\r\nBody.\r\n", len("---\r\nid: 1\r\n...\r")),
        ("---\nid: 1\n", 0),  # never closed: a rule
        ("--- a rule with words\nid: 1\n---\n", 0),
    ],
)
def test_front_matter_is_measured_to_its_closing_line(text: str, length: int) -> None:
    assert front_matter_chars(text) == length


COMMENTED = (
    "Guide\n"
    "=====\n"
    "\n"
    ".. This data file has been placed in the public domain.\n"
    "\n"
    "The tool copies files.\n"
    "\n"
    ".. A comment over two lines\n"
    "   that the page never shows.\n"
    "\n"
    ".. note:: Back up first.\n"
    "\n"
    ".. note::\n"
    "\n"
    "   Dates are kept only on Linux.\n"
    "\n"
    "..\n"
    "   A comment opened by a bare marker.\n"
    "\n"
    "..\n"
    "\n"
    "   A block quote after an empty marker.\n"
    "\n"
    ".. [1] A footnote the page shows.\n"
    "\n"
    "    .. An indented comment.\n"
    "    Its paragraph's next line is no part of it.\n"
)


def _indexed(text: str, kind: str = "rst") -> list[str]:
    document = Document(doc_id="d", title="t", path=f"/d.{kind}", text=text, sha256="0", kind=kind)
    chunks = [(n, c.start, c.end) for n, c in enumerate(chunk_document(document))]
    return [text[start:end] for _, start, end in document_sentences(text, chunks, kind).tolist()]


def test_rst_comments_are_no_indexed_sentences_and_the_rest_keeps_its_offsets() -> None:
    """Session 13 readers: ".. this is a comment" blocks and their indented bodies were indexed
    and quotable, though a reader of the rendered page never sees them."""
    indexed = _indexed(COMMENTED)
    assert not any("comment" in sentence for sentence in indexed), indexed
    assert not any("public domain" in sentence for sentence in indexed)
    kept = [
        "Guide",
        "The tool copies files.",
        ".. note:: Back up first.",
        "Dates are kept only on Linux.",
        "A block quote after an empty marker.",
        "[1] A footnote the page shows.",
        "Its paragraph's next line is no part of it.",
    ]
    assert indexed == kept
    document = Document(doc_id="d", title="t", path="/d.rst", text=COMMENTED, sha256="0")
    chunks = [(n, c.start, c.end) for n, c in enumerate(chunk_document(document))]
    rows = document_sentences(COMMENTED, chunks, "rst").tolist()
    spans = [(start, end) for _, start, end in rows]
    assert spans == [(COMMENTED.index(s), COMMENTED.index(s) + len(s)) for s in kept]
    assert _indexed(COMMENTED.replace("\n", "\r\n")) == kept  # CRLF: a bare ".." too
    opening = COMMENTED.index(".. This")
    assert rst_comment_spans(COMMENTED)[0] == (opening, COMMENTED.index("\n", opening))


def test_prose_is_indented_by_any_blank_and_rst_by_spaces() -> None:
    """One measure of a line's indent (markup.indent_width) for prose and RST: tabs to the
    next multiple of 8; a no-break space indents prose (language.py) but ends an RST comment's
    body, as docutils reads it ("unexpected unindent")."""
    assert indent_width("\tx") == indent_width("\tx", " ") == 8
    assert indent_width("  \tx") == 8 and indent_width("   x") == 3
    assert indent_width("\u00a0 x") == 2
    assert indent_width("\u00a0 x", " ") == 0
    text = ".. a comment\n   its body\n\u00a0 a paragraph\n"
    assert rst_comment_spans(text) == [(0, text.index("\n\u00a0"))]


@pytest.mark.parametrize("mark", ["-", "•", "*", "–", "▪", "◦", "·", "‣", "1.", "12)"])
def test_a_bullet_is_a_list_marker(mark: str) -> None:
    """One list-marker pattern (markup.list_marker) for is_bullet and LIST_MARKER."""
    line = f"  {mark}  item"
    assert is_bullet(line)
    found = LIST_MARKER.match(line)
    assert found is not None and found.group() == f"  {mark}  "


def test_a_plus_is_a_markdown_list_marker_only() -> None:
    assert LIST_MARKER.match("+ item") is not None
    assert not is_bullet("+ item")
    assert not is_bullet("1234. item") and not is_bullet("-item") and not is_bullet("- ")


NOT_RST = (  # plain text whose lines happen to open with ".." and are indented under it
    "Paths to try:\n"
    "\n"
    ".. not rst, the parent folder\n"
    "   holds the settings file.\n"
    "\n"
    "..\n"
    "   Two dots alone stand for the parent folder.\n"
)


@pytest.mark.parametrize("kind", ["txt", "md"])
def test_a_text_or_markdown_file_keeps_its_lines_under_two_dots(kind: str) -> None:
    """RST comments were dropped from every kind of document: a .txt's ".. not rst" paragraph
    and the lines indented under a bare ".." were no indexed sentence."""
    indexed = _indexed(NOT_RST, kind)
    assert ".. not rst, the parent folder\n   holds the settings file." in indexed
    assert "Two dots alone stand for the parent folder." in indexed
    assert "Two dots alone stand for the parent folder." not in _indexed(NOT_RST, "rst")


@pytest.mark.parametrize(
    "line",
    [
        "![Rich CLI](https://raw.githubusercontent.com/Textualize/rich-cli/main/imgs/splash.jpg)",
        "[![PyPI](https://img.shields.io/pypi/v/rich.svg)](https://pypi.org/project/rich/)"
        " [![CI](https://x.org/ci.svg)](https://x.org/ci)",
        "[Docs](https://example.org/docs) | [Source](https://example.org/src)",
        "- [Docs](https://example.org/docs) · [Source](https://example.org/src)",
        "* [![PyPI](https://img.shields.io/pypi/v/rich.svg)](https://pypi.org/project/rich/)",
        "+ ![logo](logo.png)",
        "1. [Docs](https://example.org/docs), [Source](https://example.org/src)",
        "![logo](x.png)\r\n",  # a CRLF line as markup_between splits it
        "[Get started](https://example.org/start) |",  # one link of a navigation over lines
        "- [Getting Started](#getting-started)",  # a table of contents' entry: an anchor
        '<p align="center"><img src="logo.png" alt="logo"></p>',
        "|PyPI| |Build|_",
    ],
)
def test_a_line_of_images_or_links_alone_is_no_text(line: str) -> None:
    assert is_link_line(line) and is_no_text(line)
    assert not is_markup_line(line)  # titles (titles.py) still read it as before


@pytest.mark.parametrize(
    "line",
    [
        "See [Rich CLI](https://github.com/textualize/rich-cli) for a command line application.",
        "License: [MIT](https://opensource.org/licenses/MIT)",
        "<b>Warning</b>: back up first",
        "| Cotisations | 1 560 € | 1 650 € |",
        "|a|b|c|",
        "[default: 10] seconds",
        "<https://doi.org/10.1038/s41591-024-02964-1>",  # an autolink: a reference's address
        "[MIT](LICENSE)",  # one text link alone: its words may be the answer
        "- [Advanced Usage](https://example.org/advanced/)",
        "[contributing guide](CONTRIBUTING.md)\r\n",
        "[dataclass](https://github.com/ijl/orjson#dataclass),",  # a wrapped list's item
    ],
)
def test_a_line_with_words_besides_its_links_is_text(line: str) -> None:
    assert not is_link_line(line)


def test_a_licence_given_as_a_lone_text_link_is_indexed() -> None:
    """Review of 7ed3d42, finding 2: "[MIT](LICENSE)" under "## License" was no sentence."""
    assert _indexed("## License\n\n[MIT](LICENSE)\n", "md") == ["## License", "[MIT](LICENSE)"]


def test_a_link_line_inside_wrapped_prose_stays_in_its_sentence() -> None:
    """Review of 7ed3d42, finding 1: the link line was dropped and the sentence cut in three."""
    text = (
        "Please read our\n[contributing guide](CONTRIBUTING.md)\nbefore opening a pull request.\n"
    )
    assert _indexed(text, "md") == [text.strip()]
    tokens = "[PAD]\n[unused0]\n[github-ci]: https://x.org/ci\n[github-link]: https://x.org\n"
    assert _indexed(tokens, "txt") == tokens.split("\n")[:4]  # no link: each line apart


def test_an_image_line_inside_wrapped_prose_stays_in_its_sentence() -> None:
    """An image alone on a line of a hard-wrapped sentence (an icon named in a how-to) cut it
    in two (evals/README.md, session 14: left); an image between sentences is none of them."""
    text = "Click the\n![save icon](save.png)\nbutton to keep your changes.\n"
    assert _indexed(text, "md") == [text.strip()]
    apart = "Save it first.\n![save icon](save.png)\nThe next step is export.\n"
    assert _indexed(apart, "md") == ["Save it first.", "The next step is export."]
    banner = "Click the\n![logo](x.png) ![ci](ci.svg)\nbutton to keep your changes.\n"
    assert _indexed(banner, "md") == ["Click the", "button to keep your changes."]  # no icon


def test_no_quote_runs_across_an_image_line_of_a_crlf_text() -> None:
    """Review of 7ed3d42, finding 3: markup_between's lines kept their "\r", so a CRLF text's
    image line was no link line and a quote ran across the banner."""
    text = "First sentence here.\r\n![logo](x.png)\r\nSecond sentence here.\r\n"
    second = text.index("Second")
    assert _quoted(text, [(0, 20), (second, second + 21)], 1) == "Second sentence here."
    assert _quoted(text.replace("\r\n", "\n"), [(0, 20), (second - 2, second + 19)], 1) == (
        "Second sentence here."
    )


def test_an_image_line_is_no_indexed_sentence_and_no_quote_runs_across_it() -> None:
    """The s13 trial answered "What licence is rich under?" with the image line
    "![Rich CLI](https://…/rich-cli-splash.jpg)"."""
    text = "Rich CLI\n\n![Rich CLI](https://x.org/splash.jpg)\nMIT licence\n"
    document = Document(doc_id="d", title="t", path="/d.md", text=text, sha256="0")
    chunks = [(n, c.start, c.end) for n, c in enumerate(chunk_document(document))]
    rows = document_sentences(text, chunks, "md").tolist()
    assert [text[start:end] for _, start, end in rows] == ["Rich CLI", "MIT licence"]
    mit = text.index("MIT")
    assert _quoted(text, [(0, 8), (mit, mit + 11)], 1) == "MIT licence"  # no label taken above


INSTALL = (  # bm25s's README, abridged
    "## Installation\n"
    "\n"
    "```bash\n"
    "# HIGHLY RECOMMENDED: To install all core dependencies\n"
    'pip install "bm25s[core]"\n'
    "\n"
    "# If you just want to use stemming for better results, you can install a stemmer\n"
    "pip install PyStemmer\n"
    "```\n"
    "\n"
    "## Quickstart\n"
    "\n"
    "Import it.\n"
)


def test_a_comment_inside_a_code_fence_is_no_heading() -> None:
    """The s13 trial's "§HIGHLY RECOMMENDED: To install all core dependencies" section was a
    shell comment in a fence, which cut "pip install PyStemmer" from its comment."""
    assert headings(INSTALL) == ["Installation", "Quickstart"]
    assert headings("```\n# one\n```\n# Two\n\nText here.\n") == ["Two"]  # after the fence


def test_an_unclosed_or_tilde_fence_hides_no_heading() -> None:
    assert headings("```bash\n# Usage\n\nRun it now please.\n") == ["Usage"]  # never closed
    text = "Parameters\n~~~~~~~~~~\n\n# Returns\n\nA value.\n\nNotes\n~~~~~\n\nNone.\n"
    assert headings(text) == ["Parameters", "Returns", "Notes"]


@pytest.mark.parametrize(
    "line",
    [
        '!!! note "Build cache"',
        "!!! warning",
        "??? tip 'More'",
        "???+ danger",
        ":::warning",
        ":::tip[Before you start]",
        "::: {.note}",
        ":::",
        "  !!! info",
    ],
)
def test_an_admonitions_opening_or_closing_line_is_markup(line: str) -> None:
    """Found by the session-21 user trial: a docs site's quotes opened with '!!! note' and ran
    across ':::warning'."""
    assert is_markup_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "!!! Important: read this.",
        "Note: the cache is kept.",
        "?? what",
        "::",
        "::: The staging server restarts every night at 2am.",  # the s21 review
    ],
)
def test_prose_opening_with_marks_is_no_admonition(line: str) -> None:
    assert not is_markup_line(line)


def test_a_sentence_inside_an_admonition_stands_alone() -> None:
    text = (
        "Run the deploy.\n\n"
        '!!! note "Build cache"\n'
        "    The build cache is kept for 7 days.\n\n"
        ":::warning\nDeploys time out after 15 minutes.\n:::\n"
    )
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert "The build cache is kept for 7 days." in sentences
    assert "Deploys time out after 15 minutes." in sentences
