"""Print what reading one LaTeX-looking line costs as its "}{" pairs grow: a note's
`\\begin{align} f = \\frac{a0}{b0} + … + c` line, 20 then 200 fractions, and their ratio (about
10 when a line is read in one pass; the lazy argument of s33-tex backtracked exponentially and
never finished at 26). Not a test; run it by hand:

    python benchmarks/latex_markup_line.py
"""

from __future__ import annotations

import timeit

from citeqa.markup import is_no_text


def _line(fractions: int) -> str:
    """An align line of `fractions` fractions with text after the last brace (no markup line)."""
    terms = " + ".join(f"\\frac{{a{n}}}{{b{n}}}" for n in range(fractions))
    return f"\\begin{{align}} f = {terms} + c"


def _seconds(fractions: int, runs: int = 200) -> float:
    """Seconds to ask whether the line of `fractions` fractions is no text."""
    line = _line(fractions)
    return timeit.timeit(lambda: is_no_text(line), number=runs) / runs


def main() -> None:
    """Time 20 and 200 fractions and print their ratio."""
    small, large = _seconds(20), _seconds(200)
    print(f"20 fractions: {small * 1e6:.1f} µs; 200 fractions: {large * 1e6:.1f} µs")
    print(f"ratio 200/20: {large / small:.1f}")


if __name__ == "__main__":
    main()
