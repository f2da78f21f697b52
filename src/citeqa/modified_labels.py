"""Owns the labels of the line giving the day a document's section was last changed, by
language ("Last modified:", "Dernière modification :": data/dated_documents.json
`modified_labels`): readers/calendar.py writes one under each event in the calendar's
language, later_statements.py dates a section by such a line of its own, whatever its
language. Read once; the labels are data.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from citeqa.jsonfiles import data_json

__all__ = ["modified_labels"]


@functools.cache
def modified_labels() -> Mapping[str, str]:
    """The labels, colon included, by language code ("en", "fr")."""
    labels: Mapping[str, str] = data_json("dated_documents.json")["modified_labels"]
    return labels
