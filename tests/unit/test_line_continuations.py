"""A command continued by a backslash at the end of its line is one block and one sentence.

The s13 trial quoted "aws s3 presign s3://…/test2.txt \\" without its next line
"--expires-in 604800", the answer to "How do I make a presigned URL valid for one week?".
"""

from __future__ import annotations

import pytest

from citeqa.blocks import split_blocks
from citeqa.chunking import chunk_document
from citeqa.language import (
    LINE_REACH,
    _bare_pipe_beyond,
    ends_in_continuation,
    line_end,
    line_start,
    split_sentences,
    trim_span,
)
from citeqa.models import Document
from citeqa.tallies import document_sentences

COMMAND = "aws s3 presign s3://amzn-s3-demo-bucket/test2.txt \\\n        --expires-in 604800"
PRESIGN = (  # the awscli example file of the trial, abridged
    "**Example 2: To create a pre-signed URL with a custom lifetime**\n"
    "\n"
    "The following ``presign`` command generates a pre-signed URL for a specified bucket and "
    "key that is valid for one week. ::\n"
    "\n"
    f"    {COMMAND}\n"
    "\n"
    "Output::\n"
    "\n"
    "    https://amzn-s3-demo-bucket.s3.us-west-2.amazonaws.com/key?X-Amz-Expires=604800\n"
)


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def _indexed(text: str) -> list[str]:
    document = Document(doc_id="d", title="t", path="/d.rst", text=text, sha256="0", kind="rst")
    chunks = [(n, c.start, c.end) for n, c in enumerate(chunk_document(document))]
    return [text[start:end] for _, start, end in document_sentences(text, chunks, "rst")]


def test_a_continued_command_is_one_indexed_sentence() -> None:
    indexed = _indexed(PRESIGN)
    assert COMMAND in indexed
    assert "--expires-in 604800" not in indexed


@pytest.mark.parametrize(
    ("line", "continued"),
    [
        ("aws s3 presign s3://b/k \\", True),
        ("    --region eu-west-1 \\  ", True),  # blanks after it
        ("\\", True),
        ("a line break in LaTeX \\\\", False),
        ("the folder C:\\Temp\\", False),
        ("a sentence.", False),
        ("    aws ec2 create-ipam ^", True),  # Windows cmd
        ('        --description "Example description" ^  ', True),
        ("Get-ChildItem -Path C:\\Logs `", True),  # PowerShell
        ("                    ^", False),  # a compiler's caret under an error's column
        ("^", False),
        ("`", False),
        ("2^", False),
        ("echo `date`", False),
        ("It is done. ^", False),
    ],
)
def test_a_continuation_is_a_backslash_alone_or_after_a_blank(line: str, continued: bool) -> None:
    assert ends_in_continuation(line) is continued


WINDOWS = (  # the trial's awscli example, its Windows form
    "(Windows)::\n"
    "\n"
    "    aws ec2 create-ipam ^\n"
    '        --description "Example description" ^\n'
    "        --tag-specifications ResourceType=ipam,Tags=[{Key=Name,Value=ExampleIPAM}]\n"
    "\n"
    "PowerShell::\n"
    "\n"
    "    Get-ChildItem -Path C:\\Logs `\n"
    "        -Filter *.log | Remove-Item\n"
)


def test_cmd_and_powershell_continuations_run_on_like_a_backslash() -> None:
    """A cmd caret or a PowerShell backtick ending a command line left its options apart."""
    indexed = _indexed(WINDOWS)
    assert WINDOWS.split("\n\n")[1].strip() in indexed
    assert "Get-ChildItem -Path C:\\Logs `\n        -Filter *.log | Remove-Item" in indexed
    assert "--description" not in " ".join(s for s in indexed if s.startswith("--"))


def test_option_lines_that_look_like_table_rows_stay_in_their_command() -> None:
    """Two piped lines with two pipes each were a table of their own, cut from the command."""
    command = "aws s3 ls s3://bucket \\\n    | sort | uniq -c \\\n    | head -5 | cat"
    text = f"List it:\n\n{command}\n"
    blocks = [(text[block.start : block.end], block.kind) for block in split_blocks(text)]
    assert blocks == [("List it:", "text"), (command, "text")]  # a lead-in, no heading
    assert sentences(text) == ["List it:", command]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Copy it to C:\\Temp\\\nThen run it.", ["Copy it to C:\\Temp\\", "Then run it."]),
        ("Row one \\\\\nRow two", ["Row one \\\\", "Row two"]),
        ("make build \\\n# Deploy", ["make build \\", "# Deploy"]),  # a heading stays apart
        ("```\nmake \\\n```", ["```", "make \\", "```"]),  # so does a fence
    ],
)
def test_other_lines_ending_in_a_backslash_run_on_as_before(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


TABLE = "| op | meaning |\n|----|---------|\n| ** | power |\n| ^  | xor   |"
RUST = (  # rustc's diagnostic: the caret under a column, then a note at the gutter's indent
    "error[E0308]: mismatched types\n"
    "  |\n"
    '2 |     let x: i32 = "a";\n'
    "  |                  ^\n"
    "  = note: expected type `i32`, found `&str`"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The XOR operator in C is written as ^\nThe next sentence starts here.",
            ["The XOR operator in C is written as ^", "The next sentence starts here."],
        ),
        ("- item one ^\n- item two", ["- item one ^", "- item two"]),
        ("Keys to press:\n- Ctrl + `\n- Alt + F4", ["Keys to press:", "- Ctrl + `", "- Alt + F4"]),
        (RUST, RUST.split("\n")),  # each line of its own
    ],
    ids=["xor", "bullets", "keys", "rustc"],
)
def test_a_caret_or_backtick_in_prose_continues_no_line(text: str, expected: list[str]) -> None:
    """A caret or a backtick after a blank ran its line into the next at the same indent."""
    assert [sentence.strip() for sentence in sentences(text)] == [e.strip() for e in expected]


def test_a_table_under_a_caret_keeps_its_header_row() -> None:
    text = f"The power operator in the table below is ^\n{TABLE}"
    blocks = [(text[block.start : block.end], block.kind) for block in split_blocks(text)]
    assert blocks == [("The power operator in the table below is ^", "text"), (TABLE, "table")]
    assert sentences(text)[:2] == ["The power operator in the table below is ^", "| op | meaning |"]


def test_a_caret_continues_into_a_deeper_line_and_the_options_at_its_depth() -> None:
    """Unindented, as in a Markdown fence: the option lines under the command are deeper."""
    command = 'aws ec2 create-ipam ^\n    --description "x" ^\n    --region us-east-1'
    text = f"Run:\n\n{command}\n\nThen wait."
    assert sentences(text) == ["Run:", command, "Then wait."]
    assert [text[b.start : b.end] for b in split_blocks(text)] == ["Run:", command, "Then wait."]


PARAMETERS = (  # tqdm's README, abridged: numpydoc parameters as a Markdown list
    "* leave  : bool, optional  \n"
    "    If [default: True], keeps all traces of the progress bar\n"
    "    upon termination of iteration.\n"
    "    If ``None``, will leave only if ``position`` is ``0``.\n"
    "* maxinterval  : float, optional  \n"
    "    Maximum progress display update interval [default: 10] seconds.\n"
)


def test_a_definition_indented_under_its_term_is_one_sentence_with_it() -> None:
    """The s13 trial quoted "* leave : bool, optional" for "What does the leave parameter of
    tqdm do?": the parameter's name and its description were two sentences."""
    assert sentences(PARAMETERS) == [
        "* leave  : bool, optional  \n    If [default: True], keeps all traces of the progress"
        " bar\n    upon termination of iteration.",
        "If ``None``, will leave only if ``position`` is ``0``.",
        "* maxinterval  : float, optional  \n    Maximum progress display update interval"
        " [default: 10] seconds.",
    ]


@pytest.mark.parametrize("first", ["The", "the"])
def test_two_definitions_without_a_final_stop_stay_two_sentences(first: str) -> None:
    """Review of 7ed3d42, finding 4: a description with no final stop ran into the next
    parameter's name line, two definitions in one sentence."""
    text = f"x : int\n    {first} first value\ny : int\n    {first} second value\n"
    assert sentences(text) == [
        f"x : int\n    {first} first value",
        f"y : int\n    {first} second value",
    ]


def test_a_shallower_line_carries_on_a_line_ending_mid_sentence_or_a_wrapped_line() -> None:
    text = "x : int\n    The first value, and\ny the second"
    assert sentences(text) == [text]
    gpl = (  # the GPL's preamble: a paragraph's first line indented, then wrapped at column 0
        "  The licenses for most software and other practical works are designed\n"
        "to take away your freedom to share and change the works.  By contrast,\n"
        "the GNU General Public License is intended to guarantee your freedom.\n"
    )
    assert sentences(gpl)[0] == gpl[2 : gpl.index(".") + 1]
    short = "Source.\n\n  The Corresponding Source for a work is that\nsame work.\n"  # no full line
    assert sentences(short) == [
        "Source.",
        "The Corresponding Source for a work is that\nsame work.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Name  Value\n  Alpha 1\n  Beta 2", ["Name  Value", "Alpha 1", "Beta 2"]),  # a table
        ("Contents\n  1 Intro\n  2.1 Usage", ["Contents", "1 Intro", "2.1 Usage"]),  # a TOC
        ("-  `AWS CLI\n   Documentation`__", ["-  `AWS CLI\n   Documentation`__"]),  # an item
    ],
)
def test_a_table_header_or_a_contents_heading_defines_nothing(
    text: str, expected: list[str]
) -> None:
    """Review of 7ed3d42, finding 5: a column-aligned header joined its first row, a contents
    heading its first entry (numpydoc's "* leave  : bool" aligns its colon and still joins)."""
    assert sentences(text) == expected


def test_a_definition_may_be_indented_by_a_tab() -> None:
    assert sentences("leave : bool\n\tKeeps the bar") == ["leave : bool\n\tKeeps the bar"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Options\n\n    --fast  Skip checks", ["Options", "--fast  Skip checks"]),  # a blank line
        ("    Indented opening\nThen the text", ["Indented opening", "Then the text"]),
        ("Usage: run it.\n    Then stop.", ["Usage: run it.", "Then stop."]),  # an ended line
        ("* one\n    * two", ["* one", "* two"]),  # a nested item is an item of its own
        ("ALLAN D. KIRK\n DAVID M. HARLAN", ["ALLAN D. KIRK", "DAVID M. HARLAN"]),  # one blank
        ('{\n    "Name": "locale"', ["{", '"Name": "locale"']),  # JSON opening a block
        ("{%- else -%}\n    `{{ name }}`", ["{%- else -%}", "`{{ name }}`"]),  # a template
    ],
)
def test_lines_not_indented_under_an_open_line_stay_apart(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


PYDOC = (  # pydoc's page of a class, as the s15 trial indexed 10,185 of them (abridged)
    "class LGBMClassifier(LGBMModel)\n"
    " |  LGBMClassifier(*, num_leaves: int = 31, objective: 'str | None' = None)\n"
    " |  \n"
    " |  Parameters\n"
    " |  ----------\n"
    " |  boosting_type : str, optional (default='gbdt')\n"
    " |      'dart', Dropouts meet Multiple Additive Regression Trees.\n"
    " |      'rf', Random Forest.\n"
    " |  num_leaves : int, optional (default=31)\n"
    " |      Maximum tree leaves for base learners.\n"
)


def test_a_pipe_margin_is_read_as_a_margin() -> None:
    """Behind pydoc's " |  " column, a definition runs on from its term as without the column,
    a margin alone ends its paragraph, the margin's first line opens a block (the class line
    does not run into the signature under it), and no sentence opens on the margin's pipe; the
    quote of "num_leaves" was the lines above it, 'dart' and 'rf', then the term."""
    found = sentences(PYDOC)
    assert (
        "num_leaves : int, optional (default=31)\n |      Maximum tree leaves for base learners."
        in found
    )
    assert "'rf', Random Forest." in found
    assert "class LGBMClassifier(LGBMModel)" in found  # the margin's first line opens a block
    assert not [sentence for sentence in found if sentence.startswith("|")]
    assert "|" not in _indexed(PYDOC)


@pytest.mark.parametrize(
    "table",
    [
        "| Model | F1 |\n|---|---|\n| Random forest | 0.81 |\n| Boosting | 0.84 |",
        "| Model | F1 |\n| Random forest | 0.81 |\n| Boosting | 0.84 |",
    ],
)
def test_a_markdown_tables_border_is_no_margin(table: str) -> None:
    assert sentences(table) == table.splitlines()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a pipeline whose lines open with its pipes, each carried by the "\" above
            "Run this:\n\n    cat access.log \\\n      | grep 404 \\\n      | sort | uniq -c\n",
            ["Run this:", "cat access.log \\\n      | grep 404 \\\n      | sort | uniq -c"],
        ),
        ("type S =\n  | Circle\n  | Square;", ["type S =", "| Circle", "| Square;"]),  # a union
        (  # OCaml's match arms
            "let f = function\n  | A -> 1\n  | B -> 2",
            ["let f = function\n  | A -> 1", "| B -> 2"],
        ),
    ],
)
def test_pipes_opening_code_lines_are_no_margin(text: str, expected: list[str]) -> None:
    """The s15 review: a pipeline was cut after 'cat access.log \\' and lost its '|', a union
    quoted 'Circle' for '| Circle': a line carried on from the line above, or a column of "|"
    without a bare "|" line (pydoc's blank), is no margin."""
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "table",
    [
        "| fruit\n|---\n| apple\n| banana\n| cherry",  # one column, no closing pipes
        "|\n| a | b |\n|---|---|\n| 1 | 2 |",  # a line holding only '|' above a framed table
        "|\n| a | b |\n| 1 | 2 |",
    ],
)
def test_a_tables_border_next_to_a_bare_pipe_or_a_separator_is_no_margin(table: str) -> None:
    assert not [s for s in sentences(table) if not s.startswith("|")]


def test_a_range_inside_pydocs_margin_reads_it_as_the_whole_text_does() -> None:
    """A chunk in a long run of pydoc's margin without a bare "|" line near it: the column is
    followed past the lines judged to the bare line, so the chunk's lines are cut as the whole
    page's are."""
    page = PYDOC + "".join(f" |  p{n} : int\n |      Value number {n}.\n" for n in range(30))
    start = page.index(" |  p20 :")
    end = page.index(" |  p24 :")
    whole = [span for span in split_sentences(page) if start <= span[0] and span[1] <= end]
    assert split_sentences(page, start, end) == whole
    assert all(page[a] != "|" for a, _ in whole)


def test_a_range_inside_a_long_line_is_cut_as_the_whole_text_is() -> None:
    """A line of thousands of characters is judged from its head and tail: a chunk inside it
    cuts the sentences the whole text does (its own, and the wrapped line's above it)."""
    long = " ".join(f"word{n} follows. Then" for n in range(2000))
    text = "A first short line\n" + long + "\n| tail\nend"
    for start, end in [(1000, 3000), (19, 40000), (30000, len(text))]:
        whole = [
            (max(a, start), min(b, end)) for a, b in split_sentences(text) if a < end and b > start
        ]
        assert split_sentences(text, start, end) == [trim_span(text, *s) for s in whole]


def test_a_bare_pipe_of_another_column_past_a_range_makes_no_margin() -> None:
    """A column of "|" without a bare line is no margin; a bare "|" further on, at another
    column, belongs to another column, so a range inside the first reads it as the whole
    text does."""
    page = "Items:\n" + "".join(f" | item {n}\n" for n in range(10)) + "   |\n   | z\n"
    start, end = page.index(" | item 4"), page.index(" | item 7")
    whole = [span for span in split_sentences(page) if start <= span[0] and span[1] <= end]
    assert split_sentences(page, start, end) == whole
    assert all(page[a] == "|" for a, _ in whole)


def test_pydocs_signature_with_a_union_repeated_under_a_bare_line_is_behind_its_margin() -> None:
    """scipy's MetricInfo page: the signature writes "Callable | None" and its docstring repeats
    it under a bare " |  " line; the column holds a single-pipe line further down, so both are
    behind the margin (the mended rule first read them with their pipe)."""
    signature = " |  MetricInfo(name: str, validator: Callable | None = None) -> None\n"
    page = "class MetricInfo(builtins.object)\n" + signature + " |  \n" + signature
    page += " |  \n |  Methods defined here:\n |  \n |  __eq__(self, other)\n"
    assert not [sentence for sentence in sentences(page) if sentence.startswith("|")]


def test_a_range_deep_inside_a_line_longer_than_the_reach_is_cut_as_the_whole_text_is() -> None:
    """A line longer than LINE_REACH: its start and end are looked for only that far from a
    range, and a range deep inside it still cuts the sentences the whole text does."""
    long = " ".join(f"Item {n} is stored." for n in range(12_000))
    text = "| head\n" + long + "\nend"
    start, end = text.index("Item 6000 "), text.index("Item 6100 ")
    whole = [span for span in split_sentences(text) if start <= span[0] and span[1] <= end]
    assert split_sentences(text, start, end) == whole


def test_a_lines_start_and_end_are_looked_for_within_the_reach_given() -> None:
    """The final read of s15: language kept bounded copies of line_start and line_end for
    _lines_around; the two take an optional reach, unbounded without it (tables._line_at)."""
    text = "head\r\n" + "a" * 100 + "\rtail"
    at = text.index("a") + 50
    assert (line_start(text, at), line_end(text, at)) == (6, 106)
    assert (line_start(text, at, 20), line_end(text, at, 20)) == (at - 20, at + 20)
    assert (line_start(text, at, 60), line_end(text, at, 60)) == (6, 106)
    assert line_start(text, 3, 20) == 0 and line_end(text, len(text) - 2, 20) == len(text)


def test_a_margin_column_is_followed_no_further_than_a_line_longer_than_the_reach() -> None:
    """The final read of s15: following a pipe margin's column to a bare "|" line searched each
    line's break through the whole text (quadratic next to a very long line); a line's break is
    now looked for at most LINE_REACH away, and a longer line ends the column, above or below."""
    short = " |\n |  y\n |  sig\n"
    assert _bare_pipe_beyond(short, short.index(" |  sig"), -1, 2)
    up = " |\n |  " + "y" * (LINE_REACH + 10) + "\n |  sig\n"
    assert not _bare_pipe_beyond(up, up.index(" |  sig"), -1, 2)
    down = " |  sig\n |  " + "y" * (LINE_REACH + 10) + "\n |\n"
    assert not _bare_pipe_beyond(down, down.index("\n"), 1, 2)
    assert _bare_pipe_beyond(" |  sig\n |  y\n |\n", 7, 1, 2)
