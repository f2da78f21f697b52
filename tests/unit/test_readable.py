"""Readable quotes: slide dumps and tables laid out in few lines, the quote's characters kept."""

from __future__ import annotations

import re

from citeqa.readable import (
    fold,
    is_markdown,
    is_value,
    preview_text,
    readable,
    readable_lines,
    source_name,
    width,
)
from citeqa.readers.text import READERS as TEXT_READERS

BICLA_SLIDE = (
    "Score SLEDAI-2K moyen : 10,8\n"
    "Patients avec SLEDAI-2K ≥ 10 : 67,3 %\n"
    "Patients sous immunosuppresseurs : 54,8 %\n\n"
    "Efficacité Principale & Secondaire\n\n"
    "Réponse BICLA à S52\n\n56,2 %\n\np=0,0002\n\n37,1 %\n\n"
    "Anifrolumab\n\nPlacebo"
)


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s·]+", text) if w and w != "-"]


def test_slide_dump_becomes_an_aligned_table_and_joined_lines() -> None:
    assert readable_lines(BICLA_SLIDE) == [
        "Score SLEDAI-2K moyen             10,8",
        "Patients avec SLEDAI-2K ≥ 10      67,3 %",
        "Patients sous immunosuppresseurs  54,8 %",
        "Efficacité Principale & Secondaire",
        "Réponse BICLA à S52  56,2 % · p=0,0002 · 37,1 %",
        "Anifrolumab · Placebo",
    ]


def test_only_whitespace_list_markers_and_colons_change() -> None:
    shown = readable(BICLA_SLIDE)
    original = [w for w in _words(BICLA_SLIDE) if w != ":"]
    assert [w for w in _words(shown) if w != ":"] == original


def test_prose_is_one_line_per_paragraph_with_soft_breaks_joined() -> None:
    quote = (
        "La voie sous-cutanée hebdomadaire offre\ndes bénéfices cliniques significatifs.\n\n"
        "It is the first biomedicine to be\n\napproved for use in systemic lupus."
    )
    assert readable_lines(quote) == [
        "La voie sous-cutanée hebdomadaire offre des bénéfices cliniques significatifs.",
        "It is the first biomedicine to be approved for use in systemic lupus.",
    ]


def test_a_label_wrapped_over_lines_stays_one_row() -> None:
    quote = "Âge moyen :\n41 ans\n\nProportion de\nfemmes : 91,2 %"
    assert readable_lines(quote) == ["Âge moyen             41 ans", "Proportion de femmes  91,2 %"]


def test_long_sentences_with_a_colon_are_not_rows() -> None:
    quote = (
        "For Professor Georg Schett, lead author of the study: what is special about this "
        "is that a single infusion of CAR T cells reduced inflammation for months on end."
    )
    assert readable_lines(quote) == [quote]


def test_tab_separated_lines_are_aligned_columns() -> None:
    quote = "\tOBI (n=151)\tPBO (n=151)\nInfections sévères\t8,6%\t4,6%\ndécès\t0,7%\t3,3%"
    assert readable_lines(quote) == [
        "                    OBI (n=151)  PBO (n=151)",
        "Infections sévères  8,6%         4,6%",
        "décès               0,7%         3,3%",
    ]


def test_a_table_too_wide_for_a_terminal_joins_its_cells() -> None:
    row = "\t".join(["cell " + "x" * 40] * 3)
    assert readable_lines("Head\t" + row) == [" · ".join(["Head"] + ["cell " + "x" * 40] * 3)]


def test_short_bullets_are_joined_without_markers_long_ones_keep_their_line() -> None:
    quote = (
        "Long-Term Effects\n\n- 0 deaths\n- 2 relapses\n"
        "- Mieux comprendre comment ces cellules agissent sur les défenses immunitaires.\n"
    )
    assert readable_lines(quote) == [
        "Long-Term Effects · 0 deaths · 2 relapses",
        "- Mieux comprendre comment ces cellules agissent sur les défenses immunitaires.",
    ]


def test_values_are_short_figures() -> None:
    assert is_value("56,2 %") and is_value("p=0,0002") and is_value("-$126 337")
    assert not is_value("Anifrolumab") and not is_value("50 patients")


def test_blank_or_single_line_quotes() -> None:
    assert readable_lines("  one   line  ") == ["one line"]
    assert readable_lines("") == [""]


def test_width_counts_terminal_cells() -> None:
    assert width("é") == 1 and width("e\u0301") == 1 and width("漢字") == 4


def test_fold_keeps_the_first_lines_and_counts_the_rest() -> None:
    lines = [str(n) for n in range(10)]
    assert fold(lines, 4) == (lines[:4], 6)
    assert fold(lines[:5], 4) == (lines[:5], 0)  # one hidden line is not worth a fold


def test_source_name_drops_a_section_that_repeats_the_title() -> None:
    assert source_name("Urban beekeeping notes", "Urban beekeeping notes") == (
        "Urban beekeeping notes"
    )
    assert source_name("Slides", "  RESULTS ") == "Slides · RESULTS"
    assert source_name("Notes", None) == "Notes"
    assert source_name("", "Intro") == "Intro"


def test_a_passage_preview_leaves_out_markdown_markup() -> None:
    """The trial's abstention listed "# Street trees… ## Abstract" and "|---|---|" rows."""
    from citeqa.readable import preview_text

    page = (
        "# Street trees and the urban heat island\n\n## Abstract\nWe measured **surface** heat.\n"
        "| Model | F1 score |\n|---|---|\n| Random forest | 0.81 |\nA plain | pipe."
    )
    assert preview_text(page) == (
        "Street trees and the urban heat island Abstract We measured surface heat."
        " Model · F1 score Random forest · 0.81 A plain | pipe."
    )
    assert preview_text("#hashtag and 3 # 4") == "#hashtag and 3 # 4"  # no heading mark
    escaped = "| id | note |\n|---|---|\n| 1 | a\\|b |"  # a "|" of a cell (readers/delimited.py)
    assert preview_text(escaped) == "id · note 1 · a|b"


def test_a_passage_preview_keeps_the_pipes_of_prose_and_code() -> None:
    """The s15 trial: pydoc's page under its "|" margin was previewed as "description: 'str ·
    None'", a character the source does not hold; only a markdown table's rows lose pipes."""
    from citeqa.readable import preview_text

    pydoc = (
        "class ExpectationFailed(HTTPException)\n"
        " |  ExpectationFailed(description: 'str | None' = None) -> 'None'\n"
        " |  \n"
        " |  *417* `Expectation Failed`"
    )
    assert preview_text(pydoc) == (
        "class ExpectationFailed(HTTPException) | ExpectationFailed(description: 'str | None'"
        " = None) -> 'None' | | *417* `Expectation Failed`"
    )
    assert (
        preview_text("Use `a | b` or `c | d` in a shell.") == "Use `a | b` or `c | d` in a shell."
    )
    unframed = "Model | F1 score\n--- | ---\nRandom forest | 0.81\n\nThe end | of it."
    assert preview_text(unframed) == "Model · F1 score Random forest · 0.81 The end | of it."


def test_markdown_is_what_the_md_reader_reads() -> None:
    md = [reader for reader in TEXT_READERS if reader.kind == "md"]
    assert md and all(is_markdown(f"notes/a{suffix.upper()}") for suffix in md[0].suffixes)
    assert not any(is_markdown(f"a{suffix}") for suffix in ("", ".txt", ".rst", ".mdx"))


def test_a_preview_leaves_out_front_matter_and_admonition_lines() -> None:
    """Found by the session-21 user trial: an abstention's closest passages opened with a
    docs page's front matter ("--- title: … sidebar_position: 3 ---")."""
    passage = (
        "---\ntitle: Deploying your app\nsidebar_position: 3\n---\n\n# Deploying your app\n\n"
        ":::warning\nDeploys time out after 15 minutes.\n:::\n"
    )
    assert preview_text(passage, True) == ("Deploying your app Deploys time out after 15 minutes.")


def test_a_passage_of_markup_alone_is_previewed_as_written() -> None:
    assert preview_text("#lumen #copil\n", True) == "#lumen #copil"


def test_a_markdown_link_reads_as_its_text() -> None:
    """A wiki export's link shows its text, not its target's URL (s23 trial)."""
    quote = "See also [Buddy scheme](Onboarding%203f2a9c1b/Buddy%20scheme%207e6d5c4b.md)."
    assert readable(quote, markdown=True) == "See also Buddy scheme."
    assert readable(quote) == quote  # another file's brackets are data


def test_code_images_and_empty_links_stay_as_written() -> None:
    line = "Run `[a](b)` or x = a[1](2), see ![logo](x.png) and [](y)."
    assert readable(line, markdown=True) == line


def test_a_callout_shows_without_its_icon_and_label() -> None:
    assert readable("💡 **Callout:** the Wi-Fi network is GreenfieldStaff.", markdown=True) == (
        "the Wi-Fi network is GreenfieldStaff."
    )
    assert readable("> **Note** Back up the database first.", markdown=True) == (
        "Back up the database first."
    )
    assert readable("⚠️ Buddies meet every Friday at 10:00.", markdown=True) == (
        "Buddies meet every Friday at 10:00."
    )


def test_a_bold_key_opening_a_plain_line_stays() -> None:
    assert readable("**Deadline:** the grant report is due on 5 May.", markdown=True) == (
        "**Deadline:** the grant report is due on 5 May."
    )
