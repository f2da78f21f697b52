"""A version a question names that only the folders give, or after the product's own name
(versions.py; s23 review B and hostile probe): "in v2" where no page writes "v2" is answered
from the v2 folder's page, not refused for "v2"; "in GitLab version 15" where the pages write
"GitLab" asks for version 15; "in version 25" among forty versions whose page the search did
not rank quotes version 25's page, and one naming no version the newest's."""

from __future__ import annotations

from pathlib import Path

from citeqa.api import Assistant
from small_corpora import assistant_over


def _over(files: dict[str, str], root: Path) -> Assistant:
    corpus = root / "docs"
    for name in files:
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
    return assistant_over(files, corpus, root / "index")


def _limits(kept: int) -> str:
    return f"# Limits\n\n| Resource | Limit |\n|---|---|\n| Releases kept | {kept} |\n"


def test_a_version_only_the_folder_names_is_answered_from_its_page(tmp_path: Path) -> None:
    files = {"reference/limits.md": _limits(20), "v2/limits.md": _limits(5)}
    assistant = _over(files, tmp_path)
    for question in ("How many releases are kept in v2?", "How many releases are kept in v2.x?"):
        answer = assistant.ask(question)
        assert not answer.abstained, answer.reason
        assert answer.citations[0].path.endswith("v2/limits.md")
        assert "5" in answer.citations[0].quote


def _install(cmd: str, port: int) -> str:
    return (
        f"# Installing GitLab\n\nTo install GitLab, run {cmd} after unpacking the package.\n\n"
        f"The web server listens on port {port} by default.\n"
    )


def test_a_version_after_the_name_the_pages_write_is_theirs(tmp_path: Path) -> None:
    files = {
        "v15/install.md": _install("gitlab-ctl reconfigure-legacy", 8080),
        "v16/install.md": _install("gitlab-ctl reconfigure", 8443),
    }
    answer = _over(files, tmp_path).ask(
        "Which port does the web server listen on in GitLab version 15?"
    )
    assert not answer.abstained, answer.reason
    assert {Path(c.path).parent.name for c in answer.citations} == {"v15"}
    assert not any("8443" in c.quote for c in answer.citations)


def test_a_version_the_search_missed_is_fetched(tmp_path: Path) -> None:
    files = {
        f"v{n}/limits.md": f"# Limits\n\nThe number of releases kept is {2 * n}.\n"
        for n in range(1, 41)
    }
    assistant = _over(files, tmp_path)
    for asked in (25, 40):
        answer = assistant.ask(f"How many releases are kept in version {asked}?")
        assert not answer.abstained, answer.reason
        first = answer.citations[0]
        assert first.path.endswith(f"v{asked}/limits.md") and str(2 * asked) in first.quote
    newest = assistant.ask("How many releases are kept?")  # no version named: the newest's
    assert not newest.abstained, newest.reason
    assert newest.citations[0].path.endswith("v40/limits.md")
    assert "80" in newest.citations[0].quote
