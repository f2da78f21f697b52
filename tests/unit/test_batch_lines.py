"""`ask --jsonl` lines: a line that is not valid JSON is told what is wrong and where."""

from __future__ import annotations

import pytest

from citeqa.cli.ask_cmd import parse_batch_line
from citeqa.errors import BadQuestion


@pytest.mark.parametrize(
    ("line", "message"),
    [
        # the user trial read "line 1 is not valid JSON (Unterminated string starting at)"
        ('{"id":"a", "question": "x\n', "Unterminated string starting at column 24"),
        ('  {"id": "a" "question": "x"}\n', "Expecting ',' delimiter at column 14"),
        ('{"id": "a", "question": "x"} }\n', "Extra data at column 30"),
        # columns still count the blanks json itself would not skip
        ('\u00a0\u3000{"id": "a" "question": "x"}\n', "Expecting ',' delimiter at column 14"),
    ],
)
def test_a_line_that_is_not_json_says_what_is_wrong_and_at_which_column(line, message):
    with pytest.raises(BadQuestion) as refused:
        parse_batch_line(line, 1)
    assert str(refused.value) == f"line 1 is not valid JSON ({message})"


def test_a_plain_line_is_the_question_without_an_id_of_its_own():
    """Answered, it takes its line's number (`_batch_answer`); an error object, none."""
    assert parse_batch_line("  What is it?\n", 3) == (None, "What is it?")


@pytest.mark.parametrize("blank", ["\u00a0", "\u3000", "\f", "\t "])
def test_an_object_line_after_a_blank_json_does_not_skip_is_still_read(blank):
    line = blank + '{"id": "a", "question": "What is it?"}\n'
    assert parse_batch_line(line, 2) == ("a", "What is it?")


@pytest.mark.parametrize(
    "line",
    [
        # the s25 trial: a support macro's placeholder pasted stopped the batch with exit 10
        "{{ticket.requester.first_name}} cannot log in since 3.4.0, what should I reply?\n",
        "{ticket} status meaning?\n",
    ],
)
def test_a_line_opening_with_a_brace_but_no_key_is_a_plain_question(line):
    assert parse_batch_line(line, 4) == (None, line.strip())


@pytest.mark.parametrize("line", ["{\n", "{'id': 'a', 'question': 'x'}\n"])
def test_a_line_written_as_an_object_is_still_read_as_json(line):
    with pytest.raises(BadQuestion):
        parse_batch_line(line, 1)


def test_an_empty_object_is_an_object_without_a_question():
    assert parse_batch_line("{ }\n", 5) == (None, None)
