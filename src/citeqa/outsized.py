"""Tells a document that makes an outsized share of its index (a machine-written log renamed
.txt, a dump of one long line, an instrument's log of numbers), so that `citeqa index` and
`citeqa status` name it.

Such a file is indexed like any other (a user may want to search it), but it costs the build
in proportion to its chunks (the session-14 trial's 20 MB server log alone: 31,009 chunks, 27
min, more than its whole 1,221-document corpus of man pages and FAQ entries), and its passages
crowd the others out of the results; the build's report names it, with its chunks, so a user
can move it out of the corpus if it got there by mistake.

The rule is measured, not a list of names: a document is outsized when it has at least
OUTSIZED_CHUNKS_ALONE chunks; or at least OUTSIZED_CHUNKS_MIN chunks making at least
OUTSIZED_SHARE of an index of OUTSIZED_FILES_MIN documents or more; or at least
DOMINANT_CHUNKS_MIN chunks making at least DOMINANT_SHARE of such an index (it holds most of it).
Measured in session 14 on the 14 cached evaluation indexes (9 to 500 documents), the session 11
to 14 trials' indexes (the bundled corpus, 308 FAQ and manual files, 274 and 1,596 package docs,
1,221 man pages and FAQ entries) with /tmp/s14-cli/chunkstats.py: the first two rules name the
two machine-written files there and nothing else: the s13 trial's huge-one-line.txt (5,433
chunks, 55 % of 274 documents, 40 % of 1,596) and the s14 trial's server log (31,009 chunks,
alone in its folder). The largest other document is bash(1) at 577 chunks (2.7 % of 1,221);
the largest share of an index of 10 documents or more is 6.4 % (95 country pages); the bundled
corpus's slides (86 chunks, 81 % of 5 documents) are small and their corpus few.
OUTSIZED_CHUNKS_ALONE is well above the chunks of a long book (bash(1)'s 330 KB made 577; 10,000
chunks is some 6 MB of text), and OUTSIZED_CHUNKS_MIN is between the largest legitimate document
measured (577) and the smaller machine-written one (5,433).

The session 30 trial (a lab's shared drive) had a 20,001-line instrument log, a CSV of
timestamps, codes and numbers: 1,824 of 1,966 chunks (93 % of 44 documents), which made its
build 5.9 times as long (371.8 s, 63.5 s without it), and no rule named it. Re-measured in
session 31 (/tmp/s31out/chunkstats.py, the same count per index) on every cached evaluation
index (/tmp/s29/cache*: the bundled corpus and 12 evaluation corpora of 5 to 500 documents)
and both trials' indexes (/tmp/s29-trial, 32 documents; /tmp/s30-trial, 44 and 46, and 43
without the log): the log is the only document of 1,000 chunks or more in an index of 10
documents or more; the largest shares below it are a personal journal's 516 chunks (85 % of 83
documents: a diary of notes, prose a user wrote), a generated sheet's 200 (86 % of 7
documents) and the slides' 86 (81 % of 5). DOMINANT_CHUNKS_MIN is twice the journal's chunks
and DOMINANT_SHARE (80 %) sits between the log's 93 % and a long book among a dozen papers
(1,000 chunks, some 600 KB, with 12 papers of 30 chunks: 74 %; 2,000 with 12 of 60: 74 %), which
is not named. A document the last rule names must also look machine-written
(machinewritten.py: its lines repeat a few shapes), since a person's long text can hold most of
an index too (s31 review: a 1,200-chunk thesis among ten short notes, a 1,000-chunk book among
twelve mails), and the line tells the user to leave the file out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

OUTSIZED_CHUNKS_ALONE = 10_000
"""A document of this many chunks is named whatever the rest of its index."""
OUTSIZED_CHUNKS_MIN = 3_000
"""A document of this many chunks is named by its share of an index (OUTSIZED_SHARE) ..."""
OUTSIZED_SHARE = 0.25
"""... and of at least OUTSIZED_CHUNKS_MIN it is named when it makes this share of its index,"""
OUTSIZED_FILES_MIN = 10
"""... of this many documents or more (a corpus of a few files is mostly its longest)."""
DOMINANT_CHUNKS_MIN = 1_000
"""A document of fewer chunks than OUTSIZED_CHUNKS_MIN, but this many, is named when it holds
DOMINANT_SHARE of an index of OUTSIZED_FILES_MIN documents or more; of fewer, never (a long page
of a small corpus is no burden: a journal of 516 chunks is 85 % of its 83 documents)."""
DOMINANT_SHARE = 0.8
"""... most of the index: the s30 trial's log made 93 %; a long book among a dozen papers 74 %;
and it must look machine-written (a thesis among a few notes can make 92 %)."""


def outsized(
    chunks: Mapping[str, int],
    documents: int,
    total: int,
    machine_written: Callable[[str], bool],
) -> list[str]:
    """The documents among `chunks` (name → chunks: those read in this build) that are
    outsized in an index of `documents` documents and `total` chunks (see the module's
    docstring), largest first; `machine_written` tells whether the document of a name looks
    machine-written (machinewritten.py), asked only of one that holds most of the index."""
    named = [
        name
        for name, count in chunks.items()
        if _outsized(count, documents, total)
        or (_dominant(count, documents, total) and machine_written(name))
    ]
    return sorted(named, key=lambda name: (-chunks[name], name))


def _outsized(count: int, documents: int, total: int) -> bool:
    """Whether a document of `count` chunks is outsized in an index of `documents` documents
    and `total` chunks, whatever its text: large alone, or large and a quarter of an index of
    many documents."""
    if count >= OUTSIZED_CHUNKS_ALONE:
        return True
    return (
        documents >= OUTSIZED_FILES_MIN
        and count >= OUTSIZED_CHUNKS_MIN
        and count >= OUTSIZED_SHARE * total
    )


def _dominant(count: int, documents: int, total: int) -> bool:
    """Whether a document of `count` chunks holds most of an index of many documents: outsized
    when a machine wrote it (a log), not when a person did (a thesis among a few notes)."""
    return (
        documents >= OUTSIZED_FILES_MIN
        and count >= DOMINANT_CHUNKS_MIN
        and count >= DOMINANT_SHARE * total
    )
