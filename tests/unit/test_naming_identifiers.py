"""A question naming a code identifier quotes from the candidate sentences that write it
exactly, whole and case and all (session-15 trial: "variable_start_string" quoted the
`block_start_string` line, "tar --xattrs" the `--xattrs-exclude` one); a name the document's
title writes is where to look, not what is asked."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from citeqa.answering import naming_identifiers
from citeqa.candidates import Candidates
from citeqa.identifiers import asked_about, identifiers
from citeqa.sentences import ScoredSentence


@dataclass
class _Span:
    doc_id: str
    start: int
    end: int


@dataclass
class _Document:
    title: str
    text: str


class _Bank:
    """Just what `naming_identifiers` reads of a SentenceBank: sentences, texts and titles."""

    def __init__(self, title: str, sentences: list[str]) -> None:
        text = " ".join(sentences)
        self.documents = {"doc": _Document(title, text)}
        self.sentences, start = [], 0
        for sentence in sentences:
            self.sentences.append(_Span("doc", start, start + len(sentence)))
            start += len(sentence) + 1

    def text(self, index: int) -> str:
        span = self.sentences[index]
        return self.documents[span.doc_id].text[span.start : span.end]


def _candidates(count: int) -> Candidates:
    """The sentences 0..count-1, best first in that order."""
    return Candidates(
        [
            ScoredSentence(
                index=i, score=0.0, semantic=0.0, coverage=0.0, context=0.0, passage_rank=1
            )
            for i in range(count)
        ],
        np.linspace(1.0, 0.5, count),
        np.arange(count, dtype=float).reshape(count, 1),
    )


TAR = _Bank(
    "TAR(1) GNU TAR Manual TAR(1)",
    [
        "--xattrs-exclude=PATTERN Specify the exclude pattern for xattr keys.",
        "--no-xattrs Disable extended attributes support.",
        "--xattrs Enable extended attributes support.",
        "See also the XATTRS section.",
    ],
)


def _kept(bank: _Bank, question: str) -> list[int]:
    chosen = naming_identifiers(
        _candidates(len(bank.sentences)), bank, asked_about(identifiers(question))
    )  # type: ignore[arg-type]
    return [item.index for item in chosen.sentences]


def test_only_the_sentences_writing_the_whole_name_stay() -> None:
    assert _kept(TAR, "What does tar --xattrs do?") == [2]


def test_their_rows_and_probabilities_follow_them() -> None:
    chosen = naming_identifiers(_candidates(4), TAR, ["--no-xattrs"])  # type: ignore[arg-type]
    assert chosen.probabilities.tolist() == [np.linspace(1.0, 0.5, 4)[1]]
    assert chosen.rows.tolist() == [[1.0]]


def test_a_name_no_candidate_writes_changes_nothing() -> None:
    assert _kept(TAR, "What does tar --turbo do?") == [0, 1, 2, 3]
    assert _kept(TAR, "What does tar --XATTRS do?") == [0, 1, 2, 3]  # code is case-sensitive
    assert _kept(TAR, "What are xattrs in tar?") == [0, 1, 2, 3]  # a word, not a name


def test_the_sentences_writing_the_most_names_stay() -> None:
    bank = _Bank(
        "jinja2.environment",
        [
            "block_start_string: the string marking the beginning of a block.",
            "variable_start_string: the string marking the beginning of a print statement.",
            "Both block_start_string and variable_start_string may be changed.",
        ],
    )
    assert _kept(bank, "Do block_start_string and variable_start_string differ?") == [2]
    assert _kept(bank, "What is the default variable_start_string?") == [1, 2]


def test_a_name_the_title_writes_is_where_to_look_not_what_is_asked() -> None:
    bank = _Bank(
        "SSH_CONFIG(5) File Formats Manual",
        [
            "Include /etc/ssh/ssh_config.d/*.conf files.",
            "ServerAliveInterval sets a timeout interval in seconds; the default is 0.",
        ],
    )
    assert _kept(bank, "What is the default ServerAliveInterval in ssh_config?") == [0, 1]


def test_a_dotted_class_name_is_where_to_look_not_what_is_asked() -> None:
    bank = _Bank(
        "json.encoder",
        [
            ">>> json.JSONEncoder(default=encode_complex).encode(2 + 1j)",
            "JSONEncoder(*, skipkeys=False, sort_keys=False, indent=None)",
        ],
    )
    assert _kept(bank, "Does json.JSONEncoder sort keys by default?") == [0, 1]


FIND = _Bank(
    "FIND(1) General Commands Manual FIND(1)",
    [
        "-mindepth levels Do not apply any tests at levels less than levels.",
        "-maxdepth levels Descend at most levels of directories below the starting-points.",
        "-depth Process each directory's contents before the directory itself.",
    ],
)


def test_an_option_written_with_one_dash_is_the_one_asked() -> None:
    assert _kept(FIND, "What does find --maxdepth do?") == [1]  # was every candidate
