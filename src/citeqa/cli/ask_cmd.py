"""`citeqa ask`: one question (readable text or the Answer JSON) or a JSONL batch from stdin."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from citeqa.cli.app import USAGE, app, examples, fail
from citeqa.cli.common import (
    CorpusOption,
    IndexOption,
    StoreOption,
    open_for_questions,
    settings_for,
    warn,
)
from citeqa.errors import BadQuestion, CiteqaError, limit_message
from citeqa.readable import is_markdown, preview_text, readable_lines, source_name
from citeqa.visible import clean, cut, one_line, shown, to_json

if TYPE_CHECKING:
    from rich.text import Text

    from citeqa.api import Assistant
    from citeqa.models import Answer

BOM = "\ufeff"
"""The byte order mark some editors (Notepad) put at the start of a UTF-8 file: not text."""


@app.command(
    "ask",
    epilog=examples(
        'citeqa ask "Quel est le principal résultat de l’essai ?"',
        'citeqa ask "Who leads the project?" --json --k 3',
        "citeqa ask --jsonl < questions.txt > answers.jsonl",
    ),
)
def ask(
    question: Annotated[
        str | None, typer.Argument(help="The question, in English or French.")
    ] = None,
    k: Annotated[
        int | None, typer.Option("--k", min=1, max=100, help="Passages to retrieve.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the Answer JSON.")] = False,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="Answer a batch: one question per stdin line.")
    ] = False,
    corpus: CorpusOption = None,
    index: IndexOption = None,
    store: StoreOption = None,
) -> None:
    """Answer a question with verbatim quotes and citations (or say the documents do not)."""
    if jsonl == (question is not None):
        raise fail("give a question, or --jsonl with questions on stdin (not both).", USAGE)
    settings = settings_for(corpus, index, store)
    if question is not None:  # reject an empty question before loading (or building) anything
        from citeqa.questions import clean_question

        clean_question(question, settings.max_question_chars)
    # each token set when first needed; a stale index, or channels other than the settings',
    # are said in each answer's warnings
    assistant = open_for_questions(settings, prefill=False, index_warnings=True)
    if jsonl:
        for notice in assistant.index_notices():  # once on stderr: then in each JSON line
            warn(notice)
        answer_batch(assistant, k)
        return
    answer = assistant.ask(question or "", k=k)
    for line in answer.warnings:
        warn(line)
    if as_json:
        print(to_json(answer.model_dump(mode="json"), indent=2))
    else:
        print_answer(answer, settings.caution_below)


BATCH_LINE_MAX = 16 * 1024 * 1024
"""The longest batch line read, in characters: a longer one gets an error object and the rest
of it is read and dropped piece by piece, so that a line of gigabytes with no newline cannot
take the memory (a 300 MB line took 726 MB; a question is used up to `max_question_chars`)."""


def answer_batch(assistant: Assistant, k: int | None) -> None:
    """One JSON answer per stdin line, in order (a line with nothing visible, blank or only
    format and control characters, gets a `skipped_line` object: a script pairing answers
    with its lines by order stays in step; s27 trial: 99 answers for 100 lines); a line that
    fails gives an error object and the batch goes on (bytes that are not UTF-8 become
    U+FFFD instead of ending the batch). When any line failed, an error at the end, saying
    how many: BadQuestion (exit code 10) when only questions were unusable, else the first
    unexpected error (a bug, or a process limit: raised again once every line is answered,
    so it is reported as it would be for one question), else the first other error (the
    index's, the models': its own exit code)."""
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")
    from citeqa.questions import visible_text

    failed: list[int] = []
    other: Exception | None = None
    for number, line in batch_lines(sys.stdin, BATCH_LINE_MAX):
        if number == 1 and line is not None:
            line = line.removeprefix(BOM)  # a file saved by Notepad: its first line is JSON too
        if line is not None and not visible_text(line):  # blank, or U+200E alone: no question
            print(to_json(skipped_line(number)), flush=True)
            continue
        result, error = _batch_answer(assistant, line, number, k)
        if error is not None:
            failed.append(number)
            if _rank(error) > _rank(other):  # the earlier of two of a kind is kept
                other = error
        print(to_json(result), flush=True)
    if failed:
        shown = ", ".join(map(str, failed[:10])) + (" …" if len(failed) > 10 else "")
        lines = f"line {shown}" if len(failed) == 1 else f"{len(failed)} lines ({shown})"
        told = f"{lines} of the batch got an error object; the others were answered"
        if other is None:
            raise BadQuestion(told)
        warn(told)
        raise other


SKIPPED_REASON = "blank line: nothing to ask"


def skipped_line(number: int) -> dict[str, Any]:
    """The JSON line answering batch line `number` that holds nothing visible: no id (null:
    it asks nothing; its line number, the id it had, could be a question's own, `{"id": 3}`
    or `{"id": "3"}`, which a script keying answers by id then lost: s27 hostile probe), its
    line and why nothing was asked; no error (a blank line between questions is no mistake:
    the exit code stays 0)."""
    return {"id": None, "line": number, "skipped": SKIPPED_REASON}


def _rank(err: Exception | None) -> int:
    """How strongly a batch ends on `err` (`answer_batch` ends on the highest, the earlier of
    two of a kind): 0 for none or an unusable question, 1 for a citeqa error, 2 for an
    unexpected one."""
    if err is None or isinstance(err, BadQuestion):
        return 0
    return 1 if isinstance(err, CiteqaError) else 2


def batch_lines(stream: TextIO, limit: int) -> Iterator[tuple[int, str | None]]:
    """Each line of `stream` with its number; None for a line longer than `limit` characters,
    of which no more than `limit` is held at a time."""
    number = 0
    while line := stream.readline(limit + 1):  # a line of `limit` characters and its newline
        number += 1
        if len(line) <= limit or line.endswith("\n"):
            yield number, line
            continue
        while (rest := stream.readline(limit + 1)) and not rest.endswith("\n"):
            pass
        yield number, None


def _batch_answer(
    assistant: Assistant, line: str | None, number: int, k: int | None
) -> tuple[dict[str, Any], Exception | None]:
    """The answer JSON of one batch line (None: too long to read), its id the line's own or
    else its number, or its error object and the error; an unexpected error too (a bug, a
    process limit) stops only its own line: it once ended the batch with a traceback, the lines
    after it never answered. An error object's id is the line's own, null when it gave none
    (a plain line, one not read as JSON): its number, the id it had, could be a question's
    own (`{"id": 5}` on line 2), as a skipped line's could (`skipped_line`)."""
    own_id: Any = None
    try:
        if line is None:
            raise BadQuestion(f"line {number} is longer than {BATCH_LINE_MAX:,} characters")
        own_id, question = parse_batch_line(line, number)
        if question is None:
            raise BadQuestion(f'line {number} needs a "question" string')
        item_id = number if own_id is None else own_id
        return assistant.ask(question, k=k, id=item_id).model_dump(mode="json"), None
    except CiteqaError as err:
        return {"id": own_id, "error": str(err), "line": number}, err
    except Exception as err:  # raised again at the batch's end (answer_batch)
        return {"id": own_id, "error": unexpected_error(err), "line": number}, err


def unexpected_error(err: Exception) -> str:
    """The error object's words for an error no citeqa error names: the process limit it came
    of (errors.limit_message), else its kind and message, the whole cut (visible.cut: a
    message of many short words is bounded too)."""
    if (limit := limit_message(err)) is not None:
        return limit
    return cut(f"unexpected error ({type(err).__name__}: {err}); please report it")


def parse_batch_line(line: str, number: int) -> tuple[Any, str | None]:
    """(id, question) from a plain line or a {"id", "question"} object, the id None when the
    line gives none (a plain line, an object without a string or integer "id"; answered, it
    takes the line's number: `_batch_answer`); BadQuestion if a line
    written as an object is not JSON. The question is None when the object has no "question"
    string (its id is kept, so the error answer can echo it). A line opening with "{" that is
    no object's start (`{{ticket.first_name}} cannot log in`, a template pasted) is a plain
    question: `_written_as_object`."""
    text = line.strip()
    if not _written_as_object(text):
        return None, text
    from citeqa.jsonfiles import json_problem, parse_json

    try:
        item = parse_json(text)  # json skips only ASCII blanks, str.strip all (U+00A0, U+3000)
    except json.JSONDecodeError as err:
        cut = len(line) - len(line.lstrip())  # columns count from the line's start
        raise BadQuestion(f"line {number} is not valid JSON ({json_problem(err, cut)})") from None
    except ValueError as err:  # parse_json's: nested too deeply, a number too long
        raise BadQuestion(f"line {number} cannot be read as JSON ({err})") from None
    if not isinstance(item, dict):
        raise BadQuestion(f'line {number} needs a "question" string')
    item_id = item.get("id")
    if not isinstance(item_id, (str, int)) or isinstance(item_id, bool):
        item_id = None
    question = item.get("question")
    return item_id, question if isinstance(question, str) else None


def _written_as_object(text: str) -> bool:
    """Whether a batch line is meant as a JSON object: "{" then, past blanks, a key's quote
    (`"`, or `'` of a Python dict pasted, which is refused as no JSON), its close "}" or
    nothing. `{{name}}` or `{ticket} …` open no key, so they are asked as written."""
    if not text.startswith("{"):
        return False
    after = text[1:].lstrip()
    return not after or after[0] in "\"'}"


def print_answer(answer: Answer, caution_below: float) -> None:
    """The answer as a person reads it: quotes laid out by `citeqa.readable` with [n], their
    confidence (with a caution below `caution_below`: caution.low_confidence), then the
    numbered sources (a footnote a quote cites under it, Citation.notes; a quote of another
    document that says otherwise after its label:
    Citation.otherwise); an abstention's reason and closest passages, without
    the confidence (that of a quote it did not give, which reads like a half-answer: `--json`
    keeps it). Piped output is never wrapped (a quote's lines are the layout's own)."""
    from rich.console import Console
    from rich.text import Text

    from citeqa.answerlabels import answer_labels, otherwise_label
    from citeqa.caution import low_confidence, shown_confidence

    console = Console(highlight=False)
    console.soft_wrap = not console.is_terminal
    label = answer_labels(answer.lang)
    confidence = Text(f"{label['confidence']} {shown_confidence(answer.confidence)}", style="dim")
    if answer.abstained:
        console.print(Text(clean(answer.answer), style="bold yellow"))
        if answer.passages:
            console.print(Text(label["closest"], style="bold"))
        for passage in answer.passages:
            console.print(
                Text(
                    f"  [{passage.rank}] {shown(source_name(passage.title, None))}"
                    f" ({shown(passage.doc_id)}, {label['chars']} {passage.start}-{passage.end})",
                    style="cyan",
                )
            )
            console.print(
                Text("      " + clean(preview_text(passage.text, is_markdown(passage.path))[:300]))
            )
        return
    for citation in answer.citations:
        otherwise = otherwise_label(citation, answer.lang)
        if otherwise is not None:  # another document states it with another value
            console.print(Text(otherwise, style="bold yellow"))
        if citation.header is not None:  # a table row's header, aligned over the row
            console.print(Text(" " + one_line(citation.header.text), style="dim"))
        console.print(_quote_text(citation.quote, citation.n, is_markdown(citation.path)))
        for note in citation.notes:  # a footnote the quote cites, under it
            console.print(Text(f" {note.mark} {one_line(note.text)}", style="dim"))
    console.print(confidence)
    caution = low_confidence(answer, caution_below)
    if caution is not None:
        console.print(Text(caution, style="bold yellow"))
    console.print(Text(label["sources"], style="bold"))
    for citation in answer.citations:
        where = f"p. {citation.page}" if citation.page else citation.section
        console.print(
            Text(
                f"  [{citation.n}] {shown(source_name(citation.title, where))},"
                f" {shown(citation.doc_id)} {label['chars']} {citation.start}-{citation.end}",
                style="cyan",
            )
        )


def _quote_text(quote: str, n: int, markdown: bool) -> Text:
    """“first line / aligned lines…” [n]: the readable layout between quotation marks."""
    from rich.text import Text

    lines = [clean(line) for line in readable_lines(quote, markdown)]
    body = "\n ".join(lines)  # continuation lines align under the opening mark
    return Text.assemble(("“", "dim"), body, ("”", "dim"), (f" [{n}]", "bold cyan"))
