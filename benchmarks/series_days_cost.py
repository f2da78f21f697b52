"""Print what a repeating event's days (recurring_days.py, series_answers.py) cost: reading a
calendar of many repeating events (their rules kept as Document.series), a question asking a
day one daily rule 50 years old falls on, and unheld_days' check that no series of the folder
falls on a day (series_answers.falling_on) over all of them: one budget of
recurring_days.MAX_STEPS days of periods stepped a question caps it, the days then unknown.
CPU seconds, medians of a few rounds. Not a test; run it by hand:

    python benchmarks/series_days_cost.py [--events 10000] [--years 50] [--rounds 3]
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta

from fake_corpus import cpu_median

from citeqa.models import Document
from citeqa.readers.calendar import CalendarReader
from citeqa.recurring_days import MAX_STEPS, Budget, days_in
from citeqa.series_answers import falling_on


def calendar(events: int, first_year: int, excluded: date) -> str:
    """A calendar of `events` events repeating every day from 1 January of `first_year` but
    on `excluded`."""
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:e{n}@x\r\nDTSTART;VALUE=DATE:{first_year}0101\r\n"
        f"RRULE:FREQ=DAILY\r\nEXDATE;VALUE=DATE:{excluded:%Y%m%d}\r\n"
        f"SUMMARY:Round {n}\r\nEND:VEVENT\r\n"
        for n in range(events)
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Bench//EN\r\n{body}END:VCALENDAR\r\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    asked = date(2025, 10, 16)
    text = calendar(args.events, asked.year - args.years, asked)
    reader = CalendarReader()
    read_seconds = cpu_median(lambda: reader.extract(text, "bench.ics"), args.rounds)
    extracted = reader.extract(text, "bench.ics")
    one = extracted.series[0]
    held = asked - timedelta(days=1)
    day_seconds = cpu_median(lambda: days_in(one, held, held, Budget()), args.rounds)
    steps = (held - date(asked.year - args.years, 1, 1)).days + 1
    folder = [
        Document(
            doc_id="b",
            title="b",
            path="/b.ics",
            text=extracted.text,
            sha256="0",
            series=extracted.series,
        )
    ]
    check_seconds = cpu_median(lambda: falling_on(folder)(held.isoformat()), args.rounds)
    # the excluded day: each series expanded to it, until the budget is spent
    unknown_seconds = cpu_median(lambda: falling_on(folder)(asked.isoformat()), args.rounds)
    print(
        f"calendar of {args.events:,} daily events over {args.years} years "
        f"({len(text) / 1e6:.1f} MB): read in {read_seconds:.2f} s "
        f"({len(extracted.series):,} series kept)"
    )
    print(f"one daily series asked {held}: {steps:,} occurrences, {day_seconds * 1000:.1f} ms")
    print(f"folder check, a day the first series falls on: {check_seconds * 1000:.1f} ms")
    print(
        f"folder check, a day every series skips (budget {MAX_STEPS:,} occurrences): "
        f"{unknown_seconds * 1000:.1f} ms; ratio to one series {unknown_seconds / day_seconds:.1f}"
    )


if __name__ == "__main__":
    main()
