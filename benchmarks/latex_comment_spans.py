"""Print what finding a LaTeX source's `%` comments costs as the source doubles, for the two
shapes that once scanned to the text's or the line's end per opening (s34 review): verbatim
environments that never close ("\\begin{verbatim} x %" lines) and `\\verb` marks that never
close on one long line. Each shape's time at n and 2n and their ratio (about 2 when the scan is
linear; it was about 4.4 and 5). Not a test; run it by hand:

    python benchmarks/latex_comment_spans.py
"""

from __future__ import annotations

import timeit
from collections.abc import Callable

from citeqa.latex import latex_comment_spans


def _unclosed_verbatims(n: int) -> str:
    """`n` lines each opening a verbatim environment that never closes, a "%" on each."""
    return "\\begin{verbatim} x %\n" * n


def _unclosed_verbs(n: int) -> str:
    """One line of `n` `\\verb`s, each with its own mark that never closes, a "%" at its end."""
    return "".join("\\verb" + chr(0x4E00 + i) + "x " for i in range(n)) + "%\n"


def _seconds(text: str, runs: int = 3) -> float:
    """Seconds to find the comments of `text`, the best of `runs`."""
    return min(timeit.repeat(lambda: latex_comment_spans(text), number=1, repeat=runs))


def _report(name: str, shape: Callable[[int], str], n: int) -> None:
    """Print the time of `shape` at n and 2n and their ratio."""
    small, large = _seconds(shape(n)), _seconds(shape(2 * n))
    ratio = large / small
    print(f"{name}: n={n} {small * 1e3:.1f} ms; 2n={2 * n} {large * 1e3:.1f} ms; ratio {ratio:.1f}")


def main() -> None:
    """Time both shapes at n and 2n."""
    _report("unclosed verbatim lines", _unclosed_verbatims, 8000)
    _report("unclosed \\verb marks", _unclosed_verbs, 20000)


if __name__ == "__main__":
    main()
