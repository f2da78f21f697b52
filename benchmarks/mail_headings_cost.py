"""Print what telling a heading mailthreads wrote from a document's own costs over one quote
call (quoting._past_heading asks it of every heading a span opens on): a long thread and a
long Markdown note, --headings of their headings asked through one MailLayouts (each layout
read once a call). Not a test; run it by hand:

    python benchmarks/mail_headings_cost.py [--messages 400] [--headings 40] [--baseline-src DIR]

With --baseline-src (the src/ folder of another citeqa, e.g. `git archive s19-int src`), the
same timings run in a fresh process on that code (its mail_candidates.is_mail_heading read the
layout anew for every heading, when it has that function) and the ratios are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

MESSAGE = (
    "From: Ann Bell <a@example.org>\nTo: Cy Dow <c@example.org>\n"
    "Date: Thu, 6 Mar 2025 11:00:00 +0100\nSubject: Order\n\n"
    + "A line of the message.\n" * 20
    + "\n=====\n\n"
)


def _timings(messages: int, headings: int) -> dict[str, float]:
    from citeqa import mail_candidates
    from citeqa.mailthreads import mail_text
    from citeqa.models import Document

    written = mail_text(MESSAGE * messages)
    assert written is not None
    texts = {
        "thread": written[0],
        "note": "# Notes\n\n" + "## Part\nSome words.\n" * messages * 150,
    }
    timings = {}
    for name, text in texts.items():
        doc = Document(
            doc_id=name, title=name, path=f"/{name}.md", text=text, sha256="0", kind="md"
        )
        starts = [at for at in range(len(text)) if text.startswith("## ", at)][:headings]
        begun = time.perf_counter()
        old = getattr(mail_candidates, "is_mail_heading", None)
        if old is not None:
            found = sum(old(doc, at) for at in starts)
        else:
            layouts = mail_candidates.MailLayouts({name: doc})
            found = sum(layouts.is_mail_heading(name, at) for at in starts)
        timings[f"{name} ({len(text) // 1000} KB, {found} mail headings)"] = (
            time.perf_counter() - begun
        )
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=400)
    parser.add_argument("--headings", type=int, default=40)
    parser.add_argument("--baseline-src")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    timings = _timings(args.messages, args.headings)
    if args.json:
        print(json.dumps(timings))
        return
    baseline: dict[str, float] = {}
    if args.baseline_src:
        command = [sys.executable, __file__, "--json", "--messages", str(args.messages)]
        command += ["--headings", str(args.headings)]
        env = {**os.environ, "PYTHONPATH": args.baseline_src}
        ran = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        baseline = json.loads(ran.stdout)
    for name, seconds in timings.items():
        line = f"{name}: {args.headings} headings asked in {seconds:.4f} s"
        if name in baseline:
            line += f"; baseline {baseline[name]:.4f} s ({baseline[name] / seconds:.0f}x)"
        print(line)


if __name__ == "__main__":
    main()
