"""next_dates through answering (compose, with_other_statement): the answers a small folder
of minutes, notices and a calendar gets to "When is the next site meeting?" (the s37 review's
repros), built and asked with the conftest's "fake" channel."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.models import Answer
from small_corpora import asked_of_files as _asked

MINUTES_0224 = (
    "# Site meeting minutes\n\nDate: 24 February 2026\n\nAttendees: contractor, architect, "
    "client.\n\nThe scaffolding inspection was passed.\n\nNext site meeting: 10 March 2026 at "
    "9:00 in the site hut.\n"
)
MINUTES_0310 = (
    "# Site meeting minutes\n\nDate: 10 March 2026\n\nThe roof membrane delivery is late by one "
    "week.\n\nNext site meeting: 24 March 2026 at 9:00 in the site hut.\n"
)
PLAIN_MINUTES_0310 = (
    "# Site meeting minutes\n\nDate: 10 March 2026\n\nAttendees: contractor, architect, "
    "client.\n\nThe roof membrane delivery is late by one week.\n"
)
CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:site@x\r\nDTSTART:20260113T090000\r\n"
    "DTEND:20260113T100000\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU\r\nSUMMARY:Site meeting\r\n"
    "LOCATION:Site hut\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
ASKED = "When is the next site meeting?"


def _quoted(answer: Answer) -> list[tuple[str, bool, str | None]]:
    return [(c.doc_id, c.otherwise, c.occurrence) for c in answer.citations]


@pytest.mark.parametrize(
    ("files", "question", "expected"),
    [
        pytest.param(  # the newer notice, first, writes no next word: it stays the answer
            {
                "site-minutes-2026-03-10.md": MINUTES_0310,
                "next-site-meeting.md": "# Next site meeting\n\nDate: 18 March 2026\n\nBecause "
                "of the crane delivery, the site meeting will be held on Thursday 26 March 2026 "
                "at 9:00 in the site hut.\n",
            },
            ASKED,
            [("next-site-meeting", False, None)],
            id="J-newer-notice-kept",
        ),
        pytest.param(
            {
                "cr-chantier-2026-03-10.md": "# Compte rendu de réunion de chantier\n\nDate : 10 "
                "mars 2026\n\nLa livraison de la membrane a une semaine de retard.\n\nProchaine "
                "réunion de chantier : mardi 24 mars 2026 à 9h00.\n",
                "prochaine-reunion-de-chantier.md": "# Prochaine réunion de chantier\n\nDate : 18 "
                "mars 2026\n\nEn raison de la livraison de la grue, la réunion de chantier aura "
                "lieu le jeudi 26 mars 2026 à 9h00.\n",
            },
            "Quand a lieu la prochaine réunion de chantier ?",
            [("prochaine-reunion-de-chantier", False, None)],
            id="K-french-newer-notice-kept",
        ),
        pytest.param(  # the folder's newest document names no site meeting: no day computed
            {
                "site-calendar.ics": CALENDAR,
                "site-minutes-2026-03-10.md": PLAIN_MINUTES_0310,
                "budget-plan-2027.md": "# Budget plan 2027\n\nDate: 15 January 2027\n\nThe 2027 "
                "budget allocates 1.2 million euros to the second phase.\n",
            },
            ASKED,
            [("site-calendar", False, None)],
            id="C-future-plan-sets-no-day",
        ),
        pytest.param(  # the newest document is the site minutes: the rule's next day
            {"site-calendar.ics": CALENDAR, "site-minutes-2026-03-10.md": PLAIN_MINUTES_0310},
            ASKED,
            [("site-calendar", False, "2026-03-24")],
            id="C0-day-after-the-minutes",
        ),
        pytest.param(  # a notice moves the day the rule gives: no day computed
            {
                "site-calendar.ics": CALENDAR,
                "site-minutes-2026-03-10.md": PLAIN_MINUTES_0310,
                "notice-2026-03-12.md": "# Notice to site staff\n\nDate: 12 March 2026\n\n"
                "Because of the crane delivery, the site meeting of Tuesday 24 March 2026 is "
                "moved to Thursday 26 March 2026 at 9:00 in the site hut.\n",
            },
            ASKED,
            [("site-calendar", False, None)],
            id="I-moved-by-a-notice",
        ),
        pytest.param(  # an undated board's other date is shown
            {
                "site-minutes-2026-03-10.md": MINUTES_0310,
                "site-board.md": "# Site notice board\n\nNext site meeting: Thursday 26 March "
                "2026 at 9:00 (moved because of the crane delivery).\n",
            },
            ASKED,
            [("site-minutes-2026-03-10", False, None), ("site-board", True, None)],
            id="D-undated-disagreement-shown",
        ),
        pytest.param(  # "The following site meeting" of the newer minutes answers
            {
                "site-minutes-2026-02-24.md": MINUTES_0224,
                "site-minutes-2026-03-10.md": PLAIN_MINUTES_0310.replace(
                    "week.\n",
                    "week.\n\nThe following site meeting will be held on 24 March 2026 at 9:00 "
                    "in the site hut.\n",
                ),
            },
            ASKED,
            [("site-minutes-2026-03-10", False, None)],
            id="A-following",
        ),
    ],
)
def test_the_next_site_meeting(
    tmp_path: Path, files: dict[str, str], question: str, expected: list[tuple]
) -> None:
    assert _quoted(_asked(tmp_path, files, question)) == expected
