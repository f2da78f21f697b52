"""A phrase that only frames a question ("à quoi sert", reason_words.json `frame_phrases`):
its words are no terms on a corpus that uses none of them (an English table asked in
French), and stay terms on a corpus that writes one (formal French writes "sert", not "quoi")."""

from __future__ import annotations

from pathlib import Path

from small_corpora import assistant_over

TOOLS = {
    "atelier.md": "# Atelier\n\nLe rabot sert à dresser les planches. La scie sert à couper.\n\n"
    "Le serre-joint sert à maintenir les pièces pendant le collage.\n",
    "notes.md": "# Notes\n\nCommander des vis de 40 mm.\n",
}
OPTIONS = {
    "opts.md": "# Options\n\n| Option | Meaning |\n|---|---|\n"
    "| follow_symlinks | Whether symbolic links are followed. |\n"
    "| dry_run | Print actions without running them. |\n",
    "notes.md": "# Notes\n\nThe backup tool copies files nightly to the NAS.\n",
}


def test_a_tool_the_french_corpus_never_names_stays_refused(tmp_path: Path) -> None:
    """The corpus writes "sert" of other tools: "sert" alone answers nothing of a "ponceuse"."""
    folder = assistant_over(TOOLS, tmp_path / "corpus", tmp_path / "index")
    answer = folder.ask("À quoi sert la ponceuse ?")
    assert answer.abstained, answer.citations[0].quote


def test_an_english_option_asked_in_french_is_answered_by_its_row(tmp_path: Path) -> None:
    """tables dev tab008: "quoi", "sert" are words of no English page, not missing terms."""
    folder = assistant_over(OPTIONS, tmp_path / "corpus", tmp_path / "index")
    answer = folder.ask("À quoi sert follow_symlinks ?")
    assert not answer.abstained, answer.reason
    assert "follow_symlinks" in answer.citations[0].quote
