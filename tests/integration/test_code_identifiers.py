"""A question naming a code identifier (identifiers.py) quotes the sentence that writes it, not
a neighbour sharing its parts, and abstains, naming it, when the documents never write it
or, when they write its words but the closest passages never write it whole (session-15
trial: "tar --xattrs" quoted `--xattrs-exclude`; "kill --gentle", "ndarray.to_parquet" and
"the max_fps argument of rich's Console" were answered with the closest sentence)."""

from __future__ import annotations

import pytest
from integration_helpers import assert_abstains

from citeqa.api import Assistant
from small_corpora import assistant_over

MANUAL = """PACK(1)

pack stores files in an archive. The --xattrs-exclude=PATTERN option skips the extended
attribute keys of the archive that match PATTERN. The --xattrs option keeps extended
attributes in the archive. The --no-xattrs option drops extended attributes from the archive.

The block_size setting sets the record size in bytes. The block_count setting sets how many
records are written before the archive is flushed to disk.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"pack.1.txt": MANUAL},
        tmp_path_factory.mktemp("manual"),
        tmp_path_factory.mktemp("index"),
        channels=("fake",),
    )


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("What does pack --turbo do?", "The documents never mention “--turbo”."),
        (
            "À quoi sert l'option --turbo de pack ?",
            "Les documents ne mentionnent jamais “--turbo”.",
        ),
        ("What does the block_speed setting do?", "The documents never mention “block_speed”."),
        ("What does enum.Enum do in pack?", "The documents never mention “enum.Enum”."),
        # a bidi mark or other format character inside the name hid it from the check (\w does
        # not match it): answered at .55 instead (probe s16-hostile)
        (
            "What does the block_\u200espeed setting do?",
            "The documents never mention “block_speed”.",
        ),
        ("What does pack --tur\u202ebo\u202c do?", "The documents never mention “--turbo”."),
        (  # "block" and "records" are words of the manual, never this name
            "What does the block_records setting do?",
            "The documents do not appear to answer this question: the closest passages never"
            " mention “block_records”.",
        ),
    ],
)
def test_an_identifier_the_documents_never_write_is_the_reason(
    assistant: Assistant, question: str, reason: str
) -> None:
    answer = assistant.ask(question)
    assert_abstains(answer, reason)
    assert answer.passages, "the closest passages are still offered"


@pytest.mark.parametrize(
    ("question", "quoted", "not_quoted"),
    [
        ("What does the --xattrs option of pack do?", "--xattrs option keeps", "PATTERN"),
        ("What does the block_count setting do?", "block_count", "record size"),
    ],
)
def test_the_quote_writes_the_identifier_asked(
    assistant: Assistant, question: str, quoted: str, not_quoted: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.answer
    quote = " ".join(citation.quote for citation in answer.citations)
    assert quoted in quote and not_quoted not in quote, quote


GROFF = """SHRINK(1)

shrink compresses a folder into one file. The \u2010\u2010max\u2010size=N option stops shrink
when the output file reaches N bytes. The \\-\\-min\\-ratio=R option skips a file compressed
less than R. The --keep-
    daily option keeps one output file per day. The --dry-run option prints what shrink
would compress and writes nothing. The -threads=T option compresses T files in parallel.
"""


@pytest.fixture(scope="module")
def groff(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"shrink.1.txt": GROFF},
        tmp_path_factory.mktemp("groff"),
        tmp_path_factory.mktemp("index"),
        channels=("fake",),
    )


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("What does the --max-size option of shrink do?", "reaches N bytes"),
        ("What does the --min-ratio option of shrink do?", "compressed"),
        ("What does the --keep-daily option of shrink do?", "per day"),
        ("What does the --dry_run option of shrink do?", "writes nothing"),
    ],
)
def test_an_option_typeset_otherwise_is_written(
    groff: Assistant, question: str, quoted: str
) -> None:
    answer = groff.ask(question)  # groff's U+2010, roff's "\-", a line split, '_' for '-'
    assert not answer.abstained, answer.reason
    assert quoted in " ".join(citation.quote for citation in answer.citations)


SHELF = {
    "a.txt": "The archive tool packs files. The archive tool packs the archive of the archive"
    " tool into one archive of the tool, and the archive tool lists the archive.",
    "b.txt": "The block_count setting sets how many records are written before a flush.",
    "client.txt": "The client reads ServerAliveInterval, the seconds between keepalive"
    " messages the ssh client sends, from its config file.",
    "manifest.json": '{"documents": [{"file": "client.txt", "title": "ssh_config"}]}',
}


@pytest.fixture(scope="module")
def shelf(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        SHELF,
        tmp_path_factory.mktemp("shelf"),
        tmp_path_factory.mktemp("index"),
        channels=("fake",),
        k=1,
    )


def test_a_name_outside_the_one_passage_shown_is_read(shelf: Assistant) -> None:
    answer = shelf.ask("What does the archive tool block_count setting do?")
    assert len(answer.passages) == 1
    assert "block_count" not in answer.passages[0].text, "the name is outside the shown passage"
    assert not answer.abstained, answer.reason  # it read the passages the answer reads


def test_a_name_only_a_title_writes_is_written(shelf: Assistant) -> None:
    answer = shelf.ask("What is ServerAliveInterval in ssh_config?")
    assert not answer.abstained, answer.reason
    assert "keepalive" in " ".join(citation.quote for citation in answer.citations)


def test_two_sentences_without_a_space_name_no_identifier(assistant: Assistant) -> None:
    answer = assistant.ask("What does the block_size setting set?It sets the size.Really")
    assert not answer.abstained, answer.reason  # was: never mention “size.Really”


def test_an_option_asked_with_two_dashes_is_read_where_written_with_one(
    groff: Assistant,
) -> None:
    answer = groff.ask("What does the --threads option of shrink do?")  # written "-threads"
    assert not answer.abstained, answer.reason
    assert "in parallel" in " ".join(citation.quote for citation in answer.citations)
