"""Print what reading long mails as threads costs (mailthreads.mail_text: a long quote whose
original the file lacks, many lines ending in a colon, many blank lines before a separator,
a Subject of many encoded words, a From of many nested parentheses), each read once in one
pass over its lines (a header value over mailthreads.DECODED_CHARS is kept as written: for the
header cases --lines counts encoded words or parentheses). Not a test; run it by hand:

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
    "subject of encoded words": "'Subject: ' + '=?utf-8?q?caf=C3=A9?= ' * %d + '\\n'",
    "from of nested parentheses": "'From: t@example.org ' + '(' * %d + '\\n'",
}
"""Each case: one line of the mail's body, written as Python, from its number (a header case:
the header line, from its count of parts)."""

_TIMING = """
import sys, time
from citeqa.mailthreads import mail_text
lines, case = int(sys.argv[1]), sys.argv[2]
line = eval("lambda n: " + case.replace("%d", "n"))
if case.startswith(("'Subject", "'From")):  # one header of `lines` parts
    text = "{headers}Hello.\\n\\n" + line(lines) + "{headers}Bye.\\n"  # a second message's
else:
    body = "".join(line(n) for n in range(lines))
    text = "{headers}Hello.\\n" + body + "=====\\n\\n{headers}Bye.\\n"
start = time.perf_counter()
mail_text(text)
print(time.perf_counter() - start)
"""


def _seconds(lines: int, case: str, src: str | None, timeout: float) -> float | str:
    """Seconds to read the mail, in a fresh process importing citeqa from `src` (else the
    PYTHONPATH this one runs with); what stopped it past `timeout` or on an error."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = src
    code = _TIMING.replace("{headers}", HEADERS)
    command = [sys.executable, "-c", code, str(lines), CASES[case]]
    try:
        done = subprocess.run(command, env=env, capture_output=True, check=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s"
    except subprocess.CalledProcessError as failed:
        return f"failed: {failed.stderr.decode(errors='replace').strip().splitlines()[-1][:80]}"
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
        print(f"{args.lines} {case}: {_shown(here)} (this citeqa)")
        if args.baseline_src:
            before = _seconds(args.lines, case, args.baseline_src, args.timeout)
            if isinstance(before, float) and isinstance(here, float):
                print(f"  baseline: {before:.3f} s, ratio this / baseline: {here / before:.4f}")
            else:
                print(f"  baseline: {_shown(before)}")


def _shown(seconds: float | str) -> str:
    return f"{seconds:.3f} s" if isinstance(seconds, float) else seconds


if __name__ == "__main__":
    main()
