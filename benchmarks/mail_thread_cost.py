"""Print what reading long mails as threads costs (mailthreads.mail_text: a long quote whose
original the file lacks, many lines ending in a colon, many blank lines before a separator),
each read once in one pass over its lines. Not a test; run it by hand:

    python benchmarks/mail_thread_cost.py [--lines 5000] [--case NAME] [--baseline-src DIR]
        [--timeout 60]

With --baseline-src (the src/ folder of another citeqa, e.g. `git archive s18-int src`), the
same timings run in fresh processes on that code after this one's, and the ratios are printed
(a baseline run longer than --timeout seconds is shown as "> timeout").
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

HEADERS = "From: Tom Reyes <t@example.org>\\nSubject: Long\\n\\n"
CASES = {
    "quote without its original": "'> quoted line %d of the old message\\n'",
    "lines ending in a colon": "'Item %d:\\n'",
    "blank lines before a separator": "'\\n' if %d else ''",
}
"""Each case: one line of the mail's body, written as Python, from its number."""

_TIMING = """
import sys, time
from citeqa.mailthreads import mail_text
line = eval("lambda n: " + sys.argv[2].replace("%d", "n"))
body = "".join(line(n) for n in range(int(sys.argv[1])))
text = "{headers}Hello.\\n" + body + "=====\\n\\n{headers}Bye.\\n"
start = time.perf_counter()
mail_text(text)
print(time.perf_counter() - start)
"""


def _seconds(lines: int, case: str, src: str | None, timeout: float) -> float | None:
    """Seconds to read the mail, in a fresh process importing citeqa from `src` (else the
    PYTHONPATH this one runs with); None past `timeout`."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = src
    code = _TIMING.replace("{headers}", HEADERS)
    command = [sys.executable, "-c", code, str(lines), CASES[case]]
    try:
        done = subprocess.run(command, env=env, capture_output=True, check=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return float(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=5_000)
    parser.add_argument("--baseline-src", help="another citeqa's src/ folder, timed after")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--case", choices=list(CASES), help="time this case only")
    args = parser.parse_args()
    for case in [args.case] if args.case else list(CASES):
        here = _seconds(args.lines, case, None, args.timeout)
        shown = f"{here:.3f} s" if here is not None else f"> {args.timeout:.0f} s"
        print(f"{args.lines} {case}: {shown} (this citeqa)")
        if args.baseline_src:
            before = _seconds(args.lines, case, args.baseline_src, args.timeout)
            if before is None or here is None:
                print(f"  baseline: {'> timeout' if before is None else f'{before:.3f} s'}")
            else:
                print(f"  baseline: {before:.3f} s, ratio this / baseline: {here / before:.4f}")


if __name__ == "__main__":
    main()
