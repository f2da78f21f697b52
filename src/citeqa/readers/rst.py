"""reStructuredText: the decoded file is the text, byte for byte, as plain text and Markdown.

Why not docutils (a well-kept RST parser, installed here as awscli's dependency): its doctree
has no character offsets (a node knows its line at best, inline nodes often not even that),
and it rewrites the text it parses (``literal`` loses its backquotes, substitutions are
replaced), while every citeqa quote must be the file's exact characters at exact offsets; it
would also be a new dependency costing ~0.15-0.2 s of import (`python -X importtime`, this
machine) for what the text reading below already gives. RST's light markup is read where
Markdown's is, on the verbatim text: a title line over an underline (or between an overline
and an underline) of one repeated punctuation character is a heading (blocks.py), adornment,
code-fence and bare directive lines (".. code-block:: python") are no sentence and no quote
runs across one (markup.py, tallies.py, quoting.py), a comment (".. This data file has been
placed in the public domain.", with the lines indented under it) is no sentence of the index
(markup.rst_comment_spans, tallies.py) and a title skips comments and directives (titles.py).
Version 3: a file opening with a slide's label alone ("Slide 1") is titled by its first slide's
title (titles.slide_label, s19-slides: read again so an index's titles follow). Version 4:
the decoding of every text format changed (textdecoding.py, s21: a non-UTF-8 line of a UTF-8
file read alone as cp1252, a stray NUL byte read as U+FFFD, binary content found anywhere).
Own version 4 (s40): a derived title is no longer cut at an abbreviation's period
(readers/text.py).
"""

from __future__ import annotations

from citeqa.readers.text import TextReader
from citeqa.textdecoding import VERSION as DECODING_VERSION

READERS = (TextReader("rst", (".rst",), version=4 + DECODING_VERSION, reads_mail=False),)
