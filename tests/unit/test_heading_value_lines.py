"""A line writing its section's heading then a colon and a value states that section's value: it
is no title, and may be quoted (titleonly.only_title; s28 trial: a calendar's "Oral blanc
d'anglais …: 2026-03-17 08:00 – 17:00, B006" was left out of the quote as a heading, and another
event's line was quoted for the oral's date)."""

from __future__ import annotations

import pytest
from tests.one_document_banks import one_document_bank, sentence_opening

from citeqa.sentences import SentenceBank
from citeqa.titleonly import heads_section, only_title

CALENDAR = (
    "# calendrier_examens\n"
    "\n"
    "## Bac blanc anglais (écrit) - 2 h\n"
    "\n"
    "Bac blanc anglais (écrit) - 2 h: 2026-02-04, Salles B110-B112\n"
    "\n"
    "## Oral blanc d'anglais (Tle 1) - 20 min par élève\n"
    "\n"
    "Oral blanc d'anglais (Tle 1) - 20 min par élève: 2026-03-17 08:00 – 17:00, B006\n"
    "\n"
    "## Conseils de classe du 2e trimestre\n"
    "\n"
    "Conseils de classe du 2e trimestre: 2026-03-17 17:30\n"
)


def _bank(text: str) -> SentenceBank:
    return one_document_bank(text, "md", "calendrier")


@pytest.mark.parametrize("colon", [":", " :"])
def test_a_line_stating_its_headings_value_is_no_title(colon: str) -> None:
    """French writes a space before the colon ("… élève : 2026-03-17", s28 review G)."""
    bank = _bank(CALENDAR.replace(": 2026", f"{colon} 2026"))
    for line in ("Oral blanc d'anglais (Tle 1) - 20 min par élève", "Bac blanc anglais (écrit) -"):
        index = sentence_opening(bank, line)
        assert not only_title(bank, index)
        assert not heads_section(bank, index)


def test_the_headings_themselves_stay_titles() -> None:
    bank = _bank(CALENDAR)
    for heading in ("## Oral blanc d'anglais", "## Bac blanc anglais", "## Conseils de classe"):
        assert only_title(bank, sentence_opening(bank, heading))
