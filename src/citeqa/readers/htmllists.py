"""The numbers a browser shows before the items of an HTML page's ordered lists: `<ol>` counts
from 1, or from its `start`; `<ol reversed>` counts down (from its `start`, else from its count
of items); an item's `<li value="7">` sets its own number, and the next items count on from it.

The page is read as a stream (html.py's parser), so the count of items of a reversed list
without `start`, which its first number needs, is read before (`reversed_list_sizes`: a
second, cheap reading, of a page that writes "reversed" only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser

_LISTS = ("ol", "ul", "menu")


class ListNumbers:
    """The number of each item of the ordered lists open, so that an item's first text opens
    with it ("3. Run the migration"); an unordered list open inside one numbers nothing."""

    def __init__(self, reversed_sizes: Iterable[int] = ()) -> None:
        self.counts: list[tuple[int, int] | None] = []
        """For each list open, innermost last: the last number given and the step to the next
        (-1 in a reversed list); None for an unordered list."""
        self.mark = ""
        """The mark of the item just opened, until its first text takes it."""
        self.reversed_sizes: Iterator[int] = iter(reversed_sizes)
        """The count of items of each `<ol reversed>` without `start`, in the page's order."""

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "ol":
            named = dict(attrs)
            step = -1 if "reversed" in named else 1
            start = _number(named.get("start"))
            if start is None:
                start = next(self.reversed_sizes, 1) if step < 0 else 1
            self.counts.append((start - step, step))
        elif tag in ("ul", "menu"):
            self.counts.append(None)
        elif tag == "li" and self.counts and self.counts[-1] is not None:
            last, step = self.counts[-1]
            given = _number(dict(attrs).get("value"))
            number = last + step if given is None else given
            self.counts[-1] = (number, step)
            self.mark = f"{number}. "

    def end(self, tag: str) -> None:
        if tag in _LISTS and self.counts:
            self.counts.pop()
            self.mark = ""

    def marked(self, text: str) -> str:
        """`text` opened by the mark of the item it is the first text of, if any."""
        mark, self.mark = self.mark, ""
        return mark + text.lstrip() if mark else text


def _number(written: str | None) -> int | None:
    """A list's `start` or an item's `value` as a number, read by HTML's rules for parsing
    integers (ASCII whitespace, an optional sign, ASCII digits up to the first other character)
    and held to a 32-bit signed integer as browsers hold it; None when absent or no number.
    Python's int() is not used on it whole: it read "١٢" and "1_000" and refused "3\x1b", and a
    number of thousands of digits opened every item of the list (s25 hostile probe)."""
    found = _INTEGER.match(written or "")
    if found is None:
        return None
    sign, digits = found.groups()
    digits = digits.lstrip("0") or "0"
    magnitude = int(digits) if len(digits) <= len(str(_INT_MAX)) else _INT_MAX + 1
    number = -magnitude if sign == "-" else magnitude
    return max(-_INT_MAX - 1, min(_INT_MAX, number))


_INTEGER = re.compile(r"[\t\n\f\r ]*([+-]?)([0-9]+)")
_INT_MAX = 2**31 - 1


def reversed_list_sizes(html: str) -> list[int]:
    """The count of items of each `<ol reversed>` without `start` of `html`, in its order; []
    at once for a page that writes no "reversed"."""
    if "reversed" not in html.lower():
        return []
    counter = _ReversedSizes()
    counter.feed(html)
    counter.close()
    return [counter.sizes[at] for at in sorted(counter.sizes)]


class _ReversedSizes(HTMLParser):
    """Counts the items of each list of `reversed_list_sizes`: an item belongs to the innermost
    list open."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[int | None] = []
        """For each list open, innermost last: its place among the counted ones, or None."""
        self.sizes: dict[int, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "ol" and "reversed" in named and _number(named.get("start")) is None:
            self.open.append(len(self.sizes))
            self.sizes[len(self.sizes)] = 0
        elif tag in _LISTS:
            self.open.append(None)
        elif tag == "li" and self.open and self.open[-1] is not None:
            self.sizes[self.open[-1]] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _LISTS and self.open:
            self.open.pop()
