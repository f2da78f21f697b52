"""Tells a document that makes an outsized share of its index (a machine-written log renamed
.txt, a dump of one long line), so that `citeqa index` names it.

Such a file is indexed like any other (a user may want to search it), but it costs the build
in proportion to its chunks (the session-14 trial's 20 MB server log alone: 31,009 chunks, 27
min, more than its whole 1,221-document corpus of man pages and FAQ entries), and its passages
crowd the others out of the results; the build's report names it, with its chunks, so a user
can move it out of the corpus if it got there by mistake.

The rule is measured, not a list of names: a document is outsized when it has at least
OUTSIZED_CHUNKS_ALONE chunks, or at least OUTSIZED_CHUNKS_MIN chunks making at least
OUTSIZED_SHARE of an index of OUTSIZED_FILES_MIN documents or more. Measured in session 14 on
the 14 cached evaluation indexes (9 to 500 documents), the session 11 to 14 trials' indexes
(the bundled corpus, 308 FAQ and manual files, 274 and 1,596 package docs, 1,221 man pages and
FAQ entries) with /tmp/s14-cli/chunkstats.py: it names the two machine-written files there and
nothing else: the s13 trial's huge-one-line.txt (5,433 chunks, 55 % of 274 documents, 40 % of
1,596) and the s14 trial's server log (31,009 chunks, alone in its folder). The largest other
document is bash(1) at 577 chunks (2.7 % of 1,221); the largest share of an index of 10
documents or more is 6.4 % (95 country pages); the bundled corpus's slides (86 chunks, 81 % of 5
documents) are small and their corpus few. OUTSIZED_CHUNKS_ALONE is well above the chunks of a
long book (bash(1)'s 330 KB made 577; 10,000 chunks is some 6 MB of text), and
OUTSIZED_CHUNKS_MIN is between the largest legitimate document measured (577) and the smaller
machine-written one (5,433), far enough above a long book (1,000 chunks is some 600 KB) that a
book among a dozen papers is not named.
"""

from __future__ import annotations

from collections.abc import Mapping

OUTSIZED_CHUNKS_ALONE = 10_000
"""A document of this many chunks is named whatever the rest of its index."""
OUTSIZED_CHUNKS_MIN = 3_000
"""A document of fewer chunks is never named (a long page of a small corpus is no burden, nor a
long book among a dozen papers: 1,000 chunks, 27 % of 12 x 30 + 1,000, was named at 1,000)."""
OUTSIZED_SHARE = 0.25
"""... and of at least OUTSIZED_CHUNKS_MIN it is named when it makes this share of its index,"""
OUTSIZED_FILES_MIN = 10
"""... of this many documents or more (a corpus of a few files is mostly its longest)."""


def outsized(chunks: Mapping[str, int], documents: int, total: int) -> list[str]:
    """The documents among `chunks` (name → chunks: those read in this build) that are
    outsized in an index of `documents` documents and `total` chunks (see the module's
    docstring), largest first."""
    named = [
        name
        for name, count in chunks.items()
        if count >= OUTSIZED_CHUNKS_ALONE
        or (
            count >= OUTSIZED_CHUNKS_MIN
            and documents >= OUTSIZED_FILES_MIN
            and count >= OUTSIZED_SHARE * total
        )
    ]
    return sorted(named, key=lambda name: (-chunks[name], name))
