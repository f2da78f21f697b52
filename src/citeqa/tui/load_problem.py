"""What the chat says when the assistant cannot load: an index it cannot use, any other failure
(a model, a memory limit), or a corpus with no readable document to index (an empty folder,
only files of other types), which is no index problem and whose remedy is adding files, then
ctrl+r. The app shows them in its header, banner, status line and to each question that
waits, with the error's own words, which the problem carries; an error is also a notification,
while an empty folder's message is said once, in the banner (the status line only names it)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from citeqa.errors import (
    CorpusEmpty,
    IndexCorrupt,
    IndexIncompatible,
    IndexMissing,
)


@dataclass(frozen=True)
class LoadProblem:
    """Why nothing can be answered, in the places the chat says it."""

    headline: str
    """The header's subtitle."""
    title: str
    """The banner's and the notification's title; the banner goes on with the error."""
    remedy: str
    """The banner's last words, after "ctrl+r"."""
    waiting: str
    """What a question asked meanwhile says."""
    error: str = ""
    """The error itself, in the words shown for it (workers.describe): set by `load_problem`;
    the kinds of problem below have none."""
    banner_only: bool = False
    """The error is said in the banner only: the status line shows the title alone and no
    notification repeats it (an empty folder showed one message three times, the user trial)."""


INDEX_UNUSABLE = LoadProblem(
    headline="index unusable · ctrl+r rebuilds it",
    title="The index cannot be used",
    remedy="rebuilds it.",
    waiting="Cannot answer: the index is unusable (see above); ctrl+r rebuilds it.",
)


def no_document() -> LoadProblem:
    """A corpus with no readable document: the file types to add (api.read_types; the api
    module is loaded by then, in the worker that failed to open the assistant)."""
    from citeqa.api import read_types

    return LoadProblem(
        headline=f"no readable document · add {read_types('or')} files, then ctrl+r",
        title="Nothing to index",
        remedy="builds the index once files are added.",
        waiting="Cannot answer: the corpus has no readable document (see above); add files,"
        " then ctrl+r.",
        banner_only=True,
    )


NOT_LOADED = LoadProblem(
    headline="could not load · ctrl+r tries again",
    title="Could not load the assistant",
    remedy="tries again (updating the index).",
    waiting="Cannot answer: the assistant could not load (see above); ctrl+r tries again.",
)
"""Any other failure (a channel's model, a memory limit, a vector engine): no index problem."""


def load_problem(error: BaseException, said: str) -> LoadProblem:
    """The problem `error`, raised while opening the assistant and shown as `said`, is."""
    return replace(problem_kind(error), error=said)


def problem_kind(error: BaseException) -> LoadProblem:
    """Which kind of problem `error` is: one of the process's limits is none of the index's
    (the index's readers raise errors.ProcessLimit for it)."""
    if isinstance(error, CorpusEmpty):
        return no_document()
    if isinstance(error, (IndexCorrupt, IndexIncompatible, IndexMissing)):
        return INDEX_UNUSABLE
    return NOT_LOADED
